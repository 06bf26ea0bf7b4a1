/* problems.h - 办不成事 problems: what a citizen could not get done, who took it, its deadline in
 * working days, and how the lead resolved it. */
#ifndef QDESK_PROBLEMS_H
#define QDESK_PROBLEMS_H
#include <stddef.h>
#include "qdesk/config.h"
#include "qdesk/store.h"

#define PROBLEMS_TEXT_MAX 500       /* bytes of UTF-8 of what was wrong, and of the resolution */

struct problem {
	long long id;
	char day[11];               /* the day it was received */
	long long at;
	int window;                 /* where it was taken, 0 = none */
	char staff[32];             /* who took it, "" = nobody named */
	char what[PROBLEMS_TEXT_MAX + 1];
	char state[8];              /* "open" or "solved" */
	char resolution[PROBLEMS_TEXT_MAX + 1];
	long long resolved_at;      /* 0 while open */
	char resolved_by[32];
	char deadline[11];
	int overdue;                /* open and today is past the deadline, or solved after it */
};

/* Log a problem taken by staff (guide, clerk, lead or admin; active) at window (0 = none): what is
 * required clean text of at most PROBLEMS_TEXT_MAX bytes (QD_ERR_NOTE_REQUIRED if empty,
 * QD_ERR_INVALID, QD_ERR_TOO_LONG). Due lead.problem_days working days after today (the
 * evaluation group's holidays and make-up days). One transaction with its event row; the new id
 * into *id and the deadline into deadline[11] (either may be NULL). */
enum qd_status problems_add(struct store *st, const struct hall *h, int window, const char *staff,
                            const char *what, long long *id, char deadline[11]);

/* The lead (or an admin) resolves problem id with a resolution text (required, as above):
 * QD_ERR_NOT_FOUND, QD_ERR_ITEM_CLOSED if it is solved already, QD_ERR_ROLE. One transaction with
 * its event row. */
enum qd_status problems_resolve(struct store *st, const struct hall *h, long long id, const char *staff,
                                const char *resolution);

/* Problems to show: day NULL gives every open problem (any day, oldest deadline first) and then
 * those received today that are solved; day "YYYY-MM-DD" gives those received that day. *out is
 * malloc'd (caller frees), overdue computed against today. */
enum qd_status problems_list(struct store *st, const char *day, struct problem **out, size_t *n);

/* One problem by id into *out; QD_ERR_NOT_FOUND. */
enum qd_status problems_get(struct store *st, long long id, struct problem *out);

#endif
