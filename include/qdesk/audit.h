/* audit.h - the tamper-evident audit trail: verifying the hash chain over the events and the rows
 * they changed, and reading the trail. The chain itself is written by the store at each commit. */
#ifndef QDESK_AUDIT_H
#define QDESK_AUDIT_H
#include "qdesk/status.h"

struct store;

/* What verification found. */
enum audit_finding {
	AUDIT_EVENT_CHANGED,    /* an event's hash does not match its content, rows or predecessor */
	AUDIT_UNSEALED,         /* an event without a hash (written outside qdesk) */
	AUDIT_ROW_CHANGED,      /* a row differs from what its last event recorded */
	AUDIT_ROW_UNRECORDED,   /* a row no event recorded (inserted outside qdesk) */
	AUDIT_ROW_DELETED,      /* a row an event recorded is gone */
};

struct audit_problem {
	long long event_id;     /* the event (for rows: the last event that covered it; 0 if none) */
	char table[32];         /* "" for an event */
	long long row;          /* the row's rowid */
	enum audit_finding what;
};

struct audit_summary {
	long long events, rows;             /* how many were checked */
	long long first_broken;             /* the first event whose hash does not match (0: none) */
	long long broken_events, broken_rows;
	long long fixed_clock;              /* events made under QDESK_NOW, and the first and last */
	long long first_fixed, last_fixed;
};

/* Where verification reports each problem, in order (events first, then each table's rows). */
struct audit_verify_ctx {
	void (*report)(void *ctx, const struct audit_problem *p);
	void *ctx;
};

/* Verify the whole chain and every audited row in one read transaction. Fills *sum; returns QD_OK
 * when the check ran (whatever it found) or the store's error. */
enum qd_status audit_verify(struct store *st, const struct audit_verify_ctx *v,
                            struct audit_summary *sum);

/* One event of the trail, as `qdesk audit log` shows it. */
struct audit_event {
	long long id, at, sys_at, ticket_id;
	int window, clock_fixed;
	char day[11], kind[32], staff[33], number[16], detail[256];
};
/* Which events: any field empty/0 means any. day "YYYY-MM-DD"; ticket is a ticket id; number a
 * ticket number ("A001", upper case) of number_day; staff compares case-insensitively. */
struct audit_filter {
	const char *day; long long ticket; const char *staff; int window;
	const char *number, *number_day;
};
/* Every event matching f, oldest first, to fn(ctx, e); in one read transaction. */
enum qd_status audit_log(struct store *st, const struct audit_filter *f,
                         void (*fn)(void *ctx, const struct audit_event *e), void *ctx);

#endif
