/* screen-lead.c - the shift lead's dashboard, `qdesk lead`: log in with a PIN (leads and admins),
 * then its views (keys from the lead keymap): the hall now (windows grouped by floor and zone with
 * their state and who staffs them, the queues of each business type with the longest and the
 * estimated wait, the alerts a lead acts on, the open 办不成事 problems and rectification items;
 * lead_snapshot(), lead.h), today's figures and hourly chart (screen-lead-figures.c), the
 * rectification ledger and the problems (screen-lead-items.c), and the drill-down into a window,
 * clerk or type (screen-lead-drill.c). Refreshed whenever the database changes and every minute. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "screen-lead.h"
#include "screen-lead-views.h"
#include "session.h"
#include "ui.h"
#include "qdesk/clock.h"
#include "qdesk/i18n.h"
#include "qdesk/lead.h"
#include "qdesk/roles.h"
#include "qdesk/text.h"

/* The dashboard is not a place anybody holds: signing in records nothing. */
static enum qd_status lead_sign_in(struct ui *ui, void *ctx, const struct staff *who)
{
	(void)ui;
	(void)ctx;
	(void)who;
	return QD_OK;
}

static enum qd_status lead_holder(struct ui *ui, void *ctx, char *holder, size_t len)
{
	struct lead_screen *l = ctx;
	(void)ui;
	snprintf(holder, len, "%s", l->sess.signed_in ? l->sess.me.id : "");
	return QD_OK;
}

static enum qd_status lead_sign_out(struct ui *ui, void *ctx, const char *staff_id)
{
	(void)ui;
	(void)ctx;
	(void)staff_id;
	return QD_OK;
}

static const struct session_hooks lead_session = {
	.sign_in = lead_sign_in, .holder = lead_holder, .sign_out = lead_sign_out,
};

static int lead_load(struct ui *ui, void *self)
{
	struct lead_screen *l = self;
	lead_snapshot_free(&l->snap);
	l->load_error = lead_snapshot(ui_store(ui), ui_hall(ui), &l->snap);
	report_free(l->today);
	l->today = NULL;
	if (l->view == LEAD_VIEW_FIGURES || (l->view == LEAD_VIEW_HALL && lead_hall_has_figures())) {
		char day[11];
		clock_day((time_t)ui_now(ui), day);
		l->today_error = report_compute(ui_store(ui), ui_hall(ui), day, day, REPORT_BY_HOUR, &l->today);
	}
	lead_items_load(ui, l);
	return UI_REDRAW;
}

/* Minutes since `since` at now, for "idle 12 min". */
static long long minutes(long long now, long long since)
{
	return since && now > since ? (now - since) / 60 : 0;
}

/* One window: number, name, state with its detail, who staffs it. */
static void draw_window(struct ui *ui, const struct hall_window *hw, const struct window_state *ws,
                        int y, int x, int w)
{
	const struct hall *h = ui_hall(ui);
	long long now = ui_now(ui);
	char name[64], state[96], line[256];
	int attr = 0;
	text_pad(hw->name, 8, name, sizeof name);
	if (!strcmp(ws->state, "serving") && ws->current.id) {
		snprintf(state, sizeof state, _("serving %s %lldm"), ws->current.number,
		         minutes(now, ws->current.called_at));
	} else if (!strcmp(ws->state, "idle")) {
		long long m = minutes(now, ws->since);
		snprintf(state, sizeof state, _("idle %lldm"), m);
		if (m >= h->lead.idle_alert_minutes)
			attr = A_BOLD;
	} else if (!strcmp(ws->state, "paused")) {
		const struct hall_item *r = hall_item(h->pauses, h->npauses, ws->pause_reason);
		long long m = minutes(now, ws->since);
		snprintf(state, sizeof state, _("paused %s %lldm"), r ? r->name : ws->pause_reason, m);
		if (m >= h->lead.pause_alert_minutes)
			attr = A_BOLD | ui_attr(UI_C_WARN);
	} else {
		snprintf(state, sizeof state, "%s", _(queue_label(ws->state)));
	}
	snprintf(line, sizeof line, "%3d %s %-6s %s", hw->number, name, ws->staff, state);
	ui_text(y, x, w, attr, line);
}

/* The hall map: zones in the config's order, each with its floor, then its windows. */
static int draw_map(struct ui *ui, struct lead_screen *l, int y, int x, int w, int bottom)
{
	const struct hall *h = ui_hall(ui);
	char line[160];
	for (size_t z = 0; z < h->nzones && y < bottom; z++) {
		snprintf(line, sizeof line, "%s %s", h->zones[z].floor, h->zones[z].name);
		ui_text(y++, x, w, A_BOLD, line);
		for (size_t i = 0; i < h->nwindows && y < bottom; i++)
			if (!strcmp(h->windows[i].zone, h->zones[z].id))
				draw_window(ui, &h->windows[i], &l->snap.windows[i], y++, x, w);
	}
	return y;
}

/* The queues: type, waiting, longest wait (past target stands out), estimate, windows open. */
static int draw_queues(struct lead_screen *l, int y, int x, int w, int bottom)
{
	char line[256], est[64], name[64];
	ui_text(y++, x, w, A_BOLD, _("Queues"));
	for (size_t i = 0; i < l->snap.nqueues && y < bottom; i++) {
		const struct guide_queue *q = &l->snap.queues[i];
		if (!q->waiting && !q->windows)
			continue;
		text_pad(q->type->name, 6, name, sizeof name);
		guide_estimate_text(&q->estimate, est, sizeof est);
		snprintf(line, sizeof line, _("%s %s %2d waiting · %lld min%s · %s · %d open"),
		         q->type->prefix, name, q->waiting, q->longest / 60, q->past_target ? "!" : "", est,
		         q->windows);
		ui_text(y++, x, w, q->past_target ? A_BOLD | ui_attr(UI_C_ERROR) : 0, line);
	}
	return y;
}

static int draw_alerts(struct ui *ui, struct lead_screen *l, int y, int x, int w, int bottom)
{
	char line[256];
	ui_text(y++, x, w, A_BOLD, _("Alerts"));
	if (!l->snap.nalerts && y < bottom)
		ui_text(y++, x, w, 0, _("Nothing needs you now."));
	for (size_t i = 0; i < l->snap.nalerts && y < bottom; i++) {
		lead_alert_text(ui_hall(ui), &l->snap.alerts[i], line, sizeof line);
		ui_text(y++, x, w, A_BOLD | ui_attr(UI_C_WARN), line);
	}
	return y;
}

/* The hall view: the map left, the queues and alerts right (today's figures too on a wide
 * terminal), the open-items line at the bottom. */
static void hall_view(struct ui *ui, struct lead_screen *l, int body)
{
	char line[256];
	int fw = lead_hall_has_figures() ? 44 : 0;
	int lw = (COLS - fw) * 9 / 20;      /* 36 of 80 */
	draw_map(ui, l, 3, 1, lw - 2, body - 1);
	mvvline(3, lw, ACS_VLINE, body - 4);
	int qw = COLS - fw - lw - 3;
	int y = draw_queues(l, 3, lw + 2, qw, body - 1);
	draw_alerts(ui, l, y + 1, lw + 2, qw, body - 1);
	if (fw) {
		mvvline(3, COLS - fw - 1, ACS_VLINE, body - 4);
		lead_figures_draw(ui, l, 3, COLS - fw + 1, fw - 3, body - 1);
	}
	snprintf(line, sizeof line, _("办不成事 open %d (overdue %d) · rectifications open %d (overdue %d)"),
	         l->snap.problems_open, l->snap.problems_overdue, l->snap.rectify_open,
	         l->snap.rectify_overdue);
	ui_text(body - 1, 1, COLS - 2, l->snap.problems_overdue || l->snap.rectify_overdue ? A_BOLD : 0, line);
}

static const char *view_title(enum lead_view v)
{
	switch (v) {
	case LEAD_VIEW_FIGURES: return _("Shift lead · today's figures");
	case LEAD_VIEW_LEDGER: return _("Shift lead · rectification ledger (差评整改)");
	case LEAD_VIEW_PROBLEMS: return _("Shift lead · 办不成事 problems");
	default: return _("Shift lead · the hall now");
	}
}

static void lead_draw(struct ui *ui, void *self)
{
	struct lead_screen *l = self;
	const struct hall *h = ui_hall(ui);
	int body = ui_body_lines(ui);
	char stamp[20], line[256];
	clock_stamp((time_t)ui_now(ui), stamp);
	stamp[16] = '\0';
	l->shown_minute = ui_now(ui) / 60;
	ui_keybar_label(ui, ACT_LEAD_CALLBACK, l->view == LEAD_VIEW_LEDGER ? NULL : "");
	ui_keybar_label(ui, ACT_LEAD_CLOSE, l->view == LEAD_VIEW_LEDGER ? NULL : "");
	ui_keybar_label(ui, ACT_LEAD_RESOLVE, l->view == LEAD_VIEW_PROBLEMS ? NULL : "");
	ui_pad(0, 0, COLS, A_BOLD | ui_attr(UI_C_TITLE), h->name);
	ui_text(0, COLS - 1 - 16, 16, A_BOLD, stamp);
	int used = ui_text(1, 0, COLS - 30, 0, view_title(l->view));
	if (l->sess.signed_in) {
		snprintf(line, sizeof line, _("Lead: %s (%s)"), l->sess.me.name, l->sess.me.id);
		int lw = text_width(line);
		int cx = COLS - 1 - lw > used + 2 ? COLS - 1 - lw : used + 2;
		ui_text(1, cx, COLS - cx, 0, line);
	}
	ui_hline(2, 0, COLS);
	if (l->load_error != QD_OK) {
		ui_text(4, 1, COLS - 2, A_BOLD, _(qd_status_text(l->load_error)));
		return;
	}
	switch (l->view) {
	case LEAD_VIEW_FIGURES:
		lead_figures_view(ui, l, 3, body);
		break;
	case LEAD_VIEW_LEDGER:
		lead_ledger_view(ui, l, 3, body);
		break;
	case LEAD_VIEW_PROBLEMS:
		lead_problems_view(ui, l, 3, body);
		break;
	default:
		hall_view(ui, l, body);
	}
}

/* Times on screen are in minutes: recompute the alerts and redraw when the minute turns. */
static int lead_tick(struct ui *ui, void *self)
{
	struct lead_screen *l = self;
	if (ui_now(ui) / 60 == l->shown_minute || l->load_error != QD_OK || !l->snap.windows)
		return 0;
	l->snap.nalerts = lead_alerts(ui_hall(ui), l->snap.windows, l->snap.queues, l->snap.nqueues,
	                              ui_now(ui), l->snap.alerts, LEAD_ALERTS_MAX);
	return UI_REDRAW;
}

/* Switch to view v and reload what it shows. */
static int show_view(struct lead_screen *l, enum lead_view v)
{
	l->view = v;
	return UI_RELOAD;
}

static int lead_act(struct ui *ui, void *self, const struct ui_event *ev)
{
	struct lead_screen *l = self;
	switch (ev->act) {
	case ACT_HELP:
		ui_help(ui);
		return UI_REDRAW;
	case ACT_LOCK:
		session_lock(ui, &l->sess);
		return UI_REDRAW;
	case ACT_LOGOUT:
		session_ask_logout(ui, &l->sess, _("Log out of the dashboard?"), _("Logged out."));
		return UI_REDRAW;
	case ACT_LEAD_HALL:
		return show_view(l, LEAD_VIEW_HALL);
	case ACT_LEAD_FIGURES:
		return show_view(l, LEAD_VIEW_FIGURES);
	case ACT_LEAD_LEDGER:
		return show_view(l, LEAD_VIEW_LEDGER);
	case ACT_LEAD_PROBLEMS:
		return show_view(l, LEAD_VIEW_PROBLEMS);
	case ACT_LEAD_DRILL:
		lead_drill_pick(ui, l);
		return UI_REDRAW;
	default:
		break;
	}
	return lead_items_act(ui, l, ev);
}

void lead_pending_set(struct lead_screen *l, void *x, void (*free_fn)(void *))
{
	lead_pending_done(l);
	l->pending = x;
	l->pending_free = free_fn;
}

void lead_pending_done(struct lead_screen *l)
{
	if (l->pending && l->pending_free)
		l->pending_free(l->pending);
	l->pending = NULL;
	l->pending_free = NULL;
}

static void lead_destroy(void *self)
{
	struct lead_screen *l = self;
	lead_pending_done(l);
	session_end(&l->sess);
	lead_snapshot_free(&l->snap);
	report_free(l->today);
	free(l->ledger);
	free(l->problems);
	free(l);
}

static int lead_keybar(struct ui *ui, void *self)
{
	(void)ui;
	(void)self;
	return 1;
}

static const struct screen screen_lead = {
	.name = "lead", .keymap = KEYMAP_LEAD, .load = lead_load, .draw = lead_draw, .act = lead_act,
	.tick = lead_tick, .destroy = lead_destroy, .keybar = lead_keybar,
};

enum qd_status lead_dashboard_push(struct ui *ui, int arg)
{
	(void)arg;
	struct lead_screen *l = calloc(1, sizeof *l);
	if (!l)
		return QD_ERR_NOMEM;
	session_init(&l->sess, _("Shift lead dashboard"), roles_mask(ACT_LEAD), &lead_session, l);
	ui_push(ui, &screen_lead, l);
	session_login(ui, &l->sess);
	return QD_OK;
}
