"""clean_document: statuses and reasons, ids, raw mode, and properties that always hold."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given
from hypothesis import settings as hyp_settings
from hypothesis import strategies as st

from rashomon.clean import article_id, clean_document
from rashomon.clean.text import clean_pasted_text
from rashomon.model import RawDocument
from rashomon.settings import Settings

from .conftest import FETCHED_AT, sample_paths, text_document

# Hypothesis tests cannot take function-scoped fixtures; settings are immutable.
_SETTINGS = Settings()

ENGLISH = (
    "Russian President Vladimir Putin will fail in his invasion of Ukraine, Blinken said.\n"
    "The West has imposed biting economic sanctions on Russia in retaliation for its war.\n"
)


def test_ok_outcome_carries_the_article(settings) -> None:
    outcome = clean_document(text_document(ENGLISH, id="given-id", outlet="Daily Sabah"), settings)
    assert outcome.record.status == "ok"
    assert outcome.record.article_id == "given-id"
    assert outcome.analysis is not None
    article = outcome.analysis.article
    assert article.id == "given-id" and article.outlet == "Daily Sabah" and article.language == "en"


def test_article_id_is_a_stable_hash_of_the_input() -> None:
    raw = text_document(ENGLISH, name="examples/a.txt")
    assert article_id(raw) == article_id(text_document("other", name="examples/a.txt"))
    assert len(article_id(raw)) == 16 and int(article_id(raw), 16) >= 0


def test_non_english_is_skipped_with_the_language(settings) -> None:
    text = "Президент России Владимир Путин потерпит неудачу в Украине, заявил Блинкен в среду."
    outcome = clean_document(text_document(text), settings)
    assert outcome.record.status == "skipped"
    assert outcome.record.reason.startswith("E202") and "Russian" in outcome.record.reason
    assert outcome.analysis is None


def test_accepted_languages_are_a_setting(settings) -> None:
    text = "Президент России Владимир Путин потерпит неудачу в Украине, заявил Блинкен в среду."
    outcome = clean_document(text_document(text), settings.with_overrides(languages=("en", "ru")))
    assert outcome.record.status == "ok"
    assert outcome.analysis.article.language == "ru"


def test_no_body_is_skipped(settings) -> None:
    outcome = clean_document(text_document("Home\nWorld\nShare\n"), settings)
    assert (outcome.record.status, outcome.record.reason[:4]) == ("skipped", "E201")


def test_record_keeps_given_metadata_and_drops_prompts(settings) -> None:
    raw = RawDocument(
        input="feed.jsonl#L1",
        content_hash="h",
        kind="record",
        text=ENGLISH + "Share this article\nWith reports by AP and Reuters\n",
        title="Blinken: Putin will fail",
        published="2022-03-09",
        url="https://www.dailysabah.com/x",
        fetched_at=FETCHED_AT,
    )
    article = clean_document(raw, settings).analysis.article
    assert article.title == "Blinken: Putin will fail"
    assert (article.published, article.published_source) == ("2022-03-09", "given")
    assert "Share" not in article.text
    assert article.credits == ["With reports by AP and Reuters"]
    assert (article.outlet, article.outlet_source) == ("Daily Sabah", "url")
    assert (article.title_source, article.clean_path) == ("given", "record")


def test_html_document(settings) -> None:
    html = (
        "<html><body><article><h1>Talks</h1>" + "<p>" + ENGLISH * 3 + "</p></article></body></html>"
    )
    raw = RawDocument(input="a.html", content_hash="h", kind="html", html=html)
    outcome = clean_document(raw, settings)
    assert outcome.record.status == "ok"
    assert "Putin will fail" in outcome.analysis.article.text


def test_raw_mode_keeps_text_exactly(settings) -> None:
    text = "  Home\nShare this\n" + ENGLISH + "\n\n"
    article = clean_document(text_document(text, raw=True), settings).analysis.article
    assert article.text == text
    assert (article.title_source, article.clean_path) == ("derived", "raw")
    assert article.title and ENGLISH.startswith(article.title.rstrip("…"))
    article = clean_document(
        text_document(text), settings.with_overrides(raw=True)
    ).analysis.article
    assert article.text == text


@hyp_settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.text(max_size=120), max_size=25), st.sampled_from(["text", "html", "record"]))
def test_never_raises(lines: list[str], kind: str) -> None:
    text = "\n".join(lines)
    raw = RawDocument(input="x", content_hash="h", kind=kind, text=text, html=text)  # type: ignore[arg-type]
    outcome = clean_document(raw, _SETTINGS)
    assert outcome.record.status in ("ok", "skipped", "failed")
    assert (outcome.analysis is None) == (outcome.record.status != "ok")


@hyp_settings(max_examples=80, deadline=None)
@given(
    st.lists(
        st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=150), max_size=30
    )
)
def test_output_lines_are_input_lines(lines: list[str]) -> None:
    text = "\n".join(lines)
    cleaned = clean_pasted_text(text)
    inputs = {line.strip() for line in text.splitlines()}
    produced = [p for p in cleaned.body.split("\n\n") if p] + cleaned.credits + cleaned.datelines
    assert all(p in inputs for p in produced)


@hyp_settings(max_examples=40, deadline=None)
@given(st.text(max_size=400))
def test_raw_mode_is_identity(text: str) -> None:
    outcome = clean_document(text_document(text, raw=True), _SETTINGS)
    if outcome.analysis is not None:
        assert outcome.analysis.article.text == (text or "")


def test_sample_dates_never_after_fetch(settings) -> None:
    for path in sample_paths():
        outcome = clean_document(text_document(path.read_text(encoding="utf-8")), settings)
        published = outcome.analysis.article.published
        assert published is None or date.fromisoformat(published) <= FETCHED_AT.date()


def test_regression_jsonl_text_that_is_a_page_takes_the_pasted_path(settings) -> None:
    page = (
        "Skip to main content\nHome\nWorld\nPolitics\nSport\nRelated articles\n\n"
        + ENGLISH
        + "\nShare this article\nSign up for our newsletter\nPrivacy Policy\n"
    )
    raw = RawDocument("feed.jsonl#L2", "h", "record", text=page, fetched_at=FETCHED_AT)
    article = clean_document(raw, settings).analysis.article
    assert article.clean_path == "record-as-page"
    assert "Skip to main content" not in article.text and "Politics" not in article.text
    body = RawDocument("feed.jsonl#L3", "h", "record", text=ENGLISH, fetched_at=FETCHED_AT)
    assert clean_document(body, settings).analysis.article.clean_path == "record"
