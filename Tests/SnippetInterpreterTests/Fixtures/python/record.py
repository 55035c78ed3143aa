"""Records expected outputs for the golden snippet tests from CPython 3.11.

Run: python3 record.py  (from this folder). For every NAME.py it writes NAME.out (stdout) and, when the
snippet raises, NAME.err (stderr traceback with CPython 3.11's caret lines removed; the interpreter does
not print carets). Each snippet runs as `snippet.py` in a scratch folder, so tracebacks name "snippet.py".
"""
import glob, os, re, subprocess, sys, tempfile

for path in sorted(glob.glob("*.py")):
    if path == "record.py":
        continue
    name = path[:-3]
    with open(path) as f:
        source = f.read()
    with tempfile.TemporaryDirectory() as scratch:
        with open(os.path.join(scratch, "snippet.py"), "w") as f:
            f.write(source)
        result = subprocess.run([sys.executable, "snippet.py"], cwd=scratch, capture_output=True, text=True)
        result.stderr = result.stderr.replace(os.path.join(scratch, "snippet.py"), "snippet.py")
    with open(name + ".out", "w") as f:
        f.write(result.stdout)
    err = "".join(l for l in result.stderr.splitlines(True) if not re.fullmatch(r"\s*[\^~]+\s*\n?", l))
    if result.returncode != 0:
        with open(name + ".err", "w") as f:
            f.write(err)
    elif os.path.exists(name + ".err"):
        os.remove(name + ".err")
print("recorded", len(glob.glob("*.out")), "cases with", sys.version.split()[0])
