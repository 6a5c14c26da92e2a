"""Words, shingles and names drawn from an article, the raw material of every story feature."""

from __future__ import annotations

import math
import re
from collections import Counter

from rashomon.text.stopwords import STOP_WORDS

WORD = re.compile(r"[^\W\d_][\w'’\-]*|\d[\d,.]*%?", re.UNICODE)
# A capitalised word that does not open a sentence: a cheap stand-in for a name
# when no entity mentions are stored.
NAME = re.compile(r"(?<![.!?\n“\"]\s)(?<!^)\b([A-Z][a-z]{2,}|[A-Z]{2,5})\b", re.MULTILINE)


def stop_words() -> frozenset[str]:
    """The toolkit's one stopword list (text/stopwords.py)."""
    return STOP_WORDS


def words(text: str) -> list[str]:
    """Lower-cased words without possessives, in order (shingles use every word)."""
    out = []
    for token in WORD.findall(text):
        word = token.lower().replace("’", "'")
        if word.endswith("'s"):
            word = word[:-2]
        out.append(word)
    return out


def content_words(text: str) -> list[str]:
    """Words that can tell stories apart: no stop words, nothing shorter than three letters."""
    stops = stop_words()
    return [w for w in words(text) if len(w) >= 3 and w not in stops]


def term_counts(title: str, text: str, title_weight: int) -> Counter[str]:
    """Content words with each title word counted as ``title_weight`` body occurrences: the
    headline says what the article is about."""
    counts = Counter(content_words(text))
    for word in content_words(title):
        counts[word] += title_weight
    return counts


def shingles(text: str, size: int) -> set[str]:
    """Word ``size``-grams; a text shorter than that is one shingle."""
    tokens = words(text)
    if len(tokens) < size:
        return {" ".join(tokens)} if tokens else set()
    return {" ".join(tokens[i : i + size]) for i in range(len(tokens) - size + 1)}


def name_words(text: str) -> Counter[str]:
    """Capitalised words inside sentences, lower-cased: likely names of actors and places."""
    stops = stop_words()
    found: Counter[str] = Counter()
    for match in NAME.finditer(text):
        word = match.group(1).lower()
        if word not in stops and word not in CALENDAR:
            found[word] += 1
    return found


CALENDAR = frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
)


def idf(df: int, documents: int) -> float:
    """Smoothed inverse document frequency; never negative."""
    return max(math.log((documents + 1) / (df + 0.5)), 0.0)


def tfidf(counts: Counter[str], df: dict[str, int], documents: int, keep: int) -> dict[str, float]:
    """Unit-length sublinear TF-IDF weights, cut to the ``keep`` heaviest terms.

    The cut happens after normalising, so a truncated vector still scores a dot product
    on the scale of the full one.
    """
    weights = {t: (1 + math.log(n)) * idf(df.get(t, 1), documents) for t, n in counts.items()}
    norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
    top = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:keep]
    return {t: w / norm for t, w in top if w > 0}
