/* actions.h - every user action of the consoles, one line each, and the keymaps (one per kind of
 * screen) they belong to: the single source of the action enum, the default keys of each keymap,
 * the key bars, the help screens, the config's keys.SCREEN groups and the man-page check
 * (qdesk SCREEN --list-actions).
 *
 * KEYMAP(enum suffix, config and command name)
 * ACTION(keymaps, enum name, config name, default function key number (0 none), default letter
 *        (0 none), key-bar label, help text)
 * keymaps is KM(WINDOW), or KM(WINDOW) | KM(GUIDE) | … for an action several screens share (help,
 * lock, log out). A key means one thing per keymap: F2 may call the next number at a window and do
 * something else at the guide desk. Labels and help texts are wrapped in N_() here and translated
 * where they are shown; the config names are never translated. */
#ifndef QDESK_ACTIONS_H
#define QDESK_ACTIONS_H

#include "qdesk/i18n.h"

#define QDESK_KEYMAPS(KEYMAP) \
	KEYMAP(WINDOW, "window") \
	KEYMAP(GUIDE,  "guide") \
	KEYMAP(BOARD,  "board") \
	KEYMAP(PAD,    "pad") \
	KEYMAP(LEAD,   "lead")

enum keymap {
	KEYMAP_NONE = 0,            /* a widget or dialog: keys are looked up in the screen below's */
#define QD_KEYMAP_ENUM(name, cname) KEYMAP_##name,
	QDESK_KEYMAPS(QD_KEYMAP_ENUM)
#undef QD_KEYMAP_ENUM
	KEYMAP_COUNT
};

/* The bit of keymap x in an action's keymaps column. */
#define KM(x) (1u << KEYMAP_##x)
/* The staff screens with a login (help, lock and log out work the same on each). */
#define KM_STAFF (KM(WINDOW) | KM(GUIDE) | KM(LEAD))

#define QDESK_ACTIONS(ACTION) \
	ACTION(KM_STAFF,   HELP,        "help",        1,  '?', N_("Help"),     N_("show this help")) \
	ACTION(KM(WINDOW), CALL_NEXT,   "call-next",   2,  'n', N_("Next"),     N_("call the next number")) \
	ACTION(KM(WINDOW), RECALL,      "recall",      3,  'r', N_("Recall"),   N_("call the current number again")) \
	ACTION(KM(WINDOW), NOSHOW,      "no-show",     4,  'x', N_("No-show"),  N_("mark the current number a no-show")) \
	ACTION(KM(WINDOW), TRANSFER,    "transfer",    5,  't', N_("Transfer"), N_("transfer the current number to another type or window")) \
	ACTION(KM(WINDOW), FINISH,      "finish",      6,  'f', N_("Finish"),   N_("finish the current number and log the case")) \
	ACTION(KM(WINDOW), PAUSE,       "pause",       7,  'p', N_("Pause"),    N_("pause service with a reason, or resume")) \
	ACTION(KM(WINDOW), CALL_NUMBER, "call-number", 8,  'c', N_("Call #"),   N_("call a specific number")) \
	ACTION(KM(WINDOW), WALK_IN,     "walk-in",     9,  'w', N_("Walk-in"),  N_("log a walk-in case or a consultation")) \
	ACTION(KM_STAFF,   LOGOUT,      "logout",      10, 'q', N_("Log out"),  N_("log out")) \
	ACTION(KM(WINDOW), UNDO,        "undo",        11, 'u', N_("Undo"),     N_("undo the last no-show or finish")) \
	ACTION(KM_STAFF,   LOCK,        "lock",        12, 'l', N_("Lock"),     N_("lock the screen")) \
	/* guide desk: letters choose business types there, so its actions have function keys only */ \
	ACTION(KM(GUIDE),  GUIDE_ISSUE,   "issue",   2, 0, N_("Issue"),   N_("issue a ticket of the chosen business type")) \
	ACTION(KM(GUIDE),  GUIDE_REPRINT, "reprint", 3, 0, N_("Reprint"), N_("print a ticket's slip again")) \
	ACTION(KM(GUIDE),  GUIDE_VOID,    "void",    4, 0, N_("Void"),    N_("void a waiting ticket, with a reason")) \
	ACTION(KM(GUIDE),  GUIDE_LOOKUP,  "lookup",  5, 0, N_("Look up"), N_("look a ticket up by number")) \
	ACTION(KM(GUIDE),  GUIDE_REQUEUE, "requeue", 6, 0, N_("Return"),  N_("bring a no-show back into the queue")) \
	ACTION(KM(GUIDE),  GUIDE_CONSULT, "consult", 7, 0, N_("Consult"), N_("log a consultation")) \
	ACTION(KM(GUIDE),  GUIDE_GUIDED,  "guided",  8, 0, N_("Guided"),  N_("log a guided handling")) \
	/* shift lead's dashboard: its views, the drill-down and the ledger and problem actions */ \
	ACTION(KM(LEAD),   LEAD_HALL,     "hall",     2, 'h', N_("Hall"),      N_("the hall map, the queues and the alerts")) \
	ACTION(KM(LEAD),   LEAD_FIGURES,  "figures",  3, 'g', N_("Figures"),   N_("today's key figures and the hourly chart")) \
	ACTION(KM(LEAD),   LEAD_LEDGER,   "ledger",   4, 'r', N_("Ledger"),    N_("the rectification ledger of bad ratings")) \
	ACTION(KM(LEAD),   LEAD_PROBLEMS, "problems", 5, 'b', N_("Problems"),  N_("the problems citizens could not get solved")) \
	ACTION(KM(LEAD),   LEAD_DRILL,    "drill",    6, 'd', N_("Drill"),     N_("a window, a clerk or a business type: its day")) \
	ACTION(KM(LEAD),   LEAD_CALLBACK, "callback", 7, 'c', N_("Call-back"), N_("record the call-back of the selected rectification item")) \
	ACTION(KM(LEAD),   LEAD_CLOSE,    "close",    8, 'x', N_("Close"),     N_("close the selected rectification item, rectified or explained")) \
	ACTION(KM(LEAD),   LEAD_RESOLVE,  "resolve",  9, 's', N_("Resolve"),   N_("record how the selected problem was resolved")) \
	/* hall board and window display / evaluation pad: displays without a login; the pad's digit \
	 * keys (1-5 a rating, 1-9 a reason) are the applicant's, not actions */ \
	ACTION(KM(BOARD) | KM(PAD), BOARD_QUIT, "quit", 10, 'q', N_("Quit"), N_("close the display"))

enum action {
#define QD_ACTION_ENUM(km, name, cname, fkey, letter, label, help) ACT_##name,
	QDESK_ACTIONS(QD_ACTION_ENUM)
#undef QD_ACTION_ENUM
	ACT_COUNT
};

_Static_assert(KEYMAP_COUNT <= 32, "an action's keymaps column is a 32-bit mask");

/* The keymap named name ("window"); KEYMAP_NONE if none. */
enum keymap keymap_by_name(const char *name);
/* The name of keymap k ("window"); NULL for KEYMAP_NONE or out of range. */
const char *keymap_name(enum keymap k);

/* The action whose config name is name in keymap k; ACT_COUNT if none. */
enum action action_by_name(enum keymap k, const char *name);
/* 1 if action a belongs to keymap k. */
int action_in_keymap(enum action a, enum keymap k);

/* Parse a key as written in the config's keys group: "F1".."F12", a single printable ASCII
 * character, "Enter", "Esc", "Tab", "Space". Returns the curses-style key code it denotes
 * (KEY_F(n) values are computed without curses: 0410 + n), or -1 if malformed. */
int action_parse_key(const char *s);

/* The config name of a ("call-next"); NULL if a is not an action. */
const char *action_name(enum action a);
/* The key-bar label and the help text of a, untranslated (msgids; "" if a is not an action). */
const char *action_label(enum action a);
const char *action_help(enum action a);
/* The default keys of a (its function key, then its letter) into keys[2]; returns how many (0-2). */
int action_default_keys(enum action a, int keys[2]);

#endif
