/* audit.c - the audit trail as the front ends see it: verification and the readable log, each in
 * one read transaction over the store's chain (store-audit.c). */
#include "qdesk/audit.h"
#include "store-internal.h"

struct verify_tx { const struct audit_verify_ctx *v; struct audit_summary *sum; };

static enum qd_status verify_rx(struct store *st, void *ctx)
{
	struct verify_tx *x = ctx;
	return store_audit_verify(st, x->v, x->sum);
}

enum qd_status audit_verify(struct store *st, const struct audit_verify_ctx *v,
                            struct audit_summary *sum)
{
	struct verify_tx x = { v, sum };
	return store_read(st, verify_rx, &x);
}

struct log_tx { const struct audit_filter *f; void (*fn)(void *, const struct audit_event *); void *ctx; };

static enum qd_status log_rx(struct store *st, void *ctx)
{
	struct log_tx *x = ctx;
	return store_audit_log(st, x->f, x->fn, x->ctx);
}

enum qd_status audit_log(struct store *st, const struct audit_filter *f,
                         void (*fn)(void *ctx, const struct audit_event *e), void *ctx)
{
	struct log_tx x = { f, fn, ctx };
	return store_read(st, log_rx, &x);
}
