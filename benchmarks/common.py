"""Shared helpers for every benchmark: the machine line, the command line, a synthetic corpus.

The corpus repeats the five sample articles in examples/blinken/ with small
perturbations (numbers, weekdays, the order of two paragraphs), so every copy
has its own text and content hash, as wire copies across outlets do, while the
cleaning and analysis work per article stays that of real scraped pages.
Benchmarks import this as ``from common import ...`` (scripts run from benchmarks/).
"""

from __future__ import annotations

import json
import os
import platform
import random
import re
import shlex
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "blinken"
# The labelled dev sets (not shipped): ../shared/eval beside the repo, or the folder
# RASHOMON_EVAL names (a git worktree elsewhere; the gate's --eval sets it for its scripts).
EVAL = Path(os.environ.get("RASHOMON_EVAL") or ROOT.parent / "shared" / "eval")

OUTLETS = ("wire-a", "wire-b", "daily-c", "weekly-d", "portal-e", "paper-f", "site-g")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WEEKDAY = re.compile(r"\b(?:" + "|".join(WEEKDAYS) + r")\b")
# Lines at least this long are prose paragraphs (in the samples, boilerplate and
# captions are shorter), so swapping two of them keeps the page's structure.
PARAGRAPH_CHARS = 200
# JSONL shard size: ~7 MB at ~3.3 KB an article, well under max_file_bytes (20 MB).
SHARD_ARTICLES = 2_000


def machine() -> str:
    """One line naming the machine, so a figure is never read without it."""
    memory = ""
    try:
        with open("/proc/meminfo", encoding="ascii") as fh:
            kib = int(fh.readline().split()[1])
        memory = f", {kib / 1024**2:.1f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    cpu = platform.processor() or platform.machine()
    return (
        f"machine: {platform.system()} {platform.release()} {cpu}, "
        f"{os.cpu_count()} cores{memory}, Python {platform.python_version()}"
    )


def command() -> str:
    """The exact command that produced the figures, runnable from the repository root."""
    script = Path(sys.argv[0]).resolve()
    if script.is_relative_to(ROOT):
        script = script.relative_to(ROOT)
    return "command: " + shlex.join(["python", str(script), *sys.argv[1:]])


def load() -> str:
    """The 1-minute load average against the cores: figures on a busy machine read low."""
    return f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"


def header(title: str) -> None:
    print(f"# {title}")
    print(machine())
    print(command())
    print(f"{load()} at the start")


@cache
def sample_texts() -> tuple[str, ...]:
    return tuple(p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt")))


def perturb(text: str, rng: random.Random) -> str:
    """A variant of ``text``: other numbers and weekdays, two paragraphs swapped."""
    text = re.sub(r"\d+", lambda m: other_number(m.group(), rng), text)
    text = WEEKDAY.sub(lambda _: rng.choice(WEEKDAYS), text)
    lines = text.split("\n")
    prose = [i for i, line in enumerate(lines) if len(line) >= PARAGRAPH_CHARS]
    if len(prose) >= 3:
        i, j = sorted(rng.sample(prose[1:], 2))  # the lead paragraph stays first
        lines[i], lines[j] = lines[j], lines[i]
    return "\n".join(lines)


def other_number(digits: str, rng: random.Random) -> str:
    """A plausible replacement: days stay days, years stay recent years."""
    value = int(digits)
    if 1 <= value <= 31:
        return str(rng.randint(1, 28))
    if 1990 <= value <= 2030:
        return str(rng.randint(2015, 2025))
    return str(rng.randint(10 ** (len(digits) - 1), 10 ** len(digits) - 1))


def records(count: int, seed: int = 0) -> Iterator[dict[str, str]]:
    """``count`` article records as JSONL objects, streamed, the same for the same seed."""
    rng = random.Random(seed)
    texts = sample_texts()
    for n in range(count):
        yield {
            "id": f"bench-{seed}-{n:07d}",
            "url": f"https://{OUTLETS[n % len(OUTLETS)]}.example/story/{n}",
            "outlet": OUTLETS[n % len(OUTLETS)],
            "text": perturb(texts[n % len(texts)], rng),
        }


def raw_documents(count: int, seed: int = 0) -> Iterator:
    """The same records as ingested RawDocuments, without touching the disk."""
    from rashomon.ingest.records import record_document
    from rashomon.settings import Settings

    settings = Settings()
    fetched = datetime.now(UTC)
    for n, record in enumerate(records(count, seed)):
        line = json.dumps(record, ensure_ascii=False)
        yield record_document(f"bench.jsonl#L{n + 1}", line, record, fetched, settings)


def write_corpus(folder: Path, count: int, seed: int = 0) -> list[Path]:
    """Write ``count`` records as JSONL shards in ``folder``, streaming; return the shards."""
    folder.mkdir(parents=True, exist_ok=True)
    shards: list[Path] = []
    fh = None
    try:
        for n, record in enumerate(records(count, seed)):
            if n % SHARD_ARTICLES == 0:
                if fh is not None:
                    fh.close()
                shards.append(folder / f"shard-{len(shards):05d}.jsonl")
                fh = shards[-1].open("w", encoding="utf-8")
            assert fh is not None
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    finally:
        if fh is not None:
            fh.close()
    return shards


def peak_rss_mib(pid: int | str = "self") -> float:
    """The peak resident memory (VmHWM) of one process, in MiB, read from /proc."""
    with open(f"/proc/{pid}/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


def tree_rss_mib(pid: int) -> float:
    """The current resident memory of ``pid`` and all its descendants, in MiB."""
    total = 0.0
    stack = [pid]
    while stack:
        current = stack.pop()
        try:
            with open(f"/proc/{current}/status", encoding="ascii") as fh:
                for line in fh:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) / 1024
                        break
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children", encoding="ascii") as fh:
                    stack.extend(int(child) for child in fh.read().split())
        except (OSError, ValueError):
            continue  # the process ended while we looked
    return total
