/* drafts.h - case drafts: the cases a clerk had typed for a ticket when the window's session ended
 * unasked (another clerk signed in there), kept with the ticket until someone finishes it. Personal
 * data is kept masked only (as cases store it); an ID or phone not yet valid is not kept at all. */
#ifndef QDESK_DRAFTS_H
#define QDESK_DRAFTS_H
#include <stddef.h>
#include "qdesk/cases.h"
#include "qdesk/config.h"
#include "qdesk/store.h"

/* One kept case, as typed (not validated). */
struct draft_case {
	char matter[64], category[64], channel[16], outcome[32], mode[32];
	char helps[HALL_HELPS_MAX][48];
	size_t nhelps;
	int minutes;
	char applicant_masked[256], id_masked[20], phone_masked[16];
	int age;                    /* from the ID number when it was typed; -1 unknown */
	char note[1100];
	char staff[32];             /* who typed it */
};

/* Keep cases[n] for ticket_id (replacing what was kept for it), typed at window by staff: plain
 * applicant, ID number and phone are masked here (an invalid ID or phone is left out); masked
 * values a case already carries are kept. n 0 keeps nothing (and drops what was kept). One write
 * transaction. */
enum qd_status drafts_keep(struct store *st, long long ticket_id, int window, const char *staff,
                           const struct case_input *cases, size_t n);
/* What is kept for ticket_id: *out malloc'd (caller frees; NULL and 0 when nothing). */
enum qd_status drafts_get(struct store *st, long long ticket_id, struct draft_case **out, size_t *n);
/* Forget what is kept for ticket_id (used, or declined). */
enum qd_status drafts_drop(struct store *st, long long ticket_id);

#endif
