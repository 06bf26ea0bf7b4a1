/* store-log.c - the SQL of the events table: one row per state change, with the hall's clock and
 * the system clock (the audit chain, store-audit.c, seals them at commit); and the row collector
 * every store file shares. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "qdesk/clock.h"
#include "store-log.h"

int store_bind_opt_text(sqlite3_stmt *s, int i, const char *v)
{
	return v && *v ? sqlite3_bind_text(s, i, v, -1, SQLITE_TRANSIENT) : sqlite3_bind_null(s, i);
}

/* The day the database was created (qdesk_meta), into day[11]; "" if not recorded. */
static enum qd_status created_day(struct store *st, char day[11])
{
	day[0] = '\0';
	sqlite3_stmt *s = store_stmt(st, "SELECT value FROM qdesk_meta WHERE key = 'created_day'");
	if (!s)
		return QD_ERR_DB;
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		snprintf(day, 11, "%s", (const char *)sqlite3_column_text(s, 0));
		rc = SQLITE_DONE;
	}
	enum qd_status r = store_check(st, rc);
	sqlite3_reset(s);
	return r;
}

enum qd_status store_event_add(struct store *st, long long at, const char *kind, long long ticket_id,
                               int window, const char *staff, const char *detail)
{
	char day[11], created[11];
	clock_day((time_t)at, day);
	/* trust: the clock. A date before the database existed is a clock set back, not history. */
	enum qd_status r = created_day(st, created);
	if (r != QD_OK)
		return r;
	if (created[0] && strcmp(day, created) < 0)
		return QD_ERR_CLOCK_BACK;
	sqlite3_stmt *s = store_stmt(st,
		"INSERT INTO events (at, day, kind, ticket_id, window, staff, detail, sys_at, clock_fixed)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
	if (!s)
		return QD_ERR_DB;
	const char *fixed = getenv("QDESK_NOW");
	sqlite3_bind_int64(s, 1, at);
	sqlite3_bind_text(s, 2, day, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 3, kind, -1, SQLITE_STATIC);
	if (ticket_id > 0)
		sqlite3_bind_int64(s, 4, ticket_id);
	if (window > 0)
		sqlite3_bind_int(s, 5, window);
	store_bind_opt_text(s, 6, staff);
	store_bind_opt_text(s, 7, detail);
	sqlite3_bind_int64(s, 8, (long long)time(NULL));
	sqlite3_bind_int(s, 9, fixed && *fixed);
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

enum qd_status store_count_pair(struct store *st, const char *sql, const char *day, int *a, int *b)
{
	sqlite3_stmt *s = store_stmt(st, sql);
	*a = *b = 0;
	if (!s)
		return QD_ERR_DB;
	sqlite3_bind_text(s, 1, day, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*a = sqlite3_column_int(s, 0);
		*b = sqlite3_column_int(s, 1);
		rc = SQLITE_DONE;
	}
	enum qd_status r = store_check(st, rc);
	sqlite3_reset(s);
	return r;
}

void store_col_text(sqlite3_stmt *s, int i, char *out, size_t size)
{
	const unsigned char *v = sqlite3_column_text(s, i);
	snprintf(out, size, "%s", v ? (const char *)v : "");
}

enum qd_status store_row_by_id(struct store *st, const char *sql, long long id,
                               void (*fill)(sqlite3_stmt *, void *, const void *), void *out)
{
	sqlite3_stmt *s = store_stmt(st, sql);
	if (!s)
		return QD_ERR_DB;
	sqlite3_bind_int64(s, 1, id);
	int rc = sqlite3_step(s);
	enum qd_status r = rc == SQLITE_ROW ? QD_OK : rc == SQLITE_DONE ? QD_ERR_NOT_FOUND : store_check(st, rc);
	if (r == QD_OK)
		fill(s, out, NULL);
	sqlite3_reset(s);
	return r;
}
