/* widget-picker.c - owns the pick-list: filtering as the search text is typed (key prefix or any
 * part of the label, ASCII case-insensitively, Chinese by substring), cursor and scrolling, ticks in
 * multi mode, and drawing a framed box over whatever lies below. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include "widget-edit.h"
#include "widget-picker.h"
#include "qdesk/i18n.h"
#include "qdesk/text.h"

struct picker_entry { char *key, *label; };

struct picker {
	char title[128];
	int multi;
	int hide_keys;
	picker_done_fn *done;
	void *ctx;
	struct picker_entry *items;
	unsigned char *checked;
	size_t n, cap;
	int *shown;                 /* indexes matching the search */
	size_t nshown;
	int sel;                    /* index into shown */
	int top;
	struct edit search;
	int height;                 /* list rows at the last draw */
};

static int lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/* Substring search, ASCII case-insensitive, byte-exact otherwise (UTF-8 stays aligned). */
static int contains(const char *hay, const char *needle)
{
	size_t n = strlen(needle);
	for (const char *h = hay; *h; h++) {
		size_t i = 0;
		while (i < n && h[i] && lower((unsigned char)h[i]) == lower((unsigned char)needle[i]))
			i++;
		if (i == n)
			return 1;
	}
	return n == 0;
}

static void picker_filter(struct picker *p)
{
	char q[EDIT_MAX * 4 + 1];
	edit_get(&p->search, q, sizeof q);
	int keep = p->nshown > 0 && p->sel >= 0 && (size_t)p->sel < p->nshown ? p->shown[p->sel] : -1;
	p->nshown = 0;
	for (size_t i = 0; i < p->n; i++)
		if (contains(p->items[i].key, q) || contains(p->items[i].label, q))
			p->shown[p->nshown++] = (int)i;
	p->sel = 0;
	for (size_t i = 0; i < p->nshown; i++)
		if (p->shown[i] == keep)
			p->sel = (int)i;
	p->top = 0;
}

struct picker *picker_new(const char *title, int multi, picker_done_fn *done, void *ctx)
{
	struct picker *p = calloc(1, sizeof *p);
	if (!p)
		return NULL;
	snprintf(p->title, sizeof p->title, "%s", title ? title : "");
	p->multi = multi;
	p->done = done;
	p->ctx = ctx;
	edit_init(&p->search, 40);
	return p;
}

void picker_add(struct picker *p, const char *key, const char *label, int checked)
{
	if (!p)
		return;
	if (p->n == p->cap) {
		size_t cap = p->cap ? p->cap * 2 : 16;
		struct picker_entry *it = realloc(p->items, cap * sizeof *it);
		unsigned char *ck = it ? realloc(p->checked, cap) : NULL;
		int *sh = ck ? realloc(p->shown, cap * sizeof *sh) : NULL;
		if (it)
			p->items = it;
		if (ck)
			p->checked = ck;
		if (sh)
			p->shown = sh;
		if (!it || !ck || !sh)
			return;
		p->cap = cap;
	}
	p->items[p->n].key = strdup(key ? key : "");
	p->items[p->n].label = strdup(label ? label : "");
	if (!p->items[p->n].key || !p->items[p->n].label) {
		free(p->items[p->n].key);
		free(p->items[p->n].label);
		return;
	}
	p->checked[p->n] = (unsigned char)(checked != 0);
	p->shown[p->nshown++] = (int)p->n;
	p->n++;
}

void picker_hide_keys(struct picker *p)
{
	if (p)
		p->hide_keys = 1;
}

void picker_select(struct picker *p, int i)
{
	for (size_t k = 0; p && k < p->nshown; k++)
		if (p->shown[k] == i)
			p->sel = (int)k;
}

void picker_search(struct picker *p, const char *query)
{
	if (!p)
		return;
	edit_set(&p->search, query ? query : "");
	picker_filter(p);
}

static void picker_draw(struct ui *ui, void *self)
{
	struct picker *p = self;
	int body = ui_body_lines(ui);
	int w = COLS - 8 < 64 ? COLS - 8 : 64;
	int rows = (int)p->n < body - 8 ? (int)p->n : body - 8;
	if (rows < 3)
		rows = 3;
	int h = rows + 5;
	int y = (body - h) / 2, x = (COLS - w) / 2;
	p->height = rows;
	ui_box(y, x, h, w, p->title);
	ui_text(y + 1, x + 2, 10, 0, _("Search:"));
	int lw = text_width(_("Search:"));
	lw += _("Search:")[strlen(_("Search:")) - 1] == ':';   /* a space after an ASCII colon only */
	/* the list */
	if (p->sel < p->top)
		p->top = p->sel;
	if (p->sel >= p->top + rows)
		p->top = p->sel - rows + 1;
	for (int r = 0; r < rows; r++) {
		size_t k = (size_t)(p->top + r);
		if (k >= p->nshown)
			break;
		const struct picker_entry *e = &p->items[p->shown[k]];
		const char *key = p->hide_keys ? "" : e->key;
		char line[512];
		if (p->multi)
			snprintf(line, sizeof line, "[%c] %s%s%s", p->checked[p->shown[k]] ? 'x' : ' ',
			         key, *key ? "  " : "", e->label);
		else
			snprintf(line, sizeof line, "%s%s%s", key, *key ? "  " : "", e->label);
		int attr = (int)k == p->sel ? A_REVERSE : 0;
		ui_pad(y + 2 + r, x + 1, w - 2, attr, line);
	}
	if (p->nshown == 0)
		ui_text(y + 2, x + 2, w - 4, A_BOLD, _("(nothing matches)"));
	if (p->nshown > (size_t)rows) {
		/* more than fits: which part of the list shows, on the bottom border */
		char where[64];
		size_t last = (size_t)(p->top + rows) < p->nshown ? (size_t)(p->top + rows) : p->nshown;
		snprintf(where, sizeof where, _(" %d-%zu of %zu %s"), p->top + 1, last, p->nshown,
		         p->top == 0 ? "↓" : last == p->nshown ? "↑" : "↑↓");
		int ww = text_width(where) + 1;
		ui_text(y + h - 1, x + w - 2 - ww, ww, A_BOLD, where);
	}
	ui_text(y + h - 2, x + 2, w - 4, 0,
	        p->multi ? _("Type to search · ↑↓ move · Space tick · Enter done · Esc cancel")
	                 : _("Type to search · ↑↓ move · Enter choose · Esc cancel"));
	edit_draw(ui, &p->search, y + 1, x + 2 + lw, w - 4 - lw, A_BOLD, 1);
}

static int picker_act(struct ui *ui, void *self, const struct ui_event *ev)
{
	struct picker *p = self;
	int page = p->height > 1 ? p->height - 1 : 1;
	if (ev->fn) {
		switch (ev->code) {
		case KEY_UP: if (p->sel > 0) p->sel--; return UI_REDRAW;
		case KEY_DOWN: if ((size_t)p->sel + 1 < p->nshown) p->sel++; return UI_REDRAW;
		case KEY_PPAGE: p->sel = p->sel > page ? p->sel - page : 0; return UI_REDRAW;
		case KEY_NPAGE:
			p->sel += page;
			if ((size_t)p->sel >= p->nshown)
				p->sel = p->nshown ? (int)p->nshown - 1 : 0;
			return UI_REDRAW;
		case KEY_HOME: p->sel = 0; return UI_REDRAW;
		case KEY_END: p->sel = p->nshown ? (int)p->nshown - 1 : 0; return UI_REDRAW;
		default: break;
		}
	} else if (ev->ch == 27) {
		p->done(ui, p->ctx, -1, p->checked);
		ui_remove(ui, p);
		return UI_REDRAW;
	} else if (ev->ch == '\n') {
		if (p->multi) {
			p->done(ui, p->ctx, 0, p->checked);
			ui_remove(ui, p);
		} else if (p->nshown > 0) {
			p->done(ui, p->ctx, p->shown[p->sel], p->checked);
			ui_remove(ui, p);
		}
		return UI_REDRAW;
	} else if (ev->ch == ' ' && p->multi) {
		if (p->nshown > 0)
			p->checked[p->shown[p->sel]] ^= 1;
		return UI_REDRAW;
	}
	int before = p->search.len;
	if (edit_key(&p->search, ev)) {
		if (p->search.changed || p->search.len != before)
			picker_filter(p);
		p->search.changed = 0;
	}
	return UI_REDRAW;
}

static void picker_destroy(void *self)
{
	struct picker *p = self;
	for (size_t i = 0; i < p->n; i++) {
		free(p->items[i].key);
		free(p->items[i].label);
	}
	free(p->items);
	free(p->checked);
	free(p->shown);
	free(p);
}

static const struct screen screen_picker = {
	.name = "picker", .draw = picker_draw, .act = picker_act, .destroy = picker_destroy,
};

void picker_push(struct ui *ui, struct picker *p)
{
	if (p) {
		picker_filter(p);
		ui_push(ui, &screen_picker, p);
	}
}
