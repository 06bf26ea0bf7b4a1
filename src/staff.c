/* staff.c - staff accounts: id and name rules, roles, Argon2id PIN hashes (libsodium), and the
 * login rule (a wrong PIN is counted; security.max_failures of them lock the account for
 * security.lockout_minutes). Every account change writes an event row. SQL is in store-staff.c. */
#include <string.h>
#include <sodium.h>
#include "qdesk/clock.h"
#include "qdesk/staff.h"
#include "qdesk/text.h"
#include "store-log.h"
#include "store-staff.h"

static const struct { enum staff_role role; const char *name; } roles[] = {
	{ ROLE_GUIDE, "guide" }, { ROLE_CLERK, "clerk" }, { ROLE_LEAD, "lead" }, { ROLE_ADMIN, "admin" },
};

enum staff_role staff_role_parse(const char *s)
{
	for (size_t i = 0; s && i < sizeof roles / sizeof roles[0]; i++)
		if (strcmp(s, roles[i].name) == 0)
			return roles[i].role;
	return (enum staff_role)0;
}

const char *staff_role_name(enum staff_role r)
{
	for (size_t i = 0; i < sizeof roles / sizeof roles[0]; i++)
		if (roles[i].role == r)
			return roles[i].name;
	return "";
}

enum qd_status staff_init(void)
{
	/* sodium_init() returns 1 when already initialised: fine. */
	return sodium_init() < 0 ? QD_ERR_NOMEM : QD_OK;
}

static int valid_id(const char *id)
{
	size_t n = id ? strlen(id) : 0;
	if (n < 1 || n > 31)
		return 0;
	for (size_t i = 0; i < n; i++) {
		char c = id[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-'))
			return 0;
	}
	return 1;
}

static int valid_pin(const char *pin)
{
	size_t n = pin ? strlen(pin) : 0;
	if (n < 4 || n > 12)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (pin[i] < '0' || pin[i] > '9')
			return 0;
	return 1;
}

/* The Argon2id hash of pin into hash[STORE_STAFF_HASH_MAX]. Slow on purpose: never call it inside
 * a write transaction. */
static enum qd_status hash_pin(const char *pin, char hash[STORE_STAFF_HASH_MAX])
{
	if (!valid_pin(pin))
		return QD_ERR_PIN_WEAK;
	if (staff_init() != QD_OK)
		return QD_ERR_NOMEM;
	if (crypto_pwhash_str(hash, pin, strlen(pin), crypto_pwhash_OPSLIMIT_INTERACTIVE,
	                      crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
		return QD_ERR_NOMEM;     /* libsodium fails here only when it cannot get the memory */
	return QD_OK;
}

/* Now for a write; QD_ERR_USAGE when QDESK_NOW is malformed. */
static enum qd_status now_for(long long *now)
{
	time_t t = clock_now();
	if (t == (time_t)-1)
		return QD_ERR_USAGE;
	*now = (long long)t;
	return QD_OK;
}

struct add_ctx {
	const struct staff *s;
	const char *hash;
	long long now;
};

static enum qd_status add_tx(struct store *st, void *vctx)
{
	struct add_ctx *c = vctx;
	enum qd_status r = store_staff_insert(st, c->s, c->hash, c->now);
	if (r == QD_OK)
		r = store_event_add(st, c->now, "staff-add", 0, 0, c->s->id, staff_role_name(c->s->role));
	return r;
}

int staff_name_blank(const char *name)
{
	static const char *const blanks[] = { " ", "\t", "\xc2\xa0", "\xe3\x80\x80" };   /* NBSP, 全角空格 */
	if (!name)
		return 1;
	for (size_t i = 0; *name; ) {
		for (i = 0; i < sizeof blanks / sizeof blanks[0]; i++)
			if (!strncmp(name, blanks[i], strlen(blanks[i])))
				break;
		if (i == sizeof blanks / sizeof blanks[0])
			return 0;
		name += strlen(blanks[i]);
	}
	return 1;
}

/* Add one account whose PIN hash is known. */
static enum qd_status add_hashed(struct store *st, const char *id, const char *name,
                                 enum staff_role role, const char *hash)
{
	struct staff s = { .role = role, .active = 1 };
	/* A name is shown on every screen: it must draw as itself. */
	if (!valid_id(id) || !staff_role_name(role)[0] || staff_name_blank(name) || !text_is_clean(name))
		return QD_ERR_INVALID;
	if (strlen(name) >= sizeof s.name)
		return QD_ERR_TOO_LONG;
	strcpy(s.id, id);
	strcpy(s.name, name);
	struct add_ctx c = { &s, hash, 0 };
	enum qd_status r = now_for(&c.now);
	return r == QD_OK ? store_write(st, add_tx, &c) : r;
}

enum qd_status staff_add(struct store *st, const char *id, const char *name, enum staff_role role,
                         const char *pin)
{
	struct staff_new one = { id, name, role };
	return staff_add_shared_pin(st, &one, 1, pin, NULL);
}

enum qd_status staff_add_shared_pin(struct store *st, const struct staff_new *list, size_t n,
                                    const char *pin, int *added)
{
	char hash[STORE_STAFF_HASH_MAX];
	enum qd_status r = hash_pin(pin, hash);
	for (size_t i = 0; r == QD_OK && i < n; i++) {
		r = add_hashed(st, list[i].id, list[i].name, list[i].role, hash);
		if (r == QD_OK && added)
			(*added)++;
		if (r == QD_ERR_EXISTS && n > 1)
			r = QD_OK;
	}
	return r;
}

struct change_ctx {
	const char *id;
	const char *hash;       /* set-pin: the new hash; NULL: set active */
	int active;
	long long now;
};

/* An enabled account also starts with no wrong PINs counted and no lockout. */
static enum qd_status change_tx(struct store *st, void *vctx)
{
	struct change_ctx *c = vctx;
	struct staff s;   /* the id as stored, whatever case it was given in */
	enum qd_status r = store_staff_get(st, c->id, &s, NULL);
	if (r == QD_OK)
		r = c->hash ? store_staff_set_pin(st, s.id, c->hash) : store_staff_set_active(st, s.id, c->active);
	if (r == QD_OK && !c->hash && c->active)
		r = store_staff_set_failures(st, s.id, 0, 0);
	if (r == QD_OK)
		r = store_event_add(st, c->now, c->hash ? "staff-pin" : c->active ? "staff-enable" : "staff-disable",
		                    0, 0, s.id, NULL);
	return r;
}

enum qd_status staff_set_pin(struct store *st, const char *id, const char *pin)
{
	char hash[STORE_STAFF_HASH_MAX];
	struct staff s;
	enum qd_status r = staff_get(st, id, &s);   /* refuse an unknown id before the slow hash */
	if (r == QD_OK)
		r = hash_pin(pin, hash);
	struct change_ctx c = { id, hash, 1, 0 };
	if (r == QD_OK)
		r = now_for(&c.now);
	return r == QD_OK ? store_write(st, change_tx, &c) : r;
}

enum qd_status staff_set_active(struct store *st, const char *id, int active)
{
	struct change_ctx c = { id, NULL, active != 0, 0 };
	enum qd_status r = now_for(&c.now);
	return r == QD_OK ? store_write(st, change_tx, &c) : r;
}

enum qd_status staff_get(struct store *st, const char *id, struct staff *out)
{
	if (!valid_id(id))
		return QD_ERR_NO_STAFF;
	return store_staff_get(st, id, out, NULL);
}

enum qd_status staff_list(struct store *st, struct staff **out, size_t *n)
{
	return store_staff_list(st, out, n);
}

enum qd_status staff_check(struct store *st, const char *id, int role_mask)
{
	struct staff s;
	enum qd_status r = staff_get(st, id, &s);
	if (r != QD_OK)
		return r;
	if (strcmp(s.id, id) != 0)
		return QD_ERR_NO_STAFF;   /* another case of an id: rows must name the account as stored */
	if (!s.active)
		return QD_ERR_STAFF_DISABLED;
	if (!((int)s.role & role_mask))
		return QD_ERR_ROLE;
	return QD_OK;
}

struct login_ctx {
	const struct hall *h;
	const char *id;
	const char *hash;       /* the hash the PIN was checked against */
	int pin_ok;
	long long now;
	enum qd_status result;  /* what the login answers; the transaction itself commits */
	struct staff *out;
};

static enum qd_status login_tx(struct store *st, void *vctx)
{
	struct login_ctx *c = vctx;
	struct staff s;
	char hash[STORE_STAFF_HASH_MAX];
	enum qd_status r = store_staff_get(st, c->id, &s, hash);
	if (r != QD_OK)
		return r;
	if (!s.active) {
		c->result = QD_ERR_STAFF_DISABLED;
		return QD_OK;
	}
	if (s.locked_until > c->now) {
		c->result = QD_ERR_LOCKED;
		return QD_OK;
	}
	/* A lockout that has run out starts a fresh count. */
	if (s.locked_until) {
		s.failures = 0;
		s.locked_until = 0;
	}
	/* The PIN changed while it was being checked: the check does not count either way. */
	if (strcmp(hash, c->hash) != 0) {
		c->result = QD_ERR_PIN;
		return QD_OK;
	}
	if (c->pin_ok) {
		s.failures = 0;
		c->result = QD_OK;
	} else {
		s.failures++;
		c->result = QD_ERR_PIN;
		int max = c->h ? c->h->security.max_failures : 0;
		if (max > 0 && s.failures >= max) {
			int minutes = c->h->security.lockout_minutes > 0 ? c->h->security.lockout_minutes : 1;
			s.locked_until = c->now + 60LL * minutes;
			c->result = QD_ERR_LOCKED;
		}
	}
	if ((r = store_staff_set_failures(st, s.id, s.failures, s.locked_until)) != QD_OK)
		return r;
	const char *kind = c->result == QD_OK ? "login" : "login-failed";
	const char *detail = c->result == QD_ERR_LOCKED ? "locked" : NULL;
	if ((r = store_event_add(st, c->now, kind, 0, 0, s.id, detail)) != QD_OK)
		return r;
	if (c->out)
		*c->out = s;
	return QD_OK;
}

enum qd_status staff_login(struct store *st, const struct hall *h, const char *id, const char *pin,
                           struct staff *out)
{
	struct staff s;
	char hash[STORE_STAFF_HASH_MAX];
	long long now;
	enum qd_status r = now_for(&now);
	if (r != QD_OK)
		return r;
	if (!valid_id(id))
		return QD_ERR_NO_STAFF;
	/* Refuse early without the slow hash check; the transaction below decides for certain. */
	if ((r = store_staff_get(st, id, &s, hash)) != QD_OK)
		return r;
	if (!s.active)
		return QD_ERR_STAFF_DISABLED;
	if (s.locked_until > now)
		return QD_ERR_LOCKED;
	if ((r = staff_init()) != QD_OK)
		return r;
	int ok = pin && crypto_pwhash_str_verify(hash, pin, strlen(pin)) == 0;
	struct login_ctx c = { h, id, hash, ok, now, QD_ERR_PIN, out };
	r = store_write(st, login_tx, &c);
	return r == QD_OK ? c.result : r;
}
