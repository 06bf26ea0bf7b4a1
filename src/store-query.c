/* store-query.c - the one prepare-bind-step-reset loop that read queries share (store_each,
 * store_int), so each query is its SQL, its parameters and what it does with a row. */
#include <stdarg.h>
#include "store-internal.h"

static enum qd_status bind_all(struct store *st, sqlite3_stmt *s, const char *sig, va_list ap)
{
	for (int i = 1; sig && *sig; sig++, i++) {
		int rc;
		if (*sig == 't') {
			const char *v = va_arg(ap, const char *);
			rc = v ? sqlite3_bind_text(s, i, v, -1, SQLITE_TRANSIENT) : sqlite3_bind_null(s, i);
		} else if (*sig == 'i') {
			rc = sqlite3_bind_int64(s, i, va_arg(ap, long long));
		} else {
			rc = sqlite3_bind_int(s, i, va_arg(ap, int));
		}
		if (rc != SQLITE_OK)
			return store_check(st, rc);
	}
	return QD_OK;
}

static enum qd_status each(struct store *st, const char *sql, int (*row)(sqlite3_stmt *, void *),
                           void *ctx, const char *sig, va_list ap)
{
	sqlite3_stmt *s = store_stmt(st, sql);
	if (!s)
		return QD_ERR_DB;
	enum qd_status r = bind_all(st, s, sig, ap);
	int rc = SQLITE_DONE;
	while (r == QD_OK && (rc = sqlite3_step(s)) == SQLITE_ROW)
		if (row && row(s, ctx)) {
			r = QD_ERR_NOMEM;
			break;
		}
	if (r == QD_OK)
		r = store_check(st, rc);
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	return r;
}

enum qd_status store_each(struct store *st, const char *sql, int (*row)(sqlite3_stmt *s, void *ctx),
                          void *ctx, const char *sig, ...)
{
	va_list ap;
	va_start(ap, sig);
	enum qd_status r = each(st, sql, row, ctx, sig, ap);
	va_end(ap);
	return r;
}

static int first_int(sqlite3_stmt *s, void *ctx)
{
	long long *out = ctx;
	*out = sqlite3_column_int64(s, 0);
	return 0;
}

enum qd_status store_int(struct store *st, const char *sql, long long *out, const char *sig, ...)
{
	va_list ap;
	*out = 0;
	va_start(ap, sig);
	enum qd_status r = each(st, sql, first_int, out, sig, ap);
	va_end(ap);
	return r;
}
