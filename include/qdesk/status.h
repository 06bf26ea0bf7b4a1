/* status.h - the one result type of every domain and store call, and its messages. */
#ifndef QDESK_STATUS_H
#define QDESK_STATUS_H

/* STATUS(name, exit code for the CLI, English message; translated at print time). The rule
 * (qdesk(1) EXIT STATUS): 2 when the command as typed could never succeed — a usage error, a name
 * the configuration does not define (type, window, group, outcome, reason …) or a value invalid in
 * itself (malformed, out of range, too long, a wrong ID check character, a required text missing);
 * 1 when a valid request is refused by the hall's state or records, or fails (disk, lock). */
#define QDESK_STATUSES(STATUS) \
	STATUS(QD_OK,              0, "done") \
	STATUS(QD_ERR_NOMEM,       1, "out of memory") \
	STATUS(QD_ERR_DB,          1, "database error") \
	STATUS(QD_ERR_NO_DB,       2, "the database does not exist; run 'qdesk init' first") \
	STATUS(QD_ERR_SCHEMA,      1, "the database was written by a newer qdesk") \
	STATUS(QD_ERR_CONFIG,      2, "configuration error") \
	STATUS(QD_ERR_USAGE,       2, "usage error") \
	STATUS(QD_ERR_INVALID,     2, "invalid value") \
	STATUS(QD_ERR_NOT_FOUND,   1, "not found") \
	STATUS(QD_ERR_EXISTS,      1, "already exists") \
	STATUS(QD_ERR_NO_TYPE,     2, "no such business type") \
	STATUS(QD_ERR_NO_WINDOW,   2, "no such window") \
	STATUS(QD_ERR_NO_GROUP,    2, "no such priority group") \
	STATUS(QD_ERR_NO_CHOICE,   2, "not one of the choices the configuration defines") \
	STATUS(QD_ERR_QUOTA,       1, "today's quota for this business type is used up") \
	STATUS(QD_ERR_CUTOFF,      1, "tickets for this business type are no longer issued today") \
	STATUS(QD_ERR_CLOSED,      1, "the hall is closed") \
	STATUS(QD_ERR_EMPTY,       3, "nobody is waiting for this window") \
	STATUS(QD_ERR_BUSY_WINDOW, 1, "this window is serving a ticket; finish it or mark it a no-show first") \
	STATUS(QD_ERR_IDLE_WINDOW, 1, "this window is not serving a ticket") \
	STATUS(QD_ERR_PAUSED,      1, "this window is paused; resume it first") \
	STATUS(QD_ERR_NOT_PAUSED,  1, "this window is not paused") \
	STATUS(QD_ERR_NOT_WAITING, 1, "that ticket is not waiting") \
	STATUS(QD_ERR_NOT_NOSHOW,  1, "that ticket is not a no-show; only a missed ticket can return to the queue") \
	STATUS(QD_ERR_SAME_PLACE,  1, "the ticket is already there; choose another business type or window") \
	STATUS(QD_ERR_NOT_SERVED_HERE, 1, "this window does not serve that ticket") \
	STATUS(QD_ERR_RECALL_CAP,  1, "the recall limit is reached; mark the ticket a no-show") \
	STATUS(QD_ERR_NO_REQUEUE,  1, "a missed ticket cannot return; the person must take a new ticket") \
	STATUS(QD_ERR_REQUEUE_MAX, 1, "this ticket has already returned to the queue as often as allowed") \
	STATUS(QD_ERR_OTHER_DAY,   1, "that ticket is not from today") \
	STATUS(QD_ERR_NOTHING_TO_UNDO, 1, "there is nothing to undo at this window") \
	STATUS(QD_ERR_UNDO_EXPIRED, 1, "too late to undo") \
	STATUS(QD_ERR_RATED,       1, "this visit has already been evaluated") \
	STATUS(QD_ERR_RATING,      2, "a rating is a whole number from 1 to 5") \
	STATUS(QD_ERR_IDCARD,      2, "invalid resident ID number") \
	STATUS(QD_ERR_PHONE,       2, "invalid mobile number") \
	STATUS(QD_ERR_TOO_LONG,    2, "text too long") \
	STATUS(QD_ERR_MINUTES_NO_HELP, 2, "help minutes are the time elderly help took: choose the help given first") \
	STATUS(QD_ERR_NO_STAFF,    1, "no such staff member") \
	STATUS(QD_ERR_STAFF_DISABLED, 1, "this staff account is disabled") \
	STATUS(QD_ERR_ROLE,        1, "this staff member's role may not do that") \
	STATUS(QD_ERR_PIN,         1, "wrong PIN") \
	STATUS(QD_ERR_PIN_WEAK,    2, "a PIN is 4 to 12 digits") \
	STATUS(QD_ERR_LOCKED,      1, "too many wrong PINs; the account is locked for a while") \
	STATUS(QD_ERR_TOOK_OVER,   1, "another clerk is signed in at this window") \
	/* slips and announcer (print.h, announce.h) */ \
	STATUS(QD_ERR_NO_PRINTER,  1, "no printer is configured") \
	STATUS(QD_ERR_PRINTING,    1, "the slip is still printing") \
	STATUS(QD_ERR_PRINT,       1, "printing failed") \
	STATUS(QD_ERR_PRINT_TIMEOUT, 1, "the printer did not finish in time") \
	/* trust: the store says what happened to the file and what to do */ \
	STATUS(QD_ERR_FOREIGN,     2, "not a qdesk database; check --db, or run 'qdesk init' on a new file") \
	STATUS(QD_ERR_OLD_SCHEMA,  2, "the database was written by an older qdesk; run 'qdesk init' to upgrade it") \
	STATUS(QD_ERR_IS_DIR,      2, "that is a directory, not a database file; give --db a file name") \
	STATUS(QD_ERR_DISK_FULL,   1, "disk full: nothing was changed; free space on the disk that holds the database") \
	STATUS(QD_ERR_READONLY,    1, "read-only: this user may not write the database or its folder; ask the administrator (group qdesk, mode 660)") \
	STATUS(QD_ERR_BUSY,        1, "busy: another process holds the database; nothing was changed, try again") \
	STATUS(QD_ERR_CORRUPT,     1, "the database file is damaged; run 'qdesk check' and restore a backup (see README)") \
	STATUS(QD_ERR_CANTOPEN,    1, "cannot open the database file; check the path and its permissions") \
	STATUS(QD_ERR_REQUEST_ID,  1, "that request id was already used for another kind of ticket") \
	/* guide desk (issue 7) */ \
	STATUS(QD_ERR_NO_DESK,     2, "no such guide desk") \
	STATUS(QD_ERR_REASON,      2, "a reason is required") \
	/* training mode */ \
	STATUS(QD_ERR_LIVE_DB,     1, "not a training database: the demo and the simulator run only on one of their own, made by 'qdesk --db FILE init --demo'") \
	STATUS(QD_ERR_SIM_RUNNING, 1, "a simulator is already running on this database") \
	/* the shift lead: attendance, 办不成事 problems, the rectification ledger */ \
	STATUS(QD_ERR_SERVING_ELSEWHERE, 1, "this clerk is serving a ticket at another window; finish it there first") \
	STATUS(QD_ERR_ITEM_CLOSED, 1, "this item is already closed") \
	STATUS(QD_ERR_NOTE_REQUIRED, 2, "a note is required") \
	/* evaluation pads (pad.h) */ \
	STATUS(QD_ERR_PAD_RATES,   1, "this window has an evaluation pad: the applicant rates there") \
	STATUS(QD_ERR_NO_PAD,      1, "this window has no evaluation pad") \
	STATUS(QD_ERR_REASON_NEEDED, 2, "a rating of 1 or 2 needs a reason") \
	STATUS(QD_ERR_NOT_PENDING, 1, "this visit is not waiting for a rating at this window") \
	/* trust: the clock */ \
	STATUS(QD_ERR_CLOCK_BACK,  1, "the date is before the database was created; check the clock (QDESK_NOW)") \
	/* trust2: a file a command writes (report --output, backup --daily) */ \
	STATUS(QD_ERR_FILE,        1, "cannot write the file") \
	/* the hall board (board.h) */ \
	STATUS(QD_ERR_NO_ZONE,     2, "no such zone")

enum qd_status {
#define QD_STATUS_ENUM(name, code, text) name,
	QDESK_STATUSES(QD_STATUS_ENUM)
#undef QD_STATUS_ENUM
	QD_STATUS_COUNT
};

/* The English message for s (untranslated; pass it through _() to show it). Never NULL. */
const char *qd_status_text(enum qd_status s);

/* The CLI exit status for s: 0 done, 1 refused/failed, 2 usage/config, 3 nothing waiting. */
int qd_status_exit(enum qd_status s);

/* The enum's name without prefix, lower-case with hyphens ("recall-cap"), for --json "error". */
const char *qd_status_name(enum qd_status s);

#endif
