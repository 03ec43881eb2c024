/*
 * report_sink.c - the findings report_flush() would print, and the
 * --explain remarks, handed to a caller's sink (report_set_sink())
 * instead: the language server shows them in the editor.
 */
#include "report.h"
#include "report_int.h"
#include "base/util.h"

#include <stdlib.h>

/* Gives one remark to the sink (report_each_remark()'s callback). */
static void sink_remark(void *arg, const char *file, unsigned line, unsigned col,
			const char *text)
{
	const struct report_sink *sink = arg;

	sink->remark(sink->arg, file, line, col, text);
}

void report_sink_entries(const struct report_sink *sink, const struct entry *v, size_t n)
{
	struct report_shown_note *notes = NULL;
	size_t i, k, cap = 0;

	for (i = 0; i < n && sink->finding; i++) {
		const struct entry *e = &v[i];
		struct report_shown s = { 0 };

		if (!entry_printed(e))
			continue;
		if (e->nnotes > cap) {
			cap = e->nnotes;
			notes = xrealloc(notes, cap * sizeof(*notes));
		}
		for (k = 0; k < e->nnotes; k++) {
			notes[k].file = e->notes[k].file;
			notes[k].line = e->notes[k].line;
			notes[k].col = e->notes[k].col;
			notes[k].text = e->notes[k].text;
		}
		s.file = e->file;
		s.line = e->line;
		s.col = e->col;
		s.kind = e->kind;
		s.flag = e->flag;
		s.msg = e->msg;
		s.var = e->var;
		s.acq_line = e->acq_file ? e->acq_line : 0;
		s.at_return = e->at_return;
		s.object = e->object;
		s.release_call = e->release_call;
		s.release_arg = e->release_arg;
		s.goto_label = e->goto_label;
		s.retarget = e->retarget;
		s.retarget_also = e->retarget_also;
		s.notes = notes;
		s.nnotes = e->nnotes;
		sink->finding(sink->arg, &s);
	}
	free(notes);
	if (sink->remark)
		report_each_remark(sink_remark, (void *)sink);
}
