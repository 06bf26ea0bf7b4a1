/* lead-day.c - the shift lead's drill-down into one window's, clerk's or type's day: checks the
 * key against the config and reads today's rows in one read transaction (store-lead-day.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "qdesk/clock.h"
#include "qdesk/lead-day.h"
#include "store-lead-day.h"

void lead_day_free(struct lead_day *d)
{
	free(d->tickets);
	free(d->cases);
	free(d->pauses);
	free(d->ratings);
	d->tickets = NULL;
	d->cases = NULL;
	d->pauses = NULL;
	d->ratings = NULL;
	d->ntickets = d->ncases = d->npauses = d->nratings = 0;
}

struct day_ctx {
	struct lead_day *d;
	long long start, end;
};

static enum qd_status day_rx(struct store *st, void *vctx)
{
	struct day_ctx *c = vctx;
	lead_day_free(c->d);        /* a retried read starts afresh */
	return store_lead_day(st, c->d, c->start, c->end);
}

enum qd_status lead_day(struct store *st, const struct hall *h, enum lead_day_kind kind,
                        const char *key, struct lead_day *out)
{
	memset(out, 0, sizeof *out);
	out->kind = kind;
	if (!key || !*key || strlen(key) >= sizeof out->key)
		return QD_ERR_INVALID;
	if (kind == LEAD_DAY_WINDOW && !hall_window(h, atoi(key)))
		return QD_ERR_NO_WINDOW;
	if (kind == LEAD_DAY_TYPE && !hall_type(h, key))
		return QD_ERR_NO_TYPE;
	snprintf(out->key, sizeof out->key, "%s", key);
	time_t now = clock_now();
	if (now == (time_t)-1)
		return QD_ERR_USAGE;
	char next[11];
	clock_day(now, out->day);
	clock_day_add(out->day, 1, next);
	struct day_ctx c = { out, (long long)clock_at(out->day, 0), (long long)clock_at(next, 0) };
	return store_read(st, day_rx, &c);
}
