/* bench-windows.c - the in-process driver of issue 11: N windows calling at once in one process
 * (a thread per window, each with its own store connection, as N consoles would have), beside the
 * bare commit run the same way in the same run (N threads, own connections, BEGIN IMMEDIATE;
 * UPDATE one row; COMMIT, WAL, synchronous=FULL, on a file beside the database).
 *   bench-windows --config FILE --db FILE --windows N [--rounds R]
 * The database must hold staff c001… (gen-history makes them); R tickets per window are issued
 * first, then R rounds: every window calls at the same instant (a barrier), then all finish (untimed),
 * then every thread does one bare commit at the same instant; one untimed round first. Prints:
 *   windows N call_p50 call_p99 bare_p50 bare_p99   (ms; a call is one transaction)
 * Asserts nothing: a failing call ends the program with exit 1 and the reason. */
#include <pthread.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "bench-time.h"
#include "qdesk/config.h"
#include "qdesk/queue.h"
#include "qdesk/store.h"

#define MAX_WIN 64

struct worker {
	int window, rounds;
	const char *path, *bare;    /* the qdesk database, the bare writers' file */
	double *ms, *bare_ms;       /* rounds timings each */
	char err[256];
};

static const struct hall *hall;
static pthread_barrier_t start;    /* every burst begins at once in every thread */

/* The bare writer's wait: a short fixed sleep, close to the ideal of being woken when free. */
static int bare_busy(void *arg, int count)
{
	(void)arg;
	(void)count;
	struct timespec ts = { 0, 100 * 1000 };
	nanosleep(&ts, NULL);
	return 1;
}

/* One window: a store connection (as a console has) and a bare connection; each round is a burst
 * of calls at every window at once, the finishes (untimed), then a burst of bare commits, so both
 * meet the same disk and the same load (this machine's fsync latency drifts by 2x in minutes). */
static void *run_window(void *arg)
{
	struct worker *w = arg;
	char staff[16];
	snprintf(staff, sizeof staff, "c%03d", w->window);
	struct store *st;
	sqlite3 *db = NULL;
	enum qd_status s = store_open(w->path, STORE_OPEN_WRITE, &st);
	if (s == QD_OK) {
		/* untimed: finish what the window may still be serving, then one round */
		queue_finish(st, hall, w->window, staff, NULL, 0, 0, NULL, NULL);
		if ((s = queue_call_next(st, hall, w->window, staff, NULL)) == QD_OK)
			s = queue_finish(st, hall, w->window, staff, NULL, 0, 0, NULL, NULL);
	}
	if (s != QD_OK)
		snprintf(w->err, sizeof w->err, "window %d: %s (%s)", w->window, qd_status_text(s),
		         st ? store_errmsg(st) : store_errmsg(NULL));
	else if (sqlite3_open_v2(w->bare, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK ||
	         sqlite3_exec(db, "PRAGMA synchronous = FULL", NULL, NULL, NULL) != SQLITE_OK)
		snprintf(w->err, sizeof w->err, "bare: %s", sqlite3_errmsg(db));
	if (db)
		sqlite3_busy_handler(db, bare_busy, NULL);
	pthread_barrier_wait(&start);
	/* a failed window still meets the others at every barrier of every round */
	for (int i = 0; i < w->rounds; i++) {
		pthread_barrier_wait(&start);
		double t0 = now_ms();
		if (!w->err[0])
			s = queue_call_next(st, hall, w->window, staff, NULL);
		w->ms[i] = now_ms() - t0;
		pthread_barrier_wait(&start);
		if (!w->err[0] && s == QD_OK)
			s = queue_finish(st, hall, w->window, staff, NULL, 0, 0, NULL, NULL);
		if (!w->err[0] && s != QD_OK)
			snprintf(w->err, sizeof w->err, "window %d: %s (%s)", w->window, qd_status_text(s),
			         store_errmsg(st));
		pthread_barrier_wait(&start);
		t0 = now_ms();
		if (!w->err[0] && sqlite3_exec(db, "BEGIN IMMEDIATE; UPDATE t SET v = v + 1 WHERE id = 1; COMMIT",
		                               NULL, NULL, NULL) != SQLITE_OK)
			snprintf(w->err, sizeof w->err, "bare: %s", sqlite3_errmsg(db));
		w->bare_ms[i] = now_ms() - t0;
	}
	sqlite3_close(db);
	store_close(st);
	return NULL;
}

/* Run n windows at once; fills calls[] and commits[] with every timing. 0, or -1 after saying why. */
static int run_all(struct worker *ws, int n, const char *path, const char *bare, int rounds,
                   double *calls, double *commits)
{
	pthread_t th[MAX_WIN];
	pthread_barrier_init(&start, NULL, (unsigned)n);
	for (int i = 0; i < n; i++) {
		size_t at = (size_t)i * (size_t)rounds;
		ws[i] = (struct worker){ .window = i + 1, .rounds = rounds, .path = path, .bare = bare,
		                         .ms = calls + at, .bare_ms = commits + at };
		if (pthread_create(&th[i], NULL, run_window, &ws[i]) != 0) {
			fprintf(stderr, "bench-windows: no thread\n");
			return -1;
		}
	}
	int bad = 0;
	for (int i = 0; i < n; i++) {
		pthread_join(th[i], NULL);
		if (ws[i].err[0] && !bad++)
			fprintf(stderr, "bench-windows: %s\n", ws[i].err);
	}
	pthread_barrier_destroy(&start);
	return bad ? -1 : 0;
}

int main(int argc, char **argv)
{
	const char *config = NULL, *db = NULL;
	int n = 0, rounds = 40;
	for (int i = 1; i + 1 < argc; i += 2) {
		if (strcmp(argv[i], "--config") == 0) config = argv[i + 1];
		else if (strcmp(argv[i], "--db") == 0) db = argv[i + 1];
		else if (strcmp(argv[i], "--windows") == 0) n = atoi(argv[i + 1]);
		else if (strcmp(argv[i], "--rounds") == 0) rounds = atoi(argv[i + 1]);
	}
	if (!config || !db || n < 1 || n > MAX_WIN || rounds < 2) {
		fprintf(stderr, "usage: bench-windows --config FILE --db FILE --windows N [--rounds R]\n");
		return 2;
	}
	if (!getenv("QDESK_NOW"))
		setenv("QDESK_NOW", "2026-11-23 11:00:00", 1);
	struct hall *h;
	char err[512];
	if (config_load(config, &h, err, sizeof err) != QD_OK) {
		fprintf(stderr, "bench-windows: %s\n", err);
		return 2;
	}
	if ((size_t)n > h->nwindows) {
		fprintf(stderr, "bench-windows: %s has %zu windows\n", config, h->nwindows);
		return 2;
	}
	hall = h;
	struct store *st;
	if (store_open(db, STORE_OPEN_WRITE, &st) != QD_OK) {
		fprintf(stderr, "bench-windows: %s: %s\n", db, store_errmsg(NULL));
		return 1;
	}
	for (int i = 0; i < n * (rounds + 1); i++) {
		struct issue_input in = { .type = h->types[(size_t)i % h->ntypes].prefix };
		enum qd_status s = queue_issue(st, h, &in, NULL);
		if (s != QD_OK) {
			fprintf(stderr, "bench-windows: issue: %s (%s)\n", qd_status_text(s), store_errmsg(st));
			return 1;
		}
	}
	store_close(st);

	char bare[4200];
	snprintf(bare, sizeof bare, "%s.bare", db);
	sqlite3 *b;
	if (sqlite3_open(bare, &b) != SQLITE_OK ||
	    sqlite3_exec(b, "PRAGMA journal_mode = WAL; CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, v);"
	                    "INSERT OR IGNORE INTO t VALUES (1, 0)", NULL, NULL, NULL) != SQLITE_OK) {
		fprintf(stderr, "bench-windows: %s: %s\n", bare, sqlite3_errmsg(b));
		return 1;
	}
	static struct worker ws[MAX_WIN];
	size_t total = (size_t)n * (size_t)rounds;
	double *calls = malloc(total * sizeof *calls), *commits = malloc(total * sizeof *commits);
	int rc = !calls || !commits || run_all(ws, n, db, bare, rounds, calls, commits) != 0;
	sqlite3_close(b);
	char wal[4300];
	unlink(bare);
	snprintf(wal, sizeof wal, "%s-wal", bare);
	unlink(wal);
	snprintf(wal, sizeof wal, "%s-shm", bare);
	unlink(wal);
	if (!rc) {
		qsort(calls, total, sizeof *calls, cmp_double);
		qsort(commits, total, sizeof *commits, cmp_double);
		printf("windows %d %.3f %.3f %.3f %.3f\n", n, pct_sorted(calls, (int)total, 50), pct_sorted(calls, (int)total, 99),
		       pct_sorted(commits, (int)total, 50), pct_sorted(commits, (int)total, 99));
	}
	free(calls);
	free(commits);
	config_free(h);
	return rc ? 1 : 0;
}
