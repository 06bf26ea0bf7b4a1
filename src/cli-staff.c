/* cli-staff.c - `qdesk staff add|list|passwd|disable`: staff accounts. A PIN is prompted twice
 * (not echoed) on a terminal, else read as one line of standard input. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include "cli.h"
#include "qdesk/i18n.h"
#include "qdesk/staff.h"

/* Read one line into buf without its newline; no echo on a terminal. Returns 0, or -1 at EOF. */
static int read_line(const char *prompt, char *buf, size_t len)
{
	int tty = isatty(STDIN_FILENO);
	struct termios old, quiet;
	if (tty) {
		fputs(prompt, stderr);
		fflush(stderr);
		tcgetattr(STDIN_FILENO, &old);
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
	}
	char *got = fgets(buf, (int)len, stdin);
	if (tty) {
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
		fputc('\n', stderr);
	}
	if (!got)
		return -1;
	buf[strcspn(buf, "\r\n")] = '\0';
	return 0;
}

/* The new PIN: twice on a terminal (they must match), once from a pipe. Returns 0 or exit status. */
static int read_pin(const char *cmd, char pin[64])
{
	char again[64];
	if (read_line(_("PIN: "), pin, 64))
		return cli_usage(cmd, _("no PIN given on standard input"));
	if (isatty(STDIN_FILENO)) {
		if (read_line(_("PIN again: "), again, sizeof again) || strcmp(pin, again)) {
			fprintf(stderr, "qdesk %s: %s\n", cmd, _("the PINs differ"));
			return 1;
		}
	}
	return 0;
}

/* Say an account changed: the line text, or with --json {"ok":true,"id":ID}. */
static int print_done(struct cli *c, const char *id, const char *text)
{
	if (!c->json) {
		puts(text);
		return 0;
	}
	struct json j;
	json_begin(&j, stdout);
	json_bool(&j, "ok", 1);
	json_str(&j, "id", id);
	json_end(&j);
	return 0;
}

static int staff_add_cmd(struct cli *c, int argc, char **argv)
{
	const char *name = NULL, *role_s = NULL, *pos[1];
	const struct cli_opt opts[] = {
		{ "name", &name, NULL }, { "role", &role_s, NULL }, { NULL, NULL, NULL } };
	int rc = cli_parse(c, argc, argv, opts, pos, 1, 1);
	if (rc)
		return rc;
	enum staff_role role = role_s ? staff_role_parse(role_s) : 0;
	if (!name)
		return cli_usage("staff", _("--name NAME is required"));
	if (staff_name_blank(name))
		return cli_usage("staff", _("--name must not be blank"));
	if (!role)
		return cli_usage("staff", _("--role must be guide, clerk, lead or admin"));
	char pin[64];
	if ((rc = cli_store(c, 0)) || (rc = read_pin("staff", pin)))
		return rc;
	enum qd_status s = staff_add(c->st, pos[0], name, role, pin);
	if (s != QD_OK)
		return cli_fail(c, s, pos[0]);
	char text[128];
	snprintf(text, sizeof text, _("staff %s added"), pos[0]);
	return print_done(c, pos[0], text);
}

static int staff_list_cmd(struct cli *c, int argc, char **argv)
{
	int rc = cli_parse(c, argc, argv, NULL, NULL, 0, 0);
	if (rc || (rc = cli_store(c, 0)))
		return rc;
	struct staff *all;
	size_t n;
	enum qd_status s = staff_list(c->st, &all, &n);
	if (s != QD_OK)
		return cli_fail(c, s, NULL);
	struct json j;
	if (c->json) {
		json_begin(&j, stdout);
		json_bool(&j, "ok", 1);
		json_array(&j, "staff");
	}
	for (size_t i = 0; i < n; i++) {
		if (c->json) {
			json_object(&j, NULL);
			json_str(&j, "id", all[i].id);
			json_str(&j, "name", all[i].name);
			json_str(&j, "role", staff_role_name(all[i].role));
			json_bool(&j, "active", all[i].active);
			json_close(&j);
		} else {
			printf("%s\t%s\t%s\t%s\n", all[i].id, all[i].name, staff_role_name(all[i].role),
			       all[i].active ? _("active") : _("disabled"));
		}
	}
	if (c->json)
		json_end(&j);
	free(all);
	return 0;
}

/* passwd, disable and enable: one account id, one change. */
enum staff_change { CHANGE_PIN, CHANGE_DISABLE, CHANGE_ENABLE };
static int staff_change_cmd(struct cli *c, int argc, char **argv, enum staff_change what)
{
	int passwd = what == CHANGE_PIN;
	const char *pos[1];
	int rc = cli_parse(c, argc, argv, NULL, pos, 1, 1);
	if (rc || (rc = cli_store(c, 0)))
		return rc;
	char pin[64];
	if (passwd && (rc = read_pin("staff", pin)))
		return rc;
	enum qd_status s = passwd ? staff_set_pin(c->st, pos[0], pin)
	                          : staff_set_active(c->st, pos[0], what == CHANGE_ENABLE);
	if (s != QD_OK)
		return cli_fail(c, s, pos[0]);
	char text[128];
	if (passwd)
		snprintf(text, sizeof text, _("PIN of %s changed"), pos[0]);
	else if (what == CHANGE_ENABLE)
		snprintf(text, sizeof text, _("staff %s enabled"), pos[0]);
	else
		snprintf(text, sizeof text, _("staff %s disabled"), pos[0]);
	return print_done(c, pos[0], text);
}

int cli_staff(struct cli *c, int argc, char **argv)
{
	if (argc < 2)
		return cli_usage("staff", _("missing subcommand"));
	const char *sub = argv[1];
	if (!strcmp(sub, "add"))
		return staff_add_cmd(c, argc - 1, argv + 1);
	if (!strcmp(sub, "list"))
		return staff_list_cmd(c, argc - 1, argv + 1);
	if (!strcmp(sub, "passwd"))
		return staff_change_cmd(c, argc - 1, argv + 1, CHANGE_PIN);
	if (!strcmp(sub, "disable"))
		return staff_change_cmd(c, argc - 1, argv + 1, CHANGE_DISABLE);
	if (!strcmp(sub, "enable"))
		return staff_change_cmd(c, argc - 1, argv + 1, CHANGE_ENABLE);
	return cli_usage("staff", _("unknown subcommand"));
}
