/* cases.h - cases (办件), evaluations (好差评), rectification items and consultations. */
#ifndef QDESK_CASES_H
#define QDESK_CASES_H
#include <stddef.h>
#include "qdesk/config.h"
#include "qdesk/store.h"

/* The national outcome ids a config's outcomes must come from:
 * consult 咨询, accepted 受理, done 即办办结, correction 补正/一次性告知, tolerance 容缺受理,
 * rejected 不予受理. Handling modes: guided 导办, assisted 帮办, delegated 代办. */
extern const char *const cases_outcome_ids[];   /* NULL-terminated */
extern const char *const cases_mode_ids[];      /* NULL-terminated */

/* Lengths of free text, in bytes of UTF-8 (a Chinese character takes 3). */
#define CASES_APPLICANT_MAX 100
#define CASES_NOTE_MAX      500
#define CASES_REASON_MAX    500     /* of a bad evaluation */
#define CASES_TOPIC_MAX     200     /* of a consultation */
/* A rating at or below this (不满意, 非常不满意) is a 差评: it opens a rectification item, and at a
 * pad it needs a reason. */
#define CASES_BAD_LEVEL     2

struct case_input {
	const char *matter;         /* matter id from the catalogue, or NULL */
	const char *category;       /* case category id; NULL = the matter's category */
	const char *channel;        /* "onsite" (default) or "online" */
	const char *outcome;        /* outcome id; NULL = "done" */
	const char *mode;           /* NULL/"none", "guided", "assisted", "delegated" */
	const char *const *helps;   /* elderly help type ids */
	size_t nhelps;
	int minutes;                /* minutes spent on elderly help, >= 0 */
	const char *applicant;      /* name; stored masked */
	const char *id_number;      /* validated; stored masked */
	const char *phone;          /* validated; stored masked */
	const char *note;           /* at most 500 bytes */
	/* Values known only masked (the ID and phone given when the ticket was issued, a kept
	 * draft), used where the plain value above is empty and stored as given; age is the age the
	 * masked ID gives (-1 unknown; read only with id_masked). */
	const char *applicant_masked, *id_masked, *phone_masked;
	int age;
};

/* Check c against the hall: ids exist in the config (outcomes and modes also in the national
 * sets; else QD_ERR_NO_CHOICE), a category agrees with its matter, ID number (not a future birth)
 * and phone valid, applicant and note within their limits of clean UTF-8, minutes 0..1440 and only
 * with a help type (QD_ERR_MINUTES_NO_HELP), no help type twice. On failure returns that status,
 * or QD_ERR_INVALID, QD_ERR_TOO_LONG, QD_ERR_IDCARD or QD_ERR_PHONE, and *field (field may be
 * NULL) names the field as the CLI option does: "matter", "case-category", "channel", "outcome",
 * "mode", "elderly-help", "minutes", "applicant", "id-number", "phone", "note". */
enum qd_status cases_validate(const struct hall *h, const struct case_input *c, const char **field);

/* Inside a store_write transaction: insert a case (ticket_id 0 = walk-in) with its help rows and
 * an event row, at clock_now() on the hall's day. Only masked applicant/ID/phone are stored, plus
 * the age on that day from the ID number. QD_ERR_NO_WINDOW for an unknown window (0 = none);
 * staff (NULL = none) must be an active account. Caller has validated c. */
enum qd_status cases_insert_tx(struct store *st, const struct hall *h, long long ticket_id, int window,
                               const char *staff, const struct case_input *c, long long *case_id);
/* Inside a transaction: record a rating a clerk entered for ticket_id (QD_ERR_RATED if one
 * exists, QD_ERR_RATING if not 1..5); a rating below the hall's bad threshold (1-2) opens a
 * rectification item due eval.rectify_days working days later (deadline into deadline[11]). */
enum qd_status cases_rate_tx(struct store *st, const struct hall *h, long long ticket_id, int window,
                             const char *staff, int level, const char *reason,
                             long long *evaluation_id, long long *rectification_id, char deadline[11]);
/* The same, for a rating the applicant keyed at the window's evaluation pad (stored with source
 * "pad"; cases_rate_tx stores "staff": a clerk entered it). staff is the clerk who served. */
enum qd_status cases_rate_pad_tx(struct store *st, const struct hall *h, long long ticket_id,
                                 int window, const char *staff, int level, const char *reason,
                                 long long *evaluation_id, long long *rectification_id,
                                 char deadline[11]);
/* Inside a transaction: void the cases of ticket_id logged at or after since (used by undo). The
 * evaluation and its rectification item stay: undo never removes or changes them. */
enum qd_status cases_void_tx(struct store *st, long long ticket_id, long long since);
/* A lead's correction: void ticket_id's evaluation and its rectification item, recorded as an
 * "evaluation-void" event with the reason (required: QD_ERR_REASON). staff must be an active lead
 * (QD_ERR_ROLE …); QD_ERR_NOT_FOUND if the ticket has no evaluation. Sets *evaluation_id. */
enum qd_status cases_void_evaluation(struct store *st, long long ticket_id, const char *staff,
                                     const char *reason, long long *evaluation_id);

/* Own transactions: log a walk-in case (no ticket; validates c, staff must be clerk, lead or
 * admin), and a consultation (咨询) by any active staff member (topic at most 200 bytes). */
enum qd_status cases_log_walk_in(struct store *st, const struct hall *h, int window, const char *staff,
                                 const struct case_input *c, long long *case_id);
enum qd_status cases_log_consult(struct store *st, const struct hall *h, int window, const char *staff,
                                 const char *topic, long long *consult_id);

#endif
