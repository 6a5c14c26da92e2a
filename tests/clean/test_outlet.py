"""Outlets: given, the URL through the registry, metadata, a page naming itself; never a credit."""

from __future__ import annotations

from rashomon.clean.outlet import (
    UNKNOWN_OUTLET,
    FoundOutlet,
    copyright_holders,
    distinct_outlets,
    find_outlet,
    host_of,
    outlet_from_text,
    outlet_label,
    title_tail,
)


def test_given_wins_over_everything() -> None:
    found = find_outlet(given="Reuters", site_name="Yahoo", url="https://yahoo.com/x")
    assert found == FoundOutlet("Reuters", "given")


def test_registry_domain_names_the_outlet() -> None:
    assert find_outlet(url="https://www.presstv.ir/Detail/2023/1") == FoundOutlet("Press TV", "url")
    # A sub-domain of a registered domain, and a site name the registry does not use.
    assert find_outlet(site_name="Mirror", url="https://www.mirror.co.uk/sport/x").name == (
        "Daily Mirror"
    )


def test_unregistered_host_keeps_a_site_name_only_when_it_spells_the_domain() -> None:
    found = find_outlet(site_name="Jaragua Do Sul", url="http://jaraguadosul.com.br/n")
    assert found == FoundOutlet("Jaragua Do Sul", "meta")
    # A brand or parent name is not the outlet's own: the domain is shown instead.
    for site in ("Gazette", "Example Gazette Network", "Examplegazette"):
        found = find_outlet(site_name=site, url="https://www.examplegazette.co.uk/a")
        assert found == FoundOutlet("examplegazette.co.uk", "url")


def test_regression_wire_site_name_on_a_carrier_is_not_the_outlet() -> None:
    # trafilatura reads "Associated Press" as the site name of AP stories a paper carries.
    found = find_outlet(site_name="Associated Press", url="https://www.example-gazette.com/a")
    assert found == FoundOutlet("example-gazette.com", "url")


def test_bad_site_names_fall_back_to_the_host() -> None:
    found = find_outlet(site_name="Copyright 2014", url="http://jaraguadosul.com.br/n")
    assert found == FoundOutlet("jaraguadosul.com.br", "url")


def test_footer_self_reference() -> None:
    footer = ["Press TV’s website can also be accessed at the following alternate addresses:"]
    assert outlet_from_text(footer) == "Press TV"
    assert find_outlet(footer=footer) == FoundOutlet("Press TV", "text")


def test_cited_outlets_are_not_the_publisher() -> None:
    lines = [
        "Blinken told CBS News on Dec. 4.",
        "RFE/RL Live briefing brings you all the latest developments.",
        "Based on materials: ZN.ua",
        "With reports by AP and Reuters",
        "(Reuters Photo)",
    ]
    assert outlet_from_text(lines) is None
    assert find_outlet(footer=lines) == FoundOutlet()


def test_browser_title_tail_names_the_site() -> None:
    assert title_tail("WeWork investigated | VentureBeat") == "VentureBeat"
    assert find_outlet(title_line="Why it matters - The Atlantic").name == "The Atlantic"
    assert find_outlet(title_line="Bridge closes - Gazette of Nowhere").name == "Gazette of Nowhere"
    # An em dash before an unregistered name is a speaker, not a site.
    assert find_outlet(title_line="Referendums are a sign of failure — Blinken") == FoundOutlet()


def test_copyright_holder_names_the_site_but_not_a_company_or_a_syndicated_wire() -> None:
    assert copyright_holders(["Copyright © 2020 The Seattle Times |"]) == [
        ("The Seattle Times", False)
    ]
    assert copyright_holders(["© Phys.org 2003 - 2020 powered by Science X Network"]) == [
        ("Phys.org", False)
    ]
    holder = "Copyright © 2020 Bennett, Coleman & Co. Ltd. All rights reserved."
    assert find_outlet(footer=[holder]) == FoundOutlet()
    assert find_outlet(footer=["© 2020, Malay Mail, All Rights Reserved."]).name == "Malay Mail"
    assert find_outlet(footer=["© 1998 - 2020 Nexstar Inc. | All Rights Reserved."]).name is None
    notice = (
        "Copyright 2020 The Associated Press. All rights reserved. This material may not be "
        "published, broadcast, rewritten or redistributed without permission."
    )
    assert find_outlet(footer=[notice]) == FoundOutlet()
    reserved = "© Copyright 2020, All Rights Reserved | Mendelson and Associates, LLC"
    assert find_outlet(footer=[reserved]) == FoundOutlet()
    assert (
        find_outlet(footer=["© 2020, Gulf-California Broadcast Company Palm Springs"]).name is None
    )
    assert find_outlet(footer=["© 2020 Reuters. All Rights Reserved."]).name == "Reuters"
    # Photo credits after the body are not the site's notice.
    credits = ["© Getty Images", "© Reuters", "© AA"] + ["Related story"] * 10
    assert find_outlet(footer=credits) == FoundOutlet()
    assert find_outlet(footer=[*credits, "© Breaking News Today"]).name == "Breaking News Today"


def test_no_url_host_for_local_addresses() -> None:
    assert host_of("http://127.0.0.1:8000/a") is None
    assert host_of(None) is None
    assert host_of("https://edition.cnn.com/2021/x") == "cnn.com"


def test_regression_label_is_never_an_article_id_alone() -> None:
    # Says the outlet is unknown first; the short id only keeps two such accounts apart.
    assert outlet_label(None, None, "fadfae43c2") == f"{UNKNOWN_OUTLET} (fadfae43)"
    assert outlet_label(None, None) == UNKNOWN_OUTLET
    assert outlet_label(None, "https://www.example.org/a", "x") == "example.org"
    assert outlet_label("Press TV", None, "x") == "Press TV"


def test_regression_unknown_outlets_are_not_counted_as_distinct() -> None:
    unknown = f"{UNKNOWN_OUTLET} (1c74c2c8)"
    labels = ["Press TV", UNKNOWN_OUTLET, unknown, None, "Press TV", "Ukrinform"]
    assert distinct_outlets(labels) == 2
