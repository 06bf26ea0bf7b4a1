/* store-audit.c - the tamper-evident chain over the event log. Every event row gets a hash
 * (libsodium generichash) of its own columns, of the previous event's hash and of the digests of
 * the rows its transaction changed in the audited tables; those digests are kept in audit_rows.
 * Which rows a transaction changed is collected by this connection's update hook (the sqlite3
 * shell has none), and the chain is sealed just before COMMIT, so every event kind and every
 * column, including ones added later, is covered without work by whoever writes it. */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "qdesk/audit.h"
#include "qdesk/clock.h"
#include "store-internal.h"
#include "store-log.h"

#define HASH_LEN 32

/* The tables whose rows are covered. A new table is covered by adding its name here; the rows it
 * already holds need a migration step that covers them, as store_audit_start does for all. */
static const char *const audit_tables[] = {
	"staff", "tickets", "cases", "case_help", "evaluations", "rectifications", "consultations",
	"problems", NULL
};

const char *const *store_audit_tables(void)
{
	return audit_tables;
}

/* ---- canonical serialisation ------------------------------------------------------------- */

static void put_u64(crypto_generichash_state *h, unsigned long long v)
{
	unsigned char b[8];
	for (int i = 7; i >= 0; i--, v >>= 8)
		b[i] = (unsigned char)(v & 0xff);
	crypto_generichash_update(h, b, sizeof b);
}

static void put_bytes(crypto_generichash_state *h, const void *p, size_t n)
{
	put_u64(h, n);
	if (n)
		crypto_generichash_update(h, p, n);
}

static void put_str(crypto_generichash_state *h, const char *s)
{
	put_bytes(h, s, strlen(s));
}

/* Every non-NULL column of the current row of s except "hash", by name, type and value: a column
 * added later that is NULL in old rows leaves their hash as it was. */
static void put_row(crypto_generichash_state *h, sqlite3_stmt *s)
{
	int n = sqlite3_column_count(s);
	for (int i = 0; i < n; i++) {
		int type = sqlite3_column_type(s, i);
		const char *name = sqlite3_column_name(s, i);
		if (type == SQLITE_NULL || !strcmp(name, "hash"))
			continue;
		put_str(h, name);
		unsigned char t = (unsigned char)type;
		crypto_generichash_update(h, &t, 1);
		if (type == SQLITE_INTEGER) {
			put_u64(h, (unsigned long long)sqlite3_column_int64(s, i));
		} else if (type == SQLITE_FLOAT) {
			double d = sqlite3_column_double(s, i);
			unsigned long long u;
			memcpy(&u, &d, sizeof u);
			put_u64(h, u);
		} else {
			const void *p = type == SQLITE_TEXT ? (const void *)sqlite3_column_text(s, i)
			                                    : sqlite3_column_blob(s, i);
			put_bytes(h, p, (size_t)sqlite3_column_bytes(s, i));
		}
	}
}

/* The digest of row `row` of table tbl into out; *gone = 1 if there is no such row. */
static enum qd_status row_digest(struct store *st, const char *tbl, long long row,
                                 unsigned char out[HASH_LEN], int *gone)
{
	char sql[160];
	snprintf(sql, sizeof sql, "SELECT rowid AS \"rowid\", * FROM \"%s\" WHERE rowid = ?1", tbl);
	sqlite3_stmt *s = store_stmt(st, sql);
	if (!s)
		return QD_ERR_DB;
	sqlite3_bind_int64(s, 1, row);
	int rc = sqlite3_step(s);
	*gone = rc != SQLITE_ROW;
	if (rc == SQLITE_ROW) {
		crypto_generichash_state h;
		crypto_generichash_init(&h, NULL, 0, HASH_LEN);
		put_str(&h, "qdesk-row-1");
		put_str(&h, tbl);
		put_row(&h, s);
		crypto_generichash_final(&h, out, HASH_LEN);
		rc = SQLITE_DONE;
	}
	enum qd_status r = store_check(st, rc);
	sqlite3_reset(s);
	return r;
}

/* The hash event `id` must carry, given the previous event's hash (NULL for the first). */
static enum qd_status event_hash(struct store *st, long long id, const unsigned char *prev,
                                 unsigned char out[HASH_LEN])
{
	crypto_generichash_state h;
	crypto_generichash_init(&h, NULL, 0, HASH_LEN);
	put_str(&h, "qdesk-event-1");
	unsigned char zero[HASH_LEN] = { 0 };
	crypto_generichash_update(&h, prev ? prev : zero, HASH_LEN);
	sqlite3_stmt *s = store_stmt(st, "SELECT * FROM events WHERE id = ?1");
	if (!s)
		return QD_ERR_DB;
	sqlite3_bind_int64(s, 1, id);
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		put_row(&h, s);
		rc = SQLITE_DONE;
	}
	enum qd_status r = store_check(st, rc);
	sqlite3_reset(s);
	if (r != QD_OK || !(s = store_stmt(st, "SELECT tbl, rid, digest FROM audit_rows"
	                                       " WHERE event_id = ?1 ORDER BY tbl, rid")))
		return r != QD_OK ? r : QD_ERR_DB;
	sqlite3_bind_int64(s, 1, id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		put_str(&h, (const char *)sqlite3_column_text(s, 0));
		put_u64(&h, (unsigned long long)sqlite3_column_int64(s, 1));
		put_bytes(&h, sqlite3_column_blob(s, 2), (size_t)sqlite3_column_bytes(s, 2));
	}
	r = store_check(st, rc);
	sqlite3_reset(s);
	crypto_generichash_final(&h, out, HASH_LEN);
	return r;
}

/* ---- collecting and sealing -------------------------------------------------------------- */

/* What this connection's write transaction has changed so far, from SQLite's update hook: the
 * events it added and the (table, rowid) of every row of an audited table it inserted, updated or
 * deleted. A hook is called where a TEMP trigger would fire, at no cost to open the connection
 * and none in SQL. It also sees a row of a statement that later failed and was undone: covering
 * that row again only records its digest as it is (or that it is gone). qdesk never changes a
 * rowid, deletes a whole table at once or writes REPLACE into an audited table, the three changes
 * SQLite reports to no hook. */
struct audit_touch { unsigned table; long long row; };   /* table: index into audit_tables */
struct audit_collect {
	long long *ids;
	size_t nids, capids;
	struct audit_touch *rows;
	size_t nrows, caprows;
	int failed;                 /* memory ran out while collecting: the seal refuses */
};

static int grow(void **p, size_t *cap, size_t n, size_t size)
{
	if (n < *cap)
		return 1;
	size_t c = *cap ? *cap * 2 : 16;
	void *m = realloc(*p, c * size);
	if (!m)
		return 0;
	*p = m;
	*cap = c;
	return 1;
}

static void audit_hook(void *arg, int op, const char *db, const char *tbl, sqlite3_int64 row)
{
	struct audit_collect *c = arg;
	if (strcmp(db, "main"))
		return;
	if (!strcmp(tbl, "events")) {
		if (op != SQLITE_INSERT)
			return;
		if (!grow((void **)&c->ids, &c->capids, c->nids, sizeof *c->ids))
			c->failed = 1;
		else
			c->ids[c->nids++] = row;
		return;
	}
	for (unsigned i = 0; audit_tables[i]; i++)
		if (!strcmp(tbl, audit_tables[i])) {
			if (!grow((void **)&c->rows, &c->caprows, c->nrows, sizeof *c->rows))
				c->failed = 1;
			else
				c->rows[c->nrows++] = (struct audit_touch){ i, row };
			return;
		}
}

enum qd_status store_audit_prepare(struct store *st)
{
	if (sodium_init() < 0)
		return QD_ERR_NOMEM;
	struct audit_collect **slot = store_audit_slot(st);
	if (!*slot && !(*slot = calloc(1, sizeof **slot)))
		return QD_ERR_NOMEM;
	sqlite3_update_hook(store_handle(st), audit_hook, *slot);
	return QD_OK;
}

void store_audit_forget(struct store *st)
{
	struct audit_collect *c = *store_audit_slot(st);
	if (c) {
		c->nids = c->nrows = 0;
		c->failed = 0;
	}
}

void store_audit_release(struct audit_collect *c)
{
	if (c) {
		free(c->ids);
		free(c->rows);
		free(c);
	}
}

static int by_id(const void *a, const void *b)
{
	long long x = *(const long long *)a, y = *(const long long *)b;
	return (x > y) - (x < y);
}

/* Rows in the order of audit_rows' (tbl, rid): table name, then rowid. */
static int by_table_row(const void *a, const void *b)
{
	const struct audit_touch *x = a, *y = b;
	int t = strcmp(audit_tables[x->table], audit_tables[y->table]);
	return t ? t : (x->row > y->row) - (x->row < y->row);
}

/* Sort and drop repeats: n elements of size bytes at p; returns how many remain. */
static size_t sort_unique(void *p, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
	if (n == 0)
		return 0;
	qsort(p, n, size, cmp);
	unsigned char *b = p;
	size_t k = 1;
	for (size_t i = 1; i < n; i++)
		if (cmp(b + (k - 1) * size, b + i * size) != 0)
			memmove(b + k++ * size, b + i * size, size);
	return k;
}

/* Record the digest of table t's row `row` as covered by event id. */
static enum qd_status cover_row(struct store *st, long long id, const char *t, long long row)
{
	unsigned char d[HASH_LEN];
	int gone;
	enum qd_status r = row_digest(st, t, row, d, &gone);
	sqlite3_stmt *s = r == QD_OK ? store_stmt(st,
		"INSERT INTO audit_rows (event_id, tbl, rid, digest) VALUES (?1, ?2, ?3, ?4)") : NULL;
	if (!s)
		return r != QD_OK ? r : QD_ERR_DB;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_text(s, 2, t, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 3, row);
	if (!gone)
		sqlite3_bind_blob(s, 4, d, HASH_LEN, SQLITE_TRANSIENT);
	return store_exec(st, s);
}

/* Record the digests of the touched rows as covered by event id. */
static enum qd_status cover_rows(struct store *st, long long id, const struct audit_touch *t, size_t n)
{
	enum qd_status r = QD_OK;
	for (size_t i = 0; r == QD_OK && i < n; i++)
		r = cover_row(st, id, audit_tables[t[i].table], t[i].row);
	return r;
}

/* The hash of the last event before id (a bounded rowid range), into prev; *have = 0 if none. */
static enum qd_status prev_hash(struct store *st, long long id, unsigned char prev[HASH_LEN], int *have)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT hash FROM events WHERE id < ?1 ORDER BY id DESC LIMIT 1");
	if (!s)
		return QD_ERR_DB;
	sqlite3_bind_int64(s, 1, id);
	int rc = sqlite3_step(s);
	*have = 0;
	if (rc == SQLITE_ROW) {
		*have = 1;
		memset(prev, 0, HASH_LEN);
		if (sqlite3_column_bytes(s, 0) == HASH_LEN)
			memcpy(prev, sqlite3_column_blob(s, 0), HASH_LEN);
		rc = SQLITE_DONE;
	}
	enum qd_status r = store_check(st, rc);
	sqlite3_reset(s);
	return r;
}

/* Hash events ids[0..n) (ascending) into the chain after the event before ids[0]; the last one
 * first covers the n rows touched. */
static enum qd_status chain(struct store *st, const long long *ids, size_t n,
                            const struct audit_touch *rows, size_t nrows)
{
	unsigned char prev[HASH_LEN], h[HASH_LEN];
	int have = 0;
	enum qd_status r = n > 0 ? prev_hash(st, ids[0], prev, &have) : QD_OK;
	for (size_t i = 0; r == QD_OK && i < n; i++) {
		sqlite3_stmt *s;
		if (i + 1 == n)
			r = cover_rows(st, ids[i], rows, nrows);
		if (r == QD_OK)
			r = event_hash(st, ids[i], have ? prev : NULL, h);
		if (r == QD_OK && (s = store_stmt(st, "UPDATE events SET hash = ?1 WHERE id = ?2"))) {
			sqlite3_bind_blob(s, 1, h, HASH_LEN, SQLITE_TRANSIENT);
			sqlite3_bind_int64(s, 2, ids[i]);
			r = store_exec(st, s);
		} else if (r == QD_OK) {
			r = QD_ERR_DB;
		}
		memcpy(prev, h, HASH_LEN);
		have = 1;
	}
	return r;
}

enum qd_status store_audit_seal(struct store *st)
{
	struct audit_collect *c = *store_audit_slot(st);
	if (!c)
		return QD_ERR_DB;
	enum qd_status r = c->failed ? QD_ERR_NOMEM : QD_OK;
	c->nrows = sort_unique(c->rows, c->nrows, sizeof *c->rows, by_table_row);
	if (r == QD_OK && c->nids == 0 && c->nrows > 0) {
		/* Rows changed without an event: the change is still recorded, as what it is. */
		time_t now = clock_now();
		r = store_event_add(st, now == (time_t)-1 ? 0 : (long long)now, "change", 0, 0, NULL, NULL);
	}
	c->nids = sort_unique(c->ids, c->nids, sizeof *c->ids, by_id);
	if (r == QD_OK)
		r = chain(st, c->ids, c->nids, c->rows, c->nrows);
	if (r == QD_OK)
		store_audit_forget(st);
	return r;
}

/* ---- the migration that starts the chain --------------------------------------------------- */

/* store_rows fill: an id from column 0. */
static void fill_id(sqlite3_stmt *s, void *row, const void *unused)
{
	(void)unused;
	*(long long *)row = sqlite3_column_int64(s, 0);
}

/* Cover every row of every audited table by event id, table by table in rowid order. */
static enum qd_status cover_all_rows(struct store *st, long long id)
{
	enum qd_status r = QD_OK;
	for (const char *const *tb = audit_tables; r == QD_OK && *tb; tb++) {
		char sql[96];
		snprintf(sql, sizeof sql, "SELECT rowid FROM \"%s\" ORDER BY rowid", *tb);
		sqlite3_stmt *s;
		int rc = sqlite3_prepare_v2(store_handle(st), sql, -1, &s, NULL);
		if (rc == SQLITE_OK)
			while (r == QD_OK && (rc = sqlite3_step(s)) == SQLITE_ROW)
				r = cover_row(st, id, *tb, sqlite3_column_int64(s, 0));
		if (r == QD_OK && rc != SQLITE_DONE)
			r = store_check(st, rc);
		sqlite3_finalize(s);
	}
	return r;
}

enum qd_status store_audit_start(struct store *st)
{
	enum qd_status r = store_audit_prepare(st);
	if (r != QD_OK)
		return r;
	/* Existing events enter the chain in id order (they cover no rows); then one event covers
	 * every row there is. The database was created on the day of its first event (or today). */
	long long *ids = NULL;
	size_t n = 0;
	time_t now = clock_now();
	char today[11];
	clock_day(now == (time_t)-1 ? 0 : now, today);
	/* (an in-memory database is a scratch one, for tests: it keeps no creation day) */
	const char *file = sqlite3_db_filename(store_handle(st), "main");
	sqlite3_stmt *s = store_stmt(st, "INSERT OR IGNORE INTO qdesk_meta (key, value) VALUES"
		" ('created_day', coalesce((SELECT min(day) FROM events WHERE day < ?1), ?1))");
	if (!s)
		return QD_ERR_DB;
	sqlite3_bind_text(s, 1, today, -1, SQLITE_TRANSIENT);
	if (file && *file && (r = store_exec(st, s)) != QD_OK)
		return r;
	s = store_stmt(st, "SELECT id FROM events WHERE hash IS NULL ORDER BY id");
	void *rows = NULL;
	r = s ? store_rows(st, s, sizeof *ids, fill_id, NULL, &rows, &n) : QD_ERR_DB;
	ids = rows;
	if (r == QD_OK)
		r = chain(st, ids, n, NULL, 0);
	free(ids);
	/* The seal at COMMIT hashes the start event, whose rows are covered here already. */
	store_audit_forget(st);
	if (r == QD_OK)
		r = store_event_add(st, now == (time_t)-1 ? 0 : (long long)now, "audit-start", 0, 0, NULL, NULL);
	struct audit_collect *c = *store_audit_slot(st);
	if (r == QD_OK && c->nids == 1)
		r = cover_all_rows(st, c->ids[0]);
	else if (r == QD_OK)
		r = QD_ERR_DB;
	c->nrows = 0;
	return r;
}

/* ---- verification -------------------------------------------------------------------------- */

static void report(const struct audit_verify_ctx *v, long long event_id, const char *tbl,
                   long long row, enum audit_finding what)
{
	struct audit_problem p = { event_id, "", row, what };
	snprintf(p.table, sizeof p.table, "%s", tbl ? tbl : "");
	v->report(v->ctx, &p);
}

/* The chain: every event's hash from its content, its covered rows and the previous hash. */
static enum qd_status verify_events(struct store *st, const struct audit_verify_ctx *v,
                                    struct audit_summary *sum)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT id, hash, clock_fixed FROM events ORDER BY id");
	if (!s)
		return QD_ERR_DB;
	unsigned char prev[HASH_LEN], h[HASH_LEN];
	int have = 0, rc;
	enum qd_status r = QD_OK;
	while (r == QD_OK && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		long long id = sqlite3_column_int64(s, 0);
		int len = sqlite3_column_bytes(s, 1);
		unsigned char stored[HASH_LEN] = { 0 };
		if (len == HASH_LEN)
			memcpy(stored, sqlite3_column_blob(s, 1), HASH_LEN);
		if (sqlite3_column_int(s, 2)) {
			if (!sum->fixed_clock++)
				sum->first_fixed = id;
			sum->last_fixed = id;
		}
		sum->events++;
		r = event_hash(st, id, have ? prev : NULL, h);
		if (r == QD_OK && (len != HASH_LEN || sodium_memcmp(h, stored, HASH_LEN) != 0)) {
			if (!sum->first_broken)
				sum->first_broken = id;
			sum->broken_events++;
			report(v, id, NULL, 0, len != HASH_LEN ? AUDIT_UNSEALED : AUDIT_EVENT_CHANGED);
		}
		memcpy(prev, stored, HASH_LEN);
		have = 1;
	}
	if (r == QD_OK)
		r = store_check(st, rc);
	sqlite3_reset(s);
	return r;
}

/* One audited table: every row against the digest its last event covered, and every covered row
 * still there. */
static enum qd_status verify_table(struct store *st, const char *tbl, const struct audit_verify_ctx *v,
                                   struct audit_summary *sum)
{
	char sql[400];
	snprintf(sql, sizeof sql, "SELECT rowid FROM \"%s\" ORDER BY rowid", tbl);
	sqlite3_stmt *rows = store_stmt(st, sql);
	if (!rows)
		return QD_ERR_DB;
	int rc;
	enum qd_status r = QD_OK;
	while (r == QD_OK && (rc = sqlite3_step(rows)) == SQLITE_ROW) {
		long long row = sqlite3_column_int64(rows, 0);
		unsigned char d[HASH_LEN];
		int gone;
		sum->rows++;
		if ((r = row_digest(st, tbl, row, d, &gone)) != QD_OK)
			break;
		sqlite3_stmt *a = store_stmt(st, "SELECT digest, event_id FROM audit_rows"
		                                 " WHERE tbl = ?1 AND rid = ?2 ORDER BY event_id DESC LIMIT 1");
		if (!a) {
			r = QD_ERR_DB;
			break;
		}
		sqlite3_bind_text(a, 1, tbl, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(a, 2, row);
		int arc = sqlite3_step(a);
		if (arc == SQLITE_ROW) {
			long long ev = sqlite3_column_int64(a, 1);
			if (sqlite3_column_bytes(a, 0) != HASH_LEN ||
			    sodium_memcmp(sqlite3_column_blob(a, 0), d, HASH_LEN) != 0) {
				sum->broken_rows++;
				report(v, ev, tbl, row, AUDIT_ROW_CHANGED);
			}
			arc = SQLITE_DONE;
		} else if (arc == SQLITE_DONE) {
			sum->broken_rows++;
			report(v, 0, tbl, row, AUDIT_ROW_UNRECORDED);
		}
		r = store_check(st, arc);
		sqlite3_reset(a);
	}
	if (r == QD_OK)
		r = store_check(st, rc);
	sqlite3_reset(rows);
	if (r != QD_OK)
		return r;
	snprintf(sql, sizeof sql,
		"SELECT a.rid, a.event_id FROM audit_rows a WHERE a.tbl = ?1 AND a.digest IS NOT NULL"
		" AND a.event_id = (SELECT max(b.event_id) FROM audit_rows b WHERE b.tbl = ?1 AND b.rid = a.rid)"
		" AND NOT EXISTS (SELECT 1 FROM \"%s\" t WHERE t.rowid = a.rid) ORDER BY a.rid", tbl);
	sqlite3_stmt *del = store_stmt(st, sql);
	if (!del)
		return QD_ERR_DB;
	sqlite3_bind_text(del, 1, tbl, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(del)) == SQLITE_ROW) {
		sum->broken_rows++;
		report(v, sqlite3_column_int64(del, 1), tbl, sqlite3_column_int64(del, 0), AUDIT_ROW_DELETED);
	}
	r = store_check(st, rc);
	sqlite3_reset(del);
	return r;
}

enum qd_status store_audit_verify(struct store *st, const struct audit_verify_ctx *v,
                                  struct audit_summary *sum)
{
	memset(sum, 0, sizeof *sum);
	if (sodium_init() < 0)
		return QD_ERR_NOMEM;
	enum qd_status r = verify_events(st, v, sum);
	for (const char *const *t = audit_tables; r == QD_OK && *t; t++)
		r = verify_table(st, *t, v, sum);
	return r;
}

/* ---- the trail ---------------------------------------------------------------------------- */

static void copy_col(sqlite3_stmt *s, int i, char *out, size_t n)
{
	const unsigned char *t = sqlite3_column_text(s, i);
	snprintf(out, n, "%s", t ? (const char *)t : "");
}

enum qd_status store_audit_log(struct store *st, const struct audit_filter *f,
                               void (*fn)(void *ctx, const struct audit_event *e), void *ctx)
{
	sqlite3_stmt *s = store_stmt(st,
		"SELECT e.id, e.at, e.sys_at, e.ticket_id, e.window, e.clock_fixed, e.day, e.kind,"
		" e.staff, t.number, e.detail FROM events e LEFT JOIN tickets t ON t.id = e.ticket_id"
		" WHERE (?1 IS NULL OR e.day = ?1) AND (?2 IS NULL OR e.ticket_id = ?2)"
		" AND (?3 IS NULL OR e.staff = ?3 COLLATE NOCASE) AND (?4 IS NULL OR e.window = ?4)"
		" AND (?5 IS NULL OR e.ticket_id = (SELECT id FROM tickets WHERE day = ?6 AND number = ?5))"
		" ORDER BY e.id");
	if (!s)
		return QD_ERR_DB;
	if (f->day && *f->day)
		sqlite3_bind_text(s, 1, f->day, -1, SQLITE_TRANSIENT);
	if (f->ticket > 0)
		sqlite3_bind_int64(s, 2, f->ticket);
	if (f->staff && *f->staff)
		sqlite3_bind_text(s, 3, f->staff, -1, SQLITE_TRANSIENT);
	if (f->window > 0)
		sqlite3_bind_int(s, 4, f->window);
	if (f->number && *f->number) {
		sqlite3_bind_text(s, 5, f->number, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(s, 6, f->number_day ? f->number_day : "", -1, SQLITE_TRANSIENT);
	}
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct audit_event e;
		memset(&e, 0, sizeof e);
		e.id = sqlite3_column_int64(s, 0);
		e.at = sqlite3_column_int64(s, 1);
		e.sys_at = sqlite3_column_int64(s, 2);
		e.ticket_id = sqlite3_column_int64(s, 3);
		e.window = sqlite3_column_int(s, 4);
		e.clock_fixed = sqlite3_column_int(s, 5);
		copy_col(s, 6, e.day, sizeof e.day);
		copy_col(s, 7, e.kind, sizeof e.kind);
		copy_col(s, 8, e.staff, sizeof e.staff);
		copy_col(s, 9, e.number, sizeof e.number);
		copy_col(s, 10, e.detail, sizeof e.detail);
		fn(ctx, &e);
	}
	enum qd_status r = store_check(st, rc);
	sqlite3_reset(s);
	return r;
}
