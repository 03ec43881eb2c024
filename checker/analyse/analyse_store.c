/*
 * analyse_store.c - the states of a walk, kept as differences.
 *
 * Every node of a walk keeps its state: the memo table compares new
 * states with them, and the path notes replay them.  A state is a few
 * kilobytes in a large function (a slot and a value per handle and
 * variable followed), and the budget allows 20,000 of them, yet a block
 * changes only a few of its words.  So a node keeps the words in which
 * its state differs from its parent's, and every STORE_CHAIN-th node
 * along a chain (or one that differs in more than half its words) keeps
 * its whole state.  Reading a state applies at most STORE_CHAIN
 * differences to a whole one; the walk reads each node once when it
 * expands it, and the parent it differs from is then the node just read.
 *
 * A difference is a list of runs: the gap in words since the previous
 * run, the run's length in words (both as LEB128 varints), then its
 * words.  The bytes past the last whole word (a state's size need not be
 * a multiple of 8) end every difference.
 */
#include "analyse_int.h"
#include "base/util.h"

#include <stdlib.h>
#include <string.h>

/* At most this many differences between a node and the whole state it is read from. */
#define STORE_CHAIN 16

/* Room in the store for n more bytes. */
static unsigned char *reserve(struct an *A, size_t n)
{
	if (A->store_len + n > A->store_cap) {
		A->store_cap = A->store_cap ? A->store_cap * 2 : 4096;
		while (A->store_cap < A->store_len + n)
			A->store_cap *= 2;
		A->store = xrealloc(A->store, A->store_cap);
	}
	return A->store + A->store_len;
}

static size_t put_varint(unsigned char *p, size_t v)
{
	size_t n = 0;

	while (v >= 0x80) {
		p[n++] = (unsigned char)(v | 0x80);
		v >>= 7;
	}
	p[n++] = (unsigned char)v;
	return n;
}

static size_t get_varint(const unsigned char **p)
{
	size_t v = 0;
	unsigned shift = 0;

	while (**p & 0x80) {
		v |= (size_t)(**p & 0x7f) << shift;
		shift += 7;
		(*p)++;
	}
	v |= (size_t)**p << shift;
	(*p)++;
	return v;
}

static bool word_differs(const unsigned char *a, const unsigned char *b, size_t w)
{
	uint64_t x, y;

	memcpy(&x, a + w * 8, 8);
	memcpy(&y, b + w * 8, 8);
	return x != y;
}

/*
 * Writes the difference of s from base into out (room for two states);
 * returns its length, or (size_t)-1 when it is larger than half the
 * state (keep the whole one then).
 */
static size_t encode(const unsigned char *base, const unsigned char *s, size_t size,
		     unsigned char *out)
{
	size_t words = size / 8, tail = size % 8, w = 0, prev = 0, n = 0;

	while (w < words) {
		size_t start;

		if (!word_differs(base, s, w)) {
			w++;
			continue;
		}
		start = w;
		while (w < words && word_differs(base, s, w))
			w++;
		n += put_varint(out + n, start - prev);
		n += put_varint(out + n, w - start);
		memcpy(out + n, s + start * 8, (w - start) * 8);
		n += (w - start) * 8;
		if (n > size / 2)
			return (size_t)-1;
		prev = w;
	}
	memcpy(out + n, s + words * 8, tail);
	return n + tail;
}

/* Applies the difference of len bytes at p to buf (a state of size bytes). */
static void apply(const unsigned char *p, size_t len, unsigned char *buf, size_t size)
{
	const unsigned char *end = p + len - size % 8;
	size_t w = 0;

	while (p < end) {
		size_t n;

		w += get_varint(&p);
		n = get_varint(&p);
		memcpy(buf + w * 8, p, n * 8);
		p += n * 8;
		w += n;
	}
	memcpy(buf + size / 8 * 8, p, size % 8);
}

void an_store_get(const struct an *A, int n, unsigned char *buf)
{
	int chain[STORE_CHAIN + 1];
	size_t k = 0;

	if (n == A->pnode) {
		memcpy(buf, A->pbuf, A->size);
		return;
	}
	while (A->nodes[n].depth) {
		chain[k++] = n;
		n = A->nodes[n].parent;
	}
	memcpy(buf, A->store + A->nodes[n].state, A->size);
	while (k--) {
		const struct node *d = &A->nodes[chain[k]];

		apply(A->store + d->state, d->slen, buf, A->size);
	}
}

unsigned char *an_store_copy(const struct an *A, int n)
{
	unsigned char *s = xmalloc(A->size);

	an_store_get(A, n, s);
	return s;
}

void an_store_read(struct an *A, int n, unsigned char *buf)
{
	if (n != A->pnode) {
		an_store_get(A, n, A->pbuf);
		A->pnode = n;
	}
	memcpy(buf, A->pbuf, A->size);
}

size_t an_store_put(struct an *A, struct node *n, const unsigned char *s)
{
	unsigned char *out = reserve(A, 2 * A->size + 32);
	size_t len = (size_t)-1;

	n->depth = 0;
	if (n->parent >= 0 && A->nodes[n->parent].depth < STORE_CHAIN) {
		if (n->parent != A->pnode) {
			an_store_get(A, n->parent, A->pbuf);
			A->pnode = n->parent;
		}
		len = encode(A->pbuf, s, A->size, out);
		if (len != (size_t)-1)
			n->depth = (uint8_t)(A->nodes[n->parent].depth + 1);
	}
	if (len == (size_t)-1) {
		memcpy(out, s, A->size);
		len = A->size;
	}
	n->state = A->store_len;
	n->slen = len;
	A->store_len += len;
	return len;
}
