#!/usr/bin/env python3
"""Check a planted-error set (bench/blind*/): line counts match, every annotated span is an
exact substring of its line, no blank lines or trailing spaces.

Run: python3 bench/blind_verify.py bench/blind3
"""
import json, os, sys, collections
here = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else sys.exit(__doc__)
KINDS = {"number", "omission", "addition", "negation", "untranslated", "literal", "mistranslation"}
ok = True
docs = {}
for name in sorted(os.listdir(here)):
    if name.endswith(".zh.txt"):
        d = name[:-7]
        zh = open(os.path.join(here, name), encoding="utf-8").read().splitlines()
        en = open(os.path.join(here, d + ".en.txt"), encoding="utf-8").read().splitlines()
        if len(zh) != len(en):
            print(f"{d}: line count mismatch zh={len(zh)} en={len(en)}"); ok = False
        for fn in (name, d + ".en.txt"):
            raw = open(os.path.join(here, fn), "rb").read()
            if b"\r" in raw: print(f"{fn}: contains \\r"); ok = False
            if not raw.endswith(b"\n"): print(f"{fn}: no final newline"); ok = False
            for j, line in enumerate(raw.decode("utf-8").split("\n")[:-1], 1):
                if not line.strip(): print(f"{fn}:{j}: blank line"); ok = False
                if line != line.rstrip(): print(f"{fn}:{j}: trailing whitespace"); ok = False
        docs[d] = (zh, en)
counts = collections.defaultdict(collections.Counter)
seen = set()
for i, raw in enumerate(open(os.path.join(here, "annotations.jsonl"), encoding="utf-8"), 1):
    a = json.loads(raw)
    d, ln, k = a["doc"], a["line"], a["kind"]
    zh, en = docs[d]
    if k not in KINDS: print(f"ann {i}: bad kind {k}"); ok = False
    if (d, ln) in seen: print(f"ann {i}: second error on {d}:{ln}"); ok = False
    seen.add((d, ln))
    if not 1 <= ln <= len(zh): print(f"ann {i}: line out of range"); ok = False; continue
    if k == "addition" and a["zh_span"] != "": print(f"ann {i}: addition needs empty zh_span"); ok = False
    if k == "omission" and a["en_span"] != "": print(f"ann {i}: omission needs empty en_span"); ok = False
    if k != "addition" and not a["zh_span"]: print(f"ann {i}: empty zh_span"); ok = False
    if k != "omission" and not a["en_span"]: print(f"ann {i}: empty en_span"); ok = False
    if a["zh_span"] and a["zh_span"] not in zh[ln-1]: print(f"ann {i}: zh_span not in {d}:{ln}"); ok = False
    if a["en_span"] and a["en_span"] not in en[ln-1]: print(f"ann {i}: en_span not in {d}:{ln}"); ok = False
    counts[d][k] += 1
for d in docs:
    n = sum(counts[d].values())
    print(d, len(docs[d][0]), "lines,", n, "errors,", dict(sorted(counts[d].items())))
    if n * 2 > len(docs[d][0]): print(f"{d}: more than half the lines have errors"); ok = False
print("OK" if ok else "FAILED")
sys.exit(0 if ok else 1)
