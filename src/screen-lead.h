/* screen-lead.h - the shift lead's dashboard (`qdesk lead`). */
#ifndef QDESK_SCREEN_LEAD_H
#define QDESK_SCREEN_LEAD_H
#include "ui.h"

/* Push the dashboard and its login (leads and admins); arg is unused. */
enum qd_status lead_dashboard_push(struct ui *ui, int arg);

#endif
