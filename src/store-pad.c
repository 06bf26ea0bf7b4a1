/* store-pad.c - the SQL of the evaluation pad: a window's latest finish of the day, a ticket's
 * latest finish, and its "not evaluated" mark, all read through the events indexes. */
#include <stddef.h>
#include "store-pad.h"

/* Step s for one row of two integers (and a third if c is not NULL); zeros when there is none. */
static enum qd_status step_ints(struct store *st, sqlite3_stmt *s, long long *a, long long *b, int *c)
{
	int rc = sqlite3_step(s);
	*a = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
	if (b)
		*b = rc == SQLITE_ROW ? sqlite3_column_int64(s, 1) : 0;
	if (c)
		*c = rc == SQLITE_ROW ? sqlite3_column_int(s, 2) : 0;
	sqlite3_reset(s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? QD_OK : store_check(st, rc);
}

enum qd_status store_pad_last_finish(struct store *st, const char *day, int w, long long since,
                                     long long *ticket_id)
{
	sqlite3_stmt *s = store_stmt(st,
		"SELECT ticket_id FROM events WHERE day = ?1 AND kind = 'finish' AND window = ?2"
		" AND at >= ?3 ORDER BY id DESC LIMIT 1");
	*ticket_id = 0;
	if (!s)
		return QD_ERR_DB;
	sqlite3_bind_text(s, 1, day, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(s, 2, w);
	sqlite3_bind_int64(s, 3, since);
	return step_ints(st, s, ticket_id, NULL, NULL);
}

enum qd_status store_pad_finish_of(struct store *st, long long ticket_id, long long *event_id,
                                   long long *at, int *window)
{
	sqlite3_stmt *s = store_stmt(st,
		"SELECT id, at, coalesce(window, 0) FROM events WHERE ticket_id = ?1 AND kind = 'finish'"
		" ORDER BY id DESC LIMIT 1");
	*event_id = 0;
	if (!s)
		return QD_ERR_DB;
	sqlite3_bind_int64(s, 1, ticket_id);
	return step_ints(st, s, event_id, at, window);
}

enum qd_status store_pad_unrated_after(struct store *st, long long ticket_id, long long after,
                                       int *marked)
{
	sqlite3_stmt *s = store_stmt(st,
		"SELECT EXISTS (SELECT 1 FROM events WHERE ticket_id = ?1 AND kind = 'unrated'"
		" AND id > ?2)");
	long long v = 0;
	*marked = 0;
	if (!s)
		return QD_ERR_DB;
	sqlite3_bind_int64(s, 1, ticket_id);
	sqlite3_bind_int64(s, 2, after);
	enum qd_status r = step_ints(st, s, &v, NULL, NULL);
	*marked = v != 0;
	return r;
}
