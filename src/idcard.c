/* idcard.c - resident ID numbers (GB 11643-1999): the ISO 7064 MOD 11-2 check character, the
 * birth date (a real date, not after today), the holder's age and the masked form. */
#include <string.h>
#include "qdesk/clock.h"
#include "qdesk/idcard.h"

char idcard_check_char(const char *id17)
{
	static const int weights[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
	static const char checks[] = "10X98765432";
	int sum = 0;
	if (!id17)
		return 0;
	for (int i = 0; i < 17; i++) {
		if (id17[i] < '0' || id17[i] > '9')
			return 0;
		sum += (id17[i] - '0') * weights[i];
	}
	return checks[sum % 11];
}

/* The birth date of id as "YYYY-MM-DD" into day[11]. */
static void birth_day(const char *id, char day[11])
{
	memcpy(day, id + 6, 4);
	day[4] = '-';
	memcpy(day + 5, id + 10, 2);
	day[7] = '-';
	memcpy(day + 8, id + 12, 2);
	day[10] = '\0';
}

/* 1 if the two digits at p name a province-level division of GB/T 2260 (11 Beijing … 65
 * Xinjiang), or 71 Taiwan, 81 Hong Kong, 82 Macao, 83 (residence permits of Taiwan residents). */
static int idcard_province(const char *p)
{
	static const char *const codes = "11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 "
	                                 "46 50 51 52 53 54 61 62 63 64 65 71 81 82 83 ";
	for (const char *c = codes; *c; c += 3)
		if (c[0] == p[0] && c[1] == p[1])
			return 1;
	return 0;
}

/* A resident ID begins with a province code; a foreigner's permanent residence ID of 2023 with 9
 * and the code of the province that issued it. */
static int idcard_area(const char *id)
{
	return idcard_province(id) || (id[0] == '9' && idcard_province(id + 1));
}

int idcard_valid(const char *id, const char *today)
{
	if (!id || strlen(id) != 18)
		return 0;
	char check = idcard_check_char(id);
	char last = id[17] == 'x' ? 'X' : id[17];
	if (!check || check != last || !idcard_area(id))
		return 0;
	char birth[11];
	birth_day(id, birth);
	if (!clock_valid_day(birth) || strncmp(birth, "1900", 4) < 0)
		return 0;
	/* Both are "YYYY-MM-DD", so string order is date order. */
	if (today && clock_valid_day(today) && strcmp(birth, today) > 0)
		return 0;
	return 1;
}

int idcard_age(const char *id, const char *today)
{
	if (!idcard_valid(id, today) || !today || !clock_valid_day(today))
		return -1;
	char birth[11];
	birth_day(id, birth);
	int age = (today[0] - '0') * 1000 + (today[1] - '0') * 100 + (today[2] - '0') * 10 + (today[3] - '0')
	        - ((birth[0] - '0') * 1000 + (birth[1] - '0') * 100 + (birth[2] - '0') * 10 + (birth[3] - '0'));
	/* Not yet had this year's birthday: compare "MM-DD". A 29 February birthday counts on 1 March
	 * in a common year, which string order gives for free. */
	if (strcmp(today + 5, birth + 5) < 0)
		age--;
	return age;
}

void idcard_mask(const char *id, char out[19])
{
	if (!id || strlen(id) != 18) {
		out[0] = '\0';
		return;
	}
	memcpy(out, id, 6);
	memset(out + 6, '*', 8);
	memcpy(out + 14, id + 14, 4);
	if (out[17] == 'x')
		out[17] = 'X';
	out[18] = '\0';
}
