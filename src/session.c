/* session.c - owns the console session shared by the staff screens: login through the login
 * screen, the idle lock, the lock screen and unlock, a takeover at the same place (AB post) or from
 * elsewhere, log out. What "signed in at my place" means is the screen's, through session_hooks. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "screen-login.h"
#include "session.h"
#include "widget-prompt.h"
#include "qdesk/i18n.h"

static void idle_lock(struct ui *ui, void *ctx);

void session_init(struct session *s, const char *heading, int roles, const struct session_hooks *hooks,
                  void *ctx)
{
	memset(s, 0, sizeof *s);
	snprintf(s->heading, sizeof s->heading, "%s", heading ? heading : "");
	s->roles = roles;
	s->hooks = hooks;
	s->ctx = ctx;
	s->screen = ctx;
}

static void idle_start(struct ui *ui, struct session *s)
{
	ui_set_idle(ui, ui_hall(ui)->security.lock_seconds, idle_lock, s);
}

static enum qd_status login_done(struct ui *ui, void *ctx, const struct staff *who)
{
	struct session *s = ctx;
	enum qd_status st = s->hooks->sign_in(ui, s->ctx, who);
	if (st != QD_OK)
		return st;
	s->me = *who;
	s->signed_in = 1;
	s->locked = 0;
	idle_start(ui, s);
	ui_reload(ui);
	return QD_OK;
}

static void login_quit(struct ui *ui, void *ctx)
{
	(void)ctx;
	ui_quit(ui);
}

/* Back to the login screen: everything above the screen goes (the lock screen too: its PIN must
 * not take the place back). */
static void signed_out_screen(struct ui *ui, struct session *s)
{
	ui_remove_between(ui, s->screen, NULL);
	ui_set_idle(ui, 0, NULL, NULL);
	s->locked = 0;
	login_push(ui, s->heading, s->roles, NULL, NULL, login_done, login_quit, s);
}

void session_login(struct ui *ui, struct session *s)
{
	login_push(ui, s->heading, s->roles, NULL, NULL, login_done, login_quit, s);
}

/* The session ended without the screen asking: keep typed work, then the login screen. */
static void session_lost(struct ui *ui, struct session *s)
{
	if (s->hooks->lost)
		s->hooks->lost(ui, s->ctx);
	s->signed_in = 0;
	signed_out_screen(ui, s);
}

static enum qd_status unlock_done(struct ui *ui, void *ctx, const struct staff *who)
{
	struct session *s = ctx;
	if (strcmp(who->id, s->me.id) == 0) {
		/* still this person's place? (taken over since the last reload: never take it back) */
		char holder[64] = "";
		enum qd_status st = s->hooks->holder(ui, s->ctx, holder, sizeof holder);
		if (st == QD_OK && (!s->signed_in || strcmp(holder, s->me.id) != 0))
			st = QD_ERR_TOOK_OVER;
		if (st != QD_OK) {
			ui_reload(ui);      /* the reload sends the screen to its login screen */
			return st;
		}
		s->locked = 0;
		idle_start(ui, s);
		ui_clear_message(ui);
		return QD_OK;
	}
	/* another person takes the place over (AB post): what the first one left open goes */
	enum qd_status st = s->hooks->sign_in(ui, s->ctx, who);
	if (st != QD_OK)
		return st;
	if (s->hooks->lost)
		s->hooks->lost(ui, s->ctx);
	s->me = *who;
	s->signed_in = 1;
	s->locked = 0;
	idle_start(ui, s);
	ui_reload(ui);
	ui_remove_between(ui, s->screen, ui_top(ui));
	return QD_OK;
}

void session_lock(struct ui *ui, struct session *s)
{
	if (!s->signed_in || s->locked)
		return;
	s->locked = 1;
	login_push(ui, s->heading, s->roles, s->me.id, s->me.name, unlock_done, login_quit, s);
}

static void idle_lock(struct ui *ui, void *ctx)
{
	session_lock(ui, ctx);
}

struct logout_ask {
	struct session *s;
	char done_msg[256];
};

static void logout_answer(struct ui *ui, void *ctx, int yes)
{
	struct logout_ask *q = ctx;
	struct session *s = q->s;
	char msg[256];
	snprintf(msg, sizeof msg, "%s", q->done_msg);
	free(q);
	if (!yes)
		return;
	enum qd_status st = s->hooks->sign_out(ui, s->ctx, s->me.id);
	if (st != QD_OK && st != QD_ERR_TOOK_OVER) {
		ui_status(ui, st, NULL);
		return;
	}
	s->signed_in = 0;
	signed_out_screen(ui, s);
	ui_reload(ui);
	ui_message(ui, UI_MSG_OK, "%s", msg);
}

void session_ask_logout(struct ui *ui, struct session *s, const char *question, const char *done_msg)
{
	struct logout_ask *q = calloc(1, sizeof *q);
	if (!q) {
		ui_status(ui, QD_ERR_NOMEM, NULL);
		return;
	}
	q->s = s;
	snprintf(q->done_msg, sizeof q->done_msg, "%s", done_msg ? done_msg : "");
	confirm_push(ui, question, 0, logout_answer, q);
}

int session_check(struct ui *ui, struct session *s, const char *holder)
{
	char now[64] = "";
	if (!s->signed_in)
		return 0;
	if (!holder) {
		if (s->hooks->holder(ui, s->ctx, now, sizeof now) != QD_OK)
			return 0;
		holder = now;
	}
	if (strcmp(holder, s->me.id) == 0)
		return 0;
	/* somebody else signed in here, or a lead closed the session from elsewhere */
	char who[64];
	snprintf(who, sizeof who, "%s", holder);
	session_lost(ui, s);
	struct staff other;
	int known = who[0] && staff_get(ui_store(ui), who, &other) == QD_OK;
	if (s->hooks->taken)
		s->hooks->taken(ui, s->ctx, who, known ? &other : NULL);
	else if (known)
		ui_message(ui, UI_MSG_ERROR, _("Someone else signed in here: %s (%s)."), other.name, other.id);
	else if (who[0])
		ui_message(ui, UI_MSG_ERROR, _("Someone else signed in here: %s."), who);
	else
		ui_message(ui, UI_MSG_ERROR, "%s", _("The session here was closed elsewhere."));
	return 1;
}

int session_refuse(struct ui *ui, struct session *s, enum qd_status st)
{
	ui_reload(ui);
	ui_status(ui, st, NULL);
	if (st == QD_ERR_TOOK_OVER && s->signed_in) {
		session_lost(ui, s);
		ui_status(ui, st, NULL);
	}
	return UI_RELOAD;
}

void session_end(struct session *s)
{
	if (s->signed_in)
		s->hooks->sign_out(NULL, s->ctx, s->me.id);
	s->signed_in = 0;
}
