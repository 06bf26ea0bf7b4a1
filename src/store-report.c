/* store-report.c - the SQL of reports: one grouped query per kind of record, each touching only
 * the period's days through the day indexes, the group key chosen per dimension. Where the per-day
 * rollups (store-rollup.c) hold the dimension asked for (none, type, day, weekday), tickets, waits,
 * cases, elderly help and ratings are summed from them instead of read record by record. */
#include <stdio.h>
#include <string.h>
#include "store-internal.h"
#include "store-report.h"

enum src { S_TICKET, S_EVENT, S_CONSULT, S_CASE, S_EVAL, S_RECT, S_PROBLEM, S_COUNT };

/* The group key of a record of each source for each dimension; NULL: does not apply. Weekdays
 * are 1 (Monday) … 7 (Sunday); hours "00" … "23" local time. */
#define HOUR(at) "strftime('%H', " at ", 'unixepoch', 'localtime')"
#define WDAY(d)  "((CAST(strftime('%w', " d ") AS INTEGER) + 6) % 7 + 1)"
#define TYPE_OF(id) "(SELECT type FROM tickets WHERE id = " id ")"
static const char *const keys[REPORT_BY_COUNT][S_COUNT] = {
	[REPORT_BY_NONE]    = { "NULL", "NULL", "NULL", "NULL", "NULL", "NULL", "NULL" },
	[REPORT_BY_TYPE]    = { "t.type", TYPE_OF("e.ticket_id"), "NULL", TYPE_OF("c.ticket_id"),
	                        TYPE_OF("v.ticket_id"), TYPE_OF("v.ticket_id"), "NULL" },
	[REPORT_BY_WINDOW]  = { "t.window", "e.window", "q.window", "c.window", "v.window", "v.window", "p.window" },
	[REPORT_BY_STAFF]   = { "t.staff", "e.staff", "q.staff", "c.staff", "v.staff", "v.staff", "p.staff" },
	[REPORT_BY_HOUR]    = { HOUR("t.issued_at"), HOUR("e.at"), HOUR("q.at"), HOUR("c.at"), HOUR("v.at"),
	                        HOUR("v.at"), HOUR("p.at") },
	[REPORT_BY_WEEKDAY] = { WDAY("t.day"), WDAY("e.day"), WDAY("q.day"), WDAY("c.day"), WDAY("v.day"),
	                        WDAY("r.opened_day"), WDAY("p.day") },
	[REPORT_BY_DAY]     = { "t.day", "e.day", "q.day", "c.day", "v.day", "r.opened_day", "p.day" },
	[REPORT_BY_CATEGORY] = { "NULL", "NULL", "NULL", "c.category", "NULL", "NULL", "NULL" },
	[REPORT_BY_MATTER]  = { "NULL", "NULL", "NULL", "c.matter", "NULL", "NULL", "NULL" },
	[REPORT_BY_OUTCOME] = { "NULL", "NULL", "NULL", "c.outcome", "NULL", "NULL", "NULL" },
	[REPORT_BY_MODE]    = { "NULL", "NULL", "NULL", "c.mode", "NULL", "NULL", "NULL" },
	[REPORT_BY_CHANNEL] = { "NULL", "NULL", "NULL", "c.channel", "NULL", "NULL", "NULL" },
};

static const char *key_of(const struct store_report_q *q, enum src s)
{
	return q->by >= 0 && q->by < REPORT_BY_COUNT ? keys[q->by][s] : "NULL";
}

/* The group key over a rollup table, or NULL where the rollups do not hold q->by. */
static const char *rolled_key(const struct store_report_q *q)
{
	switch (q->by) {
	case REPORT_BY_NONE:    return "NULL";
	case REPORT_BY_TYPE:    return "nullif(type, '')";
	case REPORT_BY_DAY:     return "day";
	case REPORT_BY_WEEKDAY: return WDAY("day");
	default:                return NULL;
	}
}

/* Fill sql with "SELECT key" and the rest of the rollup's query if the rollups hold q->by, else
 * of the records' query. A rollup's rows go to the sink as they are, one per day and key (the
 * sinks add up; a GROUP BY would sort them all first, which costs more than the adding). */
static void pick(char *sql, size_t len, const struct store_report_q *q, enum src s,
                 const char *rolled, const char *records)
{
	const char *k = rolled_key(q);
	snprintf(sql, len, "SELECT %s%s", k ? k : key_of(q, s), k ? rolled : records);
}

static const char *col_text(sqlite3_stmt *s, int i)
{
	return (const char *)sqlite3_column_text(s, i);
}

/* Rows of the shape (key, s1, s2, s3, s4, n, v1, v2, v3): columns beyond the query's are absent. */
struct walk { const struct store_report_q *q; int ns, nv; int (*sink)(void *, const struct store_report_agg *); void *ctx; };

static int walk_row(sqlite3_stmt *s, void *vw)
{
	struct walk *w = vw;
	struct store_report_agg a = { 0 };
	const char **str[] = { &a.s1, &a.s2, &a.s3, &a.s4 };
	long long *val[] = { &a.v1, &a.v2, &a.v3 };
	a.key = col_text(s, 0);
	int i = 1;
	for (int k = 0; k < w->ns; k++)
		*str[k] = col_text(s, i++);
	a.n = sqlite3_column_int64(s, i++);
	for (int k = 0; k < w->nv; k++)
		*val[k] = sqlite3_column_int64(s, i++);
	return w->sink(w->ctx, &a);
}

/* Run sql (built from fmt with the key expression) with parameters from, to, and the rest of sig. */
#define RUN(st, q, ns, nv, sql, sig, ...) \
	store_each((st), (sql), walk_row, &(struct walk){ (q), (ns), (nv), (q)->sink, (q)->ctx }, \
	           (sig), __VA_ARGS__)

enum qd_status store_report_tickets(struct store *st, const struct store_report_q *q)
{
	char sql[1024];
	pick(sql, sizeof sql, q, S_TICKET,
		", CASE WHEN state IN ('waiting','called') AND (day < ?3 OR day LIKE 'm%') THEN 'expired'"
		" ELSE state END, n FROM roll_tickets WHERE day BETWEEN ?1 AND ?2 AND n <> 0",
		", CASE WHEN t.state IN ('waiting','called') AND t.day < ?3 THEN 'expired'"
		" ELSE t.state END, count(*) FROM tickets t WHERE t.day BETWEEN ?1 AND ?2 GROUP BY 1, 2");
	return RUN(st, q, 1, 0, sql, "ttt", q->from, q->to, q->today);
}

enum qd_status store_report_waits(struct store *st, const struct store_report_q *q)
{
	char sql[1024];
	pick(sql, sizeof sql, q, S_TICKET,
		", type, n, minutes, wait_sum, service_sum FROM roll_waits"
		" WHERE day BETWEEN ?1 AND ?2 AND n <> 0",
		", t.type, count(*), max(t.called_at - t.issued_at, 0) / 60,"
		" sum(max(t.called_at - t.issued_at, 0)), sum(max(t.finished_at - t.called_at, 0))"
		" FROM tickets t WHERE t.day BETWEEN ?1 AND ?2 AND t.state = 'served'"
		" AND t.called_at IS NOT NULL AND t.finished_at IS NOT NULL GROUP BY 1, 2, 4");
	return RUN(st, q, 1, 3, sql, "tt", q->from, q->to);
}

enum qd_status store_report_transfers(struct store *st, const struct store_report_q *q)
{
	char sql[1024];
	snprintf(sql, sizeof sql,
		"SELECT %s, count(*) FROM events e WHERE e.day BETWEEN ?1 AND ?2 AND e.kind = 'transfer'"
		" GROUP BY 1", key_of(q, S_EVENT));
	return RUN(st, q, 0, 0, sql, "tt", q->from, q->to);
}

enum qd_status store_report_consults(struct store *st, const struct store_report_q *q)
{
	char sql[1024];
	snprintf(sql, sizeof sql,
		"SELECT %s, count(*) FROM consultations q WHERE q.day BETWEEN ?1 AND ?2 GROUP BY 1",
		key_of(q, S_CONSULT));
	return RUN(st, q, 0, 0, sql, "tt", q->from, q->to);
}

enum qd_status store_report_cases(struct store *st, const struct store_report_q *q)
{
	char sql[1024];
	pick(sql, sizeof sql, q, S_CASE,
		", outcome, channel, nullif(mode, ''), nullif(category, ''), n, help_minutes"
		" FROM roll_cases WHERE day BETWEEN ?1 AND ?2 AND n <> 0",
		", c.outcome, c.channel, c.mode, c.category, count(*), sum(c.help_minutes)"
		" FROM cases c WHERE c.day BETWEEN ?1 AND ?2 AND c.voided = 0 GROUP BY 1, 2, 3, 4, 5");
	return RUN(st, q, 4, 1, sql, "tt", q->from, q->to);
}

enum qd_status store_report_helps(struct store *st, const struct store_report_q *q)
{
	char sql[1024];
	pick(sql, sizeof sql, q, S_CASE,
		", help, n FROM roll_helps WHERE day BETWEEN ?1 AND ?2 AND n <> 0",
		", h.help, count(*) FROM cases c JOIN case_help h ON h.case_id = c.id"
		" WHERE c.day BETWEEN ?1 AND ?2 AND c.voided = 0 GROUP BY 1, 2");
	return RUN(st, q, 1, 0, sql, "tt", q->from, q->to);
}

enum qd_status store_report_elderly(struct store *st, const struct store_report_q *q)
{
	char sql[1024];
	pick(sql, sizeof sql, q, S_CASE,
		", count(DISTINCT visit) FROM roll_elderly WHERE day BETWEEN ?1 AND ?2"
		" AND n > 0 GROUP BY 1",
		", count(DISTINCT coalesce(c.ticket_id, -c.id)) FROM cases c"
		" WHERE c.day BETWEEN ?1 AND ?2 AND c.voided = 0"
		" AND EXISTS (SELECT 1 FROM case_help h WHERE h.case_id = c.id) GROUP BY 1");
	return RUN(st, q, 0, 0, sql, "tt", q->from, q->to);
}

enum qd_status store_report_ratings(struct store *st, const struct store_report_q *q)
{
	char sql[1024];
	pick(sql, sizeof sql, q, S_EVAL,
		", n, level FROM roll_ratings WHERE day BETWEEN ?1 AND ?2 AND n <> 0",
		", count(*), v.level FROM evaluations v"
		" WHERE v.day BETWEEN ?1 AND ?2 AND v.voided = 0 GROUP BY 1, 3");
	return RUN(st, q, 0, 1, sql, "tt", q->from, q->to);
}

enum qd_status store_report_rectifications(struct store *st, const struct store_report_q *q)
{
	char sql[1024];
	snprintf(sql, sizeof sql,
		"SELECT %s, count(*), fixed, r.called_back <> 0 AND coalesce(r.callback_at, 0) <= ?3,"
		" NOT fixed AND r.deadline < ?4 FROM"
		" (SELECT r.*, r.state IN ('fixed','explained') AND coalesce(r.closed_at, 0) <= ?3 AS fixed"
		"  FROM rectifications r WHERE r.opened_day BETWEEN ?1 AND ?2 AND r.state <> 'voided') r"
		" JOIN evaluations v ON v.id = r.evaluation_id GROUP BY 1, 3, 4, 5", key_of(q, S_RECT));
	return RUN(st, q, 0, 3, sql, "ttit", q->from, q->to, q->as_of, q->as_of_day);
}

enum qd_status store_report_problems(struct store *st, const struct store_report_q *q, int *have)
{
	long long n;
	enum qd_status r = store_int(st, "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
	                                 " AND name = 'problems'", &n, "");
	*have = r == QD_OK && n > 0;
	if (!*have)
		return r;
	char sql[1024];
	snprintf(sql, sizeof sql,
		"SELECT %s, count(*), p.state = 'solved' AND coalesce(p.resolved_at, 0) <= ?3"
		" FROM problems p WHERE p.day BETWEEN ?1 AND ?2 GROUP BY 1, 3", key_of(q, S_PROBLEM));
	return RUN(st, q, 0, 1, sql, "tti", q->from, q->to, q->as_of);
}

enum qd_status store_report_spans(struct store *st, int pauses, long long start, long long end,
                                  int (*sink)(void *ctx, const struct store_report_agg *a), void *ctx)
{
	/* key, s1 staff, s2 reason, n window, v1 started, v2 ended */
	struct store_report_q q = { .sink = sink, .ctx = ctx };
	const char *sql = pauses
		? "SELECT NULL, staff, reason, window, started_at, coalesce(ended_at, 0) FROM pauses"
		  " WHERE started_at < ?2 AND (ended_at IS NULL OR ended_at > ?1)"
		: "SELECT NULL, staff, NULL, window, started_at, coalesce(ended_at, 0) FROM sessions"
		  " WHERE started_at < ?2 AND (ended_at IS NULL OR ended_at > ?1)";
	return RUN(st, &q, 2, 2, sql, "ii", start, end);
}

enum qd_status store_report_staff(struct store *st,
                                  int (*sink)(void *ctx, const struct store_report_agg *a), void *ctx)
{
	struct store_report_q q = { .sink = sink, .ctx = ctx };
	return store_each(st, "SELECT id, name, 0 FROM staff", walk_row,
	                  &(struct walk){ &q, 1, 0, sink, ctx }, "");
}
