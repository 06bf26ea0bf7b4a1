/* test-queue-head.c - the next ticket found by index seeks (store_queue_next) is always the first of
 * the window's waiting list, whose order one SQL statement states (store_queue_list), and the first
 * K found the same way (store_queue_top, a console's list) are its first K, with its length: on
 * queues drawn at random (types, a lower-case transferred type, priority groups, tickets sent to a
 * window, tied positions, other states and days) for windows drawn at random, each claiming its
 * next ticket, until (once in a while) a window finds none. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "store-internal.h"
#include "store-queue.h"

#define DAY "2026-11-23"

static const char *const types[] = { "A", "B", "C", "D" };
static const char *const groups[] = { "elderly", "disabled", "veteran" };

static const char *pick(const char *const *items, int n) { return items[rand() % n]; }

/* n tickets at random: mostly waiting today, some of them sent to window 1-3. */
static void fill(struct store *st, int n)
{
	sqlite3_stmt *s;
	assert_int_equal(sqlite3_prepare_v2(store_handle(st),
		"INSERT INTO tickets (day, type, seq, number, priority, state, pos, issued_at, queue_type,"
		" target_window) VALUES (?1, ?2, ?3, ?2 || ?3, ?4, ?5, ?6, 0, ?7, ?8)", -1, &s, NULL),
		SQLITE_OK);
	for (int i = 1; i <= n; i++) {
		const char *type = pick(types, 4);
		sqlite3_bind_text(s, 1, rand() % 10 ? DAY : "2026-11-20", -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 2, type, -1, SQLITE_STATIC);
		sqlite3_bind_int(s, 3, i);
		if (rand() % 4 == 0)
			sqlite3_bind_text(s, 4, pick(groups, 3), -1, SQLITE_STATIC);
		else
			sqlite3_bind_null(s, 4);
		sqlite3_bind_text(s, 5, rand() % 6 ? "waiting" : "served", -1, SQLITE_STATIC);
		sqlite3_bind_double(s, 6, rand() % (n / 3 + 1) + (rand() % 2 ? 0.5 : 0));
		int q = rand() % 12;
		if (q == 0)
			sqlite3_bind_text(s, 7, "b", -1, SQLITE_STATIC);      /* transferred, written lower */
		else if (q == 1)
			sqlite3_bind_null(s, 7);                             /* before queue_type existed */
		else
			sqlite3_bind_text(s, 7, type, -1, SQLITE_STATIC);
		if (rand() % 8 == 0)
			sqlite3_bind_int(s, 8, 1 + rand() % 3);
		else
			sqlite3_bind_null(s, 8);
		assert_int_equal(sqlite3_step(s), SQLITE_DONE);
		sqlite3_reset(s);
		sqlite3_clear_bindings(s);
	}
	sqlite3_finalize(s);
}

/* ",X,Y," of the items of from chosen at random (each with chance 1 in `one_in`), not in but. */
static void some(char *out, const char *const *from, int n, int one_in, const char *but)
{
	strcpy(out, ",");
	for (int i = 0; i < n; i++) {
		char item[16];
		snprintf(item, sizeof item, ",%s,", from[i]);
		if (rand() % one_in == 0 && !(but && strstr(but, item)))
			strcat(strcat(out, from[i]), ",");
	}
}

struct check { struct store_queue_filter f; long long want, got; enum qd_status got_s; size_t k; };

/* store_queue_top's first k and count against the list's */
static void same_top(struct store *st, const struct check *c, const struct ticket *list, size_t n)
{
	struct ticket *top = NULL;
	size_t ntop = 9999, total = 9999;
	assert_int_equal(store_queue_top(st, DAY, &c->f, c->k, &top, &ntop, &total), QD_OK);
	assert_int_equal(total, n);
	assert_int_equal(ntop, n < c->k ? n : c->k);
	for (size_t i = 0; i < ntop; i++)
		if (top[i].id != list[i].id) {
			print_error("window %d types %s also %s groups %s priority first %d: row %zu of %zu is"
			            " %s by the list, %s by the heads\n", c->f.window, c->f.types, c->f.also,
			            c->f.groups, c->f.priority_first, i, c->k, list[i].number, top[i].number);
			fail();
		}
	free(top);
}

static enum qd_status both_tx(struct store *st, void *ctx)
{
	struct check *c = ctx;
	struct ticket *list = NULL;
	size_t n = 0;
	enum qd_status s = store_queue_list(st, DAY, &c->f, &list, &n);
	if (s != QD_OK)
		return s;
	c->want = n ? list[0].id : 0;
	same_top(st, c, list, n);
	free(list);
	c->got = 0;
	c->got_s = store_queue_next(st, DAY, &c->f, &c->got);
	return QD_OK;
}

static enum qd_status claim_tx(struct store *st, void *ctx)
{
	struct check *c = ctx;
	return store_queue_claim_id(st, c->got, c->f.window, NULL, 1);
}

static void run_seed(unsigned seed)
{
	srand(seed);
	struct store *st;
	assert_int_equal(store_open(":memory:", 1, &st), QD_OK);
	fill(st, 60 + rand() % 200);
	int claims = 0;
	for (;;) {
		char t[32], a[32], g[48];
		some(t, types, 4, 3, NULL);
		some(a, types, 4, 2, t);
		some(g, groups, 3, 2, NULL);
		struct check c = { { 1 + rand() % 3, t, a, g, rand() % 2 }, 0, 0, QD_OK, (size_t)(rand() % 30) };
		assert_int_equal(store_read(st, both_tx, &c), QD_OK);
		if (c.want != c.got) {
			print_error("seed %u: window %d types %s also %s groups %s priority first %d:"
			            " list says %lld, next %lld\n", seed, c.f.window, t, a, g,
			            c.f.priority_first, c.want, c.got);
			fail();
		}
		assert_int_equal(c.got_s, c.want ? QD_OK : QD_ERR_EMPTY);
		if (c.got) {
			assert_int_equal(store_write(st, claim_tx, &c), QD_OK);
			claims++;
		} else if (rand() % 20 == 0) {
			break;                  /* some windows find nothing; stop once in a while */
		}
	}
	assert_true(claims > 0);
	store_close(st);
}

static void test_heads_agree_with_the_list(void **state)
{
	(void)state;
	for (unsigned seed = 1; seed <= 30; seed++)
		run_seed(seed);
}

int main(void)
{
	const struct CMUnitTest tests[] = { cmocka_unit_test(test_heads_agree_with_the_list) };
	return cmocka_run_group_tests(tests, NULL, NULL);
}
