/* board.c - what the hall board and the window displays show: the windows in scope with their
 * state and the clerk's name as the hall shows it, today's last tickets called there, and the calls
 * since the board last looked. Everything is read in one read transaction, so the windows, the
 * history and the new calls agree. */
#include <stdlib.h>
#include <string.h>
#include "qdesk/announce.h"
#include "qdesk/board.h"
#include "qdesk/staff.h"
#include "qdesk/text.h"

const struct hall_zone *board_zone(const struct hall *h, const char *id)
{
	for (size_t i = 0; id && i < h->nzones; i++)
		if (!strcmp(h->zones[i].id, id))
			return &h->zones[i];
	return NULL;
}

int board_in_scope(const struct hall *h, const struct board_scope *sc, int w)
{
	const struct hall_window *hw = hall_window(h, w);
	if (!hw || (sc->window && sc->window != w))
		return 0;
	return !sc->zone || !strcmp(hw->zone, sc->zone);
}

void board_staff_name(const struct hall *h, const char *name, char *out, size_t outsz)
{
	if (!outsz)
		return;
	out[0] = '\0';
	if (!name || !strcmp(h->board.staff_name, "none"))
		return;
	if (!strcmp(h->board.staff_name, "full"))
		text_truncate(name, HALL_NAME_COLS, out, outsz);
	else
		text_mask_name(name, out, outsz);
}

void board_call_text(const struct hall *h, const char *number, int window, char *out, size_t outsz)
{
	announce_fill(h->board.template_text, number, window, out, outsz);
}

static enum board_state state_of(const struct window_state *ws)
{
	if (!strcmp(ws->state, "paused"))
		return BOARD_PAUSED;
	if (!strcmp(ws->state, "serving") && ws->current.id)
		return BOARD_SERVING;
	if (!strcmp(ws->state, "idle") || !strcmp(ws->state, "serving"))
		return BOARD_IDLE;
	return BOARD_CLOSED;
}

struct board_read {
	const struct hall *h;
	const struct board_scope *sc;
	size_t history;
	long long start, *cursor;  /* where the fresh calls start; moved on as they are read */
	struct board_snapshot *out;
	struct call_event buf[CALLFEED_MAX];
};

static enum qd_status windows_rx(struct store *st, struct board_read *r)
{
	struct board_snapshot *o = r->out;
	for (size_t i = 0; i < r->h->nwindows; i++) {
		const struct hall_window *hw = &r->h->windows[i];
		if (!board_in_scope(r->h, r->sc, hw->number))
			continue;
		struct board_window *bw = &o->windows[o->nwindows++];
		bw->hw = hw;
		enum qd_status s = queue_window(st, r->h, hw->number, &bw->ws);
		if (s != QD_OK)
			return s;
		bw->state = state_of(&bw->ws);
		const struct hall_item *reason = hall_item(r->h->pauses, r->h->npauses, bw->ws.pause_reason);
		bw->pause_reason = reason ? reason->name : "";
		struct staff who;
		if (bw->state != BOARD_CLOSED && bw->ws.staff[0] &&
		    staff_get(st, bw->ws.staff, &who) == QD_OK)
			board_staff_name(r->h, who.name, bw->clerk, sizeof bw->clerk);
	}
	return QD_OK;
}

/* Today's last tickets called in scope: the whole board reads the feed's own history; a zone or
 * window board filters the hall's last CALLFEED_MAX tickets called. */
static enum qd_status history_rx(struct store *st, struct board_read *r)
{
	struct board_snapshot *o = r->out;
	int all = !r->sc->zone && !r->sc->window;
	size_t n = 0, want = r->history > BOARD_HISTORY_MAX ? BOARD_HISTORY_MAX : r->history;
	if (!want)
		return QD_OK;
	enum qd_status s = callfeed_last(st, r->buf, all ? want : CALLFEED_MAX, &n);
	for (size_t i = 0; s == QD_OK && i < n && o->ncalls < want; i++)
		if (board_in_scope(r->h, r->sc, r->buf[i].window))
			o->calls[o->ncalls++] = r->buf[i];
	return s;
}

/* The calls and recalls in scope after *cursor; the cursor moves to the last one read. */
static enum qd_status fresh_rx(struct store *st, struct board_read *r)
{
	struct board_snapshot *o = r->out;
	enum qd_status s;
	if (*r->cursor < 0)
		return callfeed_head(st, r->cursor);
	for (;;) {
		size_t n = 0;
		if ((s = callfeed_after(st, *r->cursor, r->buf, CALLFEED_MAX, &n)) != QD_OK || !n)
			return s;
		for (size_t i = 0; i < n; i++) {
			if (!board_in_scope(r->h, r->sc, r->buf[i].window))
				continue;
			if (o->nfresh == BOARD_FRESH_MAX) {     /* keep the newest */
				memmove(o->fresh, o->fresh + 1, (BOARD_FRESH_MAX - 1) * sizeof o->fresh[0]);
				o->nfresh--;
			}
			o->fresh[o->nfresh++] = r->buf[i];
		}
		*r->cursor = r->buf[n - 1].id;
		if (n < CALLFEED_MAX)
			return QD_OK;
	}
}

static enum qd_status snapshot_rx(struct store *st, void *ctx)
{
	struct board_read *r = ctx;
	struct board_snapshot *o = r->out;
	o->nwindows = o->ncalls = o->nfresh = 0;    /* afresh, should a read ever be tried again */
	*r->cursor = r->start;
	enum qd_status s = windows_rx(st, r);
	if (s == QD_OK)
		s = history_rx(st, r);
	return s == QD_OK ? fresh_rx(st, r) : s;
}

enum qd_status board_snapshot(struct store *st, const struct hall *h, const struct board_scope *sc,
                              size_t history, long long *cursor, struct board_snapshot *out)
{
	memset(out, 0, sizeof *out);
	if (sc->zone && !board_zone(h, sc->zone))
		return QD_ERR_NO_ZONE;
	if (sc->window && !hall_window(h, sc->window))
		return QD_ERR_NO_WINDOW;
	struct board_read *r = calloc(1, sizeof *r);
	if (!r || !(out->windows = calloc(h->nwindows ? h->nwindows : 1, sizeof *out->windows))) {
		free(r);
		return QD_ERR_NOMEM;
	}
	long long cur = *cursor;
	r->h = h;
	r->sc = sc;
	r->history = history;
	r->start = cur;
	r->cursor = &cur;
	r->out = out;
	enum qd_status s = store_read(st, snapshot_rx, r);
	free(r);
	if (s != QD_OK) {
		board_snapshot_free(out);
		return s;
	}
	*cursor = cur;
	return QD_OK;
}

void board_snapshot_free(struct board_snapshot *snap)
{
	free(snap->windows);
	memset(snap, 0, sizeof *snap);
}
