/* cli-void.c - `qdesk void TICKET --reason R --staff ID [--desk N]`: void a waiting ticket of today
 * (kept, state voided, the reason in its event). */
#include "cli.h"
#include "qdesk/guide.h"
#include "qdesk/i18n.h"

int cli_void(struct cli *c, int argc, char **argv)
{
	const char *staff = NULL, *reason = NULL, *desk = NULL, *pos[1];
	const struct cli_opt opts[] = { { "staff", &staff, NULL }, { "reason", &reason, NULL },
	                                { "desk", &desk, NULL }, { NULL, NULL, NULL } };
	int d = 0, rc = cli_parse(c, argc, argv, opts, pos, 1, 1);
	if (rc)
		return rc;
	if (!staff || !*staff)
		return cli_usage(argv[0], _("--staff ID is required"));
	if (!reason || !*reason)
		return cli_usage(argv[0], _("--reason TEXT is required"));
	if (desk && (rc = cli_int(argv[0], "--desk", desk, 1, 999, &d)))
		return rc;
	if ((rc = cli_store(c, 0)))
		return rc;
	struct ticket t;
	enum qd_status s = guide_void(c->st, c->hall, d, pos[0], reason, staff, &t);
	if (s != QD_OK)
		return cli_fail(c, s, s == QD_ERR_NOT_FOUND || s == QD_ERR_OTHER_DAY || s == QD_ERR_NOT_WAITING
		                      ? pos[0] : s == QD_ERR_INVALID || s == QD_ERR_TOO_LONG ? "reason" : NULL);
	return cli_ticket_result(c, s, &t, _("is voided"));
}
