/* fuzz-text.c - libFuzzer target for the UTF-8 text functions (text.h): for any bytes, any column
 * count and any output size, width, truncate, pad, sanitize and the masks never write past outsz,
 * always NUL-terminate, stay within the columns asked for, and leave text that is safe to draw. */
#include <assert.h>
#include <locale.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "qdesk/text.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc; (void)argv;
	if (!setlocale(LC_ALL, "C.UTF-8"))
		abort();                       /* wcwidth needs a UTF-8 locale, as in qdesk */
	return 0;
}

/* A fresh buffer of exactly outsz bytes (ASan reports a write past it); check the result. */
static char *out_new(size_t outsz)
{
	return malloc(outsz);
}

static void out_check(const char *out, size_t outsz, int clean)
{
	if (!outsz)
		return;
	assert(memchr(out, '\0', outsz));      /* NUL-terminated inside the buffer */
	if (clean)
		assert(text_is_clean(out));
}

/* Run a function that copies s into out, on a buffer of exactly outsz bytes. */
static void check_copy(void (*copy)(const char *, char *, size_t), const char *s, size_t outsz,
                       int clean)
{
	char *out = out_new(outsz);
	copy(s, out, outsz);
	out_check(out, outsz, clean);
	free(out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 2)
		return 0;
	int cols = (int8_t)data[0];            /* -128..127: negative column counts too */
	size_t outsz = data[1] % 64;           /* 0..63 bytes */
	char *s = malloc(size - 1);
	memcpy(s, data + 2, size - 2);
	s[size - 2] = '\0';
	char *out;
	int w;

	int width = text_width(s);
	assert(width >= 0);
	(void)text_valid_utf8(s);
	(void)text_is_clean(s);

	out = out_new(outsz);
	w = text_truncate(s, cols, out, outsz);
	assert(w >= 0 && w <= (cols < 0 ? 0 : cols));
	out_check(out, outsz, 1);
	if (outsz)
		assert(text_width(out) == w);
	free(out);

	out = out_new(outsz);
	w = text_pad(s, cols, out, outsz);
	assert(w <= (cols < 0 ? 0 : cols));
	out_check(out, outsz, 1);
	free(out);

	/* Not checked: that sanitising leaves text_is_clean() text alone. A code point wcwidth does
	 * not know (U+2FFF in glibc 2.36) is clean but drawn as '?'. */
	check_copy(text_sanitize, s, outsz, 1);
	check_copy(text_mask_name, s, outsz, 1);
	check_copy(text_mask_phone, s, outsz, 0);
	(void)text_valid_phone(s);

	free(s);
	return 0;
}
