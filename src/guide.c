/* guide.c - the rules of the guide desk (导服台): who may work at a desk and the sessions that
 * record it, the queues with their estimated waits, voiding a waiting ticket with its reason,
 * looking a ticket up, consultations and guided handlings logged at a desk, and the exact words of
 * an issuing refusal. Each write is one store_write transaction; SQL is in store-guide.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "qdesk/clock.h"
#include "qdesk/guide.h"
#include "qdesk/hours.h"
#include "qdesk/i18n.h"
#include "qdesk/privacy.h"
#include "qdesk/roles.h"
#include "qdesk/staff.h"
#include "qdesk/text.h"
#include "store-guide.h"
#include "store-log.h"
#include "store-queue.h"

/* ---- the estimate ---- */

struct guide_estimate guide_estimate(int ahead, int windows, const long long *service_secs, size_t n)
{
	struct guide_estimate e = { 0, 0, 0 };
	if (windows <= 0 || n == 0 || ahead < 0)
		return e;
	long long sum = 0;
	for (size_t i = 0; i < n; i++)
		sum += service_secs[i] > 0 ? service_secs[i] : 0;
	/* point in minutes, rounded up: ahead × mean / windows = ahead × sum / (n × windows × 60) */
	long long den = (long long)n * windows * 60;
	long long point = ((long long)ahead * sum + den - 1) / den;
	int step = point >= 60 ? 10 : 5;
	if (point > 24 * 60)
		point = 24 * 60;                /* a day's wait is as far as an estimate goes */
	e.known = 1;
	e.lo = (int)(point / step * step);
	e.hi = e.lo + step;
	return e;
}

void guide_estimate_text(const struct guide_estimate *e, char *buf, size_t len)
{
	if (e->known)
		snprintf(buf, len, _("about %d–%d min"), e->lo, e->hi);
	else
		snprintf(buf, len, "—");
}

/* ---- the queues ---- */

struct queues_rx {
	const struct hall *h;
	struct guide_queue *rows;
	char day[11];
	long long now;
	struct ticket *waiting;
	size_t nwaiting;
	struct window_state *ws;
	struct store_guide_service *svc;
	size_t nsvc;
};

static enum qd_status queues_rx(struct store *st, void *ctx)
{
	struct queues_rx *x = ctx;
	free(x->waiting);                   /* a retried read starts afresh */
	x->waiting = NULL;
	enum qd_status s = queue_snapshot(st, x->h, 0, x->ws, &x->waiting, &x->nwaiting);
	if (s == QD_OK)
		s = store_guide_services(st, x->day, GUIDE_ESTIMATE_SAMPLES, x->svc,
		                         x->h->ntypes * GUIDE_ESTIMATE_SAMPLES, &x->nsvc);
	return s;
}

/* Fill row r of type ty from the snapshot in x. */
static void queue_row(const struct queues_rx *x, const struct hall_type *ty, struct guide_queue *r)
{
	const struct hall *h = x->h;
	r->type = ty;
	long long oldest = 0;
	for (size_t i = 0; i < x->nwaiting; i++) {
		const struct ticket *t = &x->waiting[i];
		if (strcmp(t->queue_type[0] ? t->queue_type : t->type, ty->prefix) != 0)
			continue;
		r->waiting++;
		if (!oldest || t->issued_at < oldest)
			oldest = t->issued_at;
	}
	r->longest = oldest && x->now > oldest ? x->now - oldest : 0;
	r->past_target = ty->target_wait > 0 && r->waiting && r->longest > (long long)ty->target_wait * 60;
	for (size_t i = 0; i < h->nwindows; i++) {
		const char *state = x->ws[i].state;
		if ((strcmp(state, "idle") == 0 || strcmp(state, "serving") == 0)
		    && hall_window_serves(&h->windows[i], ty->prefix))
			r->windows++;
	}
	long long secs[GUIDE_ESTIMATE_SAMPLES];
	size_t n = 0;
	for (size_t i = 0; i < x->nsvc && n < GUIDE_ESTIMATE_SAMPLES; i++)
		if (strcmp(x->svc[i].queue_type, ty->prefix) == 0)
			secs[n++] = x->svc[i].secs;
	r->samples = (int)n;
	r->estimate = guide_estimate(r->waiting, r->windows, secs, n);
}

enum qd_status guide_queues(struct store *st, const struct hall *h, struct guide_queue **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	time_t now = clock_now();
	if (now == (time_t)-1)
		return QD_ERR_CONFIG;
	struct queues_rx x = { .h = h, .now = (long long)now };
	clock_day(now, x.day);
	x.rows = calloc(h->ntypes ? h->ntypes : 1, sizeof *x.rows);
	x.ws = calloc(h->nwindows ? h->nwindows : 1, sizeof *x.ws);
	x.svc = calloc(h->ntypes ? h->ntypes * GUIDE_ESTIMATE_SAMPLES : 1, sizeof *x.svc);
	enum qd_status s = x.rows && x.ws && x.svc ? store_read(st, queues_rx, &x) : QD_ERR_NOMEM;
	for (size_t i = 0; s == QD_OK && i < h->ntypes; i++)
		queue_row(&x, &h->types[i], &x.rows[i]);
	free(x.waiting);
	free(x.ws);
	free(x.svc);
	if (s != QD_OK) {
		free(x.rows);
		return s;
	}
	*out = x.rows;
	*n = h->ntypes;
	return QD_OK;
}

/* ---- writes at a desk ---- */

struct desk_op {
	const struct hall *h;
	int desk;
	const char *staff;
	long long now;
	char day[11];
	/* void */
	const char *number, *reason;
	struct ticket *out;
	/* log */
	enum guide_service kind;
	const char *text;
	long long id;
	char *who;                  /* desk staff: who has the desk open */
};

/* Now and today into op; QD_ERR_CONFIG if QDESK_NOW is malformed, QD_ERR_NO_DESK for a desk
 * number (not 0) the hall does not have. */
static enum qd_status desk_init(struct desk_op *op, const struct hall *h, int desk, const char *staff)
{
	time_t now = clock_now();
	if (now == (time_t)-1)
		return QD_ERR_CONFIG;
	op->h = h;
	op->desk = desk;
	op->staff = staff;
	op->now = (long long)now;
	clock_day(now, op->day);
	if (desk != 0 && !hall_desk(h, desk))
		return QD_ERR_NO_DESK;
	return staff && *staff ? QD_OK : QD_ERR_NO_STAFF;
}

static enum qd_status desk_event(struct store *st, const struct desk_op *op, const char *kind,
                                 long long ticket, int desk, const char *staff, const char *extra)
{
	char detail[GUIDE_TEXT_MAX + 32];
	if (desk && extra)
		snprintf(detail, sizeof detail, "desk %d: %s", desk, extra);
	else if (desk)
		snprintf(detail, sizeof detail, "desk %d", desk);
	else
		snprintf(detail, sizeof detail, "%s", extra ? extra : "");
	return store_event_add(st, op->now, kind, ticket, 0, staff, detail);
}

/* End desk's open session (its staff in who) with a desk-sign-out event saying why. */
static enum qd_status end_session(struct store *st, const struct desk_op *op, int desk,
                                  const char *who, const char *why)
{
	enum qd_status s = store_guide_session_end(st, desk, op->now);
	return s != QD_OK ? s : desk_event(st, op, "desk-sign-out", 0, desk, who, why);
}

static enum qd_status sign_in_tx(struct store *st, void *ctx)
{
	struct desk_op *op = ctx;
	char cur[32];
	int mine = 0;
	enum qd_status s = roles_check(st, op->staff, ACT_DESK);
	if (s != QD_OK || (s = store_guide_desk_staff(st, op->desk, cur)) != QD_OK)
		return s;
	if (strcmp(cur, op->staff) == 0)
		return QD_OK;
	if (cur[0] && (s = end_session(st, op, op->desk, cur, "handover")) != QD_OK)
		return s;
	if ((s = store_guide_staff_desk(st, op->staff, &mine)) != QD_OK)
		return s;
	if (mine && (s = end_session(st, op, mine, op->staff, "moved")) != QD_OK)
		return s;
	if ((s = store_guide_session_start(st, op->desk, op->staff, op->now)) != QD_OK)
		return s;
	return desk_event(st, op, "desk-sign-in", 0, op->desk, op->staff, NULL);
}

enum qd_status guide_sign_in(struct store *st, const struct hall *h, int desk, const char *staff)
{
	struct desk_op op = { 0 };
	enum qd_status s = desk_init(&op, h, desk, staff);
	if (s == QD_OK && !desk)
		s = QD_ERR_NO_DESK;
	/* The day's first write ends what earlier days left open (yesterday's sessions included). */
	if (s == QD_OK)
		s = queue_rollover(st, h, NULL);
	return s != QD_OK ? s : store_write(st, sign_in_tx, &op);
}

static enum qd_status sign_out_tx(struct store *st, void *ctx)
{
	struct desk_op *op = ctx;
	char cur[32];
	enum qd_status s = store_guide_desk_staff(st, op->desk, cur);
	if (s != QD_OK || !cur[0])
		return s;
	if (strcmp(cur, op->staff) != 0)
		return QD_ERR_TOOK_OVER;
	return end_session(st, op, op->desk, op->staff, NULL);
}

enum qd_status guide_sign_out(struct store *st, const struct hall *h, int desk, const char *staff)
{
	struct desk_op op = { 0 };
	enum qd_status s = desk_init(&op, h, desk, staff);
	if (s == QD_OK && !desk)
		s = QD_ERR_NO_DESK;
	return s != QD_OK ? s : store_write(st, sign_out_tx, &op);
}

static enum qd_status desk_staff_rx(struct store *st, void *ctx)
{
	struct desk_op *op = ctx;
	return store_guide_desk_staff(st, op->desk, op->who);
}

enum qd_status guide_desk_staff(struct store *st, const struct hall *h, int desk, char staff[32])
{
	staff[0] = '\0';
	if (!hall_desk(h, desk))
		return QD_ERR_NO_DESK;
	struct desk_op op = { .desk = desk, .who = staff };
	return store_read(st, desk_staff_rx, &op);
}

/* Optional (required = 0) or required free text: clean UTF-8 of at most GUIDE_TEXT_MAX bytes. */
static enum qd_status check_text(const char *s, int required)
{
	if (!s || !*s)
		return required ? QD_ERR_REASON : QD_OK;
	if (!text_is_clean(s))
		return QD_ERR_INVALID;
	return strlen(s) > GUIDE_TEXT_MAX ? QD_ERR_TOO_LONG : QD_OK;
}

static enum qd_status void_tx(struct store *st, void *ctx)
{
	struct desk_op *op = ctx;
	struct ticket t;
	enum qd_status s = roles_check(st, op->staff, ACT_VOID);
	if (s != QD_OK)
		return s;
	s = store_queue_by_number(st, op->day, op->number, &t);
	if (s == QD_ERR_NOT_FOUND) {
		struct ticket old;
		enum qd_status s2 = store_queue_by_number_before(st, op->day, op->number, &old);
		return s2 == QD_OK ? QD_ERR_OTHER_DAY : s2 == QD_ERR_NOT_FOUND ? s : s2;
	}
	if (s != QD_OK)
		return s;
	if (strcmp(t.state, "waiting") != 0)
		return QD_ERR_NOT_WAITING;
	if ((s = store_guide_void(st, t.id, op->now)) != QD_OK ||
	    (s = store_event_add(st, op->now, "void", t.id, 0, op->staff, op->reason)) != QD_OK)
		return s;
	if (op->out && (s = store_queue_get(st, t.id, op->out)) != QD_OK)
		return s;
	return QD_OK;
}

enum qd_status guide_void(struct store *st, const struct hall *h, int desk, const char *number,
                          const char *reason, const char *staff, struct ticket *out)
{
	char canon[32];
	queue_number_normalize(h, number ? number : "", canon, sizeof canon);
	struct desk_op op = { .number = canon, .reason = reason, .out = out };
	enum qd_status s = desk_init(&op, h, desk, staff);
	if (s == QD_OK && !*canon)
		s = QD_ERR_NOT_FOUND;
	if (s == QD_OK)
		s = check_text(reason, 1);
	char masked[GUIDE_TEXT_MAX + 1];   /* ID and phone numbers masked */
	if (s == QD_OK)
		privacy_mask_text(reason, masked, sizeof masked), op.reason = masked;
	return s != QD_OK ? s : store_write(st, void_tx, &op);
}

struct lookup_rx {
	const char *number;
	char day[11];
	struct guide_lookup *out;
};

static enum qd_status lookup_rx(struct store *st, void *ctx)
{
	struct lookup_rx *x = ctx;
	struct ticket *t = &x->out->ticket;
	enum qd_status s = store_queue_by_number(st, x->day, x->number, t);
	if (s == QD_ERR_NOT_FOUND) {
		struct ticket old;
		enum qd_status s2 = store_queue_by_number_before(st, x->day, x->number, &old);
		return s2 == QD_OK ? QD_ERR_OTHER_DAY : s2 == QD_ERR_NOT_FOUND ? s : s2;
	}
	if (s == QD_OK && strcmp(t->state, "waiting") == 0)
		s = store_queue_ahead(st, t->id, &t->ahead);
	if (s == QD_OK && strcmp(t->state, "voided") == 0)
		s = store_guide_void_reason(st, t->id, x->out->void_reason, sizeof x->out->void_reason);
	return s;
}

enum qd_status guide_lookup(struct store *st, const struct hall *h, const char *number,
                            struct guide_lookup *out)
{
	char canon[32];
	memset(out, 0, sizeof *out);
	time_t now = clock_now();
	if (now == (time_t)-1)
		return QD_ERR_CONFIG;
	queue_number_normalize(h, number ? number : "", canon, sizeof canon);
	if (!*canon)
		return QD_ERR_NOT_FOUND;
	struct lookup_rx x = { .number = canon, .out = out };
	clock_day(now, x.day);
	enum qd_status s = store_read(st, lookup_rx, &x);
	if (s != QD_OK)
		memset(out, 0, sizeof *out);
	return s;
}

void guide_lookup_text(const struct hall *h, const struct guide_lookup *l, char *buf, size_t len)
{
	const struct ticket *t = &l->ticket;
	const struct hall_type *ty = hall_type(h, t->queue_type[0] ? t->queue_type : t->type);
	char head[128], tail[GUIDE_TEXT_MAX + 64] = "";
	snprintf(head, sizeof head, _("%s %s: %s"), t->number, ty ? ty->name : t->type, _(queue_label(t->state)));
	if (strcmp(t->state, "waiting") == 0 && t->target_window)
		snprintf(tail, sizeof tail, _(", %d ahead, sent to window %d"), t->ahead, t->target_window);
	else if (strcmp(t->state, "waiting") == 0)
		snprintf(tail, sizeof tail, _(", %d ahead"), t->ahead);
	else if (strcmp(t->state, "voided") == 0 && l->void_reason[0])
		snprintf(tail, sizeof tail, _(" (%s)"), l->void_reason);
	else if (t->window)
		snprintf(tail, sizeof tail, _(", window %d"), t->window);
	snprintf(buf, len, "%s%s", head, tail);
}

static enum qd_status log_tx(struct store *st, void *ctx)
{
	struct desk_op *op = ctx;
	enum qd_status s = roles_check(st, op->staff, ACT_DESK);
	if (s != QD_OK)
		return s;
	int guided = op->kind == GUIDE_GUIDED;
	s = store_guide_log(st, guided, op->day, op->now, op->desk, op->staff, op->text, &op->id);
	return s != QD_OK ? s : desk_event(st, op, guided ? "guided" : "consult", 0, op->desk, op->staff, NULL);
}

enum qd_status guide_log(struct store *st, const struct hall *h, int desk, const char *staff,
                         enum guide_service kind, const char *text, long long *id)
{
	struct desk_op op = { .kind = kind, .text = text };
	enum qd_status s = desk_init(&op, h, desk, staff);
	if (s == QD_OK && !desk)
		s = QD_ERR_NO_DESK;
	if (s == QD_OK)
		s = check_text(text, 0);
	char masked[GUIDE_TEXT_MAX + 1];   /* ID and phone numbers masked */
	if (s == QD_OK && text && *text)
		privacy_mask_text(text, masked, sizeof masked), op.text = masked;
	if (s == QD_OK)
		s = store_write(st, log_tx, &op);
	if (s == QD_OK && id)
		*id = op.id;
	return s;
}

/* ---- refusals ---- */

void guide_refusal_detail(const struct hall *h, const char *type, enum qd_status s, char *buf,
                          size_t len)
{
	const struct hall_type *ty = type ? hall_type(h, type) : NULL;
	buf[0] = '\0';
	if (s == QD_ERR_CLOSED)
		hours_describe(h, clock_now(), buf, len);
	else if (s == QD_ERR_QUOTA && ty)
		snprintf(buf, len, _("%s %s, quota %d a day"), ty->prefix, ty->name,
		         ty->quota);
	else if (s == QD_ERR_CUTOFF && ty && ty->cutoff >= 0)
		snprintf(buf, len, _("%s %s, cut-off %02d:%02d"), ty->prefix, ty->name,
		         ty->cutoff / 60, ty->cutoff % 60);
}
