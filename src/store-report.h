/* store-report.h - the SQL of reports: grouped counts over a period, read inside the caller's
 * store_read transaction. Each query hands its rows to a sink as plain values; report.c holds the
 * rules (what counts as what). Days "YYYY-MM-DD"; times Unix seconds. */
#ifndef QDESK_STORE_REPORT_H
#define QDESK_STORE_REPORT_H
#include "qdesk/report.h"

/* One result row. key: the row's group for q->by (NULL when the record has none, or the
 * dimension does not apply to it). What s1..s4 and v1..v3 hold is said per query. */
struct store_report_agg {
	const char *key;
	const char *s1, *s2, *s3, *s4;
	long long n, v1, v2, v3;
};

struct store_report_q {
	const char *from, *to;          /* inclusive days */
	const char *today;              /* tickets waiting or called before today read as expired */
	long long as_of;                /* rectifications and problems are judged at this time */
	const char *as_of_day;
	enum report_dim by;
	int (*sink)(void *ctx, const struct store_report_agg *a);   /* non-zero: out of memory */
	void *ctx;
};

/* Tickets issued on days of the period: s1 = state as the engine reads it, n. */
enum qd_status store_report_tickets(struct store *st, const struct store_report_q *q);
/* Served tickets: s1 = type, v1 = whole minutes from issue to last call, n, v2 = sum of those
 * waits in seconds, v3 = sum of service seconds (last call to finish). */
enum qd_status store_report_waits(struct store *st, const struct store_report_q *q);
/* Transfer events on days of the period: n. */
enum qd_status store_report_transfers(struct store *st, const struct store_report_q *q);
/* Consultations logged on days of the period: n. */
enum qd_status store_report_consults(struct store *st, const struct store_report_q *q);
/* Cases not voided: s1 outcome, s2 channel, s3 mode (NULL none), s4 category (NULL none), n,
 * v1 = sum of help minutes. */
enum qd_status store_report_cases(struct store *st, const struct store_report_q *q);
/* Elderly help rows of cases not voided: s1 = help type, n. */
enum qd_status store_report_helps(struct store *st, const struct store_report_q *q);
/* Visits with elderly help (a ticket once, a walk-in case once): n. */
enum qd_status store_report_elderly(struct store *st, const struct store_report_q *q);
/* Evaluations not voided: v1 = level, n. */
enum qd_status store_report_ratings(struct store *st, const struct store_report_q *q);
/* Rectification items opened in the period, not voided: v1 = fixed or explained by as_of,
 * v2 = called back by as_of (or with no time recorded), v3 = open past its deadline at as_of_day, n. */
enum qd_status store_report_rectifications(struct store *st, const struct store_report_q *q);
/* 办不成事 problems received on days of the period: v1 = solved by as_of, n. *have = 0 (and no
 * rows) when the database has no problems table. */
enum qd_status store_report_problems(struct store *st, const struct store_report_q *q, int *have);
/* Sessions (pauses = 0) or pauses (pauses = 1) overlapping [start, end): s1 = staff, s2 = pause
 * reason, n = window, v1 = started, v2 = ended (0 = still open). key NULL. */
enum qd_status store_report_spans(struct store *st, int pauses, long long start, long long end,
                                  int (*sink)(void *ctx, const struct store_report_agg *a), void *ctx);
/* Every staff account: key = id, s1 = name. */
enum qd_status store_report_staff(struct store *st,
                                  int (*sink)(void *ctx, const struct store_report_agg *a), void *ctx);

#endif
