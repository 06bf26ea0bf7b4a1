/* widget-prompt.h - small modal boxes: a one-line question with a text answer, and a yes/no
 * question. */
#ifndef QDESK_WIDGET_PROMPT_H
#define QDESK_WIDGET_PROMPT_H
#include "ui.h"

/* Called with the answer (UTF-8) on Enter, or NULL on Esc (after the clerk confirmed discarding
 * typed text, see PROMPT_KEEP). On Enter return 1 to close the prompt, 0 to keep it open with its
 * text (after ui_message() said what is wrong); the return value is ignored on Esc. */
typedef int prompt_done_fn(struct ui *ui, void *ctx, const char *answer);
/* Flags of prompt_push. */
enum {
	PROMPT_KEEP = 1,            /* free text: Esc asks before throwing typed text away */
	PROMPT_ASCII = 2,           /* full-width letters and digits (Chinese input methods) typed as
	                             * ASCII: ticket numbers */
};
/* Ask question (copied) with an answer of at most max bytes of UTF-8 (the engine's limits are in
 * bytes; a key that would pass it is refused with a message); initial may be NULL. */
void prompt_push(struct ui *ui, const char *title, const char *question, int max,
                 const char *initial, int flags, prompt_done_fn *done, void *ctx);

/* Called with 1 for yes (y, or Enter when the default is yes), 0 for no (n, Esc). */
typedef void confirm_done_fn(struct ui *ui, void *ctx, int yes);
void confirm_push(struct ui *ui, const char *question, int default_yes, confirm_done_fn *done, void *ctx);

#endif
