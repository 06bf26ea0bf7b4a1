/* print.h - ticket slips (取号票): the ESC/POS bytes of a slip, built by a pure function, and a
 * print job that sends them to the hall's printer apart from the caller (a child process with a
 * timeout), so a jammed, unplugged or absent printer never freezes a screen or a kiosk.
 *
 * A slip is only ever printed for a ticket already stored: the caller passes the ticket that
 * queue_issue() or queue_find() returned. A screen uses it like this:
 *
 *	struct print_job *pj = NULL;
 *	if (print_start(hall, &ticket, &pj) != QD_OK) show(print_reason(pj)) ... (pj may be NULL)
 *	each tick:  if (pj && print_poll(pj) != PRINT_RUNNING) { show(print_reason(pj)); print_free(pj); pj = NULL; }
 *	on quit:    print_free(pj);   (kills a job still running; never blocks)
 */
#ifndef QDESK_PRINT_H
#define QDESK_PRINT_H
#include <stddef.h>
#include <time.h>
#include "qdesk/config.h"
#include "qdesk/queue.h"
#include "qdesk/status.h"

/* What one slip shows. Strings are UTF-8; NULL or "" leaves the line out. Text the printer must not
 * see (control characters, escape sequences) is printed as '?'. */
struct print_slip {
	const char *hall;           /* hall name */
	const char *number;         /* "A001", printed double size */
	const char *type_name;      /* business type name */
	const char *group_name;     /* priority group name (绿色通道) or NULL */
	int ahead;                  /* people waiting before it; < 0 leaves the line out */
	time_t issued_at;           /* date and time printed */
	char place[2 * 4 * HALL_NAME_COLS + 2];   /* floor and zone of the type ("3F 企业开办专区"), or "" */
	const char *personal;       /* a masked ID or phone ("138****1234") or NULL */
	const char *notice;         /* the hall's notice, wrapped to the paper width */
};

/* Fill *s from a stored ticket and the hall's config (printer.zone, printer.personal, notice).
 * Strings point into h and t (place is copied), which must outlive *s. ahead is t->ahead if t is
 * waiting, else -1 (no line). */
void print_slip_of(const struct hall *h, const struct ticket *t, struct print_slip *s);

/* The bytes of one slip. */
struct print_bytes {
	char *data;                 /* malloc'd; caller frees with print_bytes_free() */
	size_t len;
	/* Characters the printer cannot print (not in GBK, the 1- and 2-byte part of GB18030 that
	 * thermal printers' fonts hold: e.g. 𠮷 outside the BMP), each printed as '?': up to the first
	 * few of them, UTF-8, "" when none. Control characters are replaced too but not listed. */
	char replaced[64];
	int nreplaced;              /* how many characters were replaced in all */
};

/* Build the slip for a paper of cols columns (32 on 58 mm, 48 on 80 mm; 16..80).
 * escpos = 1: ESC/POS for a Chinese thermal printer: ESC @, FS & (Chinese mode), GB18030 text,
 * the number double size (GS !), feed and cut (GS V). escpos = 0: the same lines as plain UTF-8
 * text (for the printer.file target and previews), centred by columns, ending with a rule line.
 * Pure: no I/O. QD_ERR_NOMEM, QD_ERR_INVALID (text not UTF-8). */
enum qd_status print_render(const struct print_slip *s, int cols, int escpos, struct print_bytes *out);
void print_bytes_free(struct print_bytes *b);

/* 1 if a slip may be printed for t: a stored ticket (id > 0) still waiting or being called; a
 * served, missed, expired or voided ticket gets no slip (a voided number must not walk around). */
int print_allowed(const struct ticket *t);

/* 1 if the config names a printer target (device, host, command or file), else 0. */
int print_configured(const struct hall *h);

/* A print job running apart. */
struct print_job;
enum print_state { PRINT_RUNNING, PRINT_DONE, PRINT_FAILED };

/* Start printing ticket t (stored, as returned by the queue) to the configured target: returns at
 * once. QD_OK with *out set; else *out may still be set (a job already failed, so print_reason
 * says why: QD_ERR_NOT_FOUND for a ticket not stored, QD_ERR_NOT_WAITING when !print_allowed(t),
 * QD_ERR_NO_PRINTER, text not UTF-8, fork failed) or NULL (QD_ERR_NOMEM).
 * The caller owns *out and frees it with print_free(). */
enum qd_status print_start(const struct hall *h, const struct ticket *t, struct print_job **out);
/* Look at the job without blocking (reaps the child when it has ended; kills it past
 * printer.timeout). Call from a screen's tick. */
enum print_state print_poll(struct print_job *j);
/* Wait up to the job's timeout (kiosk and CLI use): the state then, never PRINT_RUNNING. */
enum print_state print_wait(struct print_job *j);
/* The outcome: QD_OK (printed), QD_ERR_PRINT_* while running or after a failure. */
enum qd_status print_status(const struct print_job *j);
/* The ticket number the job prints ("A001"). */
const char *print_number(const struct print_job *j);
/* One translated line for the status line or stderr: "A001 printed", "A001 printed; 𠮷 printed as
 * ?", "printing A001 failed: 127.0.0.1:9100: Connection refused", "printing A001 timed out after
 * 10 s" … Points into j; valid until print_free(j). */
const char *print_reason(const struct print_job *j);
/* Characters replaced on the slip (as print_bytes.replaced), "" when none. */
const char *print_replaced(const struct print_job *j);
/* Free the job; a child still running is killed and reaped later without blocking. NULL is fine. */
void print_free(struct print_job *j);

#endif
