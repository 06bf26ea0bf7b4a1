/* hall-fixture.h - a small hall built in C for the queue tests, so they do not depend on the
 * config loader; plus a fresh store with staff rows and a settable clock.
 *   types:   A 企业开办 (no limits), B 个体 (quota 3), C 发票 (cut-off 16:00), D 不动产
 *   groups:  elderly (65 and over), disabled
 *   windows: 1 serves A, also B when idle; 2 serves B; 3 the elderly window: serves C and the
 *            elderly of every type; 4 serves A and B; 5 serves D
 *   hours:   08:30-17:30, three digits; recall cap 2, undo 60 s, requeue behind 2 at most once,
 *            transfers keep their place.
 * Staff: clerk1..clerk3 and guide1, lead1, and "gone" (disabled). */
#ifndef QDESK_HALL_FIXTURE_H
#define QDESK_HALL_FIXTURE_H
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "qdesk/config.h"
#include "qdesk/store.h"

#define FX_S(s) ((char *)(s))

static struct hall_type fx_types[] = {
	{ FX_S("A"), FX_S("企业开办"), FX_S("z1"), 0, -1, 30 },
	{ FX_S("B"), FX_S("个体工商户"), FX_S("z1"), 3, -1, 30 },
	{ FX_S("C"), FX_S("发票申领"), FX_S("z1"), 0, 16 * 60, 30 },
	{ FX_S("D"), FX_S("不动产登记"), FX_S("z2"), 0, -1, 30 },
};
static struct hall_group fx_groups[] = {
	{ FX_S("elderly"), FX_S("老年人"), 65 },
	{ FX_S("disabled"), FX_S("残疾人"), 0 },
};
static char *fx_w1_types[] = { FX_S("A") }, *fx_w1_also[] = { FX_S("B") };
static char *fx_w2_types[] = { FX_S("B") };
static char *fx_w3_types[] = { FX_S("C") }, *fx_w3_groups[] = { FX_S("elderly") };
static char *fx_w4_types[] = { FX_S("A"), FX_S("B") };
static char *fx_w5_types[] = { FX_S("D") };
static struct hall_window fx_windows[] = {
	{ 1, FX_S("企业开办一"), FX_S("z1"), FX_S(""), fx_w1_types, 1, fx_w1_also, 1, NULL, 0 },
	{ 2, FX_S("个体"), FX_S("z1"), FX_S(""), fx_w2_types, 1, NULL, 0, NULL, 0 },
	{ 3, FX_S("老年人服务专窗"), FX_S("z1"), FX_S("elderly"), fx_w3_types, 1, NULL, 0, fx_w3_groups, 1 },
	{ 4, FX_S("企业开办二"), FX_S("z1"), FX_S(""), fx_w4_types, 2, NULL, 0, NULL, 0 },
	{ 5, FX_S("不动产"), FX_S("z2"), FX_S(""), fx_w5_types, 1, NULL, 0, NULL, 0 },
};
static struct hall_zone fx_zones[] = {
	{ FX_S("z1"), FX_S("企业开办专区"), FX_S("3F") },
	{ FX_S("z2"), FX_S("不动产专区"), FX_S("2F") },
};
static struct hall_item fx_categories[] = { { FX_S("enterprise"), FX_S("企业") } };
static struct hall_matter fx_matters[] = {
	{ FX_S("licence"), FX_S("营业执照"), FX_S("enterprise"), FX_S("行政许可") },
};
static struct hall_item fx_outcomes[] = {
	{ FX_S("consult"), FX_S("咨询") }, { FX_S("accepted"), FX_S("受理") }, { FX_S("done"), FX_S("即办办结") },
};
static struct hall_item fx_modes[] = {
	{ FX_S("guided"), FX_S("导办") }, { FX_S("assisted"), FX_S("帮办") }, { FX_S("delegated"), FX_S("代办") },
};
static struct hall_item fx_helps[] = { { FX_S("form"), FX_S("代填表单") } };
static struct hall_item fx_pauses[] = { { FX_S("meal"), FX_S("用餐") }, { FX_S("meeting"), FX_S("开会") } };

/* The fixture hall into *h (static data shared by all; tests change only h->calling). */
static inline void fx_hall(struct hall *h)
{
	memset(h, 0, sizeof *h);
	h->name = FX_S("测试政务服务大厅");
	h->language = FX_S("zh_CN");
	h->open_min = 8 * 60 + 30;
	h->close_min = 17 * 60 + 30;
	h->number_digits = 3;
	h->zones = fx_zones;           h->nzones = 2;
	h->types = fx_types;           h->ntypes = 4;
	h->groups = fx_groups;         h->ngroups = 2;
	h->windows = fx_windows;       h->nwindows = 5;
	h->categories = fx_categories; h->ncategories = 1;
	h->matters = fx_matters;       h->nmatters = 1;
	h->outcomes = fx_outcomes;     h->noutcomes = 3;
	h->modes = fx_modes;           h->nmodes = 3;
	h->helps = fx_helps;           h->nhelps = 1;
	h->pauses = fx_pauses;         h->npauses = 2;
	h->calling.recall_cap = 2;
	h->calling.priority_cap = 0;
	h->calling.undo_seconds = 60;
	h->calling.noshow_requeue = 1;
	h->calling.requeue_behind = 2;
	h->calling.requeue_max = 1;
	h->calling.transfer_keep_place = 1;
	h->eval.good_min_level = 4;
	h->eval.rectify_days = 5;
}

/* Set the clock: "YYYY-MM-DD HH:MM:SS". */
static inline void fx_now(const char *stamp)
{
	setenv("QDESK_NOW", stamp, 1);
}

/* Insert the fixture's staff rows (no PINs needed by the queue). 0 on success. */
static inline int fx_staff(struct store *st)
{
	return sqlite3_exec(store_handle(st),
		"INSERT INTO staff (id, name, role, pin_hash, active, created_at) VALUES"
		" ('clerk1', '张一', 'clerk', 'x', 1, 0), ('clerk2', '李二', 'clerk', 'x', 1, 0),"
		" ('clerk3', '王三', 'clerk', 'x', 1, 0), ('guide1', '赵导', 'guide', 'x', 1, 0),"
		" ('lead1', '钱长', 'lead', 'x', 1, 0), ('gone', '孙离', 'clerk', 'x', 0, 0)",
		NULL, NULL, NULL) == SQLITE_OK ? 0 : -1;
}

/* One integer from a query (for assertions); -1 on error. */
static inline long long fx_int(struct store *st, const char *sql)
{
	sqlite3_stmt *s = NULL;
	long long v = -1;
	if (sqlite3_prepare_v2(store_handle(st), sql, -1, &s, NULL) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return v;
}

#endif
