/* demo.h - demo data for the bundled hall: staff accounts and a morning of tickets. */
#ifndef QDESK_DEMO_H
#define QDESK_DEMO_H
#include "qdesk/config.h"
#include "qdesk/store.h"

/* The PIN every demo account gets (documented in README and qdesk(1); demo only). */
#define DEMO_PIN "1234"

/* What demo_populate added; already = 1 when today had tickets, so no morning was added. */
struct demo_counts { int staff, issued, served, already; };

/* Add the demo staff (guide01, clerk01…clerk08, lead01, admin01) and a morning of tickets issued
 * from opening time onwards today, some of them already called and finished with a case and a
 * rating. Accounts that already exist are kept; the morning is added only to a day without
 * tickets, so running it twice adds nothing the second time. */
enum qd_status demo_populate(struct store *st, const struct hall *h, struct demo_counts *out);

#endif
