/* report.h - the bureau's figures over a period (a day to years): tickets, consultations, cases,
 * 导办/帮办/代办, elderly help, 好差评 and 整改, waits, 办结率, daily averages, attendance;
 * optionally broken down by a dimension. Every figure is defined in qdesk(1), REPORTS; the code
 * follows that text. Reading only: a report never writes, and reads the day as the engine does
 * (tickets left waiting or called on a day before today count as expired). */
#ifndef QDESK_REPORT_H
#define QDESK_REPORT_H
#include <stddef.h>
#include "qdesk/config.h"
#include "qdesk/status.h"
#include "qdesk/store.h"

/* What a report may be broken down by. */
enum report_dim {
	REPORT_BY_NONE, REPORT_BY_TYPE, REPORT_BY_WINDOW, REPORT_BY_STAFF, REPORT_BY_HOUR,
	REPORT_BY_WEEKDAY, REPORT_BY_DAY, REPORT_BY_CATEGORY, REPORT_BY_MATTER, REPORT_BY_OUTCOME,
	REPORT_BY_MODE, REPORT_BY_CHANNEL, REPORT_BY_COUNT
};

#define REPORT_OUTCOMES       6     /* cases_outcome_ids order: consult accepted done correction tolerance rejected */
#define REPORT_MODES          3     /* guided assisted delegated */
#define REPORT_CATEGORIES_MAX 64    /* config categories in order; later ones count as uncategorised */
#define REPORT_PAUSES_MAX     32    /* config pause reasons in order; the last slot is "other" */
#define REPORT_WAIT_MINUTES   600   /* wait histogram in whole minutes; longer waits in the last */

/* Every measure of one group (or of the whole period). Counts are whole numbers; rates are computed
 * from them by the functions below, never stored. A measure that does not apply to the
 * breakdown (e.g. consultations by business type) is counted in no group but still in the total. */
struct report_measures {
	/* tickets, by the day they were issued, as they stand now */
	long long issued, served, noshow, expired, voided, open;   /* open: today's, still waiting or called */
	long long transferred;          /* transfer actions on days of the period */
	long long consultations;        /* 咨询: consultations logged + cases with outcome consult */
	/* cases (办件): not voided, outcome not consult */
	long long cases, outcome[REPORT_OUTCOMES], onsite, online;
	long long mode[REPORT_MODES];   /* 导办 帮办 代办 */
	long long category[REPORT_CATEGORIES_MAX], uncategorised;
	long long accepted;             /* 受理: outcomes accepted, done, tolerance */
	long long done;                 /* 即办办结 */
	/* elderly help (all non-voided case rows, consult ones too) */
	long long elderly_people;       /* visits helped: a ticket once, a walk-in case once */
	long long help[HALL_HELPS_MAX]; /* cases given each config help type */
	long long help_minutes;
	/* evaluations (好差评), by the day given, not voided */
	long long rating[5];            /* rating[0] = level 1 … rating[4] = level 5 */
	long long rated, good, bad;     /* good: level >= evaluation.good_min_level; bad: 1-2 */
	/* rectification items opened on days of the period, not voided, as they stood at the report's
	 * as-of time (the period's end, or now if earlier) */
	long long rectifications, rectified, called_back, overdue;
	/* 办不成事 problems: have_problems in struct report says whether the store records them */
	long long problems_received, problems_solved;
	/* waits (issue to the last call) and service (last call to finish) of served tickets */
	long long waited, wait_seconds, service_seconds, past_target;
	long long wait_hist[REPORT_WAIT_MINUTES + 1];
	/* attendance: sessions and pauses inside the period (cut at now), by staff and by window only */
	long long staffed_seconds, pause_seconds, pauses;
};

struct report_row {
	char key[64];                   /* as stored: "A", "3", "clerk01", "09", "1" (Monday)…"7", "2026-11-23", an id; "" = none */
	char label[160];                /* what to show: the config's name, the staff name, the day … */
	struct report_measures m;
};

/* Hours a clerk staffed windows during the period and their pauses by reason. */
struct report_attendance {
	char staff[32], name[96];
	long long staffed_seconds;
	int sessions;
	long long pause_seconds[REPORT_PAUSES_MAX];
	int pauses[REPORT_PAUSES_MAX];
};

struct report {
	char from[11], to[11];          /* the period, inclusive local days */
	char today[11];                 /* the day it was computed on */
	long long as_of;                /* Unix time the open items are judged at */
	int days, working_days;         /* days in the period; working days (evaluation holidays, workdays) */
	enum report_dim by;
	int have_problems;              /* 1 if the store has the problems table (办不成事) */
	struct report_measures total;
	struct report_row *rows; size_t nrows;            /* sorted by key */
	struct report_attendance *att; size_t natt;       /* sorted by staff id */
};

/* Parse a --by name ("type", "window", … "channel") into *out; QD_ERR_USAGE if unknown. */
enum qd_status report_dim_parse(const char *name, enum report_dim *out);
const char *report_dim_name(enum report_dim d);

/* The period of a day D, the week (Monday to Sunday) holding D, a month "YYYY-MM", a year "YYYY",
 * or from..to (inclusive, from <= to): into from[11], to[11]. QD_ERR_INVALID if malformed. */
enum qd_status report_period_day(const char *d, char from[11], char to[11]);
enum qd_status report_period_week(const char *d, char from[11], char to[11]);
enum qd_status report_period_month(const char *ym, char from[11], char to[11]);
enum qd_status report_period_year(const char *y, char from[11], char to[11]);
enum qd_status report_period_range(const char *d1, const char *d2, char from[11], char to[11]);

/* 1 if day "YYYY-MM-DD" is a working day of the hall (weekdays unless a holiday, weekend days
 * listed as workdays). */
int report_is_workday(const struct hall *h, const char *day);

/* Compute the report for from..to at clock_now() in one read transaction; by = REPORT_BY_NONE
 * gives only the total. *out is malloc'd; free with report_free. QD_ERR_INVALID for a bad period. */
enum qd_status report_compute(struct store *st, const struct hall *h, const char *from, const char *to,
                              enum report_dim by, struct report **out);
void report_free(struct report *r);

/* Derived figures of m (per mille, rounded; -1 when the base is 0 so a front end prints "-"). */
int report_good_rate(const struct report_measures *m);       /* 好评率: good / rated */
int report_rectify_rate(const struct report_measures *m);    /* 整改率: rectified / rectifications */
int report_callback_rate(const struct report_measures *m);   /* 回访率: called_back / rectifications */
int report_done_rate(const struct report_measures *m);       /* 办结率: done / accepted */
/* Waits in seconds: mean; median and 90th percentile (nearest rank on whole minutes, so in
 * multiples of 60); mean service. -1 when nothing was served. */
long long report_wait_mean(const struct report_measures *m);
long long report_wait_percentile(const struct report_measures *m, int pct);
long long report_service_mean(const struct report_measures *m);
/* 导办 + 帮办 + 代办. */
long long report_modes_sum(const struct report_measures *m);
/* Daily average of value over the period's working days, in hundredths (-1 without working days). */
long long report_daily_avg(const struct report *r, long long value);

/* One figure as the front ends show it. value: a count; per mille for a rate; seconds for a time;
 * hundredths for an average. defined = 0 when the base of a rate or an average is zero. */
enum report_unit { REPORT_COUNT, REPORT_RATE, REPORT_SECONDS, REPORT_HUNDREDTHS };
struct report_figure {
	char key[48];                   /* the JSON key and CSV column id, e.g. "served", "category.agri" */
	char label[128];                /* translated, with the config's names */
	enum report_unit unit;
	long long value;
	int defined;
};
/* Every figure of m in the order qdesk(1) documents (a daily average uses r's working days; the
 * problems figures only when r->have_problems). *out is malloc'd (caller frees); returns the
 * count, 0 when out of memory. The keys and their order depend only on the hall and r. */
size_t report_figures(const struct hall *h, const struct report *r, const struct report_measures *m,
                      struct report_figure **out);

#endif
