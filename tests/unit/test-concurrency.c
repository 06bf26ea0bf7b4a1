/* test-concurrency.c - many processes on one database file at once, each with its own store:
 * 16 windows calling and finishing a few hundred tickets (every ticket served exactly once, never
 * to two windows, no process sees an error, no BUSY), then 16 guides issuing at once (numbers
 * unique and gap-free per type). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "qdesk/queue.h"
#include "hall-fixture.h"
#include "tmpdb.h"

#define NPROC    16
#define NTICKETS 400
#define NISSUE   25          /* tickets per issuing process */

static struct tmpdb db;
static const char *dbpath = db.path;
static struct hall hall;
static struct hall_window windows[NPROC];
static char *own[4][1] = { { FX_S("A") }, { FX_S("B") }, { FX_S("C") }, { FX_S("D") } };
static char *also[4][3] = {
	{ FX_S("B"), FX_S("C"), FX_S("D") }, { FX_S("C"), FX_S("D"), FX_S("A") },
	{ FX_S("D"), FX_S("A"), FX_S("B") }, { FX_S("A"), FX_S("B"), FX_S("C") },
};

/* 16 windows: window i serves one type and the other three when idle; the elderly groups are
 * served at window 16 from every type. */
static void make_hall(void)
{
	static char *groups[] = { FX_S("elderly") };
	fx_hall(&hall);
	for (size_t i = 0; i < 4; i++) {
		fx_types[i].quota = 0;
		fx_types[i].cutoff = -1;
	}
	for (int i = 0; i < NPROC; i++) {
		struct hall_window *w = &windows[i];
		*w = fx_windows[0];
		w->number = i + 1;
		w->types = own[i % 4];
		w->ntypes = 1;
		w->also = also[i % 4];
		w->nalso = 3;
		w->groups = i == NPROC - 1 ? groups : NULL;
		w->ngroups = i == NPROC - 1 ? 1 : 0;
	}
	hall.windows = windows;
	hall.nwindows = NPROC;
}

static int setup(void **state)
{
	(void)state;
	make_hall();
	fx_now("2026-11-23 09:00:00");
	if (tmpdb_open(&db, "conc") != 0)
		return -1;
	char sql[128];
	int ok = fx_staff(db.st) == 0;
	for (int i = 1; ok && i <= NPROC; i++) {
		snprintf(sql, sizeof sql, "INSERT INTO staff (id, name, role, pin_hash, created_at)"
		         " VALUES ('w%02d', '窗口%d', 'clerk', 'x', 0)", i, i);
		ok = sqlite3_exec(store_handle(db.st), sql, NULL, NULL, NULL) == SQLITE_OK;
	}
	store_close(db.st);         /* no connection crosses a fork */
	db.st = NULL;
	return ok ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	return tmpdb_close(&db);
}

/* Wait for every child; 0 if each exited 0. */
static int reap(pid_t *pids, int n)
{
	int bad = 0;
	for (int i = 0; i < n; i++) {
		int status;
		if (waitpid(pids[i], &status, 0) != pids[i] || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
			fprintf(stderr, "child %d failed (status %d)\n", i, status);
			bad++;
		}
	}
	return bad;
}

/* Start n children running fn(i, out_fd) together: they block on the gate until all exist. Each
 * child writes what it reports to its own pipe; results[i] gets up to cap long longs. */
static void run_children(int n, int (*fn)(int, int), long long (*results)[NTICKETS], int *counts)
{
	int gate[2], out[NPROC][2];
	pid_t pids[NPROC];
	assert_int_equal(pipe(gate), 0);
	for (int i = 0; i < n; i++) {
		assert_int_equal(pipe(out[i]), 0);
		pids[i] = fork();
		assert_true(pids[i] >= 0);
		if (pids[i] == 0) {
			close(gate[1]);
			char c;
			if (read(gate[0], &c, 1) != 0)      /* EOF when the parent opens the gate */
				_exit(3);
			close(out[i][0]);
			_exit(fn(i, out[i][1]));
		}
		close(out[i][1]);
	}
	close(gate[0]);
	close(gate[1]);                                 /* open the gate: everyone starts now */
	for (int i = 0; i < n; i++) {
		counts[i] = 0;
		long long v;
		while (read(out[i][0], &v, sizeof v) == (ssize_t)sizeof v)
			if (counts[i] < NTICKETS)
				results[i][counts[i]++] = v;
		close(out[i][0]);
	}
	assert_int_equal(reap(pids, n), 0);
}

/* A window: call and finish until nothing waits. Reports each ticket id it got. */
static int window_child(int i, int fd)
{
	struct store *st;
	enum qd_status s = store_open(dbpath, 0, &st);
	if (s != QD_OK) {
		fprintf(stderr, "child %d: open: %s\n", i, qd_status_name(s));
		return 1;
	}
	char staff[16];
	snprintf(staff, sizeof staff, "w%02d", i + 1);
	int rc = 0;
	for (;;) {
		struct ticket t;
		s = queue_call_next(st, &hall, i + 1, staff, &t);
		if (s == QD_ERR_EMPTY)
			break;
		if (s != QD_OK) {
			fprintf(stderr, "window %d: call: %s (%s)\n", i + 1, qd_status_name(s), store_errmsg(st));
			rc = 1;
			break;
		}
		if (write(fd, &t.id, sizeof t.id) != (ssize_t)sizeof t.id) {
			rc = 1;
			break;
		}
		s = queue_finish(st, &hall, i + 1, staff, NULL, 0, 0, NULL, NULL);
		if (s != QD_OK) {
			fprintf(stderr, "window %d: finish: %s (%s)\n", i + 1, qd_status_name(s), store_errmsg(st));
			rc = 1;
			break;
		}
	}
	store_close(st);
	close(fd);
	return rc;
}

static long long results[NPROC][NTICKETS];
static int counts[NPROC];

static void test_windows_call_at_once(void **state)
{
	(void)state;
	struct store *st;
	assert_int_equal(store_open(dbpath, 0, &st), QD_OK);
	static const char *const types[] = { "A", "B", "C", "D" };
	for (int i = 0; i < NTICKETS; i++) {
		struct issue_input in = { .type = types[i % 4], .priority = i % 7 == 3 ? "elderly" : NULL };
		assert_int_equal(queue_issue(st, &hall, &in, NULL), QD_OK);
	}
	store_close(st);

	run_children(NPROC, window_child, results, counts);

	/* Every ticket reported once, by exactly one window. */
	static unsigned char seen[NTICKETS + 1];
	memset(seen, 0, sizeof seen);
	int total = 0, busy_windows = 0;
	for (int i = 0; i < NPROC; i++) {
		busy_windows += counts[i] > 0;
		for (int k = 0; k < counts[i]; k++) {
			long long id = results[i][k];
			assert_true(id >= 1 && id <= NTICKETS);
			assert_int_equal(seen[id], 0);
			seen[id] = 1;
			total++;
		}
	}
	printf("tickets per window:");
	for (int i = 0; i < NPROC; i++)
		printf(" %d", counts[i]);
	printf("\n");
	assert_int_equal(total, NTICKETS);
	assert_true(busy_windows > 1);

	assert_int_equal(store_open(dbpath, 0, &st), QD_OK);
	assert_int_equal(fx_int(st, "SELECT count(*) FROM tickets"), NTICKETS);
	assert_int_equal(fx_int(st, "SELECT count(*) FROM tickets WHERE state = 'served'"), NTICKETS);
	assert_int_equal(fx_int(st, "SELECT count(*) FROM events WHERE kind = 'call'"), NTICKETS);
	assert_int_equal(fx_int(st, "SELECT count(*) FROM events WHERE kind = 'finish'"), NTICKETS);
	assert_int_equal(fx_int(st, "SELECT count(*) FROM (SELECT ticket_id FROM events WHERE kind = 'call'"
	                            " GROUP BY ticket_id HAVING count(*) > 1)"), 0);
	/* The window that finished a ticket is the one that called it. */
	assert_int_equal(fx_int(st, "SELECT count(*) FROM events c JOIN events f ON f.ticket_id = c.ticket_id"
	                            " AND f.kind = 'finish' WHERE c.kind = 'call' AND c.window <> f.window"), 0);
	assert_int_equal(fx_int(st, "SELECT count(*) FROM windows WHERE state <> 'idle' OR current_ticket IS NOT NULL"), 0);
	assert_int_equal(fx_int(st, "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check <> 'ok'"), 0);
	store_close(st);
}

/* A guide: issue NISSUE tickets of type A or B. Reports each ticket's sequence, with its type in
 * the high bits. */
static int issue_child(int i, int fd)
{
	struct store *st;
	enum qd_status s = store_open(dbpath, 0, &st);
	if (s != QD_OK)
		return 1;
	int rc = 0;
	for (int k = 0; k < NISSUE && rc == 0; k++) {
		struct issue_input in = { .type = (i + k) % 2 ? "B" : "A", .staff = "guide1" };
		struct ticket t;
		s = queue_issue(st, &hall, &in, &t);
		if (s != QD_OK) {
			fprintf(stderr, "guide %d: issue: %s (%s)\n", i, qd_status_name(s), store_errmsg(st));
			rc = 1;
			break;
		}
		long long v = (long long)(t.type[0] == 'B') << 32 | t.seq;
		if (write(fd, &v, sizeof v) != (ssize_t)sizeof v)
			rc = 1;
	}
	store_close(st);
	close(fd);
	return rc;
}

static void test_guides_issue_at_once(void **state)
{
	(void)state;
	run_children(NPROC, issue_child, results, counts);
	static unsigned char seen[2][NPROC * NISSUE + 1];
	memset(seen, 0, sizeof seen);
	int n[2] = { 0, 0 };
	for (int i = 0; i < NPROC; i++) {
		assert_int_equal(counts[i], NISSUE);
		for (int k = 0; k < counts[i]; k++) {
			int type = (int)(results[i][k] >> 32), seq = (int)(results[i][k] & 0xffffffff);
			assert_true(seq >= 1 && seq <= NPROC * NISSUE);
			assert_int_equal(seen[type][seq], 0);
			seen[type][seq] = 1;
			n[type]++;
		}
	}
	/* Gap-free: 1..n of each type. */
	for (int type = 0; type < 2; type++)
		for (int seq = 1; seq <= n[type]; seq++)
			assert_int_equal(seen[type][seq], 1);
	struct store *st;
	assert_int_equal(store_open(dbpath, 0, &st), QD_OK);
	assert_int_equal(fx_int(st, "SELECT count(*) FROM tickets"), NPROC * NISSUE);
	assert_int_equal(fx_int(st, "SELECT count(DISTINCT pos) FROM tickets"), NPROC * NISSUE);
	store_close(st);
}

int main(void)
{
	setenv("TZ", "Asia/Shanghai", 1);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_windows_call_at_once, setup, teardown),
		cmocka_unit_test_setup_teardown(test_guides_issue_at_once, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
