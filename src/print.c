/* print.c - ticket slips (print.h): the slip's lines, as ESC/POS with GB18030 text for a Chinese
 * thermal printer or as plain UTF-8, and the print job that hands them to the configured target
 * through job.c, so a printer that hangs or fails never holds up the caller. */
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include "qdesk/clock.h"
#include "qdesk/i18n.h"
#include "qdesk/job.h"
#include "qdesk/print.h"
#include "qdesk/text.h"

/* ESC/POS commands used (Epson ESC/POS as Chinese printers implement it). */
#define ESC_INIT      "\x1b\x40"              /* ESC @: initialise */
#define FS_CHINESE    "\x1c\x26"              /* FS &: Chinese character mode (GB18030 2-byte) */
#define ESC_CENTER    "\x1b\x61\x01"          /* ESC a 1 */
#define ESC_LEFT      "\x1b\x61\x00"          /* ESC a 0 */
#define ESC_BOLD_ON   "\x1b\x45\x01"          /* ESC E 1 */
#define ESC_BOLD_OFF  "\x1b\x45\x00"          /* ESC E 0 */
#define GS_SIZE_2X    "\x1d\x21\x11"          /* GS ! 0x11: double width and height */
#define GS_SIZE_1X    "\x1d\x21\x00"          /* GS ! 0 */
#define ESC_FEED_4    "\x1b\x64\x04"          /* ESC d 4: feed 4 lines, past the cutter */
#define GS_CUT        "\x1d\x56\x42\x00"      /* GS V 66 0: feed to the cutter and cut (partial) */

struct out {
	char *d;
	size_t len, cap;
	int nomem, invalid;
	int escpos, cols;
	iconv_t cd;                 /* UTF-8 -> GB18030 (escpos only) */
	char replaced[64];
	int nreplaced;
};

static void put(struct out *o, const char *s, size_t n)
{
	if (o->nomem)
		return;
	if (o->len + n + 1 > o->cap) {
		size_t cap = o->cap ? o->cap * 2 : 1024;
		while (cap < o->len + n + 1)
			cap *= 2;
		char *d = realloc(o->d, cap);
		if (!d) {
			o->nomem = 1;
			return;
		}
		o->d = d;
		o->cap = cap;
	}
	memcpy(o->d + o->len, s, n);
	o->len += n;
	o->d[o->len] = '\0';
}

static void cmd(struct out *o, const char *esc, size_t n)
{
	if (o->escpos)
		put(o, esc, n);
}
#define CMD(o, c) cmd((o), c, sizeof c - 1)

/* Length of the UTF-8 character at s and its code point, or 0 if invalid. */
static size_t utf8_char(const char *s, unsigned *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t n = u[0] < 0x80 ? 1 : u[0] >= 0xc2 && u[0] < 0xe0 ? 2 : u[0] >= 0xe0 && u[0] < 0xf0 ? 3
	         : u[0] >= 0xf0 && u[0] < 0xf5 ? 4 : 0;
	unsigned c = n == 1 ? u[0] : n == 2 ? u[0] & 0x1f : n == 3 ? u[0] & 0x0f : u[0] & 0x07;
	for (size_t i = 1; i < n; i++) {
		if ((u[i] & 0xc0) != 0x80)
			return 0;
		c = c << 6 | (u[i] & 0x3f);
	}
	if (n == 0 || (n == 3 && (c < 0x800 || (c >= 0xd800 && c < 0xe000))) || (n == 4 && (c < 0x10000
	    || c > 0x10ffff)))
		return 0;
	*cp = c;
	return n;
}

static int is_control(unsigned c)
{
	return c < 0x20 || (c >= 0x7f && c < 0xa0) || (c >= 0x200e && c <= 0x200f)
	    || (c >= 0x2028 && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c == 0xfeff;
}

static void note_replaced(struct out *o, const char *s, size_t n)
{
	char one[8];
	o->nreplaced++;
	memcpy(one, s, n);
	one[n] = '\0';
	size_t have = strlen(o->replaced);
	if (!strstr(o->replaced, one) && have + n < sizeof o->replaced)
		memcpy(o->replaced + have, one, n + 1);   /* each character once */
}

/* The printer bytes and columns of the character at s (n bytes, code point c): GB18030 of 1 or 2
 * bytes, one column per byte (12-dot ASCII, 24-dot Chinese); anything else is '?'. */
static size_t encode(struct out *o, const char *s, size_t n, unsigned c, char *enc, int *cols)
{
	if (!o->escpos) {
		if (is_control(c)) {
			enc[0] = '?';
			*cols = 1;
			return 1;
		}
		memcpy(enc, s, n);
		wchar_t wc = (wchar_t)c;
		int w = wcwidth(wc);
		*cols = w < 0 ? 1 : w;
		return n;
	}
	char in[8], *ip = in, *op = enc;
	size_t il = n, ol = 8;
	memcpy(in, s, n);
	iconv(o->cd, NULL, NULL, NULL, NULL);
	if (is_control(c) || iconv(o->cd, &ip, &il, &op, &ol) == (size_t)-1 || 8 - ol > 2) {
		if (!is_control(c))
			note_replaced(o, s, n);
		enc[0] = '?';
		*cols = 1;
		return 1;
	}
	*cols = (int)(8 - ol);
	return 8 - ol;
}

/* Emit text as lines of at most width columns (never splitting a character); centred lines are
 * padded with spaces in plain text (the printer centres ESC/POS lines itself). */
static void text_lines(struct out *o, const char *s, int width, int center)
{
	char line[1024];
	size_t ll = 0;
	int lc = 0;
	while (*s || ll) {
		unsigned c = 0;
		size_t n = *s ? utf8_char(s, &c) : 0;
		if (*s && !n) {
			o->invalid = 1;
			return;
		}
		char enc[8];
		int cols = 0;
		size_t el = n ? encode(o, s, n, c, enc, &cols) : 0;
		if (!n || lc + cols > width || ll + el >= sizeof line) {
			int pad = center && !o->escpos ? (width - lc) / 2 : 0;
			for (int i = 0; i < pad; i++)
				put(o, " ", 1);
			put(o, line, ll);
			put(o, "\n", 1);
			ll = 0;
			lc = 0;
			if (!n)
				break;
		}
		memcpy(line + ll, enc, el);
		ll += el;
		lc += cols;
		s += n;
	}
}

static void rule(struct out *o, char ch)
{
	for (int i = 0; i < o->cols; i++)
		put(o, &ch, 1);
	put(o, "\n", 1);
}

static int present(const char *s)
{
	return s && *s;
}

enum qd_status print_render(const struct print_slip *s, int cols, int escpos, struct print_bytes *out)
{
	struct out o = { .escpos = escpos, .cols = cols < 16 ? 16 : cols > 80 ? 80 : cols };
	char buf[512], stamp[20];
	memset(out, 0, sizeof *out);
	if (escpos && (o.cd = iconv_open("GB18030", "UTF-8")) == (iconv_t)-1)
		return QD_ERR_NOMEM;
	CMD(&o, ESC_INIT);
	CMD(&o, FS_CHINESE);
	CMD(&o, ESC_CENTER);
	if (present(s->hall)) {
		CMD(&o, ESC_BOLD_ON);
		text_lines(&o, s->hall, o.cols, 1);
		CMD(&o, ESC_BOLD_OFF);
	}
	if (present(s->type_name)) {
		snprintf(buf, sizeof buf, "%s%s%s", s->type_name, present(s->group_name) ? " · " : "",
		         present(s->group_name) ? s->group_name : "");
		text_lines(&o, buf, o.cols, 1);
	}
	/* The number: double width and height on the printer, so half as many columns. */
	CMD(&o, GS_SIZE_2X);
	text_lines(&o, present(s->number) ? s->number : "?", escpos ? o.cols / 2 : o.cols, 1);
	CMD(&o, GS_SIZE_1X);
	if (s->ahead >= 0) {
		snprintf(buf, sizeof buf, _("%d waiting ahead of you"), s->ahead);
		text_lines(&o, buf, o.cols, 1);
	}
	CMD(&o, ESC_LEFT);
	rule(&o, '-');
	clock_stamp(s->issued_at, stamp);
	stamp[16] = '\0';               /* minutes are enough */
	snprintf(buf, sizeof buf, _("Issued: %s"), stamp);
	text_lines(&o, buf, o.cols, 0);
	if (s->place[0]) {
		snprintf(buf, sizeof buf, _("Where: %s"), s->place);
		text_lines(&o, buf, o.cols, 0);
	}
	if (present(s->personal)) {
		snprintf(buf, sizeof buf, _("Registered: %s"), s->personal);
		text_lines(&o, buf, o.cols, 0);
	}
	if (present(s->notice))
		text_lines(&o, s->notice, o.cols, 0);
	if (escpos) {
		CMD(&o, ESC_FEED_4);
		CMD(&o, GS_CUT);
	} else {
		rule(&o, '=');
		put(&o, "\n", 1);
	}
	if (escpos)
		iconv_close(o.cd);
	if (o.nomem || o.invalid) {
		free(o.d);
		return o.nomem ? QD_ERR_NOMEM : QD_ERR_INVALID;
	}
	out->data = o.d;
	out->len = o.len;
	memcpy(out->replaced, o.replaced, sizeof out->replaced);
	out->nreplaced = o.nreplaced;
	return QD_OK;
}

void print_bytes_free(struct print_bytes *b)
{
	if (!b)
		return;
	free(b->data);
	b->data = NULL;
	b->len = 0;
}

void print_slip_of(const struct hall *h, const struct ticket *t, struct print_slip *s)
{
	const struct hall_type *type = hall_type(h, t->type);
	const struct hall_group *group = t->priority[0] ? hall_group(h, t->priority) : NULL;
	memset(s, 0, sizeof *s);
	s->hall = h->name;
	s->number = t->number;
	s->type_name = type ? type->name : t->type;
	s->group_name = group ? group->name : NULL;
	s->ahead = strcmp(t->state, "waiting") == 0 ? t->ahead : -1;
	s->issued_at = (time_t)t->issued_at;
	s->notice = h->printer.notice;
	if (h->printer.zone && type && type->zone)
		for (size_t i = 0; i < h->nzones; i++)
			if (strcmp(h->zones[i].id, type->zone) == 0) {
				const struct hall_zone *z = &h->zones[i];
				snprintf(s->place, sizeof s->place, "%s%s%s", z->floor ? z->floor : "",
				         present(z->floor) ? " " : "", z->name ? z->name : "");
			}
	if (strcmp(h->printer.personal, "phone") == 0 && t->phone_masked[0])
		s->personal = t->phone_masked;
	else if (strcmp(h->printer.personal, "id") == 0 && t->id_masked[0])
		s->personal = t->id_masked;
}

int print_allowed(const struct ticket *t)
{
	return t->id > 0 && (strcmp(t->state, "waiting") == 0 || strcmp(t->state, "called") == 0);
}

int print_configured(const struct hall *h)
{
	return present(h->printer.device) || present(h->printer.host) || present(h->printer.command)
	    || present(h->printer.file);
}

/* ---- print jobs ----------------------------------------------------------------------------- */

struct print_job {
	struct job *job;            /* NULL when the job failed before it started */
	enum print_state state;
	enum qd_status status;
	int timeout;                /* seconds */
	char number[16];
	char replaced[64];
	int nreplaced;
	char why[512];              /* detail of a failure before the start */
	char reason[1024];
};

static void explain(struct print_job *p)
{
	const char *detail = p->job ? job_message(p->job) : p->why;
	switch (p->status) {
	case QD_OK:
		if (p->nreplaced)
			snprintf(p->reason, sizeof p->reason,
			         _("slip %s printed; the printer cannot print %s: printed as ?"), p->number,
			         p->replaced);
		else
			snprintf(p->reason, sizeof p->reason, _("slip %s printed"), p->number);
		break;
	case QD_ERR_PRINTING:
		snprintf(p->reason, sizeof p->reason, _("printing slip %s …"), p->number);
		break;
	case QD_ERR_PRINT_TIMEOUT:
		snprintf(p->reason, sizeof p->reason,
		         _("printing slip %s failed: the printer did not finish within %d s (out of paper, "
		           "jammed or offline?)"), p->number, p->timeout);
		break;
	default:
		snprintf(p->reason, sizeof p->reason, _("printing slip %s failed: %s"), p->number,
		         *detail ? detail : _(qd_status_text(p->status)));
		break;
	}
}

static enum qd_status fail_early(struct print_job *p, enum qd_status s, const char *why)
{
	p->state = PRINT_FAILED;
	p->status = s;
	snprintf(p->why, sizeof p->why, "%s", why);
	explain(p);
	return s;
}

enum qd_status print_start(const struct hall *h, const struct ticket *t, struct print_job **out)
{
	struct print_job *p = calloc(1, sizeof *p);
	*out = p;
	if (!p)
		return QD_ERR_NOMEM;
	snprintf(p->number, sizeof p->number, "%s", t->number);
	p->timeout = h->printer.timeout > 0 ? h->printer.timeout : 10;
	if (t->id <= 0)
		return fail_early(p, QD_ERR_NOT_FOUND, _(qd_status_text(QD_ERR_NOT_FOUND)));
	if (!print_allowed(t))
		return fail_early(p, QD_ERR_NOT_WAITING, _(qd_status_text(QD_ERR_NOT_WAITING)));
	enum job_kind kind;
	const char *where;
	if (present(h->printer.device))
		kind = JOB_DEVICE, where = h->printer.device;
	else if (present(h->printer.host))
		kind = JOB_TCP, where = h->printer.host;
	else if (present(h->printer.command))
		kind = JOB_COMMAND, where = h->printer.command;
	else if (present(h->printer.file))
		kind = JOB_FILE, where = h->printer.file;
	else
		return fail_early(p, QD_ERR_NO_PRINTER, _(qd_status_text(QD_ERR_NO_PRINTER)));
	struct print_slip slip;
	struct print_bytes b;
	print_slip_of(h, t, &slip);
	enum qd_status s = print_render(&slip, h->printer.width, kind != JOB_FILE, &b);
	if (s != QD_OK)
		return fail_early(p, s, _(qd_status_text(s)));
	memcpy(p->replaced, b.replaced, sizeof p->replaced);
	p->nreplaced = b.nreplaced;
	s = job_start(kind, where, b.data, b.len, p->timeout * 1000, &p->job);
	print_bytes_free(&b);
	if (s != QD_OK)
		return fail_early(p, QD_ERR_PRINT, _(qd_status_text(s)));
	p->state = PRINT_RUNNING;
	p->status = QD_ERR_PRINTING;
	explain(p);
	return QD_OK;
}

static enum print_state settle(struct print_job *p, enum job_state js)
{
	if (js == JOB_RUNNING || p->state != PRINT_RUNNING)
		return p->state;
	p->state = js == JOB_DONE ? PRINT_DONE : PRINT_FAILED;
	p->status = js == JOB_DONE ? QD_OK : js == JOB_TIMEOUT ? QD_ERR_PRINT_TIMEOUT : QD_ERR_PRINT;
	explain(p);
	return p->state;
}

enum print_state print_poll(struct print_job *p)
{
	return p->job && p->state == PRINT_RUNNING ? settle(p, job_poll(p->job)) : p->state;
}

enum print_state print_wait(struct print_job *p)
{
	return p->job && p->state == PRINT_RUNNING ? settle(p, job_wait(p->job)) : p->state;
}

enum qd_status print_status(const struct print_job *p)
{
	return p->status;
}

const char *print_number(const struct print_job *p)
{
	return p->number;
}

const char *print_reason(const struct print_job *p)
{
	return p->reason;
}

const char *print_replaced(const struct print_job *p)
{
	return p->replaced;
}

void print_free(struct print_job *p)
{
	if (!p)
		return;
	job_free(p->job);
	free(p);
}
