/* screen-lead-views.h - what the files of the shift lead's dashboard share: its state (the view
 * shown, the snapshots each view reads) and each view's drawing and keys. Private to
 * screen-lead*.c. */
#ifndef QDESK_SCREEN_LEAD_VIEWS_H
#define QDESK_SCREEN_LEAD_VIEWS_H
#include <stddef.h>
#include "session.h"
#include "ui.h"
#include "qdesk/lead.h"
#include "qdesk/problems.h"
#include "qdesk/rectify.h"
#include "qdesk/report.h"

enum lead_view { LEAD_VIEW_HALL, LEAD_VIEW_FIGURES, LEAD_VIEW_LEDGER, LEAD_VIEW_PROBLEMS };

/* A list on screen: the row under the cursor and the first row shown. */
struct lead_list {
	int sel, top;
};

struct lead_screen {
	struct session sess;
	enum lead_view view;
	struct lead_snapshot snap;
	enum qd_status load_error;
	long long shown_minute;
	/* today's figures and the hourly chart (report_compute by hour), loaded when shown */
	struct report *today;
	enum qd_status today_error;
	/* the rectification ledger and the 办不成事 problems, loaded when their view is shown */
	struct rectify_item *ledger;
	size_t nledger;
	struct problem *problems;
	size_t nproblems;
	enum qd_status items_error;
	struct lead_list ledger_list, problem_list;
	/* what an open dialog works for (a call-back's item, the drill picker's entries): freed when
	 * the dialog closes, or with the screen if the program ends while it is open */
	void *pending;
	void (*pending_free)(void *);
};

/* Hand x (freed with free_fn) to l while a dialog works for it; lead_pending_done when it closes. */
void lead_pending_set(struct lead_screen *l, void *x, void (*free_fn)(void *));
void lead_pending_done(struct lead_screen *l);

/* 1 if the hall view has room for today's figures beside the map and queues (a wide terminal). */
int lead_hall_has_figures(void);
/* Today's key figures in a column at y, x, w wide, down to bottom; returns the next free line. */
int lead_figures_draw(struct ui *ui, struct lead_screen *l, int y, int x, int w, int bottom);
/* The hourly chart of tickets issued and served in the box at y, x, h by w. */
void lead_chart_draw(struct ui *ui, struct lead_screen *l, int y, int x, int h, int w);
/* The figures view: the key figures left, the chart right. */
void lead_figures_view(struct ui *ui, struct lead_screen *l, int top, int bottom);

/* The ledger and problems views (screen-lead-items.c): load the list of the view shown, draw it
 * with the selected item's details, and handle the list keys and the call-back, close and resolve
 * actions (returns UI_* flags, 0 if the key is not theirs). */
void lead_items_load(struct ui *ui, struct lead_screen *l);
void lead_ledger_view(struct ui *ui, struct lead_screen *l, int top, int bottom);
void lead_problems_view(struct ui *ui, struct lead_screen *l, int top, int bottom);
int lead_items_act(struct ui *ui, struct lead_screen *l, const struct ui_event *ev);

/* The drill key: pick a window, a clerk or a type, then show its day (screen-lead-drill.c). */
void lead_drill_pick(struct ui *ui, struct lead_screen *l);

#endif
