/* test-board.c - what the hall board reads (board.h) on the fixture hall (hall-fixture.h): the
 * windows in scope with their state, masked clerk and pause reason; today's last tickets called,
 * newest first, a recall moving its ticket to the top; the calls after the board's cursor (none
 * at the start, then each call and recall once); a zone or a window as scope; the clerk's name as
 * board.staff_name says; the board's call text. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include "qdesk/board.h"
#include "qdesk/queue.h"
#include "hall-fixture.h"

struct fx { struct store *st; struct hall h; };

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	if (!f || store_open(":memory:", 1, &f->st) != QD_OK || fx_staff(f->st) != 0)
		return -1;
	fx_hall(&f->h);
	f->h.board.template_text = FX_S("请{number}号到{window}号窗口");
	f->h.board.history = 8;
	f->h.board.staff_name = FX_S("masked");
	f->h.board.notice = FX_S("");
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

static void test_names_and_text(void **state)
{
	struct fx *f = *state;
	char out[64];
	board_staff_name(&f->h, "欧阳修", out, sizeof out);
	assert_string_equal(out, "欧**");
	f->h.board.staff_name = FX_S("full");
	board_staff_name(&f->h, "欧阳修", out, sizeof out);
	assert_string_equal(out, "欧阳修");
	f->h.board.staff_name = FX_S("none");
	board_staff_name(&f->h, "欧阳修", out, sizeof out);
	assert_string_equal(out, "");
	board_call_text(&f->h, "A012", 3, out, sizeof out);
	assert_string_equal(out, "请A012号到3号窗口");
	assert_non_null(board_zone(&f->h, "z2"));
	assert_null(board_zone(&f->h, "nowhere"));
}

static void test_snapshot(void **state)
{
	struct fx *f = *state;
	struct board_snapshot s;
	struct board_scope all = { NULL, 0 };
	long long cursor = -1;
	issue(f, "A"); issue(f, "A"); issue(f, "D");
	assert_int_equal(queue_call_next(f->st, &f->h, 1, "clerk1", NULL), QD_OK);
	assert_int_equal(queue_pause(f->st, &f->h, 2, "clerk2", "meal"), QD_OK);

	/* the first look: the history is there, nothing is new */
	assert_int_equal(board_snapshot(f->st, &f->h, &all, 9, &cursor, &s), QD_OK);
	assert_true(cursor > 0);
	assert_int_equal(s.nwindows, 5);
	assert_int_equal(s.windows[0].state, BOARD_SERVING);
	assert_string_equal(s.windows[0].ws.current.number, "A001");
	assert_string_equal(s.windows[0].clerk, "张*");
	assert_int_equal(s.windows[1].state, BOARD_PAUSED);
	assert_string_equal(s.windows[1].pause_reason, "用餐");
	assert_int_equal(s.windows[2].state, BOARD_CLOSED);
	assert_string_equal(s.windows[2].clerk, "");
	assert_int_equal(s.ncalls, 1);
	assert_int_equal(s.nfresh, 0);
	board_snapshot_free(&s);

	/* two calls and a recall: each new once, oldest first; the recall moves A001 to the top */
	assert_int_equal(queue_call_next(f->st, &f->h, 4, "clerk3", NULL), QD_OK);
	assert_int_equal(queue_call_next(f->st, &f->h, 5, "clerk2", NULL), QD_OK);
	assert_int_equal(queue_recall(f->st, &f->h, 1, "clerk1", NULL), QD_OK);
	assert_int_equal(board_snapshot(f->st, &f->h, &all, 9, &cursor, &s), QD_OK);
	assert_int_equal(s.nfresh, 3);
	assert_string_equal(s.fresh[0].number, "A002");
	assert_string_equal(s.fresh[1].number, "D001");
	assert_string_equal(s.fresh[2].number, "A001");
	assert_int_equal(s.fresh[2].recall, 1);
	assert_int_equal(s.ncalls, 3);
	assert_string_equal(s.calls[0].number, "A001");
	assert_string_equal(s.calls[1].number, "D001");
	assert_string_equal(s.calls[2].number, "A002");
	assert_int_equal(s.windows[1].state, BOARD_CLOSED); /* clerk2 left window 2 for 5 */
	board_snapshot_free(&s);
	assert_int_equal(board_snapshot(f->st, &f->h, &all, 9, &cursor, &s), QD_OK);
	assert_int_equal(s.nfresh, 0);                      /* nothing new since */
	board_snapshot_free(&s);

	/* a zone: its windows and calls only; history 1 */
	struct board_scope z2 = { "z2", 0 };
	long long zc = 0;
	assert_int_equal(board_snapshot(f->st, &f->h, &z2, 1, &zc, &s), QD_OK);
	assert_int_equal(s.nwindows, 1);
	assert_int_equal(s.windows[0].hw->number, 5);
	assert_int_equal(s.ncalls, 1);
	assert_string_equal(s.calls[0].number, "D001");
	assert_int_equal(s.nfresh, 1);
	board_snapshot_free(&s);

	/* one window; scopes the hall lacks */
	struct board_scope w4 = { NULL, 4 }, bad = { "nowhere", 0 }, badw = { NULL, 9 };
	long long wc = -1;
	assert_int_equal(board_snapshot(f->st, &f->h, &w4, 1, &wc, &s), QD_OK);
	assert_int_equal(s.nwindows, 1);
	assert_string_equal(s.windows[0].ws.current.number, "A002");
	board_snapshot_free(&s);
	assert_int_equal(board_snapshot(f->st, &f->h, &bad, 1, &wc, &s), QD_ERR_NO_ZONE);
	assert_int_equal(board_snapshot(f->st, &f->h, &badw, 1, &wc, &s), QD_ERR_NO_WINDOW);
	assert_int_equal(s.nwindows, 0);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");   /* masking counts characters */
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_names_and_text, setup, teardown),
		cmocka_unit_test_setup_teardown(test_snapshot, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
