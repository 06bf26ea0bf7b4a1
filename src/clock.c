/* clock.c - owns "now" (QDESK_NOW or the system clock), the hall's local days and times of day,
 * and working-day arithmetic with holidays and make-up workdays (调休). Calendar arithmetic is
 * done on proleptic Gregorian day numbers, so it does not depend on the time zone. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "qdesk/clock.h"
#include "qdesk/i18n.h"

static char env_error[160];

/* Parse exactly n decimal digits at s. -1 if any is not a digit. */
static int parse_digits(const char *s, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/* Write v as exactly n decimal digits (v taken modulo 10^n) at o; returns o + n. */
static char *put_digits(char *o, int v, int n)
{
	unsigned u = v < 0 ? 0u : (unsigned)v;
	for (int i = n - 1; i >= 0; i--, u /= 10)
		o[i] = (char)('0' + u % 10);
	return o + n;
}

/* "YYYY-MM-DD" into out[11]. */
static void format_day(char *out, int y, int m, int d)
{
	char *o = put_digits(out, y, 4);
	*o++ = '-';
	o = put_digits(o, m, 2);
	*o++ = '-';
	o = put_digits(o, d, 2);
	*o = '\0';
}

static int is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_days(int y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

/* "YYYY-MM-DD" into y/m/d; 0 if malformed or not a real date. */
static int parse_day(const char *s, int *y, int *m, int *d)
{
	if (!s || strlen(s) < 10 || s[4] != '-' || s[7] != '-')
		return 0;
	*y = parse_digits(s, 4);
	*m = parse_digits(s + 5, 2);
	*d = parse_digits(s + 8, 2);
	if (*y < 1 || *m < 1 || *m > 12 || *d < 1)
		return 0;
	return *d <= month_days(*y, *m);
}

/* Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm). */
static long days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, int *y, int *m, int *d)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

static long long demo_offset;
static int fixed;
static time_t fixed_at;

void clock_set_offset(long long offset)
{
	demo_offset = offset;
}

long long clock_offset(void)
{
	return demo_offset;
}

void clock_fix(time_t t)
{
	fixed = 1;
	fixed_at = t;
}

void clock_unfix(void)
{
	fixed = 0;
}

/* The last answer of mktime at one place in the code. */
struct mktime_memo {
	struct tm in;
	time_t t;               /* 0 until the first answer */
};

/* mktime of a local date and time (tm_isdst -1), remembered in *m: with TZ unset, glibc looks
 * at the time zone file again (a system call) in every mktime, and every write asks for today's
 * midnight (and, under QDESK_NOW, for the time). */
static time_t local_mktime(struct mktime_memo *m, const struct tm *in)
{
	if (m->t && in->tm_year == m->in.tm_year && in->tm_mon == m->in.tm_mon &&
	    in->tm_mday == m->in.tm_mday && in->tm_hour == m->in.tm_hour &&
	    in->tm_min == m->in.tm_min && in->tm_sec == m->in.tm_sec)
		return m->t;
	struct tm tm = *in;
	time_t t = mktime(&tm);
	if (t != (time_t)-1 && t != 0) {
		m->in = *in;
		m->t = t;
	}
	return t;
}

/* QDESK_NOW or the system clock, without the offset. */
static time_t base_now(void)
{
	const char *s = getenv("QDESK_NOW");
	if (!s || !*s) {
		env_error[0] = '\0';
		return time(NULL);
	}
	int y, mo, d, hh, mi, ss;
	if (strlen(s) != 19 || s[10] != ' ' || s[13] != ':' || s[16] != ':' || !parse_day(s, &y, &mo, &d)
	    || (hh = parse_digits(s + 11, 2)) < 0 || hh > 23 || (mi = parse_digits(s + 14, 2)) < 0
	    || mi > 59 || (ss = parse_digits(s + 17, 2)) < 0 || ss > 59) {
		snprintf(env_error, sizeof env_error, _("expected \"YYYY-MM-DD HH:MM:SS\", not \"%.40s\""), s);
		return (time_t)-1;
	}
	struct tm tm = { .tm_year = y - 1900, .tm_mon = mo - 1, .tm_mday = d,
	                 .tm_hour = hh, .tm_min = mi, .tm_sec = ss, .tm_isdst = -1 };
	static _Thread_local struct mktime_memo memo;
	time_t t = local_mktime(&memo, &tm);
	if (t == (time_t)-1) {
		snprintf(env_error, sizeof env_error, _("out of range: \"%.40s\""), s);
		return (time_t)-1;
	}
	env_error[0] = '\0';
	return t;
}

time_t clock_now(void)
{
	if (fixed)
		return fixed_at;
	time_t t = base_now();
	return t == (time_t)-1 ? t : t + (time_t)demo_offset;
}

const char *clock_env_error(void)
{
	return env_error;
}

static void local_tm(time_t t, struct tm *tm)
{
	if (!localtime_r(&t, tm))
		memset(tm, 0, sizeof *tm);
}

void clock_day(time_t t, char day[11])
{
	struct tm tm;
	local_tm(t, &tm);
	format_day(day, tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

void clock_stamp(time_t t, char out[20])
{
	struct tm tm;
	local_tm(t, &tm);
	format_day(out, tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
	char *o = out + 10;
	*o++ = ' ';
	o = put_digits(o, tm.tm_hour, 2);
	*o++ = ':';
	o = put_digits(o, tm.tm_min, 2);
	*o++ = ':';
	o = put_digits(o, tm.tm_sec, 2);
	*o = '\0';
}

void clock_hhmm(time_t t, char out[6])
{
	struct tm tm;
	local_tm(t, &tm);
	char *o = put_digits(out, tm.tm_hour, 2);
	*o++ = ':';
	o = put_digits(o, tm.tm_min, 2);
	*o = '\0';
}

int clock_minute_of_day(time_t t)
{
	struct tm tm;
	local_tm(t, &tm);
	return tm.tm_hour * 60 + tm.tm_min;
}

time_t clock_at(const char *day, int minute)
{
	int y, m, d;
	if (!parse_day(day, &y, &m, &d))
		return (time_t)-1;
	struct tm tm = { .tm_year = y - 1900, .tm_mon = m - 1, .tm_mday = d,
	                 .tm_hour = minute / 60, .tm_min = minute % 60, .tm_isdst = -1 };
	static _Thread_local struct mktime_memo memo;
	return local_mktime(&memo, &tm);
}

int clock_parse_hhmm(const char *s)
{
	if (!s || strlen(s) != 5 || s[2] != ':')
		return -1;
	int h = parse_digits(s, 2), m = parse_digits(s + 3, 2);
	if (h < 0 || h > 23 || m < 0 || m > 59)
		return -1;
	return h * 60 + m;
}

int clock_valid_day(const char *s)
{
	int y, m, d;
	return s && strlen(s) == 10 && parse_day(s, &y, &m, &d);
}

static int in_list(const char *day, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (list[i] && strncmp(list[i], day, 10) == 0)
			return 1;
	return 0;
}

/* 1 if day number z is a working day under the given lists. */
static int is_workday(long z, const char *const *holidays, size_t nholidays,
                      const char *const *workdays, size_t nworkdays)
{
	int y, m, d;
	char s[11];
	civil_from_days(z, &y, &m, &d);
	format_day(s, y, m, d);
	if (in_list(s, holidays, nholidays))
		return 0;
	long wd = ((z % 7) + 7 + 4) % 7;       /* 1970-01-01 was a Thursday; 0 = Sunday */
	if (wd == 0 || wd == 6)
		return in_list(s, workdays, nworkdays);
	return 1;
}

void clock_add_workdays(const char *day, int n, const char *const *holidays, size_t nholidays,
                        const char *const *workdays, size_t nworkdays, char out[11])
{
	int y, m, d;
	if (!parse_day(day, &y, &m, &d)) {
		out[0] = '\0';
		return;
	}
	long z = days_from_civil(y, m, d);
	/* No run of days off is longer than a year; the guard only stops a malformed list looping. */
	int guard = 0;
	if (n <= 0) {
		while (!is_workday(z, holidays, nholidays, workdays, nworkdays) && guard++ < 400)
			z++;
	}
	for (int i = 0; i < n; i++) {
		z++;
		guard = 0;
		while (!is_workday(z, holidays, nholidays, workdays, nworkdays) && guard++ < 400)
			z++;
	}
	civil_from_days(z, &y, &m, &d);
	format_day(out, y, m, d);
}

void clock_day_add(const char *day, long n, char out[11])
{
	int y, m, d;
	if (!parse_day(day, &y, &m, &d)) {
		out[0] = '\0';
		return;
	}
	civil_from_days(days_from_civil(y, m, d) + n, &y, &m, &d);
	format_day(out, y, m, d);
}

int clock_weekday(const char *day)
{
	int y, m, d;
	if (!parse_day(day, &y, &m, &d))
		return 0;
	long z = days_from_civil(y, m, d);      /* 1970-01-01 was a Thursday */
	return (int)(((z % 7) + 7 + 3) % 7) + 1;
}
