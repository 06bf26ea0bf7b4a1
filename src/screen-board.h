/* screen-board.h - the displays of the waiting room (`qdesk board`): the hall board
 * (screen-board.c) and the display and evaluation pad above one window (screen-pad.c). */
#ifndef QDESK_SCREEN_BOARD_H
#define QDESK_SCREEN_BOARD_H
#include "ui.h"

/* What `qdesk board` was given: --zone Z (NULL: the whole hall), --window N (0: the hall board). */
struct board_opts {
	const char *zone;
	int window;
};

/* Refuse a zone or window the hall lacks (QD_ERR_NO_ZONE, QD_ERR_NO_WINDOW) before curses starts. */
enum qd_status board_check(const struct hall *h, const struct board_opts *o);
/* Push the hall board, or with o->window the window display (and pad) of that window. No login. */
enum qd_status board_push(struct ui *ui, const struct board_opts *o);
enum qd_status pad_display_push(struct ui *ui, int window);

/* Shared by both displays: the first line (title left in bold, the date and time right) and the
 * date and time it shows ("YYYY-MM-DD HH:MM") into out[17]. */
void board_clock(struct ui *ui, char out[17]);
void board_draw_title(int y, const char *title, const char *clock);

#endif
