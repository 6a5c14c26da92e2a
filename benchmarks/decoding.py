"""Decoding that does not lie: how often ingest reads re-encoded dev texts back exactly.

Real article texts from the dev sets (pasted pages, news stream; many languages) are
turned into bytes the way they arrive in the wild, and decoded:

- ``utf8``: as UTF-8 (must come back unchanged);
- ``stray``: UTF-8 with one stray byte (0x80-0xFF) at a random character boundary
  (must come back with exactly that byte replaced by U+FFFD);
- ``legacy``: in the first code page of LEGACY that can hold the text (cp1252 for
  Western text), for texts with characters beyond ASCII (must come back unchanged);
- ``short``: the same for a 300-character window around the first non-ASCII
  character, where detection has least to go on.

The score is the share decoded exactly. The baseline is the decoder before this
change (strict UTF-8, else charset-normalizer's best guess), run on the same bytes.
Texts are split into two halves by a hash of their id: the two settings are chosen
on half A (grid below) and reported on both.

    python benchmarks/decoding.py [--json PATH]
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import random
import sys
from collections.abc import Callable
from itertools import product
from pathlib import Path

from charset_normalizer import from_bytes

from common import EVAL, header
from rashomon.ingest.decode import NotText, decode
from rashomon.settings import Settings

SOURCES = (
    ("extraction/pasted_text_dev.jsonl.gz", "text"),
    ("stories/news_stream_dev.jsonl.gz", "text"),
)
# Single-byte code pages tried in order for the legacy case: Western first, then the
# pages of the other scripts in the dev texts. A text no single page can hold (emoji,
# CJK, Devanagari) would reach a user as UTF-8, so it has no legacy case.
LEGACY = ("cp1252", "cp1250", "cp1251", "cp1253", "cp1254", "cp1257")
CASES = ("utf8", "stray", "legacy", "short")
MAX_CHARS = 6_000  # a long article's worth: detection only reads so much anyway
SHARES = (0.1, 0.2, 0.35, 0.5, 0.65, 0.8, 0.95)
COHERENCES = (0.7, 0.9, 1.0, 1.01)  # 1.01: every exotic guess gives way to cp1252


def load_texts() -> list[tuple[str, str]]:
    texts = []
    for name, field in SOURCES:
        with gzip.open(EVAL / name, "rt", encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                if row.get(field, "").strip():
                    texts.append((f"{name}:{row['id']}", row[field][:MAX_CHARS]))
    return texts


def half(ident: str) -> str:
    return "A" if hashlib.sha256(ident.encode()).digest()[0] % 2 == 0 else "B"


def cases(ident: str, text: str) -> list[tuple[str, bytes, str]]:
    """(case, bytes, the text a truthful decoder returns) for one dev text."""
    rng = random.Random(ident)
    out = [("utf8", text.encode("utf-8"), text)]
    boundary = rng.randint(0, len(text))
    stray = bytes([rng.randint(0x80, 0xFF)])
    data = text[:boundary].encode() + stray + text[boundary:].encode()
    out.append(("stray", data, text[:boundary] + "\ufffd" + text[boundary:]))
    first = next((i for i, ch in enumerate(text) if ord(ch) > 127), None)
    encoding = next((e for e in LEGACY if _encodes(text, e)), None)
    if first is not None and encoding is not None:
        out.append(("legacy", text.encode(encoding), text))
        window = text[max(0, first - 150) : first + 150]
        out.append(("short", window.encode(encoding), window))
    return out


def _encodes(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


def baseline(data: bytes) -> str:
    """The decoder before: strict UTF-8, else charset-normalizer's best guess."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        best = from_bytes(data[:200_000]).best()
        if best is None or best.encoding is None:
            raise NotText(False, "no encoding") from None
        return data.decode(best.encoding, errors="replace")


def score(
    samples: list[tuple[str, str, bytes, str]], decoder: Callable[[bytes], str]
) -> dict[str, float]:
    """Share decoded exactly, per case and half (``legacy_A`` …)."""
    hits: dict[str, list[int]] = {}
    for part, case, data, truth in samples:
        try:
            right = decoder(data) == truth
        except NotText:
            right = False
        hits.setdefault(f"{case}_{part}", []).append(int(right))
    return {key: sum(v) / len(v) for key, v in sorted(hits.items())}


def mean_of(scores: dict[str, float], part: str) -> float:
    values = [v for k, v in scores.items() if k.endswith(f"_{part}")]
    return sum(values) / len(values)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--json", type=Path, help="write the headline figures here")
    args = parser.parse_args()
    if not all((EVAL / name).exists() for name, _ in SOURCES):
        print(f"skipped: the dev sets under {EVAL} are absent")
        return 0
    header("decoding: exact recovery of re-encoded dev texts")
    samples = [
        (half(ident), case, data, truth)
        for ident, text in load_texts()
        for case, data, truth in cases(ident, text)
    ]
    counts = {c: sum(1 for s in samples if s[1] == c) for c in CASES}
    print("samples: " + ", ".join(f"{c} {n}" for c, n in counts.items()))

    grid = []
    only_a = [s for s in samples if s[0] == "A"]
    for share, coherence in product(SHARES, COHERENCES):
        settings = Settings(decode_max_bad_utf8_share=share, decode_exotic_min_coherence=coherence)
        grid.append(
            (mean_of(score(only_a, lambda d, s=settings: decode(d, s).text), "A"), share, coherence)
        )
    print("\ngrid on half A (mean exact share over the cases):")
    for value, share, coherence in grid:
        print(f"  share {share:<5} coherence {coherence:<5} {value:.3f}")
    best = max(grid, key=lambda g: (g[0], -g[1], -g[2]))  # ties: the most cautious
    tuned = Settings(decode_max_bad_utf8_share=best[1], decode_exotic_min_coherence=best[2])
    defaults = Settings()
    print(
        f"best on A: share {best[1]}, coherence {best[2]}; defaults: share "
        f"{defaults.decode_max_bad_utf8_share}, coherence {defaults.decode_exotic_min_coherence}"
    )

    ours = score(samples, lambda d: decode(d, defaults).text)
    fitted = score(samples, lambda d: decode(d, tuned).text)
    before = score(samples, baseline)
    print(f"\n{'case':<8}{'half':<6}{'baseline':>10}{'defaults':>10}{'best on A':>11}")
    for key in ours:
        case, part = key.rsplit("_", 1)
        print(
            f"{case:<8}{part:<6}{before.get(key, 0):>10.3f}{ours[key]:>10.3f}{fitted[key]:>11.3f}"
        )
    figures = {f"decoding_exact_{k}": round(v, 4) for k, v in ours.items()}
    figures |= {f"decoding_baseline_exact_{k}": round(v, 4) for k, v in before.items()}
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
