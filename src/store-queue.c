/* store-queue.c - the SQL of the ticket queue: tickets, windows, sessions and pauses rows, and the
 * one-statement claim of the next ticket. The rules that choose what to run live in queue.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "store-internal.h"
#include "store-log.h"
#include "store-queue.h"

#define TICKET_COLS \
	"t.id, t.day, t.type, t.seq, t.number, coalesce(t.priority, ''), t.state, t.issued_at," \
	" coalesce(t.called_at, 0), coalesce(t.finished_at, 0), coalesce(t.window, 0)," \
	" coalesce(t.target_window, 0), coalesce(t.staff, ''), t.calls, t.requeues," \
	" coalesce(t.id_masked, ''), coalesce(t.phone_masked, ''), coalesce(t.note, '')," \
	" coalesce(t.queue_type, t.type)"

/* Parameters shared by the claim and the window's waiting list: ?1 day, ?2 window, ?3 types,
 * ?4 also types, ?5 groups, ?6 priority first. A ticket sent to a window waits for it alone. */
#define QUEUE_OWN \
	"(t.target_window = ?2 OR (t.target_window IS NULL AND" \
	" (instr(?3, ',' || upper(coalesce(t.queue_type, t.type)) || ',') > 0" \
	"  OR (t.priority IS NOT NULL AND instr(?5, ',' || t.priority || ',') > 0))))"
#define QUEUE_ELIGIBLE \
	" t.day = ?1 AND t.state = 'waiting' AND (" QUEUE_OWN " OR (t.target_window IS NULL" \
	" AND instr(?4, ',' || upper(coalesce(t.queue_type, t.type)) || ',') > 0))"
/* Priority groups first (others first once the cap is reached), then own types and tickets sent
 * here before "also" types, then queue position, then id. */
#define QUEUE_ORDER \
	" ORDER BY CASE WHEN (t.priority IS NOT NULL) = ?6 THEN 0 ELSE 1 END," \
	" CASE WHEN " QUEUE_OWN " THEN 0 ELSE 1 END, t.pos, t.id"

static void copy_col(char *dst, size_t n, sqlite3_stmt *s, int col)
{
	const unsigned char *v = sqlite3_column_text(s, col);
	snprintf(dst, n, "%s", v ? (const char *)v : "");
}

/* Fill t from a row of TICKET_COLS starting at column 0. */
static void ticket_from_row(sqlite3_stmt *s, struct ticket *t)
{
	memset(t, 0, sizeof *t);
	t->id = sqlite3_column_int64(s, 0);
	copy_col(t->day, sizeof t->day, s, 1);
	copy_col(t->type, sizeof t->type, s, 2);
	t->seq = sqlite3_column_int(s, 3);
	copy_col(t->number, sizeof t->number, s, 4);
	copy_col(t->priority, sizeof t->priority, s, 5);
	copy_col(t->state, sizeof t->state, s, 6);
	t->issued_at = sqlite3_column_int64(s, 7);
	t->called_at = sqlite3_column_int64(s, 8);
	t->finished_at = sqlite3_column_int64(s, 9);
	t->window = sqlite3_column_int(s, 10);
	t->target_window = sqlite3_column_int(s, 11);
	copy_col(t->staff, sizeof t->staff, s, 12);
	t->calls = sqlite3_column_int(s, 13);
	t->requeues = sqlite3_column_int(s, 14);
	copy_col(t->id_masked, sizeof t->id_masked, s, 15);
	copy_col(t->phone_masked, sizeof t->phone_masked, s, 16);
	copy_col(t->note, sizeof t->note, s, 17);
	copy_col(t->queue_type, sizeof t->queue_type, s, 18);
}

static void bind_text(sqlite3_stmt *s, int i, const char *v)
{
	sqlite3_bind_text(s, i, v, -1, SQLITE_TRANSIENT);
}

/* Step a statement expected to give at most one row of one integer column: *v stays unchanged if
 * there is no row. Steps to the end and resets. */
static enum qd_status step_int64(struct store *st, sqlite3_stmt *s, long long *v, int *found)
{
	int rc, got = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		if (!got++)
			*v = sqlite3_column_int64(s, 0);
	enum qd_status r = store_check(st, rc);
	sqlite3_reset(s);
	if (found)
		*found = got > 0;
	return r;
}

/* One ticket row (TICKET_COLS) or QD_ERR_NOT_FOUND. */
static enum qd_status step_ticket(struct store *st, sqlite3_stmt *s, struct ticket *out)
{
	int rc, got = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		if (!got++)
			ticket_from_row(s, out);
	enum qd_status r = store_check(st, rc);
	sqlite3_reset(s);
	return r != QD_OK ? r : got ? QD_OK : QD_ERR_NOT_FOUND;
}

/* A ticket row (TICKET_COLS, plus column 19 as the window when *with_window). */
static void fill_ticket(sqlite3_stmt *s, void *row, const void *with_window)
{
	struct ticket *t = row;
	ticket_from_row(s, t);
	if (*(const int *)with_window)
		t->window = sqlite3_column_int(s, 19);
}

static enum qd_status step_tickets(struct store *st, sqlite3_stmt *s, int with_window,
                                   struct ticket **out, size_t *n)
{
	void *rows;
	enum qd_status r = store_rows(st, s, sizeof **out, fill_ticket, &with_window, &rows, n);
	*out = rows;
	return r;
}

struct leftover { long long id; int window; char day[11]; };

static void fill_leftover(sqlite3_stmt *s, void *row, const void *unused)
{
	struct leftover *l = row;
	(void)unused;
	l->id = sqlite3_column_int64(s, 0);
	l->window = sqlite3_column_int(s, 1);
	copy_col(l->day, sizeof l->day, s, 2);
}

/* The tickets of days before ?1 in one state, up to ?2 of them (-1: all). One state at a time: an
 * IN list of states builds a temporary b-tree on every write, and a state bound as a parameter
 * recompiles the statement whenever it changes (SQLite matches it to the partial indexes). */
#define LEFTOVERS(state) \
	"SELECT id, window, day FROM tickets WHERE state = '" state "' AND day < ?1" \
	" ORDER BY day, pos LIMIT ?2"

/* Append to *left (*n rows) what sql (a LEFTOVERS) gives. */
static enum qd_status leftovers(struct store *st, const char *sql, const char *day, int limit,
                                struct leftover **left, size_t *n)
{
	sqlite3_stmt *s = store_stmt(st, sql);
	if (!s)
		return QD_ERR_DB;
	bind_text(s, 1, day);
	sqlite3_bind_int(s, 2, limit);
	void *rows;
	size_t got;
	enum qd_status r = store_rows(st, s, sizeof **left, fill_leftover, NULL, &rows, &got);
	if (r != QD_OK || got == 0) {
		free(rows);
		return r;
	}
	struct leftover *all = *n ? realloc(*left, (*n + got) * sizeof **left) : rows;
	if (!all) {
		free(rows);
		return QD_ERR_NOMEM;
	}
	if (*n) {
		memcpy(all + *n, rows, got * sizeof **left);
		free(rows);
	}
	*left = all;
	*n += got;
	return QD_OK;
}

enum qd_status store_queue_expire_before(struct store *st, const char *day, long long now, int limit,
                                        int *n)
{
	*n = 0;
	/* Each leftover ticket's "expire" event goes through the one event function (the audit chain
	 * depends on it). Called tickets first, then waiting ones, each in the index's order. */
	struct leftover *left = NULL;
	size_t nleft = 0;
	enum qd_status r = leftovers(st, LEFTOVERS("called"), day, limit, &left, &nleft);
	if (r == QD_OK && (limit < 0 || (int)nleft < limit))
		r = leftovers(st, LEFTOVERS("waiting"), day, limit < 0 ? -1 : limit - (int)nleft, &left, &nleft);
	sqlite3_stmt *s;
	if (r == QD_OK && nleft > 0 && (s = store_stmt(st,
		"UPDATE windows SET state = CASE WHEN state = 'serving' THEN 'idle' ELSE state END,"
		" current_ticket = NULL, since = ?2 WHERE current_ticket IN"
		" (SELECT id FROM tickets WHERE state IN ('waiting', 'called') AND day < ?1)"))) {
		bind_text(s, 1, day);
		sqlite3_bind_int64(s, 2, now);
		r = store_exec(st, s);
	} else if (r == QD_OK && nleft > 0) {
		r = QD_ERR_DB;
	}
	for (size_t i = 0; r == QD_OK && i < nleft; i++) {
		r = store_event_add(st, now, "expire", left[i].id, left[i].window, NULL, left[i].day);
		if (r == QD_OK && !(s = store_stmt(st,
			"UPDATE tickets SET state = 'expired', finished_at = ?2 WHERE id = ?1")))
			r = QD_ERR_DB;
		if (r == QD_OK) {
			sqlite3_bind_int64(s, 1, left[i].id);
			sqlite3_bind_int64(s, 2, now);
			r = store_exec(st, s);
		}
	}
	free(left);
	*n = r == QD_OK ? (int)nleft : 0;
	return r;
}

/* A sessions or pauses row: id, window, staff, started_at. */
static void fill_open(sqlite3_stmt *s, void *row, const void *unused)
{
	struct store_queue_open *o = row;
	(void)unused;
	o->id = sqlite3_column_int64(s, 0);
	o->window = sqlite3_column_int(s, 1);
	copy_col(o->staff, sizeof o->staff, s, 2);
	o->started_at = sqlite3_column_int64(s, 3);
}

enum qd_status store_queue_open_before(struct store *st, int pauses, long long before,
                                       struct store_queue_open **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *s = store_stmt(st, pauses
		? "SELECT id, window, coalesce(staff, ''), started_at FROM pauses"
		  " WHERE ended_at IS NULL AND started_at < ?1 ORDER BY started_at, id"
		: "SELECT id, window, staff, started_at FROM sessions"
		  " WHERE ended_at IS NULL AND started_at < ?1 ORDER BY started_at, id");
	if (!s)
		return QD_ERR_DB;
	sqlite3_bind_int64(s, 1, before);
	void *rows;
	enum qd_status r = store_rows(st, s, sizeof **out, fill_open, NULL, &rows, n);
	*out = rows;
	return r;
}

enum qd_status store_queue_close_row(struct store *st, int pauses, long long id, long long ended_at)
{
	sqlite3_stmt *s = store_stmt(st, pauses ? "UPDATE pauses SET ended_at = ?2 WHERE id = ?1"
	                                        : "UPDATE sessions SET ended_at = ?2 WHERE id = ?1");
	if (!s)
		return QD_ERR_DB;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int64(s, 2, ended_at);
	return store_exec(st, s);
}

enum qd_status store_queue_last_event(struct store *st, int w, const char *staff, long long from,
                                      long long before, long long *at)
{
	sqlite3_stmt *s = store_stmt(st,
		"SELECT at FROM events WHERE window = ?1 AND at >= ?3 AND at < ?4"
		" AND (?2 IS NULL OR staff = ?2) ORDER BY at DESC LIMIT 1");
	if (!s)
		return QD_ERR_DB;
	sqlite3_bind_int(s, 1, w);
	store_bind_opt_text(s, 2, staff);
	sqlite3_bind_int64(s, 3, from);
	sqlite3_bind_int64(s, 4, before);
	*at = 0;
	return step_int64(st, s, at, NULL);
}

#define STALE_WINDOWS " WHERE state <> 'closed' AND coalesce(since, 0) < ?1"

enum qd_status store_queue_close_windows_before(struct store *st, long long before, long long now)
{
	/* Looked for first: every write runs this, and a write statement that changes nothing would
	 * still be the body's first write, where store_write's rehearsal stops. */
	long long stale;
	enum qd_status r = store_int(st, "SELECT count(*) FROM windows" STALE_WINDOWS, &stale, "i", before);
	if (r != QD_OK || stale == 0)
		return r;
	sqlite3_stmt *s = store_stmt(st,
		"UPDATE windows SET state = 'closed', staff = NULL, pause_reason = NULL,"
		" current_ticket = NULL, priority_streak = 0, since = ?2" STALE_WINDOWS);
	if (!s)
		return QD_ERR_DB;
	sqlite3_bind_int64(s, 1, before);
	sqlite3_bind_int64(s, 2, now);
	return store_exec(st, s);
}

enum qd_status store_queue_day_count(struct store *st, const char *day, int *n)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT count(*) FROM tickets WHERE day = ?1");
	if (!s)
		return QD_ERR_DB;
	bind_text(s, 1, day);
	long long v = 0;
	enum qd_status r = step_int64(st, s, &v, NULL);
	*n = (int)v;
	return r;
}

enum qd_status store_queue_type_count(struct store *st, const char *day, const char *type,
                                      int *count, int *max_seq)
{
	sqlite3_stmt *s = store_stmt(st,
		"SELECT count(*), coalesce(max(seq), 0) FROM tickets WHERE day = ?1 AND type = ?2");
	if (!s)
		return QD_ERR_DB;
	bind_text(s, 1, day);
	bind_text(s, 2, type);
	int rc;
	*count = *max_seq = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		*count = sqlite3_column_int(s, 0);
		*max_seq = sqlite3_column_int(s, 1);
	}
	enum qd_status r = store_check(st, rc);
	sqlite3_reset(s);
	return r;
}

enum qd_status store_queue_next_pos(struct store *st, const char *day, double *pos)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT coalesce(max(pos), 0) + 1 FROM tickets WHERE day = ?1");
	if (!s)
		return QD_ERR_DB;
	bind_text(s, 1, day);
	int rc;
	*pos = 1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		*pos = sqlite3_column_double(s, 0);
	enum qd_status r = store_check(st, rc);
	sqlite3_reset(s);
	return r;
}

enum qd_status store_queue_requeue_pos(struct store *st, const char *day, const char *queue_type,
                                       int k, double *pos)
{
	/* Rows k and k + 1 of the type's waiting queue (1-based): the new place lies between them. */
	sqlite3_stmt *s = store_stmt(st,
		"SELECT pos FROM tickets WHERE day = ?1 AND state = 'waiting'"
		" AND coalesce(queue_type, type) = ?2 ORDER BY pos, id LIMIT 2 OFFSET ?3");
	if (!s)
		return QD_ERR_DB;
	bind_text(s, 1, day);
	bind_text(s, 2, queue_type);
	sqlite3_bind_int(s, 3, k > 0 ? k - 1 : 0);
	double p[2];
	int rc, got = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		if (got < 2)
			p[got++] = sqlite3_column_double(s, 0);
	enum qd_status r = store_check(st, rc);
	sqlite3_reset(s);
	if (r != QD_OK)
		return r;
	if (k <= 0 && got > 0)
		*pos = p[0] - 1;            /* in front of everyone of its type */
	else if (k > 0 && got == 2)
		*pos = (p[0] + p[1]) / 2;
	else
		return store_queue_next_pos(st, day, pos);
	return QD_OK;
}

enum qd_status store_queue_insert(struct store *st, struct ticket *t, double pos, int age,
                                  const char *issued_by)
{
	sqlite3_stmt *s = store_stmt(st,
		"INSERT INTO tickets (day, type, queue_type, seq, number, priority, state, pos, issued_at,"
		" id_masked, phone_masked, age, note, issued_by)"
		" VALUES (?1, ?2, ?2, ?3, ?4, ?5, 'waiting', ?6, ?7, ?8, ?9, ?10, ?11, ?12) RETURNING id");
	if (!s)
		return QD_ERR_DB;
	bind_text(s, 1, t->day);
	bind_text(s, 2, t->type);
	sqlite3_bind_int(s, 3, t->seq);
	bind_text(s, 4, t->number);
	store_bind_opt_text(s, 5, t->priority);
	sqlite3_bind_double(s, 6, pos);
	sqlite3_bind_int64(s, 7, t->issued_at);
	store_bind_opt_text(s, 8, t->id_masked);
	store_bind_opt_text(s, 9, t->phone_masked);
	if (age >= 0)
		sqlite3_bind_int(s, 10, age);
	store_bind_opt_text(s, 11, t->note);
	store_bind_opt_text(s, 12, issued_by);
	return step_int64(st, s, &t->id, NULL);
}

enum qd_status store_queue_request(struct store *st, const char *key, long long ticket_id,
                                   long long *found_id)
{
	sqlite3_stmt *s = store_stmt(st, ticket_id
		? "UPDATE tickets SET request_id = ?1 WHERE id = ?2"
		: "SELECT id FROM tickets WHERE request_id = ?1");
	if (!s)
		return QD_ERR_DB;
	bind_text(s, 1, key);
	if (ticket_id) {
		sqlite3_bind_int64(s, 2, ticket_id);
		return store_exec(st, s);
	}
	*found_id = 0;
	return step_int64(st, s, found_id, NULL);
}

enum qd_status store_queue_get(struct store *st, long long id, struct ticket *out)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT " TICKET_COLS " FROM tickets t WHERE t.id = ?1");
	if (!s)
		return QD_ERR_DB;
	sqlite3_bind_int64(s, 1, id);
	return step_ticket(st, s, out);
}

enum qd_status store_queue_by_number(struct store *st, const char *day, const char *number,
                                     struct ticket *out)
{
	sqlite3_stmt *s = store_stmt(st,
		"SELECT " TICKET_COLS " FROM tickets t WHERE t.day = ?1 AND t.number = upper(?2)"
		" ORDER BY t.id DESC LIMIT 1");
	if (!s)
		return QD_ERR_DB;
	bind_text(s, 1, day);
	bind_text(s, 2, number);
	return step_ticket(st, s, out);
}

enum qd_status store_queue_by_number_before(struct store *st, const char *day, const char *number,
                                            struct ticket *out)
{
	sqlite3_stmt *s = store_stmt(st,
		"SELECT " TICKET_COLS " FROM tickets t WHERE t.number = upper(?2) AND t.day < ?1"
		" ORDER BY t.day DESC, t.id DESC LIMIT 1");
	if (!s)
		return QD_ERR_DB;
	bind_text(s, 1, day);
	bind_text(s, 2, number);
	return step_ticket(st, s, out);
}

/* Ahead of me in my queue: priority before none, then queue position, then id. */
#define AHEAD_OF_ME \
	" AND t.day = me.day AND t.state = 'waiting' AND t.id <> me.id" \
	" AND (t.priority IS NOT NULL) >= (me.priority IS NOT NULL)" \
	" AND ((t.priority IS NOT NULL) > (me.priority IS NOT NULL)" \
	"  OR t.pos < me.pos OR (t.pos = me.pos AND t.id < me.id))"

/* Counted in the waiting indexes (migration 16): one queue's range, not every ticket of the day. */
enum qd_status store_queue_ahead(struct store *st, long long id, int *n)
{
	long long v;
	enum qd_status r = store_int(st,
		"SELECT (SELECT count(*) FROM tickets t WHERE me.target_window IS NULL"
		"  AND t.target_window IS NULL"
		"  AND upper(coalesce(t.queue_type, t.type)) = upper(coalesce(me.queue_type, me.type))"
		AHEAD_OF_ME ")"
		" + (SELECT count(*) FROM tickets t WHERE t.target_window = me.target_window"
		"  AND coalesce(t.queue_type, t.type) = coalesce(me.queue_type, me.type)" AHEAD_OF_ME ")"
		" FROM tickets me WHERE me.id = ?1", &v, "i", id);
	*n = (int)v;
	return r;
}

static void bind_filter(sqlite3_stmt *s, const char *day, const struct store_queue_filter *f)
{
	bind_text(s, 1, day);
	sqlite3_bind_int(s, 2, f->window);
	bind_text(s, 3, f->types);
	bind_text(s, 4, f->also);
	bind_text(s, 5, f->groups);
	sqlite3_bind_int(s, 6, f->priority_first ? 1 : 0);
}

enum qd_status store_queue_claim_next(struct store *st, const char *day,
                                      const struct store_queue_filter *f, const char *staff,
                                      long long now, long long *id)
{
	enum qd_status r = store_queue_next(st, day, f, id);
	return r != QD_OK ? r : store_queue_claim_id(st, *id, f->window, staff, now);
}

enum qd_status store_queue_claim_id(struct store *st, long long id, int window, const char *staff,
                                    long long now)
{
	sqlite3_stmt *s = store_stmt(st,
		"UPDATE tickets SET state = 'called', window = ?2, staff = ?3, called_at = ?4,"
		" calls = calls + 1 WHERE id = ?1 AND state = 'waiting'");
	if (!s)
		return QD_ERR_DB;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int(s, 2, window);
	bind_text(s, 3, staff);
	sqlite3_bind_int64(s, 4, now);
	/* counted, not RETURNING: RETURNING keeps its rows in a temporary b-tree */
	enum qd_status r = store_exec(st, s);
	return r != QD_OK ? r : sqlite3_changes(store_handle(st)) == 1 ? QD_OK : QD_ERR_NOT_WAITING;
}

enum qd_status store_queue_set_state(struct store *st, long long id, const char *state,
                                     long long finished_at, const char *staff)
{
	sqlite3_stmt *s = store_stmt(st,
		"UPDATE tickets SET state = ?2, finished_at = ?3, staff = coalesce(?4, staff) WHERE id = ?1");
	if (!s)
		return QD_ERR_DB;
	sqlite3_bind_int64(s, 1, id);
	bind_text(s, 2, state);
	if (finished_at)
		sqlite3_bind_int64(s, 3, finished_at);
	store_bind_opt_text(s, 4, staff);
	return store_exec(st, s);
}

enum qd_status store_queue_reopen(struct store *st, long long id, int window)
{
	sqlite3_stmt *s = store_stmt(st,
		"UPDATE tickets SET state = 'called', finished_at = NULL, window = ?2 WHERE id = ?1");
	if (!s)
		return QD_ERR_DB;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int(s, 2, window);
	return store_exec(st, s);
}

enum qd_status store_queue_add_call(struct store *st, long long id)
{
	sqlite3_stmt *s = store_stmt(st, "UPDATE tickets SET calls = calls + 1 WHERE id = ?1");
	if (!s)
		return QD_ERR_DB;
	sqlite3_bind_int64(s, 1, id);
	return store_exec(st, s);
}

enum qd_status store_queue_rewait(struct store *st, long long id, const char *queue_type,
                                  int target_window, const double *pos, int requeue)
{
	sqlite3_stmt *s = store_stmt(st,
		"UPDATE tickets SET state = 'waiting', queue_type = coalesce(?2, queue_type, type),"
		" target_window = ?3, pos = coalesce(?4, pos), window = NULL, staff = NULL, called_at = NULL,"
		" finished_at = NULL, calls = 0, requeues = requeues + ?5 WHERE id = ?1");
	if (!s)
		return QD_ERR_DB;
	sqlite3_bind_int64(s, 1, id);
	store_bind_opt_text(s, 2, queue_type);
	if (target_window > 0)
		sqlite3_bind_int(s, 3, target_window);
	if (pos)
		sqlite3_bind_double(s, 4, *pos);
	sqlite3_bind_int(s, 5, requeue ? 1 : 0);
	return store_exec(st, s);
}

enum qd_status store_queue_list(struct store *st, const char *day, const struct store_queue_filter *f,
                                struct ticket **out, size_t *n)
{
	sqlite3_stmt *s;
	if (f) {
		s = store_stmt(st, "SELECT " TICKET_COLS " FROM tickets t WHERE" QUEUE_ELIGIBLE QUEUE_ORDER);
		if (!s)
			return QD_ERR_DB;
		bind_filter(s, day, f);
	} else {
		s = store_stmt(st, "SELECT " TICKET_COLS " FROM tickets t"
		                   " WHERE t.day = ?1 AND t.state = 'waiting' ORDER BY t.pos, t.id");
		if (!s)
			return QD_ERR_DB;
		bind_text(s, 1, day);
	}
	return step_tickets(st, s, 0, out, n);
}

enum qd_status store_queue_count_ended(struct store *st, const char *day, int window,
                                       const char *state, int *n)
{
	sqlite3_stmt *s = store_stmt(st,
		"SELECT count(*) FROM tickets WHERE window = ?2 AND state = ?3 AND day = ?1");
	if (!s)
		return QD_ERR_DB;
	bind_text(s, 1, day);
	sqlite3_bind_int(s, 2, window);
	bind_text(s, 3, state);
	long long v = 0;
	enum qd_status r = step_int64(st, s, &v, NULL);
	*n = (int)v;
	return r;
}

enum qd_status store_queue_staff_day(struct store *st, const char *day, const char *staff,
                                     struct staff_today *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *s = store_stmt(st,
		"SELECT (SELECT count(*) FROM events WHERE day = ?1 AND staff = ?2 AND kind = 'call'),"
		" (SELECT count(*) FROM tickets WHERE day = ?1 AND staff = ?2 AND state = 'served'),"
		" (SELECT count(*) FROM tickets WHERE day = ?1 AND staff = ?2 AND state = 'noshow'),"
		" (SELECT count(*) FROM cases WHERE day = ?1 AND staff = ?2 AND voided = 0)");
	if (!s)
		return QD_ERR_DB;
	bind_text(s, 1, day);
	bind_text(s, 2, staff);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		out->called = sqlite3_column_int(s, 0);
		out->served = sqlite3_column_int(s, 1);
		out->noshow = sqlite3_column_int(s, 2);
		out->cases = sqlite3_column_int(s, 3);
	}
	enum qd_status r = store_check(st, rc);
	sqlite3_reset(s);
	return r;
}

enum qd_status store_queue_window_get(struct store *st, int w, struct store_queue_window *out)
{
	memset(out, 0, sizeof *out);
	strcpy(out->state, "closed");
	sqlite3_stmt *s = store_stmt(st,
		"SELECT state, coalesce(staff, ''), coalesce(pause_reason, ''), coalesce(since, 0),"
		" coalesce(current_ticket, 0), priority_streak, coalesce(last_kind, ''),"
		" coalesce(last_ticket, 0), coalesce(last_at, 0) FROM windows WHERE number = ?1");
	if (!s)
		return QD_ERR_DB;
	sqlite3_bind_int(s, 1, w);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		copy_col(out->state, sizeof out->state, s, 0);
		copy_col(out->staff, sizeof out->staff, s, 1);
		copy_col(out->pause_reason, sizeof out->pause_reason, s, 2);
		out->since = sqlite3_column_int64(s, 3);
		out->current = sqlite3_column_int64(s, 4);
		out->streak = sqlite3_column_int(s, 5);
		copy_col(out->last_kind, sizeof out->last_kind, s, 6);
		out->last_ticket = sqlite3_column_int64(s, 7);
		out->last_at = sqlite3_column_int64(s, 8);
	}
	enum qd_status r = store_check(st, rc);
	sqlite3_reset(s);
	return r;
}

enum qd_status store_queue_window_put(struct store *st, int w, const struct store_queue_window *in)
{
	sqlite3_stmt *s = store_stmt(st,
		"INSERT INTO windows (number, state, staff, pause_reason, since, current_ticket,"
		" priority_streak, last_kind, last_ticket, last_at)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"
		" ON CONFLICT (number) DO UPDATE SET state = excluded.state, staff = excluded.staff,"
		" pause_reason = excluded.pause_reason, since = excluded.since,"
		" current_ticket = excluded.current_ticket, priority_streak = excluded.priority_streak,"
		" last_kind = excluded.last_kind, last_ticket = excluded.last_ticket,"
		" last_at = excluded.last_at");
	if (!s)
		return QD_ERR_DB;
	sqlite3_bind_int(s, 1, w);
	bind_text(s, 2, in->state);
	store_bind_opt_text(s, 3, in->staff);
	store_bind_opt_text(s, 4, in->pause_reason);
	if (in->since)
		sqlite3_bind_int64(s, 5, in->since);
	if (in->current)
		sqlite3_bind_int64(s, 6, in->current);
	sqlite3_bind_int(s, 7, in->streak);
	store_bind_opt_text(s, 8, in->last_kind);
	if (in->last_ticket)
		sqlite3_bind_int64(s, 9, in->last_ticket);
	if (in->last_at)
		sqlite3_bind_int64(s, 10, in->last_at);
	return store_exec(st, s);
}

/* Run a statement whose parameters are ?1 window and ?2 time. */
static enum qd_status exec_window_at(struct store *st, const char *sql, int w, long long now)
{
	sqlite3_stmt *s = store_stmt(st, sql);
	if (!s)
		return QD_ERR_DB;
	sqlite3_bind_int(s, 1, w);
	sqlite3_bind_int64(s, 2, now);
	return store_exec(st, s);
}

enum qd_status store_queue_session_open_staff(struct store *st, int w, char staff[32])
{
	staff[0] = '\0';
	sqlite3_stmt *s = store_stmt(st,
		"SELECT staff FROM sessions WHERE window = ?1 AND ended_at IS NULL ORDER BY id DESC LIMIT 1");
	if (!s)
		return QD_ERR_DB;
	sqlite3_bind_int(s, 1, w);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		copy_col(staff, 32, s, 0);
	enum qd_status r = store_check(st, rc);
	sqlite3_reset(s);
	return r;
}

enum qd_status store_queue_staff_window(struct store *st, const char *staff, int except, int *w)
{
	*w = 0;
	sqlite3_stmt *s = store_stmt(st,
		"SELECT window FROM sessions WHERE staff = ?1 AND ended_at IS NULL AND window IS NOT NULL"
		" AND window <> ?2 ORDER BY started_at DESC, id DESC LIMIT 1");   /* sessions_still_open */
	if (!s)
		return QD_ERR_DB;
	bind_text(s, 1, staff);
	sqlite3_bind_int(s, 2, except);
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		*w = sqlite3_column_int(s, 0);
	enum qd_status r = store_check(st, rc);
	sqlite3_reset(s);
	return r;
}

enum qd_status store_queue_session_start(struct store *st, int w, const char *staff, long long now)
{
	sqlite3_stmt *s = store_stmt(st,
		"INSERT INTO sessions (window, staff, started_at) VALUES (?1, ?2, ?3)");
	if (!s)
		return QD_ERR_DB;
	sqlite3_bind_int(s, 1, w);
	bind_text(s, 2, staff);
	sqlite3_bind_int64(s, 3, now);
	return store_exec(st, s);
}

enum qd_status store_queue_session_end(struct store *st, int w, long long now)
{
	return exec_window_at(st,
		"UPDATE sessions SET ended_at = ?2 WHERE window = ?1 AND ended_at IS NULL", w, now);
}

enum qd_status store_queue_pause_start(struct store *st, int w, const char *staff, const char *reason,
                                       long long now)
{
	sqlite3_stmt *s = store_stmt(st,
		"INSERT INTO pauses (window, staff, reason, started_at) VALUES (?1, ?2, ?3, ?4)");
	if (!s)
		return QD_ERR_DB;
	sqlite3_bind_int(s, 1, w);
	store_bind_opt_text(s, 2, staff);
	bind_text(s, 3, reason);
	sqlite3_bind_int64(s, 4, now);
	return store_exec(st, s);
}

enum qd_status store_queue_pause_end(struct store *st, int w, long long now)
{
	return exec_window_at(st,
		"UPDATE pauses SET ended_at = ?2 WHERE window = ?1 AND ended_at IS NULL", w, now);
}
