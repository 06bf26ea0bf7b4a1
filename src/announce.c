/* announce.c - the announcer (announce.h): the text of a call as read aloud, and the loop step that
 * drains the call feed, claims each call in the store and speaks it through the speech command
 * (job.c, one at a time, killed after announce.timeout) or prints it. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "qdesk/announce.h"
#include "qdesk/callfeed.h"
#include "qdesk/clock.h"
#include "qdesk/i18n.h"
#include "qdesk/job.h"
#include "store-announce.h"

static const char *const cn_digits[] = { "零", "一", "二", "三", "四", "五", "六", "七", "八", "九" };

/* Append s to out (size outsz, length *len), never past the end. */
static void add(char *out, size_t outsz, size_t *len, const char *s)
{
	size_t n = strlen(s);
	if (*len + n >= outsz)
		n = 0;                  /* whole characters only: drop what does not fit */
	memcpy(out + *len, s, n);
	*len += n;
	out[*len] = '\0';
}

/* v (0..99999999) as a Chinese numeral: 12 十二, 105 一百零五, 1010 一千零一十, 20000 二万. */
static void cn_number(long v, char *out, size_t outsz, size_t *len)
{
	static const char *const units[] = { "", "十", "百", "千" };
	if (v == 0) {
		add(out, outsz, len, cn_digits[0]);
		return;
	}
	if (v >= 10000) {
		cn_number(v / 10000, out, outsz, len);
		add(out, outsz, len, "万");
		v %= 10000;
		if (v == 0)
			return;
		if (v < 1000)
			add(out, outsz, len, cn_digits[0]);
		/* after 万 a leading 1 of the tens is read: 一万零一十 */
		if (v >= 10 && v < 20) {
			add(out, outsz, len, "一十");
			if (v % 10)
				add(out, outsz, len, cn_digits[v % 10]);
			return;
		}
	}
	int d[4], top = 0, zero = 0;
	for (int p = 0; p < 4; p++) {
		d[p] = (int)(v % 10);
		v /= 10;
		if (d[p])
			top = p;
	}
	for (int p = top; p >= 0; p--) {
		if (!d[p]) {
			zero = 1;
			continue;
		}
		if (zero)
			add(out, outsz, len, cn_digits[0]);
		zero = 0;
		if (!(p == 1 && p == top && d[p] == 1))   /* 十二, not 一十二 */
			add(out, outsz, len, cn_digits[d[p]]);
		add(out, outsz, len, units[p]);
	}
}

void announce_number(const char *number, int digits_each, char *out, size_t outsz)
{
	size_t len = 0;
	if (!outsz)
		return;
	out[0] = '\0';
	for (const char *p = number; *p;) {
		if (*p < '0' || *p > '9') {
			char one[2] = { *p++, '\0' };
			add(out, outsz, &len, one);
			continue;
		}
		if (digits_each) {
			add(out, outsz, &len, cn_digits[*p++ - '0']);
			continue;
		}
		long v = 0;
		int nd = 0;
		for (; *p >= '0' && *p <= '9' && nd < 8; p++, nd++)
			v = v * 10 + (*p - '0');
		cn_number(v, out, outsz, &len);
	}
}

void announce_fill(const char *tpl, const char *number, int window, char *out, size_t outsz)
{
	char win[16];
	size_t len = 0;
	if (!outsz)
		return;
	out[0] = '\0';
	snprintf(win, sizeof win, "%d", window);
	for (const char *p = tpl; *p;) {
		if (strncmp(p, "{number}", 8) == 0) {
			add(out, outsz, &len, number);
			p += 8;
		} else if (strncmp(p, "{window}", 8) == 0) {
			add(out, outsz, &len, win);
			p += 8;
		} else {
			char one[2] = { *p++, '\0' };
			add(out, outsz, &len, one);
		}
	}
}

void announce_text(const struct hall *h, const char *number, int window, int spoken, char *out,
                   size_t outsz)
{
	char num[128];
	if (spoken)
		announce_number(number, h->announce.digits_each, num, sizeof num);
	else
		snprintf(num, sizeof num, "%s", number);
	announce_fill(h->announce.template_text, num, window, out, outsz);
}

/* ---- the announcer ----------------------------------------------------------------------- */

static const char *channel(const struct announcer *a)
{
	return a->print ? "print" : "voice";
}

static void say(struct announcer *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void say(struct announcer *a, const char *fmt, ...)
{
	char line[768];
	va_list ap;
	if (!a->log)
		return;
	va_start(ap, fmt);
	vsnprintf(line, sizeof line, fmt, ap);
	va_end(ap);
	a->log(a->log_ctx, line);
}

struct cursor_rx { const char *channel; long long *id; };

static enum qd_status cursor_rx(struct store *st, void *ctx)
{
	struct cursor_rx *c = ctx;
	return store_announce_cursor(st, c->channel, c->id);
}

/* How long one call may take to announce (every repeat, pause and timeout, and a margin): a claim
 * older than that is no longer being spoken. */
static long long lease_of(const struct hall *h)
{
	return (long long)h->announce.repeat * (h->announce.timeout + h->announce.pause_ms / 1000 + 1) + 5;
}

struct abandon { const char *channel, *error; long long before, at; int n; };

static enum qd_status abandon_tx(struct store *st, void *ctx)
{
	struct abandon *b = ctx;
	return store_announce_abandon(st, b->channel, b->before, b->at, b->error, &b->n);
}

enum qd_status announce_start(struct announcer *a)
{
	char host[48] = "";
	if (!a->print && !*a->h->announce.command)
		return QD_ERR_CONFIG;
	gethostname(host, sizeof host - 1);
	snprintf(a->who, sizeof a->who, "%s:%ld", host, (long)getpid());
	a->started = clock_now();
	if (a->started == (time_t)-1)
		return QD_ERR_CONFIG;
	a->spoken = a->failed = a->skipped = a->taken = a->waiting = 0;
	/* a call some announcer claimed and never finished (it was stopped mid-speech) is failed */
	struct abandon b = { channel(a), _("interrupted: its announcer stopped while speaking"),
	                     (long long)a->started - lease_of(a->h), (long long)a->started, 0 };
	enum qd_status s = store_write(a->st, abandon_tx, &b);
	if (s != QD_OK)
		return s;
	if (b.n)
		say(a, _("%d calls left half-spoken by a stopped announcer marked failed"), b.n);
	struct cursor_rx c = { channel(a), &a->cursor };
	return store_read(a->st, cursor_rx, &c);
}

/* A claim attempt: starts afresh on every try of the write (only fills its results). */
struct claim {
	const char *channel, *who;
	long long event_id, at, busy_since;
	int result;
	char other[64];
};

static enum qd_status claim_tx(struct store *st, void *ctx)
{
	struct claim *c = ctx;
	return store_announce_claim(st, c->channel, c->event_id, c->at, c->who, c->busy_since,
	                            &c->result, c->other, sizeof c->other);
}

struct ending { const char *channel, *state, *error; long long event_id, at; };

static enum qd_status end_tx(struct store *st, void *ctx)
{
	struct ending *e = ctx;
	return store_announce_end(st, e->channel, e->event_id, e->state, e->at, e->error);
}

static void pause_ms(int ms)
{
	struct timespec ts = { ms / 1000, (long)(ms % 1000) * 1000000L };
	while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
		;
}

/* Speak text announce.repeat times; "" on success, else why not into err. */
static void speak(struct announcer *a, const char *text, char *err, size_t errsz)
{
	const struct hall *h = a->h;
	err[0] = '\0';
	for (int r = 0; r < h->announce.repeat && !err[0]; r++) {
		struct job *j = NULL;
		if (r > 0 && h->announce.pause_ms > 0)
			pause_ms(h->announce.pause_ms);
		enum qd_status s = job_start(JOB_COMMAND, h->announce.command, text, strlen(text),
		                             h->announce.timeout * 1000, &j);
		if (s != QD_OK) {
			snprintf(err, errsz, "%s", _(qd_status_text(s)));
			break;
		}
		enum job_state js = job_wait(j);
		if (js == JOB_TIMEOUT)
			snprintf(err, errsz, _("the speech command did not finish within %d s"),
			         h->announce.timeout);
		else if (js != JOB_DONE)
			snprintf(err, errsz, "%s", *job_message(j) ? job_message(j) : _("the speech command failed"));
		job_free(j);
	}
}

/* Claim, speak or print, record one call. Returns QD_OK (handled, or a->waiting set) or a store error. */
static enum qd_status handle(struct announcer *a, const struct call_event *ev)
{
	const struct hall *h = a->h;
	time_t now = clock_now();
	struct claim c = { channel(a), a->who, ev->id, (long long)now, (long long)now - lease_of(h), 0, "" };
	enum qd_status s = store_write(a->st, claim_tx, &c);
	if (s != QD_OK)
		return s;
	if (c.result == 2) {
		if (!a->waiting)
			say(a, _("another announcer (%s) is speaking; waiting for it to finish"), c.other);
		a->waiting = 1;
		return QD_OK;
	}
	a->waiting = 0;
	a->cursor = ev->id;
	if (c.result == 1) {
		a->taken++;
		say(a, _("%s: announced by another announcer"), ev->number);
		return QD_OK;
	}
	char text[512], err[512] = "";
	announce_text(h, ev->number, ev->window, !a->print, text, sizeof text);
	if (a->print) {
		if (fprintf(a->out, "%s\n", text) < 0 || fflush(a->out) != 0)
			snprintf(err, sizeof err, "%s", strerror(errno));
	} else {
		speak(a, text, err, sizeof err);
	}
	struct ending e = { channel(a), err[0] ? "failed" : "spoken", err[0] ? err : NULL, ev->id,
	                    (long long)clock_now() };
	s = store_write(a->st, end_tx, &e);
	if (err[0]) {
		a->failed++;
		say(a, _("%s to window %d: announcing failed: %s"), ev->number, ev->window, err);
	} else {
		a->spoken++;
		say(a, ev->recall ? _("%s to window %d: announced again (recall)")
		                  : _("%s to window %d: announced"), ev->number, ev->window);
	}
	return s;
}

enum qd_status announce_drain(struct announcer *a, volatile sig_atomic_t *stop)
{
	struct call_event ev[32];
	size_t n;
	int skipped = 0;
	enum qd_status s;
	a->waiting = 0;
	do {
		if ((s = callfeed_after(a->st, a->cursor, ev, 32, &n)) != QD_OK)
			return s;
		for (size_t i = 0; i < n; i++) {
			if (stop && *stop)
				return QD_OK;
			if (ev[i].at < (long long)a->started - a->h->announce.max_age) {
				a->cursor = ev[i].id;   /* made before the start and too old to be read out */
				skipped++;
				continue;
			}
			if ((s = handle(a, &ev[i])) != QD_OK)
				return s;
			if (a->waiting)
				break;
		}
	} while (n == 32 && !a->waiting);
	if (skipped) {
		a->skipped += skipped;
		say(a, _("skipped %d calls made more than %d s before the start"), skipped,
		    a->h->announce.max_age);
	}
	return QD_OK;
}
