/* cli-items.c - the list printing `qdesk problem list` and `qdesk rectify list` share. */
#include <stdio.h>
#include "cli-items.h"
#include "qdesk/clock.h"

void cli_items_print(struct cli *c, const char *key, const void *rows, size_t n, size_t elem,
                     void (*json_row)(struct json *, const void *), void (*print_row)(const void *))
{
	struct json j;
	if (c->json) {
		json_begin(&j, stdout);
		json_bool(&j, "ok", 1);
		json_array(&j, key);
	}
	for (size_t i = 0; i < n; i++) {
		const void *row = (const char *)rows + i * elem;
		if (c->json)
			json_row(&j, row);
		else
			print_row(row);
	}
	if (c->json)
		json_end(&j);
}

void cli_items_stamp(struct json *j, const char *key, long long at)
{
	char stamp[20];
	if (!at) {
		json_str(j, key, NULL);
		return;
	}
	clock_stamp((time_t)at, stamp);
	json_str(j, key, stamp);
}

const char *cli_items_window(int window, char buf[16])
{
	if (window)
		snprintf(buf, 16, "%d", window);
	else
		snprintf(buf, 16, "-");
	return buf;
}
