/* store-rectify.h - the SQL of the rectification ledger (rectifications joined with their
 * evaluation, ticket and first case), for rectify.c. Inside the caller's transaction. */
#ifndef QDESK_STORE_RECTIFY_H
#define QDESK_STORE_RECTIFY_H
#include <stddef.h>
#include "qdesk/rectify.h"

/* day NULL: items open or called back, then those opened on today and closed; else those opened on
 * day. Voided ones never. *out malloc'd (overdue left 0). */
enum qd_status store_rectify_list(struct store *st, const char *day, const char *today,
                                  struct rectify_item **out, size_t *n);
/* Item id into *out, voided included (state says so); QD_ERR_NOT_FOUND. */
enum qd_status store_rectify_get(struct store *st, long long id, struct rectify_item *out);
enum qd_status store_rectify_callback(struct store *st, long long id, long long at, const char *staff,
                                      const char *note);
enum qd_status store_rectify_close(struct store *st, long long id, const char *state, long long at,
                                   const char *staff, const char *note);

#endif
