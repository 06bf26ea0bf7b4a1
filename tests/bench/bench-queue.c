/* bench-queue.c - throughput of the queue engine on a file database (WAL, synchronous=FULL):
 * issuing, then call + finish by one process, then by 4 window processes at once, then with 5,000
 * tickets waiting against 50 (a call reads the heads of its queues, not the queue; a window
 * console's load reads the rows it shows, 40 here). Prints what it measured; asserts nothing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "qdesk/queue.h"
#include "../unit/hall-fixture.h"

#define NTICKETS 2000
#define NWIN     4         /* window processes calling at once */

static struct hall hall;
static char dir[64], path[128];

static double seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void report(const char *what, int ops, double t)
{
	printf("%-40s %6d ops  %7.3f s  %8.0f ops/s  %6.2f ms/op\n", what, ops, t, ops / t, t * 1000 / ops);
}

static int issue_all(struct store *st, int n)
{
	static const char *const types[] = { "A", "B", "C", "D" };
	for (int i = 0; i < n; i++) {
		struct issue_input in = { .type = types[i % 4] };
		if (queue_issue(st, &hall, &in, NULL) != QD_OK)
			return -1;
	}
	return 0;
}

/* Call and finish at window w until nothing waits; the number served, or -1 on an error. */
static int serve(struct store *st, int w, const char *staff)
{
	int n = 0;
	for (;;) {
		enum qd_status s = queue_call_next(st, &hall, w, staff, NULL);
		if (s == QD_ERR_EMPTY)
			return n;
		if (s != QD_OK || queue_finish(st, &hall, w, staff, NULL, 0, 0, NULL, NULL) != QD_OK)
			return -1;
		n++;
	}
}

/* Issue `add` tickets, time `pairs` loads of window 1's console (*load, seconds each), then
 * `pairs` call + finish at window 1 from an emptied WAL (so no checkpoint of the issues falls
 * into the timing): seconds per pair, or -1. */
static double pairs_after(struct store *st, int add, int pairs, double *load)
{
	if (issue_all(st, add) != 0 ||
	    sqlite3_wal_checkpoint_v2(store_handle(st), NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL))
		return -1;
	double t0 = seconds();
	for (int i = 0; i < pairs; i++) {
		struct window_state ws;
		struct ticket *first;
		size_t n, total;
		if (queue_window_snapshot(st, &hall, 1, 40, &ws, &first, &n, &total) != QD_OK)
			return -1;
		free(first);
	}
	*load = (seconds() - t0) / pairs;
	t0 = seconds();
	for (int i = 0; i < pairs; i++)
		if (queue_call_next(st, &hall, 1, "clerk1", NULL) != QD_OK ||
		    queue_finish(st, &hall, 1, "clerk1", NULL, 0, 0, NULL, NULL) != QD_OK)
			return -1;
	return (seconds() - t0) / pairs;
}

int main(void)
{
	static char *all[] = { FX_S("A"), FX_S("B"), FX_S("C"), FX_S("D") };
	fx_hall(&hall);
	for (int i = 0; i < 4; i++)
		fx_types[i].quota = 0, fx_types[i].cutoff = -1;
	for (int i = 0; i < 5; i++)
		fx_windows[i].also = all, fx_windows[i].nalso = 4;
	setenv("QDESK_NOW", "2026-11-23 09:00:00", 1);
	strcpy(dir, "/tmp/qdesk-bench-XXXXXX");
	if (!mkdtemp(dir))
		return 1;
	snprintf(path, sizeof path, "%s/bench.db", dir);
	struct store *st;
	if (store_open(path, 1, &st) != QD_OK || fx_staff(st) != 0)
		return 1;
	printf("database %s (WAL, synchronous=FULL)\n", path);

	double t0 = seconds();
	if (issue_all(st, NTICKETS) != 0)
		return 1;
	report("issue, one process", NTICKETS, seconds() - t0);

	t0 = seconds();
	int served = serve(st, 1, "clerk1");
	if (served != NTICKETS)
		return 1;
	report("call + finish, one process", 2 * served, seconds() - t0);

	if (issue_all(st, NTICKETS) != 0)
		return 1;
	store_close(st);
	t0 = seconds();
	pid_t pids[NWIN];
	static const char *const staff[NWIN] = { "clerk1", "clerk2", "clerk3", "lead1" };
	for (int i = 0; i < NWIN; i++) {
		if ((pids[i] = fork()) == 0) {
			struct store *own;
			if (store_open(path, 0, &own) != QD_OK)
				_exit(1);
			int r = serve(own, i + 1, staff[i]);
			store_close(own);
			_exit(r < 0 ? 1 : 0);
		}
	}
	int ok = 1;
	for (int i = 0; i < NWIN; i++) {
		int status;
		ok &= pids[i] > 0 && waitpid(pids[i], &status, 0) == pids[i] && WIFEXITED(status) &&
		      WEXITSTATUS(status) == 0;
	}
	if (!ok)
		return 1;
	report("call + finish, 4 window processes", 2 * NTICKETS, seconds() - t0);

	/* A long queue: the same pairs with 50 waiting, then with 5,000 (the queue is empty here). */
	if (store_open(path, 0, &st) != QD_OK)
		return 1;
	double short_load, long_load;
	double short_q = pairs_after(st, 50, 40, &short_load), long_q = pairs_after(st, 4990, 40, &long_load);
	store_close(st);
	if (short_q < 0 || long_q < 0)
		return 1;
	printf("call + finish, 5000 waiting vs 50: %.2f vs %.2f ms a pair, %.1fx\n", long_q * 1000,
	       short_q * 1000, long_q / short_q);
	printf("window console load, 5000 waiting vs 50: %.2f vs %.2f ms, %.1fx\n", long_load * 1000,
	       short_load * 1000, long_load / short_load);
	char cmd[160];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : 1;
}
