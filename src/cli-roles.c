/* cli-roles.c - `qdesk roles [--json]`: the table of who may do what (roles.h), as qdesk(1) ROLES
 * prints it: one line per action, tab-separated: action, guide, clerk, lead, admin (yes/no), what. */
#include <stdio.h>
#include "cli.h"
#include "qdesk/i18n.h"
#include "qdesk/roles.h"

static const enum staff_role columns[] = { ROLE_GUIDE, ROLE_CLERK, ROLE_LEAD, ROLE_ADMIN };
#define NCOLUMNS (sizeof columns / sizeof columns[0])

int cli_roles(struct cli *c, int argc, char **argv)
{
	int rc = cli_parse(c, argc, argv, NULL, NULL, 0, 0);
	if (rc)
		return rc;
	struct json j;
	if (c->json) {
		json_begin(&j, stdout);
		json_bool(&j, "ok", 1);
		json_array(&j, "actions");
	} else {
		printf("action");
		for (size_t k = 0; k < NCOLUMNS; k++)
			printf("\t%s", staff_role_name(columns[k]));
		printf("\t%s\n", "what");
	}
	for (int a = 0; a < ROLE_ACTION_COUNT; a++) {
		if (c->json) {
			json_object(&j, NULL);
			json_str(&j, "action", roles_action_name(a));
			json_array(&j, "roles");
			for (size_t k = 0; k < NCOLUMNS; k++)
				if (roles_allow(columns[k], a))
					json_str(&j, NULL, staff_role_name(columns[k]));
			json_close(&j);
			json_str(&j, "what", _(roles_action_what(a)));
			json_close(&j);
			continue;
		}
		printf("%s", roles_action_name(a));
		for (size_t k = 0; k < NCOLUMNS; k++)
			printf("\t%s", roles_allow(columns[k], a) ? "yes" : "no");
		printf("\t%s\n", _(roles_action_what(a)));
	}
	if (c->json) {
		json_close(&j);
		json_end(&j);
	}
	return 0;
}
