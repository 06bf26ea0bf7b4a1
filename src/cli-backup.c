/* cli-backup.c - `qdesk backup FILE | --daily`: a consistent copy of the live database while
 * windows keep working, then checked (qdesk check on the copy); --daily: today's dated copy in
 * backup.dir, keeping backup.keep of them; `qdesk restore FILE [--yes]`: the copy is
 * checked first, then, after a confirmation, replaces the database. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "cli.h"
#include "qdesk/backup.h"
#include "qdesk/check.h"
#include "qdesk/clock.h"
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

/* Copy the open database to path and check the copy; 0 or the exit status after reporting. */
static int backup_checked(struct cli *c, const char *path)
{
	char err[512];
	enum qd_status s = store_backup_to(c->st, path, err, sizeof err);
	if (s != QD_OK)
		return cli_fail(c, s, err);
	int problems = check_copy(path, &s);
	if (problems < 0)
		return cli_fail(c, s, store_errmsg(NULL));
	if (problems > 0) {
		snprintf(err, sizeof err, _("%s: the copy has %d problems (see above); it is kept for a look"),
		         path, problems);
		return cli_fail(c, QD_ERR_CORRUPT, err);
	}
	return 0;
}

/* backup --daily: today's dated copy in backup.dir unless it is there, then only the newest
 * backup.keep copies are kept. Written under a temporary name and renamed once checked, so a
 * dated file is always a whole, checked copy. */
static int backup_daily(struct cli *c)
{
	const struct hall *h = c->hall;
	char day[11], path[4096], part[4200], err[4400];
	int rc, made = 0, removed = 0;
	if (!h->backup.dir)
		return cli_fail(c, QD_ERR_CONFIG, _("--daily needs backup.dir in the configuration"));
	clock_day(clock_now(), day);
	enum qd_status s = backup_daily_path(h->backup.dir, day, path, sizeof path);
	if (s == QD_OK)
		s = backup_make_dir(h->backup.dir, err, sizeof err);
	if (s != QD_OK)
		return cli_fail(c, s, s == QD_ERR_TOO_LONG ? h->backup.dir : err);
	if (access(path, F_OK) != 0) {
		snprintf(part, sizeof part, "%s/.qdesk-%s.db.part", h->backup.dir, day);
		unlink(part);   /* what an interrupted run left */
		if ((rc = backup_checked(c, part)))
			return rc;
		if (rename(part, path) != 0) {
			snprintf(err, sizeof err, "%s: %s", path, strerror(errno));
			return cli_fail(c, QD_ERR_FILE, err);
		}
		made = 1;
	}
	if ((s = backup_prune(h->backup.dir, h->backup.keep, &removed, err, sizeof err)) != QD_OK)
		return cli_fail(c, s, err);
	if (c->json) {
		struct json j;
		json_begin(&j, stdout);
		json_bool(&j, "ok", 1);
		json_str(&j, "file", path);
		json_bool(&j, "made", made);
		json_int(&j, "removed", removed);
		json_end(&j);
		return 0;
	}
	printf(made ? _("backup written to %s and checked") : _("today's backup is there already: %s"), path);
	if (removed)
		printf(_("; %d older backups removed (backup.keep = %d)"), removed, h->backup.keep);
	putchar('\n');
	return 0;
}

int cli_backup(struct cli *c, int argc, char **argv)
{
	const char *pos[1] = { NULL };
	int daily = 0;
	const struct cli_opt opts[] = { { "daily", NULL, &daily }, { NULL, NULL, NULL } };
	int rc = cli_parse(c, argc, argv, opts, pos, 0, 1);
	if (rc)
		return rc;
	if (!daily == !pos[0])
		return cli_usage("backup", daily ? _("give FILE or --daily, not both") : _("missing argument"));
	if ((rc = cli_store(c, STORE_OPEN_READ)))
		return rc;
	if (daily)
		return backup_daily(c);
	if ((rc = backup_checked(c, pos[0])))
		return rc;
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
