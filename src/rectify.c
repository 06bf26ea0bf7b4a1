/* rectify.c - the rectification ledger (差评整改): listing items with overdue marked, the lead's
 * call-back and closing. Every write also writes an event row. SQL is in store-rectify.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "qdesk/rectify.h"
#include "qdesk/roles.h"
#include "qdesk/privacy.h"
#include "qdesk/staff.h"
#include "lead-util.h"
#include "store-log.h"
#include "store-rectify.h"

static int still_open(const struct rectify_item *r)
{
	return strcmp(r->state, "open") == 0 || strcmp(r->state, "called-back") == 0;
}

static enum qd_status fetch(struct store *st, const char *day, const char *today, void **rows, size_t *n)
{
	struct rectify_item *it;
	enum qd_status r = store_rectify_list(st, day, today, &it, n);
	*rows = it;
	return r;
}

enum qd_status rectify_list(struct store *st, const char *day, struct rectify_item **out, size_t *n)
{
	char today[11];
	void *rows;
	enum qd_status r = lead_list_read(st, day, fetch, &rows, n, today);
	*out = rows;
	for (size_t i = 0; r == QD_OK && i < *n; i++)
		(*out)[i].overdue = lead_overdue(still_open(&(*out)[i]), (*out)[i].deadline, today,
		                                 (*out)[i].closed_at);
	return r;
}

struct act_ctx {
	long long id;
	const char *staff, *note;
	const char *close;          /* NULL: call-back; else "fixed" or "explained" */
};

static enum qd_status act_tx(struct store *st, void *vctx)
{
	struct act_ctx *a = vctx;
	struct rectify_item it;
	char day[11], detail[64];
	long long now;
	enum qd_status r = lead_now(&now, day);
	if (r == QD_OK)
		r = roles_check(st, a->staff, ACT_RECTIFY);
	if (r == QD_OK)
		r = store_rectify_get(st, a->id, &it);
	if (r != QD_OK)
		return r;
	if (!still_open(&it))
		return QD_ERR_ITEM_CLOSED;
	if (!a->close && strcmp(it.state, "called-back") == 0)
		return QD_ERR_EXISTS;
	r = a->close ? store_rectify_close(st, a->id, a->close, now, a->staff, a->note)
	             : store_rectify_callback(st, a->id, now, a->staff, a->note);
	if (r != QD_OK)
		return r;
	snprintf(detail, sizeof detail, "rectification %lld: %s", a->id, a->close ? a->close : "called back");
	return store_event_add(st, now, a->close ? "rectification-close" : "rectification-callback",
	                       it.ticket_id, it.window, a->staff, detail);
}

enum qd_status rectify_callback(struct store *st, long long id, const char *staff, const char *note)
{
	enum qd_status r = lead_check_note(note, RECTIFY_NOTE_MAX);
	char masked[RECTIFY_NOTE_MAX + 1];   /* ID and phone numbers masked */
	privacy_mask_text(note, masked, sizeof masked);
	struct act_ctx a = { id, staff, masked, NULL };
	return r != QD_OK ? r : store_write(st, act_tx, &a);
}

enum qd_status rectify_close(struct store *st, long long id, const char *staff, const char *outcome,
                             const char *note)
{
	if (!outcome || (strcmp(outcome, "fixed") != 0 && strcmp(outcome, "explained") != 0))
		return QD_ERR_NO_CHOICE;
	enum qd_status r = lead_check_note(note, RECTIFY_NOTE_MAX);
	char masked[RECTIFY_NOTE_MAX + 1];   /* ID and phone numbers masked */
	privacy_mask_text(note, masked, sizeof masked);
	struct act_ctx a = { id, staff, masked, strcmp(outcome, "fixed") == 0 ? "fixed" : "explained" };
	return r != QD_OK ? r : store_write(st, act_tx, &a);
}
