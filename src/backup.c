/* backup.c - daily backups: dated names in the configured folder and the retention count
 * (backup.h). Plain files only; the consistent copy is the store's (store_backup_to). */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "qdesk/backup.h"

#define PREFIX "qdesk-"
#define SUFFIX ".db"
#define NAME_LEN (sizeof PREFIX - 1 + 10 + sizeof SUFFIX - 1)

enum qd_status backup_daily_path(const char *dir, const char *day, char *out, size_t outsz)
{
	int n = snprintf(out, outsz, "%s/" PREFIX "%s" SUFFIX, dir, day);
	return n < 0 || (size_t)n >= outsz ? QD_ERR_TOO_LONG : QD_OK;
}

enum qd_status backup_make_dir(const char *dir, char *err, size_t n)
{
	struct stat sb;
	if (mkdir(dir, 0770) != 0 && errno != EEXIST) {
		snprintf(err, n, "%s: %s", dir, strerror(errno));
		return QD_ERR_FILE;
	}
	if (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
		snprintf(err, n, "%s: %s", dir, strerror(errno ? errno : ENOTDIR));
		return QD_ERR_FILE;
	}
	return QD_OK;
}

/* qdesk-YYYY-MM-DD.db exactly. */
static int dated_name(const char *name)
{
	static const char shape[] = PREFIX "####-##-##" SUFFIX;
	if (strlen(name) != NAME_LEN)
		return 0;
	for (size_t i = 0; i < NAME_LEN; i++)
		if (shape[i] == '#' ? name[i] < '0' || name[i] > '9' : name[i] != shape[i])
			return 0;
	return 1;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

enum qd_status backup_prune(const char *dir, int keep, int *removed, char *err, size_t n)
{
	*removed = 0;
	DIR *d = opendir(dir);
	if (!d) {
		snprintf(err, n, "%s: %s", dir, strerror(errno));
		return QD_ERR_FILE;
	}
	char **names = NULL;
	size_t count = 0, cap = 0;
	enum qd_status s = QD_OK;
	struct dirent *e;
	while (s == QD_OK && (e = readdir(d))) {
		if (!dated_name(e->d_name))
			continue;
		if (count == cap) {
			char **more = realloc(names, (cap = cap ? 2 * cap : 32) * sizeof *names);
			if (!more) {
				s = QD_ERR_NOMEM;
				break;
			}
			names = more;
		}
		if (!(names[count] = strdup(e->d_name)))
			s = QD_ERR_NOMEM;
		else
			count++;
	}
	closedir(d);
	if (count)
		qsort(names, count, sizeof *names, by_name);   /* the date sorts as text: oldest first */
	for (size_t i = 0; s == QD_OK && keep >= 0 && i + (size_t)keep < count; i++) {
		char path[4096];
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		if (unlink(path) != 0) {
			snprintf(err, n, "%s: %s", path, strerror(errno));
			s = QD_ERR_FILE;
		} else {
			(*removed)++;
		}
	}
	for (size_t i = 0; i < count; i++)
		free(names[i]);
	free(names);
	return s;
}
