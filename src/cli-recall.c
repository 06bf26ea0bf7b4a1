/* cli-recall.c - `qdesk recall WINDOW --staff ID`: call the window's current number again. */
#include <stdio.h>
#include "cli.h"
#include "qdesk/i18n.h"

int cli_recall(struct cli *c, int argc, char **argv)
{
	const char *staff = NULL;
	const struct cli_opt opts[] = { { "staff", &staff, NULL }, { NULL, NULL, NULL } };
	int w, rc = cli_window_command(c, argc, argv, opts, &w, &staff);
	if (rc)
		return rc;
	struct ticket t;
	enum qd_status s = queue_recall(c->st, c->hall, w, staff, &t);
	char what[128];
	snprintf(what, sizeof what, _("called again to window %d (call %d)"), w, t.calls);
	return cli_ticket_result(c, s, &t, what);
}
