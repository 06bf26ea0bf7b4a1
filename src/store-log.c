/* store-log.c - the SQL of the events table: one row per state change. */
#include "qdesk/clock.h"
#include "store-log.h"

int store_bind_opt_text(sqlite3_stmt *s, int i, const char *v)
{
	return v && *v ? sqlite3_bind_text(s, i, v, -1, SQLITE_TRANSIENT) : sqlite3_bind_null(s, i);
}

enum qd_status store_event_add(struct store *st, long long at, const char *kind, long long ticket_id,
                               int window, const char *staff, const char *detail)
{
	sqlite3_stmt *s = store_stmt(st,
		"INSERT INTO events (at, day, kind, ticket_id, window, staff, detail)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
	if (!s)
		return QD_ERR_DB;
	char day[11];
	clock_day((time_t)at, day);
	sqlite3_bind_int64(s, 1, at);
	sqlite3_bind_text(s, 2, day, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 3, kind, -1, SQLITE_STATIC);
	if (ticket_id > 0)
		sqlite3_bind_int64(s, 4, ticket_id);
	if (window > 0)
		sqlite3_bind_int(s, 5, window);
	store_bind_opt_text(s, 6, staff);
	store_bind_opt_text(s, 7, detail);
	return store_exec(st, s);
}
