/* screen-lead-figures.c - the shift lead's figures of today: the key figures (the same values, with
 * the same labels, as `qdesk report --day` prints, from report_compute) and the hourly chart of
 * tickets issued and served (by hour of issue, as `qdesk report --by hour`). */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli-report.h"
#include "screen-lead-views.h"
#include "widget-chart.h"
#include "qdesk/i18n.h"
#include "qdesk/text.h"

/* The report's figures a lead watches during the day, in the order shown. */
static const char *const key_figures[] = {
	"issued", "served", "open", "noshow", "cases", "mode.guided", "mode.assisted", "mode.delegated",
	"modes", "elderly_people", "rated", "good_rate", "bad", "wait_mean",
};
#define NKEY_FIGURES (sizeof key_figures / sizeof key_figures[0])

int lead_hall_has_figures(void)
{
	return COLS >= 150;
}

/* "label ....... value" in w columns, the value right-aligned. */
static void figure_line(int y, int x, int w, int attr, const char *label, const char *value)
{
	int vw = text_width(value);
	ui_text(y, x, w - vw - 1, attr, label);
	ui_text(y, x + w - vw, vw + 1, attr | A_BOLD, value);
}

int lead_figures_draw(struct ui *ui, struct lead_screen *l, int y, int x, int w, int bottom)
{
	char line[160], value[64];
	(void)ui;
	if (y >= bottom)
		return y;
	snprintf(line, sizeof line, _("Today's figures (%s)"), l->today ? l->today->today : "");
	ui_text(y++, x, w, A_BOLD, line);
	if (!l->today) {
		ui_text(y++, x, w, 0, _(qd_status_text(l->today_error)));
		return y;
	}
	struct report_figure *fig;
	size_t n = report_figures(ui_hall(ui), l->today, &l->today->total, &fig);
	for (size_t k = 0; k < NKEY_FIGURES && y < bottom; k++)
		for (size_t i = 0; i < n; i++)
			if (!strcmp(fig[i].key, key_figures[k])) {
				report_cli_value(&fig[i], value, sizeof value);
				figure_line(y++, x, w, 0, fig[i].label, value);
				break;
			}
	free(fig);
	if (y < bottom) {
		snprintf(value, sizeof value, "%d (%d)", l->snap.rectify_open, l->snap.rectify_overdue);
		figure_line(y++, x, w, l->snap.rectify_overdue ? A_BOLD | ui_attr(UI_C_WARN) : 0,
		            _("rectifications open (overdue)"), value);
	}
	if (y < bottom) {
		snprintf(value, sizeof value, "%d (%d)", l->snap.problems_open, l->snap.problems_overdue);
		figure_line(y++, x, w, l->snap.problems_overdue ? A_BOLD | ui_attr(UI_C_WARN) : 0,
		            _("办不成事 open (overdue)"), value);
	}
	return y;
}

void lead_chart_draw(struct ui *ui, struct lead_screen *l, int y, int x, int h, int w)
{
	const struct hall *h0 = ui_hall(ui);
	struct chart_group g[24];
	int first = h0->open_min / 60, last = (h0->close_min - 1) / 60;
	if (h < 5 || !l->today)
		return;
	for (size_t i = 0; i < l->today->nrows; i++) {
		int hr = atoi(l->today->rows[i].key);
		if (hr < first)
			first = hr;
		if (hr > last)
			last = hr;
	}
	if (first < 0)
		first = 0;
	if (last > 23)
		last = 23;
	int n = last - first + 1;
	for (int i = 0; i < n; i++) {
		memset(&g[i], 0, sizeof g[i]);
		snprintf(g[i].label, sizeof g[i].label, "%02d", first + i);
	}
	for (size_t i = 0; i < l->today->nrows; i++) {
		int hr = atoi(l->today->rows[i].key);
		if (hr >= first && hr <= last) {
			g[hr - first].v[0] = l->today->rows[i].m.issued;
			g[hr - first].v[1] = l->today->rows[i].m.served;
		}
	}
	int attrs[2] = { 0, A_BOLD | ui_attr(UI_C_OK) };
	int utf8 = chart_utf8();
	ui_text(y, x, w, A_BOLD, _("Tickets per hour of issue"));
	int lx = x + ui_text(y + 1, x, w, attrs[0], chart_cell(8, utf8));
	lx += ui_text(y + 1, lx, x + w - lx, 0, " ");
	lx += ui_text(y + 1, lx, x + w - lx, 0, _("issued"));
	lx += ui_text(y + 1, lx, x + w - lx, 0, "  ");
	lx += ui_text(y + 1, lx, x + w - lx, attrs[1], chart_cell(8, utf8));
	lx += ui_text(y + 1, lx, x + w - lx, 0, " ");
	ui_text(y + 1, lx, x + w - lx, 0, _("served (of them)"));
	if (!chart_draw(y + 2, x, h - 2, w, g, n, 2, attrs))
		ui_text(y + 2, x, w, 0, _("(no room for the chart)"));
}

void lead_figures_view(struct ui *ui, struct lead_screen *l, int top, int bottom)
{
	int lw = COLS >= 100 ? 44 : 38;
	lead_figures_draw(ui, l, top, 1, lw - 2, bottom);
	mvvline(top, lw, ACS_VLINE, bottom - top);
	lead_chart_draw(ui, l, top, lw + 2, bottom - top, COLS - lw - 3);
}
