/* cli-simulate.c - `qdesk simulate`: training mode. Keeps the demo hall moving beside the
 * consoles (live, on the demo clock, until --until or closing time, or SIGINT/SIGTERM), or runs
 * whole days fast with the clock stepped (--from DAY --days N). Only on a training database. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "cli.h"
#include "qdesk/clock.h"
#include "qdesk/i18n.h"
#include "qdesk/simulate.h"
#include "qdesk/training.h"

static volatile sig_atomic_t stop;

static void on_signal(int sig)
{
	(void)sig;
	stop = 1;
}

/* "1,2,5" into o->leave. */
static int parse_leave(const char *cmd, const char *s, struct sim_options *o)
{
	o->nleave = 0;
	char buf[256];
	snprintf(buf, sizeof buf, "%s", s);
	for (char *save = NULL, *tok = strtok_r(buf, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		if (o->nleave >= SIM_LEAVE_MAX)
			return cli_usage(cmd, _("--leave lists too many windows"));
		int rc = cli_int(cmd, "--leave", tok, 1, 9999, &o->leave[o->nleave]);
		if (rc)
			return rc;
		o->nleave++;
	}
	return 0;
}

static void print_counts(struct cli *c, const struct sim_counts *n)
{
	if (c->json) {
		struct json j;
		json_begin(&j, stdout);
		json_bool(&j, "ok", 1);
		json_int(&j, "issued", n->issued);
		json_int(&j, "called", n->called);
		json_int(&j, "served", n->served);
		json_int(&j, "noshow", n->noshow);
		json_int(&j, "recalled", n->recalled);
		json_int(&j, "paused", n->paused);
		json_int(&j, "cases", n->cases);
		json_int(&j, "ratings", n->ratings);
		json_end(&j);
	} else {
		printf(_("simulated: %d tickets issued, %d called, %d served, %d no-shows, %d pauses, "
		         "%d cases, %d ratings\n"), n->issued, n->called, n->served, n->noshow, n->paused,
		       n->cases, n->ratings);
	}
}

/* Whole days from day from, clock stepped minute by minute from opening to closing. */
static enum qd_status run_days(struct sim *sim, struct store *st, const struct hall *h,
                               const char *from, int days, struct sim_counts *n)
{
	enum qd_status s = QD_OK;
	time_t t = clock_at(from, h->open_min);
	for (int d = 0; s == QD_OK && d < days; d++, t += 86400) {
		char day[11];
		clock_day(t, day);
		s = sim_advance(sim, st, clock_at(day, h->open_min), 1, n);
		if (s == QD_OK)
			s = sim_advance(sim, st, clock_at(day, h->close_min + 5), 1, n);
	}
	return s;
}

/* Live: every second, move the hall on to now, until `until` (demo clock) or a signal. */
static enum qd_status run_live(struct sim *sim, struct store *st, time_t until, struct sim_counts *n)
{
	enum qd_status s = QD_OK;
	while (s == QD_OK && !stop) {
		time_t now = clock_now();
		if (now > until)
			break;
		s = sim_advance(sim, st, now, 0, n);
		struct timespec ts = { 1, 0 };
		nanosleep(&ts, NULL);
	}
	return s;
}

int cli_simulate(struct cli *c, int argc, char **argv)
{
	const char *leave = NULL, *rate = NULL, *seed = NULL, *until = NULL, *from = NULL, *days = NULL;
	const struct cli_opt opts[] = {
		{ "leave", &leave, NULL }, { "rate", &rate, NULL }, { "seed", &seed, NULL },
		{ "until", &until, NULL }, { "from", &from, NULL }, { "days", &days, NULL },
		{ NULL, NULL, NULL } };
	struct sim_options o = { .seed = (unsigned long long)time(NULL), .rate_percent = 100,
	                         .leave = { 1, 2 }, .nleave = 2 };
	int rc = cli_parse(c, argc, argv, opts, NULL, 0, 0), ndays = 0, seed_n = 0, until_min = -1;
	if (rc || (leave && (rc = parse_leave(argv[0], leave, &o)))
	    || (rate && (rc = cli_int(argv[0], "--rate", rate, 0, 1000, &o.rate_percent)))
	    || (seed && (rc = cli_int(argv[0], "--seed", seed, 0, 2147483647, &seed_n)))
	    || (days && (rc = cli_int(argv[0], "--days", days, 1, 3660, &ndays))))
		return rc;
	if (seed)
		o.seed = (unsigned long long)seed_n + 1;
	if (until && (until_min = clock_parse_hhmm(until)) < 0)
		return cli_usage(argv[0], _("--until takes a time of day HH:MM"));
	if (!from != !days)
		return cli_usage(argv[0], _("--from DAY and --days N go together (a fast run of whole days)"));
	if (from && !clock_valid_day(from))
		return cli_usage(argv[0], _("--from takes a day YYYY-MM-DD"));
	if (from && until)
		return cli_usage(argv[0], _("--until is for a live run; a fast run does whole days"));
	if ((rc = cli_store(c, STORE_OPEN_WRITE)))
		return rc;
	if (!training_active())
		return cli_fail(c, QD_ERR_LIVE_DB, cli_db_path(c));
	long holder;
	int lock = training_sim_lock(cli_db_path(c), &holder);
	if (lock < 0) {
		char detail[64];
		snprintf(detail, sizeof detail, "pid %ld", holder);
		return cli_fail(c, holder ? QD_ERR_SIM_RUNNING : QD_ERR_DB, holder ? detail : strerror(errno));
	}
	struct sim *sim = sim_new(c->hall, &o);
	if (!sim) {
		close(lock);
		return cli_fail(c, QD_ERR_NOMEM, NULL);
	}
	struct sim_counts n = { 0 };
	enum qd_status s;
	if (from) {
		s = store_set_bulk(c->st, 1);
		if (s == QD_OK)
			s = run_days(sim, c->st, c->hall, from, ndays, &n);
		enum qd_status off = store_set_bulk(c->st, 0);
		s = s == QD_OK ? off : s;
	} else {
		char day[11];
		time_t now = clock_now();
		clock_day(now, day);
		time_t end = clock_at(day, until_min >= 0 ? until_min : c->hall->close_min + 5);
		struct sigaction sa = { .sa_handler = on_signal };
		sigemptyset(&sa.sa_mask);
		sigaction(SIGINT, &sa, NULL);
		sigaction(SIGTERM, &sa, NULL);
		if (!c->json) {
			char hhmm[6], endm[6];
			clock_hhmm(now, hhmm);
			clock_hhmm(end, endm);
			printf(_("simulating the hall on %s from %s (demo clock) to %s; Ctrl-C stops\n"),
			       cli_db_path(c), hhmm, endm);
			fflush(stdout);
		}
		s = run_live(sim, c->st, end, &n);
	}
	sim_free(sim);
	close(lock);
	if (s != QD_OK)
		return cli_fail(c, s, s == QD_ERR_DB ? store_errmsg(c->st) : NULL);
	print_counts(c, &n);
	return 0;
}
