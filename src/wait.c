/* wait.c - owns the rule "this wait is past its target" (business type target_wait, minutes) and
 * the minutes a ticket has waited; every screen and report asks here. */
#include <string.h>
#include "qdesk/wait.h"

long long wait_minutes(const struct ticket *t, long long now)
{
	long long end = strcmp(t->state, "waiting") != 0 && t->called_at ? t->called_at : now;
	long long secs = end - t->issued_at;
	return secs > 0 ? secs / 60 : 0;
}

int wait_target(const struct hall *h, const struct ticket *t)
{
	const struct hall_type *ty = hall_type(h, t->queue_type[0] ? t->queue_type : t->type);
	return ty && ty->target_wait > 0 ? ty->target_wait : 0;
}

int wait_late(const struct hall *h, const struct ticket *t, long long now)
{
	int target = wait_target(h, t);
	return target > 0 && wait_minutes(t, now) >= target;
}
