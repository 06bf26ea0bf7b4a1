/* cli-init.c - `qdesk init [--demo]`: create or migrate the database; --demo adds demo data. */
#include <stdio.h>
#include <string.h>
#include "cli.h"
#include "qdesk/clock.h"
#include "qdesk/demo.h"
#include "qdesk/training.h"
#include "qdesk/i18n.h"

int cli_init(struct cli *c, int argc, char **argv)
{
	int demo = 0;
	const struct cli_opt opts[] = { { "demo", NULL, &demo }, { NULL, NULL, NULL } };
	int rc = cli_parse(c, argc, argv, opts, NULL, 0, 0);
	if (rc || (rc = cli_store(c, STORE_OPEN_CREATE)))
		return rc;
	struct demo_counts n = { 0, 0, 0, 0 };
	if (demo) {
		/* the demo lives on a training database, its clock inside opening hours */
		enum qd_status s = QD_OK;
		if (!training_active()) {
			time_t now = clock_now();
			s = training_mark(c->st, now, training_offset_for(c->hall, now));
		}
		if (s == QD_OK)
			s = demo_populate(c->st, c->hall, &n);
		if (s != QD_OK)
			return cli_fail(c, s, s == QD_ERR_LIVE_DB ? cli_db_path(c) : NULL);
	}
	char text[512];
	int len = snprintf(text, sizeof text, _("%s: database ready (schema %d)"), cli_db_path(c),
	                   store_schema_version(c->st));
	if (demo && n.already && len > 0 && (size_t)len < sizeof text)
		snprintf(text + len, sizeof text - (size_t)len,
		         _("\ndemo: %d staff accounts added; today already has tickets, so none were added"),
		         n.staff);
	else if (demo && len > 0 && (size_t)len < sizeof text)
		snprintf(text + len, sizeof text - (size_t)len,
		         _("\ndemo: %d staff accounts (PIN %s), %d tickets issued, %d served"), n.staff,
		         DEMO_PIN, n.issued, n.served);
	len = (int)strlen(text);
	if (demo && clock_offset() && (size_t)len < sizeof text) {
		char stamp[20];
		clock_stamp(clock_now(), stamp);
		snprintf(text + len, sizeof text - (size_t)len,
		         _("\ndemo clock: %s (outside opening hours the demo runs on its own clock)"), stamp);
	}
	return cli_print_recorded(c, "schema", store_schema_version(c->st), text);
}
