/* gen-history.c - fills a qdesk database with days of realistic hall history, fast. It simulates the
 * hall (arrivals with two daily peaks, windows calling in the engine's order, recalls, no-shows
 * and returns, transfers, pauses, AB-post handovers, walk-ins, consultations) and writes what
 * happens through the engine's own row functions: the store_queue_* statements queue.c uses,
 * cases_insert_tx / cases_rate_tx for cases, evaluations and rectifications, and every event
 * through store_event_add (so an audit chain kept there stays valid). The day's first write is
 * the engine's own queue_rollover. One write transaction per day; the per-action rules (the
 * checks queue.c makes before it writes) are kept by the simulation instead of re-run. Working
 * days, holidays and make-up days, types, quotas, cut-offs, windows, groups, matters, outcomes,
 * modes, help types and pause reasons all come from the config. *
 *   gen-history --config FILE --db FILE [--days N] [--until YYYY-MM-DD] [--scale S] [--seed N] [-q]
 *
 * --days N (default 30): N calendar days ending with --until (default: yesterday, by QDESK_NOW or
 * the system clock); days off are skipped. --scale: "small" (default, 2% of a big city hall),
 * "full" (14,000 tickets a working day for 24 windows: 3.5 M a year), or a fraction of full; the
 * volume is proportional to the number of windows. BENCH_SCALE sets the default. The database is
 * created if missing; staff accounts g01, g02 (guides), c001… (one clerk per window plus one AB
 * backup per four windows) and l01 (lead) are added with PIN 1234 if missing. Prints a summary. */
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include "qdesk/cases.h"
#include "qdesk/clock.h"
#include "qdesk/config.h"
#include "qdesk/idcard.h"
#include "qdesk/queue.h"
#include "qdesk/staff.h"
#include "qdesk/text.h"
#include "store-cases.h"
#include "store-log.h"
#include "store-staff.h"
#include "store-queue.h"

#define FULL_PER_DAY   14000.0   /* tickets a working day at full scale, 24 windows */
#define SMALL_SCALE    0.02
#define MAX_WINDOWS    256
#define MAX_PENDING    4096
#define INF            (1 << 30)

struct gen_wait {
	long long id;
	char queue_type[8], number[16], priority[HALL_ID_MAX + 1];
	int target_window, age, requeues;
	double pos;
};

struct gen_window {
	const struct hall_window *hw;
	int wake;                   /* second of the day it acts next */
	int serving, absent, calls, paused, meal_done, signed_in, since;
	struct gen_wait t;          /* the ticket being served */
	char clerk[16], backup[16], session[16];
	char reason[HALL_ID_MAX + 1];
	int handover_at;            /* AB post: the backup takes over then (INF: not today) */
};

struct gen {
	const struct hall *h;
	struct store *st;
	double per_day;             /* mean tickets per working day */
	unsigned long long rng;
	char day[11];
	long long midnight;         /* Unix time of the day's 00:00 */
	struct gen_window win[MAX_WINDOWS];
	size_t nwin;
	struct gen_wait *wait;      /* today's waiting tickets */
	size_t nwait, capwait;
	double pos;                 /* last queue position given today */
	int issued[64];             /* tickets of each type today */
	struct { int at; struct gen_wait t; } pending[MAX_PENDING];   /* no-shows coming back */
	size_t npending;
	long long tickets, served, noshow, transfers, cases, ratings, bad, pauses, walkins, consults,
	          requeues, undos;
	int quiet;
};

static unsigned rnd(struct gen *g)
{
	g->rng ^= g->rng << 13;
	g->rng ^= g->rng >> 7;
	g->rng ^= g->rng << 17;
	return (unsigned)(g->rng >> 11);
}

/* Uniform in [0, 1). */
static double unif(struct gen *g)
{
	return (rnd(g) & 0xffffff) / (double)0x1000000;
}

static int chance(struct gen *g, double p)
{
	return unif(g) < p;
}

static int pick(struct gen *g, int n)
{
	return n > 0 ? (int)(rnd(g) % (unsigned)n) : 0;
}

static void set_now(const struct gen *g, int sec)
{
	char now[24];
	snprintf(now, sizeof now, "%s %02d:%02d:%02d", g->day, sec / 3600 % 24, sec / 60 % 60, sec % 60);
	setenv("QDESK_NOW", now, 1);
}

static int fail(struct gen *g, const char *what, enum qd_status s)
{
	fprintf(stderr, "gen-history: %s %s: %s (%s)\n", g->day, what, qd_status_text(s),
	        store_errmsg(g->st));
	return -1;
}

/* A valid resident ID number of someone born in year y (GB 11643 check character). */
static void make_id(struct gen *g, int y, char out[19])
{
	static const char *const areas[] = { "110105", "310104", "440305", "510107", "320102" };
	snprintf(out, 19, "%s%04d%02d%02d%03d", areas[pick(g, 5)], y, 1 + pick(g, 12), 1 + pick(g, 28),
	         1 + pick(g, 998));
	out[17] = idcard_check_char(out);
	out[18] = '\0';
}

static void make_phone(struct gen *g, char out[12])
{
	snprintf(out, 12, "1%d%09u", 3 + pick(g, 7), rnd(g) % 1000000000u);
}

static const struct hall_item *item(struct gen *g, const struct hall_item *items, size_t n,
                                    const char *prefer, double p_prefer)
{
	if (!n)
		return NULL;
	if (prefer && chance(g, p_prefer)) {
		const struct hall_item *it = hall_item(items, n, prefer);
		if (it)
			return it;
	}
	return &items[pick(g, (int)n)];
}

/* ---- the waiting queue, kept in memory beside the database ---- */

static long long at(const struct gen *g, int sec)
{
	return g->midnight + sec;
}

static enum qd_status ev(struct gen *g, int sec, const char *kind, long long ticket, int w,
                         const char *staff, const char *detail)
{
	return store_event_add(g->st, at(g, sec), kind, ticket, w, staff, detail);
}

static int listed(char *const *items, size_t n, const char *id, int nocase)
{
	for (size_t i = 0; i < n; i++)
		if (nocase ? strcasecmp(items[i], id) == 0 : strcmp(items[i], id) == 0)
			return 1;
	return 0;
}

/* The waiting ticket window hw calls, as the engine's claim orders them: priority groups first,
 * own types, tickets sent here and groups before "also" types, then place. -1 if none. */
static long pick_waiting(const struct gen *g, const struct hall_window *hw)
{
	long best = -1;
	int best_rank = 9;
	for (size_t i = 0; i < g->nwait; i++) {
		const struct gen_wait *t = &g->wait[i];
		int own = t->target_window == hw->number ||
		          (!t->target_window && (listed(hw->types, hw->ntypes, t->queue_type, 1) ||
		                                 (t->priority[0] && listed(hw->groups, hw->ngroups, t->priority, 0))));
		int also = !t->target_window && listed(hw->also, hw->nalso, t->queue_type, 1);
		if (!own && !also)
			continue;
		int rank = (t->priority[0] ? 0 : 2) + (own ? 0 : 1);
		if (rank < best_rank || (rank == best_rank && t->pos < g->wait[best].pos))
			best = (long)i, best_rank = rank;
	}
	return best;
}

static int wait_add(struct gen *g, const struct gen_wait *t)
{
	if (g->nwait == g->capwait) {
		size_t cap = g->capwait ? g->capwait * 2 : 256;
		struct gen_wait *n = realloc(g->wait, cap * sizeof *n);
		if (!n)
			return -1;
		g->wait = n;
		g->capwait = cap;
	}
	g->wait[g->nwait++] = *t;
	return 0;
}

/* ---- arrivals ---- */

/* Seconds of the day at which tickets arrive: two peaks (mid-morning, mid-afternoon). */
static int arrival_time(struct gen *g, int open, int close)
{
	double u = unif(g), x;
	if (u < 0.55)
		x = 0.22 + 0.12 * (unif(g) + unif(g) + unif(g) - 1.5);       /* morning peak */
	else if (u < 0.9)
		x = 0.68 + 0.10 * (unif(g) + unif(g) + unif(g) - 1.5);       /* afternoon peak */
	else
		x = unif(g);
	if (x < 0)
		x = 0;
	if (x >= 1)
		x = 0.999;
	return open + (int)(x * (close - open));
}

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

/* A type for the next ticket, weighted by its quota (no quota: weight 60). */
static size_t pick_type(struct gen *g)
{
	const struct hall *h = g->h;
	double total = 0;
	for (size_t i = 0; i < h->ntypes; i++)
		total += h->types[i].quota > 0 ? h->types[i].quota : 60;
	double x = unif(g) * total;
	for (size_t i = 0; i < h->ntypes; i++) {
		x -= h->types[i].quota > 0 ? h->types[i].quota : 60;
		if (x < 0)
			return i;
	}
	return h->ntypes - 1;
}

/* A ticket issued at sec by a guide, as queue_issue writes it (quota and cut-off kept). */
static int issue_one(struct gen *g, int sec)
{
	const struct hall *h = g->h;
	size_t ti = pick_type(g);
	const struct hall_type *ty = &h->types[ti];
	if ((ty->quota > 0 && g->issued[ti] >= ty->quota) || (ty->cutoff >= 0 && sec / 60 >= ty->cutoff))
		return 0;
	const char *guide = chance(g, 0.85) ? "g01" : "g02";
	struct ticket t;
	memset(&t, 0, sizeof t);
	memcpy(t.day, g->day, sizeof t.day);
	snprintf(t.type, sizeof t.type, "%s", ty->prefix);
	t.seq = ++g->issued[ti];
	int digits = h->number_digits > 0 && h->number_digits < 8 ? h->number_digits : 3;
	snprintf(t.number, sizeof t.number, "%s%0*d", ty->prefix, digits, t.seq);
	t.issued_at = at(g, sec);
	int age = -1;
	if (chance(g, 0.25)) {
		char id[19];
		int year = atoi(g->day);
		make_id(g, chance(g, 0.3) ? year - 60 - pick(g, 30) : year - 18 - pick(g, 42), id);
		idcard_mask(id, t.id_masked);
		age = idcard_age(id, g->day);
	}
	if (chance(g, 0.3)) {
		char phone[12];
		make_phone(g, phone);
		text_mask_phone(phone, t.phone_masked, sizeof t.phone_masked);
	}
	const struct hall_group *eg = hall_elderly_group(h);
	if (h->ngroups && chance(g, 0.03))
		snprintf(t.priority, sizeof t.priority, "%s", h->groups[pick(g, (int)h->ngroups)].id);
	else if (eg && eg->min_age > 0 && age >= eg->min_age)
		snprintf(t.priority, sizeof t.priority, "%s", eg->id);
	enum qd_status s = store_queue_insert(g->st, &t, ++g->pos, age, guide);
	if (s == QD_OK)
		s = ev(g, sec, "issue", t.id, 0, guide, t.number);
	if (s != QD_OK)
		return fail(g, "issue", s);
	struct gen_wait w = { .id = t.id, .age = age, .pos = g->pos };
	memcpy(w.queue_type, t.type, sizeof w.queue_type);
	memcpy(w.number, t.number, sizeof w.number);
	memcpy(w.priority, t.priority, sizeof w.priority);
	if (wait_add(g, &w) < 0)
		return fail(g, "issue", QD_ERR_NOMEM);
	g->tickets++;
	if (chance(g, 0.06)) {             /* the guide also answered a question */
		static const char *const topics[] = { "营业执照办理材料", "社保转移流程", "公积金提取条件",
		                                      "不动产登记预约", "老年人优待证" };
		long long cid;
		char detail[32];
		s = store_cases_insert_consult(g->st, g->day, at(g, sec), 0, guide, topics[pick(g, 5)], &cid);
		snprintf(detail, sizeof detail, "consultation %lld", cid);
		if (s == QD_OK)
			s = ev(g, sec, "consult", 0, 0, guide, detail);
		if (s != QD_OK)
			return fail(g, "consult", s);
		g->consults++;
	}
	return 0;
}

/* ---- at a window ---- */

static const char *const surnames[] = { "张", "王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴",
                                         "𠮷", "欧阳" };
static const char *const given[] = { "伟", "芳", "娜", "敏", "静", "强", "磊", "洋", "艳", "军" };

/* One case for the person at w (elderly help when the person is elderly). */
static void make_case(struct gen *g, const struct gen_window *w, struct case_input *c,
                      const char **helps, char *name, size_t namesz, char *id, char *phone)
{
	const struct hall *h = g->h;
	memset(c, 0, sizeof *c);
	if (h->nmatters && chance(g, 0.9))
		c->matter = h->matters[pick(g, (int)h->nmatters)].id;
	c->channel = chance(g, 0.15) ? "online" : "onsite";
	const struct hall_item *o = item(g, h->outcomes, h->noutcomes, "done", 0.5);
	c->outcome = o ? o->id : NULL;
	if (h->nmodes && chance(g, 0.22))
		c->mode = h->modes[pick(g, (int)h->nmodes)].id;
	const struct hall_group *pg = w->t.priority[0] ? hall_group(h, w->t.priority) : NULL;
	int elderly = w->t.age >= 60 || (pg && pg->min_age > 0);
	if (elderly && h->nhelps) {
		size_t n = 1 + (size_t)pick(g, 2), first = (size_t)pick(g, (int)h->nhelps);
		if (n > h->nhelps)
			n = h->nhelps;
		for (size_t i = 0; i < n; i++)
			helps[i] = h->helps[(first + i) % h->nhelps].id;
		c->helps = helps;
		c->nhelps = n;
		c->minutes = 5 + pick(g, 40);
	}
	if (chance(g, 0.4)) {
		snprintf(name, namesz, "%s%s%s", surnames[pick(g, 12)], given[pick(g, 10)],
		         chance(g, 0.5) ? given[pick(g, 10)] : "");
		c->applicant = name;
		make_id(g, atoi(g->day) - (elderly ? 65 : 20) - pick(g, 20), id);
		c->id_number = id;
		make_phone(g, phone);
		c->phone = phone;
	}
	if (chance(g, 0.05))
		c->note = "材料齐全，当场办结";
}

/* Whoever acts at w is signed in there: an AB-post handover ends the other clerk's session. */
static int sign_in(struct gen *g, struct gen_window *w, int sec)
{
	int wn = w->hw->number;
	enum qd_status s = QD_OK;
	if (w->signed_in && strcmp(w->session, w->clerk) == 0)
		return 0;
	if (w->signed_in && ((s = store_queue_session_end(g->st, wn, at(g, sec))) != QD_OK ||
	                     (s = ev(g, sec, "sign-out", 0, wn, w->session, "handover")) != QD_OK))
		return fail(g, "handover", s);
	if ((s = store_queue_session_start(g->st, wn, w->clerk, at(g, sec))) != QD_OK ||
	    (s = ev(g, sec, "sign-in", 0, wn, w->clerk, NULL)) != QD_OK)
		return fail(g, "sign-in", s);
	memcpy(w->session, w->clerk, sizeof w->session);
	w->signed_in = 1;
	w->since = sec;
	return 0;
}

/* Finish the ticket at w as queue_finish does: served, its cases, maybe a rating. */
static int finish(struct gen *g, struct gen_window *w, int sec, int again)
{
	const struct hall *h = g->h;
	int wn = w->hw->number;
	struct case_input cs[2];
	const char *helps[2][2];
	char names[2][64], ids[2][19], phones[2][12];
	size_t nc = chance(g, 0.05) ? 0 : chance(g, 0.1) ? 2 : 1;
	for (size_t i = 0; i < nc; i++)
		make_case(g, w, &cs[i], helps[i], names[i], sizeof names[i], ids[i], phones[i]);
	int rating = 0;
	const char *reason = NULL;
	if (!again && chance(g, 0.75)) {
		double u = unif(g);
		rating = u < 0.62 ? 5 : u < 0.87 ? 4 : u < 0.96 ? 3 : u < 0.985 ? 2 : 1;
		static const char *const reasons[] = { "等候时间过长", "材料要求反复说明不清",
		                                       "工作人员态度不好", NULL };
		if (rating <= 2)
			reason = reasons[pick(g, 4)];
	}
	set_now(g, sec);
	enum qd_status s = store_queue_set_state(g->st, w->t.id, "served", at(g, sec), w->clerk);
	for (size_t i = 0; s == QD_OK && i < nc; i++)
		s = cases_insert_tx(g->st, h, w->t.id, wn, w->clerk, &cs[i], NULL);
	if (s == QD_OK && rating) {
		s = cases_rate_tx(g->st, h, w->t.id, wn, w->clerk, rating, reason, NULL, NULL, NULL);
		if (s == QD_ERR_RATED)          /* one visit, one rating: nothing was written */
			s = QD_OK, rating = 0;
	}
	if (s == QD_OK)
		s = ev(g, sec, "finish", w->t.id, wn, w->clerk, NULL);
	if (s != QD_OK)
		return fail(g, "finish", s);
	g->served += !again;
	g->cases += (long long)nc;
	g->ratings += rating > 0;
	g->bad += rating > 0 && rating <= 2;
	return 0;
}

/* The ticket at w ends: finished with cases and maybe a rating, a no-show after the recalls, or a
 * transfer. 1 if it is still being served (recalled), -1 on an error. */
static int end_ticket(struct gen *g, struct gen_window *w, int sec)
{
	const struct hall *h = g->h;
	int wn = w->hw->number;
	enum qd_status s;
	if (w->absent) {
		if (w->calls <= h->calling.recall_cap && chance(g, 0.8)) {
			if ((s = store_queue_add_call(g->st, w->t.id)) != QD_OK ||
			    (s = ev(g, sec, "recall", w->t.id, wn, w->clerk, w->t.number)) != QD_OK)
				return fail(g, "recall", s);
			w->calls++;
			w->wake = sec + 40 + pick(g, 40);
			return 1;
		}
		if ((s = store_queue_set_state(g->st, w->t.id, "noshow", at(g, sec), w->clerk)) != QD_OK ||
		    (s = ev(g, sec, "noshow", w->t.id, wn, w->clerk, NULL)) != QD_OK)
			return fail(g, "noshow", s);
		g->noshow++;
		if (h->calling.noshow_requeue && w->t.requeues < h->calling.requeue_max && chance(g, 0.35) &&
		    g->npending < MAX_PENDING) {
			g->pending[g->npending].at = sec + 300 + pick(g, 1800);
			g->pending[g->npending++].t = w->t;
		}
	} else if (h->ntypes > 1 && chance(g, 0.03)) {
		const char *to = h->types[pick(g, (int)h->ntypes)].prefix;
		char detail[32];
		int to_window = 0;
		if (strcasecmp(to, w->t.queue_type) == 0 || w->t.target_window) {
			to = NULL;
			to_window = h->windows[pick(g, (int)h->nwindows)].number;
			if (to_window == wn)
				return finish(g, w, sec, 0);
			snprintf(detail, sizeof detail, "window %d", to_window);
		} else {
			snprintf(detail, sizeof detail, "type %s", to);
		}
		double back = ++g->pos;
		if ((s = store_queue_rewait(g->st, w->t.id, to, to_window,
		                            h->calling.transfer_keep_place ? NULL : &back, 0)) != QD_OK ||
		    (s = ev(g, sec, "transfer", w->t.id, wn, w->clerk, detail)) != QD_OK)
			return fail(g, "transfer", s);
		if (to)
			snprintf(w->t.queue_type, sizeof w->t.queue_type, "%s", to);
		w->t.target_window = to_window;
		if (!h->calling.transfer_keep_place)
			w->t.pos = back;
		if (wait_add(g, &w->t) < 0)
			return fail(g, "transfer", QD_ERR_NOMEM);
		g->transfers++;
	} else {
		if (finish(g, w, sec, 0) < 0)
			return -1;
		if (chance(g, 0.003)) {            /* finished by mistake: undone, then finished again */
			set_now(g, sec + 20);
			if ((s = store_queue_reopen(g->st, w->t.id, wn)) != QD_OK ||
			    (s = cases_void_tx(g->st, w->t.id, at(g, sec))) != QD_OK ||
			    (s = ev(g, sec + 20, "undo", w->t.id, wn, w->clerk, "finish")) != QD_OK)
				return fail(g, "undo", s);
			if (finish(g, w, sec + 60, 1) < 0)
				return -1;
			g->undos++;
		}
	}
	w->serving = 0;
	return 0;
}

/* Pause for a meal around noon, now and then for something else. 1 if it paused. */
static int maybe_pause(struct gen *g, struct gen_window *w, int sec)
{
	const struct hall *h = g->h;
	const char *reason = NULL;
	int len = 0;
	if (!w->meal_done && sec >= 12 * 3600) {
		w->meal_done = 1;
		if (chance(g, 0.6))
			reason = "meal", len = 1800 + pick(g, 2400);
	} else if (chance(g, 0.015)) {
		static const char *const r[] = { "break", "meeting", "fault", "training" };
		reason = r[pick(g, 4)];
		len = 300 + pick(g, 1500);
	}
	if (!reason || !h->npauses)
		return 0;
	if (!hall_item(h->pauses, h->npauses, reason))
		reason = h->pauses[pick(g, (int)h->npauses)].id;
	int wn = w->hw->number;
	enum qd_status s;
	if ((s = store_queue_pause_start(g->st, wn, w->clerk, reason, at(g, sec))) != QD_OK ||
	    (s = ev(g, sec, "pause", 0, wn, w->clerk, reason)) != QD_OK)
		return fail(g, "pause", s);
	snprintf(w->reason, sizeof w->reason, "%s", reason);
	g->pauses++;
	w->paused = 1;
	w->since = sec;
	w->wake = sec + len;
	return 1;
}

static int call_next(struct gen *g, struct gen_window *w, int sec, int mean_service)
{
	int wn = w->hw->number;
	if (sign_in(g, w, sec) < 0)
		return -1;
	long i = pick_waiting(g, w->hw);
	enum qd_status s;
	if (i < 0) {
		w->wake = sec + 30 + pick(g, 90);
		if (chance(g, 0.01)) {             /* someone came to the window without a ticket */
			struct case_input c;
			const char *helps[2];
			char name[64], id[19], phone[12];
			memset(&w->t, 0, sizeof w->t);
			make_case(g, w, &c, helps, name, sizeof name, id, phone);
			set_now(g, sec);
			if ((s = cases_insert_tx(g->st, g->h, 0, wn, w->clerk, &c, NULL)) != QD_OK)
				return fail(g, "walk-in", s);
			g->walkins++;
		}
		return 0;
	}
	w->t = g->wait[i];
	g->wait[i] = g->wait[--g->nwait];
	if ((s = store_queue_claim_id(g->st, w->t.id, wn, w->clerk, at(g, sec))) != QD_OK ||
	    (s = ev(g, sec, "call", w->t.id, wn, w->clerk, w->t.number)) != QD_OK)
		return fail(g, "call", s);
	w->serving = 1;
	w->since = sec;
	w->calls = 1;
	w->absent = chance(g, 0.04);
	w->wake = w->absent ? sec + 40 + pick(g, 40)
	                    : sec + mean_service / 3 + pick(g, mean_service * 4 / 3 + 1);
	return 0;
}

/* What w does at its wake time sec. */
static int window_act(struct gen *g, struct gen_window *w, int sec, int close, int mean_service)
{
	enum qd_status s;
	if (w->handover_at != INF && sec >= w->handover_at && !w->serving && !w->paused) {
		char tmp[16];
		memcpy(tmp, w->clerk, sizeof tmp);
		memcpy(w->clerk, w->backup, sizeof tmp);
		memcpy(w->backup, tmp, sizeof tmp);
		w->handover_at = INF;
	}
	if (w->serving) {
		int r = end_ticket(g, w, sec);
		if (r != 0)
			return r < 0 ? -1 : 0;
	}
	if (w->paused) {
		int wn = w->hw->number;
		if ((s = store_queue_pause_end(g->st, wn, at(g, sec))) != QD_OK ||
		    (s = ev(g, sec, "resume", 0, wn, w->clerk, NULL)) != QD_OK)
			return fail(g, "resume", s);
		w->paused = 0;
		w->since = sec;
	} else if (w->signed_in) {
		int r = maybe_pause(g, w, sec);
		if (r != 0)
			return r < 0 ? -1 : 0;
	}
	if (sec >= close) {
		w->wake = INF;
		return 0;
	}
	return call_next(g, w, sec, mean_service);
}

static int requeue_due(struct gen *g, int upto)
{
	const struct hall *h = g->h;
	for (size_t i = 0; i < g->npending;) {
		int sec = g->pending[i].at;
		if (sec > upto) {
			i++;
			continue;
		}
		struct gen_wait t = g->pending[i].t;
		g->pending[i] = g->pending[--g->npending];
		/* behind the next K waiting of its queue */
		double p[2] = { 0, 0 };
		int k = h->calling.requeue_behind, got = 0;
		for (int pass = 0; pass <= k && got < 2; pass++) {
			double lo = pass ? p[got ? got - 1 : 0] : -1e300, best = 1e300;
			for (size_t j = 0; j < g->nwait; j++)
				if (strcmp(g->wait[j].queue_type, t.queue_type) == 0 && g->wait[j].pos > lo &&
				    g->wait[j].pos < best)
					best = g->wait[j].pos;
			if (best == 1e300)
				break;
			if (pass >= k - 1)
				p[got++] = best;
			else
				p[0] = best;
		}
		t.pos = got == 2 ? (p[0] + p[1]) / 2 : ++g->pos;
		t.requeues++;
		enum qd_status s;
		if ((s = store_queue_rewait(g->st, t.id, NULL, t.target_window, &t.pos, 1)) != QD_OK ||
		    (s = ev(g, sec, "requeue", t.id, 0, "g01", t.number)) != QD_OK)
			return fail(g, "requeue", s);
		if (wait_add(g, &t) < 0)
			return fail(g, "requeue", QD_ERR_NOMEM);
		g->requeues++;
	}
	return 0;
}

/* End of the day: most clerks sign out; some windows are left signed in (or paused, or with a
 * recalled ticket) for the next day's first write to close. Each window's row as it is left. */
static int day_end(struct gen *g, int close)
{
	for (size_t i = 0; i < g->nwin; i++) {
		struct gen_window *w = &g->win[i];
		int wn = w->hw->number, sec = close + 60 + pick(g, 900);
		enum qd_status s = QD_OK;
		if (w->serving && end_ticket(g, w, sec) < 0)
			return -1;
		if (w->signed_in && !w->serving && !w->paused && chance(g, 0.85)) {
			if ((s = store_queue_session_end(g->st, wn, at(g, sec + 30))) != QD_OK ||
			    (s = ev(g, sec + 30, "sign-out", 0, wn, w->session, NULL)) != QD_OK)
				return fail(g, "sign-out", s);
			w->signed_in = 0;
			w->since = sec + 30;
		}
		struct store_queue_window row = { .state = "closed", .since = at(g, w->since) };
		if (w->signed_in) {
			snprintf(row.state, sizeof row.state, "%s",
			         w->serving ? "serving" : w->paused ? "paused" : "idle");
			snprintf(row.staff, sizeof row.staff, "%s", w->session);
			if (w->paused)
				snprintf(row.pause_reason, sizeof row.pause_reason, "%s", w->reason);
			if (w->serving)
				row.current = w->t.id;
		}
		if (w->since && (s = store_queue_window_put(g->st, wn, &row)) != QD_OK)
			return fail(g, "window", s);
	}
	return 0;
}

struct day_ctx { struct gen *g; int rc; };

static enum qd_status day_tx(struct store *st, void *vctx)
{
	struct day_ctx *d = vctx;
	struct gen *g = d->g;
	const struct hall *h = g->h;
	(void)st;
	d->rc = -1;
	int open = h->open_min * 60, close = h->close_min * 60;
	/* The day's first write (the engine's own rollover): yesterday's leftovers end. */
	set_now(g, open > 600 ? open - 600 : 0);
	int expired;
	enum qd_status s = queue_rollover(g->st, h, &expired);
	if (s != QD_OK) {
		fail(g, "rollover", s);
		return s;
	}
	double f = 0.85 + 0.3 * unif(g);
	int n = (int)(g->per_day * f + 0.5);
	int *arr = malloc(sizeof *arr * (size_t)(n > 0 ? n : 1));
	if (!arr)
		return QD_ERR_NOMEM;
	for (int i = 0; i < n; i++)
		arr[i] = arrival_time(g, open, close);
	qsort(arr, (size_t)n, sizeof *arr, cmp_int);
	int mean_service = n > 0 ? (int)((double)g->nwin * (close - open) * 0.9 / n) : 600;
	if (mean_service < 20)
		mean_service = 20;
	if (mean_service > 1500)
		mean_service = 1500;
	g->npending = g->nwait = 0;
	g->pos = 0;
	memset(g->issued, 0, sizeof g->issued);
	for (size_t i = 0; i < g->nwin; i++) {
		struct gen_window *w = &g->win[i];
		w->wake = open + pick(g, 900);
		w->serving = w->paused = w->meal_done = w->signed_in = w->since = 0;
		w->handover_at = chance(g, 0.05) ? open + 4 * 3600 + pick(g, 3600) : INF;
	}
	int ai = 0;
	for (;;) {
		size_t wi = 0;
		for (size_t i = 1; i < g->nwin; i++)
			if (g->win[i].wake < g->win[wi].wake)
				wi = i;
		int tw = g->nwin ? g->win[wi].wake : INF, ta = ai < n ? arr[ai] : INF;
		if (tw == INF && ta == INF)
			break;
		if (requeue_due(g, ta < tw ? ta : tw) < 0)
			goto out;
		if (ta <= tw) {
			if (issue_one(g, ta) < 0)
				goto out;
			ai++;
		} else if (window_act(g, &g->win[wi], tw, close, mean_service) < 0) {
			goto out;
		}
	}
	if (day_end(g, close) < 0)
		goto out;
	d->rc = 0;
out:
	free(arr);
	return d->rc == 0 ? QD_OK : QD_ERR_DB;
}

/* Add an account unless it exists. Hashing a PIN takes a good part of a second, so the first new
 * account is added by staff_add and the others get its hash (same PIN, same salt) through the
 * store's own insert and event, as staff_add writes them. */
static int add_one(struct gen *g, const char *id, const char *name, enum staff_role role, char *hash)
{
	struct staff have = { .role = role, .active = 1 };
	if (staff_get(g->st, id, &have) == QD_OK)
		return 0;
	enum qd_status s;
	if (!hash[0]) {
		s = staff_add(g->st, id, name, role, "1234");
		if (s == QD_OK)
			s = store_staff_get(g->st, id, &have, hash);
		return s == QD_OK ? 0 : fail(g, "staff add", s);
	}
	snprintf(have.id, sizeof have.id, "%s", id);
	snprintf(have.name, sizeof have.name, "%s", name);
	long long now = (long long)time(NULL);
	s = store_staff_insert(g->st, &have, hash, now);
	if (s == QD_OK)
		s = store_event_add(g->st, now, "staff-add", 0, 0, id, staff_role_name(role));
	return s == QD_OK ? 0 : fail(g, "staff add", s);
}

struct staff_ctx { struct gen *g; int rc; };

static enum qd_status staff_tx(struct store *st, void *vctx)
{
	struct staff_ctx *c = vctx;
	struct gen *g = c->g;
	struct { const char *id, *name; enum staff_role role; } fixed[] = {
		{ "g01", "导服员甲", ROLE_GUIDE }, { "g02", "导服员乙", ROLE_GUIDE }, { "l01", "值班长", ROLE_LEAD },
	};
	char hash[STORE_STAFF_HASH_MAX] = "";
	struct staff first;
	(void)st;
	c->rc = -1;
	if (store_staff_get(g->st, "g01", &first, hash) != QD_OK)
		hash[0] = '\0';
	for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++)
		if (add_one(g, fixed[i].id, fixed[i].name, fixed[i].role, hash) < 0)
			return QD_ERR_DB;
	size_t nclerks = g->nwin + (g->nwin + 3) / 4;
	for (size_t i = 0; i < nclerks; i++) {
		char id[16], name[32];
		snprintf(id, sizeof id, "c%03u", (unsigned)((i + 1) % 1000));
		snprintf(name, sizeof name, "%s%s", surnames[i % 10], given[(i / 10) % 10]);
		if (add_one(g, id, name, ROLE_CLERK, hash) < 0)
			return QD_ERR_DB;
	}
	c->rc = 0;
	return QD_OK;
}

static int add_staff(struct gen *g)
{
	/* g01 first, on its own: staff_add hashes outside any transaction */
	char none[STORE_STAFF_HASH_MAX] = "";
	if (add_one(g, "g01", "导服员甲", ROLE_GUIDE, none) < 0)
		return -1;
	struct staff_ctx c = { g, 0 };
	if (store_write(g->st, staff_tx, &c) != QD_OK)
		return c.rc == 0 ? fail(g, "staff", QD_ERR_DB) : -1;
	for (size_t i = 0; i < g->nwin; i++) {
		snprintf(g->win[i].clerk, sizeof g->win[i].clerk, "c%03u", (unsigned)((i + 1) % 1000));
		snprintf(g->win[i].backup, sizeof g->win[i].backup, "c%03u",
		         (unsigned)((g->nwin + 1 + i / 4) % 1000));
	}
	return 0;
}

static int working_day(const struct hall *h, const char *day)
{
	char out[11];
	clock_add_workdays(day, 0, (const char *const *)h->eval.holidays, h->eval.nholidays,
	                   (const char *const *)h->eval.workdays, h->eval.nworkdays, out);
	return strcmp(out, day) == 0;
}

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static int usage(void)
{
	fprintf(stderr, "usage: gen-history --config FILE --db FILE [--days N] [--until YYYY-MM-DD]"
	                " [--scale small|full|FRACTION] [--seed N] [-q]\n");
	return 2;
}

int main(int argc, char **argv)
{
	const char *config = NULL, *db = NULL, *until = NULL, *scale = getenv("BENCH_SCALE");
	int days = 30, quiet = 0;
	unsigned long long seed = 20261123;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
		if (strcmp(a, "-q") == 0) {
			quiet = 1;
			continue;
		}
		if (!v)
			return usage();
		i++;
		if (strcmp(a, "--config") == 0) config = v;
		else if (strcmp(a, "--db") == 0) db = v;
		else if (strcmp(a, "--days") == 0) days = atoi(v);
		else if (strcmp(a, "--until") == 0) until = v;
		else if (strcmp(a, "--scale") == 0) scale = v;
		else if (strcmp(a, "--seed") == 0) seed = strtoull(v, NULL, 10);
		else return usage();
	}
	if (!config || !db || days < 0 || (until && !clock_valid_day(until)))
		return usage();
	double factor = !scale || !*scale || strcmp(scale, "small") == 0 ? SMALL_SCALE
	              : strcmp(scale, "full") == 0 ? 1.0 : atof(scale);
	if (factor <= 0)
		return usage();
	static struct gen g;
	char err[512];
	struct hall *h;
	if (config_load(config, &h, err, sizeof err) != QD_OK) {
		fprintf(stderr, "gen-history: %s\n", err);
		return 2;
	}
	/* The history lies before today: create the database "long ago" (a day before the database's
	 * creation is refused). */
	const char *was = getenv("QDESK_NOW");
	char *keep = was ? strdup(was) : NULL;
	setenv("QDESK_NOW", "2000-01-01 00:00:00", 1);
	enum qd_status opened = staff_init() == QD_OK ? store_open(db, 1, &g.st) : QD_ERR_NOMEM;
	if (keep)
		setenv("QDESK_NOW", keep, 1);
	else
		unsetenv("QDESK_NOW");
	free(keep);
	if (opened != QD_OK) {
		fprintf(stderr, "gen-history: %s: %s\n", db, store_errmsg(NULL));
		return 1;
	}
	/* A bulk load into a scratch file: no fsync (a crash while generating leaves a file to throw
	 * away); a day is one transaction of many pages: keep them in memory, and keep malloc from
	 * handing memory back to the kernel after every statement. */
	mallopt(M_TRIM_THRESHOLD, 256 << 20);
	mallopt(M_MMAP_THRESHOLD, 64 << 20);
	store_set_rehearsal(g.st, 0);   /* a day's body generates as it goes: it can run only once */
	sqlite3_exec(store_handle(g.st), "PRAGMA cache_size = -262144; PRAGMA synchronous = OFF",
	             NULL, NULL, NULL);
	g.h = h;
	g.quiet = quiet;
	g.rng = seed * 2654435761ull + 1;
	g.nwin = h->nwindows < MAX_WINDOWS ? h->nwindows : MAX_WINDOWS;
	if (h->ntypes > sizeof g.issued / sizeof g.issued[0]) {
		fprintf(stderr, "gen-history: at most %zu business types\n", sizeof g.issued / sizeof g.issued[0]);
		return 2;
	}
	for (size_t i = 0; i < g.nwin; i++)
		g.win[i].hw = &h->windows[i];
	g.per_day = FULL_PER_DAY * factor * (double)g.nwin / 24.0;
	int rc = add_staff(&g);
	char last[11];
	if (until) {
		snprintf(last, sizeof last, "%s", until);
	} else {
		time_t now = clock_now();
		if (now == (time_t)-1) {
			fprintf(stderr, "gen-history: QDESK_NOW: %s\n", clock_env_error());
			return 2;
		}
		clock_day(now - 86400, last);
	}
	const char *saved = getenv("QDESK_NOW");
	char *restore = saved ? strdup(saved) : NULL;
	double t0 = now_s();
	int worked = 0;
	for (int i = days - 1; rc == 0 && i >= 0; i--) {
		time_t noon = clock_at(last, 12 * 60) - (time_t)i * 86400;
		clock_day(noon, g.day);
		g.midnight = (long long)clock_at(g.day, 0);
		if (!working_day(h, g.day))
			continue;
		struct day_ctx d = { &g, 0 };
		long long before = g.tickets;
		enum qd_status s = store_write(g.st, day_tx, &d);
		if (s != QD_OK) {
			if (d.rc == 0)
				fail(&g, "day", s);
			rc = -1;
			break;
		}
		worked++;
		if (!quiet)
			fprintf(stderr, "\r%s: %lld tickets (%d working days, %.1f s)   ", g.day,
			        g.tickets - before, worked, now_s() - t0);
	}
	if (!quiet)
		fputc('\n', stderr);
	if (restore)
		setenv("QDESK_NOW", restore, 1);
	else
		unsetenv("QDESK_NOW");
	free(restore);
	store_close(g.st);
	config_free(h);
	free(g.wait);
	if (rc != 0)
		return 1;
	printf("%d working days to %s, scale %g: %lld tickets, %lld served, %lld no-shows, %lld returned,"
	       " %lld transfers, %lld cases (+%lld walk-in), %lld consultations, %lld ratings (%lld bad),"
	       " %lld pauses, %lld undos; %.1f s\n", worked, last, factor, g.tickets, g.served, g.noshow,
	       g.requeues, g.transfers, g.cases, g.walkins, g.consults, g.ratings, g.bad, g.pauses,
	       g.undos, now_s() - t0);
	return 0;
}
