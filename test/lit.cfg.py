# -*- Python -*-
# lit configuration for the leakcheck test suite.
#
# Run through the build tree, which holds the generated lit.site.cfg.py:
#     cmake --build build --target check
#     python3 /usr/lib/llvm-19/build/utils/lit/lit.py -sv build/test
#     scripts/test --filter=NAME      (one test or a subset)
#
# Test files are *.c / *.test with `// RUN:` lines, e.g.
#     // RUN: %leakcheck %s -- | FileCheck %s --implicit-check-not=warning:
#     // RUN: not %leakcheck %s -- 2>&1 | FileCheck %s
# test/Inputs/ holds shared fixtures and is not searched for tests.
#
# NOTE: lit runs pipelines with pipefail (lit's default, kept on purpose), so
# a pipeline fails when *any* command in it exits non-zero. leakcheck exits 1
# when it reports findings, so a test that expects findings must be written
#     // RUN: not %leakcheck %s -- | FileCheck %s
# and the plain `%leakcheck ... | FileCheck` form is for exit status 0 (no
# findings). `not` accepts any non-zero status (1 or 2); check the text
# (warning: vs error:) to tell findings from errors.
import os
import re

import lit.formats
import lit.util

config.name = "leakcheck"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".c", ".test"]
config.excludes = ["Inputs", "lit.cfg.py", "lit.site.cfg.py"]
config.test_source_root = os.path.dirname(os.path.abspath(__file__))

if not hasattr(config, "leakcheck_obj_root"):
    lit_config.fatal(
        "lit.site.cfg.py not loaded: run lit on the *build* tree "
        "(e.g. `cmake --build build --target check` or `lit build/test`), "
        "not on the source test/ directory.")

config.test_exec_root = os.path.join(config.leakcheck_obj_root, "test")

# --- tools ----------------------------------------------------------------
tools = [
    ("FileCheck", config.filecheck),
    ("not", config.not_tool),
    ("split-file", config.split_file),
]
for name, path in tools:
    if not path or path.endswith("-NOTFOUND") or not os.path.isfile(path):
        lit_config.fatal("%s not found (%r): install llvm-NN-tools and "
                         "re-run cmake" % (name, path))

# Substitutions are regexes, applied in order. Tool names are matched as whole
# words that are not part of a path, option or longer name (same rule as
# LLVM's ToolSubst), so `--implicit-check-not=...` or `/x/not/y` are left
# alone. %leakcheck comes last so that its expansion is not rewritten.
def tool_regex(name):
    return r"(?<![.\-^/\\<=%])\b" + re.escape(name) + r"\b(?![-.])"

for name, path in tools:
    config.substitutions.append((tool_regex(name), path))
config.substitutions.append(("%leakcheck", config.leakcheck_bin))

# --- features ---------------------------------------------------------------
config.available_features.add("libclang-" + config.libclang_version_major)
for v in range(17, int(config.libclang_version_major) + 1):
    config.available_features.add("libclang-ge-%d" % v)
# root can chown files to another user (the cache's ownership checks)
if hasattr(os, "geteuid") and os.geteuid() == 0:
    config.available_features.add("root")

# --- environment ----------------------------------------------------------
config.environment["PATH"] = os.pathsep.join(
    [config.leakcheck_obj_root, os.path.dirname(config.filecheck),
     os.environ.get("PATH", "")])
config.environment["LC_ALL"] = "C"

# --- optional tools ---------------------------------------------------------
# The SARIF 2.1.0 schema validator (tools/sarif, installed by scripts/test
# when node and npm are there): tests using it say `REQUIRES: sarif-schema`.
_sarif_dir = os.path.join(os.path.dirname(config.test_source_root), "tools", "sarif")
if (os.path.isdir(os.path.join(_sarif_dir, "node_modules", "@microsoft", "jest-sarif"))
        and lit.util.which("node")):
    config.available_features.add("sarif-schema")
    config.substitutions.append(
        ("%sarif-validate", "node " + os.path.join(_sarif_dir, "validate.js")))
# util-linux script(1) runs a command on a pseudo-terminal (tests of what
# leakcheck prints on a terminal say `REQUIRES: script`).
# Neovim's built-in LSP client (test/lsp/neovim.test; scripts install neovim).
if lit.util.which("nvim"):
    config.available_features.add("nvim")
if lit.util.which("script"):
    config.available_features.add("script")
config.substitutions.append(("%glib-cflags", os.popen("pkg-config --cflags glib-2.0 2>/dev/null").read().strip() or "-I/usr/include/glib-2.0 -I/usr/lib/x86_64-linux-gnu/glib-2.0/include"))
