/* text.h - UTF-8 text as terminals and printers see it: columns, truncation, sanitising, masking. */
#ifndef QDESK_TEXT_H
#define QDESK_TEXT_H
#include <stddef.h>

/* 1 if s is valid UTF-8 (no overlongs, no surrogates), else 0. */
int text_valid_utf8(const char *s);
/* 1 if s is valid UTF-8 with no control characters (C0, DEL, C1, so no escape sequences) and no
 * bidi or line-separator format characters: text safe to store, print and echo. Does not depend
 * on the locale; text_sanitize may still draw a character the locale does not know (wcwidth < 0,
 * e.g. an unassigned code point) as '?'. */
int text_is_clean(const char *s);
/* Terminal columns s takes (sum of wcwidth; control/invalid counted as 1 once sanitised). */
int text_width(const char *s);
/* Copy s into out (size outsz, always NUL-terminated) keeping at most cols columns and never cutting
 * a character in half. Returns the columns used. */
int text_truncate(const char *s, int cols, char *out, size_t outsz);
/* Like text_truncate, then pad with spaces to exactly cols columns. Returns cols (or less if outsz
 * is too small). */
int text_pad(const char *s, int cols, char *out, size_t outsz);
/* Copy s into out replacing control characters (C0, DEL, C1), ESC sequences and invalid bytes by
 * U+FFFD-free safe substitutes ('?'), so the result is safe to draw or print. */
void text_sanitize(const char *s, char *out, size_t outsz);

/* Masked forms for showing and printing: 张三 -> 张*, 欧阳修 -> 欧**; 13812341234 -> 138****1234. */
void text_mask_name(const char *name, char *out, size_t outsz);
void text_mask_phone(const char *phone, char *out, size_t outsz);
/* 1 if s is a mainland mobile number: 1[3-9] followed by 9 digits. */
int text_valid_phone(const char *s);

#endif
