// An out-parameter filled by `if ((*valp = malloc(n)) == NULL) return ERR;`
// is tested after the store: the function acquires *valp and fails when
// it returns non-zero.  A path where valp is NULL stores nothing and is no
// failure; `return r` after `if ((r = f()) != 0)` is a non-zero result.
// (openssh sshbuf_get_cstring)
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#include <stdlib.h>
#include <string.h>

int peek(const void *buf, const unsigned char **p, size_t *len);

static int get_cstring(const void *buf, char **valp, size_t *lenp)
{
	const unsigned char *p;
	size_t len;
	int r;

	if (valp != NULL)
		*valp = NULL;
	if (lenp != NULL)
		*lenp = 0;
	if ((r = peek(buf, &p, &len)) != 0)
		return r;
	if (valp != NULL) {
		if ((*valp = malloc(len + 1)) == NULL)
			return -2;
		memcpy(*valp, p, len);
		(*valp)[len] = '\0';
	}
	if (lenp != NULL)
		*lenp = len;
	return 0;
}

int parse_two(const void *m)
{
	char *name = NULL, *value = NULL;
	int r;

	if ((r = get_cstring(m, &name, NULL)) != 0 ||
	    (r = get_cstring(m, &value, NULL)) != 0)
		return -1;
// CHECK: :[[@LINE-1]]:3: warning: 'name' allocated by get_cstring() at line [[@LINE-3]] is not freed when returning here [leakcheck-leak]
	free(name);
	free(value);
	return 0;
}

int parse_two_ok(const void *m)
{
	char *name = NULL, *value = NULL;
	int r;

	if ((r = get_cstring(m, &name, NULL)) != 0 ||
	    (r = get_cstring(m, &value, NULL)) != 0)
		goto out;
	r = strcmp(name, value) == 0;
 out:
	free(name);
	free(value);
	return r;
}

int length_only(const void *m, size_t *len)
{
	return get_cstring(m, NULL, len);
}
