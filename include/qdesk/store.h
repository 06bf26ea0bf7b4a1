/* store.h - the SQLite store: one connection per process, WAL, migrations, retried write
 * transactions. Only store*.c files hold SQL text. */
#ifndef QDESK_STORE_H
#define QDESK_STORE_H
#include <sqlite3.h>
#include "qdesk/status.h"

struct store;

/* Open path. create = 1 creates the file if missing (init); else a missing file is QD_ERR_NO_DB.
 * Sets WAL, synchronous=FULL, foreign_keys=ON, busy_timeout, and applies pending migrations in one
 * transaction. On success *out is owned by the caller (store_close). */
enum qd_status store_open(const char *path, int create, struct store **out);
void store_close(struct store *st);

/* Run fn(st, ctx) inside BEGIN IMMEDIATE … COMMIT. If any step reports SQLITE_BUSY/LOCKED the
 * transaction is rolled back and fn runs again from the start (fn must only touch the database and
 * ctx). A non-QD_OK status from fn rolls back and is returned. */
enum qd_status store_write(struct store *st, enum qd_status (*fn)(struct store *, void *), void *ctx);

/* Run fn inside a read transaction (BEGIN … COMMIT) so a snapshot is consistent. */
enum qd_status store_read(struct store *st, enum qd_status (*fn)(struct store *, void *), void *ctx);

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
