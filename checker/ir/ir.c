/* ir.c - building and printing the event IR; see ir.h. */
#include "ir.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct ir_func *ir_func_new(const char *name)
{
	struct arena a;
	struct ir_func *f;

	arena_init(&a);
	f = arena_alloc(&a, sizeof(*f));
	f->arena = a;
	f->name = arena_strdup(&f->arena, name);
	f->entry = -1;
	return f;
}

void ir_func_free(struct ir_func *f)
{
	struct arena a;

	if (!f)
		return;
	a = f->arena;   /* f itself lives in the arena */
	arena_release(&a);
}

size_t ir_func_callees(const struct ir_func *f, const char **out)
{
	size_t b, i, n = 0;
	int a;

	for (b = 0; b < f->nblocks; b++)
		for (i = 0; i < f->blocks[b].nev; i++) {
			const struct ir_event *e = &f->blocks[b].ev[i];

			if (e->kind != EV_CALL)
				continue;
			if (e->key) {
				if (out)
					out[n] = e->key;
				n++;
			}
			for (a = 0; a < e->nargs; a++)
				if (e->args[a].kind == ARG_FUNC && e->args[a].fn) {
					if (out)
						out[n] = e->args[a].fn;
					n++;
				}
		}
	return n;
}

int ir_var_add(struct ir_func *f, const char *name, unsigned flags, int parent)
{
	struct ir_var *v;

	arena_grow(&f->arena, (void **)&f->vars, &f->capvars, f->nvars + 1, sizeof(*f->vars));
	v = &f->vars[f->nvars];
	v->name = arena_strdup(&f->arena, name);
	v->flags = flags;
	v->parent = parent;
	return (int)f->nvars++;
}

int ir_block_add(struct ir_func *f)
{
	arena_grow(&f->arena, (void **)&f->blocks, &f->capblocks, f->nblocks + 1,
		   sizeof(*f->blocks));
	memset(&f->blocks[f->nblocks], 0, sizeof(f->blocks[0]));
	f->blocks[f->nblocks].term.kind = T_NONE;
	f->blocks[f->nblocks].term.var = -1;
	return (int)f->nblocks++;
}

struct ir_event *ir_event_add(struct ir_func *f, int b, const struct ir_event *ev)
{
	struct ir_block *blk = &f->blocks[b];

	arena_grow(&f->arena, (void **)&blk->ev, &blk->cap, blk->nev + 1, sizeof(*blk->ev));
	blk->ev[blk->nev] = *ev;
	return &blk->ev[blk->nev++];
}

int ir_site_add(struct ir_func *f, const struct ir_site *s)
{
	arena_grow(&f->arena, (void **)&f->sites, &f->capsites, f->nsites + 1,
		   sizeof(*f->sites));
	f->sites[f->nsites] = *s;
	return (int)f->nsites++;
}

static const char *var_name(const struct ir_func *f, int v)
{
	return v >= 0 && (size_t)v < f->nvars ? f->vars[v].name : "-";
}

static const char *const cmp_text[] = { "==", "!=", "<", "<=", ">", ">=" };

void ir_dump(const struct ir_func *f, void *file)
{
	FILE *out = file;
	size_t b, i;

	fprintf(out, "function %s (entry B%d)%s%s\n", f->name, f->entry,
		f->unsupported ? " unsupported: " : "", f->unsupported ? f->unsupported : "");
	for (b = 0; b < f->nblocks; b++) {
		const struct ir_block *blk = &f->blocks[b];
		const struct ir_term *t = &blk->term;

		fprintf(out, " B%zu:%s%s\n", b, blk->label ? " label " : "",
			blk->label ? blk->label : "");
		for (i = 0; i < blk->nev; i++) {
			const struct ir_event *e = &blk->ev[i];

			fprintf(out, "  %u:%u ", e->loc.line, e->loc.col);
			switch (e->kind) {
			case EV_ACQUIRE: {
				const struct ir_site *s = &f->sites[e->site];

				fprintf(out, "acquire S%d %s() -> %s%s status=%s from=%s",
					e->site, s->acq->func, var_name(f, s->dst),
					s->discarded ? " (discarded)" : "",
					var_name(f, s->status), var_name(f, s->from));
				if (s->led_by)
					fprintf(out, " with S%d", s->led_by - 1);
				fputc('\n', out);
				break;
			}
			case EV_RELEASE:
				fprintf(out, "release %s by %s()\n", var_name(f, e->var), e->callee);
				break;
			case EV_ASSIGN:
				fprintf(out, "assign %s = %s%s\n", var_name(f, e->var), var_name(f, e->src),
					e->soft ? " (value only)" : "");
				break;
			case EV_SETCONST:
				fprintf(out, "set %s = %" PRId64 "\n", var_name(f, e->var), e->value);
				break;
			case EV_CLOBBER:
				fprintf(out, "clobber %s\n", var_name(f, e->var));
				break;
			case EV_NONNULL:
				fprintf(out, "nonnull %s\n", var_name(f, e->var));
				break;
			case EV_STATUS:
				fprintf(out, "status %s = %s(%s)\n", var_name(f, e->var), e->callee,
					var_name(f, e->src));
				break;
			case EV_ESCAPE:
				if (e->out_param)
					fprintf(out, "escape %s into *param %d\n", var_name(f, e->var),
						e->out_param);
				else if (e->src >= 0)
					fprintf(out, "lend %s to (*%s)() as argument %lld\n",
						var_name(f, e->var), var_name(f, e->src),
						(long long)e->value);
				else
					fprintf(out, "escape %s\n", var_name(f, e->var));
				break;
			case EV_ARITH:
				if (e->src == 2)
					fprintf(out, "%s moves\n", var_name(f, e->var));
				else
					fprintf(out, "%s %s %" PRId64 "\n", var_name(f, e->var),
						e->src ? "*=" : "+=", e->value);
				break;
			case EV_FORGET:
				fprintf(out, "forget %s\n", e->var >= 0 ? var_name(f, e->var) : "memory");
				break;
			case EV_CALL: {
				int a;

				fprintf(out, "call %s(", e->key);
				for (a = 0; a < e->nargs; a++)
					fprintf(out, "%s%s%s%s%s", a ? ", " : "",
						e->args[a].kind != ARG_NONE && e->args[a].borrowed ?
						"borrowed " : "",
						e->args[a].kind == ARG_ADDR ? "&" : "",
						e->args[a].kind == ARG_NONE ? "_" :
						e->args[a].kind == ARG_FUNC ? e->args[a].fn :
						var_name(f, e->args[a].var),
						e->args[a].kind == ARG_INNER ? "+" : "");
				fprintf(out, ") -> %s", var_name(f, e->var));
				if (e->keep_arg)
					fprintf(out, " (keeps arg %d on success)", e->keep_arg);
				fputc('\n', out);
				break;
			}
			case EV_SCOPE_END:
				fprintf(out, "scope-end %s (exit %d%s%s)\n", var_name(f, e->var), e->exit,
					e->label ? " " : "", e->label ? e->label : "");
				break;
			}
		}
		switch (t->kind) {
		case T_NONE:
			fprintf(out, "  (no terminator)\n");
			break;
		case T_GOTO:
			fprintf(out, "  goto B%d\n", t->target);
			break;
		case T_BRANCH:
			if (t->var < 0)
				fprintf(out, "  branch ? B%d : B%d", t->t, t->f);
			else
				fprintf(out, "  branch %s %s %" PRId64 " ? B%d : B%d", var_name(f, t->var),
					cmp_text[t->cmp], t->value, t->t, t->f);
			fprintf(out, "  [%s]\n", t->text ? t->text : "");
			break;
		case T_RETURN:
			if (t->var >= 0)
				fprintf(out, "  return %s (%u:%u)\n", var_name(f, t->var), t->loc.line, t->loc.col);
			else if (t->has_value)
				fprintf(out, "  return %" PRId64 " (%u:%u)\n", t->value, t->loc.line, t->loc.col);
			else
				fprintf(out, "  return (%u:%u)\n", t->loc.line, t->loc.col);
			break;
		case T_END:
			fprintf(out, "  end (%u:%u)\n", t->loc.line, t->loc.col);
			break;
		case T_DEAD:
			fprintf(out, "  dead\n");
			break;
		}
	}
}

int ir_successors(const struct ir_func *f, size_t b, int succ[2])
{
	const struct ir_term *t = &f->blocks[b].term;
	int n = 0;

	if (t->kind == T_GOTO && t->target >= 0 && (size_t)t->target < f->nblocks)
		succ[n++] = t->target;
	if (t->kind == T_BRANCH && t->t >= 0 && (size_t)t->t < f->nblocks)
		succ[n++] = t->t;
	if (t->kind == T_BRANCH && t->f >= 0 && (size_t)t->f < f->nblocks)
		succ[n++] = t->f;
	return n;
}

/* Whether block b holds a call that never returns, by dead_call. */
static bool block_dies(const struct ir_block *b,
		       bool (*dead_call)(const struct ir_event *ev, void *ctx), void *ctx)
{
	size_t i;

	for (i = 0; dead_call && i < b->nev; i++)
		if (b->ev[i].kind == EV_CALL && dead_call(&b->ev[i], ctx))
			return true;
	return false;
}

bool ir_func_may_return(const struct ir_func *f,
			bool (*dead_call)(const struct ir_event *ev, void *ctx), void *ctx)
{
	bool *seen, found = false;
	int *stack;
	size_t n = 0;

	if (f->entry < 0 || (size_t)f->entry >= f->nblocks)
		return false;
	seen = xcalloc(f->nblocks, sizeof(*seen));
	stack = xmalloc(f->nblocks * sizeof(*stack));
	stack[n++] = f->entry;
	seen[f->entry] = true;
	while (n && !found) {
		size_t x = (size_t)stack[--n];
		const struct ir_block *b = &f->blocks[x];
		int next[2], k, m;

		if (block_dies(b, dead_call, ctx))
			continue;
		if (b->term.kind == T_RETURN || b->term.kind == T_END) {
			found = true;
			break;
		}
		m = ir_successors(f, x, next);
		for (k = 0; k < m; k++)
			if (!seen[next[k]]) {
				seen[next[k]] = true;
				stack[n++] = next[k];
			}
	}
	free(stack);
	free(seen);
	return found;
}
