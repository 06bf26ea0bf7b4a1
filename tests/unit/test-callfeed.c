/* test-callfeed.c - the call feed on the fixture hall (hall-fixture.h): calls and recalls after a
 * cursor, in order, bounded; the newest id; today's last tickets called, one per ticket; and the
 * query plans read index ranges, never the whole event log. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include "qdesk/callfeed.h"
#include "qdesk/queue.h"
#include "hall-fixture.h"

struct fx { struct store *st; struct hall h; };

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	if (!f || store_open(":memory:", 1, &f->st) != QD_OK || fx_staff(f->st) != 0)
		return -1;
	fx_hall(&f->h);
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
	struct ticket t;
	assert_int_equal(queue_issue(f->st, &f->h, &in, &t), QD_OK);
}

static void test_after_cursor(void **state)
{
	struct fx *f = *state;
	struct call_event ev[8];
	size_t n;
	long long head;
	assert_int_equal(callfeed_head(f->st, &head), QD_OK);
	assert_int_equal(head, 0);
	assert_int_equal(callfeed_after(f->st, 0, ev, 8, &n), QD_OK);
	assert_int_equal(n, 0);
	issue(f, "A");
	issue(f, "B");
	issue(f, "A");
	assert_int_equal(queue_call_next(f->st, &f->h, 1, "clerk1", NULL), QD_OK);    /* A001 */
	fx_now("2026-11-23 09:01:00");
	assert_int_equal(queue_call_next(f->st, &f->h, 2, "clerk2", NULL), QD_OK);    /* B001 */
	assert_int_equal(queue_recall(f->st, &f->h, 1, "clerk1", NULL), QD_OK);       /* A001 again */
	assert_int_equal(queue_pause(f->st, &f->h, 4, "clerk3", NULL), QD_OK);        /* no call */
	assert_int_equal(queue_call_number(f->st, &f->h, 4, "clerk3", "a2", NULL), QD_ERR_PAUSED);
	assert_int_equal(callfeed_after(f->st, 0, ev, 8, &n), QD_OK);
	assert_int_equal(n, 3);
	assert_string_equal(ev[0].number, "A001");
	assert_string_equal(ev[0].type, "A");
	assert_int_equal(ev[0].window, 1);
	assert_int_equal(ev[0].recall, 0);
	assert_string_equal(ev[1].number, "B001");
	assert_int_equal(ev[1].window, 2);
	assert_int_equal(ev[1].at - ev[0].at, 60);
	assert_string_equal(ev[2].number, "A001");
	assert_int_equal(ev[2].recall, 1);
	assert_true(ev[0].id < ev[1].id && ev[1].id < ev[2].id);
	assert_int_equal(ev[2].ticket_id, ev[0].ticket_id);
	assert_int_equal(callfeed_head(f->st, &head), QD_OK);
	assert_int_equal(head, ev[2].id);
	/* From a cursor: only what came after it; bounded by max. */
	long long mid = ev[0].id;
	assert_int_equal(callfeed_after(f->st, mid, ev, 1, &n), QD_OK);
	assert_int_equal(n, 1);
	assert_string_equal(ev[0].number, "B001");
	assert_int_equal(callfeed_after(f->st, ev[0].id, ev, 8, &n), QD_OK);
	assert_int_equal(n, 1);
	assert_int_equal(ev[0].recall, 1);
	assert_int_equal(callfeed_after(f->st, head, ev, 8, &n), QD_OK);
	assert_int_equal(n, 0);
	assert_int_equal(callfeed_after(f->st, 0, ev, 0, &n), QD_OK);
	assert_int_equal(n, 0);
	/* A call by number at another window comes next. */
	assert_int_equal(queue_resume(f->st, &f->h, 4, "clerk3"), QD_OK);
	assert_int_equal(queue_call_number(f->st, &f->h, 4, "clerk3", "a2", NULL), QD_OK);
	assert_int_equal(callfeed_after(f->st, head, ev, 8, &n), QD_OK);
	assert_int_equal(n, 1);
	assert_string_equal(ev[0].number, "A002");
	assert_int_equal(ev[0].window, 4);
	assert_int_equal(ev[0].recall, 0);
}

static void test_last_today(void **state)
{
	struct fx *f = *state;
	struct call_event ev[8];
	size_t n;
	issue(f, "A");
	assert_int_equal(queue_call_next(f->st, &f->h, 1, "clerk1", NULL), QD_OK);    /* yesterday */
	fx_now("2026-11-24 09:00:00");
	assert_int_equal(callfeed_last(f->st, ev, 8, &n), QD_OK);
	assert_int_equal(n, 0);
	issue(f, "A");
	issue(f, "B");
	issue(f, "A");
	assert_int_equal(queue_call_next(f->st, &f->h, 1, "clerk1", NULL), QD_OK);    /* A001 */
	assert_int_equal(queue_call_next(f->st, &f->h, 2, "clerk2", NULL), QD_OK);    /* B001 */
	assert_int_equal(queue_recall(f->st, &f->h, 1, "clerk1", NULL), QD_OK);
	assert_int_equal(queue_call_next(f->st, &f->h, 4, "clerk3", NULL), QD_OK);    /* A002 */
	assert_int_equal(callfeed_last(f->st, ev, 8, &n), QD_OK);
	assert_int_equal(n, 3);
	assert_string_equal(ev[0].number, "A002");
	assert_string_equal(ev[1].number, "A001");       /* recalled after B001 */
	assert_int_equal(ev[1].recall, 1);
	assert_string_equal(ev[2].number, "B001");
	assert_int_equal(callfeed_last(f->st, ev, 2, &n), QD_OK);
	assert_int_equal(n, 2);
	/* The feed itself still has yesterday's call first. */
	assert_int_equal(callfeed_after(f->st, 0, ev, 8, &n), QD_OK);
	assert_int_equal(n, 5);
	assert_true(ev[0].at < ev[1].at);
}

/* No statement of the feed scans a table: index ranges only. */
static void test_plans(void **state)
{
	struct fx *f = *state;
	static const char *const sql[] = {
		"SELECT e.id FROM events e JOIN tickets t ON t.id = e.ticket_id"
		" WHERE e.kind IN ('call', 'recall') AND e.id > 5 ORDER BY e.id LIMIT 10",
		"SELECT coalesce(max(id), 0) FROM events WHERE kind IN ('call', 'recall')",
		"SELECT e.id FROM events e JOIN tickets t ON t.id = e.ticket_id"
		" WHERE e.id IN (SELECT max(id) FROM events WHERE day = 'x'"
		"  AND kind IN ('call', 'recall') GROUP BY ticket_id) ORDER BY e.id DESC LIMIT 5",
	};
	for (size_t i = 0; i < sizeof sql / sizeof sql[0]; i++) {
		char q[600];
		snprintf(q, sizeof q, "EXPLAIN QUERY PLAN %s", sql[i]);
		sqlite3_stmt *s;
		assert_int_equal(sqlite3_prepare_v2(store_handle(f->st), q, -1, &s, NULL), SQLITE_OK);
		while (sqlite3_step(s) == SQLITE_ROW) {
			const char *detail = (const char *)sqlite3_column_text(s, 3);
			if (strncmp(detail, "SCAN ", 5) == 0)
				fail_msg("%s: %s", sql[i], detail);
		}
		sqlite3_finalize(s);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_after_cursor, setup, teardown),
		cmocka_unit_test_setup_teardown(test_last_today, setup, teardown),
		cmocka_unit_test_setup_teardown(test_plans, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
