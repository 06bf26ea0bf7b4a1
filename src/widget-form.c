/* widget-form.c - owns the form: its fields and their values, focus and keys, live validation and
 * masking, the discard question, and drawing the framed box (labels and values in columns, so
 * Chinese labels line up). */
#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include "widget-edit.h"
#include "widget-form.h"
#include "widget-picker.h"
#include "widget-prompt.h"
#include "qdesk/i18n.h"
#include "qdesk/text.h"

#define FORM_FIELDS_MAX 24

enum field_kind { FIELD_TEXT, FIELD_NUMBER, FIELD_CHOICE, FIELD_MULTI };

struct form_option { char *id, *label; };

struct form_field {
	char label[96];
	enum field_kind kind;
	struct edit edit;
	form_check_fn *check;
	form_mask_fn *mask;
	int searchable;
	struct form_option *opts;
	unsigned char *checked;
	int nopts, cap;
	int choice;
	int sealed;                 /* a masked field once left filled: shown masked even with the
	                             * focus; the next key that edits replaces the whole value */
	char given[64];             /* a value known only masked (form_set_masked), or "" */
};

struct form {
	char title[128];
	struct form_field fields[FORM_FIELDS_MAX];
	int n, focus;
	int dirty;
	char msg[256];
	int msg_field;              /* the message belongs to this field (cleared when it changes) */
	form_submit_fn *submit;
	form_cancel_fn *cancel;
	form_change_fn *change;
	void *ctx;
	int picking;                /* field whose picker is open */
};

struct form *form_new(const char *title, form_submit_fn *submit, form_cancel_fn *cancel, void *ctx)
{
	struct form *f = calloc(1, sizeof *f);
	if (!f)
		return NULL;
	snprintf(f->title, sizeof f->title, "%s", title ? title : "");
	f->submit = submit;
	f->cancel = cancel;
	f->ctx = ctx;
	f->msg_field = -1;
	return f;
}

static int add_field(struct form *f, const char *label, enum field_kind kind)
{
	if (!f || f->n >= FORM_FIELDS_MAX)
		return -1;
	struct form_field *fl = &f->fields[f->n];
	snprintf(fl->label, sizeof fl->label, "%s", label);
	fl->kind = kind;
	fl->choice = -1;
	edit_init(&fl->edit, EDIT_MAX);
	return f->n++;
}

int form_add_text(struct form *f, const char *label, int max, form_check_fn *check, form_mask_fn *mask)
{
	int i = add_field(f, label, FIELD_TEXT);
	if (i >= 0) {
		edit_init(&f->fields[i].edit, max < EDIT_MAX ? max : EDIT_MAX);
		edit_limit_bytes(&f->fields[i].edit, max);
		/* a checked field (ID number, phone) is ASCII: take full-width digits as typed */
		f->fields[i].edit.fold = check != NULL;
		f->fields[i].check = check;
		f->fields[i].mask = mask;
	}
	return i;
}

int form_add_number(struct form *f, const char *label, int max_digits)
{
	int i = add_field(f, label, FIELD_NUMBER);
	if (i >= 0) {
		edit_init(&f->fields[i].edit, max_digits);
		f->fields[i].edit.fold = 1;
	}
	return i;
}

int form_add_choice(struct form *f, const char *label, int searchable)
{
	int i = add_field(f, label, FIELD_CHOICE);
	if (i >= 0)
		f->fields[i].searchable = searchable;
	return i;
}

int form_add_multi(struct form *f, const char *label)
{
	return add_field(f, label, FIELD_MULTI);
}

void form_add_option(struct form *f, int field, const char *id, const char *label)
{
	if (!f || field < 0 || field >= f->n)
		return;
	struct form_field *fl = &f->fields[field];
	if (fl->nopts == fl->cap) {
		int cap = fl->cap ? fl->cap * 2 : 8;
		struct form_option *o = realloc(fl->opts, (size_t)cap * sizeof *o);
		if (!o)
			return;
		fl->opts = o;
		unsigned char *c = realloc(fl->checked, (size_t)cap);
		if (!c)
			return;
		fl->checked = c;
		fl->cap = cap;
	}
	fl->opts[fl->nopts].id = strdup(id ? id : "");
	fl->opts[fl->nopts].label = strdup(label ? label : "");
	fl->checked[fl->nopts] = 0;
	if (fl->kind == FIELD_CHOICE && fl->choice < 0)
		fl->choice = 0;
	fl->nopts++;
}

void form_on_change(struct form *f, form_change_fn *fn)
{
	if (f)
		f->change = fn;
}

static int valid_field(const struct form *f, int field)
{
	return f && field >= 0 && field < f->n;
}

void form_get_text(struct form *f, int field, char *out, size_t outsz)
{
	if (!valid_field(f, field)) {
		if (outsz)
			out[0] = '\0';
		return;
	}
	edit_get(&f->fields[field].edit, out, outsz);
}

void form_set_text(struct form *f, int field, const char *s)
{
	if (valid_field(f, field))
		edit_set(&f->fields[field].edit, s);
}

int form_get_choice(struct form *f, int field)
{
	return valid_field(f, field) ? f->fields[field].choice : -1;
}

const char *form_choice_id(struct form *f, int field)
{
	if (!valid_field(f, field) || f->fields[field].choice < 0)
		return NULL;
	return f->fields[field].opts[f->fields[field].choice].id;
}

void form_set_choice(struct form *f, int field, int option)
{
	if (valid_field(f, field) && option >= 0 && option < f->fields[field].nopts)
		f->fields[field].choice = option;
}

int form_option_by_id(struct form *f, int field, const char *id)
{
	if (!valid_field(f, field) || !id)
		return -1;
	for (int i = 0; i < f->fields[field].nopts; i++)
		if (!strcmp(f->fields[field].opts[i].id, id))
			return i;
	return -1;
}

int form_option_count(struct form *f, int field)
{
	return valid_field(f, field) ? f->fields[field].nopts : 0;
}

int form_checked(struct form *f, int field, int option)
{
	return valid_field(f, field) && option >= 0 && option < f->fields[field].nopts
	       && f->fields[field].checked[option];
}

void form_set_checked(struct form *f, int field, int option, int on)
{
	if (valid_field(f, field) && option >= 0 && option < f->fields[field].nopts)
		f->fields[field].checked[option] = (unsigned char)(on != 0);
}

const char *form_option_id(struct form *f, int field, int option)
{
	if (!valid_field(f, field) || option < 0 || option >= f->fields[field].nopts)
		return NULL;
	return f->fields[field].opts[option].id;
}

static const char *field_check(struct form *f, int i, int final);
static void focus_to(struct form *f, int i);

void form_error(struct form *f, int field, const char *msg)
{
	if (!f)
		return;
	if (valid_field(f, field))
		focus_to(f, field);
	snprintf(f->msg, sizeof f->msg, "%s", msg ? msg : "");
	f->msg_field = field;
}

void form_set_masked(struct form *f, int field, const char *masked)
{
	if (!valid_field(f, field) || f->fields[field].kind != FIELD_TEXT)
		return;
	struct form_field *fl = &f->fields[field];
	edit_set(&fl->edit, "");
	snprintf(fl->given, sizeof fl->given, "%s", masked ? masked : "");
	fl->sealed = fl->given[0] != '\0';
}

int form_get_masked(struct form *f, int field, char *out, size_t outsz)
{
	if (!valid_field(f, field) || !f->fields[field].given[0])
		return 0;
	snprintf(out, outsz, "%s", f->fields[field].given);
	return 1;
}

/* Move the focus to field i; a filled, valid masked text field left behind shows masked from now
 * on (issue 10: moving back must not show the full ID or name again). */
static void focus_to(struct form *f, int i)
{
	struct form_field *fl = &f->fields[f->focus];
	if (fl->kind == FIELD_TEXT && fl->mask && fl->edit.len > 0 && !field_check(f, f->focus, 1))
		fl->sealed = 1;
	f->focus = i;
}

/* ---- drawing ------------------------------------------------------------------------------ */

static int label_cols(const struct form *f)
{
	int w = 0;
	for (int i = 0; i < f->n; i++) {
		int lw = text_width(f->fields[i].label);
		if (lw > w)
			w = lw;
	}
	return w > 20 ? 20 : w;
}

static const char *field_check(struct form *f, int i, int final)
{
	struct form_field *fl = &f->fields[i];
	if (fl->kind != FIELD_TEXT || !fl->check || fl->given[0])
		return NULL;
	char v[EDIT_MAX * 4 + 1];
	edit_get(&fl->edit, v, sizeof v);
	return fl->check(v, final, f->ctx);
}

static void field_value_text(struct form *f, int i, char *out, size_t outsz)
{
	struct form_field *fl = &f->fields[i];
	out[0] = '\0';
	if (fl->kind == FIELD_CHOICE) {
		if (fl->choice >= 0)
			snprintf(out, outsz, "%s", fl->opts[fl->choice].label);
	} else if (fl->kind == FIELD_MULTI) {
		size_t o = 0;
		for (int k = 0; k < fl->nopts; k++)
			if (fl->checked[k]) {
				/* TRANSLATORS: between the entries of a list ("、" in Chinese) */
				int n = snprintf(out + o, outsz - o, "%s%s", o ? _(", ") : "", fl->opts[k].label);
				if (n < 0 || (size_t)n >= outsz - o)
					break;
				o += (size_t)n;
			}
		if (!o)
			snprintf(out, outsz, "%s", _("(none)"));
	}
}

static void form_draw(struct ui *ui, void *self)
{
	struct form *f = self;
	/* A box over the screen below (its title lines and what is around the box stay in sight:
	 * the current ticket on a large terminal). */
	int body = ui_body_lines(ui), top = body >= f->n + 8 ? 3 : 0;
	int w = COLS - 2 < 78 ? COLS - 2 : 78;
	int h = f->n + 5;
	if (h > body - top)
		h = body - top;
	int y = top + (body - top - h) / 2, x = (COLS - 1 - w) / 2;
	if (COLS >= 110) {
		/* a wide terminal: the box keeps to the right, the left part (the window console's
		 * current ticket) stays in sight */
		w = COLS * 11 / 20 < 78 ? COLS * 11 / 20 : 78;
		x = COLS - 1 - w;
		y = top;
	}
	ui_box(y, x, h, w, f->title);
	int lw = label_cols(f);
	int vx = x + 2 + lw + 2, vw = w - (vx - x) - 2;
	int rows = h - 5;                   /* field rows that fit */
	int first = 0;
	if (f->focus >= rows)
		first = f->focus - rows + 1;
	for (int r = 0; r < rows && first + r < f->n; r++) {
		int i = first + r;
		struct form_field *fl = &f->fields[i];
		int fy = y + 1 + r, focused = i == f->focus;
		char lab[128];
		text_pad(fl->label, lw, lab, sizeof lab);
		ui_text(fy, x + 2, lw, focused ? A_BOLD : 0, lab);
		char v[EDIT_MAX * 4 + 64];
		if (fl->kind == FIELD_TEXT || fl->kind == FIELD_NUMBER) {
			if (focused && !fl->sealed) {
				edit_draw(ui, &fl->edit, fy, vx, vw, A_UNDERLINE, 1);
				continue;
			}
			edit_get(&fl->edit, v, sizeof v);
			if (fl->given[0])
				snprintf(v, sizeof v, "%s", fl->given);
			const char *bad = v[0] ? field_check(f, i, 1) : NULL;
			if (v[0] && !bad && fl->mask && !fl->given[0]) {
				char m[EDIT_MAX * 4 + 1];
				fl->mask(v, m, sizeof m);
				snprintf(v, sizeof v, "%s", m);
			}
			if (bad) {
				int vwid = ui_text(fy, vx, vw - 2, A_BOLD | ui_attr(UI_C_ERROR), v);
				ui_text(fy, vx + vwid + 1, 1, A_BOLD | ui_attr(UI_C_ERROR), "!");
			} else if (focused) {       /* sealed: masked, typing replaces it */
				int vwid = ui_text(fy, vx, vw, A_UNDERLINE, v);
				ui_cursor(ui, fy, vx + vwid);
			} else {
				ui_text(fy, vx, vw, 0, v);
			}
		} else {
			field_value_text(f, i, v, sizeof v);
			if (focused) {
				char shown[EDIT_MAX * 4 + 80];
				/* ‹ › only where ←/→ change the value (a single choice) */
				snprintf(shown, sizeof shown, fl->kind == FIELD_CHOICE ? "< %s >" : "%s", v);
				ui_text(fy, vx, vw, A_BOLD | A_UNDERLINE, shown);
				ui_cursor(ui, fy, vx);
			} else {
				ui_text(fy, vx, vw, 0, v);
			}
		}
	}
	/* message line: the focused field's live check, else the last error, else a hint */
	const char *live = field_check(f, f->focus, 0);
	const char *msg = live ? live : (f->msg[0] ? f->msg : NULL);
	char other[400];
	for (int i = 0; !msg && i < f->n; i++) {
		/* a field marked "!" elsewhere: say why (no "!" without a reason) */
		char v[8];
		edit_get(&f->fields[i].edit, v, sizeof v);
		const char *bad = i != f->focus && v[0] ? field_check(f, i, 1) : NULL;
		if (bad) {
			snprintf(other, sizeof other, _("%s: %s"), f->fields[i].label, bad);
			msg = other;
		}
	}
	if (msg) {
		ui_text(y + h - 3, x + 2, w - 4, A_BOLD | ui_attr(UI_C_ERROR), msg);
	} else if (f->n > 0) {
		enum field_kind k = f->fields[f->focus].kind;
		const char *hint = k == FIELD_CHOICE ? (f->fields[f->focus].searchable
		                                        ? _("←/→ change · type or Space to search the list")
		                                        : _("←/→ change · Space shows the list"))
		                 : k == FIELD_MULTI ? _("Space: tick the entries that apply")
		                 : f->fields[f->focus].sealed ? _("Shown masked: typing replaces it")
		                 : "";
		ui_text(y + h - 3, x + 2, w - 4, 0, hint);
	}
	ui_text(y + h - 2, x + 2, w - 4, 0, _("Tab/Shift-Tab move · Enter saves · Esc cancels"));
}

/* ---- keys --------------------------------------------------------------------------------- */

static void changed(struct form *f, int field)
{
	f->dirty = 1;
	if (f->msg_field == field)
		f->msg[0] = '\0';
	if (f->change)
		f->change(f, field, f->ctx);
}

static void picked(struct ui *ui, void *ctx, int index, const unsigned char *checked)
{
	(void)ui;
	struct form *f = ctx;
	int i = f->picking;
	if (!valid_field(f, i) || index < 0)
		return;
	struct form_field *fl = &f->fields[i];
	if (fl->kind == FIELD_MULTI)
		memcpy(fl->checked, checked, (size_t)fl->nopts);
	else
		fl->choice = index;
	changed(f, i);
}

static void open_picker(struct ui *ui, struct form *f, const char *query)
{
	struct form_field *fl = &f->fields[f->focus];
	struct picker *p = picker_new(fl->label, fl->kind == FIELD_MULTI, picked, f);
	if (!p)
		return;
	picker_hide_keys(p);      /* ids stay searchable; the clerk reads the names */
	for (int k = 0; k < fl->nopts; k++)
		picker_add(p, fl->kind == FIELD_CHOICE && fl->searchable ? fl->opts[k].id : "",
		           fl->opts[k].label, fl->checked[k]);
	if (fl->choice >= 0)
		picker_select(p, fl->choice);
	if (query)
		picker_search(p, query);
	f->picking = f->focus;
	picker_push(ui, p);
}

static void discard_answer(struct ui *ui, void *ctx, int yes)
{
	struct form *f = ctx;
	if (!yes)
		return;
	if (f->cancel)
		f->cancel(ui, f->ctx);
	ui_remove(ui, f);
}

static int form_submit(struct ui *ui, struct form *f)
{
	for (int i = 0; i < f->n; i++) {
		const char *bad = field_check(f, i, 1);
		if (bad) {
			form_error(f, i, bad);
			return UI_REDRAW;
		}
	}
	f->msg[0] = '\0';
	if (f->submit(ui, f, f->ctx))
		ui_remove(ui, f);
	return UI_REDRAW | UI_RELOAD;
}

static int form_act(struct ui *ui, void *self, const struct ui_event *ev)
{
	struct form *f = self;
	if (f->n == 0)
		return UI_NONE;
	struct form_field *fl = &f->fields[f->focus];
	if (!ev->fn && ev->ch == 27) {
		if (f->dirty) {
			confirm_push(ui, _("Discard what was typed in this form?"), 0, discard_answer, f);
		} else {
			if (f->cancel)
				f->cancel(ui, f->ctx);
			ui_remove(ui, f);
		}
		return UI_REDRAW;
	}
	if (!ev->fn && ev->ch == '\n')
		return form_submit(ui, f);
	if ((!ev->fn && ev->ch == '\t') || (ev->fn && ev->code == KEY_DOWN)) {
		focus_to(f, (f->focus + 1) % f->n);
		return UI_REDRAW;
	}
	if (ev->fn && (ev->code == KEY_BTAB || ev->code == KEY_UP)) {
		focus_to(f, (f->focus + f->n - 1) % f->n);
		return UI_REDRAW;
	}
	if (fl->sealed) {
		/* a value shown masked: a key that edits starts it afresh (nothing to edit in a mask) */
		int printable = !ev->fn && ev->ch >= ' ' && ev->ch != 127;
		int erase = (!ev->fn && (ev->ch == 127 || ev->ch == 8 || ev->ch == 21))
		            || (ev->fn && (ev->code == KEY_BACKSPACE || ev->code == KEY_DC));
		if (!printable && !erase)
			return UI_REDRAW;
		fl->sealed = 0;
		fl->given[0] = '\0';
		edit_set(&fl->edit, "");
		changed(f, f->focus);
		if (erase)
			return UI_REDRAW;
	}
	switch (fl->kind) {
	case FIELD_TEXT:
	case FIELD_NUMBER:
		if (fl->kind == FIELD_NUMBER && !ev->fn && ev->ch >= ' ' && ev->ch != 127) {
			wchar_t d = edit_fold((wchar_t)ev->ch);
			if (d < '0' || d > '9') {
				form_error(f, f->focus, _("digits only"));
				return UI_REDRAW;
			}
		}
		if (edit_key(&fl->edit, ev) && fl->edit.full) {
			char m[160];
			edit_full_message(&fl->edit, m, sizeof m);
			form_error(f, f->focus, m);
		}
		if (fl->edit.changed) {
			fl->edit.changed = 0;
			changed(f, f->focus);
		}
		break;
	case FIELD_CHOICE:
		if (fl->nopts > 0 && ev->fn && (ev->code == KEY_LEFT || ev->code == KEY_RIGHT)) {
			int d = ev->code == KEY_LEFT ? -1 : 1;
			fl->choice = ((fl->choice < 0 ? 0 : fl->choice) + d + fl->nopts) % fl->nopts;
			changed(f, f->focus);
		} else if (!ev->fn && ev->ch == ' ') {
			open_picker(ui, f, NULL);
		} else if (!ev->fn && fl->searchable && ev->ch > ' ' && ev->ch != 127) {
			char q[8];
			mbstate_t ms;
			memset(&ms, 0, sizeof ms);
			size_t n = wcrtomb(q, (wchar_t)ev->ch, &ms);
			if (n != (size_t)-1) {
				q[n] = '\0';
				open_picker(ui, f, q);
			}
		}
		break;
	case FIELD_MULTI:
		if (!ev->fn && ev->ch == ' ')
			open_picker(ui, f, NULL);
		break;
	}
	return UI_REDRAW;
}

static void form_destroy(void *self)
{
	struct form *f = self;
	for (int i = 0; i < f->n; i++) {
		for (int k = 0; k < f->fields[i].nopts; k++) {
			free(f->fields[i].opts[k].id);
			free(f->fields[i].opts[k].label);
		}
		free(f->fields[i].opts);
		free(f->fields[i].checked);
	}
	free(f);
}

static const struct screen screen_form = {
	.name = "form", .draw = form_draw, .act = form_act, .destroy = form_destroy,
};

void form_push(struct ui *ui, struct form *f)
{
	if (f)
		ui_push(ui, &screen_form, f);
}
