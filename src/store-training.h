/* store-training.h - the SQL of the training row, for training.c only. */
#ifndef QDESK_STORE_TRAINING_H
#define QDESK_STORE_TRAINING_H
#include "qdesk/store.h"

/* The training row: *found = 0 on a live database (offset and day untouched). */
enum qd_status store_training_get(struct store *st, int *found, long long *offset, char day[11]);
/* *has = 1 if the database holds any ticket (of any day). */
enum qd_status store_training_has_tickets(struct store *st, int *has);
/* Inside a write: make the database a training one (or move its demo clock), with an event. */
enum qd_status store_training_set(struct store *st, long long offset, const char *day, long long at);

#endif
