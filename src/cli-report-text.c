/* cli-report-text.c - the report as documents: CSV for spreadsheets (LibreOffice, Excel on a
 * Chinese desktop) and the bureau's summary paragraph (年报/月报 wording from the catalogue, the
 * categories and subject from the config's report group). */
#include <stdlib.h>
#include <string.h>
#include "cli-report.h"
#include "qdesk/clock.h"
#include "qdesk/i18n.h"

/* ---- CSV ---- */

/* One cell: quoted when it holds a comma, quote, line break or edge blank; a cell a spreadsheet
 * would read as a formula (= + - @, tab, CR first) gets a leading apostrophe. */
static void csv_cell(FILE *f, const char *s, int first)
{
	if (!first)
		fputc(',', f);
	int formula = strchr("=+-@\t\r", s[0]) && s[0];
	size_t n = strlen(s);
	int quote = formula || strpbrk(s, ",\"\r\n") || (n && (s[0] == ' ' || s[n - 1] == ' '));
	if (!quote) {
		fputs(s, f);
		return;
	}
	fputc('"', f);
	if (formula)
		fputc('\'', f);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', f);
		fputc(*s, f);
	}
	fputc('"', f);
}

static int csv_row(FILE *f, const struct hall *h, const struct report *r, const struct report_measures *m,
                   const char *key, const char *label)
{
	struct report_figure *fig;
	size_t n = report_figures(h, r, m, &fig);
	if (!n)
		return -1;
	char v[64];
	csv_cell(f, r->from, 1);
	csv_cell(f, r->to, 0);
	if (r->by != REPORT_BY_NONE) {
		csv_cell(f, key, 0);
		csv_cell(f, label, 0);
	}
	for (size_t i = 0; i < n; i++) {
		if (fig[i].defined)
			report_cli_value(&fig[i], v, sizeof v);
		else
			v[0] = '\0';
		/* a rate's % sign makes a spreadsheet read it as a percentage: keep it */
		csv_cell(f, v, 0);
	}
	fputs("\r\n", f);
	free(fig);
	return 0;
}

int report_cli_csv(FILE *f, const struct hall *h, const struct report *r)
{
	struct report_figure *fig;
	size_t n = report_figures(h, r, &r->total, &fig);
	if (!n)
		return -1;
	csv_cell(f, _("period from"), 1);
	csv_cell(f, _("period to"), 0);
	if (r->by != REPORT_BY_NONE) {
		csv_cell(f, report_dim_name(r->by), 0);
		csv_cell(f, _("group name"), 0);
	}
	for (size_t i = 0; i < n; i++)
		csv_cell(f, fig[i].label, 0);
	fputs("\r\n", f);
	free(fig);
	for (size_t i = 0; r->by != REPORT_BY_NONE && i < r->nrows; i++)
		if (csv_row(f, h, r, &r->rows[i].m, r->rows[i].key, r->rows[i].label))
			return -1;
	return csv_row(f, h, r, &r->total, "", _("period total"));
}

/* ---- the summary paragraph ---- */

static int day_parts(const char *d, int *y, int *m, int *dd)
{
	return sscanf(d, "%4d-%2d-%2d", y, m, dd) == 3;
}

/* "2026年1-11月份", "2026年11月份", "2026年", "2026年11月23日", or "A至B". */
static void period_phrase(const struct report *r, char *out, size_t outsz)
{
	int y1, m1, d1, y2, m2, d2;
	char a[64], b[64], next[11];
	if (!day_parts(r->from, &y1, &m1, &d1) || !day_parts(r->to, &y2, &m2, &d2)) {
		snprintf(out, outsz, "%s", r->from);
		return;
	}
	clock_day_add(r->to, 1, next);
	int whole_months = d1 == 1 && !strcmp(next + 8, "01");
	if (!strcmp(r->from, r->to)) {
		snprintf(out, outsz, _("%1$d-%2$02d-%3$02d"), y1, m1, d1);
	} else if (whole_months && y1 == y2 && m1 == 1 && m2 == 12) {
		snprintf(out, outsz, _("year %d"), y1);
	} else if (whole_months && y1 == y2 && m1 == m2) {
		snprintf(out, outsz, _("%1$d-%2$02d"), y1, m1);
	} else if (whole_months && y1 == y2) {
		snprintf(out, outsz, _("%1$d, months %2$d-%3$d"), y1, m1, m2);
	} else {
		snprintf(a, sizeof a, _("%1$d-%2$02d-%3$02d"), y1, m1, d1);
		snprintf(b, sizeof b, _("%1$d-%2$02d-%3$02d"), y2, m2, d2);
		snprintf(out, outsz, _("%1$s to %2$s"), a, b);
	}
}

static void pct(int pm, char *out, size_t outsz)
{
	if (pm < 0)
		snprintf(out, outsz, "-");
	else
		snprintf(out, outsz, "%d.%d%%", pm / 10, pm % 10);
}

/* The categories the paragraph names, from the report group (or all), "农林水牧N件、企业N件". */
static void category_list(const struct hall *h, const struct report_measures *m, char *out, size_t outsz)
{
	size_t n = h->report.ncategories ? h->report.ncategories : h->ncategories;
	size_t used = 0;
	out[0] = '\0';
	for (size_t i = 0; i < n && used < outsz; i++) {
		const char *id = h->report.ncategories ? h->report.categories[i] : h->categories[i].id;
		long long v = 0;
		const char *name = id;
		for (size_t k = 0; k < h->ncategories && k < REPORT_CATEGORIES_MAX; k++)
			if (!strcmp(h->categories[k].id, id)) {
				v = m->category[k];
				name = h->categories[k].name;
			}
		char item[256];
		snprintf(item, sizeof item, _("%s %lld"), name, v);
		used += (size_t)snprintf(out + used, outsz - used, "%s%s", i ? _(", ") : "", item);
	}
}

/* The help types given, "代填表单N次、智能设备指导N次". */
static void help_list(const struct hall *h, const struct report_measures *m, char *out, size_t outsz)
{
	size_t used = 0;
	out[0] = '\0';
	for (size_t i = 0; i < h->nhelps && i < HALL_HELPS_MAX && used < outsz; i++) {
		char item[256];
		snprintf(item, sizeof item, _("%s %lld times"), h->helps[i].name, m->help[i]);
		used += (size_t)snprintf(out + used, outsz - used, "%s%s", i ? _(", ") : "", item);
	}
}

int report_cli_summary(FILE *f, const struct hall *h, const struct report *r)
{
	const struct report_measures *m = &r->total;
	char when[128], cats[2048], helps[2048], done[16], daily[32], good[16], fixed[16], back[16];
	period_phrase(r, when, sizeof when);
	category_list(h, m, cats, sizeof cats);
	help_list(h, m, helps, sizeof helps);
	pct(report_done_rate(m), done, sizeof done);
	pct(report_good_rate(m), good, sizeof good);
	pct(report_rectify_rate(m), fixed, sizeof fixed);
	pct(report_callback_rate(m), back, sizeof back);
	long long avg = report_daily_avg(r, m->cases);
	if (avg < 0)
		snprintf(daily, sizeof daily, "-");
	else
		snprintf(daily, sizeof daily, "%lld.%lld", (avg + 5) / 10 / 10, (avg + 5) / 10 % 10);
	long long helped = 0;
	for (size_t i = 0; i < HALL_HELPS_MAX; i++)
		helped += m->help[i];
	fprintf(f, _("%1$s, %2$sreceived %3$lld consultations and handled %4$lld cases (%5$s), "
	             "%6$lld of them online; %7$s cases per working day; completion rate %8$s; "
	             "guided, assisted and delegated cases %9$lld."),
	        when, h->report.subject ? h->report.subject : "", m->consultations, m->cases, cats,
	        m->online, daily, done, report_modes_sum(m));
	char line[4096];
	snprintf(line, sizeof line, _("Elderly service: %1$lld people helped, help given %2$lld times "
	                              "(%3$s), %4$lld minutes."), m->elderly_people, helped, helps,
	         m->help_minutes);
	fputs(line, f);
	fprintf(f, _("Evaluations: %1$lld in all, good-evaluation rate %2$s, %3$lld bad; "
	             "%4$lld rectification items, rectification rate %5$s, call-back rate %6$s, "
	             "%7$lld overdue."), m->rated, good, m->bad, m->rectifications, fixed, back,
	        m->overdue);
	if (r->have_problems)
		fprintf(f, _("The 'could not get it done' window received %1$lld problems, %2$lld "
		             "solved."), m->problems_received, m->problems_solved);
	fputc('\n', f);
	return 0;
}
