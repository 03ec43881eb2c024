/*
 * lsp.h - leakcheck --lsp: a Language Server Protocol 3.17 server on
 * stdin/stdout that shows findings as diagnostics while C is edited.
 *
 * It speaks JSON-RPC 2.0 with Content-Length framing (jansson reads and
 * writes the JSON), and answers initialize, shutdown, textDocument/
 * codeAction and textDocument/hover; it follows textDocument/didOpen,
 * didChange (full and incremental), didSave and didClose.  Each open
 * C document is checked by driver_run() as a one-file run with the
 * editor's unsaved text: its compile database (-p, the client's
 * initializationOptions.compilationDatabase, or compile_commands.json
 * found upward from the file or in a build/ directory beside one of its
 * parents), its .leakcheck.yml, and the other files' summaries from the
 * result cache or the summary index, as on the command line.  A check
 * starts LSP_DEBOUNCE_MS after the last change, or at once on save.
 *
 * Not handled: notebooks, workspace-wide diagnostics (only open
 * documents are checked), pull diagnostics (textDocument/diagnostic),
 * several checks at once (one runs at a time, between messages).
 */
#ifndef LEAKCHECK_LSP_H
#define LEAKCHECK_LSP_H

#include "front/driver.h"

/* Milliseconds after the last change before a document is checked. */
#define LSP_DEBOUNCE_MS 300

/*
 * Serves one client on stdin/stdout until its exit notification or the
 * end of stdin.  base gives the options of every check (rules, -p,
 * --config, --index, --cache-dir, -j, ...); its files are not used.
 * Returns the exit status the protocol asks for: 0 after shutdown then
 * exit, 1 otherwise.
 */
int lsp_serve(const struct driver_opts *base);

#endif
