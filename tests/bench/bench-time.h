/* bench-time.h - what the benchmark programs share: a monotonic clock in milliseconds and the
 * comparison that sorts timings for percentiles. Header-only (each bench is one file). */
#ifndef QDESK_BENCH_TIME_H
#define QDESK_BENCH_TIME_H
#include <time.h>

static inline double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* qsort comparison of doubles, ascending */
static inline int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* The p-th percentile of the n sorted values v */
static inline double pct_sorted(const double *v, int n, int p)
{
	int i = (n * p) / 100;
	return v[i < n ? i : n - 1];
}
#endif
