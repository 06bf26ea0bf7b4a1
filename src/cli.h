/* cli.h - what the subcommands (cli-*.c, one per file) share: global options, lazily opened
 * config and store, and the way results and refusals are reported. */
#ifndef QDESK_CLI_H
#define QDESK_CLI_H
#include "qdesk/config.h"
#include "qdesk/status.h"
#include "qdesk/store.h"

struct cli {
	const char *config_arg;     /* --config, or NULL */
	const char *db_arg;         /* --db, or NULL */
	struct hall *hall;          /* loaded by cli_hall() */
	struct store *st;           /* opened by cli_store() */
};

/* Load the config if not yet loaded; on error print "FILE:LINE: …" and return exit status 2, else 0. */
int cli_hall(struct cli *c);
/* Open the database (and the config first); create = 1 for init. Returns an exit status (0 ok). */
int cli_store(struct cli *c, int create);
/* Print "qdesk: <translated status text>[: detail]" on stderr and return the status's exit code. */
int cli_fail(enum qd_status s, const char *detail);
/* Print a usage error for command cmd on stderr; returns 2. */
int cli_usage(const char *cmd, const char *msg);

/* A subcommand: argv[0] is its name. Returns the process exit status. */
struct cli_command {
	const char *name;
	int (*run)(struct cli *c, int argc, char **argv);
	const char *synopsis;
};

#endif
