"""The HTML pages a reader clicks through: labels for people, links that lead somewhere."""

from __future__ import annotations

import hashlib
import re
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from rashomon.model import Analysis, Article, InputRecord, Outcome
from rashomon.store import Store
from rashomon.web.app import create_app
from rashomon.web.article_view import signal_notes


@pytest.fixture(scope="module")
def client(blinken_db):
    return TestClient(create_app(blinken_db))


@pytest.fixture(scope="module")
def store(blinken_db):
    with Store(blinken_db, readonly=True) as s:
        yield s


def links(html: str) -> list[str]:
    return re.findall(r'href="(/[^"]*)"', html)


def test_regression_group_speaker_linked_to_a_404(client, store):
    group = store.conn.execute(
        "SELECT speaker_id, speaker FROM quotes WHERE speaker_id LIKE '%; %' LIMIT 1"
    ).fetchone()
    assert group, "the samples quote Blinken and Truss together"
    page = client.get(f"/entity/{quote(group[0])}")
    assert page.status_code == 200
    members = [href for href in links(page.text) if href.startswith("/entity/")]
    assert len(members) == 2
    assert all(client.get(href).status_code == 200 for href in members)
    assert client.get(f"/entity/{quote('person:nobody; person:none')}").status_code == 404


def test_regression_untitled_article_had_no_link(tmp_path):
    path = tmp_path / "untitled.db"
    text = "Talks resumed in Geneva on Monday after a week of delays, officials said."
    with Store(path) as s:
        article = Article(id="u1", input="u1.txt", text=text, title="", outlet="Wire")
        digest = hashlib.sha256(text.encode()).hexdigest()
        record = InputRecord("u1.txt", digest, "ok", article_id="u1")
        s.write_outcomes([Outcome(record, Analysis(article))])
    html = TestClient(create_app(path)).get("/articles").text
    assert re.search(r'<a href="/article/u1">Talks resumed in Geneva on Monday[^<]+</a>', html)


def test_regression_raw_column_headers(client):
    html = client.get("/articles").text
    headers = re.findall(r"<th[^>]*>([^<]*)</th>", html)
    assert headers == ["Title", "Outlet", "Published"]
    assert "outlet_label" not in headers


def test_regression_event_link_text_was_storyline(client, store):
    from rashomon.views.stories import list_stories

    stories = list_stories(store)
    event = next(s for s in stories if s.parent)
    parent = next(s for s in stories if s.id == event.parent)
    html = client.get("/").text
    assert f'<a href="/story/{quote(parent.id)}">{parent.title}' in html.replace("&#39;", "'")
    assert ">storyline</a>" not in html


def test_regression_raw_technique_codes_and_doubled_marks_on_pages(client, store):
    article = store.conn.execute(
        "SELECT article_id FROM signals WHERE label = 'Name_Calling-Labeling' LIMIT 1"
    ).fetchone()[0]
    html = client.get(f"/article/{article}").text
    assert "Name-calling / labelling" in html and "Name_Calling-Labeling" not in html
    blinken = store.conn.execute(
        "SELECT speaker_id FROM quotes WHERE speaker = 'Antony Blinken' LIMIT 1"
    ).fetchone()[0]
    said = client.get(f"/entity/{quote(blinken)}").text
    assert not re.search(r'“["“]|["”]”', said), "a quote wrapped in marks it already had"


def test_regression_one_span_listed_twice():
    same = {"article_id": "a", "start": 5, "end": 12, "text": "failing"}
    signals = [
        {**same, "signal": "loaded", "label": "negative_judgement", "explanation": "judges"},
        {**same, "signal": "technique", "label": "Loaded_Language", "explanation": "sways"},
        {**same, "signal": "loaded", "label": "negative_judgement", "explanation": "judges"},
    ]
    grouped = signal_notes(signals)
    assert list(grouped) == ["loaded"]
    (note,) = grouped["loaded"]
    assert note.labels == ["Negative judgement", "Loaded language"]
    assert note.explanations == ["judges", "sways"]


def test_article_paragraphs_carry_their_own_notes(client, store):
    article = store.conn.execute(
        "SELECT article_id FROM signals WHERE weight > 0 GROUP BY 1 ORDER BY count(*) DESC"
    ).fetchone()[0]
    html = client.get(f"/article/{article}").text
    sections = re.findall(r'<section class="para">(.*?)</section>', html, re.S)
    assert len(sections) >= 5
    for section in sections:
        marked = re.findall(r'class="[^"]*\bsig\b[^"]*"[^>]*>([^<]+)<', section)
        notes = re.findall(r'<strong title="([^"]+)"', section)
        # a marked piece (spans overlap, so text is cut at every boundary) is in a note here
        orphans = [m for m in marked if not any(m.strip() in n for n in notes)]
        assert orphans == [], "a marked span without its note beside it"
    assert "<aside>" not in html  # no page-long sidebar


def test_regression_copies_were_never_listed(tmp_path):
    """copies_of bound its named parameter as a sequence, so it matched nothing."""
    path = tmp_path / "copies.db"
    text = "Talks resumed in Geneva on Monday after a week of delays, officials said."
    with Store(path) as s:
        outcomes = []
        for ident in ("orig", "copy"):
            article = Article(id=ident, input=f"{ident}.txt", text=text, title=ident, outlet=ident)
            digest = hashlib.sha256((ident + text).encode()).hexdigest()
            record = InputRecord(f"{ident}.txt", digest, "ok", article_id=ident)
            outcomes.append(Outcome(record, Analysis(article)))
        s.write_outcomes(outcomes)
        with s.transaction() as conn:
            conn.execute(
                "INSERT INTO story_articles VALUES ('orig', 'e1', NULL, NULL, NULL), "
                "('copy', 'e1', NULL, 'orig', 0.97)"
            )
    client = TestClient(create_app(path))
    assert [c["id"] for c in client.get("/api/articles/orig").json()["copies"]] == ["copy"]
    assert [c["id"] for c in client.get("/api/articles/copy").json()["copies"]] == ["orig"]


def story_path(store) -> str:
    from rashomon.views.stories import list_stories

    return f"/story/{quote(list_stories(store)[0].id)}"


def visible(html: str) -> str:
    """The page's text outside tags, attributes and URLs."""
    return re.sub(r"<[^>]+>|https?://\S+", " ", html)


def test_story_page_opens_with_the_summary_then_the_matrix_and_naming(client, store):
    html = client.get(story_path(store)).text
    order = ["summary", "matrix", "naming", "voices", "figures", "coverage", "framing"]
    at = [html.index(f'<section id="{name}">') for name in order]
    assert at == sorted(at)
    matrix = html[at[1] : at[2]]
    assert matrix.count('class="carries"') >= 2 and "leaves it out" in matrix
    assert "special military operation" in html[at[2] : at[3]]


def test_regression_story_provenance_links_landed_on_a_title_list(client, store):
    html = client.get(story_path(store)).text
    cited = set(re.findall(r'href="(/article/[^"#]+)#c(\d+)"', html))
    assert cited
    for path, start in cited:
        page = client.get(path).text
        # the link's target is the passage itself, wrapped for the :target highlight
        assert re.search(rf'<span class="(passage|alias)" id="c{start}">', page), (path, start)


def test_regression_unknown_outlets_counted_as_outlets_in_headings(client, store):
    html = client.get(story_path(store)).text
    meta = re.search(r'<p class="meta">(.*?)</p>', html, re.S).group(1)
    # the samples: one named outlet (Press TV), four unknown
    assert "· 1 outlet and 4 articles whose outlet is unknown ·" in meta
    assert 'Press TV <span class="facts">(state-affiliated, IR)</span>' in html


def test_regression_pages_showed_raw_iso_dates(client, store):
    article = store.conn.execute(
        "SELECT id FROM articles WHERE published_precision IN ('month', 'year') LIMIT 1"
    ).fetchone()[0]
    blinken = store.conn.execute(
        "SELECT speaker_id FROM quotes WHERE speaker = 'Antony Blinken' LIMIT 1"
    ).fetchone()[0]
    for path in (story_path(store), "/", f"/article/{article}", f"/entity/{quote(blinken)}",
                 "/search?q=Blinken"):  # fmt: skip
        text = visible(client.get(path).text)
        assert re.search(r"\d{4}-\d{2}-\d{2}", text) is None, path
    assert re.search(r"\b(December 2022|2023)\b", visible(client.get(f"/article/{article}").text))


def test_article_page_says_whose_words_each_signal_is(client, store):
    article = store.conn.execute(
        "SELECT article_id FROM signals WHERE voice != 'outlet' AND weight > 0 LIMIT 1"
    ).fetchone()[0]
    html = client.get(f"/article/{article}").text
    voices = re.findall(r'<span class="voice">([^<]+)</span>', html)
    assert "own words" in voices
    assert any(v.startswith("quote: ") for v in voices)


def test_regression_entity_heading_counted_unknown_outlets(client, store):
    blinken = store.conn.execute(
        "SELECT speaker_id FROM quotes WHERE speaker = 'Antony Blinken' LIMIT 1"
    ).fetchone()[0]
    meta = re.search(r'<p class="meta">(.*?)</p>', client.get(f"/entity/{quote(blinken)}").text)
    assert meta and re.search(
        r"by 1 outlet and \d+ articles? whose outlet is unknown", meta.group(1)
    )


def test_story_page_says_whose_words_each_chosen_quotes_example_is(client, store):
    """Issue 15: the story page splits the outlet's own words from the quotes it chose
    and names the speaker of each quoted example."""
    from html import unescape

    page = unescape(visible(client.get(story_path(store)).text))
    assert re.search(r"chooses quotes with loaded words such as '[^']+' \(quote: [^)]+\)", page)
    assert "in its own words" in page and "in quotes" in page


def test_story_page_says_why_each_article_is_in_its_event(client, store):
    """Issue 13's 'explain the grouping' on the story page: each row names its nearest
    members (linked, with their similarity) as the API's reason gives them."""
    path = story_path(store)
    items = client.get(f"/api/stories/{path.removeprefix('/story/')}/articles").json()["items"]
    ids = {a["id"] for a in items}
    placed = [a for a in items if a["reason"]]
    assert placed and any(a["reason"]["nearest"] for a in placed)
    rows = client.get(path).text.split('<section id="articles">')[1].split("<tr>")[2:]
    assert len(rows) == len(items)
    for a, row in zip(items, rows, strict=True):
        assert f'href="/article/{quote(a["id"])}"' in row
        for member, similarity in a["reason"]["nearest"]:
            assert member in ids and member != a["id"]
            assert f'href="/article/{quote(member)}"' in row and f"{similarity:.2f}" in row
