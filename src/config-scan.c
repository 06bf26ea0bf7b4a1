/* config-scan.c - what libconfig 1.5 misses: a lexical pass over the config file and its @include
 * files before libconfig parses them. libconfig 1.5 accepts an unterminated comment (the rest of
 * the file is dropped), wraps integers that do not fit (4294967297 becomes 1), dies inside flex on
 * an @include of a directory, prepends the include directory to absolute names, never names a
 * missing include file, says only "syntax error" at a byte-order mark and cuts a string at a NUL
 * byte. This pass reports each of those as "FILE:LINE: what: is wrong"; everything else is left
 * to libconfig and config.c. */
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "config-scan.h"
#include "qdesk/i18n.h"
#include "qdesk/text.h"

#define INCLUDE_DEPTH_MAX 10    /* libconfig 1.5's own limit */
#define FILE_MAX (4u << 20)     /* larger is not a configuration file (or it never ends: /dev/zero) */

struct scan {
	const char *dir;        /* include files are dir/NAME */
	char *err;
	size_t errlen;
	int depth;
};

/* One file being scanned. */
struct src {
	const char *file;       /* its name in messages */
	const unsigned char *p, *end;
	int line;
	char last_name[128];    /* the setting name seen last, for messages about its value */
};

static int scan_file(struct scan *sc, const char *file, int line_of_include, const char *from);

__attribute__((format(printf, 5, 6)))
static int scan_fail(struct scan *sc, const char *file, int line, const char *what, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (sc->err && sc->errlen)
		snprintf(sc->err, sc->errlen, "%s:%d: %s: %s", file, line, what, msg);
	return -1;
}

static int syntax(struct scan *sc, const struct src *s, int line, const char *msg)
{
	return scan_fail(sc, s->file, line, _("syntax error"), "%s", msg);
}

/* Read a whole file into a NUL-terminated buffer, *len its size; NULL with errno set on failure
 * (EFBIG: more than FILE_MAX bytes). */
static unsigned char *read_all(const char *path, size_t *len)
{
	struct stat sb;
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return NULL;
	if (fstat(fileno(fp), &sb) == 0 && S_ISDIR(sb.st_mode)) {
		fclose(fp);
		errno = EISDIR;
		return NULL;
	}
	size_t cap = 4096, n = 0;
	unsigned char *buf = malloc(cap);
	while (buf) {
		n += fread(buf + n, 1, cap - n - 1, fp);
		if (n > FILE_MAX) {
			free(buf);
			fclose(fp);
			errno = EFBIG;
			return NULL;
		}
		if (n < cap - 1)
			break;
		unsigned char *more = realloc(buf, cap *= 2);
		if (!more)
			free(buf);
		buf = more;
	}
	int e = !buf ? ENOMEM : ferror(fp) ? EIO : 0;
	fclose(fp);
	if (e) {
		free(buf);
		errno = e;
		return NULL;
	}
	buf[n] = '\0';
	*len = n;
	return buf;
}

/* Skip the string literal at s->p (its opening quote), copying its text into out when out is not
 * NULL. Like libconfig's, a string may span lines (config.c then refuses the newline in it).
 * Returns 0, or -1 after reporting a \x00 escape; an unterminated string is left to libconfig. */
static int skip_string(struct scan *sc, struct src *s, char *out, size_t outsz)
{
	size_t n = 0;
	for (s->p++; s->p < s->end && *s->p != '"'; s->p++) {
		int c = *s->p;
		s->line += c == '\n';
		if (c == '\\' && s->p + 1 < s->end) {
			c = *++s->p;
			if (c == 'x' && s->end - s->p > 2 && s->p[1] == '0' && s->p[2] == '0')
				return syntax(sc, s, s->line, _("a string contains \\x00 (a NUL byte), which would "
				                                "cut it short"));
		}
		if (out && n + 1 < outsz)
			out[n++] = (char)c;
	}
	if (out)
		out[n] = '\0';
	if (s->p < s->end && *s->p == '"')
		s->p++;
	return 0;
}

static int is_digit(int c)
{
	return c >= '0' && c <= '9';
}

static int is_hex(int c)
{
	return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* The number at s->p (a digit, or a sign before one): refuse an integer libconfig would wrap. An
 * int must fit 32 bits; libconfig's 64-bit form (an L suffix) must fit 64 bits. */
static int scan_number(struct scan *sc, struct src *s)
{
	const unsigned char *start = s->p, *q = s->p;
	int hex = 0, sign = *q == '+' || *q == '-', neg = *q == '-';
	q += sign;
	if (!sign && q[0] == '0' && (q[1] == 'x' || q[1] == 'X') && is_hex(q[2])) {
		hex = 1;
		for (q += 2; q < s->end && is_hex(*q); q++)
			;
	} else {
		while (q < s->end && is_digit(*q))
			q++;
	}
	if (!hex && (*q == '.' || *q == 'e' || *q == 'E')) {   /* a float: libconfig reads a double */
		for (q++; q < s->end && (is_digit(*q) || *q == '.' || *q == 'e' || *q == 'E'
		                         || ((*q == '+' || *q == '-') && (q[-1] == 'e' || q[-1] == 'E'))); q++)
			;
		s->p = q;
		return 0;
	}
	const unsigned char *digits_end = q;
	int wide = 0;
	while (q < s->end && *q == 'L' && wide < 2)
		q++, wide++;
	s->p = q;
	char num[64];
	size_t len = (size_t)(digits_end - start);
	int too_long = len >= sizeof num;
	if (too_long)
		len = sizeof num - 1;
	memcpy(num, start, len);
	num[len] = '\0';
	errno = 0;
	uintmax_t mag = strtoumax(num + sign, NULL, hex ? 16 : 10);
	uintmax_t limit = (wide ? (uintmax_t)INT64_MAX : (uintmax_t)INT_MAX) + (uintmax_t)neg;
	if (!too_long && errno != ERANGE && mag <= limit)
		return 0;
	const char *what = s->last_name[0] ? s->last_name : _("syntax error");
	if (wide)
		return scan_fail(sc, s->file, s->line, what, _("%.40s does not fit in a 64-bit whole number"),
		                 num);
	return scan_fail(sc, s->file, s->line, what, _("%.40s is out of range (whole numbers run from "
	                                               "-2147483648 to 2147483647)"), num);
}

/* An @include directive at s->p ('@' first on its line): check and scan the file it names. */
static int scan_include(struct scan *sc, struct src *s)
{
	const unsigned char *q = s->p + 8;
	if (s->end - s->p < 9 || memcmp(s->p, "@include", 8) != 0 || (*q != ' ' && *q != '\t')) {
		s->p++;
		return 0;      /* not a directive libconfig knows: its syntax error */
	}
	while (*q == ' ' || *q == '\t')
		q++;
	s->p = q;
	if (*q != '"')
		return 0;
	char name[4096], path[8192];
	if (skip_string(sc, s, name, sizeof name))
		return -1;
	if (!*name)
		return scan_fail(sc, s->file, s->line, "@include", "%s", _("the file name is empty"));
	if (name[0] == '/')
		return scan_fail(sc, s->file, s->line, "@include", _("\"%s\" is an absolute path: write it "
		                                                     "relative to %s"),
		                 name, *sc->dir ? sc->dir : "/");
	if (sc->depth > INCLUDE_DEPTH_MAX)
		return scan_fail(sc, s->file, s->line, "@include", _("\"%s\": include files nested more "
		                                                     "than %d deep (does a file include "
		                                                     "itself?)"), name, INCLUDE_DEPTH_MAX);
	int n = snprintf(path, sizeof path, "%s/%s", sc->dir, name);
	if (n < 0 || (size_t)n >= sizeof path)
		return scan_fail(sc, s->file, s->line, "@include", _("\"%s\": the path is too long"), name);
	return scan_file(sc, path, s->line, s->file);
}

/* A setting name at s->p (a letter or '*'): remembered for messages about its value. */
static void scan_name(struct src *s)
{
	const unsigned char *q = s->p;
	while (q < s->end && ((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z') || is_digit(*q)
	                      || *q == '-' || *q == '_' || *q == '*'))
		q++;
	size_t n = (size_t)(q - s->p);
	if (n >= sizeof s->last_name)
		n = sizeof s->last_name - 1;
	memcpy(s->last_name, s->p, n);
	s->last_name[n] = '\0';
	s->p = q;
}

/* The bytes of the file: a byte-order mark, NUL bytes, invalid UTF-8 (naming the line). */
static int scan_bytes(struct scan *sc, struct src *s)
{
	if (s->end - s->p >= 3 && memcmp(s->p, "\xEF\xBB\xBF", 3) == 0)
		return syntax(sc, s, 1, _("the file starts with a byte-order mark (BOM): save it as UTF-8 "
		                          "without BOM"));
	const unsigned char *nul = memchr(s->p, '\0', (size_t)(s->end - s->p));
	if (!nul && text_valid_utf8((const char *)s->p))
		return 0;
	int line = 1;
	for (const unsigned char *p = s->p; p < s->end; line++) {
		const unsigned char *nl = memchr(p, '\n', (size_t)(s->end - p));
		const unsigned char *eol = nl ? nl : s->end;
		if (nul && nul < eol)
			return syntax(sc, s, line, _("the file contains a NUL byte"));
		size_t len = (size_t)(eol - p);
		char *text = malloc(len + 1);
		if (!text)
			return syntax(sc, s, line, strerror(ENOMEM));
		memcpy(text, p, len);
		text[len] = '\0';
		int ok = text_valid_utf8(text);
		free(text);
		if (!ok)
			return syntax(sc, s, line, _("the line is not valid UTF-8: save the file as UTF-8"));
		p = eol + 1;
	}
	return 0;
}

/* Comments, strings, names, numbers and @include directives, the way libconfig's scanner sees
 * them. */
static int scan_text(struct scan *sc, struct src *s)
{
	int line_start = 1;     /* only blanks so far on this line */
	while (s->p < s->end) {
		int c = *s->p, at_start = line_start;
		if (c == '\n') {
			s->line++;
			s->p++;
			line_start = 1;
			continue;
		}
		if (c == ' ' || c == '\t' || c == '\r') {
			s->p++;
			continue;
		}
		line_start = 0;
		if (c == '#' || (c == '/' && s->p[1] == '/')) {
			while (s->p < s->end && *s->p != '\n')
				s->p++;
		} else if (c == '/' && s->p[1] == '*') {
			int line = s->line;
			for (s->p += 2; s->p + 1 < s->end && !(s->p[0] == '*' && s->p[1] == '/'); s->p++)
				s->line += *s->p == '\n';
			if (s->p + 1 >= s->end)
				return syntax(sc, s, line, _("the comment /* is never closed with */"));
			s->p += 2;
		} else if (c == '"') {
			if (skip_string(sc, s, NULL, 0))
				return -1;
		} else if (c == '@' && at_start) {
			if (scan_include(sc, s))
				return -1;
		} else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '*') {
			scan_name(s);
		} else if (is_digit(c) || ((c == '-' || c == '+') && is_digit(s->p[1]))) {
			if (scan_number(sc, s))
				return -1;
		} else {
			s->p++;
		}
	}
	return 0;
}

/* Scan file; from and line_of_include name the @include that led here (from NULL: the main file). */
static int scan_file(struct scan *sc, const char *file, int line_of_include, const char *from)
{
	size_t len;
	unsigned char *buf = read_all(file, &len);
	if (!buf) {
		int e = errno;
		if (e == EFBIG)
			return scan_fail(sc, file, 1, _("syntax error"), _("the file is larger than %u MiB: not "
			                                                   "a configuration file"),
			                 FILE_MAX >> 20);
		if (!from)
			return 0;      /* the caller reports the main file */
		if (e == ENOENT)
			return scan_fail(sc, from, line_of_include, "@include", _("\"%s\" does not exist"), file);
		if (e == EISDIR)
			return scan_fail(sc, from, line_of_include, "@include", _("\"%s\" is a directory, not "
			                                                          "a file"), file);
		return scan_fail(sc, from, line_of_include, "@include", _("cannot read \"%s\": %s"), file,
		                 strerror(e));
	}
	struct src s = { .file = file, .p = buf, .end = buf + len, .line = 1 };
	sc->depth++;
	int rc = scan_bytes(sc, &s) || scan_text(sc, &s) ? -1 : 0;
	sc->depth--;
	free(buf);
	return rc;
}

int config_scan(const char *path, const char *include_dir, char *err, size_t errlen)
{
	struct scan sc = { .dir = include_dir, .err = err, .errlen = errlen };
	return scan_file(&sc, path, 0, NULL);
}
