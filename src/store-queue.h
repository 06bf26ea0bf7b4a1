/* store-queue.h - the SQL that queue.c needs: tickets, windows, sessions and pauses rows. Every
 * function runs inside the caller's store_write/store_read transaction, steps its statements to the
 * end and resets them. Days are "YYYY-MM-DD"; times Unix seconds; ids 0 and windows 0 mean none.
 * queue.c holds the rules; these hold no rule beyond the SQL. */
#ifndef QDESK_STORE_QUEUE_H
#define QDESK_STORE_QUEUE_H
#include <stddef.h>
#include "qdesk/queue.h"

/* A windows row. A window without a row is closed, nobody there. */
struct store_queue_window {
	char state[12];             /* closed, idle, serving, paused */
	char staff[32];
	char pause_reason[HALL_ID_MAX + 1];
	long long since;
	long long current;          /* ticket id being served */
	int streak;                 /* consecutive priority calls */
	char last_kind[12];         /* "noshow", "finish" or "" */
	long long last_ticket;
	long long last_at;
};

/* What window w may call and in which order: the lists are ",A,B," (type prefixes upper-case;
 * group ids as written; "," when empty). priority_first 1 calls priority tickets first, 0 calls
 * the others first (the cap is reached). */
struct store_queue_filter {
	int window;
	const char *types, *also, *groups;
	int priority_first;
};

/* Expire up to limit (-1: all) waiting or called tickets of days before day, called ones first (an
 * "expire" event each), and free the windows serving any such ticket. *n = tickets expired. */
enum qd_status store_queue_expire_before(struct store *st, const char *day, long long now, int limit,
                                        int *n);

/* A sessions or pauses row still open (ended_at NULL). */
struct store_queue_open {
	long long id;
	int window;
	char staff[32];
	long long started_at;
};
/* The sessions (pauses = 0) or pauses (pauses = 1) rows still open that began before time before;
 * *out malloc'd (NULL when none). Close one such row at ended_at. */
enum qd_status store_queue_open_before(struct store *st, int pauses, long long before,
                                       struct store_queue_open **out, size_t *n);
enum qd_status store_queue_close_row(struct store *st, int pauses, long long id, long long ended_at);
/* The time of the last event at window w (by staff, or anyone when staff is NULL) in [from, before);
 * *at = 0 if none. */
enum qd_status store_queue_last_event(struct store *st, int w, const char *staff, long long from,
                                      long long before, long long *at);
/* Every window not closed whose state dates from before time before: closed, nobody there, no
 * ticket, no priority streak, since now. */
enum qd_status store_queue_close_windows_before(struct store *st, long long before, long long now);

/* Tickets issued on day, every type. */
enum qd_status store_queue_day_count(struct store *st, const char *day, int *n);
/* Tickets issued on day for type (its number of tickets and highest sequence). */
enum qd_status store_queue_type_count(struct store *st, const char *day, const char *type,
                                      int *count, int *max_seq);
/* One more than the highest queue position of day (1 if none). */
enum qd_status store_queue_next_pos(struct store *st, const char *day, double *pos);
/* Where a returning ticket of queue_type goes: just behind the k-th waiting ticket of that queue
 * (midway to the next), or at the end when k or fewer wait. */
enum qd_status store_queue_requeue_pos(struct store *st, const char *day, const char *queue_type,
                                       int k, double *pos);

/* Insert a waiting ticket from t's day, type, seq, number, priority, issued_at, id_masked,
 * phone_masked, note (and queue_type = type); age -1 = unknown; issued_by may be NULL.
 * Sets t->id. */
enum qd_status store_queue_insert(struct store *st, struct ticket *t, double pos, int age,
                                  const char *issued_by);

/* trust: the request key of `issue --request-id`. With ticket_id 0, find the ticket issued under
 * key (*found_id, 0 if none; an index lookup); else record key on ticket ticket_id. */
enum qd_status store_queue_request(struct store *st, const char *key, long long ticket_id,
                                   long long *found_id);

/* Load a ticket by id (QD_ERR_NOT_FOUND); by number on day, any case; and the latest ticket with
 * that number on any day before day. */
enum qd_status store_queue_get(struct store *st, long long id, struct ticket *out);
enum qd_status store_queue_by_number(struct store *st, const char *day, const char *number,
                                     struct ticket *out);
enum qd_status store_queue_by_number_before(struct store *st, const char *day, const char *number,
                                            struct ticket *out);
/* Waiting tickets of the same day and queue (type, and window it was sent to) as ticket id that
 * are called before it: priority ones first, then by place. */
enum qd_status store_queue_ahead(struct store *st, long long id, int *n);

/* The first ticket f's window may call on day, in the order store_queue_list gives, found with
 * a few index seeks however long the queues are (store-queue-head.c). QD_ERR_EMPTY if none. */
enum qd_status store_queue_next(struct store *st, const char *day, const struct store_queue_filter *f,
                                long long *id);
/* The first limit tickets of store_queue_list's (*n of them, *out malloc'd) and *total, how many
 * there are in all, found the same way: a window console's list reads no more than it shows. */
enum qd_status store_queue_top(struct store *st, const char *day, const struct store_queue_filter *f,
                               size_t limit, struct ticket **out, size_t *n, size_t *total);
/* Claim store_queue_next's ticket (inside the caller's write): it becomes called at that window
 * by staff at now (calls + 1). QD_ERR_EMPTY if none; else *id. */
enum qd_status store_queue_claim_next(struct store *st, const char *day,
                                      const struct store_queue_filter *f, const char *staff,
                                      long long now, long long *id);
/* Claim ticket id if it is still waiting (QD_ERR_NOT_WAITING otherwise). */
enum qd_status store_queue_claim_id(struct store *st, long long id, int window, const char *staff,
                                    long long now);
/* End a ticket in state (served, noshow) at finished_at, by staff (who is then credited). */
enum qd_status store_queue_set_state(struct store *st, long long id, const char *state,
                                     long long finished_at, const char *staff);
/* Back to called at window (undo): finished_at cleared. */
enum qd_status store_queue_reopen(struct store *st, long long id, int window);
enum qd_status store_queue_add_call(struct store *st, long long id);
/* Waiting again in queue_type (NULL = unchanged) for target_window (0 = none) at *pos (NULL =
 * where it was), no window, calls 0; requeue 1 also counts a return. */
enum qd_status store_queue_rewait(struct store *st, long long id, const char *queue_type,
                                  int target_window, const double *pos, int requeue);

/* The waiting tickets f's window would call, in that order (f NULL: every waiting ticket of day
 * in queue order). *out malloc'd. */
enum qd_status store_queue_list(struct store *st, const char *day, const struct store_queue_filter *f,
                                struct ticket **out, size_t *n);
/* Tickets of day that window ended in state. */
enum qd_status store_queue_count_ended(struct store *st, const char *day, int window,
                                       const char *state, int *n);

/* What staff did on day (see queue_staff_today). */
enum qd_status store_queue_staff_day(struct store *st, const char *day, const char *staff,
                                     struct staff_today *out);

/* The windows row of w (a closed, empty one if there is none); write it back (created if new). */
enum qd_status store_queue_window_get(struct store *st, int w, struct store_queue_window *out);
enum qd_status store_queue_window_put(struct store *st, int w, const struct store_queue_window *in);

/* The staff of w's open session, "" if none. Open a session; close the open sessions at w. */
enum qd_status store_queue_session_open_staff(struct store *st, int w, char staff[32]);
/* The window (not except; 0 = none) where staff has an open session, the latest one, into *w. */
enum qd_status store_queue_staff_window(struct store *st, const char *staff, int except, int *w);
enum qd_status store_queue_session_start(struct store *st, int w, const char *staff, long long now);
enum qd_status store_queue_session_end(struct store *st, int w, long long now);
/* Open a pauses row; close w's open one. */
enum qd_status store_queue_pause_start(struct store *st, int w, const char *staff, const char *reason,
                                       long long now);
enum qd_status store_queue_pause_end(struct store *st, int w, long long now);

#endif
