/* pad.c - the rules of the evaluation pad (评价器): which visit a window's pad asks about, a rating
 * keyed there (a bad one with a reason from the config), and "not evaluated" when nobody answers.
 * One evaluation per visit: a visit rated, or marked not evaluated, is never rated again. */
#include <string.h>
#include "qdesk/cases.h"
#include "qdesk/clock.h"
#include "qdesk/pad.h"
#include "store-cases.h"
#include "store-log.h"
#include "store-pad.h"
#include "store-queue.h"

int pad_at_window(const struct hall *h, int w)
{
	for (size_t i = 0; i < h->pad.nwindows; i++)
		if (h->pad.windows[i] == w)
			return 1;
	return 0;
}

/* One pad operation: its inputs and what it found. */
struct pad_op {
	const struct hall *h;
	int w;
	long long now;
	char day[11];
	long long ticket_id;
	int level;
	const char *reason;         /* the reason's name as stored */
	struct pad_visit *visit;
};

static enum qd_status pad_init(struct pad_op *op, const struct hall *h, int w)
{
	time_t now = clock_now();
	if (now == (time_t)-1)
		return QD_ERR_CONFIG;
	op->h = h;
	op->w = w;
	op->now = (long long)now;
	clock_day(now, op->day);
	if (!hall_window(h, w))
		return QD_ERR_NO_WINDOW;
	return pad_at_window(h, w) ? QD_OK : QD_ERR_NO_PAD;
}

/* Is op->ticket_id a visit w's pad may still rate? Fills v (may be NULL): QD_OK, or
 * QD_ERR_NOT_PENDING, QD_ERR_RATED. */
static enum qd_status check_visit(struct store *st, const struct pad_op *op, struct pad_visit *v)
{
	struct ticket t;
	long long finish_id, at;
	int window, rated, marked;
	enum qd_status s = store_queue_get(st, op->ticket_id, &t);
	if (s == QD_ERR_NOT_FOUND)
		return QD_ERR_NOT_PENDING;
	if (s != QD_OK || (s = store_pad_finish_of(st, t.id, &finish_id, &at, &window)) != QD_OK)
		return s;
	if (strcmp(t.state, "served") != 0 || t.window != op->w || strcmp(t.day, op->day) != 0 ||
	    !finish_id || window != op->w)
		return QD_ERR_NOT_PENDING;
	if ((s = store_cases_rated(st, t.id, &rated)) != QD_OK ||
	    (s = store_pad_unrated_after(st, t.id, finish_id, &marked)) != QD_OK)
		return s;
	if (rated || marked)
		return QD_ERR_RATED;
	if (v) {
		v->ticket_id = t.id;
		memcpy(v->number, t.number, sizeof v->number);
		memcpy(v->staff, t.staff, sizeof v->staff);
		v->finished_at = at;
		v->deadline = at + op->h->pad.timeout;
	}
	return QD_OK;
}

static enum qd_status pending_rx(struct store *st, void *ctx)
{
	struct pad_op *op = ctx;
	enum qd_status s = store_pad_last_finish(st, op->day, op->w, op->now - op->h->pad.timeout,
	                                         &op->ticket_id);
	if (s != QD_OK || !op->ticket_id)
		return s;
	s = check_visit(st, op, op->visit);
	return s == QD_ERR_NOT_PENDING || s == QD_ERR_RATED ? QD_OK : s;
}

enum qd_status pad_pending(struct store *st, const struct hall *h, int w, struct pad_visit *out)
{
	struct pad_op op = { .visit = out };
	memset(out, 0, sizeof *out);
	enum qd_status s = pad_init(&op, h, w);
	if (s == QD_OK)
		s = store_read(st, pending_rx, &op);
	if (s != QD_OK)
		memset(out, 0, sizeof *out);
	return s;
}

static enum qd_status rate_tx(struct store *st, void *ctx)
{
	struct pad_op *op = ctx;
	struct pad_visit v;
	enum qd_status s = check_visit(st, op, &v);
	if (s != QD_OK)
		return s;
	return cases_rate_pad_tx(st, op->h, v.ticket_id, op->w, v.staff, op->level, op->reason, NULL,
	                         NULL, NULL);
}

enum qd_status pad_rate(struct store *st, const struct hall *h, int w, long long ticket_id, int level,
                        const char *reason)
{
	struct pad_op op = { .ticket_id = ticket_id, .level = level };
	enum qd_status s = pad_init(&op, h, w);
	if (s != QD_OK)
		return s;
	if (level < 1 || level > 5)
		return QD_ERR_RATING;
	if (level <= CASES_BAD_LEVEL) {
		if (!reason || !*reason)
			return QD_ERR_REASON_NEEDED;
		const struct hall_item *it = hall_item(h->pad.reasons, h->pad.nreasons, reason);
		if (!it)
			return QD_ERR_NO_CHOICE;
		op.reason = it->name;
	}
	return store_write(st, rate_tx, &op);
}

static enum qd_status unrated_tx(struct store *st, void *ctx)
{
	struct pad_op *op = ctx;
	enum qd_status s = check_visit(st, op, NULL);
	if (s != QD_OK)
		return s;
	return store_event_add(st, op->now, "unrated", op->ticket_id, op->w, NULL, "pad: no answer");
}

enum qd_status pad_unrated(struct store *st, const struct hall *h, int w, long long ticket_id)
{
	struct pad_op op = { .ticket_id = ticket_id };
	enum qd_status s = pad_init(&op, h, w);
	return s != QD_OK ? s : store_write(st, unrated_tx, &op);
}
