/* json.c - a minimal streaming JSON writer for --json output. */
#include "qdesk/json.h"

static void put_string(FILE *f, const char *s)
{
	fputc('"', f);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\')
			fprintf(f, "\\%c", *p);
		else if (*p == '\n')
			fputs("\\n", f);
		else if (*p < 0x20 || *p == 0x7f)
			fprintf(f, "\\u%04x", *p);
		else
			fputc(*p, f);
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

void json_end(struct json *j)
{
	while (j->depth > 0)
		json_close(j);
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
