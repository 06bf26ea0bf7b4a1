/* queue.c - the rules of the ticket queue: issuing (numbers, quota, cut-off, opening hours,
 * priority from an ID number), calling (priority first with an optional cap, own types before
 * "also" types, tickets sent to a window), recall cap, no-show and return, transfer, pause,
 * finish with its case and evaluation, undo, sign-in and the day rollover. Each call is one
 * store_write transaction that first expires earlier days; the SQL lives in store-queue.c. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include "qdesk/cases.h"
#include "qdesk/clock.h"
#include "qdesk/i18n.h"
#include "qdesk/idcard.h"
#include "qdesk/pad.h"
#include "qdesk/privacy.h"
#include "qdesk/queue.h"
#include "qdesk/roles.h"
#include "qdesk/staff.h"
#include "qdesk/text.h"
#include "store-log.h"
#include "store-queue.h"

#define NOTE_MAX     200
#define REQUEST_ID_MAX 64

/* What one queue call needs inside its transaction. */
struct op {
	const struct hall *h;
	const struct hall_window *hw;
	int w;
	const char *staff;
	long long now;
	char day[11];
	enum qd_status result;      /* a refusal reported after committing (nothing to call) */
	struct store_queue_filter filter;
	/* inputs of the particular call */
	const struct issue_input *in;
	struct ticket draft;        /* issue: the ticket to insert */
	int age;
	const char *number;
	const char *to_type;
	int to_window;
	const char *reason;
	const struct case_input *cases;   /* finish: the cases to log */
	size_t ncases;
	int rating;
	const char *rating_reason;
	int expired;
	int expire_all;                   /* queue_rollover: every leftover, not EXPIRE_PER_WRITE */
	/* outputs */
	struct ticket *out;
	struct finish_result *fin;
};

/* Now and today into op (its inputs are already set); QD_ERR_CONFIG if QDESK_NOW is malformed,
 * QD_ERR_NO_WINDOW if w is not 0 and not a window of the hall. */
static enum qd_status op_init(struct op *op, const struct hall *h, int w, const char *staff)
{
	time_t now = clock_now();
	if (now == (time_t)-1)
		return QD_ERR_CONFIG;
	op->h = h;
	op->w = w;
	op->staff = staff;
	op->now = (long long)now;
	clock_day(now, op->day);
	if (w != 0 && !(op->hw = hall_window(h, w)))
		return QD_ERR_NO_WINDOW;
	return QD_OK;
}

/* Run fn as the one write transaction of an action at window w. */
static enum qd_status window_write(struct store *st, struct op *op, const struct hall *h, int w,
                                   const char *staff, enum qd_status (*fn)(struct store *, void *))
{
	enum qd_status s = op_init(op, h, w, staff);
	if (s == QD_OK && !op->hw)
		s = QD_ERR_NO_WINDOW;
	return s != QD_OK ? s : store_write(st, fn, op);
}

static enum qd_status event(struct store *st, const struct op *op, const char *kind, long long ticket,
                            const char *detail)
{
	return store_event_add(st, op->now, kind, ticket, op->w, op->staff, detail);
}

/* End the sessions (pauses = 0) or pauses left open before today, with the event a clerk's sign-out
 * or resume would write: at that day's closing time, or later if the clerk (for a pause: anyone at
 * that window) still acted after it (延时服务, late service), never before it began. */
static enum qd_status close_open_rows(struct store *st, const struct op *op, int pauses, long long today)
{
	struct store_queue_open *rows;
	size_t n;
	enum qd_status s = store_queue_open_before(st, pauses, today, &rows, &n);
	for (size_t i = 0; s == QD_OK && i < n; i++) {
		char day[11];
		clock_day((time_t)rows[i].started_at, day);
		long long end = (long long)clock_at(day, op->h->close_min), last;
		s = store_queue_last_event(st, rows[i].window, pauses ? NULL : rows[i].staff,
		                           rows[i].started_at, today, &last);
		if (s != QD_OK)
			break;
		if (last > end)
			end = last;
		if (end < rows[i].started_at || end >= today)
			end = rows[i].started_at;
		if ((s = store_queue_close_row(st, pauses, rows[i].id, end)) == QD_OK)
			s = store_event_add(st, end, pauses ? "resume" : "sign-out", 0, rows[i].window,
			                    rows[i].staff, "day-end");
	}
	free(rows);
	return s;
}

/* Every write first ends what earlier days left: waiting or called tickets expire, open sessions
 * and pauses end at that day's closing time, and those windows are closed. A write expires at
 * most EXPIRE_PER_WRITE leftover tickets (called ones first), so the first write of a morning
 * after a day that left thousands waiting does not hold the write lock for all of them (about
 * 60 µs each with their events and audit digests): the next writes expire the rest, and until
 * then nothing counts them as waiting (calls, queues and the board read today's tickets; reports
 * count an earlier day's waiting ticket as expired). queue_rollover expires them all. */
#define EXPIRE_PER_WRITE 200
static enum qd_status rollover(struct store *st, struct op *op)
{
	long long today = (long long)clock_at(op->day, 0);
	enum qd_status s = store_queue_close_windows_before(st, today, op->now);
	if (s == QD_OK)
		s = store_queue_expire_before(st, op->day, op->now, op->expire_all ? -1 : EXPIRE_PER_WRITE,
		                              &op->expired);
	if (s == QD_OK)
		s = close_open_rows(st, op, 0, today);
	return s != QD_OK ? s : close_open_rows(st, op, 1, today);
}

/* Rollover, the staff check, and the window's row into *win. */
static enum qd_status begin_window(struct store *st, struct op *op, enum role_action act,
                                   struct store_queue_window *win)
{
	enum qd_status s = rollover(st, op);
	if (s == QD_OK)
		s = roles_check(st, op->staff, act);
	if (s == QD_OK)
		s = store_queue_window_get(st, op->w, win);
	return s;
}

static enum qd_status sign_in(struct store *st, const struct op *op, struct store_queue_window *win);

/* begin_window for an action by a clerk or lead at the window: whoever acts is signed in there
 * (an AB-post handover if somebody else was). */
static enum qd_status begin_action(struct store *st, struct op *op, struct store_queue_window *win)
{
	enum qd_status s = begin_window(st, op, ACT_WINDOW, win);
	return s != QD_OK ? s : sign_in(st, op, win);
}

/* The window must be free to call: not paused, not serving. */
static enum qd_status window_free(const struct store_queue_window *win)
{
	if (strcmp(win->state, "paused") == 0)
		return QD_ERR_PAUSED;
	if (win->current || strcmp(win->state, "serving") == 0)
		return QD_ERR_BUSY_WINDOW;
	return QD_OK;
}

static enum qd_status window_serving(const struct store_queue_window *win)
{
	return win->current && strcmp(win->state, "serving") == 0 ? QD_OK : QD_ERR_IDLE_WINDOW;
}

/* A clerk acting at op->w while signed in at another window: signed out there when it is idle
 * or paused (its pause ends), refused with QD_ERR_SERVING_ELSEWHERE while they serve a ticket
 * there (queue_staff_window names it). */
static enum qd_status leave_other_window(struct store *st, const struct op *op)
{
	struct store_queue_window other;
	char detail[32];
	int w;
	enum qd_status s = store_queue_staff_window(st, op->staff, op->w, &w);
	if (s != QD_OK || w == 0 || (s = store_queue_window_get(st, w, &other)) != QD_OK)
		return s;
	if (other.current)
		return QD_ERR_SERVING_ELSEWHERE;
	if (strcmp(other.state, "paused") == 0 &&
	    ((s = store_queue_pause_end(st, w, op->now)) != QD_OK ||
	     (s = store_event_add(st, op->now, "resume", 0, w, op->staff, "moved")) != QD_OK))
		return s;
	if ((s = store_queue_session_end(st, w, op->now)) != QD_OK)
		return s;
	strcpy(other.state, "closed");
	other.staff[0] = other.pause_reason[0] = '\0';
	other.since = op->now;
	snprintf(detail, sizeof detail, "moved to window %d", op->w);
	if ((s = store_queue_window_put(st, w, &other)) != QD_OK)
		return s;
	return store_event_add(st, op->now, "sign-out", 0, w, op->staff, detail);
}

/* Sign op->staff in at op->w if not already: an AB-post handover closes the other clerk's open
 * session; the clerk's own session at another window ends (leave_other_window). Updates *win
 * (the caller writes it back). */
static enum qd_status sign_in(struct store *st, const struct op *op, struct store_queue_window *win)
{
	char cur[32];
	enum qd_status s = store_queue_session_open_staff(st, op->w, cur);
	if (s != QD_OK)
		return s;
	if (strcmp(cur, op->staff) != 0) {
		if ((s = leave_other_window(st, op)) != QD_OK)
			return s;
		if (cur[0]) {
			if ((s = store_queue_session_end(st, op->w, op->now)) != QD_OK ||
			    (s = store_event_add(st, op->now, "sign-out", 0, op->w, cur, "handover")) != QD_OK)
				return s;
		}
		if ((s = store_queue_session_start(st, op->w, op->staff, op->now)) != QD_OK ||
		    (s = event(st, op, "sign-in", 0, NULL)) != QD_OK)
			return s;
	}
	snprintf(win->staff, sizeof win->staff, "%s", op->staff);
	if (strcmp(win->state, "closed") == 0) {
		strcpy(win->state, "idle");
		win->since = op->now;
	}
	return QD_OK;
}

/* The window is back to idle after its current ticket ended (kind: "noshow", "finish" for undo;
 * NULL leaves the last action as it was). */
static void window_release(struct store_queue_window *win, const char *kind, long long now)
{
	if (kind) {
		snprintf(win->last_kind, sizeof win->last_kind, "%s", kind);
		win->last_ticket = win->current;
		win->last_at = now;
	}
	strcpy(win->state, "idle");
	win->current = 0;
	win->since = now;
}

/* ",A,B," from a list (upper-cased when upper), "," when empty; malloc'd. */
static char *join_list(char *const *items, size_t n, int upper)
{
	size_t len = 2;
	for (size_t i = 0; i < n; i++)
		len += strlen(items[i]) + 1;
	char *out = malloc(len), *o = out;
	if (!out)
		return NULL;
	*o++ = ',';
	for (size_t i = 0; i < n; i++) {
		for (const char *p = items[i]; *p; p++)
			*o++ = upper ? (char)toupper((unsigned char)*p) : *p;
		*o++ = ',';
	}
	*o = '\0';
	return out;
}

static void filter_free(struct store_queue_filter *f)
{
	free((char *)f->types);
	free((char *)f->also);
	free((char *)f->groups);
	memset(f, 0, sizeof *f);
}

/* What window hw serves, as bound parameters of the claim. */
static enum qd_status filter_init(struct store_queue_filter *f, const struct hall_window *hw)
{
	f->window = hw->number;
	f->types = join_list(hw->types, hw->ntypes, 1);
	f->also = join_list(hw->also, hw->nalso, 1);
	f->groups = join_list(hw->groups, hw->ngroups, 0);
	f->priority_first = 1;
	if (!f->types || !f->also || !f->groups) {
		filter_free(f);
		return QD_ERR_NOMEM;
	}
	return QD_OK;
}

/* Priority first unless the cap of consecutive priority calls is reached. */
static int priority_first(const struct hall *h, const struct store_queue_window *win)
{
	return h->calling.priority_cap <= 0 || win->streak < h->calling.priority_cap;
}

static enum qd_status load_out(struct store *st, long long id, struct ticket *out)
{
	struct ticket t;
	enum qd_status s = store_queue_get(st, id, &t);
	if (s == QD_OK && out)
		*out = t;
	return s;
}

/* ---- issue ---- */

static enum qd_status issue_tx(struct store *st, void *ctx)
{
	struct op *op = ctx;
	const struct hall_type *ty = hall_type(op->h, op->in->type);
	enum qd_status s = rollover(st, op);
	if (s == QD_OK && op->staff)
		s = roles_check(st, op->staff, ACT_ISSUE);
	long long earlier = 0;
	const char *key = op->in->request_id;
	if (s == QD_OK && key && (s = store_queue_request(st, key, 0, &earlier)) == QD_OK && earlier) {
		/* A retry of a request that already made its ticket: that ticket, unchanged. */
		if ((s = load_out(st, earlier, op->out)) != QD_OK)
			return s;
		if (strcmp(op->out->type, ty->prefix))
			return QD_ERR_REQUEST_ID;
		int ahead = 0;
		s = strcmp(op->out->state, "waiting") ? QD_OK : store_queue_ahead(st, earlier, &ahead);
		op->out->ahead = ahead;
		return s;
	}
	int count, max_seq;
	if (s != QD_OK || (s = store_queue_type_count(st, op->day, ty->prefix, &count, &max_seq)) != QD_OK)
		return s;
	if (ty->quota > 0 && count >= ty->quota)
		return QD_ERR_QUOTA;
	struct ticket *t = &op->draft;
	t->seq = max_seq + 1;
	int digits = op->h->number_digits > 0 && op->h->number_digits < 8 ? op->h->number_digits : 3;
	snprintf(t->number, sizeof t->number, "%s%0*d", ty->prefix, digits, t->seq);
	double pos;
	if ((s = store_queue_next_pos(st, op->day, &pos)) != QD_OK ||
	    (s = store_queue_insert(st, t, pos, op->age, op->staff)) != QD_OK ||
	    (s = event(st, op, "issue", t->id, t->number)) != QD_OK ||
	    (key && (s = store_queue_request(st, key, t->id, NULL)) != QD_OK))
		return s;
	int ahead = 0;
	if ((s = store_queue_ahead(st, t->id, &ahead)) != QD_OK ||
	    (s = load_out(st, t->id, op->out)) != QD_OK)
		return s;
	op->out->ahead = ahead;
	return QD_OK;
}

int queue_request_id_ok(const char *key)
{
	return *key && strlen(key) <= REQUEST_ID_MAX && text_is_clean(key);
}

enum qd_status queue_issue(struct store *st, const struct hall *h, const struct issue_input *in,
                           struct ticket *out)
{
	struct op op = { .in = in };
	struct ticket scratch;
	enum qd_status s = op_init(&op, h, 0, in->staff && *in->staff ? in->staff : NULL);
	if (s != QD_OK)
		return s;
	const struct hall_type *ty = in->type ? hall_type(h, in->type) : NULL;
	if (!ty)
		return QD_ERR_NO_TYPE;
	int minute = clock_minute_of_day((time_t)op.now);
	if (minute < h->open_min || minute >= h->close_min)
		return QD_ERR_CLOSED;
	if (ty->cutoff >= 0 && minute >= ty->cutoff)
		return QD_ERR_CUTOFF;
	struct ticket *t = &op.draft;
	snprintf(t->day, sizeof t->day, "%s", op.day);
	snprintf(t->type, sizeof t->type, "%s", ty->prefix);
	t->issued_at = op.now;
	if (in->priority && *in->priority) {
		const struct hall_group *g = hall_group(h, in->priority);
		if (!g)
			return QD_ERR_NO_GROUP;
		snprintf(t->priority, sizeof t->priority, "%s", g->id);
	}
	op.age = -1;
	if (in->id_number && *in->id_number) {
		if (!idcard_valid(in->id_number, op.day))
			return QD_ERR_IDCARD;
		op.age = idcard_age(in->id_number, op.day);
		idcard_mask(in->id_number, t->id_masked);
		const struct hall_group *eg = hall_elderly_group(h);
		if (!t->priority[0] && eg && eg->min_age > 0 && op.age >= eg->min_age)
			snprintf(t->priority, sizeof t->priority, "%s", eg->id);
	}
	if (in->phone && *in->phone) {
		if (!text_valid_phone(in->phone))
			return QD_ERR_PHONE;
		text_mask_phone(in->phone, t->phone_masked, sizeof t->phone_masked);
	}
	if (in->note && *in->note) {
		if (strlen(in->note) > NOTE_MAX)
			return QD_ERR_TOO_LONG;
		if (!text_is_clean(in->note))   /* no control or escape sequences in the store */
			return QD_ERR_INVALID;
		privacy_mask_text(in->note, t->note, sizeof t->note);   /* ID and phone numbers masked */
	}
	if (in->request_id && !queue_request_id_ok(in->request_id))
		return QD_ERR_INVALID;
	op.out = out ? out : &scratch;
	return store_write(st, issue_tx, &op);
}

/* ---- numbers ---- */

void queue_number_normalize(const struct hall *h, const char *in, char *out, size_t outsz)
{
	char letters[16] = "";
	size_t nl = 0, i = 0;
	for (; in[i] && ((in[i] >= 'a' && in[i] <= 'z') || (in[i] >= 'A' && in[i] <= 'Z')); i++)
		if (nl + 1 < sizeof letters)
			letters[nl++] = (char)(in[i] >= 'a' ? in[i] - 'a' + 'A' : in[i]);
	letters[nl] = '\0';
	const char *digits = in + i;
	size_t nd = strspn(digits, "0123456789");
	if (nl == 0 || nd == 0 || digits[nd] || nd > 9) {
		snprintf(out, outsz, "%s", in);         /* not a number: the engine says so */
		return;
	}
	snprintf(out, outsz, "%s%0*d", letters, h->number_digits, atoi(digits));
}

/* ---- calling ---- */

static enum qd_status call_next_tx(struct store *st, void *ctx)
{
	struct op *op = ctx;
	struct store_queue_window win;
	op->result = QD_OK;                 /* a retried transaction starts afresh */
	enum qd_status s = begin_action(st, op, &win);
	if (s != QD_OK || (s = window_free(&win)) != QD_OK)
		return s;
	op->filter.priority_first = priority_first(op->h, &win);
	long long id;
	s = store_queue_claim_next(st, op->day, &op->filter, op->staff, op->now, &id);
	if (s == QD_ERR_EMPTY) {
		op->result = QD_ERR_EMPTY;      /* keep the sign-in; report nothing to call */
		return store_queue_window_put(st, op->w, &win);
	}
	struct ticket t;
	if (s != QD_OK || (s = store_queue_get(st, id, &t)) != QD_OK)
		return s;
	win.streak = t.priority[0] ? win.streak + 1 : 0;
	strcpy(win.state, "serving");
	win.current = id;
	win.since = op->now;
	if ((s = store_queue_window_put(st, op->w, &win)) != QD_OK ||
	    (s = event(st, op, "call", id, t.number)) != QD_OK)
		return s;
	if (op->out)
		*op->out = t;
	return QD_OK;
}

enum qd_status queue_call_next(struct store *st, const struct hall *h, int w, const char *staff,
                               struct ticket *out)
{
	struct op op = { .out = out };
	enum qd_status s = op_init(&op, h, w, staff);
	if (s == QD_OK && !op.hw)
		s = QD_ERR_NO_WINDOW;
	if (s != QD_OK || (s = filter_init(&op.filter, op.hw)) != QD_OK)
		return s;
	s = store_write(st, call_next_tx, &op);
	filter_free(&op.filter);
	return s != QD_OK ? s : op.result;
}

static enum qd_status call_number_tx(struct store *st, void *ctx)
{
	struct op *op = ctx;
	struct store_queue_window win;
	struct ticket t;
	enum qd_status s = begin_action(st, op, &win);
	if (s != QD_OK || (s = window_free(&win)) != QD_OK ||
	    (s = store_queue_by_number(st, op->day, op->number, &t)) != QD_OK)
		return s;
	if (strcmp(t.state, "waiting") != 0)
		return QD_ERR_NOT_WAITING;
	if (t.target_window && t.target_window != op->w)
		return QD_ERR_NOT_SERVED_HERE;
	if ((s = store_queue_claim_id(st, t.id, op->w, op->staff, op->now)) != QD_OK)
		return s;
	strcpy(win.state, "serving");
	win.current = t.id;
	win.since = op->now;
	if ((s = store_queue_window_put(st, op->w, &win)) != QD_OK ||
	    (s = event(st, op, "call", t.id, "by-number")) != QD_OK)
		return s;
	return load_out(st, t.id, op->out);
}

enum qd_status queue_call_number(struct store *st, const struct hall *h, int w, const char *staff,
                                 const char *number, struct ticket *out)
{
	if (!number || !*number)
		return hall_window(h, w) ? QD_ERR_NOT_FOUND : QD_ERR_NO_WINDOW;
	char canon[32];
	queue_number_normalize(h, number, canon, sizeof canon);
	struct op op = { .number = canon, .out = out };
	return window_write(st, &op, h, w, staff, call_number_tx);
}

static enum qd_status recall_tx(struct store *st, void *ctx)
{
	struct op *op = ctx;
	struct store_queue_window win;
	struct ticket t;
	enum qd_status s = begin_action(st, op, &win);
	if (s != QD_OK || (s = window_serving(&win)) != QD_OK ||
	    (s = store_queue_get(st, win.current, &t)) != QD_OK)
		return s;
	if (t.calls - 1 >= op->h->calling.recall_cap)
		return QD_ERR_RECALL_CAP;
	if ((s = store_queue_window_put(st, op->w, &win)) != QD_OK ||    /* who is there now */
	    (s = store_queue_add_call(st, t.id)) != QD_OK ||
	    (s = event(st, op, "recall", t.id, t.number)) != QD_OK)
		return s;
	return load_out(st, t.id, op->out);
}

enum qd_status queue_recall(struct store *st, const struct hall *h, int w, const char *staff,
                            struct ticket *out)
{
	struct op op = { .out = out };
	return window_write(st, &op, h, w, staff, recall_tx);
}

/* ---- ending a ticket: no-show, finish ---- */

static enum qd_status noshow_tx(struct store *st, void *ctx)
{
	struct op *op = ctx;
	struct store_queue_window win;
	enum qd_status s = begin_action(st, op, &win);
	if (s != QD_OK || (s = window_serving(&win)) != QD_OK)
		return s;
	long long id = win.current;
	window_release(&win, "noshow", op->now);
	if ((s = store_queue_set_state(st, id, "noshow", op->now, op->staff)) != QD_OK ||
	    (s = store_queue_window_put(st, op->w, &win)) != QD_OK ||
	    (s = event(st, op, "noshow", id, NULL)) != QD_OK)
		return s;
	return load_out(st, id, op->out);
}

enum qd_status queue_noshow(struct store *st, const struct hall *h, int w, const char *staff,
                            struct ticket *out)
{
	struct op op = { .out = out };
	return window_write(st, &op, h, w, staff, noshow_tx);
}

static enum qd_status finish_tx(struct store *st, void *ctx)
{
	struct op *op = ctx;
	struct finish_result *fin = op->fin;
	struct store_queue_window win;
	enum qd_status s = begin_action(st, op, &win);
	if (s != QD_OK || (s = window_serving(&win)) != QD_OK)
		return s;
	long long id = win.current;
	window_release(&win, "finish", op->now);
	if ((s = store_queue_set_state(st, id, "served", op->now, op->staff)) != QD_OK)
		return s;
	for (size_t i = 0; i < op->ncases; i++) {
		long long case_id;
		if ((s = cases_insert_tx(st, op->h, id, op->w, op->staff, &op->cases[i], &case_id)) != QD_OK)
			return s;
		if (!fin->case_id)
			fin->case_id = case_id;
		fin->ncases++;
	}
	if (op->rating > 0 &&
	    (s = cases_rate_tx(st, op->h, id, op->w, op->staff, op->rating, op->rating_reason,
	                       &fin->evaluation_id, &fin->rectification_id, fin->deadline)) != QD_OK)
		return s;
	if ((s = store_queue_window_put(st, op->w, &win)) != QD_OK ||
	    (s = event(st, op, "finish", id, NULL)) != QD_OK)
		return s;
	return load_out(st, id, &fin->ticket);
}

enum qd_status queue_finish(struct store *st, const struct hall *h, int w, const char *staff,
                            const struct case_input *cases, size_t ncases, int rating,
                            const char *rating_reason, struct finish_result *out)
{
	struct finish_result scratch;
	if (rating < 0 || rating > 5)
		return QD_ERR_RATING;
	if (rating > 0 && pad_at_window(h, w))
		return QD_ERR_PAD_RATES;        /* the applicant rates at the pad, never the clerk */
	const char *field = NULL;
	for (size_t i = 0; i < ncases; i++) {
		enum qd_status s = cases_validate(h, &cases[i], &field);
		if (s != QD_OK)
			return s;
	}
	struct op op = { .cases = cases, .ncases = cases ? ncases : 0, .rating = rating, .rating_reason = rating_reason,
	                 .fin = out ? out : &scratch };
	memset(op.fin, 0, sizeof *op.fin);
	return window_write(st, &op, h, w, staff, finish_tx);
}

static enum qd_status undo_tx(struct store *st, void *ctx)
{
	struct op *op = ctx;
	struct store_queue_window win;
	struct ticket t;
	enum qd_status s = begin_action(st, op, &win);
	if (s != QD_OK)
		return s;
	int finish = strcmp(win.last_kind, "finish") == 0;
	if (!win.last_ticket || (!finish && strcmp(win.last_kind, "noshow") != 0))
		return QD_ERR_NOTHING_TO_UNDO;
	if (op->now < win.last_at || op->now - win.last_at > op->h->calling.undo_seconds)
		return QD_ERR_UNDO_EXPIRED;
	if ((s = window_free(&win)) != QD_OK || (s = store_queue_get(st, win.last_ticket, &t)) != QD_OK)
		return s;
	/* Only if the ticket is still as this window's action left it: not returned, not ended again
	 * elsewhere since, not another day. */
	if (strcmp(t.state, finish ? "served" : "noshow") != 0 || strcmp(t.day, op->day) != 0 ||
	    t.window != op->w || t.finished_at != win.last_at)
		return QD_ERR_NOTHING_TO_UNDO;
	if ((s = store_queue_reopen(st, t.id, op->w)) != QD_OK)
		return s;
	if (finish && (s = cases_void_tx(st, t.id, win.last_at)) != QD_OK)
		return s;
	char detail[16];
	snprintf(detail, sizeof detail, "%s", win.last_kind);
	strcpy(win.state, "serving");
	win.current = t.id;
	win.since = op->now;
	win.last_kind[0] = '\0';
	win.last_ticket = win.last_at = 0;
	if ((s = store_queue_window_put(st, op->w, &win)) != QD_OK ||
	    (s = event(st, op, "undo", t.id, detail)) != QD_OK)
		return s;
	return load_out(st, t.id, op->out);
}

enum qd_status queue_undo(struct store *st, const struct hall *h, int w, const char *staff,
                          struct ticket *out)
{
	struct op op = { .out = out };
	return window_write(st, &op, h, w, staff, undo_tx);
}

/* ---- back into the queue: requeue, transfer ---- */

static enum qd_status requeue_tx(struct store *st, void *ctx)
{
	struct op *op = ctx;
	const struct hall *h = op->h;
	struct ticket t;
	enum qd_status s = rollover(st, op);
	if (s != QD_OK || (s = roles_check(st, op->staff, ACT_REQUEUE)) != QD_OK)
		return s;
	s = store_queue_by_number(st, op->day, op->number, &t);
	if (s == QD_ERR_NOT_FOUND) {
		struct ticket old;
		enum qd_status s2 = store_queue_by_number_before(st, op->day, op->number, &old);
		return s2 == QD_OK ? QD_ERR_OTHER_DAY : s2;
	}
	if (s != QD_OK)
		return s;
	if (strcmp(t.state, "noshow") != 0)
		return QD_ERR_NOT_NOSHOW;
	if (t.requeues >= h->calling.requeue_max)
		return QD_ERR_REQUEUE_MAX;
	double pos;
	if ((s = store_queue_requeue_pos(st, op->day, t.queue_type, h->calling.requeue_behind, &pos)) != QD_OK ||
	    (s = store_queue_rewait(st, t.id, NULL, t.target_window, &pos, 1)) != QD_OK ||
	    (s = event(st, op, "requeue", t.id, t.number)) != QD_OK)
		return s;
	int ahead = 0;
	if ((s = store_queue_ahead(st, t.id, &ahead)) != QD_OK || (s = load_out(st, t.id, op->out)) != QD_OK)
		return s;
	if (op->out)
		op->out->ahead = ahead;
	return QD_OK;
}

enum qd_status queue_requeue(struct store *st, const struct hall *h, const char *number,
                             const char *staff, struct ticket *out)
{
	char canon[32];
	queue_number_normalize(h, number ? number : "", canon, sizeof canon);
	struct op op = { .number = canon, .out = out };
	enum qd_status s = op_init(&op, h, 0, staff);
	if (s != QD_OK)
		return s;
	if (!h->calling.noshow_requeue)
		return QD_ERR_NO_REQUEUE;
	if (!number || !*number)
		return QD_ERR_NOT_FOUND;
	return store_write(st, requeue_tx, &op);
}

static enum qd_status transfer_tx(struct store *st, void *ctx)
{
	struct op *op = ctx;
	struct store_queue_window win;
	enum qd_status s = begin_action(st, op, &win);
	if (s != QD_OK || (s = window_serving(&win)) != QD_OK)
		return s;
	long long id = win.current;
	struct ticket cur;
	if ((s = store_queue_get(st, id, &cur)) != QD_OK)
		return s;
	if (op->to_type ? !cur.target_window && strcmp(cur.queue_type, op->to_type) == 0
	                : op->to_window == op->w)
		return QD_ERR_SAME_PLACE;
	double back;
	const double *pos = NULL;
	if (!op->h->calling.transfer_keep_place) {
		if ((s = store_queue_next_pos(st, op->day, &back)) != QD_OK)
			return s;
		pos = &back;
	}
	char detail[32];
	if (op->to_type)
		snprintf(detail, sizeof detail, "type %s", op->to_type);
	else
		snprintf(detail, sizeof detail, "window %d", op->to_window);
	window_release(&win, NULL, op->now);
	if ((s = store_queue_rewait(st, id, op->to_type, op->to_type ? 0 : op->to_window, pos, 0)) != QD_OK ||
	    (s = store_queue_window_put(st, op->w, &win)) != QD_OK ||
	    (s = event(st, op, "transfer", id, detail)) != QD_OK)
		return s;
	return load_out(st, id, op->out);
}

enum qd_status queue_transfer(struct store *st, const struct hall *h, int w, const char *staff,
                              const char *to_type, int to_window, struct ticket *out)
{
	struct op op = { .to_window = to_window, .out = out };
	int by_type = to_type && *to_type;
	if (by_type == (to_window > 0))
		return QD_ERR_USAGE;
	if (by_type) {
		const struct hall_type *ty = hall_type(h, to_type);
		if (!ty)
			return QD_ERR_NO_TYPE;
		op.to_type = ty->prefix;
	} else if (!hall_window(h, to_window)) {
		return QD_ERR_NO_WINDOW;
	}
	return window_write(st, &op, h, w, staff, transfer_tx);
}

/* ---- pause, resume, sign-in, sign-out ---- */

static enum qd_status pause_tx(struct store *st, void *ctx)
{
	struct op *op = ctx;
	struct store_queue_window win;
	enum qd_status s = begin_action(st, op, &win);
	if (s != QD_OK || (s = window_free(&win)) != QD_OK ||
	    (s = store_queue_pause_start(st, op->w, op->staff, op->reason, op->now)) != QD_OK)
		return s;
	strcpy(win.state, "paused");
	snprintf(win.pause_reason, sizeof win.pause_reason, "%s", op->reason);
	win.since = op->now;
	if ((s = store_queue_window_put(st, op->w, &win)) != QD_OK)
		return s;
	return event(st, op, "pause", 0, op->reason);
}

enum qd_status queue_pause(struct store *st, const struct hall *h, int w, const char *staff,
                           const char *reason)
{
	struct op op = { 0 };
	if (reason && *reason) {
		const struct hall_item *it = hall_item(h->pauses, h->npauses, reason);
		if (!it)
			return QD_ERR_NO_CHOICE;
		op.reason = it->id;
	} else {
		op.reason = h->npauses ? h->pauses[0].id : "other";
	}
	return window_write(st, &op, h, w, staff, pause_tx);
}

static enum qd_status resume_tx(struct store *st, void *ctx)
{
	struct op *op = ctx;
	struct store_queue_window win;
	enum qd_status s = begin_action(st, op, &win);
	if (s != QD_OK)
		return s;
	if (strcmp(win.state, "paused") != 0)
		return QD_ERR_NOT_PAUSED;
	if ((s = store_queue_pause_end(st, op->w, op->now)) != QD_OK)
		return s;
	strcpy(win.state, "idle");
	win.pause_reason[0] = '\0';
	win.since = op->now;
	if ((s = store_queue_window_put(st, op->w, &win)) != QD_OK)
		return s;
	return event(st, op, "resume", 0, NULL);
}

enum qd_status queue_resume(struct store *st, const struct hall *h, int w, const char *staff)
{
	struct op op = { 0 };
	return window_write(st, &op, h, w, staff, resume_tx);
}

static enum qd_status sign_in_tx(struct store *st, void *ctx)
{
	struct op *op = ctx;
	struct store_queue_window win;
	enum qd_status s = begin_action(st, op, &win);
	if (s != QD_OK)
		return s;
	return store_queue_window_put(st, op->w, &win);
}

enum qd_status queue_sign_in(struct store *st, const struct hall *h, int w, const char *staff)
{
	struct op op = { 0 };
	return window_write(st, &op, h, w, staff, sign_in_tx);
}

static enum qd_status sign_out_tx(struct store *st, void *ctx)
{
	struct op *op = ctx;
	struct store_queue_window win;
	char cur[32];
	enum qd_status s = begin_window(st, op, ACT_WINDOW, &win);
	if (s != QD_OK || (s = store_queue_session_open_staff(st, op->w, cur)) != QD_OK)
		return s;
	if (cur[0] && strcmp(cur, op->staff) != 0)
		return QD_ERR_TOOK_OVER;
	if (win.current)
		return QD_ERR_BUSY_WINDOW;
	if (strcmp(win.state, "paused") == 0 && (s = store_queue_pause_end(st, op->w, op->now)) != QD_OK)
		return s;
	if ((s = store_queue_session_end(st, op->w, op->now)) != QD_OK)
		return s;
	strcpy(win.state, "closed");
	win.staff[0] = win.pause_reason[0] = '\0';
	win.since = op->now;
	if ((s = store_queue_window_put(st, op->w, &win)) != QD_OK)
		return s;
	return cur[0] ? event(st, op, "sign-out", 0, NULL) : QD_OK;
}

enum qd_status queue_sign_out(struct store *st, const struct hall *h, int w, const char *staff)
{
	struct op op = { 0 };
	return window_write(st, &op, h, w, staff, sign_out_tx);
}

static enum qd_status rollover_tx(struct store *st, void *ctx)
{
	return rollover(st, ctx);
}

enum qd_status queue_rollover(struct store *st, const struct hall *h, int *n)
{
	struct op op = { .expire_all = 1 };
	enum qd_status s = op_init(&op, h, 0, NULL);
	if (s == QD_OK)
		s = store_write(st, rollover_tx, &op);
	if (n)
		*n = s == QD_OK ? op.expired : 0;
	return s;
}

/* ---- snapshots ---- */

struct snap {
	struct op op;
	struct ticket **list;
	size_t *n;
	size_t limit, *total;           /* total set: only the first limit of the list, and its size */
	struct window_state *ws;
	struct ticket *t;
	int count;
};

static enum qd_status waiting_rx(struct store *st, void *ctx)
{
	struct snap *sn = ctx;
	if (!sn->op.w)
		return store_queue_list(st, sn->op.day, NULL, sn->list, sn->n);
	struct store_queue_window win;
	enum qd_status s = store_queue_window_get(st, sn->op.w, &win);
	if (s != QD_OK)
		return s;
	if (win.since < (long long)clock_at(sn->op.day, 0))
		win.streak = 0;                 /* the day's first write resets it */
	sn->op.filter.priority_first = priority_first(sn->op.h, &win);
	if (sn->total)
		return store_queue_top(st, sn->op.day, &sn->op.filter, sn->limit, sn->list, sn->n, sn->total);
	return store_queue_list(st, sn->op.day, &sn->op.filter, sn->list, sn->n);
}

/* queue_waiting, or with total (for a window, w > 0) only its first limit tickets and *total. */
static enum qd_status waiting_list(struct store *st, const struct hall *h, int w, size_t limit,
                                   size_t *total, struct ticket **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	struct snap sn = { .list = out, .n = n, .limit = limit, .total = total };
	enum qd_status s = op_init(&sn.op, h, w, NULL);
	if (s != QD_OK || (w && (s = filter_init(&sn.op.filter, sn.op.hw)) != QD_OK))
		return s;
	s = store_read(st, waiting_rx, &sn);
	filter_free(&sn.op.filter);
	return s;
}

enum qd_status queue_waiting(struct store *st, const struct hall *h, int w, struct ticket **out,
                             size_t *n)
{
	return waiting_list(st, h, w, 0, NULL, out, n);
}

enum qd_status queue_staff_today(struct store *st, const char *staff, struct staff_today *out)
{
	time_t now = clock_now();
	char day[11];
	memset(out, 0, sizeof *out);
	if (now == (time_t)-1)
		return QD_ERR_CONFIG;
	clock_day(now, day);
	return store_queue_staff_day(st, day, staff, out);
}

static enum qd_status issued_rx(struct store *st, void *ctx)
{
	struct snap *sn = ctx;
	return store_queue_day_count(st, sn->op.day, &sn->count);
}

enum qd_status queue_issued_today(struct store *st, int *n)
{
	struct snap sn = { .count = 0 };
	*n = 0;
	time_t now = clock_now();
	if (now == (time_t)-1)
		return QD_ERR_CONFIG;
	clock_day(now, sn.op.day);
	enum qd_status s = store_read(st, issued_rx, &sn);
	*n = sn.count;
	return s;
}

static enum qd_status window_rx(struct store *st, void *ctx)
{
	struct snap *sn = ctx;
	struct window_state *ws = sn->ws;
	struct store_queue_window win;
	enum qd_status s = store_queue_window_get(st, sn->op.w, &win);
	if (s != QD_OK)
		return s;
	if (win.since < (long long)clock_at(sn->op.day, 0)) {   /* as the day's first write leaves it */
		memset(&win, 0, sizeof win);
		strcpy(win.state, "closed");
	}
	snprintf(ws->state, sizeof ws->state, "%s", win.state);
	snprintf(ws->staff, sizeof ws->staff, "%s", win.staff);
	snprintf(ws->pause_reason, sizeof ws->pause_reason, "%s", win.pause_reason);
	ws->since = win.since;
	if (win.current && (s = store_queue_get(st, win.current, &ws->current)) != QD_OK)
		return s;
	if ((s = store_queue_count_ended(st, sn->op.day, sn->op.w, "served", &ws->served_today)) != QD_OK)
		return s;
	return store_queue_count_ended(st, sn->op.day, sn->op.w, "noshow", &ws->noshow_today);
}

enum qd_status queue_window(struct store *st, const struct hall *h, int w, struct window_state *out)
{
	memset(out, 0, sizeof *out);
	out->number = w;
	struct snap sn = { .ws = out };
	enum qd_status s = op_init(&sn.op, h, w, NULL);
	if (s == QD_OK && !sn.op.hw)
		s = QD_ERR_NO_WINDOW;
	if (s != QD_OK)
		return s;
	s = store_read(st, window_rx, &sn);
	if (s != QD_OK) {
		memset(out, 0, sizeof *out);
		out->number = w;
	}
	return s;
}

struct hall_snap {
	const struct hall *h;
	int w;
	struct window_state *ws;
	struct ticket **waiting;
	size_t *n;
	size_t limit, *total;
};

/* Inside one read transaction: the nested reads below join it, so all agree. */
static enum qd_status snapshot_rx(struct store *st, void *ctx)
{
	struct hall_snap *x = ctx;
	enum qd_status s = waiting_list(st, x->h, x->w, x->limit, x->total, x->waiting, x->n);
	if (x->w)
		return s == QD_OK ? queue_window(st, x->h, x->w, x->ws) : s;
	for (size_t i = 0; s == QD_OK && i < x->h->nwindows; i++)
		s = queue_window(st, x->h, x->h->windows[i].number, &x->ws[i]);
	return s;
}

/* queue_snapshot, or with total only the first limit waiting tickets and *total. */
static enum qd_status snapshot(struct store *st, const struct hall *h, int w, size_t limit,
                               size_t *total, struct window_state *ws, struct ticket **waiting, size_t *n)
{
	struct hall_snap x = { h, w, ws, waiting, n, limit, total };
	*waiting = NULL;
	*n = 0;
	enum qd_status s = store_read(st, snapshot_rx, &x);
	if (s != QD_OK) {
		free(*waiting);
		*waiting = NULL;
		*n = 0;
		if (total)
			*total = 0;
	}
	return s;
}

enum qd_status queue_snapshot(struct store *st, const struct hall *h, int w, struct window_state *ws,
                              struct ticket **waiting, size_t *n)
{
	return snapshot(st, h, w, 0, NULL, ws, waiting, n);
}

enum qd_status queue_window_snapshot(struct store *st, const struct hall *h, int w, size_t limit,
                                     struct window_state *ws, struct ticket **first, size_t *n,
                                     size_t *total)
{
	*first = NULL;
	*n = 0;
	*total = 0;
	if (w <= 0)
		return QD_ERR_NO_WINDOW;
	return snapshot(st, h, w, limit, total, ws, first, n);
}

static enum qd_status find_rx(struct store *st, void *ctx)
{
	struct snap *sn = ctx;
	enum qd_status s = store_queue_by_number(st, sn->op.day, sn->op.number, sn->t);
	if (s == QD_OK && strcmp(sn->t->state, "waiting") == 0)
		s = store_queue_ahead(st, sn->t->id, &sn->t->ahead);
	return s;
}

enum qd_status queue_find(struct store *st, const char *number, struct ticket *out)
{
	struct snap sn = { .t = out };
	memset(out, 0, sizeof *out);
	time_t now = clock_now();
	if (now == (time_t)-1)
		return QD_ERR_CONFIG;
	clock_day(now, sn.op.day);
	if (!number || !*number)
		return QD_ERR_NOT_FOUND;
	sn.op.number = number;
	return store_read(st, find_rx, &sn);
}

struct staff_window_ctx { const char *staff; int w; };

static enum qd_status staff_window_rx(struct store *st, void *ctx)
{
	struct staff_window_ctx *c = ctx;
	return store_queue_staff_window(st, c->staff, 0, &c->w);
}

enum qd_status queue_staff_window(struct store *st, const char *staff, int *w)
{
	struct staff_window_ctx c = { staff, 0 };
	*w = 0;
	if (!staff || !*staff)
		return QD_OK;
	enum qd_status s = store_read(st, staff_window_rx, &c);
	*w = c.w;
	return s;
}

/* ---- labels ---- */

static const struct { const char *name, *label; } labels[] = {
	/* ticket states */
	{ "waiting", N_("waiting") }, { "called", N_("called") }, { "served", N_("served") },
	{ "noshow", N_("no-show") }, { "expired", N_("expired") }, { "voided", N_("voided") },
	/* window states */
	{ "closed", N_("closed") }, { "idle", N_("idle") }, { "serving", N_("serving") },
	{ "paused", N_("paused") },
	/* events */
	{ "issue", N_("ticket issued") }, { "call", N_("called to a window") },
	{ "recall", N_("called again") }, { "requeue", N_("back in the queue") },
	{ "transfer", N_("transferred") }, { "pause", N_("service paused") },
	{ "resume", N_("service resumed") }, { "finish", N_("finished") }, { "undo", N_("undone") },
	{ "expire", N_("expired at day end") }, { "sign-in", N_("signed in") },
	{ "sign-out", N_("signed out") },
};

const char *queue_label(const char *name)
{
	for (size_t i = 0; name && i < sizeof labels / sizeof labels[0]; i++)
		if (strcmp(labels[i].name, name) == 0)
			return labels[i].label;
	return name;
}
