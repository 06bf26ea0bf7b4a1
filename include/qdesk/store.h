/* store.h - the SQLite store: one connection per process, WAL, migrations, retried write
 * transactions. Only store*.c files hold SQL text. */
#ifndef QDESK_STORE_H
#define QDESK_STORE_H
#include <stddef.h>
#include <sqlite3.h>
#include "qdesk/status.h"

struct store;

/* How a command opens the database:
 * STORE_OPEN_WRITE  a qdesk database at this qdesk's schema, read-write (WAL);
 * STORE_OPEN_CREATE init only: creates the file if missing and migrates an older qdesk database;
 * STORE_OPEN_READ   a qdesk database at this qdesk's schema, opened read-only: nothing is ever
 *                   written (no WAL switch, no migration), so it works on a file the user may
 *                   only read. store_write on it fails with QD_ERR_READONLY. */
enum { STORE_OPEN_WRITE = 0, STORE_OPEN_CREATE = 1, STORE_OPEN_READ = 2 };
/* The application_id of a qdesk database file. */
#define STORE_APPLICATION_ID 1363432267     /* 'QDSK' */

/* Open path in mode (STORE_OPEN_*). Before anything is written the file is checked: a directory is
 * QD_ERR_IS_DIR, a missing file QD_ERR_NO_DB (except CREATE), a 0-byte file, an empty database
 * (except CREATE) or another program's SQLite file QD_ERR_FOREIGN, a newer schema QD_ERR_SCHEMA,
 * an older one QD_ERR_OLD_SCHEMA (except CREATE, which migrates in one transaction). Then sets
 * foreign_keys=ON, and unless READ also synchronous=FULL and WAL. Errors carry their cause
 * (QD_ERR_READONLY, QD_ERR_DISK_FULL, QD_ERR_BUSY …; store_errmsg(NULL) has SQLite's words).
 * ":memory:" is always a fresh database. On success *out is owned by the caller (store_close). */
enum qd_status store_open(const char *path, int mode, struct store **out);
void store_close(struct store *st);

/* How long a write or read transaction keeps retrying while another process holds the lock
 * before it fails with QD_ERR_BUSY (default 120 s; seconds <= 0 restores the default). */
void store_set_busy_limit(struct store *st, int seconds);
/* While a transaction waits for a lock for more than a second, hook(ctx, seconds waited) is called
 * every 200 ms or so from inside the wait; a non-zero return gives the transaction up (QD_ERR_BUSY,
 * nothing changed). The hook must not use st. NULL removes it. */
void store_set_wait_hook(struct store *st, int (*hook)(void *ctx, int waited_s), void *ctx);
/* 1 if st was opened STORE_OPEN_READ. */
int store_readonly(const struct store *st);

/* Copy the whole database st into a new file path (SQLite's backup API: a consistent snapshot
 * taken in a read transaction, so windows keep working), left in rollback-journal mode so it
 * stands alone. QD_ERR_EXISTS if path exists (never overwritten); on failure nothing is left at
 * path and err says why. */
enum qd_status store_backup_to(struct store *st, const char *path, char *err, size_t n);
/* Replace the database at live, page by page, with the copy at copy (SQLite's backup API, which
 * takes the write lock: other processes wait). The caller checks copy first. */
enum qd_status store_restore_from(const char *live, const char *copy, char *err, size_t n);

/* Run fn(st, ctx) inside BEGIN IMMEDIATE … COMMIT. If any step reports SQLITE_BUSY/LOCKED the
 * transaction is rolled back and fn runs again from the start. The first time a connection runs
 * fn it is also rehearsed first, outside the write lock: run up to its first write, which fails,
 * and rolled back (so SQLite compiles its statements before the lock). So fn may run several
 * times: it must only touch the database and ctx, and each run must start from what ctx held
 * before the first. A non-QD_OK status from fn rolls back and is returned. */
enum qd_status store_write(struct store *st, enum qd_status (*fn)(struct store *, void *), void *ctx);
/* No rehearsals on st (on = 0), for a caller whose fn cannot run twice (a data generator). */
void store_set_rehearsal(struct store *st, int on);

/* For tests: fn(ctx, sql) is called with the text of every statement store_stmt hands out while a
 * store_write transaction runs on st (so a test can check their query plans); NULL stops it. */
void store_trace_writes(struct store *st, void (*fn)(void *ctx, const char *sql), void *ctx);

/* Run fn inside a read transaction (BEGIN … COMMIT) so a snapshot is consistent. */
enum qd_status store_read(struct store *st, enum qd_status (*fn)(struct store *, void *), void *ctx);

/* Bulk filling of a training database (the demo day, simulate --from): on = commits are not
 * flushed to disk (synchronous=OFF) until it is turned off again (synchronous=FULL). Never for a
 * live hall: a crash may lose what was written meanwhile. */
enum qd_status store_set_bulk(struct store *st, int on);

/* PRAGMA data_version: changes whenever another connection commits. */
long long store_data_version(struct store *st);

/* A cached prepared statement for sql (compiled once per connection, reset and cleared of
 * bindings before it is returned). NULL on error (see store_errmsg). For store*.c only. */
sqlite3_stmt *store_stmt(struct store *st, const char *sql);
/* Step stmt to the end and reset it: QD_OK, or QD_ERR_DB (BUSY is remembered so store_write
 * retries). For statements whose rows are not needed. */
enum qd_status store_exec(struct store *st, sqlite3_stmt *stmt);
/* Map an sqlite result code to a status, remembering BUSY for store_write's retry. */
enum qd_status store_check(struct store *st, int rc);
sqlite3 *store_handle(struct store *st);
/* What SQLite last said on st; with st NULL, why the last store_open failed. Never NULL. */
const char *store_errmsg(struct store *st);
/* The schema version the database is at (PRAGMA user_version). */
int store_schema_version(struct store *st);

#endif
