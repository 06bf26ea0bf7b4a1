/* store-unlist.c - speed (issue 11), migration 20: the tables' CHECK constraints written without
 * IN lists. SQLite tests "x IN ('a','b','c')" against a list of three or more by building a
 * temporary b-tree of the list, afresh every time a statement runs, so every write of a ticket's
 * state or a window's row built one or two (about a seventh of a call's instructions); written
 * "(x = 'a' OR x = 'b' OR x = 'c')" it is a few comparisons. The same rows pass and fail.
 *
 * A CHECK constraint cannot be altered, and copying the tables would rewrite every ticket; so
 * this is SQLite's documented way to change a constraint the stored rows already satisfy: edit
 * the table's text in sqlite_schema (writable_schema) and bump the schema version, inside the
 * migration's transaction. The connection then reads the edited schema before the transaction
 * commits, so a text SQLite could not parse rolls the whole migration back. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sqlite3.h>
#include "store-internal.h"

/* After "IN (" at p: the number of plain string literals ('…' with no quote inside) the list
 * holds up to its ")", which *end is set past; 0 if it is any other kind of list. */
static int literal_list(const char *p, const char **end)
{
	int n = 0;
	for (;;) {
		while (*p == ' ')
			p++;
		if (*p != '\'')
			return 0;
		const char *close = strchr(p + 1, '\'');
		if (!close || close[1] == '\'')
			return 0;
		n++;
		p = close + 1;
		while (*p == ' ')
			p++;
		if (*p == ')') {
			*end = p + 1;
			return n;
		}
		if (*p++ != ',')
			return 0;
	}
}

/* sql with each "name IN ('a', 'b', 'c'…)" of three or more literals written as an OR of
 * equalities ("NOT IN" and other lists stay); a string for sqlite3_free, NULL if out of memory. */
static char *unlisted(const char *sql)
{
	sqlite3_str *out = sqlite3_str_new(NULL);
	const char *p = sql, *in;
	while ((in = strstr(p, " IN (")) != NULL) {
		const char *name = in, *end;
		while (name > p && (isalnum((unsigned char)name[-1]) || name[-1] == '_'))
			name--;
		int not = in - name == 3 && strncasecmp(name, "NOT", 3) == 0;
		int n = name < in && !not ? literal_list(in + 5, &end) : 0;
		if (n < 3) {
			sqlite3_str_append(out, p, (int)(in + 5 - p));
			p = in + 5;
			continue;
		}
		sqlite3_str_append(out, p, (int)(name - p));
		sqlite3_str_appendchar(out, 1, '(');
		const char *item = in + 5;
		for (int i = 0; i < n; i++) {
			while (*item == ' ' || *item == ',')
				item++;
			const char *close = strchr(item + 1, '\'');
			sqlite3_str_appendf(out, "%s%.*s = %.*s", i ? " OR " : "", (int)(in - name), name,
			                    (int)(close + 1 - item), item);
			item = close + 1;
		}
		sqlite3_str_appendchar(out, 1, ')');
		p = end;
	}
	sqlite3_str_appendall(out, p);
	return sqlite3_str_finish(out);
}

static int collect(sqlite3_stmt *s, void *ctx)
{
	sqlite3_str *names = ctx;
	sqlite3_str_appendf(names, "%s\n", (const char *)sqlite3_column_text(s, 0));
	return 0;
}

/* Rewrite table name's text if it has such a list. */
static enum qd_status unlist_table(struct store *st, const char *name)
{
	sqlite3_stmt *s = store_stmt(st, "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?1");
	if (!s)
		return QD_ERR_DB;
	sqlite3_bind_text(s, 1, name, -1, SQLITE_TRANSIENT);
	char *now = NULL;
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		now = unlisted((const char *)sqlite3_column_text(s, 0));
	int same = now && strcmp(now, (const char *)sqlite3_column_text(s, 0)) == 0;
	sqlite3_reset(s);
	enum qd_status r = rc == SQLITE_ROW && !now ? QD_ERR_NOMEM : store_check(st, rc);
	if (r == QD_OK && now && !same)
		r = store_each(st, "UPDATE sqlite_schema SET sql = ?1 WHERE type = 'table' AND name = ?2",
		               NULL, NULL, "tt", now, name);
	sqlite3_free(now);
	return r;
}

enum qd_status store_unlist_checks(struct store *st)
{
	long long version;
	enum qd_status r = store_int(st, "PRAGMA schema_version", &version, "");
	sqlite3_str *names = sqlite3_str_new(NULL);
	if (r == QD_OK)
		r = store_each(st, "SELECT name FROM sqlite_schema WHERE type = 'table' AND sql LIKE '% IN (%'",
		               collect, names, "");
	char *list = sqlite3_str_finish(names);
	if (r == QD_OK && !list)
		return QD_ERR_NOMEM;
	sqlite3 *db = store_handle(st);
	if (r == QD_OK && list[0])
		r = store_check(st, sqlite3_exec(db, "PRAGMA writable_schema = ON", NULL, NULL, NULL));
	for (char *name = list, *nl; r == QD_OK && name && (nl = strchr(name, '\n')); name = nl + 1) {
		*nl = '\0';
		r = unlist_table(st, name);
	}
	if (list && list[0]) {
		char bump[64];
		snprintf(bump, sizeof bump, "PRAGMA schema_version = %lld", version + 1);
		if (r == QD_OK)
			r = store_check(st, sqlite3_exec(db, bump, NULL, NULL, NULL));
		sqlite3_exec(db, "PRAGMA writable_schema = RESET", NULL, NULL, NULL);
		/* the edited schema, read now: a text SQLite cannot parse fails the migration */
		if (r == QD_OK)
			r = store_int(st, "SELECT count(*) FROM sqlite_schema", &version, "");
	}
	sqlite3_free(list);
	return r;
}
