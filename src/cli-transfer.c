/* cli-transfer.c - `qdesk transfer WINDOW --staff ID (--type TYPE | --window N)`. */
#include <stdio.h>
#include "cli.h"
#include "qdesk/i18n.h"

int cli_transfer(struct cli *c, int argc, char **argv)
{
	const char *staff = NULL, *type = NULL, *to = NULL;
	const struct cli_opt opts[] = { { "staff", &staff, NULL }, { "type", &type, NULL },
	                                { "window", &to, NULL }, { NULL, NULL, NULL } };
	int w, to_window = 0, rc = cli_window_command(c, argc, argv, opts, &w, &staff);
	if (rc)
		return rc;
	if (!type == !to)
		return cli_usage(argv[0], _("give exactly one of --type TYPE and --window N"));
	if (to && (rc = cli_int(argv[0], "--window", to, 1, 9999, &to_window)))
		return rc;
	struct ticket t;
	enum qd_status s = queue_transfer(c->st, c->hall, w, staff, type, to_window, &t);
	char what[256];
	const struct hall_type *ht = type ? hall_type(c->hall, type) : NULL;
	if (to_window)
		snprintf(what, sizeof what, _("transferred to window %d"), to_window);
	else
		snprintf(what, sizeof what, _("transferred to %s"), ht ? ht->name : type);
	return cli_ticket_result(c, s, &t, what);
}
