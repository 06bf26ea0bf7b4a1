/* demo.h - demo data for the bundled hall: staff accounts and a morning of tickets. */
#ifndef QDESK_DEMO_H
#define QDESK_DEMO_H
#include "qdesk/config.h"
#include "qdesk/store.h"

/* The PIN every demo account gets (documented in README and qdesk(1); demo only). */
#define DEMO_PIN "1234"
/* Demo clerks clerk01 … clerk24: clerkNN staffs window NN. */
#define DEMO_CLERKS 24
/* The simulator's seed for the demo day: the same config and clock give the same hall. */
#define DEMO_SEED 20261129ULL

/* What demo_populate added; already = 1 when today had tickets, so no morning was added. */
struct demo_counts { int staff, issued, served, already; };

/* Add the demo staff (guide01, clerk01…clerk24, lead01, admin01) and today's traffic from opening
 * time to now, simulated (simulate.h) with the clock stepped: tickets issued, called, served with
 * cases and ratings, no-shows, pauses; windows 1 and 2 are left for people (the console of
 * `make run` and the README's examples). Accounts that already exist are kept; the day is added
 * only to a day without tickets, so running it twice adds nothing the second time. Call it on a
 * training database (training.h), whose demo clock is inside opening hours. */
enum qd_status demo_populate(struct store *st, const struct hall *h, struct demo_counts *out);

#endif
