#!/usr/bin/env python3
"""candidates.py REPO [--max-lines N] [--since DATE] [--grep PATTERN]

List candidate leak-fix commits of a git repository for commits/<project>.txt:
commits whose message mentions "leak" (or matches --grep), that change exactly one non-test .c
file (other changed files may only be tests, docs or non-C files), whose
added lines in that file call a release function (free/close/unref/...),
and whose file still exists at HEAD.  Output, newest first:

    <hash> <path> # <subject>   [+added -removed, date]

The list is a starting point: read each diff before putting it in a list
(the fix must be a missing release, not a refactoring that mentions leaks).
"""
import argparse
import re
import subprocess
import sys

RELEASE = re.compile(
    r'\b\w*(free|close|unref|release|destroy|cleanup|clear|dispose|fini|finish)\w*\s*\(',
    re.I)
TESTDIR = re.compile(r'(^|/)(t|test|tests|regress|unit|testsuite|fuzz|examples)(/|$)')


def git(repo, *args):
    return subprocess.run(['git', '-C', repo, *args], check=True,
                          capture_output=True, text=True,
                          errors='replace').stdout


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('repo')
    ap.add_argument('--max-lines', type=int, default=40,
                    help='at most this many added+removed lines in the .c file')
    ap.add_argument('--since', default=None)
    ap.add_argument('--grep', default='leak',
                    help="git log -i --grep pattern (default 'leak')")
    a = ap.parse_args()

    head_files = set(git(a.repo, 'ls-tree', '-r', '--name-only', 'HEAD').split('\n'))
    log_args = ['log', '-i', '--grep=' + a.grep, '--no-merges',
                '--format=%H%x09%cs%x09%s']
    if a.since:
        log_args.append('--since=' + a.since)
    for line in git(a.repo, *log_args).splitlines():
        h, date, subj = line.split('\t', 2)
        stat = git(a.repo, 'show', '--numstat', '--format=', h).splitlines()
        cfiles = []
        bad = False
        for s in stat:
            parts = s.split('\t')
            if len(parts) != 3:
                continue
            add, rem, path = parts
            if TESTDIR.search(path):
                continue
            if path.endswith('.c'):
                cfiles.append((path, add, rem))
            elif path.endswith('.h'):
                bad = True
        if bad or len(cfiles) != 1:
            continue
        path, add, rem = cfiles[0]
        if add == '-' or int(add) + int(rem) > a.max_lines or int(add) == 0:
            continue
        if path not in head_files:
            continue
        diff = git(a.repo, 'show', '--format=', '-U0', h, '--', path)
        added = [l[1:] for l in diff.splitlines()
                 if l.startswith('+') and not l.startswith('+++')]
        if not any(RELEASE.search(l) for l in added):
            continue
        print(f'{h} {path} # {subj}   [+{add} -{rem}, {date}]')
    return 0


if __name__ == '__main__':
    sys.exit(main())
