/* store-log.h - the event log row every state change writes (who, which window, when, what), and
 * a binding helper. For store*.c files; any of them may use these inside its write transaction. */
#ifndef QDESK_STORE_LOG_H
#define QDESK_STORE_LOG_H
#include <stddef.h>
#include "qdesk/store.h"

/* Insert an events row at Unix time at (its day is the hall's local day of at). ticket_id 0 and
 * window 0 are stored as NULL; staff and detail may be NULL. Inside the caller's transaction.
 * The only way an event is written: it also records the system clock and whether QDESK_NOW fixed
 * the clock, refuses a day before the database was created (QD_ERR_CLOCK_BACK), and is hashed
 * into the audit chain when the transaction commits. */
enum qd_status store_event_add(struct store *st, long long at, const char *kind, long long ticket_id,
                               int window, const char *staff, const char *detail);

/* Bind v as text at parameter i (copied), or NULL when v is NULL or "". */
int store_bind_opt_text(sqlite3_stmt *s, int i, const char *v);

/* Every row of s into a malloc'd array of elements of size elem, each filled by fill(s, row, ctx);
 * steps to the end and resets. On failure *out is NULL and *n 0. The caller frees *out. */
enum qd_status store_rows(struct store *st, sqlite3_stmt *s, size_t elem,
                          void (*fill)(sqlite3_stmt *, void *, const void *), const void *ctx,
                          void **out, size_t *n);

/* Run sql (one parameter: day) whose one row has two integers, into *a and *b (0 without a row). */
enum qd_status store_count_pair(struct store *st, const char *sql, const char *day, int *a, int *b);

/* Column i of the current row as text into out (size bytes; "" for NULL). */
void store_col_text(sqlite3_stmt *s, int i, char *out, size_t size);
/* Step the statement of sql with id bound at ?1 and fill(s, out, NULL) from its one row;
 * QD_ERR_NOT_FOUND without one. Resets the statement. */
enum qd_status store_row_by_id(struct store *st, const char *sql, long long id,
                               void (*fill)(sqlite3_stmt *, void *, const void *), void *out);

#endif
