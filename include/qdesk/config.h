/* config.h - the hall as the libconfig file describes it: read once, validated strictly, read-only. */
#ifndef QDESK_CONFIG_H
#define QDESK_CONFIG_H
#include <stddef.h>
#include "qdesk/status.h"

/* The longest id the config accepts (groups, reasons, matters, …): buffers that hold one are
 * HALL_ID_MAX + 1 bytes. */
#define HALL_ID_MAX 32
/* The widest display name the config accepts (hall, zone, floor, type, window, group, matter and
 * list item names), in terminal columns: a Chinese character takes 2. */
#define HALL_NAME_COLS 64
/* The most elderly-help types the config may list: what one case can record (the window console
 * and `qdesk finish` keep at most 16). */
#define HALL_HELPS_MAX 16

struct hall_zone   { char *id, *name, *floor; };
/* A business type: tickets "A001" … per day. quota 0 = none; cutoff -1 = none (minutes after
 * midnight); target_wait = minutes after which a wait is highlighted. */
struct hall_type   { char *prefix, *name, *zone; int quota, cutoff, target_wait; };
/* A priority group (绿色通道). min_age > 0 only for the elderly group (set from an ID number). */
struct hall_group  { char *id, *name; int min_age; };
/* A window: its number, the types it serves in order, the types it also serves when idle, the
 * priority groups it serves from every type (the elderly window), and a special role
 * ("" or "elderly", "unsolved", "general", "cross-region", "talent", "trademark"). */
struct hall_window {
	int number;
	char *name, *zone, *special;
	char **types;  size_t ntypes;
	char **also;   size_t nalso;
	char **groups; size_t ngroups;
};
/* A guide desk (导服台), issue 7: where lobby guides greet people and issue tickets. */
struct hall_desk   { int number; char *name, *zone; };
/* A plain id/name entry: case categories, outcomes, handling modes, elderly-help types, pause
 * reasons. */
struct hall_item   { char *id, *name; };
/* A matter (事项) of the catalogue: kind is one of the national matter types. */
struct hall_matter { char *id, *name, *category, *kind; };
/* One key binding of one keymap (enum keymap, see actions.h). hall.keys is the effective table of
 * every keymap: each action's default keys (its function key and its letter) unless the config's
 * keys.KEYMAP group (the flat keys group: the window's) lists the action, in which case the listed
 * keys replace both. No key is bound twice within a keymap. */
struct hall_key    { char *action; int key; int keymap; };

struct hall {
	char *path;                 /* the file it came from */
	char *name, *language, *database;
	int open_min, close_min;    /* opening hours, minutes after midnight */
	int number_digits;          /* zero-padded sequence digits: 3 gives A001 */
	struct hall_zone   *zones;      size_t nzones;
	struct hall_type   *types;      size_t ntypes;
	struct hall_group  *groups;     size_t ngroups;
	struct hall_window *windows;    size_t nwindows;
	struct hall_item   *categories; size_t ncategories;
	struct hall_matter *matters;    size_t nmatters;
	struct hall_item   *outcomes;   size_t noutcomes;  /* ids from the national set, see cases.h */
	struct hall_item   *modes;      size_t nmodes;     /* guided, assisted, delegated */
	struct hall_item   *helps;      size_t nhelps;     /* elderly help types */
	struct hall_item   *pauses;     size_t npauses;    /* pause reasons */
	struct {
		int recall_cap;         /* recalls allowed after the first call */
		int priority_cap;       /* consecutive priority calls before a normal one; 0 = strict */
		int undo_seconds;       /* how long a no-show or finish can be undone */
		int noshow_requeue;     /* 1: a missed ticket may return (requeue); 0: new ticket */
		int requeue_behind;     /* K: a returning ticket goes behind the next K waiting */
		int requeue_max;        /* how often one ticket may return */
		int transfer_keep_place;/* 1: a transferred ticket keeps its place in the new queue */
	} calling;
	struct {
		int good_min_level;     /* 4: 满意 and up are good; 3: 基本满意 counts too */
		int rectify_days;       /* deadline of a rectification item, in working days */
		char **holidays; size_t nholidays;   /* "YYYY-MM-DD" days off */
		char **workdays; size_t nworkdays;   /* weekend days that are working days (调休) */
	} eval;
	/* announcer (qdesk announcer, announce.h) */
	struct {
		char *template_text;    /* "请{number}号到{window}号窗口办理" */
		int digits_each;        /* read A001 as A零零一 */
		char *command;          /* speech command run without a shell, text on stdin; "" = none */
		int repeat;             /* times each call is spoken */
		int pause_ms;           /* silence between repeats */
		int timeout;            /* seconds one speech may take before it is killed */
		int max_age;            /* seconds: calls older than this at (re)start are skipped */
	} announce;
	/* slip printer (print.h): at most one of device, host, command, file is set ("" = unset) */
	struct {
		char *device;           /* a device file written to: /dev/usb/lp0 */
		char *host;             /* raw TCP "host:port" (JetDirect 9100) */
		char *command;          /* a command fed the bytes on stdin, run without a shell */
		char *file;             /* a plain UTF-8 text file appended to (no printer) */
		int width;              /* columns: 32 on 58 mm paper, 48 on 80 mm */
		char *notice;           /* printed at the foot */
		int auto_print;         /* the guide desk prints each ticket it issues */
		int timeout;            /* seconds a print may take before it is killed */
		int zone;               /* print the type's zone and floor */
		char *personal;         /* "none", "phone" or "id": which masked datum to print */
	} printer;
	/* hall board and window display (qdesk board, board.h) */
	struct {
		char *template_text;    /* the newest call: "请{number}号到{window}号窗口" */
		int history;            /* tickets called listed under it, 0 = none */
		int highlight_seconds;  /* a new call or recall stands out this long */
		char *notice;           /* the notice line; "" = none */
		char *staff_name;       /* the clerk on a window display: "masked" 张*, "full", "none" */
	} board;
	/* evaluation pads (评价器) at the windows (board.h): where a window has one, the applicant
	 * rates there and the console keys no rating */
	struct {
		int *windows; size_t nwindows;     /* windows with a pad */
		int timeout;            /* seconds without an answer before "not evaluated" */
		struct hall_item *reasons; size_t nreasons;   /* offered for a rating of 1 or 2 */
	} pad;
	struct { int lock_seconds; int max_failures; int lockout_minutes; } security;
	/* The shift lead (qdesk lead, problem): 办不成事 deadline in working days (holidays and
	 * make-up days from eval), and when an idle or paused window becomes an alert. */
	struct { int problem_days; int idle_alert_minutes; int pause_alert_minutes; } lead;
	struct hall_key *keys; size_t nkeys;
	/* trust2: daily backups (qdesk backup --daily): the folder (NULL: none configured), how many
	 * dated copies are kept */
	struct { char *dir; int keep; } backup;
	/* trust: the store group */
	struct {
		int busy_seconds;       /* give up waiting for a database another process holds */
	} store;
	/* guide desks (导服台), issue 7: from the config's desks list, in its order */
	struct hall_desk *desks; size_t ndesks;
	/* training mode (qdesk simulate): arrivals an hour at the busiest hour per type (parallel to
	 * types), the share of that rate by hour from opening (percent), mean service minutes */
	struct { int *rates; int *profile; size_t nprofile; int service_minutes; } training;
	/* reports (qdesk report): the category ids the summary paragraph names, in order (none listed:
	 * every category in config order), and its subject ("我局", "" = none) */
	struct { char **categories; size_t ncategories; char *subject; } report;
};

/* The config file to use: cli_path if given (even "", which config_load() refuses), else a
 * non-empty $QDESK_CONFIG, else ./conf/qdesk.conf if it exists (a dangling symlink counts, so
 * config_load() reports it), else SYSCONFDIR/qdesk/qdesk.conf; config_load() of that last one,
 * missing, lists every place looked at. Returns a static or argv string; never NULL. */
const char *config_path(const char *cli_path);

/* Read and validate the file (and its @include files). On success *out is a hall the caller frees
 * with config_free(). On failure returns QD_ERR_CONFIG and err holds "FILE:LINE: setting.path:
 * what is wrong" (English, already translated through gettext; values from the file sanitised,
 * safe to print on a terminal). */
enum qd_status config_load(const char *path, struct hall **out, char *err, size_t errlen);
void config_free(struct hall *h);

/* Lookups; NULL if absent. Type prefixes compare case-insensitively. */
const struct hall_type   *hall_type(const struct hall *h, const char *prefix);
const struct hall_window *hall_window(const struct hall *h, int number);
const struct hall_group  *hall_group(const struct hall *h, const char *id);
const struct hall_matter *hall_matter(const struct hall *h, const char *id);
const struct hall_item   *hall_item(const struct hall_item *items, size_t n, const char *id);
const struct hall_desk   *hall_desk(const struct hall *h, int number);
/* 1 if window w serves type prefix through its types or also (exact prefix, as stored). */
int hall_window_serves(const struct hall_window *w, const char *prefix);
/* The elderly group (the one with min_age > 0), or NULL. */
const struct hall_group  *hall_elderly_group(const struct hall *h);

#endif
