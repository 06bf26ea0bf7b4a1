/* screen-login.h - the login and lock screens of the consoles: staff id and PIN, checked with
 * staff_login (lockout included) and the roles the console allows. */
#ifndef QDESK_SCREEN_LOGIN_H
#define QDESK_SCREEN_LOGIN_H
#include "ui.h"
#include "qdesk/staff.h"

/* Called once the PIN is right and the role allowed; the login screen is removed after the call.
 * Return a status: QD_OK, or a refusal (e.g. from signing in at the window) that keeps the screen
 * open and is shown on it. */
typedef enum qd_status login_done_fn(struct ui *ui, void *ctx, const struct staff *who);
/* F10 or Esc on the login screen (not on the lock screen): leave the console. */
typedef void login_quit_fn(struct ui *ui, void *ctx);

/* Push a login screen. heading (copied) says where ("Window 3 · 企业开办"). roles is the mask of
 * staff roles allowed. locked_by: NULL for a login; the signed-in staff id for the lock screen,
 * which asks that person's PIN (another clerk may switch to the id field and log in instead). */
void login_push(struct ui *ui, const char *heading, int roles, const char *locked_by,
                const char *locked_name, login_done_fn *done, login_quit_fn *quit, void *ctx);

#endif
