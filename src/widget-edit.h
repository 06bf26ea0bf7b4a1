/* widget-edit.h - a one-line text editor that works by character (wide characters from an input
 * method included), measures in terminal columns and scrolls so the cursor stays visible. */
#ifndef QDESK_WIDGET_EDIT_H
#define QDESK_WIDGET_EDIT_H
#include <stddef.h>
#include <wchar.h>
#include "ui.h"

#define EDIT_MAX 512

struct edit {
	wchar_t buf[EDIT_MAX + 1];
	int len, cur;               /* characters, cursor index */
	int max;                    /* most characters accepted (<= EDIT_MAX) */
	int max_bytes;              /* most bytes of UTF-8 accepted (0 = no limit but max) */
	int secret;                 /* draw every character as '*' (PINs) */
	int fold;                   /* full-width ASCII from Chinese input methods (Ａ０１) typed as
	                             * ASCII (A01): for numbers, ids, phones, PINs */
	int changed;                /* set when the text changes; callers clear it */
	int full;                   /* set by edit_key when it refused a character for length */
};

/* An empty editor taking at most max characters. */
void edit_init(struct edit *e, int max);
/* Also refuse a character that would take the text past bytes of UTF-8 (the engine's limits are
 * in bytes: a Chinese character takes 3). */
void edit_limit_bytes(struct edit *e, int bytes);
/* Bytes of UTF-8 the text takes. */
int edit_bytes(const struct edit *e);
/* After edit_key set full: a translated message saying the limit, into out. */
void edit_full_message(const struct edit *e, char *out, size_t outsz);
/* ASCII for a full-width form (U+FF01..U+FF5E, U+3000 ideographic space), else c. */
wchar_t edit_fold(wchar_t c);
/* Replace the text by UTF-8 s (invalid bytes and control characters are dropped). */
void edit_set(struct edit *e, const char *s);
/* The text as UTF-8 into out (always NUL-terminated). */
void edit_get(const struct edit *e, char *out, size_t outsz);
/* Handle an editing key (printable characters, Backspace, Delete, Left/Right, Home/End, Ctrl-U).
 * Returns 1 if the key was used, 0 if not (Enter, Tab, Esc and function keys are left alone).
 * A character past the limits is swallowed (returns 1) and sets full; any other key clears it. */
int edit_key(struct edit *e, const struct ui_event *ev);
/* Draw the text in cols columns at y/x; when focused, place the terminal cursor. */
void edit_draw(struct ui *ui, const struct edit *e, int y, int x, int cols, int attr, int focused);

#endif
