/* store-rollup.h - per-day rollups of the report's counts (store-rollup.c), kept by triggers. */
#ifndef QDESK_STORE_ROLLUP_H
#define QDESK_STORE_ROLLUP_H
#include "qdesk/store.h"

/* The migration that creates the rollup tables, fills them from the records and adds the triggers
 * that keep them current in the transaction of every write. */
extern const char store_rollup_migration[];

/* Migration 18: the same triggers written shorter (one statement for a day's and a month's row),
 * so every process parses and compiles less. */
extern const char store_rollup_shorter[];

/* `qdesk check`: every rollup agrees with the records it counts; each day that does not is a
 * violation to report(ctx, "rollup", detail), counted in *problems. Reads every record (a check,
 * never inside a write). */
enum qd_status store_rollup_check(struct store *st, void (*report)(void *, const char *, const char *),
                                  void *ctx, int *problems);

#endif
