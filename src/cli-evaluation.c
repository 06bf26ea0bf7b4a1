/* cli-evaluation.c - `qdesk evaluation void TICKET --staff LEAD --reason TEXT`: a lead's recorded
 * correction of an evaluation (undo never touches one). TICKET is a ticket id or today's number. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "qdesk/cases.h"
#include "qdesk/i18n.h"

int cli_evaluation(struct cli *c, int argc, char **argv)
{
	const char *staff = NULL, *reason = NULL, *pos[2] = { NULL, NULL };
	const struct cli_opt opts[] = { { "staff", &staff, NULL }, { "reason", &reason, NULL },
		{ NULL, NULL, NULL } };
	if (argc < 2 || strcmp(argv[1], "void"))
		return cli_usage("evaluation", _("which? evaluation void TICKET --staff ID --reason TEXT"));
	int rc = cli_parse(c, argc - 1, argv + 1, opts, pos, 1, 1);
	if (rc)
		return rc;
	if (!staff || !*staff)
		return cli_usage("evaluation void", _("--staff ID is required"));
	if (!reason)
		return cli_usage("evaluation void", _("--reason TEXT is required"));
	if ((rc = cli_store(c, STORE_OPEN_WRITE)))
		return rc;
	long long id = 0;
	if (strspn(pos[0], "0123456789") == strlen(pos[0])) {
		id = strtoll(pos[0], NULL, 10);
	} else {
		char number[32];
		struct ticket t;
		queue_number_normalize(c->hall, pos[0], number, sizeof number);
		enum qd_status s = queue_find(c->st, number, &t);
		if (s != QD_OK)
			return cli_fail(c, s, pos[0]);
		id = t.id;
	}
	long long eid = 0;
	enum qd_status s = cases_void_evaluation(c->st, id, staff, reason, &eid);
	if (s != QD_OK)
		return cli_fail(c, s, s == QD_ERR_REASON || s == QD_ERR_TOO_LONG ? "--reason" : NULL);
	char text[128];
	snprintf(text, sizeof text, _("evaluation %lld voided, with its rectification item"), eid);
	return cli_print_recorded(c, "evaluation", eid, text);
}
