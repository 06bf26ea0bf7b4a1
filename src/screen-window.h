/* screen-window.h - the window clerk console (`qdesk window N`): login, the at-a-glance screen of
 * window N, every calling action, the case form and the evaluation. */
#ifndef QDESK_SCREEN_WINDOW_H
#define QDESK_SCREEN_WINDOW_H
#include "ui.h"

/* Push the console of window number w (which must exist in the hall) and its login screen.
 * Returns QD_OK, or QD_ERR_NO_WINDOW / QD_ERR_NOMEM. The ui owns the console afterwards; when the
 * console is popped (quit) an open session is signed out. */
enum qd_status window_console_push(struct ui *ui, int w);

#endif
