/* training.c - training databases and their demo clock (see training.h). */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "qdesk/clock.h"
#include "qdesk/training.h"
#include "store-training.h"

struct load_ctx { struct training *t; };

static int active;

int training_active(void)
{
	return active;
}

static enum qd_status read_row(struct store *st, void *ctx)
{
	struct training *t = ((struct load_ctx *)ctx)->t;
	return store_training_get(st, &t->on, &t->offset, t->day);
}

enum qd_status training_load(struct store *st, struct training *out)
{
	memset(out, 0, sizeof *out);
	struct load_ctx c = { out };
	enum qd_status s = store_read(st, read_row, &c);
	active = s == QD_OK && out->on;
	clock_set_offset(active ? out->offset : 0);
	return s;
}

long long training_offset_for(const struct hall *h, time_t now)
{
	int m = clock_minute_of_day(now);
	if (m >= h->open_min && m < h->close_min - 30)
		return 0;
	char day[11];
	clock_day(m < h->open_min ? now : now + 86400 - (time_t)m * 60 + 3600, day);
	time_t target = clock_at(day, h->open_min + 90);
	return target > now ? (long long)(target - now) : 0;
}

struct mark_ctx { long long offset, at; char day[11]; };

static enum qd_status write_row(struct store *st, void *ctx)
{
	struct mark_ctx *m = ctx;
	int on, has;
	long long offset;
	char day[11];
	enum qd_status s = store_training_get(st, &on, &offset, day);
	if (s == QD_OK && !on && (s = store_training_has_tickets(st, &has)) == QD_OK && has)
		s = QD_ERR_LIVE_DB;
	return s == QD_OK ? store_training_set(st, m->offset, m->day, m->at) : s;
}

enum qd_status training_mark(struct store *st, time_t now, long long offset)
{
	struct mark_ctx m = { offset, (long long)now, "" };
	clock_day(now + (time_t)offset, m.day);
	enum qd_status s = store_write(st, write_row, &m);
	if (s == QD_OK) {
		active = 1;
		clock_set_offset(offset);
	}
	return s;
}

int training_day_over(const struct hall *h, const struct training *t, time_t now)
{
	char day[11];
	clock_day(now, day);
	return strcmp(day, t->day) != 0 || clock_minute_of_day(now) >= h->close_min;
}

static int lock_path(const char *db_path, char *out, size_t len)
{
	int n = snprintf(out, len, "%s-simulate.lock", db_path);
	return n > 0 && (size_t)n < len;
}

int training_sim_lock(const char *db_path, long *holder)
{
	char path[4096];
	*holder = 0;
	if (!lock_path(db_path, path, sizeof path))
		return -1;
	int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0660);
	if (fd < 0)
		return -1;
	struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET };
	if (fcntl(fd, F_SETLK, &fl) == 0)
		return fd;
	if (fcntl(fd, F_GETLK, &fl) == 0 && fl.l_type != F_UNLCK)
		*holder = (long)fl.l_pid;
	close(fd);
	return -1;
}

long training_sim_running(const char *db_path)
{
	char path[4096];
	if (!lock_path(db_path, path, sizeof path))
		return 0;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return 0;
	struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET };
	long pid = fcntl(fd, F_GETLK, &fl) == 0 && fl.l_type != F_UNLCK ? (long)fl.l_pid : 0;
	close(fd);
	return pid;
}
