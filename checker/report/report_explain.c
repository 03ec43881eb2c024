/*
 * report_explain.c - the words of an --explain remark (why an acquisition
 * gave no finding); see report_explain() in report.h.  The remarks are
 * kept by report_notice.c and printed after the findings.
 */
#define _GNU_SOURCE

#include "report.h"
#include "report_int.h"

#include <stdio.h>
#include <stdlib.h>

void report_explain(struct ir_loc loc, const char *var, const char *acquirer,
		    const struct rule_resource *res, const struct explain_step *steps, size_t n)
{
	char *text = NULL;
	size_t len = 0;
	FILE *b = open_memstream(&text, &len);
	size_t i;

	if (!b)
		return;
	if (var && res->noun)
		fprintf(b, "%s '%s' %s by %s() gives no finding: ", res->noun,
			var[0] == '*' ? var + 1 : var, res->acquired, acquirer);
	else if (var)
		fprintf(b, "'%s' %s by %s() gives no finding: ", var, res->acquired, acquirer);
	else
		fprintf(b, "result of %s() gives no finding: ", acquirer);
	for (i = 0; i < n; i++) {
		const struct explain_step *s = &steps[i];

		fprintf(b, "%s", i ? "; " : "");
		switch (s->kind) {
		case EXPL_RELEASED:
			fprintf(b, "%s by %s() at line %u", res->released, s->what, s->line);
			break;
		case EXPL_RETURNED:
			fprintf(b, "returned at line %u", s->line);
			break;
		case EXPL_STORED:
			if (s->what)    /* the container it went into */
				fprintf(b, "stored into '%s' at line %u", s->what, s->line);
			else
				fprintf(b, "stored at line %u", s->line);
			break;
		case EXPL_OUT_PARAM:
			fprintf(b, "stored into *%s at line %u", s->what, s->line);
			break;
		case EXPL_PASSED:
			fprintf(b, "handed to %s() as argument %d at line %u", s->what, s->arg,
				 s->line);
			break;
		case EXPL_UNCHECKED_EXITS:
			fprintf(b, "held only at exits that are not checked (main(), or a function "
				 "that takes a lock or object and never gives it back)");
			break;
		case EXPL_BUDGET:
			fprintf(b, "not followed to the end: the budget of states ran out");
			break;
		case EXPL_TOO_LARGE:
			fprintf(b, "not followed to the end: the function is too large");
			break;
		}
	}
	if (!n)
		fprintf(b, "no path with it held reaches an exit");
	if (fclose(b) == 0)
		report_keep_remark(loc.file ? loc.file : "<unknown>", loc.line, loc.col, text);
	free(text);
}
