/* test-config.c - the hall configuration: the demo hall loads and every lookup works, defaults of a
 * minimal hall, key names, config_path(), and the corpus of broken configs in tests/configs/bad-*.conf
 * (each names its expected "LINE: message" on its first line). Run from the source tree's top. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <dirent.h>
#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "qdesk/actions.h"
#include "qdesk/config.h"

#define DEMO "conf/qdesk.conf"
#define CORPUS "tests/configs"
#define FKEY(n) (0410 + (n))

static struct hall *load_ok(const char *path)
{
	char err[1024] = "";
	struct hall *h = NULL;
	enum qd_status s = config_load(path, &h, err, sizeof err);
	if (s != QD_OK)
		fail_msg("%s did not load: %s", path, err);
	assert_non_null(h);
	return h;
}

/* 1 if key is bound to action in keymap km. */
static int bound_in(const struct hall *h, int km, const char *action, int key)
{
	for (size_t i = 0; i < h->nkeys; i++)
		if (h->keys[i].keymap == km && h->keys[i].key == key && strcmp(h->keys[i].action, action) == 0)
			return 1;
	return 0;
}

/* The same in the window's keymap. */
static int bound(const struct hall *h, const char *action, int key)
{
	return bound_in(h, KEYMAP_WINDOW, action, key);
}

static void test_demo_hall(void **state)
{
	(void)state;
	struct hall *h = load_ok(DEMO);
	assert_string_equal(h->path, DEMO);
	assert_true(strlen(h->name) > 0);
	assert_string_equal(h->language, "zh_CN");
	assert_string_equal(h->database, "data/qdesk.db");
	assert_true(h->open_min < h->close_min);
	assert_int_equal(h->number_digits, 3);

	size_t floors = 0;
	for (size_t i = 0; i < h->nzones; i++) {
		size_t j = 0;
		while (j < i && strcmp(h->zones[j].floor, h->zones[i].floor) != 0)
			j++;
		floors += j == i;
	}
	assert_true(floors >= 2);
	assert_true(h->nzones >= 3);
	assert_true(h->ntypes >= 10);
	assert_true(h->nwindows >= 16);
	assert_int_equal(h->ncategories, 8);
	assert_true(h->nmatters >= 15);
	assert_int_equal(h->noutcomes, 6);
	assert_int_equal(h->nmodes, 3);
	assert_int_equal(h->nhelps, 6);
	assert_int_equal(h->npauses, 5);

	/* Lookups: prefixes case-insensitively, stored upper-case. */
	const struct hall_type *a = hall_type(h, "a");
	assert_non_null(a);
	assert_ptr_equal(a, hall_type(h, "A"));
	assert_string_equal(a->prefix, "A");
	assert_true(a->quota > 0 && a->cutoff > h->open_min && a->cutoff <= h->close_min);
	assert_true(a->target_wait > 0);
	assert_null(hall_type(h, "AA"));
	assert_null(hall_type(h, NULL));
	const struct hall_type *n = hall_type(h, "N");
	assert_non_null(n);
	assert_int_equal(n->quota, 0);
	assert_int_equal(hall_type(h, "Z")->cutoff, -1);

	int specials = 0;
	for (size_t i = 0; i < h->nwindows; i++) {
		const struct hall_window *w = &h->windows[i];
		assert_ptr_equal(hall_window(h, w->number), w);
		for (size_t k = 0; k < w->ntypes; k++)
			assert_non_null(hall_type(h, w->types[k]));
		for (size_t k = 0; k < w->nalso; k++)
			assert_non_null(hall_type(h, w->also[k]));
		for (size_t k = 0; k < w->ngroups; k++)
			assert_non_null(hall_group(h, w->groups[k]));
		specials += strcmp(w->special, "elderly") == 0 || strcmp(w->special, "unsolved") == 0
		            || strcmp(w->special, "general") == 0;
	}
	assert_int_equal(specials, 3);
	assert_null(hall_window(h, 0));
	assert_null(hall_window(h, 999));
	const struct hall_window *w1 = hall_window(h, 1);
	assert_non_null(w1);
	assert_string_equal(w1->types[0], "A");

	const struct hall_group *old = hall_elderly_group(h);
	assert_non_null(old);
	assert_string_equal(old->id, "elderly");
	assert_int_equal(old->min_age, 65);
	assert_ptr_equal(hall_group(h, "elderly"), old);
	assert_int_equal(hall_group(h, "disabled")->min_age, 0);
	assert_non_null(hall_group(h, "key-project"));
	assert_null(hall_group(h, "vip"));

	const struct hall_matter *m = hall_matter(h, "company-setup");
	assert_non_null(m);
	assert_string_equal(m->kind, "licensing");
	assert_non_null(hall_item(h->categories, h->ncategories, m->category));
	assert_null(hall_matter(h, "nothing"));
	assert_string_equal(hall_item(h->outcomes, h->noutcomes, "correction")->name, "补正（一次性告知）");
	assert_string_equal(hall_item(h->modes, h->nmodes, "delegated")->name, "代办");
	assert_non_null(hall_item(h->helps, h->nhelps, "form-filling"));
	assert_non_null(hall_item(h->pauses, h->npauses, "meal"));
	assert_null(hall_item(h->pauses, h->npauses, "nap"));

	assert_int_equal(h->eval.good_min_level, 4);
	assert_int_equal(h->eval.rectify_days, 5);
	assert_true(h->eval.nholidays > 20);
	assert_true(h->eval.nworkdays > 0);
	assert_int_equal(h->calling.recall_cap, 2);
	assert_int_equal(h->calling.priority_cap, 3);
	assert_int_equal(h->calling.undo_seconds, 60);
	assert_int_equal(h->calling.noshow_requeue, 1);
	assert_int_equal(h->calling.requeue_behind, 3);
	assert_int_equal(h->calling.requeue_max, 1);
	assert_int_equal(h->calling.transfer_keep_place, 1);
	assert_non_null(strstr(h->announce.template_text, "{number}"));
	assert_int_equal(h->announce.digits_each, 1);
	assert_string_equal(h->announce.command, "espeak-ng -v cmn --stdin");
	assert_string_equal(h->printer.device, "/dev/usb/lp0");
	assert_int_equal(h->printer.width, 32);
	assert_true(strlen(h->printer.notice) > 0);
	assert_int_equal(h->security.lock_seconds, 300);
	assert_int_equal(h->security.max_failures, 5);
	assert_int_equal(h->security.lockout_minutes, 15);
	assert_true(bound(h, "call-next", FKEY(2)));
	assert_true(bound(h, "call-next", 'n'));
	assert_true(bound(h, "lock", FKEY(12)));
	config_free(h);
}

static void test_minimal_defaults(void **state)
{
	(void)state;
	struct hall *h = load_ok(CORPUS "/good-minimal.conf");
	assert_string_equal(h->language, "zh_CN");
	assert_string_equal(h->database, "data/qdesk.db");
	assert_int_equal(h->number_digits, 3);
	assert_int_equal(h->open_min, 9 * 60);
	assert_int_equal(h->close_min, 17 * 60);
	assert_int_equal(h->types[1].quota, 0);
	assert_int_equal(h->types[1].cutoff, -1);
	assert_int_equal(h->types[1].target_wait, 30);
	assert_string_equal(h->windows[0].special, "");
	assert_int_equal(h->noutcomes, 6);
	assert_non_null(hall_item(h->outcomes, h->noutcomes, "tolerance"));
	assert_int_equal(h->nmodes, 3);
	assert_int_equal(h->nhelps, 6);
	assert_int_equal(h->npauses, 5);
	assert_int_equal(h->eval.rectify_days, 5);
	assert_int_equal(h->eval.nworkdays, 0);
	assert_int_equal(h->calling.recall_cap, 2);
	assert_int_equal(h->calling.priority_cap, 0);
	assert_int_equal(h->calling.noshow_requeue, 1);
	assert_int_equal(h->calling.transfer_keep_place, 1);
	assert_string_equal(h->announce.template_text, "请{number}号到{window}号窗口办理");
	assert_int_equal(h->announce.digits_each, 1);
	assert_string_equal(h->printer.device, "");
	assert_int_equal(h->printer.width, 32);
	assert_int_equal(h->security.max_failures, 5);
	/* keys: call-next = "F2" replaces its defaults (F2 and n); every other action keeps both. */
	assert_true(bound(h, "call-next", FKEY(2)));
	assert_false(bound(h, "call-next", 'n'));
	assert_true(bound(h, "recall", FKEY(3)));
	assert_true(bound(h, "recall", 'r'));
	/* every keymap has each of its actions' two default keys (the window's call-next one) */
	size_t want = 0, nwindow = 0;
	for (int km = 1; km < KEYMAP_COUNT; km++)
		for (int a = 0; a < ACT_COUNT; a++)
			if (action_in_keymap((enum action)a, (enum keymap)km)) {
				int keys[2];
				want += (size_t)action_default_keys((enum action)a, keys);
				nwindow += km == KEYMAP_WINDOW ? 2 : 0;
			}
	assert_int_equal(h->nkeys, want - 1);
	for (size_t i = 0; i < h->nkeys; i++)
		nwindow -= h->keys[i].keymap == KEYMAP_WINDOW;
	assert_int_equal(nwindow, 1);
	/* a key means one thing per keymap */
	for (size_t i = 0; i < h->nkeys; i++)
		for (size_t j = i + 1; j < h->nkeys; j++)
			if (h->keys[i].keymap == h->keys[j].keymap)
				assert_int_not_equal(h->keys[i].key, h->keys[j].key);
	config_free(h);
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

static int is_bad_config(const struct dirent *d)
{
	size_t n = strlen(d->d_name);
	return strncmp(d->d_name, "bad-", 4) == 0 && n > 9 && strcmp(d->d_name + n - 5, ".conf") == 0;
}

/* Load one broken config and check its error against the "// expect: LINE: text" first line. */
static void check_bad(const char *path)
{
	char first[512] = "", err[1024] = "", want[600];
	FILE *fp = fopen(path, "r");
	assert_non_null(fp);
	if (!fgets(first, sizeof first, fp))
		first[0] = '\0';
	fclose(fp);
	first[strcspn(first, "\n")] = '\0';
	int line = 0, off = 0;
	if (sscanf(first, "// expect: %d: %n", &line, &off) != 1 || off == 0)
		fail_msg("%s: first line is not \"// expect: LINE: message\"", path);
	struct hall *h = (struct hall *)1;
	enum qd_status s = config_load(path, &h, err, sizeof err);
	if (s != QD_ERR_CONFIG)
		fail_msg("%s: expected QD_ERR_CONFIG, got %d (%s)", path, (int)s, err);
	assert_null(h);
	snprintf(want, sizeof want, "%s:%d: ", path, line);
	if (strncmp(err, want, strlen(want)) != 0 || !strstr(err + strlen(want), first + off))
		fail_msg("%s:\n  expected %s...%s\n  got      %s", path, want, first + off, err);
	/* After FILE:LINE: comes "setting.path: what is wrong" (or libconfig's "syntax error"). */
	const char *rest = err + strlen(want);
	if (strncmp(rest, "syntax error", 12) != 0) {
		const char *colon = strstr(rest, ": ");
		assert_non_null(colon);
		if (!colon || colon == rest || strcspn(rest, " ") != (size_t)(colon - rest) + 1)
			fail_msg("%s: no \"setting.path: \" after the line in: %s", path, err);
	}
	assert_null(strchr(err, '\n'));
}

static void test_bad_configs(void **state)
{
	(void)state;
	struct dirent **list;
	int n = scandir(CORPUS, &list, is_bad_config, by_name);
	if (n < 0)
		fail_msg("cannot read %s: %s (run from the source tree's top)", CORPUS, strerror(errno));
	static char paths[256][512];   /* copied out first so a failing check leaks nothing */
	for (int i = 0; i < n; i++) {
		if (i < 256)
			snprintf(paths[i], sizeof paths[i], "%s/%s", CORPUS, list[i]->d_name);
		free(list[i]);
	}
	free(list);
	assert_in_range(n, 0, 256);
	for (int i = 0; i < n; i++)
		check_bad(paths[i]);
	assert_true(n >= 20);
}

static void test_unreadable(void **state)
{
	(void)state;
	char err[512], want[512];
	struct hall *h = NULL;
	assert_int_equal(config_load(CORPUS "/no-such.conf", &h, err, sizeof err), QD_ERR_CONFIG);
	assert_null(h);
	snprintf(want, sizeof want, "%s: cannot read: %s", CORPUS "/no-such.conf", strerror(ENOENT));
	assert_string_equal(err, want);
	assert_int_equal(config_load(CORPUS, &h, err, sizeof err), QD_ERR_CONFIG);
	snprintf(want, sizeof want, "%s: cannot read: %s", CORPUS, strerror(EISDIR));
	assert_string_equal(err, want);
	/* A file that never ends is not read forever. */
	assert_int_equal(config_load("/dev/zero", &h, err, sizeof err), QD_ERR_CONFIG);
	assert_string_equal(err, "/dev/zero:1: syntax error: the file is larger than 4 MiB: not a "
	                         "configuration file");
	/* A tiny or absent error buffer is never overrun. */
	char tiny[8];
	assert_int_equal(config_load(CORPUS "/bad-syntax.conf", &h, tiny, sizeof tiny), QD_ERR_CONFIG);
	assert_int_equal(strlen(tiny), sizeof tiny - 1);
	assert_int_equal(config_load(CORPUS "/bad-dup-window.conf", &h, NULL, 0), QD_ERR_CONFIG);
	assert_null(h);
}

/* Write text to a temporary config and load it; returns the status, *h set on success. */
static enum qd_status load_text(const char *text, struct hall **h, char *err, size_t errlen)
{
	char path[] = "/tmp/qdesk-test-config-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	enum qd_status s = config_load(path, h, err, errlen);
	unlink(path);
	return s;
}

static void test_prefix_case(void **state)
{
	(void)state;
	static const char text[] =
		"hall = { name = \"厅\"; open = \"08:00\"; close = \"12:00\"; number_digits = 4; };\n"
		"zones = ( { id = \"z\"; name = \"区\"; floor = \"1F\"; } );\n"
		"types = ( { prefix = \"AB\"; name = \"甲\"; zone = \"z\"; quota = 5000; cutoff = \"12:00\"; } );\n"
		"windows = ( { number = 7; name = \"窗\"; zone = \"z\"; types = [\"ab\"]; } );\n"
		"categories = ( { id = \"c\"; name = \"类\"; } );\n"
		"keys = { call-next = [\"Enter\", \"F2\"]; finish = \"Space\"; };\n";
	char err[512] = "";
	struct hall *h = NULL;
	if (load_text(text, &h, err, sizeof err) != QD_OK)
		fail_msg("%s", err);
	assert_string_equal(hall_window(h, 7)->types[0], "AB");
	assert_ptr_equal(hall_type(h, "aB"), &h->types[0]);
	assert_int_equal(h->types[0].cutoff, 12 * 60);
	assert_null(hall_elderly_group(h));
	assert_int_equal(h->ngroups, 0);
	assert_int_equal(h->nmatters, 0);
	assert_true(bound(h, "call-next", '\n'));
	assert_true(bound(h, "finish", ' '));
	assert_false(bound(h, "finish", FKEY(6)));
	config_free(h);
}

/* keys.SCREEN groups: one key may mean different actions in two screens; keys.window is the flat
 * form's; an action of another screen or an unknown screen is refused. */
static void test_keymaps(void **state)
{
	(void)state;
	static const char head[] =
		"hall = { name = \"厅\"; open = \"08:00\"; close = \"12:00\"; };\n"
		"zones = ( { id = \"z\"; name = \"区\"; floor = \"1F\"; } );\n"
		"types = ( { prefix = \"A\"; name = \"甲\"; zone = \"z\"; } );\n"
		"windows = ( { number = 1; name = \"窗\"; zone = \"z\"; types = [\"A\"]; } );\n"
		"categories = ( { id = \"c\"; name = \"类\"; } );\n";
	char text[2048], err[512] = "";
	struct hall *h = NULL;
	snprintf(text, sizeof text, "%skeys = { window = { call-next = \"F5\"; transfer = \"F2\"; };\n"
	         "  guide = { help = [\"F9\", \"h\"]; }; };\n", head);
	if (load_text(text, &h, err, sizeof err) != QD_OK)
		fail_msg("%s", err);
	assert_true(bound_in(h, KEYMAP_WINDOW, "call-next", FKEY(5)));
	assert_true(bound_in(h, KEYMAP_WINDOW, "transfer", FKEY(2)));
	assert_true(bound_in(h, KEYMAP_GUIDE, "help", FKEY(9)));   /* F9 is walk-in at a window */
	assert_true(bound_in(h, KEYMAP_GUIDE, "help", 'h'));
	assert_false(bound_in(h, KEYMAP_GUIDE, "help", FKEY(1)));
	assert_true(bound_in(h, KEYMAP_WINDOW, "help", FKEY(1)));     /* the window keeps its own */
	assert_true(bound_in(h, KEYMAP_LEAD, "lock", FKEY(12)));
	config_free(h);
	h = NULL;
	static const struct { const char *keys, *want; } bad[] = {
		{ "keys = { hall = { help = \"F1\"; }; };", "keys.hall: unknown screen \"hall\"" },
		{ "keys = { recall = \"F3\"; window = { help = \"F1\"; }; };",
		  "keys.recall: the window's keys are given twice" },
		{ "keys = { guide = { call-next = \"F2\"; }; };",
		  "keys.guide.call-next: unknown action \"call-next\" of the guide screen" },
		{ "keys = { guide = { help = \"L\"; }; };",
		  "keys.guide.help: key \"L\" and \"l\" (bound to lock) differ only in case" },
		{ "keys = { lead = { help = \"F12\"; }; };",
		  "keys.lead.help: key \"F12\" is already bound to lock" },
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		snprintf(text, sizeof text, "%s%s\n", head, bad[i].keys);
		err[0] = '\0';
		assert_int_equal(load_text(text, &h, err, sizeof err), QD_ERR_CONFIG);
		if (!strstr(err, bad[i].want))
			fail_msg("expected ...%s..., got %s", bad[i].want, err);
	}
}

static void test_keys(void **state)
{
	(void)state;
	assert_int_equal(action_parse_key("F1"), FKEY(1));
	assert_int_equal(action_parse_key("F12"), FKEY(12));
	assert_int_equal(action_parse_key("f5"), FKEY(5));
	assert_int_equal(action_parse_key("F0"), -1);
	assert_int_equal(action_parse_key("F13"), -1);
	assert_int_equal(action_parse_key("F01"), -1);
	assert_int_equal(action_parse_key("F1x"), -1);
	assert_int_equal(action_parse_key("a"), 'a');
	assert_int_equal(action_parse_key("?"), '?');
	assert_int_equal(action_parse_key("F"), 'F');
	assert_int_equal(action_parse_key("Enter"), '\n');
	assert_int_equal(action_parse_key("esc"), 27);
	assert_int_equal(action_parse_key("Tab"), '\t');
	assert_int_equal(action_parse_key("Space"), ' ');
	assert_int_equal(action_parse_key(" "), -1);
	assert_int_equal(action_parse_key(""), -1);
	assert_int_equal(action_parse_key(NULL), -1);
	assert_int_equal(action_parse_key("ab"), -1);
	assert_int_equal(action_parse_key("\x01"), -1);
	assert_int_equal(action_parse_key("é"), -1);
	assert_int_equal(action_by_name(KEYMAP_WINDOW, "call-next"), ACT_CALL_NEXT);
	assert_int_equal(action_by_name(KEYMAP_GUIDE, "call-next"), ACT_COUNT);
	assert_int_equal(action_by_name(KEYMAP_GUIDE, "help"), ACT_HELP);
	assert_int_equal(action_by_name(KEYMAP_WINDOW, "Call-Next"), ACT_COUNT);
	assert_int_equal(action_by_name(KEYMAP_WINDOW, NULL), ACT_COUNT);
	assert_int_equal(action_by_name(KEYMAP_NONE, "help"), ACT_COUNT);
	for (int a = 0; a < ACT_COUNT; a++) {
		int keys[2], in = 0;
		for (int km = 1; km < KEYMAP_COUNT; km++)
			if (action_in_keymap((enum action)a, (enum keymap)km)) {
				assert_int_equal(action_by_name((enum keymap)km, action_name((enum action)a)), a);
				in++;
			}
		assert_true(in > 0);
		assert_true(action_default_keys((enum action)a, keys) >= 1);
		assert_true(action_label((enum action)a)[0] != '\0');
		assert_true(action_help((enum action)a)[0] != '\0');
	}
	assert_null(action_name(ACT_COUNT));
	assert_int_equal(keymap_by_name("guide"), KEYMAP_GUIDE);
	assert_int_equal(keymap_by_name("nowhere"), KEYMAP_NONE);
	assert_string_equal(keymap_name(KEYMAP_WINDOW), "window");
}

static void test_config_path(void **state)
{
	(void)state;
	assert_string_equal(config_path("x.conf"), "x.conf");
	setenv("QDESK_CONFIG", "/etc/env.conf", 1);
	assert_string_equal(config_path("x.conf"), "x.conf");
	assert_string_equal(config_path(NULL), "/etc/env.conf");
	unsetenv("QDESK_CONFIG");
	assert_string_equal(config_path(NULL), "conf/qdesk.conf");
	char cwd[4096];
	assert_non_null(getcwd(cwd, sizeof cwd));
	assert_int_equal(chdir("/"), 0);
	const char *p = config_path(NULL);
	assert_int_equal(chdir(cwd), 0);
	size_t n = strlen(p);
	assert_true(n > 17 && strcmp(p + n - 17, "/qdesk/qdesk.conf") == 0);
}

/* Messages echo values from the config: no escape sequence, control character or invalid byte may
 * reach the terminal through them. */
static void test_sanitized_messages(void **state)
{
	(void)state;
	static const char *const texts[] = {
		"hall = { name = \"厅\"; open = \"\\x1b]0;pwned\\x07\"; close = \"12:00\"; };\n",
		"hall = { name = \"厅\"; open = \"08:00\"; close = \"12:00\"; };\n"
		"zones = ( { id = \"z\"; name = \"区\"; floor = \"1F\"; } );\n"
		"types = ( { prefix = \"A\"; name = \"甲\"; zone = \"z\"; } );\n"
		"windows = ( { number = 1; name = \"窗\"; zone = \"z\"; types = [\"A\"]; } );\n"
		"categories = ( { id = \"c\"; name = \"类\"; } );\n"
		"keys = { finish = \"\\x1b[2J\"; };\n",
		"hall = { name = \"厅\"; open = \"08:00\"; close = \"\\x9b2J\\xff\"; };\n",
	};
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		char err[512] = "";
		struct hall *h = NULL;
		assert_int_equal(load_text(texts[i], &h, err, sizeof err), QD_ERR_CONFIG);
		assert_null(h);
		if (!strstr(err, "\"?"))
			fail_msg("text %zu: the value is not shown sanitised in: %s", i, err);
		for (const unsigned char *p = (const unsigned char *)err; *p; p++)
			if (*p < 0x20 || *p == 0x7f || (p[0] == 0xc2 && p[1] >= 0x80 && p[1] < 0xa0))
				fail_msg("text %zu: control byte 0x%02x in message: %s", i, *p, err);
	}
}

/* Write path (under dir) with text. */
static void put_file(const char *dir, const char *name, const char *text)
{
	char path[1024];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *fp = fopen(path, "w");
	assert_non_null(fp);
	fputs(text, fp);
	fclose(fp);
}

/* @include: files are found relative to the main file's directory, nested ones too (libconfig
 * 1.5); a problem inside an included file names that file. A byte-order mark is named. */
static void test_include_and_bom(void **state)
{
	(void)state;
	char dir[] = "/tmp/qdesk-test-include-XXXXXX", path[1024], sub[1024], err[1024] = "", want[2048];
	struct hall *h = NULL;
	assert_non_null(mkdtemp(dir));
	snprintf(sub, sizeof sub, "%s/sub", dir);
	assert_int_equal(mkdir(sub, 0700), 0);
	put_file(dir, "main.conf",
	         "hall = { name = \"厅\"; open = \"08:00\"; close = \"12:00\"; };\n"
	         "zones = ( { id = \"z\"; name = \"区\"; floor = \"1F\"; } );\n"
	         "types = ( { prefix = \"A\"; name = \"甲\"; zone = \"z\"; } );\n"
	         "windows = ( { number = 1; name = \"窗\"; zone = \"z\"; types = [\"A\"]; } );\n"
	         "categories = ( { id = \"c\"; name = \"类\"; } );\n"
	         "  @include \"sub/calling.conf\"\n");
	put_file(sub, "calling.conf", "// the calling rules\n@include \"sub/keys.conf\"\n"
	                              "calling = { recall_cap = 4; };\n");
	put_file(sub, "keys.conf", "keys = { finish = \"F6\"; };\n");
	snprintf(path, sizeof path, "%s/main.conf", dir);
	if (config_load(path, &h, err, sizeof err) != QD_OK)
		fail_msg("%s", err);
	assert_int_equal(h->calling.recall_cap, 4);
	config_free(h);

	put_file(sub, "keys.conf", "keys = {\n  finish = \"F6\";\n};\ncalling = { recall_cap = 4294967297; };\n");
	assert_int_equal(config_load(path, &h, err, sizeof err), QD_ERR_CONFIG);
	snprintf(want, sizeof want, "%s/sub/keys.conf:4: recall_cap: 4294967297 is out of range", dir);
	if (strncmp(err, want, strlen(want)) != 0)
		fail_msg("expected %s..., got %s", want, err);
	put_file(sub, "keys.conf", "keys = {\n  finish = \"F66\";\n};\n");
	assert_int_equal(config_load(path, &h, err, sizeof err), QD_ERR_CONFIG);
	snprintf(want, sizeof want, "%s/sub/keys.conf:2: keys.finish: \"F66\" is not a key", dir);
	if (strncmp(err, want, strlen(want)) != 0)
		fail_msg("expected %s..., got %s", want, err);
	snprintf(path, sizeof path, "%s/sub/keys.conf", dir);
	unlink(path);
	snprintf(path, sizeof path, "%s/main.conf", dir);
	assert_int_equal(config_load(path, &h, err, sizeof err), QD_ERR_CONFIG);
	snprintf(want, sizeof want, "%s/sub/calling.conf:2: @include: \"%s/sub/keys.conf\" does not exist",
	         dir, dir);
	assert_string_equal(err, want);

	put_file(dir, "bom.conf", "\xEF\xBB\xBFhall = { name = \"厅\"; };\n");
	snprintf(path, sizeof path, "%s/bom.conf", dir);
	assert_int_equal(config_load(path, &h, err, sizeof err), QD_ERR_CONFIG);
	snprintf(want, sizeof want, "%s:1: syntax error: the file starts with a byte-order mark", path);
	if (strncmp(err, want, strlen(want)) != 0)
		fail_msg("expected %s..., got %s", want, err);
	assert_non_null(strstr(err, "without BOM"));

	static const char *const names[] = { "main.conf", "sub/calling.conf", "sub/keys.conf", "bom.conf" };
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		unlink(path);
	}
	rmdir(sub);
	rmdir(dir);
}

/* An explicitly empty --config is an error, not "use the default"; no file anywhere lists the
 * places looked at; a dangling ./conf/qdesk.conf symlink is reported, not skipped. */
static void test_config_path_errors(void **state)
{
	(void)state;
	char err[1024], cwd[4096], dir[] = "/tmp/qdesk-test-path-XXXXXX", conf[1024], link_path[1024];
	struct hall *h = NULL;
	assert_string_equal(config_path(""), "");
	assert_int_equal(config_load(config_path(""), &h, err, sizeof err), QD_ERR_CONFIG);
	assert_null(h);
	assert_string_equal(err, "--config \"\": the configuration file name is empty");

	assert_non_null(getcwd(cwd, sizeof cwd));
	assert_non_null(mkdtemp(dir));
	assert_int_equal(chdir(dir), 0);
	unsetenv("QDESK_CONFIG");
	const char *p = config_path(NULL);
	struct stat sb;
	if (stat(p, &sb) != 0) {   /* an installed qdesk.conf would be found: nothing to check */
		assert_int_equal(config_load(p, &h, err, sizeof err), QD_ERR_CONFIG);
		assert_non_null(strstr(err, "no configuration file found"));
		assert_non_null(strstr(err, "--config FILE, $QDESK_CONFIG, ./conf/qdesk.conf and "));
		assert_non_null(strstr(err, "/qdesk/qdesk.conf"));
	}
	snprintf(conf, sizeof conf, "%s/conf", dir);
	snprintf(link_path, sizeof link_path, "%s/conf/qdesk.conf", dir);
	assert_int_equal(mkdir(conf, 0700), 0);
	assert_int_equal(symlink("/nonexistent/qdesk.conf", link_path), 0);
	p = config_path(NULL);
	assert_string_equal(p, "conf/qdesk.conf");
	assert_int_equal(config_load(p, &h, err, sizeof err), QD_ERR_CONFIG);
	assert_string_equal(err, "conf/qdesk.conf: cannot read: it is a symbolic link to "
	                         "\"/nonexistent/qdesk.conf\", which does not exist");
	unlink(link_path);
	rmdir(conf);
	assert_int_equal(chdir(cwd), 0);
	rmdir(dir);
}

int main(void)
{
	/* Names are measured in terminal columns: wcwidth needs a UTF-8 locale, as qdesk insists on. */
	if (!setlocale(LC_ALL, "C.UTF-8"))
		setlocale(LC_ALL, "");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sanitized_messages),
		cmocka_unit_test(test_include_and_bom),
		cmocka_unit_test(test_config_path_errors),
		cmocka_unit_test(test_demo_hall),
		cmocka_unit_test(test_minimal_defaults),
		cmocka_unit_test(test_bad_configs),
		cmocka_unit_test(test_unreadable),
		cmocka_unit_test(test_prefix_case),
		cmocka_unit_test(test_keys),
		cmocka_unit_test(test_keymaps),
		cmocka_unit_test(test_config_path),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
