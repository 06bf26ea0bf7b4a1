/* cli-announcer.c - `qdesk announcer [--print] [--once]`: the hall's one voice. Runs until
 * SIGINT/SIGTERM, idling on PRAGMA data_version (a look every 200 ms, no busy loop), and drains
 * the call feed through announce.c whenever another process has written. */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include "cli.h"
#include "qdesk/announce.h"
#include "qdesk/clock.h"
#include "qdesk/i18n.h"
#include "qdesk/text.h"

static volatile sig_atomic_t stop;

static void on_signal(int sig)
{
	(void)sig;
	stop = 1;
}

static void log_line(void *ctx, const char *line)
{
	char stamp[20], safe[1024];
	(void)ctx;
	clock_stamp(clock_now(), stamp);
	text_sanitize(line, safe, sizeof safe);
	fprintf(stderr, "%s qdesk announcer: %s\n", stamp + 11, safe);
}

static void nap(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };
	nanosleep(&ts, NULL);       /* a signal ends it early: the loop then sees stop */
}

int cli_announcer(struct cli *c, int argc, char **argv)
{
	int print = 0, once = 0;
	const struct cli_opt opts[] = { { "print", NULL, &print }, { "once", NULL, &once },
		{ NULL, NULL, NULL } };
	int rc = cli_parse(c, argc, argv, opts, NULL, 0, 0);
	if (rc || (rc = cli_store(c, STORE_OPEN_WRITE)))
		return rc;
	if (!print && !*c->hall->announce.command)
		return cli_usage(argv[0], _("announce.command is empty: give --print, or a speech command "
		                            "in the configuration"));
	struct announcer a = { .st = c->st, .h = c->hall, .print = print, .out = stdout,
	                       .log = log_line };
	enum qd_status s = announce_start(&a);
	if (s != QD_OK)
		return cli_fail(c, s, NULL);
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;   /* no SA_RESTART: a signal ends the nap at once */
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);    /* --print into a reader that died: a failed call, then stop */
	if (!once)
		log_line(NULL, print ? _("started: calls are written to standard output")
		                     : _("started: calls are spoken"));
	long long seen = store_data_version(c->st);
	s = announce_drain(&a, &stop);
	while (s == QD_OK && !stop && !once && !(print && ferror(stdout))) {
		nap(200);
		long long now = store_data_version(c->st);
		if (now != seen || a.waiting) {
			seen = now;
			s = announce_drain(&a, &stop);
		}
	}
	if (s != QD_OK)
		return cli_fail(c, s, store_errmsg(c->st));
	if (print && ferror(stdout)) {
		log_line(NULL, _("standard output is closed: stopping"));
		return 1;
	}
	if (c->json) {
		struct json j;
		json_begin(&j, stdout);
		json_bool(&j, "ok", 1);
		json_int(&j, "announced", a.spoken);
		json_int(&j, "failed", a.failed);
		json_int(&j, "skipped", a.skipped);
		json_int(&j, "taken", a.taken);
		json_end(&j);
	} else {
		char line[256];
		snprintf(line, sizeof line, _("%d announced, %d failed, %d skipped as too old, %d taken by "
		                              "another announcer"), a.spoken, a.failed, a.skipped, a.taken);
		log_line(NULL, line);
	}
	return 0;
}
