/* store-announce.h - the SQL of the announcer's claims (announce.h): one row per call or recall and
 * channel, claimed before it is spoken. Each function runs in the caller's transaction. */
#ifndef QDESK_STORE_ANNOUNCE_H
#define QDESK_STORE_ANNOUNCE_H
#include "qdesk/store.h"

/* Claim event_id on channel for who at time at, unless it is claimed already (*result = 1) or
 * another claimant's call on the channel is still being spoken, claimed at or after busy_since
 * (*result = 2, *other = its claimant, up to othersz bytes); else the row is inserted as
 * 'speaking' and *result = 0. */
enum qd_status store_announce_claim(struct store *st, const char *channel, long long event_id,
                                    long long at, const char *who, long long busy_since,
                                    int *result, char *other, size_t othersz);
/* End the claim: state 'spoken' or 'failed' (error may be NULL) at time at. */
enum qd_status store_announce_end(struct store *st, const char *channel, long long event_id,
                                  const char *state, long long at, const char *error);
/* Claims on channel still 'speaking' but claimed before `before` (their announcer stopped
 * mid-speech: killed, crashed, the machine went down) end as 'failed' with error, at time at;
 * *n = how many. Reads the partial index of calls being spoken. */
enum qd_status store_announce_abandon(struct store *st, const char *channel, long long before,
                                      long long at, const char *error, int *n);
/* The newest event id ever claimed on channel, 0 if none (the announcer's cursor on restart). */
enum qd_status store_announce_cursor(struct store *st, const char *channel, long long *id);

#endif
