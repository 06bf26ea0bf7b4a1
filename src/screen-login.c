/* screen-login.c - owns the login and lock screens: two fields (staff id, PIN shown as stars),
 * the PIN check through staff_login (wrong PINs counted, lockout), the role check, and a screen
 * that covers everything below it so nothing personal shows while the console is locked. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include "screen-login.h"
#include "widget-edit.h"
#include "qdesk/clock.h"
#include "qdesk/i18n.h"
#include "qdesk/text.h"

struct login {
	char heading[256];
	char locked_by[32], locked_name[64];
	int roles;
	struct edit id, pin;
	int focus;                  /* 0 id, 1 PIN */
	char msg[256];
	char tried_id[128];         /* an unknown id typed here, and its wrong tries (so the message */
	int tried;                  /* counts down as for a real account: ids cannot be probed) */
	login_done_fn *done;
	login_quit_fn *quit;
	void *ctx;
};

static void login_draw(struct ui *ui, void *self)
{
	struct login *l = self;
	const struct hall *h = ui_hall(ui);
	int body = ui_body_lines(ui);
	ui_fill(0, 0, body, COLS);
	int w = 66, x = (COLS - w) / 2, y = body / 2 - 7;
	if (y < 0)
		y = 0;
	ui_center(y, 0, COLS - 1, A_BOLD | ui_attr(UI_C_TITLE), h && h->name ? h->name : "qdesk");
	ui_center(y + 1, 0, COLS - 1, 0, l->heading);
	ui_box(y + 3, x, 9, w, l->locked_by[0] ? _("Locked") : _("Log in"));
	if (l->locked_by[0]) {
		char who[160];
		snprintf(who, sizeof who, _("Signed in: %s (%s). Enter the PIN to unlock."),
		         l->locked_name, l->locked_by);
		ui_text(y + 4, x + 2, w - 4, 0, who);
	} else {
		ui_text(y + 4, x + 2, w - 4, 0, _("Enter your staff id and PIN."));
	}
	const char *lid = _("Staff id"), *lpin = _("PIN");
	int lw = text_width(lid) > text_width(lpin) ? text_width(lid) : text_width(lpin);
	char lab[64];
	text_pad(lid, lw, lab, sizeof lab);
	ui_text(y + 6, x + 2, lw, l->focus == 0 ? A_BOLD : 0, lab);
	text_pad(lpin, lw, lab, sizeof lab);
	ui_text(y + 7, x + 2, lw, l->focus == 1 ? A_BOLD : 0, lab);
	int fx = x + 2 + lw + 2, fw = 20;
	/* draw the unfocused field first so the cursor lands in the focused one */
	edit_draw(ui, &l->id, y + 6, fx, fw, A_UNDERLINE, 0);
	edit_draw(ui, &l->pin, y + 7, fx, fw, A_UNDERLINE, 0);
	edit_draw(ui, l->focus == 0 ? &l->id : &l->pin, l->focus == 0 ? y + 6 : y + 7, fx, fw,
	          A_UNDERLINE, 1);
	if (l->msg[0])
		ui_text(y + 9, x + 2, w - 4, A_BOLD | ui_attr(UI_C_ERROR), l->msg);
	ui_text(y + 10, x + 2, w - 4, 0, l->locked_by[0]
	        ? _("Enter unlocks · Tab: another clerk logs in")
	        : _("Enter: next field / log in · Tab: switch field · F10: quit"));
}

/* 1 if logged in (the screen is gone). */
static int try_login(struct ui *ui, struct login *l)
{
	char id[128], pin[64];
	edit_get(&l->id, id, sizeof id);
	edit_get(&l->pin, pin, sizeof pin);
	struct staff who;
	enum qd_status s = id[0] ? staff_login(ui_store(ui), ui_hall(ui), id, pin, &who) : QD_ERR_NO_STAFF;
	if (s == QD_OK && !(who.role & l->roles))
		s = QD_ERR_ROLE;
	if (s == QD_OK)
		s = l->done(ui, l->ctx, &who);
	if (s == QD_OK) {
		ui_remove(ui, l);
		return 1;
	}
	/* a wrong PIN and an unknown id read the same, so ids cannot be probed */
	int failures = -1, max = ui_hall(ui)->security.max_failures;
	struct staff locked;
	if (s == QD_ERR_NO_STAFF) {
		s = QD_ERR_PIN;
		if (strcmp(l->tried_id, id) != 0) {
			snprintf(l->tried_id, sizeof l->tried_id, "%s", id);
			l->tried = 0;
		}
		failures = ++l->tried;
	} else if (s == QD_ERR_PIN && staff_get(ui_store(ui), id, &locked) == QD_OK) {
		failures = locked.failures;
	}
	if (s == QD_ERR_PIN && failures >= 0 && failures < max) {
		snprintf(l->msg, sizeof l->msg, ngettext("%s: %d more wrong PIN locks the account for %d minutes.",
		                                         "%s: %d more wrong PINs lock the account for %d minutes.",
		                                         (unsigned long)(max - failures)),
		         _(qd_status_text(QD_ERR_PIN)), max - failures, ui_hall(ui)->security.lockout_minutes);
	} else if (s == QD_ERR_LOCKED && staff_get(ui_store(ui), id, &locked) == QD_OK && locked.locked_until > 0) {
		char until[6];
		clock_hhmm((time_t)locked.locked_until, until);
		snprintf(l->msg, sizeof l->msg, _("Too many wrong PINs: the account is locked until %s."), until);
	} else if (s == QD_ERR_ROLE) {
		/* name the role, so the person knows this screen is not theirs */
		const char *role = who.role == ROLE_GUIDE ? _("a lobby guide") : who.role == ROLE_CLERK
		                   ? _("a window clerk") : who.role == ROLE_LEAD ? _("a shift lead")
		                   : _("an administrator");
		snprintf(l->msg, sizeof l->msg, _("This screen is not for %s: %s (%s)."), role, who.name, who.id);
	} else {
		snprintf(l->msg, sizeof l->msg, "%s", _(qd_status_text(s)));
	}
	edit_set(&l->pin, "");
	l->focus = id[0] ? 1 : 0;
	return 0;
}

static int login_act(struct ui *ui, void *self, const struct ui_event *ev)
{
	struct login *l = self;
	struct edit *e = l->focus == 0 ? &l->id : &l->pin;
	if (!l->locked_by[0] && ((ev->fn && ev->code == KEY_F(10)) || (!ev->fn && ev->ch == 27))) {
		l->quit(ui, l->ctx);
		return UI_REDRAW;
	}
	if ((!ev->fn && ev->ch == '\t') || (ev->fn && (ev->code == KEY_BTAB || ev->code == KEY_UP
	                                               || ev->code == KEY_DOWN))) {
		l->focus ^= 1;
		return UI_REDRAW;
	}
	if (!ev->fn && ev->ch == '\n') {
		/* an empty field is never checked: Enter to wake the screen must not count as a wrong PIN */
		if (l->id.len == 0) {
			l->focus = 0;
			snprintf(l->msg, sizeof l->msg, "%s", _("Type your staff id first."));
		} else if (l->pin.len == 0) {
			if (l->focus == 1)
				snprintf(l->msg, sizeof l->msg, "%s", _("Type your PIN, then Enter."));
			l->focus = 1;
		} else if (try_login(ui, l)) {
			return UI_RELOAD;
		}
		return UI_REDRAW;
	}
	if (l->focus == 1 && !ev->fn && ev->ch >= ' ' && ev->ch != 127
	    && (edit_fold((wchar_t)ev->ch) < '0' || edit_fold((wchar_t)ev->ch) > '9')) {
		snprintf(l->msg, sizeof l->msg, "%s", _("a PIN is 4 to 12 digits"));
		return UI_REDRAW;
	}
	if (edit_key(e, ev))
		l->msg[0] = '\0';
	return UI_REDRAW;
}

static void login_destroy(void *self)
{
	free(self);
}

static const struct screen screen_login = {
	.name = "login", .draw = login_draw, .act = login_act, .destroy = login_destroy,
};

void login_push(struct ui *ui, const char *heading, int roles, const char *locked_by,
                const char *locked_name, login_done_fn *done, login_quit_fn *quit, void *ctx)
{
	struct login *l = calloc(1, sizeof *l);
	if (!l)
		return;
	snprintf(l->heading, sizeof l->heading, "%s", heading ? heading : "");
	snprintf(l->locked_by, sizeof l->locked_by, "%s", locked_by ? locked_by : "");
	snprintf(l->locked_name, sizeof l->locked_name, "%s", locked_name ? locked_name : "");
	l->roles = roles;
	edit_init(&l->id, 31);
	edit_init(&l->pin, 12);
	l->pin.secret = 1;
	l->pin.fold = 1;            /* full-width digits from a Chinese input method */
	l->id.fold = 1;
	if (locked_by) {
		edit_set(&l->id, locked_by);
		l->focus = 1;
	}
	l->done = done;
	l->quit = quit;
	l->ctx = ctx;
	ui_push(ui, &screen_login, l);
}
