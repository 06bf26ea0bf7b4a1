/* test-pad.c - the evaluation pad's rules on the fixture hall (hall-fixture.h) with pads at
 * windows 1 and 2: only the pad rates there, the visit it asks about, a bad rating's reason, one
 * evaluation per visit, "not evaluated" after the timeout, undo, and a window without a pad. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include "qdesk/pad.h"
#include "qdesk/queue.h"
#include "hall-fixture.h"

struct fx { struct store *st; struct hall h; };

static int pad_windows[] = { 1, 2 };
static struct hall_item pad_reasons[] = { { FX_S("wait"), FX_S("等候时间长") }, { FX_S("other"), FX_S("其他") } };

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	if (!f || store_open(":memory:", 1, &f->st) != QD_OK || fx_staff(f->st) != 0)
		return -1;
	fx_hall(&f->h);
	f->h.pad.windows = pad_windows;
	f->h.pad.nwindows = 2;
	f->h.pad.timeout = 60;
	f->h.pad.reasons = pad_reasons;
	f->h.pad.nreasons = 2;
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

/* Issue an A ticket, call it at w and finish it without a rating; its id. */
static long long serve(struct fx *f, int w, const char *staff)
{
	struct issue_input in = { .type = w == 2 ? "B" : "A" };
	struct ticket t;
	assert_int_equal(queue_issue(f->st, &f->h, &in, &t), QD_OK);
	assert_int_equal(queue_call_number(f->st, &f->h, w, staff, t.number, NULL), QD_OK);
	assert_int_equal(queue_finish(f->st, &f->h, w, staff, NULL, 0, 0, NULL, NULL), QD_OK);
	return t.id;
}

static void test_only_the_pad_rates(void **state)
{
	struct fx *f = *state;
	struct issue_input in = { .type = "A" };
	struct ticket t;
	assert_true(pad_at_window(&f->h, 1));
	assert_false(pad_at_window(&f->h, 4));
	assert_int_equal(queue_issue(f->st, &f->h, &in, &t), QD_OK);
	assert_int_equal(queue_call_next(f->st, &f->h, 1, "clerk1", NULL), QD_OK);
	assert_int_equal(queue_finish(f->st, &f->h, 1, "clerk1", NULL, 0, 5, NULL, NULL), QD_ERR_PAD_RATES);
	/* Without a pad the clerk enters the rating given on paper: source staff. */
	assert_int_equal(queue_issue(f->st, &f->h, &in, &t), QD_OK);
	assert_int_equal(queue_call_next(f->st, &f->h, 4, "clerk2", NULL), QD_OK);
	assert_int_equal(queue_finish(f->st, &f->h, 4, "clerk2", NULL, 0, 4, NULL, NULL), QD_OK);
	assert_int_equal(fx_int(f->st, "SELECT count(*) FROM evaluations WHERE source = 'staff'"
	                               " AND level = 4 AND window = 4"), 1);
	struct pad_visit v;
	assert_int_equal(pad_pending(f->st, &f->h, 4, &v), QD_ERR_NO_PAD);
	assert_int_equal(pad_rate(f->st, &f->h, 4, t.id, 5, NULL), QD_ERR_NO_PAD);
	assert_int_equal(pad_pending(f->st, &f->h, 9, &v), QD_ERR_NO_WINDOW);
}

static void test_rate_at_pad(void **state)
{
	struct fx *f = *state;
	struct pad_visit v;
	assert_int_equal(pad_pending(f->st, &f->h, 1, &v), QD_OK);
	assert_int_equal(v.ticket_id, 0);
	long long id = serve(f, 1, "clerk1");
	fx_now("2026-11-23 09:00:20");
	assert_int_equal(pad_pending(f->st, &f->h, 1, &v), QD_OK);
	assert_int_equal(v.ticket_id, id);
	assert_string_equal(v.number, "A001");
	assert_string_equal(v.staff, "clerk1");
	assert_int_equal(v.deadline - v.finished_at, 60);
	assert_int_equal(pad_pending(f->st, &f->h, 2, &v), QD_OK);     /* another window's pad */
	assert_int_equal(v.ticket_id, 0);
	assert_int_equal(pad_rate(f->st, &f->h, 2, id, 5, NULL), QD_ERR_NOT_PENDING);
	assert_int_equal(pad_rate(f->st, &f->h, 1, id, 0, NULL), QD_ERR_RATING);
	assert_int_equal(pad_rate(f->st, &f->h, 1, id, 5, NULL), QD_OK);
	assert_int_equal(fx_int(f->st, "SELECT count(*) FROM evaluations WHERE source = 'pad'"
	                               " AND level = 5 AND staff = 'clerk1' AND window = 1"), 1);
	assert_int_equal(pad_rate(f->st, &f->h, 1, id, 4, NULL), QD_ERR_RATED);
	assert_int_equal(pad_unrated(f->st, &f->h, 1, id), QD_ERR_RATED);
	assert_int_equal(pad_pending(f->st, &f->h, 1, &v), QD_OK);
	assert_int_equal(v.ticket_id, 0);
}

static void test_bad_rating_reason(void **state)
{
	struct fx *f = *state;
	long long id = serve(f, 2, "clerk2");
	assert_int_equal(pad_rate(f->st, &f->h, 2, id, 2, NULL), QD_ERR_REASON_NEEDED);
	assert_int_equal(pad_rate(f->st, &f->h, 2, id, 1, ""), QD_ERR_REASON_NEEDED);
	assert_int_equal(pad_rate(f->st, &f->h, 2, id, 2, "rude"), QD_ERR_NO_CHOICE);
	assert_int_equal(pad_rate(f->st, &f->h, 2, id, 2, "wait"), QD_OK);
	assert_int_equal(fx_int(f->st, "SELECT count(*) FROM evaluations e JOIN rectifications r"
	                               " ON r.evaluation_id = e.id WHERE e.source = 'pad' AND"
	                               " e.level = 2 AND e.reason = '等候时间长'"), 1);
	/* A good rating needs no reason. */
	id = serve(f, 2, "clerk2");
	assert_int_equal(pad_rate(f->st, &f->h, 2, id, 3, NULL), QD_OK);
}

static void test_no_answer(void **state)
{
	struct fx *f = *state;
	struct pad_visit v;
	long long id = serve(f, 1, "clerk1");
	fx_now("2026-11-23 09:01:01");                   /* past the 60 s */
	assert_int_equal(pad_pending(f->st, &f->h, 1, &v), QD_OK);
	assert_int_equal(v.ticket_id, 0);
	assert_int_equal(pad_unrated(f->st, &f->h, 1, id), QD_OK);
	assert_int_equal(pad_unrated(f->st, &f->h, 1, id), QD_ERR_RATED);
	assert_int_equal(pad_rate(f->st, &f->h, 1, id, 5, NULL), QD_ERR_RATED);
	assert_int_equal(fx_int(f->st, "SELECT count(*) FROM events WHERE kind = 'unrated'"), 1);
	assert_int_equal(fx_int(f->st, "SELECT count(*) FROM evaluations"), 0);
}

static void test_undo(void **state)
{
	struct fx *f = *state;
	struct pad_visit v;
	long long id = serve(f, 1, "clerk1");
	assert_int_equal(queue_undo(f->st, &f->h, 1, "clerk1", NULL), QD_OK);
	assert_int_equal(pad_pending(f->st, &f->h, 1, &v), QD_OK);
	assert_int_equal(v.ticket_id, 0);
	assert_int_equal(pad_rate(f->st, &f->h, 1, id, 5, NULL), QD_ERR_NOT_PENDING);
	fx_now("2026-11-23 09:00:30");
	assert_int_equal(queue_finish(f->st, &f->h, 1, "clerk1", NULL, 0, 0, NULL, NULL), QD_OK);
	assert_int_equal(pad_pending(f->st, &f->h, 1, &v), QD_OK);
	assert_int_equal(v.ticket_id, id);
	/* The next day nothing is asked about yesterday's visit. */
	fx_now("2026-11-24 09:00:00");
	assert_int_equal(pad_rate(f->st, &f->h, 1, id, 5, NULL), QD_ERR_NOT_PENDING);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_only_the_pad_rates, setup, teardown),
		cmocka_unit_test_setup_teardown(test_rate_at_pad, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad_rating_reason, setup, teardown),
		cmocka_unit_test_setup_teardown(test_no_answer, setup, teardown),
		cmocka_unit_test_setup_teardown(test_undo, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
