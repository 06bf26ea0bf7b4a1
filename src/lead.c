/* lead.c - the shift lead's view of the hall now: one snapshot of windows, queues and open items,
 * and the alerts a lead acts on (long waits, types nobody serves, idle and long-paused windows).
 * SQL is in store-problems.c and store-rectify.c; windows and queues come from queue.c and
 * guide.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "qdesk/clock.h"
#include "qdesk/i18n.h"
#include "qdesk/lead.h"
#include "lead-util.h"
#include "store-problems.h"
#include "store-rectify.h"

/* 1 if window hw serves type prefix, as its own type or one it also serves when idle. */
static int serves(const struct hall_window *hw, const char *prefix)
{
	for (size_t i = 0; i < hw->ntypes; i++)
		if (strcmp(hw->types[i], prefix) == 0)
			return 1;
	for (size_t i = 0; i < hw->nalso; i++)
		if (strcmp(hw->also[i], prefix) == 0)
			return 1;
	return 0;
}

static void add(struct lead_alert *out, size_t max, size_t *n, const struct lead_alert *a)
{
	if (*n < max)
		out[(*n)++] = *a;
}

size_t lead_alerts(const struct hall *h, const struct window_state *windows,
                   const struct guide_queue *queues, size_t nqueues, long long now,
                   struct lead_alert *out, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < nqueues; i++)
		if (queues[i].waiting > 0 && queues[i].past_target)
			add(out, max, &n, &(struct lead_alert){ .kind = LEAD_ALERT_WAIT, .type = queues[i].type,
			                                        .waiting = queues[i].waiting,
			                                        .secs = queues[i].longest });
	for (size_t i = 0; i < nqueues; i++)
		if (queues[i].waiting > 0 && queues[i].windows == 0)
			add(out, max, &n, &(struct lead_alert){ .kind = LEAD_ALERT_NO_WINDOW,
			                                        .type = queues[i].type,
			                                        .waiting = queues[i].waiting,
			                                        .secs = queues[i].longest });
	for (size_t w = 0; w < h->nwindows; w++) {
		const struct window_state *ws = &windows[w];
		long long secs = ws->since && now > ws->since ? now - ws->since : 0;
		if (strcmp(ws->state, "idle") != 0 || secs < 60LL * h->lead.idle_alert_minutes)
			continue;
		for (size_t i = 0; i < nqueues; i++)
			if (queues[i].waiting > 0 && serves(&h->windows[w], queues[i].type->prefix)) {
				add(out, max, &n, &(struct lead_alert){ .kind = LEAD_ALERT_IDLE, .type = queues[i].type,
				                                        .window = ws->number, .secs = secs });
				break;
			}
	}
	for (size_t w = 0; w < h->nwindows; w++) {
		const struct window_state *ws = &windows[w];
		long long secs = ws->since && now > ws->since ? now - ws->since : 0;
		if (strcmp(ws->state, "paused") != 0 || secs < 60LL * h->lead.pause_alert_minutes)
			continue;
		struct lead_alert a = { .kind = LEAD_ALERT_PAUSED, .window = ws->number, .secs = secs };
		snprintf(a.reason, sizeof a.reason, "%s", ws->pause_reason);
		add(out, max, &n, &a);
	}
	return n;
}

void lead_alert_text(const struct hall *h, const struct lead_alert *a, char *buf, size_t len)
{
	long long min = a->secs / 60;
	const struct hall_item *r;
	switch (a->kind) {
	case LEAD_ALERT_WAIT:
		snprintf(buf, len, _("%s: %d waiting, longest %lld min"), a->type->prefix, a->waiting, min);
		break;
	case LEAD_ALERT_NO_WINDOW:
		snprintf(buf, len, _("%s: %d waiting, no window open"), a->type->prefix, a->waiting);
		break;
	case LEAD_ALERT_IDLE:
		snprintf(buf, len, _("window %d idle %lld min while %s waits"), a->window, min, a->type->prefix);
		break;
	case LEAD_ALERT_PAUSED:
		r = hall_item(h->pauses, h->npauses, a->reason);
		snprintf(buf, len, _("window %d paused %lld min (%s)"), a->window, min, r ? r->name : a->reason);
		break;
	}
}

struct snap_ctx {
	const struct hall *h;
	struct lead_snapshot *s;
	char today[11];
};

static enum qd_status snap_rx(struct store *st, void *vctx)
{
	struct snap_ctx *c = vctx;
	struct lead_snapshot *s = c->s;
	struct ticket *waiting = NULL;
	size_t nwaiting = 0;
	free(s->queues);    /* a retried read starts afresh */
	s->queues = NULL;
	enum qd_status r = queue_snapshot(st, c->h, 0, s->windows, &waiting, &nwaiting);
	free(waiting);
	if (r == QD_OK)
		r = guide_queues(st, c->h, &s->queues, &s->nqueues);
	if (r == QD_OK)
		r = store_problems_count_open(st, c->today, &s->problems_open, &s->problems_overdue);
	if (r == QD_OK)
		r = store_rectify_count_open(st, c->today, &s->rectify_open, &s->rectify_overdue);
	return r;
}

enum qd_status lead_snapshot(struct store *st, const struct hall *h, struct lead_snapshot *out)
{
	memset(out, 0, sizeof *out);
	struct snap_ctx c = { h, out, "" };
	enum qd_status r = lead_now(&out->now, c.today);
	if (r != QD_OK)
		return r;
	out->windows = calloc(h->nwindows ? h->nwindows : 1, sizeof *out->windows);
	if (!out->windows)
		return QD_ERR_NOMEM;
	if ((r = store_read(st, snap_rx, &c)) != QD_OK)
		return r;
	out->nalerts = lead_alerts(h, out->windows, out->queues, out->nqueues, out->now, out->alerts,
	                           LEAD_ALERTS_MAX);
	return QD_OK;
}

void lead_snapshot_free(struct lead_snapshot *s)
{
	free(s->windows);
	free(s->queues);
	s->windows = NULL;
	s->queues = NULL;
}
