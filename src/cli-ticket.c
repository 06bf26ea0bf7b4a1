/* cli-ticket.c - `qdesk ticket NUMBER [--json]`: look a ticket of today up: its state, the queue
 * it waits in, its window, how many are ahead, why it was voided. */
#include <stdio.h>
#include "cli.h"
#include "qdesk/guide.h"
#include "qdesk/i18n.h"

int cli_ticket(struct cli *c, int argc, char **argv)
{
	const char *pos[1];
	int rc = cli_parse(c, argc, argv, NULL, pos, 1, 1);
	if (rc || (rc = cli_store(c, STORE_OPEN_READ)))
		return rc;
	struct guide_lookup l;
	enum qd_status s = guide_lookup(c->st, c->hall, pos[0], &l);
	if (s != QD_OK)
		return cli_fail(c, s, pos[0]);
	if (c->json) {
		struct json j;
		json_begin(&j, stdout);
		json_bool(&j, "ok", 1);
		cli_json_ticket(c, &j, "ticket", &l.ticket);
		json_str(&j, "queue", l.ticket.queue_type[0] ? l.ticket.queue_type : l.ticket.type);
		if (l.ticket.target_window)
			json_int(&j, "target_window", l.ticket.target_window);
		else
			json_str(&j, "target_window", NULL);
		json_str(&j, "void_reason", l.void_reason[0] ? l.void_reason : NULL);
		json_end(&j);
		return 0;
	}
	char line[512];
	guide_lookup_text(c->hall, &l, line, sizeof line);
	puts(line);
	return 0;
}
