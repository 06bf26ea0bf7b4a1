/* store-cases.c - the SQL of cases (办件) and their elderly-help rows, evaluations (好差评),
 * rectification items (整改) and consultations (咨询). */
#include <stddef.h>
#include "store-cases.h"
#include "store-log.h"

/* Step an INSERT and hand back its rowid. */
static enum qd_status insert_row(struct store *st, sqlite3_stmt *s, long long *id)
{
	enum qd_status r = store_exec(st, s);
	if (r == QD_OK && id)
		*id = sqlite3_last_insert_rowid(store_handle(st));
	return r;
}

static void bind_opt_int(sqlite3_stmt *s, int i, long long v, long long none)
{
	if (v == none)
		sqlite3_bind_null(s, i);
	else
		sqlite3_bind_int64(s, i, v);
}

enum qd_status store_cases_insert(struct store *st, const struct case_row *r, long long *id)
{
	sqlite3_stmt *s = store_stmt(st,
		"INSERT INTO cases (ticket_id, day, at, window, staff, matter, category, channel, outcome,"
		" mode, help_minutes, applicant_masked, id_masked, phone_masked, age, note)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)");
	if (!s)
		return QD_ERR_DB;
	bind_opt_int(s, 1, r->ticket_id, 0);
	sqlite3_bind_text(s, 2, r->day, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(s, 3, r->at);
	bind_opt_int(s, 4, r->window, 0);
	store_bind_opt_text(s, 5, r->staff);
	store_bind_opt_text(s, 6, r->matter);
	store_bind_opt_text(s, 7, r->category);
	sqlite3_bind_text(s, 8, r->channel, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 9, r->outcome, -1, SQLITE_TRANSIENT);
	store_bind_opt_text(s, 10, r->mode);
	sqlite3_bind_int(s, 11, r->help_minutes);
	store_bind_opt_text(s, 12, r->applicant_masked);
	store_bind_opt_text(s, 13, r->id_masked);
	store_bind_opt_text(s, 14, r->phone_masked);
	bind_opt_int(s, 15, r->age, -1);
	store_bind_opt_text(s, 16, r->note);
	return insert_row(st, s, id);
}

enum qd_status store_cases_add_help(struct store *st, long long case_id, const char *help)
{
	sqlite3_stmt *s = store_stmt(st, "INSERT INTO case_help (case_id, help) VALUES (?1, ?2)");
	if (!s)
		return QD_ERR_DB;
	sqlite3_bind_int64(s, 1, case_id);
	sqlite3_bind_text(s, 2, help, -1, SQLITE_TRANSIENT);
	return store_exec(st, s);
}

enum qd_status store_cases_rated(struct store *st, long long ticket_id, int *rated)
{
	sqlite3_stmt *s = store_stmt(st,
		"SELECT EXISTS (SELECT 1 FROM evaluations WHERE ticket_id = ?1 AND voided = 0)");
	if (!s)
		return QD_ERR_DB;
	sqlite3_bind_int64(s, 1, ticket_id);
	int rc = sqlite3_step(s);
	*rated = rc == SQLITE_ROW && sqlite3_column_int(s, 0);
	enum qd_status r = rc == SQLITE_ROW ? QD_OK : store_check(st, rc);
	sqlite3_reset(s);
	return r;
}

enum qd_status store_cases_insert_evaluation(struct store *st, long long ticket_id, const char *day,
                                             long long at, int window, const char *staff, int level,
                                             const char *reason, const char *source,
                                             long long *id)
{
	sqlite3_stmt *s = store_stmt(st,
		"INSERT INTO evaluations (ticket_id, day, at, window, staff, level, reason, source)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
	if (!s)
		return QD_ERR_DB;
	sqlite3_bind_int64(s, 1, ticket_id);
	sqlite3_bind_text(s, 2, day, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(s, 3, at);
	bind_opt_int(s, 4, window, 0);
	store_bind_opt_text(s, 5, staff);
	sqlite3_bind_int(s, 6, level);
	store_bind_opt_text(s, 7, reason);
	sqlite3_bind_text(s, 8, source, -1, SQLITE_STATIC);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		;
	enum qd_status r = rc == SQLITE_CONSTRAINT_UNIQUE ? QD_ERR_RATED : store_check(st, rc);
	sqlite3_reset(s);
	if (r == QD_OK && id)
		*id = sqlite3_last_insert_rowid(store_handle(st));
	return r;
}

enum qd_status store_cases_insert_rectification(struct store *st, long long evaluation_id,
                                                const char *opened_day, const char *deadline,
                                                long long *id)
{
	sqlite3_stmt *s = store_stmt(st,
		"INSERT INTO rectifications (evaluation_id, opened_day, deadline) VALUES (?1, ?2, ?3)");
	if (!s)
		return QD_ERR_DB;
	sqlite3_bind_int64(s, 1, evaluation_id);
	sqlite3_bind_text(s, 2, opened_day, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 3, deadline, -1, SQLITE_TRANSIENT);
	return insert_row(st, s, id);
}

/* Run a one-parameter-pair UPDATE (ticket_id, since) and count the rows it changed. */
static enum qd_status void_step(struct store *st, const char *sql, long long ticket_id, long long since,
                                int *changed)
{
	sqlite3_stmt *s = store_stmt(st, sql);
	if (!s)
		return QD_ERR_DB;
	sqlite3_bind_int64(s, 1, ticket_id);
	sqlite3_bind_int64(s, 2, since);
	enum qd_status r = store_exec(st, s);
	if (changed)
		*changed = r == QD_OK ? sqlite3_changes(store_handle(st)) : 0;
	return r;
}

enum qd_status store_cases_void(struct store *st, long long ticket_id, long long since, int *ncases)
{
	return void_step(st, "UPDATE cases SET voided = 1 WHERE ticket_id = ?1 AND at >= ?2 AND voided = 0",
	                 ticket_id, since, ncases);
}

enum qd_status store_cases_insert_consult(struct store *st, const char *day, long long at, int window,
                                          const char *staff, const char *topic, long long *id)
{
	sqlite3_stmt *s = store_stmt(st,
		"INSERT INTO consultations (day, at, window, staff, topic) VALUES (?1, ?2, ?3, ?4, ?5)");
	if (!s)
		return QD_ERR_DB;
	sqlite3_bind_text(s, 1, day, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(s, 2, at);
	bind_opt_int(s, 3, window, 0);
	store_bind_opt_text(s, 4, staff);
	store_bind_opt_text(s, 5, topic);
	return insert_row(st, s, id);
}

enum qd_status store_cases_void_evaluation(struct store *st, long long ticket_id, long long *eid)
{
	*eid = 0;
	sqlite3_stmt *s = store_stmt(st,
		"UPDATE evaluations SET voided = 1 WHERE ticket_id = ?1 AND voided = 0 RETURNING id");
	if (!s)
		return QD_ERR_DB;
	sqlite3_bind_int64(s, 1, ticket_id);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		*eid = sqlite3_column_int64(s, 0);
	enum qd_status r = store_check(st, rc);
	sqlite3_reset(s);
	if (r != QD_OK || !*eid)
		return r != QD_OK ? r : QD_ERR_NOT_FOUND;
	s = store_stmt(st, "UPDATE rectifications SET state = 'voided' WHERE evaluation_id = ?1");
	if (!s)
		return QD_ERR_DB;
	sqlite3_bind_int64(s, 1, *eid);
	return store_exec(st, s);
}
