/* demo.c - fills a fresh training database with demo staff and the day so far of hall traffic,
 * so `make run` opens on a hall that is already busy: the simulator runs from opening time to now
 * (the demo clock) with the clock stepped, so every time in it is consistent. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "qdesk/cases.h"
#include "qdesk/clock.h"
#include "qdesk/demo.h"
#include "qdesk/queue.h"
#include "qdesk/simulate.h"
#include "qdesk/staff.h"

/* clerkNN staffs window NN (the simulator's rule): one clerk per window of the demo hall. */
static const char *const clerk_names[DEMO_CLERKS] = {
	"李四", "王五", "赵六", "钱七", "孙八", "周九", "吴十", "郑一", "冯明", "陈丽", "褚军", "卫芳",
	"蒋涛", "沈静", "韩磊", "杨洁", "朱勇", "秦燕", "尤伟", "许敏", "何平", "吕霞", "施斌", "张华",
};

static enum qd_status add_staff(struct store *st, struct demo_counts *out)
{
	struct staff_new list[3 + DEMO_CLERKS] = {
		{ "guide01", "张三", ROLE_GUIDE }, { "lead01", "陈二", ROLE_LEAD },
		{ "admin01", "管理员", ROLE_ADMIN },
	};
	char ids[DEMO_CLERKS][24];   /* room for any int: -Werror=format-truncation at -O1 */
	for (int i = 0; i < DEMO_CLERKS; i++) {
		snprintf(ids[i], sizeof ids[i], "clerk%02d", (i + 1) % 100);
		list[3 + i] = (struct staff_new){ ids[i], clerk_names[i], ROLE_CLERK };
	}
	return staff_add_shared_pin(st, list, 3 + DEMO_CLERKS, DEMO_PIN, &out->staff);
}

static enum qd_status fill(struct store *st, const struct hall *h, struct demo_counts *out);

enum qd_status demo_populate(struct store *st, const struct hall *h, struct demo_counts *out)
{
	memset(out, 0, sizeof *out);
	enum qd_status s = store_set_bulk(st, 1);
	if (s == QD_OK)
		s = fill(st, h, out);
	enum qd_status off = store_set_bulk(st, 0);
	return s == QD_OK ? off : s;
}

/* demo_populate without the bulk switch. */
static enum qd_status fill(struct store *st, const struct hall *h, struct demo_counts *out)
{
	enum qd_status s = add_staff(st, out);
	if (s != QD_OK || !h->ntypes || !h->nwindows)
		return s;
	int today;
	if ((s = queue_issued_today(st, &today)) != QD_OK || (out->already = today > 0))
		return s;
	time_t now = clock_now();
	char day[11];
	clock_day(now, day);
	time_t open = clock_at(day, h->open_min);
	if (now < open)
		return QD_OK;
	struct sim_options o = { .seed = DEMO_SEED, .rate_percent = 100, .leave = { 1, 2 }, .nleave = 2 };
	struct sim *sim = sim_new(h, &o);
	if (!sim)
		return QD_ERR_NOMEM;
	struct sim_counts n = { 0 };
	s = sim_advance(sim, st, open, 1, &n);
	if (s == QD_OK)
		s = sim_advance(sim, st, now - now % 60 > open ? now - now % 60 : open, 1, &n);
	sim_free(sim);
	out->issued = n.issued;
	out->served = n.served;
	return s;
}
