/* lead-day.h - the shift lead's drill-down: one window's, one clerk's or one business type's day
 * (today): its tickets, cases, pauses (reason, minutes) and ratings, row by row, beside the
 * report's figures for it (report_compute by window, staff or type). Domain only. */
#ifndef QDESK_LEAD_DAY_H
#define QDESK_LEAD_DAY_H
#include <stddef.h>
#include "qdesk/config.h"
#include "qdesk/store.h"

enum lead_day_kind { LEAD_DAY_WINDOW, LEAD_DAY_STAFF, LEAD_DAY_TYPE };

struct lead_day_ticket {
	long long id;
	char number[16], type[HALL_ID_MAX + 1], state[12];
	int window;                 /* 0: never called */
	char staff[32];
	long long issued_at, called_at, finished_at;   /* 0: not yet */
	int rating;                 /* 1-5, 0 none */
	int cases;                  /* cases logged for it (not voided) */
};

struct lead_day_case {
	long long at;
	char number[16];            /* "" for a walk-in case */
	char matter[33], outcome[16], mode[12];
	int window;
	char staff[32];
};

struct lead_day_pause {
	int window;
	char staff[32], reason[HALL_ID_MAX + 1];
	long long started_at, ended_at;     /* ended_at 0: still paused */
};

struct lead_day_rating {
	long long at;
	char number[16];
	int level;
	char reason[501];
	int window;
	char staff[32];
};

struct lead_day {
	enum lead_day_kind kind;
	char key[32];               /* "3", "clerk01", "A" */
	char day[11];
	struct lead_day_ticket *tickets; size_t ntickets;   /* by issue time */
	struct lead_day_case *cases;     size_t ncases;     /* by time */
	struct lead_day_pause *pauses;   size_t npauses;    /* by start; none for a type */
	struct lead_day_rating *ratings; size_t nratings;   /* by time, voided ones left out */
};

/* Read today's rows of the window (key "3"), the clerk (a staff id) or the type (a prefix) in one
 * read transaction (today's rows through the day indexes, pauses by their start) into *out.
 * QD_ERR_NO_WINDOW / QD_ERR_NO_TYPE for a key the config does not define. Free with
 * lead_day_free, also after a failure. */
enum qd_status lead_day(struct store *st, const struct hall *h, enum lead_day_kind kind,
                        const char *key, struct lead_day *out);
void lead_day_free(struct lead_day *d);

#endif
