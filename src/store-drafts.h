/* store-drafts.h - the SQL of case drafts, for drafts.c only. */
#ifndef QDESK_STORE_DRAFTS_H
#define QDESK_STORE_DRAFTS_H
#include "qdesk/drafts.h"

/* Inside a write transaction: add one draft row (personal data already masked). */
enum qd_status store_drafts_add(struct store *st, long long ticket_id, int window, const char *staff,
                                long long at, const struct draft_case *d);
/* Inside a write transaction: delete ticket_id's drafts. */
enum qd_status store_drafts_delete(struct store *st, long long ticket_id);
/* Read ticket_id's drafts in the order kept; *out malloc'd. */
enum qd_status store_drafts_get(struct store *st, long long ticket_id, struct draft_case **out, size_t *n);

#endif
