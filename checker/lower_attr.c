/*
 * lower_attr.c - annotations on declarations that say what a function
 * acquires or releases.
 *
 * GCC's malloc(dealloc) and malloc(dealloc, N) attributes are rejected
 * by clang ("'malloc' attribute takes no arguments"), which then drops
 * the attribute and goes on with a complete AST: that one error is not
 * fatal (lower_attr_dropped()).
 */
#include "lower.h"
#include "lower_int.h"

#include <string.h>

bool lower_attr_dropped(CXDiagnostic d)
{
	CXString s = clang_getDiagnosticSpelling(d);
	const char *msg = clang_getCString(s);
	bool yes = !strcmp(msg, "'malloc' attribute takes no arguments") ||
		   !strcmp(msg, "'__malloc__' attribute takes no arguments");

	clang_disposeString(s);
	return yes;
}
