/* rectify.h - the rectification ledger (差评整改): every rating of 1-2 with its reason, ticket,
 * clerk and matter, its deadline in working days; the lead's call-back (回访) and closing by
 * rectification (整改) or explanation, each with a note. */
#ifndef QDESK_RECTIFY_H
#define QDESK_RECTIFY_H
#include <stddef.h>
#include "qdesk/config.h"
#include "qdesk/store.h"

#define RECTIFY_NOTE_MAX 500        /* bytes of UTF-8 of a call-back or closing note */

struct rectify_item {
	long long id;
	long long evaluation_id, ticket_id;
	char number[16];            /* the ticket's number, "" if unknown */
	char opened_day[11], deadline[11];
	int level;                  /* 1 or 2 */
	char reason[501];           /* the applicant's reason, "" if none given */
	int window;
	char staff[32];             /* the clerk rated */
	char matter[33];            /* matter id of the ticket's first case, "" if none */
	char state[12];             /* open, called-back, fixed, explained */
	long long callback_at;      /* 0 = not called back */
	char callback_by[32];
	char callback_note[RECTIFY_NOTE_MAX + 1];
	long long closed_at;        /* 0 = not closed */
	char closed_by[32];
	char note[RECTIFY_NOTE_MAX + 1];   /* the rectification or explanation */
	int overdue;                /* not closed and today past the deadline, or closed after it */
};

/* The ledger: day NULL gives every item still open (any day, earliest deadline first) and then
 * those opened today that are closed; day "YYYY-MM-DD" those opened that day. Voided items are
 * left out. *out malloc'd (caller frees); overdue against today. QD_ERR_INVALID for a bad day. */
enum qd_status rectify_list(struct store *st, const char *day, struct rectify_item **out, size_t *n);

/* Record the call-back of item id by staff (lead or admin; QD_ERR_ROLE) with a note (required,
 * QD_ERR_NOTE_REQUIRED; clean, at most RECTIFY_NOTE_MAX bytes): QD_ERR_NOT_FOUND,
 * QD_ERR_ITEM_CLOSED if closed or voided, QD_ERR_EXISTS if already called back. One transaction
 * with its event row. */
enum qd_status rectify_callback(struct store *st, long long id, const char *staff, const char *note);

/* Close item id as "fixed" (整改) or "explained" (说明) by staff (lead or admin) with a note
 * (required): QD_ERR_NOT_FOUND, QD_ERR_ITEM_CLOSED, QD_ERR_NO_CHOICE for another outcome. */
enum qd_status rectify_close(struct store *st, long long id, const char *staff, const char *outcome,
                             const char *note);

#endif
