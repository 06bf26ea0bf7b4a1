/* privacy.c - masking personal numbers in free text before it is stored (privacy.h): one scan over
 * the text's runs of digits, each judged by its length and shape. */
#include <string.h>
#include "qdesk/privacy.h"

#define RUN_MAX 64      /* digits of one run kept for judging; longer runs are masked all the same */

static int masked_count;

/* The digit at s (ASCII, or full-width U+FF10..FF19 as EF BC 90..99): its value '0'..'9' and its
 * length in *len; 0 if s is not a digit. */
static char digit_at(const char *s, size_t *len)
{
	const unsigned char *u = (const unsigned char *)s;
	if (u[0] >= '0' && u[0] <= '9') {
		*len = 1;
		return (char)u[0];
	}
	if (u[0] == 0xEF && u[1] == 0xBC && u[2] >= 0x90 && u[2] <= 0x99) {
		*len = 3;
		return (char)('0' + (u[2] - 0x90));
	}
	return 0;
}

/* An ID's check character X at s (x, X, full-width ｘ Ｘ): its length, else 0. */
static size_t x_at(const char *s)
{
	if (*s == 'x' || *s == 'X')
		return 1;
	if (!strncmp(s, "\xEF\xBC\xB8", 3) || !strncmp(s, "\xEF\xBD\x98", 3))
		return 3;
	return 0;
}

/* A run of digits at s: their values into d (up to RUN_MAX), the count into *n; returns its byte
 * length. */
static size_t scan_run(const char *s, char *d, size_t *n)
{
	size_t at = 0, len;
	char v;
	*n = 0;
	while ((v = digit_at(s + at, &len))) {
		if (*n < RUN_MAX)
			d[*n] = v;
		(*n)++;
		at += len;
	}
	return at;
}

static int mobile(const char *d)
{
	return d[0] == '1' && d[1] >= '3' && d[1] <= '9';
}

/* Write the digits d[0..n) with d[keep_head..n-keep_tail) as '*' to *o. */
static void put_masked(char **o, const char *d, size_t n, size_t keep_head, size_t keep_tail)
{
	for (size_t i = 0; i < n; i++)
		*(*o)++ = i < keep_head || i >= n - keep_tail ? (i < RUN_MAX ? d[i] : '*') : '*';
}

/* A mobile number written 3-4-4 with one space or hyphen between the groups, starting at s with
 * its first group of three (already in d[0..3)): its digits into d, the byte length of the whole;
 * 0 if it is not one. */
static size_t spaced_mobile(const char *s, char *d)
{
	size_t at, len, n;
	if (!mobile(d))
		return 0;
	at = scan_run(s, d, &n);   /* the first group again, to know its byte length */
	for (int g = 0; g < 2; g++) {
		if (s[at] != ' ' && s[at] != '-')
			return 0;
		char grp[RUN_MAX];
		len = scan_run(s + at + 1, grp, &n);
		if (n != 4)
			return 0;
		memcpy(d + 3 + 4 * g, grp, 4);
		at += 1 + len;
	}
	return at;
}

size_t privacy_mask_text(const char *text, char *out, size_t outsz)
{
	size_t found = 0;
	char *o = out;
	if (!outsz)
		return 0;
	const char *s = text ? text : "";
	size_t left = strlen(s);
	if (left >= outsz)
		left = outsz - 1;     /* the caller checked the length; never write past out */
	const char *end = s + left;
	while (s < end) {
		char d[RUN_MAX + 1];
		size_t n, len = scan_run(s, d, &n);
		if (!n) {
			*o++ = *s++;
			continue;
		}
		if (s + len > end)
			break;
		size_t x = n == 17 ? x_at(s + len) : 0;
		size_t sp;
		if (n >= 15 || x) {
			put_masked(&o, d, n, 6, x ? 3 : 4);
			if (x)
				*o++ = 'X';
			len += x;
			found++;
		} else if (n >= 11 && n <= 14 && mobile(d + n - 11) &&
		           (n == 11 || (n == 12 && d[0] == '0') || (n == 13 && !strncmp(d, "86", 2)) ||
		            (n == 14 && !strncmp(d, "086", 3)))) {
			put_masked(&o, d, n, n - 8, 4);
			found++;
		} else if (n == 3 && (sp = spaced_mobile(s, d)) && s + sp <= end) {
			put_masked(&o, d, 11, 3, 4);
			len = sp;
			found++;
		} else {
			memcpy(o, s, len);
			o += len;
		}
		s += len;
	}
	*o = '\0';
	masked_count += (int)found;
	return found;
}

int privacy_take(void)
{
	int n = masked_count;
	masked_count = 0;
	return n;
}
