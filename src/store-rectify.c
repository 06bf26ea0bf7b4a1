/* store-rectify.c - the SQL of the rectification ledger: list, fetch, call-back, close. */
#include <stdio.h>
#include "store-log.h"
#include "store-rectify.h"

#define ITEM_SELECT \
	"SELECT r.id, r.evaluation_id, e.ticket_id, t.number, r.opened_day, r.deadline, e.level," \
	" e.reason, e.window, e.staff," \
	" (SELECT c.matter FROM cases c WHERE c.ticket_id = e.ticket_id AND c.voided = 0" \
	"  ORDER BY c.id LIMIT 1)," \
	" r.state, r.callback_at, r.callback_by, r.callback_note, r.closed_at, r.closed_by, r.note" \
	" FROM rectifications r JOIN evaluations e ON e.id = r.evaluation_id" \
	" LEFT JOIN tickets t ON t.id = e.ticket_id"

static void fill_item(sqlite3_stmt *s, void *row, const void *ctx)
{
	struct rectify_item *r = row;
	(void)ctx;
	r->id = sqlite3_column_int64(s, 0);
	r->evaluation_id = sqlite3_column_int64(s, 1);
	r->ticket_id = sqlite3_column_int64(s, 2);
	store_col_text(s, 3, r->number, sizeof r->number);
	store_col_text(s, 4, r->opened_day, sizeof r->opened_day);
	store_col_text(s, 5, r->deadline, sizeof r->deadline);
	r->level = sqlite3_column_int(s, 6);
	store_col_text(s, 7, r->reason, sizeof r->reason);
	r->window = sqlite3_column_int(s, 8);
	store_col_text(s, 9, r->staff, sizeof r->staff);
	store_col_text(s, 10, r->matter, sizeof r->matter);
	store_col_text(s, 11, r->state, sizeof r->state);
	r->callback_at = sqlite3_column_int64(s, 12);
	store_col_text(s, 13, r->callback_by, sizeof r->callback_by);
	store_col_text(s, 14, r->callback_note, sizeof r->callback_note);
	r->closed_at = sqlite3_column_int64(s, 15);
	store_col_text(s, 16, r->closed_by, sizeof r->closed_by);
	store_col_text(s, 17, r->note, sizeof r->note);
	r->overdue = 0;
}

enum qd_status store_rectify_list(struct store *st, const char *day, const char *today,
                                  struct rectify_item **out, size_t *n)
{
	sqlite3_stmt *s = day
		? store_stmt(st, ITEM_SELECT " WHERE r.opened_day = ?1 AND r.state <> 'voided' ORDER BY r.id")
		: store_stmt(st,
			"SELECT * FROM (" ITEM_SELECT " WHERE r.state IN ('open', 'called-back')"
			"  ORDER BY r.deadline, r.id)"
			" UNION ALL SELECT * FROM (" ITEM_SELECT " WHERE r.opened_day = ?1"
			"  AND r.state IN ('fixed', 'explained') ORDER BY r.id)");
	if (!s)
		return QD_ERR_DB;
	sqlite3_bind_text(s, 1, day ? day : today, -1, SQLITE_TRANSIENT);
	void *rows;
	enum qd_status r = store_rows(st, s, sizeof **out, fill_item, NULL, &rows, n);
	*out = rows;
	return r;
}

enum qd_status store_rectify_get(struct store *st, long long id, struct rectify_item *out)
{
	return store_row_by_id(st, ITEM_SELECT " WHERE r.id = ?1", id, fill_item, out);
}

enum qd_status store_rectify_callback(struct store *st, long long id, long long at, const char *staff,
                                      const char *note)
{
	sqlite3_stmt *s = store_stmt(st,
		"UPDATE rectifications SET state = 'called-back', called_back = 1, callback_at = ?2,"
		" callback_by = ?3, callback_note = ?4 WHERE id = ?1 AND state = 'open'");
	if (!s)
		return QD_ERR_DB;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int64(s, 2, at);
	store_bind_opt_text(s, 3, staff);
	sqlite3_bind_text(s, 4, note, -1, SQLITE_TRANSIENT);
	enum qd_status r = store_exec(st, s);
	return r == QD_OK && sqlite3_changes(store_handle(st)) != 1 ? QD_ERR_ITEM_CLOSED : r;
}

enum qd_status store_rectify_close(struct store *st, long long id, const char *state, long long at,
                                   const char *staff, const char *note)
{
	sqlite3_stmt *s = store_stmt(st,
		"UPDATE rectifications SET state = ?2, closed_at = ?3, closed_by = ?4, note = ?5"
		" WHERE id = ?1 AND state IN ('open', 'called-back')");
	if (!s)
		return QD_ERR_DB;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_text(s, 2, state, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 3, at);
	store_bind_opt_text(s, 4, staff);
	sqlite3_bind_text(s, 5, note, -1, SQLITE_TRANSIENT);
	enum qd_status r = store_exec(st, s);
	return r == QD_OK && sqlite3_changes(store_handle(st)) != 1 ? QD_ERR_ITEM_CLOSED : r;
}

enum qd_status store_rectify_count_open(struct store *st, const char *today, int *open, int *overdue)
{
	return store_count_pair(st, "SELECT count(*), coalesce(sum(deadline < ?1), 0) FROM rectifications"
	                            " WHERE state IN ('open', 'called-back')", today, open, overdue);
}
