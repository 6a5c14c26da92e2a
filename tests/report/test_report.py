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
        "What most outlets report",
        "Reported only by",
        "Who said what",
        "Figures",
        "Timeline",
        "Coverage per outlet",
    ):
        assert heading in html
    assert html.count("<svg") == 2  # timeline chart and coverage per outlet over time
    assert "Blinken" in html


def test_briefing_command_prints_json_and_markdown(blinken_db):
    runner = CliRunner()
    md = runner.invoke(app, ["briefing", "--db", str(blinken_db)])
    assert md.exit_code == 0 and "## Who said what" in md.output
    js = runner.invoke(app, ["briefing", "--db", str(blinken_db), "--format", "json"])
    assert js.exit_code == 0 and '"quotes"' in js.output
