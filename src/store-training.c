/* store-training.c - the SQL of the training table: whether a database is a training one, and
 * its demo clock. */
#include <stdio.h>
#include <string.h>
#include "store-log.h"
#include "store-training.h"

enum qd_status store_training_get(struct store *st, int *found, long long *offset, char day[11])
{
	*found = 0;
	/* a database not yet migrated to the training table is a live one */
	sqlite3_stmt *s = store_stmt(st, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'training'");
	if (!s)
		return QD_ERR_DB;
	int rc = sqlite3_step(s);
	sqlite3_reset(s);
	if (rc != SQLITE_ROW)
		return rc == SQLITE_DONE ? QD_OK : store_check(st, rc);
	if (!(s = store_stmt(st, "SELECT clock_offset, demo_day FROM training WHERE id = 1")))
		return QD_ERR_DB;
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*found = 1;
		*offset = sqlite3_column_int64(s, 0);
		const unsigned char *d = sqlite3_column_text(s, 1);
		snprintf(day, 11, "%s", d ? (const char *)d : "");
		rc = sqlite3_step(s);
	}
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? QD_OK : store_check(st, rc);
}

enum qd_status store_training_has_tickets(struct store *st, int *has)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT EXISTS (SELECT 1 FROM tickets)");
	if (!s)
		return QD_ERR_DB;
	int rc = sqlite3_step(s);
	*has = rc == SQLITE_ROW && sqlite3_column_int(s, 0);
	sqlite3_reset(s);
	return rc == SQLITE_ROW ? QD_OK : store_check(st, rc);
}

enum qd_status store_training_set(struct store *st, long long offset, const char *day, long long at)
{
	sqlite3_stmt *s = store_stmt(st,
		"INSERT INTO training (id, clock_offset, demo_day, created_at) VALUES (1, ?1, ?2, ?3)"
		" ON CONFLICT (id) DO UPDATE SET clock_offset = ?1, demo_day = ?2");
	if (!s)
		return QD_ERR_DB;
	sqlite3_bind_int64(s, 1, offset);
	sqlite3_bind_text(s, 2, day, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(s, 3, at);
	enum qd_status r = store_exec(st, s);
	if (r != QD_OK)
		return r;
	char detail[64];
	snprintf(detail, sizeof detail, "demo day %s, clock offset %llds", day, offset);
	return store_event_add(st, at, "training", 0, 0, NULL, detail);
}
