/* test-cases.c - the case log against a small hall built here: validation errors that name the
 * field, cases with masked personal data and the holder's age, elderly help rows, one evaluation
 * per ticket, a bad one opening a rectification item due in working days (across a weekend, a
 * holiday and a make-up workday), voiding for undo, consultations, and the event rows. Tickets
 * are seeded straight into the database so these tests do not depend on the queue engine. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "qdesk/cases.h"
#include "qdesk/staff.h"
#include "tmpdb.h"

/* Writable strings for the hall's char * fields without -Wwrite-strings complaints. */
#define S(x) ((char[]){ x })

static struct hall_item categories[] = { { S("enterprise"), S("企业") }, { S("social"), S("社会服务") } };
static struct hall_matter matters[] = {
	{ S("biz-licence"), S("营业执照设立登记"), S("enterprise"), S("行政许可") },
	{ S("pension"), S("养老保险待遇申领"), S("social"), S("行政给付") },
};
static struct hall_item outcomes[] = {
	{ S("consult"), S("咨询") }, { S("accepted"), S("受理") }, { S("done"), S("即办办结") },
	{ S("correction"), S("补正") }, { S("tolerance"), S("容缺受理") }, { S("rejected"), S("不予受理") },
};
static struct hall_item modes[] = { { S("guided"), S("导办") }, { S("assisted"), S("帮办") },
                                    { S("delegated"), S("代办") } };
static struct hall_item helps[] = { { S("priority"), S("优先办理") }, { S("fill-form"), S("代填表单") },
                                    { S("escort"), S("陪同办理") } };
static struct hall_window windows[] = { { .number = 1, .name = S("1号窗口"), .zone = S("z1"), .special = S("") },
                                        { .number = 2, .name = S("2号窗口"), .zone = S("z1"), .special = S("elderly") } };
/* 2024 Labour Day: 1-5 May off, Sunday 28 April and Saturday 11 May worked (调休). */
static char *holidays[] = { S("2024-05-01"), S("2024-05-02"), S("2024-05-03"), S("2024-05-04"), S("2024-05-05") };
static char *workdays[] = { S("2024-04-28"), S("2024-05-11") };

static void hall_fixture(struct hall *h)
{
	memset(h, 0, sizeof *h);
	h->name = S("测试县政务服务中心");
	h->categories = categories;  h->ncategories = 2;
	h->matters = matters;        h->nmatters = 2;
	h->outcomes = outcomes;      h->noutcomes = 6;
	h->modes = modes;            h->nmodes = 3;
	h->helps = helps;            h->nhelps = 3;
	h->windows = windows;        h->nwindows = 2;
	h->eval.good_min_level = 4;
	h->eval.rectify_days = 5;
	h->eval.holidays = holidays; h->eval.nholidays = 5;
	h->eval.workdays = workdays; h->eval.nworkdays = 2;
}

struct fixture {
	struct tmpdb db;
	struct store *st;
	struct hall hall;
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	if (!f)
		return -1;
	*state = f;
	if (tmpdb_open(&f->db, "cases") != 0)
		return -1;
	f->st = f->db.st;
	hall_fixture(&f->hall);
	setenv("QDESK_NOW", "2024-05-10 10:00:00", 1);
	if (staff_add(f->st, "c01", "窗口甲", ROLE_CLERK, "1234") != QD_OK ||
	    staff_add(f->st, "g01", "导服乙", ROLE_GUIDE, "1234") != QD_OK)
		return -1;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	int rc = tmpdb_close(&f->db);
	free(f);
	unsetenv("QDESK_NOW");
	return rc == 0 ? 0 : -1;
}

/* The tests read and seed the database directly; the code under test goes through store*.c. */
static long long sql_int(struct fixture *f, const char *sql)
{
	sqlite3_stmt *s;
	assert_int_equal(sqlite3_prepare_v2(store_handle(f->st), sql, -1, &s, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	long long v = sqlite3_column_type(s, 0) == SQLITE_NULL ? -1 : sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return v;
}

static void sql_text(struct fixture *f, const char *sql, char *out, size_t n)
{
	sqlite3_stmt *s;
	assert_int_equal(sqlite3_prepare_v2(store_handle(f->st), sql, -1, &s, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	const unsigned char *v = sqlite3_column_text(s, 0);
	snprintf(out, n, "%s", v ? (const char *)v : "(null)");
	sqlite3_finalize(s);
}

/* A served ticket of today to rate. */
static long long seed_ticket(struct fixture *f, int seq)
{
	char sql[256];
	snprintf(sql, sizeof sql,
	         "INSERT INTO tickets (day, type, seq, number, pos, issued_at, state)"
	         " VALUES ('2024-05-10', 'A', %d, 'A%03d', %d, 0, 'served')", seq, seq, seq);
	assert_int_equal(sqlite3_exec(store_handle(f->st), sql, NULL, NULL, NULL), SQLITE_OK);
	return sqlite3_last_insert_rowid(store_handle(f->st));
}

static void expect_field(const struct hall *h, const struct case_input *c, enum qd_status want,
                         const char *field)
{
	const char *got = NULL;
	assert_int_equal(cases_validate(h, c, &got), want);
	assert_non_null(got);
	assert_string_equal(got, field);
}

static void test_validate(void **state)
{
	struct fixture *f = *state;
	const struct hall *h = &f->hall;
	const char *help_ok[] = { "priority", "escort" };
	const char *help_bad[] = { "massage" };
	const char *help_twice[] = { "escort", "escort" };
	const char *field = "x";
	struct case_input ok = { .matter = "biz-licence", .outcome = "accepted", .mode = "assisted",
	                         .helps = help_ok, .nhelps = 2, .minutes = 15, .applicant = "张三",
	                         .id_number = "11010519491231002X", .phone = "13812341234", .note = "材料齐全" };
	assert_int_equal(cases_validate(h, &ok, &field), QD_OK);
	assert_null(field);
	struct case_input empty = { 0 };
	assert_int_equal(cases_validate(h, &empty, NULL), QD_OK);

	struct case_input c = ok;
	c.matter = "no-such";          expect_field(h, &c, QD_ERR_NO_CHOICE, "matter");
	c = ok; c.category = "x";      expect_field(h, &c, QD_ERR_NO_CHOICE, "case-category");
	c = ok; c.channel = "fax";     expect_field(h, &c, QD_ERR_NO_CHOICE, "channel");
	c = ok; c.outcome = "finished";expect_field(h, &c, QD_ERR_NO_CHOICE, "outcome");
	c = ok; c.mode = "magic";      expect_field(h, &c, QD_ERR_NO_CHOICE, "mode");
	c = ok; c.helps = help_bad; c.nhelps = 1;   expect_field(h, &c, QD_ERR_NO_CHOICE, "elderly-help");
	c = ok; c.helps = help_twice; c.nhelps = 2; expect_field(h, &c, QD_ERR_INVALID, "elderly-help");
	c = ok; c.minutes = -1;        expect_field(h, &c, QD_ERR_INVALID, "minutes");
	/* Minutes are the time elderly help took: none without a help type. */
	c = ok; c.nhelps = 0;          expect_field(h, &c, QD_ERR_MINUTES_NO_HELP, "minutes");
	/* A category that is not the matter's own contradicts it. */
	c = ok; c.category = "social"; expect_field(h, &c, QD_ERR_INVALID, "case-category");
	c = ok; c.category = "enterprise"; assert_int_equal(cases_validate(h, &c, NULL), QD_OK);
	c = ok; c.id_number = "110105194912310020"; expect_field(h, &c, QD_ERR_IDCARD, "id-number");
	c = ok; c.id_number = "110105202405110019"; expect_field(h, &c, QD_ERR_IDCARD, "id-number"); /* born tomorrow */
	c = ok; c.phone = "12812341234"; expect_field(h, &c, QD_ERR_PHONE, "phone");
	c = ok; c.applicant = "\xff\xfe"; expect_field(h, &c, QD_ERR_INVALID, "applicant");
	char longtext[600];
	memset(longtext, 'a', sizeof longtext - 1);
	longtext[sizeof longtext - 1] = '\0';
	c = ok; c.note = longtext;     expect_field(h, &c, QD_ERR_TOO_LONG, "note");
	c = ok; c.applicant = longtext; expect_field(h, &c, QD_ERR_TOO_LONG, "applicant");
	/* "none" is no handling mode; online is a channel. */
	c = ok; c.mode = "none"; c.channel = "online";
	assert_int_equal(cases_validate(h, &c, NULL), QD_OK);
}

static void test_walk_in(void **state)
{
	struct fixture *f = *state;
	const char *help[] = { "fill-form", "escort" };
	struct case_input c = { .matter = "pension", .outcome = "done", .mode = "delegated", .helps = help,
	                        .nhelps = 2, .minutes = 20, .applicant = "欧阳修",
	                        .id_number = "11010519491231002x", .phone = "13812341234", .note = "家属代办" };
	long long id = 0;
	assert_int_equal(cases_log_walk_in(f->st, &f->hall, 2, "c01", &c, &id), QD_OK);
	assert_true(id > 0);
	char buf[128];
	sql_text(f, "SELECT applicant_masked || '|' || id_masked || '|' || phone_masked || '|' || age"
	            " || '|' || category || '|' || channel || '|' || mode || '|' || day FROM cases", buf, sizeof buf);
	assert_string_equal(buf, "欧**|110105********002X|138****1234|74|social|onsite|delegated|2024-05-10");
	assert_int_equal(sql_int(f, "SELECT ticket_id FROM cases"), -1);
	assert_int_equal(sql_int(f, "SELECT count(*) FROM case_help"), 2);
	assert_int_equal(sql_int(f, "SELECT help_minutes FROM cases"), 20);
	/* Nothing unmasked reached the database. */
	assert_int_equal(sql_int(f, "SELECT count(*) FROM cases WHERE applicant_masked LIKE '%阳修%'"
	                            " OR id_masked LIKE '%1949%' OR phone_masked LIKE '%8123%'"), 0);
	assert_int_equal(sql_int(f, "SELECT count(*) FROM events WHERE kind = 'case' AND window = 2 AND staff = 'c01'"), 1);

	/* Who may log a walk-in: not a guide, not an unknown or disabled account; a real window. */
	assert_int_equal(cases_log_walk_in(f->st, &f->hall, 1, "g01", &c, NULL), QD_ERR_ROLE);
	assert_int_equal(cases_log_walk_in(f->st, &f->hall, 1, "ghost", &c, NULL), QD_ERR_NO_STAFF);
	assert_int_equal(cases_log_walk_in(f->st, &f->hall, 9, "c01", &c, NULL), QD_ERR_NO_WINDOW);
	c.phone = "1381234";
	assert_int_equal(cases_log_walk_in(f->st, &f->hall, 1, "c01", &c, NULL), QD_ERR_PHONE);
	assert_int_equal(sql_int(f, "SELECT count(*) FROM cases"), 1);
}

struct tx_ctx {
	struct fixture *f;
	long long ticket;
	int level;
	const struct case_input *c;
	long long case_id, eval_id, rect_id;
	char deadline[11];
};

static enum qd_status insert_and_rate_tx(struct store *st, void *vctx)
{
	struct tx_ctx *t = vctx;
	enum qd_status r = QD_OK;
	if (t->c)
		r = cases_insert_tx(st, &t->f->hall, t->ticket, 1, "c01", t->c, &t->case_id);
	if (r == QD_OK && t->level)
		r = cases_rate_tx(st, &t->f->hall, t->ticket, 1, "c01", t->level, NULL, &t->eval_id,
		                  &t->rect_id, t->deadline);
	return r;
}

static enum qd_status rate(struct fixture *f, long long ticket, int level, struct tx_ctx *t)
{
	*t = (struct tx_ctx){ .f = f, .ticket = ticket, .level = level };
	return store_write(f->st, insert_and_rate_tx, t);
}

static void test_case_with_ticket_and_rating(void **state)
{
	struct fixture *f = *state;
	long long ticket = seed_ticket(f, 1);
	struct case_input c = { .matter = "biz-licence", .outcome = "correction", .applicant = "张三" };
	struct tx_ctx t = { .f = f, .ticket = ticket, .level = 5, .c = &c };
	assert_int_equal(store_write(f->st, insert_and_rate_tx, &t), QD_OK);
	assert_true(t.case_id > 0);
	assert_true(t.eval_id > 0);
	assert_int_equal(t.rect_id, 0);
	assert_string_equal(t.deadline, "");
	assert_int_equal(sql_int(f, "SELECT ticket_id FROM cases"), ticket);
	assert_int_equal(sql_int(f, "SELECT count(*) FROM rectifications"), 0);
	assert_int_equal(sql_int(f, "SELECT count(*) FROM events WHERE kind = 'evaluation'"), 1);

	/* One evaluation per visit: the second is refused and the whole transaction rolls back. */
	t = (struct tx_ctx){ .f = f, .ticket = ticket, .level = 1, .c = &c };
	assert_int_equal(store_write(f->st, insert_and_rate_tx, &t), QD_ERR_RATED);
	assert_int_equal(sql_int(f, "SELECT count(*) FROM evaluations"), 1);
	assert_int_equal(sql_int(f, "SELECT count(*) FROM cases"), 1);
	assert_int_equal(sql_int(f, "SELECT count(*) FROM rectifications"), 0);

	long long other = seed_ticket(f, 2);
	assert_int_equal(rate(f, other, 0, &t), QD_OK);            /* level 0: no rating asked */
	t = (struct tx_ctx){ .f = f, .ticket = other, .level = 6 };
	assert_int_equal(store_write(f->st, insert_and_rate_tx, &t), QD_ERR_RATING);
	t = (struct tx_ctx){ .f = f, .ticket = other, .level = -1 };
	assert_int_equal(store_write(f->st, insert_and_rate_tx, &t), QD_ERR_RATING);
	assert_int_equal(rate(f, other, 3, &t), QD_OK);
	assert_int_equal(t.rect_id, 0);
	assert_int_equal(sql_int(f, "SELECT count(*) FROM evaluations"), 2);
}

/* Rate a new ticket 1 or 2 on day and check the rectification deadline. */
static void expect_deadline(struct fixture *f, int seq, const char *now, int level, const char *due)
{
	setenv("QDESK_NOW", now, 1);
	long long ticket = seed_ticket(f, seq);
	struct tx_ctx t;
	assert_int_equal(rate(f, ticket, level, &t), QD_OK);
	assert_true(t.rect_id > 0);
	assert_string_equal(t.deadline, due);
	char sql[160], buf[64];
	snprintf(sql, sizeof sql, "SELECT deadline || '|' || state || '|' || opened_day FROM rectifications"
	                          " WHERE id = %lld", t.rect_id);
	sql_text(f, sql, buf, sizeof buf);
	char want[64];
	snprintf(want, sizeof want, "%s|open|%.10s", due, now);
	assert_string_equal(buf, want);
}

static void test_bad_rating_deadlines(void **state)
{
	struct fixture *f = *state;
	/* Thu 16 May: Fri 17, Mon 20 … Thu 23 — across a plain weekend. */
	expect_deadline(f, 1, "2024-05-16 15:00:00", 2, "2024-05-23");
	/* Fri 26 Apr: Sun 28 (make-up workday), Mon 29, Tue 30, then the holiday 1-5 May, Mon 6, Tue 7. */
	expect_deadline(f, 2, "2024-04-26 11:00:00", 1, "2024-05-07");
	/* Thu 9 May: Fri 10, Sat 11 (make-up workday), Mon 13, Tue 14, Wed 15. */
	expect_deadline(f, 3, "2024-05-09 09:00:00", 2, "2024-05-15");
	/* Rated on a holiday (the hall open for 延时服务): the count starts with Mon 6 May. */
	expect_deadline(f, 4, "2024-05-03 10:00:00", 1, "2024-05-10");
	assert_int_equal(sql_int(f, "SELECT count(*) FROM events WHERE kind = 'rectification-open'"), 4);
	/* Another deadline length from the config. */
	f->hall.eval.rectify_days = 15;
	expect_deadline(f, 5, "2024-05-16 15:00:00", 1, "2024-06-06");
}

struct void_ctx { long long ticket, since; };

static enum qd_status void_tx(struct store *st, void *vctx)
{
	struct void_ctx *v = vctx;
	return cases_void_tx(st, v->ticket, v->since);
}

static void test_void(void **state)
{
	struct fixture *f = *state;
	long long ticket = seed_ticket(f, 1);
	struct case_input c = { .matter = "pension", .mode = "guided" };
	/* An earlier case of the same ticket, then the finish that is undone: a case and a bad rating. */
	struct tx_ctx t = { .f = f, .ticket = ticket, .c = &c };
	assert_int_equal(store_write(f->st, insert_and_rate_tx, &t), QD_OK);
	setenv("QDESK_NOW", "2024-05-10 10:05:00", 1);
	t = (struct tx_ctx){ .f = f, .ticket = ticket, .level = 1, .c = &c };
	assert_int_equal(store_write(f->st, insert_and_rate_tx, &t), QD_OK);
	assert_true(t.rect_id > 0);

	struct void_ctx v = { ticket, sql_int(f, "SELECT max(at) FROM cases") };
	assert_int_equal(store_write(f->st, void_tx, &v), QD_OK);
	assert_int_equal(sql_int(f, "SELECT count(*) FROM cases WHERE voided = 0"), 1);
	assert_int_equal(sql_int(f, "SELECT count(*) FROM cases WHERE voided = 1"), 1);
	/* The evaluation and its rectification item belong to the applicant: undo leaves them. */
	assert_int_equal(sql_int(f, "SELECT count(*) FROM evaluations WHERE voided = 1"), 0);
	assert_int_equal(sql_int(f, "SELECT count(*) FROM rectifications WHERE state = 'open'"), 1);
	assert_int_equal(sql_int(f, "SELECT count(*) FROM events WHERE kind = 'case-void'"), 1);
	/* Nothing is deleted, and nothing to void writes no event. */
	assert_int_equal(sql_int(f, "SELECT count(*) FROM cases"), 2);
	assert_int_equal(store_write(f->st, void_tx, &v), QD_OK);
	assert_int_equal(sql_int(f, "SELECT count(*) FROM events WHERE kind = 'case-void'"), 1);
	/* A second rating is refused; only a lead's recorded correction voids the first. */
	struct tx_ctx again;
	assert_int_equal(rate(f, ticket, 4, &again), QD_ERR_RATED);
	assert_int_equal(cases_void_evaluation(f->st, ticket, "c01", "mistyped", NULL), QD_ERR_ROLE);
	assert_int_equal(staff_add(f->st, "l01", "值班长", ROLE_LEAD, "1234"), QD_OK);
	assert_int_equal(cases_void_evaluation(f->st, ticket, "l01", " ", NULL), QD_ERR_REASON);
	long long eid = 0;
	assert_int_equal(cases_void_evaluation(f->st, ticket, "l01", "applicant pressed 1 by mistake",
	                                       &eid), QD_OK);
	assert_true(eid > 0);
	assert_int_equal(sql_int(f, "SELECT count(*) FROM rectifications WHERE state = 'voided'"), 1);
	assert_int_equal(sql_int(f, "SELECT count(*) FROM events WHERE kind = 'evaluation-void'"
	                            " AND staff = 'l01' AND detail LIKE '%by mistake'"), 1);
	assert_int_equal(rate(f, ticket, 4, &again), QD_OK);
	assert_int_equal(sql_int(f, "SELECT count(*) FROM evaluations WHERE voided = 0"), 1);
}

static void test_consult(void **state)
{
	struct fixture *f = *state;
	long long id = 0;
	assert_int_equal(cases_log_consult(f->st, &f->hall, 0, "g01", "营业执照需要带什么材料", &id), QD_OK);
	assert_true(id > 0);
	assert_int_equal(cases_log_consult(f->st, &f->hall, 1, "c01", NULL, NULL), QD_OK);
	assert_int_equal(sql_int(f, "SELECT count(*) FROM consultations WHERE day = '2024-05-10'"), 2);
	assert_int_equal(sql_int(f, "SELECT count(*) FROM consultations WHERE window IS NULL"), 1);
	assert_int_equal(sql_int(f, "SELECT count(*) FROM events WHERE kind = 'consult'"), 2);
	assert_int_equal(cases_log_consult(f->st, &f->hall, 0, "ghost", "?", NULL), QD_ERR_NO_STAFF);
	assert_int_equal(cases_log_consult(f->st, &f->hall, 7, "g01", "?", NULL), QD_ERR_NO_WINDOW);
	char topic[300];
	memset(topic, 'a', sizeof topic - 1);
	topic[sizeof topic - 1] = '\0';
	assert_int_equal(cases_log_consult(f->st, &f->hall, 0, "g01", topic, NULL), QD_ERR_TOO_LONG);
	assert_int_equal(staff_set_active(f->st, "g01", 0), QD_OK);
	assert_int_equal(cases_log_consult(f->st, &f->hall, 0, "g01", "?", NULL), QD_ERR_STAFF_DISABLED);
	assert_int_equal(sql_int(f, "SELECT count(*) FROM consultations"), 2);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	setenv("TZ", "Asia/Shanghai", 1);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_validate, setup, teardown),
		cmocka_unit_test_setup_teardown(test_walk_in, setup, teardown),
		cmocka_unit_test_setup_teardown(test_case_with_ticket_and_rating, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad_rating_deadlines, setup, teardown),
		cmocka_unit_test_setup_teardown(test_void, setup, teardown),
		cmocka_unit_test_setup_teardown(test_consult, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
