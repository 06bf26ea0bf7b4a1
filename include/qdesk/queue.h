/* queue.h - tickets: issue, call, recall, no-show, requeue, transfer, pause, finish, undo, rollover.
 * Every call is one write transaction; every state change also writes an event row. */
#ifndef QDESK_QUEUE_H
#define QDESK_QUEUE_H
#include <stddef.h>
#include "qdesk/config.h"
#include "qdesk/store.h"

struct case_input;

/* Ticket states as stored: waiting, called (at a window, being served), and the ends: served,
 * noshow, expired, voided. A transfer puts a called ticket back to waiting. */
struct ticket {
	long long id;               /* unique forever */
	char day[11];               /* the hall day it was issued */
	char type[8];               /* business type prefix it was issued for (never changes) */
	char queue_type[8];         /* the type whose queue it waits in (differs after a transfer) */
	int seq;                    /* daily sequence within the type */
	char number[16];            /* "A001" */
	char priority[HALL_ID_MAX + 1];   /* group id or "" */
	char state[12];
	long long issued_at, called_at, finished_at;   /* Unix seconds; 0 = not yet */
	int window;                 /* window that called it, 0 = none */
	int target_window;          /* set by a transfer to a window, 0 = none */
	char staff[32];             /* who called it */
	int calls;                  /* 1 after the first call, +1 per recall */
	int requeues;               /* times it returned after a no-show */
	int ahead;                  /* (issue) people waiting before it for the same type */
	char id_masked[20];         /* "110105********002X" or "" */
	char phone_masked[16];      /* "138****1234" or "" */
	char note[256];
};

struct issue_input {
	const char *type;           /* prefix, any case */
	const char *priority;       /* group id, NULL/"" = none */
	const char *id_number;      /* optional; validated; age >= elderly min_age sets that group */
	const char *phone;          /* optional; validated */
	const char *note;           /* optional, at most 200 bytes */
	const char *staff;          /* optional (kiosk): guide/clerk/lead/admin */
	const char *request_id;     /* optional key: a retry with the same key gets the same ticket */
};

/* Window state as stored: closed (nobody signed in), idle, serving, paused. */
struct window_state {
	int number;
	char state[12];
	char staff[32];
	char pause_reason[HALL_ID_MAX + 1];
	long long since;
	struct ticket current;      /* valid when current.id != 0 */
	int served_today, noshow_today;
};

/* Issue a ticket. QD_ERR_NO_TYPE, QD_ERR_NO_GROUP, QD_ERR_IDCARD, QD_ERR_PHONE, QD_ERR_TOO_LONG,
 * QD_ERR_QUOTA, QD_ERR_CUTOFF, QD_ERR_CLOSED (outside opening hours). Fills *out, incl. ahead. */
enum qd_status queue_issue(struct store *st, const struct hall *h, const struct issue_input *in,
                           struct ticket *out);
/* 1 if key may be a request id: 1 to 64 bytes of printable text. */
int queue_request_id_ok(const char *key);

/* Call the next ticket for window w: priority groups first (cap from calling.priority_cap),
 * oldest first across the window's types, then its "also" types; tickets transferred to w are
 * eligible there only. Exactly one window ever gets a ticket. QD_ERR_EMPTY when none waits (the
 * staff is still signed in at w). Signs staff in at w if needed (see queue_sign_in). */
enum qd_status queue_call_next(struct store *st, const struct hall *h, int w, const char *staff,
                               struct ticket *out);
/* A ticket number as typed into the form the hall prints: "a14" and "a0014" -> "A014" (letters
 * upper-case, digits zero-padded to hall.number_digits); anything else is copied unchanged. */
void queue_number_normalize(const struct hall *h, const char *in, char *out, size_t outsz);
/* Call a specific waiting number of today ("A005"; "a5" too, see queue_number_normalize) to
 * window w (特呼). */
enum qd_status queue_call_number(struct store *st, const struct hall *h, int w, const char *staff,
                                 const char *number, struct ticket *out);
/* Call the window's current ticket again; QD_ERR_RECALL_CAP past calling.recall_cap. */
enum qd_status queue_recall(struct store *st, const struct hall *h, int w, const char *staff,
                            struct ticket *out);
/* The current ticket did not come: it ends as noshow. */
enum qd_status queue_noshow(struct store *st, const struct hall *h, int w, const char *staff,
                            struct ticket *out);
/* A no-show person came back (same day, if calling.noshow_requeue): waiting again, behind the next
 * calling.requeue_behind waiting tickets of its type. */
enum qd_status queue_requeue(struct store *st, const struct hall *h, const char *number,
                             const char *staff, struct ticket *out);
/* Send the current ticket to another type (to_type) or window (to_window > 0); it waits again,
 * keeping its place if calling.transfer_keep_place. */
enum qd_status queue_transfer(struct store *st, const struct hall *h, int w, const char *staff,
                              const char *to_type, int to_window, struct ticket *out);
/* Pause window w with a reason id (from the config's pause reasons; NULL = first); resume it. */
enum qd_status queue_pause(struct store *st, const struct hall *h, int w, const char *staff,
                           const char *reason);
enum qd_status queue_resume(struct store *st, const struct hall *h, int w, const char *staff);

struct finish_result {
	struct ticket ticket;
	long long case_id;          /* the first case logged, 0 if none */
	int ncases;                 /* how many cases were logged */
	long long evaluation_id;    /* 0 if no rating */
	long long rectification_id; /* 0 unless the rating was 1 or 2 */
	char deadline[11];          /* rectification deadline day */
};
/* Finish the current ticket as served, log its ncases cases (cases.h rules; each validated
 * first, the field of a refusal is not reported here: call cases_validate for that), and if
 * rating is 1..5 record the evaluation (reason optional). All in one transaction: a refusal
 * leaves nothing written. */
enum qd_status queue_finish(struct store *st, const struct hall *h, int w, const char *staff,
                            const struct case_input *cases, size_t ncases, int rating,
                            const char *rating_reason, struct finish_result *out);
/* Undo the window's last no-show or finish if within calling.undo_seconds: the ticket is the
 * window's current ticket again; a case or evaluation logged by that finish is voided. */
enum qd_status queue_undo(struct store *st, const struct hall *h, int w, const char *staff,
                          struct ticket *out);

/* Sign staff in at window w (closing anybody else's open session there) / out.
 * Attendance rule, for every action that signs a clerk in (call, pause, sign-in …): a clerk signed
 * in at another window is signed out there first when it is idle or paused (its pause ends), and
 * refused with QD_ERR_SERVING_ELSEWHERE while serving a ticket there (queue_staff_window names
 * the window). */
enum qd_status queue_sign_in(struct store *st, const struct hall *h, int w, const char *staff);
enum qd_status queue_sign_out(struct store *st, const struct hall *h, int w, const char *staff);

/* End every ticket of a day before today that is still waiting or called as expired. Every write
 * call above does this first; exposed for tests and the status command. Returns count in *n. */
enum qd_status queue_rollover(struct store *st, const struct hall *h, int *n);

/* Snapshots (read only). The waiting list for window w in the order it would call them (w = 0:
 * every waiting ticket of today in queue order: issue order, with returned and transferred
 * tickets where they now stand); *out is malloc'd, caller frees. */
enum qd_status queue_waiting(struct store *st, const struct hall *h, int w, struct ticket **out,
                             size_t *n);
enum qd_status queue_window(struct store *st, const struct hall *h, int w, struct window_state *out);
/* queue_waiting and queue_window read in one transaction, so they agree (a ticket is never both
 * waiting and current, nor missing): w > 0 gives that window into ws[0] and its waiting list;
 * w = 0 every window of the hall into ws[0 .. h->nwindows - 1] and every waiting ticket. */
enum qd_status queue_snapshot(struct store *st, const struct hall *h, int w, struct window_state *ws,
                              struct ticket **waiting, size_t *n);
/* queue_snapshot for one window's console (w > 0): its state into ws[0], the first limit tickets
 * of its waiting list into *first (*n of them), and *total, how many wait for it in all. It reads
 * the first tickets of each queue the window serves and counts the rest in their index, so a long
 * queue costs a console no more than a short one. */
enum qd_status queue_window_snapshot(struct store *st, const struct hall *h, int w, size_t limit,
                                     struct window_state *ws, struct ticket **first, size_t *n,
                                     size_t *total);
/* What one staff member did today, at any window: numbers called (first calls, not recalls),
 * tickets served and no-shows (as they stand now, so an undo takes one back), cases logged
 * (voided ones not counted). */
struct staff_today { int called, served, noshow, cases; };
enum qd_status queue_staff_today(struct store *st, const char *staff, struct staff_today *out);
/* How many tickets were issued today (in any state) into *n. */
enum qd_status queue_issued_today(struct store *st, int *n);
/* The window staff is signed in at (the latest open session), 0 if none, into *w. */
enum qd_status queue_staff_window(struct store *st, const char *staff, int *w);
/* Find a ticket of today by number. */
enum qd_status queue_find(struct store *st, const char *number, struct ticket *out);

/* The English label of a ticket state ("waiting" …), a window state ("serving" …) or an event kind
 * the queue writes ("call", "noshow", "sign-in" …), to show through _(). Unknown names are
 * returned unchanged. Static strings; never NULL for a non-NULL name. */
const char *queue_label(const char *name);

#endif
