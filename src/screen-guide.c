/* screen-guide.c - owns the guide desk screen (`qdesk guide [DESK]`): the session at desk N
 * (session.c), the queues a guide reads out (waiting, windows open, longest wait, estimate), issuing
 * a ticket in two or three keys (type letter, optional priority group, Enter; optional ID number
 * and phone checked as typed), the new ticket in large figures with how many are ahead, its slip
 * printed apart (print.h) and reprinted, voiding, lookup, bringing a no-show back, and one-key
 * consultations and guided handlings. Domain calls only (guide_*, queue_*). */
#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include "screen-guide.h"
#include "session.h"
#include "widget-bignum.h"
#include "widget-form.h"
#include "widget-prompt.h"
#include "qdesk/clock.h"
#include "qdesk/fieldcheck.h"
#include "qdesk/guide.h"
#include "qdesk/i18n.h"
#include "qdesk/idcard.h"
#include "qdesk/print.h"
#include "qdesk/roles.h"
#include "qdesk/text.h"

/* The issue form's fields, in the order they are added. */
enum { F_GROUP, F_ID, F_PHONE };

struct guide {
	struct session sess;
	struct store *st;
	const struct hall *h;
	int desk;
	const struct hall_desk *hd;
	struct guide_queue *queues;
	size_t nqueues;
	enum qd_status load_error;
	int sel, top;               /* selected type (index into queues) and first row shown */
	char typed[3];              /* letters typed towards a two-letter prefix */
	const struct hall_type *issuing;   /* the type the open issue form is for */
	struct ticket last;         /* the last ticket issued here (last.id 0: none yet) */
	int have_last;
	char info[4][512];          /* the panel's lines under the number: lookup result, print state */
	struct print_job *pj;
	char void_number[32];       /* the number a void is asked for, between the two prompts */
	long long shown_minute;
};

static void today(char day[11])
{
	time_t now = clock_now();
	clock_day(now == (time_t)-1 ? time(NULL) : now, day);
}

static void info_set(struct guide *g, int line, const char *s)
{
	snprintf(g->info[line], sizeof g->info[line], "%s", s);
}

/* ---- session ------------------------------------------------------------------------------ */

static enum qd_status sess_sign_in(struct ui *ui, void *ctx, const struct staff *who)
{
	struct guide *g = ctx;
	enum qd_status s = guide_sign_in(ui_store(ui), ui_hall(ui), g->desk, who->id);
	if (s == QD_OK)
		ui_message(ui, UI_MSG_OK, _("%s signed in at guide desk %d."), who->name, g->desk);
	return s;
}

static enum qd_status sess_holder(struct ui *ui, void *ctx, char *holder, size_t len)
{
	struct guide *g = ctx;
	char who[32];
	enum qd_status s = guide_desk_staff(ui_store(ui), ui_hall(ui), g->desk, who);
	if (s == QD_OK)
		snprintf(holder, len, "%s", who);
	return s;
}

static enum qd_status sess_sign_out(struct ui *ui, void *ctx, const char *staff_id)
{
	(void)ui;
	struct guide *g = ctx;
	return guide_sign_out(g->st, g->h, g->desk, staff_id);
}

static void sess_taken(struct ui *ui, void *ctx, const char *holder, const struct staff *other)
{
	(void)ctx;
	if (other)
		ui_message(ui, UI_MSG_ERROR, _("Someone else signed in at this desk: %s (%s)."), other->name,
		           other->id);
	else if (holder[0])
		ui_message(ui, UI_MSG_ERROR, _("Someone else signed in at this desk: %s."), holder);
	else
		ui_message(ui, UI_MSG_ERROR, "%s", _("The session at this desk was closed elsewhere."));
}

static const struct session_hooks guide_session = {
	.sign_in = sess_sign_in, .holder = sess_holder, .sign_out = sess_sign_out, .taken = sess_taken,
};

/* ---- snapshot ----------------------------------------------------------------------------- */

static int guide_load(struct ui *ui, void *self)
{
	struct guide *g = self;
	free(g->queues);
	g->queues = NULL;
	g->nqueues = 0;
	g->load_error = guide_queues(ui_store(ui), ui_hall(ui), &g->queues, &g->nqueues);
	if (g->load_error == QD_OK)
		session_check(ui, &g->sess, NULL);
	if (g->sel >= (int)g->nqueues)
		g->sel = g->nqueues ? (int)g->nqueues - 1 : 0;
	return UI_REDRAW;
}

/* ---- drawing ------------------------------------------------------------------------------ */

/* Columns of the queue table: name, waiting, windows, longest, estimate. */
#define COL_NAME 18
#define COL_WAIT (3 + COL_NAME)
#define COL_WIN  (COL_WAIT + 5)
#define COL_LONG (COL_WIN + 5)
#define COL_EST  (COL_LONG + 9)
#define TABLE_W  (COL_EST + 12)

static void draw_queues(struct guide *g, int y, int x, int rows)
{
	char name[128], est[64], longest[32];
	ui_text(y, x, COL_WAIT, A_BOLD, _("Business type"));
	ui_text(y, x + COL_WAIT, 5, A_BOLD, _("Wait"));
	ui_text(y, x + COL_WIN, 5, A_BOLD, _("Win"));
	ui_text(y, x + COL_LONG, 9, A_BOLD, _("Longest"));
	ui_text(y, x + COL_EST, 12, A_BOLD, _("Estimate"));
	rows--;
	if (g->sel < g->top)
		g->top = g->sel;
	if (g->sel >= g->top + rows)
		g->top = g->sel - rows + 1;
	for (int r = 0; r < rows && g->top + r < (int)g->nqueues; r++) {
		const struct guide_queue *q = &g->queues[g->top + r];
		int at = g->sel == g->top + r && g->sess.signed_in ? A_REVERSE : 0;
		text_pad(q->type->name, COL_NAME, name, sizeof name);
		if (q->waiting)
			snprintf(longest, sizeof longest, _("%lld min"), q->longest / 60);
		else
			snprintf(longest, sizeof longest, "—");
		guide_estimate_text(&q->estimate, est, sizeof est);
		ui_pad(y + 1 + r, x, TABLE_W, at, "");
		ui_textf(y + 1 + r, x, 3, at | A_BOLD, "%s", q->type->prefix);
		ui_text(y + 1 + r, x + 3, COL_NAME, at, name);
		ui_textf(y + 1 + r, x + COL_WAIT, 5, at, "%4d", q->waiting);
		ui_textf(y + 1 + r, x + COL_WIN, 5, at, "%4d", q->windows);
		ui_textf(y + 1 + r, x + COL_LONG, 9, at | (q->past_target ? A_BOLD : 0), "%s%s", longest,
		         q->past_target ? "!" : "");
		ui_text(y + 1 + r, x + COL_EST, 12, at, est);
	}
}

/* Text s wrapped over lines of w columns from y, stopping before bottom; returns the next line. */
static int draw_wrapped(int y, int x, int w, int bottom, int attr, const char *s)
{
	char part[512];
	while (*s && y < bottom) {
		text_truncate(s, w - 1, part, sizeof part);
		size_t n = strlen(part);
		if (n == 0)
			break;
		char *space = s[n] ? strrchr(part, ' ') : NULL;
		if (space && space > part) {        /* break English between words */
			*space = '\0';
			n = (size_t)(space - part);
		}
		ui_text(y++, x, w, attr, part);
		s += n;
		while (*s == ' ')
			s++;
	}
	return y;
}

static void draw_last(struct guide *g, int y, int x, int w, int bottom)
{
	const struct hall *h = g->h;
	char line[256];
	if (!g->have_last) {
		ui_text(y, x, w, A_BOLD, _("Issue a ticket:"));
		y = draw_wrapped(y + 1, x, w, bottom, 0, _("type the letter of a business type (or ↑/↓ and "
		                                           "Enter), then a priority group with →; ID number "
		                                           "and phone are optional; Enter issues the ticket."));
	} else {
		const struct ticket *t = &g->last;
		const struct hall_type *ty = hall_type(h, t->type);
		const struct hall_group *gr = t->priority[0] ? hall_group(h, t->priority) : NULL;
		ui_text(y, x, w, A_BOLD, _("Last ticket issued"));
		if (bignum_width(t->number, 1) <= w && y + 1 + bignum_height(1) < bottom) {
			bignum_draw(y + 2, x, w, 1, A_REVERSE | ui_attr(UI_C_BIG), t->number);
			y += bignum_height(1) + 2;
		} else {
			ui_text(y + 1, x, w, A_BOLD, t->number);
			y += 2;
		}
		snprintf(line, sizeof line, "%s %s%s%s", t->number, ty ? ty->name : t->type, gr ? " · " : "",
		         gr ? gr->name : "");
		ui_text(y++, x, w, 0, line);
		if (strcmp(t->state, "voided") == 0)
			snprintf(line, sizeof line, "%s", _(queue_label(t->state)));
		else
			snprintf(line, sizeof line, _("%d ahead of it"), t->ahead);
		ui_text(y++, x, w, A_BOLD, line);
	}
	y++;
	for (int i = 0; i < 4; i++)
		y = draw_wrapped(y, x, w, bottom, i == 0 ? A_BOLD : 0, g->info[i]);
}

static void guide_draw(struct ui *ui, void *self)
{
	struct guide *g = self;
	const struct hall *h = g->h;
	char line[256], stamp[20];
	int body = ui_body_lines(ui);
	g->shown_minute = ui_now(ui) / 60;
	clock_stamp((time_t)ui_now(ui), stamp);
	stamp[16] = '\0';
	ui_pad(0, 0, COLS, A_REVERSE | ui_attr(UI_C_TITLE), "");
	ui_text(0, 0, COLS - 18, A_REVERSE | A_BOLD | ui_attr(UI_C_TITLE), h->name);
	ui_text(0, COLS - 17, 17, A_REVERSE | ui_attr(UI_C_TITLE), stamp);
	snprintf(line, sizeof line, _("Guide desk %d · %s"), g->desk, g->hd->name);
	ui_text(1, 0, COLS / 2, A_BOLD, line);
	if (g->sess.signed_in) {
		snprintf(line, sizeof line, _("Guide: %s (%s)"), g->sess.me.name, g->sess.me.id);
		int wd = text_width(line);
		ui_text(1, COLS - 1 - wd, wd, 0, line);
	}
	ui_hline(2, 0, COLS);
	if (g->load_error != QD_OK) {
		ui_text(4, 1, COLS - 2, A_BOLD, _(qd_status_text(g->load_error)));
		return;
	}
	int rw = COLS - TABLE_W - 3;
	draw_queues(g, 3, 1, body - 3);
	mvvline(3, TABLE_W + 1, ACS_VLINE, body - 3);
	draw_last(g, 3, TABLE_W + 3, rw, body);
}

static int guide_tick(struct ui *ui, void *self)
{
	struct guide *g = self;
	int flags = ui_now(ui) / 60 != g->shown_minute ? UI_REDRAW : UI_NONE;
	if (g->pj && print_poll(g->pj) != PRINT_RUNNING) {
		int ok = print_status(g->pj) == QD_OK;
		info_set(g, 1, print_reason(g->pj));
		if (ok)
			ui_message(ui, UI_MSG_OK, "%s", print_reason(g->pj));
		else
			ui_message(ui, UI_MSG_ERROR, _("%s — F3 prints it again, F4 voids it."), print_reason(g->pj));
		print_free(g->pj);
		g->pj = NULL;
		flags |= UI_REDRAW;
	}
	return flags;
}

static int guide_keybar(struct ui *ui, void *self)
{
	(void)ui;
	struct guide *g = self;
	return g->sess.signed_in;
}

/* ---- printing ----------------------------------------------------------------------------- */

static void print_ticket(struct ui *ui, struct guide *g, const struct ticket *t)
{
	print_free(g->pj);
	g->pj = NULL;
	enum qd_status s = print_start(g->h, t, &g->pj);
	if (s != QD_OK) {
		const char *why = g->pj ? print_reason(g->pj) : _(qd_status_text(s));
		info_set(g, 1, why);
		ui_message(ui, UI_MSG_ERROR, "%s", why);
		print_free(g->pj);
		g->pj = NULL;
		return;
	}
	info_set(g, 1, print_reason(g->pj));
}

/* ---- issuing ------------------------------------------------------------------------------ */

/* An ID number of an elderly person typed in full sets the elderly group (if none is chosen). */
static void issue_changed(struct form *f, int field, void *ctx)
{
	struct guide *g = ctx;
	const struct hall_group *eg = hall_elderly_group(g->h);
	char id[32], day[11];
	if (field != F_ID || !eg)
		return;
	form_get_text(f, F_ID, id, sizeof id);
	today(day);
	if (idcard_valid(id, day) && idcard_age(id, day) >= eg->min_age && form_get_choice(f, F_GROUP) <= 0)
		form_set_choice(f, F_GROUP, form_option_by_id(f, F_GROUP, eg->id));
}

static int issue_submit(struct ui *ui, struct form *f, void *ctx)
{
	struct guide *g = ctx;
	char id[32], phone[32], detail[256];
	form_get_text(f, F_ID, id, sizeof id);
	form_get_text(f, F_PHONE, phone, sizeof phone);
	const char *group = form_choice_id(f, F_GROUP);
	struct issue_input in = { .type = g->issuing->prefix, .priority = group && *group ? group : NULL,
	                          .id_number = id, .phone = phone, .staff = g->sess.me.id };
	struct ticket t;
	enum qd_status s = queue_issue(g->st, g->h, &in, &t);
	if (s == QD_ERR_IDCARD || s == QD_ERR_PHONE) {
		form_error(f, s == QD_ERR_IDCARD ? F_ID : F_PHONE, _(qd_status_text(s)));
		return 0;
	}
	if (s != QD_OK) {
		/* the limit and its time in the panel too: the status line may be too short for both */
		guide_refusal_detail(g->h, g->issuing->prefix, s, detail, sizeof detail);
		memset(g->info, 0, sizeof g->info);
		info_set(g, 0, detail);
		info_set(g, 1, _(qd_status_text(s)));
		session_refuse(ui, &g->sess, s);
		ui_status(ui, s, detail[0] ? detail : NULL);
		return 1;
	}
	g->last = t;
	g->have_last = 1;
	memset(g->info, 0, sizeof g->info);
	ui_message(ui, UI_MSG_OK, _("%s issued: %d ahead of it."), t.number, t.ahead);
	if (print_configured(g->h) && g->h->printer.auto_print)
		print_ticket(ui, g, &t);
	ui_reload(ui);
	return 1;
}

static void issue_cancel(struct ui *ui, void *ctx)
{
	(void)ui;
	(void)ctx;
}

static void issue_open(struct ui *ui, struct guide *g, const struct hall_type *ty)
{
	const struct hall *h = g->h;
	char title[256];
	g->issuing = ty;
	snprintf(title, sizeof title, _("Issue a ticket · %s %s"), ty->prefix, ty->name);
	struct form *f = form_new(title, issue_submit, issue_cancel, g);
	int i = form_add_choice(f, _("Priority group"), 0);
	form_add_option(f, i, "", _("none"));
	for (size_t k = 0; k < h->ngroups; k++)
		form_add_option(f, i, h->groups[k].id, h->groups[k].name);
	form_add_text(f, _("ID number"), 18, fieldcheck_id_field, fieldcheck_mask_id);
	form_add_text(f, _("Mobile"), 11, fieldcheck_phone_field, text_mask_phone);
	form_on_change(f, issue_changed);
	form_push(ui, f);
}

/* A letter typed at the queue table: choose the type whose prefix it completes and open the issue
 * form; 1 if the letter was taken. */
static int type_letter(struct ui *ui, struct guide *g, int ch)
{
	char up = (char)(ch >= 'a' && ch <= 'z' ? ch - 'a' + 'A' : ch);
	size_t n = strlen(g->typed);
	char want[3] = { 0 };
	if (n >= 2)
		n = 0;
	memcpy(want, g->typed, n);
	want[n] = up;
	int partial = 0;
	for (size_t i = 0; i < g->nqueues; i++) {
		const char *p = g->queues[i].type->prefix;
		if (strcmp(p, want) == 0) {
			g->sel = (int)i;
			g->typed[0] = '\0';
			issue_open(ui, g, g->queues[i].type);
			return 1;
		}
		if (strncmp(p, want, n + 1) == 0)
			partial = 1;
	}
	if (partial) {
		memcpy(g->typed, want, sizeof want);
		ui_message(ui, UI_MSG_INFO, _("%s… (the second letter of the type)"), want);
		return 1;
	}
	g->typed[0] = '\0';
	return 0;
}

/* ---- number prompts: reprint, void, lookup, return ------------------------------------------ */

/* Look the typed number up into *l: 1 if found, else 0 after saying why on the status line. */
static int lookup_answer(struct ui *ui, struct guide *g, const char *answer, int waiting,
                         struct guide_lookup *l)
{
	enum qd_status s = guide_lookup(g->st, g->h, answer, l);
	if (s == QD_OK && waiting && strcmp(l->ticket.state, "waiting") != 0)
		s = QD_ERR_NOT_WAITING;
	if (s == QD_OK)
		return 1;
	ui_status(ui, s, answer);
	return 0;
}

static int lookup_done(struct ui *ui, void *ctx, const char *answer)
{
	struct guide *g = ctx;
	struct guide_lookup l;
	char line[512];
	if (!answer)
		return 1;
	if (!lookup_answer(ui, g, answer, 0, &l))
		return 0;
	guide_lookup_text(g->h, &l, line, sizeof line);
	memset(g->info, 0, sizeof g->info);
	info_set(g, 0, _("Looked up:"));
	info_set(g, 1, line);
	ui_message(ui, UI_MSG_INFO, "%s", line);
	return 1;
}

static int reprint_done(struct ui *ui, void *ctx, const char *answer)
{
	struct guide *g = ctx;
	struct guide_lookup l;
	if (!answer)
		return 1;
	if (!lookup_answer(ui, g, answer, 0, &l))
		return 0;
	if (strcmp(l.ticket.state, "voided") == 0) {
		ui_status(ui, QD_ERR_NOT_WAITING, l.ticket.number);
		return 0;
	}
	print_ticket(ui, g, &l.ticket);
	return 1;
}

static int void_reason_done(struct ui *ui, void *ctx, const char *answer)
{
	struct guide *g = ctx;
	struct ticket t;
	if (!answer)
		return 1;
	enum qd_status s = guide_void(g->st, g->h, g->desk, g->void_number, answer, g->sess.me.id, &t);
	if (s == QD_ERR_REASON || s == QD_ERR_INVALID || s == QD_ERR_TOO_LONG) {
		ui_status(ui, s, NULL);
		return 0;
	}
	if (s != QD_OK) {
		session_refuse(ui, &g->sess, s);
		ui_status(ui, s, g->void_number);
		return 1;
	}
	if (g->have_last && g->last.id == t.id)
		g->last = t;
	ui_message(ui, UI_MSG_OK, _("%s is voided (%s)."), t.number, answer);
	ui_reload(ui);
	return 1;
}

static int void_number_done(struct ui *ui, void *ctx, const char *answer)
{
	struct guide *g = ctx;
	struct guide_lookup l;
	char q[128];
	if (!answer)
		return 1;
	if (!lookup_answer(ui, g, answer, 1, &l))
		return 0;
	snprintf(g->void_number, sizeof g->void_number, "%s", l.ticket.number);
	snprintf(q, sizeof q, _("Why is %s voided?"), l.ticket.number);
	prompt_push(ui, _("Void a ticket"), q, GUIDE_TEXT_MAX, NULL, PROMPT_KEEP, void_reason_done, g);
	return 1;
}

static int requeue_done(struct ui *ui, void *ctx, const char *answer)
{
	struct guide *g = ctx;
	struct ticket t;
	if (!answer)
		return 1;
	enum qd_status s = queue_requeue(g->st, g->h, answer, g->sess.me.id, &t);
	if (s == QD_ERR_NOT_FOUND || s == QD_ERR_NOT_NOSHOW || s == QD_ERR_OTHER_DAY) {
		ui_status(ui, s, answer);
		return 0;
	}
	if (s != QD_OK) {
		session_refuse(ui, &g->sess, s);
		ui_status(ui, s, answer);
		return 1;
	}
	ui_message(ui, UI_MSG_OK, _("%s is back in the queue: %d ahead of it."), t.number, t.ahead);
	ui_reload(ui);
	return 1;
}

static void ask_number(struct ui *ui, struct guide *g, const char *title, prompt_done_fn *done)
{
	prompt_push(ui, title, _("Ticket number:"), 15, g->have_last ? g->last.number : NULL,
	            PROMPT_ASCII, done, g);
}

/* ---- keys --------------------------------------------------------------------------------- */

static int log_service(struct ui *ui, struct guide *g, enum guide_service kind)
{
	long long id;
	enum qd_status s = guide_log(g->st, g->h, g->desk, g->sess.me.id, kind, NULL, &id);
	if (s != QD_OK)
		return session_refuse(ui, &g->sess, s);
	ui_message(ui, UI_MSG_OK, "%s", kind == GUIDE_CONSULT ? _("Consultation logged.")
	                                                     : _("Guided handling logged."));
	return UI_REDRAW;
}

static int guide_act(struct ui *ui, void *self, const struct ui_event *ev)
{
	struct guide *g = self;
	if (!g->sess.signed_in)
		return UI_NONE;
	/* letters choose business types here, before any action bound to a letter */
	if (!ev->fn && ev->ch < 128 && ((ev->ch >= 'a' && ev->ch <= 'z') || (ev->ch >= 'A' && ev->ch <= 'Z'))
	    && g->load_error == QD_OK && type_letter(ui, g, (int)ev->ch))
		return UI_REDRAW;
	if (ev->fn && (ev->code == KEY_UP || ev->code == KEY_DOWN)) {
		g->sel += ev->code == KEY_UP ? -1 : 1;
		if (g->sel < 0)
			g->sel = 0;
		if (g->sel >= (int)g->nqueues)
			g->sel = (int)g->nqueues - 1;
		return UI_REDRAW;
	}
	if (!ev->fn && ev->code == '\n' && ev->act == ACT_COUNT && g->sel < (int)g->nqueues) {
		issue_open(ui, g, g->queues[g->sel].type);
		return UI_REDRAW;
	}
	switch (ev->act) {
	case ACT_HELP:
		ui_help(ui);
		return UI_REDRAW;
	case ACT_GUIDE_ISSUE:
		if (g->sel < (int)g->nqueues)
			issue_open(ui, g, g->queues[g->sel].type);
		return UI_REDRAW;
	case ACT_GUIDE_REPRINT:
		ask_number(ui, g, _("Print a slip again"), reprint_done);
		return UI_REDRAW;
	case ACT_GUIDE_VOID:
		ask_number(ui, g, _("Void a ticket"), void_number_done);
		return UI_REDRAW;
	case ACT_GUIDE_LOOKUP:
		prompt_push(ui, _("Look a ticket up"), _("Ticket number:"), 15, NULL, PROMPT_ASCII, lookup_done, g);
		return UI_REDRAW;
	case ACT_GUIDE_REQUEUE:
		prompt_push(ui, _("Back into the queue (no-show)"), _("Ticket number:"), 15, NULL, PROMPT_ASCII,
		            requeue_done, g);
		return UI_REDRAW;
	case ACT_GUIDE_CONSULT:
		return log_service(ui, g, GUIDE_CONSULT);
	case ACT_GUIDE_GUIDED:
		return log_service(ui, g, GUIDE_GUIDED);
	case ACT_LOGOUT:
		session_ask_logout(ui, &g->sess, _("Log out of this desk?"), _("Logged out."));
		return UI_REDRAW;
	case ACT_LOCK:
		session_lock(ui, &g->sess);
		return UI_REDRAW;
	default:                    /* another screen's action, or no action */
		break;
	}
	return UI_NONE;
}

static void guide_destroy(void *self)
{
	struct guide *g = self;
	session_end(&g->sess);
	print_free(g->pj);
	free(g->queues);
	free(g);
}

static const struct screen screen_guide = {
	.name = "guide", .keymap = KEYMAP_GUIDE, .load = guide_load, .draw = guide_draw, .act = guide_act,
	.tick = guide_tick, .destroy = guide_destroy, .keybar = guide_keybar,
};

enum qd_status guide_check(const struct hall *h, int desk)
{
	if (h->ndesks == 0)
		return QD_ERR_NO_DESK;
	return desk == 0 || hall_desk(h, desk) ? QD_OK : QD_ERR_NO_DESK;
}

enum qd_status guide_desk_push(struct ui *ui, int desk)
{
	const struct hall *h = ui_hall(ui);
	if (guide_check(h, desk) != QD_OK)
		return QD_ERR_NO_DESK;
	const struct hall_desk *hd = desk ? hall_desk(h, desk) : &h->desks[0];
	struct guide *g = calloc(1, sizeof *g);
	if (!g)
		return QD_ERR_NOMEM;
	g->st = ui_store(ui);
	g->h = h;
	g->desk = hd->number;
	g->hd = hd;
	char heading[256];
	snprintf(heading, sizeof heading, _("Guide desk %d · %s"), hd->number, hd->name);
	session_init(&g->sess, heading, roles_mask(ACT_DESK), &guide_session, g);
	ui_push(ui, &screen_guide, g);
	session_login(ui, &g->sess);
	return QD_OK;
}
