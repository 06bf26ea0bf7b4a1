/* widget-picker.h - a modal list to pick one entry (or tick several) with incremental search: the
 * matter catalogue, transfer targets, pause reasons, elderly help types, ratings. */
#ifndef QDESK_WIDGET_PICKER_H
#define QDESK_WIDGET_PICKER_H
#include <stddef.h>
#include "ui.h"

struct picker;

/* Called once when the picker closes, before it is removed from the stack: index is the chosen
 * entry (the order added), or -1 on Esc. In multi mode index is 0 on Enter and checked[] (one per
 * entry, owned by the picker, valid during the call) says which are ticked. */
typedef void picker_done_fn(struct ui *ui, void *ctx, int index, const unsigned char *checked);

/* A new picker; title is copied. multi = 1 for a checklist (Space ticks, Enter confirms). */
struct picker *picker_new(const char *title, int multi, picker_done_fn *done, void *ctx);
/* Add an entry: key (searched and shown first, may be "") and label (both copied). checked is the
 * initial tick in multi mode. */
void picker_add(struct picker *p, const char *key, const char *label, int checked);
/* Keys are searched but not shown (ids in a language the clerk may not read). */
void picker_hide_keys(struct picker *p);
/* Put the cursor on entry i. Start the search with query (UTF-8, may be NULL). */
void picker_select(struct picker *p, int i);
void picker_search(struct picker *p, const char *query);
/* Push it on the ui; the ui owns it from now on. */
void picker_push(struct ui *ui, struct picker *p);

#endif
