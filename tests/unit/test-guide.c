/* test-guide.c - the guide desk's domain: the estimated wait (pure), the queues a guide reads out,
 * attendance at a desk, voiding, lookup, consultations and guided handlings, and the words of an
 * issuing refusal; on the fixture hall (hall-fixture.h) with two desks added. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include "qdesk/guide.h"
#include "qdesk/clock.h"
#include "qdesk/queue.h"
#include "hall-fixture.h"

static struct hall_desk fx_desks[] = {
	{ 1, FX_S("大厅导服台"), FX_S("z1") },
	{ 2, FX_S("二楼导服台"), FX_S("z2") },
};

struct fx { struct store *st; struct hall h; };

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	if (!f || store_open(":memory:", 1, &f->st) != QD_OK || fx_staff(f->st) != 0)
		return -1;
	fx_hall(&f->h);
	f->h.desks = fx_desks;
	f->h.ndesks = 2;
	fx_now("2026-11-23 09:00:00");
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	store_close(f->st);
	free(f);
	return 0;
}

static void issue(struct fx *f, const char *type)
{
	struct issue_input in = { .type = type };
	assert_int_equal(queue_issue(f->st, &f->h, &in, NULL), QD_OK);
}

/* ---- the estimate, pure ---- */

static void test_estimate_no_basis(void **state)
{
	(void)state;
	long long s[] = { 600 };
	assert_false(guide_estimate(3, 0, s, 1).known);      /* no window open */
	assert_false(guide_estimate(3, 2, NULL, 0).known);   /* nothing served today */
	char buf[32];
	struct guide_estimate e = guide_estimate(3, 0, s, 1);
	guide_estimate_text(&e, buf, sizeof buf);
	assert_string_equal(buf, "—");
}

static void test_estimate_ranges(void **state)
{
	(void)state;
	long long ten[] = { 600, 600, 600, 600 };           /* 10 min each */
	struct guide_estimate e = guide_estimate(0, 1, ten, 4);
	assert_true(e.known);
	assert_int_equal(e.lo, 0);                          /* nobody ahead: 0–5 */
	assert_int_equal(e.hi, 5);
	e = guide_estimate(3, 2, ten, 4);                   /* 3 × 10 / 2 = 15 → 15–20 */
	assert_int_equal(e.lo, 15);
	assert_int_equal(e.hi, 20);
	long long mixed[] = { 300, 900 };                   /* mean 10 min */
	e = guide_estimate(5, 4, mixed, 2);                 /* 12.5 → 13 → 10–15 */
	assert_int_equal(e.lo, 10);
	assert_int_equal(e.hi, 15);
	e = guide_estimate(13, 2, ten, 4);                  /* 65 min: steps of 10 → 60–70 */
	assert_int_equal(e.lo, 60);
	assert_int_equal(e.hi, 70);
	long long odd[] = { 61 };                           /* a little over a minute rounds up */
	e = guide_estimate(1, 1, odd, 1);
	assert_int_equal(e.lo, 0);
	assert_int_equal(e.hi, 5);
	e = guide_estimate(5, 1, odd, 1);                   /* 5.08 → 6 → 5–10 */
	assert_int_equal(e.lo, 5);
	e = guide_estimate(100000, 1, ten, 4);              /* capped at a day */
	assert_int_equal(e.lo, 1440);
	char buf[64];
	e = guide_estimate(3, 2, ten, 4);
	guide_estimate_text(&e, buf, sizeof buf);
	assert_string_equal(buf, "about 15–20 min");
}

/* ---- the queues ---- */

static void test_queues(void **state)
{
	struct fx *f = *state;
	struct guide_queue *q;
	size_t n;
	issue(f, "A");
	issue(f, "A");
	issue(f, "A");
	assert_int_equal(guide_queues(f->st, &f->h, &q, &n), QD_OK);
	assert_int_equal(n, 4);
	assert_string_equal(q[0].type->prefix, "A");
	assert_int_equal(q[0].waiting, 3);
	assert_int_equal(q[0].windows, 0);
	assert_false(q[0].estimate.known);                  /* no window open */
	free(q);
	/* window 1 (A, also B) and 4 (A, B) open; A001 served in 12 minutes */
	fx_now("2026-11-23 09:01:00");
	struct ticket t;
	assert_int_equal(queue_call_next(f->st, &f->h, 1, "clerk1", &t), QD_OK);
	assert_int_equal(queue_sign_in(f->st, &f->h, 4, "clerk2"), QD_OK);
	fx_now("2026-11-23 09:13:00");
	assert_int_equal(queue_finish(f->st, &f->h, 1, "clerk1", NULL, 0, 0, NULL, NULL), QD_OK);
	fx_now("2026-11-23 09:40:00");
	assert_int_equal(guide_queues(f->st, &f->h, &q, &n), QD_OK);
	assert_int_equal(q[0].waiting, 2);
	assert_int_equal(q[0].windows, 2);
	assert_int_equal(q[0].samples, 1);
	assert_int_equal(q[0].longest, 40 * 60);
	assert_true(q[0].past_target);                      /* 40 min > 30 */
	assert_true(q[0].estimate.known);                   /* 2 × 12 / 2 = 12 → 10–15 */
	assert_int_equal(q[0].estimate.lo, 10);
	assert_int_equal(q[0].estimate.hi, 15);
	assert_int_equal(q[1].windows, 2);                  /* B: 1 (also) and 4 open, 2 closed */
	free(q);
	/* a paused window does not count */
	assert_int_equal(queue_pause(f->st, &f->h, 4, "clerk2", "meal"), QD_OK);
	assert_int_equal(guide_queues(f->st, &f->h, &q, &n), QD_OK);
	assert_int_equal(q[0].windows, 1);
	free(q);
	/* yesterday's services are no basis today */
	fx_now("2026-11-24 09:00:00");
	issue(f, "A");
	assert_int_equal(guide_queues(f->st, &f->h, &q, &n), QD_OK);
	assert_int_equal(q[0].waiting, 1);
	assert_int_equal(q[0].samples, 0);
	assert_false(q[0].estimate.known);
	free(q);
}

/* ---- attendance ---- */

static void test_desk_sessions(void **state)
{
	struct fx *f = *state;
	char who[32];
	assert_int_equal(guide_sign_in(f->st, &f->h, 1, "clerk1"), QD_ERR_ROLE);
	assert_int_equal(guide_sign_in(f->st, &f->h, 9, "guide1"), QD_ERR_NO_DESK);
	assert_int_equal(guide_sign_in(f->st, &f->h, 1, "gone"), QD_ERR_STAFF_DISABLED);
	assert_int_equal(guide_sign_in(f->st, &f->h, 1, "guide1"), QD_OK);
	assert_int_equal(guide_sign_in(f->st, &f->h, 1, "guide1"), QD_OK);   /* again: nothing new */
	assert_int_equal(fx_int(f->st, "SELECT count(*) FROM sessions WHERE desk = 1"), 1);
	assert_int_equal(fx_int(f->st, "SELECT count(*) FROM sessions WHERE window IS NOT NULL"), 0);
	assert_int_equal(guide_desk_staff(f->st, &f->h, 1, who), QD_OK);
	assert_string_equal(who, "guide1");
	/* a lead takes the desk over: guide1's session ends */
	fx_now("2026-11-23 10:00:00");
	assert_int_equal(guide_sign_in(f->st, &f->h, 1, "lead1"), QD_OK);
	assert_int_equal(guide_sign_out(f->st, &f->h, 1, "guide1"), QD_ERR_TOOK_OVER);
	assert_int_equal(fx_int(f->st, "SELECT count(*) FROM sessions WHERE desk = 1 AND ended_at IS NULL"), 1);
	assert_int_equal(fx_int(f->st, "SELECT count(*) FROM events WHERE kind = 'desk-sign-out'"
	                               " AND staff = 'guide1' AND detail = 'desk 1: handover'"), 1);
	/* guide1 moves to desk 2; the lead moves there too, leaving desk 1 */
	assert_int_equal(guide_sign_in(f->st, &f->h, 2, "guide1"), QD_OK);
	assert_int_equal(guide_sign_in(f->st, &f->h, 2, "lead1"), QD_OK);
	assert_int_equal(guide_desk_staff(f->st, &f->h, 1, who), QD_OK);
	assert_string_equal(who, "");
	assert_int_equal(guide_sign_out(f->st, &f->h, 2, "lead1"), QD_OK);
	assert_int_equal(fx_int(f->st, "SELECT count(*) FROM sessions WHERE ended_at IS NULL"), 0);
	/* a guide is refused at a window */
	assert_int_equal(queue_sign_in(f->st, &f->h, 1, "guide1"), QD_ERR_ROLE);
	/* a desk session left open ends at the day's closing time */
	assert_int_equal(guide_sign_in(f->st, &f->h, 1, "guide1"), QD_OK);
	fx_now("2026-11-24 08:40:00");
	assert_int_equal(guide_sign_in(f->st, &f->h, 1, "guide1"), QD_OK);
	assert_int_equal(fx_int(f->st, "SELECT count(*) FROM sessions WHERE desk = 1 AND ended_at IS NULL"), 1);
	assert_int_equal(fx_int(f->st, "SELECT ended_at FROM sessions WHERE staff = 'guide1'"
	                               " ORDER BY id DESC LIMIT 1 OFFSET 1"),
	                 (long long)clock_at("2026-11-23", 17 * 60 + 30));
	/* the window's CHECK: a session is at a window or a desk */
	assert_int_not_equal(sqlite3_exec(store_handle(f->st), "INSERT INTO sessions (staff, started_at)"
	                                  " VALUES ('guide1', 0)", NULL, NULL, NULL), SQLITE_OK);
}

/* ---- void and lookup ---- */

static void test_void_and_lookup(void **state)
{
	struct fx *f = *state;
	struct ticket t;
	struct guide_lookup l;
	char line[256];
	issue(f, "A");
	issue(f, "A");
	issue(f, "A");
	assert_int_equal(guide_void(f->st, &f->h, 1, "a2", "", "guide1", &t), QD_ERR_REASON);
	assert_int_equal(guide_void(f->st, &f->h, 1, "a2", "打错", "clerk1", &t), QD_ERR_ROLE);
	assert_int_equal(guide_void(f->st, &f->h, 1, "a2", "bad\033[2J", "guide1", &t), QD_ERR_INVALID);
	assert_int_equal(guide_void(f->st, &f->h, 1, "A9", "打错", "guide1", &t), QD_ERR_NOT_FOUND);
	assert_int_equal(guide_void(f->st, &f->h, 1, "a2", "业务选错", "guide1", &t), QD_OK);
	assert_string_equal(t.number, "A002");
	assert_string_equal(t.state, "voided");
	assert_int_equal(guide_void(f->st, &f->h, 1, "A002", "again", "guide1", &t), QD_ERR_NOT_WAITING);
	assert_int_equal(guide_lookup(f->st, &f->h, "a2", &l), QD_OK);
	assert_string_equal(l.void_reason, "业务选错");
	guide_lookup_text(&f->h, &l, line, sizeof line);
	assert_string_equal(line, "A002 企业开办: voided (业务选错)");
	/* A003 has one ahead (A002 voided), and nobody calls a voided ticket */
	assert_int_equal(guide_lookup(f->st, &f->h, "A003", &l), QD_OK);
	assert_int_equal(l.ticket.ahead, 1);
	guide_lookup_text(&f->h, &l, line, sizeof line);
	assert_string_equal(line, "A003 企业开办: waiting, 1 ahead");
	assert_int_equal(queue_call_next(f->st, &f->h, 1, "clerk1", &t), QD_OK);
	assert_string_equal(t.number, "A001");
	assert_int_equal(guide_lookup(f->st, &f->h, "A001", &l), QD_OK);
	guide_lookup_text(&f->h, &l, line, sizeof line);
	assert_string_equal(line, "A001 企业开办: called, window 1");
	assert_int_equal(queue_finish(f->st, &f->h, 1, "clerk1", NULL, 0, 0, NULL, NULL), QD_OK);
	assert_int_equal(queue_call_next(f->st, &f->h, 1, "clerk1", &t), QD_OK);
	assert_string_equal(t.number, "A003");
	assert_int_equal(fx_int(f->st, "SELECT count(*) FROM events WHERE kind = 'void'"), 1);
	/* another day: the number exists only before today */
	fx_now("2026-11-24 09:00:00");
	assert_int_equal(guide_lookup(f->st, &f->h, "A002", &l), QD_ERR_OTHER_DAY);
	assert_int_equal(guide_void(f->st, &f->h, 0, "A002", "x", "guide1", &t), QD_ERR_OTHER_DAY);
	assert_int_equal(guide_lookup(f->st, &f->h, "Z1", &l), QD_ERR_NOT_FOUND);
}

/* ---- consultations and guided handlings ---- */

static void test_log(void **state)
{
	struct fx *f = *state;
	long long id = 0;
	assert_int_equal(guide_log(f->st, &f->h, 1, "guide1", GUIDE_CONSULT, "营业执照要带什么", &id), QD_OK);
	assert_true(id > 0);
	assert_int_equal(guide_log(f->st, &f->h, 1, "guide1", GUIDE_GUIDED, NULL, &id), QD_OK);
	assert_int_equal(guide_log(f->st, &f->h, 1, "clerk1", GUIDE_CONSULT, NULL, &id), QD_ERR_ROLE);
	assert_int_equal(guide_log(f->st, &f->h, 7, "guide1", GUIDE_CONSULT, NULL, &id), QD_ERR_NO_DESK);
	assert_int_equal(fx_int(f->st, "SELECT count(*) FROM consultations WHERE desk = 1"), 1);
	assert_int_equal(fx_int(f->st, "SELECT count(*) FROM cases WHERE desk = 1 AND mode = 'guided'"
	                               " AND outcome = 'consult' AND window IS NULL"), 1);
	assert_int_equal(fx_int(f->st, "SELECT count(*) FROM events WHERE kind IN ('consult', 'guided')"
	                               " AND detail = 'desk 1'"), 2);
}

/* ---- refusals ---- */

static void test_refusal_detail(void **state)
{
	struct fx *f = *state;
	char buf[128];
	guide_refusal_detail(&f->h, "b", QD_ERR_QUOTA, buf, sizeof buf);
	assert_string_equal(buf, "B 个体工商户, quota 3 a day");
	guide_refusal_detail(&f->h, "C", QD_ERR_CUTOFF, buf, sizeof buf);
	assert_string_equal(buf, "C 发票申领, cut-off 16:00");
	guide_refusal_detail(&f->h, "A", QD_ERR_CLOSED, buf, sizeof buf);
	assert_true(strncmp(buf, "opening hours 08:30–17:30; next opening ", 42) == 0);
	guide_refusal_detail(&f->h, "A", QD_ERR_PHONE, buf, sizeof buf);
	assert_string_equal(buf, "");
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_estimate_no_basis),
		cmocka_unit_test(test_estimate_ranges),
		T(test_queues),
		T(test_desk_sessions),
		T(test_void_and_lookup),
		T(test_log),
		T(test_refusal_detail),
	};
#undef T
	return cmocka_run_group_tests(tests, NULL, NULL);
}
