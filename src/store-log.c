/* store-log.c - the SQL of the events table: one row per state change; and the row collector every
 * store file shares. */
#include <stdlib.h>
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

enum qd_status store_rows(struct store *st, sqlite3_stmt *s, size_t elem,
                                void (*fill)(sqlite3_stmt *, void *, const void *), const void *ctx,
                                void **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	size_t cap = 0;
	int rc;
	enum qd_status r = QD_OK;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			void *grown = realloc(*out, cap * elem);
			if (!grown) {
				r = QD_ERR_NOMEM;
				break;
			}
			*out = grown;
		}
		fill(s, (char *)*out + *n * elem, ctx);
		(*n)++;
	}
	if (r == QD_OK)
		r = store_check(st, rc);
	sqlite3_reset(s);
	if (r != QD_OK) {
		free(*out);
		*out = NULL;
		*n = 0;
	}
	return r;
}
