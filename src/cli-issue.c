/* cli-issue.c - `qdesk issue TYPE …`: issue a queue ticket (what a guide or a kiosk does). */
#include <stdio.h>
#include "cli.h"
#include "qdesk/guide.h"
#include "qdesk/i18n.h"

int cli_issue(struct cli *c, int argc, char **argv)
{
	struct issue_input in = { 0 };
	int print = 0;
	const char *pos[1];
	const struct cli_opt opts[] = {
		{ "priority", &in.priority, NULL }, { "id-number", &in.id_number, NULL },
		{ "phone", &in.phone, NULL }, { "note", &in.note, NULL }, { "staff", &in.staff, NULL },
		{ "request-id", &in.request_id, NULL }, { "print", NULL, &print },
		{ NULL, NULL, NULL } };
	int rc = cli_parse(c, argc, argv, opts, pos, 1, 1);
	if (rc)
		return rc;
	if (in.request_id && !queue_request_id_ok(in.request_id))
		return cli_usage("issue", _("--request-id is 1 to 64 printable characters"));
	if ((rc = cli_store(c, STORE_OPEN_WRITE)))
		return rc;
	in.type = pos[0];
	struct ticket t;
	enum qd_status s = queue_issue(c->st, c->hall, &in, &t);
	char limit[256];
	guide_refusal_detail(c->hall, in.type, s, limit, sizeof limit);   /* quota, cut-off, hours */
	if (s != QD_OK)
		return cli_fail(c, s, s == QD_ERR_NO_TYPE ? in.type : s == QD_ERR_NO_GROUP ? in.priority
		                      : s == QD_ERR_INVALID || s == QD_ERR_TOO_LONG ? "note" : limit);
	const struct hall_type *type = hall_type(c->hall, t.type);
	const struct hall_group *group = t.priority[0] ? hall_group(c->hall, t.priority) : NULL;
	char what[256];
	snprintf(what, sizeof what, _("%s%s%s, %d waiting ahead"), type ? type->name : t.type,
	         group ? " · " : "", group ? group->name : "", t.ahead);
	if (print)   /* the ticket is stored: a failed slip is reported, never a second ticket */
		return cli_print_slip(c, &t, what);
	cli_print_ticket(c, &t, "%s", what);
	return 0;
}
