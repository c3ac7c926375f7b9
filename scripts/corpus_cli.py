"""The command line every corpus generator shares.

    python3 scripts/gen_X.py > FILE      write the corpus
    python3 scripts/gen_X.py --check FILE
                                         exit 1 if FILE differs from it
"""

import argparse
import os
import sys


def run(description, render, argv=None):
    """Parses the arguments and writes or checks the text `render()` gives."""
    script = os.path.join("scripts", os.path.basename(sys.argv[0]))
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("--check", metavar="FILE", help="exit 1 if FILE differs from the generated corpus")
    args = ap.parse_args(argv)
    text = render()
    if args.check:
        try:
            with open(args.check, "rb") as f:
                current = f.read()
        except OSError as e:
            print(f"{args.check}: cannot read ({e.strerror}); regenerate it with {script}")
            return 1
        if current != text.encode("utf-8"):
            print(f"{args.check} is out of date: run python3 {script} > {args.check}")
            return 1
        return 0
    sys.stdout.buffer.write(text.encode("utf-8"))
    return 0
