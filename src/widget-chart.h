/* widget-chart.h - a vertical bar chart in block characters (▁▂▃▄▅▆▇█, eighths of a line), a few
 * series side by side in each group (e.g. tickets issued and served per hour), a label under each
 * group; '#' and '.' when the person's locale (LC_ALL, LC_CTYPE, LANG) is not UTF-8, even though
 * qdesk itself then runs in C.UTF-8. Lined up by terminal columns. */
#ifndef QDESK_WIDGET_CHART_H
#define QDESK_WIDGET_CHART_H

#define CHART_SERIES_MAX 4

struct chart_group {
	char label[8];                          /* under the group, e.g. "09"; ASCII */
	long long v[CHART_SERIES_MAX];          /* one value per series, >= 0 */
};

/* Draw ngroups groups of nseries bars (attrs[i] for series i) in the box at y, x, h lines by w
 * columns: the scale (the largest value) on the left, the bars, the labels on the last line. A bar
 * of a value above zero shows at least an eighth. Groups are parted by a blank column when there
 * is room (not on a crowded chart); bars widen up to 4 columns when there is room;
 * a group 6 columns wide or more also shows its values ("12/4") under its label.
 * Returns the columns used, 0 if it does not fit (h < 3, or less than a column per bar). */
int chart_draw(int y, int x, int h, int w, const struct chart_group *g, int ngroups, int nseries,
               const int *attrs);

/* 1 for block characters: the codeset is UTF-8 and so is the locale the environment names
 * (LC_ALL, else LC_CTYPE, else LANG); 0 for the ASCII fallback. */
int chart_utf8(void);

/* The text of one cell of a bar filled `eighths` from its bottom (0..8 and more): "█", "▃", " " —
 * or "#", ".", " " when utf8 is 0. */
const char *chart_cell(int eighths, int utf8);

#endif
