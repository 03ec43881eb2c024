/*
 * lower.h - libclang AST -> event IR (ir.h), one function at a time.
 *
 * The only module besides driver.c that touches libclang.  For each
 * function definition whose body is in the translation unit's main file
 * (never bodies from headers), it builds the CFG of events that
 * analyse.c walks.  Calls are matched against the rules by callee name.
 *
 * What it does not handle: calls through function pointers are unknown
 * calls (arguments escape); computed goto and setjmp mark the function
 * unsupported; C++ is not supported.
 */
#ifndef LEAKCHECK_LOWER_H
#define LEAKCHECK_LOWER_H

#include <clang-c/Index.h>
#include <stdbool.h>

#include "ir/ir.h"
#include "rules/rules.h"

/* Called once per lowered function; the callback owns f (ir_func_free()). */
typedef void lower_fn_cb(struct ir_func *f, void *arg);

/*
 * Lowers every function defined in the main file of tu, in source order,
 * and calls cb for each.  Returns the number of functions lowered.
 */
unsigned lower_tu(CXTranslationUnit tu, const struct rules *rules,
		  lower_fn_cb *cb, void *arg);

/*
 * Whether d is the error clang gives for GCC's malloc(dealloc[, N])
 * attribute ("'malloc' attribute takes no arguments").  Clang drops the
 * attribute and the AST is otherwise complete, so the driver does not
 * count it as a parse error; lower_tu() reads the attribute back from it.
 */
bool lower_attr_dropped(CXDiagnostic d);

#endif
