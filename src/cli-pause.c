/* cli-pause.c - `qdesk pause WINDOW --staff ID [--reason R]`: stop calling, with a reason. */
#include "cli.h"
#include "qdesk/i18n.h"

int cli_pause(struct cli *c, int argc, char **argv)
{
	const char *staff = NULL, *reason = NULL;
	const struct cli_opt opts[] = {
		{ "staff", &staff, NULL }, { "reason", &reason, NULL }, { NULL, NULL, NULL } };
	int w, rc = cli_window_command(c, argc, argv, opts, &w, &staff);
	if (rc)
		return rc;
	if (!reason && c->hall->npauses)
		reason = c->hall->pauses[0].id;
	const struct hall_item *r = hall_item(c->hall->pauses, c->hall->npauses, reason);
	if (!r)
		return cli_fail(c, QD_ERR_NO_CHOICE, reason);
	enum qd_status s = queue_pause(c->st, c->hall, w, staff, r->id);
	return cli_window_result(c, s, w, "paused", r->id, r->name);
}
