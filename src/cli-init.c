/* cli-init.c - `qdesk init [--demo]`: create or migrate the database; --demo adds demo data. */
#include <stdio.h>
#include "cli.h"
#include "qdesk/demo.h"
#include "qdesk/i18n.h"

int cli_init(struct cli *c, int argc, char **argv)
{
	int demo = 0;
	const struct cli_opt opts[] = { { "demo", NULL, &demo }, { NULL, NULL, NULL } };
	int rc = cli_parse(c, argc, argv, opts, NULL, 0, 0);
	if (rc || (rc = cli_store(c, 1)))
		return rc;
	struct demo_counts n = { 0, 0, 0 };
	if (demo) {
		enum qd_status s = demo_populate(c->st, c->hall, &n);
		if (s != QD_OK)
			return cli_fail(c, s, NULL);
	}
	if (c->json) {
		struct json j;
		json_begin(&j, stdout);
		json_bool(&j, "ok", 1);
		json_str(&j, "database", cli_db_path(c));
		json_int(&j, "schema", store_schema_version(c->st));
		json_int(&j, "demo_staff", n.staff);
		json_int(&j, "demo_tickets", n.issued);
		json_end(&j);
		return 0;
	}
	printf(_("%s: database ready (schema %d)\n"), cli_db_path(c), store_schema_version(c->st));
	if (demo)
		printf(_("demo: %d staff accounts (PIN %s), %d tickets issued, %d served\n"), n.staff,
		       DEMO_PIN, n.issued, n.served);
	return 0;
}
