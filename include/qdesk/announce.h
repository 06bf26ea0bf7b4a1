/* announce.h - the announcer (叫号语音): one process per hall drains the call feed (callfeed.h) and
 * speaks each call and recall, one after another. Each is claimed in the store before it is
 * spoken, so two announcers started by mistake never both speak one call, nor talk at once. */
#ifndef QDESK_ANNOUNCE_H
#define QDESK_ANNOUNCE_H
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <time.h>
#include "qdesk/config.h"
#include "qdesk/status.h"
#include "qdesk/store.h"

/* How a ticket number is read: digits one by one ("A001" -> "A零零一") or, with digits_each 0, as
 * a number ("A001" -> "A一", "A012" -> "A十二", "A105" -> "A一百零五"). Letters and anything
 * else are kept. Always NUL-terminated. */
void announce_number(const char *number, int digits_each, char *out, size_t outsz);

/* Template tpl with {number} replaced by number and {window} by the window number (the announcer's
 * and the board's templates). Always NUL-terminated. */
void announce_fill(const char *tpl, const char *number, int window, char *out, size_t outsz);

/* The hall's template (announce.template) filled in: {number} as read aloud (spoken = 1, see
 * announce_number) or as written (spoken = 0: for boards and LED controllers), {window} the
 * window number. Always NUL-terminated. */
void announce_text(const struct hall *h, const char *number, int window, int spoken, char *out,
                   size_t outsz);

/* One announcer. Fill st, h, print, out and log, then call announce_start. */
struct announcer {
	struct store *st;
	const struct hall *h;
	int print;                  /* 1: write each line to out instead of speaking (channel "print") */
	FILE *out;                  /* where --print lines go */
	void (*log)(void *ctx, const char *line);   /* what happened, one translated line; may be NULL */
	void *log_ctx;
	/* set by announce_start and announce_drain: */
	char who[64];               /* "host:pid", the claimant's name in the store */
	long long cursor;           /* the last call event looked at */
	time_t started;
	int spoken, failed, skipped, taken;   /* counts: taken = claimed by another announcer */
	int waiting;                /* 1 while another announcer is speaking: drain again soon */
};

/* Begin: the cursor is the newest call this channel ever claimed (calls after it that are older
 * than announce.max_age at start are skipped by announce_drain). QD_ERR_CONFIG if there is no
 * speech command and print is 0. */
enum qd_status announce_start(struct announcer *a);

/* Handle every call after the cursor, oldest first: skip it if stale (made more than
 * announce.max_age seconds before the start), else claim it and speak it announce.repeat times
 * (the command killed after announce.timeout) or print it, and record it spoken or failed. A
 * failing speaker is logged and the queue moves on. Returns when the feed is drained, when
 * *stop becomes non-zero (between calls), or with a->waiting = 1 when another announcer is
 * speaking (call again a little later). QD_OK, or a store error. */
enum qd_status announce_drain(struct announcer *a, volatile sig_atomic_t *stop);

#endif
