/* store-guide.h - the SQL the guide desk needs (guide.c only): desk sessions, voiding, the void
 * reason, service times and the rows a guide logs. Each runs inside the caller's transaction and
 * steps its statements to the end. Times are Unix seconds, days "YYYY-MM-DD". */
#ifndef QDESK_STORE_GUIDE_H
#define QDESK_STORE_GUIDE_H
#include <stddef.h>
#include "qdesk/store.h"

/* The staff of desk's open session ("" if none). */
enum qd_status store_guide_desk_staff(struct store *st, int desk, char staff[32]);
/* The desk where staff has a session open (0 if none). */
enum qd_status store_guide_staff_desk(struct store *st, const char *staff, int *desk);
/* Open a session at desk; close desk's open sessions at now. */
enum qd_status store_guide_session_start(struct store *st, int desk, const char *staff, long long now);
enum qd_status store_guide_session_end(struct store *st, int desk, long long now);

/* A waiting ticket becomes voided at now (QD_ERR_NOT_WAITING if it no longer waits). */
enum qd_status store_guide_void(struct store *st, long long ticket_id, long long now);
/* The reason of ticket_id's latest "void" event into reason (len bytes; "" if none). */
enum qd_status store_guide_void_reason(struct store *st, long long ticket_id, char *reason, size_t len);

/* One recent service time: the queue (type prefix) and seconds from call to finish. */
struct store_guide_service { char queue_type[8]; long long secs; };
/* For each queue of day, its last k served tickets (by finish time, newest first), at most k per
 * queue, into out[0..cap) (*n of them; rows past cap are left out). */
enum qd_status store_guide_services(struct store *st, const char *day, int k,
                                    struct store_guide_service *out, size_t cap, size_t *n);

/* Insert what a guide logged at desk: a consultation (guided 0; text is its topic) or a guided
 * handling (guided 1: a case, onsite, outcome consult, mode guided; text its note). text may be
 * NULL. *id is the new row's id. */
enum qd_status store_guide_log(struct store *st, int guided, const char *day, long long at, int desk,
                               const char *staff, const char *text, long long *id);

#endif
