/* hours.h - the hall's opening hours in words, for a refusal outside them. */
#ifndef QDESK_HOURS_H
#define QDESK_HOURS_H
#include <stddef.h>
#include <time.h>
#include "qdesk/config.h"

/* "opening hours 08:30–18:00; next opening Monday 08:30" (translated) into out: the next opening
 * after now is today's if now is before opening, else the next day's (the hall issues tickets
 * every day during its hours). */
void hours_describe(const struct hall *h, time_t now, char *out, size_t len);

#endif
