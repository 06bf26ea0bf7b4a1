/* test-clock.c - QDESK_NOW parsing and its errors, local days and times, HH:MM and day
 * validation, and working days across weekends, holidays and make-up workdays (调休). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include "qdesk/clock.h"

static void test_now_fixed(void **state)
{
	(void)state;
	setenv("QDESK_NOW", "2024-05-10 09:30:15", 1);
	time_t t = clock_now();
	assert_true(t != (time_t)-1);
	assert_string_equal(clock_env_error(), "");
	char day[11], stamp[20], hhmm[6];
	clock_day(t, day);
	clock_stamp(t, stamp);
	clock_hhmm(t, hhmm);
	assert_string_equal(day, "2024-05-10");
	assert_string_equal(stamp, "2024-05-10 09:30:15");
	assert_string_equal(hhmm, "09:30");
	assert_int_equal(clock_minute_of_day(t), 9 * 60 + 30);
	/* One minute later is 60 seconds later. */
	setenv("QDESK_NOW", "2024-05-10 09:31:15", 1);
	assert_int_equal((long long)(clock_now() - t), 60);
	/* Midnight belongs to the new day. */
	setenv("QDESK_NOW", "2024-12-31 23:59:59", 1);
	t = clock_now();
	clock_day(t + 1, day);
	assert_string_equal(day, "2025-01-01");
	unsetenv("QDESK_NOW");
}

static void test_now_malformed(void **state)
{
	(void)state;
	const char *bad[] = { "2024-05-10", "2024-05-10 9:30:00", "2024-02-30 09:00:00",
	                      "2024-05-10 24:00:00", "2024-05-10T09:30:00", "tomorrow", "2024-05-10 09:60:00" };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		setenv("QDESK_NOW", bad[i], 1);
		assert_true(clock_now() == (time_t)-1);
		assert_non_null(strstr(clock_env_error(), bad[i]));
	}
	unsetenv("QDESK_NOW");
	assert_true(clock_now() != (time_t)-1);
	assert_string_equal(clock_env_error(), "");
}

static void test_parse_hhmm(void **state)
{
	(void)state;
	assert_int_equal(clock_parse_hhmm("00:00"), 0);
	assert_int_equal(clock_parse_hhmm("08:30"), 510);
	assert_int_equal(clock_parse_hhmm("23:59"), 1439);
	assert_int_equal(clock_parse_hhmm("24:00"), -1);
	assert_int_equal(clock_parse_hhmm("8:30"), -1);
	assert_int_equal(clock_parse_hhmm("08:60"), -1);
	assert_int_equal(clock_parse_hhmm("08:30 "), -1);
	assert_int_equal(clock_parse_hhmm(""), -1);
	assert_int_equal(clock_parse_hhmm(NULL), -1);
}

static void test_valid_day(void **state)
{
	(void)state;
	assert_true(clock_valid_day("2024-02-29"));
	assert_false(clock_valid_day("2023-02-29"));
	assert_true(clock_valid_day("2000-02-29"));
	assert_false(clock_valid_day("1900-02-29"));
	assert_false(clock_valid_day("2024-04-31"));
	assert_false(clock_valid_day("2024-13-01"));
	assert_false(clock_valid_day("2024-00-10"));
	assert_false(clock_valid_day("2024-1-10"));
	assert_false(clock_valid_day("2024-01-10x"));
	assert_false(clock_valid_day(NULL));
}

static void test_workdays_plain(void **state)
{
	(void)state;
	char out[11];
	/* 2024-05-10 is a Friday. */
	clock_add_workdays("2024-05-10", 0, NULL, 0, NULL, 0, out);
	assert_string_equal(out, "2024-05-10");
	clock_add_workdays("2024-05-10", 1, NULL, 0, NULL, 0, out);
	assert_string_equal(out, "2024-05-13");
	clock_add_workdays("2024-05-10", 5, NULL, 0, NULL, 0, out);
	assert_string_equal(out, "2024-05-17");
	/* From a Saturday: day 0 is the Monday, and 1 working day later is also the Monday. */
	clock_add_workdays("2024-05-11", 0, NULL, 0, NULL, 0, out);
	assert_string_equal(out, "2024-05-13");
	clock_add_workdays("2024-05-11", 1, NULL, 0, NULL, 0, out);
	assert_string_equal(out, "2024-05-13");
	clock_add_workdays("2024-05-12", 5, NULL, 0, NULL, 0, out);
	assert_string_equal(out, "2024-05-17");
	/* Across a month and a year end. */
	clock_add_workdays("2024-12-30", 3, NULL, 0, NULL, 0, out);
	assert_string_equal(out, "2025-01-02");
	clock_add_workdays("not-a-day", 3, NULL, 0, NULL, 0, out);
	assert_string_equal(out, "");
}

static void test_workdays_holidays(void **state)
{
	(void)state;
	/* 2024 Labour Day: 1-5 May off, Sunday 28 April and Saturday 11 May worked (调休). */
	const char *hol[] = { "2024-05-01", "2024-05-02", "2024-05-03", "2024-05-04", "2024-05-05" };
	const char *work[] = { "2024-04-28", "2024-05-11" };
	char out[11];
	clock_add_workdays("2024-04-26", 1, hol, 5, work, 2, out);      /* Fri -> the make-up Sunday */
	assert_string_equal(out, "2024-04-28");
	clock_add_workdays("2024-04-30", 1, hol, 5, work, 2, out);      /* Tue -> after the holiday */
	assert_string_equal(out, "2024-05-06");
	clock_add_workdays("2024-05-02", 0, hol, 5, work, 2, out);
	assert_string_equal(out, "2024-05-06");
	/* Mon 6 .. Fri 10 are 1..5, Sat 11 is a workday: 6. */
	clock_add_workdays("2024-04-30", 6, hol, 5, work, 2, out);
	assert_string_equal(out, "2024-05-11");
	clock_add_workdays("2024-04-30", 7, hol, 5, work, 2, out);
	assert_string_equal(out, "2024-05-13");
}

int main(void)
{
	/* Local days are the hall's: fix the zone so the test means the same everywhere. */
	setenv("TZ", "Asia/Shanghai", 1);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_now_fixed),
		cmocka_unit_test(test_now_malformed),
		cmocka_unit_test(test_parse_hhmm),
		cmocka_unit_test(test_valid_day),
		cmocka_unit_test(test_workdays_plain),
		cmocka_unit_test(test_workdays_holidays),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
