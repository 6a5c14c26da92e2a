"""The static report: one self-contained file, nothing loaded from anywhere, printable."""

from __future__ import annotations

import re

from typer.testing import CliRunner

from rashomon.cli import app

# Anything that would make a browser fetch: a src, an href or url() to another place.
NETWORK = re.compile(
    r"""(src|href)\s*=\s*["']?\s*(https?:|//)|url\(\s*["']?(https?:|//)|@import""", re.I
)


def write_report(blinken_db, tmp_path) -> str:
    out = tmp_path / "report.html"
    result = CliRunner().invoke(app, ["report", "--db", str(blinken_db), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8")


def test_report_is_self_contained(blinken_db, tmp_path):
    html = write_report(blinken_db, tmp_path)
    assert NETWORK.search(html) is None
    assert "<script" not in html.lower()
    assert '<link rel="stylesheet"' not in html
    assert "<style>" in html and "@media print" in html  # inline CSS with a print layout
    assert 'name="viewport"' in html  # sized for phones


def test_report_holds_the_briefing_and_charts(blinken_db, tmp_path):
    html = write_report(blinken_db, tmp_path)
    for heading in (
        "Summary",
        "How each outlet differs",
        "How outlets name the same things",
        "Figures",
        "Timeline",
        "Coverage per outlet",
    ):
        assert heading in html
    assert html.count("<svg") == 2  # timeline chart and coverage per outlet over time
    assert "Blinken" in html


def test_report_opens_with_the_summary_then_the_comparison(blinken_db, tmp_path):
    """The story's comparison in the order a reader needs it: summary, who carries what,
    naming, voices, figures, coverage, framing; the per-outlet details after."""
    html = write_report(blinken_db, tmp_path)
    order = ["summary", "matrix", "naming", "voices", "figures", "coverage", "framing"]
    at = [html.index(f'id="{name}"') for name in order]
    assert at == sorted(at)
    assert at[-1] < html.index('id="differences"')
    # The samples' naming difference the framing stage finds: Press TV's "special
    # military operation" against the others' "invasion".
    table = html[at[2] : at[3]]
    assert "special military operation" in table and "invasion" in table
    assert "Whose voices each outlet quotes" in html[at[3] : at[4]]


def test_report_matrix_links_passages_inside_the_file(blinken_db, tmp_path):
    html = write_report(blinken_db, tmp_path)
    matrix = html[html.index('id="matrix"') : html.index('id="naming"')]
    targets = set(re.findall(r'class="carries" href="#(a-[^"]+)"', matrix))
    assert targets  # every ✓ links to a passage printed in this same file
    for target in targets:
        assert re.fullmatch(r"a-[0-9a-f]+-c\d+", target)
        assert f'<li id="{target}">' in html
    assert "leaves it out" in matrix
    # and no passage link anywhere in the report points at nothing
    for target in set(re.findall(r'href="#(a-[0-9a-f]+-c\d+)"', html)):
        assert f'<li id="{target}">' in html, target


def test_report_framing_is_per_1000_words_by_voice_with_human_labels(blinken_db, tmp_path):
    html = write_report(blinken_db, tmp_path)
    framing = html[html.index('id="framing"') : html.index('id="differences"')]
    assert "in its own words" in framing and "in quotes" in framing
    assert "Scare quotes" in framing
    assert "SCARE_QUOTE" not in framing and "scare_quote" not in framing
    assert re.search(r"\d+ words", framing)


def test_regression_report_showed_raw_iso_dates(blinken_db, tmp_path):
    html = write_report(blinken_db, tmp_path)
    articles = html[html.index("<h2>Articles</h2>") :]
    assert re.search(r"\d{4}-\d{2}-\d{2}", re.sub(r"<[^>]+>|https?://\S+", "", articles)) is None


def test_briefing_command_prints_json_and_markdown(blinken_db):
    runner = CliRunner()
    md = runner.invoke(app, ["briefing", "--db", str(blinken_db)])
    assert md.exit_code == 0 and md.output.index("## Summary") < md.output.index(
        "## How each outlet differs"
    )
    js = runner.invoke(app, ["briefing", "--db", str(blinken_db), "--format", "json"])
    assert js.exit_code == 0 and '"summary"' in js.output and '"differences"' in js.output


def test_report_framing_says_whose_words_each_chosen_quotes_example_is(blinken_db, tmp_path):
    """Issue 15: every surface says whose voice a signal is in. The report shows the
    outlet's own words and its chosen quotes apart, and names each quoted word's speaker."""
    from html import unescape

    html = write_report(blinken_db, tmp_path)
    framing = unescape(html[html.index('id="framing"') : html.index('id="differences"')])
    assert re.search(r"chooses quotes with loaded words such as '[^']+' \(quote: [^)]+\)", framing)
    assert "in its own words" in framing and "in quotes" in framing
