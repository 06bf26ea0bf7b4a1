/* wait.h - how long a ticket has waited and the hall's rule for a wait past its target: one rule
 * for the window console, the hall board, the guide desk, the lead's dashboard and the reports. */
#ifndef QDESK_WAIT_H
#define QDESK_WAIT_H
#include "qdesk/config.h"
#include "qdesk/queue.h"

/* Minutes t has waited at now (Unix seconds): from issue to now while it waits, to its call once
 * called or ended after a call. Never negative. */
long long wait_minutes(const struct ticket *t, long long now);
/* The target wait (minutes) of the queue t waits in (queue_type, else type): that business type's
 * target_wait; 0 = no target (also for a type the hall no longer has). */
int wait_target(const struct hall *h, const struct ticket *t);
/* 1 if t has waited at least its queue's target at now (never without a target), else 0. */
int wait_late(const struct hall *h, const struct ticket *t, long long now);

#endif
