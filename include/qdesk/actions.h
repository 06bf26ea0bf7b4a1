/* actions.h - every user action of the consoles, one line each: the single source of the action
 * enum, the default key table, the help screen and the man-page check.
 * ACTION(enum name, config name, default function key number (0 none), default letter, help text) */
#ifndef QDESK_ACTIONS_H
#define QDESK_ACTIONS_H

#define QDESK_ACTIONS(ACTION) \
	ACTION(HELP,      "help",      1,  '?', "show this help") \
	ACTION(CALL_NEXT, "call-next", 2,  'n', "call the next number") \
	ACTION(RECALL,    "recall",    3,  'r', "call the current number again") \
	ACTION(NOSHOW,    "no-show",   4,  'x', "mark the current number a no-show") \
	ACTION(TRANSFER,  "transfer",  5,  't', "transfer the current number to another type or window") \
	ACTION(FINISH,    "finish",    6,  'f', "finish the current number and log the case") \
	ACTION(PAUSE,     "pause",     7,  'p', "pause service with a reason, or resume") \
	ACTION(CALL_NUMBER, "call-number", 8, 'c', "call a specific number") \
	ACTION(WALK_IN,   "walk-in",   9,  'w', "log a walk-in case or a consultation") \
	ACTION(LOGOUT,    "logout",    10, 'q', "log out") \
	ACTION(UNDO,      "undo",      11, 'u', "undo the last no-show or finish") \
	ACTION(LOCK,      "lock",      12, 'l', "lock the screen")

enum action {
#define QD_ACTION_ENUM(name, cname, fkey, letter, help) ACT_##name,
	QDESK_ACTIONS(QD_ACTION_ENUM)
#undef QD_ACTION_ENUM
	ACT_COUNT
};

/* The action whose config name is name; ACT_COUNT if none. */
enum action action_by_name(const char *name);

/* Parse a key as written in the config's keys group: "F1".."F12", a single printable ASCII
 * character, "Enter", "Esc", "Tab", "Space". Returns the curses-style key code it denotes
 * (KEY_F(n) values are computed without curses: 0410 + n), or -1 if malformed. */
int action_parse_key(const char *s);

/* The config name of a ("call-next"); NULL if a is not an action. */
const char *action_name(enum action a);
/* The default keys of a (its function key, then its letter) into keys[2]; returns how many (0-2). */
int action_default_keys(enum action a, int keys[2]);

#endif
