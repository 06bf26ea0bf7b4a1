/* board.h - what the hall board and the window displays show (qdesk board): the windows of the
 * hall, of one zone or one window, each with its state and the clerk's name as the hall chooses to
 * show it; today's last tickets called there; and the calls that came since the board last
 * looked, so the screen can make them stand out. Reads only, one read transaction per snapshot. */
#ifndef QDESK_BOARD_H
#define QDESK_BOARD_H
#include <stddef.h>
#include "qdesk/callfeed.h"
#include "qdesk/config.h"
#include "qdesk/queue.h"
#include "qdesk/store.h"

/* The most history lines a snapshot holds (board.history is at most 20). */
#define BOARD_HISTORY_MAX 20
/* The most new calls one snapshot reports (more in one go: only the newest are kept). */
#define BOARD_FRESH_MAX 64

/* What a window shows. */
enum board_state { BOARD_CLOSED, BOARD_IDLE, BOARD_SERVING, BOARD_PAUSED };

struct board_window {
	const struct hall_window *hw;
	struct window_state ws;
	enum board_state state;
	char clerk[64];             /* the clerk signed in, as board.staff_name shows it ("张*");
	                             * "" when closed, or with staff_name "none" */
	const char *pause_reason;   /* the pause reason's name from the config, or "" */
};

/* Which part of the hall a board shows: zone (NULL = every zone) and window (0 = every window). */
struct board_scope {
	const char *zone;
	int window;
};

struct board_snapshot {
	struct board_window *windows;   /* the windows in scope, in config order (malloc'd) */
	size_t nwindows;
	struct call_event calls[BOARD_HISTORY_MAX];   /* today's last tickets called in scope,
	                                               * newest first, each once */
	size_t ncalls;
	struct call_event fresh[BOARD_FRESH_MAX];     /* calls and recalls in scope since the
	                                               * cursor, oldest first */
	size_t nfresh;
};

/* The zone with id (exact), or NULL. */
const struct hall_zone *board_zone(const struct hall *h, const char *id);
/* 1 if window w is in scope. */
int board_in_scope(const struct hall *h, const struct board_scope *sc, int w);

/* Read what the board shows: the windows in scope, the last `history` (at most
 * BOARD_HISTORY_MAX) tickets called in scope today, and the calls and recalls in scope with an
 * event id after *cursor (then *cursor is the newest call event of the hall). *cursor < 0 means
 * "from now": nothing is fresh. QD_ERR_NO_WINDOW / QD_ERR_NO_ZONE for a scope the hall lacks.
 * On success free it with board_snapshot_free; on failure it is empty. */
enum qd_status board_snapshot(struct store *st, const struct hall *h, const struct board_scope *sc,
                              size_t history, long long *cursor, struct board_snapshot *out);
void board_snapshot_free(struct board_snapshot *snap);

/* The clerk's name as board.staff_name says: "masked" 张*, "full" 张三, "none" "". */
void board_staff_name(const struct hall *h, const char *name, char *out, size_t outsz);

/* The board's line for a call: board.template with {number} and {window} filled in. */
void board_call_text(const struct hall *h, const char *number, int window, char *out, size_t outsz);

#endif
