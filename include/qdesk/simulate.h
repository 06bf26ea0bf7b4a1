/* simulate.h - the training-mode hall simulator: citizens arrive at the config's training rates
 * per type and hour, and the windows it staffs call, serve, log cases with modes and ratings, let
 * some numbers go as no-shows, pause and resume - all through the engine, as clerks would. It
 * drives the demo morning of `init --demo` and `qdesk simulate` (live beside the consoles, or fast
 * over whole days with the clock stepped). Only ever run on a training database. */
#ifndef QDESK_SIMULATE_H
#define QDESK_SIMULATE_H
#include <time.h>
#include "qdesk/config.h"
#include "qdesk/store.h"

#define SIM_LEAVE_MAX 64

struct sim_options {
	unsigned long long seed;    /* same seed, same hall: the demo morning is reproducible */
	int rate_percent;           /* arrivals as a percentage of the configured rates (100) */
	int leave[SIM_LEAVE_MAX];   /* windows left to people (a trainee practises there) */
	size_t nleave;
};

/* What a run did (added to by every sim_advance). */
struct sim_counts { int issued, called, served, noshow, recalled, paused, cases, ratings; };

struct sim;

/* A simulator for hall h (which must outlive it); NULL when out of memory. Window w is staffed by
 * the demo clerk "clerk%02d" of its number (see demo.h); the demo guide issues the tickets. */
struct sim *sim_new(const struct hall *h, const struct sim_options *o);
void sim_free(struct sim *s);

/* Move the hall on to time to, minute by minute from where the last call stopped (the first call
 * starts at to itself). With fix_clock, the engine's clock is fixed at each step's time (fast
 * runs: a whole day in seconds) and released afterwards; without it, actions happen now (live).
 * A window where someone other than its simulated clerk is signed in is left alone, and nothing
 * happens outside opening hours but clerks finishing, resuming and signing out at closing.
 * Returns the first engine error other than an expected refusal (empty queue, quota, cut-off). */
enum qd_status sim_advance(struct sim *s, struct store *st, time_t to, int fix_clock,
                           struct sim_counts *out);

#endif
