/* actions.c - the action and keymap tables generated from QDESK_ACTIONS and QDESK_KEYMAPS: names,
 * keymaps, labels, help texts, default keys, and the key names the config's keys group may use. */
#include <stddef.h>
#include <string.h>
#include <strings.h>
#include "qdesk/actions.h"

#define KEY_F0_CODE 0410   /* curses KEY_F(0); KEY_F(n) is KEY_F0_CODE + n */

static const struct {
	unsigned keymaps;
	const char *name, *label, *help;
	int fkey, letter;
} actions[] = {
#define QD_ACTION_ROW(km, name, cname, fkey, letter, label, help) { km, cname, label, help, fkey, letter },
	QDESK_ACTIONS(QD_ACTION_ROW)
#undef QD_ACTION_ROW
};

static const char *const keymap_names[KEYMAP_COUNT] = {
#define QD_KEYMAP_NAME(name, cname) [KEYMAP_##name] = cname,
	QDESK_KEYMAPS(QD_KEYMAP_NAME)
#undef QD_KEYMAP_NAME
};

static const struct { const char *name; int key; } named_keys[] = {
	{ "Enter", '\n' }, { "Esc", 27 }, { "Tab", '\t' }, { "Space", ' ' },
};

enum keymap keymap_by_name(const char *name)
{
	for (int k = 1; name && k < KEYMAP_COUNT; k++)
		if (strcmp(keymap_names[k], name) == 0)
			return (enum keymap)k;
	return KEYMAP_NONE;
}

const char *keymap_name(enum keymap k)
{
	return k > KEYMAP_NONE && k < KEYMAP_COUNT ? keymap_names[k] : NULL;
}

int action_in_keymap(enum action a, enum keymap k)
{
	return (unsigned)a < ACT_COUNT && k > KEYMAP_NONE && k < KEYMAP_COUNT
	       && (actions[a].keymaps & (1u << k));
}

enum action action_by_name(enum keymap k, const char *name)
{
	for (size_t i = 0; name && i < ACT_COUNT; i++)
		if (action_in_keymap((enum action)i, k) && strcmp(actions[i].name, name) == 0)
			return (enum action)i;
	return ACT_COUNT;
}

const char *action_name(enum action a)
{
	return (unsigned)a < ACT_COUNT ? actions[a].name : NULL;
}

const char *action_label(enum action a)
{
	return (unsigned)a < ACT_COUNT ? actions[a].label : "";
}

const char *action_help(enum action a)
{
	return (unsigned)a < ACT_COUNT ? actions[a].help : "";
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
