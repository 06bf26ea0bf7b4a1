/* screen-pad.c - the display above one window, `qdesk board --window N`: the number being served
 * in big figures, the window's name, the clerk's name as the hall shows it, paused or closed. Where
 * the window has an evaluation pad (pad.windows) the same screen is the pad (评价器): once the clerk
 * finishes a ticket it asks the person served to rate the service (keys 5 非常满意 … 1 非常不满意),
 * a rating of 1 or 2 asks for a reason from pad.reasons (keys 1-9), and the rating is recorded
 * through pad_rate; with no answer within pad.timeout the visit is recorded "not evaluated"
 * (pad_unrated) and the display returns. The rules are pad.h's; this file only shows and asks. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "screen-board.h"
#include "widget-bignum.h"
#include "qdesk/board.h"
#include "qdesk/cases.h"
#include "qdesk/i18n.h"
#include "qdesk/pad.h"
#include "qdesk/text.h"

#define THANKS_SECONDS 4

/* What the pad is doing: showing the window, asking for a rating, asking why, saying thanks. */
enum pad_phase { PAD_SHOW, PAD_RATE, PAD_REASON, PAD_THANKS };

struct pad_screen {
	int w;
	int has_pad;
	struct board_scope scope;
	struct board_snapshot snap;
	enum qd_status error;
	long long cursor;
	double hot_until;           /* the window's newest call stands out until then */
	long long hot_ticket;
	enum pad_phase phase;
	struct pad_visit visit;     /* the visit being rated (PAD_RATE, PAD_REASON) */
	long long deadline;         /* clock_now seconds: no answer by then is "not evaluated" */
	int level;                  /* PAD_REASON: the level chosen */
	double thanks_until;
	char shown_clock[17];
	char loaded_day[11];        /* the day the snapshot is of: a new day reloads */
	long long shown_left;       /* seconds left as last drawn */
};

/* The five national levels, 5 first (the order they are shown in). */
static const char *const levels[] = {
	N_("very dissatisfied"), N_("dissatisfied"), N_("basically satisfied"), N_("satisfied"),
	N_("very satisfied"),
};

/* ---- load and timers ----------------------------------------------------------------------- */

static void to_show(struct pad_screen *p)
{
	p->phase = PAD_SHOW;
	memset(&p->visit, 0, sizeof p->visit);
	p->level = 0;
}

static int pd_load(struct ui *ui, void *self)
{
	struct pad_screen *p = self;
	const struct hall *h = ui_hall(ui);
	char clock[17];
	board_clock(ui, clock);
	memcpy(p->loaded_day, clock, 10);
	board_snapshot_free(&p->snap);
	p->error = board_snapshot(ui_store(ui), h, &p->scope, 1, &p->cursor, &p->snap);
	if (p->snap.nfresh && h->board.highlight_seconds > 0) {
		p->hot_ticket = p->snap.fresh[p->snap.nfresh - 1].ticket_id;
		p->hot_until = ui_clock(ui) + h->board.highlight_seconds;
	}
	if (!p->has_pad || p->phase == PAD_THANKS)
		return UI_REDRAW;
	struct pad_visit v;
	if (pad_pending(ui_store(ui), h, p->w, &v) != QD_OK || !v.ticket_id) {
		if (p->phase != PAD_SHOW)
			to_show(p);         /* rated or undone elsewhere, or too late */
		return UI_REDRAW;
	}
	if (p->phase == PAD_SHOW || v.ticket_id != p->visit.ticket_id) {
		/* a visit finished: ask about it; one still unanswered here is not evaluated */
		if (p->phase != PAD_SHOW && p->visit.ticket_id)
			pad_unrated(ui_store(ui), h, p->w, p->visit.ticket_id);
		p->phase = PAD_RATE;
		p->visit = v;
		p->deadline = v.deadline;
		p->level = 0;
	}
	return UI_REDRAW;
}

static int pd_tick(struct ui *ui, void *self)
{
	struct pad_screen *p = self;
	int flags = 0;
	char clock[17];
	board_clock(ui, clock);
	if (strcmp(clock, p->shown_clock) != 0)
		flags |= UI_REDRAW;
	if (strncmp(clock, p->loaded_day, 10) != 0)
		flags |= UI_RELOAD;     /* midnight */
	if (p->hot_ticket && ui_clock(ui) >= p->hot_until) {
		p->hot_ticket = 0;
		flags |= UI_REDRAW;
	}
	if (p->phase == PAD_THANKS && ui_clock(ui) >= p->thanks_until) {
		to_show(p);
		flags |= UI_RELOAD;     /* the next visit may be waiting already */
	}
	if (p->phase == PAD_RATE || p->phase == PAD_REASON) {
		long long now = ui_now(ui);
		if (now >= p->deadline) {
			/* nobody answered: "not evaluated" (refused if rated or undone meanwhile: either
			 * way the visit is no longer this pad's) */
			pad_unrated(ui_store(ui), ui_hall(ui), p->w, p->visit.ticket_id);
			to_show(p);
			return flags | UI_RELOAD;
		}
		if (p->deadline - now != p->shown_left)
			flags |= UI_REDRAW;
	}
	return flags;
}

/* ---- keys ---------------------------------------------------------------------------------- */

static int record(struct ui *ui, struct pad_screen *p, int level, const char *reason)
{
	enum qd_status s = pad_rate(ui_store(ui), ui_hall(ui), p->w, p->visit.ticket_id, level, reason);
	ui_reload(ui);
	if (s == QD_OK || s == QD_ERR_RATED || s == QD_ERR_NOT_PENDING) {
		/* a visit already rated or undone meanwhile: nothing more to ask either way */
		p->phase = s == QD_OK ? PAD_THANKS : PAD_SHOW;
		p->thanks_until = ui_clock(ui) + THANKS_SECONDS;
		if (s != QD_OK)
			ui_status(ui, s, NULL);
		return UI_REDRAW;
	}
	ui_status(ui, s, NULL);
	return UI_REDRAW;
}

static int pd_act(struct ui *ui, void *self, const struct ui_event *ev)
{
	struct pad_screen *p = self;
	const struct hall *h = ui_hall(ui);
	if (ev->act == ACT_BOARD_QUIT)
		return UI_QUIT;
	int digit = !ev->fn && ev->ch >= '0' && ev->ch <= '9' ? (int)(ev->ch - '0') : -1;
	if (p->phase == PAD_RATE && digit >= 1 && digit <= 5) {
		if (digit > CASES_BAD_LEVEL)
			return record(ui, p, digit, NULL);
		p->phase = PAD_REASON;  /* an answer: the reason gets a full timeout of its own */
		p->level = digit;
		p->deadline = ui_now(ui) + h->pad.timeout;
		return UI_REDRAW;
	}
	if (p->phase == PAD_REASON) {
		if (digit >= 1 && (size_t)digit <= h->pad.nreasons)
			return record(ui, p, p->level, h->pad.reasons[digit - 1].id);
		if (digit == 0 || (!ev->fn && ev->ch == 27)) {
			p->phase = PAD_RATE;    /* back to the levels */
			p->level = 0;
			return UI_REDRAW;
		}
	}
	return UI_NONE;
}

/* ---- drawing ------------------------------------------------------------------------------- */

/* A line of big text: reverse video, padded a little either side, centred. */
static void draw_banner(int y, int w, int attr, const char *text)
{
	int tw = text_width(text) + 4;
	if (tw > w - 2)
		tw = w - 2;
	int x = (w - tw) / 2;
	ui_pad(y, x, tw, attr, "");
	ui_center(y, x, tw, attr, text);
}

static void draw_show(struct ui *ui, struct pad_screen *p, int y, int lines)
{
	const struct hall *h = ui_hall(ui);
	const struct board_window *bw = p->snap.nwindows ? &p->snap.windows[0] : NULL;
	int cols = COLS;
	if (!bw)
		return;
	char line[256];
	int bottom = y + lines - 1;
	if (bw->clerk[0]) {
		snprintf(line, sizeof line, _("Clerk: %s"), bw->clerk);
		ui_center(bottom, 0, cols, A_BOLD, line);
	}
	switch (bw->state) {
	case BOARD_SERVING: {
		const char *num = bw->ws.current.number;
		int hot = p->hot_ticket && p->hot_ticket == bw->ws.current.id, scale = 0;
		int room = lines - 4;   /* "Now serving", the call line, the clerk, a blank */
		while (bignum_height(scale + 1) <= room && bignum_width(num, scale + 1) <= cols - 4)
			scale++;
		int top = y + (room - (scale ? bignum_height(scale) : 1)) / 2;
		ui_center(top, 0, cols, A_BOLD, _("Now serving"));
		if (scale)
			bignum_draw(top + 1, (cols - bignum_width(num, scale)) / 2, cols, scale,
			            A_REVERSE | ui_attr(UI_C_BIG), num);
		else
			ui_center(top + 1, 0, cols, A_BOLD, num);
		board_call_text(h, num, p->w, line, sizeof line);
		draw_banner(top + 2 + (scale ? bignum_height(scale) : 1), cols,
		            hot ? A_REVERSE | A_BOLD : A_BOLD, line);
		break;
	}
	case BOARD_PAUSED:
		draw_banner(y + lines / 2 - 1, cols, A_REVERSE | A_BOLD, _("Service paused"));
		if (bw->pause_reason[0])
			ui_center(y + lines / 2 + 1, 0, cols, A_BOLD, bw->pause_reason);
		break;
	case BOARD_IDLE:
		draw_banner(y + lines / 2 - 1, cols, A_BOLD, _("Please wait for your number to be called"));
		break;
	case BOARD_CLOSED:
		draw_banner(y + lines / 2 - 1, cols, A_BOLD, _("This window is closed"));
		break;
	}
}

static void draw_rate(struct ui *ui, struct pad_screen *p, int y, int lines)
{
	const struct hall *h = ui_hall(ui);
	int cols = COLS;
	char line[256];
	long long left = p->deadline - ui_now(ui);
	p->shown_left = left;
	snprintf(line, sizeof line, _("%s: please rate our service"), p->visit.number);
	draw_banner(y, cols, A_BOLD, line);
	if (p->phase == PAD_RATE) {
		int step = lines >= 17 ? 3 : lines >= 12 ? 2 : 1;
		int top = y + 2;
		for (int lv = 5; lv >= 1; lv--, top += step) {
			snprintf(line, sizeof line, "%d  %s", lv, _(levels[lv - 1]));
			int w = 24 < cols - 2 ? 24 : cols - 2, x = (cols - w) / 2;
			ui_pad(top, x, w, A_REVERSE | A_BOLD, "");
			ui_text(top, x + 2, w - 2, A_REVERSE | A_BOLD, line);
		}
		snprintf(line, sizeof line, _("Press a key from 5 (very satisfied) to 1 (very dissatisfied) · %lld s"),
		         left > 0 ? left : 0);
	} else {
		snprintf(line, sizeof line, _("Sorry. What went wrong? (%s)"), _(levels[p->level - 1]));
		ui_center(y + 2, 0, cols, A_BOLD, line);
		for (size_t i = 0; i < h->pad.nreasons && (int)i < lines - 5; i++) {
			snprintf(line, sizeof line, "%zu  %s", i + 1, h->pad.reasons[i].name);
			int w = 24 < cols - 2 ? 24 : cols - 2, x = (cols - w) / 2;
			ui_pad(y + 4 + (int)i, x, w, A_BOLD, "");
			ui_text(y + 4 + (int)i, x + 2, w - 2, A_BOLD, line);
		}
		snprintf(line, sizeof line, _("Press the key of the reason · 0 goes back · %lld s"),
		         left > 0 ? left : 0);
	}
	ui_center(y + lines - 1, 0, cols, 0, line);
}

static void pd_draw(struct ui *ui, void *self)
{
	struct pad_screen *p = self;
	const struct hall_window *hw = hall_window(ui_hall(ui), p->w);
	int lines = ui_body_lines(ui);
	char title[256];
	snprintf(title, sizeof title, _("Window %d · %s"), p->w, hw ? hw->name : "");
	board_clock(ui, p->shown_clock);
	board_draw_title(0, title, p->shown_clock);
	ui_hline(1, 0, COLS);
	ui_cursor(ui, -1, -1);
	if (p->error != QD_OK) {
		ui_center(lines / 2, 0, COLS, A_BOLD, _(qd_status_text(p->error)));
		return;
	}
	switch (p->phase) {
	case PAD_SHOW:
		draw_show(ui, p, 3, lines - 3);
		break;
	case PAD_RATE:
	case PAD_REASON:
		draw_rate(ui, p, 3, lines - 3);
		break;
	case PAD_THANKS:
		draw_banner(lines / 2 - 1, COLS, A_REVERSE | A_BOLD, _("Thank you for your rating!"));
		break;
	}
}

static void pd_destroy(void *self)
{
	struct pad_screen *p = self;
	board_snapshot_free(&p->snap);
	free(p);
}

static const struct screen screen_pad = {
	.name = "pad", .keymap = KEYMAP_PAD, .load = pd_load, .draw = pd_draw, .act = pd_act,
	.tick = pd_tick, .destroy = pd_destroy,
};

enum qd_status pad_display_push(struct ui *ui, int window)
{
	struct pad_screen *p = calloc(1, sizeof *p);
	if (!p)
		return QD_ERR_NOMEM;
	p->w = window;
	p->has_pad = pad_at_window(ui_hall(ui), window);
	p->scope.window = window;
	p->cursor = -1;
	ui_push(ui, &screen_pad, p);
	return QD_OK;
}
