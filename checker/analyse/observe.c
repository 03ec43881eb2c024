/*
 * observe.c - the sets of results an exit observation carries; see observe.h.
 */
#include "observe.h"

void vset_add(struct vset *v, int64_t lo, int64_t hi)
{
	int64_t l[SUMMARY_VSET_MAX + 1], h[SUMMARY_VSET_MAX + 1];
	int n = 0, i, j, best;

	if (lo > hi)
		return;
	for (i = 0; i < v->n && v->lo[i] < lo; i++, n++) {
		l[n] = v->lo[i];
		h[n] = v->hi[i];
	}
	l[n] = lo;
	h[n++] = hi;
	for (; i < v->n; i++, n++) {
		l[n] = v->lo[i];
		h[n] = v->hi[i];
	}
	/* merge what overlaps or touches */
	for (i = 0, j = 0; i < n; i++) {
		if (j && (h[j - 1] == INT64_MAX || l[i] <= h[j - 1] + 1)) {
			if (h[i] > h[j - 1])
				h[j - 1] = h[i];
			continue;
		}
		l[j] = l[i];
		h[j++] = h[i];
	}
	n = j;
	if (n > SUMMARY_VSET_MAX) {
		/* one too many: the two closest merge */
		for (best = 0, i = 1; i + 1 < n; i++)
			if ((uint64_t)l[i + 1] - (uint64_t)h[i] < (uint64_t)l[best + 1] - (uint64_t)h[best])
				best = i;
		h[best] = h[best + 1];
		for (i = best + 1; i + 1 < n; i++) {
			l[i] = l[i + 1];
			h[i] = h[i + 1];
		}
		n--;
	}
	for (i = 0; i < n; i++) {
		v->lo[i] = l[i];
		v->hi[i] = h[i];
	}
	v->n = n;
}
