/* test-lead.c - the shift lead's domain on the fixture hall: the snapshot and its alerts (long
 * waits, a type nobody serves, an idle window while its queue waits, a long pause), the
 * attendance rule (a clerk at a second window), 办不成事 problems, the rectification ledger and
 * the drill-down into a window's, a clerk's and a type's day (lead-day.h). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <locale.h>
#include "qdesk/cases.h"
#include "qdesk/lead.h"
#include "qdesk/lead-day.h"
#include "qdesk/problems.h"
#include "qdesk/rectify.h"
#include "hall-fixture.h"
#include "tmpdb.h"

struct fixture {
	struct tmpdb db;
	struct store *st;
	struct hall h;
};

static char *holidays[] = { FX_S("2026-10-01"), FX_S("2026-10-02"), FX_S("2026-10-05") };
static char *workdays[] = { FX_S("2026-10-10") };

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	if (!f || tmpdb_open(&f->db, "lead") != 0)
		return -1;
	*state = f;
	f->st = f->db.st;
	fx_hall(&f->h);
	f->h.lead.problem_days = 5;
	f->h.lead.idle_alert_minutes = 10;
	f->h.lead.pause_alert_minutes = 30;
	f->h.eval.holidays = holidays;
	f->h.eval.nholidays = 3;
	f->h.eval.workdays = workdays;
	f->h.eval.nworkdays = 1;
	fx_now("2026-11-23 09:00:00");
	return fx_staff(f->st);
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	int rc = tmpdb_close(&f->db);
	free(f);
	unsetenv("QDESK_NOW");
	return rc;
}

static void issue(struct fixture *f, const char *type)
{
	struct issue_input in = { .type = type, .staff = "guide1" };
	struct ticket t;
	assert_int_equal(queue_issue(f->st, &f->h, &in, &t), QD_OK);
}

static void alert_is(struct fixture *f, const struct lead_snapshot *s, size_t i, const char *text)
{
	char buf[160];
	assert_true(i < s->nalerts);
	lead_alert_text(&f->h, &s->alerts[i], buf, sizeof buf);
	assert_string_equal(buf, text);
}

static void test_snapshot_alerts(void **state)
{
	struct fixture *f = *state;
	issue(f, "A");
	issue(f, "A");
	issue(f, "D");
	assert_int_equal(queue_sign_in(f->st, &f->h, 1, "clerk1"), QD_OK);
	assert_int_equal(queue_pause(f->st, &f->h, 2, "clerk2", "meeting"), QD_OK);
	assert_int_equal(problems_add(f->st, &f->h, 1, "clerk1", "社保转移无人受理", NULL, NULL), QD_OK);

	struct lead_snapshot s;
	fx_now("2026-11-23 09:05:00");
	assert_int_equal(lead_snapshot(f->st, &f->h, &s), QD_OK);
	assert_int_equal(s.nalerts, 1);   /* only D: nobody serves it; nothing long yet */
	alert_is(f, &s, 0, "D: 1 waiting, no window open");
	lead_snapshot_free(&s);

	fx_now("2026-11-23 09:40:00");
	assert_int_equal(lead_snapshot(f->st, &f->h, &s), QD_OK);
	assert_string_equal(s.windows[0].state, "idle");
	assert_string_equal(s.windows[1].state, "paused");
	assert_int_equal(s.nqueues, 4);
	assert_int_equal(s.queues[0].waiting, 2);
	assert_int_equal(s.problems_open, 1);
	assert_int_equal(s.problems_overdue, 0);
	assert_int_equal(s.rectify_open, 0);
	assert_int_equal(s.nalerts, 5);
	alert_is(f, &s, 0, "A: 2 waiting, longest 40 min");
	alert_is(f, &s, 1, "D: 1 waiting, longest 40 min");
	alert_is(f, &s, 2, "D: 1 waiting, no window open");
	alert_is(f, &s, 3, "window 1 idle 40 min while A waits");
	alert_is(f, &s, 4, "window 2 paused 40 min (开会)");
	lead_snapshot_free(&s);

	/* A call at window 1 ends its idle alert and shortens A's queue. */
	struct ticket t;
	assert_int_equal(queue_call_next(f->st, &f->h, 1, "clerk1", &t), QD_OK);
	assert_int_equal(lead_snapshot(f->st, &f->h, &s), QD_OK);
	assert_string_equal(s.windows[0].state, "serving");
	assert_int_equal(s.queues[0].waiting, 1);
	for (size_t i = 0; i < s.nalerts; i++)
		assert_int_not_equal(s.alerts[i].kind, LEAD_ALERT_IDLE);
	lead_snapshot_free(&s);
}

static void test_attendance(void **state)
{
	struct fixture *f = *state;
	struct ticket t;
	int w;
	issue(f, "A");
	issue(f, "A");
	assert_int_equal(queue_call_next(f->st, &f->h, 1, "clerk1", &t), QD_OK);
	assert_int_equal(queue_call_next(f->st, &f->h, 4, "clerk1", &t), QD_ERR_SERVING_ELSEWHERE);
	assert_int_equal(queue_pause(f->st, &f->h, 4, "clerk1", "meal"), QD_ERR_SERVING_ELSEWHERE);
	assert_int_equal(queue_staff_window(f->st, "clerk1", &w), QD_OK);
	assert_int_equal(w, 1);
	assert_int_equal(queue_noshow(f->st, &f->h, 1, "clerk1", &t), QD_OK);
	assert_int_equal(queue_call_next(f->st, &f->h, 4, "clerk1", &t), QD_OK);
	assert_int_equal(queue_staff_window(f->st, "clerk1", &w), QD_OK);
	assert_int_equal(w, 4);
	assert_int_equal(fx_int(f->st, "SELECT count(*) FROM windows WHERE number = 1 AND state = 'closed'"
	                               " AND staff IS NULL"), 1);
	assert_int_equal(fx_int(f->st, "SELECT count(*) FROM sessions WHERE ended_at IS NULL"), 1);
	/* Paused at 4 after finishing: acting at 1 ends the pause too. */
	assert_int_equal(queue_noshow(f->st, &f->h, 4, "clerk1", &t), QD_OK);
	assert_int_equal(queue_pause(f->st, &f->h, 4, "clerk1", "meal"), QD_OK);
	assert_int_equal(queue_sign_in(f->st, &f->h, 1, "clerk1"), QD_OK);
	assert_int_equal(fx_int(f->st, "SELECT count(*) FROM pauses WHERE ended_at IS NULL"), 0);
	assert_int_equal(fx_int(f->st, "SELECT count(*) FROM events WHERE kind = 'sign-out'"
	                               " AND detail LIKE 'moved to window %'"), 2);
	/* An AB-post handover at one window is still just a handover. */
	assert_int_equal(queue_sign_in(f->st, &f->h, 1, "clerk2"), QD_OK);
	assert_int_equal(queue_staff_window(f->st, "clerk1", &w), QD_OK);
	assert_int_equal(w, 0);
}

static void test_problems(void **state)
{
	struct fixture *f = *state;
	long long id;
	char due[11];
	/* 30 September + 5 working days: 1, 2 and 5 October off here and the weekend between; the 6th
	 * to the 9th, then Saturday the 10th, a make-up working day. */
	fx_now("2026-09-30 10:00:00");
	assert_int_equal(problems_add(f->st, &f->h, 0, "guide1", "无人受理", &id, due), QD_OK);
	assert_string_equal(due, "2026-10-10");
	assert_int_equal(problems_add(f->st, &f->h, 0, "guide1", "", NULL, NULL), QD_ERR_NOTE_REQUIRED);
	assert_int_equal(problems_add(f->st, &f->h, 9, "guide1", "x", NULL, NULL), QD_ERR_NO_WINDOW);
	assert_int_equal(problems_add(f->st, &f->h, 0, "gone", "x", NULL, NULL), QD_ERR_STAFF_DISABLED);
	fx_now("2026-10-12 10:00:00");
	struct problem *p;
	size_t n;
	assert_int_equal(problems_list(f->st, NULL, &p, &n), QD_OK);
	assert_int_equal(n, 1);
	assert_true(p[0].overdue);
	free(p);
	assert_int_equal(problems_resolve(f->st, &f->h, id, "clerk1", "done"), QD_ERR_ROLE);
	assert_int_equal(problems_resolve(f->st, &f->h, id, "lead1", "已协调办结"), QD_OK);
	assert_int_equal(problems_resolve(f->st, &f->h, id, "lead1", "again"), QD_ERR_ITEM_CLOSED);
	assert_int_equal(problems_resolve(f->st, &f->h, 99, "lead1", "x"), QD_ERR_NOT_FOUND);
	struct problem one;
	assert_int_equal(problems_get(f->st, id, &one), QD_OK);
	assert_string_equal(one.state, "solved");
	assert_true(one.overdue);   /* solved after its deadline */
	assert_int_equal(fx_int(f->st, "SELECT count(*) FROM events WHERE kind LIKE 'problem%'"), 2);
}

static void test_rectify(void **state)
{
	struct fixture *f = *state;
	struct ticket t;
	struct finish_result fr;
	issue(f, "A");
	assert_int_equal(queue_call_next(f->st, &f->h, 1, "clerk1", &t), QD_OK);
	assert_int_equal(queue_finish(f->st, &f->h, 1, "clerk1", NULL, 0, 1, "态度差", &fr), QD_OK);
	assert_true(fr.rectification_id > 0);
	struct rectify_item *it;
	size_t n;
	assert_int_equal(rectify_list(f->st, NULL, &it, &n), QD_OK);
	assert_int_equal(n, 1);
	assert_string_equal(it[0].number, "A001");
	assert_string_equal(it[0].reason, "态度差");
	assert_string_equal(it[0].staff, "clerk1");
	assert_int_equal(it[0].level, 1);
	assert_string_equal(it[0].deadline, "2026-11-30");
	free(it);
	long long id = fr.rectification_id;
	assert_int_equal(rectify_callback(f->st, id, "clerk1", "x"), QD_ERR_ROLE);
	assert_int_equal(rectify_callback(f->st, id, "lead1", ""), QD_ERR_NOTE_REQUIRED);
	assert_int_equal(rectify_callback(f->st, id, "lead1", "已回访"), QD_OK);
	assert_int_equal(rectify_callback(f->st, id, "lead1", "again"), QD_ERR_EXISTS);
	assert_int_equal(rectify_close(f->st, id, "lead1", "forgotten", "x"), QD_ERR_NO_CHOICE);
	fx_now("2026-12-01 09:00:00");
	struct lead_snapshot s;
	assert_int_equal(lead_snapshot(f->st, &f->h, &s), QD_OK);
	assert_int_equal(s.rectify_open, 1);
	assert_int_equal(s.rectify_overdue, 1);
	lead_snapshot_free(&s);
	assert_int_equal(rectify_close(f->st, id, "lead1", "explained", "已解释说明"), QD_OK);
	assert_int_equal(rectify_close(f->st, id, "lead1", "fixed", "x"), QD_ERR_ITEM_CLOSED);
	assert_int_equal(rectify_list(f->st, NULL, &it, &n), QD_OK);
	assert_int_equal(n, 0);
	free(it);
	assert_int_equal(rectify_list(f->st, "2026-11-23", &it, &n), QD_OK);
	assert_int_equal(n, 1);
	assert_string_equal(it[0].state, "explained");
	assert_true(it[0].overdue);
	assert_string_equal(it[0].callback_note, "已回访");
	free(it);
}

static void serve(struct fixture *f, int w, const char *staff, int rating, const char *reason)
{
	struct ticket t;
	struct finish_result fr;
	struct case_input c = { .matter = NULL };
	assert_int_equal(queue_call_next(f->st, &f->h, w, staff, &t), QD_OK);
	assert_int_equal(queue_finish(f->st, &f->h, w, staff, &c, 1, rating, reason, &fr), QD_OK);
}

static void test_lead_day(void **state)
{
	struct fixture *f = *state;
	fx_now("2026-11-20 09:00:00");          /* yesterday's work day: never in today's lists */
	issue(f, "A");
	serve(f, 1, "clerk1", 5, NULL);
	fx_now("2026-11-23 09:00:00");
	issue(f, "A");
	issue(f, "B");
	issue(f, "A");
	serve(f, 1, "clerk1", 2, "态度差");     /* A001 at 1 */
	serve(f, 2, "clerk2", 4, NULL);         /* B001 at 2 */
	fx_now("2026-11-23 09:10:00");
	assert_int_equal(queue_pause(f->st, &f->h, 1, "clerk1", "meal"), QD_OK);
	fx_now("2026-11-23 09:40:00");
	assert_int_equal(queue_resume(f->st, &f->h, 1, "clerk1"), QD_OK);
	assert_int_equal(queue_pause(f->st, &f->h, 2, "clerk2", "meeting"), QD_OK);
	fx_now("2026-11-23 10:00:00");

	struct lead_day d;
	assert_int_equal(lead_day(f->st, &f->h, LEAD_DAY_WINDOW, "1", &d), QD_OK);
	assert_string_equal(d.day, "2026-11-23");
	assert_int_equal(d.ntickets, 1);
	assert_string_equal(d.tickets[0].number, "A001");
	assert_string_equal(d.tickets[0].state, "served");
	assert_int_equal(d.tickets[0].rating, 2);
	assert_int_equal(d.tickets[0].cases, 1);
	assert_int_equal(d.ncases, 1);
	assert_int_equal(d.nratings, 1);
	assert_string_equal(d.ratings[0].reason, "态度差");
	assert_int_equal(d.npauses, 1);
	assert_string_equal(d.pauses[0].reason, "meal");
	assert_int_equal(d.pauses[0].ended_at - d.pauses[0].started_at, 30 * 60);
	lead_day_free(&d);

	assert_int_equal(lead_day(f->st, &f->h, LEAD_DAY_STAFF, "clerk2", &d), QD_OK);
	assert_int_equal(d.ntickets, 1);
	assert_string_equal(d.tickets[0].number, "B001");
	assert_int_equal(d.tickets[0].window, 2);
	assert_int_equal(d.npauses, 1);
	assert_int_equal(d.pauses[0].ended_at, 0);          /* still paused */
	assert_string_equal(d.pauses[0].reason, "meeting");
	lead_day_free(&d);

	assert_int_equal(lead_day(f->st, &f->h, LEAD_DAY_TYPE, "A", &d), QD_OK);
	assert_int_equal(d.ntickets, 2);                    /* A001 served, A002 waiting */
	assert_string_equal(d.tickets[1].state, "waiting");
	assert_int_equal(d.tickets[1].window, 0);
	assert_int_equal(d.nratings, 1);
	assert_int_equal(d.npauses, 0);                     /* a type has no pauses */
	lead_day_free(&d);

	assert_int_equal(lead_day(f->st, &f->h, LEAD_DAY_WINDOW, "99", &d), QD_ERR_NO_WINDOW);
	assert_int_equal(lead_day(f->st, &f->h, LEAD_DAY_TYPE, "X", &d), QD_ERR_NO_TYPE);
	assert_int_equal(lead_day(f->st, &f->h, LEAD_DAY_STAFF, "", &d), QD_ERR_INVALID);
	lead_day_free(&d);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	setenv("TZ", "Asia/Shanghai", 1);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_snapshot_alerts, setup, teardown),
		cmocka_unit_test_setup_teardown(test_attendance, setup, teardown),
		cmocka_unit_test_setup_teardown(test_problems, setup, teardown),
		cmocka_unit_test_setup_teardown(test_rectify, setup, teardown),
		cmocka_unit_test_setup_teardown(test_lead_day, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
