#!/usr/bin/env python3
"""Writes a synthetic quizc course of N challenges built from varied attention snippets.

    Benchmarks/generate_course.py N OUTDIR [--plain] [--per-quiz 25]

OUTDIR becomes a content folder (site.yml plus one folder per quiz). Predict-output challenges are written
with a placeholder answer (`?`); `quizc fix OUTDIR` then fills in the computed outputs, after which
`quizc check OUTDIR` passes. Every tenth challenge is a conceptual multiple-choice question without code.

--plain writes snippets in plain Python (lists and `math`, the same attention computations without
torch), for interpreters that have no `torch` yet. Output is a pure function of the arguments.
Standard library only.
"""

import argparse
import os
import random
import sys

TORCH_HEADER = "import torch\nimport torch.nn as nn\nimport torch.nn.functional as F\n\n"


def torch_snippet(kind, r):
    """One attention snippet using torch; `r` (a seeded Random) picks shapes, seeds and masks."""
    seed = r.randrange(10_000)
    b, h, l, d = r.choice([1, 2]), r.choice([1, 2, 4]), r.choice([2, 3, 4, 5]), r.choice([2, 4, 8])
    e = h * d
    if kind == "sdpa":
        causal = r.choice([True, False])
        return (f"torch.manual_seed({seed})\n"
                f"q = torch.randn({b}, {h}, {l}, {d})\n"
                f"k = torch.randn({b}, {h}, {l}, {d})\n"
                f"v = torch.randn({b}, {h}, {l}, {d})\n"
                f"out = F.scaled_dot_product_attention(q, k, v, is_causal={causal})\n"
                "print(out.shape)\n"
                "print(out[0, 0])\n")
    if kind == "softmax":
        scale = r.choice([1.0, 2.0, 0.5])
        return (f"torch.manual_seed({seed})\n"
                f"scores = torch.randn({l}, {l}) / {scale}\n"
                "weights = torch.softmax(scores, dim=-1)\n"
                "print(weights)\n"
                "print(weights.sum(dim=-1))\n")
    if kind == "masked_fill":
        mask = r.choice(["torch.tril(torch.ones({l}, {l}, dtype=torch.bool))",
                         "torch.ones({l}, {l}, dtype=torch.bool).triu(1).logical_not()",
                         "torch.arange({l}) < {k}"]).format(l=l, k=max(1, l - 1))
        return (f"torch.manual_seed({seed})\n"
                f"scores = torch.randn({l}, {l})\n"
                f"keep = {mask}\n"
                "masked = scores.masked_fill(~keep, float('-inf'))\n"
                "print(torch.softmax(masked, dim=-1))\n")
    if kind == "view_transpose":
        return (f"x = torch.arange({b * l * e}).view({b}, {l}, {e})\n"
                f"heads = x.view({b}, {l}, {h}, {d}).transpose(1, 2)\n"
                "print(heads.shape)\n"
                "print(heads.is_contiguous())\n"
                "print(heads[0, -1])\n")
    if kind == "linear":
        return (f"torch.manual_seed({seed})\n"
                f"proj = nn.Linear({e}, {3 * e})\n"
                f"x = torch.randn({b}, {l}, {e})\n"
                "q, k, v = proj(x).chunk(3, dim=-1)\n"
                "print(q.shape, k.shape, v.shape)\n"
                "print(torch.round(q[0, 0], decimals=3))\n")
    if kind == "mha":
        return (f"torch.manual_seed({seed})\n"
                f"mha = nn.MultiheadAttention({e}, {h}, batch_first=True)\n"
                f"x = torch.randn({b}, {l}, {e})\n"
                "out, weights = mha(x, x, x)\n"
                "print(out.shape)\n"
                "print(weights.shape)\n"
                "print(weights[0].sum(dim=-1))\n")
    if kind == "layernorm":
        return (f"torch.manual_seed({seed})\n"
                f"norm = nn.LayerNorm({e})\n"
                f"x = torch.randn({b}, {l}, {e}) * {r.choice([1, 3, 10])}\n"
                "y = norm(x)\n"
                "print(y.shape)\n"
                "print(torch.round(y[0, 0], decimals=4))\n")
    raise ValueError(kind)


PLAIN_HELPERS = (
    "import math\n\n"
    "def rand(seed, n):\n"
    "    values = []\n"
    "    for _ in range(n):\n"
    "        seed = (seed * 1103515245 + 12345) % 2147483648\n"
    "        values.append(seed / 2147483648 * 4 - 2)\n"
    "    return values\n\n"
    "def softmax(row):\n"
    "    top = max(row)\n"
    "    exps = [math.exp(v - top) for v in row]\n"
    "    total = sum(exps)\n"
    "    return [v / total for v in exps]\n\n"
    "def matmul(a, b):\n"
    "    return [[sum(x * y for x, y in zip(row, col)) for col in zip(*b)] for row in a]\n"
)


def plain_snippet(kind, r):
    """The same computations in plain Python, so the course runs on an interpreter without torch."""
    seed = r.randrange(10_000)
    l, d = r.choice([2, 3, 4, 5]), r.choice([2, 4, 8])
    if kind == "sdpa":
        causal = r.choice([True, False])
        return (f"L, D = {l}, {d}\n"
                f"q = [rand({seed} + i, D) for i in range(L)]\n"
                f"k = [rand({seed} + 100 + i, D) for i in range(L)]\n"
                f"v = [rand({seed} + 200 + i, D) for i in range(L)]\n"
                "scores = [[x / math.sqrt(D) for x in row] for row in matmul(q, [list(c) for c in zip(*k)])]\n"
                + ("scores = [[s if j <= i else float('-inf') for j, s in enumerate(row)] for i, row in enumerate(scores)]\n"
                   if causal else "")
                + "out = matmul([softmax(row) for row in scores], v)\n"
                "print(len(out), len(out[0]))\n"
                "print([round(x, 4) for x in out[0]])\n")
    if kind == "softmax":
        scale = r.choice([1.0, 2.0, 0.5])
        return (f"scores = [rand({seed} + i, {l}) for i in range({l})]\n"
                f"weights = [softmax([s / {scale} for s in row]) for row in scores]\n"
                "for row in weights:\n"
                "    print([round(w, 4) for w in row])\n"
                "print(round(sum(weights[-1]), 6))\n")
    if kind == "masked_fill":
        keep = r.choice(["j <= i", "j < {k}".format(k=max(1, l - 1)), "i == j or j == 0"])
        return (f"scores = [rand({seed} + i, {l}) for i in range({l})]\n"
                f"masked = [[s if {keep} else float('-inf') for j, s in enumerate(row)] for i, row in enumerate(scores)]\n"
                "for row in masked:\n"
                "    print([round(w, 4) for w in softmax(row)])\n")
    if kind == "view_transpose":
        h = r.choice([1, 2])
        return (f"L, H, D = {l}, {h}, {d}\n"
                "x = list(range(L * H * D))\n"
                "rows = [x[i * H * D:(i + 1) * H * D] for i in range(L)]\n"
                "heads = [[row[hh * D:(hh + 1) * D] for row in rows] for hh in range(H)]\n"
                "print(len(heads), len(heads[0]), len(heads[0][0]))\n"
                "print(heads[-1][-1])\n")
    if kind == "linear":
        return (f"w = [rand({seed} + i, {d}) for i in range({3 * d})]\n"
                f"b = rand({seed} + 999, {3 * d})\n"
                f"x = rand({seed} + 500, {d})\n"
                "y = [sum(wi * xi for wi, xi in zip(row, x)) + bi for row, bi in zip(w, b)]\n"
                f"q, k, v = y[:{d}], y[{d}:{2 * d}], y[{2 * d}:]\n"
                "print(len(q), len(k), len(v))\n"
                "print([round(t, 3) for t in q])\n")
    if kind == "mha":
        return (f"L, D = {l}, {d}\n"
                f"x = [rand({seed} + i, 2 * D) for i in range(L)]\n"
                "outs = []\n"
                "for h in range(2):\n"
                "    part = [row[h * D:(h + 1) * D] for row in x]\n"
                "    scores = matmul(part, [list(c) for c in zip(*part)])\n"
                "    weights = [softmax([s / math.sqrt(D) for s in row]) for row in scores]\n"
                "    outs.append(matmul(weights, part))\n"
                "merged = [a + b for a, b in zip(outs[0], outs[1])]\n"
                "print(len(merged), len(merged[0]))\n"
                "print([round(t, 4) for t in merged[0]])\n")
    if kind == "layernorm":
        return (f"x = [v * {r.choice([1, 3, 10])} for v in rand({seed}, {d})]\n"
                "mean = sum(x) / len(x)\n"
                "var = sum((v - mean) ** 2 for v in x) / len(x)\n"
                "y = [(v - mean) / math.sqrt(var + 1e-5) for v in x]\n"
                "print([round(v, 4) for v in y])\n"
                "print(abs(round(sum(y), 6)))\n")
    raise ValueError(kind)


KINDS = ["sdpa", "softmax", "masked_fill", "view_transpose", "linear", "mha", "layernorm"]
TITLES = {
    "sdpa": "Scaled dot-product attention", "softmax": "Softmax over scores", "masked_fill": "Masking scores",
    "view_transpose": "Splitting heads", "linear": "Projecting queries, keys and values",
    "mha": "Multi-head attention", "layernorm": "Layer normalisation",
}
CONCEPTS = [
    ("Why scale by the square root of the head size?",
     "It keeps the variance of the scores near one, so softmax does not saturate.",
     ["It makes attention weights sum to one.", "It removes the need for a mask."]),
    ("What does a causal mask prevent?",
     "A position attending to later positions.",
     ["A position attending to itself.", "Padding tokens from being embedded."]),
    ("Why fill masked scores with minus infinity?",
     "Its exponential is exactly zero, so masked keys get no weight.",
     ["It makes the softmax faster.", "It keeps the scores finite."]),
]


def challenge_text(index, kind, r, plain):
    number = index + 1
    if index % 10 == 9:
        question, right, wrong = CONCEPTS[index % len(CONCEPTS)]
        choices = [(right, True)] + [(w, False) for w in wrong]
        r.shuffle(choices)
        lines = "\n".join(f"- [{'x' if ok else ' '}] {text}" for text, ok in choices)
        return (f"---\ntype: conceptual\ndifficulty: intermediate\ntags: [attention]\n---\n\n"
                f"# {question} ({number})\n\n{question}\n\n## Choices\n\n{lines}\n\n"
                f"## Hint\n\nThink about what softmax does with large or infinite scores.\n\n"
                f"## Explanation\n\n{right}\n")
    body = plain_snippet(kind, r) if plain else torch_snippet(kind, r)
    header = PLAIN_HELPERS if plain else TORCH_HEADER
    if index % 4 == 3:
        # Some challenges hide the imports and helpers in a setup fence that runs first.
        code = f"```python setup\n{header.rstrip()}\n```\n\nWhat does this print?\n\n```python\n{body}```\n"
    else:
        code = f"What does this print?\n\n```python\n{header}{body}```\n"
    difficulty = ["beginner", "intermediate", "advanced"][index % 3]
    return (f"---\ntype: predict-output\ndifficulty: {difficulty}\ntags: [attention, {kind.replace('_', '-')}]\n---\n\n"
            f"# {TITLES[kind]} ({number})\n\n{code}\n## Answer\n\n```text\n?\n```\n\n"
            f"## Hint\n\nWork out the shapes first, then the values.\n\n"
            f"## Explanation\n\nRunning the snippet prints:\n{{{{ output }}}}\n")


def generate(count, outdir, plain, per_quiz):
    os.makedirs(outdir, exist_ok=True)
    flavour = "plain Python" if plain else "torch"
    with open(os.path.join(outdir, "site.yml"), "w") as f:
        f.write(f'title: Synthetic Attention Course\ndescription: {count} generated challenges ({flavour}).\n'
                'base_url: ""\nlanguage: en\n')
    quizzes = (count + per_quiz - 1) // per_quiz
    for q in range(quizzes):
        folder = os.path.join(outdir, f"quiz-{q + 1:04d}")
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, "quiz.md"), "w") as f:
            f.write(f"---\ntitle: Attention Drill {q + 1}\ndescription: Generated attention challenges.\n"
                    "pass: all\n---\n\nGenerated challenges; answers are filled in by `quizc fix`.\n")
        for i in range(q * per_quiz, min(count, (q + 1) * per_quiz)):
            kind = KINDS[i % len(KINDS)]
            r = random.Random(i * 7919 + (1 if plain else 0))
            with open(os.path.join(folder, f"{i + 1:05d}-{kind.replace('_', '-')}.md"), "w") as f:
                f.write(challenge_text(i, kind, r, plain))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("outdir")
    parser.add_argument("--plain", action="store_true", help="plain-Python snippets (no torch)")
    parser.add_argument("--per-quiz", type=int, default=25)
    args = parser.parse_args()
    if args.count < 1 or args.per_quiz < 1:
        sys.exit("count and --per-quiz must be positive")
    generate(args.count, args.outdir, args.plain, args.per_quiz)


if __name__ == "__main__":
    main()
