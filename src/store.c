/* store.c - the SQLite connection of one process: opening (WAL, synchronous=FULL, foreign keys,
 * busy timeout), migrations keyed on user_version, the per-connection statement cache, and the
 * retried BEGIN IMMEDIATE write transaction. A connection belongs to the process that opened it:
 * a forked child never uses it (every entry point refuses, and store_close only frees memory). */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <time.h>
#include <unistd.h>
#include "store-internal.h"

#define STORE_BUSY_MS        5000      /* how long one statement waits for a lock */
#define STORE_RETRY_LIMIT_S  120       /* default: give up retrying a write only after this long */
#define STORE_WAIT_NOTICE_MS 1000      /* tell the wait hook once a wait has lasted this long */
#define STORE_WAL_PAGES      1000      /* checkpoint when a commit leaves the WAL this long */
#define STORE_WAL_LIMIT      (8 << 20) /* bytes of WAL file kept after a checkpoint restarts it */
#define STORE_WAL_TRIM       (256 << 12) /* a closing command checkpoints a WAL longer than this */
#define STORE_REHEARSALS     16        /* transaction bodies rehearsed per connection, at most */

struct store_cached {
	unsigned long hash;         /* of the SQL text, checked before comparing it */
	char *sql;
	sqlite3_stmt *stmt;
};

struct store {
	sqlite3 *db;
	unsigned forks;             /* store_forks when it was opened */
	int busy;                   /* a step reported BUSY/LOCKED since the transaction began */
	int depth;                  /* nesting of store_write/store_read */
	struct store_cached *cache;
	size_t ncache, capcache;
	unsigned rng;
	long long busy_since;       /* when the current wait for a lock began (ms, monotonic) */
	/* trust: the busy limit, the wait hook, how the file was opened */
	long long busy_limit_ms;    /* give up a busy write (or read) after this long */
	long long wait_start;       /* when the current transaction first met a lock (0 = not) */
	long long wait_told;        /* when the hook was last called */
	int (*wait_hook)(void *, int);
	void *wait_ctx;
	int readonly;
	int lazy_wal;               /* STORE_OPEN_WRITE: no checkpoint on close unless the WAL is long */
	int audit;                  /* the audit chain collects (update hook): seal on commit */
	struct audit_collect *collect; /* what this transaction changed, for the seal */
	int cancelled;              /* the wait hook gave up the current transaction */
	char *path;
	char err[256];
	/* speed: statements handed out inside a write, for the query-plan test */
	int writing;                /* inside store_write's BEGIN IMMEDIATE … COMMIT */
	/* speed: transaction bodies already rehearsed on this connection (store_rehearse) */
	enum qd_status (*rehearsed[STORE_REHEARSALS])(struct store *, void *);
	int nrehearsed;
	int rehearsing;             /* inside store_rehearse: store_stmt hands out no writes */
	int no_rehearsal;           /* store_set_rehearsal(st, 0) */
	void (*trace)(void *, const char *);
	void *trace_ctx;
};

static char open_err[256];

static long long store_mono_ms(void);           /* why the last store_open failed, for store_errmsg(NULL) */

static int store_is_busy(int rc)
{
	rc &= 0xff;
	return rc == SQLITE_BUSY || rc == SQLITE_LOCKED;
}

static void store_set_err(struct store *st, const char *what)
{
	snprintf(st->err, sizeof st->err, "%s: %s", what, st->db ? sqlite3_errmsg(st->db) : "no connection");
}

/* How many fork()s lie between the first process and this one: a child of fork() must not use
 * its parent's connections. Counted by an atfork handler because store_foreign runs on every
 * statement and getpid() is a system call (20 a transaction, 10% of a call's CPU time). */
static unsigned store_forks;

static void store_count_fork(void)
{
	store_forks++;
}

static int store_foreign(const struct store *st)
{
	return st->forks != store_forks;
}

/* A write failed without saying why (SQLite does not always keep errno): is the disk (nearly)
 * full, or is a file-size limit set? */
static int store_no_room(const char *path)
{
	struct rlimit rl;
	if (getrlimit(RLIMIT_FSIZE, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY)
		return 1;
	char dir[4096];
	snprintf(dir, sizeof dir, "%s", path ? path : ".");
	char *slash = strrchr(dir, '/');
	if (slash)
		slash[slash == dir] = '\0';
	else
		snprintf(dir, sizeof dir, ".");
	struct statvfs vs;
	return statvfs(dir, &vs) == 0 && (unsigned long long)vs.f_bavail * vs.f_frsize < 1024 * 1024;
}

/* The status that says what an SQLite error means for the user; errno refines an I/O error (a
 * file-size limit or a full disk is "disk full"). */
static enum qd_status store_status_of(sqlite3 *db, int rc)
{
	int sys = db ? sqlite3_system_errno(db) : 0;
	const char *path = db ? sqlite3_db_filename(db, "main") : NULL;
	switch (rc & 0xff) {
	case SQLITE_NOMEM:    return QD_ERR_NOMEM;
	case SQLITE_FULL:     return QD_ERR_DISK_FULL;
	case SQLITE_READONLY: return QD_ERR_READONLY;
	case SQLITE_PERM:     return QD_ERR_READONLY;
	case SQLITE_BUSY:
	case SQLITE_LOCKED:   return QD_ERR_BUSY;
	case SQLITE_CORRUPT:  return QD_ERR_CORRUPT;
	case SQLITE_NOTADB:   return QD_ERR_FOREIGN;
	case SQLITE_CANTOPEN: return sys == EACCES || sys == EROFS ? QD_ERR_READONLY : QD_ERR_CANTOPEN;
	case SQLITE_IOERR:
		if (sys == ENOSPC || sys == EFBIG || sys == EDQUOT)
			return QD_ERR_DISK_FULL;
		if (sys == 0 && (rc == SQLITE_IOERR_WRITE || rc == SQLITE_IOERR_SHMSIZE ||
		                 rc == SQLITE_IOERR_TRUNCATE || rc == SQLITE_IOERR_FSYNC) && store_no_room(path))
			return QD_ERR_DISK_FULL;
		return sys == EROFS || sys == EACCES ? QD_ERR_READONLY : QD_ERR_DB;
	default:              return QD_ERR_DB;
	}
}

/* Who holds the WAL write lock of path (SQLite's lock byte 120 of the -shm file), or 0. */
static long store_lock_holder(const char *path)
{
	char shm[4096];
	if (!path || snprintf(shm, sizeof shm, "%s-shm", path) >= (int)sizeof shm)
		return 0;
	int fd = open(shm, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return 0;
	struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 120, .l_len = 1 };
	long pid = fcntl(fd, F_GETLK, &fl) == 0 && fl.l_type != F_UNLCK ? (long)fl.l_pid : 0;
	close(fd);
	return pid;
}

enum qd_status store_check(struct store *st, int rc)
{
	if (rc == SQLITE_OK || rc == SQLITE_DONE || rc == SQLITE_ROW)
		return QD_OK;
	enum qd_status s = store_status_of(st->db, rc);
	if (store_is_busy(rc)) {
		st->busy = 1;
		long long waited = st->wait_start ? store_mono_ms() - st->wait_start : 0;
		long pid = store_lock_holder(st->path);
		int n = snprintf(st->err, sizeof st->err, "another process has held the database for %lld s",
		                 (waited + 500) / 1000);
		if (pid > 0 && n > 0 && (size_t)n < sizeof st->err)
			snprintf(st->err + n, sizeof st->err - (size_t)n, " (pid %ld)", pid);
		return s;
	}
	store_set_err(st, "sqlite");
	return s;
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

/* A wait for a lock goes on: note when it began, and past STORE_WAIT_NOTICE_MS tell the wait hook
 * (at most every 200 ms). Returns 1 when the hook asks to give up. */
static int store_waiting(struct store *st)
{
	long long now = store_mono_ms();
	if (!st->wait_start)
		st->wait_start = now;
	if (!st->wait_hook || now - st->wait_start < STORE_WAIT_NOTICE_MS || now - st->wait_told < 200)
		return st->cancelled;
	st->wait_told = now;
	if (st->wait_hook(st->wait_ctx, (int)((now - st->wait_start) / 1000)))
		st->cancelled = 1;
	return st->cancelled;
}

/* Busy handler: while another connection holds the lock, sleep about as long as a commit lasts
 * (measured: 0.3-3 ms on a hall server's disk; BENCHMARKS.md), not SQLite's default schedule
 * that grows to 100 ms sleeps while the holder is long done. The step starts at 100 us and grows
 * by 50 us a try up to 2 ms, each sleep drawn from half to one and a half steps (jitter, so
 * waiting writers do not wake together). Gives up after STORE_BUSY_MS for one statement or the
 * store's busy limit overall; store_write then retries the whole transaction. */
static int store_busy_wait(void *arg, int count)
{
	struct store *st = arg;
	if (store_waiting(st))
		return 0;
	if (count == 0)
		st->busy_since = store_mono_ms();
	else if (store_mono_ms() - st->busy_since > STORE_BUSY_MS ||
	         store_mono_ms() - st->wait_start > st->busy_limit_ms)
		return 0;
	long step = 100 + 50L * (count < 38 ? count : 38);          /* us: 100 .. 2000 */
	st->rng = st->rng * 1103515245u + 12345u;
	long us = step / 2 + (long)((st->rng >> 8) % (unsigned long)step);
	struct timespec ts = { 0, us * 1000 };
	while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
		;
	return 1;
}

/* A short randomised pause before retrying a busy transaction, growing with the attempt. */
static void store_backoff(struct store *st, int attempt)
{
	st->rng = st->rng * 1103515245u + 12345u;
	long cap_us = 1000L << (attempt < 5 ? attempt : 5);        /* 1 ms .. 32 ms */
	long us = 500 + (long)((st->rng >> 8) % (unsigned long)cap_us);
	struct timespec ts = { us / 1000000, (us % 1000000) * 1000 };
	while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
		;
}

sqlite3_stmt *store_stmt(struct store *st, const char *sql)
{
	if (store_foreign(st))
		return NULL;
	if (st->trace && st->writing)
		st->trace(st->trace_ctx, sql);
	unsigned long h = 5381;
	for (const unsigned char *p = (const unsigned char *)sql; *p; p++)
		h = h * 33 ^ *p;
	for (size_t i = 0; i < st->ncache; i++) {
		struct store_cached *c = &st->cache[i];
		if (c->hash == h && strcmp(c->sql, sql) == 0) {
			sqlite3_reset(c->stmt);
			sqlite3_clear_bindings(c->stmt);
			return st->rehearsing && !sqlite3_stmt_readonly(c->stmt) ? NULL : c->stmt;
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
	return st->rehearsing && !sqlite3_stmt_readonly(stmt) ? NULL : stmt;
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
	st->writing = strcmp(begin, "BEGIN IMMEDIATE") == 0;
	enum qd_status s = fn(st, ctx);
	st->writing = 0;
	st->depth--;
	store_reset_all(st);
	if (s == QD_OK && !st->busy && st->audit && strcmp(begin, "BEGIN"))
		s = store_audit_seal(st);       /* trust: the chain, just before COMMIT */
	if (s == QD_OK && !st->busy) {
		rc = store_run(st, "COMMIT");
		if (rc == SQLITE_OK)
			return QD_OK;
		s = store_check(st, rc);
	}
	*retry = st->busy;
	if (!sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	store_audit_forget(st);
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
	st->wait_start = st->wait_told = 0;
	st->cancelled = 0;
	for (int attempt = 0;; attempt++) {
		int retry;
		enum qd_status s = store_tx_once(st, begin, fn, ctx, &retry);
		if (!retry || store_mono_ms() - start > st->busy_limit_ms || store_waiting(st))
			return s;
		store_backoff(st, attempt);
	}
}

/* speed: the first time a connection runs a write body, run it once as a rehearsal: in a deferred
 * transaction, always rolled back, its status ignored, where store_stmt hands out no statement
 * that writes (it compiles and caches it, then returns NULL, so the body stops at its first
 * write). SQLite compiles a statement on its first use, which in a fresh process would be inside
 * the write lock: a command held the lock ~4 ms where a console holds it ~0.5 ms, and eight
 * clerks' commands queued behind each other's compiling. The rehearsal compiles, outside the
 * lock, every statement up to the body's first write (the heaviest, the ticket's UPDATE with its
 * rollup triggers, included) and reads the pages the real run reads first. (PRAGMA query_only
 * would be simpler, but setting it expires every compiled statement.) */
static void store_rehearse(struct store *st, enum qd_status (*fn)(struct store *, void *), void *ctx)
{
	for (int i = 0; i < st->nrehearsed; i++)
		if (st->rehearsed[i] == fn)
			return;
	if (st->nrehearsed == STORE_REHEARSALS || st->readonly || st->no_rehearsal ||
	    (st->depth > 0 && !sqlite3_get_autocommit(st->db)))
		return;
	st->rehearsed[st->nrehearsed++] = fn;
	if (sqlite3_exec(st->db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
		return;
	st->depth++;
	st->rehearsing = 1;
	(void)fn(st, ctx);
	st->rehearsing = 0;
	st->depth--;
	store_reset_all(st);
	sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	store_audit_forget(st);
	st->busy = 0;
	st->err[0] = '\0';
}

void store_set_rehearsal(struct store *st, int on)
{
	st->no_rehearsal = !on;
}

enum qd_status store_write(struct store *st, enum qd_status (*fn)(struct store *, void *), void *ctx)
{
	if (!store_foreign(st))
		store_rehearse(st, fn, ctx);
	return store_tx(st, "BEGIN IMMEDIATE", fn, ctx);
}

void store_trace_writes(struct store *st, void (*fn)(void *ctx, const char *sql), void *ctx)
{
	st->trace = fn;
	st->trace_ctx = ctx;
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
		enum qd_status s = store_migration_code(st, v + 1);
		if (s != QD_OK)
			return s;
	}
	/* The audit chain collects from here on, this transaction's events included. */
	enum qd_status s = store_audit_prepare(st);
	if (s != QD_OK)
		return s;
	st->audit = 1;
	char sql[64];
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d", count);
	int rc = store_run(st, sql);
	m->target = count;
	return store_check(st, rc);
}

/* Set a pragma, retrying while another process holds the lock it needs. */
static enum qd_status store_pragma(struct store *st, const char *sql);

enum qd_status store_set_bulk(struct store *st, int on)
{
	return store_pragma(st, on ? "PRAGMA synchronous = OFF" : "PRAGMA synchronous = FULL");
}

static enum qd_status store_pragma(struct store *st, const char *sql)
{
	long long start = store_mono_ms();
	st->wait_start = st->wait_told = 0;
	st->cancelled = 0;
	for (int attempt = 0;; attempt++) {
		int rc = store_run(st, sql);
		if (rc == SQLITE_OK)
			return QD_OK;
		if (!store_is_busy(rc) || store_mono_ms() - start > st->busy_limit_ms || store_waiting(st))
			return store_check(st, rc);
		store_backoff(st, attempt);
	}
}

/* speed: how the WAL is checkpointed (measured in BENCHMARKS.md). A command's connection does not
 * checkpoint on close: that cost two fdatasyncs and a WAL+shm delete (the next command recreated
 * the WAL and synced the directory) on every exit of the last connection. Checkpoints run when a
 * commit takes the WAL past STORE_WAL_PAGES pages (a passive checkpoint in that commit's process,
 * bounded by the WAL's size); the WAL file is cut back to STORE_WAL_LIMIT bytes when it restarts;
 * and the last connection to close checkpoints a WAL past STORE_WAL_TRIM (store_wal_trim).
 * Only init (the CREATE mode) still checkpoints on close, so a fresh database is one file. */
static enum qd_status store_wal_policy(struct store *st, int mode)
{
	char sql[96];
	enum qd_status s;
	snprintf(sql, sizeof sql, "PRAGMA journal_size_limit = %d", STORE_WAL_LIMIT);
	if ((s = store_pragma(st, sql)) != QD_OK)
		return s;
	snprintf(sql, sizeof sql, "PRAGMA wal_autocheckpoint = %d", STORE_WAL_PAGES);
	if ((s = store_pragma(st, sql)) != QD_OK)
		return s;
	if (mode == STORE_OPEN_WRITE &&
	    sqlite3_db_config(st->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, (int *)NULL) != SQLITE_OK)
		return store_check(st, sqlite3_errcode(st->db));
	st->lazy_wal = mode == STORE_OPEN_WRITE;
	return QD_OK;
}

/* Before a command's connection closes: a WAL longer than STORE_WAL_TRIM is checkpointed and cut
 * to nothing by the close if this is the last connection (SQLite then holds the file's exclusive
 * lock, so it never waits for anyone). Without it a WAL only ever grows while no connection stays
 * open: the next lone process must rebuild the -shm index by reading every frame (its cost grows
 * with the WAL), and that rebuilt index forgets which frames were already checkpointed, so the
 * WAL could never restart. The file is kept (emptied), not deleted. */
static void store_wal_trim(struct store *st)
{
	char wal[4200];
	struct stat sb;
	if (snprintf(wal, sizeof wal, "%s-wal", st->path) >= (int)sizeof wal || stat(wal, &sb) != 0 ||
	    sb.st_size <= STORE_WAL_TRIM)
		return;
	int persist = 1;
	sqlite3_file_control(st->db, "main", SQLITE_FCNTL_PERSIST_WAL, &persist);
	sqlite3_db_config(st->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 0, (int *)NULL);
}

/* Is the open file qdesk's? Reads application_id and user_version and, unless application_id is
 * qdesk's, whether the qdesk tables are there (databases from before application_id was set have
 * them and user_version > 0). Sets *fresh when the file is an empty database (nothing in it: only
 * init may make it qdesk's). */
static enum qd_status store_identify(struct store *st, int count, int *fresh, int *version)
{
	*fresh = 0;
	long long app = store_pragma_int(st, "PRAGMA application_id");
	int v = *version = store_schema_version(st);
	if (app < 0 || v < 0)
		return store_status_of(st->db, sqlite3_errcode(st->db));
	if (app == STORE_APPLICATION_ID)        /* ours: no need to read the schema table */
		return v > count ? QD_ERR_SCHEMA : QD_OK;
	long long objects = store_pragma_int(st, "SELECT count(*) FROM sqlite_master");
	long long ours = store_pragma_int(st, "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
	                                      " AND name IN ('tickets', 'events', 'staff', 'windows')");
	if (objects < 0 || ours < 0)
		return store_status_of(st->db, sqlite3_errcode(st->db));
	if (app == 0 && v == 0 && objects == 0) {
		*fresh = 1;
		return QD_OK;
	}
	if (!(app == 0 && v > 0 && ours == 4)) {
		snprintf(st->err, sizeof st->err, "application_id %lld, user_version %d, %lld objects",
		         app, v, objects);
		return QD_ERR_FOREIGN;
	}
	if (v > count)
		return QD_ERR_SCHEMA;
	return QD_OK;
}

/* Empty the statement cache (finalizing the statements if they are this process's). */
static void store_uncache(struct store *st, int finalize)
{
	for (size_t i = 0; i < st->ncache; i++) {
		if (finalize)
			sqlite3_finalize(st->cache[i].stmt);
		free(st->cache[i].sql);
	}
	st->ncache = 0;
}

/* 1 if path's -wal file exists. */
static int store_has_wal(const char *path)
{
	char wal[4096];
	return snprintf(wal, sizeof wal, "%s-wal", path) < (int)sizeof wal && access(wal, F_OK) == 0;
}

/* SQLite's memory, set once before its first use in this process (sqlite3_config refuses once
 * SQLite is initialised; then the defaults stay, which only costs time). A page cache starts
 * empty instead of with a 20-page (87 KB) block, and a statement journal grows in small pieces
 * instead of a 64 KB one: SQLite makes a page cache for every temporary table (an IN list, an
 * UPDATE's list of rows) and a statement journal for every statement that fires triggers, several
 * in each transaction, and the allocator handed those blocks back to the kernel and faulted them
 * in again every time. And SQLite keeps no memory statistics (qdesk reads none): each of the
 * ~7,000 allocations a command makes, most of them parsing the schema, took a global mutex.
 * Also starts counting forks (store_foreign) and registers the VFS (store-vfs.c); once, even when
 * threads open connections at the same time. */
static int vfs_ok;      /* the VFS registered: connections use it */
static void store_configure_once(void)
{
	sqlite3_config(SQLITE_CONFIG_PAGECACHE, (void *)NULL, 0, 0);
	sqlite3_config(SQLITE_CONFIG_STMTJRNL_SPILL, -1);
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	pthread_atfork(NULL, NULL, store_count_fork);
	vfs_ok = store_vfs_register() == SQLITE_OK;
}

static void store_configure_sqlite(void)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	pthread_once(&once, store_configure_once);
}

/* Open st->db on path with flags; immutable = 1 opens it as a URI with immutable=1 (read-only
 * use only: SQLite then takes no locks and needs no -shm). */
static enum qd_status store_connect(struct store *st, const char *path, int flags, int immutable)
{
	char uri[4200];
	const char *name = path;
	if (immutable) {
		size_t n = (size_t)snprintf(uri, sizeof uri, "file:");
		for (const unsigned char *p = (const unsigned char *)path; *p && n + 4 < sizeof uri; p++)
			if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
			    strchr("/-._~", *p))
				uri[n++] = (char)*p;
			else
				n += (size_t)snprintf(uri + n, sizeof uri - n, "%%%02X", *p);
		snprintf(uri + n, sizeof uri - n, "?immutable=1");
		name = uri;
		flags |= SQLITE_OPEN_URI;
	}
	store_configure_sqlite();
	int rc = sqlite3_open_v2(name, &st->db, flags, vfs_ok ? STORE_VFS : NULL);
	if (rc != SQLITE_OK) {
		store_set_err(st, path);
		return store_status_of(st->db, rc);
	}
	sqlite3_extended_result_codes(st->db, 1);
	sqlite3_busy_handler(st->db, store_busy_wait, st);
	return QD_OK;
}

enum qd_status store_open(const char *path, int mode, struct store **out)
{
	*out = NULL;
	open_err[0] = '\0';
	int memory = strcmp(path, ":memory:") == 0;
	int create = mode == STORE_OPEN_CREATE || memory;
	int readonly = mode == STORE_OPEN_READ && !memory;
	struct stat sb = { 0 };
	int exists = !memory && stat(path, &sb) == 0;
	if (exists && S_ISDIR(sb.st_mode)) {
		snprintf(open_err, sizeof open_err, "%s", path);
		return QD_ERR_IS_DIR;
	}
	if (!create && !memory && access(path, F_OK) != 0)
		return QD_ERR_NO_DB;
	if (!create && exists && sb.st_size == 0) {
		snprintf(open_err, sizeof open_err, "%s: an empty file", path);
		return QD_ERR_FOREIGN;
	}
	struct store *st = calloc(1, sizeof *st);
	if (!st || !(st->path = strdup(path))) {
		free(st);
		return QD_ERR_NOMEM;
	}
	st->forks = store_forks;
	st->rng = (unsigned)getpid() * 2654435761u ^ (unsigned)time(NULL);
	st->busy_limit_ms = STORE_RETRY_LIMIT_S * 1000LL;
	st->readonly = readonly;
	int flags = (readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) | SQLITE_OPEN_NOMUTEX |
	            (create ? SQLITE_OPEN_CREATE : 0);
	/* Look before touching: nothing is written (no WAL switch, no migration) to a file that is not
	 * qdesk's, and only init (create) migrates. */
	int count, fresh, v;
	store_migrations(&count);
	enum qd_status s = store_connect(st, path, flags, 0);
	if (s == QD_OK)
		s = store_identify(st, count, &fresh, &v);
	/* A WAL database nobody has open (no -wal file) that this user may not write next to: read
	 * the file as it is (immutable), which needs no -shm file. */
	if (readonly && (s == QD_ERR_READONLY || s == QD_ERR_CANTOPEN) && !store_has_wal(path)) {
		store_uncache(st, 1);
		sqlite3_close(st->db);
		st->db = NULL;
		s = store_connect(st, path, flags, 1);
		if (s == QD_OK)
			s = store_identify(st, count, &fresh, &v);
	}
	if (s != QD_OK)
		goto fail;
	if (fresh && !create) {
		snprintf(st->err, sizeof st->err, "%s: an empty database", path);
		s = QD_ERR_FOREIGN;
		goto fail;
	}
	if (v < count && !create) {
		snprintf(st->err, sizeof st->err, "%s: schema %d, this qdesk uses %d", path, v, count);
		s = QD_ERR_OLD_SCHEMA;
		goto fail;
	}
	if ((s = store_pragma(st, "PRAGMA foreign_keys = ON")) != QD_OK ||
	    (!readonly && (s = store_pragma(st, "PRAGMA synchronous = FULL")) != QD_OK))
		goto fail;
	if (!memory && !readonly && (s = store_pragma(st, "PRAGMA journal_mode = WAL")) != QD_OK)
		goto fail;
	if (!memory && !readonly && (s = store_wal_policy(st, mode)) != QD_OK)
		goto fail;
	if (v < count) {
		struct store_migrate_ctx m = { 0 };
		/* not store_write: a rehearsal would run an upgrade's statements twice */
		if ((s = store_tx(st, "BEGIN IMMEDIATE", store_migrate_tx, &m)) != QD_OK)
			goto fail;
	} else if (!readonly) {
		if ((s = store_audit_prepare(st)) != QD_OK)
			goto fail;
		st->audit = 1;
	}
	*out = st;
	return QD_OK;
fail:
	snprintf(open_err, sizeof open_err, "%s", st->err);
	store_close(st);
	return s;
}

struct audit_collect **store_audit_slot(struct store *st)
{
	return &st->collect;
}

void store_set_busy_limit(struct store *st, int seconds)
{
	st->busy_limit_ms = seconds > 0 ? seconds * 1000LL : STORE_RETRY_LIMIT_S * 1000LL;
}

void store_set_wait_hook(struct store *st, int (*hook)(void *ctx, int waited_s), void *ctx)
{
	st->wait_hook = hook;
	st->wait_ctx = ctx;
}

int store_readonly(const struct store *st)
{
	return st->readonly;
}

void store_close(struct store *st)
{
	if (!st)
		return;
	int mine = !store_foreign(st);
	store_uncache(st, mine);
	free(st->cache);
	/* In a forked child the parent's connection must not be touched (closing it could checkpoint
	 * or unlink the WAL under the parent): only the memory is ours to free. */
	if (mine && st->db && st->lazy_wal)
		store_wal_trim(st);
	free(st->path);
	if (mine && st->db)
		sqlite3_close(st->db);
	store_audit_release(st->collect);
	free(st);
}
