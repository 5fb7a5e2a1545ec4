#!/usr/bin/env python3
"""Merges benchmark rows (stdin) into one table with the ratio to the best median per
operation and size."""
import sys

rows = [l.rstrip("\n") for l in sys.stdin if l.startswith("| ") and not l.startswith("| implementation")]
parsed = []
for l in rows:
    c = [x.strip() for x in l.strip("|").split("|")]
    parsed.append(c)
best = {}
for impl, op, n, work, mn, md in parsed:
    key = (op, n)
    best[key] = min(best.get(key, float("inf")), float(md))
print("| implementation | operation | courses | workload | min ms | median ms | × best |")
print("|---|---|---|---|---|---|---|")
for impl, op, n, work, mn, md in sorted(parsed, key=lambda r: (int(r[2]), r[1], float(r[5]))):
    print(f"| {impl} | {op} | {n} | {work} | {mn} | {md} | {float(md) / best[(op, n)]:.2f} |")
