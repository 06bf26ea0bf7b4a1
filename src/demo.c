/* demo.c - fills a fresh database with demo staff and a morning of hall traffic, so `make run`
 * opens on a hall that is already busy. It moves the clock through the morning by setting
 * QDESK_NOW for each step and restores it afterwards. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "qdesk/cases.h"
#include "qdesk/clock.h"
#include "qdesk/demo.h"
#include "qdesk/queue.h"
#include "qdesk/staff.h"

#define DEMO_TICKETS 48
#define DEMO_SERVED 14

static const struct { const char *id, *name; enum staff_role role; } demo_staff[] = {
	{ "guide01", "张三", ROLE_GUIDE }, { "clerk01", "李四", ROLE_CLERK },
	{ "clerk02", "王五", ROLE_CLERK }, { "clerk03", "赵六", ROLE_CLERK },
	{ "clerk04", "钱七", ROLE_CLERK }, { "clerk05", "孙八", ROLE_CLERK },
	{ "clerk06", "周九", ROLE_CLERK }, { "clerk07", "吴十", ROLE_CLERK },
	{ "clerk08", "郑一", ROLE_CLERK }, { "lead01", "陈二", ROLE_LEAD },
	{ "admin01", "管理员", ROLE_ADMIN },
};

/* Set the clock to minute m of today (local). */
static void set_minute(const char *day, int m)
{
	char now[20];
	snprintf(now, sizeof now, "%s %02d:%02d:00", day, m / 60 % 24, m % 60);
	setenv("QDESK_NOW", now, 1);
}

/* Issue the morning's tickets: one every two minutes from opening, cycling through the types,
 * every seventh one for a priority group. */
static enum qd_status issue_morning(struct store *st, const struct hall *h, const char *day,
                                    struct demo_counts *out)
{
	for (int i = 0; i < DEMO_TICKETS; i++) {
		const struct hall_type *type = &h->types[(size_t)(i * 7 + i / 5) % h->ntypes];
		int m = h->open_min + 2 * i;
		if (type->cutoff >= 0 && m >= type->cutoff)
			continue;
		set_minute(day, m);
		struct issue_input in = { .type = type->prefix, .staff = "guide01" };
		if (i % 7 == 3 && h->ngroups)
			in.priority = h->groups[(size_t)(i / 7) % h->ngroups].id;
		struct ticket t;
		enum qd_status s = queue_issue(st, h, &in, &t);
		if (s == QD_ERR_QUOTA || s == QD_ERR_CUTOFF || s == QD_ERR_CLOSED)
			continue;
		if (s != QD_OK)
			return s;
		out->issued++;
	}
	return QD_OK;
}

/* Windows 1..n call and finish the first tickets, logging a case and a rating each. */
static enum qd_status serve_some(struct store *st, const struct hall *h, const char *day,
                                 struct demo_counts *out)
{
	for (int i = 0; i < DEMO_SERVED; i++) {
		const struct hall_window *w = &h->windows[(size_t)i % h->nwindows];
		const char *clerk = demo_staff[1 + i % 8].id;
		set_minute(day, h->open_min + 20 + 6 * i);
		struct ticket t;
		enum qd_status s = queue_call_next(st, h, w->number, clerk, &t);
		if (s == QD_ERR_EMPTY || s == QD_ERR_BUSY_WINDOW || s == QD_ERR_PAUSED)
			continue;
		if (s != QD_OK)
			return s;
		set_minute(day, h->open_min + 24 + 6 * i);
		struct case_input c = { 0 };
		if (h->nmatters)
			c.matter = h->matters[(size_t)i % h->nmatters].id;
		if (h->nmodes && i % 3 == 0)
			c.mode = h->modes[(size_t)(i / 3) % h->nmodes].id;
		struct finish_result r;
		if ((s = queue_finish(st, h, w->number, clerk, &c, 1, 5 - i % 3, NULL, &r)) != QD_OK)
			return s;
		out->served++;
	}
	return QD_OK;
}

enum qd_status demo_populate(struct store *st, const struct hall *h, struct demo_counts *out)
{
	memset(out, 0, sizeof *out);
	for (size_t i = 0; i < sizeof demo_staff / sizeof demo_staff[0]; i++) {
		enum qd_status s = staff_add(st, demo_staff[i].id, demo_staff[i].name, demo_staff[i].role, DEMO_PIN);
		if (s == QD_OK)
			out->staff++;
		else if (s != QD_ERR_EXISTS)
			return s;
	}
	if (!h->ntypes || !h->nwindows)
		return QD_OK;
	int today;
	enum qd_status s = queue_issued_today(st, &today);
	if (s != QD_OK || (out->already = today > 0))
		return s;
	const char *saved = getenv("QDESK_NOW");
	char *restore = saved ? strdup(saved) : NULL;
	if (saved && !restore)
		return QD_ERR_NOMEM;
	time_t now = clock_now();
	char day[11];
	clock_day(now, day);
	s = issue_morning(st, h, day, out);
	if (s == QD_OK)
		s = serve_some(st, h, day, out);
	if (restore)
		setenv("QDESK_NOW", restore, 1);
	else
		unsetenv("QDESK_NOW");
	free(restore);
	return s;
}
