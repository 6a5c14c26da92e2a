"""The attribute ruler's rules applied by table lookup instead of spaCy's Matcher.

The English pipeline's ``attribute_ruler`` maps each tagger tag (plus, for a few
rules, the word, its dependency label or the previous token) to a coarse part of
speech, morphology and lemma; the stages read ``token.pos_``. Run through the
Matcher it costs about 20 ms per 1,000-token article, though its rules only test
a window of up to three tokens; this copy takes about 3 ms (CPU, PolNeAR dev
texts). ``compile_rules`` reads the ruler's own patterns and attribute sets, and
``FastAttributeRuler`` decides each token's attributes from that window, caching
the decision per distinct window, then writes them with spaCy's own setter.
Precedence is the ruler's: every matching rule applies, in the order the rules
were added, so later rules win. Patterns beyond what is reproduced here exactly
(other attributes, other operators, quantifiers) make ``compile_rules`` return
None and the pipeline keeps spaCy's ruler.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, cast

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

FACTORY = "rashomon_attribute_rules"
# Token attributes the compiled rules can test, in the column order of ``Doc.to_array``.
COLUMNS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}
COLUMN_IDS = [TAG, LOWER, DEP, IS_SPACE]
# A further column: the numbers of the rules' LOWER regexes the word matches.
REGEX_COLUMN = 4
# Stands for every value no rule names, so windows differing only there share a cache entry.
OTHER = -1
# Distinct windows remembered: 283 news texts (200k tokens) produced 939, so this never
# fills in practice and only bounds memory against adversarial input.
CACHE_LIMIT = 200_000

# What a window position no rule tests a column of keeps: whether its token exists.
PRESENCE = ((COLUMNS["IS_SPACE"], None),)

# Column, negated, accepted values (for REGEX_COLUMN: the regex numbers the word must match).
Check = tuple[int, bool, frozenset[int]]


@dataclass(frozen=True)
class Rule:
    """One ruler entry: alternative patterns, each a tuple of per-token checks."""

    patterns: tuple[tuple[tuple[Check, ...], ...], ...]
    index: int
    attrs: dict[int, Any]


@dataclass(frozen=True)
class CompiledRules:
    rules: tuple[Rule, ...]
    regexes: tuple[re.Pattern, ...]
    before: int  # tokens of left context a rule can look at
    after: int  # tokens of right context
    # Per window position, the columns some rule tests there, each with the values the
    # rules name (None: keep the value as it is, as for the regex column).
    tested: tuple[tuple[tuple[int, frozenset[int] | None], ...], ...]


def compile_rules(ruler: AttributeRuler) -> CompiledRules | None:
    """The ruler's rules as plain checks, or None if any is beyond exact reproduction."""
    strings = ruler.vocab.strings
    regexes: list[str] = []
    rules = []
    for number, entry in enumerate(ruler.patterns):
        # spaCy types a pattern entry as a dict of any of its values' types.
        index = cast(int, entry["index"])
        given = cast(list[list[dict[str, Any]]], entry["patterns"])
        attrs = ruler.attrs[number]
        if "_" in attrs:
            return None
        patterns = []
        for pattern in given:
            if not pattern or not -len(pattern) <= index < len(pattern):
                return None
            checks = [_token_checks(spec, strings, regexes) for spec in pattern]
            exact = [c for c in checks if c is not None]
            if len(exact) != len(checks):
                return None
            patterns.append(tuple(exact))
        rules.append(Rule(tuple(patterns), index % len(given[0]), attrs))
    if any(len(p) != len(r.patterns[0]) for r in rules for p in r.patterns):
        return None  # a negative index would point at different tokens per pattern
    before = max((r.index for r in rules), default=0)
    after = max((len(p) - 1 - r.index for r in rules for p in r.patterns), default=0)
    tested: list[dict[int, set[int]]] = [{} for _ in range(before + after + 1)]
    for rule in rules:
        for alternative in rule.patterns:
            for offset, token_checks in enumerate(alternative):
                for column, _, values in token_checks:
                    tested[before - rule.index + offset].setdefault(column, set()).update(values)
    return CompiledRules(
        rules=tuple(rules),
        regexes=tuple(re.compile(r) for r in regexes),
        before=before,
        after=after,
        tested=tuple(
            tuple(
                (column, None if column == REGEX_COLUMN else frozenset(values))
                for column, values in sorted(columns.items())
            )
            or PRESENCE
            for columns in tested
        ),
    )


def _token_checks(spec: dict, strings, regexes: list[str]) -> tuple[Check, ...] | None:
    """Checks for one pattern token; REGEX (on LOWER only) becomes a test of its number."""
    checks: list[Check] = []
    for key, value in spec.items():
        if key not in COLUMNS:
            return None
        if isinstance(value, dict) and len(value) != 1:
            return None
        operator, values = next(iter(value.items())) if isinstance(value, dict) else ("=", [value])
        if operator == "REGEX" and key == "LOWER" and isinstance(values, str):
            regexes.append(values)
            checks.append((REGEX_COLUMN, False, frozenset([len(regexes) - 1])))
            continue
        if operator not in ("=", "IN", "NOT_IN") or not isinstance(values, list | tuple):
            return None
        if key == "IS_SPACE" and operator == "=" and isinstance(values[0], bool):
            ids = frozenset(int(v) for v in values)
        elif key != "IS_SPACE" and all(isinstance(v, str) for v in values):
            ids = frozenset(strings.add(v) if v else 0 for v in values)
        else:
            return None
        checks.append((COLUMNS[key], operator == "NOT_IN", ids))
    return tuple(checks)


class FastAttributeRuler:
    """Sets what the attribute ruler would set, deciding per distinct token window."""

    def __init__(self, compiled: CompiledRules) -> None:
        self.compiled = compiled
        self.decisions: dict[tuple, dict[int, Any] | None] = {}
        self.words: dict[int, frozenset[int]] = {}

    def __call__(self, doc: Doc) -> Doc:
        compiled, count = self.compiled, len(doc)
        words, strings = self.words, doc.vocab.strings
        columns = [list(c) for c in zip(*doc.to_array(COLUMN_IDS).tolist(), strict=True)]
        if not columns:
            return doc
        columns.append(
            [words[w] if w in words else self._regex_hits(w, strings[w]) for w in columns[1]]
        )
        # A token's cache key: per window position, what the rules there can tell apart.
        key_parts = []
        for position, tested in enumerate(compiled.tested):
            for column, named in tested:
                values = columns[column]
                if named is not None:
                    values = [v if v in named else OTHER for v in values]
                key_parts.append(_shifted(values, position - compiled.before, count))
        for i, (token, key) in enumerate(zip(doc, zip(*key_parts, strict=True), strict=True)):
            try:
                attrs = self.decisions[key]
            except KeyError:  # None is a decision too: no rule applies
                attrs = self._decide(_window(columns, i, compiled.before, compiled.after))
                if len(self.decisions) < CACHE_LIMIT:
                    self.decisions[key] = attrs
            if attrs:
                set_token_attrs(token, attrs)
        return doc

    def _regex_hits(self, lower: int, text: str) -> frozenset[int]:
        """The numbers of the rules' regexes the word matches."""
        hits = frozenset(n for n, r in enumerate(self.compiled.regexes) if r.search(text))
        if len(self.words) < CACHE_LIMIT:
            self.words[lower] = hits
        return hits

    def _decide(self, window: tuple) -> dict[int, Any] | None:
        """Merged attributes of every rule matching the middle token, later rules winning."""
        merged: dict[int, Any] = {}
        centre = self.compiled.before
        for rule in self.compiled.rules:
            if any(_matches(p, window, centre - rule.index) for p in rule.patterns):
                merged.update(rule.attrs)
        return merged or None


def _shifted(values: list, shift: int, count: int) -> list:
    """``values`` moved so that item i is token i + shift's value, None past either end."""
    if shift < 0:
        return ([None] * -shift + values)[:count]
    return (values[shift:] + [None] * shift)[:count]


def _window(columns: list[list], i: int, before: int, after: int) -> tuple:
    """Rows of the tokens around token i (all columns), None past either end."""
    count = len(columns[0])
    return tuple(
        tuple(c[j] for c in columns) if 0 <= j < count else None
        for j in range(i - before, i + after + 1)
    )


def _matches(pattern: tuple[tuple[Check, ...], ...], window: tuple, start: int) -> bool:
    if start < 0 or start + len(pattern) > len(window):
        return False
    for offset, checks in enumerate(pattern):
        row = window[start + offset]
        if row is None:
            return False
        for column, negated, values in checks:
            value = row[column]
            if column == REGEX_COLUMN:
                if not values <= value:
                    return False
            elif (value in values) == negated:
                return False
    return True


@Language.factory(FACTORY)
def make_fast_attribute_ruler(nlp: Language, name: str) -> FastAttributeRuler:
    """Created empty-handed by spaCy; ``use_fast_attribute_rules`` supplies the rules."""
    empty = CompiledRules(rules=(), regexes=(), before=0, after=0, tested=(PRESENCE,))
    return FastAttributeRuler(empty)


def use_fast_attribute_rules(nlp: Language, name: str = "attribute_ruler") -> bool:
    """Swap the named ruler for the table-driven one, keeping its name; False if kept."""
    if name not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe(name)
    compiled = compile_rules(ruler) if isinstance(ruler, AttributeRuler) else None
    if compiled is None:
        return False
    replacement = nlp.replace_pipe(name, FACTORY)
    assert isinstance(replacement, FastAttributeRuler)  # made by our factory
    replacement.compiled = compiled
    return True
