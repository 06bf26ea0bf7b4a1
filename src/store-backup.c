/* store-backup.c - consistent copies of a live database with SQLite's backup API (a read
 * transaction on the source: windows keep working), and putting such a copy back. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "store-internal.h"

/* Copy every page of src's main database into dst's, stepping while the other side is busy. */
static int copy_pages(sqlite3 *dst, sqlite3 *src)
{
	sqlite3_backup *b = sqlite3_backup_init(dst, "main", src, "main");
	if (!b)
		return sqlite3_extended_errcode(dst);
	int rc;
	while ((rc = sqlite3_backup_step(b, -1)) == SQLITE_BUSY || rc == SQLITE_LOCKED) {
		struct timespec ts = { 0, 20 * 1000000L };
		nanosleep(&ts, NULL);
	}
	int fin = sqlite3_backup_finish(b);
	return rc == SQLITE_DONE ? fin : rc;
}

static enum qd_status fail_with(sqlite3 *db, int rc, char *err, size_t n, const char *what)
{
	snprintf(err, n, "%s: %s", what, db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
	switch (rc & 0xff) {
	case SQLITE_FULL:     return QD_ERR_DISK_FULL;
	case SQLITE_READONLY:
	case SQLITE_PERM:     return QD_ERR_READONLY;
	case SQLITE_BUSY:
	case SQLITE_LOCKED:   return QD_ERR_BUSY;
	case SQLITE_CANTOPEN: return QD_ERR_CANTOPEN;
	default:              return QD_ERR_DB;
	}
}

enum qd_status store_backup_to(struct store *st, const char *path, char *err, size_t n)
{
	err[0] = '\0';
	if (access(path, F_OK) == 0) {
		snprintf(err, n, "%s", path);
		return QD_ERR_EXISTS;
	}
	sqlite3 *dst = NULL;
	int rc = sqlite3_open_v2(path, &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
	enum qd_status s = QD_OK;
	if (rc != SQLITE_OK || (rc = copy_pages(dst, store_handle(st))) != SQLITE_OK)
		s = fail_with(dst, rc, err, n, path);
	/* The copy stands alone: no -wal beside it, readable by a user who may only read it. */
	if (s == QD_OK && (rc = sqlite3_exec(dst, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL)) != SQLITE_OK)
		s = fail_with(dst, rc, err, n, path);
	sqlite3_close(dst);
	if (s != QD_OK)
		unlink(path);
	return s;
}

enum qd_status store_restore_from(const char *live, const char *copy, char *err, size_t n)
{
	err[0] = '\0';
	sqlite3 *src = NULL, *dst = NULL;
	enum qd_status s = QD_OK;
	int rc = sqlite3_open_v2(copy, &src, SQLITE_OPEN_READONLY, NULL);
	if (rc != SQLITE_OK)
		s = fail_with(src, rc, err, n, copy);
	if (s == QD_OK && (rc = sqlite3_open_v2(live, &dst, SQLITE_OPEN_READWRITE, NULL)) != SQLITE_OK)
		s = fail_with(dst, rc, err, n, live);
	if (s == QD_OK) {
		sqlite3_busy_timeout(dst, 10000);
		if ((rc = copy_pages(dst, src)) != SQLITE_OK)
			s = fail_with(dst, rc, err, n, live);
	}
	if (s == QD_OK && (rc = sqlite3_exec(dst, "PRAGMA journal_mode = WAL", NULL, NULL, NULL)) != SQLITE_OK)
		s = fail_with(dst, rc, err, n, live);
	sqlite3_close(src);
	sqlite3_close(dst);
	return s;
}
