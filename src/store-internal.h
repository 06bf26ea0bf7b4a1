/* store-internal.h - what store*.c files share and nothing else sees. */
#ifndef QDESK_STORE_INTERNAL_H
#define QDESK_STORE_INTERNAL_H
#include "qdesk/store.h"

/* The migrations in order: migrations[i] takes user_version i to i + 1. */
const char *const *store_migrations(int *count);

#endif
