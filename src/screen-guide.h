/* screen-guide.h - the guide desk screen (`qdesk guide [DESK]`): login at a desk, the queues with
 * their estimated waits, issuing, printing, voiding, lookup, returning no-shows, consultations. */
#ifndef QDESK_SCREEN_GUIDE_H
#define QDESK_SCREEN_GUIDE_H
#include "ui.h"

/* Before curses: QD_ERR_NO_DESK if the hall has no desks, or desk (0 = the first) is not one. */
enum qd_status guide_check(const struct hall *h, int desk);
/* Push the screen of desk number desk (0 = the hall's first desk) and its login screen. The ui
 * owns it afterwards; when it is popped an open session at the desk is signed out. */
enum qd_status guide_desk_push(struct ui *ui, int desk);

#endif
