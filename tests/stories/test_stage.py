"""The stories stage over real SQLite files: the samples' events and storyline, incremental
runs, re-runs, merges and deleted articles."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import replace

import pytest
from tests.stories.conftest import add_articles, groups, placements, stream

from rashomon.model import Analysis, Article, DateRef, Figure, InputRecord, Outcome
from rashomon.stories.stage import run

SAMPLE_EVENTS = {
    frozenset({"000"}),  # the March press conference
    frozenset({"001", "003"}),  # the September mobilisation and referendums
    frozenset({"002"}),  # the December interviews
    frozenset({"004"}),  # the February briefing
}


def table_rows(store, table: str) -> list[tuple]:
    return sorted(tuple(r) for r in store.conn.execute(f"SELECT * FROM {table}"))


def test_samples_make_four_events_in_one_storyline(make_store, samples, stories_settings):
    with make_store(samples.values()) as store:
        run(store, stories_settings)
        assert groups(store, "event_id") == SAMPLE_EVENTS
        assert groups(store, "storyline_id") == {frozenset(samples)}
        events = {r["id"]: r for r in store.rows("SELECT * FROM story_events")}
        assert sorted(e["size"] for e in events.values()) == [1, 1, 1, 2]
        september = placements(store)["001"]["event_id"]
        assert events[september]["first_date"] == "2022-09-21"
        assert events[september]["title"] in {samples["001"].title, samples["003"].title}
        line = next(store.rows("SELECT * FROM storylines"))
        assert line["events"] == 4 and line["size"] == 5
        actors = set(json.loads(line["actors"]))
        assert len(actors & {"Blinken", "Ukraine", "Russia", "Putin"}) >= 2


def test_rerun_adds_nothing(make_store, samples, stories_settings):
    tables = ("story_articles", "story_events", "storylines", "event_merges", "wire_credits")
    with make_store(samples.values()) as store:
        run(store, stories_settings)
        before = {t: table_rows(store, t) for t in (*tables, "story_terms", "story_features")}
        run(store, stories_settings)
        after = {t: table_rows(store, t) for t in (*tables, "story_terms", "story_features")}
        assert before == after


def test_new_articles_extend_events_without_resplitting(make_store, samples, stories_settings):
    first = [samples[k] for k in ("000", "001", "002")]
    with make_store(first) as store:
        run(store, stories_settings)
        earlier = {k: (r["event_id"], r["storyline_id"]) for k, r in placements(store).items()}
        add_articles(store, [samples["003"], samples["004"]])
        run(store, stories_settings)
        now = placements(store)
        for key, (event_id, storyline_id) in earlier.items():
            assert (now[key]["event_id"], now[key]["storyline_id"]) == (event_id, storyline_id)
        assert now["003"]["event_id"] == earlier["001"][0]
        assert groups(store, "event_id") == SAMPLE_EVENTS
        size = store.conn.execute(
            "SELECT size FROM story_events WHERE id = ?", (earlier["001"][0],)
        ).fetchone()[0]
        assert size == 2


def test_event_ids_are_stable_and_never_reused(make_store, samples, stories_settings):
    with make_store([samples["000"]]) as store:
        run(store, stories_settings)
        assert placements(store)["000"]["event_id"] == "e1"
        add_articles(store, [samples["002"]])
        run(store, stories_settings)
        assert placements(store)["000"]["event_id"] == "e1"
        assert placements(store)["002"]["event_id"] == "e2"


def test_bridging_article_merges_events_and_the_merge_is_recorded(make_store, stories_settings):
    from tests.stories.conftest import sample

    base = sample("000")
    a = replace(
        base, id="a", input="a", title="Alpha", text=" ".join(f"apple{i}" for i in range(40))
    )
    b = replace(
        base, id="b", input="b", title="Beta", text=" ".join(f"berry{i}" for i in range(40))
    )
    # Interleaved, so it shares words with both but no word 3-shingle: not a copy.
    mixed = " ".join(f"apple{i} berry{i}" for i in range(40))
    bridge = replace(base, id="c", input="c", title="Both", text=mixed)
    settings = replace(stories_settings, stories_merge_threshold=-1.0, stories_event_threshold=0.2)
    with make_store([a, b]) as store:
        run(store, settings)
        assert placements(store)["a"]["event_id"] != placements(store)["b"]["event_id"]
        add_articles(store, [bridge])
        run(store, settings)
        rows = placements(store)
        assert rows["a"]["event_id"] == rows["b"]["event_id"] == rows["c"]["event_id"] == "e1"
        merge = next(store.rows("SELECT * FROM event_merges"))
        assert (merge["from_event"], merge["into_event"]) == ("e2", "e1")
        assert "article c" in merge["reason"]
        assert [r["id"] for r in store.rows("SELECT id FROM story_events")] == ["e1"]
        assert store.conn.execute("SELECT size FROM story_events").fetchone()[0] == 3


def test_deleted_article_leaves_its_event(make_store, samples, stories_settings):
    with make_store(samples.values()) as store:
        run(store, stories_settings)
        september = placements(store)["003"]["event_id"]
        with store.transaction():
            store.conn.execute("DELETE FROM inputs WHERE input = ?", (samples["003"].input,))
        run(store, stories_settings)
        assert "003" not in placements(store)
        size = store.conn.execute(
            "SELECT size FROM story_events WHERE id = ?", (september,)
        ).fetchone()[0]
        assert size == 1
        assert (
            store.conn.execute(
                "SELECT count(*) FROM story_features WHERE article_id = '003'"
            ).fetchone()[0]
            == 0
        )


def test_regression_reanalysed_article_leaves_its_old_events_sums(
    make_store, samples, stories_settings
):
    """An article analysed again (same input, so same id, new text) was placed anew while
    its old features stayed in its first event's and storyline's sums, counted twice."""
    with make_store(samples.values()) as store:
        run(store, stories_settings)
        add_articles(store, [replace(samples["003"], text=samples["000"].text)])
        run(store, stories_settings)
        placed = placements(store)
        assert len(placed) == len(samples)
        for table in ("story_events", "storylines"):
            total = store.conn.execute(f"SELECT sum(size) FROM {table}").fetchone()[0]
            assert total == len(samples), table
        rerun = stories_state(store)
        run(store, stories_settings)
        assert stories_state(store) == rerun


def test_wire_credits_are_stored(make_store, samples, stories_settings):
    with make_store(samples.values()) as store:
        run(store, stories_settings)
        found = {(r["article_id"], r["agency"]) for r in store.rows("SELECT * FROM wire_credits")}
        assert {("002", "AP"), ("002", "Reuters"), ("003", "ZN.ua")} <= found
        assert not any(article == "000" for article, _ in found)  # "(Reuters Photo)" is a photo


def test_undated_articles_still_placed(make_store, samples, stories_settings):
    undated = [replace(a, published=None) for a in samples.values()]
    with make_store(undated) as store:
        run(store, stories_settings)
        assert set(placements(store)) == set(samples)
        assert len(groups(store, "storyline_id")) == 1


# -- interrupted runs --------------------------------------------------------------------


def stories_state(store) -> dict[str, list[tuple]]:
    """Everything the stage writes that a later run reads or a user sees (merge times aside)."""
    from rashomon.views.stories import story_rows

    state = {t: table_rows(store, t) for t in STATE_TABLES}
    state["event_merges"] = sorted(
        tuple(r)
        for r in store.conn.execute(
            "SELECT from_event, into_event, reason, score FROM event_merges"
        )
    )
    state["export"] = [tuple(r.values()) for r in story_rows(store)]
    return state


STATE_TABLES = (
    "story_articles", "story_features", "story_events", "storylines", "story_terms",
    "story_state", "wire_credits", "story_bands",
)  # fmt: skip


class Injected(RuntimeError):
    pass


def failing_at(function, calls: int):
    """``function`` that raises on its ``calls``-th call (a kill at that point)."""
    count = 0

    def wrapper(*args, **kwargs):
        nonlocal count
        count += 1
        if count == calls:
            raise Injected(function.__name__)
        return function(*args, **kwargs)

    return wrapper


@pytest.fixture
def small_chunks(monkeypatch):
    from rashomon.stories import stage

    monkeypatch.setattr(stage, "CHUNK", 3)


@pytest.mark.parametrize("seed", range(8))
def test_regression_interrupted_stage_never_double_counts(
    make_store, samples, stories_settings, small_chunks, monkeypatch, seed
):
    """A failure anywhere (before, inside or at the end of a chunk's transaction) followed by
    a re-run leaves exactly what a clean run leaves; the document frequencies used to be
    committed before the placements and counted twice."""
    from rashomon.stories import repo, stage

    articles = stream(samples)
    with make_store(articles, "clean.db") as store:
        run(store, stories_settings)
        clean = stories_state(store)
    assert clean["story_terms"][0][:2] == ("", len(articles))  # (term, df, id)
    rng = random.Random(seed)
    targets = [
        (stage._Runner, "_place", len(articles)),
        (repo, "save_placements", 7),
        (repo, "add_document_frequencies", 7),
        (repo, "refresh_storylines", 7),
    ]
    owner, name, most = targets[seed % len(targets)]
    with make_store(articles, "killed.db") as store:
        with monkeypatch.context() as patch:
            patch.setattr(owner, name, failing_at(getattr(owner, name), rng.randint(1, most)))
            with pytest.raises(Injected):
                run(store, stories_settings)
        run(store, stories_settings)
        assert stories_state(store) == clean
        run(store, stories_settings)
        assert stories_state(store) == clean


# The stage in a child process, slowed inside each chunk's transaction (10 chunks, 0.3 s
# each) so a kill lands part-way through, with the transaction open.
KILLED_RUN = """
import sys, time
from rashomon.settings import Settings
from rashomon.store.db import Store
from rashomon.stories import repo, stage
stage.CHUNK = 2
save = repo.save_placements
def slow(*args):
    save(*args)
    print("saving", flush=True)
    time.sleep(0.3)
repo.save_placements = slow
with Store(sys.argv[1]) as store:
    stage.run(store, Settings())
"""


def test_regression_sigkilled_stage_resumes_as_a_clean_run(make_store, samples, stories_settings):
    articles = stream(samples)
    with make_store(articles, "clean.db") as store:
        run(store, stories_settings)
        clean = stories_state(store)
    with make_store(articles, "killed.db") as store:
        path = store.path
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    child = subprocess.Popen(
        [sys.executable, "-c", KILLED_RUN, str(path)], stdout=subprocess.PIPE, env=env
    )
    assert child.stdout is not None
    for _ in range(2):  # the first chunk is committed, the second one's transaction open
        assert child.stdout.readline().strip() == b"saving"
    time.sleep(random.Random(1).uniform(0.0, 1.0))
    child.send_signal(signal.SIGKILL)
    child.wait()
    child.stdout.close()
    with make_store([], "killed.db") as store:
        placed = store.conn.execute("SELECT count(*) FROM story_articles").fetchone()[0]
        assert 0 < placed < len(articles)  # killed part-way
        assert tuple(
            store.conn.execute("SELECT df FROM story_terms WHERE term = ''").fetchone()
        ) == (placed,)
        run(store, stories_settings)
        assert stories_state(store) == clean


@pytest.mark.parametrize("batches", [2, 3, 7])
def test_one_pass_equals_time_ordered_batches(make_store, samples, stories_settings, batches):
    articles = sorted(stream(samples), key=lambda a: (a.published, a.id))
    with make_store(articles, "one.db") as store:
        run(store, stories_settings)
        one_pass = stories_state(store)
    size = -(-len(articles) // batches)
    with make_store([], "batches.db") as store:
        for start in range(0, len(articles), size):
            add_articles(store, articles[start : start + size])
            run(store, stories_settings)
        assert stories_state(store) == one_pass


def _with_named_day(article, day: str | None):
    """The article as stored with the dates stage's day-precise date ``day`` (if any)."""
    dates = [] if day is None else [DateRef(article.id, 0, 9, "Wednesday", day, None, "day")]
    return Outcome(
        InputRecord(article.input, f"hash-{article.id}", "ok", article_id=article.id),
        Analysis(article, dates=dates),
    )


@pytest.mark.parametrize(("named", "together"), [(None, False), ("2022-09-21", True)])
def test_a_late_report_naming_the_events_day_joins_it(
    make_store, samples, stories_settings, named, together
):
    # Three days late, the referendum sample alone is too far from the mobilisation event
    # (0.32 similar at an embedding weight of 0.3: 0.02 after three days at 0.1); naming
    # the event's day brings it within a day of it (0.22, over the 0.2 threshold).
    late = replace(samples["003"], published="2022-09-24")
    settings = replace(stories_settings, stories_day_penalty=0.1, stories_embedding_weight=0.3)
    with make_store([samples["001"]]) as store:
        store.write_outcomes([_with_named_day(late, named)])
        run(store, settings)
        assert (frozenset({"001", "003"}) in groups(store, "event_id")) is together


@pytest.mark.parametrize(("outlet", "together"), [("outlet-001", False), ("outlet-003", True)])
def test_outlet_slots_of_an_event_from_an_earlier_run_are_read_from_the_store(
    make_store, samples, stories_settings, outlet, together
):
    # The referendum sample three days after the mobilisation event, naming its day (0.32
    # similar at an embedding weight of 0.3: 0.22 at a 0.1 day penalty, over the
    # threshold): it joins unless it comes from the outlet the event, placed by an earlier
    # run, already holds (0.12 after the 0.1 same-outlet cost).
    late = replace(samples["003"], published="2022-09-24", outlet=outlet)
    settings = replace(
        stories_settings,
        stories_day_penalty=0.1,
        stories_same_outlet_cost=0.1,
        stories_embedding_weight=0.3,
    )
    with make_store([samples["001"]]) as store:
        run(store, settings)
        store.write_outcomes([_with_named_day(late, "2022-09-21")])
        run(store, settings)
        assert (frozenset({"001", "003"}) in groups(store, "event_id")) is together


# Self-written weekly releases, undated (as most triplet leads are): two outlets' accounts
# of one week's jobless claims, and the next week's, told in other words. Their figures
# are given as the figures stage stores them (value, what it counts).
CLAIMS = {
    "claims-1": (
        "Jobless claims rise to 231,000",
        "The number of Americans filing new claims for unemployment benefits rose to 231,000 "
        "last week, the Labor Department said on Thursday. Economists had expected fewer "
        "filings. Layoffs remain low by historical standards even as the Federal Reserve "
        "raises interest rates to cool inflation.",
        "Americans filing new claims for unemployment benefits",
        "231,000",
    ),
    "claims-1b": (
        "Weekly unemployment claims climb to 231,000",
        "Initial claims for state unemployment benefits climbed to 231,000 in the latest week, "
        "government data showed on Thursday. Employers are still holding on to workers in a "
        "tight labor market, although the Federal Reserve's rate increases are slowing hiring.",
        "Initial claims for state unemployment benefits",
        "231,000",
    ),
    "claims-2": (
        "Jobless claims fall to 214,000",
        "Fewer Americans applied for unemployment benefits last week: new claims dropped to "
        "214,000, the Labor Department reported on Thursday. Layoffs have eased heading into "
        "the holidays, and employers keep hiring despite higher interest rates.",
        "new claims for unemployment benefits",
        "214,000",
    ),
}


def _release(key: str) -> Outcome:
    title, text, counts, written = CLAIMS[key]
    article = Article(id=key, input=f"claims/{key}", text=text, title=title, outlet=f"o-{key}")
    start = text.index(written)
    value = float(written.replace(",", ""))
    figure = Figure(key, start, start + len(written), written, value, counts=counts)
    record = InputRecord(article.input, f"hash-{key}", "ok", article_id=key)
    return Outcome(record, Analysis(article, figures=[figure]))


@pytest.mark.parametrize(("cost", "apart"), [(0.0, False), (0.1, True)])
def test_regression_next_weeks_jobless_claims_kept_apart(
    make_store, stories_settings, cost, apart
):
    # Next week's release reads like this week's (it joins at no figure cost: the same
    # thing counted, the same department, the same day named); its other value for the
    # claims counted is what tells it apart. This week's second account, which states the
    # same value in other words, stays with the first.
    with make_store([]) as store:
        store.write_outcomes([_release(k) for k in CLAIMS])
        run(store, replace(stories_settings, stories_figure_cost=cost))
        found = groups(store, "event_id")
    if apart:
        assert found == {frozenset({"claims-1", "claims-1b"}), frozenset({"claims-2"})}
    else:
        assert found == {frozenset(CLAIMS)}


def test_figures_of_an_event_from_an_earlier_run_are_read_from_the_store(
    make_store, stories_settings
):
    settings = replace(stories_settings, stories_figure_cost=0.1)
    with make_store([]) as store:
        store.write_outcomes([_release("claims-1"), _release("claims-1b")])
        run(store, settings)
        store.write_outcomes([_release("claims-2")])
        run(store, settings)
        assert frozenset({"claims-2"}) in groups(store, "event_id")


@pytest.mark.parametrize("batches", [1, 2, 3])
def test_one_pass_equals_batches_when_figures_weigh(make_store, stories_settings, batches):
    settings = replace(stories_settings, stories_figure_cost=0.1)
    keys = sorted(CLAIMS)
    size = -(-len(keys) // batches)
    with make_store([], f"figures-{batches}.db") as store:
        for start in range(0, len(keys), size):
            store.write_outcomes([_release(k) for k in keys[start : start + size]])
            run(store, settings)
        state = stories_state(store)
    with make_store([], "figures-one.db") as store:
        store.write_outcomes([_release(k) for k in keys])
        run(store, settings)
        assert stories_state(store) == state
