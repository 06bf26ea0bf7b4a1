/* store-staff.c - the SQL of the staff table: accounts, PIN hashes, failure counts, lockout. */
#include <stdlib.h>
#include <string.h>
#include "store-staff.h"

static void copy_col(char *dst, size_t size, sqlite3_stmt *s, int col)
{
	const unsigned char *v = sqlite3_column_text(s, col);
	size_t n = v ? strlen((const char *)v) : 0;
	if (n >= size)
		n = size - 1;
	if (n)
		memcpy(dst, v, n);
	dst[n] = '\0';
}

#define STAFF_COLUMNS "id, name, role, active, failures, locked_until, pin_hash"

static void read_row(sqlite3_stmt *s, struct staff *out, char *hash)
{
	char role[16];
	memset(out, 0, sizeof *out);
	copy_col(out->id, sizeof out->id, s, 0);
	copy_col(out->name, sizeof out->name, s, 1);
	copy_col(role, sizeof role, s, 2);
	out->role = staff_role_parse(role);
	out->active = sqlite3_column_int(s, 3);
	out->failures = sqlite3_column_int(s, 4);
	out->locked_until = sqlite3_column_int64(s, 5);
	if (hash)
		copy_col(hash, STORE_STAFF_HASH_MAX, s, 6);
}

enum qd_status store_staff_get(struct store *st, const char *id, struct staff *out, char *hash)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT " STAFF_COLUMNS " FROM staff WHERE id = ?1 COLLATE NOCASE");
	if (!s)
		return QD_ERR_DB;
	sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
	int rc = sqlite3_step(s);
	enum qd_status r = QD_OK;
	if (rc == SQLITE_ROW)
		read_row(s, out, hash);
	else if (rc == SQLITE_DONE)
		r = QD_ERR_NO_STAFF;
	else
		r = store_check(st, rc);
	sqlite3_reset(s);
	return r;
}

enum qd_status store_staff_insert(struct store *st, const struct staff *in, const char *hash, long long at)
{
	sqlite3_stmt *s = store_stmt(st,
		"INSERT INTO staff (id, name, role, pin_hash, active, created_at)"
		" VALUES (?1, ?2, ?3, ?4, 1, ?5) ON CONFLICT DO NOTHING");
	if (!s)
		return QD_ERR_DB;
	sqlite3_bind_text(s, 1, in->id, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, in->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, staff_role_name(in->role), -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 4, hash, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 5, at);
	enum qd_status r = store_exec(st, s);
	if (r == QD_OK && sqlite3_changes(store_handle(st)) == 0)
		r = QD_ERR_EXISTS;
	return r;
}

/* Run an UPDATE of one account; QD_ERR_NO_STAFF if it matched none. */
static enum qd_status update_one(struct store *st, sqlite3_stmt *s)
{
	enum qd_status r = store_exec(st, s);
	if (r == QD_OK && sqlite3_changes(store_handle(st)) == 0)
		r = QD_ERR_NO_STAFF;
	return r;
}

enum qd_status store_staff_set_pin(struct store *st, const char *id, const char *hash)
{
	sqlite3_stmt *s = store_stmt(st,
		"UPDATE staff SET pin_hash = ?2, failures = 0, locked_until = 0 WHERE id = ?1 COLLATE NOCASE");
	if (!s)
		return QD_ERR_DB;
	sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, hash, -1, SQLITE_STATIC);
	return update_one(st, s);
}

enum qd_status store_staff_set_active(struct store *st, const char *id, int active)
{
	sqlite3_stmt *s = store_stmt(st, "UPDATE staff SET active = ?2 WHERE id = ?1 COLLATE NOCASE");
	if (!s)
		return QD_ERR_DB;
	sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 2, active ? 1 : 0);
	return update_one(st, s);
}

enum qd_status store_staff_set_failures(struct store *st, const char *id, int failures,
                                        long long locked_until)
{
	sqlite3_stmt *s = store_stmt(st,
		"UPDATE staff SET failures = ?2, locked_until = ?3 WHERE id = ?1");
	if (!s)
		return QD_ERR_DB;
	sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 2, failures);
	sqlite3_bind_int64(s, 3, locked_until);
	return update_one(st, s);
}

enum qd_status store_staff_list(struct store *st, struct staff **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *s = store_stmt(st, "SELECT " STAFF_COLUMNS " FROM staff ORDER BY id");
	if (!s)
		return QD_ERR_DB;
	struct staff *list = NULL;
	size_t count = 0, cap = 0;
	enum qd_status r = QD_OK;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (count == cap) {
			size_t ncap = cap ? cap * 2 : 16;
			struct staff *grown = realloc(list, ncap * sizeof *grown);
			if (!grown) {
				r = QD_ERR_NOMEM;
				break;
			}
			list = grown;
			cap = ncap;
		}
		read_row(s, &list[count++], NULL);
	}
	if (r == QD_OK && rc != SQLITE_DONE)
		r = store_check(st, rc);
	sqlite3_reset(s);
	if (r != QD_OK) {
		free(list);
		return r;
	}
	*out = list;
	*n = count;
	return QD_OK;
}
