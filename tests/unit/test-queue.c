/* test-queue.c - every rule of the ticket queue on the fixture hall (hall-fixture.h), each test on
 * a fresh in-memory store with the clock fixed through QDESK_NOW. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include "qdesk/cases.h"
#include "qdesk/clock.h"
#include "qdesk/queue.h"
#include "hall-fixture.h"

#define MONDAY "2026-11-23 09:00:00"

struct fx { struct store *st; struct hall h; };

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	if (!f || store_open(":memory:", 1, &f->st) != QD_OK || fx_staff(f->st) != 0)
		return -1;
	fx_hall(&f->h);
	fx_now(MONDAY);
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

/* Issue a ticket of type with priority group (NULL none); its number into a static buffer. */
static const char *issue(struct fx *f, const char *type, const char *group)
{
	static char num[8][16];
	static int k;
	struct issue_input in = { .type = type, .priority = group };
	struct ticket t;
	enum qd_status s = queue_issue(f->st, &f->h, &in, &t);
	assert_int_equal(s, QD_OK);
	char *out = num[k++ % 8];
	strcpy(out, t.number);
	return out;
}

static enum qd_status issue_status(struct fx *f, const char *type)
{
	struct issue_input in = { .type = type };
	struct ticket t;
	return queue_issue(f->st, &f->h, &in, &t);
}

/* Call the next ticket at w and return its number ("" if none). */
static const char *call(struct fx *f, int w, const char *staff)
{
	static char num[4][16];
	static int k;
	struct ticket t;
	char *out = num[k++ % 4];
	enum qd_status s = queue_call_next(f->st, &f->h, w, staff, &t);
	if (s == QD_ERR_EMPTY) {
		out[0] = '\0';
		return out;
	}
	assert_int_equal(s, QD_OK);
	assert_string_equal(t.state, "called");
	assert_int_equal(t.window, w);
	strcpy(out, t.number);
	return out;
}

static void finish(struct fx *f, int w)
{
	assert_int_equal(queue_finish(f->st, &f->h, w, "clerk1", NULL, 0, 0, NULL, NULL), QD_OK);
}

static const char *call_finish(struct fx *f, int w)
{
	const char *n = call(f, w, "clerk1");
	if (*n)
		finish(f, w);
	return n;
}

static long long q_int(struct fx *f, const char *sql)
{
	return fx_int(f->st, sql);
}

/* ---- issuing ---- */

static void test_numbering_per_type_and_day(void **state)
{
	struct fx *f = *state;
	struct issue_input in = { .type = "a" };
	struct ticket t;
	assert_int_equal(queue_issue(f->st, &f->h, &in, &t), QD_OK);
	assert_string_equal(t.number, "A001");
	assert_string_equal(t.type, "A");
	assert_string_equal(t.queue_type, "A");
	assert_string_equal(t.day, "2026-11-23");
	assert_string_equal(t.state, "waiting");
	assert_int_equal(t.seq, 1);
	assert_int_equal(t.ahead, 0);
	assert_string_equal(issue(f, "A", NULL), "A002");
	assert_string_equal(issue(f, "B", NULL), "B001");
	assert_int_equal(queue_issue(f->st, &f->h, &in, &t), QD_OK);
	assert_string_equal(t.number, "A003");
	assert_int_equal(t.ahead, 2);          /* A001, A002 (B001 is another queue) */
	fx_now("2026-11-24 08:30:00");
	assert_string_equal(issue(f, "A", NULL), "A001");
	assert_string_equal(issue(f, "B", NULL), "B001");
	assert_int_equal(q_int(f, "SELECT count(*) FROM tickets WHERE number = 'A001'"), 2);
	f->h.number_digits = 4;
	assert_string_equal(issue(f, "A", NULL), "A0002");
}

static void test_quota(void **state)
{
	struct fx *f = *state;
	for (int i = 0; i < 3; i++)
		issue(f, "B", NULL);
	assert_int_equal(issue_status(f, "B"), QD_ERR_QUOTA);
	assert_int_equal(issue_status(f, "A"), QD_OK);
	fx_now("2026-11-24 09:00:00");
	assert_int_equal(issue_status(f, "B"), QD_OK);
}

static void test_cutoff_and_hours(void **state)
{
	struct fx *f = *state;
	fx_now("2026-11-23 15:59:59");
	assert_int_equal(issue_status(f, "C"), QD_OK);
	fx_now("2026-11-23 16:00:00");
	assert_int_equal(issue_status(f, "C"), QD_ERR_CUTOFF);
	assert_int_equal(issue_status(f, "A"), QD_OK);
	fx_now("2026-11-23 08:29:59");
	assert_int_equal(issue_status(f, "A"), QD_ERR_CLOSED);
	fx_now("2026-11-23 08:30:00");
	assert_int_equal(issue_status(f, "A"), QD_OK);
	fx_now("2026-11-23 17:30:00");
	assert_int_equal(issue_status(f, "A"), QD_ERR_CLOSED);
	fx_now("not a time");
	assert_int_equal(issue_status(f, "A"), QD_ERR_CONFIG);
}

static void test_issue_validation(void **state)
{
	struct fx *f = *state;
	struct ticket t;
	struct issue_input in = { .type = "Y" };
	assert_int_equal(queue_issue(f->st, &f->h, &in, &t), QD_ERR_NO_TYPE);
	in = (struct issue_input){ .type = "A", .priority = "vip" };
	assert_int_equal(queue_issue(f->st, &f->h, &in, &t), QD_ERR_NO_GROUP);
	in = (struct issue_input){ .type = "A", .id_number = "110105194912310021" };
	assert_int_equal(queue_issue(f->st, &f->h, &in, &t), QD_ERR_IDCARD);
	in = (struct issue_input){ .type = "A", .phone = "12812341234" };
	assert_int_equal(queue_issue(f->st, &f->h, &in, &t), QD_ERR_PHONE);
	char note[202];
	memset(note, 'x', 201);
	note[201] = '\0';
	in = (struct issue_input){ .type = "A", .note = note };
	assert_int_equal(queue_issue(f->st, &f->h, &in, &t), QD_ERR_TOO_LONG);
	in = (struct issue_input){ .type = "A", .staff = "gone" };
	assert_int_equal(queue_issue(f->st, &f->h, &in, &t), QD_ERR_STAFF_DISABLED);
	in = (struct issue_input){ .type = "A", .staff = "nobody" };
	assert_int_equal(queue_issue(f->st, &f->h, &in, &t), QD_ERR_NO_STAFF);
	assert_int_equal(q_int(f, "SELECT count(*) FROM tickets"), 0);
	in = (struct issue_input){ .type = "A", .phone = "13812341234", .note = "带齐材料",
	                           .id_number = "110105200001010016", .staff = "guide1" };
	assert_int_equal(queue_issue(f->st, &f->h, &in, &t), QD_OK);
	assert_string_equal(t.number, "A001");
	assert_string_equal(t.phone_masked, "138****1234");
	assert_string_equal(t.id_masked, "110105********0016");
	assert_string_equal(t.priority, "");
	assert_string_equal(t.note, "带齐材料");
	/* Only masked forms are stored. */
	assert_int_equal(q_int(f, "SELECT count(*) FROM tickets WHERE id_masked LIKE '%20000101%'"), 0);
	assert_int_equal(q_int(f, "SELECT count(*) FROM tickets WHERE issued_by = 'guide1' AND age = 26"), 1);
}

static void test_idcard_sets_elderly(void **state)
{
	struct fx *f = *state;
	struct ticket t;
	struct issue_input in = { .type = "A", .id_number = "11010519491231002x" };
	assert_int_equal(queue_issue(f->st, &f->h, &in, &t), QD_OK);
	assert_string_equal(t.priority, "elderly");
	assert_string_equal(t.id_masked, "110105********002X");
	in.id_number = "110105196111230010";      /* 65 today */
	assert_int_equal(queue_issue(f->st, &f->h, &in, &t), QD_OK);
	assert_string_equal(t.priority, "elderly");
	in.id_number = "110105196111240016";      /* 65 tomorrow */
	assert_int_equal(queue_issue(f->st, &f->h, &in, &t), QD_OK);
	assert_string_equal(t.priority, "");
	in = (struct issue_input){ .type = "A", .id_number = "11010519491231002X", .priority = "disabled" };
	assert_int_equal(queue_issue(f->st, &f->h, &in, &t), QD_OK);
	assert_string_equal(t.priority, "disabled");
}

/* ---- calling ---- */

static void test_priority_first(void **state)
{
	struct fx *f = *state;
	issue(f, "A", NULL);
	issue(f, "A", NULL);
	issue(f, "A", "elderly");
	issue(f, "A", "disabled");
	assert_string_equal(call_finish(f, 1), "A003");
	assert_string_equal(call_finish(f, 1), "A004");
	assert_string_equal(call_finish(f, 1), "A001");
	assert_string_equal(call_finish(f, 1), "A002");
	assert_string_equal(call_finish(f, 1), "");
}

static void test_priority_cap(void **state)
{
	struct fx *f = *state;
	f->h.calling.priority_cap = 2;
	issue(f, "A", NULL);
	issue(f, "A", NULL);
	for (int i = 0; i < 5; i++)
		issue(f, "A", "elderly");
	assert_string_equal(call_finish(f, 1), "A003");
	assert_string_equal(call_finish(f, 1), "A004");
	assert_string_equal(call_finish(f, 1), "A001");   /* two priority calls in a row: a normal turn */
	assert_string_equal(call_finish(f, 1), "A005");
	assert_string_equal(call_finish(f, 1), "A006");
	assert_string_equal(call_finish(f, 1), "A002");
	assert_string_equal(call_finish(f, 1), "A007");   /* no normal ticket left: priority again */
	/* The cap counts per window. */
	assert_int_equal(q_int(f, "SELECT priority_streak FROM windows WHERE number = 1"), 1);
}

static void test_also_types_only_when_own_empty(void **state)
{
	struct fx *f = *state;
	issue(f, "B", NULL);
	issue(f, "A", NULL);
	issue(f, "A", NULL);
	assert_string_equal(call_finish(f, 1), "A001");   /* own type first, though B came earlier */
	assert_string_equal(call_finish(f, 1), "A002");
	assert_string_equal(call_finish(f, 1), "B001");   /* then the also-type */
	assert_string_equal(call_finish(f, 1), "");
	/* Window 2 serves B only: never A. */
	issue(f, "A", NULL);
	assert_string_equal(call_finish(f, 2), "");
}

static void test_priority_before_own_types(void **state)
{
	struct fx *f = *state;
	issue(f, "A", NULL);
	issue(f, "B", "elderly");
	issue(f, "B", NULL);
	assert_string_equal(call_finish(f, 1), "B001");   /* green channel, even of an also-type */
	assert_string_equal(call_finish(f, 1), "A001");
	assert_string_equal(call_finish(f, 1), "B002");
}

static void test_elderly_window(void **state)
{
	struct fx *f = *state;
	issue(f, "A", NULL);
	issue(f, "D", "elderly");
	issue(f, "C", NULL);
	issue(f, "A", "disabled");
	assert_string_equal(call_finish(f, 3), "D001");   /* the elderly of any type */
	assert_string_equal(call_finish(f, 3), "C001");   /* then its own type */
	assert_string_equal(call_finish(f, 3), "");       /* not other types, not other groups */
	size_t n;
	struct ticket *w;
	assert_int_equal(queue_waiting(f->st, &f->h, 0, &w, &n), QD_OK);
	assert_int_equal(n, 2);
	free(w);
}

static void test_oldest_first_across_types(void **state)
{
	struct fx *f = *state;
	issue(f, "B", NULL);
	issue(f, "A", NULL);
	issue(f, "B", NULL);
	assert_string_equal(call_finish(f, 4), "B001");
	assert_string_equal(call_finish(f, 4), "A001");
	assert_string_equal(call_finish(f, 4), "B002");
}

static void test_call_refusals(void **state)
{
	struct fx *f = *state;
	struct ticket t;
	issue(f, "A", NULL);
	issue(f, "A", NULL);
	assert_int_equal(queue_call_next(f->st, &f->h, 9, "clerk1", &t), QD_ERR_NO_WINDOW);
	assert_int_equal(queue_call_next(f->st, &f->h, 1, "guide1", &t), QD_ERR_ROLE);
	assert_int_equal(queue_call_next(f->st, &f->h, 1, "nobody", &t), QD_ERR_NO_STAFF);
	assert_int_equal(queue_call_next(f->st, &f->h, 1, "gone", &t), QD_ERR_STAFF_DISABLED);
	assert_int_equal(queue_call_next(f->st, &f->h, 1, "lead1", &t), QD_OK);
	assert_int_equal(queue_call_next(f->st, &f->h, 1, "lead1", &t), QD_ERR_BUSY_WINDOW);
	assert_int_equal(queue_call_next(f->st, &f->h, 2, "clerk2", &t), QD_ERR_EMPTY);
	/* An empty call still signs the clerk in. */
	struct window_state ws;
	assert_int_equal(queue_window(f->st, &f->h, 2, &ws), QD_OK);
	assert_string_equal(ws.state, "idle");
	assert_string_equal(ws.staff, "clerk2");
}

static void test_call_number(void **state)
{
	struct fx *f = *state;
	struct ticket t;
	issue(f, "A", NULL);
	issue(f, "A", NULL);
	issue(f, "B", NULL);
	assert_int_equal(queue_call_number(f->st, &f->h, 2, "clerk2", "a002", &t), QD_OK);
	assert_string_equal(t.number, "A002");
	assert_int_equal(t.window, 2);
	assert_int_equal(queue_call_number(f->st, &f->h, 1, "clerk1", "A002", &t), QD_ERR_NOT_WAITING);
	assert_int_equal(queue_call_number(f->st, &f->h, 1, "clerk1", "A999", &t), QD_ERR_NOT_FOUND);
	assert_int_equal(queue_call_number(f->st, &f->h, 2, "clerk2", "B001", &t), QD_ERR_BUSY_WINDOW);
	/* Typed short, as a person reads it out: "b1" is B001. */
	assert_int_equal(queue_call_number(f->st, &f->h, 4, "clerk3", "b1", &t), QD_OK);
	assert_string_equal(t.number, "B001");
	assert_string_equal(call(f, 1, "clerk1"), "A001");
	assert_int_equal(q_int(f, "SELECT count(*) FROM events WHERE kind = 'call'"), 3);
	char n[32];
	queue_number_normalize(&f->h, "a14", n, sizeof n);     assert_string_equal(n, "A014");
	queue_number_normalize(&f->h, "A0014", n, sizeof n);   assert_string_equal(n, "A014");
	queue_number_normalize(&f->h, "A1000", n, sizeof n);   assert_string_equal(n, "A1000");
	queue_number_normalize(&f->h, "14", n, sizeof n);      assert_string_equal(n, "14");
	queue_number_normalize(&f->h, "a1x", n, sizeof n);     assert_string_equal(n, "a1x");
}

static void test_recall_cap(void **state)
{
	struct fx *f = *state;
	struct ticket t;
	issue(f, "A", NULL);
	assert_int_equal(queue_recall(f->st, &f->h, 1, "clerk1", &t), QD_ERR_IDLE_WINDOW);
	call(f, 1, "clerk1");
	assert_int_equal(queue_recall(f->st, &f->h, 1, "clerk1", &t), QD_OK);
	assert_int_equal(t.calls, 2);
	assert_int_equal(queue_recall(f->st, &f->h, 1, "clerk1", &t), QD_OK);
	assert_int_equal(t.calls, 3);
	assert_int_equal(queue_recall(f->st, &f->h, 1, "clerk1", &t), QD_ERR_RECALL_CAP);
	assert_int_equal(q_int(f, "SELECT count(*) FROM events WHERE kind = 'recall'"), 2);
}

static void expect_waiting(struct fx *f, int w, const char *const *numbers, size_t count)
{
	struct ticket *list;
	size_t n;
	assert_int_equal(queue_waiting(f->st, &f->h, w, &list, &n), QD_OK);
	assert_int_equal(n, count);
	for (size_t i = 0; i < n; i++)
		assert_string_equal(list[i].number, numbers[i]);
	free(list);
}

static void test_noshow_and_requeue(void **state)
{
	struct fx *f = *state;
	struct ticket t;
	for (int i = 0; i < 5; i++)
		issue(f, "A", NULL);
	issue(f, "B", NULL);
	call(f, 1, "clerk1");
	assert_int_equal(queue_noshow(f->st, &f->h, 1, "clerk1", &t), QD_OK);
	assert_string_equal(t.number, "A001");
	assert_string_equal(t.state, "noshow");
	assert_int_equal(queue_noshow(f->st, &f->h, 1, "clerk1", &t), QD_ERR_IDLE_WINDOW);
	assert_int_equal(queue_requeue(f->st, &f->h, "A002", "guide1", &t), QD_ERR_NOT_NOSHOW);
	assert_int_equal(queue_requeue(f->st, &f->h, "A404", "guide1", &t), QD_ERR_NOT_FOUND);
	assert_int_equal(queue_requeue(f->st, &f->h, "a001", "guide1", &t), QD_OK);
	assert_string_equal(t.state, "waiting");
	assert_int_equal(t.requeues, 1);
	assert_int_equal(t.ahead, 2);
	/* Behind the next two waiting tickets of its type. */
	const char *order[] = { "A002", "A003", "A001", "A004", "A005", "B001" };
	expect_waiting(f, 1, order, 6);
	/* Called again, missed again: it may not return twice (requeue_max 1). */
	assert_string_equal(call_finish(f, 1), "A002");
	assert_string_equal(call_finish(f, 1), "A003");
	assert_string_equal(call(f, 1, "clerk1"), "A001");
	assert_int_equal(queue_noshow(f->st, &f->h, 1, "clerk1", &t), QD_OK);
	assert_int_equal(queue_requeue(f->st, &f->h, "A001", "clerk1", &t), QD_ERR_REQUEUE_MAX);
}

static void test_requeue_at_end_when_few_wait(void **state)
{
	struct fx *f = *state;
	struct ticket t;
	issue(f, "A", NULL);
	issue(f, "A", NULL);
	issue(f, "B", NULL);
	call(f, 1, "clerk1");
	queue_noshow(f->st, &f->h, 1, "clerk1", NULL);
	f->h.calling.requeue_behind = 3;
	assert_int_equal(queue_requeue(f->st, &f->h, "A001", "clerk1", &t), QD_OK);
	const char *order[] = { "A002", "B001", "A001" };
	expect_waiting(f, 0, order, 3);
}

static void test_requeue_refused_new_ticket_rule(void **state)
{
	struct fx *f = *state;
	struct ticket t;
	issue(f, "A", NULL);
	call(f, 1, "clerk1");
	queue_noshow(f->st, &f->h, 1, "clerk1", NULL);
	f->h.calling.noshow_requeue = 0;
	assert_int_equal(queue_requeue(f->st, &f->h, "A001", "clerk1", &t), QD_ERR_NO_REQUEUE);
	f->h.calling.noshow_requeue = 1;
	fx_now("2026-11-24 09:00:00");
	assert_int_equal(queue_requeue(f->st, &f->h, "A001", "clerk1", &t), QD_ERR_OTHER_DAY);
	assert_int_equal(q_int(f, "SELECT count(*) FROM tickets WHERE state = 'noshow'"), 1);
}

static void test_transfer_to_type(void **state)
{
	struct fx *f = *state;
	struct ticket t;
	issue(f, "A", NULL);
	issue(f, "B", NULL);
	assert_string_equal(call(f, 1, "clerk1"), "A001");
	assert_int_equal(queue_transfer(f->st, &f->h, 1, "clerk1", "b", 0, &t), QD_OK);
	assert_string_equal(t.number, "A001");
	assert_string_equal(t.type, "A");
	assert_string_equal(t.queue_type, "B");
	assert_string_equal(t.state, "waiting");
	struct window_state ws;
	assert_int_equal(queue_window(f->st, &f->h, 1, &ws), QD_OK);
	assert_string_equal(ws.state, "idle");
	assert_int_equal(ws.current.id, 0);
	/* It keeps its place in the B queue: ahead of B001, issued later. */
	assert_string_equal(call_finish(f, 2), "A001");
	assert_string_equal(call_finish(f, 2), "B001");
	/* Window 1 serves A, also B: the ticket now waits as B. */
	assert_int_equal(q_int(f, "SELECT count(*) FROM events WHERE kind = 'transfer' AND detail = 'type B'"), 1);
}

static void test_transfer_back_of_queue(void **state)
{
	struct fx *f = *state;
	f->h.calling.transfer_keep_place = 0;
	issue(f, "A", NULL);
	issue(f, "B", NULL);
	assert_string_equal(call(f, 1, "clerk1"), "A001");
	assert_int_equal(queue_transfer(f->st, &f->h, 1, "clerk1", "B", 0, NULL), QD_OK);
	assert_string_equal(call_finish(f, 2), "B001");
	assert_string_equal(call_finish(f, 2), "A001");
}

static void test_transfer_to_window(void **state)
{
	struct fx *f = *state;
	struct ticket t;
	issue(f, "A", NULL);
	issue(f, "A", NULL);
	assert_string_equal(call(f, 1, "clerk1"), "A001");
	assert_int_equal(queue_transfer(f->st, &f->h, 1, "clerk1", NULL, 9, &t), QD_ERR_NO_WINDOW);
	assert_int_equal(queue_transfer(f->st, &f->h, 1, "clerk1", "Y", 0, &t), QD_ERR_NO_TYPE);
	assert_int_equal(queue_transfer(f->st, &f->h, 1, "clerk1", NULL, 0, &t), QD_ERR_USAGE);
	assert_int_equal(queue_transfer(f->st, &f->h, 1, "clerk1", NULL, 1, &t), QD_ERR_SAME_PLACE);
	assert_int_equal(queue_transfer(f->st, &f->h, 1, "clerk1", "a", 0, &t), QD_ERR_SAME_PLACE);
	assert_int_equal(queue_transfer(f->st, &f->h, 1, "clerk1", NULL, 5, &t), QD_OK);
	assert_int_equal(t.target_window, 5);
	assert_int_equal(queue_transfer(f->st, &f->h, 1, "clerk1", NULL, 5, &t), QD_ERR_IDLE_WINDOW);
	/* Only window 5 gets it, though it serves D, not A. */
	assert_string_equal(call_finish(f, 1), "A002");
	assert_string_equal(call_finish(f, 4), "");
	assert_string_equal(call_finish(f, 1), "");
	assert_int_equal(queue_call_number(f->st, &f->h, 4, "clerk2", "A001", &t), QD_ERR_NOT_SERVED_HERE);
	assert_string_equal(call_finish(f, 5), "A001");
}

static void test_pause_resume(void **state)
{
	struct fx *f = *state;
	struct ticket t;
	issue(f, "A", NULL);
	assert_int_equal(queue_resume(f->st, &f->h, 1, "clerk1"), QD_ERR_NOT_PAUSED);
	assert_int_equal(queue_pause(f->st, &f->h, 1, "clerk1", "nap"), QD_ERR_NO_CHOICE);
	assert_int_equal(queue_pause(f->st, &f->h, 1, "clerk1", NULL), QD_OK);
	struct window_state ws;
	assert_int_equal(queue_window(f->st, &f->h, 1, &ws), QD_OK);
	assert_string_equal(ws.state, "paused");
	assert_string_equal(ws.pause_reason, "meal");
	assert_int_equal(queue_pause(f->st, &f->h, 1, "clerk1", "meeting"), QD_ERR_PAUSED);
	assert_int_equal(queue_call_next(f->st, &f->h, 1, "clerk1", &t), QD_ERR_PAUSED);
	assert_int_equal(queue_call_number(f->st, &f->h, 1, "clerk1", "A001", &t), QD_ERR_PAUSED);
	fx_now("2026-11-23 09:30:00");
	assert_int_equal(queue_resume(f->st, &f->h, 1, "clerk1"), QD_OK);
	assert_int_equal(queue_resume(f->st, &f->h, 1, "clerk1"), QD_ERR_NOT_PAUSED);
	assert_int_equal(q_int(f, "SELECT ended_at - started_at FROM pauses WHERE window = 1 AND reason = 'meal'"), 1800);
	call(f, 1, "clerk1");
	assert_int_equal(queue_pause(f->st, &f->h, 1, "clerk1", "meeting"), QD_ERR_BUSY_WINDOW);
	assert_int_equal(q_int(f, "SELECT count(*) FROM events WHERE kind IN ('pause', 'resume')"), 2);
}

static void test_finish_with_case_and_rating(void **state)
{
	struct fx *f = *state;
	struct finish_result r;
	issue(f, "A", NULL);
	assert_int_equal(queue_finish(f->st, &f->h, 1, "clerk1", NULL, 0, 0, NULL, &r), QD_ERR_IDLE_WINDOW);
	call(f, 1, "clerk1");
	struct case_input bad = { .matter = "nothing" };
	assert_int_equal(queue_finish(f->st, &f->h, 1, "clerk1", &bad, 1, 0, NULL, &r), QD_ERR_NO_CHOICE);
	assert_int_equal(queue_finish(f->st, &f->h, 1, "clerk1", NULL, 0, 6, NULL, &r), QD_ERR_RATING);
	struct case_input c = { .matter = "licence", .outcome = "done", .mode = "assisted" };
	assert_int_equal(queue_finish(f->st, &f->h, 1, "clerk1", &c, 1, 2, "等太久", &r), QD_OK);
	assert_string_equal(r.ticket.number, "A001");
	assert_string_equal(r.ticket.state, "served");
	assert_true(r.case_id > 0);
	assert_true(r.evaluation_id > 0);
	assert_true(r.rectification_id > 0);
	assert_int_equal(strlen(r.deadline), 10);
	struct window_state ws;
	assert_int_equal(queue_window(f->st, &f->h, 1, &ws), QD_OK);
	assert_string_equal(ws.state, "idle");
	assert_int_equal(ws.served_today, 1);
	assert_int_equal(ws.noshow_today, 0);
	assert_int_equal(q_int(f, "SELECT count(*) FROM cases WHERE ticket_id = 1 AND mode = 'assisted'"), 1);
	/* Plain finish: no case, no rating. */
	issue(f, "A", NULL);
	call(f, 1, "clerk1");
	assert_int_equal(queue_finish(f->st, &f->h, 1, "clerk1", NULL, 0, 0, NULL, &r), QD_OK);
	assert_int_equal(r.case_id, 0);
	assert_int_equal(r.evaluation_id, 0);
}

static void test_finish_several_cases_at_once(void **state)
{
	struct fx *f = *state;
	struct finish_result r;
	issue(f, "A", NULL);
	call(f, 1, "clerk1");
	/* One bad case among several: nothing is written, the ticket is still being served. */
	struct case_input cs[2] = { { .matter = "licence" }, { .matter = "nothing" } };
	assert_int_equal(queue_finish(f->st, &f->h, 1, "clerk1", cs, 2, 5, NULL, &r), QD_ERR_NO_CHOICE);
	assert_int_equal(q_int(f, "SELECT count(*) FROM cases"), 0);
	assert_int_equal(q_int(f, "SELECT count(*) FROM tickets WHERE state = 'called'"), 1);
	cs[1].matter = "licence";
	cs[1].outcome = "consult";
	assert_int_equal(queue_finish(f->st, &f->h, 1, "clerk1", cs, 2, 5, NULL, &r), QD_OK);
	assert_int_equal(r.ncases, 2);
	assert_int_equal(q_int(f, "SELECT count(*) FROM cases WHERE ticket_id = 1"), 2);
	assert_int_equal(q_int(f, "SELECT min(id) FROM cases"), r.case_id);
	assert_int_equal(q_int(f, "SELECT count(*) FROM evaluations WHERE ticket_id = 1"), 1);
}

static void test_undo(void **state)
{
	struct fx *f = *state;
	struct ticket t;
	struct finish_result r;
	issue(f, "A", NULL);
	issue(f, "A", NULL);
	assert_int_equal(queue_undo(f->st, &f->h, 1, "clerk1", &t), QD_ERR_NOTHING_TO_UNDO);
	call(f, 1, "clerk1");
	struct case_input c = { .outcome = "accepted" };
	assert_int_equal(queue_finish(f->st, &f->h, 1, "clerk1", &c, 1, 5, NULL, &r), QD_OK);
	fx_now("2026-11-23 09:01:00");             /* 60 s later: still allowed */
	assert_int_equal(queue_undo(f->st, &f->h, 1, "clerk1", &t), QD_OK);
	assert_string_equal(t.number, "A001");
	assert_string_equal(t.state, "called");
	assert_int_equal(t.finished_at, 0);
	assert_int_equal(q_int(f, "SELECT voided FROM cases WHERE ticket_id = 1"), 1);
	/* The evaluation belongs to the applicant: undo leaves it as it was. */
	assert_int_equal(q_int(f, "SELECT voided FROM evaluations WHERE ticket_id = 1"), 0);
	assert_int_equal(q_int(f, "SELECT level FROM evaluations WHERE ticket_id = 1"), 5);
	struct window_state ws;
	assert_int_equal(queue_window(f->st, &f->h, 1, &ws), QD_OK);
	assert_string_equal(ws.state, "serving");
	assert_string_equal(ws.current.number, "A001");
	assert_int_equal(queue_undo(f->st, &f->h, 1, "clerk1", &t), QD_ERR_NOTHING_TO_UNDO);
	/* Finish again: a second rating is refused (one per visit); without one it finishes. */
	assert_int_equal(queue_finish(f->st, &f->h, 1, "clerk1", &c, 1, 4, NULL, &r), QD_ERR_RATED);
	assert_int_equal(queue_finish(f->st, &f->h, 1, "clerk1", &c, 1, 0, NULL, &r), QD_OK);
	assert_int_equal(q_int(f, "SELECT count(*) FROM evaluations WHERE ticket_id = 1"), 1);
	/* A no-show undone too late. */
	assert_string_equal(call(f, 1, "clerk1"), "A002");
	assert_int_equal(queue_noshow(f->st, &f->h, 1, "clerk1", &t), QD_OK);
	fx_now("2026-11-23 09:02:01");
	assert_int_equal(queue_undo(f->st, &f->h, 1, "clerk1", &t), QD_ERR_UNDO_EXPIRED);
	assert_int_equal(q_int(f, "SELECT count(*) FROM events WHERE kind = 'undo'"), 1);
}

/* Undo takes back this window's own last ending only: not one another window made of the same
 * ticket since, and not when the clock reads earlier than that action. */
static void test_undo_only_own_last_ending(void **state)
{
	struct fx *f = *state;
	struct ticket t;
	issue(f, "A", NULL);
	call(f, 1, "clerk1");
	assert_int_equal(queue_noshow(f->st, &f->h, 1, "clerk1", NULL), QD_OK);
	assert_int_equal(queue_requeue(f->st, &f->h, "A001", "guide1", NULL), QD_OK);
	fx_now("2026-11-23 09:00:20");
	assert_string_equal(call(f, 4, "clerk2"), "A001");
	assert_int_equal(queue_noshow(f->st, &f->h, 4, "clerk2", NULL), QD_OK);
	fx_now("2026-11-23 09:00:30");
	assert_int_equal(queue_undo(f->st, &f->h, 1, "clerk1", &t), QD_ERR_NOTHING_TO_UNDO);
	fx_now("2026-11-23 08:59:00");             /* the clock went back */
	assert_int_equal(queue_undo(f->st, &f->h, 4, "clerk2", &t), QD_ERR_UNDO_EXPIRED);
	fx_now("2026-11-23 09:00:40");
	assert_int_equal(queue_undo(f->st, &f->h, 4, "clerk2", &t), QD_OK);
	assert_int_equal(t.window, 4);
}

static void test_undo_noshow_after_requeue_refused(void **state)
{
	struct fx *f = *state;
	struct ticket t;
	issue(f, "A", NULL);
	call(f, 1, "clerk1");
	queue_noshow(f->st, &f->h, 1, "clerk1", NULL);
	assert_int_equal(queue_requeue(f->st, &f->h, "A001", "clerk1", &t), QD_OK);
	assert_int_equal(queue_undo(f->st, &f->h, 1, "clerk1", &t), QD_ERR_NOTHING_TO_UNDO);
}

static void test_rollover(void **state)
{
	struct fx *f = *state;
	issue(f, "A", NULL);
	issue(f, "A", NULL);
	issue(f, "A", NULL);
	call_finish(f, 1);
	call(f, 1, "clerk1");                     /* A002 left called overnight */
	assert_int_equal(queue_pause(f->st, &f->h, 5, "clerk2", NULL), QD_OK);   /* and a pause */
	fx_now("2026-11-23 19:10:00");            /* late service: clerk1 still calls after closing */
	assert_int_equal(queue_recall(f->st, &f->h, 1, "clerk1", NULL), QD_OK);
	fx_now("2026-11-24 08:45:00");
	struct window_state ws;
	/* Reading writes nothing but already shows the day as the first write will leave it. */
	assert_int_equal(queue_window(f->st, &f->h, 1, &ws), QD_OK);
	assert_string_equal(ws.state, "closed");
	assert_int_equal(ws.current.id, 0);
	assert_string_equal(ws.staff, "");
	assert_int_equal(q_int(f, "SELECT count(*) FROM tickets WHERE state = 'called'"), 1);
	assert_string_equal(issue(f, "A", NULL), "A001");
	assert_int_equal(q_int(f, "SELECT count(*) FROM tickets WHERE state = 'expired' AND day = '2026-11-23'"), 2);
	assert_int_equal(q_int(f, "SELECT count(*) FROM tickets WHERE state = 'served'"), 1);
	assert_int_equal(q_int(f, "SELECT count(*) FROM events WHERE kind = 'expire' AND day = '2026-11-24'"), 2);
	assert_int_equal(queue_window(f->st, &f->h, 1, &ws), QD_OK);
	assert_string_equal(ws.state, "closed");
	assert_int_equal(ws.current.id, 0);
	assert_int_equal(ws.served_today, 0);
	assert_int_equal(queue_window(f->st, &f->h, 5, &ws), QD_OK);
	assert_string_equal(ws.state, "closed");
	assert_string_equal(ws.pause_reason, "");
	/* Yesterday's sessions and pause ended at its closing time (17:30), or at the clerk's last
	 * action if that came later, each with an event. */
	long long close = (long long)clock_at("2026-11-23", 17 * 60 + 30);
	assert_int_equal(q_int(f, "SELECT count(*) FROM sessions WHERE ended_at IS NULL"), 0);
	assert_int_equal(q_int(f, "SELECT count(*) FROM pauses WHERE ended_at IS NULL"), 0);
	assert_int_equal(q_int(f, "SELECT ended_at FROM sessions WHERE staff = 'clerk2'"), close);
	assert_int_equal(q_int(f, "SELECT ended_at FROM sessions WHERE staff = 'clerk1'"),
	                 (long long)clock_at("2026-11-23", 19 * 60 + 10));
	assert_int_equal(q_int(f, "SELECT min(ended_at) FROM pauses"), close);
	assert_int_equal(q_int(f, "SELECT count(*) FROM events WHERE detail = 'day-end' AND day = '2026-11-23'"
	                          " AND ((kind = 'sign-out' AND staff IN ('clerk1', 'clerk2'))"
	                          "  OR (kind = 'resume' AND window = 5))"), 3);
	/* Nothing left to expire; the call picks today's ticket. */
	int n = -1;
	assert_int_equal(queue_rollover(f->st, &f->h, &n), QD_OK);
	assert_int_equal(n, 0);
	assert_string_equal(call(f, 1, "clerk1"), "A001");
	assert_int_equal(q_int(f, "SELECT count(*) FROM tickets"), 4);
	assert_int_equal(q_int(f, "SELECT count(*) FROM sessions WHERE ended_at IS NULL AND staff = 'clerk1'"), 1);
}

static void test_rollover_count(void **state)
{
	struct fx *f = *state;
	issue(f, "A", NULL);
	issue(f, "B", NULL);
	fx_now("2026-11-25 10:00:00");
	int n = -1;
	assert_int_equal(queue_rollover(f->st, &f->h, &n), QD_OK);
	assert_int_equal(n, 2);
}

/* A day that left hundreds waiting: each write of the next day expires at most 200 of them,
 * called ones first (freeing their window), never counts them as waiting, and queue_rollover
 * expires all that remain. */
static void test_rollover_bounded(void **state)
{
	struct fx *f = *state;
	for (int i = 0; i < 451; i++)
		issue(f, "A", NULL);
	assert_string_equal(call(f, 1, "clerk1"), "A001");     /* left called overnight */
	fx_now("2026-11-24 08:45:00");
	assert_string_equal(issue(f, "A", NULL), "A001");
	assert_int_equal(q_int(f, "SELECT count(*) FROM tickets WHERE state = 'expired'"), 200);
	assert_int_equal(q_int(f, "SELECT count(*) FROM tickets WHERE day = '2026-11-23' AND number = 'A001'"
	                          " AND state = 'expired'"), 1);
	assert_int_equal(q_int(f, "SELECT count(*) FROM windows WHERE current_ticket IS NOT NULL"), 0);
	assert_string_equal(call(f, 1, "clerk1"), "A001");     /* today's, not a leftover */
	assert_int_equal(q_int(f, "SELECT count(*) FROM tickets WHERE state = 'expired'"), 400);
	int n = -1;
	assert_int_equal(queue_rollover(f->st, &f->h, &n), QD_OK);
	assert_int_equal(n, 51);
	assert_int_equal(q_int(f, "SELECT count(*) FROM tickets WHERE day = '2026-11-23' AND state = 'waiting'"), 0);
	assert_int_equal(q_int(f, "SELECT count(*) FROM events WHERE kind = 'expire' AND day = '2026-11-24'"), 451);
}

static void test_events_written(void **state)
{
	struct fx *f = *state;
	issue(f, "A", NULL);
	call(f, 1, "clerk1");
	queue_recall(f->st, &f->h, 1, "clerk1", NULL);
	queue_noshow(f->st, &f->h, 1, "clerk1", NULL);
	assert_int_equal(q_int(f,
		"SELECT count(*) FROM events WHERE ticket_id = 1 AND day = '2026-11-23' AND at > 0"
		" AND kind IN ('issue', 'call', 'recall', 'noshow')"), 4);
	assert_int_equal(q_int(f,
		"SELECT count(*) FROM events WHERE kind = 'call' AND window = 1 AND staff = 'clerk1'"), 1);
	assert_int_equal(q_int(f, "SELECT count(*) FROM events WHERE kind = 'sign-in'"), 1);
}

static void test_sign_in_handover(void **state)
{
	struct fx *f = *state;
	issue(f, "A", NULL);
	issue(f, "A", NULL);
	assert_string_equal(call(f, 1, "clerk1"), "A001");
	finish(f, 1);
	fx_now("2026-11-23 12:00:00");
	assert_string_equal(call(f, 1, "clerk2"), "A002");    /* the B post takes over */
	assert_int_equal(q_int(f, "SELECT count(*) FROM sessions WHERE window = 1"), 2);
	assert_int_equal(q_int(f, "SELECT count(*) FROM sessions WHERE ended_at IS NULL"), 1);
	assert_int_equal(q_int(f, "SELECT count(*) FROM sessions WHERE staff = 'clerk1' AND ended_at IS NOT NULL"), 1);
	struct window_state ws;
	assert_int_equal(queue_window(f->st, &f->h, 1, &ws), QD_OK);
	assert_string_equal(ws.staff, "clerk2");
	assert_int_equal(queue_sign_out(f->st, &f->h, 1, "clerk1"), QD_ERR_TOOK_OVER);
	assert_int_equal(queue_sign_out(f->st, &f->h, 1, "clerk2"), QD_ERR_BUSY_WINDOW);
	assert_int_equal(queue_finish(f->st, &f->h, 1, "clerk2", NULL, 0, 0, NULL, NULL), QD_OK);
	assert_int_equal(queue_sign_out(f->st, &f->h, 1, "clerk2"), QD_OK);
	assert_int_equal(queue_window(f->st, &f->h, 1, &ws), QD_OK);
	assert_string_equal(ws.state, "closed");
	assert_int_equal(q_int(f, "SELECT count(*) FROM sessions WHERE ended_at IS NULL"), 0);
	assert_int_equal(queue_sign_in(f->st, &f->h, 1, "clerk3"), QD_OK);
	assert_int_equal(queue_sign_in(f->st, &f->h, 1, "clerk3"), QD_OK);
	assert_int_equal(q_int(f, "SELECT count(*) FROM sessions WHERE ended_at IS NULL AND staff = 'clerk3'"), 1);
	assert_int_equal(queue_sign_in(f->st, &f->h, 1, "guide1"), QD_ERR_ROLE);
	/* Whoever acts at a window is signed in there: clerk1 finishing clerk3's ticket takes over,
	 * and is credited with it. */
	issue(f, "A", NULL);
	assert_string_equal(call(f, 1, "clerk3"), "A003");
	assert_int_equal(queue_finish(f->st, &f->h, 1, "clerk1", NULL, 0, 0, NULL, NULL), QD_OK);
	assert_int_equal(queue_window(f->st, &f->h, 1, &ws), QD_OK);
	assert_string_equal(ws.staff, "clerk1");
	assert_int_equal(q_int(f, "SELECT count(*) FROM sessions WHERE ended_at IS NULL AND staff = 'clerk1'"), 1);
	assert_int_equal(q_int(f, "SELECT count(*) FROM tickets WHERE number = 'A003' AND staff = 'clerk1'"), 1);
	assert_int_equal(q_int(f, "SELECT count(*) FROM events WHERE kind = 'sign-out' AND staff = 'clerk3'"
	                          " AND detail = 'handover'"), 1);
	/* Every action that signs its clerk in leaves the window showing who is there: the window row
	 * and the open session agree. */
	issue(f, "A", NULL);
	assert_string_equal(call(f, 1, "clerk1"), "A004");
	assert_int_equal(queue_recall(f->st, &f->h, 1, "clerk2", NULL), QD_OK);
	assert_int_equal(queue_window(f->st, &f->h, 1, &ws), QD_OK);
	assert_string_equal(ws.staff, "clerk2");
	assert_int_equal(queue_noshow(f->st, &f->h, 1, "clerk3", NULL), QD_OK);
	assert_int_equal(queue_window(f->st, &f->h, 1, &ws), QD_OK);
	assert_string_equal(ws.staff, "clerk3");
	assert_int_equal(queue_undo(f->st, &f->h, 1, "clerk1", NULL), QD_OK);
	assert_int_equal(queue_window(f->st, &f->h, 1, &ws), QD_OK);
	assert_string_equal(ws.staff, "clerk1");
	assert_int_equal(q_int(f, "SELECT count(*) FROM sessions s JOIN windows w ON w.number = s.window"
	                          " WHERE s.ended_at IS NULL AND s.staff <> w.staff"), 0);
}

static void test_snapshots(void **state)
{
	struct fx *f = *state;
	struct ticket t, *list;
	size_t n;
	issue(f, "A", NULL);
	issue(f, "B", NULL);
	issue(f, "A", "elderly");
	issue(f, "D", NULL);
	const char *all[] = { "A001", "B001", "A002", "D001" };
	expect_waiting(f, 0, all, 4);
	const char *w1[] = { "A002", "A001", "B001" };
	expect_waiting(f, 1, w1, 3);
	const char *w3[] = { "A002" };
	expect_waiting(f, 3, w3, 1);
	assert_int_equal(queue_waiting(f->st, &f->h, 8, &list, &n), QD_ERR_NO_WINDOW);
	/* Ahead of a ticket: those of its queue called before it, the elderly A002 first. */
	assert_int_equal(queue_find(f->st, "a001", &t), QD_OK);
	assert_string_equal(t.state, "waiting");
	assert_int_equal(t.ahead, 1);
	assert_int_equal(queue_find(f->st, "A002", &t), QD_OK);
	assert_int_equal(t.ahead, 0);
	assert_int_equal(queue_find(f->st, "B001", &t), QD_OK);
	assert_int_equal(t.ahead, 0);
	assert_int_equal(queue_find(f->st, "Z001", &t), QD_ERR_NOT_FOUND);
	call(f, 1, "clerk1");
	fx_now("2026-11-23 09:01:00");
	call(f, 2, "clerk2");
	fx_now("2026-11-23 09:02:00");
	queue_recall(f->st, &f->h, 1, "clerk1", NULL);
	struct window_state ws;
	assert_int_equal(queue_window(f->st, &f->h, 2, &ws), QD_OK);
	assert_int_equal(ws.number, 2);
	assert_string_equal(ws.state, "serving");
	assert_string_equal(ws.current.number, "B001");
	assert_int_equal(queue_window(f->st, &f->h, 5, &ws), QD_OK);
	assert_string_equal(ws.state, "closed");
	assert_int_equal(queue_window(f->st, &f->h, 99, &ws), QD_ERR_NO_WINDOW);
	/* The whole hall in one read: each window, and what waits. */
	struct window_state hall_ws[5];
	assert_int_equal(queue_snapshot(f->st, &f->h, 0, hall_ws, &list, &n), QD_OK);
	assert_int_equal(n, 2);                            /* A001, D001; A002 and B001 are called */
	assert_string_equal(hall_ws[0].current.number, "A002");
	assert_string_equal(hall_ws[1].current.number, "B001");
	assert_string_equal(hall_ws[4].state, "closed");
	free(list);
	assert_int_equal(queue_snapshot(f->st, &f->h, 1, hall_ws, &list, &n), QD_OK);
	assert_int_equal(hall_ws[0].number, 1);
	assert_int_equal(n, 1);                            /* A001 */
	free(list);
}

static void test_labels(void **state)
{
	(void)state;
	assert_string_equal(queue_label("noshow"), "no-show");
	assert_string_equal(queue_label("sign-in"), "signed in");
	assert_string_equal(queue_label("mystery"), "mystery");
	assert_null(queue_label(NULL));
}

int main(void)
{
	setenv("TZ", "Asia/Shanghai", 1);
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(test_numbering_per_type_and_day),
		T(test_quota),
		T(test_cutoff_and_hours),
		T(test_issue_validation),
		T(test_idcard_sets_elderly),
		T(test_priority_first),
		T(test_priority_cap),
		T(test_also_types_only_when_own_empty),
		T(test_priority_before_own_types),
		T(test_elderly_window),
		T(test_oldest_first_across_types),
		T(test_call_refusals),
		T(test_call_number),
		T(test_recall_cap),
		T(test_noshow_and_requeue),
		T(test_requeue_at_end_when_few_wait),
		T(test_requeue_refused_new_ticket_rule),
		T(test_transfer_to_type),
		T(test_transfer_back_of_queue),
		T(test_transfer_to_window),
		T(test_pause_resume),
		T(test_finish_with_case_and_rating),
		T(test_finish_several_cases_at_once),
		T(test_undo),
		T(test_undo_only_own_last_ending),
		T(test_undo_noshow_after_requeue_refused),
		T(test_rollover),
		T(test_rollover_count),
		T(test_rollover_bounded),
		T(test_events_written),
		T(test_sign_in_handover),
		T(test_snapshots),
		cmocka_unit_test(test_labels),
	};
#undef T
	return cmocka_run_group_tests(tests, NULL, NULL);
}
