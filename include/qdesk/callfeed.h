/* callfeed.h - the call feed: every call and every recall of a ticket is an event with an id that
 * only increases, so a reader (the hall board, the announcer) keeps the last id it has seen and
 * asks for what came after it. Reads only; the queue writes the events (queue.h). */
#ifndef QDESK_CALLFEED_H
#define QDESK_CALLFEED_H
#include <stddef.h>
#include "qdesk/store.h"

/* The most a reader may ask for in one call (a larger max is cut to this). */
#define CALLFEED_MAX 200

struct call_event {
	long long id;               /* event id: increases with every event of the hall */
	long long at;               /* Unix seconds of the call */
	long long ticket_id;
	char number[16];            /* "A012" */
	char type[8];               /* the ticket's business type prefix ("A") */
	int window;                 /* the window that called it */
	int recall;                 /* 0 = first call (叫号 or 特呼), 1 = recall (重呼) */
};

/* The calls and recalls with an id greater than after, oldest first, at most max of them (cut to
 * CALLFEED_MAX) into out[0 .. *n - 1]; more may follow, ask again from out[*n - 1].id. after = 0
 * reads from the very first call ever (use callfeed_head to start at now). Reads a bounded range of
 * an index, never the whole event log. */
enum qd_status callfeed_after(struct store *st, long long after, struct call_event *out, size_t max,
                              size_t *n);

/* The id of the newest call or recall event (0 if none): a reader that starts now begins here. */
enum qd_status callfeed_head(struct store *st, long long *id);

/* The board's history: the last max tickets called today (cut to CALLFEED_MAX), newest first, one
 * entry per ticket, the one of its latest call or recall (so a recalled number moves to the top).
 * Reads today's calls only (the hall's day at clock_now(); QD_ERR_CONFIG if QDESK_NOW is bad). */
enum qd_status callfeed_last(struct store *st, struct call_event *out, size_t max, size_t *n);

#endif
