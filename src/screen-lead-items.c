/* screen-lead-items.c - the shift lead's ledger views: the rectification ledger (差评整改: every
 * rating of 1-2 still open and those closed today, with reason, ticket, clerk, matter and deadline
 * in working days; overdue ones stand out), where the lead records the call-back (回访) and closes
 * an item as rectified (整改) or explained (说明) with a note; and the 办不成事 problems, where the
 * lead records a resolution. Through the same domain functions as `qdesk rectify` and
 * `qdesk problem` (rectify.h, problems.h). */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "screen-lead-views.h"
#include "widget-picker.h"
#include "widget-prompt.h"
#include "qdesk/clock.h"
#include "qdesk/i18n.h"
#include "qdesk/text.h"

#define DETAIL_LINES 7              /* the selected item's details under the list */

void lead_items_load(struct ui *ui, struct lead_screen *l)
{
	/* the cursor stays on the item it was on (a closed item moves down the list) */
	long long ledger_id = l->nledger ? l->ledger[l->ledger_list.sel].id : 0;
	long long problem_id = l->nproblems ? l->problems[l->problem_list.sel].id : 0;
	free(l->ledger);
	free(l->problems);
	l->ledger = NULL;
	l->problems = NULL;
	l->nledger = l->nproblems = 0;
	if (l->view == LEAD_VIEW_LEDGER)
		l->items_error = rectify_list(ui_store(ui), NULL, &l->ledger, &l->nledger);
	else if (l->view == LEAD_VIEW_PROBLEMS)
		l->items_error = problems_list(ui_store(ui), NULL, &l->problems, &l->nproblems);
	for (size_t i = 0; ledger_id && i < l->nledger; i++)
		if (l->ledger[i].id == ledger_id)
			l->ledger_list.sel = (int)i;
	for (size_t i = 0; problem_id && i < l->nproblems; i++)
		if (l->problems[i].id == problem_id)
			l->problem_list.sel = (int)i;
}

/* Keep the cursor on a row and the row in the rows shown. */
static void list_fit(struct lead_list *li, size_t n, int rows)
{
	if (li->sel >= (int)n)
		li->sel = (int)n - 1;
	if (li->sel < 0)
		li->sel = 0;
	if (li->top > li->sel)
		li->top = li->sel;
	if (rows > 0 && li->sel >= li->top + rows)
		li->top = li->sel - rows + 1;
	if (li->top < 0)
		li->top = 0;
}

/* Rows of the list between its header and the details. */
static int list_rows(int top, int bottom)
{
	return bottom - top - 2 - DETAIL_LINES;
}

/* s wrapped into at most max lines of w columns from y; returns the lines used. */
static int wrap(int y, int x, int w, int max, int attr, const char *s)
{
	char clean[2048], cut[1024];
	text_sanitize(s, clean, sizeof clean);
	const char *p = clean;
	int n = 0;
	while (*p && n < max) {
		text_truncate(p, w, cut, sizeof cut);
		size_t len = strlen(cut);
		if (!len)
			break;
		ui_text(y + n++, x, w, attr, cut);
		p += len;
	}
	return n;
}

/* The heading of a list of n rows: its error, or the heading, and empty when there are none.
 * Returns 1 when the list has rows to draw. */
static int list_heading(struct lead_screen *l, int top, int w, const char *heading, size_t n, const char *empty)
{
	if (l->items_error != QD_OK) {
		ui_text(top + 1, 1, w, A_BOLD, _(qd_status_text(l->items_error)));
		return 0;
	}
	ui_text(top, 1, w, A_BOLD, heading);
	if (!n)
		ui_text(top + 2, 1, w, 0, empty);
	return n > 0;
}

static const char *state_label(const char *state)
{
	if (!strcmp(state, "open"))
		return _("open");
	if (!strcmp(state, "called-back"))
		return _("called back");
	if (!strcmp(state, "fixed"))
		return _("rectified");
	if (!strcmp(state, "explained"))
		return _("explained");
	return _("solved");
}

/* "11-23 10:40 l1": when and by whom, for a call-back or a closing. */
static void when_who(long long at, const char *who, char *out, size_t len)
{
	char stamp[20];
	clock_stamp((time_t)at, stamp);
	stamp[16] = '\0';
	snprintf(out, len, "%s %s", stamp + 5, who);
}

static int row_attr(int selected, int overdue)
{
	return (selected ? A_REVERSE : 0) | (overdue ? A_BOLD | ui_attr(UI_C_ERROR) : 0);
}

static void ledger_details(struct ui *ui, const struct rectify_item *it, int y, int w)
{
	const struct hall *h = ui_hall(ui);
	const struct hall_matter *m = hall_matter(h, it->matter);
	char line[768], ww[64];
	ui_hline(y++, 0, COLS);
	snprintf(ww, sizeof ww, "%d", it->window);
	snprintf(line, sizeof line, _("No. %lld · rating %d · ticket %s · window %s · clerk %s"), it->id,
	         it->level, it->number[0] ? it->number : "-", it->window ? ww : "-",
	         it->staff[0] ? it->staff : "-");
	ui_text(y++, 1, w, A_BOLD, line);
	snprintf(line, sizeof line, _("matter: %s"), m ? m->name : it->matter[0] ? it->matter : "-");
	ui_text(y++, 1, w, 0, line);
	snprintf(line, sizeof line, _("opened %s · due %s (%d working days)%s"), it->opened_day, it->deadline,
	         h->eval.rectify_days, it->overdue ? _(" · OVERDUE") : "");
	ui_text(y++, 1, w, it->overdue ? A_BOLD | ui_attr(UI_C_ERROR) : 0, line);
	snprintf(line, sizeof line, _("reason: %s"), it->reason[0] ? it->reason : "-");
	ui_text(y++, 1, w, 0, line);
	if (it->callback_at) {
		when_who(it->callback_at, it->callback_by, ww, sizeof ww);
		snprintf(line, sizeof line, _("call-back %s: %s"), ww, it->callback_note);
	} else {
		snprintf(line, sizeof line, "%s", _("call-back: not yet"));
	}
	ui_text(y++, 1, w, 0, line);
	if (it->closed_at) {
		when_who(it->closed_at, it->closed_by, ww, sizeof ww);
		snprintf(line, sizeof line, "%s %s: %s", state_label(it->state), ww, it->note);
	} else {
		snprintf(line, sizeof line, "%s", _("rectification or explanation: not yet"));
	}
	ui_text(y, 1, w, 0, line);
}

void lead_ledger_view(struct ui *ui, struct lead_screen *l, int top, int bottom)
{
	char line[1536], num[32], clerk[32], state[64], ww[16];
	int w = COLS - 2, rows = list_rows(top, bottom);
	snprintf(line, sizeof line, _("%zu items: the open ones by deadline, then those opened today and closed"), l->nledger);
	if (!list_heading(l, top, w, line, l->nledger, _("No bad ratings to follow up.")))
		return;
	text_pad(_("ticket"), 6, num, sizeof num);
	text_pad(_("clerk"), 8, clerk, sizeof clerk);
	text_pad(_("state"), 11, state, sizeof state);
	char due[32], lv[16], win[16];
	text_pad(_("due"), 11, due, sizeof due);
	text_pad("★", 2, lv, sizeof lv);
	text_pad(_("win"), 3, win, sizeof win);
	int wide = COLS >= 120;             /* room for the matter and the day it was opened */
	char matter[160] = "", opened[32] = "";
	if (wide) {
		char mh[64];
		text_pad(_("matter"), 24, mh, sizeof mh);
		text_pad(_("opened"), 10, opened, sizeof opened);
		snprintf(matter, sizeof matter, "%s %s ", opened, mh);
	}
	snprintf(line, sizeof line, "%4s %s %s%s %s %s %s %s %s", _("item"), num, wide ? matter : "", due, lv, win,
	         clerk, state, _("reason"));
	ui_text(top + 1, 1, w, A_UNDERLINE, line);
	list_fit(&l->ledger_list, l->nledger, rows);
	for (int i = 0; i < rows && l->ledger_list.top + i < (int)l->nledger; i++) {
		int k = l->ledger_list.top + i;
		const struct rectify_item *it = &l->ledger[k];
		text_pad(it->number[0] ? it->number : "-", 6, num, sizeof num);
		text_pad(it->staff[0] ? it->staff : "-", 8, clerk, sizeof clerk);
		text_pad(state_label(it->state), 11, state, sizeof state);
		snprintf(ww, sizeof ww, "%d", it->window);
		if (wide) {
			const struct hall_matter *m = hall_matter(ui_hall(ui), it->matter);
			char mn[96];
			text_pad(m ? m->name : it->matter[0] ? it->matter : "-", 24, mn, sizeof mn);
			snprintf(matter, sizeof matter, "%s %s ", it->opened_day, mn);
		}
		snprintf(line, sizeof line, "%4lld %s %s%s%s %d  %3s %s %s %s", it->id, num, wide ? matter : "",
		         it->deadline, it->overdue ? "!" : " ", it->level, it->window ? ww : "-", clerk, state,
		         it->reason[0] ? it->reason : "-");
		ui_pad(top + 2 + i, 1, w, row_attr(k == l->ledger_list.sel, it->overdue), line);
	}
	ledger_details(ui, &l->ledger[l->ledger_list.sel], bottom - DETAIL_LINES, w);
}

static void problem_details(struct ui *ui, const struct problem *p, int y, int w)
{
	const struct hall *h = ui_hall(ui);
	char line[768], ww[64], stamp[20];
	ui_hline(y++, 0, COLS);
	snprintf(ww, sizeof ww, "%d", p->window);
	clock_stamp((time_t)p->at, stamp);
	stamp[16] = '\0';
	snprintf(line, sizeof line, _("No. %lld · received %s · window %s · taken by %s"), p->id, stamp,
	         p->window ? ww : "-", p->staff[0] ? p->staff : "-");
	ui_text(y++, 1, w, A_BOLD, line);
	snprintf(line, sizeof line, _("due %s (%d working days)%s"), p->deadline, h->lead.problem_days,
	         p->overdue ? _(" · OVERDUE") : "");
	ui_text(y++, 1, w, p->overdue ? A_BOLD | ui_attr(UI_C_ERROR) : 0, line);
	y += wrap(y, 1, w, 2, 0, p->what);
	if (p->resolved_at) {
		when_who(p->resolved_at, p->resolved_by, ww, sizeof ww);
		snprintf(line, sizeof line, _("resolved %s: %s"), ww, p->resolution);
	} else {
		snprintf(line, sizeof line, "%s", _("resolution: not yet"));
	}
	wrap(y, 1, w, 1, 0, line);
}

void lead_problems_view(struct ui *ui, struct lead_screen *l, int top, int bottom)
{
	char line[768], by[32], state[64], ww[16], win[16], due[32];
	int w = COLS - 2, rows = list_rows(top, bottom);
	snprintf(line, sizeof line, _("%zu problems: the open ones by deadline, then those received today and solved"), l->nproblems);
	if (!list_heading(l, top, w, line, l->nproblems, _("No problems to follow up.")))
		return;
	text_pad(_("taken by"), 8, by, sizeof by);
	text_pad(_("state"), 8, state, sizeof state);
	text_pad(_("win"), 3, win, sizeof win);
	text_pad(_("due"), 11, due, sizeof due);
	snprintf(line, sizeof line, "%4s %s %s %s %s %s", _("item"), due, win, by, state, _("what was wrong"));
	ui_text(top + 1, 1, w, A_UNDERLINE, line);
	list_fit(&l->problem_list, l->nproblems, rows);
	for (int i = 0; i < rows && l->problem_list.top + i < (int)l->nproblems; i++) {
		int k = l->problem_list.top + i;
		const struct problem *p = &l->problems[k];
		text_pad(p->staff[0] ? p->staff : "-", 8, by, sizeof by);
		text_pad(state_label(p->state), 8, state, sizeof state);
		snprintf(ww, sizeof ww, "%d", p->window);
		snprintf(line, sizeof line, "%4lld %s%s %3s %s %s %s", p->id, p->deadline, p->overdue ? "!" : " ",
		         p->window ? ww : "-", by, state, p->what);
		ui_pad(top + 2 + i, 1, w, row_attr(k == l->problem_list.sel, p->overdue), line);
	}
	problem_details(ui, &l->problems[l->problem_list.sel], bottom - DETAIL_LINES, w);
}

/* ---- the lead's actions: call-back, close, resolve ---- */

struct item_act {
	struct lead_screen *l;
	long long id;
	const char *close;          /* rectify: NULL call-back, "fixed" or "explained"; unused for problems */
	int problem;
};

/* A refusal that the note fixes keeps the prompt open; any other closes it. */
static int note_refusal(enum qd_status s)
{
	return s == QD_ERR_NOTE_REQUIRED || s == QD_ERR_INVALID || s == QD_ERR_TOO_LONG;
}

static int note_done(struct ui *ui, void *ctx, const char *answer)
{
	struct item_act *a = ctx;
	if (!answer) {
		lead_pending_done(a->l);
		return 1;
	}
	struct store *st = ui_store(ui);
	const char *me = a->l->sess.me.id;
	enum qd_status s = a->problem ? problems_resolve(st, ui_hall(ui), a->id, me, answer)
	                   : a->close ? rectify_close(st, a->id, me, a->close, answer)
	                              : rectify_callback(st, a->id, me, answer);
	if (s != QD_OK) {
		ui_status(ui, s, NULL);
		if (note_refusal(s))
			return 0;
	} else if (a->problem) {
		ui_message(ui, UI_MSG_OK, _("Problem %lld: resolution recorded."), a->id);
	} else if (a->close) {
		ui_message(ui, UI_MSG_OK, _("Rectification %lld closed."), a->id);
	} else {
		ui_message(ui, UI_MSG_OK, _("Rectification %lld: call-back recorded."), a->id);
	}
	ui_reload(ui);
	lead_pending_done(a->l);
	return 1;
}

static void ask_note(struct ui *ui, struct item_act *a, const char *title, const char *question, int max)
{
	prompt_push(ui, title, question, max, NULL, PROMPT_KEEP, note_done, a);
}

static struct item_act *new_act(struct ui *ui, struct lead_screen *l, long long id, int problem)
{
	struct item_act *a = calloc(1, sizeof *a);
	if (!a) {
		ui_status(ui, QD_ERR_NOMEM, NULL);
		return NULL;
	}
	a->l = l;
	a->id = id;
	a->problem = problem;
	lead_pending_set(l, a, free);
	return a;
}

static void close_chosen(struct ui *ui, void *ctx, int index, const unsigned char *checked)
{
	struct item_act *a = ctx;
	(void)checked;
	if (index < 0) {
		lead_pending_done(a->l);
		return;
	}
	a->close = index == 0 ? "fixed" : "explained";
	ask_note(ui, a, index == 0 ? _("Rectified (整改)") : _("Explained (说明)"),
	         index == 0 ? _("What was rectified?") : _("What was explained to the applicant?"),
	         RECTIFY_NOTE_MAX);
}

/* The selected ledger item if it is still open; else a message and NULL. */
static const struct rectify_item *open_item(struct ui *ui, struct lead_screen *l)
{
	if (l->view != LEAD_VIEW_LEDGER || !l->nledger) {
		ui_message(ui, UI_MSG_ERROR, "%s", _("Choose an item in the rectification ledger first."));
		return NULL;
	}
	const struct rectify_item *it = &l->ledger[l->ledger_list.sel];
	if (!strcmp(it->state, "fixed") || !strcmp(it->state, "explained")) {
		ui_status(ui, QD_ERR_ITEM_CLOSED, NULL);
		return NULL;
	}
	return it;
}

static int list_key(struct lead_list *li, int code, int rows)
{
	switch (code) {
	case KEY_UP: li->sel--; break;
	case KEY_DOWN: li->sel++; break;
	case KEY_PPAGE: li->sel -= rows > 1 ? rows - 1 : 1; break;
	case KEY_NPAGE: li->sel += rows > 1 ? rows - 1 : 1; break;
	case KEY_HOME: li->sel = 0; break;
	case KEY_END: li->sel = 1 << 30; break;
	default: return 0;
	}
	return UI_REDRAW;
}

int lead_items_act(struct ui *ui, struct lead_screen *l, const struct ui_event *ev)
{
	int rows = list_rows(3, ui_body_lines(ui));
	struct item_act *a;
	const struct rectify_item *it;
	switch (ev->act) {
	case ACT_LEAD_CALLBACK:
		if (!(it = open_item(ui, l)))
			return UI_REDRAW;
		if (!strcmp(it->state, "called-back")) {
			ui_status(ui, QD_ERR_EXISTS, NULL);
			return UI_REDRAW;
		}
		if ((a = new_act(ui, l, it->id, 0)))
			ask_note(ui, a, _("Call-back (回访)"), _("What did the applicant say?"), RECTIFY_NOTE_MAX);
		return UI_REDRAW;
	case ACT_LEAD_CLOSE:
		if (!(it = open_item(ui, l)) || !(a = new_act(ui, l, it->id, 0)))
			return UI_REDRAW;
		struct picker *p = picker_new(_("Close the item as"), 0, close_chosen, a);
		picker_add(p, "", _("rectified (整改)"), 0);
		picker_add(p, "", _("explained (说明)"), 0);
		picker_push(ui, p);
		return UI_REDRAW;
	case ACT_LEAD_RESOLVE:
		if (l->view != LEAD_VIEW_PROBLEMS || !l->nproblems) {
			ui_message(ui, UI_MSG_ERROR, "%s", _("Choose a problem in the problems list first."));
			return UI_REDRAW;
		}
		if (strcmp(l->problems[l->problem_list.sel].state, "open") != 0) {
			ui_status(ui, QD_ERR_ITEM_CLOSED, NULL);
			return UI_REDRAW;
		}
		if ((a = new_act(ui, l, l->problems[l->problem_list.sel].id, 1)))
			ask_note(ui, a, _("Resolve the problem"), _("How was it resolved?"), PROBLEMS_TEXT_MAX);
		return UI_REDRAW;
	default:
		break;
	}
	if (!ev->fn)
		return 0;
	if (l->view == LEAD_VIEW_LEDGER)
		return list_key(&l->ledger_list, ev->code, rows);
	if (l->view == LEAD_VIEW_PROBLEMS)
		return list_key(&l->problem_list, ev->code, rows);
	return 0;
}
