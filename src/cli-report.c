/* cli-report.c - `qdesk report`: the period and breakdown from the options, then the report in
 * one of four forms: a table that fits the terminal, CSV for spreadsheets (UTF-8 with BOM or
 * GB18030), JSON with the documented keys, or the bureau's summary paragraph (cli-report-text.c).
 * Reads only. */
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include "cli.h"
#include "cli-report.h"
#include "qdesk/clock.h"
#include "qdesk/i18n.h"
#include "qdesk/text.h"

/* ---- values as text ---- */

void report_cli_value(const struct report_figure *f, char *out, size_t outsz)
{
	if (!f->defined) {
		snprintf(out, outsz, "-");
		return;
	}
	long long v = f->value;
	switch (f->unit) {
	case REPORT_RATE:
		snprintf(out, outsz, "%lld.%lld%%", v / 10, v % 10);
		break;
	case REPORT_SECONDS:                /* minutes, one decimal */
		v = (v * 10 + 30) / 60;
		snprintf(out, outsz, "%lld.%lld", v / 10, v % 10);
		break;
	case REPORT_HUNDREDTHS:
		snprintf(out, outsz, "%lld.%02lld", v / 100, v % 100);
		break;
	default:
		snprintf(out, outsz, "%lld", v);
	}
}

/* ---- table ---- */

static int terminal_cols(void)
{
	struct winsize ws;
	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 20)
		return ws.ws_col;
	const char *c = getenv("COLUMNS");
	int n = c ? atoi(c) : 0;
	return n >= 20 && n <= 1000 ? n : 80;
}

/* Right-align s in cols columns. */
static void put_right(FILE *f, const char *s, int cols)
{
	for (int w = text_width(s); w < cols; w++)
		fputc(' ', f);
	fputs(s, f);
}

static void put_left(FILE *f, const char *s, int cols)
{
	char buf[512];
	text_pad(s, cols, buf, sizeof buf);
	fputs(buf, f);
}

static void table_head(FILE *f, const struct hall *h, const struct report *r)
{
	fprintf(f, "%s  ", h->name);
	fprintf(f, _("%1$s to %2$s"), r->from, r->to);
	fputs("  ", f);
	fprintf(f, _("%d days, %d working days"), r->days, r->working_days);
	fputc('\n', f);
}

/* Without a breakdown: one figure a line, label and value. */
static int table_total(FILE *f, const struct hall *h, const struct report *r, int cols)
{
	struct report_figure *fig;
	size_t n = report_figures(h, r, &r->total, &fig);
	if (!n)
		return -1;
	int lw = 0;
	char v[64];
	for (size_t i = 0; i < n; i++)
		if (text_width(fig[i].label) > lw)
			lw = text_width(fig[i].label);
	if (lw > cols - 14)
		lw = cols - 14;
	for (size_t i = 0; i < n; i++) {
		report_cli_value(&fig[i], v, sizeof v);
		put_left(f, fig[i].label, lw);
		put_right(f, v, 12);
		fputc('\n', f);
	}
	free(fig);
	return 0;
}

/* The figures a breakdown table shows, in this order, as many as fit. */
static const char *const by_columns[] = {
	"issued", "served", "noshow", "transferred", "consultations", "cases", "online", "modes",
	"elderly_people", "rated", "good_rate", "bad", "wait_mean", "past_target", "service_mean", NULL
};

static const struct report_figure *fig_find(const struct report_figure *fig, size_t n, const char *key)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(fig[i].key, key))
			return &fig[i];
	return NULL;
}

/* With a breakdown: a row per group and the total; the first column the group, then the figures
 * that fit the terminal (every figure is in the CSV and JSON forms). */
static int table_by(FILE *f, const struct hall *h, const struct report *r, int cols)
{
	struct report_figure *tot;
	size_t n = report_figures(h, r, &r->total, &tot);
	if (!n)
		return -1;
	int kw = text_width(_("period total"));
	for (size_t i = 0; i < r->nrows; i++) {
		int w = text_width(r->rows[i].label);
		if (w > kw)
			kw = w;
	}
	if (kw > 24)
		kw = 24;
	int used = kw, width[32], ncol = 0, left = 0;
	const char *keys[32];
	for (int i = 0; by_columns[i]; i++) {
		const struct report_figure *t = fig_find(tot, n, by_columns[i]);
		if (!t)
			continue;
		int w = text_width(t->label);
		if (w < 7)
			w = 7;
		if (used + 1 + w > cols - 1 || ncol == 32) {
			left++;
			continue;
		}
		keys[ncol] = by_columns[i];
		width[ncol++] = w;
		used += 1 + w;
	}
	put_left(f, "", kw);
	for (int c = 0; c < ncol; c++) {
		fputc(' ', f);
		put_right(f, fig_find(tot, n, keys[c])->label, width[c]);
	}
	fputc('\n', f);
	char v[64];
	for (size_t i = 0; i <= r->nrows; i++) {
		const struct report_measures *m = i < r->nrows ? &r->rows[i].m : &r->total;
		struct report_figure *fig = tot;
		size_t nf = n;
		if (i < r->nrows && !(nf = report_figures(h, r, m, &fig))) {
			free(tot);
			return -1;
		}
		put_left(f, i < r->nrows ? r->rows[i].label : _("period total"), kw);
		for (int c = 0; c < ncol; c++) {
			report_cli_value(fig_find(fig, nf, keys[c]), v, sizeof v);
			fputc(' ', f);
			put_right(f, v, width[c]);
		}
		fputc('\n', f);
		if (fig != tot)
			free(fig);
	}
	if (left)
		fprintf(f, _("(%d more figures did not fit: see --format csv or json)\n"), left);
	free(tot);
	return 0;
}

static int write_table(FILE *f, const struct hall *h, const struct report *r)
{
	int cols = terminal_cols();
	table_head(f, h, r);
	return r->by == REPORT_BY_NONE ? table_total(f, h, r, cols) : table_by(f, h, r, cols);
}

/* ---- JSON ---- */

static int json_figures(struct json *j, const struct hall *h, const struct report *r,
                        const struct report_measures *m)
{
	struct report_figure *fig;
	size_t n = report_figures(h, r, m, &fig);
	if (!n)
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (!fig[i].defined)
			json_str(j, fig[i].key, NULL);
		else if (fig[i].unit == REPORT_RATE)
			json_fixed(j, fig[i].key, fig[i].value, 1);
		else if (fig[i].unit == REPORT_HUNDREDTHS)
			json_fixed(j, fig[i].key, fig[i].value, 2);
		else
			json_int(j, fig[i].key, fig[i].value);
	}
	free(fig);
	return 0;
}

static int write_json(FILE *f, const struct hall *h, const struct report *r)
{
	struct json j;
	int rc = 0;
	json_begin(&j, f);
	json_bool(&j, "ok", 1);
	json_str(&j, "from", r->from);
	json_str(&j, "to", r->to);
	json_int(&j, "days", r->days);
	json_int(&j, "working_days", r->working_days);
	json_str(&j, "by", r->by == REPORT_BY_NONE ? NULL : report_dim_name(r->by));
	json_bool(&j, "problems_recorded", r->have_problems);
	json_object(&j, "total");
	rc |= json_figures(&j, h, r, &r->total);
	json_close(&j);
	json_array(&j, "groups");
	for (size_t i = 0; r->by != REPORT_BY_NONE && i < r->nrows; i++) {
		json_object(&j, NULL);
		json_str(&j, "key", r->rows[i].key);
		json_str(&j, "label", r->rows[i].label);
		rc |= json_figures(&j, h, r, &r->rows[i].m);
		json_close(&j);
	}
	json_close(&j);
	json_array(&j, "attendance");
	for (size_t i = 0; i < r->natt; i++) {
		const struct report_attendance *a = &r->att[i];
		json_object(&j, NULL);
		json_str(&j, "staff", a->staff);
		json_str(&j, "name", a->name);
		json_int(&j, "sessions", a->sessions);
		json_int(&j, "staffed_seconds", a->staffed_seconds);
		json_object(&j, "pauses");
		for (size_t k = 0; k < REPORT_PAUSES_MAX; k++) {
			if (!a->pauses[k])
				continue;
			const char *id = k < h->npauses && k < REPORT_PAUSES_MAX - 1 ? h->pauses[k].id : "other";
			json_object(&j, id);
			json_int(&j, "count", a->pauses[k]);
			json_int(&j, "seconds", a->pause_seconds[k]);
			json_close(&j);
		}
		json_close(&j);
		json_close(&j);
	}
	json_close(&j);
	json_end(&j);
	return rc;
}

/* ---- encodings and output ---- */

/* Convert the UTF-8 text in buf to GB18030; *out malloc'd. -1 (errno set) on failure. */
static int to_gb18030(const char *buf, size_t len, char **out, size_t *outlen)
{
	iconv_t cd = iconv_open("GB18030", "UTF-8");
	if (cd == (iconv_t)-1)
		return -1;
	size_t cap = len * 2 + 16, left = cap;
	char *res = malloc(cap), *o = res, *in = (char *)buf;
	size_t inleft = len;
	int rc = res && iconv(cd, &in, &inleft, &o, &left) != (size_t)-1 ? 0 : -1;
	iconv_close(cd);
	if (rc) {
		free(res);
		return -1;
	}
	*out = res;
	*outlen = cap - left;
	return 0;
}

static int emit(struct cli *c, const char *path, int gb, int bom, const char *buf, size_t len)
{
	char *conv = NULL;
	size_t clen = len;
	if (gb) {
		if (to_gb18030(buf, len, &conv, &clen))
			return cli_fail(c, QD_ERR_FILE, strerror(errno));
		buf = conv;
	}
	FILE *f = path ? fopen(path, "wb") : stdout;
	if (!f) {
		char detail[600];
		snprintf(detail, sizeof detail, "%s: %s", path, strerror(errno));
		free(conv);
		return cli_fail(c, QD_ERR_FILE, detail);
	}
	int bad = (bom && fwrite("\xEF\xBB\xBF", 1, 3, f) != 3) || fwrite(buf, 1, clen, f) != clen;
	bad |= path ? fclose(f) != 0 : fflush(f) != 0;
	free(conv);
	if (bad) {
		char detail[600];
		snprintf(detail, sizeof detail, "%s: %s", path ? path : "stdout", strerror(errno));
		return cli_fail(c, QD_ERR_FILE, detail);
	}
	return 0;
}

/* ---- the command ---- */

/* The period from the options: exactly one of --day, --week, --month, --year, --from/--to (both);
 * none is today. Returns 0 or the usage error's exit status. */
static int period(const char *cmd, const char *const opt[6], char from[11], char to[11])
{
	static const char *const names[] = { "--day", "--week", "--month", "--year", "--from", "--to" };
	int given = 0;
	for (int i = 0; i < 5; i++)
		given += opt[i] != NULL;
	if (given > 1 || (opt[4] != NULL) != (opt[5] != NULL) || (given == 0 && opt[5]))
		return cli_usage(cmd, _("give one period: --day, --week, --month, --year, or --from with --to"));
	enum qd_status s;
	int which = 0;
	if (given == 0) {
		char today[11];
		time_t now = clock_now();
		if (now == (time_t)-1)
			return cli_usage(cmd, clock_env_error());
		clock_day(now, today);
		s = report_period_day(today, from, to);
	} else {
		while (!opt[which])
			which++;
		s = which == 0 ? report_period_day(opt[0], from, to)
		  : which == 1 ? report_period_week(opt[1], from, to)
		  : which == 2 ? report_period_month(opt[2], from, to)
		  : which == 3 ? report_period_year(opt[3], from, to)
		  : report_period_range(opt[4], opt[5], from, to);
	}
	if (s == QD_OK)
		return 0;
	char msg[256];
	if (which == 4)
		snprintf(msg, sizeof msg, _("--from and --to must be days YYYY-MM-DD, the first not after the second"));
	else
		snprintf(msg, sizeof msg, _("%s: not a valid %s"), names[which],
		         which == 2 ? "YYYY-MM" : which == 3 ? "YYYY" : "YYYY-MM-DD");
	return cli_usage(cmd, msg);
}

int cli_report(struct cli *c, int argc, char **argv)
{
	const char *opt[6] = { 0 }, *by = NULL, *format = NULL, *encoding = NULL, *output = NULL;
	const struct cli_opt opts[] = {
		{ "day", &opt[0], NULL }, { "week", &opt[1], NULL }, { "month", &opt[2], NULL },
		{ "year", &opt[3], NULL }, { "from", &opt[4], NULL }, { "to", &opt[5], NULL },
		{ "by", &by, NULL }, { "format", &format, NULL }, { "encoding", &encoding, NULL },
		{ "output", &output, NULL }, { NULL, NULL, NULL } };
	int rc = cli_parse(c, argc, argv, opts, NULL, 0, 0);
	if (rc)
		return rc;
	enum report_dim dim = REPORT_BY_NONE;
	if (by && report_dim_parse(by, &dim) != QD_OK)
		return cli_usage(argv[0], _("--by takes type, window, staff, hour, weekday, day, category, "
		                            "matter, outcome, mode or channel"));
	if (!format)
		format = c->json ? "json" : "table";
	int fmt = !strcmp(format, "table") ? 0 : !strcmp(format, "csv") ? 1 : !strcmp(format, "json") ? 2
	        : !strcmp(format, "summary") ? 3 : -1;
	if (fmt < 0)
		return cli_usage(argv[0], _("--format takes table, csv, json or summary"));
	int gb = encoding && !strcmp(encoding, "gb18030");
	if (encoding && !gb && strcmp(encoding, "utf-8"))
		return cli_usage(argv[0], _("--encoding takes utf-8 or gb18030"));
	if (gb && fmt == 2)
		return cli_usage(argv[0], _("JSON is always UTF-8"));
	if (output && !*output) {
		char msg[128];
		snprintf(msg, sizeof msg, _("option '--%s' needs a value"), "output");
		return cli_usage(argv[0], msg);
	}
	char from[11], to[11];
	if ((rc = period(argv[0], opt, from, to)) || (rc = cli_store(c, STORE_OPEN_READ)))
		return rc;
	struct report *r;
	enum qd_status s = report_compute(c->st, c->hall, from, to, dim, &r);
	if (s != QD_OK)
		return cli_fail(c, s, store_errmsg(c->st));
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);
	if (!mem) {
		report_free(r);
		return cli_fail(c, QD_ERR_NOMEM, NULL);
	}
	int bad = fmt == 0 ? write_table(mem, c->hall, r)
	        : fmt == 1 ? report_cli_csv(mem, c->hall, r)
	        : fmt == 2 ? write_json(mem, c->hall, r)
	        : report_cli_summary(mem, c->hall, r);
	bad |= fclose(mem) != 0;
	report_free(r);
	if (bad) {
		free(buf);
		return cli_fail(c, QD_ERR_NOMEM, NULL);
	}
	rc = emit(c, output, gb, fmt == 1 && !gb, buf, len);
	free(buf);
	return rc;
}
