/* ui.h - the curses front end's framework: one event loop, a stack of screens (descriptors), the
 * key table built from QDESK_ACTIONS and the hall's keys group, the status line, the key bar, the
 * help screen, drawing helpers that sanitise and size text in columns, and the scripted mode the
 * tests use (keys from a file, screens dumped as text). The screens (screen-*.c) and widgets
 * (widget-*.c) build on this; nothing here knows about windows, tickets or cases. */
#ifndef QDESK_UI_H
#define QDESK_UI_H
#include <stddef.h>
#include <wchar.h>
#include "qdesk/actions.h"
#include "qdesk/config.h"
#include "qdesk/status.h"
#include "qdesk/store.h"

#define UI_MIN_COLS 80
#define UI_MIN_LINES 24

/* What a handler asks of the loop (or-ed). */
enum {
	UI_NONE = 0,
	UI_REDRAW = 1,      /* something on screen changed */
	UI_RELOAD = 2,      /* the store changed: reload every screen's snapshot, then redraw */
	UI_QUIT = 4,        /* leave the loop */
};

/* One key press. fn = 1: code is a curses KEY_* code (KEY_F(n), KEY_UP …) and ch is 0;
 * fn = 0: ch is the character typed (possibly a wide Chinese character from an input method) and
 * code is ch when ch is ASCII (Enter is '\n', Esc 27, Tab '\t', Backspace 127), else -1.
 * act is the action the key table binds code to, or ACT_COUNT. */
struct ui_event {
	int code;
	int fn;
	wint_t ch;
	enum action act;
};

struct ui;

/* A screen (or a modal widget): the loop keeps a stack of them; every entry is drawn from the
 * bottom up, keys go to the top one. self is the screen's own state. Any hook may be NULL. */
struct screen {
	const char *name;
	enum keymap keymap;        /* the keys of this screen (actions.h); KEYMAP_NONE for a dialog or
	                            * widget: keys are then looked up in the nearest screen below */
	int  (*load)(struct ui *ui, void *self);      /* refresh the snapshot; returns UI_* flags */
	void (*draw)(struct ui *ui, void *self);      /* draw into stdscr; size is ui_lines/ui_cols */
	int  (*act)(struct ui *ui, void *self, const struct ui_event *ev);  /* returns UI_* flags */
	int  (*tick)(struct ui *ui, void *self);      /* ~every 150 ms; UI_REDRAW if a timer changed */
	void (*destroy)(void *self);                  /* called when popped (frees self if it owns it) */
	int  (*keybar)(struct ui *ui, void *self);    /* nonzero: show the key bar of this screen's
	                                               * keymap while it is on top; NULL or 0: none */
};

/* Status-line message kinds. */
enum ui_msg { UI_MSG_INFO, UI_MSG_OK, UI_MSG_ERROR };

struct ui_options {
	const struct hall *hall;
	struct store *st;
	const char *script;         /* key script (tests), or NULL for the terminal */
	const char *dump;           /* where :dump writes the screen as text (script mode), or NULL */
	int script_cols, script_lines;  /* fixed size in script mode (default 80x24) */
};

/* Create the ui and start curses (newterm on /dev/null in script mode). NULL with a message on
 * stderr if the terminal cannot be used. */
struct ui *ui_new(const struct ui_options *o);
/* End curses and free the ui and every screen still on the stack. */
void ui_free(struct ui *ui);

/* Push a screen; the ui calls its load hook at once. Pop the top one (calling its destroy). */
void ui_push(struct ui *ui, const struct screen *s, void *self);
void ui_pop(struct ui *ui);
/* Pop screens until self is on top (no-op if self is not on the stack). */
void ui_pop_to(struct ui *ui, void *self);
/* Remove the entry whose state is self wherever it is in the stack (calling its destroy); widgets
 * use it after their callback has perhaps pushed something above them. */
void ui_remove(struct ui *ui, void *self);
/* Remove every entry strictly between lower and upper (states; upper NULL = the top). */
void ui_remove_between(struct ui *ui, void *lower, void *upper);
/* The state of the top screen (NULL if none). */
void *ui_top(struct ui *ui);

/* Run until a handler returns UI_QUIT (or calls ui_quit) or the script ends. Returns 0, or 1 if
 * the script failed. */
int ui_run(struct ui *ui);
void ui_quit(struct ui *ui);
/* Ask for every screen's snapshot to be reloaded once the current key is handled (after a screen
 * or widget callback wrote to the store: this process's own commits do not move data_version). */
void ui_reload(struct ui *ui);

/* Called after `seconds` without a key (0 = never); the ui calls fn(ui, ctx) once per idle spell. */
void ui_set_idle(struct ui *ui, int seconds, void (*fn)(struct ui *, void *), void *ctx);

/* Put a message on the status line (translated already; copied). */
void ui_message(struct ui *ui, enum ui_msg kind, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Show a domain status as an error (translated) with an optional detail; QD_OK clears. */
void ui_status(struct ui *ui, enum qd_status s, const char *detail);
/* The store's wait hook for a console (ctx is the struct ui): shows "waiting for the database…"
 * on the status line at once, drops keys typed meanwhile, and returns 1 (give up) on Esc. */
int ui_store_waiting(void *ui, int waited_s);
void ui_clear_message(struct ui *ui);

/* Accessors. */
const struct hall *ui_hall(struct ui *ui);
struct store *ui_store(struct ui *ui);
int ui_lines(struct ui *ui);
int ui_cols(struct ui *ui);
/* Lines usable by screens: everything above the status line and key bar. */
int ui_body_lines(struct ui *ui);
/* Now as Unix seconds (clock_now), for timers on screen. */
long long ui_now(struct ui *ui);
/* Monotonic seconds (moved on by a script's :idle), for how long something stays on screen. */
double ui_clock(struct ui *ui);

/* The keymap keys are looked up in now: the top screen's, or the nearest below with one. */
int ui_keymap(struct ui *ui);
/* Key table. The keys bound to a (up to max; first the function key, then letters) in the current
 * keymap (or, for an action not in it, the first keymap that has it), and a key's printable name
 * ("F2", "n", "Enter") into buf. */
int ui_action_keys(struct ui *ui, enum action a, int *keys, int max);
const char *ui_key_name(int code, char *buf, size_t len);
/* Short label of an action for the key bar (translated); help text (translated). */
const char *ui_action_label(enum action a);
const char *ui_action_help(enum action a);
const char *ui_action_config_name(enum action a);

/* A replacement key-bar label for an action (NULL = the default), e.g. "Resume" for pause while
 * the window is paused; "" hides the action from the key bar for now. label must stay valid (a
 * static or translated string). */
void ui_keybar_label(struct ui *ui, enum action a, const char *label);

/* Push the help screen of the current keymap's actions, generated from the action table. */
void ui_help(struct ui *ui);

/* Drawing helpers. Text is sanitised, clipped to cols columns and to the screen (the last column of
 * a line stays empty); never cuts a wide character in half. Returns the columns drawn. */
int ui_text(int y, int x, int cols, int attr, const char *s);
int ui_textf(int y, int x, int cols, int attr, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
/* Like ui_text but pads with spaces to exactly cols columns (an attribute bar). */
int ui_pad(int y, int x, int cols, int attr, const char *s);
/* Text centred in cols columns from x. */
int ui_center(int y, int x, int cols, int attr, const char *s);
void ui_hline(int y, int x, int cols);
void ui_box(int y, int x, int h, int w, const char *title);
/* Clear a rectangle. */
void ui_fill(int y, int x, int h, int w);
/* Where the terminal cursor should rest after drawing (a text field); -1 hides it. Screens call
 * it during draw; the loop resets it before each redraw. */
void ui_cursor(struct ui *ui, int y, int x);

/* Colour pairs (0 when the terminal has none, so A_BOLD/A_REVERSE carry the meaning). */
enum ui_color { UI_C_TITLE = 1, UI_C_OK, UI_C_WARN, UI_C_ERROR, UI_C_KEY, UI_C_BIG, UI_C_COUNT };
int ui_attr(enum ui_color c);

/* Scripted mode only: 1 while the script runs. */
int ui_scripted(struct ui *ui);

#endif
