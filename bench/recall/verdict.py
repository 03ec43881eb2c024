#!/usr/bin/env python3
"""verdict.py --repo TREE --list LIST --out OUTDIR MODE...

Reads what measure.sh wrote (OUTDIR/MODE/<hash>.{pre,post}.json, leakcheck's
--format=json) and prints, for each commit of LIST and each MODE, DETECTED,
missed or error, then one "MODE: found/total" line per mode.

A commit is DETECTED in a mode when the pre-fix run has a finding
  - in the fixed file, whose line or one of whose notes' lines lies in a
    function that the fix changes: the changed lines are the old side of the
    hunks of `git diff -U0 HASH^ HASH -- PATH`; a function is the span of
    the pre-fix file between two lines that start with '}' (the end of the
    previous top-level definition, exclusive, to the end of this one), and
  - that is gone after the fix: the post-fix run has fewer findings with
    the same normalised message (line and column numbers replaced by N)
    in that file than the pre-fix run.
"error" means one of the two runs failed (exit status 2, a timeout, no
JSON); it counts as missed.  Only the python3 standard library is used.
"""
import argparse
import json
import os
import re
import subprocess
import sys
from collections import Counter

NUM = re.compile(r'\b\d+\b')


def git(repo, *args):
    return subprocess.run(['git', '-C', repo, *args], check=True,
                          capture_output=True, text=True,
                          errors='replace').stdout


def read_list(path):
    out = []
    with open(path) as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith('#'):
                continue
            parts = line.split(None, 2)
            if len(parts) < 2 or not re.fullmatch(r'[0-9a-f]{7,40}', parts[0]):
                continue
            subj = parts[2].lstrip('# ').strip() if len(parts) > 2 else ''
            out.append((parts[0], parts[1], subj))
    return out


COMMENT = re.compile(r'^\s*(/\*.*|\*.*|//.*)?$')


def changed_old_lines(repo, h, path):
    """Line numbers of the pre-fix file that the fix touches (for a pure
    insertion after line N: N and N+1).  Hunks that change only comments
    or blank lines (openssh's $OpenBSD$ line) are left out."""
    diff = git(repo, 'diff', '-U0', f'{h}^', h, '--', path)
    lines = set()
    hunks = re.split(r'^(?=@@ )', diff, flags=re.M)[1:]
    for hunk in hunks:
        m = re.match(r'@@ -(\d+)(?:,(\d+))? \+\d+(?:,\d+)? @@', hunk)
        if not m:
            continue
        body = [l[1:] for l in hunk.split('\n')[1:] if l[:1] in ('+', '-')]
        if all(COMMENT.match(l) for l in body):
            continue
        start = int(m.group(1))
        count = 1 if m.group(2) is None else int(m.group(2))
        if count == 0:
            lines.update((start, start + 1))
        else:
            lines.update(range(start, start + count))
    return lines


def function_spans(text):
    """Spans [first, last] (1-based) between top-level closing braces."""
    ends = [i + 1 for i, l in enumerate(text.split('\n')) if l.startswith('}')]
    spans, prev = [], 0
    for e in ends:
        spans.append((prev + 1, e))
        prev = e
    spans.append((prev + 1, 10**9))
    return spans


def changed_spans(repo, h, path):
    old = git(repo, 'show', f'{h}^:{path}')
    lines = changed_old_lines(repo, h, path)
    return [s for s in function_spans(old) if any(s[0] <= l <= s[1] for l in lines)]


def load(base):
    """Findings of one run, or None when it failed."""
    try:
        with open(base + '.rc') as f:
            rc = int(f.read().strip() or '2')
        with open(base + '.json') as f:
            data = json.load(f)
    except (OSError, ValueError):
        return None
    if rc not in (0, 1) or not isinstance(data, list):
        return None
    return data


def same_file(name, path):
    name = os.path.normpath(name)
    return name == path or name.endswith('/' + path)


def norm(msg):
    return NUM.sub('N', msg)


def verdict(pre, post, path, spans):
    def inside(line):
        return any(a <= line <= b for a, b in spans)
    mine_pre = [f for f in pre if same_file(f.get('file', ''), path)]
    mine_post = [f for f in post if same_file(f.get('file', ''), path)]
    before = Counter(norm(f.get('message', '')) for f in mine_pre)
    after = Counter(norm(f.get('message', '')) for f in mine_post)
    hits = []
    for f in mine_pre:
        lines = [f.get('line', 0)] + [n.get('line', 0) for n in f.get('notes', [])
                                      if same_file(n.get('file', path), path)]
        k = norm(f.get('message', ''))
        if any(inside(l) for l in lines) and before[k] > after[k]:
            hits.append(f)
    return hits


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--repo', required=True)
    ap.add_argument('--list', required=True)
    ap.add_argument('--out', required=True)
    ap.add_argument('modes', nargs='+')
    a = ap.parse_args()

    commits = read_list(a.list)
    found = Counter()
    errors = Counter()
    for h, path, subj in commits:
        try:
            spans = changed_spans(a.repo, h, path)
        except subprocess.CalledProcessError:
            spans = None
        cols = []
        for m in a.modes:
            base = os.path.join(a.out, m, h)
            pre, post = load(base + '.pre'), load(base + '.post')
            if spans is None or pre is None or post is None:
                cols.append(f'{m}=error')
                errors[m] += 1
                continue
            hits = verdict(pre, post, path, spans)
            if hits:
                found[m] += 1
                first = hits[0]
                cols.append(f'{m}=DETECTED(:{first.get("line")})')
            else:
                cols.append(f'{m}=missed')
        print(f'{h[:12]} {path:40s} {" ".join(cols)}  # {subj[:60]}')
    for m in a.modes:
        extra = f' ({errors[m]} errors)' if errors[m] else ''
        print(f'{m}: {found[m]}/{len(commits)}{extra}')
    return 0


if __name__ == '__main__':
    sys.exit(main())
