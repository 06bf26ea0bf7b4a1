/* widget-chart.c - vertical bar charts in eighths of a line (▁…█), several series per group, with
 * an ASCII fallback when the person's locale is not UTF-8. */
#include <curses.h>
#include <langinfo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ui.h"
#include "widget-chart.h"

/* 1 if s names a UTF-8 locale ("zh_CN.UTF-8", "C.utf8"). */
static int names_utf8(const char *s)
{
	for (; s && *s; s++)
		if ((s[0] == 'U' || s[0] == 'u') && (s[1] == 'T' || s[1] == 't') && (s[2] == 'F' || s[2] == 'f'))
			return s[3] == '8' || (s[3] == '-' && s[4] == '8');
	return 0;
}

int chart_utf8(void)
{
	/* qdesk runs in a UTF-8 locale (main falls back to C.UTF-8): ask what the person's own
	 * locale is, the one the terminal was set up for (LC_ALL, else LC_CTYPE, else LANG). */
	const char *v = getenv("LC_ALL");
	if (!v || !*v)
		v = getenv("LC_CTYPE");
	if (!v || !*v)
		v = getenv("LANG");
	return strcmp(nl_langinfo(CODESET), "UTF-8") == 0 && names_utf8(v);
}

const char *chart_cell(int eighths, int utf8)
{
	static const char *const blocks[9] = { " ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█" };
	if (eighths <= 0)
		return " ";
	if (eighths >= 8)
		return utf8 ? blocks[8] : "#";
	return utf8 ? blocks[eighths] : ".";
}

int chart_draw(int y, int x, int h, int w, const struct chart_group *g, int ngroups, int nseries,
               const int *attrs)
{
	if (nseries < 1 || nseries > CHART_SERIES_MAX || ngroups < 1 || h < 3)
		return 0;
	long long max = 0;
	for (int i = 0; i < ngroups; i++)
		for (int s = 0; s < nseries; s++)
			if (g[i].v[s] > max)
				max = g[i].v[s];
	char scale[24];
	snprintf(scale, sizeof scale, "%lld", max);
	int axis = (int)strlen(scale) + 1;
	int group_w = (w - axis) / ngroups;     /* bars, then a blank column if there is room */
	int gap = group_w >= nseries + 1;
	int bar_w = (group_w - gap) / nseries;
	if (bar_w < 1)
		return 0;
	if (bar_w > 4)
		bar_w = 4;
	group_w = bar_w * nseries + gap;
	int utf8 = chart_utf8();
	int values = group_w >= 6 && h >= 8;    /* room for "12/4" under each label */
	int rows = h - 1 - values;              /* then the labels (and values) */
	ui_text(y, x, axis, 0, scale);
	ui_text(y + rows - 1, x + axis - 2, 2, 0, "0");
	for (int i = 0; i < ngroups; i++) {
		int gx = x + axis + i * group_w;
		for (int s = 0; s < nseries; s++) {
			long long v = g[i].v[s];
			long long e = max ? (v * rows * 8 + max / 2) / max : 0;
			if (v > 0 && e < 1)
				e = 1;
			for (int r = 0; r < rows; r++) {
				const char *cell = chart_cell((int)(e - r * 8 > 8 ? 8 : e - r * 8), utf8);
				for (int c = 0; c < bar_w; c++)
					ui_text(y + rows - 1 - r, gx + s * bar_w + c, 1, attrs ? attrs[s] : 0, cell);
			}
		}
		if (gap || i % 2 == 0)          /* crowded: every other label, so they stay apart */
			ui_text(y + rows, gx, gap ? group_w : 2 * group_w, 0, g[i].label);
		if (values) {
			char v[64];
			int n = 0;
			for (int s = 0; s < nseries; s++)
				n += snprintf(v + n, sizeof v - (size_t)n, "%s%lld", s ? "/" : "", g[i].v[s]);
			ui_text(y + rows + 1, gx, group_w - 1, 0, v);
		}
	}
	return axis + ngroups * group_w;
}
