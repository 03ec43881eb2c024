// A constructor that hands a pointer into its new object (ret + plen,
// &o->hdr, c ? &o->hdr : NULL) to callees that only read or fill it still returns a fresh
// object (openssh's fingerprint_b64() called by sshkey_fingerprint()).
// A callee that may keep that pointer (an intrusive list) takes the
// object: then the constructor returns nothing fresh.  (obj_new keeps its
// int argument: it is stored, and a descriptor stored so would leave.)
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
// RUN: not %leakcheck --dump-summaries %s -- | FileCheck %s --check-prefix=SUM
#include <stdlib.h>
#include <string.h>

struct list { struct list *next; };
struct hdr { int kind; size_t len; };
struct obj { struct hdr hdr; struct list link; char name[16]; };

static struct list *registry;

static void copy_out(char *dst, const char *src, size_t n)
{
	while (n-- > 0)
		*dst++ = *src++;
}

static void init_hdr(struct hdr *h, int kind)
{
	if (h == NULL)
		return;
	h->kind = kind;
	h->len = 0;
}

static void link_in(struct list *l)
{
	l->next = registry;
	registry = l;
}

static char *label(const char *alg, const char *raw, size_t n)
{
	size_t plen = strlen(alg) + 1;
	char *ret = calloc(1, plen + n + 1);

	if (ret == NULL)
		return NULL;
	memcpy(ret, alg, plen - 1);
	copy_out(ret + plen, raw, n);
	return ret;
}
// SUM: summary label: returns heap (allocated by calloc(), fails: null){{$}}

static char *pick_label(int how, const char *raw, size_t n)
{
	char *r = NULL;

	switch (how) {
	case 1:
		r = label("md5", raw, n);
		break;
	case 2:
		r = label("sha256", raw, n);
		break;
	default:
		return NULL;
	}
	return r;
}
// SUM: summary pick_label: returns heap (allocated by calloc(), fails: null){{$}}

static struct obj *obj_new(int kind)
{
	struct obj *o = malloc(sizeof(*o));

	if (!o)
		return NULL;
	init_hdr(kind > 0 ? &o->hdr : NULL, kind);
	copy_out(&o->name[0], "obj", 4);
	return o;
}
// SUM: summary obj_new: returns heap (allocated by malloc(), fails: null) keeps arg 1{{$}}

static struct obj *obj_registered(int kind)
{
	struct obj *o = malloc(sizeof(*o));

	if (!o)
		return NULL;
	init_hdr(&o->hdr, kind);
	link_in(&o->link);
	return o;
}
// SUM: summary obj_registered: keeps arg 1{{$}}

int print_label(int how, const char *raw, size_t n, int fail)
{
	char *fp = pick_label(how, raw, n);

	if (fp == NULL)
		return -1;
	if (fail)
		return -1;
// CHECK: :[[@LINE-1]]:3: warning: 'fp' allocated by pick_label() at line [[@LINE-6]] is not freed when returning here [leakcheck-leak]
	free(fp);
	return 0;
}

int use_obj(int kind)
{
	struct obj *o = obj_new(kind);

	if (!o)
		return -1;
	return o->hdr.kind;
// CHECK: :[[@LINE-1]]:2: warning: 'o' allocated by obj_new() at line [[@LINE-5]] is not freed when returning here [leakcheck-leak]
}

int use_registered(int kind)
{
	struct obj *o = obj_registered(kind);

	if (!o)
		return -1;
	return o->hdr.kind;     /* the registry has it */
}
