/* cli-backup.c - `qdesk backup FILE`: a consistent copy of the live database while windows keep
 * working, then checked (qdesk check on the copy); `qdesk restore FILE [--yes]`: the copy is
 * checked first, then, after a confirmation, replaces the database. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "cli.h"
#include "qdesk/check.h"
#include "qdesk/i18n.h"

static void count_only(void *ctx, const char *check, const char *detail)
{
	(void)ctx;
	fprintf(stderr, "qdesk: %s: %s\n", check, detail);
}

/* Open the copy at path read-only and run every check on it; returns the problems found, or -1
 * (with *s) if it could not be checked. */
static int check_copy(const char *path, enum qd_status *s)
{
	struct store *copy;
	int problems = 0;
	if ((*s = store_open(path, STORE_OPEN_READ, &copy)) != QD_OK)
		return -1;
	*s = check_database(copy, count_only, NULL, &problems);
	store_close(copy);
	return *s == QD_OK ? problems : -1;
}

int cli_backup(struct cli *c, int argc, char **argv)
{
	const char *pos[1];
	int rc = cli_parse(c, argc, argv, NULL, pos, 1, 1);
	if (rc || (rc = cli_store(c, STORE_OPEN_READ)))
		return rc;
	char err[512];
	enum qd_status s = store_backup_to(c->st, pos[0], err, sizeof err);
	if (s != QD_OK)
		return cli_fail(c, s, err);
	int problems = check_copy(pos[0], &s);
	if (problems < 0)
		return cli_fail(c, s, store_errmsg(NULL));
	if (problems > 0) {
		snprintf(err, sizeof err, _("%s: the copy has %d problems (see above); it is kept for a look"),
		         pos[0], problems);
		return cli_fail(c, QD_ERR_CORRUPT, err);
	}
	char text[600];
	snprintf(text, sizeof text, _("backup written to %s and checked"), pos[0]);
	return cli_print_recorded(c, "checked", 1, text);
}

int cli_restore(struct cli *c, int argc, char **argv)
{
	const char *pos[1];
	int yes = 0;
	const struct cli_opt opts[] = { { "yes", NULL, &yes }, { NULL, NULL, NULL } };
	int rc = cli_parse(c, argc, argv, opts, pos, 1, 1);
	if (rc || (rc = cli_hall(c)))
		return rc;
	const char *live = cli_db_path(c);
	enum qd_status s;
	int problems = check_copy(pos[0], &s);
	if (problems < 0)
		return cli_fail(c, s, pos[0]);
	if (problems > 0) {
		char err[600];
		snprintf(err, sizeof err, _("%s has %d problems (see above): not restored"), pos[0], problems);
		return cli_fail(c, QD_ERR_CORRUPT, err);
	}
	if (!yes) {
		char line[16] = "";
		if (!isatty(STDIN_FILENO))
			return cli_usage("restore", _("give --yes to replace the database without a question"));
		fprintf(stderr, _("Replace %s with %s? Everything since the backup is lost. Type yes: "), live,
		        pos[0]);
		if (!fgets(line, sizeof line, stdin) || strncmp(line, "yes", 3))
			return cli_fail(c, QD_ERR_USAGE, _("not restored"));
	}
	char err[512];
	if ((s = store_restore_from(live, pos[0], err, sizeof err)) != QD_OK)
		return cli_fail(c, s, err);
	char text[600];
	snprintf(text, sizeof text, _("%s restored from %s"), live, pos[0]);
	return cli_print_recorded(c, "restored", 1, text);
}
