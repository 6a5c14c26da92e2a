"""The one Jinja2 environment the web pages and the static report render with.

Autoescaping is on for every template and string, so untrusted article data is
escaped unless a helper in ``rashomon.render.safety`` or ``highlight`` built the markup.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from rashomon import labels
from rashomon.clean.published import format_published
from rashomon.render.safety import marked, safe_href


def folder(package: str, name: str = "") -> str:
    return str(resources.files(package) / name)


@cache
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader([folder("rashomon.web", "templates"), folder("rashomon.report")]),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["href"] = safe_href
    env.filters["marked"] = marked
    # surfaces: human labels and quote marks (rashomon.labels)
    env.filters["column"] = labels.column
    env.filters["signal_kind"] = labels.signal_kind
    env.filters["technique"] = labels.technique
    env.filters["quoted"] = labels.quoted
    # dates as precise as their source ("January 2023", "undated"), on every surface
    env.filters["published"] = format_published
    env.filters["dates_in_words"] = labels.dates_in_words
    # how many outlets labels are, "outlet unknown (…)" never counted as one
    env.filters["outlets_phrase"] = labels.outlets_phrase
    env.globals["article_title"] = labels.article_title
    return env


@cache
def stylesheet() -> str:
    """The CSS the web UI serves as a file and the report inlines."""
    return (resources.files("rashomon.web") / "static" / "style.css").read_text(encoding="utf-8")
