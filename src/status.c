/* status.c - the message, exit code and name of every qd_status, from the one list in status.h. */
#include <stddef.h>
#include "qdesk/status.h"

static const struct { const char *text, *name; int exit_code; } statuses[] = {
#define QD_STATUS_ROW(name, code, text) { text, #name, code },
	QDESK_STATUSES(QD_STATUS_ROW)
#undef QD_STATUS_ROW
};

const char *qd_status_text(enum qd_status s)
{
	return (unsigned)s < QD_STATUS_COUNT ? statuses[s].text : "unknown error";
}

int qd_status_exit(enum qd_status s)
{
	return (unsigned)s < QD_STATUS_COUNT ? statuses[s].exit_code : 1;
}

const char *qd_status_name(enum qd_status s)
{
	static char names[QD_STATUS_COUNT][32];
	if ((unsigned)s >= QD_STATUS_COUNT)
		return "unknown";
	if (!names[s][0]) {
		/* "QD_ERR_RECALL_CAP" -> "recall-cap", "QD_OK" -> "ok" */
		const char *n = statuses[s].name + 3;
		if (n[0] == 'E' && n[1] == 'R' && n[2] == 'R' && n[3] == '_')
			n += 4;
		size_t i = 0;
		for (; n[i] && i < sizeof names[s] - 1; i++)
			names[s][i] = n[i] == '_' ? '-' : (char)(n[i] >= 'A' && n[i] <= 'Z' ? n[i] + 32 : n[i]);
		names[s][i] = '\0';
	}
	return names[s];
}
