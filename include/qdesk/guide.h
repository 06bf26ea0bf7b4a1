/* guide.h - the guide desk (导服台): a guide's attendance at a desk, the queues as a guide tells
 * them to people (waiting, windows open, longest wait, an estimated wait), voiding and looking up
 * tickets, consultations and guided handlings logged at the desk, and the exact words of an issuing
 * refusal. Domain code: no curses, no SQL; the SQL is in store-guide.c. */
#ifndef QDESK_GUIDE_H
#define QDESK_GUIDE_H
#include <stddef.h>
#include "qdesk/config.h"
#include "qdesk/queue.h"
#include "qdesk/store.h"

/* The service times an estimate averages: the last ones of today, at most this many. */
#define GUIDE_ESTIMATE_SAMPLES 10
/* The most bytes of a void reason, a consultation topic or a guided handling's note. */
#define GUIDE_TEXT_MAX 200

/* An estimated wait as a range of whole minutes, "约lo–hi分钟"; known 0 means there is no basis
 * yet (no window open for the type, or no ticket of it served today): show "—". */
struct guide_estimate { int known, lo, hi; };

/* The estimate for a newcomer with ahead people waiting before them, windows windows open for the
 * type, and n recent service times in seconds (called to finished). The mean service time M of the
 * samples gives the point p = ahead × M / windows (minutes, rounded up); the range is p rounded
 * down to a multiple of 5 and 5 more (10 from 60 minutes on). No basis when windows <= 0 or
 * n == 0. Pure: no clock, no store. */
struct guide_estimate guide_estimate(int ahead, int windows, const long long *service_secs, size_t n);

/* The estimate as shown, translated, into buf: "约10–15分钟" (English "about 10–15 min"), or "—". */
void guide_estimate_text(const struct guide_estimate *e, char *buf, size_t len);

/* One business type as the guide's main view shows it. */
struct guide_queue {
	const struct hall_type *type;
	int waiting;                /* tickets waiting in its queue now (sent to a window included) */
	int windows;                /* windows open now (idle or serving) that serve it (types, also) */
	long long longest;          /* seconds the longest waiting ticket has waited; 0 if none */
	int past_target;            /* 1 if that wait is past the type's target_wait */
	int samples;                /* service times the estimate used */
	struct guide_estimate estimate;   /* for a ticket issued now */
};

/* Every type of the hall, in the config's order, into *out (malloc'd, h->ntypes rows; caller
 * frees), read in one read transaction from today's rows only. */
enum qd_status guide_queues(struct store *st, const struct hall *h, struct guide_queue **out, size_t *n);

/* Sign staff in at desk (roles.h ACT_DESK; QD_ERR_NO_DESK, QD_ERR_ROLE…): closes whoever else had
 * the desk open (a handover) and staff's own open session at another desk; a session row and a
 * "desk-sign-in" event (detail "desk N"). Signing in again at one's own desk changes nothing. */
enum qd_status guide_sign_in(struct store *st, const struct hall *h, int desk, const char *staff);
/* End staff's session at desk (QD_ERR_TOOK_OVER if somebody else has it now; nothing open is QD_OK). */
enum qd_status guide_sign_out(struct store *st, const struct hall *h, int desk, const char *staff);
/* The staff member with desk open now into staff[32] ("" if nobody). */
enum qd_status guide_desk_staff(struct store *st, const struct hall *h, int desk, char staff[32]);

/* Void a waiting ticket of today (a wrong ticket, a failed slip nobody will use): it is kept, its
 * state becomes voided and a "void" event holds the reason (required, clean text, at most
 * GUIDE_TEXT_MAX bytes: QD_ERR_REASON, QD_ERR_INVALID, QD_ERR_TOO_LONG). Only a waiting ticket
 * (QD_ERR_NOT_WAITING); staff may ACT_VOID (roles.h); desk 0 = not at a desk. Fills *out if not NULL. */
enum qd_status guide_void(struct store *st, const struct hall *h, int desk, const char *number,
                          const char *reason, const char *staff, struct ticket *out);

/* A ticket of today looked up by number ("a5" too): the ticket with ahead set while it waits,
 * and the reason it was voided ("" otherwise). QD_ERR_NOT_FOUND, QD_ERR_OTHER_DAY (the number
 * exists only on an earlier day). */
struct guide_lookup {
	struct ticket ticket;
	char void_reason[GUIDE_TEXT_MAX + 1];
};
enum qd_status guide_lookup(struct store *st, const struct hall *h, const char *number,
                            struct guide_lookup *out);

/* One line telling a looked-up ticket, translated, into buf: number, the queue it waits in, its
 * state and what follows from it ("A005 企业开办: waiting, 3 ahead"; "…: called to window 2";
 * "…: voided (reason)"). */
void guide_lookup_text(const struct hall *h, const struct guide_lookup *l, char *buf, size_t len);

/* What a guide logs at the desk with one key: a consultation (咨询, a consultations row) or a
 * guided handling (导办: a case with mode guided and outcome consult, the desk accepting none).
 * text optional (topic / note). staff may ACT_DESK (roles.h); desk must exist. *id = the row's id. */
enum guide_service { GUIDE_CONSULT, GUIDE_GUIDED };
enum qd_status guide_log(struct store *st, const struct hall *h, int desk, const char *staff,
                         enum guide_service kind, const char *text, long long *id);

/* The words that make an issuing refusal exact, translated, into buf: for QD_ERR_QUOTA the type
 * and its quota ("A 企业开办, quota 200 a day"), QD_ERR_CUTOFF the type and
 * its cut-off time, QD_ERR_CLOSED the opening hours and the next opening (hours.h). "" for any other status or unknown type. */
void guide_refusal_detail(const struct hall *h, const char *type, enum qd_status s, char *buf,
                          size_t len);

#endif
