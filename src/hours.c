/* hours.c - the hall's opening hours in words (see hours.h). */
#include <stdio.h>
#include "qdesk/clock.h"
#include "qdesk/hours.h"
#include "qdesk/i18n.h"

static const char *const weekdays[] = {
	N_("Sunday"), N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"), N_("Friday"),
	N_("Saturday"),
};

void hours_describe(const struct hall *h, time_t now, char *out, size_t len)
{
	char open[16], close[16], day[11];
	time_t next = clock_minute_of_day(now) < h->open_min ? now : now + 86400;
	clock_day(next, day);
	next = clock_at(day, h->open_min);
	snprintf(open, sizeof open, "%02d:%02d", h->open_min / 60, h->open_min % 60);
	snprintf(close, sizeof close, "%02d:%02d", h->close_min / 60, h->close_min % 60);
	struct tm tm;
	int wd = localtime_r(&next, &tm) ? tm.tm_wday : 0;
	snprintf(out, len, _("opening hours %s–%s; next opening %s %s"), open, close,
	         _(weekdays[wd]), open);
}
