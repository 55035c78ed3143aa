#!/usr/bin/env python3
"""Runs every snippet of a quizc course with CPython (and PyTorch) in one process and prints the wall time.

    /work/torchenv/bin/python Benchmarks/python_baseline.py COURSE_DIR [--no-torch]

The baseline quizc is compared with: each challenge's `python setup` and `python` fences run in order with
`exec` in a fresh namespace, stdout captured, exceptions caught. It also counts the challenges whose stdout
differs from their `## Answer` fence, a cross-check of quizc's computed answers against the real thing.
Never part of the test suite or CI: it needs a Python with torch.
"""

import argparse
import contextlib
import io
import os
import re
import sys
import time

FENCE = re.compile(r"^(`{3,}|~{3,})[ \t]*([^\n]*)\n(.*?)^\1[ \t]*$", re.S | re.M)


def challenges(root):
    for folder, _, files in sorted(os.walk(root)):
        for name in sorted(files):
            if name.endswith(".md") and name not in ("quiz.md", "README.md"):
                yield os.path.join(folder, name)


def parse(path):
    """The runnable fences in order, and the `## Answer` text when there is one."""
    text = open(path, encoding="utf-8").read()
    runnable, answer = [], None
    answer_at = re.search(r"^## Answer[ \t]*$", text, re.M)
    for match in FENCE.finditer(text):
        info = match.group(2).split()
        if info[:1] == ["python"] and (len(info) == 1 or info[1] == "setup"):
            runnable.append(match.group(3))
        elif answer_at and match.start() > answer_at.start() and answer is None:
            answer = match.group(3)
    return runnable, answer


def normalized(output):
    return [line.rstrip() for line in output.rstrip("\n").split("\n")]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("course")
    parser.add_argument("--no-torch", action="store_true", help="do not import torch up front (plain-Python courses)")
    args = parser.parse_args()

    start = time.perf_counter()
    if not args.no_torch:
        import torch  # noqa: F401  (imported once, as a long-lived build process would)
    imported = time.perf_counter()

    parsed = [(path, *parse(path)) for path in challenges(args.course)]
    ran = raised = differ = 0
    exec_start = time.perf_counter()
    for path, runnable, answer in parsed:
        if not runnable:
            continue
        ran += 1
        out = io.StringIO()
        namespace = {"__name__": "__main__"}
        try:
            with contextlib.redirect_stdout(out):
                for code in runnable:
                    exec(compile(code, path, "exec"), namespace)
        except Exception:  # a snippet that raises is a normal outcome (debug challenges)
            raised += 1
        if answer is not None and normalized(out.getvalue()) != normalized(answer):
            differ += 1
    end = time.perf_counter()

    print(f"python baseline: {len(parsed)} challenges, {ran} with code, {raised} raised, "
          f"{differ} answers differ from CPython")
    print(f"import {imported - start:.3f} s, exec {end - exec_start:.3f} s, total {end - start:.3f} s")
    print(f"wall_seconds={end - start:.3f}")


if __name__ == "__main__":
    main()
