/* cases.c - the case log (办件): validation against the hall, masking of personal data before it is
 * stored, elderly help; evaluations (好差评, one per ticket) and the rectification item (整改) a bad
 * one opens, due in working days; consultations (咨询); voiding for undo. Every row written also
 * writes an event row. SQL is in store-cases.c. */
#include <stdio.h>
#include <string.h>
#include "qdesk/cases.h"
#include "qdesk/clock.h"
#include "qdesk/idcard.h"
#include "qdesk/privacy.h"
#include "qdesk/roles.h"
#include "qdesk/staff.h"
#include "qdesk/text.h"
#include "store-cases.h"
#include "store-log.h"

#define CASES_MINUTES_MAX   (24 * 60)

const char *const cases_outcome_ids[] = {
	"consult", "accepted", "done", "correction", "tolerance", "rejected", NULL
};
const char *const cases_mode_ids[] = { "guided", "assisted", "delegated", NULL };

static int in_ids(const char *const *ids, const char *id)
{
	for (; *ids; ids++)
		if (strcmp(*ids, id) == 0)
			return 1;
	return 0;
}

static int empty(const char *s)
{
	return !s || !*s;
}

/* Now and today; QD_ERR_USAGE when QDESK_NOW is malformed. */
static enum qd_status now_and_day(long long *now, char day[11])
{
	time_t t = clock_now();
	if (t == (time_t)-1)
		return QD_ERR_USAGE;
	*now = (long long)t;
	clock_day(t, day);
	return QD_OK;
}

/* Optional free text: valid UTF-8 without control characters, of at most max bytes. */
static enum qd_status check_text(const char *s, size_t max)
{
	if (empty(s))
		return QD_OK;
	if (!text_is_clean(s))
		return QD_ERR_INVALID;
	return strlen(s) > max ? QD_ERR_TOO_LONG : QD_OK;
}

static const char *mode_of(const struct case_input *c)
{
	return empty(c->mode) || strcmp(c->mode, "none") == 0 ? NULL : c->mode;
}

/* Name the offending field and return s. */
static enum qd_status refuse(const char **field, const char *name, enum qd_status s)
{
	*field = name;
	return s;
}

/* A masked value given (NULL/"" is fine): at most max characters, all from chars. */
static int masked_ok(const char *v, size_t max, const char *chars)
{
	return empty(v) || (strlen(v) <= max && strspn(v, chars) == strlen(v));
}

enum qd_status cases_validate(const struct hall *h, const struct case_input *c, const char **field)
{
	const char *dummy;
	enum qd_status r;
	char today[11];
	long long now;
	if (!field)
		field = &dummy;
	*field = NULL;
	if (!empty(c->matter) && !hall_matter(h, c->matter))
		return refuse(field, "matter", QD_ERR_NO_CHOICE);
	if (!empty(c->category) && !hall_item(h->categories, h->ncategories, c->category))
		return refuse(field, "case-category", QD_ERR_NO_CHOICE);
	if (!empty(c->channel) && strcmp(c->channel, "onsite") != 0 && strcmp(c->channel, "online") != 0)
		return refuse(field, "channel", QD_ERR_NO_CHOICE);
	const char *outcome = empty(c->outcome) ? "done" : c->outcome;
	if (!in_ids(cases_outcome_ids, outcome) || !hall_item(h->outcomes, h->noutcomes, outcome))
		return refuse(field, "outcome", QD_ERR_NO_CHOICE);
	const char *mode = mode_of(c);
	if (mode && (!in_ids(cases_mode_ids, mode) || !hall_item(h->modes, h->nmodes, mode)))
		return refuse(field, "mode", QD_ERR_NO_CHOICE);
	if (c->nhelps && !c->helps)
		return refuse(field, "elderly-help", QD_ERR_INVALID);
	for (size_t i = 0; i < c->nhelps; i++) {
		if (empty(c->helps[i]) || !hall_item(h->helps, h->nhelps, c->helps[i]))
			return refuse(field, "elderly-help", QD_ERR_NO_CHOICE);
		for (size_t j = 0; j < i; j++)
			if (strcmp(c->helps[i], c->helps[j]) == 0)
				return refuse(field, "elderly-help", QD_ERR_INVALID);
	}
	if (c->minutes < 0 || c->minutes > CASES_MINUTES_MAX)
		return refuse(field, "minutes", QD_ERR_INVALID);
	if (c->minutes > 0 && !c->nhelps)
		return refuse(field, "minutes", QD_ERR_MINUTES_NO_HELP);
	const struct hall_matter *m = empty(c->matter) ? NULL : hall_matter(h, c->matter);
	if (m && !empty(c->category) && m->category && strcmp(m->category, c->category) != 0)
		return refuse(field, "case-category", QD_ERR_INVALID);   /* not the matter's category */
	if ((r = check_text(c->applicant, CASES_APPLICANT_MAX)) != QD_OK)
		return refuse(field, "applicant", r);
	if (!empty(c->id_number)) {
		if ((r = now_and_day(&now, today)) != QD_OK)
			return r;
		if (!idcard_valid(c->id_number, today))
			return refuse(field, "id-number", QD_ERR_IDCARD);
	}
	if (!empty(c->phone) && !text_valid_phone(c->phone))
		return refuse(field, "phone", QD_ERR_PHONE);
	if ((r = check_text(c->note, CASES_NOTE_MAX)) != QD_OK)
		return refuse(field, "note", r);
	if ((r = check_text(c->applicant_masked, CASES_APPLICANT_MAX)) != QD_OK)
		return refuse(field, "applicant", r);
	if (!masked_ok(c->id_masked, 18, "0123456789X*"))
		return refuse(field, "id-number", QD_ERR_IDCARD);
	if (!masked_ok(c->phone_masked, 11, "0123456789*"))
		return refuse(field, "phone", QD_ERR_PHONE);
	return QD_OK;
}

/* The staff member named is known and active (any role): a clear refusal instead of a failed
 * foreign key. NULL/"" staff is allowed (kiosk). */
static enum qd_status check_actor(struct store *st, const char *staff, int roles)
{
	return empty(staff) ? QD_OK : staff_check(st, staff, roles);
}

enum qd_status cases_insert_tx(struct store *st, const struct hall *h, long long ticket_id, int window,
                               const char *staff, const struct case_input *c, long long *case_id)
{
	struct case_row row = { .ticket_id = ticket_id, .window = window, .staff = staff, .age = -1 };
	char day[11], name[4 * CASES_APPLICANT_MAX], id[19] = "", phone[16] = "", detail[160];
	char note[CASES_NOTE_MAX + 1];
	long long now;
	enum qd_status r = now_and_day(&now, day);
	if (r != QD_OK)
		return r;
	if (window > 0 && !hall_window(h, window))
		return QD_ERR_NO_WINDOW;
	if ((r = check_actor(st, staff, ROLES_ALL)) != QD_OK)
		return r;
	const struct hall_matter *m = empty(c->matter) ? NULL : hall_matter(h, c->matter);
	row.day = day;
	row.at = now;
	row.matter = m ? m->id : NULL;
	row.category = !empty(c->category) ? c->category : m ? m->category : NULL;
	row.channel = empty(c->channel) ? "onsite" : c->channel;
	row.outcome = empty(c->outcome) ? "done" : c->outcome;
	row.mode = mode_of(c);
	row.help_minutes = c->minutes;
	text_mask_name(c->applicant, name, sizeof name);
	row.applicant_masked = name;
	if (empty(c->applicant) && !empty(c->applicant_masked))
		snprintf(name, sizeof name, "%s", c->applicant_masked);
	if (!empty(c->id_number)) {
		idcard_mask(c->id_number, id);
		row.age = idcard_age(c->id_number, day);
	} else if (!empty(c->id_masked)) {
		snprintf(id, sizeof id, "%s", c->id_masked);
		row.age = c->age >= 0 ? c->age : -1;
	}
	row.id_masked = id;
	if (!empty(c->phone))
		text_mask_phone(c->phone, phone, sizeof phone);
	else if (!empty(c->phone_masked))
		snprintf(phone, sizeof phone, "%s", c->phone_masked);
	row.phone_masked = phone;
	privacy_mask_text(c->note, note, sizeof note);   /* ID and phone numbers masked */
	row.note = empty(c->note) ? NULL : note;
	long long cid = 0;
	if ((r = store_cases_insert(st, &row, &cid)) != QD_OK)
		return r;
	for (size_t i = 0; i < c->nhelps; i++)
		if ((r = store_cases_add_help(st, cid, c->helps[i])) != QD_OK)
			return r;
	snprintf(detail, sizeof detail, "case %lld: %s %s %s", cid, row.outcome, row.mode ? row.mode : "-",
	         row.matter ? row.matter : "-");
	if ((r = store_event_add(st, now, "case", ticket_id, window, staff, detail)) != QD_OK)
		return r;
	if (case_id)
		*case_id = cid;
	return QD_OK;
}

static enum qd_status rate_tx(struct store *st, const struct hall *h, long long ticket_id, int window,
                              const char *staff, const char *source, int level, const char *reason,
                              long long *evaluation_id, long long *rectification_id,
                              char deadline[11])
{
	char day[11], due[11] = "", detail[64], masked[CASES_REASON_MAX + 1];
	long long now, eid = 0, rid = 0;
	int rated;
	if (evaluation_id)
		*evaluation_id = 0;
	if (rectification_id)
		*rectification_id = 0;
	if (deadline)
		deadline[0] = '\0';
	if (level < 1 || level > 5)
		return QD_ERR_RATING;
	if (ticket_id <= 0)
		return QD_ERR_NOT_FOUND;
	enum qd_status r = check_text(reason, CASES_REASON_MAX);
	if (r == QD_OK)
		r = now_and_day(&now, day);
	if (r == QD_OK)
		r = store_cases_rated(st, ticket_id, &rated);
	if (r != QD_OK)
		return r;
	if (rated)
		return QD_ERR_RATED;
	if (!empty(reason))
		reason = privacy_mask_text(reason, masked, sizeof masked) ? masked : reason;
	r = store_cases_insert_evaluation(st, ticket_id, day, now, window, empty(staff) ? NULL : staff,
	                                  level, reason, source, &eid);
	snprintf(detail, sizeof detail, "evaluation %lld: level %d (%s)", eid, level, source);
	if (r == QD_OK)
		r = store_event_add(st, now, "evaluation", ticket_id, window, staff, detail);
	if (r == QD_OK && level <= CASES_BAD_LEVEL) {
		clock_add_workdays(day, h->eval.rectify_days, (const char *const *)h->eval.holidays,
		                   h->eval.nholidays, (const char *const *)h->eval.workdays,
		                   h->eval.nworkdays, due);
		r = store_cases_insert_rectification(st, eid, day, due, &rid);
		snprintf(detail, sizeof detail, "rectification %lld: due %s", rid, due);
		if (r == QD_OK)
			r = store_event_add(st, now, "rectification-open", ticket_id, window, staff, detail);
	}
	if (r != QD_OK)
		return r;
	if (evaluation_id)
		*evaluation_id = eid;
	if (rectification_id)
		*rectification_id = rid;
	if (deadline)
		memcpy(deadline, due, sizeof due);
	return QD_OK;
}

enum qd_status cases_rate_tx(struct store *st, const struct hall *h, long long ticket_id, int window,
                             const char *staff, int level, const char *reason,
                             long long *evaluation_id, long long *rectification_id, char deadline[11])
{
	return rate_tx(st, h, ticket_id, window, staff, "staff", level, reason, evaluation_id,
	               rectification_id, deadline);
}

enum qd_status cases_rate_pad_tx(struct store *st, const struct hall *h, long long ticket_id,
                                 int window, const char *staff, int level, const char *reason,
                                 long long *evaluation_id, long long *rectification_id,
                                 char deadline[11])
{
	return rate_tx(st, h, ticket_id, window, staff, "pad", level, reason, evaluation_id,
	               rectification_id, deadline);
}

enum qd_status cases_void_tx(struct store *st, long long ticket_id, long long since)
{
	int ncases = 0;
	char detail[64];
	time_t now = clock_now();
	if (now == (time_t)-1)
		return QD_ERR_USAGE;
	enum qd_status r = store_cases_void(st, ticket_id, since, &ncases);
	if (r != QD_OK || ncases == 0)
		return r;
	snprintf(detail, sizeof detail, "%d cases", ncases);
	return store_event_add(st, (long long)now, "case-void", ticket_id, 0, NULL, detail);
}

struct walk_in_ctx {
	const struct hall *h;
	int window;
	const char *staff;
	const struct case_input *c;
	long long id;
};

static enum qd_status walk_in_tx(struct store *st, void *vctx)
{
	struct walk_in_ctx *w = vctx;
	enum qd_status r = check_actor(st, w->staff, roles_mask(ACT_CASE));
	if (r != QD_OK)
		return r;
	return cases_insert_tx(st, w->h, 0, w->window, w->staff, w->c, &w->id);
}

enum qd_status cases_log_walk_in(struct store *st, const struct hall *h, int window, const char *staff,
                                 const struct case_input *c, long long *case_id)
{
	enum qd_status r = cases_validate(h, c, NULL);
	if (r != QD_OK)
		return r;
	struct walk_in_ctx w = { h, window, staff, c, 0 };
	r = store_write(st, walk_in_tx, &w);
	if (r == QD_OK && case_id)
		*case_id = w.id;
	return r;
}

struct consult_ctx {
	const struct hall *h;
	int window;
	const char *staff;
	const char *topic;
	long long id;
};

static enum qd_status consult_tx(struct store *st, void *vctx)
{
	struct consult_ctx *c = vctx;
	char day[11], detail[32], topic[CASES_TOPIC_MAX + 1];
	long long now;
	enum qd_status r = now_and_day(&now, day);
	if (r != QD_OK)
		return r;
	if (c->window > 0 && !hall_window(c->h, c->window))
		return QD_ERR_NO_WINDOW;
	if ((r = check_actor(st, c->staff, roles_mask(ACT_CONSULT))) != QD_OK)
		return r;
	privacy_mask_text(c->topic, topic, sizeof topic);   /* ID and phone numbers masked */
	if ((r = store_cases_insert_consult(st, day, now, c->window, c->staff, empty(c->topic) ? NULL : topic,
	                                    &c->id)) != QD_OK)
		return r;
	snprintf(detail, sizeof detail, "consultation %lld", c->id);
	return store_event_add(st, now, "consult", 0, c->window, c->staff, detail);
}

enum qd_status cases_log_consult(struct store *st, const struct hall *h, int window, const char *staff,
                                 const char *topic, long long *consult_id)
{
	enum qd_status r = check_text(topic, CASES_TOPIC_MAX);
	if (r != QD_OK)
		return r;
	struct consult_ctx c = { h, window, staff, topic, 0 };
	r = store_write(st, consult_tx, &c);
	if (r == QD_OK && consult_id)
		*consult_id = c.id;
	return r;
}

struct eval_void { long long ticket_id; const char *staff, *reason; long long eid; };

static enum qd_status eval_void_tx(struct store *st, void *vctx)
{
	struct eval_void *v = vctx;
	time_t now = clock_now();
	if (now == (time_t)-1)
		return QD_ERR_USAGE;
	enum qd_status r = roles_check(st, v->staff, ACT_EVAL_VOID);
	if (r == QD_OK)
		r = store_cases_void_evaluation(st, v->ticket_id, &v->eid);
	char detail[CASES_REASON_MAX + 64], reason[CASES_REASON_MAX + 1];
	privacy_mask_text(v->reason, reason, sizeof reason);   /* ID and phone numbers masked */
	snprintf(detail, sizeof detail, "evaluation %lld voided: %s", v->eid, reason);
	return r != QD_OK ? r : store_event_add(st, (long long)now, "evaluation-void", v->ticket_id, 0,
	                                        v->staff, detail);
}

enum qd_status cases_void_evaluation(struct store *st, long long ticket_id, const char *staff,
                                     const char *reason, long long *evaluation_id)
{
	if (!reason || strspn(reason, " \t") == strlen(reason))
		return QD_ERR_REASON;
	if (strlen(reason) > CASES_REASON_MAX)
		return QD_ERR_TOO_LONG;
	if (!text_is_clean(reason))
		return QD_ERR_INVALID;
	struct eval_void v = { ticket_id, staff, reason, 0 };
	enum qd_status r = store_write(st, eval_void_tx, &v);
	if (evaluation_id)
		*evaluation_id = v.eid;
	return r;
}
