/* widget-form.h - a keyboard-only form in a framed box: text fields (validated as typed, shown
 * masked once entered when a mask is given), number fields, single choices (←/→ or a searchable
 * list) and multiple choices (a checklist). Tab/Shift-Tab (or ↓/↑) move, Enter submits, Esc
 * cancels and asks first if anything was typed. */
#ifndef QDESK_WIDGET_FORM_H
#define QDESK_WIDGET_FORM_H
#include <stddef.h>
#include "ui.h"

struct form;

/* A text field's check: NULL if value is fine, else a translated message. final = 0 while typing
 * (report only what is already certainly wrong), 1 on submit. */
typedef const char *form_check_fn(const char *value, int final, void *ctx);
/* How a text field shows once entered and valid, when it does not have the focus. */
typedef void form_mask_fn(const char *value, char *out, size_t outsz);
/* Enter with every check passed: return 1 to close the form (it is removed from the stack after
 * the call, even if the call pushed other screens), 0 to keep it open (see form_error). */
typedef int form_submit_fn(struct ui *ui, struct form *f, void *ctx);
/* Esc (after confirming when something was typed). The form is removed after the call. */
typedef void form_cancel_fn(struct ui *ui, void *ctx);
/* A field's value changed (choices: a new option chosen). */
typedef void form_change_fn(struct form *f, int field, void *ctx);

struct form *form_new(const char *title, form_submit_fn *submit, form_cancel_fn *cancel, void *ctx);
/* Add fields; each returns the field's index (or -1 when out of memory). Labels are copied. A text
 * field takes at most max bytes of UTF-8 (the engine's limits are in bytes; a key past it is
 * refused and the form says why); a checked text field and a number field take full-width
 * digits and letters from Chinese input methods as ASCII. */
int form_add_text(struct form *f, const char *label, int max, form_check_fn *check, form_mask_fn *mask);
int form_add_number(struct form *f, const char *label, int max_digits);
int form_add_choice(struct form *f, const char *label, int searchable);
int form_add_multi(struct form *f, const char *label);
/* Add an option (id and label copied) to a choice or multiple-choice field. */
void form_add_option(struct form *f, int field, const char *id, const char *label);
void form_on_change(struct form *f, form_change_fn *fn);

/* Values. Text is UTF-8 into out. A choice is an option index (-1 if it has none); its id. */
void form_get_text(struct form *f, int field, char *out, size_t outsz);
void form_set_text(struct form *f, int field, const char *s);
int form_get_choice(struct form *f, int field);
const char *form_choice_id(struct form *f, int field);
void form_set_choice(struct form *f, int field, int option);
int form_option_by_id(struct form *f, int field, const char *id);
/* Multiple choice: how many options, whether option i is ticked, its id. */
int form_option_count(struct form *f, int field);
int form_checked(struct form *f, int field, int option);
void form_set_checked(struct form *f, int field, int option, int on);
const char *form_option_id(struct form *f, int field, int option);
/* A text field whose value is known only masked (an ID number given when the ticket was issued,
 * a kept draft): shown as given; typing replaces it; its check is not run. form_get_text gives ""
 * for it and form_get_masked the masked value (returns 1) while the field still holds it. A text
 * field with a mask shows masked once left filled, even when the focus comes back. */
void form_set_masked(struct form *f, int field, const char *masked);
int form_get_masked(struct form *f, int field, char *out, size_t outsz);
/* Put the focus on field and show msg (translated) on the form's message line. */
void form_error(struct form *f, int field, const char *msg);
/* Push it on the ui; the ui owns it from now on. */
void form_push(struct ui *ui, struct form *f);

#endif
