/* cli-check.c - `qdesk check [--json]`: integrity, foreign keys, qdesk's invariants and the audit
 * chain; each violation on its own line; exit 1 if there is any. Opens the database read-only. */
#include <stdio.h>
#include "cli.h"
#include "qdesk/check.h"
#include "qdesk/i18n.h"
#include "qdesk/text.h"

static void print_violation(void *ctx, const char *check, const char *detail)
{
	struct json *j = ctx;
	char safe[512];
	text_sanitize(detail, safe, sizeof safe);
	if (j) {
		json_object(j, NULL);
		json_str(j, "check", check);
		json_str(j, "detail", safe);
		json_close(j);
	} else {
		printf("%s: %s\n", check, safe);
	}
}

int cli_check(struct cli *c, int argc, char **argv)
{
	int rc = cli_parse(c, argc, argv, NULL, NULL, 0, 0);
	if (rc || (rc = cli_store(c, STORE_OPEN_READ)))
		return rc;
	struct json j;
	if (c->json) {
		json_begin(&j, stdout);
		json_array(&j, "problems");
	}
	int problems = 0;
	enum qd_status s = check_database(c->st, print_violation, c->json ? &j : NULL, &problems);
	if (c->json) {
		json_close(&j);
		json_bool(&j, "ok", s == QD_OK && problems == 0);
		if (s != QD_OK)
			json_str(&j, "error", qd_status_name(s));
		json_int(&j, "count", problems);
		json_end(&j);
		if (s != QD_OK) {
			fprintf(stderr, "qdesk: %s: %s\n", _(qd_status_text(s)), store_errmsg(c->st));
			return qd_status_exit(s);
		}
	} else if (s != QD_OK) {
		return cli_fail(c, s, NULL);
	} else if (problems) {
		printf(_("%d problems found\n"), problems);
	} else {
		printf("%s\n", _("database OK: integrity, foreign keys, tickets, windows, counters, cases and the audit chain"));
	}
	return problems ? 1 : 0;
}
