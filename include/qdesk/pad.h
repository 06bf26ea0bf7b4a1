/* pad.h - the evaluation pad (评价器) at a window: after the clerk finishes a ticket, the applicant
 * rates the service on the pad facing them (the five national levels; 1 or 2 with a reason from
 * the config's list), or the pad records "not evaluated" when nobody answers in time. The rules
 * live here so the pad screen, the console and the CLI all follow them: where a window has a pad
 * only the pad rates (queue_finish refuses a rating there); one evaluation per visit. */
#ifndef QDESK_PAD_H
#define QDESK_PAD_H
#include "qdesk/config.h"
#include "qdesk/store.h"

/* 1 if window w has an evaluation pad (config pad.windows). */
int pad_at_window(const struct hall *h, int w);

/* A visit waiting for its rating at a pad. */
struct pad_visit {
	long long ticket_id;        /* 0: nothing to rate */
	char number[16];
	char staff[32];             /* the clerk who served it */
	long long finished_at;      /* Unix seconds */
	long long deadline;         /* finished_at + pad.timeout: then "not evaluated" */
};

/* The visit w's pad should ask about now: the latest ticket finished at w today, no longer ago
 * than pad.timeout seconds, still served (not undone), neither rated nor marked "not evaluated"
 * since that finish. out->ticket_id = 0 when there is none. QD_ERR_NO_PAD if w has no pad,
 * QD_ERR_NO_WINDOW if w is not a window of the hall. */
enum qd_status pad_pending(struct store *st, const struct hall *h, int w, struct pad_visit *out);

/* Record the applicant's rating level (1..5) of ticket_id at w's pad: stored with source "pad",
 * credited to the clerk who served. A level of 1 or 2 needs reason, the id of one of pad.reasons
 * (QD_ERR_REASON_NEEDED if NULL or "", QD_ERR_NO_CHOICE if unknown; the reason's name is stored),
 * and opens a rectification item as cases_rate_tx does. Refused: QD_ERR_NO_PAD, QD_ERR_RATING,
 * QD_ERR_NOT_PENDING (not finished at w today, or undone since), QD_ERR_RATED (rated or marked
 * "not evaluated" already). One write transaction. */
enum qd_status pad_rate(struct store *st, const struct hall *h, int w, long long ticket_id, int level,
                        const char *reason);

/* Nobody answered: mark the visit "not evaluated" (an "unrated" event), so it cannot be rated
 * later. Same refusals as pad_rate (bar the level and reason). */
enum qd_status pad_unrated(struct store *st, const struct hall *h, int w, long long ticket_id);

#endif
