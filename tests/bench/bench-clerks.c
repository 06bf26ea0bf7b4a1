/* bench-clerks.c - the process driver of issue 11: N window clerks at once, each a process that
 * calls and finishes R times through the command line (`qdesk call W`, then `qdesk finish W`,
 * started with posix_spawn: no shell, no other process around them), timing every call with a
 * monotonic clock. Clerk i works window FIRST+i as staff c0NN (gen-history makes them).
 *   bench-clerks --qdesk FILE --config FILE --db FILE --clerks N [--rounds R] [--first W]
 *   bench-clerks --qdesk FILE --config FILE --check R     (R runs of `qdesk config check`)
 * QDESK_NOW is 2026-11-23 10:30 for calls and 10:31 for finishes. Prints:
 *   clerks N P50 P99   or   check R P50 P99   (ms)
 * Asserts nothing: a call that fails ends the program with exit 1 and says which. */
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "bench-time.h"

extern char **environ;

static const char *qdesk, *config, *db;
static char **env_call, **env_finish;

/* environ with QDESK_NOW=now, written into var (which must outlive the result) */
static char **env_at(const char *now, char var[48])
{
	size_t n = 0;
	while (environ[n])
		n++;
	char **e = calloc(n + 2, sizeof *e);
	if (!e)
		return NULL;
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (strncmp(environ[i], "QDESK_NOW=", 10) != 0)
			e[k++] = environ[i];
	snprintf(var, 48, "QDESK_NOW=%s", now);
	e[k] = var;
	return e;
}

/* Run qdesk with args (NULL-terminated, after --config/--db) and env; its exit status, -1 if it
 * could not be started. Output goes to /dev/null. */
static int run(char **env, const char *const *args)
{
	const char *argv[16] = { qdesk, "--config", config };
	int a = 3;
	if (db) {
		argv[a++] = "--db";
		argv[a++] = db;
	}
	for (int i = 0; args[i] && a < 15; i++)
		argv[a++] = args[i];
	argv[a] = NULL;
	posix_spawn_file_actions_t fa;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
	pid_t pid;
	int rc = posix_spawn(&pid, qdesk, &fa, NULL, (char *const *)argv, env);
	posix_spawn_file_actions_destroy(&fa);
	int status;
	if (rc != 0 || waitpid(pid, &status, 0) != pid)
		return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* One clerk: R call+finish rounds at window w; each call's time to fd. 0, or 1 after saying why. */
static int clerk(int w, int rounds, int fd)
{
	char win[16], staff[16];
	snprintf(win, sizeof win, "%d", w);
	snprintf(staff, sizeof staff, "c%03d", w);
	const char *call[] = { "call", win, "--staff", staff, NULL };
	const char *finish[] = { "finish", win, "--staff", staff, NULL };
	run(env_finish, finish);    /* (whatever the window still serves) */
	for (int i = 0; i < rounds; i++) {
		double t0 = now_ms();
		int rc = run(env_call, call);
		double ms = now_ms() - t0;
		if (rc != 0) {
			fprintf(stderr, "bench-clerks: qdesk call %d exited %d\n", w, rc);
			return 1;
		}
		if (write(fd, &ms, sizeof ms) != (ssize_t)sizeof ms)
			return 1;
		run(env_finish, finish);
	}
	return 0;
}

static int report(const char *what, int n, double *v, int count)
{
	qsort(v, (size_t)count, sizeof *v, cmp_double);
	printf("%s %d %.3f %.3f\n", what, n, pct_sorted(v, count, 50), pct_sorted(v, count, 99));
	return 0;
}

/* n runs of config check */
static int checks(int n)
{
	db = NULL;
	double *v = malloc((size_t)n * sizeof *v);
	const char *args[] = { "config", "check", NULL };
	int i = 0;
	for (; v && i < n; i++) {
		double t0 = now_ms();
		if (run(env_call, args) != 0) {
			fprintf(stderr, "bench-clerks: qdesk config check failed\n");
			break;
		}
		v[i] = now_ms() - t0;
	}
	int rc = v && i == n ? report("check", n, v, n) : 1;
	free(v);
	return rc;
}

/* clerks processes at windows first… at once */
static int all_clerks(int clerks, int rounds, int first)
{
	int fds[2];
	if (pipe(fds) != 0)
		return 1;
	for (int i = 0; i < clerks; i++) {
		pid_t pid = fork();
		if (pid < 0)
			return 1;
		if (pid == 0) {
			close(fds[0]);
			_exit(clerk(first + i, rounds, fds[1]));
		}
	}
	close(fds[1]);
	size_t total = (size_t)clerks * (size_t)rounds;
	double *v = malloc(total * sizeof *v);
	int count = 0;
	/* each write is one double, well under PIPE_BUF: never interleaved */
	while (v && (size_t)count < total && read(fds[0], &v[count], sizeof *v) == (ssize_t)sizeof *v)
		count++;
	int bad = 0, status;
	while (wait(&status) > 0)
		bad |= !WIFEXITED(status) || WEXITSTATUS(status) != 0;
	int rc = bad || !v || (size_t)count != total ? 1 : report("clerks", clerks, v, count);
	free(v);
	return rc;
}

int main(int argc, char **argv)
{
	int clerks = 0, rounds = 40, first = 3, check = 0;
	for (int i = 1; i + 1 < argc; i += 2) {
		if (!strcmp(argv[i], "--qdesk")) qdesk = argv[i + 1];
		else if (!strcmp(argv[i], "--config")) config = argv[i + 1];
		else if (!strcmp(argv[i], "--db")) db = argv[i + 1];
		else if (!strcmp(argv[i], "--clerks")) clerks = atoi(argv[i + 1]);
		else if (!strcmp(argv[i], "--rounds")) rounds = atoi(argv[i + 1]);
		else if (!strcmp(argv[i], "--first")) first = atoi(argv[i + 1]);
		else if (!strcmp(argv[i], "--check")) check = atoi(argv[i + 1]);
	}
	if (!qdesk || !config || (check < 1 && (!db || clerks < 1 || rounds < 1))) {
		fprintf(stderr, "usage: bench-clerks --qdesk FILE --config FILE --db FILE --clerks N"
		                " [--rounds R] [--first W] | --qdesk FILE --config FILE --check R\n");
		return 2;
	}
	static char at_call[48], at_finish[48];
	env_call = env_at("2026-11-23 10:30:00", at_call);
	env_finish = env_at("2026-11-23 10:31:00", at_finish);
	if (!env_call || !env_finish)
		return 1;
	int rc = check > 0 ? checks(check) : all_clerks(clerks, rounds, first);
	free(env_call);
	free(env_finish);
	return rc;
}
