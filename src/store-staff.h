/* store-staff.h - the SQL of the staff table, for staff.c only. */
#ifndef QDESK_STORE_STAFF_H
#define QDESK_STORE_STAFF_H
#include <stddef.h>
#include "qdesk/staff.h"

/* Bytes enough for any libsodium crypto_pwhash_str() string (crypto_pwhash_STRBYTES). */
#define STORE_STAFF_HASH_MAX 128

/* The account id into *out and, if hash is non-NULL, its PIN hash into hash[STORE_STAFF_HASH_MAX].
 * QD_ERR_NO_STAFF if there is none. */
enum qd_status store_staff_get(struct store *st, const char *id, struct staff *out, char *hash);
/* Insert a new active account created at Unix time at. QD_ERR_EXISTS if the id is taken. */
enum qd_status store_staff_insert(struct store *st, const struct staff *s, const char *hash, long long at);
/* Replace the PIN hash and clear failures and lockout. */
enum qd_status store_staff_set_pin(struct store *st, const char *id, const char *hash);
enum qd_status store_staff_set_active(struct store *st, const char *id, int active);
enum qd_status store_staff_set_failures(struct store *st, const char *id, int failures,
                                        long long locked_until);
/* Every account ordered by id; *out malloc'd (NULL when n is 0), caller frees. */
enum qd_status store_staff_list(struct store *st, struct staff **out, size_t *n);

#endif
