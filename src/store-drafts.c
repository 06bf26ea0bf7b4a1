/* store-drafts.c - the SQL of case drafts (table case_drafts, by ticket through its index). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include "store-drafts.h"
#include "store-log.h"


enum qd_status store_drafts_add(struct store *st, long long ticket_id, int window, const char *staff,
                                long long at, const struct draft_case *d)
{
	sqlite3_stmt *s = store_stmt(st,
		"INSERT INTO case_drafts (ticket_id, window, staff, saved_at, matter, category, channel,"
		" outcome, mode, helps, minutes, applicant_masked, id_masked, phone_masked, age, note)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)");
	if (!s)
		return QD_ERR_DB;
	char helps[HALL_HELPS_MAX * 49 + 1] = "";
	for (size_t i = 0; i < d->nhelps; i++) {
		if (i)
			strcat(helps, ",");
		strcat(helps, d->helps[i]);
	}
	sqlite3_bind_int64(s, 1, ticket_id);
	if (window > 0)
		sqlite3_bind_int(s, 2, window);
	store_bind_opt_text(s, 3, staff);
	sqlite3_bind_int64(s, 4, at);
	store_bind_opt_text(s, 5, d->matter);
	store_bind_opt_text(s, 6, d->category);
	store_bind_opt_text(s, 7, d->channel);
	store_bind_opt_text(s, 8, d->outcome);
	store_bind_opt_text(s, 9, d->mode);
	store_bind_opt_text(s, 10, helps);
	sqlite3_bind_int(s, 11, d->minutes);
	store_bind_opt_text(s, 12, d->applicant_masked);
	store_bind_opt_text(s, 13, d->id_masked);
	store_bind_opt_text(s, 14, d->phone_masked);
	if (d->age >= 0)
		sqlite3_bind_int(s, 15, d->age);
	store_bind_opt_text(s, 16, d->note);
	return store_exec(st, s);
}

enum qd_status store_drafts_delete(struct store *st, long long ticket_id)
{
	sqlite3_stmt *s = store_stmt(st, "DELETE FROM case_drafts WHERE ticket_id = ?1");
	if (!s)
		return QD_ERR_DB;
	sqlite3_bind_int64(s, 1, ticket_id);
	return store_exec(st, s);
}

static void col(sqlite3_stmt *s, int i, char *out, size_t outsz)
{
	const unsigned char *v = sqlite3_column_text(s, i);
	snprintf(out, outsz, "%s", v ? (const char *)v : "");
}

/* One draft row (the columns of store_drafts_get's SELECT). */
static void fill_draft(sqlite3_stmt *s, void *row, const void *ctx)
{
	(void)ctx;
	struct draft_case *d = row;
	memset(d, 0, sizeof *d);
	char helps[HALL_HELPS_MAX * 49 + 1];
	col(s, 0, d->matter, sizeof d->matter);
	col(s, 1, d->category, sizeof d->category);
	col(s, 2, d->channel, sizeof d->channel);
	col(s, 3, d->outcome, sizeof d->outcome);
	col(s, 4, d->mode, sizeof d->mode);
	col(s, 5, helps, sizeof helps);
	char *save = NULL;
	for (char *tok = strtok_r(helps, ",", &save); tok && d->nhelps < HALL_HELPS_MAX;
	     tok = strtok_r(NULL, ",", &save))
		snprintf(d->helps[d->nhelps++], sizeof d->helps[0], "%s", tok);
	d->minutes = sqlite3_column_int(s, 6);
	col(s, 7, d->applicant_masked, sizeof d->applicant_masked);
	col(s, 8, d->id_masked, sizeof d->id_masked);
	col(s, 9, d->phone_masked, sizeof d->phone_masked);
	d->age = sqlite3_column_int(s, 10);
	col(s, 11, d->note, sizeof d->note);
	col(s, 12, d->staff, sizeof d->staff);
}

enum qd_status store_drafts_get(struct store *st, long long ticket_id, struct draft_case **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *s = store_stmt(st,
		"SELECT matter, category, channel, outcome, mode, helps, minutes, applicant_masked,"
		" id_masked, phone_masked, coalesce(age, -1), note, staff FROM case_drafts"
		" WHERE ticket_id = ?1 ORDER BY id");
	if (!s)
		return QD_ERR_DB;
	sqlite3_bind_int64(s, 1, ticket_id);
	void *rows = NULL;
	enum qd_status r = store_rows(st, s, sizeof **out, fill_draft, NULL, &rows, n);
	*out = rows;
	return r;
}
