/* screen-lead-drill.c - the shift lead's drill-down: pick a window, a clerk or a business type
 * (the drill key), then its day on a screen of its own: the report's figures for it (report_compute
 * by window, staff or type, as `qdesk report --by` gives them) and its tickets, cases, pauses
 * (reason, minutes) and ratings row by row (lead_day). Scrolls with the arrows and pages; Esc or
 * q goes back to the dashboard. Reloaded when the database changes. */
#include <curses.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli-report.h"
#include "screen-lead-views.h"
#include "widget-picker.h"
#include "qdesk/clock.h"
#include "qdesk/i18n.h"
#include "qdesk/lead-day.h"
#include "qdesk/queue.h"
#include "qdesk/staff.h"
#include "qdesk/text.h"

struct drill_line {
	char text[256];
	int attr;
};

struct drill {
	struct lead_screen *lead;
	enum lead_day_kind kind;
	char key[32], title[160];
	struct lead_day day;
	struct report *r;
	enum qd_status error;
	struct drill_line *lines;
	size_t nlines, cap;
	int top;
	long long loaded_minute;    /* a running pause's minutes move on: reload when the minute turns */
};

/* The figures of the drilled-into group shown above its rows (report keys). */
static const char *const drill_figures[] = {
	"issued", "served", "noshow", "open", "cases", "modes", "elderly_people", "rated", "good_rate", "bad",
	"wait_mean", "service_mean", "staffed", "paused",
};
#define NDRILL_FIGURES (sizeof drill_figures / sizeof drill_figures[0])

static void add_line(struct drill *d, int attr, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void add_line(struct drill *d, int attr, const char *fmt, ...)
{
	if (d->nlines == d->cap) {
		size_t cap = d->cap ? d->cap * 2 : 64;
		struct drill_line *n = realloc(d->lines, cap * sizeof *n);
		if (!n)
			return;
		d->lines = n;
		d->cap = cap;
	}
	struct drill_line *l = &d->lines[d->nlines++];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(l->text, sizeof l->text, fmt, ap);
	va_end(ap);
	l->attr = attr;
}

static void hhmm(long long t, char out[6])
{
	if (t)
		clock_hhmm((time_t)t, out);
	else
		snprintf(out, 6, "--:--");
}

/* "w3 c1": where and who, for the rows of a clerk (window) or a window (clerk) or a type (both). */
static void where_who(const struct drill *d, int window, const char *staff, char *out, size_t len)
{
	char w[16] = "";
	if (window)
		snprintf(w, sizeof w, "%d", window);
	if (d->kind == LEAD_DAY_WINDOW)
		snprintf(out, len, "%s", staff[0] ? staff : "-");
	else if (d->kind == LEAD_DAY_STAFF)
		snprintf(out, len, _("window %s"), w[0] ? w : "-");
	else
		snprintf(out, len, "%s %s", w[0] ? w : "-", staff[0] ? staff : "-");
}

static void build_tickets(struct ui *ui, struct drill *d)
{
	const struct hall *h = ui_hall(ui);
	char is[6], ca[6], fi[6], who[64], num[32], state[64], wait[32], rating[16];
	add_line(d, A_BOLD, _("Tickets (%zu)"), d->day.ntickets);
	if (d->day.ntickets) {
		char hn[32], hs[64], hi[32], hc[32], hf[32];
		text_pad(_("number"), 6, hn, sizeof hn);
		text_pad(_("state"), 8, hs, sizeof hs);
		text_pad(_("issued"), 6, hi, sizeof hi);
		text_pad(_("called"), 6, hc, sizeof hc);
		text_pad(_("done"), 6, hf, sizeof hf);
		add_line(d, A_UNDERLINE, " %s %s %s %s %s", hn, hs, hi, hc, hf);
	}
	for (size_t i = 0; i < d->day.ntickets; i++) {
		const struct lead_day_ticket *t = &d->day.tickets[i];
		const struct hall_type *ty = hall_type(h, t->type);
		hhmm(t->issued_at, is);
		hhmm(t->called_at, ca);
		hhmm(t->finished_at, fi);
		where_who(d, t->window, t->staff, who, sizeof who);
		text_pad(t->number, 6, num, sizeof num);
		text_pad(_(queue_label(t->state)), 8, state, sizeof state);
		long long waited = (t->called_at ? t->called_at : ui_now(ui)) - t->issued_at;
		int late = ty && ty->target_wait > 0 && waited > ty->target_wait * 60LL;
		snprintf(wait, sizeof wait, _("wait %lldm%s"), waited > 0 ? waited / 60 : 0, late ? "!" : "");
		snprintf(rating, sizeof rating, t->rating ? "★%d" : "", t->rating);
		add_line(d, t->rating && t->rating <= 2 ? A_BOLD : 0, " %s %s %s  %s  %s  %-11s %-10s %s", num,
		         state, is, ca, fi, wait, who, rating);
	}
}

static void build_cases(struct ui *ui, struct drill *d)
{
	const struct hall *h = ui_hall(ui);
	char at[6], who[64], num[32], matter[64], outcome[64], mode[32];
	add_line(d, A_BOLD, _("Cases (%zu)"), d->day.ncases);
	for (size_t i = 0; i < d->day.ncases; i++) {
		const struct lead_day_case *c = &d->day.cases[i];
		const struct hall_matter *m = hall_matter(h, c->matter);
		const struct hall_item *o = hall_item(h->outcomes, h->noutcomes, c->outcome);
		const struct hall_item *md = c->mode[0] ? hall_item(h->modes, h->nmodes, c->mode) : NULL;
		hhmm(c->at, at);
		where_who(d, c->window, c->staff, who, sizeof who);
		text_pad(c->number[0] ? c->number : "-", 6, num, sizeof num);
		text_pad(m ? m->name : c->matter[0] ? c->matter : "-", 22, matter, sizeof matter);
		text_pad(o ? o->name : c->outcome, 18, outcome, sizeof outcome);
		text_pad(md ? md->name : "", 4, mode, sizeof mode);
		add_line(d, 0, " %s %s %s %s %s %s", at, num, matter, outcome, mode, who);
	}
}

static void build_pauses(struct ui *ui, struct drill *d)
{
	const struct hall *h = ui_hall(ui);
	char from[6], to[6], who[64], reason[64];
	long long total = 0;
	for (size_t i = 0; i < d->day.npauses; i++) {
		const struct lead_day_pause *p = &d->day.pauses[i];
		total += (p->ended_at ? p->ended_at : ui_now(ui)) - p->started_at;
	}
	add_line(d, A_BOLD, _("Pauses (%zu, %lld min)"), d->day.npauses, total / 60);
	for (size_t i = 0; i < d->day.npauses; i++) {
		const struct lead_day_pause *p = &d->day.pauses[i];
		const struct hall_item *r = hall_item(h->pauses, h->npauses, p->reason);
		long long secs = (p->ended_at ? p->ended_at : ui_now(ui)) - p->started_at;
		hhmm(p->started_at, from);
		if (p->ended_at)
			hhmm(p->ended_at, to);
		else
			snprintf(to, sizeof to, "…");
		where_who(d, p->window, p->staff, who, sizeof who);
		text_pad(r ? r->name : p->reason, 10, reason, sizeof reason);
		add_line(d, p->ended_at ? 0 : A_BOLD, p->ended_at ? _(" %s–%s %s %3lld min  %s")
		                                                  : _(" %s–%s %s %3lld min so far  %s"),
		         from, to, reason, secs / 60, who);
	}
}

static void build_ratings(struct ui *ui, struct drill *d)
{
	char at[6], who[64], num[32];
	(void)ui;
	add_line(d, A_BOLD, _("Ratings (%zu)"), d->day.nratings);
	for (size_t i = 0; i < d->day.nratings; i++) {
		const struct lead_day_rating *r = &d->day.ratings[i];
		hhmm(r->at, at);
		where_who(d, r->window, r->staff, who, sizeof who);
		text_pad(r->number[0] ? r->number : "-", 6, num, sizeof num);
		add_line(d, r->level <= 2 ? A_BOLD | ui_attr(UI_C_WARN) : 0, " %s %s ★%d %-10s %s", at, num,
		         r->level, who, r->reason);
	}
}

/* The report's row for the key (zeros if the key has none today). */
static const struct report_measures *drill_measures(const struct drill *d)
{
	static const struct report_measures none;
	for (size_t i = 0; d->r && i < d->r->nrows; i++)
		if (!strcmp(d->r->rows[i].key, d->key))
			return &d->r->rows[i].m;
	return &none;
}

/* The figures in cells of 40 columns or more, as many as fit on a line. */
static void build_figures(struct ui *ui, struct drill *d)
{
	struct report_figure *fig;
	size_t n = report_figures(ui_hall(ui), d->r, drill_measures(d), &fig);
	int per = (COLS - 2) / 39 > 0 ? (COLS - 2) / 39 : 1, cell = (COLS - 2) / per, col = 0;
	char line[256] = "", value[64], cellbuf[256], label[128];
	size_t len = 0;
	for (size_t k = 0; k < NDRILL_FIGURES; k++)
		for (size_t i = 0; i < n; i++) {
			if (strcmp(fig[i].key, drill_figures[k]) != 0)
				continue;
			report_cli_value(&fig[i], value, sizeof value);
			int vw = text_width(value);
			text_pad(fig[i].label, cell - vw - 2, label, sizeof label);
			snprintf(cellbuf, sizeof cellbuf, "%s %s  ", label, value);
			len += (size_t)snprintf(line + len, sizeof line - len, "%s", cellbuf);
			if (len >= sizeof line)
				len = sizeof line - 1;
			if (++col == per) {
				add_line(d, 0, " %s", line);
				col = 0;
				len = 0;
				line[0] = '\0';
			}
			break;
		}
	if (col)
		add_line(d, 0, " %s", line);
	free(fig);
}

static int drill_load(struct ui *ui, void *self)
{
	struct drill *d = self;
	static const enum report_dim dims[] = { REPORT_BY_WINDOW, REPORT_BY_STAFF, REPORT_BY_TYPE };
	lead_day_free(&d->day);
	report_free(d->r);
	d->r = NULL;
	d->nlines = 0;
	d->loaded_minute = ui_now(ui) / 60;
	d->error = lead_day(ui_store(ui), ui_hall(ui), d->kind, d->key, &d->day);
	if (d->error == QD_OK)
		d->error = report_compute(ui_store(ui), ui_hall(ui), d->day.day, d->day.day, dims[d->kind], &d->r);
	if (d->error != QD_OK)
		return UI_REDRAW;
	build_figures(ui, d);
	add_line(d, 0, "%s", "");
	build_tickets(ui, d);
	add_line(d, 0, "%s", "");
	build_cases(ui, d);
	add_line(d, 0, "%s", "");
	if (d->kind != LEAD_DAY_TYPE) {
		build_pauses(ui, d);
		add_line(d, 0, "%s", "");
	}
	build_ratings(ui, d);
	return UI_REDRAW;
}

static int drill_rows(struct ui *ui)
{
	return ui_body_lines(ui) - 5;
}

static void drill_draw(struct ui *ui, void *self)
{
	struct drill *d = self;
	int body = ui_body_lines(ui);
	char stamp[20], line[256];
	ui_fill(0, 0, LINES, COLS);
	clock_stamp((time_t)ui_now(ui), stamp);
	stamp[16] = '\0';
	ui_pad(0, 0, COLS, A_BOLD | ui_attr(UI_C_TITLE), ui_hall(ui)->name);
	ui_text(0, COLS - 1 - 16, 16, A_BOLD, stamp);
	snprintf(line, sizeof line, _("Shift lead · %s · %s"), d->title, d->day.day);
	ui_text(1, 0, COLS - 1, A_BOLD, line);
	ui_hline(2, 0, COLS);
	if (d->error != QD_OK) {
		ui_text(4, 1, COLS - 2, A_BOLD, _(qd_status_text(d->error)));
	} else {
		int rows = drill_rows(ui);
		if (d->top > (int)d->nlines - rows)
			d->top = (int)d->nlines - rows;
		if (d->top < 0)
			d->top = 0;
		for (int i = 0; i < rows && d->top + i < (int)d->nlines; i++)
			ui_text(3 + i, 0, COLS - 1, d->lines[d->top + i].attr, d->lines[d->top + i].text);
	}
	snprintf(line, sizeof line, _("Esc/q back · ↑↓ PgUp PgDn scroll · lines %d–%d of %zu"),
	         d->nlines ? d->top + 1 : 0, d->top + drill_rows(ui) < (int)d->nlines ? d->top + drill_rows(ui)
	                                                                          : (int)d->nlines, d->nlines);
	ui_hline(body - 2, 0, COLS);
	ui_text(body - 1, 1, COLS - 2, 0, line);
}

static int drill_act(struct ui *ui, void *self, const struct ui_event *ev)
{
	struct drill *d = self;
	int rows = drill_rows(ui);
	if ((!ev->fn && ev->code == 27) || ev->act == ACT_LOGOUT) {
		ui_pop(ui);
		return UI_REDRAW;
	}
	if (ev->act == ACT_HELP) {
		ui_help(ui);
		return UI_REDRAW;
	}
	if (ev->act == ACT_LOCK) {
		session_lock(ui, &d->lead->sess);
		return UI_REDRAW;
	}
	if (!ev->fn)
		return 0;
	switch (ev->code) {
	case KEY_UP: d->top--; break;
	case KEY_DOWN: d->top++; break;
	case KEY_PPAGE: d->top -= rows - 1; break;
	case KEY_NPAGE: d->top += rows - 1; break;
	case KEY_HOME: d->top = 0; break;
	case KEY_END: d->top = (int)d->nlines; break;
	default: return 0;
	}
	return UI_REDRAW;
}

static int drill_tick(struct ui *ui, void *self)
{
	struct drill *d = self;
	return ui_now(ui) / 60 != d->loaded_minute ? UI_RELOAD : 0;
}

static void drill_destroy(void *self)
{
	struct drill *d = self;
	lead_day_free(&d->day);
	report_free(d->r);
	free(d->lines);
	free(d);
}

static const struct screen screen_drill = {
	.name = "lead-drill", .keymap = KEYMAP_LEAD, .load = drill_load, .draw = drill_draw,
	.act = drill_act, .tick = drill_tick, .destroy = drill_destroy,
};

/* ---- the picker ---- */

struct pick_entry {
	enum lead_day_kind kind;
	char key[32], title[160];
};

struct pick {
	struct lead_screen *lead;
	struct pick_entry *e;
	size_t n;
};

static void pick_done(struct ui *ui, void *ctx, int index, const unsigned char *checked)
{
	struct pick *p = ctx;
	(void)checked;
	if (index >= 0 && (size_t)index < p->n) {
		struct drill *d = calloc(1, sizeof *d);
		if (d) {
			d->lead = p->lead;
			d->kind = p->e[index].kind;
			snprintf(d->key, sizeof d->key, "%s", p->e[index].key);
			snprintf(d->title, sizeof d->title, "%s", p->e[index].title);
			ui_push(ui, &screen_drill, d);
		} else {
			ui_status(ui, QD_ERR_NOMEM, NULL);
		}
	}
	lead_pending_done(p->lead);
}

static void pick_free(void *x)
{
	struct pick *p = x;
	free(p->e);
	free(p);
}

static void pick_add(struct pick *p, struct picker *pk, enum lead_day_kind kind, const char *key,
                     const char *title)
{
	struct pick_entry *e = &p->e[p->n++];
	e->kind = kind;
	snprintf(e->key, sizeof e->key, "%s", key);
	snprintf(e->title, sizeof e->title, "%s", title);
	picker_add(pk, key, title, 0);
}

void lead_drill_pick(struct ui *ui, struct lead_screen *l)
{
	const struct hall *h = ui_hall(ui);
	struct staff *staff = NULL;
	size_t nstaff = 0;
	enum qd_status s = staff_list(ui_store(ui), &staff, &nstaff);
	if (s != QD_OK) {
		ui_status(ui, s, NULL);
		return;
	}
	struct pick *p = calloc(1, sizeof *p);
	if (p)
		p->e = calloc(h->nwindows + h->ntypes + nstaff + 1, sizeof *p->e);
	if (!p || !p->e) {
		free(p);
		free(staff);
		ui_status(ui, QD_ERR_NOMEM, NULL);
		return;
	}
	p->lead = l;
	lead_pending_set(l, p, pick_free);
	char key[32], title[160];
	struct picker *pk = picker_new(_("Drill down: a window, a clerk or a business type"), 0, pick_done, p);
	for (size_t i = 0; i < h->nwindows; i++) {
		snprintf(key, sizeof key, "%d", h->windows[i].number);
		snprintf(title, sizeof title, _("window %d %s"), h->windows[i].number, h->windows[i].name);
		pick_add(p, pk, LEAD_DAY_WINDOW, key, title);
	}
	for (size_t i = 0; i < nstaff; i++) {
		if (!staff[i].active || (staff[i].role != ROLE_CLERK && staff[i].role != ROLE_LEAD))
			continue;
		snprintf(title, sizeof title, _("clerk %s (%s)"), staff[i].name, staff[i].id);
		pick_add(p, pk, LEAD_DAY_STAFF, staff[i].id, title);
	}
	for (size_t i = 0; i < h->ntypes; i++) {
		snprintf(title, sizeof title, _("business type %s %s"), h->types[i].prefix, h->types[i].name);
		pick_add(p, pk, LEAD_DAY_TYPE, h->types[i].prefix, title);
	}
	free(staff);
	picker_hide_keys(pk);
	picker_push(ui, pk);
}
