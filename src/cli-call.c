/* cli-call.c - `qdesk call WINDOW --staff ID [--number TICKET]`: call the next (or a given) number.
 * Exit 3 when nobody is waiting, so hardware callers and scripts can tell. */
#include <stdio.h>
#include "cli.h"
#include "qdesk/i18n.h"

int cli_call(struct cli *c, int argc, char **argv)
{
	const char *staff = NULL, *number = NULL;
	const struct cli_opt opts[] = {
		{ "staff", &staff, NULL }, { "number", &number, NULL }, { NULL, NULL, NULL } };
	int w, rc = cli_window_command(c, argc, argv, opts, &w, &staff);
	if (rc)
		return rc;
	struct ticket t;
	enum qd_status s = number ? queue_call_number(c->st, c->hall, w, staff, number, &t)
	                          : queue_call_next(c->st, c->hall, w, staff, &t);
	if (s == QD_ERR_NOT_FOUND || s == QD_ERR_NOT_WAITING)
		return cli_fail(c, s, number);
	char what[256];
	const struct hall_type *type = s == QD_OK ? hall_type(c->hall, t.queue_type) : NULL;   /* where it waited */
	snprintf(what, sizeof what, _("called to window %d (%s)"), w, type ? type->name : t.queue_type);
	return cli_ticket_result(c, s, &t, what);
}
