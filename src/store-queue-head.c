/* store-queue-head.c - which ticket a window calls next, found with a few index seeks (migration
 * 16) however many tickets wait today: the head (first by queue position, then id) of each queue
 * the window serves, then the best head by the calling order that store_queue_list's SQL states
 * (QUEUE_ORDER in store-queue.c; tests/unit/test-queue-head.c checks that the two always agree).
 *
 * Why the heads are enough: every set below holds tickets of one priority class (priority first or
 * not), and all but one hold tickets that are all of one rank (the window's own, or "also"). The
 * exception is an "also" type's priority tickets, where those of a group the window serves are its
 * own: they are also in that group's set, and any other member ahead of the best ticket would
 * outrank it. So the best ticket is the head of a set it belongs to. */
#include <string.h>
#include "store-queue.h"

struct head { long long id; double pos; int rank; };

/* Keep cand in *best if it is called first: lower rank, then queue position, then id. */
static void keep_best(struct head *best, const struct head *cand)
{
	if (!best->id || cand->rank < best->rank ||
	    (cand->rank == best->rank && (cand->pos < best->pos ||
	                                  (cand->pos == best->pos && cand->id < best->id))))
		*best = *cand;
}

/* 1 if item is in the list ",A,B," (n bytes of item). */
static int in_list(const char *list, const char *item, size_t n)
{
	for (const char *p = list; (p = strchr(p, ',')) && p[1]; p++)
		if (strncmp(p + 1, item, n) == 0 && p[1 + n] == ',')
			return 1;
	return 0;
}

/* The rank of a ticket with (or without) priority: priority class first, own before "also". */
static int rank_of(const struct store_queue_filter *f, int with_priority, int own)
{
	return (with_priority == f->priority_first ? 0 : 2) + (own ? 0 : 1);
}

/* Step s (bound by the caller; columns id, pos, priority) to its one row and offer it as a head
 * whose rank is given, or, when own < 0, found from its priority group. */
static enum qd_status offer(struct store *st, sqlite3_stmt *s, const struct store_queue_filter *f,
                            int with_priority, int own, struct head *best)
{
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		const char *g = (const char *)sqlite3_column_text(s, 2);
		if (own < 0)
			own = g && in_list(f->groups, g, strlen(g));
		struct head h = { sqlite3_column_int64(s, 0), sqlite3_column_double(s, 1),
		                  rank_of(f, with_priority, own) };
		keep_best(best, &h);
		rc = SQLITE_DONE;
	}
	sqlite3_reset(s);
	return store_check(st, rc);
}

/* The heads of queue type (n bytes) with and without priority. An "also" type's priority head is
 * the window's own if its group is one the window serves (own -1: offer decides). */
static enum qd_status type_heads(struct store *st, const char *day, const char *type, size_t n,
                                 const struct store_queue_filter *f, struct head *best)
{
	sqlite3_stmt *s = store_stmt(st,
		"SELECT id, pos, priority FROM tickets WHERE day = ?1 AND state = 'waiting'"
		" AND target_window IS NULL AND upper(coalesce(queue_type, type)) = ?2"
		" AND (priority IS NOT NULL) = ?3 ORDER BY pos, id LIMIT 1");
	if (!s)
		return QD_ERR_DB;
	int own = in_list(f->types, type, n);
	enum qd_status r = QD_OK;
	for (int p = 0; p <= 1 && r == QD_OK; p++) {
		sqlite3_bind_text(s, 1, day, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(s, 2, type, (int)n, SQLITE_TRANSIENT);
		sqlite3_bind_int(s, 3, p);
		r = offer(st, s, f, p, own ? 1 : p ? -1 : 0, best);
	}
	return r;
}

/* The head of priority group g (n bytes), whatever its type: all the window's own. */
static enum qd_status group_head(struct store *st, const char *day, const char *g, size_t n,
                                 const struct store_queue_filter *f, struct head *best)
{
	sqlite3_stmt *s = store_stmt(st,
		"SELECT id, pos, priority FROM tickets WHERE day = ?1 AND state = 'waiting'"
		" AND target_window IS NULL AND priority = ?2 ORDER BY pos, id LIMIT 1");
	if (!s)
		return QD_ERR_DB;
	sqlite3_bind_text(s, 1, day, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 2, g, (int)n, SQLITE_TRANSIENT);
	return offer(st, s, f, 1, 1, best);
}

/* The heads of the tickets sent to this window, with and without priority: all its own. */
static enum qd_status sent_heads(struct store *st, const char *day,
                                 const struct store_queue_filter *f, struct head *best)
{
	sqlite3_stmt *s = store_stmt(st,
		"SELECT id, pos, priority FROM tickets WHERE day = ?1 AND state = 'waiting'"
		" AND target_window = ?2 AND (priority IS NOT NULL) = ?3 ORDER BY pos, id LIMIT 1");
	if (!s)
		return QD_ERR_DB;
	enum qd_status r = QD_OK;
	for (int p = 0; p <= 1 && r == QD_OK; p++) {
		sqlite3_bind_text(s, 1, day, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int(s, 2, f->window);
		sqlite3_bind_int(s, 3, p);
		r = offer(st, s, f, p, 1, best);
	}
	return r;
}

/* Each item of list (",A,B,") through fn, skipping items of skip (may be NULL). */
static enum qd_status each_item(struct store *st, const char *day, const char *list, const char *skip,
                                const struct store_queue_filter *f, struct head *best,
                                enum qd_status (*fn)(struct store *, const char *, const char *,
                                                     size_t, const struct store_queue_filter *,
                                                     struct head *))
{
	enum qd_status r = QD_OK;
	for (const char *p = list; r == QD_OK && *p; ) {
		size_t n = strcspn(p, ",");
		if (n && !(skip && in_list(skip, p, n)))
			r = fn(st, day, p, n, f, best);
		p += n + (p[n] == ',');
	}
	return r;
}

enum qd_status store_queue_next(struct store *st, const char *day, const struct store_queue_filter *f,
                                long long *id)
{
	struct head best = { 0, 0, 0 };
	enum qd_status r = sent_heads(st, day, f, &best);
	if (r == QD_OK)
		r = each_item(st, day, f->types, NULL, f, &best, type_heads);
	if (r == QD_OK)
		r = each_item(st, day, f->also, f->types, f, &best, type_heads);
	if (r == QD_OK)
		r = each_item(st, day, f->groups, NULL, f, &best, group_head);
	if (r != QD_OK)
		return r;
	*id = best.id;
	return best.id ? QD_OK : QD_ERR_EMPTY;
}
