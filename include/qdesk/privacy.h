/* privacy.h - personal data in free text: resident ID numbers (18 characters, the last may be X;
 * the old 15-digit ones), other long digit runs (bank cards) and mainland mobile numbers found in
 * a note, reason, topic … are masked before the text is stored, and the front end is told. */
#ifndef QDESK_PRIVACY_H
#define QDESK_PRIVACY_H
#include <stddef.h>

/* Copy text into out (outsz bytes; at least strlen(text) + 1 suffices, the result is never longer),
 * masking every personal number: a run of 15 or more digits (ASCII or full-width; an 18-character
 * ID's X included) keeps its first 6 and last 4 digits ("110105********1230"); a mobile number
 * 1[3-9] + 9 digits, alone or after 86/0086/0, or written 3-4-4 with spaces or hyphens, keeps its
 * first 3 and last 4 ("139****5678"). Digits are bounded by anything that is not a digit. NULL text
 * gives "". Returns how many numbers were masked and adds them to the count privacy_take reads. */
size_t privacy_mask_text(const char *text, char *out, size_t outsz);

/* How many numbers privacy_mask_text masked since the last call (a front end tells the clerk);
 * resets the count. */
int privacy_take(void);

#endif
