/* actions.c - the action table generated from QDESK_ACTIONS: names, default keys, and the key
 * names the config's keys group may use. */
#include <stddef.h>
#include <string.h>
#include <strings.h>
#include "qdesk/actions.h"

#define KEY_F0_CODE 0410   /* curses KEY_F(0); KEY_F(n) is KEY_F0_CODE + n */

static const struct { const char *name; int fkey, letter; } actions[] = {
#define QD_ACTION_ROW(name, cname, fkey, letter, help) { cname, fkey, letter },
	QDESK_ACTIONS(QD_ACTION_ROW)
#undef QD_ACTION_ROW
};

static const struct { const char *name; int key; } named_keys[] = {
	{ "Enter", '\n' }, { "Esc", 27 }, { "Tab", '\t' }, { "Space", ' ' },
};

enum action action_by_name(const char *name)
{
	for (size_t i = 0; name && i < ACT_COUNT; i++)
		if (strcmp(actions[i].name, name) == 0)
			return (enum action)i;
	return ACT_COUNT;
}

const char *action_name(enum action a)
{
	return (unsigned)a < ACT_COUNT ? actions[a].name : NULL;
}

int action_default_keys(enum action a, int keys[2])
{
	int n = 0;
	if ((unsigned)a >= ACT_COUNT)
		return 0;
	if (actions[a].fkey > 0)
		keys[n++] = KEY_F0_CODE + actions[a].fkey;
	if (actions[a].letter)
		keys[n++] = actions[a].letter;
	return n;
}

int action_parse_key(const char *s)
{
	if (!s || !*s)
		return -1;
	if (!s[1])
		return s[0] > ' ' && s[0] < 0x7f ? (unsigned char)s[0] : -1;
	if ((s[0] == 'F' || s[0] == 'f') && s[1] >= '1' && s[1] <= '9') {
		int n = s[1] - '0';
		if (s[2]) {
			if (s[3] || s[2] < '0' || s[2] > '9')
				return -1;
			n = n * 10 + (s[2] - '0');
		}
		return n <= 12 ? KEY_F0_CODE + n : -1;
	}
	for (size_t i = 0; i < sizeof named_keys / sizeof named_keys[0]; i++)
		if (strcasecmp(s, named_keys[i].name) == 0)
			return named_keys[i].key;
	return -1;
}
