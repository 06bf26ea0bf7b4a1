/* cli-undo.c - `qdesk undo WINDOW --staff ID`: take back the window's last no-show or finish. */
#include "cli.h"
#include "qdesk/i18n.h"

int cli_undo(struct cli *c, int argc, char **argv)
{
	struct ticket t;
	int w, rc = cli_window_action(c, argc, argv, queue_undo, &t, &w);
	if (rc)
		return rc;
	cli_print_ticket(c, &t, _("is the current number at window %d again"), w);
	return 0;
}
