/* store-rollup.c - per-day and per-month rollups for reports: small tables of counts by day (or
 * month) and business type, kept current by triggers in the same transaction as every write to the
 * rows they count, so a year's report sums a few thousand rows instead of reading millions
 * (store-report.c).
 * Each rollup has one "truth" query over the rows; the migration fills the rollups from it and
 * `qdesk check` compares them with it. Text that can be NULL is stored as '' (keys are NOT NULL). */
#include <stdio.h>
#include "store-internal.h"
#include "store-rollup.h"

/* ---- the contribution of one row (R is NEW or OLD) to its rollup rows, added (S "1") or taken
 * away (S "-1") ---- */

/* A row counts under two keys: its day, and its month ('m' and YYYY-MM, so months sort apart from
 * days): a report of whole past months reads one row where a day's would be thirty. One upsert
 * writes both rows, whether it adds or takes away, so the triggers stay short: every process
 * parses them when it opens the database and compiles them into each statement that fires them.
 * The two keys come from KEYS, KEY(D) being key k of day D (0: the day, 1: its month); KEYS is
 * the outer loop (CROSS JOIN), so SQLite reads it as it goes instead of building a temporary
 * table each time a trigger fires. */
#define KEYS " FROM (VALUES (0), (1)) k"
#define KEY(D) "iif(k.column1, 'm' || substr(" D ", 1, 7), " D ")"
#define ADD_N " ON CONFLICT DO UPDATE SET n = n + excluded.n"

#define WAIT(R)  "max(" R ".called_at - " R ".issued_at, 0)"
#define SERVED(R) "(" R ".state = 'served' AND " R ".called_at IS NOT NULL AND " R ".finished_at IS NOT NULL)"
#define TICKET(R, S) \
	"INSERT INTO roll_tickets (day, type, state, n) SELECT " KEY(R ".day") ", " R ".type, " R ".state, " S \
	KEYS " WHERE true" ADD_N ";" \
	"INSERT INTO roll_waits (day, type, minutes, n, wait_sum, service_sum)" \
	" SELECT " KEY(R ".day") ", " R ".type, " WAIT(R) " / 60, " S ", " S " * " WAIT(R) ", " S " * max(" \
	R ".finished_at - " R ".called_at, 0)" KEYS " WHERE " SERVED(R) ADD_N "," \
	" wait_sum = wait_sum + excluded.wait_sum, service_sum = service_sum + excluded.service_sum;"

/* A case's business type is its ticket's ('' for a walk-in); a visit is its ticket or, for a
 * walk-in, the case itself (as the report's elderly count takes it). Visits are counted by day
 * only: a month's distinct visits are its days' rows. */
#define CTYPE(R) "coalesce((SELECT type FROM tickets WHERE id = " R ".ticket_id), '')"
#define VISIT(R) "coalesce(" R ".ticket_id, -" R ".id)"
#define CASE(R, S) \
	"INSERT INTO roll_cases (day, type, outcome, channel, mode, category, n, help_minutes)" \
	" SELECT " KEY(R ".day") ", " CTYPE(R) ", " R ".outcome, " R ".channel, coalesce(" R ".mode, '')," \
	" coalesce(" R ".category, ''), " S ", " S " * " R ".help_minutes" KEYS " WHERE " R ".voided = 0" \
	ADD_N ", help_minutes = help_minutes + excluded.help_minutes;" \
	"INSERT INTO roll_helps (day, type, help, n) SELECT " KEY(R ".day") ", " CTYPE(R) ", help, " S \
	KEYS " CROSS JOIN case_help WHERE case_id = " R ".id AND " R ".voided = 0" ADD_N ";" \
	"INSERT INTO roll_elderly (day, type, visit, n) SELECT " R ".day, " CTYPE(R) ", " VISIT(R) ", " \
	S " * count(*) FROM case_help WHERE case_id = " R ".id AND " R ".voided = 0 GROUP BY case_id" ADD_N ";"
/* One elderly-help row of a case (R is NEW or OLD of case_help), if the case counts. */
#define HELP(R, S) \
	"INSERT INTO roll_helps (day, type, help, n) SELECT " KEY("c.day") ", " CTYPE("c") ", " R ".help, " S \
	KEYS " CROSS JOIN cases c WHERE c.id = " R ".case_id AND c.voided = 0" ADD_N ";" \
	"INSERT INTO roll_elderly (day, type, visit, n) SELECT c.day, " CTYPE("c") ", " VISIT("c") ", " S \
	" FROM cases c WHERE c.id = " R ".case_id AND c.voided = 0" ADD_N ";"

#define RATING(R, S) \
	"INSERT INTO roll_ratings (day, type, level, n) SELECT " KEY(R ".day") \
	", (SELECT type FROM tickets WHERE id = " R ".ticket_id), " R ".level, " S KEYS \
	" WHERE " R ".voided = 0" ADD_N ";"

/* The triggers, created by migration 14 and again, shorter, by migration 18. */
#define TRIGGERS \
	"CREATE TRIGGER roll_tickets_insert AFTER INSERT ON tickets BEGIN " TICKET("NEW", "1") " END;" \
	"CREATE TRIGGER roll_tickets_update AFTER UPDATE OF day, type, state, issued_at, called_at," \
	"  finished_at ON tickets BEGIN " TICKET("OLD", "-1") TICKET("NEW", "1") " END;" \
	"CREATE TRIGGER roll_tickets_delete AFTER DELETE ON tickets BEGIN " TICKET("OLD", "-1") " END;" \
	"CREATE TRIGGER roll_cases_insert AFTER INSERT ON cases BEGIN " CASE("NEW", "1") " END;" \
	"CREATE TRIGGER roll_cases_update AFTER UPDATE OF ticket_id, day, outcome, channel, mode, category," \
	"  help_minutes, voided ON cases BEGIN " CASE("OLD", "-1") CASE("NEW", "1") " END;" \
	"CREATE TRIGGER roll_cases_delete AFTER DELETE ON cases BEGIN " CASE("OLD", "-1") " END;" \
	"CREATE TRIGGER roll_help_insert AFTER INSERT ON case_help BEGIN " HELP("NEW", "1") " END;" \
	"CREATE TRIGGER roll_help_delete AFTER DELETE ON case_help BEGIN " HELP("OLD", "-1") " END;" \
	"CREATE TRIGGER roll_ratings_insert AFTER INSERT ON evaluations BEGIN " RATING("NEW", "1") " END;" \
	"CREATE TRIGGER roll_ratings_update AFTER UPDATE OF ticket_id, day, level, voided ON evaluations" \
	"  BEGIN " RATING("OLD", "-1") RATING("NEW", "1") " END;" \
	"CREATE TRIGGER roll_ratings_delete AFTER DELETE ON evaluations BEGIN " RATING("OLD", "-1") " END;"

/* ---- the truth: each rollup computed from the rows (fills the rollups, checks them) ---- */

#define TRUTH_TICKETS "SELECT day, type, state, count(*) FROM tickets GROUP BY 1, 2, 3"
#define TRUTH_WAITS "SELECT day, type, max(called_at - issued_at, 0) / 60, count(*)," \
	" sum(max(called_at - issued_at, 0)), sum(max(finished_at - called_at, 0)) FROM tickets" \
	" WHERE state = 'served' AND called_at IS NOT NULL AND finished_at IS NOT NULL GROUP BY 1, 2, 3"
#define CASES_OF "FROM cases c LEFT JOIN tickets t ON t.id = c.ticket_id WHERE c.voided = 0"
#define HELPS_OF "FROM case_help h JOIN cases c ON c.id = h.case_id" \
	" LEFT JOIN tickets t ON t.id = c.ticket_id WHERE c.voided = 0"
#define TRUTH_CASES "SELECT c.day, coalesce(t.type, ''), c.outcome, c.channel, coalesce(c.mode, '')," \
	" coalesce(c.category, ''), count(*), sum(c.help_minutes) " CASES_OF " GROUP BY 1, 2, 3, 4, 5, 6"
#define TRUTH_HELPS "SELECT c.day, coalesce(t.type, ''), h.help, count(*) " HELPS_OF " GROUP BY 1, 2, 3"
#define TRUTH_ELDERLY "SELECT c.day, coalesce(t.type, ''), coalesce(c.ticket_id, -c.id), count(*) " \
	HELPS_OF " GROUP BY 1, 2, 3"
#define TRUTH_RATINGS "SELECT v.day, t.type, v.level, count(*) FROM evaluations v" \
	" JOIN tickets t ON t.id = v.ticket_id WHERE v.voided = 0 GROUP BY 1, 2, 3"

const char store_rollup_migration[] =
	"CREATE TABLE roll_tickets (day TEXT, type TEXT, state TEXT, n INTEGER NOT NULL,"
	"  PRIMARY KEY (day, type, state)) WITHOUT ROWID;"
	"CREATE TABLE roll_waits (day TEXT, type TEXT, minutes INTEGER, n INTEGER NOT NULL,"
	"  wait_sum INTEGER NOT NULL, service_sum INTEGER NOT NULL,"
	"  PRIMARY KEY (day, type, minutes)) WITHOUT ROWID;"
	"CREATE TABLE roll_cases (day TEXT, type TEXT, outcome TEXT, channel TEXT, mode TEXT,"
	"  category TEXT, n INTEGER NOT NULL, help_minutes INTEGER NOT NULL,"
	"  PRIMARY KEY (day, type, outcome, channel, mode, category)) WITHOUT ROWID;"
	"CREATE TABLE roll_helps (day TEXT, type TEXT, help TEXT, n INTEGER NOT NULL,"
	"  PRIMARY KEY (day, type, help)) WITHOUT ROWID;"
	"CREATE TABLE roll_elderly (day TEXT, type TEXT, visit INTEGER, n INTEGER NOT NULL,"
	"  PRIMARY KEY (day, type, visit)) WITHOUT ROWID;"
	"CREATE TABLE roll_ratings (day TEXT, type TEXT, level INTEGER, n INTEGER NOT NULL,"
	"  PRIMARY KEY (day, type, level)) WITHOUT ROWID;"
	"INSERT INTO roll_tickets " TRUTH_TICKETS ";"
	"INSERT INTO roll_waits " TRUTH_WAITS ";"
	"INSERT INTO roll_cases " TRUTH_CASES ";"
	"INSERT INTO roll_helps " TRUTH_HELPS ";"
	"INSERT INTO roll_elderly " TRUTH_ELDERLY ";"
	"INSERT INTO roll_ratings " TRUTH_RATINGS ";"
	/* every month's rows from its days' */
	"INSERT INTO roll_tickets SELECT 'm' || substr(day, 1, 7), type, state, sum(n) FROM roll_tickets"
	"  GROUP BY 1, 2, 3;"
	"INSERT INTO roll_waits SELECT 'm' || substr(day, 1, 7), type, minutes, sum(n), sum(wait_sum),"
	"  sum(service_sum) FROM roll_waits GROUP BY 1, 2, 3;"
	"INSERT INTO roll_cases SELECT 'm' || substr(day, 1, 7), type, outcome, channel, mode, category,"
	"  sum(n), sum(help_minutes) FROM roll_cases GROUP BY 1, 2, 3, 4, 5, 6;"
	"INSERT INTO roll_helps SELECT 'm' || substr(day, 1, 7), type, help, sum(n) FROM roll_helps"
	"  GROUP BY 1, 2, 3;"
	"INSERT INTO roll_ratings SELECT 'm' || substr(day, 1, 7), type, level, sum(n) FROM roll_ratings"
	"  GROUP BY 1, 2, 3;"
	TRIGGERS;

const char store_rollup_shorter[] =
	"DROP TRIGGER roll_tickets_insert; DROP TRIGGER roll_tickets_update; DROP TRIGGER roll_tickets_delete;"
	"DROP TRIGGER roll_cases_insert; DROP TRIGGER roll_cases_update; DROP TRIGGER roll_cases_delete;"
	"DROP TRIGGER roll_help_insert; DROP TRIGGER roll_help_delete; DROP TRIGGER roll_ratings_insert;"
	"DROP TRIGGER roll_ratings_update; DROP TRIGGER roll_ratings_delete;"
	TRIGGERS;

/* Each rollup beside its truth: rows in one and not the other (rollup rows that count nothing are
 * no rows). A month's rows are its days' truth summed (keys: the key columns after the day;
 * sums: the counted columns; NULL: no month rows). */
static const struct { const char *name, *table, *columns, *truth, *keys, *sums; } rollups[] = {
	{ "tickets", "roll_tickets", "day, type, state, n", TRUTH_TICKETS, "type, state", "sum(n)" },
	{ "waits", "roll_waits", "day, type, minutes, n, wait_sum, service_sum", TRUTH_WAITS,
	  "type, minutes", "sum(n), sum(wait_sum), sum(service_sum)" },
	{ "cases", "roll_cases", "day, type, outcome, channel, mode, category, n, help_minutes", TRUTH_CASES,
	  "type, outcome, channel, mode, category", "sum(n), sum(help_minutes)" },
	{ "helps", "roll_helps", "day, type, help, n", TRUTH_HELPS, "type, help", "sum(n)" },
	{ "elderly", "roll_elderly", "day, type, visit, n", TRUTH_ELDERLY, NULL, NULL },
	{ "ratings", "roll_ratings", "day, type, level, n", TRUTH_RATINGS, "type, level", "sum(n)" },
};

struct differ { const char *what; void (*report)(void *, const char *, const char *); void *ctx; int *problems; };

static int on_differ(sqlite3_stmt *s, void *vd)
{
	struct differ *d = vd;
	char line[200];
	snprintf(line, sizeof line, "%s: %s %s", (const char *)sqlite3_column_text(s, 0), d->what,
	         (const char *)sqlite3_column_text(s, 1));
	(*d->problems)++;
	d->report(d->ctx, "rollup", line);
	return 0;
}

enum qd_status store_rollup_check(struct store *st, void (*report)(void *, const char *, const char *),
                                  void *ctx, int *problems)
{
	enum qd_status r = QD_OK;
	struct differ more = { "the report's rollup counts what the records do not hold:", report, ctx, problems };
	struct differ less = { "the report's rollup misses records:", report, ctx, problems };
	for (size_t i = 0; r == QD_OK && i < sizeof rollups / sizeof rollups[0]; i++) {
		char truth[2048], sql[4096];
		if (rollups[i].keys)
			snprintf(truth, sizeof truth, "WITH t (%s) AS (%s), truth_all AS (SELECT * FROM t UNION ALL"
			         " SELECT 'm' || substr(day, 1, 7), %s, %s FROM t GROUP BY 1, %s)",
			         rollups[i].columns, rollups[i].truth, rollups[i].keys, rollups[i].sums,
			         rollups[i].keys);
		else
			snprintf(truth, sizeof truth, "WITH truth_all AS (%s)", rollups[i].truth);
		snprintf(sql, sizeof sql, "%s SELECT DISTINCT day, '%s' FROM (SELECT %s FROM %s WHERE n <> 0"
		         " EXCEPT SELECT * FROM truth_all) ORDER BY 1", truth, rollups[i].name, rollups[i].columns,
		         rollups[i].table);
		r = store_each(st, sql, on_differ, &more, "");
		if (r != QD_OK)
			break;
		snprintf(sql, sizeof sql, "%s SELECT DISTINCT day, '%s' FROM (SELECT * FROM truth_all EXCEPT"
		         " SELECT %s FROM %s) ORDER BY 1", truth, rollups[i].name, rollups[i].columns,
		         rollups[i].table);
		r = store_each(st, sql, on_differ, &less, "");
	}
	return r;
}
