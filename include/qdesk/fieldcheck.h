/* fieldcheck.h - checks of the ID-number and mobile fields as a person types them (case form,
 * ticket form): what is wrong so far, in words a clerk can act on. */
#ifndef QDESK_FIELDCHECK_H
#define QDESK_FIELDCHECK_H
#include <stddef.h>

/* The problem with ID number v (GB 11643) typed so far, or NULL if none. final = 0 while typing
 * (a good beginning of a number is no problem), 1 when the field is left or the form sent (it
 * must then be complete). day is today ("YYYY-MM-DD", for the birth date). Returns a translated
 * string valid until the next call. An empty v is no problem (the field is optional). */
const char *fieldcheck_id(const char *v, int final, const char *day);
/* The same for a mobile number (1[3-9] and 9 more digits). */
const char *fieldcheck_phone(const char *v, int final);
/* The masked form of ID number v ("110105********002X") into out (a short v is masked the same
 * way: never more than its first 6 and last 4 characters show). */
void fieldcheck_mask_id(const char *v, char *out, size_t outsz);

/* The two checks in the shape of a form field's check (widget-form.h's form_check_fn): the ID
 * number against today's date from the hall's clock, the mobile number; ctx is not used. */
const char *fieldcheck_id_field(const char *v, int final, void *ctx);
const char *fieldcheck_phone_field(const char *v, int final, void *ctx);

#endif
