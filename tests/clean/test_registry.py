"""The outlet registry: built-in rows, user files that extend them, and the facts surfaces show."""

from __future__ import annotations

from pathlib import Path

import pytest

from rashomon.clean.registry import KINDS, load_registry, name_key, outlet_facts, read_rows
from rashomon.errors import RashomonError

HEADER = "name,aliases,domains,country,language,kind,source\n"


def test_builtin_rows_are_complete_and_sourced() -> None:
    registry = load_registry()
    rows = set(registry.by_name.values())
    assert len(rows) >= 250
    for facts in rows:
        assert facts.kind in KINDS and facts.source and facts.country, facts.name


def test_outlet_facts_by_name_or_alias() -> None:
    facts = outlet_facts("Mail Online")
    assert facts is not None and facts.name == "Daily Mail" and facts.country == "GB"
    press_tv = outlet_facts("press tv")
    assert press_tv is not None and press_tv.kind == "state-affiliated"
    assert outlet_facts("No Such Gazette") is None
    assert outlet_facts(None) is None


def test_hosts_match_their_registered_parent_domain() -> None:
    registry = load_registry()
    assert registry.hosted("feeds.reuters.com").name == "Reuters"
    assert registry.hosted("sports.ndtv.com").name == "NDTV Sports"
    assert registry.hosted("ndtv.com").name == "NDTV"
    assert registry.hosted("reuters.com.example.net") is None


def test_user_file_extends_and_overrides(tmp_path: Path) -> None:
    extra = tmp_path / "mine.csv"
    extra.write_text(
        HEADER
        + "Gazette of Nowhere,GoN,gon.example,NZ,en,private,our own notes\n"
        + "Press TV,,presstv.ir,IR,en,state-affiliated,Press TV about page\n",
        encoding="utf-8",
    )
    facts = outlet_facts("GoN", (str(extra),))
    assert facts is not None and facts.name == "Gazette of Nowhere"
    assert load_registry((str(extra),)).hosted("www.gon.example").name == "Gazette of Nowhere"
    assert outlet_facts("Press TV", (str(extra),)).source == "Press TV about page"


def test_bad_registry_files_are_refused(tmp_path: Path) -> None:
    with pytest.raises(RashomonError, match="E205"):
        read_rows("name,domains\nX,x.org\n", "bad.csv")
    with pytest.raises(RashomonError, match="E205"):
        read_rows(HEADER + "X,,x.org,US,en,tabloid,notes\n", "bad.csv")
    with pytest.raises(RashomonError, match="E205"):
        load_registry((str(tmp_path / "missing.csv"),))


def test_name_key_ignores_case_articles_and_punctuation() -> None:
    assert name_key("The Times of India") == name_key("times of india")
    assert name_key("Salon.com") == name_key("salon com")
    assert name_key("A&E") == name_key("a and e")


def test_regression_no_two_builtin_rows_claim_one_name_or_domain() -> None:
    from importlib import resources

    text = resources.files("rashomon.data").joinpath("outlets.csv").read_text("utf-8")
    names: dict[str, str] = {}
    domains: dict[str, str] = {}
    for facts in read_rows(text, "outlets.csv"):
        for alias in (facts.name, *facts.aliases):
            assert names.setdefault(name_key(alias), facts.name) == facts.name, alias
        for domain in facts.domains:
            assert domains.setdefault(domain, facts.name) == facts.name, domain
