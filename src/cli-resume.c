/* cli-resume.c - `qdesk resume WINDOW --staff ID`: end a pause. */
#include "cli.h"
#include "qdesk/i18n.h"

int cli_resume(struct cli *c, int argc, char **argv)
{
	const char *staff = NULL;
	const struct cli_opt opts[] = { { "staff", &staff, NULL }, { NULL, NULL, NULL } };
	int w, rc = cli_window_command(c, argc, argv, opts, &w, &staff);
	if (rc)
		return rc;
	enum qd_status s = queue_resume(c->st, c->hall, w, staff);
	return cli_window_result(c, s, w, "idle", NULL, _("resumed"));
}
