/* test-vfs.c - the store's VFS (store-vfs.c): a commit's WAL frames reach the file in one write,
 * and the file holds every committed frame wherever another connection or the writer itself can
 * look: after each commit even with synchronous off, and when a transaction too big for the
 * cache spills pages to the WAL and reads them back. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include "tmpdb.h"

/* Write system calls this process has made (/proc/self/io), -1 if unknown. */
static long long write_calls(void)
{
	FILE *f = fopen("/proc/self/io", "r");
	if (!f)
		return -1;
	char line[128];
	long long n = -1;
	while (fgets(line, sizeof line, f))
		if (sscanf(line, "syscw: %lld", &n) == 1)
			break;
	fclose(f);
	return n;
}

struct rows { int first, count, len; };

/* Add rows events first… (count of them) with details len characters long. */
static enum qd_status add_rows(struct store *st, void *vctx)
{
	const struct rows *r = vctx;
	for (int i = 0; i < r->count; i++) {
		sqlite3_stmt *s = store_stmt(st, "INSERT INTO events (at, day, kind, window, detail)"
		                                 " VALUES (?1, '2026-01-01', 'test', ?1 % 32, printf('%.*c', ?2, 'x'))");
		if (!s)
			return QD_ERR_DB;
		sqlite3_bind_int(s, 1, r->first + i);
		sqlite3_bind_int(s, 2, r->len);
		enum qd_status q = store_exec(st, s);
		if (q != QD_OK)
			return q;
	}
	return QD_OK;
}

/* The integer a one-row query gives another connection, -1 if none. */
static int one_int(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *s;
	int n = -1;
	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW)
		n = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	return n;
}

#define PROBLEMS "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check <> 'ok'"

/* A commit that changes rows on many pages (an event and its five indexes, twelve times over)
 * is one write to the WAL file: SQLite alone writes each frame's header and page separately. */
static void test_commit_is_one_write(void **state)
{
	(void)state;
	struct tmpdb t;
	assert_int_equal(tmpdb_open(&t, "vfs"), 0);
	struct rows warm = { 0, 40, 300 }, r = { 1000, 12, 300 };
	assert_int_equal(store_write(t.st, add_rows, &warm), QD_OK);    /* statements, -shm grown */
	assert_int_equal(store_write(t.st, add_rows, &warm), QD_OK);
	long long before = write_calls();
	if (before < 0)
		skip();
	assert_int_equal(store_write(t.st, add_rows, &r), QD_OK);
	long long writes = write_calls() - before;
	assert_int_equal(writes, 1);
	assert_int_equal(tmpdb_close(&t), 0);
}

/* With synchronous off nothing syncs at commit: the commit frame itself must reach the file
 * before SQLite lets other connections read it. Another connection (SQLite's own VFS) counts
 * the rows after every commit. */
static void test_commits_visible_unsynced(void **state)
{
	(void)state;
	struct tmpdb t;
	assert_int_equal(tmpdb_open(&t, "vfs"), 0);
	assert_int_equal(store_set_bulk(t.st, 1), QD_OK);
	sqlite3 *other;
	assert_int_equal(sqlite3_open_v2(t.path, &other, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	for (int i = 0; i < 60; i++) {
		struct rows r = { i * 7, 7, 50 + i * 40 };
		assert_int_equal(store_write(t.st, add_rows, &r), QD_OK);
		assert_int_equal(one_int(other, "SELECT count(*) FROM events WHERE kind = 'test'"), (i + 1) * 7);
	}
	assert_int_equal(one_int(other, PROBLEMS), 0);
	sqlite3_close(other);
	assert_int_equal(store_set_bulk(t.st, 0), QD_OK);
	assert_int_equal(tmpdb_close(&t), 0);
}

struct spill { struct rows add; int seen; };

/* Add the rows, then count them inside the same transaction. */
static enum qd_status add_and_count(struct store *st, void *vctx)
{
	struct spill *sp = vctx;
	enum qd_status q = add_rows(st, &sp->add);
	if (q != QD_OK)
		return q;
	sqlite3_stmt *s = store_stmt(st, "SELECT count(*) FROM events WHERE kind = 'test' AND length(detail) = ?1");
	if (!s)
		return QD_ERR_DB;
	sqlite3_bind_int(s, 1, sp->add.len);
	sp->seen = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int(s, 0) : -1;
	sqlite3_reset(s);
	return QD_OK;
}

/* A transaction far bigger than the page cache (and than the gathering buffer) spills pages to
 * the WAL and reads them back before it commits. */
static void test_spilled_pages_read_back(void **state)
{
	(void)state;
	struct tmpdb t;
	assert_int_equal(tmpdb_open(&t, "vfs"), 0);
	assert_int_equal(sqlite3_exec(store_handle(t.st), "PRAGMA cache_size = 8", NULL, NULL, NULL), SQLITE_OK);
	struct spill sp = { { 0, 3000, 333 }, 0 };
	assert_int_equal(store_write(t.st, add_and_count, &sp), QD_OK);
	assert_int_equal(sp.seen, 3000);
	sqlite3 *other;
	assert_int_equal(sqlite3_open_v2(t.path, &other, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	assert_int_equal(one_int(other, "SELECT count(*) FROM events WHERE kind = 'test'"), 3000);
	assert_int_equal(one_int(other, PROBLEMS), 0);
	sqlite3_close(other);
	assert_int_equal(tmpdb_close(&t), 0);
}

int main(void)
{
	setenv("QDESK_NOW", "2026-01-01 09:00:00", 1);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_commit_is_one_write),
		cmocka_unit_test(test_commits_visible_unsynced),
		cmocka_unit_test(test_spilled_pages_read_back),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
