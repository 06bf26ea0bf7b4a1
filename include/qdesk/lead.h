/* lead.h - what the shift lead watches: a snapshot of the hall now (every window's state, every
 * queue, open 办不成事 problems and rectification items) and the alerts a lead acts on. Domain
 * only: screens and the CLI draw what these return. */
#ifndef QDESK_LEAD_H
#define QDESK_LEAD_H
#include <stddef.h>
#include "qdesk/config.h"
#include "qdesk/guide.h"
#include "qdesk/queue.h"
#include "qdesk/store.h"

enum lead_alert_kind {
	LEAD_ALERT_WAIT,            /* a queue's longest wait is past its type's target */
	LEAD_ALERT_NO_WINDOW,       /* people wait for a type no open window serves */
	LEAD_ALERT_IDLE,            /* a window idle lead.idle_alert_minutes while a type it serves waits */
	LEAD_ALERT_PAUSED,          /* a window paused lead.pause_alert_minutes */
};

struct lead_alert {
	enum lead_alert_kind kind;
	const struct hall_type *type;   /* WAIT, NO_WINDOW, IDLE (the type that waits) */
	int window;                     /* IDLE, PAUSED */
	int waiting;                    /* WAIT, NO_WINDOW */
	long long secs;                 /* the longest wait, or how long idle / paused */
	char reason[HALL_ID_MAX + 1];   /* PAUSED: the pause reason id */
};

#define LEAD_ALERTS_MAX 64

struct lead_snapshot {
	long long now;
	struct window_state *windows;   /* h->nwindows, in the config's order */
	struct guide_queue *queues;     /* h->ntypes, in the config's order */
	size_t nqueues;
	int problems_open, problems_overdue;   /* 办不成事 still open, and past their deadline */
	int rectify_open, rectify_overdue;     /* rectification items not closed, and past deadline */
	struct lead_alert alerts[LEAD_ALERTS_MAX];
	size_t nalerts;
};

/* Read the hall now in one read transaction (today's rows and the open items' partial indexes
 * only) into *out and compute its alerts. Free with lead_snapshot_free, also after a failure. */
enum qd_status lead_snapshot(struct store *st, const struct hall *h, struct lead_snapshot *out);
void lead_snapshot_free(struct lead_snapshot *s);

/* The alerts of a hall as windows (h->nwindows, config order) and queues (config order) show it at
 * now, most urgent kind first (waits, then types nobody serves, idle, paused), at most max into
 * out. Returns how many. Pure: no database. */
size_t lead_alerts(const struct hall *h, const struct window_state *windows,
                   const struct guide_queue *queues, size_t nqueues, long long now,
                   struct lead_alert *out, size_t max);

/* The alert as a lead reads it, translated, into buf: "B: 6 waiting, longest 35 min",
 * "window 7 idle 12 min while D waits", "window 3 paused 40 min (会议)", "D: 3 waiting, no window
 * open". */
void lead_alert_text(const struct hall *h, const struct lead_alert *a, char *buf, size_t len);

#endif
