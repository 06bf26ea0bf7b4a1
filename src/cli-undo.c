/* cli-undo.c - `qdesk undo WINDOW --staff ID`: take back the window's last no-show or finish. */
#include <stdio.h>
#include "cli.h"
#include "qdesk/i18n.h"

int cli_undo(struct cli *c, int argc, char **argv)
{
	const char *staff = NULL;
	const struct cli_opt opts[] = { { "staff", &staff, NULL }, { NULL, NULL, NULL } };
	int w, rc = cli_window_command(c, argc, argv, opts, &w, &staff);
	if (rc)
		return rc;
	struct ticket t;
	enum qd_status s = queue_undo(c->st, c->hall, w, staff, &t);
	char what[128];
	snprintf(what, sizeof what, _("is the current number at window %d again"), w);
	return cli_ticket_result(c, s, &t, what);
}
