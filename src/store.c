/* store.c - the SQLite connection of one process: opening (WAL, synchronous=FULL, foreign keys,
 * busy timeout), migrations keyed on user_version, the per-connection statement cache, and the
 * retried BEGIN IMMEDIATE write transaction. A connection belongs to the process that opened it:
 * a forked child never uses it (every entry point refuses, and store_close only frees memory). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "store-internal.h"

#define STORE_BUSY_MS        5000      /* how long one statement waits for a lock */
#define STORE_RETRY_LIMIT_S  120       /* give up retrying a write only after this long */

struct store_cached {
	unsigned long hash;         /* of the SQL text, checked before comparing it */
	char *sql;
	sqlite3_stmt *stmt;
};

struct store {
	sqlite3 *db;
	pid_t pid;                  /* the process that opened it */
	int busy;                   /* a step reported BUSY/LOCKED since the transaction began */
	int depth;                  /* nesting of store_write/store_read */
	struct store_cached *cache;
	size_t ncache, capcache;
	unsigned rng;
	long long busy_since;       /* when the current wait for a lock began (ms, monotonic) */
	char err[256];
};

static char open_err[256];           /* why the last store_open failed, for store_errmsg(NULL) */

static int store_is_busy(int rc)
{
	rc &= 0xff;
	return rc == SQLITE_BUSY || rc == SQLITE_LOCKED;
}

static void store_set_err(struct store *st, const char *what)
{
	snprintf(st->err, sizeof st->err, "%s: %s", what, st->db ? sqlite3_errmsg(st->db) : "no connection");
}

static int store_foreign(const struct store *st)
{
	return st->pid != getpid();
}

enum qd_status store_check(struct store *st, int rc)
{
	if (rc == SQLITE_OK || rc == SQLITE_DONE || rc == SQLITE_ROW)
		return QD_OK;
	if (store_is_busy(rc))
		st->busy = 1;
	store_set_err(st, "sqlite");
	return (rc & 0xff) == SQLITE_NOMEM ? QD_ERR_NOMEM : QD_ERR_DB;
}

/* Run SQL text that takes no parameters (pragmas, BEGIN/COMMIT, migrations). */
static int store_run(struct store *st, const char *sql)
{
	int rc = sqlite3_exec(st->db, sql, NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		store_set_err(st, sql);
	return rc;
}

/* Reset every statement of the connection that is mid-step, so none holds a read open. */
static void store_reset_all(struct store *st)
{
	sqlite3_stmt *s = NULL;
	while ((s = sqlite3_next_stmt(st->db, s)) != NULL)
		if (sqlite3_stmt_busy(s))
			sqlite3_reset(s);
}

static long long store_mono_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Busy handler: while another connection holds the lock, wait in short randomised steps (not
 * SQLite's default schedule, which grows to 100 ms sleeps and lets one busy writer starve the
 * others) for up to STORE_BUSY_MS, then report BUSY so store_write retries the transaction. */
static int store_busy_wait(void *arg, int count)
{
	struct store *st = arg;
	if (count == 0)
		st->busy_since = store_mono_ms();
	else if (store_mono_ms() - st->busy_since > STORE_BUSY_MS)
		return 0;
	st->rng = st->rng * 1103515245u + 12345u;
	long us = 100 + (long)((st->rng >> 8) % (count < 20 ? 1000u : 4000u));
	struct timespec ts = { 0, us * 1000 };
	while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
		;
	return 1;
}

/* A short randomised pause before retrying a busy transaction, growing with the attempt. */
static void store_backoff(struct store *st, int attempt)
{
	st->rng = st->rng * 1103515245u + 12345u;
	long cap_us = 2000L << (attempt < 6 ? attempt : 6);        /* 2 ms .. 128 ms */
	long us = 500 + (long)((st->rng >> 8) % (unsigned long)cap_us);
	struct timespec ts = { us / 1000000, (us % 1000000) * 1000 };
	while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
		;
}

sqlite3_stmt *store_stmt(struct store *st, const char *sql)
{
	if (store_foreign(st))
		return NULL;
	unsigned long h = 5381;
	for (const unsigned char *p = (const unsigned char *)sql; *p; p++)
		h = h * 33 ^ *p;
	for (size_t i = 0; i < st->ncache; i++) {
		struct store_cached *c = &st->cache[i];
		if (c->hash == h && strcmp(c->sql, sql) == 0) {
			sqlite3_reset(c->stmt);
			sqlite3_clear_bindings(c->stmt);
			return c->stmt;
		}
	}
	if (st->ncache == st->capcache) {
		size_t cap = st->capcache ? st->capcache * 2 : 32;
		struct store_cached *n = realloc(st->cache, cap * sizeof *n);
		if (!n) {
			snprintf(st->err, sizeof st->err, "out of memory");
			return NULL;
		}
		st->cache = n;
		st->capcache = cap;
	}
	sqlite3_stmt *stmt = NULL;
	int rc = sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
	if (rc != SQLITE_OK) {
		store_check(st, rc);
		sqlite3_finalize(stmt);
		return NULL;
	}
	char *copy = strdup(sql);
	if (!copy) {
		sqlite3_finalize(stmt);
		snprintf(st->err, sizeof st->err, "out of memory");
		return NULL;
	}
	st->cache[st->ncache++] = (struct store_cached){ h, copy, stmt };
	return stmt;
}

enum qd_status store_exec(struct store *st, sqlite3_stmt *stmt)
{
	if (!stmt)
		return QD_ERR_DB;
	int rc;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		;
	enum qd_status s = store_check(st, rc);
	sqlite3_reset(stmt);
	return s;
}

sqlite3 *store_handle(struct store *st)
{
	return st->db;
}

const char *store_errmsg(struct store *st)
{
	if (!st)
		return open_err[0] ? open_err : "no error";
	return st->err[0] ? st->err : "no error";
}

/* An integer from a one-row, one-column statement without parameters (pragmas); -1 on error. */
static long long store_pragma_int(struct store *st, const char *sql)
{
	sqlite3_stmt *s = store_stmt(st, sql);
	if (!s)
		return -1;
	long long v = -1;
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		v = sqlite3_column_int64(s, 0);
	else
		store_check(st, rc);
	sqlite3_reset(s);
	return v;
}

int store_schema_version(struct store *st)
{
	return (int)store_pragma_int(st, "PRAGMA user_version");
}

long long store_data_version(struct store *st)
{
	if (store_foreign(st))
		return -1;
	return store_pragma_int(st, "PRAGMA data_version");
}

/* One attempt at fn inside BEGIN begin … COMMIT. Returns fn's status; sets *retry when a step was
 * busy and the whole transaction should run again. */
static enum qd_status store_tx_once(struct store *st, const char *begin,
                                    enum qd_status (*fn)(struct store *, void *), void *ctx, int *retry)
{
	*retry = 0;
	st->busy = 0;
	int rc = store_run(st, begin);
	if (rc != SQLITE_OK) {
		*retry = store_is_busy(rc);
		return store_check(st, rc);
	}
	st->depth++;
	enum qd_status s = fn(st, ctx);
	st->depth--;
	store_reset_all(st);
	if (s == QD_OK && !st->busy) {
		rc = store_run(st, "COMMIT");
		if (rc == SQLITE_OK)
			return QD_OK;
		s = store_check(st, rc);
	}
	*retry = st->busy;
	if (!sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	return s;
}

static enum qd_status store_tx(struct store *st, const char *begin,
                               enum qd_status (*fn)(struct store *, void *), void *ctx)
{
	if (store_foreign(st))
		return QD_ERR_DB;
	/* Nested inside our own transaction: just run as part of it. */
	if (st->depth > 0 && !sqlite3_get_autocommit(st->db))
		return fn(st, ctx);
	long long start = store_mono_ms();
	for (int attempt = 0;; attempt++) {
		int retry;
		enum qd_status s = store_tx_once(st, begin, fn, ctx, &retry);
		if (!retry || store_mono_ms() - start > STORE_RETRY_LIMIT_S * 1000LL)
			return s;
		store_backoff(st, attempt);
	}
}

enum qd_status store_write(struct store *st, enum qd_status (*fn)(struct store *, void *), void *ctx)
{
	return store_tx(st, "BEGIN IMMEDIATE", fn, ctx);
}

enum qd_status store_read(struct store *st, enum qd_status (*fn)(struct store *, void *), void *ctx)
{
	return store_tx(st, "BEGIN", fn, ctx);
}

struct store_migrate_ctx { int target; };

static enum qd_status store_migrate_tx(struct store *st, void *vctx)
{
	struct store_migrate_ctx *m = vctx;
	int count;
	const char *const *list = store_migrations(&count);
	int v = store_schema_version(st);
	if (v < 0)
		return QD_ERR_DB;
	if (v > count)
		return QD_ERR_SCHEMA;
	for (; v < count; v++) {
		int rc = store_run(st, list[v]);
		if (rc != SQLITE_OK)
			return store_check(st, rc);
	}
	char sql[64];
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d", count);
	int rc = store_run(st, sql);
	m->target = count;
	return store_check(st, rc);
}

/* Set a pragma, retrying while another process holds the lock it needs. */
static enum qd_status store_pragma(struct store *st, const char *sql)
{
	long long start = store_mono_ms();
	for (int attempt = 0;; attempt++) {
		int rc = store_run(st, sql);
		if (rc == SQLITE_OK)
			return QD_OK;
		if (!store_is_busy(rc) || store_mono_ms() - start > STORE_RETRY_LIMIT_S * 1000LL)
			return store_check(st, rc);
		store_backoff(st, attempt);
	}
}

enum qd_status store_open(const char *path, int create, struct store **out)
{
	*out = NULL;
	open_err[0] = '\0';
	int memory = strcmp(path, ":memory:") == 0;
	if (!create && !memory && access(path, F_OK) != 0)
		return QD_ERR_NO_DB;
	struct store *st = calloc(1, sizeof *st);
	if (!st)
		return QD_ERR_NOMEM;
	st->pid = getpid();
	st->rng = (unsigned)st->pid * 2654435761u ^ (unsigned)time(NULL);
	int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (create ? SQLITE_OPEN_CREATE : 0);
	int rc = sqlite3_open_v2(path, &st->db, flags, NULL);
	enum qd_status s = QD_OK;
	if (rc != SQLITE_OK) {
		s = (rc & 0xff) == SQLITE_CANTOPEN && !create ? QD_ERR_NO_DB : QD_ERR_DB;
		store_set_err(st, path);
		goto fail;
	}
	sqlite3_extended_result_codes(st->db, 1);
	sqlite3_busy_handler(st->db, store_busy_wait, st);
	if ((s = store_pragma(st, "PRAGMA foreign_keys = ON")) != QD_OK ||
	    (s = store_pragma(st, "PRAGMA synchronous = FULL")) != QD_OK)
		goto fail;
	if (!memory && (s = store_pragma(st, "PRAGMA journal_mode = WAL")) != QD_OK)
		goto fail;
	int count;
	store_migrations(&count);
	int v = store_schema_version(st);
	if (v < 0) {
		s = QD_ERR_DB;
		goto fail;
	}
	if (v > count) {
		s = QD_ERR_SCHEMA;
		goto fail;
	}
	if (v < count) {
		struct store_migrate_ctx m = { 0 };
		if ((s = store_write(st, store_migrate_tx, &m)) != QD_OK)
			goto fail;
	}
	*out = st;
	return QD_OK;
fail:
	snprintf(open_err, sizeof open_err, "%s", st->err);
	store_close(st);
	return s;
}

void store_close(struct store *st)
{
	if (!st)
		return;
	int mine = !store_foreign(st);
	for (size_t i = 0; i < st->ncache; i++) {
		if (mine)
			sqlite3_finalize(st->cache[i].stmt);
		free(st->cache[i].sql);
	}
	free(st->cache);
	/* In a forked child the parent's connection must not be touched (closing it could checkpoint
	 * or unlink the WAL under the parent): only the memory is ours to free. */
	if (mine && st->db)
		sqlite3_close(st->db);
	free(st);
}
