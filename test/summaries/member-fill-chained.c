// `regs = p->priv = xmalloc(n)` fills member priv of p: the local copy is
// the same fresh handle, followed by the walk, not the member copied out
// (git's xdiff_set_find_func).  Storing a function into a member
// (`p->find = match`) writes no resource.  A copy of a member the function
// did not just fill, or a copy that is then freed, still makes the
// function one that touches its parameter's members.
// RUN: not %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
// RUN: not %leakcheck --dump-summaries %s -- | FileCheck %s --check-prefix=SUM
#include <regex.h>
#include <stdlib.h>

struct regs { int nr; regex_t *array; };
struct conf { int (*find)(const char *, void *); void *priv; };

static void *xmalloc(size_t n)
{
	void *p = malloc(n);
	if (!p)
		abort();
	return p;
}

static int match(const char *line, void *priv)
{
	return line && priv;
}

static void conf_set_find(struct conf *c, int n)
// SUM: summary conf_set_find: fills member priv of arg 1 with heap (fails: never)
{
	struct regs *regs;

	c->find = match;
	regs = c->priv = xmalloc(sizeof(*regs));
	regs->nr = n;
	regs->array = NULL;
}

static void conf_clear_find(struct conf *c)
// SUM: summary conf_clear_find: frees member priv of arg 1
{
	free(c->priv);
	c->priv = NULL;
	c->find = NULL;
}

static void conf_copy_old(struct conf *c)
// SUM: summary conf_copy_old:{{$}}
{
	struct regs *old = c->priv;

	c->priv = xmalloc(sizeof(*old));
	free(old);
}

static void conf_chain_then_free(struct conf *c)
// SUM: summary conf_chain_then_free:{{$}}
{
	struct regs *regs;

	regs = c->priv = xmalloc(sizeof(*regs));
	free(regs);
}

int use(const struct conf *c);

int leaks(int n)
{
	struct conf *c = calloc(1, sizeof(*c));

	if (!c)
		return -1;
	conf_set_find(c, n);
	free(c);
// CHECK: :[[@LINE-1]]:2: warning: 'c->priv' allocated by conf_set_find() at line [[@LINE-2]] is not freed when 'c' is freed here [leakcheck-leak]
	return 0;
}

int local_leaks(int n)
{
	struct conf c = { 0 };

	conf_set_find(&c, n);
	if (n > 3)
		return -1;
// CHECK: :[[@LINE-1]]:3: warning: 'c.priv' allocated by conf_set_find() at line [[@LINE-3]] is not freed when returning here [leakcheck-leak]
	conf_clear_find(&c);
	return 0;
}

int correct(int n)
{
	struct conf *c = calloc(1, sizeof(*c));

	if (!c)
		return -1;
	conf_set_find(c, n);
	conf_clear_find(c);
	free(c);
	return 0;
}

int correct_local(int n)
{
	struct conf c = { 0 };

	conf_set_find(&c, n);
	conf_chain_then_free(&c);
	conf_copy_old(&c);
	conf_clear_find(&c);
	return 0;
}
