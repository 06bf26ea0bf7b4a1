/* cli-status.c - `qdesk status [--json]`: the hall right now: each window and each queue. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "qdesk/i18n.h"
#include "qdesk/text.h"

/* How many of today's waiting tickets are of type prefix. */
static int waiting_of(const struct ticket *all, size_t n, const char *prefix)
{
	int k = 0;
	for (size_t i = 0; i < n; i++)
		k += !strcmp(all[i].type, prefix);
	return k;
}

static const char *state_label(const char *state)
{
	if (!strcmp(state, "idle"))
		return _("idle");
	if (!strcmp(state, "serving"))
		return _("serving");
	if (!strcmp(state, "paused"))
		return _("paused");
	return _("closed");
}

int cli_status(struct cli *c, int argc, char **argv)
{
	int rc = cli_parse(c, argc, argv, NULL, NULL, 0, 0);
	if (rc || (rc = cli_store(c, 0)))
		return rc;
	const struct hall *h = c->hall;
	struct ticket *waiting;
	size_t nwaiting;
	enum qd_status s = queue_waiting(c->st, h, 0, &waiting, &nwaiting);
	if (s != QD_OK)
		return cli_fail(c, s, NULL);
	struct json j;
	if (c->json) {
		json_begin(&j, stdout);
		json_bool(&j, "ok", 1);
		json_int(&j, "waiting", (long long)nwaiting);
		json_array(&j, "types");
	} else {
		printf("%s  %s: %zu\n", h->name, _("waiting"), nwaiting);
	}
	for (size_t i = 0; i < h->ntypes; i++) {
		int k = waiting_of(waiting, nwaiting, h->types[i].prefix);
		if (c->json) {
			json_object(&j, NULL);
			json_str(&j, "type", h->types[i].prefix);
			json_str(&j, "name", h->types[i].name);
			json_int(&j, "waiting", k);
			json_close(&j);
		} else {
			char name[64];
			text_pad(h->types[i].name, 24, name, sizeof name);
			printf("  %-2s %s %3d\n", h->types[i].prefix, name, k);
		}
	}
	if (c->json) {
		json_close(&j);
		json_array(&j, "windows");
	}
	for (size_t i = 0; i < h->nwindows && s == QD_OK; i++) {
		struct window_state ws;
		s = queue_window(c->st, h, h->windows[i].number, &ws);
		if (s != QD_OK)
			break;
		const char *current = ws.current.id ? ws.current.number : "";
		if (c->json) {
			json_object(&j, NULL);
			json_int(&j, "window", ws.number);
			json_str(&j, "state", ws.state);
			json_str(&j, "staff", ws.staff[0] ? ws.staff : NULL);
			json_str(&j, "current", ws.current.id ? current : NULL);
			json_str(&j, "pause_reason", ws.pause_reason[0] ? ws.pause_reason : NULL);
			json_int(&j, "served_today", ws.served_today);
			json_int(&j, "noshow_today", ws.noshow_today);
			json_close(&j);
		} else {
			char name[64], state[32];
			text_pad(h->windows[i].name, 20, name, sizeof name);
			text_pad(state_label(ws.state), 8, state, sizeof state);
			printf("  %3d %s %s %-6s %-10s %s %d\n", ws.number, name, state, current, ws.staff,
			       _("served"), ws.served_today);
		}
	}
	free(waiting);
	if (s != QD_OK) {
		if (c->json)
			json_end(&j);
		return cli_fail(c, s, NULL);
	}
	if (c->json)
		json_end(&j);
	return 0;
}
