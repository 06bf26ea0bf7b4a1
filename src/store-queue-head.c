/* store-queue-head.c - the first tickets a window calls, found with a few index seeks (migration
 * 16) however many tickets wait today: the first K (by queue position, then id) of each queue the
 * window serves, merged by the calling order that store_queue_list's SQL states (QUEUE_ORDER in
 * store-queue.c; tests/unit/test-queue-head.c checks that the two always agree). K is 1 for a
 * call, the rows on screen for a window console's list. How many wait for the window in all is
 * counted in the same indexes.
 *
 * Why each queue's first K are enough: every set below holds tickets of one priority class
 * (priority first or not), and all but one hold tickets that are all of one rank (the window's
 * own, or "also"). The exception is an "also" type's priority tickets, where those of a group the
 * window serves are its own: they are also in that group's set, and any other member ahead of such
 * a ticket outranks it too. So each of the window's first K tickets is among the first K of a set
 * it belongs to. */
#include <stdlib.h>
#include <string.h>
#include "store-queue.h"

struct head { long long id; double pos; int rank; };

/* The heads offered so far that are called first: at most cap, in calling order, each once. */
struct pick { struct head *h; size_t n, cap; };

/* 1 if a is called before b: lower rank, then queue position, then id. */
static int before(const struct head *a, const struct head *b)
{
	return a->rank != b->rank ? a->rank < b->rank : a->pos != b->pos ? a->pos < b->pos : a->id < b->id;
}

/* Keep cand in p if it is among the first p->cap (a ticket offered by two sets is kept once). */
static void keep(struct pick *p, const struct head *cand)
{
	for (size_t i = 0; i < p->n; i++) {
		if (p->h[i].id != cand->id)
			continue;
		if (!before(cand, &p->h[i]))
			return;
		memmove(&p->h[i], &p->h[i + 1], (p->n - i - 1) * sizeof *p->h);
		p->n--;
		break;
	}
	size_t i;
	if (p->n < p->cap)
		i = p->n++;
	else if (p->cap && before(cand, &p->h[p->cap - 1]))
		i = p->cap - 1;
	else
		return;
	for (; i > 0 && before(cand, &p->h[i - 1]); i--)
		p->h[i] = p->h[i - 1];
	p->h[i] = *cand;
}

/* 1 if the item is in the list ",A,B," (n bytes of item). */
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

/* Step s (bound by the caller; columns id, pos, priority) through its rows and offer each as a
 * head whose rank is given, or, when own < 0, found from its priority group. */
static enum qd_status offer(struct store *st, sqlite3_stmt *s, const struct store_queue_filter *f,
                            int with_priority, int own, struct pick *p)
{
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *g = (const char *)sqlite3_column_text(s, 2);
		struct head h = { sqlite3_column_int64(s, 0), sqlite3_column_double(s, 1),
		                  rank_of(f, with_priority, own >= 0 ? own : g && in_list(f->groups, g, strlen(g))) };
		keep(p, &h);
	}
	sqlite3_reset(s);
	return store_check(st, rc);
}

/* Step s (bound by the caller) to its count and add it to *total. */
static enum qd_status add_count(struct store *st, sqlite3_stmt *s, long long *total)
{
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*total += sqlite3_column_int64(s, 0);
		rc = SQLITE_DONE;
	}
	sqlite3_reset(s);
	return store_check(st, rc);
}

/* Each set below comes in two forms: its first p->cap tickets offered to the pick p (ctx), or its
 * size added to a count (ctx a long long *, p NULL). */

/* Queue type (n bytes), with and without priority. An "also" type's priority tickets are the
 * window's own if their group is one it serves (own -1: offer decides). Counted whole. */
static enum qd_status type_set(struct store *st, const char *day, const char *type, size_t n,
                               const struct store_queue_filter *f, struct pick *p, long long *total)
{
	if (!p) {
		sqlite3_stmt *s = store_stmt(st,
			"SELECT count(*) FROM tickets WHERE day = ?1 AND state = 'waiting'"
			" AND target_window IS NULL AND upper(coalesce(queue_type, type)) = ?2");
		if (!s)
			return QD_ERR_DB;
		sqlite3_bind_text(s, 1, day, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(s, 2, type, (int)n, SQLITE_TRANSIENT);
		return add_count(st, s, total);
	}
	sqlite3_stmt *s = store_stmt(st,
		"SELECT id, pos, priority FROM tickets WHERE day = ?1 AND state = 'waiting'"
		" AND target_window IS NULL AND upper(coalesce(queue_type, type)) = ?2"
		" AND (priority IS NOT NULL) = ?3 ORDER BY pos, id LIMIT ?4");
	if (!s)
		return QD_ERR_DB;
	int own = in_list(f->types, type, n);
	enum qd_status r = QD_OK;
	for (int pr = 0; pr <= 1 && r == QD_OK; pr++) {
		sqlite3_bind_text(s, 1, day, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(s, 2, type, (int)n, SQLITE_TRANSIENT);
		sqlite3_bind_int(s, 3, pr);
		sqlite3_bind_int64(s, 4, (long long)p->cap);
		r = offer(st, s, f, pr, own ? 1 : pr ? -1 : 0, p);
	}
	return r;
}

/* Priority group g (n bytes), whatever its type: all the window's own. Counted without the
 * tickets of the window's types, which their type's set counts. */
static enum qd_status group_set(struct store *st, const char *day, const char *g, size_t n,
                                const struct store_queue_filter *f, struct pick *p, long long *total)
{
	sqlite3_stmt *s = store_stmt(st, p ?
		"SELECT id, pos, priority FROM tickets WHERE day = ?1 AND state = 'waiting'"
		" AND target_window IS NULL AND priority = ?2 ORDER BY pos, id LIMIT ?3" :
		"SELECT count(*) FROM tickets WHERE day = ?1 AND state = 'waiting'"
		" AND target_window IS NULL AND priority = ?2"
		" AND instr(?3, ',' || upper(coalesce(queue_type, type)) || ',') = 0"
		" AND instr(?4, ',' || upper(coalesce(queue_type, type)) || ',') = 0");
	if (!s)
		return QD_ERR_DB;
	sqlite3_bind_text(s, 1, day, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 2, g, (int)n, SQLITE_TRANSIENT);
	if (p) {
		sqlite3_bind_int64(s, 3, (long long)p->cap);
		return offer(st, s, f, 1, 1, p);
	}
	sqlite3_bind_text(s, 3, f->types, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 4, f->also, -1, SQLITE_TRANSIENT);
	return add_count(st, s, total);
}

/* The tickets sent to this window, with and without priority: all its own. */
static enum qd_status sent_set(struct store *st, const char *day, const struct store_queue_filter *f,
                               struct pick *p, long long *total)
{
	sqlite3_stmt *s = store_stmt(st, p ?
		"SELECT id, pos, priority FROM tickets WHERE day = ?1 AND state = 'waiting'"
		" AND target_window = ?2 AND (priority IS NOT NULL) = ?3 ORDER BY pos, id LIMIT ?4" :
		"SELECT count(*) FROM tickets WHERE day = ?1 AND state = 'waiting' AND target_window = ?2");
	if (!s)
		return QD_ERR_DB;
	sqlite3_bind_text(s, 1, day, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(s, 2, f->window);
	if (!p)
		return add_count(st, s, total);
	enum qd_status r = QD_OK;
	for (int pr = 0; pr <= 1 && r == QD_OK; pr++) {
		sqlite3_bind_int(s, 3, pr);
		sqlite3_bind_int64(s, 4, (long long)p->cap);
		r = offer(st, s, f, pr, 1, p);
	}
	return r;
}

/* Every set f's window serves, each through type_set, group_set or sent_set: into p, or (p NULL)
 * counted into *total. */
static enum qd_status each_set(struct store *st, const char *day, const struct store_queue_filter *f,
                               struct pick *p, long long *total)
{
	enum qd_status r = sent_set(st, day, f, p, total);
	const char *lists[] = { f->types, f->also, f->groups };
	for (int l = 0; l < 3; l++)
		for (const char *i = lists[l]; r == QD_OK && *i; ) {
			size_t n = strcspn(i, ",");
			if (n && !(l == 1 && in_list(f->types, i, n)))
				r = (l < 2 ? type_set : group_set)(st, day, i, n, f, p, total);
			i += n + (i[n] == ',');
		}
	return r;
}

enum qd_status store_queue_next(struct store *st, const char *day, const struct store_queue_filter *f,
                                long long *id)
{
	struct head best;
	struct pick p = { &best, 0, 1 };
	enum qd_status r = each_set(st, day, f, &p, NULL);
	if (r != QD_OK)
		return r;
	*id = p.n ? best.id : 0;
	return p.n ? QD_OK : QD_ERR_EMPTY;
}

enum qd_status store_queue_top(struct store *st, const char *day, const struct store_queue_filter *f,
                               size_t limit, struct ticket **out, size_t *n, size_t *total)
{
	*out = NULL;
	*n = 0;
	*total = 0;
	struct pick p = { calloc(limit ? limit : 1, sizeof *p.h), 0, limit };
	if (!p.h)
		return QD_ERR_NOMEM;
	long long count = 0;
	enum qd_status r = each_set(st, day, f, &p, NULL);
	if (r == QD_OK)
		r = each_set(st, day, f, NULL, &count);
	struct ticket *list = r == QD_OK && p.n ? calloc(p.n, sizeof *list) : NULL;
	if (r == QD_OK && p.n && !list)
		r = QD_ERR_NOMEM;
	for (size_t i = 0; r == QD_OK && i < p.n; i++)
		r = store_queue_get(st, p.h[i].id, &list[i]);
	free(p.h);
	if (r != QD_OK) {
		free(list);
		return r;
	}
	*out = list;
	*n = p.n;
	*total = (size_t)count;
	return QD_OK;
}
