/* test-drafts.c - the shared rules of issue 7's framework: case drafts kept masked with their
 * ticket (an invalid ID or phone left out, masked values kept, replaced and dropped), the wait past
 * its type's target, and the ID and mobile checks as typed. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "qdesk/drafts.h"
#include "qdesk/fieldcheck.h"
#include "qdesk/queue.h"
#include "qdesk/wait.h"
#include "hall-fixture.h"
#include "tmpdb.h"

struct fixture { struct tmpdb db; struct store *st; struct hall h; };

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	if (!f)
		return -1;
	*state = f;
	setenv("QDESK_NOW", "2024-05-10 10:00:00", 1);
	if (tmpdb_open(&f->db, "drafts") != 0)
		return -1;
	f->st = f->db.st;
	fx_hall(&f->h);
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	int rc = tmpdb_close(&f->db);
	free(f);
	unsetenv("QDESK_NOW");
	return rc == 0 ? 0 : -1;
}

static void test_drafts(void **state)
{
	struct fixture *f = *state;
	struct issue_input in = { .type = "A" };
	struct ticket t;
	assert_int_equal(queue_issue(f->st, &f->h, &in, &t), QD_OK);
	const char *helps[] = { "form" };
	struct case_input c[2] = {
		{ .matter = "m", .outcome = "done", .helps = helps, .nhelps = 1, .minutes = 5,
		  .applicant = "张三丰", .id_number = "11010519491231002X", .phone = "13812345678",
		  .note = "备注" },
		{ .applicant_masked = "李*", .id_number = "1101051949", .phone = "138",
		  .id_masked = "110105********002X" },
	};
	assert_int_equal(drafts_keep(f->st, t.id, 1, NULL, c, 2), QD_OK);
	struct draft_case *d = NULL;
	size_t n = 0;
	assert_int_equal(drafts_get(f->st, t.id, &d, &n), QD_OK);
	assert_int_equal(n, 2);
	assert_string_equal(d[0].applicant_masked, "张**");
	assert_string_equal(d[0].id_masked, "110105********002X");
	assert_string_equal(d[0].phone_masked, "138****5678");
	assert_int_equal(d[0].age, 74);
	assert_int_equal(d[0].nhelps, 1);
	assert_string_equal(d[0].helps[0], "form");
	assert_int_equal(d[0].minutes, 5);
	assert_string_equal(d[0].note, "备注");
	/* an ID or phone not yet valid is not kept (not even masked); a plain one wins over a mask */
	assert_string_equal(d[1].applicant_masked, "李*");
	assert_string_equal(d[1].id_masked, "");
	assert_string_equal(d[1].phone_masked, "");
	free(d);
	/* keeping again replaces; dropping forgets */
	assert_int_equal(drafts_keep(f->st, t.id, 1, NULL, c, 1), QD_OK);
	assert_int_equal(drafts_get(f->st, t.id, &d, &n), QD_OK);
	assert_int_equal(n, 1);
	free(d);
	assert_int_equal(drafts_drop(f->st, t.id), QD_OK);
	assert_int_equal(drafts_get(f->st, t.id, &d, &n), QD_OK);
	assert_int_equal(n, 0);
	assert_null(d);
}

static void test_wait(void **state)
{
	struct fixture *f = *state;
	struct ticket t;
	memset(&t, 0, sizeof t);
	snprintf(t.type, sizeof t.type, "A");
	snprintf(t.state, sizeof t.state, "waiting");
	t.issued_at = 1000;
	assert_int_equal(wait_target(&f->h, &t), 30);
	assert_int_equal(wait_minutes(&t, 1000 + 29 * 60 + 59), 29);
	assert_false(wait_late(&f->h, &t, 1000 + 29 * 60 + 59));
	assert_true(wait_late(&f->h, &t, 1000 + 30 * 60));
	assert_int_equal(wait_minutes(&t, 0), 0);               /* never negative */
	/* called: the wait ends at the call */
	snprintf(t.state, sizeof t.state, "called");
	t.called_at = 1000 + 5 * 60;
	assert_int_equal(wait_minutes(&t, 1000 + 90 * 60), 5);
	assert_false(wait_late(&f->h, &t, 1000 + 90 * 60));
	/* the queue it waits in counts (after a transfer); a type without a target never is late */
	snprintf(t.state, sizeof t.state, "waiting");
	snprintf(t.queue_type, sizeof t.queue_type, "Z");
	assert_int_equal(wait_target(&f->h, &t), 0);
	assert_false(wait_late(&f->h, &t, 1000 + 900 * 60));
}

static void test_fieldcheck(void **state)
{
	(void)state;
	assert_null(fieldcheck_id("", 1, "2024-05-10"));
	assert_null(fieldcheck_id("1101051949", 0, "2024-05-10"));
	assert_non_null(fieldcheck_id("1101051949", 1, "2024-05-10"));
	assert_non_null(strstr(fieldcheck_id("110105194912310", 1, "2024-05-10"), "15-digit"));
	assert_null(fieldcheck_id("11010519491231002X", 1, "2024-05-10"));
	assert_null(fieldcheck_id("11010519491231002x", 1, "2024-05-10"));
	assert_non_null(fieldcheck_id("110105194912310021", 1, "2024-05-10"));   /* check character */
	assert_non_null(fieldcheck_id("11010519491231002XX", 0, "2024-05-10"));
	assert_non_null(fieldcheck_id("1101a", 0, "2024-05-10"));
	assert_null(fieldcheck_phone("138", 0));
	assert_non_null(fieldcheck_phone("138", 1));
	assert_non_null(fieldcheck_phone("12", 0));
	assert_null(fieldcheck_phone("13812345678", 1));
	char m[32];
	fieldcheck_mask_id("11010519491231002x", m, sizeof m);
	assert_string_equal(m, "110105********002X");
	fieldcheck_mask_id("110105194912310", m, sizeof m);
	assert_string_equal(m, "110105*****2310");
	fieldcheck_mask_id("1234", m, sizeof m);
	assert_string_equal(m, "****");
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_drafts, setup, teardown),
		cmocka_unit_test_setup_teardown(test_wait, setup, teardown),
		cmocka_unit_test_setup_teardown(test_fieldcheck, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
