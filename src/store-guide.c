/* store-guide.c - the SQL of the guide desk: sessions at a desk, voiding a ticket and reading its
 * reason back, today's recent service times per queue, and the consultations and guided handlings
 * logged at a desk. The rules are in guide.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "store-guide.h"
#include "store-log.h"

/* Step s; the first row's text column 0 into out (len bytes), "" when there is no row. */
static enum qd_status step_text(struct store *st, sqlite3_stmt *s, char *out, size_t len)
{
	int rc, got = 0;
	out[0] = '\0';
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		if (!got++) {
			const unsigned char *v = sqlite3_column_text(s, 0);
			snprintf(out, len, "%s", v ? (const char *)v : "");
		}
	enum qd_status r = store_check(st, rc);
	sqlite3_reset(s);
	return r;
}

enum qd_status store_guide_desk_staff(struct store *st, int desk, char staff[32])
{
	sqlite3_stmt *s = store_stmt(st,
		"SELECT staff FROM sessions WHERE desk = ?1 AND ended_at IS NULL ORDER BY id DESC LIMIT 1");
	if (!s)
		return QD_ERR_DB;
	sqlite3_bind_int(s, 1, desk);
	return step_text(st, s, staff, 32);
}

enum qd_status store_guide_staff_desk(struct store *st, const char *staff, int *desk)
{
	sqlite3_stmt *s = store_stmt(st,
		"SELECT desk FROM sessions WHERE desk IS NOT NULL AND ended_at IS NULL AND staff = ?1"
		" ORDER BY id DESC LIMIT 1");
	if (!s)
		return QD_ERR_DB;
	sqlite3_bind_text(s, 1, staff, -1, SQLITE_TRANSIENT);
	char v[16];
	enum qd_status r = step_text(st, s, v, sizeof v);
	*desk = r == QD_OK ? atoi(v) : 0;
	return r;
}

enum qd_status store_guide_session_start(struct store *st, int desk, const char *staff, long long now)
{
	sqlite3_stmt *s = store_stmt(st, "INSERT INTO sessions (desk, staff, started_at) VALUES (?1, ?2, ?3)");
	if (!s)
		return QD_ERR_DB;
	sqlite3_bind_int(s, 1, desk);
	sqlite3_bind_text(s, 2, staff, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(s, 3, now);
	return store_exec(st, s);
}

enum qd_status store_guide_session_end(struct store *st, int desk, long long now)
{
	sqlite3_stmt *s = store_stmt(st,
		"UPDATE sessions SET ended_at = max(?2, started_at) WHERE desk = ?1 AND ended_at IS NULL");
	if (!s)
		return QD_ERR_DB;
	sqlite3_bind_int(s, 1, desk);
	sqlite3_bind_int64(s, 2, now);
	return store_exec(st, s);
}

enum qd_status store_guide_void(struct store *st, long long ticket_id, long long now)
{
	sqlite3_stmt *s = store_stmt(st,
		"UPDATE tickets SET state = 'voided', finished_at = ?2 WHERE id = ?1 AND state = 'waiting'");
	if (!s)
		return QD_ERR_DB;
	sqlite3_bind_int64(s, 1, ticket_id);
	sqlite3_bind_int64(s, 2, now);
	enum qd_status r = store_exec(st, s);
	if (r == QD_OK && sqlite3_changes(store_handle(st)) == 0)
		r = QD_ERR_NOT_WAITING;
	return r;
}

enum qd_status store_guide_void_reason(struct store *st, long long ticket_id, char *reason, size_t len)
{
	sqlite3_stmt *s = store_stmt(st,
		"SELECT detail FROM events WHERE ticket_id = ?1 AND kind = 'void' ORDER BY id DESC LIMIT 1");
	if (!s)
		return QD_ERR_DB;
	sqlite3_bind_int64(s, 1, ticket_id);
	return step_text(st, s, reason, len);
}

enum qd_status store_guide_services(struct store *st, const char *day, int k,
                                    struct store_guide_service *out, size_t cap, size_t *n)
{
	/* Today's served tickets only (the state-and-day index), numbered per queue newest first. */
	sqlite3_stmt *s = store_stmt(st,
		"SELECT q, secs FROM (SELECT coalesce(queue_type, type) AS q, finished_at - called_at AS secs,"
		"  row_number() OVER (PARTITION BY coalesce(queue_type, type)"
		"                     ORDER BY finished_at DESC, id DESC) AS rn"
		"  FROM tickets WHERE state = 'served' AND day = ?1"
		"  AND called_at IS NOT NULL AND finished_at >= called_at)"
		" WHERE rn <= ?2");
	*n = 0;
	if (!s)
		return QD_ERR_DB;
	sqlite3_bind_text(s, 1, day, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(s, 2, k);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW && *n < cap) {
		struct store_guide_service *row = &out[(*n)++];
		const unsigned char *q = sqlite3_column_text(s, 0);
		snprintf(row->queue_type, sizeof row->queue_type, "%s", q ? (const char *)q : "");
		row->secs = sqlite3_column_int64(s, 1);
	}
	enum qd_status r = store_check(st, rc == SQLITE_ROW ? SQLITE_DONE : rc);
	sqlite3_reset(s);
	return r;
}

enum qd_status store_guide_log(struct store *st, int guided, const char *day, long long at, int desk,
                               const char *staff, const char *text, long long *id)
{
	sqlite3_stmt *s = store_stmt(st, guided
		? "INSERT INTO cases (day, at, desk, staff, note, channel, outcome, mode)"
		  " VALUES (?1, ?2, ?3, ?4, ?5, 'onsite', 'consult', 'guided')"
		: "INSERT INTO consultations (day, at, desk, staff, topic) VALUES (?1, ?2, ?3, ?4, ?5)");
	if (!s)
		return QD_ERR_DB;
	sqlite3_bind_text(s, 1, day, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(s, 2, at);
	sqlite3_bind_int(s, 3, desk);
	store_bind_opt_text(s, 4, staff);
	store_bind_opt_text(s, 5, text);
	enum qd_status r = store_exec(st, s);
	if (r == QD_OK)
		*id = sqlite3_last_insert_rowid(store_handle(st));
	return r;
}
