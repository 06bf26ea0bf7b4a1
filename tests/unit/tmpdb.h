/* tmpdb.h - a fresh database file in its own temporary directory for a unit test, removed again
 * afterwards. */
#ifndef QDESK_TEST_TMPDB_H
#define QDESK_TEST_TMPDB_H
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "qdesk/store.h"

struct tmpdb {
	char dir[64];
	char path[128];
	struct store *st;
};

/* Create /tmp/qdesk-<name>-XXXXXX/t.db and open it with store_open(path, 1, …). 0 on success. */
static inline int tmpdb_open(struct tmpdb *t, const char *name)
{
	snprintf(t->dir, sizeof t->dir, "/tmp/qdesk-%.20s-XXXXXX", name);
	if (!mkdtemp(t->dir))
		return -1;
	snprintf(t->path, sizeof t->path, "%s/t.db", t->dir);
	/* Created "long ago", so the tests' fixed clocks are never before the database's creation
	 * (events dated earlier are refused). */
	const char *was = getenv("QDESK_NOW");
	char keep[32];
	snprintf(keep, sizeof keep, "%s", was ? was : "");
	setenv("QDESK_NOW", "2000-01-01 00:00:00", 1);
	int rc = store_open(t->path, 1, &t->st) == QD_OK ? 0 : -1;
	if (was)
		setenv("QDESK_NOW", keep, 1);
	else
		unsetenv("QDESK_NOW");
	return rc;
}

/* Close the store and remove the directory. 0 on success. */
static inline int tmpdb_close(struct tmpdb *t)
{
	char cmd[160];
	store_close(t->st);
	t->st = NULL;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", t->dir);
	return system(cmd) == 0 ? 0 : -1;
}

#endif
