"""Metadata that lets datasette present a Rashomon database as an analyst expects.

    python -m rashomon.store.datasette > metadata.json
    datasette news.db --metadata metadata.json

Internal tables (the stories stage's state, progress markers, migrations) are hidden;
the ``*_view`` views of migration 015 put outlet, date and story beside each quote,
figure and signal, and open faceted by them. Full-text search on ``articles`` needs
nothing here: datasette detects the FTS5 index by itself.
"""

from __future__ import annotations

import json
import sys
from typing import Any

# Tables only the pipeline reads: state of the incremental stages and progress markers.
INTERNAL_TABLES = (
    "schema_migrations",
    "story_features",
    "story_bands",
    "story_terms",
    "story_state",
    "entity_linked",
    "article_stages",
)

FACETED_VIEWS: dict[str, tuple[str, list[str]]] = {
    "quotes_view": ("Quotes with the outlet, date and story of their article", ["outlet", "kind"]),
    "figures_view": (
        "Figures with the outlet, date and story of their article",
        ["outlet", "unit"],
    ),
    "signals_view": (
        "Framing signals with the outlet, date and story of their article",
        ["outlet", "signal"],
    ),
}


def metadata(database: str = "rashomon") -> dict[str, Any]:
    """datasette metadata for a database file named ``database`` (its stem)."""
    tables: dict[str, Any] = {name: {"hidden": True} for name in INTERNAL_TABLES}
    tables["articles"] = {
        "description": "Clean articles: title, outlet, publication date with its precision",
        "searchmode": "raw",
    }
    for view, (description, facets) in FACETED_VIEWS.items():
        tables[view] = {"description": description, "facets": facets}
    return {
        "title": "Rashomon",
        "description": "What each outlet reports about the same stories, with provenance.",
        "databases": {database: {"tables": tables}},
    }


if __name__ == "__main__":
    name = sys.argv[1] if len(sys.argv) > 1 else "rashomon"
    json.dump(metadata(name), sys.stdout, indent=2)
    sys.stdout.write("\n")
