/* config-scan.h - a lexical pre-scan of the config file for what libconfig 1.5 lets through. */
#ifndef QDESK_CONFIG_SCAN_H
#define QDESK_CONFIG_SCAN_H
#include <stddef.h>

/* Scan the libconfig file path, and every file it @includes (recursively, each found the way
 * libconfig 1.5 finds it: include_dir/NAME), for what libconfig 1.5 silently accepts or reports
 * badly: a byte-order mark, a NUL byte, invalid UTF-8, an unterminated comment, an integer that
 * does not fit its type (libconfig wraps it), an @include that is absolute, missing, a directory
 * or nested too deep. Returns 0 if none was found (the file may still have syntax errors for
 * libconfig to report), else -1 with "FILE:LINE: what: is wrong" (translated) in err. A file
 * that cannot be read is reported too, except path itself, left for the caller. */
int config_scan(const char *path, const char *include_dir, char *err, size_t errlen);

#endif
