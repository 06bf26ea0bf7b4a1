/* problems.c - 办不成事 problems: logging one with its deadline in working days, resolving it,
 * listing them with overdue marked. Every write also writes an event row. SQL is in
 * store-problems.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "qdesk/clock.h"
#include "qdesk/privacy.h"
#include "qdesk/problems.h"
#include "qdesk/roles.h"
#include "qdesk/staff.h"
#include "qdesk/text.h"
#include "lead-util.h"
#include "store-log.h"
#include "store-problems.h"

struct add_ctx {
	const struct hall *h;
	int window;
	const char *staff, *what;
	long long id;
	char deadline[11];
};

static enum qd_status add_tx(struct store *st, void *vctx)
{
	struct add_ctx *a = vctx;
	char day[11], detail[64];
	long long now;
	enum qd_status r = lead_now(&now, day);
	if (r == QD_OK)
		r = roles_check(st, a->staff, ACT_PROBLEM);
	if (r != QD_OK)
		return r;
	lead_deadline(a->h, day, a->h->lead.problem_days, a->deadline);
	if ((r = store_problems_insert(st, day, now, a->window, a->staff, a->what, a->deadline, &a->id)) != QD_OK)
		return r;
	snprintf(detail, sizeof detail, "problem %lld: due %s", a->id, a->deadline);
	return store_event_add(st, now, "problem", 0, a->window, a->staff, detail);
}

enum qd_status problems_add(struct store *st, const struct hall *h, int window, const char *staff,
                            const char *what, long long *id, char deadline[11])
{
	enum qd_status r = lead_check_note(what, PROBLEMS_TEXT_MAX);
	if (r != QD_OK)
		return r;
	if (window > 0 && !hall_window(h, window))
		return QD_ERR_NO_WINDOW;
	char masked[PROBLEMS_TEXT_MAX + 1];   /* ID and phone numbers masked */
	privacy_mask_text(what, masked, sizeof masked);
	struct add_ctx a = { .h = h, .window = window, .staff = staff, .what = masked };
	if ((r = store_write(st, add_tx, &a)) != QD_OK)
		return r;
	if (id)
		*id = a.id;
	if (deadline)
		memcpy(deadline, a.deadline, sizeof a.deadline);
	return QD_OK;
}

struct resolve_ctx {
	long long id;
	const char *staff, *resolution;
};

static enum qd_status resolve_tx(struct store *st, void *vctx)
{
	struct resolve_ctx *c = vctx;
	struct problem p;
	char day[11], detail[64];
	long long now;
	enum qd_status r = lead_now(&now, day);
	if (r == QD_OK)
		r = roles_check(st, c->staff, ACT_RESOLVE);
	if (r == QD_OK)
		r = store_problems_get(st, c->id, &p);
	if (r == QD_OK && strcmp(p.state, "open") != 0)
		r = QD_ERR_ITEM_CLOSED;
	if (r == QD_OK)
		r = store_problems_resolve(st, c->id, c->resolution, now, c->staff);
	if (r != QD_OK)
		return r;
	snprintf(detail, sizeof detail, "problem %lld: solved", c->id);
	return store_event_add(st, now, "problem-solved", 0, p.window, c->staff, detail);
}

enum qd_status problems_resolve(struct store *st, const struct hall *h, long long id, const char *staff,
                                const char *resolution)
{
	(void)h;
	enum qd_status r = lead_check_note(resolution, PROBLEMS_TEXT_MAX);
	if (r != QD_OK)
		return r;
	char masked[PROBLEMS_TEXT_MAX + 1];   /* ID and phone numbers masked */
	privacy_mask_text(resolution, masked, sizeof masked);
	struct resolve_ctx c = { id, staff, masked };
	return store_write(st, resolve_tx, &c);
}

/* Mark p overdue against today (lead_overdue). */
static void mark_overdue(struct problem *p, const char *today)
{
	p->overdue = lead_overdue(strcmp(p->state, "open") == 0, p->deadline, today, p->resolved_at);
}

static enum qd_status fetch(struct store *st, const char *day, const char *today, void **rows, size_t *n)
{
	struct problem *p;
	enum qd_status r = store_problems_list(st, day, today, &p, n);
	*rows = p;
	return r;
}

enum qd_status problems_list(struct store *st, const char *day, struct problem **out, size_t *n)
{
	char today[11];
	void *rows;
	enum qd_status r = lead_list_read(st, day, fetch, &rows, n, today);
	*out = rows;
	for (size_t i = 0; r == QD_OK && i < *n; i++)
		mark_overdue(&(*out)[i], today);
	return r;
}

static enum qd_status get_rx(struct store *st, void *vctx)
{
	struct problem *p = vctx;
	return store_problems_get(st, p->id, p);
}

enum qd_status problems_get(struct store *st, long long id, struct problem *out)
{
	char today[11];
	long long now;
	enum qd_status r = lead_now(&now, today);
	out->id = id;
	if (r == QD_OK)
		r = store_read(st, get_rx, out);
	if (r == QD_OK)
		mark_overdue(out, today);
	return r;
}
