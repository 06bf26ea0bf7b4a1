/* store-internal.h - what store*.c files share and nothing else sees. */
#ifndef QDESK_STORE_INTERNAL_H
#define QDESK_STORE_INTERNAL_H
#include "qdesk/store.h"

/* The migrations in order: migrations[i] takes user_version i to i + 1. */
const char *const *store_migrations(int *count);

/* The query helper (store-query.c): prepare (cached), bind, step every row, reset. sig has one
 * letter per parameter, bound in order from the variadic arguments: 't' const char * (NULL binds
 * NULL), 'i' long long, 'd' int. row (may be NULL) is called for each result row; a non-zero return
 * stops the walk with QD_ERR_NOMEM. Returns QD_OK or the failure (store_errmsg says why). */
enum qd_status store_each(struct store *st, const char *sql, int (*row)(sqlite3_stmt *s, void *ctx),
                          void *ctx, const char *sig, ...);
/* store_each for a query of one integer: *out = its first column of the first row (0 if none). */
enum qd_status store_int(struct store *st, const char *sql, long long *out, const char *sig, ...);

#endif
