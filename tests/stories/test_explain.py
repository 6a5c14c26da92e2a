"""Why an article is in its event: read back from what the stage stored."""

from __future__ import annotations

import json

from tests.stories.conftest import placements

from rashomon.stories.explain import explain, explain_event
from rashomon.stories.stage import run


def test_event_members_explain_each_other(make_store, samples, stories_settings):
    with make_store(samples.values()) as store:
        run(store, stories_settings)
        event = placements(store)["001"]["event_id"]
        reasons = explain_event(store, event)
        assert set(reasons) == {"001", "003"}
        ((member, similarity),) = reasons["001"].nearest
        assert member == "003" and 0 < similarity <= 1
        assert "Ukraine" in reasons["001"].shared
        assert explain(store, "003").nearest[0][0] == "001"
        assert json.loads(explain(store, "000").as_json()) == {"nearest": [], "shared": []}


def test_unplaced_article_has_no_reason(make_store, samples, stories_settings):
    with make_store([samples["000"]]) as store:
        assert explain(store, "000") is None  # the stage has not run
        run(store, stories_settings)
        assert explain(store, "nope") is None
