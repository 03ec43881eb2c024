// A list's count tested zero: a function that appends to a list grows
// member items (a regrow fill: "grown" in its summary) only when it
// appends, so where the caller finds the count zero (`!l.nr`, `l.nr ==
// 0`, `0 == l.nr`, `l.nr < 1`) items holds nothing.  Still reported: a
// plain fill (b->name = strdup(s)) whatever a count says, the count of
// another list, a count found nonzero, a count set to zero.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
// RUN: not %leakcheck --dump-summaries %s -- | FileCheck %s --check-prefix=SUM
#include <stdlib.h>
#include <string.h>
struct list { char **items; size_t nr, alloc; };
struct box { char *name; int n; };

static void *grow_mem(void *p, size_t n)
{
	void *r = realloc(p, n);
	if (!r)
		abort();
	return r;
}

void list_add(struct list *l, char *s)
{
	if (l->nr + 1 > l->alloc) {
		l->alloc = (l->nr + 1) * 2;
		l->items = grow_mem(l->items, l->alloc * sizeof(*l->items));
	}
	l->items[l->nr++] = s;
}
// SUM: summary list_add: fills member items of arg 1 with heap (fails: never, grown) counting keeps arg 2{{$}}

void list_clear(struct list *l)
{
	free(l->items);
	l->items = NULL;
	l->nr = l->alloc = 0;
}

void add_some(struct list *l, char **v, int n)
{
	int i;
	for (i = 0; i < n; i++)
		if (v[i][0])
			list_add(l, v[i]);
}
// SUM: summary add_some: fills member items of arg 1 with heap (fails: never, grown){{$}}

void box_name(struct box *b, const char *s)
{
	b->name = strdup(s);
	if (!b->name)
		abort();
}
// SUM: summary box_name: fills member name of arg 1 with heap (fails: never){{$}}

int use(struct list *l);
int use_item(char *s);

int empty_returns(char **v, int n)
{
	struct list l = { NULL, 0, 0 };
	int r;
	add_some(&l, v, n);
	if (!l.nr)
		return 0;
	r = use(&l);
	list_clear(&l);
	return r;
}

int empty_returns_eq(char **v, int n)
{
	struct list l = { 0 };
	add_some(&l, v, n);
	if (l.nr == 0)
		return 0;
	list_clear(&l);
	return 1;
}

int empty_returns_eq_swapped(char **v, int n)
{
	struct list l = { 0 };
	add_some(&l, v, n);
	if (0 == l.nr)
		return 0;
	list_clear(&l);
	return 1;
}

int empty_returns_lt(char **v, int n)
{
	struct list l = { 0 };
	add_some(&l, v, n);
	if (l.nr < 1)
		return 0;
	list_clear(&l);
	return 1;
}

int plain_fill_count_zero(const char *s)
{
	struct box b = { NULL, 0 };
	box_name(&b, s);
	if (!b.n)
		return 0;
// CHECK: {{.*}}param-member-count-tested-zero.c:[[@LINE-1]]:3: warning: 'b.name' allocated by box_name() at line [[@LINE-3]] is not freed when returning here [leakcheck-leak]
	free(b.name);
	return 1;
}

int other_list_count_zero(char **v, int n)
{
	struct list l = { 0 }, m = { 0 };
	add_some(&l, v, n);
	add_some(&m, v, n);
	if (!m.nr) {
		list_clear(&m);
		return 0;
// CHECK: {{.*}}param-member-count-tested-zero.c:[[@LINE-1]]:3: warning: 'l.items' allocated by add_some() at line [[@LINE-5]] is not freed when returning here [leakcheck-leak]
	}
	list_clear(&l);
	list_clear(&m);
	return 1;
}

int nonzero_returns(char **v, int n)
{
	struct list l = { 0 };
	add_some(&l, v, n);
	if (l.nr)
		return 1;
// CHECK: {{.*}}param-member-count-tested-zero.c:[[@LINE-1]]:3: warning: 'l.items' allocated by add_some() at line [[@LINE-3]] is not freed when returning here [leakcheck-leak]
	list_clear(&l);
	return 0;
}

int count_set_zero(char **v, int n)
{
	struct list l = { 0 };
	add_some(&l, v, n);
	l.nr = 0;
	if (!l.nr)
		return 0;
// CHECK: {{.*}}param-member-count-tested-zero.c:[[@LINE-1]]:3: warning: 'l.items' allocated by add_some() at line [[@LINE-4]] is not freed when returning here [leakcheck-leak]
	list_clear(&l);
	return 1;
}

int nonzero_clears(char **v, int n)
{
	struct list l = { 0 };
	int r = 0;
	add_some(&l, v, n);
	if (l.nr)
		r = use(&l);
	list_clear(&l);
	return r;
}

#define for_each_item(it, list) \
	for (it = (list)->items; it && it < (list)->items + (list)->nr; ++it)

int empty_returns_then_iterates(char **v, int n)
{
	struct list l = { 0 };
	char **it;
	int r = 0;
	add_some(&l, v, n);
	if (!l.nr)
		return 0;
	for_each_item(it, &l)
		r += use_item(*it);
	list_clear(&l);
	return r;
}

struct sbuf { char *buf; size_t len, alloc; };

void sbuf_add(struct sbuf *sb, const char *s, size_t n)
{
	if (sb->len + n + 1 > sb->alloc) {
		sb->alloc = (sb->len + n + 1) * 2;
		sb->buf = grow_mem(sb->buf, sb->alloc);
	}
	memcpy(sb->buf + sb->len, s, n);
	sb->len += n;
	sb->buf[sb->len] = '\0';
}
// SUM: summary sbuf_add: fills member buf of arg 1 with heap (fails: never, grown) copies arg 2 into it{{$}}

int string_len_zero(const char *s, size_t n)
{
	struct sbuf sb = { 0 };
	sbuf_add(&sb, s, n);
	if (!sb.len)
		return 0;
// CHECK: {{.*}}param-member-count-tested-zero.c:[[@LINE-1]]:3: warning: 'sb.buf' allocated by sbuf_add() at line [[@LINE-3]] is not freed when returning here [leakcheck-leak]
	free(sb.buf);
	return 1;
}
