/* cli-requeue.c - `qdesk requeue TICKET --staff ID`: a missed person came back (same day). */
#include "cli.h"
#include "qdesk/i18n.h"

int cli_requeue(struct cli *c, int argc, char **argv)
{
	const char *staff = NULL, *pos[1];
	const struct cli_opt opts[] = { { "staff", &staff, NULL }, { NULL, NULL, NULL } };
	int rc = cli_parse(c, argc, argv, opts, pos, 1, 1);
	if (rc)
		return rc;
	if (!staff || !*staff)
		return cli_usage(argv[0], _("--staff ID is required"));
	if ((rc = cli_store(c, 0)))
		return rc;
	struct ticket t;
	enum qd_status s = queue_requeue(c->st, c->hall, pos[0], staff, &t);
	return cli_ticket_result(c, s, &t, _("is back in the queue"));
}
