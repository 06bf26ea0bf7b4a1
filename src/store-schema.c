/* store-schema.c - the database schema as an ordered list of migrations keyed on user_version.
 * Never edit a migration that has shipped: append a new one. */
#include <stddef.h>
#include "store-internal.h"
#include "store-rollup.h"

/* Times are Unix seconds; day columns are the hall's local day "YYYY-MM-DD". Nothing is deleted:
 * rows end in a state, or are voided. */
static const char migration_1[] =
	"CREATE TABLE staff ("
	"  id TEXT PRIMARY KEY, name TEXT NOT NULL, role TEXT NOT NULL"
	"    CHECK (role IN ('guide','clerk','lead','admin')),"
	"  pin_hash TEXT NOT NULL, active INTEGER NOT NULL DEFAULT 1,"
	"  failures INTEGER NOT NULL DEFAULT 0, locked_until INTEGER NOT NULL DEFAULT 0,"
	"  created_at INTEGER NOT NULL);"

	"CREATE TABLE tickets ("
	"  id INTEGER PRIMARY KEY, day TEXT NOT NULL, type TEXT NOT NULL, seq INTEGER NOT NULL,"
	"  number TEXT NOT NULL, priority TEXT,"
	"  state TEXT NOT NULL DEFAULT 'waiting'"
	"    CHECK (state IN ('waiting','called','served','noshow','expired','voided')),"
	"  pos REAL NOT NULL,"                         /* queue order: lower is called first */
	"  issued_at INTEGER NOT NULL, called_at INTEGER, finished_at INTEGER,"
	"  window INTEGER, target_window INTEGER, staff TEXT REFERENCES staff(id),"
	"  calls INTEGER NOT NULL DEFAULT 0, requeues INTEGER NOT NULL DEFAULT 0,"
	"  id_masked TEXT, phone_masked TEXT, age INTEGER, note TEXT,"
	"  issued_by TEXT REFERENCES staff(id),"
	/* the queue it waits in: type at issue, another type after a transfer (type and number,
	 * hence UNIQUE(day, type, seq), never change) */
	"  queue_type TEXT,"
	"  UNIQUE (day, type, seq));"
	"CREATE INDEX tickets_waiting ON tickets(state, day, pos);"
	"CREATE INDEX tickets_number ON tickets(day, number);"
	"CREATE INDEX tickets_window ON tickets(window, state);"
	"CREATE INDEX tickets_day_pos ON tickets(day, pos);"

	/* One row per window that has ever been used: who is there and what it is doing. */
	"CREATE TABLE windows ("
	"  number INTEGER PRIMARY KEY,"
	"  state TEXT NOT NULL DEFAULT 'closed' CHECK (state IN ('closed','idle','serving','paused')),"
	"  staff TEXT REFERENCES staff(id), pause_reason TEXT, since INTEGER,"
	"  current_ticket INTEGER REFERENCES tickets(id),"
	"  priority_streak INTEGER NOT NULL DEFAULT 0,"
	"  last_kind TEXT, last_ticket INTEGER REFERENCES tickets(id), last_at INTEGER);"

	/* Attendance: who staffed which window when. ended NULL = still open. */
	"CREATE TABLE sessions ("
	"  id INTEGER PRIMARY KEY, window INTEGER NOT NULL, staff TEXT NOT NULL REFERENCES staff(id),"
	"  started_at INTEGER NOT NULL, ended_at INTEGER);"
	"CREATE INDEX sessions_open ON sessions(window, ended_at);"
	"CREATE TABLE pauses ("
	"  id INTEGER PRIMARY KEY, window INTEGER NOT NULL, staff TEXT REFERENCES staff(id),"
	"  reason TEXT NOT NULL, started_at INTEGER NOT NULL, ended_at INTEGER);"

	/* Every state change: who, which window, when, what. */
	"CREATE TABLE events ("
	"  id INTEGER PRIMARY KEY, at INTEGER NOT NULL, day TEXT NOT NULL, kind TEXT NOT NULL,"
	"  ticket_id INTEGER REFERENCES tickets(id), window INTEGER, staff TEXT, detail TEXT);"
	"CREATE INDEX events_day ON events(day, kind);"
	"CREATE INDEX events_ticket ON events(ticket_id);"

	"CREATE TABLE cases ("
	"  id INTEGER PRIMARY KEY, ticket_id INTEGER REFERENCES tickets(id),"
	"  day TEXT NOT NULL, at INTEGER NOT NULL, window INTEGER, staff TEXT REFERENCES staff(id),"
	"  matter TEXT, category TEXT, channel TEXT NOT NULL CHECK (channel IN ('onsite','online')),"
	"  outcome TEXT NOT NULL, mode TEXT CHECK (mode IN ('guided','assisted','delegated')),"
	"  help_minutes INTEGER NOT NULL DEFAULT 0,"
	"  applicant_masked TEXT, id_masked TEXT, phone_masked TEXT, age INTEGER, note TEXT,"
	"  voided INTEGER NOT NULL DEFAULT 0);"
	"CREATE INDEX cases_day ON cases(day);"
	"CREATE INDEX cases_ticket ON cases(ticket_id);"
	"CREATE TABLE case_help ("
	"  case_id INTEGER NOT NULL REFERENCES cases(id), help TEXT NOT NULL,"
	"  PRIMARY KEY (case_id, help));"

	"CREATE TABLE evaluations ("
	"  id INTEGER PRIMARY KEY, ticket_id INTEGER NOT NULL REFERENCES tickets(id),"
	"  day TEXT NOT NULL, at INTEGER NOT NULL, window INTEGER, staff TEXT,"
	"  level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5), reason TEXT,"
	"  voided INTEGER NOT NULL DEFAULT 0);"
	"CREATE UNIQUE INDEX evaluations_once ON evaluations(ticket_id) WHERE voided = 0;"
	"CREATE INDEX evaluations_day ON evaluations(day);"
	"CREATE TABLE rectifications ("
	"  id INTEGER PRIMARY KEY, evaluation_id INTEGER NOT NULL REFERENCES evaluations(id),"
	"  opened_day TEXT NOT NULL, deadline TEXT NOT NULL,"
	"  state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open','called-back','fixed','explained','voided')),"
	"  called_back INTEGER NOT NULL DEFAULT 0, closed_at INTEGER, note TEXT);"

	"CREATE TABLE consultations ("
	"  id INTEGER PRIMARY KEY, day TEXT NOT NULL, at INTEGER NOT NULL, window INTEGER,"
	"  staff TEXT REFERENCES staff(id), topic TEXT);"
	"CREATE INDEX consultations_day ON consultations(day);";

/* Every write's day rollover looks for sessions and pauses still open from before today: find
 * them without reading a year of closed ones. */
static const char migration_2[] =
	"CREATE INDEX sessions_still_open ON sessions(started_at) WHERE ended_at IS NULL;"
	"CREATE INDEX pauses_still_open ON pauses(started_at) WHERE ended_at IS NULL;";

/* The call feed (callfeed.h) reads calls and recalls after a cursor without walking the rest of
 * the event log; an evaluation says whether the applicant keyed it at the window's pad or a clerk
 * entered it for them (a rating given on paper where the window has no pad). */
static const char migration_3[] =
	"CREATE INDEX events_calls ON events(id) WHERE kind IN ('call', 'recall');"
	"ALTER TABLE evaluations ADD COLUMN source TEXT NOT NULL DEFAULT 'staff'"
	"  CHECK (source IN ('staff', 'pad'));";

/* trust: the file says it is qdesk's (application_id 'QDSK'), and `issue --request-id K` finds the
 * ticket an earlier try of the same request made. */
static const char migration_4[] =
	"PRAGMA application_id = 1363432267;"
	"ALTER TABLE tickets ADD COLUMN request_id TEXT;"
	"CREATE UNIQUE INDEX tickets_request ON tickets(request_id) WHERE request_id IS NOT NULL;";

/* Guide desks (导服台, issue 7): a guide's attendance is recorded at a desk, so a session is at a
 * window or at a desk (exactly one); consultations and cases logged at a desk say which. SQLite
 * cannot drop NOT NULL, so sessions is rebuilt with its rows and indexes. */
static const char migration_5[] =
	"CREATE TABLE sessions_new ("
	"  id INTEGER PRIMARY KEY, window INTEGER, desk INTEGER,"
	"  staff TEXT NOT NULL REFERENCES staff(id), started_at INTEGER NOT NULL, ended_at INTEGER,"
	"  CHECK ((window IS NULL) <> (desk IS NULL)));"
	"INSERT INTO sessions_new (id, window, staff, started_at, ended_at)"
	"  SELECT id, window, staff, started_at, ended_at FROM sessions;"
	"DROP TABLE sessions;"
	"ALTER TABLE sessions_new RENAME TO sessions;"
	"CREATE INDEX sessions_open ON sessions(window, ended_at);"
	"CREATE INDEX sessions_still_open ON sessions(started_at) WHERE ended_at IS NULL;"
	"CREATE INDEX sessions_desk_open ON sessions(desk) WHERE ended_at IS NULL;"
	"ALTER TABLE consultations ADD COLUMN desk INTEGER;"
	"ALTER TABLE cases ADD COLUMN desk INTEGER;";

/* The announcer (announce.h) claims each call or recall before it speaks it, per channel ("voice",
 * "print"): the key makes a second announcer's claim fail, so no call is spoken twice; a partial
 * index finds the one being spoken, so two announcers never talk at once. */
static const char migration_6[] =
	"CREATE TABLE announcements ("
	"  channel TEXT NOT NULL, event_id INTEGER NOT NULL REFERENCES events(id),"
	"  claimed_at INTEGER NOT NULL, claimed_by TEXT NOT NULL,"
	"  state TEXT NOT NULL DEFAULT 'speaking' CHECK (state IN ('speaking', 'spoken', 'failed')),"
	"  finished_at INTEGER, error TEXT,"
	"  PRIMARY KEY (channel, event_id)) WITHOUT ROWID;"
	"CREATE INDEX announcements_speaking ON announcements(channel, claimed_at)"
	"  WHERE state = 'speaking';";

/* What runs inside a write reads a bounded index range, never a year of history: the rollover's
 * "last action at this window" (events by window and time), and a number looked up on earlier
 * days (tickets by number, newest day first). */
static const char migration_7[] =
	"CREATE INDEX events_window_at ON events(window, at);"
	"CREATE INDEX tickets_number_day ON tickets(number, day);";

/* A training database (init --demo, qdesk simulate) has its one row here; a live one has none.
 * clock_offset moves the demo clock into opening hours (training.h). */
static const char migration_8[] =
	"CREATE TABLE training ("
	"  id INTEGER PRIMARY KEY CHECK (id = 1), clock_offset INTEGER NOT NULL,"
	"  demo_day TEXT NOT NULL, created_at INTEGER NOT NULL);";

/* The shift lead (issue 9): 办不成事 problems, received by day, open ones by deadline, solved ones
 * by when; the rectification ledger's call-back and closing, and its open items by deadline. */
static const char migration_9[] =
	"CREATE TABLE problems ("
	"  id INTEGER PRIMARY KEY, day TEXT NOT NULL, at INTEGER NOT NULL, window INTEGER,"
	"  staff TEXT REFERENCES staff(id), what TEXT NOT NULL,"
	"  state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open','solved')),"
	"  resolution TEXT, resolved_at INTEGER, resolved_by TEXT, deadline TEXT NOT NULL);"
	"CREATE INDEX problems_day ON problems(day);"
	"CREATE INDEX problems_open ON problems(deadline) WHERE state = 'open';"
	"CREATE INDEX problems_solved ON problems(resolved_at) WHERE state = 'solved';"
	"ALTER TABLE rectifications ADD COLUMN callback_at INTEGER;"
	"ALTER TABLE rectifications ADD COLUMN callback_by TEXT;"
	"ALTER TABLE rectifications ADD COLUMN callback_note TEXT;"
	"ALTER TABLE rectifications ADD COLUMN closed_by TEXT;"
	"CREATE INDEX rectifications_opened ON rectifications(opened_day);"
	"CREATE INDEX rectifications_open ON rectifications(deadline)"
	"  WHERE state IN ('open','called-back');"
	"CREATE INDEX rectifications_evaluation ON rectifications(evaluation_id);";

/* Case drafts (issue 7): cases typed at a window that lost its session (another clerk signed in)
 * are kept with their ticket, personal data masked, until someone finishes that ticket. */
static const char migration_10[] =
	"CREATE TABLE case_drafts ("
	"  id INTEGER PRIMARY KEY, ticket_id INTEGER NOT NULL REFERENCES tickets(id),"
	"  window INTEGER, staff TEXT REFERENCES staff(id), saved_at INTEGER NOT NULL,"
	"  matter TEXT, category TEXT, channel TEXT, outcome TEXT, mode TEXT, helps TEXT,"
	"  minutes INTEGER NOT NULL DEFAULT 0, applicant_masked TEXT, id_masked TEXT,"
	"  phone_masked TEXT, age INTEGER, note TEXT);"
	"CREATE INDEX case_drafts_ticket ON case_drafts(ticket_id);";
/* trust: the tamper-evident chain (store-audit.c): each event's hash, the system clock beside the
 * hall's (QDESK_NOW), the row digests each event covers, the day the database was created. Its C
 * step (store_audit_start) chains the events there are and covers every row there is. */
static const char migration_13[] =
	"ALTER TABLE events ADD COLUMN hash BLOB;"
	"ALTER TABLE events ADD COLUMN sys_at INTEGER;"
	"ALTER TABLE events ADD COLUMN clock_fixed INTEGER;"
	"CREATE TABLE audit_rows ("
	"  event_id INTEGER NOT NULL, tbl TEXT NOT NULL, rid INTEGER NOT NULL, digest BLOB,"
	"  PRIMARY KEY (tbl, rid, event_id)) WITHOUT ROWID;"
	"CREATE INDEX audit_rows_event ON audit_rows(event_id);"
	"CREATE TABLE qdesk_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);";

/* A clerk's open session elsewhere (checked inside a write) without reading every session. */
static const char migration_11[] =
	"CREATE INDEX sessions_staff_open ON sessions(staff) WHERE ended_at IS NULL;";

/* Reports (issue 9): a report counts a period's transfers without reading its other events (a
 * year holds ~15 M events, ~2% of them transfers). */
static const char migration_12[] =
	"CREATE INDEX events_transfer ON events(day) WHERE kind = 'transfer';";

/* trust (issue 10): staff ids are case-insensitive, as config ids are: two accounts whose ids
 * differ only by case are refused (an older database that has such a pair cannot be upgraded until
 * one is renamed by hand), and an id is found whatever its case. */
static const char migration_15[] =
	"CREATE UNIQUE INDEX IF NOT EXISTS staff_id_nocase ON staff(id COLLATE NOCASE);";

/* speed (issue 11): a call finds the head of each queue it serves with one index seek instead of
 * reading and sorting every ticket waiting today (thousands in a big hall's afternoon). Waiting
 * tickets only: by queue type and whether they have priority, by priority group, and those sent to
 * one window. */
static const char migration_16[] =
	"CREATE INDEX IF NOT EXISTS tickets_queue ON tickets(day, upper(coalesce(queue_type, type)),"
	"  (priority IS NOT NULL), pos) WHERE state = 'waiting' AND target_window IS NULL;"
	"CREATE INDEX IF NOT EXISTS tickets_group ON tickets(day, priority, pos)"
	"  WHERE state = 'waiting' AND target_window IS NULL AND priority IS NOT NULL;"
	"CREATE INDEX IF NOT EXISTS tickets_sent ON tickets(target_window, day, (priority IS NOT NULL), pos)"
	"  WHERE state = 'waiting' AND target_window IS NOT NULL;";

/* speed (issue 11): tickets(number, day) answers a number on one day as well as on earlier days,
 * so tickets(day, number) only cost every issue a second index page. */
static const char migration_17[] = "DROP INDEX IF EXISTS tickets_number;";

/* speed (issue 11): a window's served and no-show counts of today (every console and hall view
 * shows them) read that window's rows of today in the index, not every ticket served today. */
static const char migration_19[] =
	"DROP INDEX tickets_window;"
	"CREATE INDEX tickets_window ON tickets(window, state, day);";

/* speed (issue 11): migration 20 is a C step (store-unlist.c): the CHECK constraints' IN lists,
 * which cost a temporary b-tree on every write, written as ORs. */
static const char migration_20[] = "";

/* Migration 14 is the report's per-day rollups and the triggers that keep them, 18 the same
 * triggers written shorter (store-rollup.c). */
static const char *const migrations[] = { migration_1, migration_2, migration_3, migration_4,
	migration_5, migration_6, migration_7, migration_8, migration_9, migration_10, migration_11,
	migration_12, migration_13, store_rollup_migration, migration_15,
	migration_16, migration_17, store_rollup_shorter, migration_19, migration_20 };

/* C steps run right after the SQL of the migration that brings the database to `version`. */
static const struct { int version; enum qd_status (*run)(struct store *); } migration_code[] = {
	{ 13, store_audit_start },
	{ 20, store_unlist_checks },
};

enum qd_status store_migration_code(struct store *st, int version)
{
	for (size_t i = 0; i < sizeof migration_code / sizeof migration_code[0]; i++)
		if (migration_code[i].version == version)
			return migration_code[i].run(st);
	return QD_OK;
}

const char *const *store_migrations(int *count)
{
	*count = (int)(sizeof migrations / sizeof migrations[0]);
	return migrations;
}
