/* idcard.h - resident ID numbers (GB 11643-1999): checksum, birth date, age, masking. */
#ifndef QDESK_IDCARD_H
#define QDESK_IDCARD_H

/* The check character ('0'..'9' or 'X') for the first 17 digits of id; 0 if they are not digits. */
char idcard_check_char(const char *id17);

/* 1 if id is a valid 18-character resident ID: 17 digits beginning with a real province code (or
 * 9 and one: a foreigner's permanent residence ID of 2023), a
 * real birth date from 1900 on and not in the future of today ("YYYY-MM-DD", may be NULL to skip
 * that check), and the right check character (x or X). */
int idcard_valid(const char *id, const char *today);

/* Age in whole years on today ("YYYY-MM-DD") of the holder of a valid id; -1 if id is invalid. */
int idcard_age(const char *id, const char *today);

/* Masked form "110105********002X" (first 6, last 4, upper-case X) into out[19]. */
void idcard_mask(const char *id, char out[19]);

#endif
