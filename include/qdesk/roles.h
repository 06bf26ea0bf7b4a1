/* roles.h - who may do what: the one table of actions × staff roles that the domain, the CLI and
 * every screen consult (and that qdesk(1) ROLES prints; `qdesk roles` shows it). */
#ifndef QDESK_ROLES_H
#define QDESK_ROLES_H
#include "qdesk/staff.h"
#include "qdesk/status.h"
#include "qdesk/store.h"

#define ROLES_ALL (ROLE_GUIDE | ROLE_CLERK | ROLE_LEAD | ROLE_ADMIN)

/* ROLE_ACTION(enum name, table name, roles allowed, what it covers (English, translated at print)).
 * The order is the order of the printed table. */
#define QDESK_ROLE_ACTIONS(X) \
	X(ACT_ISSUE,     "issue",     ROLES_ALL, \
	  "issue a ticket (qdesk issue --staff; a kiosk names nobody)") \
	X(ACT_REQUEUE,   "requeue",   ROLES_ALL, \
	  "put a no-show back in the queue (qdesk requeue)") \
	X(ACT_CONSULT,   "consult",   ROLES_ALL, \
	  "log a consultation (qdesk consult)") \
	X(ACT_PROBLEM,   "problem",   ROLES_ALL, \
	  "record a problem that could not be solved (qdesk problem add)") \
	X(ACT_DESK,      "desk",      ROLE_GUIDE | ROLE_LEAD | ROLE_ADMIN, \
	  "work at a guide desk: sign in, consult or guide there (qdesk guide, consult --desk, guided)") \
	X(ACT_VOID,      "void",      ROLE_GUIDE | ROLE_LEAD | ROLE_ADMIN, \
	  "void a waiting ticket (qdesk void, guide desk)") \
	X(ACT_WINDOW,    "window",    ROLE_CLERK | ROLE_LEAD, \
	  "serve at a window: sign in, call, recall, no-show, transfer, finish, pause, resume, undo") \
	X(ACT_CASE,      "case",      ROLE_CLERK | ROLE_LEAD, \
	  "log a case that has no ticket (window console)") \
	X(ACT_LEAD,      "lead",      ROLE_LEAD | ROLE_ADMIN, \
	  "open the shift lead dashboard (qdesk lead)") \
	X(ACT_RESOLVE,   "resolve",   ROLE_LEAD | ROLE_ADMIN, \
	  "resolve a problem (qdesk problem resolve)") \
	X(ACT_RECTIFY,   "rectify",   ROLE_LEAD | ROLE_ADMIN, \
	  "list and close rectification items (qdesk rectify)") \
	X(ACT_EVAL_VOID, "evaluation-void", ROLE_LEAD, \
	  "void an evaluation with a reason (qdesk evaluation void)")

enum role_action {
#define X(e, name, mask, what) e,
	QDESK_ROLE_ACTIONS(X)
#undef X
	ROLE_ACTION_COUNT
};

/* The roles (a mask of enum staff_role) that may do action a; 0 for an unknown action. */
int roles_mask(enum role_action a);
/* 1 if role r may do action a. */
int roles_allow(enum staff_role r, enum role_action a);
/* The action's table name ("issue" …) and its English description (translate with _()). */
const char *roles_action_name(enum role_action a);
const char *roles_action_what(enum role_action a);
/* Check that staff id exists, is active and may do action a (staff_check with the action's roles:
 * QD_ERR_NO_STAFF, QD_ERR_STAFF_DISABLED, QD_ERR_ROLE). Inside or outside a transaction. */
enum qd_status roles_check(struct store *st, const char *staff, enum role_action a);

#endif
