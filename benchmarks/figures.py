"""Figures and dates on the labelled set, beside quantulum3 and dateparser, and their cost.

The set (benchmarks/data/figures_dates.jsonl) holds self-written news sentences
and the five sample articles, each with its publication date, gold figures
(value, unit, counted thing, source) and gold date expressions (normalised
dates). The pipeline's own stages run on each text (annotate, dates, quotes,
figures, timeline). A predicted figure matches a gold one when their spans
overlap and their values agree; on matched pairs the unit must be equal, and
the counted thing and source must share their content words (every gold stem in
the prediction, or Jaccard ≥ 0.5). quantulum3 is scored the same way on value and
unit (it finds no counted thing or source); dateparser's ``search_dates`` and our
dates on the normalised date at the gold precision.

Throughput: the dates, figures and timeline stages timed on the sample articles
against the spaCy pass over the same texts.

    .venv/bin/python benchmarks/figures.py
"""

from __future__ import annotations

import json
import re
import sys
import time
import warnings
from dataclasses import dataclass, field
from datetime import datetime

from common import ROOT, header, sample_texts

DATA = ROOT / "benchmarks" / "data" / "figures_dates.jsonl"
# quantulum3's unit names mapped to ours; anything else keeps quantulum3's name.
QUANTULUM_UNITS = {
    "dollar": "USD",
    "united states dollar": "USD",
    "euro": "EUR",
    "pound sterling": "GBP",
    "percentage": "%",
    "dimensionless": None,
    "kilometre": "km",
    "tonne": "t",
    "metre": "m",
    "degree celsius": "°C",
    "cent": None,
    "percentage point": "pp",
}
REPEAT = 20  # sample articles timed this many times over (100 articles)


@dataclass
class Score:
    predicted: int = 0
    gold: int = 0
    hits_p: int = 0
    hits_r: int = 0
    misses: list[str] = field(default_factory=list)

    def line(self, name: str) -> str:
        p = self.hits_p / self.predicted if self.predicted else 0.0
        r = self.hits_r / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        counts = f"(pred {self.predicted}, gold {self.gold})"
        return f"  {name:<24} P {p:.3f}  R {r:.3f}  F1 {f:.3f}  {counts}"


def gold_spans(text: str, items: list[dict]) -> list[tuple[int, int, dict]]:
    """Place each gold item on its own occurrence of its text, longest first."""
    taken: list[tuple[int, int]] = []
    placed = []
    for item in sorted(items, key=lambda i: -len(i["text"])):
        # A word glued after a last digit ("27on" in a scraped page) does not hide it.
        end = r"(?!\d)(?![.,]\d)" if item["text"][-1].isdigit() else r"(?![\w])"
        pattern = re.compile(rf"(?<![\w$€£]){re.escape(item['text'])}{end}")
        for m in pattern.finditer(text):
            if not any(m.start() < e and s < m.end() for s, e in taken):
                taken.append((m.start(), m.end()))
                placed.append((m.start(), m.end(), item))
                break
        else:
            raise SystemExit(f"gold text {item['text']!r} not found in {text[:60]!r}")
    return placed


def same_words(gold: str | None, pred: str | None) -> bool:
    from rashomon.figures.compare import similarity, stems

    if not gold or not pred:
        return False
    g, p = stems(gold), stems(pred)
    return g <= p or similarity(g, p) >= 0.5


def close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def score_figures(rows, predict, fields=("counts", "source")) -> dict[str, Score]:
    """Value and unit for every tool; ``fields`` only for tools that find them."""
    scores = {k: Score() for k in ("value", "unit", *fields)}
    for row, preds in zip(rows, predict, strict=True):
        gold = gold_spans(row["text"], row["figures"])
        matched: dict[int, tuple[int, int, dict]] = {}
        for n, pred in enumerate(preds):
            for g in gold:
                if (
                    pred["start"] < g[1]
                    and g[0] < pred["end"]
                    and close(pred["value"], g[2]["value"])
                ):
                    matched[n] = g
                    break
        scores["value"].predicted += len(preds)
        scores["value"].gold += len(gold)
        scores["unit"].predicted += len(preds)
        scores["unit"].gold += len(gold)
        hit_gold = {id(g) for g in matched.values()}
        scores["value"].hits_p += len(matched)
        scores["value"].hits_r += len(hit_gold)
        units_right = sum(1 for n, g in matched.items() if preds[n]["unit"] == g[2]["unit"])
        scores["unit"].hits_p += units_right
        scores["unit"].hits_r += units_right
        for key in fields:
            s = scores[key]
            s.predicted += sum(1 for p in preds if p.get(key))
            s.gold += sum(1 for g in gold if g[2][key])
            for n, g in matched.items():
                if same_words(g[2][key], preds[n].get(key)):
                    s.hits_p += 1
                    s.hits_r += 1
                elif g[2][key]:
                    s.misses.append(f"{g[2]['text']}: gold {g[2][key]!r} got {preds[n].get(key)!r}")
        for g in gold:
            if id(g) not in hit_gold:
                scores["value"].misses.append(f"missed {g[2]['text']!r} in {row['id']}")
        for n, pred in enumerate(preds):
            if n not in matched:
                scores["value"].misses.append(f"extra {pred['text']!r} in {row['id']}")
    return scores


def agrees(pred_date: str | None, pred_end: str | None, gold: dict) -> bool:
    if pred_date is None or gold["date"] is None:
        return False
    width = {"day": 10, "range": 10, "month": 7, "year": 4}[gold["precision"]]
    if pred_date[:width] != gold["date"][:width]:
        return False
    return gold["date_end"] is None or pred_end == gold["date_end"]


def score_dates(rows, predict) -> Score:
    score = Score()
    for row, preds in zip(rows, predict, strict=True):
        gold = gold_spans(row["text"], row["dates"])
        score.gold += len(gold)
        score.predicted += sum(1 for p in preds if p["date"] is not None)
        hit: set[int] = set()
        for pred in preds:
            if pred["date"] is None:
                continue
            for n, g in enumerate(gold):
                if (
                    n not in hit
                    and pred["start"] < g[1]
                    and g[0] < pred["end"]
                    and agrees(pred["date"], pred.get("date_end"), g[2])
                ):
                    hit.add(n)
                    break
            else:
                score.misses.append(f"extra/wrong {pred['text']!r}={pred['date']} in {row['id']}")
        score.hits_p += len(hit)
        score.hits_r += len(hit)
        for n, g in enumerate(gold):
            if n not in hit:
                score.misses.append(f"missed {g[2]['text']!r}={g[2]['date']} in {row['id']}")
    return score


def run_rashomon(rows):
    from rashomon.annotate.nlp import load_nlp
    from rashomon.model import Analysis, Article
    from rashomon.pipeline import load_stages
    from rashomon.settings import Settings

    settings = Settings()
    nlp = load_nlp(settings.spacy_model)
    stages = load_stages()
    analyses = []
    for row in rows:
        article = Article(
            id=row["id"], input=row["id"], text=row["text"], published=row["published"]
        )
        analysis = Analysis(article)
        doc = nlp(row["text"])
        for st in stages:
            st(analysis, doc, settings)
        analyses.append(analysis)
    figures = [
        [
            {
                "start": f.start,
                "end": f.end,
                "text": f.text,
                "value": f.value,
                "unit": f.unit,
                "counts": f.counts,
                "source": f.source,
            }
            for f in a.figures
        ]
        for a in analyses
    ]
    dates = [
        [
            {"start": d.start, "end": d.end, "text": d.text, "date": d.date, "date_end": d.date_end}
            for d in a.dates
        ]
        for a in analyses
    ]
    return figures, dates


def run_quantulum(rows):
    from quantulum3 import classifier, parser

    # Its rule-based disambiguation, whatever else is installed: the classifier it ships
    # is a pickle that only loads with the scikit-learn it was made with.
    classifier.USE_CLF = False
    found = []
    for row in rows:
        preds = []
        for q in parser.parse(row["text"]):
            name = q.unit.name.lower()
            unit = QUANTULUM_UNITS.get(name, name)
            preds.append(
                {
                    "start": q.span[0],
                    "end": q.span[1],
                    "text": q.surface,
                    "value": float(q.value),
                    "unit": unit,
                }
            )
        found.append(preds)
    return found


def run_search_dates(rows):
    from dateparser.search import search_dates

    found = []
    for row in rows:
        base = datetime.fromisoformat(row["published"]) if row["published"] else None
        settings = {"PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": True}
        if base is not None:
            settings["RELATIVE_BASE"] = base
        hits = search_dates(row["text"], languages=["en"], settings=settings) or []
        preds, cursor = [], 0
        for text, when in hits:
            start = row["text"].find(text, cursor)
            if start < 0:
                continue
            cursor = start + len(text)
            preds.append(
                {"start": start, "end": cursor, "text": text, "date": when.date().isoformat()}
            )
        found.append(preds)
    return found


def throughput() -> tuple[float, float, float]:
    from rashomon.annotate.nlp import load_nlp
    from rashomon.model import Analysis, Article
    from rashomon.pipeline import REGISTRY, load_stages
    from rashomon.settings import Settings

    settings = Settings()
    nlp = load_nlp(settings.spacy_model)
    stages = load_stages()
    texts = list(sample_texts()) * REPEAT
    started = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=settings.spacy_batch_size))
    spacy_seconds = time.perf_counter() - started
    ours = {REGISTRY[n] for n in ("dates", "figures", "timeline")}
    spent = 0.0
    for n, (text, doc) in enumerate(zip(texts, docs, strict=True)):
        analysis = Analysis(Article(id=str(n), input=str(n), text=text, published="2022-03-09"))
        for st in stages:
            if st in ours:
                started = time.perf_counter()
                st(analysis, doc, settings)
                spent += time.perf_counter() - started
            else:
                st(analysis, doc, settings)
    return len(texts) / spacy_seconds, len(texts) / spent, spent / spacy_seconds


def main() -> None:
    header("figures and dates: labelled set, quantulum3 and dateparser side by side")
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line]
    for row in rows:
        if "file" in row:
            assert (ROOT / row["file"]).read_text(encoding="utf-8") == row["text"], row["file"]
    n_fig = sum(len(r["figures"]) for r in rows)
    n_date = sum(len(r["dates"]) for r in rows)
    print(
        f"set: {DATA.relative_to(ROOT)}: {len(rows)} texts, {n_fig} figures, {n_date} dates "
        f"= {n_fig + n_date} labelled items"
    )
    ours_figures, ours_dates = run_rashomon(rows)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        theirs = run_quantulum(rows)
        searched = run_search_dates(rows)
    mine = score_figures(rows, ours_figures)
    print("figures, rashomon:")
    for key, s in mine.items():
        print(s.line(key))
    print("figures, quantulum3 (no counted thing or source):")
    for key, s in score_figures(rows, theirs, fields=()).items():
        print(s.line(key))
    print("dates (normalised, at the gold precision):")
    print(score_dates(rows, ours_dates).line("rashomon dates"))
    print(score_dates(rows, searched).line("dateparser search_dates"))
    spacy_rate, ours_rate, ratio = throughput()
    print(
        f"throughput on {len(sample_texts()) * REPEAT} sample articles: spaCy pass "
        f"{spacy_rate:.1f} articles/s; dates+figures+timeline {ours_rate:.1f} articles/s; "
        f"their time is {ratio:.3f}× the spaCy pass"
    )
    if "--errors" in sys.argv:
        for key, s in mine.items():
            for miss in s.misses:
                print(f"  [{key}] {miss}")
        for miss in score_dates(rows, ours_dates).misses:
            print(f"  [dates] {miss}")


if __name__ == "__main__":
    main()
