"""Whole per-article pipeline vs a bare spaCy pass, in one run; and where the time goes.

The whole pipeline is ``runners.run_batch`` (clean, Rashomon's spaCy parse,
every registered stage) over the corpus in batches of ``batch_size``. The bare
pass is the same spaCy model with only what named entities and sentences need
(tok2vec, parser, ner), piped over the same articles' clean text with the same
``spacy_batch_size``, touching every entity and sentence. The two alternate
chunk by chunk, so load from other processes on the machine falls on both alike;
the ratio is given in wall time and in this process's CPU time, which other
processes competing for the cores do not inflate.
Goal: whole / bare ≥ 0.75 (Rashomon's own work costs at most a third of the parse).

The breakdown then times each part separately on a subset: clean, Rashomon's
parse, and each registered stage's function.
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict

from common import header, load, raw_documents

GOAL = 0.75
BARE_COMPONENTS = ("tok2vec", "parser", "ner")
# Articles per alternation between the two passes: ~20 s each at ~12 articles/s.
CHUNK = 250


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="200 articles, 100 in the breakdown")
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--breakdown", type=int, default=300, help="articles timed stage by stage")
    args = parser.parse_args()
    if args.quick:
        args.articles, args.breakdown = 200, 100

    import spacy

    from rashomon.annotate.nlp import load_nlp
    from rashomon.clean import clean_document
    from rashomon.pipeline import batched, load_stages
    from rashomon.runners import run_batch
    from rashomon.settings import Settings

    header("per-article pipeline vs bare spaCy pass")
    settings = Settings()
    stages = load_stages()
    print(f"stages: clean, {', '.join(s.name for s in stages) or '(none registered)'}")
    documents = list(raw_documents(args.articles))
    cleaned = [clean_document(d, settings) for d in documents]
    texts = [o.analysis.article.text for o in cleaned if o.analysis is not None]
    nlp = load_nlp(settings.spacy_model)
    bare = spacy.load(
        settings.spacy_model, exclude=[n for n in nlp.component_names if n not in BARE_COMPONENTS]
    )
    print(f"Rashomon's parse: {', '.join(nlp.pipe_names)}; bare: {', '.join(bare.pipe_names)}")
    run_batch(documents[:8], settings)  # first-use costs (lexicons, lazy imports)
    list(bare.pipe(texts[:8]))

    def whole(chunk: list) -> None:
        for batch in batched(chunk, settings.batch_size):
            for outcome in run_batch(batch, settings):
                statuses[outcome.record.status] += 1

    def parse_only(chunk: list[str]) -> None:
        for doc in bare.pipe(chunk, batch_size=settings.spacy_batch_size):
            _ = [len(doc.ents), sum(1 for _ in doc.sents)]

    statuses: dict[str, int] = defaultdict(int)
    spent = {"whole": Clock(), "bare": Clock()}
    for n, start in enumerate(range(0, len(documents), CHUNK)):
        passes = [("whole", whole, documents), ("bare", parse_only, texts)]
        for name, run, items in passes if n % 2 == 0 else passes[::-1]:
            with spent[name]:
                run(items[start : start + CHUNK])
    print(f"articles: {len(documents)} ({dict(statuses)}), {len(texts)} with clean text")
    for name, count in (("whole", len(documents)), ("bare", len(texts))):
        clock = spent[name]
        print(
            f"{name:>5}: {count / clock.wall:.1f} articles/s "
            f"(wall {clock.wall:.1f} s, CPU {clock.cpu:.1f} s)"
        )
    for kind in ("wall", "cpu"):
        whole_rate = len(documents) / getattr(spent["whole"], kind)
        ratio = whole_rate / (len(texts) / getattr(spent["bare"], kind))
        verdict = "met" if ratio >= GOAL else "NOT met"
        print(f"ratio whole/bare in {kind} time: {ratio:.2f} (goal >= {GOAL}: {verdict})")
    breakdown(documents[: args.breakdown], settings, nlp, bare, stages, clean_document)
    print(f"{load()} at the end")


class Clock:
    """Wall and CPU seconds spent inside ``with`` blocks, summed."""

    def __init__(self) -> None:
        self.wall = self.cpu = 0.0

    def __enter__(self) -> None:
        self.started = (time.perf_counter(), time.process_time())

    def __exit__(self, *exc: object) -> None:
        self.wall += time.perf_counter() - self.started[0]
        self.cpu += time.process_time() - self.started[1]


def breakdown(documents: list, settings, nlp, bare, stages, clean_document) -> None:
    """CPU milliseconds per article in clean, the parse and each stage, timed one by one."""
    spent: dict[str, float] = defaultdict(float)
    start = time.process_time()
    outcomes = [clean_document(d, settings) for d in documents]
    spent["clean"] = time.process_time() - start
    ready = [o.analysis for o in outcomes if o.analysis is not None]
    texts = [a.article.text for a in ready]
    start = time.process_time()
    docs = list(nlp.pipe(texts, batch_size=settings.spacy_batch_size))
    spent["spaCy parse"] = time.process_time() - start
    for analysis, doc in zip(ready, docs, strict=True):
        for st in stages:
            start = time.process_time()
            try:
                st(analysis, doc, settings)
            except Exception:  # a failing article stops its own stages, as in analyze_batch
                break
            finally:
                spent[st.name] += time.process_time() - start
    start = time.process_time()
    list(bare.pipe(texts, batch_size=settings.spacy_batch_size))
    bare_seconds = time.process_time() - start
    total = sum(spent.values())
    print(f"breakdown over {len(documents)} articles (CPU ms per article, share of the total):")
    for name, seconds in spent.items():
        print(f"  {name:<14} {1000 * seconds / len(documents):8.2f} ms  {seconds / total:6.1%}")
    own = total - spent["spaCy parse"]
    print(f"  Rashomon's own work (all but the parse): {own / total:.1%} of the time")
    print(
        f"  the bare parse takes {1000 * bare_seconds / len(documents):.2f} ms: Rashomon's parse "
        f"({', '.join(nlp.pipe_names)}) costs {spent['spaCy parse'] / bare_seconds:.2f}x it"
    )


if __name__ == "__main__":
    main()
