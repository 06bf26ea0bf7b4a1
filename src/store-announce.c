/* store-announce.c - the SQL of the announcer's claims (store-announce.h): the announcements table
 * of migration 4, read by its key and by the partial index of calls being spoken. */
#include <stdio.h>
#include <string.h>
#include "store-announce.h"
#include "store-log.h"

/* The cached statement sql with ?1 = channel and ?2 = event_id bound; NULL on error. */
static sqlite3_stmt *keyed(struct store *st, const char *sql, const char *channel, long long event_id)
{
	sqlite3_stmt *s = store_stmt(st, sql);
	if (s) {
		sqlite3_bind_text(s, 1, channel, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(s, 2, event_id);
	}
	return s;
}

enum qd_status store_announce_claim(struct store *st, const char *channel, long long event_id,
                                    long long at, const char *who, long long busy_since,
                                    int *result, char *other, size_t othersz)
{
	sqlite3_stmt *s = keyed(st, "SELECT 1 FROM announcements WHERE channel = ?1 AND event_id = ?2",
	                        channel, event_id);
	int rc;
	*result = 0;
	if (othersz)
		other[0] = '\0';
	if (!s)
		return QD_ERR_DB;
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	if (rc == SQLITE_ROW) {
		*result = 1;
		return QD_OK;
	}
	if (rc != SQLITE_DONE)
		return store_check(st, rc);
	s = store_stmt(st,
		"SELECT claimed_by FROM announcements WHERE channel = ?1 AND state = 'speaking'"
		" AND claimed_at >= ?2 AND claimed_by <> ?3 LIMIT 1");
	if (!s)
		return QD_ERR_DB;
	sqlite3_bind_text(s, 1, channel, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(s, 2, busy_since);
	sqlite3_bind_text(s, 3, who, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		const unsigned char *v = sqlite3_column_text(s, 0);
		if (othersz)
			snprintf(other, othersz, "%s", v ? (const char *)v : "");
		*result = 2;
	}
	sqlite3_reset(s);
	if (rc == SQLITE_ROW)
		return QD_OK;
	if (rc != SQLITE_DONE)
		return store_check(st, rc);
	s = keyed(st, "INSERT INTO announcements (channel, event_id, claimed_at, claimed_by)"
	              " VALUES (?1, ?2, ?3, ?4)", channel, event_id);
	if (!s)
		return QD_ERR_DB;
	sqlite3_bind_int64(s, 3, at);
	sqlite3_bind_text(s, 4, who, -1, SQLITE_TRANSIENT);
	return store_exec(st, s);
}

enum qd_status store_announce_end(struct store *st, const char *channel, long long event_id,
                                  const char *state, long long at, const char *error)
{
	sqlite3_stmt *s = keyed(st, "UPDATE announcements SET state = ?3, finished_at = ?4, error = ?5"
	                            " WHERE channel = ?1 AND event_id = ?2", channel, event_id);
	if (!s)
		return QD_ERR_DB;
	sqlite3_bind_text(s, 3, state, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(s, 4, at);
	store_bind_opt_text(s, 5, error);
	return store_exec(st, s);
}

enum qd_status store_announce_abandon(struct store *st, const char *channel, long long before,
                                      long long at, const char *error, int *n)
{
	sqlite3_stmt *s = keyed(st, "UPDATE announcements SET state = 'failed', finished_at = ?3, error = ?4"
	                            " WHERE channel = ?1 AND state = 'speaking' AND claimed_at < ?2",
	                        channel, before);
	*n = 0;
	if (!s)
		return QD_ERR_DB;
	sqlite3_bind_int64(s, 3, at);
	sqlite3_bind_text(s, 4, error, -1, SQLITE_TRANSIENT);
	enum qd_status r = store_exec(st, s);
	if (r == QD_OK)
		*n = sqlite3_changes(store_handle(st));
	return r;
}

enum qd_status store_announce_cursor(struct store *st, const char *channel, long long *id)
{
	sqlite3_stmt *s = store_stmt(st,
		"SELECT coalesce(max(event_id), 0) FROM announcements WHERE channel = ?1");
	*id = 0;
	if (!s)
		return QD_ERR_DB;
	sqlite3_bind_text(s, 1, channel, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	return rc == SQLITE_ROW ? QD_OK : store_check(st, rc);
}
