/* baseline.c - loading and matching a baseline file; see baseline.h. */
#include "baseline.h"
#include "base/diag.h"

#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* What the map holds for each fingerprint. */
struct baseline_mark {
	bool seen;                  /* a finding of this run has it */
};

/* Checks the shape of root and adds its fingerprints to b; -1 after an error. */
static int add_findings(struct baseline *b, const char *path, json_t *root)
{
	json_t *version, *findings, *item, *fp;
	size_t i;

	version = json_object_get(root, "version");
	findings = json_object_get(root, "findings");
	if (!json_is_object(root) || !json_is_integer(version) || !json_is_array(findings)) {
		diag_error_at(path, 0, 0, "not a leakcheck baseline: expected {\"version\": 1, \"findings\": [...]}");
		return -1;
	}
	if (json_integer_value(version) != 1) {
		diag_error_at(path, 0, 0, "unsupported baseline version %lld (expected 1)",
				(long long)json_integer_value(version));
		return -1;
	}
	json_array_foreach(findings, i, item) {
		fp = json_object_get(item, "fingerprint");
		if (!json_is_string(fp)) {
			diag_error_at(path, 0, 0, "finding %zu has no \"fingerprint\" string", i + 1);
			return -1;
		}
		if (strmap_get(&b->map, json_string_value(fp)))
			continue;
		strmap_put(&b->map, arena_strdup(&b->arena, json_string_value(fp)),
			   arena_alloc(&b->arena, sizeof(struct baseline_mark)));
		b->len++;
	}
	return 0;
}

int baseline_load(struct baseline *b, const char *path)
{
	char msg[UTIL_MESSAGE_SIZE];
	json_error_t jerr;
	json_t *root;
	char *text;
	size_t len;
	int ret;

	arena_init(&b->arena);
	strmap_init(&b->map);
	b->len = 0;
	ret = util_read_file(path, (size_t)1 << 30, &text, &len);  /* no FIFO, no device */
	if (ret) {
		diag_error("cannot read baseline '%s': %s", path, util_strerror(ret));
		return -1;
	}
	root = json_loadb(text, len, 0, &jerr);
	free(text);
	if (!root) {
		diag_error_at(path, jerr.line > 0 ? (unsigned)jerr.line : 0,
				jerr.column > 0 ? (unsigned)jerr.column : 0, "%s",
				util_excerpt_message(msg, sizeof(msg), jerr.text));
		return -1;
	}
	ret = add_findings(b, path, root);
	json_decref(root);
	return ret;
}

bool baseline_take(struct baseline *b, const char *fingerprint)
{
	struct baseline_mark *m = strmap_get(&b->map, fingerprint);

	if (!m)
		return false;
	m->seen = true;
	return true;
}

size_t baseline_unseen(const struct baseline *b)
{
	size_t i, n = 0;

	for (i = 0; i < b->map.cap; i++) {
		const struct baseline_mark *m = b->map.slots[i].value;

		if (b->map.slots[i].key && !m->seen)
			n++;
	}
	return n;
}

void baseline_release(struct baseline *b)
{
	strmap_release(&b->map);
	arena_release(&b->arena);
	b->len = 0;
}
