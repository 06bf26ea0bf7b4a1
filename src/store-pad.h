/* store-pad.h - the SQL the evaluation pad's rules need (pad.h): finish and "unrated" events.
 * Each function runs in the caller's transaction and reads a bounded index range. */
#ifndef QDESK_STORE_PAD_H
#define QDESK_STORE_PAD_H
#include "qdesk/store.h"

/* The ticket of the latest finish event at window w on day at or after time since: *ticket_id
 * (0 if none). Reads day's finish events only. */
enum qd_status store_pad_last_finish(struct store *st, const char *day, int w, long long since,
                                     long long *ticket_id);
/* The latest finish event of ticket_id: its id, time and window (*event_id 0 if none). */
enum qd_status store_pad_finish_of(struct store *st, long long ticket_id, long long *event_id,
                                   long long *at, int *window);
/* Whether ticket_id has an "unrated" event after event id after. */
enum qd_status store_pad_unrated_after(struct store *st, long long ticket_id, long long after,
                                       int *marked);

#endif
