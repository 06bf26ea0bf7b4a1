/* job.c - side jobs run apart (job.h): a runner child per job, in a process group of its own so a
 * timeout kills it with the command it started; its standard error (and the command's) comes back
 * through a pipe as the job's message; every child is reaped with WNOHANG, killed ones later. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <netdb.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "qdesk/i18n.h"
#include "qdesk/job.h"
#include "qdesk/text.h"

struct job {
	pid_t pid;                  /* the runner, leader of its process group; 0 once reaped */
	int fd;                     /* read end of the message pipe, -1 once closed */
	long start_ms, deadline_ms, end_ms;
	enum job_state state;
	char raw[512];              /* what the child said, as read */
	size_t rawlen;
	char msg[512];              /* raw, one line, sanitised */
};

/* ---- reaping killed children later ------------------------------------------------------- */

#define ORPHANS_MAX 64
static pid_t orphans[ORPHANS_MAX];

static void reap_orphans(void)
{
	for (int i = 0; i < ORPHANS_MAX; i++)
		if (orphans[i] > 0 && waitpid(orphans[i], NULL, WNOHANG) != 0)
			orphans[i] = 0;     /* reaped, or not ours any more (ECHILD) */
}

static void add_orphan(pid_t pid)
{
	for (int i = 0; i < ORPHANS_MAX; i++)
		if (orphans[i] <= 0) {
			orphans[i] = pid;
			return;
		}
	/* More than ORPHANS_MAX children stuck in the kernel at once: leave this one a zombie. */
}

static long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* ---- command lines ----------------------------------------------------------------------- */

char **job_split(const char *line, const char **err)
{
	size_t n = strlen(line), words = 0;
	/* Pointers for at most n/2 + 2 words, then the characters (never longer than the line). */
	size_t nptr = n / 2 + 2;
	char **argv = malloc(nptr * sizeof *argv + n + 1);
	if (!argv) {
		*err = N_("out of memory");
		return NULL;
	}
	char *out = (char *)(argv + nptr);
	const char *p = line;
	for (;;) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (!*p)
			break;
		argv[words++] = out;
		while (*p && *p != ' ' && *p != '\t') {
			if (*p == '\'' || *p == '"') {
				char q = *p++;
				while (*p && *p != q) {
					if (q == '"' && *p == '\\' && (p[1] == '"' || p[1] == '\\'))
						p++;
					*out++ = *p++;
				}
				if (!*p) {
					free(argv);
					*err = N_("a quote is not closed");
					return NULL;
				}
				p++;
			} else if (*p == '\\' && p[1]) {
				*out++ = p[1];
				p += 2;
			} else {
				*out++ = *p++;
			}
		}
		*out++ = '\0';
	}
	argv[words] = NULL;
	if (!words) {
		free(argv);
		*err = N_("the command is empty");
		return NULL;
	}
	return argv;
}

/* Split "host:port" or "[v6]:port" into host and port; 0 if malformed. */
static int split_hostport(const char *where, char *host, size_t hostsz, char *port, size_t portsz)
{
	const char *colon = strrchr(where, ':'), *h = where;
	size_t hl = colon ? (size_t)(colon - where) : 0;
	if (!colon || !colon[1] || hl == 0)
		return 0;
	if (h[0] == '[') {
		if (hl < 3 || h[hl - 1] != ']')
			return 0;
		h++;
		hl -= 2;
	}
	if (hl >= hostsz || strlen(colon + 1) >= portsz)
		return 0;
	long v = 0;
	for (const char *d = colon + 1; *d; d++) {
		if (*d < '0' || *d > '9' || (v = v * 10 + (*d - '0')) > 65535)
			return 0;
	}
	if (v < 1)
		return 0;
	memcpy(host, h, hl);
	host[hl] = '\0';
	strcpy(port, colon + 1);
	return 1;
}

int job_tcp_valid(const char *where)
{
	char host[256], port[8];
	return split_hostport(where, host, sizeof host, port, sizeof port);
}

/* ---- the runner (in the child: plain blocking I/O, only _exit) ---------------------------- */

static void say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void say(const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	if (n > 0 && write(STDERR_FILENO, buf, (size_t)n < sizeof buf ? (size_t)n : sizeof buf - 1) < 0)
		_exit(1);
}

static int write_all(int fd, const char *data, size_t len, const char *where)
{
	while (len) {
		ssize_t w = write(fd, data, len);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			say(_("%s: writing failed: %s"), where, strerror(errno));
			return -1;
		}
		data += w;
		len -= (size_t)w;
	}
	return 0;
}

static int run_file(int flags, const char *path, const char *data, size_t len)
{
	int fd = open(path, flags, 0644);
	if (fd < 0) {
		say("%s: %s", path, strerror(errno));
		return -1;
	}
	if (write_all(fd, data, len, path)) {
		close(fd);
		return -1;
	}
	if (close(fd) < 0) {
		say(_("%s: writing failed: %s"), path, strerror(errno));
		return -1;
	}
	return 0;
}

/* After the last byte: a peer that resets the connection did not take the whole job. A peer that
 * keeps it open (printers usually do) or closes it cleanly did. */
static int tcp_linger(int fd, const char *where)
{
	char buf[256];
	struct pollfd p = { .fd = fd, .events = POLLIN };
	shutdown(fd, SHUT_WR);
	for (long end = now_ms() + 500; now_ms() < end;) {
		int r = poll(&p, 1, 50);
		if (r <= 0)
			continue;
		ssize_t n = read(fd, buf, sizeof buf);
		if (n == 0)
			return 0;
		if (n < 0 && errno != EINTR && errno != EAGAIN) {
			say(_("%s: the printer closed the connection: %s"), where, strerror(errno));
			return -1;
		}
	}
	return 0;
}

static int run_tcp(const char *where, const char *data, size_t len)
{
	char host[256], port[8];
	struct addrinfo hints = { .ai_socktype = SOCK_STREAM }, *res = NULL;
	if (!split_hostport(where, host, sizeof host, port, sizeof port)) {
		say(_("%s: not HOST:PORT"), where);
		return -1;
	}
	int e = getaddrinfo(host, port, &hints, &res);
	if (e) {
		say("%s: %s", where, gai_strerror(e));
		return -1;
	}
	int fd = -1, err = 0;
	for (struct addrinfo *a = res; a && fd < 0; a = a->ai_next) {
		fd = socket(a->ai_family, a->ai_socktype, a->ai_protocol);
		if (fd >= 0 && connect(fd, a->ai_addr, a->ai_addrlen) < 0) {
			err = errno;
			close(fd);
			fd = -1;
		}
	}
	freeaddrinfo(res);
	if (fd < 0) {
		say("%s: %s", where, strerror(err ? err : errno));
		return -1;
	}
	int rc = write_all(fd, data, len, where) || tcp_linger(fd, where) ? -1 : 0;
	close(fd);
	return rc;
}

static int run_command(const char *line, const char *data, size_t len)
{
	const char *err = NULL;
	char **argv = job_split(line, &err);
	int in[2];
	if (!argv) {
		say("%s", _(err));
		return -1;
	}
	if (pipe(in) < 0) {
		say("pipe: %s", strerror(errno));
		return -1;
	}
	pid_t pid = fork();
	if (pid < 0) {
		say("fork: %s", strerror(errno));
		return -1;
	}
	if (pid == 0) {
		int null = open("/dev/null", O_WRONLY);
		dup2(in[0], STDIN_FILENO);
		if (null >= 0)
			dup2(null, STDOUT_FILENO);
		close(in[0]);
		close(in[1]);
		execvp(argv[0], argv);
		say(_("cannot run %s: %s"), argv[0], strerror(errno));
		_exit(127);
	}
	close(in[0]);
	int rc = write_all(in[1], data, len, argv[0]);
	close(in[1]);
	int st;
	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR) {
			say("waitpid: %s", strerror(errno));
			return -1;
		}
	if (WIFEXITED(st) && WEXITSTATUS(st) == 0)
		return rc;
	if (WIFEXITED(st) && WEXITSTATUS(st) != 127)
		say(_("%s exited with status %d"), argv[0], WEXITSTATUS(st));
	else if (WIFSIGNALED(st))
		say(_("%s was killed by signal %d"), argv[0], WTERMSIG(st));
	return -1;
}

static void run(enum job_kind kind, const char *where, const char *data, size_t len)
{
	int rc;
	signal(SIGPIPE, SIG_IGN);       /* a reader that goes away is an error to report, not death */
	switch (kind) {
	case JOB_COMMAND: rc = run_command(where, data, len); break;
	case JOB_DEVICE:  rc = run_file(O_WRONLY | O_NOCTTY | O_APPEND, where, data, len); break;
	case JOB_FILE:    rc = run_file(O_WRONLY | O_NOCTTY | O_APPEND | O_CREAT, where, data, len); break;
	case JOB_TCP:     rc = run_tcp(where, data, len); break;
	default:          rc = -1; break;
	}
	_exit(rc ? 1 : 0);
}

/* ---- the parent's side ------------------------------------------------------------------- */

enum qd_status job_start(enum job_kind kind, const char *where, const void *data, size_t len,
                         int timeout_ms, struct job **out)
{
	*out = NULL;
	reap_orphans();
	if (kind == JOB_COMMAND) {
		const char *err = NULL;
		char **argv = job_split(where, &err);
		if (!argv)
			return QD_ERR_INVALID;
		free(argv);
	}
	struct job *j = calloc(1, sizeof *j);
	int p[2];
	if (!j)
		return QD_ERR_NOMEM;
	if (pipe(p) < 0) {
		free(j);
		return QD_ERR_NOMEM;
	}
	fflush(NULL);                   /* nothing buffered is written twice by the child */
	pid_t pid = fork();
	if (pid < 0) {
		close(p[0]);
		close(p[1]);
		free(j);
		return QD_ERR_NOMEM;
	}
	if (pid == 0) {
		setpgid(0, 0);
		close(p[0]);
		dup2(p[1], STDERR_FILENO);
		if (p[1] != STDERR_FILENO)
			close(p[1]);
		run(kind, where, data, len);
	}
	setpgid(pid, pid);              /* (also in the child: whichever runs first) */
	close(p[1]);
	fcntl(p[0], F_SETFL, fcntl(p[0], F_GETFL) | O_NONBLOCK);
	fcntl(p[0], F_SETFD, FD_CLOEXEC);
	j->pid = pid;
	j->fd = p[0];
	j->start_ms = now_ms();
	j->deadline_ms = j->start_ms + (timeout_ms > 0 ? timeout_ms : 1);
	j->state = JOB_RUNNING;
	*out = j;
	return QD_OK;
}

/* Read what the child said so far; keeps the first bytes (the cause comes first). */
static void drain(struct job *j)
{
	char buf[256];
	while (j->fd >= 0) {
		ssize_t n = read(j->fd, buf, sizeof buf);
		if (n > 0) {
			size_t room = sizeof j->raw - 1 - j->rawlen, take = (size_t)n < room ? (size_t)n : room;
			memcpy(j->raw + j->rawlen, buf, take);
			j->rawlen += take;
			continue;
		}
		if (n == 0 || (errno != EAGAIN && errno != EINTR)) {
			close(j->fd);
			j->fd = -1;
		}
		if (n < 0 && errno == EINTR)
			continue;
		break;
	}
	/* One line: newlines become "; ", the rest is made safe to show. */
	char line[sizeof j->raw];
	size_t o = 0;
	for (size_t i = 0; i < j->rawlen && o + 3 < sizeof line; i++) {
		if (j->raw[i] == '\n') {
			if (i + 1 < j->rawlen) {
				memcpy(line + o, "; ", 2);
				o += 2;
			}
		} else {
			line[o++] = j->raw[i];
		}
	}
	line[o] = '\0';
	text_sanitize(line, j->msg, sizeof j->msg);
}

static void finish(struct job *j, enum job_state s)
{
	j->state = s;
	j->end_ms = now_ms();
	drain(j);
	if (j->fd >= 0) {
		close(j->fd);
		j->fd = -1;
	}
}

enum job_state job_poll(struct job *j)
{
	reap_orphans();
	if (j->state != JOB_RUNNING)
		return j->state;
	drain(j);
	int st;
	pid_t r = waitpid(j->pid, &st, WNOHANG);
	if (r == j->pid || (r < 0 && errno == ECHILD)) {
		int ok = r == j->pid && WIFEXITED(st) && WEXITSTATUS(st) == 0;
		j->pid = 0;
		finish(j, ok ? JOB_DONE : JOB_FAILED);
		return j->state;
	}
	if (now_ms() >= j->deadline_ms) {
		kill(-j->pid, SIGKILL);
		if (waitpid(j->pid, NULL, WNOHANG) != j->pid)
			add_orphan(j->pid);
		j->pid = 0;
		finish(j, JOB_TIMEOUT);
	}
	return j->state;
}

enum job_state job_wait(struct job *j)
{
	while (job_poll(j) == JOB_RUNNING) {
		long left = j->deadline_ms - now_ms();
		struct pollfd p = { .fd = j->fd, .events = POLLIN };
		/* The pipe closes when the runner ends; poll it, and look at least every 20 ms. */
		poll(&p, j->fd >= 0 ? 1 : 0, left < 20 ? (left > 0 ? (int)left : 0) : 20);
	}
	return j->state;
}

const char *job_message(const struct job *j)
{
	return j->msg;
}

long job_elapsed_ms(const struct job *j)
{
	return (j->state == JOB_RUNNING ? now_ms() : j->end_ms) - j->start_ms;
}

void job_free(struct job *j)
{
	if (!j)
		return;
	if (j->state == JOB_RUNNING && j->pid > 0) {
		kill(-j->pid, SIGKILL);
		if (waitpid(j->pid, NULL, WNOHANG) != j->pid)
			add_orphan(j->pid);
	}
	if (j->fd >= 0)
		close(j->fd);
	free(j);
	reap_orphans();
}
