/* cli-recall.c - `qdesk recall WINDOW --staff ID`: call the window's current number again. */
#include <stdio.h>
#include "cli.h"
#include "qdesk/i18n.h"

int cli_recall(struct cli *c, int argc, char **argv)
{
	struct ticket t;
	int w, rc = cli_window_action(c, argc, argv, queue_recall, &t, &w);
	if (rc)
		return rc;
	cli_print_ticket(c, &t, _("called again to window %d (call %d)"), w, t.calls);
	return 0;
}
