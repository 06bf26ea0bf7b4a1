/* check.c - `qdesk check` as the front ends see it: the store's invariant queries and the audit
 * chain's verification, in one read transaction, reported one violation at a time. */
#include <stdio.h>
#include "qdesk/audit.h"
#include "qdesk/check.h"
#include "store-internal.h"

struct check_tx {
	void (*report)(void *, const char *, const char *);
	void *ctx;
	int *problems;
};

static void audit_problem(void *vctx, const struct audit_problem *p)
{
	static const char *const what[] = { "event changed, removed, inserted or reordered",
		"event written outside qdesk", "row changed since its last event",
		"row written outside qdesk", "row deleted" };
	struct check_tx *x = vctx;
	char detail[160];
	if (p->table[0])
		snprintf(detail, sizeof detail, "%s row %lld: %s", p->table, p->row, what[p->what]);
	else
		snprintf(detail, sizeof detail, "event %lld: %s", p->event_id, what[p->what]);
	(*x->problems)++;
	x->report(x->ctx, "audit", detail);
}

static enum qd_status check_rx(struct store *st, void *vctx)
{
	struct check_tx *x = vctx;
	*x->problems = 0;                  /* a retried transaction starts afresh */
	enum qd_status r = store_check_run(st, x->report, x->ctx, x->problems);
	struct audit_verify_ctx v = { audit_problem, x };
	struct audit_summary sum;
	return r != QD_OK ? r : store_audit_verify(st, &v, &sum);
}

enum qd_status check_database(struct store *st, void (*report)(void *ctx, const char *check,
                              const char *detail), void *ctx, int *problems)
{
	struct check_tx x = { report, ctx, problems };
	return store_read(st, check_rx, &x);
}
