/* cli-noshow.c - `qdesk noshow WINDOW --staff ID`: the current number did not come (过号). */
#include "cli.h"
#include "qdesk/i18n.h"

int cli_noshow(struct cli *c, int argc, char **argv)
{
	const char *staff = NULL;
	const struct cli_opt opts[] = { { "staff", &staff, NULL }, { NULL, NULL, NULL } };
	int w, rc = cli_window_command(c, argc, argv, opts, &w, &staff);
	if (rc)
		return rc;
	struct ticket t;
	enum qd_status s = queue_noshow(c->st, c->hall, w, staff, &t);
	return cli_ticket_result(c, s, &t, _("marked a no-show"));
}
