/* cli-problem.c - `qdesk problem add|list|resolve`: 办不成事 problems (what a citizen could not get
 * done), logged by any staff member, resolved by a lead or an admin by a deadline. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "cli-items.h"
#include "qdesk/clock.h"
#include "qdesk/i18n.h"
#include "qdesk/problems.h"

static int problem_add_cmd(struct cli *c, int argc, char **argv)
{
	const char *staff = NULL, *window = NULL, *what = NULL;
	const struct cli_opt opts[] = { { "staff", &staff, NULL }, { "window", &window, NULL },
	                                { "what", &what, NULL }, { NULL, NULL, NULL } };
	int w = 0, rc = cli_parse(c, argc, argv, opts, NULL, 0, 0);
	if (rc)
		return rc;
	if (!staff || !*staff)
		return cli_usage("problem", _("--staff ID is required"));
	if (!what || !*what)
		return cli_usage("problem", _("--what TEXT is required"));
	if (window && (rc = cli_int("problem", "--window", window, 1, 9999, &w)))
		return rc;
	if ((rc = cli_store(c, 0)))
		return rc;
	long long id = 0;
	char due[11];
	enum qd_status s = problems_add(c->st, c->hall, w, staff, what, &id, due);
	if (s != QD_OK)
		return cli_fail(c, s, NULL);
	if (c->json) {
		struct json j;
		json_begin(&j, stdout);
		json_bool(&j, "ok", 1);
		json_int(&j, "problem", id);
		json_str(&j, "deadline", due);
		json_end(&j);
	} else {
		printf(_("problem %lld logged, due %s\n"), id, due);
	}
	return 0;
}

static void json_problem(struct json *j, const void *row)
{
	const struct problem *p = row;
	json_object(j, NULL);
	json_int(j, "id", p->id);
	json_str(j, "day", p->day);
	cli_items_stamp(j, "at", p->at);
	if (p->window)
		json_int(j, "window", p->window);
	else
		json_str(j, "window", NULL);
	json_str(j, "staff", p->staff[0] ? p->staff : NULL);
	json_str(j, "what", p->what);
	json_str(j, "state", p->state);
	json_str(j, "deadline", p->deadline);
	json_bool(j, "overdue", p->overdue);
	json_str(j, "resolution", p->resolution[0] ? p->resolution : NULL);
	cli_items_stamp(j, "resolved_at", p->resolved_at);
	json_str(j, "resolved_by", p->resolved_by[0] ? p->resolved_by : NULL);
	json_close(j);
}

/* One line: id, day, window, taken by, state, deadline (with "overdue"), what, resolution. */
static void print_problem(const void *row)
{
	const struct problem *p = row;
	char win[16];
	printf("%lld\t%s\t%s\t%s\t%s\t%s%s%s\t%s", p->id, p->day, cli_items_window(p->window, win),
	       p->staff[0] ? p->staff : "-", strcmp(p->state, "open") == 0 ? _("open") : _("solved"),
	       p->deadline, p->overdue ? " " : "", p->overdue ? _("overdue") : "", p->what);
	if (p->resolution[0])
		printf("\t%s (%s)", p->resolution, p->resolved_by[0] ? p->resolved_by : "-");
	putchar('\n');
}

static int problem_list_cmd(struct cli *c, int argc, char **argv)
{
	const char *day = NULL;
	const struct cli_opt opts[] = { { "day", &day, NULL }, { NULL, NULL, NULL } };
	int rc = cli_parse(c, argc, argv, opts, NULL, 0, 0);
	if (rc)
		return rc;
	if (day && !clock_valid_day(day))
		return cli_usage("problem", _("--day must be a real date YYYY-MM-DD"));
	if ((rc = cli_store(c, 0)))
		return rc;
	struct problem *all;
	size_t n;
	enum qd_status s = problems_list(c->st, day, &all, &n);
	if (s != QD_OK)
		return cli_fail(c, s, NULL);
	cli_items_print(c, "problems", all, n, sizeof *all, json_problem, print_problem);
	free(all);
	return 0;
}

static int problem_resolve_cmd(struct cli *c, int argc, char **argv)
{
	const char *staff = NULL, *resolution = NULL, *pos[1];
	const struct cli_opt opts[] = { { "staff", &staff, NULL }, { "resolution", &resolution, NULL },
	                                { NULL, NULL, NULL } };
	int id, rc = cli_parse(c, argc, argv, opts, pos, 1, 1);
	if (rc)
		return rc;
	if ((rc = cli_int("problem", "ID", pos[0], 1, INT_MAX, &id)))
		return rc;
	if (!staff || !*staff)
		return cli_usage("problem", _("--staff ID is required"));
	if (!resolution || !*resolution)
		return cli_usage("problem", _("--resolution TEXT is required"));
	if ((rc = cli_store(c, 0)))
		return rc;
	enum qd_status s = problems_resolve(c->st, c->hall, id, staff, resolution);
	if (s != QD_OK)
		return cli_fail(c, s, pos[0]);
	char text[128];
	snprintf(text, sizeof text, _("problem %d solved"), id);
	return cli_print_recorded(c, "problem", id, text);
}

int cli_problem(struct cli *c, int argc, char **argv)
{
	if (argc < 2)
		return cli_usage("problem", _("missing subcommand"));
	const char *sub = argv[1];
	if (!strcmp(sub, "add"))
		return problem_add_cmd(c, argc - 1, argv + 1);
	if (!strcmp(sub, "list"))
		return problem_list_cmd(c, argc - 1, argv + 1);
	if (!strcmp(sub, "resolve"))
		return problem_resolve_cmd(c, argc - 1, argv + 1);
	return cli_usage("problem", _("unknown subcommand"));
}
