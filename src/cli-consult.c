/* cli-consult.c - `qdesk consult [--window N | --desk N] --staff ID [--topic TEXT]`: log a quick
 * question (咨询) at a window, a guide desk or neither. */
#include <stdio.h>
#include "cli.h"
#include "qdesk/cases.h"
#include "qdesk/guide.h"
#include "qdesk/i18n.h"

int cli_consult(struct cli *c, int argc, char **argv)
{
	const char *staff = NULL, *window = NULL, *topic = NULL, *desk = NULL;
	const struct cli_opt opts[] = { { "staff", &staff, NULL }, { "window", &window, NULL },
	                                { "topic", &topic, NULL }, { "desk", &desk, NULL },
	                                { NULL, NULL, NULL } };
	int w = 0, d = 0, rc = cli_parse(c, argc, argv, opts, NULL, 0, 0);
	if (rc)
		return rc;
	if (!staff || !*staff)
		return cli_usage(argv[0], _("--staff ID is required"));
	if (window && desk)
		return cli_usage(argv[0], _("give --window or --desk, not both"));
	if (window && (rc = cli_int(argv[0], "--window", window, 1, 9999, &w)))
		return rc;
	if (desk && (rc = cli_int(argv[0], "--desk", desk, 1, 999, &d)))
		return rc;
	if ((rc = cli_store(c, 0)))
		return rc;
	long long id = 0;
	enum qd_status s = d ? guide_log(c->st, c->hall, d, staff, GUIDE_CONSULT, topic, &id)
	                     : cases_log_consult(c->st, c->hall, w, staff, topic, &id);
	if (s != QD_OK)
		return cli_fail(c, s, NULL);
	char text[128];
	snprintf(text, sizeof text, _("consultation %lld logged"), id);
	return cli_print_recorded(c, "consultation", id, text);
}
