/* test-json.c - the --json writer: nesting, commas, escaping, and text that is not well-formed
 * UTF-8 (what a user typed, echoed back) still giving output that parses. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include "qdesk/json.h"

/* Run fn on a JSON writer over a memory stream; the text written, malloc'd. */
static char *written(void (*fn)(struct json *))
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	assert_non_null(f);
	struct json j;
	json_begin(&j, f);
	fn(&j);
	json_end(&j);
	fclose(f);
	return buf;
}

static void nested(struct json *j)
{
	json_bool(j, "ok", 1);
	json_array(j, "list");
	json_object(j, NULL);
	json_int(j, "n", -12);
	json_str(j, "s", NULL);
	json_close(j);
	json_object(j, NULL);
	json_close(j);
}

static void test_nesting(void **state)
{
	(void)state;
	char *out = written(nested);
	assert_string_equal(out, "{\"ok\":true,\"list\":[{\"n\":-12,\"s\":null},{}]}\n");
	free(out);
}

static void escapes(struct json *j)
{
	json_str(j, "k", "a\"b\\c\nd\x01\x7f 张𠮷");
}

static void test_escapes(void **state)
{
	(void)state;
	char *out = written(escapes);
	assert_string_equal(out, "{\"k\":\"a\\\"b\\\\c\\nd\\u0001\\u007f 张𠮷\"}\n");
	free(out);
}

static void bad_utf8(struct json *j)
{
	/* a stray continuation byte, a lone lead byte, an overlong '/', a surrogate, past U+10FFFF,
	 * a sequence cut short at the end */
	json_str(j, "k", "a\x80" "b\xc3" "c\xc0\xaf" "d\xed\xa0\x80" "e\xf4\x90\x80\x80" "f\xe5\xbc");
}

static void test_bad_utf8_replaced(void **state)
{
	(void)state;
	char *out = written(bad_utf8);
	assert_string_equal(out, "{\"k\":\"a\\ufffdb\\ufffdc\\ufffd\\ufffdd\\ufffd\\ufffd\\ufffde"
	                         "\\ufffd\\ufffd\\ufffd\\ufffdf\\ufffd\\ufffd\"}\n");
	free(out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_nesting),
		cmocka_unit_test(test_escapes),
		cmocka_unit_test(test_bad_utf8_replaced),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
