/* report.c - the bureau's figures over a period: which record counts as which measure (qdesk(1),
 * REPORTS, defines each), grouping by a dimension, periods and working days, attendance, and
 * the rates derived from the counts. The SQL is in store-report.c; nothing here writes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "qdesk/cases.h"
#include "qdesk/clock.h"
#include "qdesk/i18n.h"
#include "qdesk/report.h"
#include "store-report.h"

static const char *const dim_names[REPORT_BY_COUNT] = {
	"none", "type", "window", "staff", "hour", "weekday", "day", "category", "matter", "outcome",
	"mode", "channel"
};

enum qd_status report_dim_parse(const char *name, enum report_dim *out)
{
	for (int i = 1; name && i < REPORT_BY_COUNT; i++)
		if (!strcmp(name, dim_names[i])) {
			*out = (enum report_dim)i;
			return QD_OK;
		}
	return QD_ERR_USAGE;
}

const char *report_dim_name(enum report_dim d)
{
	return d >= 0 && d < REPORT_BY_COUNT ? dim_names[d] : "none";
}

/* ---- periods ---- */

enum qd_status report_period_day(const char *d, char from[11], char to[11])
{
	if (!d || strlen(d) != 10 || !clock_valid_day(d))
		return QD_ERR_INVALID;
	memcpy(from, d, 11);
	memcpy(to, d, 11);
	return QD_OK;
}

enum qd_status report_period_week(const char *d, char from[11], char to[11])
{
	if (report_period_day(d, from, to) != QD_OK)
		return QD_ERR_INVALID;
	clock_day_add(d, 1 - clock_weekday(d), from);
	clock_day_add(from, 6, to);
	return QD_OK;
}

static int all_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

enum qd_status report_period_month(const char *ym, char from[11], char to[11])
{
	char d[11];
	if (!ym || strlen(ym) != 7 || ym[4] != '-' || !all_digits(ym, 4) || !all_digits(ym + 5, 2))
		return QD_ERR_INVALID;
	memcpy(d, ym, 7);
	memcpy(d + 7, "-01", 4);
	if (!clock_valid_day(d))
		return QD_ERR_INVALID;
	memcpy(from, d, 11);
	/* the last day: the first of the next month, less one */
	clock_day_add(d, 31, to);
	memcpy(to + 7, "-01", 4);
	clock_day_add(to, -1, to);
	return QD_OK;
}

enum qd_status report_period_year(const char *y, char from[11], char to[11])
{
	if (!y || strlen(y) != 4 || !all_digits(y, 4) || !strcmp(y, "0000"))
		return QD_ERR_INVALID;
	memcpy(from, y, 4);
	memcpy(from + 4, "-01-01", 7);
	memcpy(to, y, 4);
	memcpy(to + 4, "-12-31", 7);
	return QD_OK;
}

enum qd_status report_period_range(const char *d1, const char *d2, char from[11], char to[11])
{
	char x[11];
	if (report_period_day(d1, from, x) != QD_OK || report_period_day(d2, x, to) != QD_OK ||
	    strcmp(from, to) > 0)
		return QD_ERR_INVALID;
	return QD_OK;
}

int report_is_workday(const struct hall *h, const char *day)
{
	char next[11];
	clock_add_workdays(day, 0, (const char *const *)h->eval.holidays, h->eval.nholidays,
	                   (const char *const *)h->eval.workdays, h->eval.nworkdays, next);
	return next[0] && !strcmp(next, day);
}

/* ---- rows ---- */

/* Keys sort as numbers when both are digits (windows, hours), else as text; NULL last. */
static int key_cmp(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la && lb && all_digits(a, la) && all_digits(b, lb) && la != lb)
		return la < lb ? -1 : 1;
	return strcmp(a, b);
}

struct build {
	const struct hall *h;
	struct report *r;
	size_t caprows;
	struct report_measures *m[2];   /* the total and the row of the current record (or NULL) */
};

/* The row of key, made if new; NULL when out of memory. */
static struct report_row *row_of(struct build *b, const char *key)
{
	struct report *r = b->r;
	size_t lo = 0, hi = r->nrows;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = key_cmp(r->rows[mid].key, key);
		if (c == 0)
			return &r->rows[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (r->nrows == b->caprows) {
		size_t cap = b->caprows ? b->caprows * 2 : 16;
		struct report_row *n = realloc(r->rows, cap * sizeof *n);
		if (!n)
			return NULL;
		r->rows = n;
		b->caprows = cap;
	}
	memmove(&r->rows[lo + 1], &r->rows[lo], (r->nrows - lo) * sizeof *r->rows);
	r->nrows++;
	struct report_row *row = &r->rows[lo];
	memset(row, 0, sizeof *row);
	snprintf(row->key, sizeof row->key, "%s", key);
	return row;
}

/* Point b->m at the measures a record of key adds to: the total, and its row if it has one. */
static int target(struct build *b, const char *key)
{
	b->m[0] = &b->r->total;
	b->m[1] = NULL;
	if (b->r->by == REPORT_BY_NONE || !key)
		return 0;
	struct report_row *row = row_of(b, key);
	if (!row)
		return -1;
	b->m[1] = &row->m;
	return 0;
}

/* Add n to the field at offset off of each target. */
#define ADD(b, field, n) \
	do { for (int k_ = 0; k_ < 2; k_++) if ((b)->m[k_]) (b)->m[k_]->field += (n); } while (0)

static int str_index(const char *const *ids, const char *v)
{
	for (int i = 0; v && ids[i]; i++)
		if (!strcmp(ids[i], v))
			return i;
	return -1;
}

static int item_index(const struct hall_item *items, size_t n, const char *id)
{
	for (size_t i = 0; id && i < n; i++)
		if (!strcmp(items[i].id, id))
			return (int)i;
	return -1;
}

static int on_ticket(void *ctx, const struct store_report_agg *a)
{
	struct build *b = ctx;
	if (target(b, a->key))
		return -1;
	ADD(b, issued, a->n);
	const char *s = a->s1 ? a->s1 : "";
	if (!strcmp(s, "served"))
		ADD(b, served, a->n);
	else if (!strcmp(s, "noshow"))
		ADD(b, noshow, a->n);
	else if (!strcmp(s, "expired"))
		ADD(b, expired, a->n);
	else if (!strcmp(s, "voided"))
		ADD(b, voided, a->n);
	else
		ADD(b, open, a->n);
	return 0;
}

/* The domain's rule for a wait past its type's target (whole minutes, at or past the target). */
static int past_target(const struct hall *h, const char *type, long long minutes)
{
	const struct hall_type *t = type ? hall_type(h, type) : NULL;
	return t && t->target_wait > 0 && minutes >= t->target_wait;
}

static int on_wait(void *ctx, const struct store_report_agg *a)
{
	struct build *b = ctx;
	if (target(b, a->key))
		return -1;
	long long bucket = a->v1 < 0 ? 0 : a->v1 > REPORT_WAIT_MINUTES ? REPORT_WAIT_MINUTES : a->v1;
	ADD(b, waited, a->n);
	ADD(b, wait_seconds, a->v2);
	ADD(b, service_seconds, a->v3);
	ADD(b, wait_hist[bucket], a->n);
	if (past_target(b->h, a->s1, a->v1))
		ADD(b, past_target, a->n);
	return 0;
}

static int on_transfer(void *ctx, const struct store_report_agg *a)
{
	struct build *b = ctx;
	if (target(b, a->key))
		return -1;
	ADD(b, transferred, a->n);
	return 0;
}

static int on_consult(void *ctx, const struct store_report_agg *a)
{
	struct build *b = ctx;
	if (target(b, a->key))
		return -1;
	ADD(b, consultations, a->n);
	return 0;
}

static int on_case(void *ctx, const struct store_report_agg *a)
{
	struct build *b = ctx;
	if (target(b, a->key))
		return -1;
	int o = str_index(cases_outcome_ids, a->s1);
	if (o >= 0)
		ADD(b, outcome[o], a->n);
	ADD(b, help_minutes, a->v1);
	int md = str_index(cases_mode_ids, a->s3);     /* also a consult's: a guide's 导办 at a desk */
	if (md >= 0)
		ADD(b, mode[md], a->n);
	if (o == 0) {                                   /* consult: a consultation, not a case */
		ADD(b, consultations, a->n);
		return 0;
	}
	ADD(b, cases, a->n);
	if (o == 1 || o == 2 || o == 4)
		ADD(b, accepted, a->n);
	if (o == 2)
		ADD(b, done, a->n);
	if (a->s2 && !strcmp(a->s2, "online"))
		ADD(b, online, a->n);
	else
		ADD(b, onsite, a->n);
	int c = item_index(b->h->categories, b->h->ncategories, a->s4);
	if (c >= 0 && c < REPORT_CATEGORIES_MAX)
		ADD(b, category[c], a->n);
	else
		ADD(b, uncategorised, a->n);
	return 0;
}

static int on_help(void *ctx, const struct store_report_agg *a)
{
	struct build *b = ctx;
	if (target(b, a->key))
		return -1;
	int i = item_index(b->h->helps, b->h->nhelps, a->s1);
	if (i >= 0 && i < HALL_HELPS_MAX)
		ADD(b, help[i], a->n);
	return 0;
}

/* People helped: distinct visits, so a total is its own query, not the sum of the rows. */
static int on_elderly(void *ctx, const struct store_report_agg *a)
{
	struct build *b = ctx;
	if (target(b, a->key))
		return -1;
	if (b->m[1])
		b->m[1]->elderly_people += a->n;
	else
		b->m[0]->elderly_people += a->n;
	return 0;
}

static int on_rating(void *ctx, const struct store_report_agg *a)
{
	struct build *b = ctx;
	if (a->v1 < 1 || a->v1 > 5)
		return 0;
	if (target(b, a->key))
		return -1;
	ADD(b, rating[a->v1 - 1], a->n);
	ADD(b, rated, a->n);
	if (a->v1 >= b->h->eval.good_min_level)
		ADD(b, good, a->n);
	if (a->v1 <= 2)
		ADD(b, bad, a->n);
	return 0;
}

static int on_rect(void *ctx, const struct store_report_agg *a)
{
	struct build *b = ctx;
	if (target(b, a->key))
		return -1;
	ADD(b, rectifications, a->n);
	if (a->v1)
		ADD(b, rectified, a->n);
	if (a->v2)
		ADD(b, called_back, a->n);
	if (a->v3)
		ADD(b, overdue, a->n);
	return 0;
}

static int on_problem(void *ctx, const struct store_report_agg *a)
{
	struct build *b = ctx;
	if (target(b, a->key))
		return -1;
	ADD(b, problems_received, a->n);
	if (a->v1)
		ADD(b, problems_solved, a->n);
	return 0;
}

/* ---- attendance ---- */

struct span_ctx {
	struct build *b;
	struct report *r;
	const struct hall *h;
	size_t cap;
	long long start, end;           /* the period, cut at now */
	int pauses;
	enum qd_status err;
};

static struct report_attendance *att_of(struct span_ctx *c, const char *staff)
{
	struct report *r = c->r;
	for (size_t i = 0; i < r->natt; i++)
		if (!strcmp(r->att[i].staff, staff))
			return &r->att[i];
	if (r->natt == c->cap) {
		size_t cap = c->cap ? c->cap * 2 : 8;
		struct report_attendance *n = realloc(r->att, cap * sizeof *n);
		if (!n)
			return NULL;
		r->att = n;
		c->cap = cap;
	}
	struct report_attendance *a = &r->att[r->natt++];
	memset(a, 0, sizeof *a);
	snprintf(a->staff, sizeof a->staff, "%s", staff);
	return a;
}

/* The seconds of [started, ended) inside the period. A row still open from a day before today
 * ends at that day's closing time, as the engine's rollover will end it. */
static long long clipped(const struct span_ctx *c, long long started, long long ended)
{
	if (!ended) {
		char day[11];
		clock_day((time_t)started, day);
		if (strcmp(day, c->r->today) < 0) {
			ended = (long long)clock_at(day, c->h->close_min);
			if (ended < started)
				ended = started;
		} else {
			ended = c->end;
		}
	}
	long long s = started > c->start ? started : c->start, e = ended < c->end ? ended : c->end;
	return e > s ? e - s : 0;
}

static int on_span(void *ctx, const struct store_report_agg *a)
{
	struct span_ctx *c = ctx;
	if (!a->s1)
		return 0;
	struct report_attendance *at = att_of(c, a->s1);
	if (!at)
		return -1;
	long long secs = clipped(c, a->v1, a->v2);
	char win[16];
	snprintf(win, sizeof win, "%lld", a->n);
	const char *key = c->r->by == REPORT_BY_STAFF ? a->s1
	                : c->r->by == REPORT_BY_WINDOW && a->n > 0 ? win : NULL;   /* not a desk's */
	if (target(c->b, key))
		return -1;
	if (c->pauses) {
		ADD(c->b, pause_seconds, secs);
		ADD(c->b, pauses, 1);
	} else {
		ADD(c->b, staffed_seconds, secs);
	}
	if (!c->pauses) {
		at->staffed_seconds += secs;
		at->sessions++;
		return 0;
	}
	int i = item_index(c->h->pauses, c->h->npauses, a->s2);
	if (i < 0 || i >= REPORT_PAUSES_MAX - 1)
		i = REPORT_PAUSES_MAX - 1;
	at->pause_seconds[i] += secs;
	at->pauses[i]++;
	return 0;
}

static int on_staff(void *ctx, const struct store_report_agg *a)
{
	struct report *r = ctx;
	for (size_t i = 0; a->key && i < r->natt; i++)
		if (!strcmp(r->att[i].staff, a->key))
			snprintf(r->att[i].name, sizeof r->att[i].name, "%s", a->s1 ? a->s1 : "");
	for (size_t i = 0; a->key && r->by == REPORT_BY_STAFF && i < r->nrows; i++)
		if (!strcmp(r->rows[i].key, a->key))
			snprintf(r->rows[i].label, sizeof r->rows[i].label, "%s", a->s1 ? a->s1 : "");
	return 0;
}

static int att_cmp(const void *a, const void *b)
{
	return strcmp(((const struct report_attendance *)a)->staff,
	              ((const struct report_attendance *)b)->staff);
}

/* ---- the whole report ---- */

/* The whole calendar months of a report's period that ended before today, as the rollups' month
 * keys ("m2026-01" … "m2026-11"), and the days of the period before and after them. whole = 0
 * when there is none, or when the report is grouped by something the month rows do not hold. */
struct months {
	int whole;
	char first[9], last[9];
	char head_to[11], tail_from[11];
};

static void months_of(const struct report *r, struct months *mo)
{
	memset(mo, 0, sizeof *mo);
	if (r->by != REPORT_BY_NONE && r->by != REPORT_BY_TYPE)
		return;
	char first[11], after_to[11], last_end[11], today_month[11];
	/* the first whole month starts on the 1st on or after from */
	char next[11];
	clock_day_add(r->from, 32 - atoi(r->from + 8), next);              /* a day in the next month */
	snprintf(first, sizeof first, "%.7s-01", !strcmp(r->from + 8, "01") ? r->from : next);
	/* the last whole month ends on the last day on or before to, and before today's month */
	clock_day_add(r->to, 1, after_to);
	snprintf(last_end, sizeof last_end, "%.7s-01", after_to);           /* 1st after the last whole month */
	snprintf(today_month, sizeof today_month, "%.7s-01", r->today);
	if (strcmp(last_end, today_month) > 0)
		snprintf(last_end, sizeof last_end, "%s", today_month);
	if (strcmp(first, last_end) >= 0)
		return;
	char last_day[11];
	clock_day_add(last_end, -1, last_day);
	mo->whole = 1;
	snprintf(mo->first, sizeof mo->first, "m%.7s", first);
	snprintf(mo->last, sizeof mo->last, "m%.7s", last_day);
	clock_day_add(first, -1, mo->head_to);
	snprintf(mo->tail_from, sizeof mo->tail_from, "%s", last_end);
}

struct compute {
	const struct hall *h;
	struct report *r;
	long long now;
};

static enum qd_status compute_tx(struct store *st, void *vctx)
{
	struct compute *cx = vctx;
	struct report *r = cx->r;
	struct build b = { .h = cx->h, .r = r };
	/* A retried read starts afresh. */
	free(r->rows);
	free(r->att);
	r->rows = NULL;
	r->att = NULL;
	r->nrows = r->natt = 0;
	memset(&r->total, 0, sizeof r->total);
	char as_of_day[11];
	clock_day((time_t)r->as_of, as_of_day);
	struct store_report_q q = { .from = r->from, .to = r->to, .today = r->today, .as_of = r->as_of,
	                            .as_of_day = as_of_day, .by = r->by, .sink = NULL, .ctx = &b };
	enum qd_status s = QD_OK;
	/* monthly: the rollups hold whole months of it (store-rollup.c) */
	static const struct { enum qd_status (*fn)(struct store *, const struct store_report_q *);
	                      int (*sink)(void *, const struct store_report_agg *); int monthly; } steps[] = {
		{ store_report_tickets, on_ticket, 1 }, { store_report_waits, on_wait, 1 },
		{ store_report_transfers, on_transfer, 0 }, { store_report_consults, on_consult, 0 },
		{ store_report_cases, on_case, 1 }, { store_report_helps, on_help, 1 },
		{ store_report_elderly, on_elderly, 0 }, { store_report_ratings, on_rating, 1 },
		{ store_report_rectifications, on_rect, 0 },
	};
	struct months mo;
	months_of(r, &mo);
	for (size_t i = 0; s == QD_OK && i < sizeof steps / sizeof steps[0]; i++) {
		q.sink = steps[i].sink;
		if (!steps[i].monthly || !mo.whole) {
			s = steps[i].fn(st, &q);
			continue;
		}
		/* the days before the first whole month, the whole months, the days after them */
		const char *ranges[3][2] = { { r->from, mo.head_to }, { mo.first, mo.last },
		                             { mo.tail_from, r->to } };
		for (int k = 0; s == QD_OK && k < 3; k++) {
			if (strcmp(ranges[k][0], ranges[k][1]) > 0)
				continue;
			struct store_report_q part = q;
			part.from = ranges[k][0];
			part.to = ranges[k][1];
			s = steps[i].fn(st, &part);
		}
	}
	if (s == QD_OK && r->by != REPORT_BY_NONE) {        /* distinct visits: the total apart */
		struct store_report_q t = q;
		t.by = REPORT_BY_NONE;
		t.sink = on_elderly;
		s = store_report_elderly(st, &t);
	}
	if (s == QD_OK) {
		q.sink = on_problem;
		s = store_report_problems(st, &q, &r->have_problems);
	}
	struct span_ctx sc = { .b = &b, .r = r, .h = cx->h };
	sc.start = (long long)clock_at(r->from, 0);
	char after[11];
	clock_day_add(r->to, 1, after);
	sc.end = (long long)clock_at(after, 0);
	if (sc.end > cx->now)
		sc.end = cx->now;
	for (int p = 0; s == QD_OK && p < 2 && sc.start < sc.end; p++) {
		sc.pauses = p;
		s = store_report_spans(st, p, sc.start, sc.end, on_span, &sc);
	}
	if (s == QD_OK)
		s = store_report_staff(st, on_staff, r);
	return s;
}

/* Labels the config or the calendar gives (staff names come from the store). */
static void label_rows(const struct hall *h, struct report *r)
{
	static const char *const weekdays[] = { N_("Monday"), N_("Tuesday"), N_("Wednesday"),
		N_("Thursday"), N_("Friday"), N_("Saturday"), N_("Sunday") };
	for (size_t i = 0; i < r->nrows; i++) {
		struct report_row *row = &r->rows[i];
		const char *k = row->key, *name = NULL;
		const struct hall_item *it = NULL;
		switch (r->by) {
		case REPORT_BY_TYPE: { const struct hall_type *t = hall_type(h, k); name = t ? t->name : NULL; break; }
		case REPORT_BY_WINDOW: {
			const struct hall_window *w = hall_window(h, atoi(k));
			if (w)
				snprintf(row->label, sizeof row->label, "%s %s", k, w->name);
			break;
		}
		case REPORT_BY_HOUR: snprintf(row->label, sizeof row->label, "%s:00", k); break;
		case REPORT_BY_WEEKDAY: if (atoi(k) >= 1 && atoi(k) <= 7) name = _(weekdays[atoi(k) - 1]); break;
		case REPORT_BY_CATEGORY: it = hall_item(h->categories, h->ncategories, k); break;
		case REPORT_BY_MATTER: { const struct hall_matter *m = hall_matter(h, k); name = m ? m->name : NULL; break; }
		case REPORT_BY_OUTCOME: it = hall_item(h->outcomes, h->noutcomes, k); break;
		case REPORT_BY_MODE: it = hall_item(h->modes, h->nmodes, k); break;
		case REPORT_BY_CHANNEL: name = !strcmp(k, "online") ? _("online") : _("on site"); break;
		default: break;
		}
		if (it)
			name = it->name;
		if (name)
			snprintf(row->label, sizeof row->label, "%s", name);
		else if (!row->label[0])
			snprintf(row->label, sizeof row->label, "%s", k);
	}
}

enum qd_status report_compute(struct store *st, const struct hall *h, const char *from, const char *to,
                              enum report_dim by, struct report **out)
{
	*out = NULL;
	char f[11], t[11];
	if (report_period_range(from, to, f, t) != QD_OK || by < 0 || by >= REPORT_BY_COUNT)
		return QD_ERR_INVALID;
	time_t now = clock_now();
	if (now == (time_t)-1)
		return QD_ERR_USAGE;
	struct report *r = calloc(1, sizeof *r);
	if (!r)
		return QD_ERR_NOMEM;
	memcpy(r->from, f, 11);
	memcpy(r->to, t, 11);
	r->by = by;
	clock_day(now, r->today);
	char after[11];
	clock_day_add(t, 1, after);
	long long end = (long long)clock_at(after, 0);
	r->as_of = (long long)now < end ? (long long)now : end - 1;
	for (char d[11] = ""; !d[0] || strcmp(d, t) <= 0; clock_day_add(d, 1, d)) {
		if (!d[0])
			memcpy(d, f, 11);
		r->days++;
		r->working_days += report_is_workday(h, d);
	}
	struct compute cx = { .h = h, .r = r, .now = (long long)now };
	enum qd_status s = store_read(st, compute_tx, &cx);
	if (s != QD_OK) {
		report_free(r);
		return s;
	}
	label_rows(h, r);
	if (r->natt)
		qsort(r->att, r->natt, sizeof *r->att, att_cmp);   /* qsort(NULL, 0, …) is undefined */
	*out = r;
	return QD_OK;
}

void report_free(struct report *r)
{
	if (!r)
		return;
	free(r->rows);
	free(r->att);
	free(r);
}

/* ---- derived figures ---- */

static int per_mille(long long part, long long whole)
{
	return whole > 0 ? (int)((part * 1000 + whole / 2) / whole) : -1;
}

int report_good_rate(const struct report_measures *m) { return per_mille(m->good, m->rated); }
int report_rectify_rate(const struct report_measures *m) { return per_mille(m->rectified, m->rectifications); }
int report_callback_rate(const struct report_measures *m) { return per_mille(m->called_back, m->rectifications); }
int report_done_rate(const struct report_measures *m) { return per_mille(m->done, m->accepted); }

long long report_wait_mean(const struct report_measures *m)
{
	return m->waited > 0 ? (m->wait_seconds + m->waited / 2) / m->waited : -1;
}

long long report_service_mean(const struct report_measures *m)
{
	return m->waited > 0 ? (m->service_seconds + m->waited / 2) / m->waited : -1;
}

long long report_wait_percentile(const struct report_measures *m, int pct)
{
	if (m->waited <= 0)
		return -1;
	/* nearest rank: the smallest minute whose cumulative count reaches ceil(pct% of n) */
	long long rank = (m->waited * pct + 99) / 100, seen = 0;
	if (rank < 1)
		rank = 1;
	for (int i = 0; i <= REPORT_WAIT_MINUTES; i++) {
		seen += m->wait_hist[i];
		if (seen >= rank)
			return (long long)i * 60;
	}
	return (long long)REPORT_WAIT_MINUTES * 60;
}

long long report_modes_sum(const struct report_measures *m)
{
	return m->mode[0] + m->mode[1] + m->mode[2];
}

long long report_daily_avg(const struct report *r, long long value)
{
	return r->working_days > 0 ? (value * 100 + r->working_days / 2) / r->working_days : -1;
}
