from rashomon.entities.lexicon import places, roles
from rashomon.entities.local import countries_in
from rashomon.entities.merge import EntityIndex


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
