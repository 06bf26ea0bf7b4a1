/* json.h - a minimal JSON writer for --json output: objects and arrays on a FILE, strings escaped. */
#ifndef QDESK_JSON_H
#define QDESK_JSON_H
#include <stdio.h>

struct json { FILE *f; int depth; char open[16]; int first[16]; };

void json_begin(struct json *j, FILE *f);          /* starts the top-level object */
void json_end(struct json *j);                      /* closes it and writes a newline */
/* hook(j) adds members to every top-level object just before json_end closes it (NULL: none). */
void json_set_end_hook(void (*hook)(struct json *));
void json_str(struct json *j, const char *key, const char *v);   /* NULL v writes null */
void json_int(struct json *j, const char *key, long long v);
/* A number given in units of 10^-decimals: json_fixed(j, "rate", 952, 1) writes 95.2. */
void json_fixed(struct json *j, const char *key, long long v, int decimals);
void json_bool(struct json *j, const char *key, int v);
void json_object(struct json *j, const char *key); /* key NULL inside an array */
void json_array(struct json *j, const char *key);
void json_close(struct json *j);                   /* closes the innermost object or array */

#endif
