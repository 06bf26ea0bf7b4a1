/* training.h - training databases (培训模式). The demo hall (`init --demo`) and `qdesk simulate`
 * run on one, never on the live database. A training database keeps a demo clock: the real clock
 * (or QDESK_NOW) plus an offset chosen when it was made, so that the demo hall sits inside opening
 * hours at any hour and its waits still grow as real time passes. */
#ifndef QDESK_TRAINING_H
#define QDESK_TRAINING_H
#include <time.h>
#include "qdesk/config.h"
#include "qdesk/store.h"

struct training {
	int on;                     /* 1 on a training database */
	long long offset;           /* demo clock minus real clock, seconds (>= 0) */
	char day[11];               /* the demo day it was made for */
};

/* Read st's training state into *out and set this process's clock offset from it (0 on a live
 * database), so every later clock_now() reads the demo clock. */
enum qd_status training_load(struct store *st, struct training *out);

/* 1 if the database training_load read last is a training database (screens say so). */
int training_active(void);

/* The offset that puts a clock reading now inside opening hours: 0 when now is at least half an
 * hour before closing and not before opening; else the seconds to an hour and a half after
 * opening, today if now is before opening, else the next day. Never negative. */
long long training_offset_for(const struct hall *h, time_t now);

/* Make st a training database whose demo clock runs offset seconds ahead and whose demo day is
 * the day of now + offset; sets the clock offset. One write transaction with an event.
 * QD_ERR_LIVE_DB if st is not a training database yet but already holds tickets: a live hall's
 * database never becomes a training one. */
enum qd_status training_mark(struct store *st, time_t now, long long offset);

/* 1 when the demo day of t is over at demo time now: another day, or past closing time. */
int training_day_over(const struct hall *h, const struct training *t, time_t now);

/* The simulator of the database at db_path holds a lock on db_path + "-simulate.lock" while it
 * runs, so that only one runs and others can tell. training_sim_lock takes it: returns the open
 * descriptor (kept open while running; closing it releases), or -1 with *holder the pid of the
 * simulator holding it (0 if the lock file cannot be made: errno says why). */
int training_sim_lock(const char *db_path, long *holder);
/* The pid of the simulator running on db_path, or 0. */
long training_sim_running(const char *db_path);

#endif
