/* store-problems.c - the SQL of 办不成事 problems: insert, fetch, resolve, list. */
#include <stdio.h>
#include "store-log.h"
#include "store-problems.h"

#define PROBLEM_COLS "id, day, at, window, staff, what, state, resolution, resolved_at," \
	" resolved_by, deadline"

static void fill_problem(sqlite3_stmt *s, void *row, const void *ctx)
{
	struct problem *p = row;
	(void)ctx;
	p->id = sqlite3_column_int64(s, 0);
	store_col_text(s, 1, p->day, sizeof p->day);
	p->at = sqlite3_column_int64(s, 2);
	p->window = sqlite3_column_int(s, 3);
	store_col_text(s, 4, p->staff, sizeof p->staff);
	store_col_text(s, 5, p->what, sizeof p->what);
	store_col_text(s, 6, p->state, sizeof p->state);
	store_col_text(s, 7, p->resolution, sizeof p->resolution);
	p->resolved_at = sqlite3_column_int64(s, 8);
	store_col_text(s, 9, p->resolved_by, sizeof p->resolved_by);
	store_col_text(s, 10, p->deadline, sizeof p->deadline);
	p->overdue = 0;
}

enum qd_status store_problems_insert(struct store *st, const char *day, long long at, int window,
                                     const char *staff, const char *what, const char *deadline,
                                     long long *id)
{
	sqlite3_stmt *s = store_stmt(st,
		"INSERT INTO problems (day, at, window, staff, what, deadline) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
	if (!s)
		return QD_ERR_DB;
	sqlite3_bind_text(s, 1, day, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(s, 2, at);
	if (window > 0)
		sqlite3_bind_int(s, 3, window);
	store_bind_opt_text(s, 4, staff);
	sqlite3_bind_text(s, 5, what, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 6, deadline, -1, SQLITE_TRANSIENT);
	enum qd_status r = store_exec(st, s);
	if (r == QD_OK)
		*id = sqlite3_last_insert_rowid(store_handle(st));
	return r;
}

enum qd_status store_problems_get(struct store *st, long long id, struct problem *out)
{
	return store_row_by_id(st, "SELECT " PROBLEM_COLS " FROM problems WHERE id = ?1", id, fill_problem, out);
}

enum qd_status store_problems_resolve(struct store *st, long long id, const char *resolution,
                                      long long at, const char *staff)
{
	sqlite3_stmt *s = store_stmt(st,
		"UPDATE problems SET state = 'solved', resolution = ?2, resolved_at = ?3, resolved_by = ?4"
		" WHERE id = ?1 AND state = 'open'");
	if (!s)
		return QD_ERR_DB;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_text(s, 2, resolution, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(s, 3, at);
	store_bind_opt_text(s, 4, staff);
	enum qd_status r = store_exec(st, s);
	if (r == QD_OK && sqlite3_changes(store_handle(st)) != 1)
		r = QD_ERR_ITEM_CLOSED;
	return r;
}

enum qd_status store_problems_list(struct store *st, const char *day, const char *today,
                                   struct problem **out, size_t *n)
{
	sqlite3_stmt *s = day
		? store_stmt(st, "SELECT " PROBLEM_COLS " FROM problems WHERE day = ?1 ORDER BY id")
		: store_stmt(st,
			"SELECT * FROM (SELECT " PROBLEM_COLS " FROM problems WHERE state = 'open'"
			"  ORDER BY deadline, id)"
			" UNION ALL SELECT * FROM (SELECT " PROBLEM_COLS " FROM problems"
			"  WHERE day = ?1 AND state = 'solved' ORDER BY id)");
	if (!s)
		return QD_ERR_DB;
	sqlite3_bind_text(s, 1, day ? day : today, -1, SQLITE_TRANSIENT);
	void *rows;
	enum qd_status r = store_rows(st, s, sizeof **out, fill_problem, NULL, &rows, n);
	*out = rows;
	return r;
}

enum qd_status store_problems_count_open(struct store *st, const char *today, int *open, int *overdue)
{
	return store_count_pair(st, "SELECT count(*), coalesce(sum(deadline < ?1), 0) FROM problems"
	                            " WHERE state = 'open'", today, open, overdue);
}
