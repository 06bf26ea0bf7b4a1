/* text.c - UTF-8 text as terminals and printers see it: strict decoding, column widths (wcwidth
 * over code points, so characters outside the BMP such as 𠮷 work), truncation and padding that
 * never cut a character, sanitising of control characters, escape sequences and invalid bytes,
 * and the masked forms of names and phone numbers. Needs a UTF-8 locale for wcwidth. */
#include <stdint.h>
#include <string.h>
#include <wchar.h>
#include "qdesk/text.h"

/* Decode one strict UTF-8 sequence at s: the code point into *cp, returns bytes used, or 0 if the
 * bytes at s are not valid UTF-8 (overlong, surrogate, beyond U+10FFFF, truncated). */
static size_t utf8_decode(const unsigned char *s, uint32_t *cp)
{
	uint32_t c = s[0], min;
	size_t n;
	if (c < 0x80) {
		*cp = c;
		return 1;
	} else if (c >= 0xC2 && c <= 0xDF) {
		n = 2; c &= 0x1F; min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		n = 3; c &= 0x0F; min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		n = 4; c &= 0x07; min = 0x10000;
	} else {
		return 0;
	}
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return n;
}

/* Skip the rest of an escape sequence whose introducer ended just before p: CSI parameters and
 * final byte, or a string (OSC, DCS, APC, PM, SOS) up to BEL or ST. Returns the new position. */
static const unsigned char *skip_csi(const unsigned char *p)
{
	while (*p >= 0x20 && *p <= 0x3F)
		p++;
	if (*p >= 0x40 && *p <= 0x7E)
		p++;
	return p;
}

static const unsigned char *skip_string(const unsigned char *p)
{
	while (*p && *p != 0x07 && !(p[0] == 0x1B && p[1] == '\\'))
		p++;
	if (*p == 0x07)
		p++;
	else if (*p == 0x1B)
		p += 2;
	return p;
}

/* Characters that are printable to wcwidth but reorder or break the line (bidi controls, line and
 * paragraph separators): unsafe to draw. */
static int unsafe_format(uint32_t cp)
{
	return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x2028
	       || cp == 0x2029 || cp == 0x200E || cp == 0x200F || cp == 0x061C;
}

/* 1 if s is valid UTF-8 and, when clean is set, free of control and unsafe format characters. */
static int scan_utf8(const char *s, int clean)
{
	const unsigned char *p = (const unsigned char *)s;
	uint32_t cp;
	if (!s)
		return 0;
	while (*p) {
		size_t n = utf8_decode(p, &cp);
		if (!n || (clean && (cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || unsafe_format(cp))))
			return 0;
		p += n;
	}
	return 1;
}

int text_valid_utf8(const char *s)
{
	return scan_utf8(s, 0);
}

int text_is_clean(const char *s)
{
	return scan_utf8(s, 1);
}

/* One unit of text as it will be drawn. */
struct unit {
	size_t len;      /* bytes of the source consumed */
	int bad;         /* 1: draw a single '?' instead of the source bytes */
	int width;       /* columns */
};

/* The next unit at p (*p != 0). */
static struct unit next_unit(const unsigned char *p)
{
	struct unit u = { 1, 1, 1 };
	uint32_t cp;
	if (p[0] == 0x1B) {
		const unsigned char *q = p + 1;
		if (*q == '[')
			q = skip_csi(q + 1);
		else if (*q == ']' || *q == 'P' || *q == '_' || *q == '^' || *q == 'X')
			q = skip_string(q + 1);
		else if (*q >= 0x20 && *q <= 0x7E)
			q++;
		u.len = (size_t)(q - p);
		return u;
	}
	size_t n = utf8_decode(p, &cp);
	if (!n)
		return u;                       /* an invalid byte: '?' */
	u.len = n;
	if (cp == 0x9B) {                       /* C1 CSI */
		u.len = (size_t)(skip_csi(p + n) - p);
		return u;
	}
	if (cp == 0x9D || cp == 0x90 || cp == 0x9E || cp == 0x9F || cp == 0x98) {
		u.len = (size_t)(skip_string(p + n) - p);
		return u;
	}
	if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || unsafe_format(cp))
		return u;
	int w = wcwidth((wchar_t)cp);
	if (w < 0) {
		/* CJK ideograph planes the C library may not know yet are still wide and safe. */
		if ((cp >= 0x20000 && cp <= 0x3FFFD))
			w = 2;
		else
			return u;
	}
	u.bad = 0;
	u.width = w;
	return u;
}

int text_width(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	int w = 0;
	if (!s)
		return 0;
	while (*p) {
		struct unit u = next_unit(p);
		w += u.width;
		p += u.len;
	}
	return w;
}

/* Copy the safe form of s into out while it fits in cols columns (cols < 0: no limit) and in
 * outsz bytes. Returns the columns written. */
static int copy_units(const char *s, int cols, char *out, size_t outsz)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t o = 0;
	int w = 0;
	if (!outsz)
		return 0;
	while (p && *p) {
		struct unit u = next_unit(p);
		size_t bytes = u.bad ? 1 : u.len;
		if ((cols >= 0 && w + u.width > cols) || o + bytes >= outsz)
			break;
		if (u.bad)
			out[o] = '?';
		else
			memcpy(out + o, p, u.len);
		o += bytes;
		w += u.width;
		p += u.len;
	}
	out[o] = '\0';
	return w;
}

int text_truncate(const char *s, int cols, char *out, size_t outsz)
{
	return copy_units(s, cols < 0 ? 0 : cols, out, outsz);
}

int text_pad(const char *s, int cols, char *out, size_t outsz)
{
	int w = text_truncate(s, cols, out, outsz);
	if (!outsz)
		return 0;
	size_t o = strlen(out);
	while (w < cols && o + 1 < outsz) {
		out[o++] = ' ';
		w++;
	}
	out[o] = '\0';
	return w;
}

void text_sanitize(const char *s, char *out, size_t outsz)
{
	copy_units(s, -1, out, outsz);
}

void text_mask_name(const char *name, char *out, size_t outsz)
{
	const unsigned char *p = (const unsigned char *)name;
	size_t o = 0;
	int chars = 0;
	if (!outsz)
		return;
	out[0] = '\0';
	if (!p)
		return;
	while (*p == ' ')
		p++;
	/* Count the visible characters (combining marks belong to the one before). */
	for (const unsigned char *q = p; *q; ) {
		struct unit u = next_unit(q);
		if (u.width > 0 || u.bad)
			chars++;
		q += u.len;
	}
	/* Trailing spaces are not part of the name. */
	for (size_t n = strlen((const char *)p); n > 0 && p[n - 1] == ' '; n--)
		chars--;
	if (chars <= 0)
		return;
	int masked = 0;
	if (chars == 1) {
		masked = 1;              /* a one-character name shows nothing of itself */
	} else {
		/* The first character, with any combining marks that follow it. */
		struct unit u = next_unit(p);
		do {
			size_t bytes = u.bad ? 1 : u.len;
			if (o + bytes >= outsz)
				break;
			if (u.bad)
				out[o] = '?';
			else
				memcpy(out + o, p, u.len);
			o += bytes;
			p += u.len;
			u = next_unit(p);
		} while (*p && u.width == 0 && !u.bad);
		masked = chars - 1;
	}
	for (int i = 0; i < masked && o + 1 < outsz; i++)
		out[o++] = '*';
	out[o] = '\0';
}

static int all_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

int text_valid_phone(const char *s)
{
	return s && strlen(s) == 11 && s[0] == '1' && s[1] >= '3' && s[1] <= '9' && all_digits(s, 11);
}

void text_mask_phone(const char *phone, char *out, size_t outsz)
{
	char buf[32];
	size_t n = phone ? strlen(phone) : 0;
	if (!outsz)
		return;
	if (n == 11 && all_digits(phone, 11)) {
		memcpy(buf, phone, 3);
		memcpy(buf + 3, "****", 4);
		memcpy(buf + 7, phone + 7, 4);
		buf[11] = '\0';
	} else if (n > 4 && n < sizeof buf && all_digits(phone, n)) {
		/* Another number: only its last four digits show. */
		memset(buf, '*', n - 4);
		memcpy(buf + n - 4, phone + n - 4, 5);
	} else {
		strcpy(buf, n ? "****" : "");
	}
	size_t len = strlen(buf);
	if (len >= outsz)
		len = outsz - 1;
	memcpy(out, buf, len);
	out[len] = '\0';
}
