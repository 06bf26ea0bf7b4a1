/* cli-print.c - `qdesk print TICKET`: print (again) the slip of one of today's tickets, or show it
 * as text; and the printing step `qdesk issue --print` shares with it. */
#include <stdio.h>
#include "cli.h"
#include "qdesk/i18n.h"
#include "qdesk/print.h"

int cli_print_slip(struct cli *c, const struct ticket *t, const char *what)
{
	struct print_job *pj = NULL;
	enum qd_status s = print_start(c->hall, t, &pj);
	if (s == QD_OK)
		print_wait(pj);
	s = pj ? print_status(pj) : s;
	const char *reason = pj ? print_reason(pj) : _(qd_status_text(s));
	if (c->json) {
		struct json j;
		json_begin(&j, stdout);
		json_bool(&j, "ok", s == QD_OK);
		if (s != QD_OK) {
			json_str(&j, "error", qd_status_name(s));
			json_str(&j, "message", reason);
		}
		cli_json_ticket(c, &j, "ticket", t);
		json_object(&j, "print");
		json_bool(&j, "ok", s == QD_OK);
		json_str(&j, "message", reason);
		json_str(&j, "replaced", pj && *print_replaced(pj) ? print_replaced(pj) : NULL);
		json_close(&j);
		json_end(&j);
	} else {
		if (what)
			printf("%s %s\n", t->number, what);
		fprintf(s == QD_OK ? stdout : stderr, s == QD_OK ? "%s\n" : "qdesk: %s\n", reason);
	}
	print_free(pj);
	return qd_status_exit(s);
}

int cli_print(struct cli *c, int argc, char **argv)
{
	int text = 0;
	const char *pos[1];
	const struct cli_opt opts[] = { { "text", NULL, &text }, { NULL, NULL, NULL } };
	int rc = cli_parse(c, argc, argv, opts, pos, 1, 1);
	if (rc || (rc = cli_store(c, STORE_OPEN_READ)))
		return rc;
	char number[32];
	struct ticket t;
	queue_number_normalize(c->hall, pos[0], number, sizeof number);
	enum qd_status s = queue_find(c->st, number, &t);
	if (s != QD_OK)
		return cli_fail(c, s, pos[0]);
	if (!text && !print_allowed(&t))
		return cli_fail(c, QD_ERR_NOT_WAITING, _(queue_label(t.state)));
	if (!text)
		return cli_print_slip(c, &t, NULL);
	struct print_slip slip;
	struct print_bytes b;
	print_slip_of(c->hall, &t, &slip);
	if ((s = print_render(&slip, c->hall->printer.width, 0, &b)) != QD_OK)
		return cli_fail(c, s, NULL);
	if (c->json) {
		struct json j;
		json_begin(&j, stdout);
		json_bool(&j, "ok", 1);
		cli_json_ticket(c, &j, "ticket", &t);
		json_str(&j, "text", b.data);
		json_end(&j);
	} else {
		fwrite(b.data, 1, b.len, stdout);
	}
	print_bytes_free(&b);
	return 0;
}
