/* cli-report.h - what the files of `qdesk report` share: a figure's value as text, and the CSV
 * and summary forms (cli-report-text.c). */
#ifndef QDESK_CLI_REPORT_H
#define QDESK_CLI_REPORT_H
#include <stdio.h>
#include "qdesk/report.h"

/* f's value as the table and CSV show it: counts whole, rates "95.2%", times in minutes with one
 * decimal, averages with two; "-" when undefined. */
void report_cli_value(const struct report_figure *f, char *out, size_t outsz);
/* The report as CSV (UTF-8, no BOM: the caller adds it), a row per group then the total; cells
 * that a spreadsheet would take for a formula are neutralised. 0, or -1 when out of memory. */
int report_cli_csv(FILE *f, const struct hall *h, const struct report *r);
/* The bureau's summary paragraph for the period, every figure filled in. 0 or -1. */
int report_cli_summary(FILE *f, const struct hall *h, const struct report *r);

#endif
