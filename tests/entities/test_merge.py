import pytest
from hypothesis import given
from hypothesis import strategies as st

from rashomon.entities.lexicon import places, roles
from rashomon.entities.local import countries_in, resolve_article
from rashomon.entities.merge import EntityIndex, has_name, name_key
from rashomon.model import Mention


def test_spelling_variants_merge():
    index = EntityIndex([])
    blinken, _ = index.link("Antony Blinken", "PERSON")
    assert index.link("Anthony Blinken", "PERSON") == (blinken, "fuzzy-name")
    zelensky, _ = index.link("Volodymyr Zelenskyy", "PERSON")
    assert index.link("Volodymyr Zelensky", "PERSON")[0] is zelensky
    assert index.link("Blinken", "PERSON") == (blinken, "surname")


def test_different_people_stay_apart():
    index = EntityIndex([])
    joe, _ = index.link("Joe Biden", "PERSON")
    jill, rule = index.link("Jill Biden", "PERSON")
    assert jill is not joe and rule == "new"
    assert index.link("Biden", "PERSON")[1] != "surname"  # two Bidens: ambiguous


def test_acronym_links_to_organisation():
    index = EntityIndex([])
    un, _ = index.link("United Nations", "ORG")
    assert index.link("U.N.", "ORG") == (un, "acronym")


def test_role_resolves_across_the_corpus():
    index = EntityIndex([])
    putin, _ = index.link("Vladimir Putin", "PERSON")
    index.learn(putin, "President", {"Russia"})
    assert index.by_role("leader", ["Russia"]) is putin
    assert index.by_role("leader", ["Ukraine"]) is None


def test_lexicons():
    assert places().lookup("Kiev") == "Kyiv"
    assert countries_in("The American and British top diplomats") == [
        "United States",
        "United Kingdom",
    ]
    assert roles().concept("State Secretary") == roles().concept("top diplomats")
    assert roles().concept("deputy foreign minister") is None


def test_a_relative_is_not_the_surname_already_named():
    index = EntityIndex([])
    donald, _ = index.link("Donald Trump", "PERSON")
    assert index.link("Trump", "PERSON")[0] is donald
    ivanka, rule = index.link("Ivanka Trump", "PERSON")
    assert ivanka is not donald and rule == "new"


def _mentions(*names: tuple[int, str]) -> list[Mention]:
    return [Mention("a", start, start + len(n), n, "PERSON", n) for start, n in names]


def test_nickname_before_a_full_name_is_the_same_person():
    local = resolve_article(_mentions((0, "Hillary Clinton"), (50, "Crooked Hillary Clinton")))
    assert [link.key for link in local.links] == ["Hillary Clinton", "Hillary Clinton"]


def test_shared_surname_goes_to_the_person_introduced_first():
    mentions = _mentions((0, "Hillary Clinton"), (40, "Bill Clinton"), (90, "Clinton"))
    assert resolve_article(mentions).links[-1].key == "Hillary Clinton"


def test_acronym_is_no_surname():
    local = resolve_article(_mentions((0, "Kim Jong Un"), (30, "U.N.")))
    assert local.links[-1].key == "U.N."


@pytest.mark.parametrize("name", ["", "   ", "―\xa0", "’s", "'s", "—", "...", "“ ”", "- -", "-"])
def test_regression_empty_name_key_is_not_linked(name):
    # PolNeAR- and BASIL-style corpora crashed the entities stage with an IndexError in
    # EntityIndex._person: a mention whose name folds to nothing became a name key.
    assert not has_name(name)
    mentions = [Mention("a", 0, 13, "Antony Blinken", "PERSON", "Antony Blinken")]
    mentions.append(Mention("a", 20, 20 + max(1, len(name)), name or " ", "PERSON", name))
    mentions.append(Mention("a", 30, 31, name or " ", "ORG", name))
    local = resolve_article(mentions)
    assert local.links[0].key == "Antony Blinken"
    assert [link.key for link in local.links[1:]] == [None, None]
    assert set(local.people) == {"Antony Blinken"}
    with pytest.raises(ValueError):
        EntityIndex([]).link(name, "PERSON")


@given(st.text(alphabet=st.characters(categories=("P", "Zs", "Cc")), max_size=12))
def test_names_without_letters_or_digits_have_no_key(name):
    assert name_key(name) == ""
    assert not has_name(name)


@given(st.text(max_size=20))
def test_a_name_with_a_key_can_always_be_linked(name):
    if has_name(name):
        for type_ in ("PERSON", "ORG", "GPE"):
            entity, _ = EntityIndex([]).link(name, type_)
            assert entity.type == type_
