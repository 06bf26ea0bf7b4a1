/* widget-chart.c - vertical bar charts in eighths of a line (▁…█), several series per group, with
 * an ASCII fallback for a codeset other than UTF-8. */
#include <curses.h>
#include <langinfo.h>
#include <stdio.h>
#include <string.h>
#include "ui.h"
#include "widget-chart.h"

int chart_utf8(void)
{
	return strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
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
	int group_w = (w - axis) / ngroups;     /* bars, then a blank column */
	int bar_w = (group_w - 1) / nseries;
	if (bar_w < 1)
		return 0;
	if (bar_w > 4)
		bar_w = 4;
	group_w = bar_w * nseries + 1;
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
		ui_text(y + rows, gx, group_w, 0, g[i].label);
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
