/* i18n.h - gettext glue. Messages are written in English and translated through the "qdesk" domain. */
#ifndef QDESK_I18N_H
#define QDESK_I18N_H
#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) (s)

/* Bind the "qdesk" domain: the catalogue beside the executable (build tree) first, then LOCALEDIR.
 * If the user chose no language (LANGUAGE unset, LC_MESSAGES C/POSIX/C.UTF-8), use hall_language
 * (e.g. "zh_CN"; NULL = leave as is); a later call (once the hall's config is read) may change it
 * again. Call after setlocale(). */
void i18n_init(const char *hall_language);

#endif
