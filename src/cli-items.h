/* cli-items.h - what the commands listing the lead's items (`qdesk problem list`,
 * `qdesk rectify list`) share: the list printed as tab-separated lines or as a JSON array, and
 * the small value forms of their rows. */
#ifndef QDESK_CLI_ITEMS_H
#define QDESK_CLI_ITEMS_H
#include <stddef.h>
#include "cli.h"

/* Print rows[0..n) (elem bytes each): with --json as {"ok":true,"<key>":[…]} through json_row,
 * else print_row for each. */
void cli_items_print(struct cli *c, const char *key, const void *rows, size_t n, size_t elem,
                     void (*json_row)(struct json *, const void *), void (*print_row)(const void *));
/* at (Unix seconds) as "YYYY-MM-DD HH:MM:SS" under key; null for 0. */
void cli_items_stamp(struct json *j, const char *key, long long at);
/* A window number as text into buf ("-" for 0); returns buf. */
const char *cli_items_window(int window, char buf[16]);

#endif
