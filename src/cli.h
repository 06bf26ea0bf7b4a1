/* cli.h - what the subcommands (cli-*.c, one per file) share: global options, lazily opened
 * config and store, option parsing, and the way results and refusals are reported. */
#ifndef QDESK_CLI_H
#define QDESK_CLI_H
#include <stdio.h>
#include "qdesk/config.h"
#include "qdesk/json.h"
#include "qdesk/queue.h"
#include "qdesk/status.h"
#include "qdesk/store.h"

struct cli {
	const char *config_arg;     /* --config, or NULL */
	const char *db_arg;         /* --db, or NULL */
	struct hall *hall;          /* loaded by cli_hall() */
	struct store *st;           /* opened by cli_store() */
	int json;                   /* --json given to the current command */
	const char *staff;          /* --staff of a window command (names the other window a refusal means) */
	const char **staff_opt;     /* where cli_parse put a --staff value: cli_store spells it as stored */
	char staff_id[32];          /* that spelling */
};

/* Load the config if not yet loaded; on error print "FILE:LINE: …" and return exit status 2, else 0. */
int cli_hall(struct cli *c);
/* Open the database (and the config first) in mode STORE_OPEN_WRITE, STORE_OPEN_CREATE (init
 * only) or STORE_OPEN_READ (commands that only read: they never write the file). Sets the
 * configured busy limit, and says "waiting for the database…" on stderr after a second of waiting.
 * Returns an exit status (0 ok). */
int cli_store(struct cli *c, int mode);
/* The database path in use: --db, $QDESK_DB, the config's database, else data/qdesk.db. */
const char *cli_db_path(struct cli *c);

/* Report a refusal: "qdesk: <translated status text>[: detail]" on stderr, and with --json also
 * {"ok":false,"error":NAME,"message":TEXT} on stdout. Returns the status's exit code. */
int cli_fail(struct cli *c, enum qd_status s, const char *detail);
/* With c->json, also {"ok":false,"error":NAME,"message":text[,"detail":detail]} on stdout. */
void cli_json_error(const struct cli *c, enum qd_status s, const char *text, const char *detail);
/* Print "qdesk CMD: msg" and the command's synopsis on stderr; returns 2. */
int cli_usage(const char *cmd, const char *msg);

/* One option of a subcommand. value != NULL: takes an argument (--name VALUE or --name=VALUE);
 * else flag is set to 1. */
struct cli_opt { const char *name; const char **value; int *flag; };
/* Parse argv[1..] of command cmd: options from opts (NULL-name terminated; "json" is always
 * accepted and sets c->json, and so are the global --config FILE and --db FILE), positionals into
 * pos[] (exactly npos_min..npos_max of them); "--" ends the options. An option given twice, an
 * empty value and a value given to a flag are usage errors. A --staff ID is respelt as the
 * account's id by cli_store (ids are case-insensitive). Returns 0, or 2 after printing a usage
 * error. */
int cli_parse(struct cli *c, int argc, char **argv, const struct cli_opt *opts, const char **pos,
              int npos_min, int npos_max);
/* Parse a whole number in [lo, hi]; returns 0 and *out, or 2 after a usage error naming what. */
int cli_int(const char *cmd, const char *what, const char *s, int lo, int hi, int *out);

/* Print a ticket result: text "NUMBER rest-of-line" (rest printf-style, translated by the caller),
 * or with --json {"ok":true,"ticket":{…}}. */
void cli_print_ticket(struct cli *c, const struct ticket *t, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Write a ticket's fields as a JSON object named key. */
void cli_json_ticket(struct cli *c, struct json *j, const char *key, const struct ticket *t);

/* For "CMD WINDOW --staff ID …": parse argv with opts (which must include "staff" bound to
 * *staff), require --staff, read WINDOW, and open the store. Returns 0 or an exit status. */
int cli_window_command(struct cli *c, int argc, char **argv, const struct cli_opt *opts,
                       int *window, const char **staff);
/* The ticket result of a window action: print it ("NUMBER what") or report the refusal. */
int cli_ticket_result(struct cli *c, enum qd_status s, const struct ticket *t, const char *what);
/* "CMD WINDOW --staff ID" for an engine call of the common shape (recall, noshow, undo): parse,
 * open, run act. Returns 0 with *t and *window filled, or the exit status after reporting. */
int cli_window_action(struct cli *c, int argc, char **argv,
                      enum qd_status (*act)(struct store *, const struct hall *, int, const char *,
                                            struct ticket *),
                      struct ticket *t, int *window);
/* Say something was recorded: the text line, or with --json {"ok":true,KEY:ID}. Returns 0. */
int cli_print_recorded(struct cli *c, const char *key, long long id, const char *text);

/* The result of a window-state action (pause, resume): "window N: message", or with --json
 * {"ok":true,"window":N,"state":STATE,"reason":REASON}. */
int cli_window_result(struct cli *c, enum qd_status s, int window, const char *state,
                      const char *reason, const char *message);

/* A subcommand: argv[0] is its name. Returns the process exit status. */
struct cli_command {
	const char *name;
	int (*run)(struct cli *c, int argc, char **argv);
	const char *synopsis;
};
/* Run command k: --json anywhere among its arguments (before a "--") makes every refusal,
 * usage errors included, also a JSON object on stdout. Returns k's exit status. */
int cli_run(struct cli *c, const struct cli_command *k, int argc, char **argv);
/* The command table, NULL-name terminated. */
extern const struct cli_command cli_commands[];
const struct cli_command *cli_command(const char *name);

int cli_init(struct cli *c, int argc, char **argv);
int cli_config(struct cli *c, int argc, char **argv);
int cli_staff(struct cli *c, int argc, char **argv);
int cli_issue(struct cli *c, int argc, char **argv);
int cli_call(struct cli *c, int argc, char **argv);
int cli_recall(struct cli *c, int argc, char **argv);
int cli_noshow(struct cli *c, int argc, char **argv);
int cli_requeue(struct cli *c, int argc, char **argv);
int cli_transfer(struct cli *c, int argc, char **argv);
int cli_finish(struct cli *c, int argc, char **argv);
int cli_pause(struct cli *c, int argc, char **argv);
int cli_resume(struct cli *c, int argc, char **argv);
int cli_undo(struct cli *c, int argc, char **argv);
int cli_consult(struct cli *c, int argc, char **argv);
int cli_status(struct cli *c, int argc, char **argv);
int cli_screen(struct cli *c, int argc, char **argv);   /* cli-screen.c: every console screen (argv[0] names it) */
int cli_guided(struct cli *c, int argc, char **argv);   /* guide desk (issue 7): cli-guided.c … */
int cli_void(struct cli *c, int argc, char **argv);
int cli_ticket(struct cli *c, int argc, char **argv);
int cli_queues(struct cli *c, int argc, char **argv);
int cli_print(struct cli *c, int argc, char **argv);    /* cli-print.c: reprint a slip */
int cli_announcer(struct cli *c, int argc, char **argv);   /* cli-announcer.c: the hall's voice */
/* Print the slip of stored ticket t and wait (up to printer.timeout): text "NUMBER what" (if what)
 * and the printer's result line, or with --json {"ok":…,"ticket":{…},"print":{…}}. Returns 0 if
 * printed, else the exit status of the failure (the ticket stays as it is). */
int cli_print_slip(struct cli *c, const struct ticket *t, const char *what);
int cli_simulate(struct cli *c, int argc, char **argv); /* cli-simulate.c: training mode */
int cli_training(struct cli *c, int argc, char **argv); /* cli-training.c: training state */
int cli_problem(struct cli *c, int argc, char **argv);  /* cli-problem.c: 办不成事 problems */
int cli_rectify(struct cli *c, int argc, char **argv);  /* cli-rectify.c: the rectification ledger */
int cli_report(struct cli *c, int argc, char **argv);   /* cli-report.c */
int cli_check(struct cli *c, int argc, char **argv);    /* cli-check.c: qdesk check */
int cli_backup(struct cli *c, int argc, char **argv);   /* cli-backup.c: backup FILE */
int cli_restore(struct cli *c, int argc, char **argv);  /* cli-backup.c: restore FILE */
int cli_audit(struct cli *c, int argc, char **argv);    /* cli-audit.c: audit verify | log */
int cli_evaluation(struct cli *c, int argc, char **argv);   /* a lead voids an evaluation */
int cli_roles(struct cli *c, int argc, char **argv);    /* cli-roles.c: who may do what */

#endif
