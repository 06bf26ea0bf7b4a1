/* widget-prompt.c - owns the one-line prompt and the yes/no box: their drawing (framed, centred
 * over the screen below) and keys. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include "widget-edit.h"
#include "widget-prompt.h"
#include "qdesk/i18n.h"
#include "qdesk/text.h"

struct prompt {
	char title[96], question[256];
	struct edit edit;
	char msg[160];              /* why the last key was refused */
	int flags;
	prompt_done_fn *done;
	void *ctx;
};

static void prompt_draw(struct ui *ui, void *self)
{
	struct prompt *p = self;
	int w = COLS - 10 < 60 ? COLS - 10 : 60;
	int h = 6, y = (ui_body_lines(ui) - h) / 2, x = (COLS - w) / 2;
	ui_box(y, x, h, w, p->title);
	ui_text(y + 1, x + 2, w - 4, 0, p->question);
	edit_draw(ui, &p->edit, y + 2, x + 2, w - 4, A_UNDERLINE | A_BOLD, 1);
	if (p->msg[0])
		ui_text(y + 3, x + 2, w - 4, A_BOLD | ui_attr(UI_C_ERROR), p->msg);
	ui_text(y + 4, x + 2, w - 4, 0, _("Enter confirms · Esc cancels"));
}

static void prompt_discard(struct ui *ui, void *ctx, int yes)
{
	struct prompt *p = ctx;
	if (!yes)
		return;
	p->done(ui, p->ctx, NULL);
	ui_remove(ui, p);
}

static int prompt_act(struct ui *ui, void *self, const struct ui_event *ev)
{
	struct prompt *p = self;
	p->msg[0] = '\0';
	if (!ev->fn && ev->ch == 27) {
		/* typed text is not thrown away without asking */
		if (p->edit.len > 0 && (p->flags & PROMPT_KEEP))
			confirm_push(ui, _("Discard what was typed?"), 0, prompt_discard, p);
		else
			prompt_discard(ui, p, 1);
	} else if (!ev->fn && ev->ch == '\n') {
		char answer[EDIT_MAX * 4 + 1];
		edit_get(&p->edit, answer, sizeof answer);
		if (p->done(ui, p->ctx, answer))
			ui_remove(ui, p);
	} else if (edit_key(&p->edit, ev) && p->edit.full) {
		edit_full_message(&p->edit, p->msg, sizeof p->msg);
	}
	return UI_REDRAW;
}

static void prompt_destroy(void *self)
{
	free(self);
}

static const struct screen screen_prompt = {
	.name = "prompt", .draw = prompt_draw, .act = prompt_act, .destroy = prompt_destroy,
};

void prompt_push(struct ui *ui, const char *title, const char *question, int max,
                 const char *initial, int flags, prompt_done_fn *done, void *ctx)
{
	struct prompt *p = calloc(1, sizeof *p);
	if (!p)
		return;
	snprintf(p->title, sizeof p->title, "%s", title ? title : "");
	snprintf(p->question, sizeof p->question, "%s", question ? question : "");
	edit_init(&p->edit, max < EDIT_MAX ? max : EDIT_MAX);
	edit_limit_bytes(&p->edit, max);
	p->edit.fold = (flags & PROMPT_ASCII) != 0;
	p->flags = flags;
	if (initial)
		edit_set(&p->edit, initial);
	p->done = done;
	p->ctx = ctx;
	ui_push(ui, &screen_prompt, p);
}

struct confirm {
	char question[256];
	int default_yes;
	confirm_done_fn *done;
	void *ctx;
};

static void confirm_draw(struct ui *ui, void *self)
{
	struct confirm *c = self;
	int w = COLS - 10 < 60 ? COLS - 10 : 60;
	int h = 5, y = (ui_body_lines(ui) - h) / 2, x = (COLS - w) / 2;
	ui_box(y, x, h, w, NULL);
	ui_text(y + 1, x + 2, w - 4, A_BOLD, c->question);
	ui_text(y + 3, x + 2, w - 4, 0, c->default_yes ? _("[Y/n] y = yes · n or Esc = no")
	                                               : _("[y/N] y = yes · n or Esc = no"));
	ui_cursor(ui, -1, -1);
}

static int confirm_act(struct ui *ui, void *self, const struct ui_event *ev)
{
	struct confirm *c = self;
	int yes = -1;
	if (!ev->fn && (ev->ch == 'y' || ev->ch == 'Y'))
		yes = 1;
	else if (!ev->fn && (ev->ch == 'n' || ev->ch == 'N' || ev->ch == 27))
		yes = 0;
	else if (!ev->fn && ev->ch == '\n')
		yes = c->default_yes;
	if (yes < 0)
		return UI_NONE;
	c->done(ui, c->ctx, yes);
	ui_remove(ui, c);
	return UI_REDRAW;
}

static const struct screen screen_confirm = {
	.name = "confirm", .draw = confirm_draw, .act = confirm_act, .destroy = prompt_destroy,
};

void confirm_push(struct ui *ui, const char *question, int default_yes, confirm_done_fn *done, void *ctx)
{
	struct confirm *c = calloc(1, sizeof *c);
	if (!c)
		return;
	snprintf(c->question, sizeof c->question, "%s", question);
	c->default_yes = default_yes;
	c->done = done;
	c->ctx = ctx;
	ui_push(ui, &screen_confirm, c);
}
