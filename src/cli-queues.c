/* cli-queues.c - `qdesk queues [--json]`: what the guide desk tells people: each business type with
 * how many wait, the windows open for it, the longest wait and the estimated wait. */
#include <stdio.h>
#include <stdlib.h>
#include "cli.h"
#include "qdesk/guide.h"
#include "qdesk/i18n.h"
#include "qdesk/text.h"

static void print_json(const struct guide_queue *q, size_t n)
{
	struct json j;
	json_begin(&j, stdout);
	json_bool(&j, "ok", 1);
	json_array(&j, "types");
	for (size_t i = 0; i < n; i++) {
		json_object(&j, NULL);
		json_str(&j, "type", q[i].type->prefix);
		json_str(&j, "name", q[i].type->name);
		json_int(&j, "waiting", q[i].waiting);
		json_int(&j, "windows", q[i].windows);
		json_int(&j, "longest_minutes", q[i].longest / 60);
		json_bool(&j, "past_target", q[i].past_target);
		json_int(&j, "samples", q[i].samples);
		if (q[i].estimate.known) {
			json_int(&j, "estimate_min", q[i].estimate.lo);
			json_int(&j, "estimate_max", q[i].estimate.hi);
		} else {
			json_str(&j, "estimate_min", NULL);
			json_str(&j, "estimate_max", NULL);
		}
		json_close(&j);
	}
	json_close(&j);
	json_end(&j);
}

int cli_queues(struct cli *c, int argc, char **argv)
{
	int rc = cli_parse(c, argc, argv, NULL, NULL, 0, 0);
	if (rc || (rc = cli_store(c, STORE_OPEN_READ)))
		return rc;
	struct guide_queue *q;
	size_t n;
	enum qd_status s = guide_queues(c->st, c->hall, &q, &n);
	if (s != QD_OK)
		return cli_fail(c, s, NULL);
	if (c->json) {
		print_json(q, n);
		free(q);
		return 0;
	}
	for (size_t i = 0; i < n; i++) {
		char name[128], est[64];
		text_pad(q[i].type->name, 20, name, sizeof name);
		guide_estimate_text(&q[i].estimate, est, sizeof est);
		printf(_("%-2s %s waiting %3d  windows %2d  longest %3lld min%s  estimate %s\n"),
		       q[i].type->prefix, name, q[i].waiting, q[i].windows, q[i].longest / 60,
		       q[i].past_target ? "!" : " ", est);
	}
	free(q);
	return 0;
}
