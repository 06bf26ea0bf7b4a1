/* cli-guided.c - `qdesk guided --desk N --staff ID [--note TEXT]`: log a guided handling (导办) at a
 * guide desk. */
#include <stdio.h>
#include "cli.h"
#include "qdesk/guide.h"
#include "qdesk/i18n.h"

int cli_guided(struct cli *c, int argc, char **argv)
{
	const char *staff = NULL, *desk = NULL, *note = NULL;
	const struct cli_opt opts[] = { { "staff", &staff, NULL }, { "desk", &desk, NULL },
	                                { "note", &note, NULL }, { NULL, NULL, NULL } };
	int d = 0, rc = cli_parse(c, argc, argv, opts, NULL, 0, 0);
	if (rc)
		return rc;
	if (!staff || !*staff)
		return cli_usage(argv[0], _("--staff ID is required"));
	if (!desk)
		return cli_usage(argv[0], _("--desk N is required"));
	if ((rc = cli_int(argv[0], "--desk", desk, 1, 999, &d)) || (rc = cli_store(c, 0)))
		return rc;
	long long id = 0;
	enum qd_status s = guide_log(c->st, c->hall, d, staff, GUIDE_GUIDED, note, &id);
	if (s != QD_OK)
		return cli_fail(c, s, s == QD_ERR_INVALID || s == QD_ERR_TOO_LONG ? "note" : NULL);
	char text[128];
	snprintf(text, sizeof text, _("guided handling %lld logged"), id);
	return cli_print_recorded(c, "case", id, text);
}
