"""The clean stage: one ingested RawDocument becomes one clean Article, or a reason why not.

Pasted page text goes through Rashomon's own line cleaner (``text.py``), HTML
through trafilatura (``html.py``), and a JSONL or feed record's text only loses
obvious boilerplate lines, unless its lines show it is a pasted page
(``text.looks_like_page``): then it takes the pasted-text path, and
``Article.clean_path`` says which it took. Then the outlet (``outlet.py``,
with the registry of ``registry.py``), the publication date with its
provenance (``published.py``), the title (``title.py``) and the language
(``language.py``) are settled; what the user gave (``manifest.py``) always
wins. With ``raw`` the text is kept exactly as given, so offsets in every
later export point into the input.

``clean_document`` never raises on bad content: an input it cannot use comes
back as a ``skipped`` or ``failed`` record with a numbered reason.
"""

from __future__ import annotations

import hashlib
import traceback
from dataclasses import dataclass, field

from rashomon.clean.html import BadHtml, extract_html, filter_paragraphs, visible_text
from rashomon.clean.language import detect_language
from rashomon.clean.outlet import find_outlet
from rashomon.clean.published import infer_published
from rashomon.clean.registry import load_registry
from rashomon.clean.text import clean_pasted_text, looks_like_page
from rashomon.clean.title import browser_title, choose_title, retold_headline
from rashomon.errors import Reason
from rashomon.guard import OverBudget
from rashomon.ingest.sources import is_url
from rashomon.model import Analysis, Article, InputRecord, Outcome, RawDocument, Status
from rashomon.settings import Settings

__all__ = ["article_id", "clean_document"]


@dataclass(slots=True)
class _Cleaned:
    """What one of the three cleaners found, before outlet, date and language."""

    text: str
    title: str = ""
    author: str | None = None
    credits: list[str] = field(default_factory=list)
    site_name: str | None = None
    meta_date: str | None = None
    datelines: list[str] = field(default_factory=list)
    date_text: str = ""  # where a publication date may be read from the text
    footer: list[str] = field(default_factory=list)
    first_line: str = ""  # a pasted page's first line: often the browser title
    path: str = "pasted"


def article_id(raw: RawDocument) -> str:
    """The given id, else a stable 16-hex-digit hash of the input's name."""
    if raw.id:
        return raw.id
    return hashlib.sha256(raw.input.encode("utf-8")).hexdigest()[:16]


def clean_document(raw: RawDocument, settings: Settings) -> Outcome:
    """Clean one document into an ok Outcome with its Analysis, or a skipped/failed one."""
    try:
        return _clean(raw, settings)
    except BadHtml as exc:
        return _refused(raw, "failed", Reason.BAD_HTML.with_detail(str(exc)[:200]))
    except OverBudget as exc:  # the caller's per-article time budget ran out
        return _refused(raw, "failed", Reason.OVER_TIME_BUDGET.with_detail(f"in clean: {exc}"))
    except Exception as exc:  # never let one odd document stop a batch
        if settings.debug:
            traceback.print_exc()
        detail = f"{type(exc).__name__}: {exc}"[:200]
        return _refused(raw, "failed", Reason.CLEAN_FAILED.with_detail(detail))


def _clean_text(raw: RawDocument, settings: Settings) -> _Cleaned:
    """The text and what the page says about itself, by the path this input takes."""
    if raw.raw or settings.raw:
        cleaned = _Cleaned(text=raw.text or raw.html, path="raw")
        cleaned.date_text = cleaned.text
        return cleaned
    if raw.kind == "html":
        limit = raw.fetched_at.date() if raw.fetched_at else None
        page = extract_html(raw.html, raw.url, max_date=limit)
        if not page.body.strip():  # trafilatura found no body: read the page as pasted
            fallback = _pasted(visible_text(raw.html), "html-as-page")
            fallback.site_name, fallback.meta_date = page.site_name, page.date
            fallback.title = page.title or fallback.title
            return fallback
        return _Cleaned(
            text=page.body,
            title=page.title,
            author=page.author,
            credits=page.credits,
            site_name=page.site_name,
            meta_date=page.date,
            date_text=page.body,
            path="html",
        )
    if raw.kind == "record" and not looks_like_page(
        raw.text, settings.page_min_rules, settings.page_min_run
    ):
        body, credits = filter_paragraphs(raw.text.splitlines())
        return _Cleaned(text=body, credits=credits, date_text=body, path="record")
    return _pasted(raw.text, "record-as-page" if raw.kind == "record" else "pasted")


def _pasted(text: str, path: str) -> _Cleaned:
    page = clean_pasted_text(text)
    return _Cleaned(
        text=page.body,
        title=page.title,
        author=", ".join(page.authors) or None,
        credits=page.credits,
        datelines=page.datelines,
        date_text=page.zone,
        footer=page.footer,
        first_line=next((line.strip() for line in text.splitlines() if line.strip()), ""),
        path=path,
    )


def _given(raw: RawDocument, name: str) -> str | None:
    """A value the user gave: the manifest or --outlet first, then the record's own field."""
    value = raw.given.get(name) or getattr(raw, name, None)
    return value.strip() if isinstance(value, str) and value.strip() else None


def _clean(raw: RawDocument, settings: Settings) -> Outcome:
    cleaned = _clean_text(raw, settings)
    url = _given(raw, "url")
    outlet = find_outlet(
        given=_given(raw, "outlet"),
        site_name=cleaned.site_name,
        url=url,
        footer=cleaned.footer,
        title_line=cleaned.first_line,
        registry_files=settings.outlet_registry_files,
    )
    registry = load_registry(settings.outlet_registry_files)
    headline = browser_title(
        cleaned.first_line, outlet.name, lambda name: registry.named(name) is not None
    )
    title, title_source = choose_title(
        _given(raw, "title"), retold_headline(headline, cleaned.title), cleaned.text
    )
    # The cleaner's line rules are tuned on English and may keep nothing of another
    # language; the input's own text then tells its language, so the reason is right.
    sample = cleaned.text if cleaned.text.strip() else (raw.text or cleaned.title)
    code, name = detect_language(f"{title}\n{sample}")
    given_language = raw.given.get("language")
    if given_language:
        code, name = given_language.strip().lower(), given_language.strip()
    accepted = settings.languages
    if code is not None and accepted and code not in accepted:
        return _refused(raw, "skipped", Reason.NOT_ENGLISH.with_detail(f"{name}, {code}"))
    if not cleaned.text.strip():
        return _refused(raw, "skipped", Reason.NO_BODY.value)

    published = infer_published(
        given=_given(raw, "published"),
        meta=cleaned.meta_date,
        url=url,
        datelines=cleaned.datelines,
        text=cleaned.date_text,
        fetched_at=raw.fetched_at,
        fetched_from_web=is_url(raw.input),
    )
    article = Article(
        id=article_id(raw),
        input=raw.input,
        text=cleaned.text,
        title=title,
        url=url,
        outlet=outlet.name,
        author=_given(raw, "author") or cleaned.author,
        published=published.date,
        published_source=published.source,
        published_precision=published.precision,
        published_confidence=published.confidence,
        language=code or (accepted[0] if accepted else "en"),
        credits=cleaned.credits,
        fetched_at=raw.fetched_at.isoformat() if raw.fetched_at else None,
        encoding=raw.encoding,
        encoding_confidence=raw.encoding_confidence,
        outlet_source=outlet.source,
        title_source=title_source,
        clean_path=cleaned.path,
    )
    record = InputRecord(raw.input, raw.content_hash, "ok", "", article.id)
    return Outcome(record, Analysis(article))


def _refused(raw: RawDocument, status: Status, reason: str) -> Outcome:
    # A refused record keeps its given id, so the input can still be traced to it.
    return Outcome(InputRecord(raw.input, raw.content_hash, status, reason, raw.id))
