/* cli-config.c - `qdesk config check`: validate the hall's configuration and summarise it. */
#include <stdio.h>
#include <string.h>
#include "cli.h"
#include "qdesk/i18n.h"

int cli_config(struct cli *c, int argc, char **argv)
{
	if (argc < 2 || strcmp(argv[1], "check"))
		return cli_usage("config", _("the only subcommand is 'check'"));
	int rc = cli_parse(c, argc - 1, argv + 1, NULL, NULL, 0, 0);
	if (rc || (rc = cli_hall(c)))
		return rc;
	const struct hall *h = c->hall;
	const struct { const char *key, *label; size_t n; } counts[] = {
		{ "zones", N_("zones"), h->nzones },
		{ "types", N_("business types"), h->ntypes },
		{ "windows", N_("windows"), h->nwindows },
		{ "groups", N_("priority groups"), h->ngroups },
		{ "categories", N_("case categories"), h->ncategories },
		{ "matters", N_("matters"), h->nmatters },
		{ "desks", N_("guide desks"), h->ndesks },
	};
	size_t n = sizeof counts / sizeof counts[0];
	if (c->json) {
		struct json j;
		json_begin(&j, stdout);
		json_bool(&j, "ok", 1);
		json_str(&j, "file", h->path);
		json_str(&j, "hall", h->name);
		for (size_t i = 0; i < n; i++)
			json_int(&j, counts[i].key, (long long)counts[i].n);
		json_end(&j);
		return 0;
	}
	printf(_("%s: configuration is valid\n"), h->path);
	printf("%s: %s\n", _("hall"), h->name);
	for (size_t i = 0; i < n; i++)
		printf("%s: %zu\n", _(counts[i].label), counts[i].n);
	return 0;
}
