/* store-vfs.c - speed: the VFS qdesk's connections open with. It is SQLite's default VFS, except
 * that a connection's writes to its WAL file are gathered and reach the file in one write.
 *
 * SQLite writes each WAL frame as two pwrite()s (the 24-byte header, then the page): a call
 * writes ~14 frames, so 28 system calls, each costing more than the bytes it copies on a virtual
 * machine. Here contiguous writes collect in a buffer that goes to the file in one pwrite()
 * before anything that could need it there:
 *   - the page of a commit frame (a frame header with a non-zero database size): the commit is
 *     written before SQLite makes it visible to other connections, whatever the sync setting;
 *   - a sync, read, truncate, size query, file control, or close of the WAL file;
 *   - a write that does not continue the buffer, or would overflow it.
 * So the file holds what it would have held at every point where SQLite or another connection
 * can look, and an acknowledged commit was written and synced exactly as before. A process killed
 * with frames still buffered loses only frames of a transaction that had not committed. Files
 * other than WALs are SQLite's own, untouched. */
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include "store-internal.h"

/* Bytes gathered at most: a call writes ~58 KB (14 frames). The default VFS writes at most
 * 128 KB - 1 in one call (its write helper masks the length with 0x1ffff). */
#define WAL_BUFFER      (120 << 10)
#define WAL_FRAME_HDR   24

struct wal_file {
	sqlite3_file base;          /* pMethods = &wal_methods */
	sqlite3_file *real;         /* the default VFS's file, in the memory right after this */
	unsigned char *buf;         /* WAL_BUFFER bytes, from the first write */
	int len;                    /* bytes in buf */
	sqlite3_int64 at;           /* where buf[0] goes in the file */
	int commit_next;            /* the last write was a commit frame's header */
};

static sqlite3_vfs *base_vfs;

/* Write what is gathered. */
static int wal_flush(struct wal_file *w)
{
	if (w->len == 0)
		return SQLITE_OK;
	int rc = w->real->pMethods->xWrite(w->real, w->buf, w->len, w->at);
	w->len = 0;
	return rc;
}

static int wal_write(sqlite3_file *f, const void *data, int n, sqlite3_int64 off)
{
	struct wal_file *w = (struct wal_file *)f;
	int rc = SQLITE_OK;
	if (w->len > 0 && (off != w->at + w->len || w->len + n > WAL_BUFFER))
		rc = wal_flush(w);
	if (rc != SQLITE_OK)
		return rc;
	if (!w->buf)
		w->buf = malloc(WAL_BUFFER);
	if (n > WAL_BUFFER || !w->buf)
		return w->real->pMethods->xWrite(w->real, data, n, off);
	if (w->len == 0)
		w->at = off;
	memcpy(w->buf + w->len, data, (size_t)n);
	w->len += n;
	const unsigned char *h = data;
	int commit = w->commit_next;
	w->commit_next = n == WAL_FRAME_HDR && (h[4] | h[5] | h[6] | h[7]) != 0;
	return commit ? wal_flush(w) : SQLITE_OK;
}

/* The methods that pass straight on once what is gathered is written. */
#define FLUSHED(w, call) do { int rc_ = wal_flush(w); return rc_ != SQLITE_OK ? rc_ : (call); } while (0)

static int wal_close(sqlite3_file *f)
{
	struct wal_file *w = (struct wal_file *)f;
	int rc = wal_flush(w);
	int rc2 = w->real->pMethods->xClose(w->real);
	free(w->buf);
	w->buf = NULL;
	return rc != SQLITE_OK ? rc : rc2;
}

static int wal_read(sqlite3_file *f, void *data, int n, sqlite3_int64 off)
{
	struct wal_file *w = (struct wal_file *)f;
	FLUSHED(w, w->real->pMethods->xRead(w->real, data, n, off));
}

static int wal_truncate(sqlite3_file *f, sqlite3_int64 size)
{
	struct wal_file *w = (struct wal_file *)f;
	FLUSHED(w, w->real->pMethods->xTruncate(w->real, size));
}

static int wal_sync(sqlite3_file *f, int flags)
{
	struct wal_file *w = (struct wal_file *)f;
	FLUSHED(w, w->real->pMethods->xSync(w->real, flags));
}

static int wal_file_size(sqlite3_file *f, sqlite3_int64 *size)
{
	struct wal_file *w = (struct wal_file *)f;
	FLUSHED(w, w->real->pMethods->xFileSize(w->real, size));
}

static int wal_file_control(sqlite3_file *f, int op, void *arg)
{
	struct wal_file *w = (struct wal_file *)f;
	FLUSHED(w, w->real->pMethods->xFileControl(w->real, op, arg));
}

static int wal_lock(sqlite3_file *f, int level)
{
	struct wal_file *w = (struct wal_file *)f;
	return w->real->pMethods->xLock(w->real, level);
}

static int wal_unlock(sqlite3_file *f, int level)
{
	struct wal_file *w = (struct wal_file *)f;
	return w->real->pMethods->xUnlock(w->real, level);
}

static int wal_reserved(sqlite3_file *f, int *out)
{
	struct wal_file *w = (struct wal_file *)f;
	return w->real->pMethods->xCheckReservedLock(w->real, out);
}

static int wal_sector_size(sqlite3_file *f)
{
	struct wal_file *w = (struct wal_file *)f;
	return w->real->pMethods->xSectorSize(w->real);
}

static int wal_device(sqlite3_file *f)
{
	struct wal_file *w = (struct wal_file *)f;
	return w->real->pMethods->xDeviceCharacteristics(w->real);
}

/* Version 1 methods: SQLite maps no WAL file into memory and keeps no shared memory on it. */
static const sqlite3_io_methods wal_methods = {
	1, wal_close, wal_read, wal_write, wal_truncate, wal_sync, wal_file_size, wal_lock,
	wal_unlock, wal_reserved, wal_file_control, wal_sector_size, wal_device,
	NULL, NULL, NULL, NULL, NULL, NULL,
};

static int vfs_open(sqlite3_vfs *vfs, sqlite3_filename name, sqlite3_file *f, int flags, int *out)
{
	(void)vfs;
	if (!(flags & SQLITE_OPEN_WAL))
		return base_vfs->xOpen(base_vfs, name, f, flags, out);
	struct wal_file *w = (struct wal_file *)f;
	memset(w, 0, sizeof *w);
	w->real = (sqlite3_file *)(w + 1);
	int rc = base_vfs->xOpen(base_vfs, name, w->real, flags, out);
	if (rc != SQLITE_OK)
		return rc;          /* base.pMethods stays NULL: SQLite will not close it */
	w->base.pMethods = &wal_methods;
	return SQLITE_OK;
}

static sqlite3_vfs qdesk_vfs;

int store_vfs_register(void)
{
	base_vfs = sqlite3_vfs_find(NULL);
	if (!base_vfs)
		return SQLITE_ERROR;
	qdesk_vfs = *base_vfs;
	qdesk_vfs.zName = STORE_VFS;
	qdesk_vfs.szOsFile = base_vfs->szOsFile + (int)sizeof(struct wal_file);
	qdesk_vfs.xOpen = vfs_open;
	qdesk_vfs.pNext = NULL;
	return sqlite3_vfs_register(&qdesk_vfs, 0);
}
