/* test-idcard.c - GB 11643 resident ID numbers: check characters, real birth dates (leap years),
 * births in the future, lower-case x, ages around birthdays, and the masked form. All numbers are
 * made up (the standard's example 11010519491231002X and others with computed check characters). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>
#include "qdesk/idcard.h"

static void test_check_char(void **state)
{
	(void)state;
	assert_int_equal(idcard_check_char("11010519491231002"), 'X');
	assert_int_equal(idcard_check_char("11010519600229001"), '4');
	assert_int_equal(idcard_check_char("32058319640510123"), '0');
	assert_int_equal(idcard_check_char("1101051949123100A"), 0);
	assert_int_equal(idcard_check_char("1101051949"), 0);
	assert_int_equal(idcard_check_char(NULL), 0);
}

static void test_valid(void **state)
{
	(void)state;
	assert_true(idcard_valid("11010519491231002X", "2024-05-10"));
	assert_true(idcard_valid("11010519491231002x", "2024-05-10"));   /* lower-case x */
	assert_true(idcard_valid("110105196002290014", "2024-05-10"));   /* 29 Feb of a leap year */
	assert_true(idcard_valid("320583196405101230", NULL));
	/* Wrong check characters. */
	assert_false(idcard_valid("110105194912310020", "2024-05-10"));
	assert_false(idcard_valid("110105196002290015", "2024-05-10"));
	assert_false(idcard_valid("320583196405101231", "2024-05-10"));
	/* Lengths and characters. */
	assert_false(idcard_valid("11010519491231002", "2024-05-10"));
	assert_false(idcard_valid("11010519491231002XX", "2024-05-10"));
	assert_false(idcard_valid("1101051949123100 X", "2024-05-10"));
	assert_false(idcard_valid("", "2024-05-10"));
	assert_false(idcard_valid(NULL, "2024-05-10"));
}

/* A number with the birth date given and the right check character. */
static void with_birth(const char *birth8, char id[19])
{
	memcpy(id, "110105", 6);
	memcpy(id + 6, birth8, 8);
	memcpy(id + 14, "001", 3);
	id[17] = idcard_check_char(id);
	id[18] = '\0';
}

static void test_bad_dates(void **state)
{
	(void)state;
	char id[19];
	const char *bad[] = { "19490230", "19610229", "19000229", "19491301", "19490000", "19490431",
	                      "00000101" };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		with_birth(bad[i], id);
		assert_false(idcard_valid(id, "2024-05-10"));
		assert_int_equal(idcard_age(id, "2024-05-10"), -1);
	}
	with_birth("20000229", id);
	assert_true(idcard_valid(id, "2024-05-10"));
}

/* Right check character, but no such province, or born before 1900: not a resident ID. */
static void test_implausible(void **state)
{
	(void)state;
	assert_false(idcard_valid("000105194912310024", NULL));
	assert_false(idcard_valid("990105194912310023", NULL));
	assert_false(idcard_valid("110105189912310023", NULL));
	assert_true(idcard_valid("110105190001010028", NULL));
	/* Residence permits of Hong Kong (81) and Taiwan (83) residents have the same form. */
	assert_true(idcard_valid("810000198001010014", NULL));
	assert_true(idcard_valid("830000198001010018", NULL));
	/* A foreigner's permanent residence ID (2023): 9, the issuing province, then the same form. */
	assert_true(idcard_valid("93115619800101001X", NULL));
	assert_false(idcard_valid("900156198001010013", NULL));
}

static void test_future_birth(void **state)
{
	(void)state;
	/* Born 2024-05-10: valid on that day, not the day before. */
	assert_true(idcard_valid("110105202405100017", "2024-05-10"));
	assert_false(idcard_valid("110105202405100017", "2024-05-09"));
	assert_int_equal(idcard_age("110105202405100017", "2024-05-10"), 0);
	assert_int_equal(idcard_age("110105202405100017", "2024-05-09"), -1);
}

static void test_age(void **state)
{
	(void)state;
	/* Born 1964-05-10: 59 the day before the 60th birthday, 60 on it. */
	assert_int_equal(idcard_age("320583196405101230", "2024-05-09"), 59);
	assert_int_equal(idcard_age("320583196405101230", "2024-05-10"), 60);
	assert_int_equal(idcard_age("320583196405101230", "2024-12-31"), 60);
	/* Born 31 December 1949. */
	assert_int_equal(idcard_age("11010519491231002X", "2024-12-30"), 74);
	assert_int_equal(idcard_age("11010519491231002X", "2024-12-31"), 75);
	assert_int_equal(idcard_age("11010519491231002x", "2025-01-01"), 75);
	/* Born 29 February 1960: the birthday counts on 1 March in common years. */
	assert_int_equal(idcard_age("110105196002290014", "2023-02-28"), 62);
	assert_int_equal(idcard_age("110105196002290014", "2023-03-01"), 63);
	assert_int_equal(idcard_age("110105196002290014", "2024-02-29"), 64);
	assert_int_equal(idcard_age("110105194912310020", "2024-05-10"), -1);
	assert_int_equal(idcard_age("11010519491231002X", NULL), -1);
}

static void test_mask(void **state)
{
	(void)state;
	char out[19];
	idcard_mask("11010519491231002X", out);
	assert_string_equal(out, "110105********002X");
	idcard_mask("11010519491231002x", out);
	assert_string_equal(out, "110105********002X");
	idcard_mask("320583196405101230", out);
	assert_string_equal(out, "320583********1230");
	idcard_mask("short", out);
	assert_string_equal(out, "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_check_char),
		cmocka_unit_test(test_valid),
		cmocka_unit_test(test_bad_dates),
		cmocka_unit_test(test_implausible),
		cmocka_unit_test(test_future_birth),
		cmocka_unit_test(test_age),
		cmocka_unit_test(test_mask),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
