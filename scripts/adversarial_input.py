#!/usr/bin/env python3
"""Writes an adversarial input of a given shape and size to stdout.

    scripts/adversarial_input.py SHAPE BYTES > input.txt
    scripts/adversarial_input.py --list

The shapes are those tests/adversarial.rs checks for correctness, here at
any size for timing (scripts/adversarial.sh) and for the linearity check
(scripts/linearity.sh). Output is deterministic: the same shape and size
always give the same bytes. Random shapes build one block of up to 1 MiB
and repeat it.
"""

import random
import sys

BLOCK = 1 << 20


def repeat(unit: bytes, size: int) -> bytes:
    return unit * (size // len(unit))


def pick(alphabet, size: int, seed: int) -> bytes:
    """Random choices from `alphabet` (strings) up to `size` bytes."""
    rng = random.Random(seed)
    tokens = [a.encode() for a in alphabet]
    out = bytearray()
    while len(out) < min(size, BLOCK):
        out += rng.choice(tokens)
    return bytes(out)


def random_digits(size: int) -> bytes:
    raw = random.Random(1).randbytes(min(size, BLOCK))
    return bytes(b"0123456789"[b % 10] for b in raw)


def bmp(size: int) -> bytes:
    """Every three-byte character (U+0800..U+FFFF but surrogates), each
    followed by a digit."""
    out = []
    for i, cp in enumerate(c for c in range(0x800, 0x10000) if not 0xD800 <= c <= 0xDFFF):
        out.append(chr(cp) + str(i % 10))
    return "".join(out).encode()


def astral(size: int) -> bytes:
    """Every fifth four-byte character, a digit after every third."""
    out = []
    for i, cp in enumerate(range(0x10000, 0x110000, 5)):
        out.append(chr(cp) + (str(i % 10) if i % 3 == 0 else ""))
    return "".join(out).encode()


def invalid_utf8(size: int) -> bytes:
    return random.Random(3).randbytes(min(size, BLOCK))


def fullwidth_mix(size: int) -> bytes:
    """The phone number 13812345678 with every mix of ASCII and full-width
    digits, one per sentence."""
    out = []
    for mask in range(1 << 11):
        digits = "".join(chr(ord(d) - 0x30 + 0xFF10) if mask >> i & 1 else d for i, d in enumerate("13812345678"))
        out.append("手机" + digits + "，")
    return "".join(out).encode()


SHAPES = {
    "digits": lambda n: repeat(b"1", n),
    "random-digits": random_digits,
    "digit-space": lambda n: repeat(b"1 ", n),
    "digit-dash": lambda n: repeat(b"1-", n),
    "digit-comma": lambda n: repeat("1，".encode(), n),
    "numeral-space": lambda n: repeat("一 ".encode(), n),
    "numeral-digit": lambda n: repeat("一1".encode(), n),
    "separators-mixed": lambda n: pick(
        ["0", "1", "3", "8", "9", " ", "-", "，", "—", "\u3000", "(", ")", "+86", "转", "X"], n, 2
    ),
    "long-line": lambda n: repeat("客户：我的手机是13812345678，身份证11010519491231002X，谢谢。".encode(), n),
    "division-names": lambda n: repeat("北京市朝阳区".encode(), n),
    "road-number": lambda n: repeat("路88号".encode(), n),
    "road-name-number": lambda n: repeat("建国路88号".encode(), n),
    "bmp-with-digits": bmp,
    "astral-with-digits": astral,
    "invalid-utf8": invalid_utf8,
    "fullwidth-mix": fullwidth_mix,
}


def generate(shape: str, size: int) -> bytes:
    block = SHAPES[shape](size)
    out = block * (size // len(block)) + block[: size % len(block)]
    return out[:size]


def main() -> int:
    if sys.argv[1:] == ["--list"]:
        print("\n".join(SHAPES))
        return 0
    if len(sys.argv) != 3 or sys.argv[1] not in SHAPES:
        print(__doc__.strip(), file=sys.stderr)
        print("shapes: " + ", ".join(SHAPES), file=sys.stderr)
        return 2
    sys.stdout.buffer.write(generate(sys.argv[1], int(sys.argv[2])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
