/* session.h - one console session for every staff screen (window console, guide desk, lead's
 * dashboard): the login screen, the roles allowed, lock (key and idle timer), unlock, another
 * person signing in at the same place (AB post), noticing a takeover from elsewhere, log out with a
 * question, and signing out when the screen goes. The screen embeds a struct session in its state
 * and says through hooks what "signed in at my place" means for it. */
#ifndef QDESK_SESSION_H
#define QDESK_SESSION_H
#include <stddef.h>
#include "ui.h"
#include "qdesk/staff.h"

struct session_hooks {
	/* Sign who in at this place (queue_sign_in for a window). QD_OK, or a refusal shown on the
	 * login screen, which stays. Post a welcome with ui_message if you like. Required. */
	enum qd_status (*sign_in)(struct ui *ui, void *ctx, const struct staff *who);
	/* Who is signed in at this place now: the staff id into holder ("" nobody). QD_OK, or an
	 * error (the store failed: nothing is decided). Required. */
	enum qd_status (*holder)(struct ui *ui, void *ctx, char *holder, size_t len);
	/* Sign staff_id out of this place. ui is NULL when the screen is being destroyed (the
	 * program ends): use only ctx then. Required. */
	enum qd_status (*sign_out)(struct ui *ui, void *ctx, const char *staff_id);
	/* The session ends without this screen asking (taken over, closed elsewhere, another person
	 * unlocked): keep typed work now; the dialogs above the screen are still on the stack and are
	 * removed right after. Optional. */
	void (*lost)(struct ui *ui, void *ctx);
	/* Say on the status line that the session ended elsewhere: holder is who holds the place now
	 * ("" nobody: closed elsewhere), other their account (NULL if unknown). Optional: NULL posts
	 * "Someone else signed in here: NAME (ID)." */
	void (*taken)(struct ui *ui, void *ctx, const char *holder, const struct staff *other);
};

struct session {
	struct staff me;            /* who is signed in (valid while signed_in) */
	int signed_in, locked;
	/* set by session_init; the rest is private */
	char heading[256];
	int roles;
	const struct session_hooks *hooks;
	void *ctx;                  /* the screen's state, passed to the hooks */
	void *screen;               /* the screen's entry on the ui stack (its self) */
};

/* Set up s for the screen whose state (on the ui stack) and hook context is ctx. heading (copied)
 * says where ("Window 3 · 企业开办"); roles is a mask of enum staff_role allowed to sign in. */
void session_init(struct session *s, const char *heading, int roles, const struct session_hooks *hooks,
                  void *ctx);
/* Push the login screen over the screen (after ui_push of the screen). F10/Esc there quits. */
void session_login(struct ui *ui, struct session *s);
/* Lock now (the lock key): the lock screen asks the signed-in person's PIN; another person may
 * sign in there instead (sign_in hook: a takeover at the same place). No-op unless signed in. */
void session_lock(struct ui *ui, struct session *s);
/* Ask question (a yes/no dialog); yes signs out, returns to the login screen and posts done_msg.
 * Both strings are copied. */
void session_ask_logout(struct ui *ui, struct session *s, const char *question, const char *done_msg);
/* Call from the screen's load hook with the holder the snapshot shows (NULL: ask the holder
 * hook). If someone else holds the place now, the session ends (lost hook, back to the login
 * screen, the takeover message). Returns 1 if the session ended. */
int session_check(struct ui *ui, struct session *s, const char *holder);
/* Show refusal st on the status line (and reload); if st is QD_ERR_TOOK_OVER the session ends as
 * in session_check. Returns UI_RELOAD, for an act hook to return. */
int session_refuse(struct ui *ui, struct session *s, enum qd_status st);
/* From the screen's destroy hook: sign out if signed in (sign_out hook with ui NULL). */
void session_end(struct session *s);

#endif
