"""The registered stage through the whole pipeline: table, comparison, export and CLI."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from rashomon.cli import app
from rashomon.framing.compare import KINDS, compare_story
from rashomon.store import Store


def test_stage_is_registered_last():
    from rashomon.pipeline import PER_ARTICLE_STAGES, load_stages

    assert PER_ARTICLE_STAGES[-1][0] == "framing"
    assert load_stages()[-1].name == "framing"


def test_signals_table_holds_press_tv_framing(blinken_db):
    with Store(blinken_db, readonly=True) as store:
        rows = list(store.rows(
            "SELECT s.text, s.signal, s.label FROM signals s JOIN articles a "
            "ON a.id = s.article_id WHERE a.input LIKE '%004_%'"
        ))  # fmt: skip
    found = {(r["signal"], " ".join(r["text"].split())) for r in rows}
    assert ("naming", "Kiev regime") in found
    assert ("loaded", "unsubstantiated remarks") in found
    assert ("loaded", "Western-sponsored") in found


def test_stored_signals_inside_a_direct_quote_are_the_quotes(blinken_db):
    """Rows keep their voice: inside a direct quote a signal is the speaker's, not the outlet's."""
    with Store(blinken_db, readonly=True) as store:
        inside = list(store.rows(
            'SELECT s.text, s.voice, s.speaker FROM signals s JOIN quotes q '
            'ON q.article_id = s.article_id AND q.kind = "direct" '
            'AND s.start >= q.start AND s."end" <= q."end" '
            "WHERE length(q.text) - length(replace(q.text, ' ', '')) >= 3"
        ))  # fmt: skip
    assert inside and {r["voice"] for r in inside} == {"quote"}


def test_story_comparison(blinken_db):
    with Store(blinken_db, readonly=True) as store:
        result = compare_story(store)
    # Only Press TV names itself; the four others are four accounts of unknown outlets.
    labels = sorted(o.outlet for o in result.outlets)
    assert labels[0] == "Press TV" and len(labels) == 5
    assert all(label.startswith("outlet unknown (") for label in labels[1:])
    press_tv = next(o for o in result.outlets if o.outlet == "Press TV")
    assert "Kiev regime" in press_tv.summary or "special military operation" in press_tv.summary
    assert all(claim.spans for claim in press_tv.claims)
    war = next(c for c in result.naming if c.family == "war")
    assert war.contested and "special military operation" in war.by_outlet["Press TV"]
    for refs in war.by_outlet["Press TV"].values():
        assert all(r.end > r.start for r in refs)


def test_cli_framing_and_exports(blinken_db, tmp_path):
    runner = CliRunner()
    shown = runner.invoke(app, ["framing", "--db", str(blinken_db)], env={"COLUMNS": "200"})
    assert shown.exit_code == 0, shown.output
    assert "Press TV" in shown.output and "Kiev regime" in shown.output
    for what, first in (("framing", "explanation"), ("sentences", "bias_score")):
        out = tmp_path / f"{what}.jsonl"
        done = runner.invoke(
            app, ["export", "--what", what, "--db", str(blinken_db), "-o", str(out)]
        )
        assert done.exit_code == 0, done.output
        rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
        assert rows and first in rows[0]
    assert list(rows[0]) == [
        "article_id",
        "start",
        "end",
        "text",
        "bias_score",
        "biased",
        "signals",
    ]
    assert isinstance(rows[0]["signals"], list) and isinstance(rows[0]["biased"], bool)


def test_cli_unknown_story_is_an_error(blinken_db):
    done = CliRunner().invoke(app, ["framing", "--story", "nope", "--db", str(blinken_db)])
    assert done.exit_code != 0


def test_framing_export_says_whose_voice_each_signal_is(blinken_db, tmp_path):
    out = tmp_path / "framing.csv"
    done = CliRunner().invoke(
        app,
        ["export", "--what", "framing", "--format", "csv", "--db", str(blinken_db), "-o", str(out)],
    )
    assert done.exit_code == 0, done.output
    import csv

    with out.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert {"voice", "speaker", "target"} <= set(rows[0])
    assert {r["voice"] for r in rows} == {"outlet", "quote"}
    assert any(r["speaker"] for r in rows if r["voice"] == "quote")
    assert all(r["target"] for r in rows if r["signal"] == "stance")


def test_cli_framing_counts_an_outlets_own_words_apart_from_the_quotes_it_chose(blinken_db):
    """The kind columns are the outlet's own voice; the quotes it chose are their own column."""
    with Store(blinken_db) as store:
        outlets = {o.outlet: o for o in compare_story(store, None).outlets}
    shown = CliRunner().invoke(app, ["framing", "--db", str(blinken_db)], env={"COLUMNS": "400"})
    assert shown.exit_code == 0, shown.output
    assert "in each outlet's own words" in shown.output
    rows = {}
    for line in shown.output.splitlines():
        cells = [c.strip() for c in line.strip("│┃ ").split("│")]
        if len(cells) == len(KINDS) + 3 and cells[0] in outlets:
            rows[cells[0]] = cells
    assert rows.keys() == outlets.keys()
    assert any(o.quoted for o in outlets.values())  # the sample quotes loaded words
    for name, cells in rows.items():
        o = outlets[name]
        assert cells[1:-2] == [str(o.counts.get(kind, 0)) for kind in KINDS]
        assert cells[-2] == str(sum(o.quoted.values()))
