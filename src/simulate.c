/* simulate.c - the training-mode hall simulator (see simulate.h): arrivals by type and hour, and
 * simulated clerks at their windows, all through the engine's own calls. Randomness comes from a
 * seeded xorshift generator, so a seed gives the same hall every time. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "qdesk/cases.h"
#include "qdesk/clock.h"
#include "qdesk/pad.h"
#include "qdesk/queue.h"
#include "qdesk/simulate.h"

enum plan { PLAN_NONE, PLAN_SERVE, PLAN_NOSHOW };

/* What the simulator remembers of a window it staffs (the store holds the rest). */
struct sim_window {
	int number;
	char staff[16];
	enum plan plan;
	long long ticket;           /* the ticket the plan is for */
	time_t done_at;             /* when the plan ends (finish or no-show) */
	time_t resume_at;           /* when a pause it took ends; 0 = none */
	int left;                   /* left to people (sim_options.leave) */
};

struct sim {
	const struct hall *h;
	struct sim_options o;
	unsigned long long rng;
	time_t last;                /* the last minute stepped; 0 = none yet */
	struct sim_window *w;
};

static const char *const bad_reasons[] = { "等候时间太长", "材料要求没有一次说清", "窗口态度不好" };

static unsigned long long next_random(struct sim *s)
{
	s->rng ^= s->rng >> 12;
	s->rng ^= s->rng << 25;
	s->rng ^= s->rng >> 27;
	return s->rng * 2685821657736338717ULL;
}

/* A whole number in [0, n). */
static int pick(struct sim *s, int n)
{
	return n > 0 ? (int)((next_random(s) >> 33) % (unsigned long long)n) : 0;
}

/* 1 with a chance of per_mille in 1000. */
static int chance(struct sim *s, int per_mille)
{
	return pick(s, 1000) < per_mille;
}

struct sim *sim_new(const struct hall *h, const struct sim_options *o)
{
	struct sim *s = calloc(1, sizeof *s);
	if (!s || (h->nwindows && !(s->w = calloc(h->nwindows, sizeof *s->w)))) {
		free(s);
		return NULL;
	}
	s->h = h;
	s->o = *o;
	s->rng = o->seed ? o->seed : 0x9E3779B97F4A7C15ULL;
	for (size_t i = 0; i < h->nwindows; i++) {
		struct sim_window *w = &s->w[i];
		w->number = h->windows[i].number;
		snprintf(w->staff, sizeof w->staff, "clerk%02d", w->number % 100);
		for (size_t j = 0; j < o->nleave && j < SIM_LEAVE_MAX; j++)
			w->left |= o->leave[j] == w->number;
	}
	return s;
}

void sim_free(struct sim *s)
{
	if (s)
		free(s->w);
	free(s);
}

/* Tolerated refusals: the queue moved on under the simulator (someone else acted). */
static int expected(enum qd_status st)
{
	return st == QD_OK || st == QD_ERR_EMPTY || st == QD_ERR_QUOTA || st == QD_ERR_CUTOFF
	    || st == QD_ERR_CLOSED || st == QD_ERR_BUSY_WINDOW || st == QD_ERR_IDLE_WINDOW
	    || st == QD_ERR_PAUSED || st == QD_ERR_NOT_PAUSED || st == QD_ERR_RECALL_CAP
	    || st == QD_ERR_TOOK_OVER;
}

/* The rate of type i in this minute, in tenths of a citizen per minute times 10 (per 6000). */
static int arrivals_per_6000(const struct sim *s, size_t i, int minute)
{
	const struct hall *h = s->h;
	int rate = h->training.rates ? h->training.rates[i] : 4;
	size_t hour = (size_t)(minute - h->open_min) / 60;
	int share = h->training.nprofile ? h->training.profile[hour < h->training.nprofile ? hour
	                                                        : h->training.nprofile - 1] : 100;
	return rate * share * s->o.rate_percent / 100;   /* per hour * 100: per minute * 6000 */
}

static enum qd_status arrive(struct sim *s, struct store *st, int minute, struct sim_counts *n)
{
	const struct hall *h = s->h;
	const struct hall_group *elderly = hall_elderly_group(h);
	for (size_t i = 0; i < h->ntypes; i++) {
		int per6000 = arrivals_per_6000(s, i, minute);
		/* ten slots a minute, each with a tenth of the minute's chance */
		for (int slot = 0; slot < 10; slot++) {
			if (pick(s, 600000) >= per6000 * 10)
				continue;
			struct issue_input in = { .type = h->types[i].prefix, .staff = "guide01" };
			int r = pick(s, 100);
			if (r < 9 && elderly)
				in.priority = elderly->id;
			else if (r < 11 && h->ngroups)
				in.priority = h->groups[pick(s, (int)h->ngroups)].id;
			struct ticket t;
			enum qd_status e = queue_issue(st, h, &in, &t);
			if (e == QD_OK)
				n->issued++;
			else if (!expected(e))
				return e;
		}
	}
	return QD_OK;
}

static int service_seconds(struct sim *s)
{
	int mean = s->h->training.service_minutes > 0 ? s->h->training.service_minutes : 6;
	int secs = mean * 30 + pick(s, mean * 60 + 1);           /* half to one and a half times */
	if (chance(s, 100))
		secs += mean * 60;                                   /* now and then a long case */
	return secs;
}

/* The level an applicant gives: mostly 5 and 4, now and then worse, sometimes none (0). */
static int rating_of(struct sim *s)
{
	int r = pick(s, 100);
	return r < 62 ? 5 : r < 84 ? 4 : r < 92 ? 3 : r < 95 ? 2 : r < 96 ? 1 : 0;
}

static enum qd_status finish(struct sim *s, struct store *st, struct sim_window *w,
                             const struct window_state *ws, struct sim_counts *n)
{
	const struct hall *h = s->h;
	const struct hall_group *elderly = hall_elderly_group(h);
	struct case_input c = { 0 };
	const char *helps[2];
	if (h->nmatters)
		c.matter = h->matters[pick(s, (int)h->nmatters)].id;
	if (h->nmodes && chance(s, 300))
		c.mode = h->modes[pick(s, (int)h->nmodes)].id;
	if (chance(s, 80))
		c.channel = "online";
	if (h->noutcomes && chance(s, 150))
		c.outcome = h->outcomes[pick(s, (int)h->noutcomes)].id;
	if (elderly && h->nhelps && !strcmp(ws->current.priority, elderly->id)) {
		helps[0] = h->helps[pick(s, (int)h->nhelps)].id;
		c.helps = helps;
		c.nhelps = 1;
		c.minutes = 5 + pick(s, 16);
	}
	int rating = rating_of(s);
	const char *reason = rating && rating <= 2 ? bad_reasons[pick(s, 3)] : NULL;
	struct finish_result r;
	int pad = pad_at_window(h, w->number);        /* there the person rates at the pad */
	enum qd_status e = queue_finish(st, h, w->number, w->staff, &c, 1, pad ? 0 : rating,
	                                pad ? NULL : reason, &r);
	if (e == QD_OK) {
		n->served++;
		n->cases += r.ncases;
		n->ratings += r.evaluation_id > 0;
	}
	if (e == QD_OK && pad && rating) {
		const char *why = rating <= CASES_BAD_LEVEL && h->pad.nreasons ?
		                  h->pad.reasons[pick(s, (int)h->pad.nreasons)].id : NULL;
		e = pad_rate(st, h, w->number, r.ticket.id, rating, why);
		n->ratings += e == QD_OK;
	}
	w->plan = PLAN_NONE;
	return e;
}

/* What the clerk of w does at time t (minute of day m): sign in, call, serve, pause, sign out. */
static enum qd_status work(struct sim *s, struct store *st, struct sim_window *w, time_t t, int m,
                           struct sim_counts *n)
{
	const struct hall *h = s->h;
	struct window_state ws;
	struct ticket tk;
	enum qd_status e = queue_window(st, h, w->number, &ws);
	if (e != QD_OK)
		return e;
	if (ws.staff[0] && strcmp(ws.staff, w->staff) != 0)
		return QD_OK;                                   /* a person works there now */
	int open = !strcmp(ws.state, "closed") ? 0 : 1;
	if (m >= h->close_min) {                            /* closing: finish up and go home */
		if (!strcmp(ws.state, "serving"))
			return finish(s, st, w, &ws, n);
		if (!strcmp(ws.state, "paused"))
			return queue_resume(st, h, w->number, w->staff);
		return open ? queue_sign_out(st, h, w->number, w->staff) : QD_OK;
	}
	if (!open) {
		/* clerks arrive over the first quarter of an hour */
		if (m < h->open_min + w->number % 16)
			return QD_OK;
		return queue_sign_in(st, h, w->number, w->staff);
	}
	if (!strcmp(ws.state, "paused")) {
		if (!w->resume_at)
			w->resume_at = t + 60 * (5 + pick(s, 20));   /* a pause it did not start */
		if (t < w->resume_at)
			return QD_OK;
		w->resume_at = 0;
		return queue_resume(st, h, w->number, w->staff);
	}
	if (!strcmp(ws.state, "serving")) {
		if (w->plan == PLAN_NONE || w->ticket != ws.current.id) {
			w->plan = PLAN_SERVE;                         /* called before the simulator ran */
			w->ticket = ws.current.id;
			w->done_at = (time_t)ws.current.called_at + service_seconds(s);
		}
		if (w->plan == PLAN_NOSHOW && ws.current.calls < 2 && t >= (time_t)ws.current.called_at + 60) {
			e = queue_recall(st, h, w->number, w->staff, &tk);
			n->recalled += e == QD_OK;
			return e;
		}
		if (t < w->done_at)
			return QD_OK;
		if (w->plan == PLAN_NOSHOW) {
			w->plan = PLAN_NONE;
			e = queue_noshow(st, h, w->number, w->staff, &tk);
			n->noshow += e == QD_OK;
			return e;
		}
		return finish(s, st, w, &ws, n);
	}
	/* idle: now and then a pause, else call the next number */
	if (h->npauses && chance(s, 4)) {
		const char *reason = h->pauses[pick(s, (int)h->npauses)].id;
		if ((e = queue_pause(st, h, w->number, w->staff, reason)) == QD_OK) {
			w->resume_at = t + 60 * (10 + pick(s, 30));
			n->paused++;
		}
		return e;
	}
	e = queue_call_next(st, h, w->number, w->staff, &tk);
	if (e != QD_OK)
		return e;
	n->called++;
	w->ticket = tk.id;
	if (chance(s, 40)) {
		w->plan = PLAN_NOSHOW;
		w->done_at = t + 150;
	} else {
		w->plan = PLAN_SERVE;
		w->done_at = t + service_seconds(s);
	}
	return QD_OK;
}

static enum qd_status step(struct sim *s, struct store *st, time_t t, int fix_clock,
                           struct sim_counts *n)
{
	const struct hall *h = s->h;
	int m = clock_minute_of_day(t);
	if (fix_clock)
		clock_fix(t);
	enum qd_status e = QD_OK;
	if (m >= h->open_min && m < h->close_min)
		e = arrive(s, st, m, n);
	/* windows in a shuffled order, so no window always calls first */
	size_t start = h->nwindows ? (size_t)pick(s, (int)h->nwindows) : 0;
	for (size_t k = 0; e == QD_OK && k < h->nwindows; k++) {
		struct sim_window *w = &s->w[(start + k) % h->nwindows];
		if (w->left || m < h->open_min)
			continue;
		enum qd_status we = work(s, st, w, t, m, n);
		if (!expected(we))
			e = we;
	}
	return e;
}

enum qd_status sim_advance(struct sim *s, struct store *st, time_t to, int fix_clock,
                           struct sim_counts *out)
{
	time_t t = s->last ? s->last + 60 : to;
	enum qd_status e = QD_OK;
	for (; e == QD_OK && t <= to; t += 60) {
		e = step(s, st, t, fix_clock, out);
		s->last = t;
	}
	if (fix_clock)
		clock_unfix();
	return e;
}
