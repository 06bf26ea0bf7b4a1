/* cli-rectify.c - `qdesk rectify list|callback|close`: the rectification ledger (差评整改) of bad
 * ratings, for leads and admins: the call-back (回访) and the closing by rectification (整改) or
 * explanation, each with a note. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "cli-items.h"
#include "qdesk/clock.h"
#include "qdesk/i18n.h"
#include "qdesk/rectify.h"
#include "qdesk/roles.h"
#include "qdesk/staff.h"

static const char *opt(const char *s)
{
	return s[0] ? s : NULL;
}

static void json_item(struct json *j, const void *row)
{
	const struct rectify_item *r = row;
	json_object(j, NULL);
	json_int(j, "id", r->id);
	json_int(j, "evaluation", r->evaluation_id);
	json_str(j, "ticket", opt(r->number));
	json_str(j, "opened", r->opened_day);
	json_str(j, "deadline", r->deadline);
	json_int(j, "level", r->level);
	json_str(j, "reason", opt(r->reason));
	if (r->window)
		json_int(j, "window", r->window);
	else
		json_str(j, "window", NULL);
	json_str(j, "staff", opt(r->staff));
	json_str(j, "matter", opt(r->matter));
	json_str(j, "state", r->state);
	json_bool(j, "overdue", r->overdue);
	cli_items_stamp(j, "callback_at", r->callback_at);
	json_str(j, "callback_by", opt(r->callback_by));
	json_str(j, "callback_note", opt(r->callback_note));
	cli_items_stamp(j, "closed_at", r->closed_at);
	json_str(j, "closed_by", opt(r->closed_by));
	json_str(j, "note", opt(r->note));
	json_close(j);
}

/* The English label of a ledger state, to show through _(). */
static const char *state_label(const char *state)
{
	if (!strcmp(state, "open"))
		return N_("open");
	if (!strcmp(state, "called-back"))
		return N_("called back");
	if (!strcmp(state, "fixed"))
		return N_("rectified");
	return N_("explained");
}

/* One line, tab-separated: id, ticket, opened, deadline[ overdue], level, window, clerk, matter,
 * state, reason, then the call-back and closing notes when there are any. */
static void print_item(const void *row)
{
	const struct rectify_item *r = row;
	char win[16];
	cli_items_window(r->window, win);
	printf("%lld\t%s\t%s\t%s%s%s\t%d\t%s\t%s\t%s\t%s\t%s", r->id, r->number[0] ? r->number : "-",
	       r->opened_day, r->deadline, r->overdue ? " " : "", r->overdue ? _("overdue") : "", r->level,
	       win, r->staff[0] ? r->staff : "-", r->matter[0] ? r->matter : "-", _(state_label(r->state)),
	       r->reason[0] ? r->reason : "-");
	if (r->callback_at)
		printf("\t%s: %s", _("call-back"), r->callback_note);
	if (r->closed_at)
		printf("\t%s: %s", _(state_label(r->state)), r->note);
	putchar('\n');
}

/* --staff must name an active lead or admin. Returns 0 or the exit status after reporting. */
static int check_lead(struct cli *c, const char *staff)
{
	if (!staff || !*staff)
		return cli_usage("rectify", _("--staff ID is required"));
	int rc = cli_store(c, 0);
	if (rc)
		return rc;
	enum qd_status s = roles_check(c->st, staff, ACT_RECTIFY);
	return s == QD_OK ? 0 : cli_fail(c, s, staff);
}

static int rectify_list_cmd(struct cli *c, int argc, char **argv)
{
	const char *day = NULL, *staff = NULL;
	const struct cli_opt opts[] = { { "day", &day, NULL }, { "staff", &staff, NULL },
	                                { NULL, NULL, NULL } };
	int rc = cli_parse(c, argc, argv, opts, NULL, 0, 0);
	if (rc)
		return rc;
	if (day && !clock_valid_day(day))
		return cli_usage("rectify", _("--day must be a real date YYYY-MM-DD"));
	if ((rc = check_lead(c, staff)))
		return rc;
	struct rectify_item *all;
	size_t n;
	enum qd_status s = rectify_list(c->st, day, &all, &n);
	if (s != QD_OK)
		return cli_fail(c, s, NULL);
	cli_items_print(c, "rectifications", all, n, sizeof *all, json_item, print_item);
	free(all);
	return 0;
}

/* callback ID --staff S --note T, and close ID --staff S (--fixed | --explained) --note T. */
static int rectify_act_cmd(struct cli *c, int argc, char **argv, int closing)
{
	const char *staff = NULL, *note = NULL, *pos[1];
	int fixed = 0, explained = 0, id;
	const struct cli_opt opts[] = { { "staff", &staff, NULL }, { "note", &note, NULL },
	                                { "fixed", NULL, &fixed }, { "explained", NULL, &explained },
	                                { NULL, NULL, NULL } };
	int rc = cli_parse(c, argc, argv, opts, pos, 1, 1);
	if (rc || (rc = cli_int("rectify", "ID", pos[0], 1, INT_MAX, &id)))
		return rc;
	if (!staff || !*staff)
		return cli_usage("rectify", _("--staff ID is required"));
	if (!closing && fixed + explained)
		return cli_usage("rectify", _("--fixed and --explained close an item: rectify close"));
	if (closing && fixed + explained != 1)
		return cli_usage("rectify", _("say how it was closed: --fixed or --explained"));
	if (!note || !*note)
		return cli_usage("rectify", _("--note TEXT is required"));
	if ((rc = cli_store(c, 0)))
		return rc;
	enum qd_status s = closing ? rectify_close(c->st, id, staff, fixed ? "fixed" : "explained", note)
	                           : rectify_callback(c->st, id, staff, note);
	if (s != QD_OK)
		return cli_fail(c, s, pos[0]);
	char text[128];
	if (!closing)
		snprintf(text, sizeof text, _("rectification %d: call-back recorded"), id);
	else
		snprintf(text, sizeof text, _("rectification %d closed"), id);
	return cli_print_recorded(c, "rectification", id, text);
}

int cli_rectify(struct cli *c, int argc, char **argv)
{
	if (argc < 2)
		return cli_usage("rectify", _("missing subcommand"));
	const char *sub = argv[1];
	if (!strcmp(sub, "list"))
		return rectify_list_cmd(c, argc - 1, argv + 1);
	if (!strcmp(sub, "callback"))
		return rectify_act_cmd(c, argc - 1, argv + 1, 0);
	if (!strcmp(sub, "close"))
		return rectify_act_cmd(c, argc - 1, argv + 1, 1);
	return cli_usage("rectify", _("unknown subcommand"));
}
