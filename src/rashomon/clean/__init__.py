"""The clean stage: one ingested RawDocument becomes one clean Article, or a reason why not.

Pasted page text goes through Rashomon's own line cleaner (``text.py``), HTML
through trafilatura (``html.py``), and a JSONL or feed record's text, already
an article body, only loses obvious boilerplate lines. Then the outlet
(``outlet.py``), the publication date with its provenance (``published.py``)
and the language (``language.py``) are settled. With ``raw`` the text is kept
exactly as given, so offsets in every later export point into the input.

``clean_document`` never raises on bad content: an input it cannot use comes
back as a ``skipped`` or ``failed`` record with a numbered reason.
"""

from __future__ import annotations

import hashlib
import traceback
from dataclasses import dataclass, field

from rashomon.clean.html import BadHtml, extract_html, filter_paragraphs
from rashomon.clean.language import detect_language
from rashomon.clean.outlet import find_outlet
from rashomon.clean.published import infer_published
from rashomon.clean.text import clean_pasted_text
from rashomon.errors import Reason
from rashomon.guard import OverBudget
from rashomon.model import Analysis, Article, InputRecord, Outcome, RawDocument
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


def _clean(raw: RawDocument, settings: Settings) -> Outcome:
    limit = raw.fetched_at.date() if raw.fetched_at else None
    if raw.raw or settings.raw:
        cleaned = _Cleaned(text=raw.text or raw.html, title=raw.title or "")
        cleaned.date_text = cleaned.text
    elif raw.kind == "html":
        page = extract_html(raw.html, raw.url, max_date=limit)
        cleaned = _Cleaned(
            text=page.body,
            title=page.title,
            author=page.author,
            credits=page.credits,
            site_name=page.site_name,
            meta_date=page.date,
            date_text=page.body,
        )
    elif raw.kind == "record":
        body, credits = filter_paragraphs(raw.text.splitlines())
        cleaned = _Cleaned(text=body, credits=credits, date_text=body)
    else:
        page = clean_pasted_text(raw.text)
        cleaned = _Cleaned(
            text=page.body,
            title=page.title,
            author=", ".join(page.authors) or None,
            credits=page.credits,
            datelines=page.datelines,
            date_text=page.zone,
            footer=page.footer,
        )
    title = raw.title.strip() if raw.title else cleaned.title
    # The cleaner's line rules are tuned on English and may keep nothing of another
    # language; the input's own text then tells its language, so the reason is right.
    sample = cleaned.text if cleaned.text.strip() else (raw.text or cleaned.title)
    code, name = detect_language(f"{title}\n{sample}")
    accepted = settings.languages
    if code is not None and accepted and code not in accepted:
        return _refused(raw, "skipped", Reason.NOT_ENGLISH.with_detail(f"{name}, {code}"))
    if not cleaned.text.strip():
        return _refused(raw, "skipped", Reason.NO_BODY.value)

    published = infer_published(
        given=raw.published,
        meta=cleaned.meta_date,
        url=raw.url,
        datelines=cleaned.datelines,
        text=cleaned.date_text,
        fetched_at=raw.fetched_at,
    )
    article = Article(
        id=article_id(raw),
        input=raw.input,
        text=cleaned.text,
        title=title,
        url=raw.url,
        outlet=find_outlet(
            given=raw.outlet, site_name=cleaned.site_name, url=raw.url, footer=cleaned.footer
        ),
        author=raw.author or cleaned.author,
        published=published.date,
        published_source=published.source,
        published_precision=published.precision,
        published_confidence=published.confidence,
        language=code or (accepted[0] if accepted else "en"),
        credits=cleaned.credits,
        fetched_at=raw.fetched_at.isoformat() if raw.fetched_at else None,
        encoding=raw.encoding,
        encoding_confidence=raw.encoding_confidence,
    )
    record = InputRecord(raw.input, raw.content_hash, "ok", "", article.id)
    return Outcome(record, Analysis(article))


def _refused(raw: RawDocument, status: str, reason: str) -> Outcome:
    # A refused record keeps its given id, so the input can still be traced to it.
    return Outcome(InputRecord(raw.input, raw.content_hash, status, reason, raw.id))  # type: ignore[arg-type]
