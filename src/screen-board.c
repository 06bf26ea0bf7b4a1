/* screen-board.c - the hall board in the waiting room, `qdesk board [--zone Z]`: no login; the
 * newest call in big figures with the board's text ("请A012号到3号窗口"), today's last tickets
 * called, every window's number and state, the notice line and the clock. A new call or a recall
 * stands out (reverse video) for board.highlight_seconds. It reloads when the database changes (the
 * loop checks data_version every tick) and redraws only when something changed or the clock
 * moved on. The layout follows the terminal, from 80×24 to wall-sized. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "screen-board.h"
#include "widget-bignum.h"
#include "qdesk/board.h"
#include "qdesk/clock.h"
#include "qdesk/i18n.h"
#include "qdesk/text.h"

#define CELL_MIN 19             /* a window's cell on the board: "24号 A012  公章…" */
#define CELL_MAX 50

struct hot { long long ticket; double until; };

struct hall_board {
	struct board_scope scope;
	struct board_snapshot snap;
	enum qd_status error;
	long long cursor;           /* the last call event seen (-1: not yet looked) */
	struct hot hot[BOARD_FRESH_MAX];
	size_t nhot;
	char shown_clock[17];
	char loaded_day[11];        /* the day the snapshot is of: a new day reloads */
};

void board_clock(struct ui *ui, char out[17])
{
	char stamp[20];
	clock_stamp((time_t)ui_now(ui), stamp);
	memcpy(out, stamp, 16);
	out[16] = '\0';
}

void board_draw_title(int y, const char *title, const char *clock)
{
	int cw = text_width(clock);
	ui_text(y, 1, COLS - cw - 4, A_BOLD | ui_attr(UI_C_TITLE), title);
	ui_text(y, COLS - cw - 2, cw + 1, A_BOLD, clock);
}

/* ---- what stands out ----------------------------------------------------------------------- */

static void hot_add(struct hall_board *b, long long ticket, double until)
{
	for (size_t i = 0; i < b->nhot; i++)
		if (b->hot[i].ticket == ticket) {
			b->hot[i].until = until;
			return;
		}
	if (b->nhot == BOARD_FRESH_MAX) {
		memmove(b->hot, b->hot + 1, (BOARD_FRESH_MAX - 1) * sizeof b->hot[0]);
		b->nhot--;
	}
	b->hot[b->nhot++] = (struct hot){ ticket, until };
}

static int is_hot(const struct hall_board *b, long long ticket)
{
	for (size_t i = 0; ticket && i < b->nhot; i++)
		if (b->hot[i].ticket == ticket)
			return 1;
	return 0;
}

/* Drop what no longer stands out; 1 if anything was dropped. */
static int hot_expire(struct hall_board *b, double now)
{
	size_t k = 0;
	for (size_t i = 0; i < b->nhot; i++)
		if (b->hot[i].until > now)
			b->hot[k++] = b->hot[i];
	int changed = k != b->nhot;
	b->nhot = k;
	return changed;
}

/* ---- load and tick ------------------------------------------------------------------------- */

static int hb_load(struct ui *ui, void *self)
{
	struct hall_board *b = self;
	const struct hall *h = ui_hall(ui);
	char clock[17];
	board_clock(ui, clock);
	memcpy(b->loaded_day, clock, 10);
	board_snapshot_free(&b->snap);
	b->error = board_snapshot(ui_store(ui), h, &b->scope, (size_t)h->board.history + 1, &b->cursor,
	                          &b->snap);
	double until = ui_clock(ui) + h->board.highlight_seconds;
	for (size_t i = 0; i < b->snap.nfresh && h->board.highlight_seconds > 0; i++)
		hot_add(b, b->snap.fresh[i].ticket_id, until);
	return UI_REDRAW;
}

static int hb_tick(struct ui *ui, void *self)
{
	struct hall_board *b = self;
	char clock[17];
	board_clock(ui, clock);
	int flags = hot_expire(b, ui_clock(ui)) ? UI_REDRAW : 0;
	if (strcmp(clock, b->shown_clock) != 0)
		flags |= UI_REDRAW;
	if (strncmp(clock, b->loaded_day, 10) != 0)
		flags |= UI_RELOAD;     /* midnight: today's calls and windows start afresh */
	return flags;
}

/* ---- drawing ------------------------------------------------------------------------------- */

/* One window's cell: " 3号 A012  公章刻制"; paused "7号 暂停  用餐"; closed "9号 未开". */
static void draw_cell(const struct hall_board *b, const struct board_window *bw, int y, int x, int w)
{
	char num[32], what[64];
	const char *rest = bw->hw->name;
	int attr = 0;
	snprintf(num, sizeof num, _("W%-2d"), bw->hw->number);
	int used = ui_text(y, x + 1, w - 1, A_BOLD, num) + 2;
	switch (bw->state) {
	case BOARD_SERVING:
		snprintf(what, sizeof what, "%s", bw->ws.current.number);
		attr = is_hot(b, bw->ws.current.id) ? A_REVERSE | A_BOLD : A_BOLD;
		break;
	case BOARD_PAUSED:
		snprintf(what, sizeof what, "%s", _(queue_label("paused")));
		attr = A_BOLD | ui_attr(UI_C_WARN);
		if (bw->pause_reason[0])
			rest = bw->pause_reason;
		break;
	case BOARD_IDLE:
		snprintf(what, sizeof what, "%s", _(queue_label("idle")));
		break;
	case BOARD_CLOSED:
		snprintf(what, sizeof what, "%s", _(queue_label("closed")));
		attr = A_DIM;
		rest = "";
		break;
	}
	ui_pad(y, x + used, 6 < w - used ? 6 : w - used, attr, what);
	used += 7;
	if (w - used >= 6)
		ui_text(y, x + used, w - used - 1, bw->state == BOARD_CLOSED ? A_DIM : 0, rest);
}

/* The windows' grid: columns and rows for n windows in cols × lines. */
static void grid_shape(size_t n, int cols, int lines, int *gc, int *gr)
{
	int max_cols = (cols - 1) / CELL_MIN, pref_rows = lines / 4;
	if (max_cols < 1)
		max_cols = 1;
	if (pref_rows < 1)
		pref_rows = 1;
	int c = ((int)n + pref_rows - 1) / pref_rows;
	int by_width = (cols - 1 + CELL_MAX - 1) / CELL_MAX;
	if (c < by_width)
		c = by_width;
	if (c > (int)n)
		c = n ? (int)n : 1;
	if (c > max_cols)
		c = max_cols;
	*gc = c;
	*gr = n ? ((int)n + c - 1) / c : 0;
}

static void draw_windows(const struct hall_board *b, int y, int rows, int gc)
{
	int cw = (COLS - 1) / gc;
	for (size_t i = 0; i < b->snap.nwindows; i++) {
		int r = (int)i / gc, c = (int)i % gc;
		if (r >= rows)
			break;
		draw_cell(b, &b->snap.windows[i], y + r, c * cw, cw);
	}
}

/* Today's last tickets called (all but the newest, which is shown big). */
static void draw_history(const struct hall *h, const struct hall_board *b, int y, int x, int lines,
                         int w)
{
	ui_text(y, x + 1, w - 1, A_BOLD, _("Called recently"));
	for (size_t i = 1; i < b->snap.ncalls && (int)i < lines; i++) {
		const struct call_event *c = &b->snap.calls[i];
		const struct hall_window *hw = hall_window(h, c->window);
		char line[256];
		snprintf(line, sizeof line, _("%-5s window %-2d %s"), c->number, c->window,
		         hw ? hw->name : "");
		ui_pad(y + (int)i, x + 1, w - 1, is_hot(b, c->ticket_id) ? A_REVERSE | A_BOLD : 0, line);
	}
}

/* The newest call: big figures (as big as the room allows), its text under them. */
static void draw_newest(const struct hall *h, const struct hall_board *b, int y, int x, int lines,
                        int w)
{
	if (b->snap.ncalls == 0) {
		ui_center(y + lines / 2, x, w, A_BOLD, _("Waiting for the first call"));
		return;
	}
	const struct call_event *c = &b->snap.calls[0];
	int hot = is_hot(b, c->ticket_id), scale = 0;
	while (bignum_height(scale + 1) + 2 <= lines && bignum_width(c->number, scale + 1) <= w - 2)
		scale++;
	char text[256], line[300];
	board_call_text(h, c->number, c->window, text, sizeof text);
	if (c->recall)
		snprintf(line, sizeof line, _("%s (called again)"), text);
	else
		snprintf(line, sizeof line, "%s", text);
	int top = y + (lines - (scale ? bignum_height(scale) + 2 : 1)) / 2;
	if (scale) {
		int bw = bignum_width(c->number, scale);
		bignum_draw(top, x + (w - bw) / 2, w, scale, A_REVERSE | ui_attr(UI_C_BIG), c->number);
		top += bignum_height(scale) + 1;
	}
	int tw = text_width(line);
	int lx = tw + 2 < w ? x + (w - tw - 2) / 2 : x;
	ui_pad(top, lx, tw + 2 < w ? tw + 2 : w, hot ? A_REVERSE | A_BOLD : A_BOLD, "");
	ui_text(top, lx + 1, w - 1, hot ? A_REVERSE | A_BOLD : A_BOLD, line);
}

static void hb_draw(struct ui *ui, void *self)
{
	struct hall_board *b = self;
	const struct hall *h = ui_hall(ui);
	int lines = ui_body_lines(ui), cols = COLS;
	char title[256];
	const struct hall_zone *z = board_zone(h, b->scope.zone);
	if (z)
		snprintf(title, sizeof title, "%s · %s %s", h->name, z->floor, z->name);
	else
		snprintf(title, sizeof title, "%s", h->name);
	board_clock(ui, b->shown_clock);
	board_draw_title(0, title, b->shown_clock);
	ui_hline(1, 0, cols);
	if (b->error != QD_OK) {
		ui_center(lines / 2, 0, cols, A_BOLD, _(qd_status_text(b->error)));
		return;
	}
	/* from the foot up: the notice, the windows, then the call area takes what is left */
	int foot = lines;
	if (h->board.notice[0]) {
		foot = lines - 1;
		ui_center(foot, 0, cols, A_BOLD, h->board.notice);
	}
	ui_hline(foot - 1, 0, cols);
	int gc, gr;
	grid_shape(b->snap.nwindows, cols, lines, &gc, &gr);
	int room = foot - 1 - 2 - 1 - 3;    /* title and rule, the rule above the grid, 3 for calls */
	if (gr > room)
		gr = room > 0 ? room : 0;
	int gy = foot - 1 - gr;
	draw_windows(b, gy, gr, gc);
	ui_hline(gy - 1, 0, cols);
	int cy = 2, ch = gy - 1 - cy;
	int hw = h->board.history > 0 ? (cols >= 120 ? 44 : cols / 3) : 0;
	draw_newest(h, b, cy, 0, ch, cols - hw - 1);
	if (hw) {
		mvvline(cy, cols - hw - 1, ACS_VLINE, ch);
		draw_history(h, b, cy, cols - hw, ch, hw - 1);
	}
	ui_cursor(ui, -1, -1);
}

static int hb_act(struct ui *ui, void *self, const struct ui_event *ev)
{
	(void)ui;
	(void)self;
	switch (ev->act) {
	case ACT_BOARD_QUIT:
		return UI_QUIT;
	default:
		break;
	}
	return UI_NONE;
}

static void hb_destroy(void *self)
{
	struct hall_board *b = self;
	board_snapshot_free(&b->snap);
	free(b);
}

static const struct screen screen_board = {
	.name = "board", .keymap = KEYMAP_BOARD, .load = hb_load, .draw = hb_draw, .act = hb_act,
	.tick = hb_tick, .destroy = hb_destroy,
};

enum qd_status board_check(const struct hall *h, const struct board_opts *o)
{
	if (o->zone && !board_zone(h, o->zone))
		return QD_ERR_NO_ZONE;
	if (o->window && !hall_window(h, o->window))
		return QD_ERR_NO_WINDOW;
	return QD_OK;
}

enum qd_status board_push(struct ui *ui, const struct board_opts *o)
{
	if (o->window)
		return pad_display_push(ui, o->window);
	struct hall_board *b = calloc(1, sizeof *b);
	if (!b)
		return QD_ERR_NOMEM;
	b->scope.zone = o->zone;
	b->cursor = -1;
	ui_push(ui, &screen_board, b);
	return b->error == QD_ERR_NO_ZONE ? QD_ERR_NO_ZONE : QD_OK;
}
