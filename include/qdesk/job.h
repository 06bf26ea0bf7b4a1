/* job.h - side jobs run apart from the caller, shared by the slip printer and the announcer: a
 * child process hands a block of bytes to a target (a command's standard input, a device, a plain
 * file or a raw TCP peer) under a deadline; the caller watches it without blocking, a job past its
 * deadline is killed with everything it started, and every child is reaped without blocking.
 * Children are reaped by pid: the process must not reap them elsewhere (no waitpid(-1), SIGCHLD
 * left at its default). The runner is in a process group of its own, so the terminal's Ctrl-C
 * does not reach it. */
#ifndef QDESK_JOB_H
#define QDESK_JOB_H
#include <stddef.h>
#include "qdesk/status.h"

enum job_kind {
	JOB_COMMAND,                /* where = a command line, split by job_split, run without a shell */
	JOB_DEVICE,                 /* where = an existing file or device to write to (/dev/usb/lp0) */
	JOB_FILE,                   /* where = a plain file, created if missing, appended to */
	JOB_TCP                     /* where = "host:port" ("[::1]:9100" for IPv6) */
};

/* Split a command line into a NULL-terminated argv without a shell: words are separated by blanks,
 * '…' quotes literally, "…" quotes with \" and \\ as escapes, a backslash outside quotes escapes
 * the next character. Returns one malloc'd block (free() it once), or NULL with *err set to an
 * English message (empty command, unbalanced quote, out of memory). */
char **job_split(const char *line, const char **err);

/* 1 if "host:port" is well formed (non-empty host, port 1..65535), else 0. */
int job_tcp_valid(const char *where);

struct job;
enum job_state { JOB_RUNNING, JOB_DONE, JOB_FAILED, JOB_TIMEOUT };

/* Start a child that writes data[0..len) to the target and ends; a command gets the bytes on its
 * standard input, its standard output goes to /dev/null and its standard error becomes the job's
 * message. Never blocks (the child opens, connects and writes). timeout_ms > 0. The data is copied.
 * QD_OK with *out (free with job_free); QD_ERR_NOMEM, QD_ERR_INVALID (bad command line). */
enum qd_status job_start(enum job_kind kind, const char *where, const void *data, size_t len,
                         int timeout_ms, struct job **out);
/* Look without blocking: JOB_RUNNING until the child has ended (JOB_DONE on success, JOB_FAILED
 * with a message) or its deadline passed (then it is killed: JOB_TIMEOUT). */
enum job_state job_poll(struct job *j);
/* Wait until the job ends or its deadline passes; never returns JOB_RUNNING. */
enum job_state job_wait(struct job *j);
/* What went wrong, as the child or the command said it (one line, sanitised, translated where it
 * is qdesk's own text); "" when nothing was said. Points into j. */
const char *job_message(const struct job *j);
/* Milliseconds the job ran (until it ended, or until now while running). */
long job_elapsed_ms(const struct job *j);
/* Free the job; a child still running is killed, and it and any killed child not yet reaped are
 * reaped by later job calls without blocking. NULL is fine. */
void job_free(struct job *j);

#endif
