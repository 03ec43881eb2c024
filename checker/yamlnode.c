/* yamlnode.c - opening the YAML files leakcheck reads; see yamlnode.h. */
#include "yamlnode.h"
#include "report.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>

FILE *yamlnode_open(const char *path, const char *what)
{
	struct stat st;
	FILE *fp = fopen(path, "rb");

	if (!fp) {
		report_error("cannot read %s '%s': %s", what, path, strerror(errno));
		return NULL;
	}
	if (fstat(fileno(fp), &st) == 0 && S_ISDIR(st.st_mode)) {
		report_error("cannot read %s '%s': %s", what, path, strerror(EISDIR));
		fclose(fp);
		return NULL;
	}
	report_input(path);     /* not to be overwritten by --output */
	return fp;
}
