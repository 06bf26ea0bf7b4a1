/* fuzz-config.c - libFuzzer target for the config loader: the input is written to a file in a
 * private directory (so @include finds only what is there) and loaded; a hall that loads is freed
 * again, an error must be a NUL-terminated message. */
#include <assert.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "qdesk/config.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
/* LeakSanitizer's suppression of libconfig 1.5's known leak is src/config.c's, clang included. */

static char dir[] = "/tmp/qdesk-fuzz-config-XXXXXX";
static char path[sizeof dir + 16];

static void cleanup(void)
{
	remove(path);
	remove(dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc; (void)argv;
	if (!mkdtemp(dir))
		abort();
	snprintf(path, sizeof path, "%s/hall.conf", dir);
	atexit(cleanup);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	FILE *fp = fopen(path, "w");
	if (!fp || fwrite(data, 1, size, fp) != size || fclose(fp) != 0)
		abort();
	struct hall *h = NULL;
	char err[512];
	memset(err, 'x', sizeof err);
	enum qd_status st = config_load(path, &h, err, sizeof err);
	if (st == QD_OK) {
		assert(h);
		config_free(h);
	} else {
		assert(st == QD_ERR_CONFIG && memchr(err, '\0', sizeof err));
	}
	return 0;
}
