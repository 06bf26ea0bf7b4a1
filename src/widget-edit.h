/* widget-edit.h - a one-line text editor that works by character (wide characters from an input
 * method included), measures in terminal columns and scrolls so the cursor stays visible. */
#ifndef QDESK_WIDGET_EDIT_H
#define QDESK_WIDGET_EDIT_H
#include <stddef.h>
#include <wchar.h>
#include "ui.h"

#define EDIT_MAX 256

struct edit {
	wchar_t buf[EDIT_MAX + 1];
	int len, cur;               /* characters, cursor index */
	int max;                    /* most characters accepted (<= EDIT_MAX) */
	int secret;                 /* draw every character as '*' (PINs) */
	int changed;                /* set when the text changes; callers clear it */
};

/* An empty editor taking at most max characters. */
void edit_init(struct edit *e, int max);
/* Replace the text by UTF-8 s (invalid bytes and control characters are dropped). */
void edit_set(struct edit *e, const char *s);
/* The text as UTF-8 into out (always NUL-terminated). */
void edit_get(const struct edit *e, char *out, size_t outsz);
/* Handle an editing key (printable characters, Backspace, Delete, Left/Right, Home/End, Ctrl-U).
 * Returns 1 if the key was used, 0 if not (Enter, Tab, Esc and function keys are left alone). */
int edit_key(struct edit *e, const struct ui_event *ev);
/* Draw the text in cols columns at y/x; when focused, place the terminal cursor. */
void edit_draw(struct ui *ui, const struct edit *e, int y, int x, int cols, int attr, int focused);

#endif
