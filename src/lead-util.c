/* lead-util.c - the list read the shift lead's item lists (problems, rectifications) share: one
 * read transaction that starts afresh when retried. */
#include <stdlib.h>
#include "lead-util.h"

struct list_ctx {
	const char *day, *today;
	lead_fetch_fn *fetch;
	void *rows;
	size_t n;
};

static enum qd_status list_rx(struct store *st, void *vctx)
{
	struct list_ctx *c = vctx;
	free(c->rows);      /* a retried read starts afresh */
	c->rows = NULL;
	c->n = 0;
	return c->fetch(st, c->day, c->today, &c->rows, &c->n);
}

enum qd_status lead_list_read(struct store *st, const char *day, lead_fetch_fn *fetch, void **rows,
                              size_t *n, char today[11])
{
	struct list_ctx c = { .day = day, .today = today, .fetch = fetch };
	long long now;
	*rows = NULL;
	*n = 0;
	enum qd_status r = lead_now(&now, today);
	if (r == QD_OK && day && !clock_valid_day(day))
		r = QD_ERR_INVALID;
	if (r == QD_OK)
		r = store_read(st, list_rx, &c);
	if (r != QD_OK) {
		free(c.rows);
		return r;
	}
	*rows = c.rows;
	*n = c.n;
	return QD_OK;
}
