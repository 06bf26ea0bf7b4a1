/* test-plans.c - nothing that runs inside a write transaction reads a growing table in full. The
 * engine is driven through two days of every kind of write (issue, call, recall, no-show, return,
 * transfer, pause, finish with cases and a bad rating, undo, walk-in, consultation, sign-in and out,
 * and the next day's rollover of what was left open); the store records every statement handed
 * out inside store_write (store_trace_writes), and each one's EXPLAIN QUERY PLAN may not SCAN a
 * table other than the small, bounded ones (windows, staff), nor sort tickets (a sort reads every
 * row it orders: all of today's waiting tickets, for the old claim). A statement someone adds to a
 * write path is checked as soon as that path runs here. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "qdesk/cases.h"
#include "qdesk/queue.h"
#include "qdesk/staff.h"
#include "hall-fixture.h"

/* Tables whose size is bounded by the hall, not by its history. */
static const char *const bounded[] = { "windows", "staff", NULL };

struct seen { char **sql; size_t n, cap; };

static void record(void *ctx, const char *sql)
{
	struct seen *s = ctx;
	for (size_t i = 0; i < s->n; i++)
		if (strcmp(s->sql[i], sql) == 0)
			return;
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 64;
		s->sql = realloc(s->sql, s->cap * sizeof *s->sql);
		assert_non_null(s->sql);
	}
	s->sql[s->n] = strdup(sql);
	assert_non_null(s->sql[s->n]);
	s->n++;
}

static int is_bounded(const char *table)
{
	for (size_t i = 0; bounded[i]; i++)
		if (strcmp(bounded[i], table) == 0)
			return 1;
	return 0;
}

/* 1 if name is a table of the schema. */
static int is_table(sqlite3 *db, const char *name)
{
	sqlite3_stmt *s;
	int yes = 0;
	if (sqlite3_prepare_v2(db, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?1", -1,
	                       &s, NULL) == SQLITE_OK) {
		sqlite3_bind_text(s, 1, name, -1, SQLITE_STATIC);
		yes = sqlite3_step(s) == SQLITE_ROW;
	}
	sqlite3_finalize(s);
	return yes;
}

static int is_keyword(const char *w)
{
	static const char *const kw[] = { "WHERE", "JOIN", "ON", "LEFT", "INNER", "CROSS", "ORDER",
		"GROUP", "LIMIT", "SET", "VALUES", "USING", "UNION", "EXCEPT", "INTERSECT", "NATURAL",
		"RETURNING", "DEFAULT", "SELECT", "WINDOW", "HAVING", "INDEXED", "NOT", "FROM", NULL };
	for (size_t i = 0; kw[i]; i++)
		if (strcasecmp(kw[i], w) == 0)
			return 1;
	return 0;
}

/* The table that name stands for in sql: itself if it is a table, else the table an alias
 * ("tickets t", "tickets AS t") names; NULL if neither (a subquery, a CTE). */
static const char *table_of(sqlite3 *db, const char *sql, const char *name, char *buf, size_t bufsz)
{
	if (is_table(db, name))
		return name;
	char words[256][64];
	size_t n = 0;
	for (const char *p = sql; *p && n < 256;) {
		if (isalnum((unsigned char)*p) || *p == '_') {
			size_t k = 0;
			while ((isalnum((unsigned char)*p) || *p == '_') && k < 63)
				words[n][k++] = *p++;
			words[n++][k] = '\0';
		} else {
			p++;
		}
	}
	for (size_t i = 0; i + 1 < n; i++) {
		size_t a = i + 1;
		if (strcasecmp(words[a], "AS") == 0 && a + 1 < n)
			a++;
		if (strcmp(words[a], name) == 0 && !is_keyword(words[i]) && is_table(db, words[i])) {
			snprintf(buf, bufsz, "%.63s", words[i]);
			return buf;
		}
	}
	return NULL;
}

/* 1 if index is partial ("… WHERE ended_at IS NULL"): a scan of it reads only the rows it keeps
 * (what is still open), not the table's history. */
static int is_partial_index(sqlite3 *db, const char *index)
{
	sqlite3_stmt *s;
	int yes = 0;
	if (sqlite3_prepare_v2(db, "SELECT 1 FROM sqlite_schema WHERE type = 'index' AND name = ?1"
	                           " AND sql LIKE '% WHERE %'", -1, &s, NULL) == SQLITE_OK) {
		sqlite3_bind_text(s, 1, index, -1, SQLITE_STATIC);
		yes = sqlite3_step(s) == SQLITE_ROW;
	}
	sqlite3_finalize(s);
	return yes;
}

/* Every full scan of a growing table, and every sort of tickets, in sql's plan, printed; their
 * number. Foreign keys are off while explaining: with them on, the plan of an INSERT into a parent
 * table lists the scan of a child table that runs only to settle deferred violations (qdesk has
 * none, and deletes nothing). */
static int bad_scans(sqlite3 *db, const char *sql)
{
	char *explain = malloc(strlen(sql) + 32);
	assert_non_null(explain);
	sprintf(explain, "EXPLAIN QUERY PLAN %s", sql);
	sqlite3_stmt *s;
	sqlite3_exec(db, "PRAGMA foreign_keys = OFF", NULL, NULL, NULL);
	int rc = sqlite3_prepare_v2(db, explain, -1, &s, NULL);
	free(explain);
	if (rc != SQLITE_OK) {
		print_error("cannot explain [%s]: %s\n", sql, sqlite3_errmsg(db));
		return 1;
	}
	int bad = 0;
	while (sqlite3_step(s) == SQLITE_ROW) {
		const char *detail = (const char *)sqlite3_column_text(s, 3);
		char name[64], buf[64];
		if (detail && strstr(detail, "USE TEMP B-TREE FOR") && strstr(sql, "tickets")) {
			print_error("sorts tickets inside a write: %s\n    in: %s\n", detail, sql);
			bad++;
			continue;
		}
		if (!detail || sscanf(detail, "SCAN %63s", name) != 1)
			continue;
		if (strcmp(name, "TABLE") == 0 && sscanf(detail, "SCAN TABLE %63s", name) != 1)
			continue;
		const char *table = table_of(db, sql, name, buf, sizeof buf);
		char index[64];
		const char *using = strstr(detail, " INDEX ");
		if (using && sscanf(using, " INDEX %63s", index) == 1 && is_partial_index(db, index))
			continue;
		if (table && !is_bounded(table)) {
			print_error("full scan of %s inside a write: %s\n    in: %s\n", table, detail, sql);
			bad++;
		}
	}
	sqlite3_finalize(s);
	sqlite3_exec(db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
	return bad;
}

static void must(enum qd_status s)
{
	assert_int_equal(s, QD_OK);
}

static const char *issue(struct store *st, const struct hall *h, const char *type, const char *group,
                         const char *id_number)
{
	static char num[8][16];
	static int k;
	struct issue_input in = { .type = type, .priority = group, .id_number = id_number,
	                          .staff = "guide1" };
	struct ticket t;
	must(queue_issue(st, h, &in, &t));
	char *out = num[k++ % 8];
	strcpy(out, t.number);
	return out;
}

/* A day of every kind of write, leaving windows signed in, one paused, tickets waiting. */
static void drive_day(struct store *st, struct hall *h, const char *day)
{
	char now[32];
	snprintf(now, sizeof now, "%s 09:00:00", day);
	fx_now(now);
	for (int i = 0; i < 3; i++) {
		issue(st, h, "A", NULL, NULL);
		issue(st, h, "D", NULL, NULL);
	}
	issue(st, h, "A", "disabled", NULL);
	issue(st, h, "C", NULL, "11010519491231002X");
	issue(st, h, "B", NULL, NULL);
	struct ticket t;
	must(queue_call_next(st, h, 1, "clerk1", &t));
	must(queue_recall(st, h, 1, "clerk1", NULL));
	must(queue_noshow(st, h, 1, "clerk1", NULL));
	must(queue_requeue(st, h, t.number, "guide1", NULL));
	must(queue_call_next(st, h, 1, "clerk1", NULL));
	must(queue_transfer(st, h, 1, "clerk1", "D", 0, NULL));
	must(queue_call_next(st, h, 1, "clerk1", NULL));
	must(queue_transfer(st, h, 1, "clerk1", NULL, 4, NULL));
	must(queue_call_next(st, h, 4, "clerk2", NULL));
	const char *helps[] = { "form" };
	struct case_input c = { .matter = "licence", .mode = "assisted", .helps = helps, .nhelps = 1,
	                        .minutes = 10, .applicant = "张三", .id_number = "11010519491231002X",
	                        .phone = "13812345678" };
	struct finish_result r;
	must(queue_finish(st, h, 4, "clerk2", &c, 1, 1, "等候时间过长", &r));
	must(queue_undo(st, h, 4, "clerk2", NULL));
	must(queue_finish(st, h, 4, "clerk2", &c, 1, 0, NULL, &r));   /* rated before the undo: kept */
	must(queue_call_next(st, h, 3, "clerk3", NULL));
	must(queue_finish(st, h, 3, "clerk3", NULL, 0, 4, NULL, NULL));
	must(queue_call_number(st, h, 5, "lead1", issue(st, h, "D", NULL, NULL), NULL));
	must(queue_finish(st, h, 5, "lead1", NULL, 0, 0, NULL, NULL));
	must(queue_pause(st, h, 5, "lead1", "meeting"));
	must(queue_resume(st, h, 5, "lead1"));
	must(queue_sign_in(st, h, 2, "clerk3"));          /* an AB-post handover at window 2 */
	must(queue_sign_in(st, h, 2, "clerk1"));
	must(queue_sign_out(st, h, 2, "clerk1"));
	must(cases_log_walk_in(st, h, 3, "clerk3", &c, NULL));
	must(cases_log_consult(st, h, 0, "guide1", "社保转移", NULL));
	must(queue_pause(st, h, 3, "clerk3", "meal"));     /* left paused over night */
	must(queue_call_next(st, h, 5, "lead1", NULL));    /* left called over night */
	int n;
	must(queue_rollover(st, h, &n));
}

static void test_write_plans(void **state)
{
	(void)state;
	struct store *st;
	struct hall h;
	fx_hall(&h);
	h.calling.noshow_requeue = 1;
	h.calling.requeue_max = 1;
	assert_int_equal(store_open(":memory:", STORE_OPEN_CREATE, &st), QD_OK);
	assert_int_equal(fx_staff(st), 0);
	struct seen seen = { 0 };
	store_trace_writes(st, record, &seen);
	must(staff_set_active(st, "gone", 1));
	drive_day(st, &h, "2026-11-20");
	drive_day(st, &h, "2026-11-23");          /* its first write closes Friday's leftovers */
	fx_now("2026-11-23 10:00:00");
	assert_int_equal(queue_requeue(st, &h, "A001", "guide1", NULL), QD_ERR_NOT_NOSHOW);
	assert_int_equal(queue_requeue(st, &h, "A999", "guide1", NULL), QD_ERR_NOT_FOUND);
	store_trace_writes(st, NULL, NULL);
	assert_true(seen.n > 20);
	int bad = 0;
	for (size_t i = 0; i < seen.n; i++) {
		bad += bad_scans(store_handle(st), seen.sql[i]);
		free(seen.sql[i]);
	}
	free(seen.sql);
	store_close(st);
	assert_int_equal(bad, 0);
}

/* The checker itself: a full scan of a growing table is found, through an alias too, and a sort of
 * tickets. */
static void test_checker_finds_scans(void **state)
{
	(void)state;
	struct store *st;
	assert_int_equal(store_open(":memory:", STORE_OPEN_CREATE, &st), QD_OK);
	sqlite3 *db = store_handle(st);
	assert_int_equal(bad_scans(db, "SELECT count(*) FROM events WHERE staff = ?1"), 1);
	assert_int_equal(bad_scans(db, "SELECT t.id FROM tickets t WHERE t.note = ?1"), 1);
	assert_int_equal(bad_scans(db, "SELECT id FROM tickets WHERE day = ?1"), 0);
	assert_int_equal(bad_scans(db, "SELECT id FROM tickets WHERE day = ?1 ORDER BY note"), 1);
	assert_int_equal(bad_scans(db, "SELECT number FROM windows WHERE state <> 'closed'"), 0);
	assert_int_equal(bad_scans(db, "SELECT id FROM pauses WHERE ended_at IS NULL"), 0);
	store_close(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_checker_finds_scans),
		cmocka_unit_test(test_write_plans),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
