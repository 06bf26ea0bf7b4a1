/* store-problems.h - the SQL of the problems table (办不成事), for problems.c and the lead's
 * snapshot. Every function runs inside the caller's transaction and resets its statements. */
#ifndef QDESK_STORE_PROBLEMS_H
#define QDESK_STORE_PROBLEMS_H
#include <stddef.h>
#include "qdesk/problems.h"

/* Insert an open problem; window 0 and staff NULL/"" are stored as NULL. Its id into *id. */
enum qd_status store_problems_insert(struct store *st, const char *day, long long at, int window,
                                     const char *staff, const char *what, const char *deadline,
                                     long long *id);
/* Problem id into *out (overdue left 0); QD_ERR_NOT_FOUND. */
enum qd_status store_problems_get(struct store *st, long long id, struct problem *out);
/* Mark open problem id solved at `at` by staff with resolution. */
enum qd_status store_problems_resolve(struct store *st, long long id, const char *resolution,
                                      long long at, const char *staff);
/* day NULL: open problems (oldest deadline first, by the partial index) then those received on
 * today that are solved; else those received on day. *out malloc'd (overdue left 0). */
enum qd_status store_problems_list(struct store *st, const char *day, const char *today,
                                   struct problem **out, size_t *n);

#endif
