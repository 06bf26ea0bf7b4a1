/* cli-noshow.c - `qdesk noshow WINDOW --staff ID`: the current number did not come (过号). */
#include "cli.h"
#include "qdesk/i18n.h"

int cli_noshow(struct cli *c, int argc, char **argv)
{
	struct ticket t;
	int w, rc = cli_window_action(c, argc, argv, queue_noshow, &t, &w);
	if (rc)
		return rc;
	cli_print_ticket(c, &t, "%s", _("marked a no-show"));
	return 0;
}
