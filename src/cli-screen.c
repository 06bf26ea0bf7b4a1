/* cli-screen.c - the launcher of every console screen: `qdesk window N`, and each screen added to
 * the table below (`qdesk guide [DESK]`, `qdesk board …`, `qdesk lead`). It shares what they all
 * need: the config, the store, the PIN library, a terminal (checked before curses starts) or, for
 * the tests, the scripted mode: QDESK_SCRIPT names a key script run instead of the keyboard,
 * QDESK_DUMP where its :dump steps write the screen as text, QDESK_SIZE the fixed size ("80x24").
 * `qdesk SCREEN --list-actions` prints that screen's keymap (config name, default keys, help) for
 * the man-page check. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli.h"
#include "screen-board.h"
#include "screen-guide.h"
#include "screen-lead.h"
#include "screen-window.h"
#include "ui.h"
#include "qdesk/actions.h"
#include "qdesk/i18n.h"
#include "qdesk/staff.h"

/* One line per screen. Adding a screen: a line here, a line in cli.c's command table naming
 * cli_screen, and the screen's push function. */
struct launcher {
	const char *command;        /* qdesk COMMAND */
	enum keymap keymap;         /* whose actions --list-actions prints */
	const char *arg;            /* the argument's name ("WINDOW"), NULL: the screen takes none */
	int arg_required;
	int arg_min, arg_max;       /* the argument is a number in this range */
	const char *missing;        /* usage message when a required argument is missing */
	/* Refuse a bad argument before curses starts (NULL: nothing to check); arg 0 if not given. */
	enum qd_status (*check)(const struct hall *h, int arg);
	/* Push the screen (and its login); arg 0 if not given. */
	enum qd_status (*push)(struct ui *ui, int arg);
	/* Or, for the board (--zone Z, --window N): check and push with those options. */
	enum qd_status (*check_opts)(const struct hall *h, const struct board_opts *o);
	enum qd_status (*push_opts)(struct ui *ui, const struct board_opts *o);
};

static enum qd_status window_check(const struct hall *h, int w)
{
	return hall_window(h, w) ? QD_OK : QD_ERR_NO_WINDOW;
}

static const struct launcher launchers[] = {
	{ "window", KEYMAP_WINDOW, N_("WINDOW"), 1, 1, 9999, N_("which window? (qdesk window N)"),
	  window_check, window_console_push, NULL, NULL },
	{ "lead", KEYMAP_LEAD, NULL, 0, 0, 0, NULL, NULL, lead_dashboard_push, NULL, NULL },
	{ "guide", KEYMAP_GUIDE, N_("DESK"), 0, 1, 999, N_("which desk? (qdesk guide N)"),
	  guide_check, guide_desk_push, NULL, NULL },
	{ "board", KEYMAP_BOARD, NULL, 0, 0, 0, NULL, NULL, NULL, board_check, board_push },
};

/* One line per action of keymap km: config name, default keys, English help (tab-separated). */
static int list_actions(enum keymap km)
{
	for (int a = 0; a < ACT_COUNT; a++) {
		if (!action_in_keymap((enum action)a, km))
			continue;
		int keys[2];
		char names[2][16];
		int n = action_default_keys((enum action)a, keys);
		for (int i = 0; i < n; i++)
			ui_key_name(keys[i], names[i], sizeof names[i]);
		printf("%s\t%s%s%s\t%s\n", action_name((enum action)a), n > 0 ? names[0] : "",
		       n > 1 ? " " : "", n > 1 ? names[1] : "", action_help((enum action)a));
	}
	return 0;
}

int cli_screen(struct cli *c, int argc, char **argv)
{
	const struct launcher *l = NULL;
	for (size_t i = 0; i < sizeof launchers / sizeof launchers[0] && !l; i++)
		if (!strcmp(launchers[i].command, argv[0]))
			l = &launchers[i];
	if (!l)
		return cli_usage(argv[0], _("no such screen"));
	int list = 0, rc, arg = 0;
	const char *pos[1] = { NULL }, *zone = NULL, *window = NULL;
	const struct cli_opt opts[] = { { "list-actions", NULL, &list }, { "zone", &zone, NULL },
	                                { "window", &window, NULL }, { NULL, NULL, NULL } };
	const struct cli_opt only_list[] = { { "list-actions", NULL, &list }, { NULL, NULL, NULL } };
	if ((rc = cli_parse(c, argc, argv, l->push_opts ? opts : only_list, pos, 0, l->arg ? 1 : 0)))
		return rc;
	if (list)
		return list_actions(window && l->push_opts ? KEYMAP_PAD : l->keymap);
	struct board_opts bo = { .zone = zone };
	if (window && (rc = cli_int(l->command, _("WINDOW"), window, 1, 9999, &bo.window)))
		return rc;
	if (!pos[0] && l->arg_required)
		return cli_usage(l->command, _(l->missing));
	if (pos[0] && (rc = cli_int(l->command, _(l->arg), pos[0], l->arg_min, l->arg_max, &arg)))
		return rc;
	if ((rc = cli_hall(c)) || (rc = cli_store(c, 0)))
		return rc;
	enum qd_status s = l->check_opts ? l->check_opts(c->hall, &bo)
	                   : l->check ? l->check(c->hall, arg) : QD_OK;
	if (s != QD_OK)
		return cli_fail(c, s, l->check_opts ? (s == QD_ERR_NO_ZONE ? zone : window) : pos[0]);
	if ((s = staff_init()) != QD_OK)
		return cli_fail(c, s, NULL);
	struct ui_options o = { .hall = c->hall, .st = c->st };
	const char *script = getenv("QDESK_SCRIPT"), *size = getenv("QDESK_SIZE");
	if (script && *script) {
		o.script = script;
		o.dump = getenv("QDESK_DUMP");
		if (size && sscanf(size, "%dx%d", &o.script_cols, &o.script_lines) != 2)
			return cli_usage(l->command, _("QDESK_SIZE is COLSxLINES, e.g. 80x24"));
	} else if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, "qdesk: ");
		fprintf(stderr, _("qdesk %s needs a terminal"), l->command);
		fputc('\n', stderr);
		return 2;
	}
	struct ui *ui = ui_new(&o);
	if (!ui)
		return 1;
	store_set_wait_hook(c->st, ui_store_waiting, ui);
	s = l->push_opts ? l->push_opts(ui, &bo) : l->push(ui, arg);
	rc = s == QD_OK ? ui_run(ui) : 1;
	ui_free(ui);
	if (s != QD_OK)
		return cli_fail(c, s, NULL);
	return rc;
}
