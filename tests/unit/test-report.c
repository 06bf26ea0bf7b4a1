/* test-report.c - report.c against rows seeded straight into a database: periods (weeks, month
 * ends, 29 February), working days, the nearest-rank percentiles, rectification rates judged at
 * the period's end, and 办不成事 problems received and solved by the period's end. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include "qdesk/clock.h"
#include "qdesk/report.h"
#include "tmpdb.h"

#define S(x) ((char[]){ x })
static struct hall_item categories[] = { { S("enterprise"), S("企业") } };
static char *holidays[] = { S("2026-10-01"), S("2026-10-02") };
static char *workdays[] = { S("2026-10-10") };

static void hall_fixture(struct hall *h)
{
	memset(h, 0, sizeof *h);
	h->name = S("测试");
	h->categories = categories; h->ncategories = 1;
	h->eval.good_min_level = 4;
	h->eval.holidays = holidays; h->eval.nholidays = 2;
	h->eval.workdays = workdays; h->eval.nworkdays = 1;
	h->close_min = 18 * 60;
}

static void test_periods(void **state)
{
	(void)state;
	char f[11], t[11];
	assert_int_equal(report_period_month("2028-02", f, t), QD_OK);
	assert_string_equal(f, "2028-02-01");
	assert_string_equal(t, "2028-02-29");
	assert_int_equal(report_period_month("2026-12", f, t), QD_OK);
	assert_string_equal(t, "2026-12-31");
	assert_int_equal(report_period_week("2026-11-25", f, t), QD_OK);
	assert_string_equal(f, "2026-11-23");
	assert_string_equal(t, "2026-11-29");
	assert_int_equal(report_period_week("2026-11-29", f, t), QD_OK);
	assert_string_equal(f, "2026-11-23");
	assert_int_equal(report_period_year("2026", f, t), QD_OK);
	assert_string_equal(f, "2026-01-01");
	assert_string_equal(t, "2026-12-31");
	assert_int_equal(report_period_month("2026-13", f, t), QD_ERR_INVALID);
	assert_int_equal(report_period_day("2027-02-29", f, t), QD_ERR_INVALID);
	assert_int_equal(report_period_range("2026-12-02", "2026-12-01", f, t), QD_ERR_INVALID);
	enum report_dim d;
	assert_int_equal(report_dim_parse("weekday", &d), QD_OK);
	assert_int_equal(d, REPORT_BY_WEEKDAY);
	assert_int_equal(report_dim_parse("none", &d), QD_ERR_USAGE);
}

static void test_workdays_and_rates(void **state)
{
	(void)state;
	struct hall h;
	hall_fixture(&h);
	assert_false(report_is_workday(&h, "2026-10-01"));     /* holiday */
	assert_true(report_is_workday(&h, "2026-10-10"));      /* make-up Saturday */
	assert_false(report_is_workday(&h, "2026-10-11"));     /* Sunday */
	assert_true(report_is_workday(&h, "2026-10-12"));
	struct report_measures m;
	memset(&m, 0, sizeof m);
	assert_int_equal(report_wait_percentile(&m, 50), -1);
	assert_int_equal(report_good_rate(&m), -1);
	m.waited = 10;
	m.wait_hist[1] = 4;     /* four waits of 1 min, five of 3, one of 40 */
	m.wait_hist[3] = 5;
	m.wait_hist[40] = 1;
	assert_int_equal(report_wait_percentile(&m, 50), 3 * 60);
	assert_int_equal(report_wait_percentile(&m, 40), 1 * 60);
	assert_int_equal(report_wait_percentile(&m, 90), 3 * 60);
	assert_int_equal(report_wait_percentile(&m, 100), 40 * 60);
	m.rated = 3;
	m.good = 2;
	assert_int_equal(report_good_rate(&m), 667);
}

static void exec(struct store *st, const char *sql)
{
	char *err = NULL;
	int rc = sqlite3_exec(store_handle(st), sql, NULL, NULL, &err);
	if (rc != SQLITE_OK)
		fail_msg("%s: %s", sql, err ? err : "?");
}

static void test_rectifications_and_problems(void **state)
{
	(void)state;
	struct tmpdb db;
	struct hall h;
	hall_fixture(&h);
	assert_int_equal(tmpdb_open(&db, "report"), 0);
	/* 2026-11-02: four bad ratings. Item 1 fixed on 11-03, item 2 explained on 12-02 (after
	 * November), item 3 called back and still open (due 11-09), item 4 voided by an undo. */
	exec(db.st,
		"INSERT INTO tickets (id, day, type, seq, number, state, pos, issued_at) VALUES"
		" (1,'2026-11-02','A',1,'A001','served',1,0), (2,'2026-11-02','A',2,'A002','served',2,0),"
		" (3,'2026-11-02','A',3,'A003','served',3,0), (4,'2026-11-02','A',4,'A004','served',4,0);"
		"INSERT INTO evaluations (id, ticket_id, day, at, level, voided) VALUES"
		" (1,1,'2026-11-02',0,1,0), (2,2,'2026-11-02',0,2,0), (3,3,'2026-11-02',0,2,0),"
		" (4,4,'2026-11-02',0,1,1);");
	char sql[1024];
	snprintf(sql, sizeof sql,
		"INSERT INTO rectifications (evaluation_id, opened_day, deadline, state, called_back, closed_at)"
		" VALUES (1,'2026-11-02','2026-11-09','fixed',1,%lld), (2,'2026-11-02','2026-11-09','explained',0,%lld),"
		" (3,'2026-11-02','2026-11-09','called-back',1,NULL), (4,'2026-11-02','2026-11-09','voided',0,NULL);",
		(long long)clock_at("2026-11-03", 600), (long long)clock_at("2026-12-02", 600));
	exec(db.st, sql);
	setenv("QDESK_NOW", "2026-12-10 09:00:00", 1);
	struct report *r;
	assert_int_equal(report_compute(db.st, &h, "2026-11-01", "2026-11-30", REPORT_BY_NONE, &r), QD_OK);
	assert_int_equal(r->total.rated, 3);
	assert_int_equal(r->total.bad, 3);
	assert_int_equal(r->total.rectifications, 3);
	assert_int_equal(r->total.rectified, 1);           /* item 2 only in December */
	assert_int_equal(r->total.called_back, 2);
	assert_int_equal(r->total.overdue, 2);             /* items 2 and 3 were open past 11-09 */
	assert_int_equal(report_rectify_rate(&r->total), 333);
	assert_int_equal(report_callback_rate(&r->total), 667);
	assert_int_equal(r->have_problems, 1);
	assert_int_equal(r->total.problems_received, 0);
	assert_int_equal(r->days, 30);
	assert_int_equal(r->working_days, 21);
	report_free(r);
	/* The same items judged today: item 2 is rectified now. */
	assert_int_equal(report_compute(db.st, &h, "2026-11-01", "2026-12-31", REPORT_BY_NONE, &r), QD_OK);
	assert_int_equal(r->total.rectified, 2);
	assert_int_equal(r->total.overdue, 1);
	report_free(r);

	/* 办不成事 problems: one solved in November, one in December, one open. */
	snprintf(sql, sizeof sql,
		"INSERT INTO problems (day, at, window, state, resolved_at, what, deadline) VALUES"
		" ('2026-11-05', 0, 7, 'solved', %lld, 'x', '2026-11-12'),"
		" ('2026-11-20', 0, 7, 'solved', %lld, 'x', '2026-11-27'),"
		" ('2026-11-25', 0, 8, 'open', NULL, 'x', '2026-12-02'),"
		" ('2026-12-01', 0, 7, 'open', NULL, 'x', '2026-12-08');",
		(long long)clock_at("2026-11-06", 600), (long long)clock_at("2026-12-03", 600));
	exec(db.st, sql);
	assert_int_equal(report_compute(db.st, &h, "2026-11-01", "2026-11-30", REPORT_BY_WINDOW, &r), QD_OK);
	assert_int_equal(r->have_problems, 1);
	assert_int_equal(r->total.problems_received, 3);
	assert_int_equal(r->total.problems_solved, 1);
	assert_int_equal(r->nrows, 2);
	assert_string_equal(r->rows[0].key, "7");
	assert_int_equal(r->rows[0].m.problems_received, 2);
	assert_int_equal(r->rows[1].m.problems_received, 1);
	struct report_figure *fig;
	size_t n = report_figures(&h, r, &r->total, &fig);
	int seen = 0;
	for (size_t i = 0; i < n; i++)
		seen += !strcmp(fig[i].key, "problems_received") && fig[i].value == 3;
	assert_int_equal(seen, 1);
	free(fig);
	report_free(r);
	unsetenv("QDESK_NOW");
	assert_int_equal(tmpdb_close(&db), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_periods),
		cmocka_unit_test(test_workdays_and_rates),
		cmocka_unit_test(test_rectifications_and_problems),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
