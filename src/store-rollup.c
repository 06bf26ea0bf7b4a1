/* store-rollup.c - per-day rollups for reports: small tables of counts by day and business type,
 * kept current by triggers in the same transaction as every write to the rows they count, so a
 * year's report sums a few hundred rows a day instead of reading millions (store-report.c).
 * Each rollup has one "truth" query over the rows; the migration fills the rollups from it and
 * `qdesk check` compares them with it. Text that can be NULL is stored as '' (keys are NOT NULL). */
#include <stdio.h>
#include "store-internal.h"
#include "store-rollup.h"

/* ---- the contribution of one row (R is NEW or OLD) ---- */

#define WAIT(R)  "max(" R ".called_at - " R ".issued_at, 0)"
#define SERVED(R) "(" R ".state = 'served' AND " R ".called_at IS NOT NULL AND " R ".finished_at IS NOT NULL)"
#define TICKET_ADD(R) \
	"INSERT INTO roll_tickets (day, type, state, n) SELECT " R ".day, " R ".type, " R ".state, 1" \
	" WHERE true ON CONFLICT DO UPDATE SET n = n + 1;" \
	"INSERT INTO roll_waits (day, type, minutes, n, wait_sum, service_sum)" \
	" SELECT " R ".day, " R ".type, " WAIT(R) " / 60, 1, " WAIT(R) ", max(" R ".finished_at - " R ".called_at, 0)" \
	" WHERE " SERVED(R) " ON CONFLICT DO UPDATE SET n = n + 1, wait_sum = wait_sum + excluded.wait_sum," \
	" service_sum = service_sum + excluded.service_sum;"
#define TICKET_SUB(R) \
	"UPDATE roll_tickets SET n = n - 1 WHERE day = " R ".day AND type = " R ".type AND state = " R ".state;" \
	"UPDATE roll_waits SET n = n - 1, wait_sum = wait_sum - " WAIT(R) "," \
	" service_sum = service_sum - max(" R ".finished_at - " R ".called_at, 0)" \
	" WHERE " SERVED(R) " AND day = " R ".day AND type = " R ".type AND minutes = " WAIT(R) " / 60;"

/* A case's business type is its ticket's ('' for a walk-in); a visit is its ticket or, for a
 * walk-in, the case itself (as the report's elderly count takes it). */
#define CTYPE(R) "coalesce((SELECT type FROM tickets WHERE id = " R ".ticket_id), '')"
#define VISIT(R) "coalesce(" R ".ticket_id, -" R ".id)"
#define CASE_KEY(R) R ".outcome, " R ".channel, coalesce(" R ".mode, ''), coalesce(" R ".category, '')"
#define CASE_ADD(R) \
	"INSERT INTO roll_cases (day, type, outcome, channel, mode, category, n, help_minutes)" \
	" SELECT " R ".day, " CTYPE(R) ", " CASE_KEY(R) ", 1, " R ".help_minutes WHERE " R ".voided = 0" \
	" ON CONFLICT DO UPDATE SET n = n + 1, help_minutes = help_minutes + excluded.help_minutes;" \
	"INSERT INTO roll_helps (day, type, help, n) SELECT " R ".day, " CTYPE(R) ", help, 1 FROM case_help" \
	" WHERE case_id = " R ".id AND " R ".voided = 0 ON CONFLICT DO UPDATE SET n = n + 1;" \
	"INSERT INTO roll_elderly (day, type, visit, n) SELECT " R ".day, " CTYPE(R) ", " VISIT(R) ", count(*)" \
	" FROM case_help WHERE case_id = " R ".id AND " R ".voided = 0 GROUP BY case_id" \
	" ON CONFLICT DO UPDATE SET n = n + excluded.n;"
#define CASE_SUB(R) \
	"UPDATE roll_cases SET n = n - 1, help_minutes = help_minutes - " R ".help_minutes" \
	" WHERE " R ".voided = 0 AND day = " R ".day AND type = " CTYPE(R) \
	" AND (outcome, channel, mode, category) = (" CASE_KEY(R) ");" \
	"UPDATE roll_helps SET n = n - 1 WHERE " R ".voided = 0 AND day = " R ".day AND type = " CTYPE(R) \
	" AND help IN (SELECT help FROM case_help WHERE case_id = " R ".id);" \
	"UPDATE roll_elderly SET n = n - (SELECT count(*) FROM case_help WHERE case_id = " R ".id)" \
	" WHERE " R ".voided = 0 AND day = " R ".day AND type = " CTYPE(R) " AND visit = " VISIT(R) ";"

#define ETYPE(R) "(SELECT type FROM tickets WHERE id = " R ".ticket_id)"
#define EVAL_ADD(R) \
	"INSERT INTO roll_ratings (day, type, level, n) SELECT " R ".day, " ETYPE(R) ", " R ".level, 1" \
	" WHERE " R ".voided = 0 ON CONFLICT DO UPDATE SET n = n + 1;"
#define EVAL_SUB(R) \
	"UPDATE roll_ratings SET n = n - 1 WHERE " R ".voided = 0 AND day = " R ".day" \
	" AND type = " ETYPE(R) " AND level = " R ".level;"

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
	"CREATE TRIGGER roll_tickets_insert AFTER INSERT ON tickets BEGIN " TICKET_ADD("NEW") " END;"
	"CREATE TRIGGER roll_tickets_update AFTER UPDATE OF day, type, state, issued_at, called_at,"
	"  finished_at ON tickets BEGIN " TICKET_SUB("OLD") TICKET_ADD("NEW") " END;"
	"CREATE TRIGGER roll_tickets_delete AFTER DELETE ON tickets BEGIN " TICKET_SUB("OLD") " END;"
	"CREATE TRIGGER roll_cases_insert AFTER INSERT ON cases BEGIN " CASE_ADD("NEW") " END;"
	"CREATE TRIGGER roll_cases_update AFTER UPDATE OF ticket_id, day, outcome, channel, mode, category,"
	"  help_minutes, voided ON cases BEGIN " CASE_SUB("OLD") CASE_ADD("NEW") " END;"
	"CREATE TRIGGER roll_cases_delete AFTER DELETE ON cases BEGIN " CASE_SUB("OLD") " END;"
	"CREATE TRIGGER roll_help_insert AFTER INSERT ON case_help BEGIN"
	"  INSERT INTO roll_helps (day, type, help, n) SELECT c.day, " CTYPE("c") ", NEW.help, 1"
	"  FROM cases c WHERE c.id = NEW.case_id AND c.voided = 0 ON CONFLICT DO UPDATE SET n = n + 1;"
	"  INSERT INTO roll_elderly (day, type, visit, n) SELECT c.day, " CTYPE("c") ", " VISIT("c") ", 1"
	"  FROM cases c WHERE c.id = NEW.case_id AND c.voided = 0 ON CONFLICT DO UPDATE SET n = n + 1;"
	" END;"
	"CREATE TRIGGER roll_help_delete AFTER DELETE ON case_help BEGIN"
	"  UPDATE roll_helps SET n = n - 1 WHERE help = OLD.help AND (day, type) ="
	"  (SELECT c.day, " CTYPE("c") " FROM cases c WHERE c.id = OLD.case_id AND c.voided = 0);"
	"  UPDATE roll_elderly SET n = n - 1 WHERE (day, type, visit) ="
	"  (SELECT c.day, " CTYPE("c") ", " VISIT("c") " FROM cases c WHERE c.id = OLD.case_id AND c.voided = 0);"
	" END;"
	"CREATE TRIGGER roll_ratings_insert AFTER INSERT ON evaluations BEGIN " EVAL_ADD("NEW") " END;"
	"CREATE TRIGGER roll_ratings_update AFTER UPDATE OF ticket_id, day, level, voided ON evaluations"
	"  BEGIN " EVAL_SUB("OLD") EVAL_ADD("NEW") " END;"
	"CREATE TRIGGER roll_ratings_delete AFTER DELETE ON evaluations BEGIN " EVAL_SUB("OLD") " END;";

/* Each rollup beside its truth: rows in one and not the other (rollup rows that count nothing are
 * no rows). */
static const struct { const char *name, *table, *columns, *truth; } rollups[] = {
	{ "tickets", "roll_tickets", "day, type, state, n", TRUTH_TICKETS },
	{ "waits", "roll_waits", "day, type, minutes, n, wait_sum, service_sum", TRUTH_WAITS },
	{ "cases", "roll_cases", "day, type, outcome, channel, mode, category, n, help_minutes", TRUTH_CASES },
	{ "helps", "roll_helps", "day, type, help, n", TRUTH_HELPS },
	{ "elderly", "roll_elderly", "day, type, visit, n", TRUTH_ELDERLY },
	{ "ratings", "roll_ratings", "day, type, level, n", TRUTH_RATINGS },
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
		char sql[1536];
		snprintf(sql, sizeof sql, "SELECT DISTINCT day, '%s' FROM (SELECT %s FROM %s WHERE n <> 0"
		         " EXCEPT %s) ORDER BY 1", rollups[i].name, rollups[i].columns, rollups[i].table,
		         rollups[i].truth);
		r = store_each(st, sql, on_differ, &more, "");
		if (r != QD_OK)
			break;
		snprintf(sql, sizeof sql, "SELECT DISTINCT day, '%s' FROM (%s EXCEPT SELECT %s FROM %s)"
		         " ORDER BY 1", rollups[i].name, rollups[i].truth, rollups[i].columns, rollups[i].table);
		r = store_each(st, sql, on_differ, &less, "");
	}
	return r;
}
