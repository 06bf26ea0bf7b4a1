/* bench-bare.c - the baseline every qdesk timing is set beside: the most a durable "call next" can
 * cost on this disk. One SQLite connection (WAL, synchronous=FULL) doing BEGIN IMMEDIATE; UPDATE of
 * one row; COMMIT, N times, on its own file; prints p50 and p99 in milliseconds.
 *   bench-bare [N] [DB]   (default 300, a temporary file). With a DB path the file is kept. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "bench-time.h"

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 300;
	char dir[] = "/tmp/qdesk-bare-XXXXXX", path[256];
	if (n < 1)
		return 2;
	if (argc > 2) {
		snprintf(path, sizeof path, "%s", argv[2]);
	} else {
		if (!mkdtemp(dir))
			return 1;
		snprintf(path, sizeof path, "%s/bare.db", dir);
	}
	sqlite3 *db;
	if (sqlite3_open(path, &db) != SQLITE_OK ||
	    sqlite3_exec(db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;"
	                     "CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, v INTEGER);"
	                     "INSERT OR IGNORE INTO t VALUES (1, 0);", NULL, NULL, NULL) != SQLITE_OK) {
		fprintf(stderr, "bench-bare: %s\n", sqlite3_errmsg(db));
		return 1;
	}
	sqlite3_busy_timeout(db, 5000);
	double *ms = malloc(sizeof *ms * (size_t)n);
	if (!ms)
		return 1;
	for (int i = 0; i < n; i++) {
		double t0 = now_ms();
		if (sqlite3_exec(db, "BEGIN IMMEDIATE; UPDATE t SET v = v + 1 WHERE id = 1; COMMIT",
		                 NULL, NULL, NULL) != SQLITE_OK) {
			fprintf(stderr, "bench-bare: %s\n", sqlite3_errmsg(db));
			return 1;
		}
		ms[i] = now_ms() - t0;
	}
	qsort(ms, (size_t)n, sizeof *ms, cmp_double);
	printf("bare commit (WAL, synchronous=FULL), %d commits: p50 %.3f ms  p99 %.3f ms\n", n,
	       pct_sorted(ms, n, 50), pct_sorted(ms, n, 99));
	free(ms);
	sqlite3_close(db);
	if (argc <= 2) {
		unlink(path);
		rmdir(dir);
	}
	return 0;
}
