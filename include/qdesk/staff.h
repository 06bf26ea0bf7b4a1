/* staff.h - staff accounts: roles, Argon2id PIN hashes (libsodium), lockout. */
#ifndef QDESK_STAFF_H
#define QDESK_STAFF_H
#include <stddef.h>
#include "qdesk/config.h"
#include "qdesk/store.h"

enum staff_role { ROLE_GUIDE = 1, ROLE_CLERK = 2, ROLE_LEAD = 4, ROLE_ADMIN = 8 };

struct staff {
	char id[32];
	char name[64];
	enum staff_role role;
	int active;
	int failures;
	long long locked_until;
};

/* "guide" … → role; 0 if unknown. And back. */
enum staff_role staff_role_parse(const char *s);
const char *staff_role_name(enum staff_role r);

/* Initialise libsodium; call once before any PIN function. */
enum qd_status staff_init(void);

/* 1 if name is NULL, empty or only blanks (spaces, tabs, no-break and ideographic spaces). */
int staff_name_blank(const char *name);

/* Add an account (id: 1-31 of [A-Za-z0-9_-]; PIN 4-12 digits; a name that is not blank).
 * QD_ERR_EXISTS if the id is taken, in any case: ids are case-insensitive. */
enum qd_status staff_add(struct store *st, const char *id, const char *name, enum staff_role role,
                         const char *pin);
/* Add several accounts that share one PIN, hashed once (the demo's accounts; hashing takes a
 * tenth of a second on purpose). Accounts that exist already are kept when n > 1; *added (may be
 * NULL) counts those added. */
struct staff_new { const char *id, *name; enum staff_role role; };
enum qd_status staff_add_shared_pin(struct store *st, const struct staff_new *list, size_t n,
                                    const char *pin, int *added);
enum qd_status staff_set_pin(struct store *st, const char *id, const char *pin);
/* Disable an account (active 0; never deleted), or enable it again (active 1), which also clears
 * its wrong-PIN count and any lockout. An event row records either (staff = the account). */
enum qd_status staff_set_active(struct store *st, const char *id, int active);
/* The account whose id is id in any case (out->id is its stored spelling); QD_ERR_NO_STAFF. */
enum qd_status staff_get(struct store *st, const char *id, struct staff *out);
/* All accounts ordered by id; *out malloc'd, caller frees. */
enum qd_status staff_list(struct store *st, struct staff **out, size_t *n);

/* Check that id exists, is active and has one of the roles in mask (QD_ERR_NO_STAFF,
 * QD_ERR_STAFF_DISABLED, QD_ERR_ROLE). id must be spelt as stored (staff_get gives that spelling
 * for an id in any case; the CLI and the login do so): another case is QD_ERR_NO_STAFF, because the
 * rows an action writes name the account. Works inside or outside a transaction. */
enum qd_status staff_check(struct store *st, const char *id, int role_mask);

/* Verify a PIN for login: QD_ERR_LOCKED while locked (security.lockout_minutes after
 * security.max_failures wrong PINs), QD_ERR_PIN on a wrong PIN (counted), QD_OK resets the count. */
enum qd_status staff_login(struct store *st, const struct hall *h, const char *id, const char *pin,
                           struct staff *out);

#endif
