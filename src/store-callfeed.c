/* store-callfeed.c - the SQL of the call feed: call and recall events with their ticket's number
 * and type. The feed reads the partial index events_calls (migration 3) from a cursor; the board's
 * history reads today's calls through events_day. */
#include <stdio.h>
#include <string.h>
#include "store-callfeed.h"

#define CALL_COLS \
	"e.id, e.at, e.ticket_id, t.number, t.type, coalesce(e.window, 0), e.kind = 'recall'"

static enum qd_status step_calls(struct store *st, sqlite3_stmt *s, struct call_event *out,
                                 size_t max, size_t *n)
{
	int rc;
	*n = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW && *n < max) {
		struct call_event *c = &out[(*n)++];
		memset(c, 0, sizeof *c);
		c->id = sqlite3_column_int64(s, 0);
		c->at = sqlite3_column_int64(s, 1);
		c->ticket_id = sqlite3_column_int64(s, 2);
		const unsigned char *v = sqlite3_column_text(s, 3);
		snprintf(c->number, sizeof c->number, "%s", v ? (const char *)v : "");
		v = sqlite3_column_text(s, 4);
		snprintf(c->type, sizeof c->type, "%s", v ? (const char *)v : "");
		c->window = sqlite3_column_int(s, 5);
		c->recall = sqlite3_column_int(s, 6);
	}
	sqlite3_reset(s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? QD_OK : store_check(st, rc);
}

enum qd_status store_callfeed_after(struct store *st, long long after, struct call_event *out,
                                    size_t max, size_t *n)
{
	sqlite3_stmt *s = store_stmt(st,
		"SELECT " CALL_COLS " FROM events e JOIN tickets t ON t.id = e.ticket_id"
		" WHERE e.kind IN ('call', 'recall') AND e.id > ?1 ORDER BY e.id LIMIT ?2");
	*n = 0;
	if (!s)
		return QD_ERR_DB;
	sqlite3_bind_int64(s, 1, after);
	sqlite3_bind_int64(s, 2, (long long)max);
	return step_calls(st, s, out, max, n);
}

enum qd_status store_callfeed_head(struct store *st, long long *id)
{
	sqlite3_stmt *s = store_stmt(st,
		"SELECT coalesce(max(id), 0) FROM events WHERE kind IN ('call', 'recall')");
	*id = 0;
	if (!s)
		return QD_ERR_DB;
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	return rc == SQLITE_ROW ? QD_OK : store_check(st, rc);
}

enum qd_status store_callfeed_last(struct store *st, const char *day, struct call_event *out,
                                   size_t max, size_t *n)
{
	sqlite3_stmt *s = store_stmt(st,
		"SELECT " CALL_COLS " FROM events e JOIN tickets t ON t.id = e.ticket_id"
		" WHERE e.id IN (SELECT max(id) FROM events WHERE day = ?1"
		"  AND kind IN ('call', 'recall') GROUP BY ticket_id)"
		" ORDER BY e.id DESC LIMIT ?2");
	*n = 0;
	if (!s)
		return QD_ERR_DB;
	sqlite3_bind_text(s, 1, day, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(s, 2, (long long)max);
	return step_calls(st, s, out, max, n);
}
