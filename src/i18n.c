/* i18n.c - binds the "qdesk" gettext domain and picks the hall's language when the user chose none. */
#include <limits.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "qdesk/i18n.h"

#ifndef LOCALEDIR
#define LOCALEDIR "/usr/local/share/locale"
#endif

/* The build tree keeps catalogues in locale/ beside the executable; an installed qdesk uses LOCALEDIR. */
static const char *catalogue_dir(char *buf, size_t len)
{
	ssize_t n = readlink("/proc/self/exe", buf, len - 1);
	if (n > 0) {
		buf[n] = '\0';
		char *slash = strrchr(buf, '/');
		if (slash && (size_t)(slash - buf) + sizeof "/locale" <= len) {
			strcpy(slash, "/locale");
			struct stat sb;
			if (stat(buf, &sb) == 0 && S_ISDIR(sb.st_mode))
				return buf;
		}
	}
	return LOCALEDIR;
}

/* Whether the person at the terminal chose a language (LANGUAGE, or a real LC_MESSAGES locale). */
static int user_chose_language(void)
{
	const char *lang = getenv("LANGUAGE");
	if (lang && *lang)
		return 1;
	const char *msg = setlocale(LC_MESSAGES, NULL);
	return msg && strcmp(msg, "C") && strcmp(msg, "POSIX") && strncmp(msg, "C.", 2);
}

void i18n_init(const char *hall_language)
{
	static int decided, ours;   /* ours: LANGUAGE was set here, so a later hall setting may replace it */
	char buf[PATH_MAX];
	if (!decided) {
		decided = 1;
		ours = !user_chose_language();
		bindtextdomain("qdesk", catalogue_dir(buf, sizeof buf));
		bind_textdomain_codeset("qdesk", "UTF-8");
		textdomain("qdesk");
	}
	if (ours && hall_language && *hall_language)
		setenv("LANGUAGE", hall_language, 1);
}
