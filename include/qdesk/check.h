/* check.h - `qdesk check`: is the database whole and consistent? SQLite's integrity and
 * foreign-key checks, qdesk's own invariants and the audit chain. */
#ifndef QDESK_CHECK_H
#define QDESK_CHECK_H
#include "qdesk/status.h"

struct store;

/* Run every check in one read transaction; each violation goes to report(ctx, check, detail)
 * (check: "integrity", "foreign-key", "ticket-state", "ticket-two-windows", "window-current",
 * "counter", "case-ticket", "audit"), and *problems counts them. Returns QD_OK when the checks
 * ran (whatever they found) or the store's error. */
enum qd_status check_database(struct store *st, void (*report)(void *ctx, const char *check,
                              const char *detail), void *ctx, int *problems);

#endif
