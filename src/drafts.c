/* drafts.c - owns case drafts: cases typed for a ticket at a window whose session ended unasked,
 * masked here and kept with the ticket (store-drafts.c) until someone finishes it. */
#include <stdio.h>
#include <string.h>
#include "store-drafts.h"
#include "qdesk/privacy.h"
#include "qdesk/clock.h"
#include "qdesk/idcard.h"
#include "qdesk/text.h"

struct keep_ctx {
	long long ticket_id, at;
	int window;
	const char *staff;
	const struct draft_case *d;
	size_t n;
};

static enum qd_status keep_tx(struct store *st, void *ctx)
{
	const struct keep_ctx *k = ctx;
	enum qd_status r = store_drafts_delete(st, k->ticket_id);
	for (size_t i = 0; r == QD_OK && i < k->n; i++)
		r = store_drafts_add(st, k->ticket_id, k->window, k->staff, k->at, &k->d[i]);
	return r;
}

static void copy(char *out, size_t outsz, const char *v)
{
	snprintf(out, outsz, "%s", v ? v : "");
}

/* c as a draft: personal data masked; an ID or phone that is not valid is left out. */
static void draft_of(const struct case_input *c, const char *day, struct draft_case *d)
{
	memset(d, 0, sizeof *d);
	copy(d->matter, sizeof d->matter, c->matter);
	copy(d->category, sizeof d->category, c->category);
	copy(d->channel, sizeof d->channel, c->channel);
	copy(d->outcome, sizeof d->outcome, c->outcome);
	copy(d->mode, sizeof d->mode, c->mode);
	for (size_t i = 0; c->helps && i < c->nhelps && i < HALL_HELPS_MAX; i++)
		copy(d->helps[d->nhelps++], sizeof d->helps[0], c->helps[i]);
	d->minutes = c->minutes;
	d->age = -1;
	if (c->applicant && *c->applicant)
		text_mask_name(c->applicant, d->applicant_masked, sizeof d->applicant_masked);
	else
		copy(d->applicant_masked, sizeof d->applicant_masked, c->applicant_masked);
	if (c->id_number && *c->id_number) {
		if (idcard_valid(c->id_number, day)) {
			idcard_mask(c->id_number, d->id_masked);
			d->age = idcard_age(c->id_number, day);
		}
	} else if (c->id_masked && *c->id_masked) {
		copy(d->id_masked, sizeof d->id_masked, c->id_masked);
		d->age = c->age;
	}
	if (c->phone && *c->phone) {
		if (text_valid_phone(c->phone))
			text_mask_phone(c->phone, d->phone_masked, sizeof d->phone_masked);
	} else {
		copy(d->phone_masked, sizeof d->phone_masked, c->phone_masked);
	}
	if (c->note && *c->note)
		privacy_mask_text(c->note, d->note, sizeof d->note);   /* ID and phone numbers masked */
	else
		d->note[0] = '\0';
}

enum qd_status drafts_keep(struct store *st, long long ticket_id, int window, const char *staff,
                           const struct case_input *cases, size_t n)
{
	struct draft_case d[16];
	char day[11];
	time_t now = clock_now();
	if (now == (time_t)-1)
		return QD_ERR_USAGE;
	clock_day(now, day);
	if (n > sizeof d / sizeof d[0])
		n = sizeof d / sizeof d[0];
	for (size_t i = 0; i < n; i++)
		draft_of(&cases[i], day, &d[i]);
	struct keep_ctx k = { ticket_id, (long long)now, window, staff, d, n };
	return store_write(st, keep_tx, &k);
}

enum qd_status drafts_get(struct store *st, long long ticket_id, struct draft_case **out, size_t *n)
{
	return store_drafts_get(st, ticket_id, out, n);
}

static enum qd_status drop_tx(struct store *st, void *ctx)
{
	return store_drafts_delete(st, *(const long long *)ctx);
}

enum qd_status drafts_drop(struct store *st, long long ticket_id)
{
	return store_write(st, drop_tx, &ticket_id);
}
