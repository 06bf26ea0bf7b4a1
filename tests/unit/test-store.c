/* test-store.c - the store's rules: pragmas on every connection, migrations and refusing a newer
 * database, a missing file without create, statement caching, write retry under a held lock,
 * rollback on a failed transaction, the audit coverage of committed rows only, and refusing a
 * connection inherited by a forked child. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "store-internal.h"

static char dir[64];
static char dbpath[128];

static int setup(void **state)
{
	(void)state;
	strcpy(dir, "/tmp/qdesk-store-XXXXXX");
	if (!mkdtemp(dir))
		return -1;
	snprintf(dbpath, sizeof dbpath, "%s/t.db", dir);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	char cmd[160];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static long long one_int(struct store *st, const char *sql)
{
	sqlite3_stmt *s = store_stmt(st, sql);
	assert_non_null(s);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	long long v = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	return v;
}

static const char *one_text(struct store *st, const char *sql, char *buf, size_t n)
{
	sqlite3_stmt *s = store_stmt(st, sql);
	assert_non_null(s);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	snprintf(buf, n, "%s", (const char *)sqlite3_column_text(s, 0));
	sqlite3_reset(s);
	return buf;
}

static void test_missing_file(void **state)
{
	(void)state;
	struct store *st = (struct store *)1;
	assert_int_equal(store_open(dbpath, 0, &st), QD_ERR_NO_DB);
	assert_null(st);
	assert_int_not_equal(access(dbpath, F_OK), 0);
}

static void test_fresh_latest_and_pragmas(void **state)
{
	(void)state;
	struct store *st;
	assert_int_equal(store_open(dbpath, 1, &st), QD_OK);
	int count;
	store_migrations(&count);
	assert_int_equal(store_schema_version(st), count);
	char buf[32];
	assert_string_equal(one_text(st, "PRAGMA journal_mode", buf, sizeof buf), "wal");
	assert_int_equal(one_int(st, "PRAGMA synchronous"), 2);
	assert_int_equal(one_int(st, "PRAGMA foreign_keys"), 1);
	assert_int_equal(one_int(st, "SELECT count(*) FROM sqlite_master WHERE name = 'tickets'"), 1);
	store_close(st);
	/* Reopen without create: same version, nothing re-applied. */
	assert_int_equal(store_open(dbpath, 0, &st), QD_OK);
	assert_int_equal(store_schema_version(st), count);
	assert_int_equal(one_int(st, "PRAGMA foreign_keys"), 1);
	store_close(st);
}

static void test_newer_refused(void **state)
{
	(void)state;
	struct store *st;
	assert_int_equal(store_open(dbpath, 1, &st), QD_OK);
	int count;
	store_migrations(&count);
	char sql[64];
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d", count + 1);
	assert_int_equal(sqlite3_exec(store_handle(st), sql, NULL, NULL, NULL), SQLITE_OK);
	store_close(st);
	assert_int_equal(store_open(dbpath, 0, &st), QD_ERR_SCHEMA);
	assert_null(st);
}

static void test_foreign_refused(void **state)
{
	(void)state;
	/* Another program's SQLite file: refused by every mode, init included, and left as it was. */
	sqlite3 *db;
	assert_int_equal(sqlite3_open(dbpath, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "CREATE TABLE other (x)", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	struct store *st;
	assert_int_equal(store_open(dbpath, STORE_OPEN_WRITE, &st), QD_ERR_FOREIGN);
	assert_int_equal(store_open(dbpath, STORE_OPEN_READ, &st), QD_ERR_FOREIGN);
	assert_int_equal(store_open(dbpath, STORE_OPEN_CREATE, &st), QD_ERR_FOREIGN);
	assert_null(st);
	assert_int_equal(sqlite3_open(dbpath, &db), SQLITE_OK);
	sqlite3_stmt *s;
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_master", -1, &s, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(s, 0), 1);
	sqlite3_finalize(s);
	assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &s, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(s, 0), "delete");
	sqlite3_finalize(s);
	sqlite3_close(db);
}

static void test_older_needs_init(void **state)
{
	(void)state;
	/* A qdesk database from before the last migration: only init (create) migrates it. */
	struct store *st;
	assert_int_equal(store_open(dbpath, STORE_OPEN_CREATE, &st), QD_OK);
	assert_int_equal(sqlite3_exec(store_handle(st), "PRAGMA user_version = 1; PRAGMA application_id = 0",
	                              NULL, NULL, NULL), SQLITE_OK);
	store_close(st);
	assert_int_equal(store_open(dbpath, STORE_OPEN_WRITE, &st), QD_ERR_OLD_SCHEMA);
	assert_int_equal(store_open(dbpath, STORE_OPEN_READ, &st), QD_ERR_OLD_SCHEMA);
	/* Empty files and empty databases are not qdesk's either. */
	FILE *f = fopen(dbpath, "w");
	assert_non_null(f);
	fclose(f);
	assert_int_equal(store_open(dbpath, STORE_OPEN_WRITE, &st), QD_ERR_FOREIGN);
	assert_int_equal(store_open(dir, STORE_OPEN_READ, &st), QD_ERR_IS_DIR);
	assert_int_equal(store_open(dir, STORE_OPEN_CREATE, &st), QD_ERR_IS_DIR);
}

static void test_readonly_never_writes(void **state)
{
	(void)state;
	struct store *st;
	assert_int_equal(store_open(dbpath, STORE_OPEN_CREATE, &st), QD_OK);
	store_close(st);
	assert_int_equal(store_open(dbpath, STORE_OPEN_READ, &st), QD_OK);
	assert_int_equal(store_readonly(st), 1);
	assert_int_equal(sqlite3_exec(store_handle(st), "CREATE TABLE x (y)", NULL, NULL, NULL),
	                 SQLITE_READONLY);
	store_close(st);
}

static void test_memory(void **state)
{
	(void)state;
	struct store *st;
	assert_int_equal(store_open(":memory:", 0, &st), QD_OK);
	assert_int_equal(one_int(st, "SELECT count(*) FROM tickets"), 0);
	store_close(st);
}

static void test_stmt_cache(void **state)
{
	(void)state;
	struct store *st;
	assert_int_equal(store_open(":memory:", 1, &st), QD_OK);
	char sql[] = "SELECT ?1 + 1";
	sqlite3_stmt *a = store_stmt(st, sql);
	sqlite3_bind_int(a, 1, 41);
	assert_int_equal(sqlite3_step(a), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(a, 0), 42);
	/* The same text from another buffer gives the same statement, reset and unbound. */
	char copy[sizeof sql];
	memcpy(copy, sql, sizeof sql);
	sqlite3_stmt *b = store_stmt(st, copy);
	assert_ptr_equal(a, b);
	assert_false(sqlite3_stmt_busy(b));
	assert_int_equal(sqlite3_step(b), SQLITE_ROW);
	assert_int_equal(sqlite3_column_type(b, 0), SQLITE_NULL);
	sqlite3_reset(b);
	assert_null(store_stmt(st, "SELECT FROM nonsense"));
	assert_string_not_equal(store_errmsg(st), "no error");
	store_close(st);
}

struct insert_ctx { int value; int runs; enum qd_status result; };

static enum qd_status insert_fn(struct store *st, void *vctx)
{
	struct insert_ctx *c = vctx;
	c->runs++;
	sqlite3_stmt *s = store_stmt(st, "INSERT INTO events (at, day, kind, detail) VALUES (?1, '2026-01-01', 'test', 'x')");
	if (!s)
		return QD_ERR_DB;
	sqlite3_bind_int(s, 1, c->value);
	enum qd_status r = store_exec(st, s);
	return r != QD_OK ? r : c->result;
}

static void test_write_commit_and_rollback(void **state)
{
	(void)state;
	struct store *st;
	assert_int_equal(store_open(dbpath, 1, &st), QD_OK);
	struct insert_ctx ok = { 1, 0, QD_OK }, bad = { 2, 0, QD_ERR_INVALID };
	assert_int_equal(store_write(st, insert_fn, &ok), QD_OK);
	assert_int_equal(store_write(st, insert_fn, &bad), QD_ERR_INVALID);
	assert_int_equal(one_int(st, "SELECT count(*) FROM events WHERE kind = 'test'"), 1);
	assert_int_equal(one_int(st, "SELECT at FROM events WHERE kind = 'test'"), 1);
	assert_true(sqlite3_get_autocommit(store_handle(st)));
	store_close(st);
}

/* Adds staff member c->value (with an event when c->result is QD_OK, else fails). */
static enum qd_status staff_fn(struct store *st, void *vctx)
{
	struct insert_ctx *c = vctx;
	sqlite3_stmt *s = store_stmt(st, "INSERT INTO staff (id, name, role, pin_hash, created_at)"
	                                 " VALUES ('s' || ?1, 'x', 'clerk', 'x', 0)");
	if (!s)
		return QD_ERR_DB;
	sqlite3_bind_int(s, 1, c->value);
	enum qd_status r = store_exec(st, s);
	return r != QD_OK ? r : insert_fn(st, vctx);
}

/* The audit chain covers exactly the rows each committed transaction changed: a rolled-back
 * transaction's rows are forgotten, not covered by the next event. */
static void test_audit_covers_committed_rows(void **state)
{
	(void)state;
	struct store *st;
	assert_int_equal(store_open(dbpath, STORE_OPEN_CREATE, &st), QD_OK);
	struct insert_ctx bad = { 1, 0, QD_ERR_INVALID }, event = { 2, 0, QD_OK }, good = { 3, 0, QD_OK };
	assert_int_equal(store_write(st, staff_fn, &bad), QD_ERR_INVALID);
	assert_int_equal(store_write(st, insert_fn, &event), QD_OK);
	assert_int_equal(one_int(st, "SELECT count(*) FROM audit_rows WHERE event_id ="
	                             " (SELECT max(id) FROM events)"), 0);
	assert_int_equal(store_write(st, staff_fn, &good), QD_OK);
	assert_int_equal(one_int(st, "SELECT count(*) FROM audit_rows WHERE event_id ="
	                             " (SELECT max(id) FROM events) AND tbl = 'staff' AND rid ="
	                             " (SELECT rowid FROM staff WHERE id = 's3') AND digest IS NOT NULL"), 1);
	assert_int_equal(one_int(st, "SELECT count(*) FROM staff"), 1);
	store_close(st);
}

static enum qd_status nested_fn(struct store *st, void *vctx)
{
	return store_write(st, insert_fn, vctx);
}

static void test_nested_write(void **state)
{
	(void)state;
	struct store *st;
	assert_int_equal(store_open(":memory:", 1, &st), QD_OK);
	struct insert_ctx c = { 7, 0, QD_OK };
	assert_int_equal(store_write(st, nested_fn, &c), QD_OK);
	assert_int_equal(c.runs, 2);        /* the first write of a body is rehearsed */
	assert_int_equal(one_int(st, "SELECT count(*) FROM events WHERE kind = 'test'"), 1);
	store_close(st);
}

/* Another connection holds the write lock longer than the busy timeout: the write still
 * succeeds once it is released, by retrying the whole transaction. */
static void test_write_retries_past_busy_timeout(void **state)
{
	(void)state;
	struct store *st;
	assert_int_equal(store_open(dbpath, 1, &st), QD_OK);
	store_close(st);
	int pipefd[2];
	assert_int_equal(pipe(pipefd), 0);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		sqlite3 *db;
		if (sqlite3_open(dbpath, &db) != SQLITE_OK ||
		    sqlite3_exec(db, "BEGIN IMMEDIATE; INSERT INTO events (at, day, kind) VALUES (0, 'd', 'holder')", NULL, NULL, NULL) != SQLITE_OK)
			_exit(1);
		if (write(pipefd[1], "x", 1) != 1)
			_exit(1);
		sleep(6);   /* longer than the 5 s busy timeout */
		_exit(sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) == SQLITE_OK ? 0 : 1);
	}
	char b;
	assert_int_equal(read(pipefd[0], &b, 1), 1);
	assert_int_equal(store_open(dbpath, 0, &st), QD_OK);
	struct insert_ctx c = { 3, 0, QD_OK };
	assert_int_equal(store_write(st, insert_fn, &c), QD_OK);
	assert_true(c.runs >= 1);
	int status;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	assert_int_equal(one_int(st, "SELECT count(*) FROM events WHERE kind IN ('test', 'holder')"), 2);
	store_close(st);
	close(pipefd[0]);
	close(pipefd[1]);
}

static void test_forked_child_refused(void **state)
{
	(void)state;
	struct store *st;
	assert_int_equal(store_open(dbpath, 1, &st), QD_OK);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		struct insert_ctx c = { 9, 0, QD_OK };
		int ok = store_write(st, insert_fn, &c) == QD_ERR_DB && c.runs == 0 &&
		         store_stmt(st, "SELECT 1") == NULL;
		store_close(st);    /* frees memory only */
		_exit(ok ? 0 : 1);
	}
	int status;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	/* The parent's connection still works. */
	struct insert_ctx c = { 10, 0, QD_OK };
	assert_int_equal(store_write(st, insert_fn, &c), QD_OK);
	assert_int_equal(one_int(st, "SELECT count(*) FROM events WHERE kind = 'test'"), 1);
	store_close(st);
}

/* rehearsed_fn's view of each run: 0 the first, 1 any later one */
struct rehearse_ctx { int runs; int got_read[2], got_write[2]; };

static enum qd_status rehearsed_fn(struct store *st, void *vctx)
{
	struct rehearse_ctx *c = vctx;
	int i = c->runs ? 1 : 0;
	c->runs++;
	/* a write behind store_stmt's back: a rehearsal's transaction must take it back */
	sqlite3_exec(store_handle(st), "INSERT INTO events (at, day, kind) VALUES (0, '2026-01-01', 'raw')",
	             NULL, NULL, NULL);
	c->got_read[i] = store_stmt(st, "SELECT count(*) FROM events") != NULL;
	sqlite3_stmt *s = store_stmt(st, "INSERT INTO events (at, day, kind) VALUES (1, '2026-01-01', 'test')");
	c->got_write[i] = s != NULL;
	return s ? store_exec(st, s) : QD_ERR_DB;
}

/* A body's first write on a connection is rehearsed: run once where store_stmt hands out reads
 * but no writes, in a transaction rolled back whatever the body did, then for real. Later writes
 * of the same body run once. */
static void test_first_write_rehearsed(void **state)
{
	(void)state;
	struct store *st;
	assert_int_equal(store_open(dbpath, 1, &st), QD_OK);
	struct rehearse_ctx c = { 0 };
	assert_int_equal(store_write(st, rehearsed_fn, &c), QD_OK);
	assert_int_equal(c.runs, 2);
	assert_true(c.got_read[0] && !c.got_write[0]);
	assert_true(c.got_read[1] && c.got_write[1]);
	assert_int_equal(one_int(st, "SELECT count(*) FROM events WHERE kind = 'raw'"), 1);
	assert_int_equal(one_int(st, "SELECT count(*) FROM events WHERE kind = 'test'"), 1);
	assert_int_equal(store_write(st, rehearsed_fn, &c), QD_OK);
	assert_int_equal(c.runs, 3);
	assert_int_equal(one_int(st, "SELECT count(*) FROM events WHERE kind IN ('raw', 'test')"), 4);
	assert_true(sqlite3_get_autocommit(store_handle(st)));
	store_close(st);
	/* a connection told not to rehearse runs a body once */
	assert_int_equal(store_open(dbpath, 1, &st), QD_OK);
	store_set_rehearsal(st, 0);
	struct rehearse_ctx once = { 0 };
	assert_int_equal(store_write(st, rehearsed_fn, &once), QD_OK);
	assert_int_equal(once.runs, 1);
	store_close(st);
}

/* 1 if sql compiles to a program that builds a temporary b-tree. */
static int builds_btree(sqlite3 *db, const char *sql)
{
	char explain[512];
	snprintf(explain, sizeof explain, "EXPLAIN %s", sql);
	sqlite3_stmt *s;
	int found = 0;
	assert_int_equal(sqlite3_prepare_v2(db, explain, -1, &s, NULL), SQLITE_OK);
	while (sqlite3_step(s) == SQLITE_ROW)
		found |= strcmp((const char *)sqlite3_column_text(s, 1), "OpenEphemeral") == 0;
	sqlite3_finalize(s);
	return found;
}

static int run(sqlite3 *db, const char *sql)
{
	return sqlite3_exec(db, sql, NULL, NULL, NULL);
}

/* Migration 20: the CHECK constraints hold as they did, without a temporary b-tree of their
 * lists on every write of a ticket's state or a window. */
static void test_checks_without_lists(void **state)
{
	(void)state;
	struct store *st;
	assert_int_equal(store_open(dbpath, STORE_OPEN_CREATE, &st), QD_OK);
	sqlite3 *db = store_handle(st);
	assert_false(builds_btree(db, "UPDATE tickets SET state = ?1 WHERE id = ?2"));
	assert_false(builds_btree(db, "INSERT INTO windows (number, state) VALUES (?1, ?2)"));
	assert_false(builds_btree(db, "INSERT INTO staff (id, name, role, pin_hash, created_at)"
	                              " VALUES (?1, 'x', ?2, 'x', 0)"));
	assert_int_equal(run(db, "INSERT INTO staff (id, name, role, pin_hash, created_at)"
	                         " VALUES ('a', 'x', 'lead', 'x', 0)"), SQLITE_OK);
	assert_int_equal(run(db, "INSERT INTO staff (id, name, role, pin_hash, created_at)"
	                         " VALUES ('b', 'x', 'boss', 'x', 0)"), SQLITE_CONSTRAINT_CHECK);
	assert_int_equal(run(db, "INSERT INTO windows (number, state) VALUES (1, 'paused')"), SQLITE_OK);
	assert_int_equal(run(db, "INSERT INTO windows (number, state) VALUES (2, 'asleep')"), SQLITE_CONSTRAINT_CHECK);
	assert_int_equal(run(db, "INSERT INTO tickets (day, type, seq, number, pos, issued_at)"
	                         " VALUES ('2026-01-01', 'A', 1, 'A001', 1, 0)"), SQLITE_OK);
	assert_int_equal(run(db, "UPDATE tickets SET state = 'noshow'"), SQLITE_OK);
	assert_int_equal(run(db, "UPDATE tickets SET state = 'lost'"), SQLITE_CONSTRAINT_CHECK);
	assert_int_equal(one_int(st, "SELECT count(*) FROM tickets WHERE state = 'noshow'"), 1);
	store_close(st);
}

static long long last_version;
static enum qd_status read_fn(struct store *st, void *vctx)
{
	(void)vctx;
	last_version = store_data_version(st);
	return QD_OK;
}

static void test_data_version(void **state)
{
	(void)state;
	struct store *a, *b;
	assert_int_equal(store_open(dbpath, 1, &a), QD_OK);
	assert_int_equal(store_open(dbpath, 0, &b), QD_OK);
	long long v1 = store_data_version(a);
	assert_int_equal(store_read(a, read_fn, NULL), QD_OK);
	assert_int_equal(last_version, v1);
	struct insert_ctx c = { 1, 0, QD_OK };
	assert_int_equal(store_write(b, insert_fn, &c), QD_OK);
	assert_true(store_data_version(a) != v1);
	store_close(a);
	store_close(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_missing_file, setup, teardown),
		cmocka_unit_test_setup_teardown(test_fresh_latest_and_pragmas, setup, teardown),
		cmocka_unit_test_setup_teardown(test_newer_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_foreign_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_older_needs_init, setup, teardown),
		cmocka_unit_test_setup_teardown(test_readonly_never_writes, setup, teardown),
		cmocka_unit_test(test_memory),
		cmocka_unit_test(test_stmt_cache),
		cmocka_unit_test_setup_teardown(test_write_commit_and_rollback, setup, teardown),
		cmocka_unit_test(test_nested_write),
		cmocka_unit_test_setup_teardown(test_first_write_rehearsed, setup, teardown),
		cmocka_unit_test_setup_teardown(test_checks_without_lists, setup, teardown),
		cmocka_unit_test_setup_teardown(test_audit_covers_committed_rows, setup, teardown),
		cmocka_unit_test_setup_teardown(test_write_retries_past_busy_timeout, setup, teardown),
		cmocka_unit_test_setup_teardown(test_forked_child_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_data_version, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
