/* store-check.c - the SQL of `qdesk check`: SQLite's integrity and foreign-key checks, and qdesk's
 * own invariants, each a query whose rows are violations. Read-only; run in one read transaction. */
#include <stdio.h>
#include "qdesk/audit.h"
#include "qdesk/check.h"
#include "store-internal.h"
#include "store-rollup.h"

/* Each check: its name and a query giving one text per violation. */
static const struct { const char *name, *sql; } checks[] = {
	{ "integrity", "SELECT integrity_check FROM pragma_integrity_check WHERE integrity_check <> 'ok'" },
	{ "foreign-key", "SELECT \"table\" || ' row ' || rowid || ' refers to a missing ' || parent"
	                 " FROM pragma_foreign_key_check" },
	/* a ticket is in exactly one state: the columns agree with it */
	{ "ticket-state", "SELECT number || ' (' || day || ', id ' || id || ') is ' || state ||"
		" CASE WHEN state IN ('served','noshow','expired','voided') THEN ' but has no end time'"
		"      WHEN state = 'called' AND window IS NULL THEN ' but at no window'"
		"      ELSE ' but has an end time' END FROM tickets"
		" WHERE (state IN ('served','noshow','expired','voided') AND finished_at IS NULL)"
		"    OR (state = 'called' AND window IS NULL)"
		"    OR (state IN ('waiting','called') AND finished_at IS NOT NULL)" },
	/* no ticket at two windows */
	{ "ticket-two-windows", "SELECT 'ticket id ' || current_ticket || ' is current at windows '"
		" || group_concat(number, ', ') FROM windows WHERE current_ticket IS NOT NULL"
		" GROUP BY current_ticket HAVING count(*) > 1" },
	{ "ticket-two-windows", "SELECT t.number || ' (id ' || t.id || ') is called at window ' || t.window"
		" || ' but is not that window''s current ticket' FROM tickets t"
		" WHERE t.state = 'called' AND NOT EXISTS (SELECT 1 FROM windows w"
		"   WHERE w.current_ticket = t.id AND w.number = t.window)" },
	/* each window's current ticket is being served there */
	{ "window-current", "SELECT 'window ' || w.number || ' (' || w.state || '): current ticket '"
		" || coalesce(t.number || ' is ' || t.state || coalesce(' at window ' || t.window, ''),"
		"             'id ' || w.current_ticket || ' does not exist')"
		" FROM windows w LEFT JOIN tickets t ON t.id = w.current_ticket"
		" WHERE w.current_ticket IS NOT NULL AND (t.id IS NULL OR t.state <> 'called'"
		"   OR t.window IS NOT w.number OR w.state <> 'serving')" },
	{ "window-current", "SELECT 'window ' || number || ' is serving but has no current ticket'"
		" FROM windows WHERE state = 'serving' AND current_ticket IS NULL" },
	/* counters agree with rows */
	{ "counter", "SELECT day || ' ' || type || ': ' || count(*) || ' tickets but numbers up to '"
		" || max(seq) FROM tickets GROUP BY day, type HAVING max(seq) <> count(*)" },
	{ "counter", "SELECT number || ' (' || day || ') was ' || state || ' without being called'"
		" FROM tickets WHERE state IN ('served','noshow') AND calls < 1" },
	/* every case belongs to a real ticket or is a walk-in */
	{ "case-ticket", "SELECT 'case ' || c.id || ' refers to ticket id ' || c.ticket_id || ', which does not exist'"
		" FROM cases c WHERE c.ticket_id IS NOT NULL"
		" AND NOT EXISTS (SELECT 1 FROM tickets t WHERE t.id = c.ticket_id)" },
};

enum qd_status store_check_run(struct store *st, void (*report)(void *, const char *, const char *),
                               void *ctx, int *problems)
{
	for (size_t i = 0; i < sizeof checks / sizeof checks[0]; i++) {
		sqlite3_stmt *s = store_stmt(st, checks[i].sql);
		if (!s)
			return QD_ERR_DB;
		int rc;
		while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
			const unsigned char *t = sqlite3_column_text(s, 0);
			(*problems)++;
			report(ctx, checks[i].name, t ? (const char *)t : "");
		}
		enum qd_status r = store_check(st, rc);
		sqlite3_reset(s);
		if (r != QD_OK)
			return r;
	}
	/* the report's per-day rollups agree with the records */
	return store_rollup_check(st, report, ctx, problems);
}
