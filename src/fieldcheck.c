/* fieldcheck.c - owns the checks of ID-number and mobile fields as typed: what is wrong so far
 * (while typing only what cannot become right; when the field is left, also what is missing). */
#include <stdio.h>
#include <string.h>
#include "qdesk/clock.h"
#include "qdesk/fieldcheck.h"
#include "qdesk/i18n.h"
#include "qdesk/idcard.h"
#include "qdesk/text.h"

const char *fieldcheck_id(const char *v, int final, const char *day)
{
	static char msg[160];
	size_t n = strlen(v);
	if (!n)
		return NULL;
	for (size_t i = 0; i < n; i++)
		if (!(v[i] >= '0' && v[i] <= '9') && !(i == 17 && (v[i] == 'x' || v[i] == 'X')))
			return _("an ID number is 17 digits and a final digit or X");
	if (n > 18)
		return _("an ID number has 18 characters");
	if (n < 18) {
		if (!final)
			return NULL;
		if (n == 15)
			return _("a 15-digit ID number is an old first-generation card: type the 18-character number of the current card");
		snprintf(msg, sizeof msg, _("an ID number has 18 characters (%zu typed)"), n);
		return msg;
	}
	if (idcard_valid(v, day))
		return NULL;
	char want = idcard_check_char(v);
	char got = v[17] == 'x' ? 'X' : v[17];
	if (want && want != got)
		return _("invalid ID number: wrong check character (a typing error?)");
	return _("invalid ID number: its birth date does not exist");
}

const char *fieldcheck_phone(const char *v, int final)
{
	size_t n = strlen(v);
	if (!n)
		return NULL;
	for (size_t i = 0; i < n; i++)
		if (v[i] < '0' || v[i] > '9')
			return _("a mobile number is 11 digits");
	if (v[0] != '1' || (n > 1 && (v[1] < '3' || v[1] > '9')))
		return _("invalid mobile number: it starts 13 to 19");
	if (n < 11)
		return final ? _("a mobile number is 11 digits") : NULL;
	return text_valid_phone(v) ? NULL : _("invalid mobile number");
}

void fieldcheck_mask_id(const char *v, char *out, size_t outsz)
{
	size_t n = strlen(v);
	char m[40];
	if (n == 18) {
		idcard_mask(v, m);
	} else if (n > 10 && n < sizeof m) {
		memcpy(m, v, 6);
		memset(m + 6, '*', n - 10);
		memcpy(m + n - 4, v + n - 4, 4);
		m[n] = '\0';
	} else {
		size_t k = n < sizeof m - 1 ? n : sizeof m - 1;
		memset(m, '*', k);
		m[k] = '\0';
	}
	snprintf(out, outsz, "%s", m);
}

const char *fieldcheck_id_field(const char *v, int final, void *ctx)
{
	(void)ctx;
	char day[11];
	time_t now = clock_now();
	clock_day(now == (time_t)-1 ? time(NULL) : now, day);
	return fieldcheck_id(v, final, day);
}

const char *fieldcheck_phone_field(const char *v, int final, void *ctx)
{
	(void)ctx;
	return fieldcheck_phone(v, final);
}
