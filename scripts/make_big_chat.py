#!/usr/bin/env python3
"""Writes a large synthetic chat transcript for throughput measurements.

Lines come from the labeled corpus (markup stripped): mostly its negative
lines (order numbers, tracking numbers, amounts, dates, small talk) with
about 4% of lines carrying personal information, each prefixed with a
timestamp and a speaker as in a real transcript. Deterministic.

    python3 scripts/make_big_chat.py 100 > /tmp/chat-100mb.txt   # ~100 MB
"""
import random
import re
import sys

MARKUP = re.compile(r"⟦[a-z_]+\|(.*?)⟧")


def main():
    megabytes = float(sys.argv[1]) if len(sys.argv) > 1 else 100
    pos, neg = [], []
    with open("testdata/corpus/chat.txt", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or "\t" not in line:
                continue
            category, text = line.rstrip("\n").split("\t", 1)
            (pos if "⟦" in text else neg).append(MARKUP.sub(r"\1", text))
    rng = random.Random(7)
    out = sys.stdout
    written = 0
    second = 0
    while written < megabytes * 1_000_000:
        second += rng.randint(1, 40)
        text = rng.choice(pos) if rng.random() < 0.04 else rng.choice(neg)
        speaker = rng.choice(["客户", "坐席"])
        line = f"[2024-11-28 {second // 3600 % 24:02d}:{second // 60 % 60:02d}:{second % 60:02d}] {speaker}：{text}\n"
        out.write(line)
        written += len(line.encode())


if __name__ == "__main__":
    main()
