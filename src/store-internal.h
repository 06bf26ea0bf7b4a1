/* store-internal.h - what store*.c files share and nothing else sees. */
#ifndef QDESK_STORE_INTERNAL_H
#define QDESK_STORE_INTERNAL_H
#include "qdesk/store.h"

/* store-vfs.c: register the VFS named STORE_VFS (SQLite's default, with a connection's WAL writes
 * gathered into one write per commit); once, before the first open. An SQLite result code. */
#define STORE_VFS "qdesk"
int store_vfs_register(void);

/* The migrations in order: migrations[i] takes user_version i to i + 1. */
const char *const *store_migrations(int *count);
/* Run the C step of the migration that brings the database to version, if it has one. */
enum qd_status store_migration_code(struct store *st, int version);

/* store-unlist.c: migration 20's step, the tables' CHECK constraints written without IN lists. */
enum qd_status store_unlist_checks(struct store *st);

/* store-audit.c. Start collecting, through this connection's update hook, the rows a transaction
 * changes in the audited tables and the events it adds (write connections). */
struct audit_collect;
enum qd_status store_audit_prepare(struct store *st);
/* Forget what was collected (the transaction rolled back). */
void store_audit_forget(struct store *st);
/* Free a collector (store_close, after the connection is closed). */
void store_audit_release(struct audit_collect *c);
/* store.c: where the connection keeps its collector (NULL until store_audit_prepare). */
struct audit_collect **store_audit_slot(struct store *st);
/* Just before COMMIT: hash this transaction's events into the chain; the last one covers the
 * digests of every row changed (a "change" event is added if rows changed without one). */
enum qd_status store_audit_seal(struct store *st);
/* The migration step that starts the chain on a database (existing events, then every row). */
enum qd_status store_audit_start(struct store *st);
/* Verify the chain and the audited rows (inside the caller's read transaction); see audit.h. */
struct audit_verify_ctx;
struct audit_summary;
struct audit_filter;
struct audit_event;
enum qd_status store_audit_verify(struct store *st, const struct audit_verify_ctx *v,
                                  struct audit_summary *sum);
/* The events matching f, oldest first, to fn (inside the caller's read transaction). */
enum qd_status store_audit_log(struct store *st, const struct audit_filter *f,
                               void (*fn)(void *ctx, const struct audit_event *e), void *ctx);
/* store-check.c: run qdesk's invariant queries (inside the caller's read transaction); each
 * violation to report(ctx, check name, detail), counted in *problems. */
enum qd_status store_check_run(struct store *st, void (*report)(void *, const char *, const char *),
                               void *ctx, int *problems);
/* The audited tables, NULL-terminated. */
const char *const *store_audit_tables(void);

/* The query helper (store-query.c): prepare (cached), bind, step every row, reset. sig has one
 * letter per parameter, bound in order from the variadic arguments: 't' const char * (NULL binds
 * NULL), 'i' long long, 'd' int. row (may be NULL) is called for each result row; a non-zero return
 * stops the walk with QD_ERR_NOMEM. Returns QD_OK or the failure (store_errmsg says why). */
enum qd_status store_each(struct store *st, const char *sql, int (*row)(sqlite3_stmt *s, void *ctx),
                          void *ctx, const char *sig, ...);
/* store_each for a query of one integer: *out = its first column of the first row (0 if none). */
enum qd_status store_int(struct store *st, const char *sql, long long *out, const char *sig, ...);

#endif
