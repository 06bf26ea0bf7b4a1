/* cli.c - the command table and what every subcommand shares: lazy config and store, option
 * parsing, and printing results and refusals the same way everywhere. */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli.h"
#include "qdesk/clock.h"
#include "qdesk/i18n.h"
#include "qdesk/privacy.h"
#include "qdesk/staff.h"
#include "qdesk/text.h"
#include "qdesk/training.h"

/* The command being run: usage errors found by cli_usage/cli_int report in its --json mode. */
static struct cli *running;

const struct cli_command cli_commands[] = {
	{ "init",     cli_init,     "init [--demo]" },
	{ "config",   cli_config,   "config check [--json]" },
	{ "staff",    cli_staff,    "staff add ID --name NAME --role guide|clerk|lead|admin | staff list | staff passwd ID | staff disable ID | staff enable ID" },
	{ "issue",    cli_issue,    "issue TYPE [--priority GROUP] [--id-number N] [--phone N] [--note TEXT] [--staff ID] [--request-id KEY] [--print]" },
	{ "call",     cli_call,     "call WINDOW --staff ID [--number TICKET]" },
	{ "recall",   cli_recall,   "recall WINDOW --staff ID" },
	{ "noshow",   cli_noshow,   "noshow WINDOW --staff ID" },
	{ "requeue",  cli_requeue,  "requeue TICKET --staff ID" },
	{ "transfer", cli_transfer, "transfer WINDOW --staff ID (--type TYPE | --window N)" },
	{ "finish",   cli_finish,   "finish WINDOW --staff ID [--outcome O] [--mode guided|assisted|delegated] [--elderly-help T[,T]] [--minutes N] [--matter M] [--case-category C] [--channel onsite|online] [--rating 1-5] [--reason TEXT] [--applicant NAME] [--id-number N] [--phone N] [--note TEXT]" },
	{ "pause",    cli_pause,    "pause WINDOW --staff ID [--reason R]" },
	{ "resume",   cli_resume,   "resume WINDOW --staff ID" },
	{ "undo",     cli_undo,     "undo WINDOW --staff ID" },
	{ "consult",  cli_consult,  "consult [--window N | --desk N] --staff ID [--topic TEXT]" },
	{ "guided",   cli_guided,   "guided --desk N --staff ID [--note TEXT]" },
	{ "void",     cli_void,     "void TICKET --reason TEXT --staff ID [--desk N]" },
	{ "ticket",   cli_ticket,   "ticket NUMBER [--json]" },
	{ "queues",   cli_queues,   "queues [--json]" },
	{ "guide",    cli_screen,   "guide [DESK]" },
	{ "status",   cli_status,   "status [--json]" },
	{ "window",   cli_screen,   "window N" },
	{ "print",    cli_print,    "print TICKET [--text]" },
	{ "announcer", cli_announcer, "announcer [--print] [--once]" },
	{ "simulate", cli_simulate, "simulate [--leave N[,N…]] [--rate PERCENT] [--seed N] [--until HH:MM | --from DAY --days N]" },
	{ "training", cli_training, "training [--json]" },
	{ "lead",     cli_screen,   "lead" },
	{ "board",    cli_screen,   "board [--zone Z] [--window N]" },
	{ "rectify",  cli_rectify,  "rectify list --staff ID [--day D] | rectify callback ID --staff ID --note TEXT | rectify close ID --staff ID (--fixed | --explained) --note TEXT" },
	{ "problem",  cli_problem,  "problem add --staff ID [--window N] --what TEXT | problem list [--day D] | problem resolve ID --staff ID --resolution TEXT" },
	{ "report",   cli_report,   "report [--day D | --week D | --month YYYY-MM | --year YYYY | --from D --to D] [--by type|window|staff|hour|weekday|day|category|matter|outcome|mode|channel] [--format table|csv|json|summary] [--encoding utf-8|gb18030] [--output FILE]" },
	{ "check",    cli_check,    "check [--json]" },
	{ "backup",   cli_backup,   "backup FILE | backup --daily [--json]" },
	{ "restore",  cli_restore,  "restore FILE [--yes]" },
	{ "evaluation", cli_evaluation, "evaluation void TICKET --staff LEAD --reason TEXT" },
	{ "roles",    cli_roles,    "roles [--json]" },
	{ "audit",    cli_audit,    "audit verify [--json] | audit log [--day D] [--ticket N] [--staff S] [--window W] [--json]" },
	{ NULL, NULL, NULL }
};

const struct cli_command *cli_command(const char *name)
{
	for (const struct cli_command *k = cli_commands; k->name; k++)
		if (!strcmp(k->name, name))
			return k;
	return NULL;
}

void cli_json_error(const struct cli *c, enum qd_status s, const char *text, const char *detail)
{
	if (!c || !c->json)
		return;
	struct json j;
	json_begin(&j, stdout);
	json_bool(&j, "ok", 0);
	json_str(&j, "error", qd_status_name(s));
	json_str(&j, "message", text);
	if (detail && *detail)
		json_str(&j, "detail", detail);
	json_end(&j);
}

int cli_hall(struct cli *c)
{
	if (c->hall)
		return 0;
	char err[1024];
	const char *path = config_path(c->config_arg);
	if (config_load(path, &c->hall, err, sizeof err) != QD_OK) {
		fprintf(stderr, "%s\n", err);
		cli_json_error(c, QD_ERR_CONFIG, _(qd_status_text(QD_ERR_CONFIG)), err);
		return 2;
	}
	i18n_init(c->hall->language);
	return 0;
}

const char *cli_db_path(struct cli *c)
{
	const char *env = getenv("QDESK_DB");
	if (c->db_arg)
		return c->db_arg;
	if (env && *env)
		return env;
	if (c->hall && c->hall->database && *c->hall->database)
		return c->hall->database;
	return "data/qdesk.db";
}

/* The store's wait hook: after a second of waiting for a lock, say so once on stderr. */
static int cli_waiting(void *ctx, int waited_s)
{
	static int told;
	(void)ctx;
	(void)waited_s;
	if (!told) {
		fprintf(stderr, "qdesk: %s\n", _("waiting for the database…"));
		told = 1;
	}
	return 0;
}

/* A --staff ID in another case names the account as stored (an unknown id stays as typed, for the
 * command to refuse). */
static void cli_spell_staff(struct cli *c)
{
	struct staff who;
	const char *typed = c->staff_opt ? *c->staff_opt : NULL;
	if (!typed || staff_get(c->st, typed, &who) != QD_OK || !strcmp(who.id, typed))
		return;
	snprintf(c->staff_id, sizeof c->staff_id, "%s", who.id);
	*c->staff_opt = c->staff_id;
	if (c->staff == typed)
		c->staff = c->staff_id;
}

int cli_store(struct cli *c, int mode)
{
	int rc = cli_hall(c);
	if (rc || c->st)
		return rc;
	if (clock_now() == (time_t)-1) {
		char safe[256];
		text_sanitize(clock_env_error(), safe, sizeof safe);   /* it quotes the variable's value */
		fprintf(stderr, "qdesk: QDESK_NOW: %s\n", safe);
		cli_json_error(c, QD_ERR_USAGE, _(qd_status_text(QD_ERR_USAGE)), safe);
		return 2;
	}
	const char *path = cli_db_path(c);
	enum qd_status s = store_open(path, mode, &c->st);
	if (s != QD_OK) {
		/* A database error says which file and what SQLite said. */
		char detail[512];
		c->st = NULL;
		const char *why = store_errmsg(NULL);
		if (strcmp(why, "no error") && !strstr(why, path))
			snprintf(detail, sizeof detail, "%s (%s)", path, why);
		else
			snprintf(detail, sizeof detail, "%s", strcmp(why, "no error") ? why : path);
		return cli_fail(c, s, detail);
	}
	store_set_busy_limit(c->st, c->hall->store.busy_seconds);
	store_set_wait_hook(c->st, cli_waiting, NULL);
	/* a training database runs on its demo clock from here on */
	struct training t;
	if ((s = training_load(c->st, &t)) != QD_OK)
		return cli_fail(c, s, store_errmsg(c->st));
	cli_spell_staff(c);
	return 0;
}

/* Is s a status whose detail is what the store said (the cause of a database error)? */
static int is_store_error(enum qd_status s)
{
	return s == QD_ERR_DB || s == QD_ERR_DISK_FULL || s == QD_ERR_READONLY || s == QD_ERR_BUSY ||
	       s == QD_ERR_CORRUPT || s == QD_ERR_CANTOPEN || s == QD_ERR_FOREIGN;
}

int cli_fail(struct cli *c, enum qd_status s, const char *detail)
{
	const char *text = _(qd_status_text(s));
	char safe[512] = "", where[64];
	int other = 0;
	if (s == QD_ERR_SERVING_ELSEWHERE && c->st && queue_staff_window(c->st, c->staff, &other) == QD_OK
	    && other) {
		snprintf(where, sizeof where, _("window %d"), other);   /* the attendance rule names it */
		detail = where;
	}
	if (!detail && c && c->st && is_store_error(s))
		detail = store_errmsg(c->st);
	if (detail)
		text_sanitize(detail, safe, sizeof safe);   /* it may echo what the user typed */
	if (*safe)
		fprintf(stderr, "qdesk: %s: %s\n", text, safe);
	else
		fprintf(stderr, "qdesk: %s\n", text);
	cli_json_error(c, s, text, safe);
	return qd_status_exit(s);
}

/* The command running (cli_run) and its subcommand, if its synopsis has one named argv[1]
 * ("staff add", "rectify close"): usage errors name the whole command. */
static const struct cli_command *running_k;
static const char *running_sub;

/* The next alternative of k's synopsis after p: " | NAME …" (a bar inside one, "(--a | --b)", is
 * not one); NULL at the last. */
static const char *next_alt(const struct cli_command *k, const char *p)
{
	size_t nl = strlen(k->name);
	while ((p = strstr(p, " | ")))
		if (!strncmp(p + 3, k->name, nl) && p[3 + nl] == ' ')
			return p;
		else
			p += 3;
	return NULL;
}

/* Where in k's synopsis the alternative "NAME SUB …" starts, or NULL. */
static const char *synopsis_of(const struct cli_command *k, const char *sub)
{
	size_t nl = strlen(k->name), sl = strlen(sub);
	for (const char *p = k->synopsis; p; p = next_alt(k, p), p = p ? p + 3 : NULL)
		if (!strncmp(p, k->name, nl) && p[nl] == ' ' && !strncmp(p + nl + 1, sub, sl) &&
		    (p[nl + 1 + sl] == ' ' || p[nl + 1 + sl] == '\0'))
			return p;
	return NULL;
}

int cli_usage(const char *cmd, const char *msg)
{
	const struct cli_command *k = cmd ? cli_command(cmd) : NULL;
	const char *sub = NULL;
	if (running_k && cmd && (!k || k == running_k || (running_sub && !strcmp(cmd, running_sub)))) {
		/* the command, or its subcommand's own argv[0] ("void" of evaluation void is a command too) */
		k = running_k;
		sub = running_sub;
	}
	char safe[512];
	text_sanitize(msg, safe, sizeof safe);
	if (k)
		fprintf(stderr, "qdesk %s%s%s: %s\n", k->name, sub ? " " : "", sub ? sub : "", safe);
	else
		fprintf(stderr, "qdesk%s%s: %s\n", cmd ? " " : "", cmd ? cmd : "", safe);
	const char *syn = k && sub ? synopsis_of(k, sub) : NULL, *bar = syn ? next_alt(k, syn) : NULL;
	if (syn)
		fprintf(stderr, "%s: qdesk %.*s\n", _("usage"), bar ? (int)(bar - syn) : (int)strlen(syn), syn);
	else if (k)
		fprintf(stderr, "%s: qdesk %s\n", _("usage"), k->synopsis);
	cli_json_error(running, QD_ERR_USAGE, _(qd_status_text(QD_ERR_USAGE)), safe);
	return 2;
}

/* Every --json result of a command that stored text with personal numbers masked says how many:
 * "masked":N (privacy.h). */
static int masked_seen;
static void json_masked(struct json *j)
{
	masked_seen += privacy_take();
	if (masked_seen)
		json_int(j, "masked", masked_seen);
}

int cli_run(struct cli *c, const struct cli_command *k, int argc, char **argv)
{
	for (int i = 1; i < argc && strcmp(argv[i], "--"); i++)
		if (!strcmp(argv[i], "--json"))
			c->json = 1;
	running = c;
	running_k = k;
	running_sub = argc > 1 && synopsis_of(k, argv[1]) ? argv[1] : NULL;
	json_set_end_hook(json_masked);
	int rc = k->run(c, argc, argv);
	running = NULL;
	running_k = NULL;
	masked_seen += privacy_take();
	if (masked_seen && rc == 0)
		fprintf(stderr, "qdesk: %s\n", _("ID/mobile numbers stored masked."));
	return rc;
}

static const struct cli_opt *find_opt(const struct cli_opt *opts, const char *name, size_t len)
{
	for (; opts && opts->name; opts++)
		if (strlen(opts->name) == len && !strncmp(opts->name, name, len))
			return opts;
	return NULL;
}

int cli_parse(struct cli *c, int argc, char **argv, const struct cli_opt *opts, const char **pos,
              int npos_min, int npos_max)
{
	char msg[256];
	int npos = 0, options = 1;
	unsigned long seen = 0;   /* bit k: opts[k] given; the two global options after them */
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!options || a[0] != '-' || a[1] != '-' || !a[2]) {
			if (options && !strcmp(a, "--")) {
				options = 0;        /* what follows is positional, even if it starts with -- */
				continue;
			}
			if (npos >= npos_max) {
				snprintf(msg, sizeof msg, _("unexpected argument '%s'"), a);
				return cli_usage(argv[0], msg);
			}
			pos[npos++] = a;
			continue;
		}
		const char *name = a + 2, *eq = strchr(name, '=');
		size_t len = eq ? (size_t)(eq - name) : strlen(name);
		if (len == 4 && !strncmp(name, "json", 4)) {
			if (eq) {
				snprintf(msg, sizeof msg, _("option '--%s' takes no value"), "json");
				return cli_usage(argv[0], msg);
			}
			c->json = 1;
			continue;
		}
		const struct cli_opt global[] = {
			{ "config", &c->config_arg, NULL }, { "db", &c->db_arg, NULL }, { NULL, NULL, NULL } };
		const struct cli_opt *o = find_opt(opts, name, len);
		size_t nopts = 0;
		while (opts && opts[nopts].name)
			nopts++;
		size_t k = o ? (size_t)(o - opts) : 0;
		if (!o && (o = find_opt(global, name, len)))   /* the global options are accepted here too */
			k = nopts + (size_t)(o - global);
		if (!o) {
			snprintf(msg, sizeof msg, _("unknown option '--%.*s'"), (int)len, name);
			return cli_usage(argv[0], msg);
		}
		int again = o->value && (o->value == &c->config_arg || o->value == &c->db_arg) && *o->value;
		if (k < 8 * sizeof seen) {
			if (again || seen & 1UL << k) {   /* a global one may have come before the command */
				snprintf(msg, sizeof msg, _("option '--%s' is given twice"), o->name);
				return cli_usage(argv[0], msg);
			}
			seen |= 1UL << k;
		}
		if (!o->value) {
			if (eq) {
				snprintf(msg, sizeof msg, _("option '--%s' takes no value"), o->name);
				return cli_usage(argv[0], msg);
			}
			*o->flag = 1;
		} else if (eq) {
			*o->value = eq + 1;
		} else if (i + 1 < argc) {
			*o->value = argv[++i];
		} else {
			snprintf(msg, sizeof msg, _("option '--%s' needs a value"), o->name);
			return cli_usage(argv[0], msg);
		}
		if (o->value && !**o->value) {
			snprintf(msg, sizeof msg, _("option '--%s' needs a value, not an empty one"), o->name);
			return cli_usage(argv[0], msg);
		}
		if (o->value && !strcmp(o->name, "staff"))
			c->staff_opt = o->value;
	}
	if (npos < npos_min)
		return cli_usage(argv[0], _("missing argument"));
	return 0;
}

int cli_int(const char *cmd, const char *what, const char *s, int lo, int hi, int *out)
{
	char *end;
	errno = 0;
	long v = s ? strtol(s, &end, 10) : 0;
	/* strtol would also take leading blanks and a '+': a number is digits, maybe a minus. */
	if (!s || !(*s == '-' || (*s >= '0' && *s <= '9')) || *end || errno || v < lo || v > hi) {
		char msg[256];
		snprintf(msg, sizeof msg, _("%s must be a whole number from %d to %d, not '%s'"), what, lo,
		         hi, s ? s : "");
		return cli_usage(cmd, msg);
	}
	*out = (int)v;
	return 0;
}

void cli_json_ticket(struct cli *c, struct json *j, const char *key, const struct ticket *t)
{
	char stamp[20];
	const struct hall_type *type = c->hall ? hall_type(c->hall, t->type) : NULL;
	json_object(j, key);
	json_int(j, "id", t->id);
	json_str(j, "number", t->number);
	json_str(j, "type", t->type);
	json_str(j, "type_name", type ? type->name : NULL);
	json_str(j, "priority", t->priority[0] ? t->priority : NULL);
	json_str(j, "state", t->state);
	json_str(j, "day", t->day);
	clock_stamp((time_t)t->issued_at, stamp);
	json_str(j, "issued_at", stamp);
	if (t->called_at) {
		clock_stamp((time_t)t->called_at, stamp);
		json_str(j, "called_at", stamp);
	} else {
		json_str(j, "called_at", NULL);
	}
	if (t->window)
		json_int(j, "window", t->window);
	else
		json_str(j, "window", NULL);
	json_int(j, "calls", t->calls);
	json_int(j, "ahead", t->ahead);
	json_str(j, "id_number", t->id_masked[0] ? t->id_masked : NULL);
	json_str(j, "phone", t->phone_masked[0] ? t->phone_masked : NULL);
	json_close(j);
}

void cli_print_ticket(struct cli *c, const struct ticket *t, const char *fmt, ...)
{
	if (c->json) {
		struct json j;
		json_begin(&j, stdout);
		json_bool(&j, "ok", 1);
		cli_json_ticket(c, &j, "ticket", t);
		json_end(&j);
		return;
	}
	va_list ap;
	va_start(ap, fmt);
	printf("%s ", t->number);
	vprintf(fmt, ap);
	putchar('\n');
	va_end(ap);
}

int cli_window_command(struct cli *c, int argc, char **argv, const struct cli_opt *opts,
                       int *window, const char **staff)
{
	const char *pos[1];
	int rc = cli_parse(c, argc, argv, opts, pos, 1, 1);
	if (rc)
		return rc;
	if (!*staff || !**staff)
		return cli_usage(argv[0], _("--staff ID is required"));
	c->staff = *staff;
	if ((rc = cli_int(argv[0], _("WINDOW"), pos[0], 1, 9999, window)))
		return rc;
	return cli_store(c, 0);
}

int cli_ticket_result(struct cli *c, enum qd_status s, const struct ticket *t, const char *what)
{
	if (s != QD_OK)
		return cli_fail(c, s, NULL);
	cli_print_ticket(c, t, "%s", what);
	return 0;
}

int cli_window_action(struct cli *c, int argc, char **argv,
                      enum qd_status (*act)(struct store *, const struct hall *, int, const char *,
                                            struct ticket *),
                      struct ticket *t, int *window)
{
	const char *staff = NULL;
	const struct cli_opt opts[] = { { "staff", &staff, NULL }, { NULL, NULL, NULL } };
	int rc = cli_window_command(c, argc, argv, opts, window, &staff);
	if (rc)
		return rc;
	enum qd_status s = act(c->st, c->hall, *window, staff, t);
	return s == QD_OK ? 0 : cli_fail(c, s, NULL);
}

int cli_print_recorded(struct cli *c, const char *key, long long id, const char *text)
{
	if (!c->json) {
		puts(text);
		return 0;
	}
	struct json j;
	json_begin(&j, stdout);
	json_bool(&j, "ok", 1);
	json_int(&j, key, id);
	json_end(&j);
	return 0;
}

int cli_window_result(struct cli *c, enum qd_status s, int window, const char *state,
                      const char *reason, const char *message)
{
	if (s != QD_OK)
		return cli_fail(c, s, NULL);
	if (c->json) {
		struct json j;
		json_begin(&j, stdout);
		json_bool(&j, "ok", 1);
		json_int(&j, "window", window);
		json_str(&j, "state", state);
		json_str(&j, "reason", reason);
		json_end(&j);
	} else {
		printf(_("window %d: %s\n"), window, message);
	}
	return 0;
}
