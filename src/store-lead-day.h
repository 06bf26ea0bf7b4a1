/* store-lead-day.h - the SQL of the lead's drill-down (lead-day.h): today's tickets, cases, pauses
 * and ratings of one window, clerk or type. Inside the caller's read transaction. */
#ifndef QDESK_STORE_LEAD_DAY_H
#define QDESK_STORE_LEAD_DAY_H
#include "qdesk/lead-day.h"

/* Fill d's lists (d->kind, d->key and d->day set; lists empty) for the day that runs from start
 * to end (Unix seconds; pauses by their start). On failure the lists filled so far stay in d. */
enum qd_status store_lead_day(struct store *st, struct lead_day *d, long long start, long long end);

#endif
