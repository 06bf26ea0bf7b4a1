/* main.c - qdesk's entry: locale and language, global options, then one subcommand. */
#include <langinfo.h>
#include <errno.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "cli.h"
#include "qdesk/i18n.h"
#include "qdesk/store.h"
#include "qdesk/text.h"

#ifndef QDESK_VERSION
#define QDESK_VERSION "0.1"
#endif

/* Insist on a UTF-8 codeset: Chinese text is measured and drawn in terminal columns. */
static int setup_locale(void)
{
	setlocale(LC_ALL, "");
	if (strcmp(nl_langinfo(CODESET), "UTF-8") && !setlocale(LC_ALL, "C.UTF-8")) {
		fprintf(stderr, "qdesk: a UTF-8 locale is needed (set LANG=C.UTF-8 or zh_CN.UTF-8)\n");
		return 2;
	}
	return 0;
}

/* A usage error found before the command: msg and the usage on stderr, and with --json anywhere
 * also the JSON error object. Returns 2. */
static int main_usage(const struct cli *c, const char *msg);

static void usage(FILE *f)
{
	fprintf(f, "%s: qdesk [--config FILE] [--db FILE] COMMAND ...\n", _("usage"));
	for (const struct cli_command *k = cli_commands; k->name; k++)
		fprintf(f, "  %s\n", k->synopsis);
	fprintf(f, "%s\n", _("See qdesk(1)."));
}

static int main_usage(const struct cli *c, const char *msg)
{
	fprintf(stderr, "%s\n", msg);
	usage(stderr);
	cli_json_error(c, QD_ERR_USAGE, _(qd_status_text(QD_ERR_USAGE)), msg);
	return 2;
}

/* What the user typed, safe to print (no escape sequences), into buf[256]. */
static const char *safe_arg(const char *a, char buf[256])
{
	text_sanitize(a, buf, 256);
	return buf;
}

int main(int argc, char **argv)
{
	if (setup_locale())
		return 2;
	/* A file-size limit makes a write fail (reported as disk full) instead of killing the process,
	 * maybe after a success was printed. Files we create are for owner and group only. */
	signal(SIGXFSZ, SIG_IGN);
	umask(umask(0) | 007);
	i18n_init("zh_CN");
	struct cli c = { 0 };
	char msg[512], sa[256];
	for (int j = 1; j < argc && strcmp(argv[j], "--"); j++)
		c.json |= !strcmp(argv[j], "--json");
	int i = 1;
	for (; i < argc && argv[i][0] == '-'; i++) {
		const char *a = argv[i];
		const char **slot = !strcmp(a, "--config") ? &c.config_arg : !strcmp(a, "--db") ? &c.db_arg : NULL;
		if (!strcmp(a, "--json")) {
			continue;                   /* taken above; the command sees it too */
		} else if (slot && i + 1 < argc && *argv[i + 1]) {
			*slot = argv[++i];
		} else if (!strncmp(a, "--config=", 9) && a[9]) {
			c.config_arg = a + 9;
		} else if (!strncmp(a, "--db=", 5) && a[5]) {
			c.db_arg = a + 5;
		} else if (slot || !strncmp(a, "--config=", 9) || !strncmp(a, "--db=", 5)) {
			snprintf(msg, sizeof msg, _("qdesk: option '%s' needs a file name"), safe_arg(a, sa));
			return main_usage(&c, msg);
		} else if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			usage(stdout);
			return 0;
		} else if (!strcmp(a, "--version")) {
			printf("qdesk %s\n", QDESK_VERSION);
			return 0;
		} else {
			snprintf(msg, sizeof msg, _("qdesk: unknown option '%s'"), safe_arg(a, sa));
			return main_usage(&c, msg);
		}
	}
	if (i >= argc)
		return main_usage(&c, _("qdesk: which command?"));
	const struct cli_command *k = cli_command(argv[i]);
	if (!k)
	{
		snprintf(msg, sizeof msg, _("qdesk: unknown command '%s'"), safe_arg(argv[i], sa));
		return main_usage(&c, msg);
	}
	int rc = cli_run(&c, k, argc - i, argv + i);
	if (c.st)
		store_close(c.st);
	if (c.hall)
		config_free(c.hall);
	/* A result that could not be written is not a success (the caller never saw it). */
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "qdesk: %s: %s\n", _("cannot write the output"), strerror(errno));
		return rc ? rc : 1;
	}
	return rc;
}
