/* config.c - reads the hall's libconfig file into a struct hall and validates it strictly (unknown
 * keys, types, ranges, references, duplicates, unsafe text), reporting "FILE:LINE: setting.path:
 * what is wrong" with every echoed value sanitised; config-scan.c first catches what libconfig 1.5
 * itself lets through. Also config_path(), config_free() and the hall_* lookups. Path notation
 * is libconfig's own: group members joined by '.', list and array elements as [i] counted from 0
 * (windows.[3].types). */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#include <wchar.h>
#include <libconfig.h>
#include "config-scan.h"
#include "qdesk/actions.h"
#include "qdesk/clock.h"
#include "qdesk/config.h"
#include "qdesk/i18n.h"
#include "qdesk/job.h"
#include "qdesk/text.h"

#ifndef SYSCONFDIR
#define SYSCONFDIR "/usr/local/etc"
#endif

#define NELEM(a) (sizeof (a) / sizeof (a)[0])

#if defined(__has_feature)
#if __has_feature(address_sanitizer)       /* clang says so this way */
#define QDESK_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) || defined(QDESK_ASAN)
/* libconfig 1.5's parser drops the string token it holds when it stops at a syntax error (fixed in
 * libconfig 1.7). Sanitizer builds tell LeakSanitizer that this leak inside libconfig is known. */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
	return "leak:libconfig.so\n";
}
#endif

struct loader {
	const char *path;
	const char *dir;        /* where @include files are found */
	char *err;
	size_t errlen;
	struct hall *h;
	enum qd_status status;
};

/* Defaults and the national sets. Names are the hall's display data, not messages. */
struct item_default { const char *id, *name; };
static const struct item_default default_outcomes[] = {
	{ "consult", "咨询" }, { "accepted", "受理" }, { "done", "即办办结" },
	{ "correction", "补正（一次性告知）" }, { "tolerance", "容缺受理" }, { "rejected", "不予受理" },
};
static const struct item_default default_modes[] = {
	{ "guided", "导办" }, { "assisted", "帮办" }, { "delegated", "代办" },
};
static const struct item_default default_helps[] = {
	{ "priority", "优先办理" }, { "form-filling", "代填表单" }, { "device-guidance", "智能设备指导" },
	{ "escort", "陪同办理" }, { "home-visit", "上门服务" }, { "free-copy", "免费复印" },
};
static const struct item_default default_pauses[] = {
	{ "meal", "用餐" }, { "meeting", "会议" }, { "fault", "系统故障" }, { "break", "临时离开" },
	{ "training", "业务培训" },
};
static const char *const outcome_ids[] = {
	"consult", "accepted", "done", "correction", "tolerance", "rejected", NULL };
static const char *const mode_ids[] = { "guided", "assisted", "delegated", NULL };
static const char *const matter_kinds[] = { "licensing", "payment", "confirmation", "adjudication",
	"reward", "levy", "other-power", "public-service", NULL };
static const char *const window_specials[] = { "", "elderly", "unsolved", "general", "cross-region",
	"talent", "trademark", NULL };

#define DEFAULT_DATABASE "data/qdesk.db"
#define DEFAULT_TEMPLATE "请{number}号到{window}号窗口办理"
#define DEFAULT_SPEAKER "espeak-ng -v cmn --stdin"
#define ELDERLY_GROUP "elderly"

/* ---- reporting ---------------------------------------------------------------------------- */

static size_t setting_path(const config_setting_t *s, char *buf, size_t len)
{
	const config_setting_t *parent = config_setting_parent(s);
	if (!parent) {
		buf[0] = '\0';
		return 0;
	}
	size_t n = setting_path(parent, buf, len);
	if (n + 1 >= len)
		return n;
	const char *sep = n ? "." : "";
	const char *name = config_setting_name(s);
	int w = name ? snprintf(buf + n, len - n, "%s%s", sep, name)
	             : snprintf(buf + n, len - n, "%s[%d]", sep, config_setting_index(s));
	n += w > 0 ? (size_t)w : 0;
	return n < len ? n : len - 1;
}

static int setting_line(const config_setting_t *s)
{
	for (; s; s = config_setting_parent(s))
		if (config_setting_source_line(s))
			return config_setting_source_line(s);
	return 1;
}

/* A file name as libconfig reports it, for messages: the main file, or an @include file, which
 * libconfig names relative to ld->dir (joined in buf). */
static const char *file_name(const struct loader *ld, const char *file, char *buf, size_t len)
{
	if (!file || strcmp(file, ld->path) == 0 || file[0] == '/' || !ld->dir)
		return file ? file : ld->path;
	int n = snprintf(buf, len, "%s/%s", ld->dir, file);
	return n >= 0 && (size_t)n < len ? buf : file;   /* too long to join: name it as libconfig did */
}

static const char *setting_file(const struct loader *ld, const config_setting_t *s, char *buf, size_t len)
{
	const char *file = NULL;
	for (; s && !file; s = config_setting_parent(s))
		file = config_setting_source_file(s);
	return file_name(ld, file, buf, len);
}

/* Report a problem with s, or with its missing member child when child is not NULL. */
__attribute__((format(printf, 4, 5)))
static int fail(struct loader *ld, const config_setting_t *s, const char *child, const char *fmt, ...)
{
	char path[512], what[512], file[4096];
	size_t n = setting_path(s, path, sizeof path);
	if (child)
		snprintf(path + n, sizeof path - n, "%s%s", n ? "." : "", child);
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(what, sizeof what, fmt, ap);
	va_end(ap);
	if (ld->err && ld->errlen)
		snprintf(ld->err, ld->errlen, "%s:%d: %s: %s", setting_file(ld, s, file, sizeof file),
		         setting_line(s), path, what);
	ld->status = QD_ERR_CONFIG;
	return -1;
}

static int nomem(struct loader *ld)
{
	if (ld->err && ld->errlen)
		snprintf(ld->err, ld->errlen, "%s: %s", ld->path, _("out of memory"));
	ld->status = QD_ERR_NOMEM;
	return -1;
}

static int copy(struct loader *ld, const char *v, char **out)
{
	*out = strdup(v);
	return *out ? 0 : nomem(ld);
}

/* ---- typed access ------------------------------------------------------------------------- */

static const char *type_message(int type)
{
	switch (type) {
	case CONFIG_TYPE_GROUP:  return N_("expected a group { ... }");
	case CONFIG_TYPE_LIST:   return N_("expected a list ( ... )");
	case CONFIG_TYPE_ARRAY:  return N_("expected an array of strings [ \"...\", ... ]");
	case CONFIG_TYPE_INT:    return N_("expected a whole number");
	case CONFIG_TYPE_BOOL:   return N_("expected true or false");
	default:                 return N_("expected a string in double quotes");
	}
}

static int has_type(const config_setting_t *s, int type)
{
	int t = config_setting_type(s);
	if (type == CONFIG_TYPE_INT)
		return t == CONFIG_TYPE_INT || t == CONFIG_TYPE_INT64;
	if (type == CONFIG_TYPE_ARRAY)
		return t == CONFIG_TYPE_ARRAY || t == CONFIG_TYPE_LIST;
	return t == type;
}

static int check_type(struct loader *ld, const config_setting_t *s, int type)
{
	return has_type(s, type) ? 0 : fail(ld, s, NULL, "%s", _(type_message(type)));
}

/* The member name of grp (NULL grp: an absent optional group) of the given type into *out; NULL
 * if absent and not required. */
static int member(struct loader *ld, config_setting_t *grp, const char *name, int required, int type,
                  config_setting_t **out)
{
	*out = grp ? config_setting_get_member(grp, name) : NULL;
	if (!*out)
		return required ? fail(ld, grp, name, "%s", _("missing required setting")) : 0;
	return check_type(ld, *out, type);
}

/* A character that shows nothing: a space of any width, a zero-width or invisible formatting
 * character, a filler, or (in a UTF-8 locale) a combining mark on its own. */
static int invisible(unsigned long cp)
{
	return cp == 0x20 || cp == 0xA0 || cp == 0xAD || cp == 0x34F || cp == 0x115F || cp == 0x1160
	       || cp == 0x1680 || cp == 0x180E || (cp >= 0x2000 && cp <= 0x200F)
	       || (cp >= 0x2028 && cp <= 0x202F) || (cp >= 0x205F && cp <= 0x206F) || cp == 0x3000
	       || cp == 0x3164 || cp == 0xFEFF || cp == 0xFFA0 || (cp >= 0xFE00 && cp <= 0xFE0F)
	       || (cp > 0x7F && wcwidth((wchar_t)cp) == 0);
}

/* 1 if the valid UTF-8 text v shows nothing: empty, or only invisible characters. */
static int blank(const char *v)
{
	for (const unsigned char *p = (const unsigned char *)v; *p;) {
		unsigned long cp = *p;
		int n = cp < 0x80 ? 1 : cp < 0xE0 ? 2 : cp < 0xF0 ? 3 : 4;
		if (n > 1)
			cp &= 0x3Fu >> (n - 1);
		for (int i = 1; i < n; i++)
			cp = (cp << 6) | (p[i] & 0x3Fu);
		if (!invisible(cp))
			return 0;
		p += n;
	}
	return 1;
}

/* Text from the config: valid UTF-8 without control, escape, bidi or line-separator characters
 * (text_is_clean), and, when nonempty is set, showing something. */
static int check_text(struct loader *ld, const config_setting_t *s, const char *v, int nonempty)
{
	if (!text_valid_utf8(v))
		return fail(ld, s, NULL, "%s", _("is not valid UTF-8"));
	if (!text_is_clean(v))
		return fail(ld, s, NULL, "%s", _("contains a control character, an escape sequence or an "
		                                 "invisible direction or line-separator character"));
	if (nonempty && blank(v))
		return fail(ld, s, NULL, "%s", _("must not be empty (spaces and invisible characters do "
		                                 "not count)"));
	return 0;
}

/* A string member; required strings must not be empty. where (may be NULL) gets the setting. */
static int get_string(struct loader *ld, config_setting_t *grp, const char *name, int required,
                      const char *def, char **out, config_setting_t **where)
{
	config_setting_t *s;
	if (member(ld, grp, name, required, CONFIG_TYPE_STRING, &s))
		return -1;
	if (where)
		*where = s;
	if (!s)
		return copy(ld, def, out);
	const char *v = config_setting_get_string(s);
	if (check_text(ld, s, v, required))
		return -1;
	return copy(ld, v, out);
}

/* A required display name (hall, zone, floor, type, window, group, matter, list item): at most
 * HALL_NAME_COLS terminal columns, so screens and the slip can show it whole. */
static int get_name(struct loader *ld, config_setting_t *e, const char *member_name, char **out)
{
	config_setting_t *s;
	if (get_string(ld, e, member_name, 1, "", out, &s))
		return -1;
	int cols = text_width(*out);
	if (cols > HALL_NAME_COLS)
		return fail(ld, s, NULL, _("is %d columns wide: at most %d (a Chinese character takes 2)"),
		            cols, HALL_NAME_COLS);
	return 0;
}

static int get_int(struct loader *ld, config_setting_t *grp, const char *name, int required, int def,
                   int min, int max, int *out)
{
	config_setting_t *s;
	if (member(ld, grp, name, required, CONFIG_TYPE_INT, &s))
		return -1;
	if (!s) {
		*out = def;
		return 0;
	}
	long long v = config_setting_get_int64(s);
	if (v < min || v > max)
		return fail(ld, s, NULL, _("must be a whole number from %d to %d"), min, max);
	*out = (int)v;
	return 0;
}

static int get_bool(struct loader *ld, config_setting_t *grp, const char *name, int def, int *out)
{
	config_setting_t *s;
	if (member(ld, grp, name, 0, CONFIG_TYPE_BOOL, &s))
		return -1;
	*out = s ? config_setting_get_bool(s) : def;
	return 0;
}

static int get_time(struct loader *ld, config_setting_t *grp, const char *name, int required,
                    int *out, config_setting_t **where)
{
	config_setting_t *s;
	if (member(ld, grp, name, required, CONFIG_TYPE_STRING, &s))
		return -1;
	*where = s;
	*out = -1;
	if (!s)
		return 0;
	const char *v = config_setting_get_string(s);
	*out = clock_parse_hhmm(v);
	if (*out < 0)
		return fail(ld, s, NULL, _("\"%s\" is not a time of day (HH:MM, 00:00 to 23:59)"), v);
	return 0;
}

/* An array (or list) of non-empty strings, no two equal ignoring case. */
static int get_strings(struct loader *ld, config_setting_t *grp, const char *name, char ***out,
                       size_t *n, config_setting_t **where)
{
	config_setting_t *s;
	*out = NULL;
	*n = 0;
	if (member(ld, grp, name, 0, CONFIG_TYPE_ARRAY, &s))
		return -1;
	if (where)
		*where = s;
	int len = s ? config_setting_length(s) : 0;
	if (len == 0)
		return 0;
	if (!(*out = calloc((size_t)len, sizeof **out)))
		return nomem(ld);
	for (int i = 0; i < len; i++) {
		config_setting_t *e = config_setting_get_elem(s, (unsigned)i);
		if (check_type(ld, e, CONFIG_TYPE_STRING))
			return -1;
		const char *v = config_setting_get_string(e);
		if (check_text(ld, e, v, 1))
			return -1;
		for (int j = 0; j < i; j++)
			if (strcasecmp((*out)[j], v) == 0)
				return fail(ld, e, NULL, _("\"%s\" is listed twice"), v);
		if (copy(ld, v, &(*out)[i]))
			return -1;
		*n = (size_t)i + 1;
	}
	return 0;
}

/* A list of groups: checks the list and that every element is a group; *len its length. */
static int get_list(struct loader *ld, config_setting_t *grp, const char *name, int required,
                    config_setting_t **out, int *len)
{
	if (member(ld, grp, name, required, CONFIG_TYPE_LIST, out))
		return -1;
	*len = *out ? config_setting_length(*out) : 0;
	if (*out && *len == 0)
		return fail(ld, *out, NULL, "%s", _("must list at least one entry"));
	for (int i = 0; i < *len; i++)
		if (check_type(ld, config_setting_get_elem(*out, (unsigned)i), CONFIG_TYPE_GROUP))
			return -1;
	return 0;
}

static int in_set(const char *const *set, const char *v)
{
	for (; *set; set++)
		if (strcmp(*set, v) == 0)
			return 1;
	return 0;
}

static void join_set(const char *const *set, char *buf, size_t len)
{
	size_t n = 0;
	buf[0] = '\0';
	for (; *set && n + 1 < len; set++)
		if (**set) {
			int w = snprintf(buf + n, len - n, "%s%s", n ? ", " : "", *set);
			n += w > 0 ? (size_t)w : 0;
		}
}

/* Every member of grp must be one of allowed (NULL-terminated). */
static int only_keys(struct loader *ld, const config_setting_t *grp, const char *const *allowed)
{
	int len = grp ? config_setting_length(grp) : 0;
	for (int i = 0; i < len; i++) {
		config_setting_t *m = config_setting_get_elem(grp, (unsigned)i);
		if (!in_set(allowed, config_setting_name(m))) {
			char names[400];
			join_set(allowed, names, sizeof names);
			return fail(ld, m, NULL, _("unknown setting (expected one of: %s)"), names);
		}
	}
	return 0;
}

static int check_one_of(struct loader *ld, const config_setting_t *s, const char *v,
                        const char *const *set)
{
	if (in_set(set, v))
		return 0;
	char names[400];
	join_set(set, names, sizeof names);
	return fail(ld, s, NULL, _("\"%s\" is not one of: %s"), v, names);
}

static int check_id(struct loader *ld, const config_setting_t *s, const char *v)
{
	size_t n = strlen(v);
	int ok = n > 0 && n <= HALL_ID_MAX;
	for (size_t i = 0; ok && i < n; i++) {
		char c = v[i];
		int alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
		ok = alnum || (i > 0 && (c == '-' || c == '_' || c == '.'));
	}
	if (ok)
		return 0;
	return fail(ld, s, NULL,
	            _("\"%s\" is not a valid id (ASCII letters, digits, '-', '_' or '.'; at most 32)"), v);
}

static int valid_prefix(const char *p)
{
	size_t n = strlen(p);
	return n >= 1 && n <= 2 && p[0] >= 'A' && p[0] <= 'Z' && (n == 1 || (p[1] >= 'A' && p[1] <= 'Z'));
}

/* A list of groups (see get_list) and a zeroed array of as many elements of size each into *out. */
static int get_entries(struct loader *ld, config_setting_t *root, const char *name, int required,
                       size_t size, void **out, config_setting_t **list, int *len)
{
	*out = NULL;
	if (get_list(ld, root, name, required, list, len))
		return -1;
	if (*len && !(*out = calloc((size_t)*len, size)))
		return nomem(ld);
	return 0;
}

/* Element i of list: only the members keys, and its identifying string member key (an id unless
 * key is "prefix") into *out, different from every earlier element's. what names it in messages. */
static int entry_key(struct loader *ld, config_setting_t *list, int i, const char *const *keys,
                     const char *key, const char *what, char **out, config_setting_t **where)
{
	config_setting_t *e = config_setting_get_elem(list, (unsigned)i);
	if (only_keys(ld, e, keys) || get_string(ld, e, key, 1, "", out, where))
		return -1;
	if (strcmp(key, "prefix") != 0) {
		if (check_id(ld, *where, *out))
			return -1;
	} else if (!valid_prefix(*out)) {
		return fail(ld, *where, NULL, _("\"%s\" is not a prefix of 1 or 2 upper-case letters A-Z"), *out);
	}
	for (int j = 0; j < i; j++) {
		config_setting_t *prev = config_setting_get_elem(list, (unsigned)j);
		const char *other;
		if (config_setting_lookup_string(prev, key, &other) && strcasecmp(other, *out) == 0)
			return fail(ld, *where, NULL, _("duplicate %s \"%s\" (first at line %d; ids ignore "
			                                "case)"), what, *out, setting_line(prev));
	}
	return 0;
}

/* ---- sections ----------------------------------------------------------------------------- */

static int load_hall_group(struct loader *ld, config_setting_t *root)
{
	static const char *const keys[] = { "name", "language", "open", "close", "number_digits", NULL };
	struct hall *h = ld->h;
	config_setting_t *g, *lang, *open_s, *close_s;
	if (member(ld, root, "hall", 1, CONFIG_TYPE_GROUP, &g) || only_keys(ld, g, keys)
	    || get_name(ld, g, "name", &h->name)
	    || get_string(ld, g, "language", 0, "zh_CN", &h->language, &lang)
	    || get_time(ld, g, "open", 1, &h->open_min, &open_s)
	    || get_time(ld, g, "close", 1, &h->close_min, &close_s)
	    || get_int(ld, g, "number_digits", 0, 3, 2, 6, &h->number_digits))
		return -1;
	if (h->close_min <= h->open_min)
		return fail(ld, close_s, NULL, "%s", _("closing time must be after opening time"));
	if (strspn(h->language, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.@-")
	    != strlen(h->language) || !*h->language)
		return fail(ld, lang, NULL, _("\"%s\" is not a locale name such as zh_CN"), h->language);
	/* trust2: only a language qdesk has messages in (English is built in) */
	size_t base = strcspn(h->language, ".@");
	if (!(base == 5 && !strncmp(h->language, "zh_CN", 5)) && strncmp(h->language, "en", 2) != 0)
		return fail(ld, lang, NULL, _("\"%s\" is not a language qdesk has messages in: zh_CN or en"),
		            h->language);
	return 0;
}

static int load_zones(struct loader *ld, config_setting_t *root)
{
	static const char *const keys[] = { "id", "name", "floor", NULL };
	struct hall *h = ld->h;
	config_setting_t *list;
	int len;
	void *mem;
	if (get_entries(ld, root, "zones", 1, sizeof *h->zones, &mem, &list, &len))
		return -1;
	h->zones = mem;
	for (int i = 0; i < len; i++) {
		config_setting_t *e = config_setting_get_elem(list, (unsigned)i), *id;
		struct hall_zone *z = &h->zones[i];
		h->nzones = (size_t)i + 1;
		if (entry_key(ld, list, i, keys, "id", _("zone id"), &z->id, &id)
		    || get_name(ld, e, "name", &z->name)
		    || get_name(ld, e, "floor", &z->floor))
			return -1;
	}
	return 0;
}

static const struct hall_zone *find_zone(const struct hall *h, const char *id)
{
	for (size_t i = 0; i < h->nzones; i++)
		if (strcmp(h->zones[i].id, id) == 0)
			return &h->zones[i];
	return NULL;
}

static int get_zone(struct loader *ld, config_setting_t *e, char **out)
{
	config_setting_t *s;
	if (get_string(ld, e, "zone", 1, "", out, &s))
		return -1;
	return find_zone(ld->h, *out) ? 0 : fail(ld, s, NULL, _("unknown zone \"%s\""), *out);
}

static int load_types(struct loader *ld, config_setting_t *root)
{
	static const char *const keys[] = { "prefix", "name", "zone", "quota", "cutoff", "target_wait", NULL };
	struct hall *h = ld->h;
	config_setting_t *list;
	int len, maxnum = 1;
	void *mem;
	for (int d = 0; d < h->number_digits; d++)
		maxnum *= 10;
	if (get_entries(ld, root, "types", 1, sizeof *h->types, &mem, &list, &len))
		return -1;
	h->types = mem;
	for (int i = 0; i < len; i++) {
		config_setting_t *e = config_setting_get_elem(list, (unsigned)i), *pre, *cut;
		struct hall_type *t = &h->types[i];
		h->ntypes = (size_t)i + 1;
		if (entry_key(ld, list, i, keys, "prefix", _("type prefix"), &t->prefix, &pre)
		    || get_name(ld, e, "name", &t->name) || get_zone(ld, e, &t->zone)
		    || get_int(ld, e, "quota", 0, 0, 0, 999999, &t->quota)
		    || get_time(ld, e, "cutoff", 0, &t->cutoff, &cut)
		    || get_int(ld, e, "target_wait", 0, 30, 1, 480, &t->target_wait))
			return -1;
		if (t->quota >= maxnum)
			return fail(ld, config_setting_get_member(e, "quota"), NULL,
			            _("%d tickets a day cannot be numbered with %d digits (hall.number_digits)"),
			            t->quota, h->number_digits);
		if (cut && (t->cutoff <= h->open_min || t->cutoff > h->close_min))
			return fail(ld, cut, NULL, "%s", _("cut-off time must lie within the opening hours "
			                                   "(after hall.open, not after hall.close)"));
	}
	return 0;
}

static int load_groups(struct loader *ld, config_setting_t *root)
{
	static const char *const keys[] = { "id", "name", "min_age", NULL };
	struct hall *h = ld->h;
	config_setting_t *list;
	int len;
	void *mem;
	if (get_entries(ld, root, "groups", 0, sizeof *h->groups, &mem, &list, &len))
		return -1;
	h->groups = mem;
	for (int i = 0; i < len; i++) {
		config_setting_t *e = config_setting_get_elem(list, (unsigned)i), *id;
		struct hall_group *g = &h->groups[i];
		h->ngroups = (size_t)i + 1;
		if (entry_key(ld, list, i, keys, "id", _("group id"), &g->id, &id))
			return -1;
		int elderly = strcmp(g->id, ELDERLY_GROUP) == 0;
		if (get_name(ld, e, "name", &g->name)
		    || get_int(ld, e, "min_age", elderly, 0, 50, 100, &g->min_age))
			return -1;
		if (!elderly && config_setting_get_member(e, "min_age"))
			return fail(ld, config_setting_get_member(e, "min_age"), NULL, "%s",
			            _("only the elderly group has a minimum age"));
	}
	return 0;
}

/* Resolve a window's list of type prefixes to the configured (upper-case) prefixes. */
static int resolve_types(struct loader *ld, config_setting_t *s, char **list, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		config_setting_t *e = config_setting_get_elem(s, (unsigned)i);
		const struct hall_type *t = hall_type(ld->h, list[i]);
		if (!t)
			return fail(ld, e, NULL, _("unknown business type \"%s\""), list[i]);
		memcpy(list[i], t->prefix, strlen(t->prefix) + 1);   /* same length, case differs */
	}
	return 0;
}

static int serves_elderly(const struct hall *h, const struct hall_window *w)
{
	const struct hall_group *old = hall_elderly_group(h);
	for (size_t i = 0; old && i < w->ngroups; i++)
		if (strcmp(w->groups[i], old->id) == 0)
			return 1;
	return 0;
}

static int load_window(struct loader *ld, config_setting_t *e, struct hall_window *w)
{
	static const char *const keys[] = { "number", "name", "zone", "special", "types", "also",
		"groups", NULL };
	config_setting_t *sp, *types, *also, *groups;
	if (only_keys(ld, e, keys) || get_int(ld, e, "number", 1, 0, 1, 999, &w->number)
	    || get_name(ld, e, "name", &w->name) || get_zone(ld, e, &w->zone)
	    || get_string(ld, e, "special", 0, "", &w->special, &sp)
	    || (sp && check_one_of(ld, sp, w->special, window_specials))
	    || get_strings(ld, e, "types", &w->types, &w->ntypes, &types)
	    || resolve_types(ld, types, w->types, w->ntypes)
	    || get_strings(ld, e, "also", &w->also, &w->nalso, &also)
	    || resolve_types(ld, also, w->also, w->nalso)
	    || get_strings(ld, e, "groups", &w->groups, &w->ngroups, &groups))
		return -1;
	for (size_t i = 0; i < w->nalso; i++)
		for (size_t j = 0; j < w->ntypes; j++)
			if (strcmp(w->also[i], w->types[j]) == 0)
				return fail(ld, config_setting_get_elem(also, (unsigned)i), NULL,
				            _("type \"%s\" is already in types"), w->also[i]);
	for (size_t i = 0; i < w->ngroups; i++)
		if (!hall_group(ld->h, w->groups[i]))
			return fail(ld, config_setting_get_elem(groups, (unsigned)i), NULL,
			            _("unknown priority group \"%s\""), w->groups[i]);
	if (strcmp(w->special, "elderly") == 0 && w->ngroups == 0)
		return fail(ld, e, "groups", "%s", _("an elderly window must serve at least one priority group"));
	if (strcmp(w->special, "elderly") == 0 && !serves_elderly(ld->h, w))
		return fail(ld, groups, NULL, _("an elderly window must serve the elderly group \"%s\" "
		                                "(the one with min_age)"), ELDERLY_GROUP);
	if (w->ntypes + w->nalso + w->ngroups == 0)
		return fail(ld, e, NULL, "%s", _("the window serves nothing: give it types, also or groups"));
	return 0;
}

int hall_window_serves(const struct hall_window *w, const char *prefix)
{
	for (size_t i = 0; i < w->ntypes; i++)
		if (strcmp(w->types[i], prefix) == 0)
			return 1;
	for (size_t i = 0; i < w->nalso; i++)
		if (strcmp(w->also[i], prefix) == 0)
			return 1;
	return 0;
}

static int load_windows(struct loader *ld, config_setting_t *root)
{
	struct hall *h = ld->h;
	config_setting_t *list;
	int len;
	void *mem;
	if (get_entries(ld, root, "windows", 1, sizeof *h->windows, &mem, &list, &len))
		return -1;
	h->windows = mem;
	for (int i = 0; i < len; i++) {
		config_setting_t *e = config_setting_get_elem(list, (unsigned)i);
		h->nwindows = (size_t)i + 1;
		if (load_window(ld, e, &h->windows[i]))
			return -1;
		for (int j = 0; j < i; j++)
			if (h->windows[j].number == h->windows[i].number)
				return fail(ld, config_setting_get_member(e, "number"), NULL,
				            _("window number %d is used twice (first at line %d)"),
				            h->windows[i].number, setting_line(config_setting_get_elem(list, (unsigned)j)));
	}
	config_setting_t *types = config_setting_get_member(root, "types");
	for (size_t t = 0; t < h->ntypes; t++) {
		size_t i = 0;
		while (i < h->nwindows && !hall_window_serves(&h->windows[i], h->types[t].prefix))
			i++;
		if (i == h->nwindows)
			return fail(ld, config_setting_get_elem(types, (unsigned)t), NULL,
			            _("no window serves type \"%s\" (add it to a window's types or also)"),
			            h->types[t].prefix);
	}
	return 0;
}

/* Guide desks (导服台): optional; numbers unique among desks (a desk and a window may share one). */
static int load_desks(struct loader *ld, config_setting_t *root)
{
	static const char *const keys[] = { "number", "name", "zone", NULL };
	struct hall *h = ld->h;
	config_setting_t *list;
	int len;
	void *mem;
	if (get_entries(ld, root, "desks", 0, sizeof *h->desks, &mem, &list, &len))
		return -1;
	h->desks = mem;
	for (int i = 0; i < len; i++) {
		config_setting_t *e = config_setting_get_elem(list, (unsigned)i);
		struct hall_desk *d = &h->desks[i];
		h->ndesks = (size_t)i + 1;
		if (only_keys(ld, e, keys) || get_int(ld, e, "number", 1, 0, 1, 999, &d->number)
		    || get_name(ld, e, "name", &d->name) || get_zone(ld, e, &d->zone))
			return -1;
		for (int j = 0; j < i; j++)
			if (h->desks[j].number == d->number)
				return fail(ld, config_setting_get_member(e, "number"), NULL,
				            _("desk number %d is used twice (first at line %d)"), d->number,
				            setting_line(config_setting_get_elem(list, (unsigned)j)));
	}
	return 0;
}

/* A list of { id, name } entries, or the defaults when absent. ids, if not NULL, is the allowed set. */
static int load_items(struct loader *ld, config_setting_t *root, const char *name, int required,
                      const char *const *ids, const struct item_default *def, size_t ndef,
                      struct hall_item **out, size_t *n)
{
	static const char *const keys[] = { "id", "name", NULL };
	config_setting_t *list;
	int len;
	if (get_list(ld, root, name, required, &list, &len))
		return -1;
	size_t cap = list ? (size_t)len : ndef;
	if (!(*out = calloc(cap, sizeof **out)))
		return nomem(ld);
	for (size_t i = 0; !list && i < ndef; i++) {
		*n = i + 1;
		if (copy(ld, def[i].id, &(*out)[i].id) || copy(ld, def[i].name, &(*out)[i].name))
			return -1;
	}
	for (int i = 0; i < len; i++) {
		config_setting_t *e = config_setting_get_elem(list, (unsigned)i), *id;
		struct hall_item *it = &(*out)[i];
		*n = (size_t)i + 1;
		if (entry_key(ld, list, i, keys, "id", _("id"), &it->id, &id)
		    || (ids && check_one_of(ld, id, it->id, ids))
		    || get_name(ld, e, "name", &it->name))
			return -1;
	}
	return 0;
}

static int load_matters(struct loader *ld, config_setting_t *root)
{
	static const char *const keys[] = { "id", "name", "category", "kind", NULL };
	struct hall *h = ld->h;
	config_setting_t *list;
	int len;
	void *mem;
	if (get_entries(ld, root, "matters", 0, sizeof *h->matters, &mem, &list, &len))
		return -1;
	h->matters = mem;
	for (int i = 0; i < len; i++) {
		config_setting_t *e = config_setting_get_elem(list, (unsigned)i), *id, *cat, *kind;
		struct hall_matter *m = &h->matters[i];
		h->nmatters = (size_t)i + 1;
		if (entry_key(ld, list, i, keys, "id", _("matter id"), &m->id, &id)
		    || get_name(ld, e, "name", &m->name)
		    || get_string(ld, e, "category", 1, "", &m->category, &cat)
		    || get_string(ld, e, "kind", 1, "", &m->kind, &kind)
		    || check_one_of(ld, kind, m->kind, matter_kinds))
			return -1;
		if (!hall_item(h->categories, h->ncategories, m->category))
			return fail(ld, cat, NULL, _("unknown case category \"%s\""), m->category);
	}
	return 0;
}

/* 0 = Sunday … 6 = Saturday, for a valid "YYYY-MM-DD". */
static int weekday(const char *day)
{
	static const int t[] = { 0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4 };
	int y = atoi(day), m = atoi(day + 5), d = atoi(day + 8);
	if (m < 3)
		y--;
	return (y + y / 4 - y / 100 + y / 400 + t[m - 1] + d) % 7;
}

static int load_days(struct loader *ld, config_setting_t *g, const char *name, char ***out, size_t *n,
                     int weekend_only)
{
	config_setting_t *s;
	if (get_strings(ld, g, name, out, n, &s))
		return -1;
	for (size_t i = 0; i < *n; i++) {
		config_setting_t *e = config_setting_get_elem(s, (unsigned)i);
		const char *day = (*out)[i];
		if (!clock_valid_day(day))
			return fail(ld, e, NULL, _("\"%s\" is not a real date YYYY-MM-DD"), day);
		if (weekend_only && weekday(day) % 6 != 0)
			return fail(ld, e, NULL, _("\"%s\" is not a Saturday or Sunday, so it is a working day "
			                           "already"), day);
	}
	return 0;
}

static int load_evaluation(struct loader *ld, config_setting_t *root)
{
	static const char *const keys[] = { "good_min_level", "rectify_days", "holidays", "workdays", NULL };
	struct hall *h = ld->h;
	config_setting_t *g, *lvl;
	if (member(ld, root, "evaluation", 0, CONFIG_TYPE_GROUP, &g) || only_keys(ld, g, keys)
	    || member(ld, g, "good_min_level", 0, CONFIG_TYPE_INT, &lvl)
	    || get_int(ld, g, "good_min_level", 0, 4, INT_MIN + 1, INT_MAX, &h->eval.good_min_level))
		return -1;
	if (h->eval.good_min_level != 3 && h->eval.good_min_level != 4)
		return fail(ld, lvl, NULL, "%s", _("must be 4 (satisfied and up count as good) or 3 (fairly "
		                                   "satisfied counts too)"));
	if (get_int(ld, g, "rectify_days", 0, 5, 1, 60, &h->eval.rectify_days)
	    || load_days(ld, g, "holidays", &h->eval.holidays, &h->eval.nholidays, 0)
	    || load_days(ld, g, "workdays", &h->eval.workdays, &h->eval.nworkdays, 1))
		return -1;
	for (size_t i = 0; i < h->eval.nworkdays; i++)
		for (size_t j = 0; j < h->eval.nholidays; j++)
			if (strcmp(h->eval.workdays[i], h->eval.holidays[j]) == 0)
				return fail(ld, config_setting_get_elem(config_setting_get_member(g, "workdays"),
				                                        (unsigned)i),
				            NULL, _("\"%s\" is also listed in holidays"), h->eval.workdays[i]);
	return 0;
}

/* The optional lead group: the shift lead's deadlines and alert thresholds. */
static int load_lead(struct loader *ld, config_setting_t *root)
{
	static const char *const keys[] = { "problem_days", "idle_alert_minutes", "pause_alert_minutes",
		NULL };
	struct hall *h = ld->h;
	config_setting_t *g;
	return member(ld, root, "lead", 0, CONFIG_TYPE_GROUP, &g) || only_keys(ld, g, keys)
	       || get_int(ld, g, "problem_days", 0, 5, 1, 60, &h->lead.problem_days)
	       || get_int(ld, g, "idle_alert_minutes", 0, 10, 1, 600, &h->lead.idle_alert_minutes)
	       || get_int(ld, g, "pause_alert_minutes", 0, 30, 1, 600, &h->lead.pause_alert_minutes)
	       ? -1 : 0;
}

/* report (qdesk report): the case categories the summary paragraph names, in its order (every
 * category in config order when absent), and who the paragraph speaks for ("我局"). */
static int load_report(struct loader *ld, config_setting_t *root)
{
	static const char *const keys[] = { "categories", "subject", NULL };
	struct hall *h = ld->h;
	config_setting_t *g, *list = NULL;
	if (member(ld, root, "report", 0, CONFIG_TYPE_GROUP, &g) || (g && only_keys(ld, g, keys)))
		return -1;
	if (!g)
		return copy(ld, "", &h->report.subject);
	if (get_string(ld, g, "subject", 0, "", &h->report.subject, NULL)
	    || get_strings(ld, g, "categories", &h->report.categories, &h->report.ncategories, &list))
		return -1;
	for (size_t i = 0; i < h->report.ncategories; i++)
		if (!hall_item(h->categories, h->ncategories, h->report.categories[i]))
			return fail(ld, config_setting_get_elem(list, (unsigned)i), NULL,
			            _("unknown case category \"%s\""), h->report.categories[i]);
	return 0;
}

static int load_calling(struct loader *ld, config_setting_t *root)
{
	static const char *const keys[] = { "recall_cap", "priority_cap", "undo_seconds", "noshow",
		"requeue_behind", "requeue_max", "transfer_keep_place", NULL };
	static const char *const noshow_rules[] = { "requeue", "new-ticket", NULL };
	struct hall *h = ld->h;
	config_setting_t *g, *ns;
	char *noshow = NULL;
	int rc = member(ld, root, "calling", 0, CONFIG_TYPE_GROUP, &g) || only_keys(ld, g, keys)
	    || get_int(ld, g, "recall_cap", 0, 2, 0, 10, &h->calling.recall_cap)
	    || get_int(ld, g, "priority_cap", 0, 0, 0, 100, &h->calling.priority_cap)
	    || get_int(ld, g, "undo_seconds", 0, 60, 0, 3600, &h->calling.undo_seconds)
	    || get_int(ld, g, "requeue_behind", 0, 3, 0, 100, &h->calling.requeue_behind)
	    || get_int(ld, g, "requeue_max", 0, 1, 0, 10, &h->calling.requeue_max)
	    || get_bool(ld, g, "transfer_keep_place", 1, &h->calling.transfer_keep_place)
	    || get_string(ld, g, "noshow", 0, "requeue", &noshow, &ns)
	    || (ns && check_one_of(ld, ns, noshow, noshow_rules));
	if (!rc)
		h->calling.noshow_requeue = strcmp(noshow, "requeue") == 0;
	free(noshow);
	if (rc)
		return -1;
	if (h->calling.noshow_requeue && h->calling.requeue_max == 0)
		return fail(ld, config_setting_get_member(g, "requeue_max"), NULL, "%s",
		            _("must be at least 1 when noshow is \"requeue\""));
	return 0;
}

/* A command line run without a shell: it must split into words (balanced quotes). */
static int check_command(struct loader *ld, const config_setting_t *s, const char *line)
{
	const char *err = NULL;
	char **argv = job_split(line, &err);
	if (!argv)
		return fail(ld, s, NULL, "%s", _(err));
	free(argv);
	return 0;
}

/* The template may use {number} (required) and {window}, nothing else in braces. */
static int check_template(struct loader *ld, const config_setting_t *s, const char *tpl)
{
	int has_number = 0;
	for (const char *p = strchr(tpl, '{'); p; p = strchr(p + 1, '{')) {
		if (strncmp(p, "{number}", 8) == 0)
			has_number = 1;
		else if (strncmp(p, "{window}", 8) != 0)
			return fail(ld, s, NULL, "%s", _("unknown placeholder: only {number} and {window} may "
			                                 "be used"));
	}
	return has_number ? 0 : fail(ld, s, NULL, "%s", _("the template must contain {number}"));
}

/* announce: the voice of the announcer (and the board's call text). */
static int load_announce(struct loader *ld, config_setting_t *root)
{
	static const char *const keys[] = { "template", "digits_each", "command", "repeat", "pause_ms",
		"timeout", "max_age", NULL };
	struct hall *h = ld->h;
	config_setting_t *g, *tpl, *cmd;
	if (member(ld, root, "announce", 0, CONFIG_TYPE_GROUP, &g) || only_keys(ld, g, keys)
	    || get_string(ld, g, "template", 0, DEFAULT_TEMPLATE, &h->announce.template_text, &tpl)
	    || (tpl && check_template(ld, tpl, h->announce.template_text))
	    || get_bool(ld, g, "digits_each", 1, &h->announce.digits_each)
	    || get_string(ld, g, "command", 0, DEFAULT_SPEAKER, &h->announce.command, &cmd)
	    || (cmd && *h->announce.command && check_command(ld, cmd, h->announce.command))
	    || get_int(ld, g, "repeat", 0, 2, 1, 5, &h->announce.repeat)
	    || get_int(ld, g, "pause_ms", 0, 1000, 0, 10000, &h->announce.pause_ms)
	    || get_int(ld, g, "timeout", 0, 20, 1, 300, &h->announce.timeout)
	    || get_int(ld, g, "max_age", 0, 120, 0, 86400, &h->announce.max_age))
		return -1;
	return 0;
}

/* printer: the slip printer's one target, paper and what a slip shows. */
static int load_printer(struct loader *ld, config_setting_t *root)
{
	static const char *const keys[] = { "device", "host", "command", "file", "paper", "width",
		"notice", "auto", "timeout", "zone", "personal", NULL };
	static const char *const personal[] = { "none", "phone", "id", NULL };
	static const char *const targets[] = { "device", "host", "command", "file" };
	struct hall *h = ld->h;
	config_setting_t *g, *host, *cmd, *pers, *paper_s;
	int paper;
	if (member(ld, root, "printer", 0, CONFIG_TYPE_GROUP, &g) || only_keys(ld, g, keys)
	    || get_string(ld, g, "device", 0, "", &h->printer.device, NULL)
	    || get_string(ld, g, "host", 0, "", &h->printer.host, &host)
	    || get_string(ld, g, "command", 0, "", &h->printer.command, &cmd)
	    || get_string(ld, g, "file", 0, "", &h->printer.file, NULL)
	    || get_int(ld, g, "paper", 0, 58, 58, 80, &paper)
	    || get_int(ld, g, "width", 0, paper == 80 ? 48 : 32, 16, 80, &h->printer.width)
	    || get_string(ld, g, "notice", 0, "", &h->printer.notice, NULL)
	    || get_bool(ld, g, "auto", 1, &h->printer.auto_print)
	    || get_int(ld, g, "timeout", 0, 10, 1, 300, &h->printer.timeout)
	    || get_bool(ld, g, "zone", 1, &h->printer.zone)
	    || get_string(ld, g, "personal", 0, "none", &h->printer.personal, &pers)
	    || (pers && check_one_of(ld, pers, h->printer.personal, personal)))
		return -1;
	if (paper != 58 && paper != 80 && (paper_s = config_setting_get_member(g, "paper")))
		return fail(ld, paper_s, NULL, "%s", _("must be 58 or 80 (millimetres)"));
	if (host && *h->printer.host && !job_tcp_valid(h->printer.host))
		return fail(ld, host, NULL, "%s", _("must be HOST:PORT, the port from 1 to 65535"));
	if (cmd && *h->printer.command && check_command(ld, cmd, h->printer.command))
		return -1;
	const char *set[4] = { h->printer.device, h->printer.host, h->printer.command, h->printer.file };
	for (int i = 0, first = -1; i < 4; i++)
		if (*set[i] && first < 0)
			first = i;
		else if (*set[i])
			return fail(ld, config_setting_get_member(g, targets[i]), NULL,
			            _("only one printer target may be set, and \"%s\" is set already"),
			            targets[first]);
	return 0;
}

/* board: the hall board and window displays; pad: the evaluation pads (qdesk board). */
static const struct item_default default_pad_reasons[] = {
	{ "wait", "等候时间长" }, { "attitude", "服务态度差" }, { "slow", "办事效率低" },
	{ "unclear", "告知不清楚" }, { "trips", "多次跑腿" }, { "other", "其他" },
};

static int load_pad_windows(struct loader *ld, config_setting_t *g)
{
	struct hall *h = ld->h;
	config_setting_t *s;
	if (member(ld, g, "windows", 0, CONFIG_TYPE_ARRAY, &s))
		return -1;
	int len = s ? config_setting_length(s) : 0;
	if (len && !(h->pad.windows = calloc((size_t)len, sizeof *h->pad.windows)))
		return nomem(ld);
	for (int i = 0; i < len; i++) {
		config_setting_t *e = config_setting_get_elem(s, (unsigned)i);
		if (check_type(ld, e, CONFIG_TYPE_INT))
			return -1;
		long long w = config_setting_get_int64(e);
		if (w < 1 || w > INT_MAX || !hall_window(h, (int)w))
			return fail(ld, e, NULL, _("window %lld is not one of the hall's windows"), w);
		for (size_t j = 0; j < h->pad.nwindows; j++)
			if (h->pad.windows[j] == (int)w)
				return fail(ld, e, NULL, _("window %lld is listed twice"), w);
		h->pad.windows[h->pad.nwindows++] = (int)w;
	}
	return 0;
}

static int load_board(struct loader *ld, config_setting_t *root)
{
	static const char *const bkeys[] = { "template", "history", "highlight_seconds", "notice",
		"staff_name", NULL };
	static const char *const pkeys[] = { "windows", "timeout", "reasons", NULL };
	static const char *const names[] = { "masked", "full", "none", NULL };
	struct hall *h = ld->h;
	config_setting_t *g, *tpl, *sn, *reasons;
	if (member(ld, root, "board", 0, CONFIG_TYPE_GROUP, &g) || only_keys(ld, g, bkeys)
	    || get_string(ld, g, "template", 0, "请{number}号到{window}号窗口", &h->board.template_text,
	                  &tpl)
	    || (tpl && check_template(ld, tpl, h->board.template_text))
	    || get_int(ld, g, "history", 0, 8, 0, 20, &h->board.history)
	    || get_int(ld, g, "highlight_seconds", 0, 8, 0, 300, &h->board.highlight_seconds)
	    || get_string(ld, g, "notice", 0, "", &h->board.notice, NULL)
	    || get_string(ld, g, "staff_name", 0, "masked", &h->board.staff_name, &sn)
	    || (sn && check_one_of(ld, sn, h->board.staff_name, names)))
		return -1;
	if (member(ld, root, "pad", 0, CONFIG_TYPE_GROUP, &g) || only_keys(ld, g, pkeys)
	    || load_pad_windows(ld, g)
	    || get_int(ld, g, "timeout", 0, 60, 5, 3600, &h->pad.timeout)
	    || load_items(ld, g, "reasons", 0, NULL, default_pad_reasons, NELEM(default_pad_reasons),
	                  &h->pad.reasons, &h->pad.nreasons))
		return -1;
	if (h->pad.nreasons > 9 && (reasons = config_setting_get_member(g, "reasons")))
		return fail(ld, reasons, NULL, "%s", _("at most 9 reasons (keys 1 to 9 on the pad)"));
	return 0;
}

static int load_devices(struct loader *ld, config_setting_t *root)
{
	static const char *const skeys[] = { "lock_seconds", "max_failures", "lockout_minutes", NULL };
	struct hall *h = ld->h;
	config_setting_t *g;
	if (load_announce(ld, root) || load_printer(ld, root))
		return -1;
	if (member(ld, root, "security", 0, CONFIG_TYPE_GROUP, &g) || only_keys(ld, g, skeys)
	    || get_int(ld, g, "lock_seconds", 0, 300, 0, 86400, &h->security.lock_seconds)
	    || get_int(ld, g, "max_failures", 0, 5, 1, 100, &h->security.max_failures)
	    || get_int(ld, g, "lockout_minutes", 0, 15, 1, 1440, &h->security.lockout_minutes))
		return -1;
	config_setting_t *db;
	if (get_string(ld, root, "database", 0, DEFAULT_DATABASE, &h->database, &db))
		return -1;
	return db && !*h->database ? fail(ld, db, NULL, "%s", _("must name the database file, not be empty")) : 0;
}

/* training: rates per type prefix (a group of prefix = tickets an hour), an hourly profile in
 * percent, the mean service time. Types not listed arrive at TRAINING_RATE an hour. */
#define TRAINING_RATE 4
static int load_training(struct loader *ld, config_setting_t *root)
{
	static const char *const keys[] = { "rates", "profile", "service_minutes", NULL };
	struct hall *h = ld->h;
	config_setting_t *g, *rates, *profile;
	if (member(ld, root, "training", 0, CONFIG_TYPE_GROUP, &g) || only_keys(ld, g, keys)
	    || get_int(ld, g, "service_minutes", 0, 6, 1, 120, &h->training.service_minutes)
	    || member(ld, g, "rates", 0, CONFIG_TYPE_GROUP, &rates)
	    || member(ld, g, "profile", 0, CONFIG_TYPE_ARRAY, &profile))
		return -1;
	if (h->ntypes && !(h->training.rates = calloc(h->ntypes, sizeof *h->training.rates)))
		return nomem(ld);
	for (size_t i = 0; i < h->ntypes; i++)
		h->training.rates[i] = TRAINING_RATE;
	for (int i = 0; rates && i < config_setting_length(rates); i++) {
		config_setting_t *r = config_setting_get_elem(rates, (unsigned)i);
		const struct hall_type *t = hall_type(h, config_setting_name(r));
		if (!t)
			return fail(ld, r, NULL, "%s", _("no business type has this prefix"));
		if (get_int(ld, rates, config_setting_name(r), 1, 0, 0, 600,
		            &h->training.rates[t - h->types]))
			return -1;
	}
	int n = profile ? config_setting_length(profile) : 0;
	if (n && !(h->training.profile = calloc((size_t)n, sizeof *h->training.profile)))
		return nomem(ld);
	for (int i = 0; i < n; i++) {
		config_setting_t *e = config_setting_get_elem(profile, (unsigned)i);
		if (check_type(ld, e, CONFIG_TYPE_INT))
			return -1;
		long long v = config_setting_get_int64(e);
		if (v < 0 || v > 100)
			return fail(ld, e, NULL, _("must be a whole number from %d to %d"), 0, 100);
		h->training.profile[i] = (int)v;
	}
	h->training.nprofile = (size_t)n;
	return 0;
}

/* One binding being collected: the setting it came from (NULL for a default). */
struct binding { int action, key; const config_setting_t *from; const char *text; };

/* 1 if keys a and b are one ASCII letter in different case. */
static int other_case(int a, int b)
{
	int la = a >= 'A' && a <= 'Z' ? a - 'A' + 'a' : a;
	int lb = b >= 'A' && b <= 'Z' ? b - 'A' + 'a' : b;
	return a != b && la == lb && la >= 'a' && la <= 'z';
}

/* Add nb to the n bindings of one keymap in b, refusing a key bound twice or one that differs
 * from another action's only in case (Caps Lock). */
static int add_binding(struct loader *ld, struct binding *b, size_t *n, struct binding nb)
{
	for (size_t i = 0; i < *n; i++) {
		const struct binding *blame = nb.from ? &nb : &b[i], *other = nb.from ? &b[i] : &nb;
		if (other_case(b[i].key, nb.key) && b[i].action != nb.action)
			return fail(ld, blame->from, NULL, _("key \"%s\" and \"%c\" (bound to %s) differ only "
			                                     "in case: with Caps Lock on one would do the "
			                                     "other's action"),
			            blame->text, other->key, action_name((enum action)other->action));
		if (b[i].key != nb.key)
			continue;
		if (b[i].action == nb.action)
			return fail(ld, blame->from, NULL, _("\"%s\" is listed twice"), blame->text);
		return fail(ld, blame->from, NULL, _("key \"%s\" is already bound to %s"), blame->text,
		            action_name((enum action)other->action));
	}
	b[(*n)++] = nb;
	return 0;
}

/* The bindings of keymap km into b (n of them): the actions g lists (flat: the keys group itself,
 * whose subgroups are other keymaps and skipped here), then the default keys of the others. */
static int load_keymap(struct loader *ld, enum keymap km, config_setting_t *g, int flat,
                       struct binding *b, size_t *n)
{
	int len = g ? config_setting_length(g) : 0, rc = 0;
	unsigned char overridden[ACT_COUNT] = { 0 };
	*n = 0;
	for (int i = 0; !rc && i < len; i++) {
		config_setting_t *s = config_setting_get_elem(g, (unsigned)i);
		if (flat && config_setting_type(s) == CONFIG_TYPE_GROUP)
			continue;
		enum action a = action_by_name(km, config_setting_name(s));
		if (a == ACT_COUNT) {
			if (flat)
				return fail(ld, s, NULL, _("unknown action \"%s\""), config_setting_name(s));
			return fail(ld, s, NULL, _("unknown action \"%s\" of the %s screen"),
			            config_setting_name(s), keymap_name(km));
		}
		overridden[a] = 1;
		int scalar = config_setting_type(s) == CONFIG_TYPE_STRING;
		int count = scalar ? 1 : config_setting_length(s);
		if (!scalar && (rc = check_type(ld, s, CONFIG_TYPE_ARRAY)))
			break;
		if (count == 0)
			rc = fail(ld, s, NULL, "%s", _("must list at least one key"));
		for (int k = 0; !rc && k < count; k++) {
			config_setting_t *e = scalar ? s : config_setting_get_elem(s, (unsigned)k);
			if ((rc = check_type(ld, e, CONFIG_TYPE_STRING)))
				break;
			const char *text = config_setting_get_string(e);
			int key = action_parse_key(text);
			if (key < 0)
				rc = fail(ld, e, NULL, _("\"%s\" is not a key (F1 to F12, one printable character, "
				                         "Enter, Esc, Tab or Space)"), text);
			else
				rc = add_binding(ld, b, n, (struct binding){ a, key, e, text });
		}
	}
	for (int a = 0; !rc && a < ACT_COUNT; a++) {
		if (!action_in_keymap((enum action)a, km))
			continue;
		int keys[2], nk = overridden[a] ? 0 : action_default_keys((enum action)a, keys);
		for (int k = 0; !rc && k < nk; k++)
			rc = add_binding(ld, b, n, (struct binding){ a, keys[k], NULL, NULL });
	}
	return rc;
}

/* How many keys setting s lists (groups counted through). */
static size_t count_keys(const config_setting_t *s)
{
	int t = config_setting_type(s);
	if (t != CONFIG_TYPE_GROUP && t != CONFIG_TYPE_ARRAY && t != CONFIG_TYPE_LIST)
		return 1;
	size_t n = 0;
	for (int i = 0; i < config_setting_length(s); i++)
		n += count_keys(config_setting_get_elem(s, (unsigned)i));
	return n;
}

/* keys = { window = { call-next = "F2"; }; guide = { … }; } — one group per screen (keymap); the
 * flat form of old (keys = { call-next = "F2"; }) is the window's. */
static int load_keys(struct loader *ld, config_setting_t *root)
{
	struct hall *h = ld->h;
	config_setting_t *g, *sub[KEYMAP_COUNT] = { NULL };
	if (member(ld, root, "keys", 0, CONFIG_TYPE_GROUP, &g))
		return -1;
	int len = g ? config_setting_length(g) : 0;
	size_t cap = 0;
	const config_setting_t *flat = NULL;
	for (int i = 0; i < len; i++) {
		config_setting_t *s = config_setting_get_elem(g, (unsigned)i);
		if (config_setting_type(s) != CONFIG_TYPE_GROUP) {
			flat = flat ? flat : s;
			continue;
		}
		enum keymap km = keymap_by_name(config_setting_name(s));
		if (km == KEYMAP_NONE)
			return fail(ld, s, NULL, _("unknown screen \"%s\" (window, guide, board, pad or lead)"),
			            config_setting_name(s));
		sub[km] = s;
	}
	if (flat && sub[KEYMAP_WINDOW])
		return fail(ld, flat, NULL, "%s", _("the window's keys are given twice: list them either "
		                                     "directly in keys or in keys.window, not both"));
	cap = (g ? count_keys(g) : 0) + 2 * ACT_COUNT;
	struct binding *b = calloc(cap, sizeof *b);
	size_t total = 0;
	if (!b || !(h->keys = calloc((size_t)(KEYMAP_COUNT - 1) * cap, sizeof *h->keys))) {
		free(b);
		return nomem(ld);
	}
	int rc = 0;
	for (int km = 1; !rc && km < KEYMAP_COUNT; km++) {
		size_t n = 0;
		config_setting_t *from = sub[km] ? sub[km] : km == KEYMAP_WINDOW && flat ? g : NULL;
		rc = load_keymap(ld, (enum keymap)km, from, from == g, b, &n);
		for (int a = 0; !rc && a < ACT_COUNT; a++)
			for (size_t i = 0; !rc && i < n; i++)
				if (b[i].action == a) {
					h->keys[total].key = b[i].key;
					h->keys[total].keymap = km;
					rc = copy(ld, action_name((enum action)a), &h->keys[total++].action);
					h->nkeys = total;
				}
	}
	free(b);
	return rc;
}

/* trust2: the backup group: where `qdesk backup --daily` writes its dated copies, how many it keeps. */
static int load_backup(struct loader *ld, config_setting_t *root)
{
	static const char *const keys[] = { "dir", "keep", NULL };
	config_setting_t *g, *dir;
	if (member(ld, root, "backup", 0, CONFIG_TYPE_GROUP, &g) || only_keys(ld, g, keys))
		return -1;
	ld->h->backup.keep = 14;
	if (!g)
		return 0;
	return get_string(ld, g, "dir", 1, "", &ld->h->backup.dir, &dir)
	    || get_int(ld, g, "keep", 0, 14, 1, 3650, &ld->h->backup.keep);
}

/* trust: the store group: how long a command waits for a database another process holds. */
static int load_store(struct loader *ld, config_setting_t *root)
{
	static const char *const keys[] = { "busy_seconds", NULL };
	config_setting_t *g;
	return member(ld, root, "store", 0, CONFIG_TYPE_GROUP, &g) || only_keys(ld, g, keys)
	    || get_int(ld, g, "busy_seconds", 0, 120, 1, 3600, &ld->h->store.busy_seconds);
}

/* A case records at most HALL_HELPS_MAX elderly-help types: a longer list could not be used. */
static int check_helps(struct loader *ld, config_setting_t *root)
{
	if (ld->h->nhelps <= HALL_HELPS_MAX)
		return 0;
	config_setting_t *list = config_setting_get_member(root, "elderly_help");
	return fail(ld, config_setting_get_elem(list, HALL_HELPS_MAX), NULL,
	            _("at most %d elderly-help types can be listed"), HALL_HELPS_MAX);
}

static int load_all(struct loader *ld, config_setting_t *root)
{
	static const char *const keys[] = { "hall", "database", "zones", "types", "groups", "windows",
		"categories", "matters", "outcomes", "modes", "elderly_help", "pause_reasons", "evaluation",
		"calling", "announce", "printer", "security", "keys", "store", "desks", "training",
		"lead", "board", "pad", "report",
		"backup", NULL };
	struct hall *h = ld->h;
	config_setting_t *outcomes;
	if (only_keys(ld, root, keys) || load_hall_group(ld, root) || load_zones(ld, root)
	    || load_types(ld, root) || load_groups(ld, root) || load_windows(ld, root)
	    || load_items(ld, root, "categories", 1, NULL, NULL, 0, &h->categories, &h->ncategories)
	    || load_matters(ld, root)
	    || load_items(ld, root, "outcomes", 0, outcome_ids, default_outcomes, NELEM(default_outcomes),
	                  &h->outcomes, &h->noutcomes)
	    || load_items(ld, root, "modes", 0, mode_ids, default_modes, NELEM(default_modes),
	                  &h->modes, &h->nmodes)
	    || load_items(ld, root, "elderly_help", 0, NULL, default_helps, NELEM(default_helps),
	                  &h->helps, &h->nhelps)
	    || check_helps(ld, root)
	    || load_items(ld, root, "pause_reasons", 0, NULL, default_pauses, NELEM(default_pauses),
	                  &h->pauses, &h->npauses)
	    || load_evaluation(ld, root) || load_calling(ld, root) || load_devices(ld, root)
	    || load_lead(ld, root)
	    || load_keys(ld, root)
	    || load_store(ld, root)
	    || load_backup(ld, root)
	    || load_desks(ld, root) || load_training(ld, root)
	    || load_board(ld, root)
	    || load_report(ld, root))
		return -1;
	outcomes = config_setting_get_member(root, "outcomes");
	if (outcomes && !hall_item(h->outcomes, h->noutcomes, "done"))
		return fail(ld, outcomes, NULL, "%s", _("the outcome \"done\" must be listed: it is the "
		                                        "default when a ticket is finished"));
	return 0;
}

/* ---- public ------------------------------------------------------------------------------- */

/* The last place config_path() looks: config_load() names every place when it is missing. */
static const char default_config[] = SYSCONFDIR "/qdesk/qdesk.conf";

const char *config_path(const char *cli_path)
{
	const char *env = getenv("QDESK_CONFIG");
	struct stat sb;
	if (cli_path)
		return cli_path;       /* even "": config_load() refuses it */
	if (env && *env)
		return env;
	if (lstat("conf/qdesk.conf", &sb) == 0)   /* a dangling symlink too: reported, not skipped */
		return "conf/qdesk.conf";
	return default_config;
}

static enum qd_status cannot_read(const char *path, int errnum, char *err, size_t errlen)
{
	char target[4096];
	struct stat sb;
	ssize_t n;
	if (!err || !errlen)
		return QD_ERR_CONFIG;
	if (!*path)
		snprintf(err, errlen, "--config \"\": %s", _("the configuration file name is empty"));
	else if (path == default_config && errnum == ENOENT)
		snprintf(err, errlen, _("no configuration file found: looked at --config FILE, "
		                        "$QDESK_CONFIG, ./conf/qdesk.conf and %s"), path);
	else if (errnum == ENOENT && lstat(path, &sb) == 0 && S_ISLNK(sb.st_mode)
	         && (n = readlink(path, target, sizeof target - 1)) >= 0)
		snprintf(err, errlen, _("%s: cannot read: it is a symbolic link to \"%.*s\", which does not "
		                        "exist"), path, (int)n, target);
	else
		snprintf(err, errlen, "%s: %s: %s", path, _("cannot read"), strerror(errnum));
	return QD_ERR_CONFIG;
}

/* libconfig 1.5's English error texts and what they mean here. */
static const struct { const char *libconfig, *message; } libconfig_errors[] = {
	{ "syntax error", NULL },
	{ "duplicate setting name", N_("the same setting name appears twice in one group") },
	{ "cannot open include file", N_("cannot open the @include file") },
	{ "include file nesting too deep", N_("@include files nested too deep (does a file include "
	                                      "itself?)") },
	{ "mismatched element type in array", N_("an array [ ... ] must hold values of one type "
	                                         "(use a list ( ... ) for groups)") },
	{ "memory exhausted", N_("out of memory") },
};

/* libconfig's own message for a file it could not parse, translated where it is known. */
static enum qd_status syntax_error(const struct loader *ld, const config_t *cfg)
{
	char file[4096];
	const char *text = config_error_text(cfg) ? config_error_text(cfg) : "";
	if (config_error_type(cfg) == CONFIG_ERR_FILE_IO)
		return cannot_read(ld->path, errno ? errno : EIO, ld->err, ld->errlen);
	for (size_t i = 0; i < NELEM(libconfig_errors); i++)
		if (strcmp(text, libconfig_errors[i].libconfig) == 0)
			text = libconfig_errors[i].message ? _(libconfig_errors[i].message) : "";
	if (ld->err && ld->errlen)
		snprintf(ld->err, ld->errlen, "%s:%d: %s%s%s",
		         file_name(ld, config_error_file(cfg), file, sizeof file), config_error_line(cfg),
		         _("syntax error"), *text ? ": " : "", text);
	return QD_ERR_CONFIG;
}

/* Messages echo file names and values from the config: never pass escape sequences or invalid
 * UTF-8 on to the terminal. */
static void sanitize_message(char *err, size_t errlen)
{
	char safe[2048];
	if (!err || !errlen || text_is_clean(err))
		return;
	text_sanitize(err, safe, sizeof safe);
	snprintf(err, errlen, "%s", safe);
}

static enum qd_status load_file(const char *path, struct hall **out, char *err, size_t errlen)
{
	struct loader ld = { .path = path, .err = err, .errlen = errlen, .status = QD_ERR_CONFIG };
	struct stat sb;
	if (!*path)
		return cannot_read(path, ENOENT, err, errlen);
	FILE *fp = fopen(path, "r");
	if (!fp)
		return cannot_read(path, errno, err, errlen);
	int isdir = fstat(fileno(fp), &sb) == 0 && S_ISDIR(sb.st_mode);
	fclose(fp);
	if (isdir)
		return cannot_read(path, EISDIR, err, errlen);

	char dir[4096];
	const char *slash = strrchr(path, '/');
	snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - path) : 1, slash ? path : ".");
	ld.dir = slash == path ? "" : dir;
	if (config_scan(path, ld.dir, err, errlen))
		return QD_ERR_CONFIG;
	config_t cfg;
	config_init(&cfg);
	config_set_include_dir(&cfg, slash == path ? "/" : dir);
	if (!config_read_file(&cfg, path)) {
		enum qd_status s = syntax_error(&ld, &cfg);
		config_destroy(&cfg);
		return s;
	}
	if (!(ld.h = calloc(1, sizeof *ld.h))) {
		config_destroy(&cfg);
		return nomem(&ld), QD_ERR_NOMEM;
	}
	int rc = copy(&ld, path, &ld.h->path) ? -1 : load_all(&ld, config_root_setting(&cfg));
	config_destroy(&cfg);
	if (rc) {
		config_free(ld.h);
		return ld.status;
	}
	*out = ld.h;
	return QD_OK;
}

enum qd_status config_load(const char *path, struct hall **out, char *err, size_t errlen)
{
	*out = NULL;
	if (err && errlen)
		err[0] = '\0';
	enum qd_status s = load_file(path, out, err, errlen);
	if (s != QD_OK)
		sanitize_message(err, errlen);
	return s;
}

static void free_strings(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

static void free_items(struct hall_item *it, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(it[i].id);
		free(it[i].name);
	}
	free(it);
}

void config_free(struct hall *h)
{
	if (!h)
		return;
	free(h->training.rates);
	free(h->training.profile);
	for (size_t i = 0; i < h->nzones; i++) {
		free(h->zones[i].id);
		free(h->zones[i].name);
		free(h->zones[i].floor);
	}
	for (size_t i = 0; i < h->ntypes; i++) {
		free(h->types[i].prefix);
		free(h->types[i].name);
		free(h->types[i].zone);
	}
	for (size_t i = 0; i < h->ngroups; i++) {
		free(h->groups[i].id);
		free(h->groups[i].name);
	}
	for (size_t i = 0; i < h->nwindows; i++) {
		struct hall_window *w = &h->windows[i];
		free(w->name);
		free(w->zone);
		free(w->special);
		free_strings(w->types, w->ntypes);
		free_strings(w->also, w->nalso);
		free_strings(w->groups, w->ngroups);
	}
	for (size_t i = 0; i < h->ndesks; i++) {
		free(h->desks[i].name);
		free(h->desks[i].zone);
	}
	free(h->desks);
	for (size_t i = 0; i < h->nmatters; i++) {
		free(h->matters[i].id);
		free(h->matters[i].name);
		free(h->matters[i].category);
		free(h->matters[i].kind);
	}
	for (size_t i = 0; i < h->nkeys; i++)
		free(h->keys[i].action);
	free(h->zones);
	free(h->types);
	free(h->groups);
	free(h->windows);
	free(h->matters);
	free(h->keys);
	free_items(h->categories, h->ncategories);
	free_items(h->outcomes, h->noutcomes);
	free_items(h->modes, h->nmodes);
	free_items(h->helps, h->nhelps);
	free_items(h->pauses, h->npauses);
	free(h->board.template_text);
	free(h->board.notice);
	free(h->board.staff_name);
	free(h->pad.windows);
	free_items(h->pad.reasons, h->pad.nreasons);
	free_strings(h->eval.holidays, h->eval.nholidays);
	free_strings(h->eval.workdays, h->eval.nworkdays);
	free_strings(h->report.categories, h->report.ncategories);
	free(h->report.subject);
	free(h->announce.template_text);
	free(h->announce.command);
	free(h->printer.device);
	free(h->printer.host);
	free(h->printer.command);
	free(h->printer.file);
	free(h->printer.notice);
	free(h->printer.personal);
	free(h->path);
	free(h->name);
	free(h->language);
	free(h->database);
	free(h->backup.dir);
	free(h);
}

const struct hall_type *hall_type(const struct hall *h, const char *prefix)
{
	for (size_t i = 0; prefix && i < h->ntypes; i++)
		if (strcasecmp(h->types[i].prefix, prefix) == 0)
			return &h->types[i];
	return NULL;
}

const struct hall_window *hall_window(const struct hall *h, int number)
{
	for (size_t i = 0; i < h->nwindows; i++)
		if (h->windows[i].number == number)
			return &h->windows[i];
	return NULL;
}

const struct hall_desk *hall_desk(const struct hall *h, int number)
{
	for (size_t i = 0; i < h->ndesks; i++)
		if (h->desks[i].number == number)
			return &h->desks[i];
	return NULL;
}

const struct hall_group *hall_group(const struct hall *h, const char *id)
{
	for (size_t i = 0; id && i < h->ngroups; i++)
		if (strcmp(h->groups[i].id, id) == 0)
			return &h->groups[i];
	return NULL;
}

const struct hall_matter *hall_matter(const struct hall *h, const char *id)
{
	for (size_t i = 0; id && i < h->nmatters; i++)
		if (strcmp(h->matters[i].id, id) == 0)
			return &h->matters[i];
	return NULL;
}

const struct hall_item *hall_item(const struct hall_item *items, size_t n, const char *id)
{
	for (size_t i = 0; id && i < n; i++)
		if (strcmp(items[i].id, id) == 0)
			return &items[i];
	return NULL;
}

const struct hall_group *hall_elderly_group(const struct hall *h)
{
	for (size_t i = 0; i < h->ngroups; i++)
		if (h->groups[i].min_age > 0)
			return &h->groups[i];
	return NULL;
}
