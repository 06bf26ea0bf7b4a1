/* store-lead-day.c - the SQL of the lead's drill-down: one window's, clerk's or type's rows of a
 * day, each list through the day indexes (pauses by their start), filtered by the chosen key. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "store-internal.h"
#include "store-log.h"
#include "store-lead-day.h"

/* A list being filled: the array, its count and its capacity, elements of size elem. */
struct grow {
	void **rows;
	size_t *n, cap, elem;
};

/* The next element of g, zeroed; NULL when out of memory. */
static void *grow_next(struct grow *g)
{
	if (*g->n == g->cap) {
		size_t cap = g->cap ? g->cap * 2 : 16;
		void *p = realloc(*g->rows, cap * g->elem);
		if (!p)
			return NULL;
		*g->rows = p;
		g->cap = cap;
	}
	void *e = (char *)*g->rows + (*g->n)++ * g->elem;
	memset(e, 0, g->elem);
	return e;
}

static int ticket_row(sqlite3_stmt *s, void *ctx)
{
	struct lead_day_ticket *t = grow_next(ctx);
	if (!t)
		return 1;
	t->id = sqlite3_column_int64(s, 0);
	store_col_text(s, 1, t->number, sizeof t->number);
	store_col_text(s, 2, t->type, sizeof t->type);
	store_col_text(s, 3, t->state, sizeof t->state);
	t->window = sqlite3_column_int(s, 4);
	store_col_text(s, 5, t->staff, sizeof t->staff);
	t->issued_at = sqlite3_column_int64(s, 6);
	t->called_at = sqlite3_column_int64(s, 7);
	t->finished_at = sqlite3_column_int64(s, 8);
	t->rating = sqlite3_column_int(s, 9);
	t->cases = sqlite3_column_int(s, 10);
	return 0;
}

static int case_row(sqlite3_stmt *s, void *ctx)
{
	struct lead_day_case *c = grow_next(ctx);
	if (!c)
		return 1;
	c->at = sqlite3_column_int64(s, 0);
	store_col_text(s, 1, c->number, sizeof c->number);
	store_col_text(s, 2, c->matter, sizeof c->matter);
	store_col_text(s, 3, c->outcome, sizeof c->outcome);
	store_col_text(s, 4, c->mode, sizeof c->mode);
	c->window = sqlite3_column_int(s, 5);
	store_col_text(s, 6, c->staff, sizeof c->staff);
	return 0;
}

static int rating_row(sqlite3_stmt *s, void *ctx)
{
	struct lead_day_rating *r = grow_next(ctx);
	if (!r)
		return 1;
	r->at = sqlite3_column_int64(s, 0);
	store_col_text(s, 1, r->number, sizeof r->number);
	r->level = sqlite3_column_int(s, 2);
	store_col_text(s, 3, r->reason, sizeof r->reason);
	r->window = sqlite3_column_int(s, 4);
	store_col_text(s, 5, r->staff, sizeof r->staff);
	return 0;
}

static int pause_row(sqlite3_stmt *s, void *ctx)
{
	struct lead_day_pause *p = grow_next(ctx);
	if (!p)
		return 1;
	p->window = sqlite3_column_int(s, 0);
	store_col_text(s, 1, p->staff, sizeof p->staff);
	store_col_text(s, 2, p->reason, sizeof p->reason);
	p->started_at = sqlite3_column_int64(s, 3);
	p->ended_at = sqlite3_column_int64(s, 4);
	return 0;
}

/* The filter of a kind on a table alias: x.window = ?2, x.staff = ?2, or the ticket's type. */
static void filter(enum lead_day_kind k, const char *alias, const char *ticket, char *out, size_t len)
{
	if (k == LEAD_DAY_WINDOW)
		snprintf(out, len, "%s.window = CAST(?2 AS INTEGER)", alias);
	else if (k == LEAD_DAY_STAFF)
		snprintf(out, len, "%s.staff = ?2", alias);
	else
		snprintf(out, len, "%s.type = ?2", ticket);
}

enum qd_status store_lead_day(struct store *st, struct lead_day *d, long long start, long long end)
{
	char sql[1024], where[96];
	struct grow g = { (void **)&d->tickets, &d->ntickets, 0, sizeof *d->tickets };
	filter(d->kind, "t", "t", where, sizeof where);
	snprintf(sql, sizeof sql,
		"SELECT t.id, t.number, t.type, t.state, coalesce(t.window, 0), coalesce(t.staff, ''),"
		" t.issued_at, coalesce(t.called_at, 0), coalesce(t.finished_at, 0),"
		" (SELECT e.level FROM evaluations e WHERE e.ticket_id = t.id AND e.voided = 0),"
		" (SELECT count(*) FROM cases c WHERE c.ticket_id = t.id AND c.voided = 0)"
		" FROM tickets t WHERE t.day = ?1 AND %s ORDER BY t.issued_at, t.id", where);
	enum qd_status r = store_each(st, sql, ticket_row, &g, "tt", d->day, d->key);
	if (r != QD_OK)
		return r;
	g = (struct grow){ (void **)&d->cases, &d->ncases, 0, sizeof *d->cases };
	filter(d->kind, "c", "t", where, sizeof where);
	snprintf(sql, sizeof sql,
		"SELECT c.at, coalesce(t.number, ''), coalesce(c.matter, ''), c.outcome, coalesce(c.mode, ''),"
		" coalesce(c.window, 0), coalesce(c.staff, '')"
		" FROM cases c LEFT JOIN tickets t ON t.id = c.ticket_id"
		" WHERE c.day = ?1 AND c.voided = 0 AND %s ORDER BY c.at, c.id", where);
	if ((r = store_each(st, sql, case_row, &g, "tt", d->day, d->key)) != QD_OK)
		return r;
	g = (struct grow){ (void **)&d->ratings, &d->nratings, 0, sizeof *d->ratings };
	filter(d->kind, "e", "t", where, sizeof where);
	snprintf(sql, sizeof sql,
		"SELECT e.at, coalesce(t.number, ''), e.level, coalesce(e.reason, ''), coalesce(e.window, 0),"
		" coalesce(e.staff, '') FROM evaluations e LEFT JOIN tickets t ON t.id = e.ticket_id"
		" WHERE e.day = ?1 AND e.voided = 0 AND %s ORDER BY e.at, e.id", where);
	if ((r = store_each(st, sql, rating_row, &g, "tt", d->day, d->key)) != QD_OK || d->kind == LEAD_DAY_TYPE)
		return r;
	g = (struct grow){ (void **)&d->pauses, &d->npauses, 0, sizeof *d->pauses };
	filter(d->kind, "p", "p", where, sizeof where);
	snprintf(sql, sizeof sql,
		"SELECT p.window, coalesce(p.staff, ''), p.reason, p.started_at, coalesce(p.ended_at, 0)"
		" FROM pauses p WHERE p.started_at >= ?3 AND p.started_at < ?4 AND %s"
		" ORDER BY p.started_at, p.id", where);
	return store_each(st, sql, pause_row, &g, "ttii", d->day, d->key, start, end);
}
