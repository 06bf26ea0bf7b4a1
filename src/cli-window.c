/* cli-window.c - `qdesk window N`: the window clerk console on a terminal. For the tests,
 * QDESK_SCRIPT names a key script run instead of the keyboard, QDESK_DUMP where its :dump steps
 * write the screen as text, QDESK_SIZE the fixed size ("80x24"). `qdesk window --list-actions`
 * prints the action table (config name, default keys, help) for the man-page check. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli.h"
#include "screen-window.h"
#include "ui.h"
#include "qdesk/actions.h"
#include "qdesk/i18n.h"
#include "qdesk/staff.h"

static const char *const action_helps[ACT_COUNT] = {
#define CLI_WINDOW_HELP(name, cname, fkey, letter, help) [ACT_##name] = help,
	QDESK_ACTIONS(CLI_WINDOW_HELP)
#undef CLI_WINDOW_HELP
};

/* One line per action: config name, default keys, English help (tab-separated). */
static int list_actions(void)
{
	for (int a = 0; a < ACT_COUNT; a++) {
		int keys[2];
		char names[2][16];
		int n = action_default_keys((enum action)a, keys);
		for (int i = 0; i < n; i++)
			ui_key_name(keys[i], names[i], sizeof names[i]);
		printf("%s\t%s%s%s\t%s\n", action_name((enum action)a), n > 0 ? names[0] : "",
		       n > 1 ? " " : "", n > 1 ? names[1] : "", action_helps[a]);
	}
	return 0;
}

int cli_window(struct cli *c, int argc, char **argv)
{
	int list = 0, rc, w;
	const char *pos[1] = { NULL };
	const struct cli_opt opts[] = { { "list-actions", NULL, &list }, { NULL, NULL, NULL } };
	if ((rc = cli_parse(c, argc, argv, opts, pos, 0, 1)))
		return rc;
	if (list)
		return list_actions();
	if (!pos[0])
		return cli_usage("window", _("which window? (qdesk window N)"));
	if ((rc = cli_int("window", _("WINDOW"), pos[0], 1, 9999, &w)))
		return rc;
	if ((rc = cli_hall(c)) || (rc = cli_store(c, 0)))
		return rc;
	if (!hall_window(c->hall, w))
		return cli_fail(c, QD_ERR_NO_WINDOW, pos[0]);
	enum qd_status s = staff_init();
	if (s != QD_OK)
		return cli_fail(c, s, NULL);
	struct ui_options o = { .hall = c->hall, .st = c->st };
	const char *script = getenv("QDESK_SCRIPT"), *size = getenv("QDESK_SIZE");
	if (script && *script) {
		o.script = script;
		o.dump = getenv("QDESK_DUMP");
		if (size && sscanf(size, "%dx%d", &o.script_cols, &o.script_lines) != 2)
			return cli_usage("window", _("QDESK_SIZE is COLSxLINES, e.g. 80x24"));
	} else if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, "qdesk: %s\n", _("the window console needs a terminal"));
		return 2;
	}
	struct ui *ui = ui_new(&o);
	if (!ui)
		return 1;
	store_set_wait_hook(c->st, ui_store_waiting, ui);
	s = window_console_push(ui, w);
	rc = s == QD_OK ? ui_run(ui) : 1;
	ui_free(ui);
	if (s != QD_OK)
		return cli_fail(c, s, NULL);
	return rc;
}
