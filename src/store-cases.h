/* store-cases.h - the SQL of cases, case_help, evaluations, rectifications and consultations, for
 * cases.c only. Every function runs inside the caller's write transaction. */
#ifndef QDESK_STORE_CASES_H
#define QDESK_STORE_CASES_H
#include "qdesk/store.h"

/* A case as stored: personal data only in masked form. NULL or "" text is stored as NULL;
 * ticket_id 0, window 0 and age -1 as NULL. */
struct case_row {
	long long ticket_id;
	const char *day;
	long long at;
	int window;
	const char *staff, *matter, *category, *channel, *outcome, *mode;
	int help_minutes;
	const char *applicant_masked, *id_masked, *phone_masked;
	int age;
	const char *note;
};

enum qd_status store_cases_insert(struct store *st, const struct case_row *r, long long *id);
enum qd_status store_cases_add_help(struct store *st, long long case_id, const char *help);

/* 1 into *rated if ticket_id has an evaluation that is not voided. */
enum qd_status store_cases_rated(struct store *st, long long ticket_id, int *rated);
/* Insert an evaluation (source "staff" or "pad"); QD_ERR_RATED if the ticket has one already (the partial unique index). */
enum qd_status store_cases_insert_evaluation(struct store *st, long long ticket_id, const char *day,
                                             long long at, int window, const char *staff, int level,
                                             const char *reason, const char *source,
                                             long long *id);
enum qd_status store_cases_insert_rectification(struct store *st, long long evaluation_id,
                                                const char *opened_day, const char *deadline,
                                                long long *id);

/* Void the cases of ticket_id logged at or after since; counts into *ncases. Evaluations and
 * rectification items are never voided here: they belong to the applicant (see evaluation void). */
enum qd_status store_cases_void(struct store *st, long long ticket_id, long long since, int *ncases);
/* Void ticket_id's evaluation and its rectification item (*eid = the evaluation's id);
 * QD_ERR_NOT_FOUND if it has none. Only for a lead's recorded correction. */
enum qd_status store_cases_void_evaluation(struct store *st, long long ticket_id, long long *eid);

enum qd_status store_cases_insert_consult(struct store *st, const char *day, long long at, int window,
                                          const char *staff, const char *topic, long long *id);

#endif
