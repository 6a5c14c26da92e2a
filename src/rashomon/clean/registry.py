"""The outlet registry: who an outlet is (name, aliases, web domains) and public facts about it.

The built-in rows are ``rashomon/data/outlets.csv``; users extend or override
them with CSV files of the same columns (the ``outlet_registry_files``
setting), a later row with the same name replacing an earlier one. Each row
names the public source of its facts, so a reader can check them. Loaded
registries are cached per tuple of files: they are read-only, so per-article
stages stay pure.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from rashomon.errors import error

KINDS = ("wire service", "public broadcaster", "state-affiliated", "private", "aggregator")
COLUMNS = ("name", "aliases", "domains", "country", "language", "kind", "source")


@dataclass(frozen=True, slots=True)
class OutletFacts:
    """One outlet of the registry; ``source`` says where its facts can be checked."""

    name: str
    aliases: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    country: str = ""
    language: str = ""
    kind: str = ""
    source: str = ""


def name_key(name: str) -> str:
    """A name as compared: case, "&"/"and", a leading "The" and punctuation do not matter."""
    key = name.casefold().replace("&", "and").strip()
    key = re.sub(r"^the\s+", "", key)
    return re.sub(r"[^\w]+", "", key)


@dataclass(frozen=True, slots=True)
class Registry:
    """Outlets by name key and by web domain."""

    by_name: dict[str, OutletFacts]
    by_domain: dict[str, OutletFacts]

    def named(self, name: str | None) -> OutletFacts | None:
        """The outlet a name or alias stands for ("Mail Online" → Daily Mail)."""
        return self.by_name.get(name_key(name)) if name else None

    def hosted(self, host: str | None) -> OutletFacts | None:
        """The outlet of a host or of its nearest registered parent domain."""
        if not host:
            return None
        parts = host.lower().rstrip(".").split(".")
        for i in range(len(parts) - 1):
            found = self.by_domain.get(".".join(parts[i:]))
            if found is not None:
                return found
        return None


def _split(cell: str | None) -> tuple[str, ...]:
    return tuple(part.strip() for part in (cell or "").split(";") if part.strip())


def read_rows(text: str, origin: str) -> list[OutletFacts]:
    """Registry rows from CSV text (lines starting with ``#`` are comments)."""
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    reader = csv.DictReader(lines)
    if reader.fieldnames is None or tuple(reader.fieldnames) != COLUMNS:
        raise error("E205", detail=f"{origin}: an outlet registry needs the columns {COLUMNS}")
    rows = []
    for number, row in enumerate(reader, start=2):
        name = (row.get("name") or "").strip()
        kind = (row.get("kind") or "").strip()
        if not name or (kind and kind not in KINDS):
            raise error("E205", detail=f"{origin} row {number}: a name and a kind in {KINDS}")
        rows.append(
            OutletFacts(
                name=name,
                aliases=_split(row.get("aliases")),
                domains=tuple(d.lower() for d in _split(row.get("domains"))),
                country=(row.get("country") or "").strip(),
                language=(row.get("language") or "").strip(),
                kind=kind,
                source=(row.get("source") or "").strip(),
            )
        )
    return rows


@cache
def load_registry(extra_files: tuple[str, ...] = ()) -> Registry:
    """The built-in registry, then each extra file in order (later rows win)."""
    builtin = resources.files("rashomon.data").joinpath("outlets.csv").read_text("utf-8")
    rows = read_rows(builtin, "outlets.csv")
    for path in extra_files:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError as exc:
            raise error("E205", detail=f"outlet registry {path}: {exc.strerror}") from exc
        rows.extend(read_rows(text, path))
    by_name: dict[str, OutletFacts] = {}
    by_domain: dict[str, OutletFacts] = {}
    for facts in rows:  # later rows replace earlier ones for every key they claim
        for alias in (facts.name, *facts.aliases):
            by_name[name_key(alias)] = facts
        for domain in facts.domains:
            by_domain[domain] = facts
    return Registry(by_name, by_domain)


def outlet_facts(name: str | None, extra_files: tuple[str, ...] = ()) -> OutletFacts | None:
    """The registry's facts about an outlet, by its name or an alias; None when unknown."""
    return load_registry(extra_files).named(name)
