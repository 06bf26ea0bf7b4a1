/* cli-status.c - `qdesk status [--json]`: the hall right now: each queue and each window. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "qdesk/i18n.h"
#include "qdesk/text.h"

/* How many of today's waiting tickets wait in the queue of type prefix. */
static int waiting_of(const struct ticket *all, size_t n, const char *prefix)
{
	int k = 0;
	for (size_t i = 0; i < n; i++)
		k += !strcmp(all[i].queue_type[0] ? all[i].queue_type : all[i].type, prefix);
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

static void print_json(struct cli *c, const struct ticket *waiting, size_t nwaiting,
                       const struct window_state *ws)
{
	const struct hall *h = c->hall;
	struct json j;
	json_begin(&j, stdout);
	json_bool(&j, "ok", 1);
	json_int(&j, "waiting", (long long)nwaiting);
	json_array(&j, "types");
	for (size_t i = 0; i < h->ntypes; i++) {
		json_object(&j, NULL);
		json_str(&j, "type", h->types[i].prefix);
		json_str(&j, "name", h->types[i].name);
		json_int(&j, "waiting", waiting_of(waiting, nwaiting, h->types[i].prefix));
		json_close(&j);
	}
	json_close(&j);
	json_array(&j, "windows");
	for (size_t i = 0; i < h->nwindows; i++) {
		json_object(&j, NULL);
		json_int(&j, "window", ws[i].number);
		json_str(&j, "state", ws[i].state);
		json_str(&j, "staff", ws[i].staff[0] ? ws[i].staff : NULL);
		json_str(&j, "current", ws[i].current.id ? ws[i].current.number : NULL);
		json_str(&j, "pause_reason", ws[i].pause_reason[0] ? ws[i].pause_reason : NULL);
		json_int(&j, "served_today", ws[i].served_today);
		json_int(&j, "noshow_today", ws[i].noshow_today);
		json_close(&j);
	}
	json_end(&j);
}

static void print_text(struct cli *c, const struct ticket *waiting, size_t nwaiting,
                       const struct window_state *ws)
{
	const struct hall *h = c->hall;
	char name[64], state[32];
	printf("%s  %s: %zu\n", h->name, _("waiting"), nwaiting);
	for (size_t i = 0; i < h->ntypes; i++) {
		text_pad(h->types[i].name, 24, name, sizeof name);
		printf("  %-2s %s %3d\n", h->types[i].prefix, name,
		       waiting_of(waiting, nwaiting, h->types[i].prefix));
	}
	for (size_t i = 0; i < h->nwindows; i++) {
		text_pad(h->windows[i].name, 20, name, sizeof name);
		text_pad(state_label(ws[i].state), 8, state, sizeof state);
		printf("  %3d %s %s %-6s %-10s %s %d\n", ws[i].number, name, state,
		       ws[i].current.id ? ws[i].current.number : "", ws[i].staff, _("served"),
		       ws[i].served_today);
	}
}

int cli_status(struct cli *c, int argc, char **argv)
{
	int rc = cli_parse(c, argc, argv, NULL, NULL, 0, 0);
	if (rc || (rc = cli_store(c, STORE_OPEN_READ)))
		return rc;
	const struct hall *h = c->hall;
	struct ticket *waiting = NULL;
	size_t nwaiting = 0;
	struct window_state *ws = calloc(h->nwindows ? h->nwindows : 1, sizeof *ws);
	enum qd_status s = ws ? queue_snapshot(c->st, h, 0, ws, &waiting, &nwaiting) : QD_ERR_NOMEM;
	if (s == QD_OK) {
		if (c->json)
			print_json(c, waiting, nwaiting, ws);
		else
			print_text(c, waiting, nwaiting, ws);
	}
	free(waiting);
	free(ws);
	return s == QD_OK ? 0 : cli_fail(c, s, NULL);
}
