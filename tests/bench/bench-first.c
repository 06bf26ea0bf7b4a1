/* bench-first.c - the first write of a day in one process (issue 11: "well under 50 ms with every
 * window left signed in"), apart from process start-up: on one store connection, every window of
 * the config calls at 17:30 the evening before (left signed in, serving), then the next morning's
 * first call at window 1 (the day's rollover included) is timed; after it, R tickets are issued
 * and R plain call+finish rounds at window 2 are timed the same way. Days: Monday 23, Tuesday 24
 * and Wednesday 25 November 2026 (the history should end Friday 20).
 *   bench-first --config FILE --db FILE [--rounds R]
 * The database must hold staff c001… (gen-history makes them). Prints:
 *   first FIRST_P50 FIRST_MAX CALL_P50 CALL_P99   (ms)
 * Asserts nothing: a failing call ends the program with exit 1 and the reason. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bench-time.h"
#include "qdesk/config.h"
#include "qdesk/queue.h"
#include "qdesk/store.h"

static const struct hall *hall;
static struct store *st;

static void at(int day, const char *time)
{
	char now[32];
	snprintf(now, sizeof now, "2026-11-%02d %s", day, time);
	setenv("QDESK_NOW", now, 1);
}

static const char *staff_of(int w)
{
	static char id[16];
	snprintf(id, sizeof id, "c%03d", w);
	return id;
}

/* s must be QD_OK or QD_ERR_EMPTY (nobody waiting); otherwise say why and exit. */
static void ok(enum qd_status s, const char *what, int w)
{
	if (s == QD_OK || s == QD_ERR_EMPTY)
		return;
	fprintf(stderr, "bench-first: %s at window %d: %s (%s)\n", what, w, qd_status_text(s), store_errmsg(st));
	exit(1);
}

int main(int argc, char **argv)
{
	const char *config = NULL, *db = NULL;
	int rounds = 40;
	for (int i = 1; i + 1 < argc; i += 2) {
		if (strcmp(argv[i], "--config") == 0) config = argv[i + 1];
		else if (strcmp(argv[i], "--db") == 0) db = argv[i + 1];
		else if (strcmp(argv[i], "--rounds") == 0) rounds = atoi(argv[i + 1]);
	}
	if (!config || !db || rounds < 2) {
		fprintf(stderr, "usage: bench-first --config FILE --db FILE [--rounds R]\n");
		return 2;
	}
	struct hall *h;
	char err[512];
	if (config_load(config, &h, err, sizeof err) != QD_OK) {
		fprintf(stderr, "bench-first: %s\n", err);
		return 2;
	}
	hall = h;
	if (store_open(db, STORE_OPEN_WRITE, &st) != QD_OK) {
		fprintf(stderr, "bench-first: %s: %s\n", db, store_errmsg(NULL));
		return 1;
	}
	static const int days[][2] = { { 20, 23 }, { 23, 24 }, { 24, 25 } };
	double first[3], *call = malloc((size_t)rounds * 3 * sizeof *call);
	int ncall = 0;
	for (int d = 0; d < 3 && call; d++) {
		at(days[d][0], "17:30:00");
		for (int w = 1; w <= (int)h->nwindows; w++) {
			struct issue_input in = { .type = h->types[(size_t)w % h->ntypes].prefix };
			ok(queue_issue(st, hall, &in, NULL), "issue", w);
			queue_call_next(st, hall, w, staff_of(w), NULL);   /* (serving already: still signed in) */
		}
		at(days[d][1], "08:40:00");
		double t0 = now_ms();
		ok(queue_call_next(st, hall, 1, staff_of(1), NULL), "first call", 1);
		first[d] = now_ms() - t0;
		for (int i = 0; i < rounds; i++) {
			struct issue_input in = { .type = h->types[(size_t)i % h->ntypes].prefix };
			ok(queue_issue(st, hall, &in, NULL), "issue", 0);
		}
		at(days[d][1], "09:00:00");
		queue_finish(st, hall, 2, staff_of(2), NULL, 0, 0, NULL, NULL);   /* (idle after the rollover) */
		for (int i = 0; i < rounds; i++) {
			t0 = now_ms();
			ok(queue_call_next(st, hall, 2, staff_of(2), NULL), "call", 2);
			call[ncall++] = now_ms() - t0;
			ok(queue_finish(st, hall, 2, staff_of(2), NULL, 0, 0, NULL, NULL), "finish", 2);
		}
	}
	store_close(st);
	config_free(h);
	if (!call)
		return 1;
	qsort(first, 3, sizeof *first, cmp_double);
	qsort(call, (size_t)ncall, sizeof *call, cmp_double);
	printf("first %.3f %.3f %.3f %.3f\n", first[1], first[2], pct_sorted(call, ncall, 50),
	       pct_sorted(call, ncall, 99));
	free(call);
	return 0;
}
