/* json.c - a minimal streaming JSON writer for --json output. */
#include "qdesk/json.h"

/* Length of the well-formed UTF-8 sequence at p (no overlongs, surrogates or values past
 * U+10FFFF), 0 if it is not one. */
static int utf8_seq(const unsigned char *p)
{
	int n = p[0] >= 0xf0 ? 4 : p[0] >= 0xe0 ? 3 : p[0] >= 0xc2 ? 2 : 0;
	if (n == 0 || p[0] > 0xf4)
		return 0;
	for (int i = 1; i < n; i++)
		if ((p[i] & 0xc0) != 0x80)
			return 0;
	if ((p[0] == 0xe0 && p[1] < 0xa0) || (p[0] == 0xed && p[1] >= 0xa0) ||
	    (p[0] == 0xf0 && p[1] < 0x90) || (p[0] == 0xf4 && p[1] >= 0x90))
		return 0;
	return n;
}

/* A JSON string: quotes, backslashes and control characters escaped; a byte that is not part of
 * well-formed UTF-8 (user input echoed back) becomes U+FFFD, so the output always parses. */
static void put_string(FILE *f, const char *s)
{
	fputc('"', f);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		int n;
		if (*p == '"' || *p == '\\')
			fprintf(f, "\\%c", *p);
		else if (*p == '\n')
			fputs("\\n", f);
		else if (*p < 0x20 || *p == 0x7f)
			fprintf(f, "\\u%04x", *p);
		else if (*p < 0x80)
			fputc(*p, f);
		else if ((n = utf8_seq(p)) > 0)
			p += fwrite(p, 1, (size_t)n, f) - 1;
		else
			fputs("\\ufffd", f);
	}
	fputc('"', f);
}

/* Comma before every member but the first; "key": inside an object. */
static void member(struct json *j, const char *key)
{
	if (!j->first[j->depth])
		fputc(',', j->f);
	j->first[j->depth] = 0;
	if (key && j->open[j->depth] == '{') {
		put_string(j->f, key);
		fputc(':', j->f);
	}
}

static void open_scope(struct json *j, char c)
{
	fputc(c, j->f);
	if (j->depth < (int)sizeof j->open - 1)
		j->depth++;
	j->open[j->depth] = c;
	j->first[j->depth] = 1;
}

void json_begin(struct json *j, FILE *f)
{
	j->f = f;
	j->depth = -1;
	open_scope(j, '{');
}

void json_close(struct json *j)
{
	fputc(j->open[j->depth] == '{' ? '}' : ']', j->f);
	if (j->depth > 0)
		j->depth--;
}

static void (*end_hook)(struct json *);

void json_set_end_hook(void (*hook)(struct json *))
{
	end_hook = hook;
}

void json_end(struct json *j)
{
	while (j->depth > 0)
		json_close(j);
	if (end_hook)
		end_hook(j);
	json_close(j);
	fputc('\n', j->f);
	fflush(j->f);
}

void json_str(struct json *j, const char *key, const char *v)
{
	member(j, key);
	if (v)
		put_string(j->f, v);
	else
		fputs("null", j->f);
}

void json_int(struct json *j, const char *key, long long v)
{
	member(j, key);
	fprintf(j->f, "%lld", v);
}

void json_bool(struct json *j, const char *key, int v)
{
	member(j, key);
	fputs(v ? "true" : "false", j->f);
}

void json_object(struct json *j, const char *key)
{
	member(j, key);
	open_scope(j, '{');
}

void json_array(struct json *j, const char *key)
{
	member(j, key);
	open_scope(j, '[');
}

void json_fixed(struct json *j, const char *key, long long v, int decimals)
{
	long long scale = 1;
	for (int i = 0; i < decimals; i++)
		scale *= 10;
	member(j, key);
	const char *sign = v < 0 ? "-" : "";
	long long a = v < 0 ? -v : v;
	if (decimals > 0)
		fprintf(j->f, "%s%lld.%0*lld", sign, a / scale, decimals, a % scale);
	else
		fprintf(j->f, "%s%lld", sign, a);
}
