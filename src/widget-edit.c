/* widget-edit.c - owns one-line text editing: insertion and deletion by character, cursor motion,
 * column-based scrolling and drawing (a wide character is never cut in half). */
#include <curses.h>
#include <stdio.h>
#include <string.h>
#include <wctype.h>
#include "widget-edit.h"
#include "qdesk/i18n.h"

static int char_width(wchar_t c)
{
	int w = wcwidth(c);
	return w < 1 ? 1 : w;
}

/* A character the editor keeps: printable, with a width (no controls, no lone combining marks). */
static int acceptable(wchar_t c)
{
	return c >= 0x20 && c != 0x7f && !(c >= 0x80 && c < 0xa0) && wcwidth(c) >= 1;
}

void edit_init(struct edit *e, int max)
{
	memset(e, 0, sizeof *e);
	e->max = max > 0 && max <= EDIT_MAX ? max : EDIT_MAX;
}

void edit_limit_bytes(struct edit *e, int bytes)
{
	e->max_bytes = bytes > 0 ? bytes : 0;
}

static int utf8_len(wchar_t c)
{
	return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
}

int edit_bytes(const struct edit *e)
{
	int n = 0;
	for (int i = 0; i < e->len; i++)
		n += utf8_len(e->buf[i]);
	return n;
}

/* 1 if c fits after the text there is. */
static int fits(const struct edit *e, wchar_t c)
{
	if (e->len >= e->max)
		return 0;
	return !e->max_bytes || edit_bytes(e) + utf8_len(c) <= e->max_bytes;
}

void edit_full_message(const struct edit *e, char *out, size_t outsz)
{
	if (!e->max_bytes || e->len >= e->max)
		snprintf(out, outsz, _("At most %d characters."), e->max);
	else
		snprintf(out, outsz, _("Full: %d of %d bytes; a Chinese character takes 3."),
		         edit_bytes(e), e->max_bytes);
}

wchar_t edit_fold(wchar_t c)
{
	if (c >= 0xff01 && c <= 0xff5e)
		return c - 0xff01 + 0x21;
	return c == 0x3000 ? L' ' : c;
}

void edit_set(struct edit *e, const char *s)
{
	mbstate_t ms;
	memset(&ms, 0, sizeof ms);
	e->len = 0;
	size_t left = s ? strlen(s) : 0;
	while (left > 0) {
		wchar_t wc;
		size_t n = mbrtowc(&wc, s, left, &ms);
		if (n == (size_t)-1 || n == (size_t)-2) {
			memset(&ms, 0, sizeof ms);
			n = 1;
		} else if (n == 0) {
			break;
		} else if (acceptable(wc)) {
			if (e->fold)
				wc = edit_fold(wc);
			if (!fits(e, wc))
				break;
			e->buf[e->len++] = wc;
		}
		s += n;
		left -= n;
	}
	e->buf[e->len] = L'\0';
	e->cur = e->len;
	e->changed = 1;
}

void edit_get(const struct edit *e, char *out, size_t outsz)
{
	size_t o = 0;
	mbstate_t ms;
	memset(&ms, 0, sizeof ms);
	for (int i = 0; i < e->len; i++) {
		char mb[8];
		size_t n = wcrtomb(mb, e->buf[i], &ms);
		if (n == (size_t)-1 || o + n + 1 > outsz)
			break;
		memcpy(out + o, mb, n);
		o += n;
	}
	if (outsz)
		out[o < outsz ? o : outsz - 1] = '\0';
}

int edit_key(struct edit *e, const struct ui_event *ev)
{
	e->full = 0;
	if (ev->fn) {
		switch (ev->code) {
		case KEY_LEFT:
			if (e->cur > 0)
				e->cur--;
			return 1;
		case KEY_RIGHT:
			if (e->cur < e->len)
				e->cur++;
			return 1;
		case KEY_HOME:
			e->cur = 0;
			return 1;
		case KEY_END:
			e->cur = e->len;
			return 1;
		case KEY_BACKSPACE:
			goto backspace;
		case KEY_DC:
			if (e->cur < e->len) {
				memmove(&e->buf[e->cur], &e->buf[e->cur + 1], (size_t)(e->len - e->cur) * sizeof(wchar_t));
				e->len--;
				e->changed = 1;
			}
			return 1;
		default:
			return 0;
		}
	}
	wchar_t c = e->fold ? edit_fold((wchar_t)ev->ch) : (wchar_t)ev->ch;
	if (c == 127 || c == 8) {
backspace:
		if (e->cur > 0) {
			memmove(&e->buf[e->cur - 1], &e->buf[e->cur], (size_t)(e->len - e->cur + 1) * sizeof(wchar_t));
			e->cur--;
			e->len--;
			e->changed = 1;
		}
		return 1;
	}
	if (c == 21) {                      /* Ctrl-U: clear */
		e->len = e->cur = 0;
		e->buf[0] = L'\0';
		e->changed = 1;
		return 1;
	}
	if (!acceptable(c))
		return 0;
	if (!fits(e, c)) {
		e->full = 1;                    /* swallow; the caller says why */
		return 1;
	}
	memmove(&e->buf[e->cur + 1], &e->buf[e->cur], (size_t)(e->len - e->cur + 1) * sizeof(wchar_t));
	e->buf[e->cur++] = c;
	e->len++;
	e->changed = 1;
	return 1;
}

void edit_draw(struct ui *ui, const struct edit *e, int y, int x, int cols, int attr, int focused)
{
	if (x + cols > COLS - 1)
		cols = COLS - 1 - x;
	if (cols < 2 || y < 0 || y >= LINES)
		return;
	/* First character shown: scroll right until the cursor (plus one cell) fits. */
	int start = 0;
	for (;;) {
		int w = 0;
		for (int i = start; i < e->cur; i++)
			w += e->secret ? 1 : char_width(e->buf[i]);
		if (w + 1 <= cols || start >= e->cur)
			break;
		start++;
	}
	attron(attr);
	mvhline(y, x, ' ', cols);
	int col = 0, cur_col = 0;
	for (int i = start; i <= e->len; i++) {
		if (i == e->cur)
			cur_col = col;
		if (i == e->len)
			break;
		wchar_t c = e->secret ? L'*' : e->buf[i];
		int w = char_width(c);
		if (col + w > cols)
			break;
		wchar_t one[2] = { c, L'\0' };
		mvaddnwstr(y, x + col, one, 1);
		col += w;
	}
	attroff(attr);
	if (focused)
		ui_cursor(ui, y, x + (cur_col < cols ? cur_col : cols - 1));
}
