/* cli-training.c - `qdesk training [--json]`: is this a training database, what does its demo
 * clock read, is its demo day still current, is the simulator running. make run asks it whether
 * to make the demo afresh. Exit 0: current; 3: the demo day is over; 1: not a training database. */
#include <stdio.h>
#include "cli.h"
#include "qdesk/clock.h"
#include "qdesk/i18n.h"
#include "qdesk/json.h"
#include "qdesk/training.h"

/* The screens a newcomer can open beside the console, as far as this build has them. */
static const struct { const char *command, *args, *what; } screens[] = {
	{ "window",   "2",        N_("a window console (clerk02 … clerk24, PIN 1234)") },
	{ "guide",    "1",        N_("the lobby guide desk (guide01, PIN 1234)") },
	{ "board",    "",         N_("the hall board") },
	{ "board",    "--window 7", N_("window 7's display and evaluation pad") },
	{ "lead",     "",         N_("the shift lead's dashboard (lead01, PIN 1234)") },
	{ "announcer", "--print", N_("the announcer, writing the calls it would speak") },
	{ "simulate", "",         N_("keep the hall moving (training mode)") },
};

static void print_screens(struct cli *c)
{
	printf("%s\n", _("Beside it, in other terminals of this directory:"));
	for (size_t i = 0; i < sizeof screens / sizeof screens[0]; i++) {
		if (!cli_command(screens[i].command))
			continue;
		char cmd[256];
		snprintf(cmd, sizeof cmd, "./qdesk --db %s %s%s%s", cli_db_path(c), screens[i].command,
		         *screens[i].args ? " " : "", screens[i].args);
		printf("  %-44s %s\n", cmd, _(screens[i].what));
	}
}

int cli_training(struct cli *c, int argc, char **argv)
{
	int rc = cli_parse(c, argc, argv, NULL, NULL, 0, 0);
	if (rc || (rc = cli_store(c, STORE_OPEN_READ)))
		return rc;
	struct training t;
	enum qd_status s = training_load(c->st, &t);
	if (s != QD_OK)
		return cli_fail(c, s, store_errmsg(c->st));
	if (!t.on)
		return cli_fail(c, QD_ERR_LIVE_DB, cli_db_path(c));
	time_t now = clock_now();
	int over = training_day_over(c->hall, &t, now);
	long sim = training_sim_running(cli_db_path(c));
	char stamp[20];
	clock_stamp(now, stamp);
	if (c->json) {
		struct json j;
		json_begin(&j, stdout);
		json_bool(&j, "ok", 1);
		json_bool(&j, "training", 1);
		json_str(&j, "demo_clock", stamp);
		json_int(&j, "offset_seconds", t.offset);
		json_str(&j, "demo_day", t.day);
		json_bool(&j, "day_over", over);
		json_int(&j, "simulator_pid", sim);
		json_end(&j);
	} else {
		printf(_("%s: training database (培训模式)\n"), cli_db_path(c));
		if (t.offset)
			printf(_("demo clock: %s (the real clock + %lld h %02lld min, to be inside opening hours)\n"),
			       stamp, t.offset / 3600, t.offset / 60 % 60);
		else
			printf(_("demo clock: %s (the real clock)\n"), stamp);
		printf(over ? _("demo day %s: over (make run makes a new one)\n")
		            : _("demo day %s: current\n"), t.day);
		if (sim)
			printf(_("simulator: running (pid %ld)\n"), sim);
		else
			printf("%s\n", _("simulator: not running (qdesk simulate keeps the hall moving)"));
		print_screens(c);
	}
	return over ? 3 : 0;
}
