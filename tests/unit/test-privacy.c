/* test-privacy.c - personal numbers masked in free text: 18-character IDs (X in any case and
 * width), old 15-digit IDs, long digit runs, mobile numbers alone, with a country or trunk prefix,
 * written 3-4-4 or in full-width digits; what is not personal left alone; the count told. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>
#include "qdesk/privacy.h"

static void check(const char *in, const char *want, size_t nwant)
{
	char out[512];
	size_t n = privacy_mask_text(in, out, sizeof out);
	assert_string_equal(out, want);
	assert_int_equal(n, nwant);
}

static void test_ids(void **state)
{
	(void)state;
	check("身份证110105195003151230电话13912345678", "身份证110105********1230电话139****5678", 2);
	check("11010519491231002x", "110105********002X", 1);
	check("11010519491231002\xEF\xBC\xB8", "110105********002X", 1);     /* full-width Ｘ */
	check("旧证110105491231002号", "旧证110105*****1002号", 1);
	check("卡6222021234567890123", "卡622202*********0123", 1);
}

static void test_phones(void **state)
{
	(void)state;
	check("+86 139 1234 5678", "+86 139****5678", 1);
	check("8613912345678", "86139****5678", 1);
	check("013912345678", "0139****5678", 1);
	check("电话139-1234-5678。", "电话139****5678。", 1);
	check("\xEF\xBC\x91\xEF\xBC\x93\xEF\xBC\x99\xEF\xBC\x91\xEF\xBC\x92\xEF\xBC\x93\xEF\xBC\x94"
	      "\xEF\xBC\x95\xEF\xBC\x96\xEF\xBC\x97\xEF\xBC\x98", "139****5678", 1);   /* full width */
}

static void test_left_alone(void **state)
{
	(void)state;
	check("A001 2026-11-23 09:30 12345678901 0571-8888888 3号窗口",
	      "A001 2026-11-23 09:30 12345678901 0571-8888888 3号窗口", 0);
	check("", "", 0);
	char out[8];
	assert_int_equal(privacy_mask_text(NULL, out, sizeof out), 0);
	assert_string_equal(out, "");
	/* never past the buffer, however long the text; a number cut there is left out */
	assert_int_equal(privacy_mask_text("123 13912345678", out, sizeof out), 0);
	assert_string_equal(out, "123 ");
}

static void test_take(void **state)
{
	(void)state;
	char out[64];
	privacy_take();
	privacy_mask_text("13912345678 13812345678", out, sizeof out);
	assert_int_equal(privacy_take(), 2);
	assert_int_equal(privacy_take(), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ids),
		cmocka_unit_test(test_phones),
		cmocka_unit_test(test_left_alone),
		cmocka_unit_test(test_take),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
