/* cli-audit.c - `qdesk audit verify` (the hash chain and every audited row; exit 1 if anything
 * was changed outside qdesk) and `qdesk audit log` (the trail, readably, filtered). Both open the
 * database read-only. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "qdesk/audit.h"
#include "qdesk/clock.h"
#include "qdesk/i18n.h"
#include "qdesk/text.h"

static const char *finding_text(enum audit_finding f)
{
	switch (f) {
	case AUDIT_EVENT_CHANGED:  return N_("event changed, removed, inserted or reordered");
	case AUDIT_UNSEALED:       return N_("event written outside qdesk (no hash)");
	case AUDIT_ROW_CHANGED:    return N_("row changed since its last event");
	case AUDIT_ROW_UNRECORDED: return N_("row written outside qdesk (no event covers it)");
	case AUDIT_ROW_DELETED:    return N_("row deleted");
	}
	return "?";
}

static const char *finding_name(enum audit_finding f)
{
	static const char *const names[] = { "event-changed", "event-unsealed", "row-changed",
	                                     "row-unrecorded", "row-deleted" };
	return names[f];
}

struct verify_out { struct cli *c; struct json *j; };

static void print_problem(void *ctx, const struct audit_problem *p)
{
	struct verify_out *o = ctx;
	if (o->j) {
		json_object(o->j, NULL);
		json_str(o->j, "problem", finding_name(p->what));
		if (p->event_id)
			json_int(o->j, "event", p->event_id);
		if (p->table[0]) {
			json_str(o->j, "table", p->table);
			json_int(o->j, "row", p->row);
		}
		json_close(o->j);
	} else if (p->table[0]) {
		printf(_("%s row %lld: %s"), p->table, p->row, _(finding_text(p->what)));
		if (p->event_id)
			printf(_(" (last recorded by event %lld)"), p->event_id);
		putchar('\n');
	} else {
		printf(_("event %lld: %s\n"), p->event_id, _(finding_text(p->what)));
	}
}

static int audit_verify_cmd(struct cli *c, int argc, char **argv)
{
	int rc = cli_parse(c, argc, argv, NULL, NULL, 0, 0);
	if (rc || (rc = cli_store(c, STORE_OPEN_READ)))
		return rc;
	struct json j;
	struct verify_out o = { c, NULL };
	if (c->json) {
		json_begin(&j, stdout);
		json_array(&j, "problems");
		o.j = &j;
	}
	struct audit_verify_ctx v = { print_problem, &o };
	struct audit_summary sum;
	enum qd_status s = audit_verify(c->st, &v, &sum);
	int broken = sum.broken_events || sum.broken_rows;
	if (c->json) {
		json_close(&j);
		json_bool(&j, "ok", s == QD_OK && !broken);
		if (s != QD_OK)
			json_str(&j, "error", qd_status_name(s));
		json_int(&j, "events", sum.events);
		json_int(&j, "rows", sum.rows);
		if (sum.first_broken)
			json_int(&j, "first_broken_event", sum.first_broken);
		json_int(&j, "fixed_clock_events", sum.fixed_clock);
		json_end(&j);
		if (s != QD_OK) {
			fprintf(stderr, "qdesk: %s: %s\n", _(qd_status_text(s)), store_errmsg(c->st));
			return qd_status_exit(s);
		}
		return broken ? 1 : 0;
	}
	if (s != QD_OK)
		return cli_fail(c, s, NULL);
	if (sum.fixed_clock)
		printf(_("%lld events were made under a fixed clock (QDESK_NOW), events %lld to %lld\n"),
		       sum.fixed_clock, sum.first_fixed, sum.last_fixed);
	if (broken) {
		if (sum.first_broken)
			printf(_("first broken event: %lld\n"), sum.first_broken);
		printf(_("audit trail BROKEN: %lld events and %lld rows do not match\n"), sum.broken_events,
		       sum.broken_rows);
		return 1;
	}
	printf(_("audit trail intact: %lld events, %lld rows\n"), sum.events, sum.rows);
	return 0;
}

struct log_out { struct json *j; long long n; };

static void print_event(void *ctx, const struct audit_event *e)
{
	struct log_out *o = ctx;
	char at[20], sys[20], safe[256];
	clock_stamp((time_t)e->at, at);
	clock_stamp((time_t)e->sys_at, sys);
	text_sanitize(e->detail, safe, sizeof safe);
	o->n++;
	if (o->j) {
		json_object(o->j, NULL);
		json_int(o->j, "id", e->id);
		json_str(o->j, "at", at);
		json_str(o->j, "system_clock", e->sys_at ? sys : NULL);
		json_bool(o->j, "clock_fixed", e->clock_fixed);
		json_str(o->j, "kind", e->kind);
		json_str(o->j, "ticket", e->number[0] ? e->number : NULL);
		if (e->window)
			json_int(o->j, "window", e->window);
		else
			json_str(o->j, "window", NULL);
		json_str(o->j, "staff", e->staff[0] ? e->staff : NULL);
		json_str(o->j, "detail", safe[0] ? safe : NULL);
		json_close(o->j);
		return;
	}
	char win[16] = "";
	if (e->window)
		snprintf(win, sizeof win, "%d", e->window);
	printf("%6lld %s%s %-18s %-6s %4s %-10s %s\n", e->id, at, e->clock_fixed ? "*" : " ", e->kind,
	       e->number, win, e->staff, safe);
}

static int audit_log_cmd(struct cli *c, int argc, char **argv)
{
	const char *day = NULL, *ticket = NULL, *staff = NULL, *window = NULL;
	const struct cli_opt opts[] = { { "day", &day, NULL }, { "ticket", &ticket, NULL },
		{ "staff", &staff, NULL }, { "window", &window, NULL }, { NULL, NULL, NULL } };
	int rc = cli_parse(c, argc, argv, opts, NULL, 0, 0);
	if (rc)
		return rc;
	struct audit_filter f = { day, 0, staff, 0, NULL, NULL };
	if (day && !clock_valid_day(day))
		return cli_usage("audit log", _("--day is YYYY-MM-DD"));
	int w;
	if (window && (rc = cli_int("audit log", "--window", window, 1, 9999, &w)))
		return rc;
	if (window)
		f.window = w;
	char number[32], today[11];
	if (ticket && *ticket >= '0' && *ticket <= '9' && strspn(ticket, "0123456789") == strlen(ticket)) {
		f.ticket = strtoll(ticket, NULL, 10);
	} else if (ticket) {
		if ((rc = cli_hall(c)))
			return rc;
		queue_number_normalize(c->hall, ticket, number, sizeof number);
		time_t now = clock_now();
		clock_day(now == (time_t)-1 ? 0 : now, today);
		f.number = number;
		f.number_day = day ? day : today;
	}
	if ((rc = cli_store(c, STORE_OPEN_READ)))
		return rc;
	struct json j;
	struct log_out o = { NULL, 0 };
	if (c->json) {
		json_begin(&j, stdout);
		json_bool(&j, "ok", 1);
		json_array(&j, "events");
		o.j = &j;
	}
	enum qd_status s = audit_log(c->st, &f, print_event, &o);
	if (c->json) {
		json_close(&j);
		json_end(&j);
	}
	if (s != QD_OK)
		return cli_fail(c, s, NULL);
	if (!c->json && o.n == 0)
		fprintf(stderr, "qdesk: %s\n", _("no events match"));
	return 0;
}

int cli_audit(struct cli *c, int argc, char **argv)
{
	if (argc >= 2 && !strcmp(argv[1], "verify"))
		return audit_verify_cmd(c, argc - 1, argv + 1);
	if (argc >= 2 && !strcmp(argv[1], "log"))
		return audit_log_cmd(c, argc - 1, argv + 1);
	return cli_usage("audit", _("which? audit verify | audit log"));
}
