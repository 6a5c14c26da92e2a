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


def test_report_opens_with_the_summary_then_the_differences_and_naming(blinken_db, tmp_path):
    html = write_report(blinken_db, tmp_path)
    summary = html.index('id="summary"')
    differences = html.index('id="differences"')
    naming = html.index('id="naming"')
    assert summary < differences < naming < html.index('id="figures"')
    # The samples' naming difference the framing stage finds: Press TV's "special
    # military operation" against the others' "invasion".
    table = html[naming : html.index('id="figures"')]
    assert "special military operation" in table and "invasion" in table
    assert "Whose voices it quotes" in html[differences:naming]


def test_briefing_command_prints_json_and_markdown(blinken_db):
    runner = CliRunner()
    md = runner.invoke(app, ["briefing", "--db", str(blinken_db)])
    assert md.exit_code == 0 and md.output.index("## Summary") < md.output.index(
        "## How each outlet differs"
    )
    js = runner.invoke(app, ["briefing", "--db", str(blinken_db), "--format", "json"])
    assert js.exit_code == 0 and '"summary"' in js.output and '"differences"' in js.output
