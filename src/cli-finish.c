/* cli-finish.c - `qdesk finish WINDOW --staff ID [case fields] [--rating 1-5]`: the current number
 * was served; log its case and evaluation in the same transaction. */
#include <stdio.h>
#include <string.h>
#include "cli.h"
#include "qdesk/cases.h"
#include "qdesk/i18n.h"

/* Split "a,b,c" in place into at most max items; returns how many, or -1 if there are too many. */
static int split_list(char *s, const char **items, int max)
{
	int n = 0;
	for (char *save = NULL, *tok = strtok_r(s, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		if (n == max)
			return -1;
		items[n++] = tok;
	}
	return n;
}

static void print_result(struct cli *c, const struct finish_result *r, int rating)
{
	if (c->json) {
		struct json j;
		json_begin(&j, stdout);
		json_bool(&j, "ok", 1);
		cli_json_ticket(c, &j, "ticket", &r->ticket);
		if (r->case_id) json_int(&j, "case", r->case_id); else json_str(&j, "case", NULL);
		if (r->evaluation_id) json_int(&j, "evaluation", r->evaluation_id); else json_str(&j, "evaluation", NULL);
		if (r->rectification_id)
			json_int(&j, "rectification", r->rectification_id);
		else
			json_str(&j, "rectification", NULL);
		json_str(&j, "deadline", r->rectification_id ? r->deadline : NULL);
		json_end(&j);
		return;
	}
	printf("%s %s", r->ticket.number, _("finished"));
	if (r->case_id)
		printf(_(", case %lld logged"), r->case_id);
	if (r->evaluation_id)
		printf(_(", rated %d"), rating);
	if (r->rectification_id)
		printf(_(", rectification %lld due %s"), r->rectification_id, r->deadline);
	putchar('\n');
}

int cli_finish(struct cli *c, int argc, char **argv)
{
	const char *staff = NULL, *helps = NULL, *minutes = NULL, *rating_s = NULL, *reason = NULL;
	struct case_input in = { 0 };
	const struct cli_opt opts[] = {
		{ "staff", &staff, NULL }, { "outcome", &in.outcome, NULL }, { "mode", &in.mode, NULL },
		{ "elderly-help", &helps, NULL }, { "minutes", &minutes, NULL },
		{ "matter", &in.matter, NULL }, { "case-category", &in.category, NULL },
		{ "channel", &in.channel, NULL }, { "rating", &rating_s, NULL }, { "reason", &reason, NULL },
		{ "applicant", &in.applicant, NULL }, { "id-number", &in.id_number, NULL },
		{ "phone", &in.phone, NULL }, { "note", &in.note, NULL }, { NULL, NULL, NULL } };
	int w, rating = 0, rc = cli_window_command(c, argc, argv, opts, &w, &staff);
	if (rc)
		return rc;
	if (minutes && (rc = cli_int(argv[0], "--minutes", minutes, 0, 24 * 60, &in.minutes)))
		return rc;
	if (rating_s && (rc = cli_int(argv[0], "--rating", rating_s, 1, 5, &rating)))
		return rc;
	char help_buf[512];
	const char *help_items[HALL_HELPS_MAX];
	if (helps) {
		snprintf(help_buf, sizeof help_buf, "%s", helps);
		int n = split_list(help_buf, help_items, HALL_HELPS_MAX);
		if (n < 0)
			return cli_usage(argv[0], _("too many --elderly-help types"));
		in.helps = help_items;
		in.nhelps = (size_t)n;
	}
	const char *field = NULL;
	enum qd_status s = cases_validate(c->hall, &in, &field);
	if (s != QD_OK)
		return cli_fail(c, s, field);
	struct finish_result r;
	s = queue_finish(c->st, c->hall, w, staff, &in, 1, rating, reason, &r);
	if (s != QD_OK)
		return cli_fail(c, s, NULL);
	print_result(c, &r, rating);
	return 0;
}
