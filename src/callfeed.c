/* callfeed.c - the call feed read by the hall board and the announcer: calls and recalls after a
 * cursor, the newest id, and today's last tickets called. Each read is one read transaction. */
#include "qdesk/callfeed.h"
#include "qdesk/clock.h"
#include "store-callfeed.h"

struct feed_read {
	long long after;
	char day[11];
	struct call_event *out;
	size_t max, *n;
	long long *head;
};

static size_t feed_cap(size_t max)
{
	return max > CALLFEED_MAX ? CALLFEED_MAX : max;
}

static enum qd_status after_rx(struct store *st, void *ctx)
{
	struct feed_read *r = ctx;
	return store_callfeed_after(st, r->after, r->out, r->max, r->n);
}

enum qd_status callfeed_after(struct store *st, long long after, struct call_event *out, size_t max,
                              size_t *n)
{
	struct feed_read r = { .after = after, .out = out, .max = feed_cap(max), .n = n };
	*n = 0;
	return r.max ? store_read(st, after_rx, &r) : QD_OK;
}

static enum qd_status head_rx(struct store *st, void *ctx)
{
	struct feed_read *r = ctx;
	return store_callfeed_head(st, r->head);
}

enum qd_status callfeed_head(struct store *st, long long *id)
{
	struct feed_read r = { .head = id };
	*id = 0;
	return store_read(st, head_rx, &r);
}

static enum qd_status last_rx(struct store *st, void *ctx)
{
	struct feed_read *r = ctx;
	return store_callfeed_last(st, r->day, r->out, r->max, r->n);
}

enum qd_status callfeed_last(struct store *st, struct call_event *out, size_t max, size_t *n)
{
	struct feed_read r = { .out = out, .max = feed_cap(max), .n = n };
	*n = 0;
	time_t now = clock_now();
	if (now == (time_t)-1)
		return QD_ERR_CONFIG;
	clock_day(now, r.day);
	return r.max ? store_read(st, last_rx, &r) : QD_OK;
}
