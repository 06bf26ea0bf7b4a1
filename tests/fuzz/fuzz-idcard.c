/* fuzz-idcard.c - libFuzzer target for the GB 11643 resident ID functions (idcard.h): any string,
 * with no "today", a fixed one or one from the input; the answers must agree with each other and
 * the mask must stay inside its 19 bytes. */
#include <assert.h>
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "qdesk/clock.h"
#include "qdesk/idcard.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char today[11] = "2026-11-23";
	const char *day = today;
	if (size < 1)
		return 0;
	/* The first byte picks the day: none, the fixed one, or the next 10 bytes of the input. */
	if (data[0] % 3 == 0)
		day = NULL;
	else if (data[0] % 3 == 2 && size >= 11) {
		memcpy(today, data + 1, 10);
		data += 10;
		size -= 10;
	}
	char *id = malloc(size);               /* exactly the string and its NUL: ASan sees overreads */
	memcpy(id, data + 1, size - 1);
	id[size - 1] = '\0';

	int valid = idcard_valid(id, day);
	if (valid) {
		assert(strlen(id) == 18);
		assert(idcard_check_char(id) == toupper((unsigned char)id[17]));
		if (day && clock_valid_day(day))
			assert(idcard_age(id, day) >= 0);
	}
	if (day && idcard_age(id, day) >= 0)
		assert(idcard_valid(id, day));
	if (strlen(id) >= 17)
		(void)idcard_check_char(id);
	char *mask = malloc(19);
	idcard_mask(id, mask);
	assert(memchr(mask, '\0', 19));
	free(mask);
	free(id);
	return 0;
}
