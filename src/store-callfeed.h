/* store-callfeed.h - the SQL of the call feed (callfeed.h): call and recall rows of the events
 * table joined with their ticket. Each function runs in the caller's transaction. */
#ifndef QDESK_STORE_CALLFEED_H
#define QDESK_STORE_CALLFEED_H
#include <stddef.h>
#include "qdesk/callfeed.h"

/* Call events with id > after, oldest first, at most max, into out; *n how many. */
enum qd_status store_callfeed_after(struct store *st, long long after, struct call_event *out,
                                    size_t max, size_t *n);
/* The newest call event id, 0 if none. */
enum qd_status store_callfeed_head(struct store *st, long long *id);
/* The latest call event of each ticket called on day, newest first, at most max. */
enum qd_status store_callfeed_last(struct store *st, const char *day, struct call_event *out,
                                   size_t max, size_t *n);

#endif
