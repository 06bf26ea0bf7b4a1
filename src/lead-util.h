/* lead-util.h - what the shift lead's domain files (problems.c, rectify.c) share: required note
 * text, today's clock, overdue items, the deadline in working days and the list read
 * (lead-util.c). Private to those files. */
#ifndef QDESK_LEAD_UTIL_H
#define QDESK_LEAD_UTIL_H
#include <string.h>
#include "qdesk/clock.h"
#include "qdesk/config.h"
#include "qdesk/status.h"
#include "qdesk/store.h"
#include "qdesk/text.h"

/* Required text: clean UTF-8 of at most max bytes (QD_ERR_NOTE_REQUIRED if empty). */
static inline enum qd_status lead_check_note(const char *s, size_t max)
{
	if (!s || !*s)
		return QD_ERR_NOTE_REQUIRED;
	if (!text_is_clean(s))
		return QD_ERR_INVALID;
	return strlen(s) > max ? QD_ERR_TOO_LONG : QD_OK;
}

/* Now and today's day; QD_ERR_USAGE when QDESK_NOW is malformed. */
static inline enum qd_status lead_now(long long *now, char day[11])
{
	time_t t = clock_now();
	if (t == (time_t)-1)
		return QD_ERR_USAGE;
	*now = (long long)t;
	clock_day(t, day);
	return QD_OK;
}

/* 1 if an item due deadline is overdue: still open and today past it, or closed (at closed_at,
 * Unix seconds) on a later day. */
static inline int lead_overdue(int open, const char *deadline, const char *today, long long closed_at)
{
	char closed[11];
	if (open)
		return strcmp(today, deadline) > 0;
	clock_day((time_t)closed_at, closed);
	return strcmp(closed, deadline) > 0;
}

/* The day n working days after day (the evaluation group's holidays and make-up days) into out. */
static inline void lead_deadline(const struct hall *h, const char *day, int n, char out[11])
{
	clock_add_workdays(day, n, (const char *const *)h->eval.holidays, h->eval.nholidays,
	                   (const char *const *)h->eval.workdays, h->eval.nworkdays, out);
}

/* A store function listing items of day (NULL: the open ones, then today's closed ones) into a
 * malloc'd array. */
typedef enum qd_status lead_fetch_fn(struct store *st, const char *day, const char *today, void **rows,
                                     size_t *n);

/* Read a list in one read transaction: day NULL or a real date (QD_ERR_INVALID); today's day into
 * today[11]. *rows is malloc'd (caller frees); NULL and *n 0 on failure. */
enum qd_status lead_list_read(struct store *st, const char *day, lead_fetch_fn *fetch, void **rows,
                              size_t *n, char today[11]);

#endif
