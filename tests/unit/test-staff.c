/* test-staff.c - staff accounts: adding (rules, duplicates), PIN verification, counting wrong
 * PINs, lockout and its expiry as QDESK_NOW moves on, PIN change, disabling, role checks inside
 * and outside a transaction, and the event row of every change. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "qdesk/staff.h"
#include "tmpdb.h"

struct fixture {
	struct tmpdb db;
	struct store *st;
	struct hall hall;
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	if (!f)
		return -1;
	*state = f;
	if (tmpdb_open(&f->db, "staff") != 0)
		return -1;
	f->st = f->db.st;
	f->hall.security.max_failures = 3;
	f->hall.security.lockout_minutes = 10;
	setenv("QDESK_NOW", "2024-05-10 09:00:00", 1);
	return staff_init() == QD_OK ? 0 : -1;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	int rc = tmpdb_close(&f->db);
	free(f);
	unsetenv("QDESK_NOW");
	return rc == 0 ? 0 : -1;
}

/* Events of a kind for an account. Tests read the database directly to check what was written. */
static int events(struct fixture *f, const char *kind, const char *staff)
{
	sqlite3_stmt *s;
	assert_int_equal(sqlite3_prepare_v2(store_handle(f->st),
		"SELECT count(*) FROM events WHERE kind = ?1 AND staff = ?2", -1, &s, NULL), SQLITE_OK);
	sqlite3_bind_text(s, 1, kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, staff, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	int n = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	return n;
}

static void test_roles(void **state)
{
	(void)state;
	assert_int_equal(staff_role_parse("guide"), ROLE_GUIDE);
	assert_int_equal(staff_role_parse("admin"), ROLE_ADMIN);
	assert_int_equal(staff_role_parse("boss"), 0);
	assert_int_equal(staff_role_parse(NULL), 0);
	assert_string_equal(staff_role_name(ROLE_CLERK), "clerk");
	assert_string_equal(staff_role_name(ROLE_LEAD), "lead");
	assert_string_equal(staff_role_name((enum staff_role)3), "");
}

static void test_add_and_get(void **state)
{
	struct fixture *f = *state;
	struct staff s;
	assert_int_equal(staff_add(f->st, "c01", "王小明", ROLE_CLERK, "123456"), QD_OK);
	assert_int_equal(staff_get(f->st, "c01", &s), QD_OK);
	assert_string_equal(s.id, "c01");
	assert_string_equal(s.name, "王小明");
	assert_int_equal(s.role, ROLE_CLERK);
	assert_int_equal(s.active, 1);
	assert_int_equal(s.failures, 0);
	assert_int_equal(events(f, "staff-add", "c01"), 1);
	/* The PIN is stored only as an Argon2id hash. */
	sqlite3_stmt *q;
	assert_int_equal(sqlite3_prepare_v2(store_handle(f->st), "SELECT pin_hash FROM staff WHERE id = 'c01'",
	                                    -1, &q, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(q), SQLITE_ROW);
	const char *hash = (const char *)sqlite3_column_text(q, 0);
	assert_non_null(strstr(hash, "$argon2id$"));
	assert_null(strstr(hash, "123456"));
	sqlite3_finalize(q);

	assert_int_equal(staff_add(f->st, "c01", "另一个", ROLE_GUIDE, "1234"), QD_ERR_EXISTS);
	assert_int_equal(staff_get(f->st, "nobody", &s), QD_ERR_NO_STAFF);
	assert_int_equal(staff_get(f->st, "bad id", &s), QD_ERR_NO_STAFF);
}

static void test_add_rules(void **state)
{
	struct fixture *f = *state;
	assert_int_equal(staff_add(f->st, "", "名", ROLE_CLERK, "1234"), QD_ERR_INVALID);
	assert_int_equal(staff_add(f->st, "a b", "名", ROLE_CLERK, "1234"), QD_ERR_INVALID);
	assert_int_equal(staff_add(f->st, "abcdefghijabcdefghijabcdefghij12", "名", ROLE_CLERK, "1234"),
	                 QD_ERR_INVALID);
	assert_int_equal(staff_add(f->st, "g1", "", ROLE_GUIDE, "1234"), QD_ERR_INVALID);
	assert_int_equal(staff_add(f->st, "g1", "a\x1b[2J", ROLE_GUIDE, "1234"), QD_ERR_INVALID);
	assert_int_equal(staff_add(f->st, "g1", "名", (enum staff_role)0, "1234"), QD_ERR_INVALID);
	assert_int_equal(staff_add(f->st, "g1", "名", ROLE_GUIDE, "123"), QD_ERR_PIN_WEAK);
	assert_int_equal(staff_add(f->st, "g1", "名", ROLE_GUIDE, "1234567890123"), QD_ERR_PIN_WEAK);
	assert_int_equal(staff_add(f->st, "g1", "名", ROLE_GUIDE, "12a4"), QD_ERR_PIN_WEAK);
	char longname[80];
	memset(longname, 'a', sizeof longname - 1);
	longname[sizeof longname - 1] = '\0';
	assert_int_equal(staff_add(f->st, "g1", longname, ROLE_GUIDE, "1234"), QD_ERR_TOO_LONG);
	/* Names outside the BMP are fine. */
	assert_int_equal(staff_add(f->st, "g1", "𠮷祥", ROLE_GUIDE, "1234"), QD_OK);
	struct staff *list;
	size_t n;
	assert_int_equal(staff_list(f->st, &list, &n), QD_OK);
	assert_int_equal(n, 1);
	assert_string_equal(list[0].name, "𠮷祥");
	free(list);
}

static void test_login_and_lockout(void **state)
{
	struct fixture *f = *state;
	struct staff s;
	assert_int_equal(staff_add(f->st, "c02", "李四", ROLE_CLERK, "2468"), QD_OK);
	assert_int_equal(staff_login(f->st, &f->hall, "c02", "2468", &s), QD_OK);
	assert_string_equal(s.id, "c02");
	assert_int_equal(events(f, "login", "c02"), 1);

	/* Two wrong PINs are counted; a right one resets the count. */
	assert_int_equal(staff_login(f->st, &f->hall, "c02", "0000", NULL), QD_ERR_PIN);
	assert_int_equal(staff_login(f->st, &f->hall, "c02", "", NULL), QD_ERR_PIN);
	assert_int_equal(staff_get(f->st, "c02", &s), QD_OK);
	assert_int_equal(s.failures, 2);
	assert_int_equal(staff_login(f->st, &f->hall, "c02", "2468", NULL), QD_OK);
	assert_int_equal(staff_get(f->st, "c02", &s), QD_OK);
	assert_int_equal(s.failures, 0);

	/* The third wrong PIN in a row locks the account for ten minutes, even for the right PIN. */
	assert_int_equal(staff_login(f->st, &f->hall, "c02", "1111", NULL), QD_ERR_PIN);
	assert_int_equal(staff_login(f->st, &f->hall, "c02", "1111", NULL), QD_ERR_PIN);
	assert_int_equal(staff_login(f->st, &f->hall, "c02", "1111", NULL), QD_ERR_LOCKED);
	assert_int_equal(events(f, "login-failed", "c02"), 5);
	assert_int_equal(staff_login(f->st, &f->hall, "c02", "2468", NULL), QD_ERR_LOCKED);
	setenv("QDESK_NOW", "2024-05-10 09:09:59", 1);
	assert_int_equal(staff_login(f->st, &f->hall, "c02", "2468", NULL), QD_ERR_LOCKED);
	assert_int_equal(staff_get(f->st, "c02", &s), QD_OK);
	assert_true(s.locked_until > 0);

	/* After the lockout a fresh count starts: one wrong PIN does not lock it again. */
	setenv("QDESK_NOW", "2024-05-10 09:10:00", 1);
	assert_int_equal(staff_login(f->st, &f->hall, "c02", "1111", NULL), QD_ERR_PIN);
	assert_int_equal(staff_get(f->st, "c02", &s), QD_OK);
	assert_int_equal(s.failures, 1);
	assert_int_equal(s.locked_until, 0);
	assert_int_equal(staff_login(f->st, &f->hall, "c02", "2468", &s), QD_OK);
	assert_int_equal(s.failures, 0);

	assert_int_equal(staff_login(f->st, &f->hall, "ghost", "1234", NULL), QD_ERR_NO_STAFF);
}

static void test_set_pin(void **state)
{
	struct fixture *f = *state;
	assert_int_equal(staff_add(f->st, "l01", "赵六", ROLE_LEAD, "1357"), QD_OK);
	assert_int_equal(staff_set_pin(f->st, "l01", "12"), QD_ERR_PIN_WEAK);
	assert_int_equal(staff_set_pin(f->st, "nobody", "9999"), QD_ERR_NO_STAFF);
	/* A new PIN also clears a lockout. */
	for (int i = 0; i < 3; i++)
		staff_login(f->st, &f->hall, "l01", "0000", NULL);
	assert_int_equal(staff_login(f->st, &f->hall, "l01", "1357", NULL), QD_ERR_LOCKED);
	assert_int_equal(staff_set_pin(f->st, "l01", "97531"), QD_OK);
	assert_int_equal(events(f, "staff-pin", "l01"), 1);
	assert_int_equal(staff_login(f->st, &f->hall, "l01", "1357", NULL), QD_ERR_PIN);
	assert_int_equal(staff_login(f->st, &f->hall, "l01", "97531", NULL), QD_OK);
}

static void test_disable_and_check(void **state)
{
	struct fixture *f = *state;
	assert_int_equal(staff_add(f->st, "g02", "孙七", ROLE_GUIDE, "4321"), QD_OK);
	assert_int_equal(staff_add(f->st, "a01", "周八", ROLE_ADMIN, "8765"), QD_OK);
	assert_int_equal(staff_check(f->st, "g02", ROLE_GUIDE), QD_OK);
	assert_int_equal(staff_check(f->st, "g02", ROLE_GUIDE | ROLE_CLERK), QD_OK);
	assert_int_equal(staff_check(f->st, "g02", ROLE_CLERK | ROLE_LEAD), QD_ERR_ROLE);
	assert_int_equal(staff_check(f->st, "a01", ROLE_ADMIN), QD_OK);
	assert_int_equal(staff_check(f->st, "zz", ROLE_ADMIN), QD_ERR_NO_STAFF);

	assert_int_equal(staff_set_active(f->st, "g02", 0), QD_OK);
	assert_int_equal(events(f, "staff-disable", "g02"), 1);
	assert_int_equal(staff_check(f->st, "g02", ROLE_GUIDE), QD_ERR_STAFF_DISABLED);
	assert_int_equal(staff_login(f->st, &f->hall, "g02", "4321", NULL), QD_ERR_STAFF_DISABLED);
	assert_int_equal(staff_set_active(f->st, "zz", 0), QD_ERR_NO_STAFF);
	/* Enabled again: it may act and log in, and wrong PINs counted before are forgotten. */
	for (int i = 0; i < f->hall.security.max_failures; i++)
		staff_login(f->st, &f->hall, "a01", "0000", NULL);
	assert_int_equal(staff_login(f->st, &f->hall, "a01", "8765", NULL), QD_ERR_LOCKED);
	assert_int_equal(staff_set_active(f->st, "g02", 1), QD_OK);
	assert_int_equal(staff_set_active(f->st, "a01", 1), QD_OK);
	assert_int_equal(events(f, "staff-enable", "g02"), 1);
	assert_int_equal(staff_check(f->st, "g02", ROLE_GUIDE), QD_OK);
	assert_int_equal(staff_login(f->st, &f->hall, "g02", "4321", NULL), QD_OK);
	assert_int_equal(staff_login(f->st, &f->hall, "a01", "8765", NULL), QD_OK);
	assert_int_equal(staff_set_active(f->st, "g02", 0), QD_OK);

	struct staff *list;
	size_t n;
	assert_int_equal(staff_list(f->st, &list, &n), QD_OK);
	assert_int_equal(n, 2);
	assert_string_equal(list[0].id, "a01");
	assert_int_equal(list[0].active, 1);
	assert_string_equal(list[1].id, "g02");
	assert_int_equal(list[1].active, 0);
	free(list);
}

struct check_ctx { const char *id; int mask; enum qd_status seen; };

static enum qd_status check_in_tx(struct store *st, void *vctx)
{
	struct check_ctx *c = vctx;
	c->seen = staff_check(st, c->id, c->mask);
	return QD_OK;
}

static void test_check_inside_transaction(void **state)
{
	struct fixture *f = *state;
	assert_int_equal(staff_add(f->st, "c03", "吴九", ROLE_CLERK, "1111"), QD_OK);
	struct check_ctx c = { "c03", ROLE_CLERK, QD_ERR_DB };
	assert_int_equal(store_write(f->st, check_in_tx, &c), QD_OK);
	assert_int_equal(c.seen, QD_OK);
	c = (struct check_ctx){ "c03", ROLE_ADMIN, QD_OK };
	assert_int_equal(store_write(f->st, check_in_tx, &c), QD_OK);
	assert_int_equal(c.seen, QD_ERR_ROLE);
	c = (struct check_ctx){ "c99", ROLE_ADMIN, QD_OK };
	assert_int_equal(store_read(f->st, check_in_tx, &c), QD_OK);
	assert_int_equal(c.seen, QD_ERR_NO_STAFF);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_roles),
		cmocka_unit_test_setup_teardown(test_add_and_get, setup, teardown),
		cmocka_unit_test_setup_teardown(test_add_rules, setup, teardown),
		cmocka_unit_test_setup_teardown(test_login_and_lockout, setup, teardown),
		cmocka_unit_test_setup_teardown(test_set_pin, setup, teardown),
		cmocka_unit_test_setup_teardown(test_disable_and_check, setup, teardown),
		cmocka_unit_test_setup_teardown(test_check_inside_transaction, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
