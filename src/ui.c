/* ui.c - owns the curses session and the one event loop: get_wch with a 150 ms timeout; on each
 * tick the store's data_version is checked and every screen reloads its snapshot when another
 * process committed; the screen is redrawn only when something changed or a timer on screen
 * ticked. Also the screen stack, the key table (QDESK_ACTIONS defaults + the hall's keys group),
 * the status line, the key bar, the help screen, the too-small-terminal message, the idle timer,
 * and the scripted mode of the tests (QDESK_SCRIPT keys, :dump writes the screen as text). */
#include <curses.h>
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <wctype.h>
#include "ui.h"
#include "qdesk/privacy.h"
#include "qdesk/clock.h"
#include "qdesk/i18n.h"
#include "qdesk/text.h"
#include "qdesk/training.h"

#define UI_STACK_MAX 16
#define UI_TICK_MS 150
#define UI_FKEY_BASE 0410           /* KEY_F(0), as actions.c computes it */

struct ui_binding { int keymap; int code; enum action act; };

struct ui {
	const struct hall *hall;
	struct store *st;
	SCREEN *term;
	FILE *term_out, *term_in;
	struct { const struct screen *s; void *self; } stack[UI_STACK_MAX];
	int depth;
	struct ui_binding *keys;    /* every keymap's bindings */
	int nkeys, keys_cap;
	int keybar_km;              /* the keymap the key bar shows (the top screen's), 0 none */
	int keybar_room;            /* the keymap whose key bar keeps its lines: the nearest screen
	                             * with a key bar, so a dialog opening does not move the screen
	                             * below */
	const char *keybar_labels[ACT_COUNT];
	char msg[512];
	enum ui_msg msg_kind;
	int msg_set;                /* set while a handler runs: a new message was posted */
	long long data_version;
	int dirty;                  /* redraw needed */
	int want_reload;            /* ui_reload() was called */
	int running;
	int cur_y, cur_x;
	int colors;
	/* idle */
	int idle_seconds;
	void (*idle_fn)(struct ui *, void *);
	void *idle_ctx;
	double last_key;
	int idle_fired;
	/* script mode */
	FILE *script;
	const char *script_name;
	int script_line;
	FILE *dump;
	double clock_offset;        /* :idle N moves the monotonic clock on by N seconds */
	int script_failed;
};

/* ---- actions and keymaps ------------------------------------------------------------------- */

const char *ui_action_label(enum action a)
{
	const char *l = action_label(a);
	return l && *l ? _(l) : (a < ACT_COUNT ? action_name(a) : "");
}

const char *ui_action_help(enum action a)
{
	const char *h = action_help(a);
	return h && *h ? _(h) : "";
}

const char *ui_action_config_name(enum action a)
{
	const char *n = action_name(a);
	return n ? n : "";
}

static void keys_bind(struct ui *ui, int km, int code, enum action a)
{
	for (int i = 0; i < ui->nkeys; i++)
		if (ui->keys[i].keymap == km && ui->keys[i].code == code) {
			ui->keys[i].act = a;
			return;
		}
	if (ui->nkeys < ui->keys_cap)
		ui->keys[ui->nkeys++] = (struct ui_binding){ km, code, a };
}

/* Every keymap's bindings: the hall's effective table (config.c puts every action's default keys
 * there unless the keys group replaced them), or the defaults when there is no hall. */
static int keys_build(struct ui *ui)
{
	ui->nkeys = 0;
	ui->keys_cap = (int)(ui->hall ? ui->hall->nkeys : 0) + 2 * ACT_COUNT * KEYMAP_COUNT;
	if (!(ui->keys = calloc((size_t)ui->keys_cap, sizeof *ui->keys)))
		return -1;
	if (ui->hall) {
		for (size_t i = 0; i < ui->hall->nkeys; i++) {
			const struct hall_key *k = &ui->hall->keys[i];
			enum action a = action_by_name((enum keymap)k->keymap, k->action);
			if (a != ACT_COUNT && k->key > 0)
				keys_bind(ui, k->keymap, k->key, a);
		}
		return 0;
	}
	for (int km = 1; km < KEYMAP_COUNT; km++)
		for (int a = 0; a < ACT_COUNT; a++) {
			int keys[2], n = action_in_keymap((enum action)a, (enum keymap)km)
			                 ? action_default_keys((enum action)a, keys) : 0;
			for (int k = 0; k < n; k++)
				keys_bind(ui, km, keys[k], (enum action)a);
		}
	return 0;
}

static enum action keys_lookup(struct ui *ui, int km, int code)
{
	if (code < 0 || km == KEYMAP_NONE)
		return ACT_COUNT;
	for (int i = 0; i < ui->nkeys; i++)
		if (ui->keys[i].keymap == km && ui->keys[i].code == code)
			return ui->keys[i].act;
	if (code < 128 && code >= 'A' && code <= 'Z')
		return keys_lookup(ui, km, code - 'A' + 'a');
	return ACT_COUNT;
}

/* The keymap keys are looked up in: the top screen's, or the nearest one below with a keymap (a
 * dialog over the window console). */
static int keymap_current(struct ui *ui)
{
	for (int i = ui->depth - 1; i >= 0; i--)
		if (ui->stack[i].s->keymap != KEYMAP_NONE)
			return ui->stack[i].s->keymap;
	return KEYMAP_NONE;
}

int ui_keymap(struct ui *ui)
{
	return keymap_current(ui);
}

/* The keys bound to a in keymap km, function keys first, then the rest, each in table order. */
static int keys_of(struct ui *ui, int km, enum action a, int *keys, int max)
{
	int n = 0;
	for (int pass = 0; pass < 2; pass++)
		for (int i = 0; i < ui->nkeys && n < max; i++)
			if (ui->keys[i].keymap == km && ui->keys[i].act == a
			    && (ui->keys[i].code >= UI_FKEY_BASE) == (pass == 0))
				keys[n++] = ui->keys[i].code;
	return n;
}

int ui_action_keys(struct ui *ui, enum action a, int *keys, int max)
{
	int km = keymap_current(ui);
	if (!action_in_keymap(a, (enum keymap)km)) {
		/* an action of another screen's keymap: the first keymap that has it */
		for (km = 1; km < KEYMAP_COUNT && !action_in_keymap(a, (enum keymap)km); km++)
			;
	}
	return keys_of(ui, km, a, keys, max);
}

const char *ui_key_name(int code, char *buf, size_t len)
{
	if (code > UI_FKEY_BASE && code <= UI_FKEY_BASE + 63)
		snprintf(buf, len, "F%d", code - UI_FKEY_BASE);
	else if (code == '\n')
		snprintf(buf, len, "Enter");
	else if (code == 27)
		snprintf(buf, len, "Esc");
	else if (code == '\t')
		snprintf(buf, len, "Tab");
	else if (code == ' ')
		snprintf(buf, len, "Space");
	else if (code > ' ' && code < 127)
		snprintf(buf, len, "%c", code);
	else
		snprintf(buf, len, "#%d", code);
	return buf;
}

void ui_keybar_label(struct ui *ui, enum action a, const char *label)
{
	if ((unsigned)a < ACT_COUNT && ui->keybar_labels[a] != label) {
		ui->keybar_labels[a] = label;
		ui->dirty = 1;
	}
}

/* ---- drawing helpers ---------------------------------------------------------------------- */

/* Columns left on line y from x, keeping the last column empty. */
static int room(int x, int cols)
{
	int max = COLS - 1 - x;
	return cols > max ? max : cols;
}

int ui_text(int y, int x, int cols, int attr, const char *s)
{
	char clean[1024], cut[1024];
	cols = room(x, cols);
	if (y < 0 || y >= LINES || x < 0 || cols <= 0 || !s)
		return 0;
	text_sanitize(s, clean, sizeof clean);
	int w = text_truncate(clean, cols, cut, sizeof cut);
	attron(attr);
	mvaddstr(y, x, cut);
	attroff(attr);
	return w;
}

int ui_textf(int y, int x, int cols, int attr, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	return ui_text(y, x, cols, attr, buf);
}

int ui_pad(int y, int x, int cols, int attr, const char *s)
{
	char clean[1024], padded[1200];
	cols = room(x, cols);
	if (y < 0 || y >= LINES || x < 0 || cols <= 0)
		return 0;
	text_sanitize(s ? s : "", clean, sizeof clean);
	int w = text_pad(clean, cols, padded, sizeof padded);
	attron(attr);
	mvaddstr(y, x, padded);
	attroff(attr);
	return w;
}

int ui_center(int y, int x, int cols, int attr, const char *s)
{
	char clean[1024];
	text_sanitize(s ? s : "", clean, sizeof clean);
	int w = text_width(clean);
	int off = w < cols ? (cols - w) / 2 : 0;
	return ui_text(y, x + off, cols - off, attr, clean);
}

void ui_hline(int y, int x, int cols)
{
	cols = room(x, cols);
	if (y >= 0 && y < LINES && cols > 0)
		mvhline(y, x, ACS_HLINE, cols);
}

void ui_box(int y, int x, int h, int w, const char *title)
{
	if (x + w > COLS - 1)
		w = COLS - 1 - x;
	if (y + h > LINES)
		h = LINES - y;
	if (w < 2 || h < 2)
		return;
	ui_fill(y, x, h, w);
	mvaddch(y, x, ACS_ULCORNER);
	mvhline(y, x + 1, ACS_HLINE, w - 2);
	mvaddch(y, x + w - 1, ACS_URCORNER);
	mvvline(y + 1, x, ACS_VLINE, h - 2);
	mvvline(y + 1, x + w - 1, ACS_VLINE, h - 2);
	mvaddch(y + h - 1, x, ACS_LLCORNER);
	mvhline(y + h - 1, x + 1, ACS_HLINE, w - 2);
	mvaddch(y + h - 1, x + w - 1, ACS_LRCORNER);
	if (title && *title) {
		char t[256];
		snprintf(t, sizeof t, " %s ", title);
		ui_text(y, x + 2, w - 4, A_BOLD, t);
	}
}

void ui_fill(int y, int x, int h, int w)
{
	for (int i = 0; i < h; i++) {
		int cols = room(x, w);
		if (y + i < 0 || y + i >= LINES || cols <= 0)
			continue;
		mvhline(y + i, x, ' ', cols);
	}
}

void ui_cursor(struct ui *ui, int y, int x)
{
	ui->cur_y = y;
	ui->cur_x = x;
}

int ui_attr(enum ui_color c)
{
	return has_colors() && c > 0 && c < UI_C_COUNT ? (int)COLOR_PAIR(c) : 0;
}

/* ---- status line, key bar ---------------------------------------------------------------- */

static void status_draw(struct ui *ui);

void ui_message(struct ui *ui, enum ui_msg kind, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(ui->msg, sizeof ui->msg, fmt, ap);
	va_end(ap);
	ui->msg_kind = kind;
	ui->msg_set = 1;
	ui->dirty = 1;
}

void ui_status(struct ui *ui, enum qd_status s, const char *detail)
{
	if (s == QD_OK) {
		ui_clear_message(ui);
		return;
	}
	if (detail && *detail)
		ui_message(ui, UI_MSG_ERROR, "%s: %s", _(qd_status_text(s)), detail);
	else
		ui_message(ui, UI_MSG_ERROR, "%s", _(qd_status_text(s)));
}

int ui_store_waiting(void *vui, int waited_s)
{
	struct ui *ui = vui;
	ui_message(ui, UI_MSG_ERROR, _("waiting for the database… %d s (Esc gives up)"), waited_s);
	status_draw(ui);
	refresh();
	if (ui->script)
		return 0;
	/* Keys typed meanwhile are read and dropped, so none acts on a screen that is not current;
	 * Esc gives the action up (nothing is changed). */
	int give_up = 0;
	wint_t wch;
	timeout(0);
	for (int rc; (rc = get_wch(&wch)) != ERR;)
		give_up |= rc == OK && wch == 27;
	timeout(UI_TICK_MS);
	return give_up;
}

void ui_clear_message(struct ui *ui)
{
	ui->msg[0] = '\0';
	ui->msg_set = 1;
	ui->dirty = 1;
}

/* Lay the key bar out in cols columns: item i goes to line line_of[i]. Returns lines used. */
static int keybar_layout(struct ui *ui, int km, int cols, int *line_of, int *x_of)
{
	int line = 0, x = 0, any = 0;
	for (int a = 0; a < ACT_COUNT; a++) {
		line_of[a] = -1;
		if (!action_in_keymap((enum action)a, (enum keymap)km))
			continue;
		int k;
		char kn[16];
		if (keys_of(ui, km, (enum action)a, &k, 1) < 1)
			continue;
		if (ui->keybar_labels[a] && !ui->keybar_labels[a][0])
			continue;           /* hidden for now (ui_keybar_label "") */
		const char *label = ui->keybar_labels[a] ? ui->keybar_labels[a] : ui_action_label((enum action)a);
		int w = (int)strlen(ui_key_name(k, kn, sizeof kn)) + text_width(label);
		if (x > 0 && x + 1 + w > cols - 1) {
			line++;
			x = 0;
		}
		if (x > 0)
			x++;
		line_of[a] = line;
		x_of[a] = x;
		x += w;
		any = 1;
	}
	return any ? line + 1 : 0;
}

/* Key bar lines at the current width (at most 2). */
static int keybar_lines(struct ui *ui)
{
	int l[ACT_COUNT], x[ACT_COUNT];
	int n = keybar_layout(ui, ui->keybar_room, COLS, l, x);
	return n > 2 ? 2 : n;
}

static void keybar_draw(struct ui *ui)
{
	int l[ACT_COUNT], x[ACT_COUNT];
	keybar_layout(ui, ui->keybar_km, COLS, l, x);
	int n = keybar_lines(ui);
	int top = LINES - n;
	for (int a = 0; a < ACT_COUNT; a++) {
		if (l[a] < 0 || l[a] >= n)
			continue;
		int k = 0;
		char kn[16];
		if (keys_of(ui, ui->keybar_km, (enum action)a, &k, 1) < 1)
			continue;
		ui_key_name(k, kn, sizeof kn);
		const char *label = ui->keybar_labels[a] ? ui->keybar_labels[a] : ui_action_label((enum action)a);
		int w = ui_text(top + l[a], x[a], 8, A_REVERSE | ui_attr(UI_C_KEY), kn);
		ui_text(top + l[a], x[a] + w, COLS, 0, label);
	}
}

int ui_body_lines(struct ui *ui)
{
	return LINES - 1 - keybar_lines(ui);
}

static void status_draw(struct ui *ui)
{
	int y = LINES - 1 - keybar_lines(ui);
	int attr = 0;
	if (ui->msg_kind == UI_MSG_ERROR)
		attr = A_BOLD | ui_attr(UI_C_ERROR);
	else if (ui->msg_kind == UI_MSG_OK)
		attr = ui_attr(UI_C_OK);
	move(y, 0);
	clrtoeol();
	int room = COLS;
	if (training_active()) {
		/* a training database says so on every screen, at the right of the status line */
		const char *mark = _("TRAINING");
		int w = (int)text_width(mark) + 2;
		if (COLS - w - 1 > 0) {
			room = COLS - w - 1;
			ui_pad(y, room, w, A_REVERSE | A_BOLD | ui_attr(UI_C_WARN), "");
			ui_text(y, room + 1, w - 1, A_REVERSE | A_BOLD | ui_attr(UI_C_WARN), mark);
		}
	}
	if (ui->msg[0])
		ui_text(y, 0, room - 1, attr, ui->msg);
}

/* ---- the stack ---------------------------------------------------------------------------- */

static int load_flags(struct ui *ui, int i)
{
	if (ui->stack[i].s->load)
		return ui->stack[i].s->load(ui, ui->stack[i].self);
	return 0;
}

void ui_push(struct ui *ui, const struct screen *s, void *self)
{
	if (ui->depth >= UI_STACK_MAX) {
		if (s->destroy)
			s->destroy(self);
		return;
	}
	ui->stack[ui->depth].s = s;
	ui->stack[ui->depth].self = self;
	ui->depth++;
	load_flags(ui, ui->depth - 1);
	ui->dirty = 1;
}

static void remove_at(struct ui *ui, int i)
{
	const struct screen *s = ui->stack[i].s;
	void *self = ui->stack[i].self;
	memmove(&ui->stack[i], &ui->stack[i + 1], (size_t)(ui->depth - i - 1) * sizeof ui->stack[0]);
	ui->depth--;
	ui->dirty = 1;
	if (s->destroy)
		s->destroy(self);
}

void ui_pop(struct ui *ui)
{
	if (ui->depth > 0)
		remove_at(ui, ui->depth - 1);
}

void ui_pop_to(struct ui *ui, void *self)
{
	int i;
	for (i = ui->depth - 1; i >= 0 && ui->stack[i].self != self; i--)
		;
	if (i < 0)
		return;
	while (ui->depth - 1 > i)
		ui_pop(ui);
}

void ui_remove(struct ui *ui, void *self)
{
	for (int i = ui->depth - 1; i >= 0; i--)
		if (ui->stack[i].self == self) {
			remove_at(ui, i);
			return;
		}
}

void ui_remove_between(struct ui *ui, void *lower, void *upper)
{
	int lo = -1, hi = ui->depth;
	for (int i = 0; i < ui->depth; i++) {
		if (ui->stack[i].self == lower)
			lo = i;
		if (upper && ui->stack[i].self == upper)
			hi = i;
	}
	if (lo < 0)
		return;
	for (int i = hi - 1; i > lo; i--)
		remove_at(ui, i);
}

void *ui_top(struct ui *ui)
{
	return ui->depth > 0 ? ui->stack[ui->depth - 1].self : NULL;
}

/* ---- help screen -------------------------------------------------------------------------- */

struct help {
	int km;                     /* the keymap shown: the screen's that asked for help */
	int scroll, rows;           /* rows: action rows that fit, at the last draw */
	int count;                  /* actions in km */
};

static void help_draw(struct ui *ui, void *self)
{
	struct help *hp = self;
	int body = ui_body_lines(ui);
	ui_fill(0, 0, body, COLS);
	ui_text(0, 1, COLS, A_BOLD, _("Help: keys of this console"));
	ui_hline(1, 0, COLS);
	int y = 2;
	char hdr[256];
	snprintf(hdr, sizeof hdr, "%s", _("Keys"));
	ui_pad(y, 1, 10, A_BOLD, hdr);
	ui_pad(y, 11, 13, A_BOLD, _("Config name"));
	ui_text(y, 25, COLS, A_BOLD, _("What it does"));
	y++;
	int row = 0;
	hp->rows = body - 4 - y;
	if (hp->rows >= hp->count)
		hp->scroll = 0;             /* everything fits: nothing to scroll */
	for (int a = 0; a < ACT_COUNT; a++) {
		if (!action_in_keymap((enum action)a, (enum keymap)hp->km))
			continue;
		if (row++ < hp->scroll)
			continue;
		if (y >= body - 4)
			break;
		int keys[6];
		int n = keys_of(ui, hp->km, (enum action)a, keys, 6);
		char list[64] = "", kn[16];
		for (int i = 0; i < n; i++) {
			if (i)
				strncat(list, " ", sizeof list - strlen(list) - 1);
			strncat(list, ui_key_name(keys[i], kn, sizeof kn), sizeof list - strlen(list) - 1);
		}
		ui_pad(y, 1, 10, A_BOLD, list);
		ui_pad(y, 11, 13, 0, ui_action_config_name((enum action)a));
		ui_text(y, 25, COLS, 0, ui_action_help((enum action)a));
		y++;
	}
	y++;
	ui_text(y++, 1, COLS, 0, _("In forms: Tab/Shift-Tab move, Enter confirms, Esc cancels."));
	ui_text(y++, 1, COLS, 0, _("Keys can be changed in the keys group of the hall's configuration."));
	ui_text(y++, 1, COLS, A_BOLD, hp->rows < hp->count ? _("↑/↓ scroll · any other key closes this help.")
	                                                     : _("Any key closes this help."));
	ui_cursor(ui, -1, -1);
}

static int help_act(struct ui *ui, void *self, const struct ui_event *ev)
{
	struct help *hp = self;
	if (ev->fn && ev->code == KEY_DOWN && hp->rows < hp->count) {
		if (hp->scroll < hp->count - hp->rows)
			hp->scroll++;
		return UI_REDRAW;
	}
	if (ev->fn && ev->code == KEY_UP && hp->rows < hp->count) {
		if (hp->scroll > 0)
			hp->scroll--;
		return UI_REDRAW;
	}
	ui_pop(ui);
	return UI_REDRAW;
}

static void help_destroy(void *self)
{
	free(self);
}

static const struct screen screen_help = {
	.name = "help", .draw = help_draw, .act = help_act, .destroy = help_destroy,
};

void ui_help(struct ui *ui)
{
	struct help *hp = calloc(1, sizeof *hp);
	if (!hp)
		return;
	hp->km = keymap_current(ui);
	for (int a = 0; a < ACT_COUNT; a++)
		hp->count += action_in_keymap((enum action)a, (enum keymap)hp->km);
	ui_push(ui, &screen_help, hp);
}

/* ---- accessors ---------------------------------------------------------------------------- */

const struct hall *ui_hall(struct ui *ui) { return ui->hall; }
struct store *ui_store(struct ui *ui) { return ui->st; }
int ui_lines(struct ui *ui) { (void)ui; return LINES; }
int ui_cols(struct ui *ui) { (void)ui; return COLS; }
int ui_scripted(struct ui *ui) { return ui->script != NULL; }

long long ui_now(struct ui *ui)
{
	(void)ui;
	time_t t = clock_now();
	return t == (time_t)-1 ? (long long)time(NULL) : (long long)t;
}

static double mono(struct ui *ui)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9 + ui->clock_offset;
}

double ui_clock(struct ui *ui)
{
	return mono(ui);
}

void ui_set_idle(struct ui *ui, int seconds, void (*fn)(struct ui *, void *), void *ctx)
{
	ui->idle_seconds = seconds;
	ui->idle_fn = fn;
	ui->idle_ctx = ctx;
	ui->last_key = mono(ui);
	ui->idle_fired = 0;
}

/* ---- start and stop ----------------------------------------------------------------------- */

static void colors_init(struct ui *ui)
{
	if (!has_colors())
		return;
	start_color();
	use_default_colors();
	init_pair(UI_C_TITLE, COLOR_CYAN, -1);
	init_pair(UI_C_OK, COLOR_GREEN, -1);
	init_pair(UI_C_WARN, COLOR_YELLOW, -1);
	init_pair(UI_C_ERROR, COLOR_RED, -1);
	init_pair(UI_C_KEY, COLOR_BLACK, COLOR_CYAN);
	init_pair(UI_C_BIG, COLOR_YELLOW, -1);
	ui->colors = 1;
}

/* SIGINT, SIGTERM, SIGHUP (an SSH connection dropped): leave the loop as if the clerk had quit,
 * so the screens clean up (sign out) and the terminal is restored. */
static volatile sig_atomic_t stop_signal;

static void on_stop_signal(int sig)
{
	stop_signal = sig;
}

static void catch_stop_signals(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_stop_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0;            /* no SA_RESTART: get_wch returns at once */
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
}

struct ui *ui_new(const struct ui_options *o)
{
	struct ui *ui = calloc(1, sizeof *ui);
	if (!ui)
		return NULL;
	ui->hall = o->hall;
	ui->st = o->st;
	ui->cur_y = ui->cur_x = -1;
	if (keys_build(ui)) {
		free(ui);
		return NULL;
	}
	if (o->script) {
		ui->script = fopen(o->script, "r");
		if (!ui->script) {
			fprintf(stderr, "qdesk: %s: %s\n", o->script, strerror(errno));
			free(ui);
			return NULL;
		}
		ui->script_name = o->script;
		if (o->dump && !(ui->dump = fopen(o->dump, "w"))) {
			fprintf(stderr, "qdesk: %s: %s\n", o->dump, strerror(errno));
			fclose(ui->script);
			free(ui);
			return NULL;
		}
		/* No terminal: curses draws into its own buffers; output goes to /dev/null. */
		ui->term_out = fopen("/dev/null", "w");
		ui->term_in = fopen("/dev/null", "r");
		const char *term = getenv("QDESK_TERM");
		ui->term = ui->term_out && ui->term_in ? newterm(term && *term ? term : "xterm", ui->term_out, ui->term_in) : NULL;
		if (!ui->term) {
			fprintf(stderr, "qdesk: %s\n", _("cannot start curses for the script"));
			ui_free(ui);
			return NULL;
		}
		set_term(ui->term);
		resizeterm(o->script_lines > 0 ? o->script_lines : UI_MIN_LINES,
		           o->script_cols > 0 ? o->script_cols : UI_MIN_COLS);
	} else {
		unsetenv("LINES");
		unsetenv("COLUMNS");
		const char *term = getenv("TERM");
		ui->term = newterm(term && *term ? term : "vt100", stdout, stdin);
		if (!ui->term) {
			fprintf(stderr, "qdesk: ");
			fprintf(stderr, _("cannot use the terminal (TERM=%s)"), term ? term : "");
			fputc('\n', stderr);
			free(ui);
			return NULL;
		}
		set_term(ui->term);
		catch_stop_signals();   /* after newterm, which installs handlers of its own */
	}
	set_escdelay(25);
	cbreak();
	noecho();
	nl();
	keypad(stdscr, TRUE);
	curs_set(0);
	timeout(UI_TICK_MS);
	colors_init(ui);
	ui->last_key = mono(ui);
	ui->data_version = ui->st ? store_data_version(ui->st) : 0;
	ui->dirty = 1;
	return ui;
}

void ui_free(struct ui *ui)
{
	if (!ui)
		return;
	while (ui->depth > 0)
		ui_pop(ui);
	if (ui->term) {
		curs_set(1);
		endwin();
		delscreen(ui->term);
	}
	if (ui->term_out)
		fclose(ui->term_out);
	if (ui->term_in)
		fclose(ui->term_in);
	if (ui->script)
		fclose(ui->script);
	if (ui->dump)
		fclose(ui->dump);
	free(ui->keys);
	free(ui);
}

/* ---- the loop ----------------------------------------------------------------------------- */

static int too_small(void)
{
	return COLS < UI_MIN_COLS || LINES < UI_MIN_LINES;
}

/* The key bar shows the top screen's keys; a dialog without a key bar leaves its lines blank
 * (the screen below keeps its layout). */
static void keybar_update(struct ui *ui)
{
	ui->keybar_km = ui->keybar_room = KEYMAP_NONE;
	for (int i = ui->depth - 1; i >= 0; i--)
		if (ui->stack[i].s->keybar) {
			if (ui->stack[i].s->keybar(ui, ui->stack[i].self))
				ui->keybar_room = ui->stack[i].s->keymap;
			if (i == ui->depth - 1)
				ui->keybar_km = ui->keybar_room;
			break;
		}
}

static void draw_all(struct ui *ui)
{
	keybar_update(ui);
	erase();
	ui->cur_y = ui->cur_x = -1;
	if (too_small()) {
		char line[160];
		snprintf(line, sizeof line, _("Terminal too small: %d×%d; qdesk needs at least %d×%d."),
		         COLS, LINES, UI_MIN_COLS, UI_MIN_LINES);
		int y = LINES / 2 - 1;
		/* Wrap by hand: the message must be readable even on a very narrow terminal. */
		const char *lines[] = { line, _("Enlarge the window to continue.") };
		for (int i = 0; i < 2; i++) {
			char clean[512];
			text_sanitize(lines[i], clean, sizeof clean);
			const char *p = clean;
			while (*p && y < LINES) {
				char cut[512];
				int w = COLS > 1 ? COLS - 1 : 1;
				text_truncate(p, w, cut, sizeof cut);
				size_t used = strlen(cut);
				if (used == 0)
					break;
				mvaddstr(y < 0 ? 0 : y, 0, cut);
				y++;
				p += used;
			}
		}
		curs_set(0);
		refresh();
		return;
	}
	for (int i = 0; i < ui->depth; i++)
		if (ui->stack[i].s->draw)
			ui->stack[i].s->draw(ui, ui->stack[i].self);
	int cy = ui->cur_y, cx = ui->cur_x;
	status_draw(ui);
	keybar_draw(ui);
	if (cy >= 0 && cx >= 0) {
		move(cy, cx);
		curs_set(1);
	} else {
		curs_set(0);
	}
	refresh();
}

static void reload_all(struct ui *ui)
{
	for (int i = 0; i < ui->depth; i++)
		load_flags(ui, i);
	ui->dirty = 1;
}

static void apply(struct ui *ui, int flags)
{
	if (ui->want_reload) {
		ui->want_reload = 0;
		flags |= UI_RELOAD;
	}
	if (flags & UI_RELOAD) {
		reload_all(ui);
		if (ui->st)
			ui->data_version = store_data_version(ui->st);
	}
	if (flags & (UI_REDRAW | UI_RELOAD))
		ui->dirty = 1;
	if (flags & UI_QUIT)
		ui->running = 0;
}

/* Personal numbers masked in text the key just stored (privacy.h): said on the status line, after
 * the handler's own message unless that is an error (then nothing was stored). */
static void say_masked(struct ui *ui)
{
	if (!privacy_take() || (ui->msg_set && ui->msg_kind == UI_MSG_ERROR))
		return;
	char was[sizeof ui->msg];
	snprintf(was, sizeof was, "%s", ui->msg_set ? ui->msg : "");
	ui_message(ui, ui->msg_set ? ui->msg_kind : UI_MSG_INFO, "%s%s%s", was, *was ? " · " : "",
	           _("ID/mobile numbers stored masked."));
}

/* One tick: another process committed? a timer on screen? idle long enough to lock? */
static void tick(struct ui *ui)
{
	if (ui->st) {
		long long v = store_data_version(ui->st);
		if (v != ui->data_version) {
			ui->data_version = v;
			reload_all(ui);
		}
	}
	for (int i = 0; i < ui->depth && ui->running; i++)
		if (ui->stack[i].s->tick)
			apply(ui, ui->stack[i].s->tick(ui, ui->stack[i].self));
	if (ui->idle_seconds > 0 && ui->idle_fn && !ui->idle_fired
	    && mono(ui) - ui->last_key >= ui->idle_seconds) {
		ui->idle_fired = 1;
		ui->idle_fn(ui, ui->idle_ctx);
		ui->dirty = 1;
	}
}

static void dispatch(struct ui *ui, int rc, wint_t wch)
{
	struct ui_event ev = { .code = -1, .fn = 0, .ch = 0, .act = ACT_COUNT };
	if (rc == KEY_CODE_YES) {
		if (wch == KEY_RESIZE) {
			apply(ui, UI_RELOAD);       /* a screen loads as many rows as fit */
			clearok(curscr, TRUE);
			return;
		}
		if (wch == KEY_ENTER) {
			ev.code = '\n';
			ev.ch = '\n';
		} else {
			ev.fn = 1;
			ev.code = (int)wch;
		}
	} else {
		if (wch == '\r')
			wch = '\n';
		if (wch == 12) {                /* Ctrl-L: repaint */
			clearok(curscr, TRUE);
			ui->dirty = 1;
			return;
		}
		ev.ch = wch;
		ev.code = wch < 128 ? (int)wch : -1;
	}
	ev.act = keys_lookup(ui, keymap_current(ui), ev.code);
	ui->last_key = mono(ui);
	ui->idle_fired = 0;
	if (too_small() || ui->depth == 0)
		return;
	ui->msg_set = 0;
	int top = ui->depth - 1;
	int flags = ui->stack[top].s->act ? ui->stack[top].s->act(ui, ui->stack[top].self, &ev) : 0;
	say_masked(ui);
	/* A message survives one key press: cleared by the next key unless the handler posted one. */
	if (!ui->msg_set && ui->msg[0]) {
		ui->msg[0] = '\0';
		ui->dirty = 1;
	}
	apply(ui, flags);
}

/* ---- script mode -------------------------------------------------------------------------- */

static const struct { const char *name; int code; int fn; } script_keys[] = {
	{ "Enter", '\n', 0 }, { "Esc", 27, 0 }, { "Tab", '\t', 0 }, { "BTab", KEY_BTAB, 1 },
	{ "Space", ' ', 0 }, { "Backspace", KEY_BACKSPACE, 1 }, { "BS", 127, 0 },
	{ "Del", KEY_DC, 1 }, { "Up", KEY_UP, 1 }, { "Down", KEY_DOWN, 1 }, { "Left", KEY_LEFT, 1 },
	{ "Right", KEY_RIGHT, 1 }, { "Home", KEY_HOME, 1 }, { "End", KEY_END, 1 },
	{ "PgUp", KEY_PPAGE, 1 }, { "PgDn", KEY_NPAGE, 1 }, { "lt", '<', 0 }, { "C-u", 21, 0 },
	{ "C-l", 12, 0 },
};

/* Write the screen as text: one line per row, trailing blanks dropped; a reverse-video blank is
 * written '#', so highlighted bars and the big ticket number show. */
static void dump_screen(struct ui *ui, const char *name)
{
	if (!ui->dump)
		return;
	fprintf(ui->dump, "--- %s (%dx%d) ---\n", name, COLS, LINES);
	for (int y = 0; y < LINES; y++) {
		char line[2048];
		size_t len = 0, keep = 0;
		for (int x = 0; x < COLS && len + 8 < sizeof line;) {
			cchar_t cc;
			wchar_t wc[CCHARW_MAX + 1] = { 0 };
			attr_t attrs;
			short pair;
			mvin_wch(y, x, &cc);
			getcchar(&cc, wc, &attrs, &pair, NULL);
			wchar_t c = wc[0] ? wc[0] : L' ';
			int w = wcwidth(c);
			if (w < 1)
				w = 1;
			if (c == L' ' && (attrs & A_REVERSE))
				c = L'#';
			else if (attrs & A_ALTCHARSET)     /* line drawing, as ASCII */
				c = c == L'q' ? L'-' : c == L'x' ? L'|' : c < 128 && strchr("jklmntuvw", (int)c) ? L'+' : c;
			char mb[8];
			mbstate_t ms = { 0 };
			size_t n = wcrtomb(mb, c, &ms);
			if (n == (size_t)-1) {
				mb[0] = '?';
				n = 1;
			}
			memcpy(line + len, mb, n);
			len += n;
			if (c != L' ')
				keep = len;
			x += w;
		}
		line[keep] = '\0';
		fprintf(ui->dump, "%s\n", line);
	}
	fflush(ui->dump);
}

/* Write the screen's attributes, one mark per column: ' ' plain, 'r' reverse, 'b' bold, 'R'
 * reverse and bold, 'u' underline (in that order of precedence): what a monochrome terminal shows
 * beyond the text. */
static void dump_attrs(struct ui *ui, const char *name)
{
	if (!ui->dump)
		return;
	fprintf(ui->dump, "--- attributes of %s (%dx%d) ---\n", name, COLS, LINES);
	for (int y = 0; y < LINES; y++) {
		char line[1024];
		int len = 0, keep = 0;
		for (int x = 0; x < COLS && len + 1 < (int)sizeof line; x++) {
			attr_t a = mvinch(y, x) & A_ATTRIBUTES;
			char m = (a & A_REVERSE) && (a & A_BOLD) ? 'R' : (a & A_REVERSE) ? 'r'
			         : (a & A_BOLD) ? 'b' : (a & A_UNDERLINE) ? 'u' : ' ';
			line[len++] = m;
			if (m != ' ')
				keep = len;
		}
		line[keep] = '\0';
		fprintf(ui->dump, "%s\n", line);
	}
	fflush(ui->dump);
}

static void script_error(struct ui *ui, const char *what)
{
	fprintf(stderr, "%s:%d: %s\n", ui->script_name, ui->script_line, what);
	ui->script_failed = 1;
	ui->running = 0;
}

static void script_settle(struct ui *ui)
{
	tick(ui);
	if (ui->dirty && ui->running) {
		draw_all(ui);
		ui->dirty = 0;
	}
}

static void script_command(struct ui *ui, char *cmd)
{
	char *arg = cmd + strcspn(cmd, " ");
	if (*arg)
		*arg++ = '\0';
	if (!strcmp(cmd, "dump")) {
		draw_all(ui);
		ui->dirty = 0;
		dump_screen(ui, *arg ? arg : "screen");
	} else if (!strcmp(cmd, "attrs")) {
		draw_all(ui);
		ui->dirty = 0;
		dump_attrs(ui, *arg ? arg : "screen");
	} else if (!strcmp(cmd, "resize")) {
		int c, l;
		if (sscanf(arg, "%d %d", &c, &l) != 2 || c < 1 || l < 1) {
			script_error(ui, "usage: :resize COLS LINES");
			return;
		}
		resizeterm(l, c);
		dispatch(ui, KEY_CODE_YES, (wint_t)KEY_RESIZE);    /* as a terminal's resize arrives */
	} else if (!strcmp(cmd, "now")) {
		setenv("QDESK_NOW", arg, 1);
		ui->dirty = 1;
	} else if (!strcmp(cmd, "idle")) {
		ui->clock_offset += atof(arg);
	} else if (!strcmp(cmd, "sh")) {
		fflush(NULL);
		int rc = system(arg);
		if (rc != 0) {          /* a step that failed must fail the test */
			script_error(ui, "shell command failed");
			return;
		}
	} else if (!strcmp(cmd, "tick")) {
		/* settle below */
	} else {
		script_error(ui, "unknown script command");
		return;
	}
	script_settle(ui);
}

/* Keys of one script line: literal characters (UTF-8, one event each) and <Name> / <F1>… */
static void script_keys_line(struct ui *ui, const char *p)
{
	while (*p && ui->running) {
		if (*p == '<' && strchr(p, '>')) {
			const char *end = strchr(p, '>');
			char name[32];
			size_t n = (size_t)(end - p - 1);
			if (n == 0 || n >= sizeof name) {
				script_error(ui, "bad <key>");
				return;
			}
			memcpy(name, p + 1, n);
			name[n] = '\0';
			p = end + 1;
			int found = 0;
			if ((name[0] == 'F' || name[0] == 'f') && name[1] >= '1' && name[1] <= '9') {
				dispatch(ui, KEY_CODE_YES, (wint_t)KEY_F(atoi(name + 1)));
				found = 1;
			}
			for (size_t i = 0; !found && i < sizeof script_keys / sizeof script_keys[0]; i++)
				if (!strcmp(name, script_keys[i].name)) {
					dispatch(ui, script_keys[i].fn ? KEY_CODE_YES : OK, (wint_t)script_keys[i].code);
					found = 1;
				}
			if (!found) {
				script_error(ui, "unknown <key>");
				return;
			}
		} else {
			wchar_t wc;
			mbstate_t ms = { 0 };
			size_t n = mbrtowc(&wc, p, strlen(p), &ms);
			if (n == (size_t)-1 || n == (size_t)-2 || n == 0) {
				script_error(ui, "invalid UTF-8 in script");
				return;
			}
			p += n;
			dispatch(ui, OK, (wint_t)wc);
		}
		script_settle(ui);
	}
}

static int script_run(struct ui *ui)
{
	char line[1024];
	script_settle(ui);
	while (ui->running && fgets(line, sizeof line, ui->script)) {
		ui->script_line++;
		line[strcspn(line, "\n")] = '\0';
		if (!line[0] || line[0] == '#')
			continue;
		if (line[0] == ':')
			script_command(ui, line + 1);
		else
			script_keys_line(ui, line);
	}
	return ui->script_failed;
}

void ui_reload(struct ui *ui)
{
	ui->want_reload = 1;
}

void ui_quit(struct ui *ui)
{
	ui->running = 0;
}

int ui_run(struct ui *ui)
{
	ui->running = 1;
	if (ui->script)
		return script_run(ui);
	while (ui->running && ui->depth > 0 && !stop_signal) {
		if (ui->dirty) {
			draw_all(ui);
			ui->dirty = 0;
		}
		wint_t wch;
		int rc = get_wch(&wch);
		if (rc != ERR)
			dispatch(ui, rc, wch);
		tick(ui);
	}
	return 0;
}
