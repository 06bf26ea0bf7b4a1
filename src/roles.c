/* roles.c - the table of who may do what (roles.h) and the check every action makes with it. */
#include "qdesk/roles.h"

static const struct { const char *name; int mask; const char *what; } actions[] = {
#define X(e, n, m, w) [e] = { n, m, w },
	QDESK_ROLE_ACTIONS(X)
#undef X
};

int roles_mask(enum role_action a)
{
	return (unsigned)a < ROLE_ACTION_COUNT ? actions[a].mask : 0;
}

int roles_allow(enum staff_role r, enum role_action a)
{
	return (roles_mask(a) & (int)r) != 0;
}

const char *roles_action_name(enum role_action a)
{
	return (unsigned)a < ROLE_ACTION_COUNT ? actions[a].name : "";
}

const char *roles_action_what(enum role_action a)
{
	return (unsigned)a < ROLE_ACTION_COUNT ? actions[a].what : "";
}

enum qd_status roles_check(struct store *st, const char *staff, enum role_action a)
{
	return staff_check(st, staff, roles_mask(a));
}
