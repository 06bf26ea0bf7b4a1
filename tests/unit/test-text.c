/* test-text.c - UTF-8 validation, column widths (ASCII, 中文, 𠮷 outside the BMP, combining
 * marks), truncation that never cuts a wide character, padding, sanitising of escape sequences,
 * control characters and invalid bytes, clean-text checks, masked names and phone numbers, phone validation. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <locale.h>
#include <string.h>
#include "qdesk/text.h"

static void test_valid_utf8(void **state)
{
	(void)state;
	assert_true(text_valid_utf8(""));
	assert_true(text_valid_utf8("abc 中文 𠮷"));
	assert_false(text_valid_utf8("\xff"));
	assert_false(text_valid_utf8("\xc0\xaf"));            /* overlong '/' */
	assert_false(text_valid_utf8("\xe0\x80\xaf"));        /* overlong */
	assert_false(text_valid_utf8("\xed\xa0\x80"));        /* surrogate */
	assert_false(text_valid_utf8("\xf4\x90\x80\x80"));    /* beyond U+10FFFF */
	assert_false(text_valid_utf8("\xe4\xb8"));            /* truncated 中 */
	assert_false(text_valid_utf8(NULL));
}

static void test_is_clean(void **state)
{
	(void)state;
	assert_true(text_is_clean("王小明 𠮷 A-01"));
	assert_true(text_is_clean(""));
	assert_false(text_is_clean("a\x1b[31m"));
	assert_false(text_is_clean("a\tb"));
	assert_false(text_is_clean("a\xc2\x85"));               /* C1 NEL */
	assert_false(text_is_clean("\xe2\x80\xae" "abc"));       /* bidi override */
	assert_false(text_is_clean("\xff"));
	assert_false(text_is_clean(NULL));
}

static void test_width(void **state)
{
	(void)state;
	assert_int_equal(text_width(""), 0);
	assert_int_equal(text_width("A001"), 4);
	assert_int_equal(text_width("中文"), 4);
	assert_int_equal(text_width("𠮷"), 2);
	assert_int_equal(text_width("吉𠮷祥"), 6);
	assert_int_equal(text_width("e\xcc\x81"), 1);          /* e + combining acute */
	assert_int_equal(text_width("「A001」"), 8);
	assert_int_equal(text_width("\x01"), 1);               /* drawn as '?' */
	assert_int_equal(text_width("\xff"), 1);
	assert_int_equal(text_width(NULL), 0);
}

static void test_truncate(void **state)
{
	(void)state;
	char out[64];
	assert_int_equal(text_truncate("中文字", 5, out, sizeof out), 4);
	assert_string_equal(out, "中文");
	assert_int_equal(text_truncate("中文字", 6, out, sizeof out), 6);
	assert_string_equal(out, "中文字");
	assert_int_equal(text_truncate("a中", 2, out, sizeof out), 1);
	assert_string_equal(out, "a");
	assert_int_equal(text_truncate("𠮷𠮷", 3, out, sizeof out), 2);
	assert_string_equal(out, "𠮷");
	assert_int_equal(text_truncate("abc", 0, out, sizeof out), 0);
	assert_string_equal(out, "");
	/* A combining mark stays with its letter. */
	assert_int_equal(text_truncate("e\xcc\x81x", 1, out, sizeof out), 1);
	assert_string_equal(out, "e\xcc\x81");
	/* The byte limit never cuts a character either: 中 needs 3 bytes + NUL. */
	char small[6];
	assert_int_equal(text_truncate("中文", 10, small, sizeof small), 2);
	assert_string_equal(small, "中");
	assert_true(text_valid_utf8(small));
	/* What it copies is safe to draw. */
	assert_int_equal(text_truncate("a\x1b[2Jb", 10, out, sizeof out), 3);
	assert_string_equal(out, "a?b");
}

static void test_pad(void **state)
{
	(void)state;
	char out[64];
	assert_int_equal(text_pad("中文字", 5, out, sizeof out), 5);
	assert_string_equal(out, "中文 ");
	assert_int_equal(text_pad("A1", 4, out, sizeof out), 4);
	assert_string_equal(out, "A1  ");
	assert_int_equal(text_pad("", 3, out, sizeof out), 3);
	assert_string_equal(out, "   ");
	assert_int_equal(text_width(out), 3);
	char small[4];
	assert_int_equal(text_pad("a", 8, small, sizeof small), 3);
	assert_string_equal(small, "a  ");
}

static void test_sanitize(void **state)
{
	(void)state;
	char out[64];
	text_sanitize("\x1b[31m红色\x1b[0m", out, sizeof out);
	assert_string_equal(out, "?红色?");
	text_sanitize("a\tb\nc\x7f", out, sizeof out);
	assert_string_equal(out, "a?b?c?");
	text_sanitize("\x1b]0;title\x07x", out, sizeof out);       /* OSC with BEL */
	assert_string_equal(out, "?x");
	text_sanitize("\xc2\x9b" "31mx\xc2\x85y", out, sizeof out);  /* C1 CSI, NEL */
	assert_string_equal(out, "?x?y");
	text_sanitize("ok\xff\xfe中", out, sizeof out);
	assert_string_equal(out, "ok??中");
	text_sanitize("\xe2\x80\xae" "abc", out, sizeof out);       /* bidi override */
	assert_string_equal(out, "?abc");
	text_sanitize("张𠮷", out, sizeof out);
	assert_string_equal(out, "张𠮷");
	text_sanitize("\x1b", out, sizeof out);                     /* a lone ESC at the end */
	assert_string_equal(out, "?");
	char small[5];
	text_sanitize("中文", small, sizeof small);
	assert_string_equal(small, "中");
}

static void test_mask_name(void **state)
{
	(void)state;
	char out[64];
	text_mask_name("张三", out, sizeof out);
	assert_string_equal(out, "张*");
	text_mask_name("欧阳修", out, sizeof out);
	assert_string_equal(out, "欧**");
	text_mask_name("张", out, sizeof out);
	assert_string_equal(out, "*");
	text_mask_name("𠮷祥", out, sizeof out);
	assert_string_equal(out, "𠮷*");
	text_mask_name(" 李四 ", out, sizeof out);
	assert_string_equal(out, "李*");
	text_mask_name("", out, sizeof out);
	assert_string_equal(out, "");
	text_mask_name(NULL, out, sizeof out);
	assert_string_equal(out, "");
	text_mask_name("\x1b[31m王五", out, sizeof out);
	assert_string_equal(out, "?**");
}

static void test_phone(void **state)
{
	(void)state;
	char out[16];
	assert_true(text_valid_phone("13812341234"));
	assert_true(text_valid_phone("19900001111"));
	assert_false(text_valid_phone("12812341234"));
	assert_false(text_valid_phone("1381234123"));
	assert_false(text_valid_phone("138123412345"));
	assert_false(text_valid_phone("1381234123a"));
	assert_false(text_valid_phone(NULL));
	text_mask_phone("13812341234", out, sizeof out);
	assert_string_equal(out, "138****1234");
	text_mask_phone("", out, sizeof out);
	assert_string_equal(out, "");
}

int main(void)
{
	if (!setlocale(LC_ALL, "C.UTF-8"))
		return 77;
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid_utf8),
		cmocka_unit_test(test_is_clean),
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_truncate),
		cmocka_unit_test(test_pad),
		cmocka_unit_test(test_sanitize),
		cmocka_unit_test(test_mask_name),
		cmocka_unit_test(test_phone),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
