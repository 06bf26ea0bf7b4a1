/* report-figures.c - the figures of a report as front ends list them: key, translated label,
 * unit and value, in the order qdesk(1), REPORTS, defines them. One list for table, CSV, JSON and
 * the lead's screen, so a figure has one name everywhere. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "qdesk/cases.h"
#include "qdesk/i18n.h"
#include "qdesk/report.h"

/* Where a figure comes from, which says which breakdowns it has: tickets and evaluations are
 * grouped by type, window, staff and time; consultations and problems have no type; cases by
 * everything. */
enum source { SRC_TICKET, SRC_CONSULT, SRC_CASE, SRC_EVAL, SRC_PROBLEM, SRC_ATTENDANCE };

static int applies(enum report_dim by, enum source src)
{
	if (by == REPORT_BY_NONE || src == SRC_CASE)
		return 1;
	if (src == SRC_ATTENDANCE)
		return by == REPORT_BY_STAFF || by == REPORT_BY_WINDOW;
	if (by >= REPORT_BY_CATEGORY)
		return 0;
	return by != REPORT_BY_TYPE || src == SRC_TICKET || src == SRC_EVAL;
}

struct fl {
	struct report_figure *f;
	size_t n, cap;
	int nomem;
	int row;                        /* figures of a row: those without this breakdown are undefined */
	enum report_dim by;
	enum source src;
};

static void put(struct fl *l, enum report_unit unit, long long value, int defined, const char *key,
                const char *label)
{
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 64;
		struct report_figure *n = realloc(l->f, cap * sizeof *n);
		if (!n) {
			l->nomem = 1;
			return;
		}
		l->f = n;
		l->cap = cap;
	}
	struct report_figure *f = &l->f[l->n++];
	snprintf(f->key, sizeof f->key, "%s", key);
	snprintf(f->label, sizeof f->label, "%s", label);
	f->unit = unit;
	if (l->row && !applies(l->by, l->src))
		defined = 0;
	f->value = defined ? value : 0;
	f->defined = defined;
}

static void count(struct fl *l, long long v, const char *key, const char *label)
{
	put(l, REPORT_COUNT, v, 1, key, label);
}

/* A figure whose key and label carry an id and a name ("category.agri", "cases: 农林水牧"). */
static void named(struct fl *l, long long v, const char *prefix, const char *id, const char *lead,
                  const char *name)
{
	char key[48], label[128];
	snprintf(key, sizeof key, "%s.%s", prefix, id);
	snprintf(label, sizeof label, "%s%s", lead, name);
	count(l, v, key, label);
}

static void rate(struct fl *l, int pm, const char *key, const char *label)
{
	put(l, REPORT_RATE, pm, pm >= 0, key, label);
}

static void secs(struct fl *l, long long s, const char *key, const char *label)
{
	put(l, REPORT_SECONDS, s, s >= 0, key, label);
}

static void avg(struct fl *l, long long h, const char *key, const char *label)
{
	put(l, REPORT_HUNDREDTHS, h, h >= 0, key, label);
}

static const char *item_name(const struct hall_item *items, size_t n, const char *id)
{
	const struct hall_item *it = hall_item(items, n, id);
	return it ? it->name : id;
}

size_t report_figures(const struct hall *h, const struct report *r, const struct report_measures *m,
                      struct report_figure **out)
{
	static const char *const levels[5] = { N_("rating 1 (very dissatisfied)"),
		N_("rating 2 (dissatisfied)"), N_("rating 3 (fairly satisfied)"),
		N_("rating 4 (satisfied)"), N_("rating 5 (very satisfied)") };
	struct fl l = { .row = m != &r->total, .by = r->by, .src = SRC_TICKET };
	char key[48];
	count(&l, m->issued, "issued", _("tickets issued"));
	count(&l, m->served, "served", _("tickets served"));
	count(&l, m->noshow, "noshow", _("no-shows"));
	count(&l, m->transferred, "transferred", _("transfers"));
	count(&l, m->expired, "expired", _("tickets expired"));
	count(&l, m->voided, "voided", _("tickets voided"));
	count(&l, m->open, "open", _("tickets still open"));
	l.src = SRC_CONSULT;
	count(&l, m->consultations, "consultations", _("consultations"));
	l.src = SRC_CASE;
	count(&l, m->cases, "cases", _("cases"));
	for (int i = 1; i < REPORT_OUTCOMES; i++)
		named(&l, m->outcome[i], "outcome", cases_outcome_ids[i], _("cases: "),
		      item_name(h->outcomes, h->noutcomes, cases_outcome_ids[i]));
	count(&l, m->accepted, "accepted", _("cases accepted"));
	rate(&l, report_done_rate(m), "done_rate", _("completion rate"));
	count(&l, m->onsite, "onsite", _("cases on site"));
	count(&l, m->online, "online", _("cases online"));
	for (size_t i = 0; i < h->ncategories && i < REPORT_CATEGORIES_MAX; i++)
		named(&l, m->category[i], "category", h->categories[i].id, _("cases: "), h->categories[i].name);
	count(&l, m->uncategorised, "category.none", _("cases without a category"));
	for (int i = 0; i < REPORT_MODES; i++)
		named(&l, m->mode[i], "mode", cases_mode_ids[i], "", item_name(h->modes, h->nmodes, cases_mode_ids[i]));
	count(&l, report_modes_sum(m), "modes", _("guided, assisted and delegated"));
	avg(&l, report_daily_avg(r, m->cases), "daily_cases", _("cases per working day"));
	count(&l, m->elderly_people, "elderly_people", _("elderly people helped"));
	for (size_t i = 0; i < h->nhelps && i < HALL_HELPS_MAX; i++)
		named(&l, m->help[i], "help", h->helps[i].id, _("elderly help: "), h->helps[i].name);
	count(&l, m->help_minutes, "help_minutes", _("elderly help minutes"));
	l.src = SRC_EVAL;
	count(&l, m->rated, "rated", _("evaluations"));
	for (int i = 0; i < 5; i++) {
		snprintf(key, sizeof key, "rating.%d", i + 1);
		count(&l, m->rating[i], key, _(levels[i]));
	}
	count(&l, m->good, "good", _("good evaluations"));
	rate(&l, report_good_rate(m), "good_rate", _("good-evaluation rate"));
	count(&l, m->bad, "bad", _("bad evaluations"));
	count(&l, m->rectifications, "rectifications", _("rectification items"));
	count(&l, m->rectified, "rectified", _("rectified or explained"));
	rate(&l, report_rectify_rate(m), "rectify_rate", _("rectification rate"));
	count(&l, m->called_back, "called_back", _("called back"));
	rate(&l, report_callback_rate(m), "callback_rate", _("call-back rate"));
	count(&l, m->overdue, "overdue", _("rectifications overdue"));
	l.src = SRC_PROBLEM;
	if (r->have_problems) {
		count(&l, m->problems_received, "problems_received", _("problems received"));
		count(&l, m->problems_solved, "problems_solved", _("problems solved"));
	}
	l.src = SRC_TICKET;
	avg(&l, report_daily_avg(r, m->issued), "daily_issued", _("tickets issued per working day"));
	count(&l, m->waited, "waited", _("served tickets with a wait"));
	secs(&l, report_wait_mean(m), "wait_mean", _("mean wait (minutes)"));
	secs(&l, report_wait_percentile(m, 50), "wait_median", _("median wait (minutes)"));
	secs(&l, report_wait_percentile(m, 90), "wait_p90", _("90th percentile wait (minutes)"));
	count(&l, m->past_target, "past_target", _("waits past target"));
	secs(&l, report_service_mean(m), "service_mean", _("mean service time (minutes)"));
	l.src = SRC_ATTENDANCE;
	secs(&l, m->staffed_seconds, "staffed", _("time staffed (minutes)"));
	count(&l, m->pauses, "pauses", _("pauses"));
	secs(&l, m->pause_seconds, "paused", _("time paused (minutes)"));
	if (l.nomem) {
		free(l.f);
		*out = NULL;
		return 0;
	}
	*out = l.f;
	return l.n;
}
