/* screen-window.c - owns the window clerk console: the session at window N (login, lock, idle lock,
 * log out, another clerk taking over), the at-a-glance screen (current ticket in large figures,
 * timers, the window's waiting list, today's counts), every calling action, and the finish flow:
 * one or more case forms, the evaluation and the reason for a bad one. Domain calls only
 * (queue_*, cases_*, staff_*); refusals are shown translated on the status line. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include "screen-window.h"
#include "session.h"
#include "widget-bignum.h"
#include "widget-form.h"
#include "widget-picker.h"
#include "widget-prompt.h"
#include "qdesk/cases.h"
#include "qdesk/clock.h"
#include "qdesk/drafts.h"
#include "qdesk/i18n.h"
#include "qdesk/fieldcheck.h"
#include "qdesk/problems.h"
#include "qdesk/pad.h"
#include "qdesk/queue.h"
#include "qdesk/roles.h"
#include "qdesk/staff.h"
#include "qdesk/text.h"
#include "qdesk/wait.h"

#define CASES_PER_TICKET 8

/* One case as typed, kept until the ticket is finished (several per ticket). */
struct pending {
	char matter[64], category[64], channel[16], outcome[32], mode[32];
	char helps[HALL_HELPS_MAX][48];
	size_t nhelps;
	int minutes;
	char applicant[256], id_number[32], phone[32], note[1100];
	/* known only masked (the ticket's issue data, a kept draft): used where the above is empty */
	char applicant_masked[256], id_masked[20], phone_masked[16];
	int age;                    /* with id_masked: -1 unknown */
};

/* The case form's fields, in the order they are added. */
enum { F_MATTER, F_CATEGORY, F_CHANNEL, F_OUTCOME, F_MODE, F_HELP, F_MINUTES, F_APPLICANT,
       F_ID, F_PHONE, F_NOTE };

struct console {
	struct store *st;
	const struct hall *h;
	int w;
	const struct hall_window *hw;
	struct session sess;        /* who is signed in here: sess.me, sess.signed_in */
	struct window_state ws;
	struct ticket *waiting;     /* the first nfirst of the window's waiting list (a screenful) */
	size_t nfirst, nwaiting;    /* nwaiting: how many wait for the window in all */
	enum qd_status load_error;
	long long shown_key;        /* the timer value last drawn */
	struct staff_today today;   /* this clerk's counts today, at any window */
	struct pending cases[CASES_PER_TICKET];
	int ncases;
	long long cases_ticket;     /* the ticket the typed cases belong to */
	char reason[CASES_REASON_MAX + 1];  /* the bad rating's reason as typed (kept if finish fails) */
	int walk_in;                /* the open case form logs a walk-in */
	int rating;
	enum action after_discard;  /* F4/F5 asked to discard typed cases first: what to do then */
	struct form *form;          /* the case form open now (for a takeover to keep it), or NULL */
	struct draft_case *drafts;  /* cases kept for the current ticket by a session that ended */
	size_t ndrafts, next_draft; /* how many; the next one to offer */
	long long drafts_ticket;
	int kept;                   /* cases kept as a draft when the session was lost */
	int form_age;               /* the age a kept case's masked ID gave (-1 unknown) */
};

/* ---- helpers ------------------------------------------------------------------------------ */

static const char *key_of(struct ui *ui, enum action a, char *buf, size_t len)
{
	int k;
	if (ui_action_keys(ui, a, &k, 1) < 1)
		return "?";
	return ui_key_name(k, buf, len);
}

static const char *type_name(const struct hall *h, const char *prefix)
{
	const struct hall_type *t = hall_type(h, prefix);
	return t ? t->name : prefix;
}

static const char *group_name(const struct hall *h, const char *id)
{
	const struct hall_group *g = id && *id ? hall_group(h, id) : NULL;
	return g ? g->name : id ? id : "";
}

/* Show a refusal; if another clerk took the window over, go back to the login screen. */
static int refuse(struct ui *ui, struct console *c, enum qd_status s)
{
	return session_refuse(ui, &c->sess, s);
}

/* ---- session (session.c does the work; these say what signing in at window N means) ------- */

static enum qd_status sess_sign_in(struct ui *ui, void *ctx, const struct staff *who)
{
	struct console *c = ctx;
	enum qd_status s = queue_sign_in(ui_store(ui), ui_hall(ui), c->w, who->id);
	if (s == QD_OK)
		ui_message(ui, UI_MSG_OK, _("%s signed in at window %d."), who->name, c->w);
	return s;
}

static enum qd_status sess_holder(struct ui *ui, void *ctx, char *holder, size_t len)
{
	struct console *c = ctx;
	struct window_state now;
	enum qd_status s = queue_window(ui_store(ui), ui_hall(ui), c->w, &now);
	if (s == QD_OK)
		snprintf(holder, len, "%s", now.staff);
	return s;
}

static enum qd_status sess_sign_out(struct ui *ui, void *ctx, const char *staff_id)
{
	struct console *c = ctx;
	if (!ui && c->ws.current.id)
		return QD_OK;           /* leaving while serving keeps the session: finish first */
	return queue_sign_out(c->st, c->h, c->w, staff_id);
}

static void pending_from_form(struct form *f, struct pending *p);
static struct case_input case_of(const struct pending *p, const char *helps[HALL_HELPS_MAX]);

/* The session ends unasked (another clerk signed in): the cases typed for the current ticket,
 * the open case form among them, are kept with the ticket for whoever finishes it. */
static void sess_lost(struct ui *ui, void *ctx)
{
	struct console *c = ctx;
	struct pending extra;
	const char *helps[CASES_PER_TICKET + 1][HALL_HELPS_MAX];
	struct case_input in[CASES_PER_TICKET + 1];
	size_t n = 0;
	long long ticket = c->ws.current.id;
	c->kept = 0;
	for (int i = 0; ticket && c->cases_ticket == ticket && i < c->ncases; i++, n++)
		in[n] = case_of(&c->cases[i], helps[n]);
	if (ticket && c->form && !c->walk_in) {
		pending_from_form(c->form, &extra);
		in[n] = case_of(&extra, helps[n]);
		n++;
	}
	if (n && drafts_keep(ui_store(ui), ticket, c->w, c->sess.me.id, in, n) == QD_OK)
		c->kept = (int)n;
	c->ncases = 0;
	c->reason[0] = '\0';
	c->form = NULL;             /* removed with everything above the console */
}

static void sess_taken(struct ui *ui, void *ctx, const char *holder, const struct staff *other)
{
	struct console *c = ctx;
	if (other && c->kept)
		ui_message(ui, UI_MSG_ERROR, _("%s (%s) took this window over; %d typed case(s) kept with the ticket."),
		           other->name, other->id, c->kept);
	else if (other)
		ui_message(ui, UI_MSG_ERROR, _("Another clerk took this window over: %s (%s)."),
		           other->name, other->id);
	else if (holder[0])
		ui_message(ui, UI_MSG_ERROR, _("Another clerk took this window over: %s."), holder);
	else
		ui_message(ui, UI_MSG_ERROR, _("The session at this window was closed elsewhere."));
}

static const struct session_hooks window_session = {
	.sign_in = sess_sign_in, .holder = sess_holder, .sign_out = sess_sign_out, .lost = sess_lost,
	.taken = sess_taken,
};

/* ---- snapshot ----------------------------------------------------------------------------- */

static int console_load(struct ui *ui, void *self)
{
	struct console *c = self;
	struct store *st = ui_store(ui);
	const struct hall *h = ui_hall(ui);
	free(c->waiting);
	c->waiting = NULL;
	c->nfirst = c->nwaiting = 0;
	/* never more rows than the terminal has (a resize reloads) */
	c->load_error = queue_window_snapshot(st, h, c->w, LINES > 0 ? (size_t)LINES : 24, &c->ws,
	                                      &c->waiting, &c->nfirst, &c->nwaiting);
	if (c->load_error == QD_OK && c->sess.signed_in)
		c->load_error = queue_staff_today(st, c->sess.me.id, &c->today);
	if (c->load_error == QD_OK)
		session_check(ui, &c->sess, c->ws.staff);
	if (c->load_error == QD_OK && c->ncases && c->cases_ticket != c->ws.current.id) {
		/* the ticket they were typed for ended or moved elsewhere: say so, keep nothing false */
		ui_message(ui, UI_MSG_ERROR, _("%d case(s) typed for a ticket that is no longer at this window were not logged."),
		           c->ncases);
		c->ncases = 0;
		c->reason[0] = '\0';
	}
	ui_keybar_label(ui, ACT_PAUSE, strcmp(c->ws.state, "paused") == 0 ? _("Resume") : NULL);
	return UI_REDRAW;
}

/* ---- drawing ------------------------------------------------------------------------------ */

static void fmt_duration(long long secs, char *out, size_t len)
{
	if (secs < 0)
		secs = 0;
	if (secs >= 3600)
		snprintf(out, len, "%lld:%02lld:%02lld", secs / 3600, secs / 60 % 60, secs % 60);
	else
		snprintf(out, len, "%02lld:%02lld", secs / 60, secs % 60);
}

/* "label  value" with the label padded to lw columns. */
static void field(int y, int x, int lw, int w, const char *label, const char *value, int attr)
{
	char lab[128];
	text_pad(label, lw, lab, sizeof lab);
	ui_text(y, x, lw, A_BOLD, lab);
	ui_text(y, x + lw + 1, w - lw - 1, attr, value);
}

static void draw_current(struct ui *ui, struct console *c, int y, int x, int w, int bottom)
{
	const struct hall *h = ui_hall(ui);
	const struct ticket *t = &c->ws.current;
	long long now = ui_now(ui);
	char kb[16], line[512];
	const char *state = c->ws.state;
	if (!strcmp(state, "paused")) {
		const struct hall_item *r = hall_item(h->pauses, h->npauses, c->ws.pause_reason);
		char since[6];
		clock_hhmm((time_t)c->ws.since, since);
		snprintf(line, sizeof line, _("Paused: %s (since %s)"), r ? r->name : c->ws.pause_reason, since);
		ui_text(y, x, w, A_REVERSE | A_BOLD | ui_attr(UI_C_WARN), line);
	} else if (t->id) {
		ui_text(y, x, w, A_REVERSE | A_BOLD | ui_attr(UI_C_OK), _("Serving"));
	} else if (!strcmp(state, "closed")) {
		ui_text(y, x, w, A_BOLD, _("Closed"));
	} else {
		ui_text(y, x, w, A_BOLD, _("Idle"));
	}
	if (!t->id) {
		int yy = y + 2;
		if (!strcmp(state, "paused")) {
			snprintf(line, sizeof line, _("%s resumes service."), key_of(ui, ACT_PAUSE, kb, sizeof kb));
		} else {
			snprintf(line, sizeof line, _("No ticket. %s calls the next number."),
			         key_of(ui, ACT_CALL_NEXT, kb, sizeof kb));
		}
		ui_text(yy, x, w, 0, line);
		if (c->nwaiting)
			ui_textf(yy + 1, x, w, 0, _("%zu waiting for this window."), c->nwaiting);
		return;
	}
	int lw = 0;
	const char *labels[] = { _("Business"), _("Priority"), _("Waited"), _("Service"), _("Calls"),
	                         _("ID number"), _("Phone"), _("Note") };
	for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
		if (text_width(labels[i]) > lw)
			lw = text_width(labels[i]);
	bignum_draw(y + 2, x + 1, w - 1, 1, A_REVERSE | ui_attr(UI_C_BIG), t->number);
	int yy = y + 8;
	if (strcmp(t->queue_type, t->type) != 0 && t->queue_type[0])
		snprintf(line, sizeof line, "%s (%s) ← %s", type_name(h, t->queue_type), t->queue_type,
		         type_name(h, t->type));
	else
		snprintf(line, sizeof line, "%s (%s)", type_name(h, t->type), t->type);
	field(yy++, x, lw, w, labels[0], line, 0);
	if (t->priority[0]) {
		snprintf(line, sizeof line, "【%s】", group_name(h, t->priority));
		field(yy++, x, lw, w, labels[1], line, A_BOLD | ui_attr(UI_C_WARN));
	} else {
		field(yy++, x, lw, w, labels[1], _("none"), 0);
	}
	char dur[32];
	snprintf(line, sizeof line, _("%lld min"), wait_minutes(t, now));
	field(yy++, x, lw, w, labels[2], line, 0);
	fmt_duration(now - t->called_at, dur, sizeof dur);
	field(yy++, x, lw, w, labels[3], dur, A_BOLD);
	snprintf(line, sizeof line, _("%d (at most %d)"), t->calls, 1 + h->calling.recall_cap);
	field(yy++, x, lw, w, labels[4], line, 0);
	if (t->id_masked[0] && yy < bottom)
		field(yy++, x, lw, w, labels[5], t->id_masked, 0);
	if (t->phone_masked[0] && yy < bottom)
		field(yy++, x, lw, w, labels[6], t->phone_masked, 0);
	if (t->note[0] && yy < bottom)
		field(yy++, x, lw, w, labels[7], t->note, 0);
	if (c->ncases && c->cases_ticket == t->id && yy < bottom)
		ui_textf(yy++, x, w, 0, _("Cases typed for this ticket: %d"), c->ncases);
}

/* s padded to cols columns; text that does not fit ends with "…" where it was cut. */
static void cell(const char *s, int cols, char *out, size_t outsz)
{
	if (text_width(s) <= cols) {
		text_pad(s, cols, out, outsz);
		return;
	}
	char cut[256];
	int w = text_truncate(s, cols - 1, cut, sizeof cut);
	snprintf(out, outsz, "%s…%*s", cut, cols - 1 - w, "");
}

static void draw_waiting(struct ui *ui, struct console *c, int y, int x, int w, int bottom)
{
	const struct hall *h = ui_hall(ui);
	long long now = ui_now(ui);
	char title[128];
	snprintf(title, sizeof title, _("Waiting for this window: %zu"), c->nwaiting);
	ui_text(y, x, w, A_BOLD, title);
	/* columns: number 6, group 8, business the rest, waited as wide as "999 min!" translated (the
	 * late mark matters most for the longest waits) */
	char a[300], b[300], d[300], e[64], line[1024];
	snprintf(e, sizeof e, _("%lld min"), 999LL);
	int cn = 6, cg = 8, cwt = text_width(e) + 1, ct = w - cn - cg - cwt - 3;
	text_pad(_("No."), cn, a, sizeof a);
	text_pad(_("Group"), cg, b, sizeof b);
	text_pad(_("Business"), ct, d, sizeof d);
	snprintf(line, sizeof line, "%s %s %s %s", a, b, d, _("Waited"));
	ui_text(y + 1, x, w, A_UNDERLINE, line);
	int rows = bottom - (y + 2);
	for (size_t i = 0; i < c->nwaiting && (int)i < rows; i++) {
		int yy = y + 2 + (int)i;
		if (((int)i == rows - 1 && c->nwaiting > (size_t)rows) || i == c->nfirst) {
			ui_textf(yy, x, w, 0, _("… and %zu more"), c->nwaiting - i);
			break;
		}
		const struct ticket *t = &c->waiting[i];
		long long mins = wait_minutes(t, now);
		const struct hall_type *ty = hall_type(h, t->queue_type[0] ? t->queue_type : t->type);
		int late = wait_late(h, t, now);
		char num[32];
		snprintf(num, sizeof num, "%s%s", t->number, t->target_window == c->w ? "→" : "");
		cell(num, cn, a, sizeof a);
		cell(t->priority[0] ? group_name(h, t->priority) : "", cg, b, sizeof b);
		cell(ty ? ty->name : t->type, ct, d, sizeof d);
		snprintf(e, sizeof e, _("%lld min"), mins < 0 ? 0 : mins > 999 ? 999 : mins);
		snprintf(line, sizeof line, "%s %s %s %s%s", a, b, d, e, late ? "!" : "");
		ui_text(yy, x, w, late ? A_BOLD | ui_attr(UI_C_ERROR) : (t->priority[0] ? A_BOLD : 0), line);
	}
	if (!c->nwaiting)
		ui_text(y + 2, x, w, 0, _("Nobody is waiting."));
}

static void console_draw(struct ui *ui, void *self)
{
	struct console *c = self;
	const struct hall *h = ui_hall(ui);
	int body = ui_body_lines(ui);
	long long now = ui_now(ui);
	char stamp[20], line[512];
	clock_stamp((time_t)now, stamp);
	stamp[16] = '\0';           /* minutes are enough */
	c->shown_key = c->ws.current.id ? now : now / 60;
	/* title */
	ui_pad(0, 0, COLS, A_BOLD | ui_attr(UI_C_TITLE), h->name);
	ui_text(0, COLS - 1 - 16, 16, A_BOLD, stamp);
	snprintf(line, sizeof line, _("Window %d · %s"), c->w, c->hw->name);
	int used = ui_text(1, 0, COLS - 30, 0, line);
	if (c->sess.signed_in) {
		snprintf(line, sizeof line, _("Clerk: %s (%s)"), c->sess.me.name, c->sess.me.id);
		int lw = text_width(line);
		int cx = COLS - 1 - lw > used + 2 ? COLS - 1 - lw : used + 2;
		ui_text(1, cx, COLS - cx, 0, line);
	}
	ui_hline(2, 0, COLS);
	if (c->load_error != QD_OK) {
		ui_text(4, 1, COLS, A_BOLD, _(qd_status_text(c->load_error)));
		return;
	}
	int lw = COLS * 19 / 40;            /* 38 of 80 */
	int counts_y = body - 2;
	draw_current(ui, c, 3, 1, lw - 2, counts_y - 1);
	mvvline(3, lw, ACS_VLINE, body - 3);
	draw_waiting(ui, c, 3, lw + 2, COLS - lw - 3, body);
	ui_hline(counts_y - 1, 0, lw);
	snprintf(line, sizeof line, _("Here today: served %d · no-show %d"),
	         c->ws.served_today, c->ws.noshow_today);
	ui_text(counts_y, 1, lw - 2, 0, line);
	snprintf(line, sizeof line, _("You today: %d called/%d served/%d cases"),
	         c->today.called, c->today.served, c->today.cases);
	ui_text(counts_y + 1, 1, lw - 2, 0, line);
}

static int console_tick(struct ui *ui, void *self)
{
	struct console *c = self;
	long long now = ui_now(ui);
	long long key = c->ws.current.id ? now : now / 60;
	return key != c->shown_key ? UI_REDRAW : UI_NONE;
}

static int console_keybar(struct ui *ui, void *self)
{
	(void)ui;
	struct console *c = self;
	return c->sess.signed_in;
}

/* ---- case form ---------------------------------------------------------------------------- */

/* The matter brings its case category. */
static void form_changed(struct form *f, int field_no, void *ctx)
{
	struct console *c = ctx;
	if (field_no != F_MATTER)
		return;
	const char *id = form_choice_id(f, F_MATTER);
	const struct hall_matter *m = id && *id ? hall_matter(c->h, id) : NULL;
	form_set_choice(f, F_CATEGORY, m ? form_option_by_id(f, F_CATEGORY, m->category) : 0);
}

static struct form *case_form_new(struct ui *ui, struct console *c, const char *title);

static int field_of(const char *name)
{
	static const struct { const char *name; int field; } map[] = {
		{ "matter", F_MATTER }, { "case-category", F_CATEGORY }, { "channel", F_CHANNEL },
		{ "outcome", F_OUTCOME }, { "mode", F_MODE }, { "elderly-help", F_HELP },
		{ "minutes", F_MINUTES }, { "applicant", F_APPLICANT }, { "id-number", F_ID },
		{ "phone", F_PHONE }, { "note", F_NOTE },
	};
	for (size_t i = 0; name && i < sizeof map / sizeof map[0]; i++)
		if (!strcmp(map[i].name, name))
			return map[i].field;
	return F_MATTER;
}

static void pending_from_form(struct form *f, struct pending *p)
{
	memset(p, 0, sizeof *p);
	const char *v;
	snprintf(p->matter, sizeof p->matter, "%s", (v = form_choice_id(f, F_MATTER)) ? v : "");
	snprintf(p->category, sizeof p->category, "%s", (v = form_choice_id(f, F_CATEGORY)) ? v : "");
	snprintf(p->channel, sizeof p->channel, "%s", (v = form_choice_id(f, F_CHANNEL)) ? v : "onsite");
	snprintf(p->outcome, sizeof p->outcome, "%s", (v = form_choice_id(f, F_OUTCOME)) ? v : "done");
	snprintf(p->mode, sizeof p->mode, "%s", (v = form_choice_id(f, F_MODE)) ? v : "");
	for (int i = 0; i < form_option_count(f, F_HELP) && p->nhelps < HALL_HELPS_MAX; i++)
		if (form_checked(f, F_HELP, i))
			snprintf(p->helps[p->nhelps++], sizeof p->helps[0], "%s", form_option_id(f, F_HELP, i));
	char num[32];
	form_get_text(f, F_MINUTES, num, sizeof num);
	p->minutes = num[0] ? atoi(num) : 0;
	form_get_text(f, F_APPLICANT, p->applicant, sizeof p->applicant);
	form_get_text(f, F_ID, p->id_number, sizeof p->id_number);
	form_get_text(f, F_PHONE, p->phone, sizeof p->phone);
	form_get_text(f, F_NOTE, p->note, sizeof p->note);
	form_get_masked(f, F_APPLICANT, p->applicant_masked, sizeof p->applicant_masked);
	form_get_masked(f, F_ID, p->id_masked, sizeof p->id_masked);
	form_get_masked(f, F_PHONE, p->phone_masked, sizeof p->phone_masked);
	p->age = -1;
}

/* Fill a case form with a kept case (masked values stay masked: typing replaces them). */
static void form_fill(struct form *f, const struct draft_case *d)
{
	form_set_choice(f, F_MATTER, form_option_by_id(f, F_MATTER, d->matter));
	form_set_choice(f, F_CATEGORY, form_option_by_id(f, F_CATEGORY, d->category));
	form_set_choice(f, F_CHANNEL, form_option_by_id(f, F_CHANNEL, d->channel));
	form_set_choice(f, F_OUTCOME, form_option_by_id(f, F_OUTCOME, d->outcome));
	form_set_choice(f, F_MODE, form_option_by_id(f, F_MODE, d->mode));
	for (size_t i = 0; i < d->nhelps; i++)
		form_set_checked(f, F_HELP, form_option_by_id(f, F_HELP, d->helps[i]), 1);
	char num[16] = "";
	if (d->minutes > 0)
		snprintf(num, sizeof num, "%d", d->minutes);
	form_set_text(f, F_MINUTES, num);
	form_set_masked(f, F_APPLICANT, d->applicant_masked);
	form_set_masked(f, F_ID, d->id_masked);
	form_set_masked(f, F_PHONE, d->phone_masked);
	form_set_text(f, F_NOTE, d->note);
}

/* A case_input pointing into p; helps[] receives the pointers. */
static struct case_input case_of(const struct pending *p, const char *helps[HALL_HELPS_MAX])
{
	for (size_t i = 0; i < p->nhelps; i++)
		helps[i] = p->helps[i];
	struct case_input ci = {
		.matter = p->matter[0] ? p->matter : NULL,
		.category = p->category[0] ? p->category : NULL,
		.channel = p->channel[0] ? p->channel : NULL,
		.outcome = p->outcome[0] ? p->outcome : NULL,
		.mode = p->mode[0] ? p->mode : NULL,
		.helps = p->nhelps ? helps : NULL,
		.nhelps = p->nhelps,
		.minutes = p->minutes,
		.applicant = p->applicant[0] ? p->applicant : NULL,
		.id_number = p->id_number[0] ? p->id_number : NULL,
		.phone = p->phone[0] ? p->phone : NULL,
		.note = p->note[0] ? p->note : NULL,
		.applicant_masked = p->applicant_masked[0] ? p->applicant_masked : NULL,
		.id_masked = p->id_masked[0] ? p->id_masked : NULL,
		.phone_masked = p->phone_masked[0] ? p->phone_masked : NULL,
		.age = p->id_masked[0] ? p->age : -1,
	};
	return ci;
}

static void ask_rating(struct ui *ui, struct console *c);

static void another_answer(struct ui *ui, void *ctx, int yes)
{
	struct console *c = ctx;
	if (yes && c->ncases < CASES_PER_TICKET) {
		char title[96];
		snprintf(title, sizeof title, _("Case %d for %s"), c->ncases + 1, c->ws.current.number);
		form_push(ui, case_form_new(ui, c, title));
	} else {
		ask_rating(ui, c);
	}
}

/* If a case kept for the current ticket (by a session that ended) is still to be offered, open it
 * in a case form; returns 1 if it did. */
static int offer_draft(struct ui *ui, struct console *c)
{
	if (c->drafts_ticket != c->ws.current.id || c->next_draft >= c->ndrafts)
		return 0;
	const struct draft_case *d = &c->drafts[c->next_draft++];
	struct staff who;
	char title[160];
	snprintf(title, sizeof title, _("Case %d for %s (kept from %s)"), c->ncases + 1,
	         c->ws.current.number, staff_get(ui_store(ui), d->staff, &who) == QD_OK ? who.name : d->staff);
	struct form *f = case_form_new(ui, c, title);
	if (!f)
		return 0;
	form_fill(f, d);
	c->form_age = d->age;
	form_push(ui, f);
	return 1;
}

static int case_submit(struct ui *ui, struct form *f, void *ctx)
{
	struct console *c = ctx;
	struct pending p;
	const char *helps[HALL_HELPS_MAX];
	pending_from_form(f, &p);
	struct case_input ci = case_of(&p, helps);
	const char *bad = NULL;
	enum qd_status s = cases_validate(ui_hall(ui), &ci, &bad);
	if (s != QD_OK) {
		const struct hall_matter *m = p.matter[0] ? hall_matter(ui_hall(ui), p.matter) : NULL;
		const struct hall_item *cat = m ? hall_item(ui_hall(ui)->categories, ui_hall(ui)->ncategories,
		                                            m->category) : NULL;
		char msg[256];
		if (s == QD_ERR_INVALID && bad && !strcmp(bad, "minutes"))
			snprintf(msg, sizeof msg, "%s", _("Help minutes: 0 to 1440."));
		else if (s == QD_ERR_INVALID && bad && !strcmp(bad, "case-category") && m)
			snprintf(msg, sizeof msg, _("The matter %s belongs to the case category %s: choose that one or \"(the matter's)\"."),
			         m->name, cat ? cat->name : m->category);
		else
			snprintf(msg, sizeof msg, "%s", _(qd_status_text(s)));
		form_error(f, field_of(bad), msg);
		return 0;
	}
	if (p.id_masked[0])
		p.age = c->form_age;
	if (c->walk_in) {
		long long id;
		s = cases_log_walk_in(ui_store(ui), ui_hall(ui), c->w, c->sess.me.id, &ci, &id);
		if (s != QD_OK) {
			form_error(f, -1, _(qd_status_text(s)));
			return 0;
		}
		c->form = NULL;
		ui_reload(ui);
		ui_message(ui, UI_MSG_OK, _("Walk-in case logged."));
		return 1;
	}
	if (!c->ws.current.id) {
		form_error(f, -1, _(qd_status_text(QD_ERR_IDLE_WINDOW)));
		return 0;
	}
	if (c->ncases < CASES_PER_TICKET) {
		c->cases[c->ncases++] = p;
		c->cases_ticket = c->ws.current.id;
	}
	c->form = NULL;
	if (c->ncases < CASES_PER_TICKET && offer_draft(ui, c))
		return 1;               /* the next kept case, in a form of its own */
	if (c->ncases < CASES_PER_TICKET)
		confirm_push(ui, _("Log another case for this ticket?"), 0, another_answer, c);
	else
		ask_rating(ui, c);
	return 1;
}

static void case_cancel(struct ui *ui, void *ctx)
{
	struct console *c = ctx;
	c->form = NULL;
	if (!c->walk_in && c->ncases > 0) {
		ask_rating(ui, c);         /* an extra case was dropped; the ones typed stand */
		return;
	}
	ui_message(ui, UI_MSG_INFO, _("Cancelled; nothing was saved."));
}

static struct form *case_form_new(struct ui *ui, struct console *c, const char *title)
{
	const struct hall *h = ui_hall(ui);
	struct form *f = form_new(title, case_submit, case_cancel, c);
	if (!f)
		return NULL;
	int i;
	i = form_add_choice(f, _("Matter"), 1);
	form_add_option(f, i, "", _("(none)"));
	for (size_t k = 0; k < h->nmatters; k++)
		form_add_option(f, i, h->matters[k].id, h->matters[k].name);
	i = form_add_choice(f, _("Case category"), 0);
	form_add_option(f, i, "", _("(the matter's)"));
	for (size_t k = 0; k < h->ncategories; k++)
		form_add_option(f, i, h->categories[k].id, h->categories[k].name);
	i = form_add_choice(f, _("Channel"), 0);
	form_add_option(f, i, "onsite", _("on site"));
	form_add_option(f, i, "online", _("online"));
	i = form_add_choice(f, _("Outcome"), 0);
	for (size_t k = 0; k < h->noutcomes; k++)
		form_add_option(f, i, h->outcomes[k].id, h->outcomes[k].name);
	form_set_choice(f, i, form_option_by_id(f, i, c->walk_in == 2 ? "consult" : "done"));
	i = form_add_choice(f, _("Handling mode"), 0);
	form_add_option(f, i, "", _("none"));
	for (size_t k = 0; k < h->nmodes; k++)
		form_add_option(f, i, h->modes[k].id, h->modes[k].name);
	i = form_add_multi(f, _("Elderly help"));
	for (size_t k = 0; k < h->nhelps; k++)
		form_add_option(f, i, h->helps[k].id, h->helps[k].name);
	form_add_number(f, _("Help minutes"), 4);
	form_add_text(f, _("Applicant"), CASES_APPLICANT_MAX, NULL, text_mask_name);
	form_add_text(f, _("ID number"), 18, fieldcheck_id_field, fieldcheck_mask_id);
	form_add_text(f, _("Mobile"), 11, fieldcheck_phone_field, text_mask_phone);
	form_add_text(f, _("Note"), CASES_NOTE_MAX, NULL, NULL);
	form_on_change(f, form_changed);
	c->form = f;
	c->form_age = -1;
	return f;
}

/* ---- finishing: evaluation and commit ----------------------------------------------------- */

/* Finish the ticket with the typed cases. On failure the cases (and reason) stay typed: the clerk
 * fixes what was refused and finishes again. */
static enum qd_status finish_commit(struct ui *ui, struct console *c, int rating, const char *reason)
{
	const char *helps[CASES_PER_TICKET][HALL_HELPS_MAX];
	struct case_input cases[CASES_PER_TICKET];
	for (int i = 0; i < c->ncases; i++)
		cases[i] = case_of(&c->cases[i], helps[i]);
	struct finish_result fr;
	char kb[16];
	memset(&fr, 0, sizeof fr);
	/* The ticket, every case and the evaluation: one transaction, all or nothing. */
	enum qd_status s = queue_finish(ui_store(ui), ui_hall(ui), c->w, c->sess.me.id, cases,
	                                (size_t)c->ncases, rating, reason, &fr);
	if (s != QD_OK) {
		refuse(ui, c, s);
		if (s == QD_ERR_IDLE_WINDOW) {
			ui_reload(ui);                  /* ended elsewhere: the reload says what was lost */
			return s;
		}
		if (s != QD_ERR_TOOK_OVER && c->ncases)
			ui_message(ui, UI_MSG_ERROR, _("%s; the %d case(s) typed are kept: %s finishes again."),
			           _(qd_status_text(s)), c->ncases, key_of(ui, ACT_FINISH, kb, sizeof kb));
		return s;
	}
	int n = fr.ncases;
	ui_reload(ui);
	if (c->ndrafts && c->drafts_ticket == fr.ticket.id)
		drafts_drop(ui_store(ui), fr.ticket.id);    /* used: the cases are logged now */
	free(c->drafts);
	c->drafts = NULL;
	c->ndrafts = c->next_draft = 0;
	c->ncases = 0;
	c->reason[0] = '\0';
	if (fr.rectification_id)
		ui_message(ui, UI_MSG_OK, _("%s finished · %d case(s) · rating %d: a rectification item is due %s."),
		           fr.ticket.number, n, rating, fr.deadline);
	else if (rating)
		ui_message(ui, UI_MSG_OK, _("%s finished · %d case(s) · rating %d."), fr.ticket.number, n, rating);
	else if (pad_at_window(ui_hall(ui), c->w))
		ui_message(ui, UI_MSG_OK, _("%s finished · %d case(s) · the person rates it at the pad."),
		           fr.ticket.number, n);
	else
		ui_message(ui, UI_MSG_OK, _("%s finished · %d case(s) · not evaluated."), fr.ticket.number, n);
	return QD_OK;
}

static int reason_answer(struct ui *ui, void *ctx, const char *answer)
{
	struct console *c = ctx;
	if (!answer) {
		/* back to the rating: the cases typed stand */
		c->reason[0] = '\0';
		ask_rating(ui, c);
		return 1;
	}
	if (!answer[0]) {
		ui_message(ui, UI_MSG_ERROR, _("Please write down the reason the person gave."));
		return 0;
	}
	snprintf(c->reason, sizeof c->reason, "%s", answer);
	enum qd_status s = finish_commit(ui, c, c->rating, answer);
	if (s == QD_OK || s == QD_ERR_IDLE_WINDOW || !c->sess.signed_in)
		return 1;
	/* refused: the prompt stays open with the reason */
	ui_message(ui, UI_MSG_ERROR, _("%s; the reason and %d case(s) are kept: Enter tries again."),
	           _(qd_status_text(s)), c->ncases);
	return 0;
}

static void discard_cases_answer(struct ui *ui, void *ctx, int yes)
{
	struct console *c = ctx;
	if (!yes) {
		ask_rating(ui, c);
		return;
	}
	c->ncases = 0;
	c->reason[0] = '\0';
	ui_message(ui, UI_MSG_INFO, _("Cancelled; nothing was saved."));
}

static void rating_picked(struct ui *ui, void *ctx, int index, const unsigned char *checked)
{
	(void)checked;
	struct console *c = ctx;
	if (index < 0) {
		char q[160];
		snprintf(q, sizeof q, _("Discard the %d case(s) typed for %s?"), c->ncases,
		         c->ws.current.number);
		confirm_push(ui, q, 0, discard_cases_answer, c);
		return;
	}
	c->rating = index < 5 ? 5 - index : 0;
	if (c->rating && c->rating <= 2) {
		char q[160];
		snprintf(q, sizeof q, _("Rating %d. What was the person unhappy with?"), c->rating);
		prompt_push(ui, _("Bad evaluation"), q, CASES_REASON_MAX, c->reason, PROMPT_KEEP,
		            reason_answer, c);
		return;
	}
	finish_commit(ui, c, c->rating, NULL);
}

static void ask_rating(struct ui *ui, struct console *c)
{
	char title[96];
	if (pad_at_window(ui_hall(ui), c->w)) {   /* the person rates at the pad, never the clerk */
		finish_commit(ui, c, 0, NULL);
		return;
	}
	snprintf(title, sizeof title, _("Evaluation of %s by the person served"), c->ws.current.number);
	struct picker *p = picker_new(title, 0, rating_picked, c);
	picker_add(p, "5", _("very satisfied"), 0);
	picker_add(p, "4", _("satisfied"), 0);
	picker_add(p, "3", _("basically satisfied"), 0);
	picker_add(p, "2", _("dissatisfied"), 0);
	picker_add(p, "1", _("very dissatisfied"), 0);
	picker_add(p, "-", _("no evaluation given"), 0);
	picker_push(ui, p);
}

/* ---- the other actions -------------------------------------------------------------------- */

/* The transfer list offers every business type but the queue the current ticket waits in, then
 * every window but this one; the list and the choice made from it both follow this. */
static int transfer_offers_type(const struct console *c, const char *prefix)
{
	return c->ws.current.target_window || strcmp(prefix, c->ws.current.queue_type) != 0;
}

static void transfer_picked(struct ui *ui, void *ctx, int index, const unsigned char *checked)
{
	(void)checked;
	struct console *c = ctx;
	const struct hall *h = ui_hall(ui);
	if (index < 0)
		return;
	struct ticket t;
	enum qd_status s;
	char where[160];
	int k = index;
	const struct hall_type *type = NULL;
	for (size_t i = 0; i < h->ntypes && !type; i++)
		if (transfer_offers_type(c, h->types[i].prefix) && k-- == 0)
			type = &h->types[i];
	if (type) {
		s = queue_transfer(ui_store(ui), h, c->w, c->sess.me.id, type->prefix, 0, &t);
		snprintf(where, sizeof where, "%s", type->name);
	} else {
		int wn = 0;                     /* k counts on into the windows listed */
		for (size_t i = 0; i < h->nwindows && !wn; i++)
			if (h->windows[i].number != c->w && k-- == 0)
				wn = h->windows[i].number;
		s = queue_transfer(ui_store(ui), h, c->w, c->sess.me.id, NULL, wn, &t);
		snprintf(where, sizeof where, _("window %d"), wn);
	}
	if (s != QD_OK) {
		refuse(ui, c, s);
		return;
	}
	ui_reload(ui);
	ui_message(ui, UI_MSG_OK, _("%s transferred to %s."), t.number, where);
}

static void pause_picked(struct ui *ui, void *ctx, int index, const unsigned char *checked)
{
	(void)checked;
	struct console *c = ctx;
	const struct hall *h = ui_hall(ui);
	if (index < 0)
		return;
	enum qd_status s = queue_pause(ui_store(ui), h, c->w, c->sess.me.id, h->pauses[index].id);
	if (s != QD_OK) {
		refuse(ui, c, s);
		return;
	}
	ui_reload(ui);
	ui_message(ui, UI_MSG_OK, _("Window %d paused: %s."), c->w, h->pauses[index].name);
}

/* F8 on a ticket this window does not serve: say where it waits instead. */
static void say_where_sent(struct ui *ui, struct console *c, const char *number)
{
	const struct hall *h = ui_hall(ui);
	struct ticket t;
	if (queue_find(ui_store(ui), number, &t) != QD_OK)
		return;
	const char *q = t.queue_type[0] ? t.queue_type : t.type;
	if (t.target_window && t.target_window != c->w)
		ui_message(ui, UI_MSG_ERROR, _("%s was sent to window %d: it is called there."), t.number,
		           t.target_window);
	else
		ui_message(ui, UI_MSG_ERROR, _("%s waits in the queue of %s (%s), which this window does not serve."),
		           t.number, type_name(h, q), q);
}

static int number_answer(struct ui *ui, void *ctx, const char *answer)
{
	struct console *c = ctx;
	if (!answer || !answer[0])
		return 1;
	struct ticket t;
	char number[32];
	queue_number_normalize(ui_hall(ui), answer, number, sizeof number);
	enum qd_status s = queue_call_number(ui_store(ui), ui_hall(ui), c->w, c->sess.me.id, number, &t);
	if (s != QD_OK) {
		refuse(ui, c, s);
		if (s == QD_ERR_NOT_FOUND)
			ui_message(ui, UI_MSG_ERROR, _("%s: no such number waiting today."), number);
		if (s == QD_ERR_NOT_SERVED_HERE)
			say_where_sent(ui, c, number);
		return s == QD_ERR_NOT_FOUND || s == QD_ERR_NOT_WAITING || s == QD_ERR_NOT_SERVED_HERE ? 0 : 1;
	}
	ui_reload(ui);
	ui_message(ui, UI_MSG_OK, _("Calling %s."), t.number);
	return 1;
}

static int consult_answer(struct ui *ui, void *ctx, const char *answer)
{
	struct console *c = ctx;
	if (!answer)
		return 1;
	long long id;
	enum qd_status s = cases_log_consult(ui_store(ui), ui_hall(ui), c->w, c->sess.me.id, answer, &id);
	if (s != QD_OK) {
		refuse(ui, c, s);
		return 0;
	}
	ui_reload(ui);
	ui_message(ui, UI_MSG_OK, _("Consultation logged."));
	return 1;
}

/* A 办不成事 problem the clerk took (the lead resolves it). */
static int problem_answer(struct ui *ui, void *ctx, const char *answer)
{
	struct console *c = ctx;
	if (!answer)
		return 1;
	long long id;
	char due[11];
	enum qd_status s = problems_add(ui_store(ui), ui_hall(ui), c->w, c->sess.me.id, answer, &id, due);
	if (s != QD_OK) {
		refuse(ui, c, s);
		return 0;
	}
	ui_reload(ui);
	ui_message(ui, UI_MSG_OK, _("Problem %lld logged for the lead, due %s."), id, due);
	return 1;
}

static void walk_in_picked(struct ui *ui, void *ctx, int index, const unsigned char *checked)
{
	(void)checked;
	struct console *c = ctx;
	if (index == 0) {
		c->walk_in = 1;
		form_push(ui, case_form_new(ui, c, _("Walk-in case (no ticket)")));
	} else if (index == 1) {
		prompt_push(ui, _("Consultation"), _("What was asked about? (may stay empty)"),
		            CASES_TOPIC_MAX, NULL, PROMPT_KEEP, consult_answer, c);
	} else if (index == 2) {
		prompt_push(ui, _("办不成事"), _("What could the person not get done?"), PROBLEMS_TEXT_MAX, NULL,
		            PROMPT_KEEP, problem_answer, c);
	}
}

static int act_noshow(struct ui *ui, struct console *c)
{
	struct ticket t;
	char kb[16];
	enum qd_status s = queue_noshow(ui_store(ui), ui_hall(ui), c->w, c->sess.me.id, &t);
	if (s != QD_OK)
		return refuse(ui, c, s);
	ui_message(ui, UI_MSG_OK, _("%s is a no-show. %s undoes it."), t.number,
	           key_of(ui, ACT_UNDO, kb, sizeof kb));
	return UI_RELOAD;
}

static int act_transfer(struct ui *ui, struct console *c)
{
	const struct hall *h = ui_hall(ui);
	if (!c->ws.current.id)
		return refuse(ui, c, QD_ERR_IDLE_WINDOW);
	char title[96];
	snprintf(title, sizeof title, _("Transfer %s to"), c->ws.current.number);
	struct picker *p = picker_new(title, 0, transfer_picked, c);
	for (size_t i = 0; i < h->ntypes; i++)
		if (transfer_offers_type(c, h->types[i].prefix))
			picker_add(p, h->types[i].prefix, h->types[i].name, 0);
	for (size_t i = 0; i < h->nwindows; i++) {
		if (h->windows[i].number == c->w)
			continue;
		char key[32], label[256];
		snprintf(key, sizeof key, "#%d", h->windows[i].number);
		snprintf(label, sizeof label, _("Window %d · %s"), h->windows[i].number, h->windows[i].name);
		picker_add(p, key, label, 0);
	}
	picker_push(ui, p);
	return UI_REDRAW;
}

/* After "discard the cases typed?" for F4/F5: yes drops them and goes on with that action. */
static void discard_then_act(struct ui *ui, void *ctx, int yes)
{
	struct console *c = ctx;
	if (!yes)
		return;
	c->ncases = 0;
	c->reason[0] = '\0';
	if ((c->after_discard == ACT_NOSHOW ? act_noshow(ui, c) : act_transfer(ui, c)) & UI_RELOAD)
		ui_reload(ui);
}

static int act_finish(struct ui *ui, struct console *c)
{
	if (!c->ws.current.id)
		return refuse(ui, c, QD_ERR_IDLE_WINDOW);
	c->walk_in = 0;
	if (c->ncases > 0 && c->cases_ticket == c->ws.current.id) {
		/* a finish was refused: the cases typed stand; add one more or go on to the rating */
		confirm_push(ui, _("Log another case for this ticket?"), 0, another_answer, c);
		return UI_REDRAW;
	}
	c->ncases = 0;
	c->reason[0] = '\0';
	/* cases kept for this ticket when another clerk took the window over: offered first */
	free(c->drafts);
	c->drafts = NULL;
	c->ndrafts = c->next_draft = 0;
	c->drafts_ticket = c->ws.current.id;
	drafts_get(ui_store(ui), c->ws.current.id, &c->drafts, &c->ndrafts);
	if (offer_draft(ui, c)) {
		ui_message(ui, UI_MSG_INFO, _("%zu case(s) typed for %s before a takeover were kept: check each and save it."),
		           c->ndrafts, c->ws.current.number);
		return UI_REDRAW;
	}
	char title[96];
	snprintf(title, sizeof title, _("Finish %s: the case"), c->ws.current.number);
	struct form *f = case_form_new(ui, c, title);
	/* an elderly person served with priority: that help was given (the clerk may untick it) */
	const struct hall_group *eg = hall_elderly_group(ui_hall(ui));
	if (f && eg && !strcmp(c->ws.current.priority, eg->id))
		form_set_checked(f, F_HELP, form_option_by_id(f, F_HELP, "priority"), 1);
	/* the ID number and phone given when the ticket was issued, masked (typing replaces them) */
	form_set_masked(f, F_ID, c->ws.current.id_masked);
	form_set_masked(f, F_PHONE, c->ws.current.phone_masked);
	form_push(ui, f);
	return UI_REDRAW;
}

static int console_act(struct ui *ui, void *self, const struct ui_event *ev)
{
	struct console *c = self;
	struct store *st = ui_store(ui);
	const struct hall *h = ui_hall(ui);
	struct ticket t;
	enum qd_status s;
	char kb[16];
	if (!c->sess.signed_in)
		return UI_NONE;
	switch (ev->act) {
	case ACT_HELP:
		ui_help(ui);
		return UI_REDRAW;
	case ACT_CALL_NEXT:
		if ((s = queue_call_next(st, h, c->w, c->sess.me.id, &t)) != QD_OK)
			return refuse(ui, c, s);
		ui_message(ui, UI_MSG_OK, _("Calling %s."), t.number);
		return UI_RELOAD;
	case ACT_RECALL:
		if ((s = queue_recall(st, h, c->w, c->sess.me.id, &t)) != QD_OK)
			return refuse(ui, c, s);
		ui_message(ui, UI_MSG_OK, _("Calling %s again (call %d)."), t.number, t.calls);
		return UI_RELOAD;
	case ACT_NOSHOW:
	case ACT_TRANSFER:
		if (c->ws.current.id && c->ncases && c->cases_ticket == c->ws.current.id) {
			/* the ticket leaves this window: the cases typed for it would be lost */
			char q[160];
			snprintf(q, sizeof q, _("Discard the %d case(s) typed for %s?"), c->ncases,
			         c->ws.current.number);
			c->after_discard = ev->act;
			confirm_push(ui, q, 0, discard_then_act, c);
			return UI_REDRAW;
		}
		return ev->act == ACT_NOSHOW ? act_noshow(ui, c) : act_transfer(ui, c);
	case ACT_FINISH:
		return act_finish(ui, c);
	case ACT_PAUSE:
		if (!strcmp(c->ws.state, "paused")) {
			if ((s = queue_resume(st, h, c->w, c->sess.me.id)) != QD_OK)
				return refuse(ui, c, s);
			ui_message(ui, UI_MSG_OK, _("Window %d serves again."), c->w);
			return UI_RELOAD;
		}
		if (c->ws.current.id)
			return refuse(ui, c, QD_ERR_BUSY_WINDOW);
		{
			struct picker *p = picker_new(_("Pause: why?"), 0, pause_picked, c);
			for (size_t i = 0; i < h->npauses; i++)
				picker_add(p, "", h->pauses[i].name, 0);
			picker_push(ui, p);
		}
		return UI_REDRAW;
	case ACT_CALL_NUMBER:
		/* refuse at once what the engine would refuse after the number was typed */
		if (c->ws.current.id)
			return refuse(ui, c, QD_ERR_BUSY_WINDOW);
		if (!strcmp(c->ws.state, "paused"))
			return refuse(ui, c, QD_ERR_PAUSED);
		prompt_push(ui, _("Call a specific number"), _("Ticket number (e.g. A005):"), 15, NULL,
		            PROMPT_ASCII, number_answer, c);
		return UI_REDRAW;
	case ACT_WALK_IN: {
		struct picker *p = picker_new(_("Without a ticket"), 0, walk_in_picked, c);
		picker_add(p, "", _("Walk-in case: log what was done"), 0);
		picker_add(p, "", _("Consultation (咨询): a question answered"), 0);
		picker_add(p, "", _("办不成事: a problem for the lead"), 0);
		picker_push(ui, p);
		return UI_REDRAW;
	}
	case ACT_LOGOUT: {
		if (c->ws.current.id)
			return refuse(ui, c, QD_ERR_BUSY_WINDOW);
		char q[160], done[160];
		snprintf(q, sizeof q, _("Log %s out of window %d?"), c->sess.me.name, c->w);
		snprintf(done, sizeof done, _("%s logged out of window %d."), c->sess.me.name, c->w);
		session_ask_logout(ui, &c->sess, q, done);
		return UI_REDRAW;
	}
	case ACT_UNDO:
		if ((s = queue_undo(st, h, c->w, c->sess.me.id, &t)) != QD_OK)
			return refuse(ui, c, s);
		ui_message(ui, UI_MSG_OK, _("Undone: %s is at this window again."), t.number);
		return UI_RELOAD;
	case ACT_LOCK:
		session_lock(ui, &c->sess);
		return UI_REDRAW;
	default:                    /* another screen's action, or no action */
		break;
	}
	if (!ev->fn && ev->ch > ' ')
		ui_message(ui, UI_MSG_INFO, _("That key does nothing here; %s shows the keys."),
		           key_of(ui, ACT_HELP, kb, sizeof kb));
	return UI_REDRAW;
}

static void console_destroy(void *self)
{
	struct console *c = self;
	/* leaving the console signs out (a window still serving keeps its session: finish first) */
	session_end(&c->sess);
	free(c->drafts);
	free(c->waiting);
	free(c);
}

static const struct screen screen_window = {
	.name = "window", .keymap = KEYMAP_WINDOW, .load = console_load, .draw = console_draw, .act = console_act,
	.tick = console_tick, .destroy = console_destroy, .keybar = console_keybar,
};

enum qd_status window_console_push(struct ui *ui, int w)
{
	const struct hall_window *hw = hall_window(ui_hall(ui), w);
	if (!hw)
		return QD_ERR_NO_WINDOW;
	struct console *c = calloc(1, sizeof *c);
	if (!c)
		return QD_ERR_NOMEM;
	c->st = ui_store(ui);
	c->h = ui_hall(ui);
	c->w = w;
	c->hw = hw;
	char heading[256];
	snprintf(heading, sizeof heading, _("Window %d · %s"), w, hw->name);
	session_init(&c->sess, heading, roles_mask(ACT_WINDOW), &window_session, c);
	ui_push(ui, &screen_window, c);
	session_login(ui, &c->sess);
	return QD_OK;
}
