/* backup.h - daily backups (`qdesk backup --daily`): the dated file names in the configured
 * folder, and keeping only the newest few. The copy itself is store_backup_to (store.h). */
#ifndef QDESK_BACKUP_H
#define QDESK_BACKUP_H
#include <stddef.h>
#include "qdesk/status.h"

/* "DIR/qdesk-YYYY-MM-DD.db" for day ("YYYY-MM-DD") into out; QD_ERR_TOO_LONG if it does not fit. */
enum qd_status backup_daily_path(const char *dir, const char *day, char *out, size_t outsz);

/* Create dir (mode 0770, one level) unless it is there. QD_ERR_FILE if it cannot be made or
 * is not a folder; *err (n bytes) then says why. */
enum qd_status backup_make_dir(const char *dir, char *err, size_t n);

/* Remove the oldest dated copies in dir (names qdesk-YYYY-MM-DD.db; nothing else is touched) so
 * that at most keep remain; *removed counts those removed. QD_ERR_FILE (with *err) if the
 * folder cannot be read or a copy cannot be removed. */
enum qd_status backup_prune(const char *dir, int keep, int *removed, char *err, size_t n);

#endif
