/* clock.h - the one source of "now" and of the hall's local days and working days. */
#ifndef QDESK_CLOCK_H
#define QDESK_CLOCK_H
#include <stddef.h>
#include <time.h>

/* Now, as Unix seconds. QDESK_NOW="YYYY-MM-DD HH:MM:SS" (local time) fixes it; if that variable is
 * malformed, clock_now() returns (time_t)-1 and clock_env_error() says why (translated, without
 * the variable's name: "expected … not …"); "" after a good call. */
time_t clock_now(void);
const char *clock_env_error(void);

/* A training database runs on a demo clock: clock_now() is the real (or QDESK_NOW) time plus
 * offset seconds, so the demo hall sits inside opening hours at any hour (see training.h). */
void clock_set_offset(long long offset);
long long clock_offset(void);
/* Fix now at t for this process (the simulator steps the clock through a day); the offset does
 * not apply to a fixed clock. clock_unfix() returns to QDESK_NOW or the system clock. */
void clock_fix(time_t t);
void clock_unfix(void);

/* Local day of t as "YYYY-MM-DD" into day[11]. */
void clock_day(time_t t, char day[11]);
/* Local "YYYY-MM-DD HH:MM:SS" of t into out[20]. */
void clock_stamp(time_t t, char out[20]);
/* Local "HH:MM" of t into out[6]. */
void clock_hhmm(time_t t, char out[6]);
/* Minutes since local midnight of t. */
int clock_minute_of_day(time_t t);

/* The Unix time of local minute (minutes since midnight, 0..1439) of day "YYYY-MM-DD";
 * (time_t)-1 if day is malformed. */
time_t clock_at(const char *day, int minute);

/* Parse "HH:MM" (00:00..23:59) into minutes since midnight; -1 if malformed. */
int clock_parse_hhmm(const char *s);
/* 1 if s is a real calendar date "YYYY-MM-DD", else 0. */
int clock_valid_day(const char *s);

/* The working day that lies n working days after day (n >= 0; n = 0 gives day itself if it is a
 * working day, else the next one; n = 1 from a Friday or a Saturday is the Monday). Saturdays
 * and Sundays are off unless listed in workdays (调休); days in holidays are off. Lists are
 * "YYYY-MM-DD" strings. Result into out[11] ("" if day is malformed). */
void clock_add_workdays(const char *day, int n, const char *const *holidays, size_t nholidays,
                        const char *const *workdays, size_t nworkdays, char out[11]);

/* The day n days after day (n < 0: before) into out[11] ("" if day is malformed). */
void clock_day_add(const char *day, long n, char out[11]);
/* The weekday of day: 1 Monday … 7 Sunday; 0 if malformed. */
int clock_weekday(const char *day);

#endif
