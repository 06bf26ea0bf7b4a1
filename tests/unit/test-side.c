/* test-side.c - the hall's side effects without a printer or a speaker: numbers read aloud
 * (digit by digit and as Chinese numerals), the announce template, command-line splitting without
 * a shell, and slip rendering: control characters never reach the printer, characters outside
 * GBK are replaced and named, lines never split a character or pass the paper width; a job that
 * outlives its deadline is killed. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include "qdesk/announce.h"
#include "qdesk/job.h"
#include "qdesk/print.h"

static void number_is(const char *in, int each, const char *want)
{
	char out[128];
	announce_number(in, each, out, sizeof out);
	assert_string_equal(out, want);
}

static void test_number(void **state)
{
	(void)state;
	number_is("A001", 1, "A零零一");
	number_is("B120", 1, "B一二零");
	number_is("A001", 0, "A一");
	number_is("A010", 0, "A十");
	number_is("A012", 0, "A十二");
	number_is("A020", 0, "A二十");
	number_is("A105", 0, "A一百零五");
	number_is("A110", 0, "A一百一十");
	number_is("A999", 0, "A九百九十九");
	number_is("A1000", 0, "A一千");
	number_is("A1010", 0, "A一千零一十");
	number_is("A10010", 0, "A一万零一十");
	number_is("A20000", 0, "A二万");
	number_is("A000", 0, "A零");
	char small[8];
	announce_number("A001", 1, small, sizeof small);   /* whole characters only */
	assert_string_equal(small, "A零零");
}

static void test_text(void **state)
{
	(void)state;
	struct hall h;
	char out[256];
	memset(&h, 0, sizeof h);
	h.announce.template_text = (char *)"请{number}号到{window}号窗口办理";
	h.announce.digits_each = 1;
	announce_text(&h, "A001", 3, 1, out, sizeof out);
	assert_string_equal(out, "请A零零一号到3号窗口办理");
	announce_text(&h, "A001", 12, 0, out, sizeof out);
	assert_string_equal(out, "请A001号到12号窗口办理");
	h.announce.template_text = (char *)"{number} {number}, {window}";
	h.announce.digits_each = 0;
	announce_text(&h, "C012", 7, 1, out, sizeof out);
	assert_string_equal(out, "C十二 C十二, 7");
}

static void test_split(void **state)
{
	(void)state;
	const char *err = NULL;
	char **v = job_split("  lp -d 'slip printer' -o\traw \"a \\\"b\\\"\" c\\ d ", &err);
	assert_non_null(v);
	assert_string_equal(v[0], "lp");
	assert_string_equal(v[1], "-d");
	assert_string_equal(v[2], "slip printer");
	assert_string_equal(v[3], "-o");
	assert_string_equal(v[4], "raw");
	assert_string_equal(v[5], "a \"b\"");
	assert_string_equal(v[6], "c d");
	assert_null(v[7]);
	free(v);
	assert_null(job_split("   ", &err));
	assert_string_equal(err, "the command is empty");
	assert_null(job_split("lp 'x", &err));
	assert_string_equal(err, "a quote is not closed");
	assert_true(job_tcp_valid("127.0.0.1:9100"));
	assert_true(job_tcp_valid("[::1]:9100"));
	assert_true(job_tcp_valid("printer.lan:9100"));
	assert_false(job_tcp_valid("127.0.0.1"));
	assert_false(job_tcp_valid("127.0.0.1:0"));
	assert_false(job_tcp_valid("127.0.0.1:65536"));
	assert_false(job_tcp_valid(":9100"));
	assert_false(job_tcp_valid("h:9x"));
}

static struct print_slip slip(void)
{
	struct print_slip s;
	memset(&s, 0, sizeof s);
	s.hall = "𠮷祥县\x1b[2J政务服务中心";
	s.number = "A001";
	s.type_name = "企业开办";
	s.ahead = 3;
	s.issued_at = 1795424400;
	s.notice = "请留意叫号，过号请到导服台办理。当日有效。请妥善保管本票，遗失可到导服台补打。";
	return s;
}

static void test_render(void **state)
{
	(void)state;
	struct print_slip s = slip();
	struct print_bytes b;
	assert_int_equal(print_render(&s, 32, 1, &b), QD_OK);
	assert_string_equal(b.replaced, "𠮷");
	assert_int_equal(b.nreplaced, 1);
	assert_memory_equal(b.data, "\x1b@\x1c&", 4);
	assert_memory_equal(b.data + b.len - 4, "\x1dV\x42\x00", 4);
	/* Only the slip's own commands: no ESC from the hall name reaches the printer. */
	size_t escs = 0;
	for (size_t i = 0; i < b.len; i++)
		escs += b.data[i] == 0x1b;
	assert_int_equal(escs, 6);   /* ESC @, ESC a 1, ESC E 1, ESC E 0, ESC a 0, ESC d: no other */
	/* Every line fits 32 columns (one GB18030 byte = one column). */
	size_t col = 0;
	for (size_t i = 0; i < b.len; i++) {
		unsigned char c = (unsigned char)b.data[i];
		if (c == '\n') {
			col = 0;
		} else if (c >= 0x20) {
			col++;
			assert_true(col <= 32);
		} else if (c == 0x1b || c == 0x1d || c == 0x1c) {
			i += c == 0x1c || (c == 0x1b && b.data[i + 1] == '@') ? 1 : c == 0x1d && b.data[i + 1] == 'V' ? 3 : 2;
		}
	}
	print_bytes_free(&b);
	/* The plain text keeps 𠮷 and replaces the escape. */
	assert_int_equal(print_render(&s, 32, 0, &b), QD_OK);
	assert_non_null(strstr(b.data, "𠮷祥县?[2J政务服务中心"));
	assert_null(strchr(b.data, 0x1b));
	assert_non_null(strstr(b.data, "A001"));
	print_bytes_free(&b);
	s.hall = "bad \xff utf-8";
	assert_int_equal(print_render(&s, 32, 1, &b), QD_ERR_INVALID);
}

static void test_job_deadline(void **state)
{
	(void)state;
	struct job *j = NULL;
	assert_int_equal(job_start(JOB_COMMAND, "sleep 30", "x", 1, 200, &j), QD_OK);
	assert_int_equal(job_poll(j), JOB_RUNNING);
	assert_int_equal(job_wait(j), JOB_TIMEOUT);
	job_free(j);
	assert_int_equal(job_start(JOB_COMMAND, "sh -c 'cat >/dev/null; echo no paper >&2; exit 3'",
	                           "slip", 4, 5000, &j), QD_OK);
	assert_int_equal(job_wait(j), JOB_FAILED);
	assert_non_null(strstr(job_message(j), "no paper"));
	job_free(j);
	assert_int_equal(job_start(JOB_COMMAND, "lp 'x", "", 0, 100, &j), QD_ERR_INVALID);
	job_free(NULL);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_number),
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_split),
		cmocka_unit_test(test_render),
		cmocka_unit_test(test_job_deadline),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
