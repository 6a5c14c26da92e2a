"""Outlets: given, metadata, URL host, or a footer naming the site; never a cited source."""

from __future__ import annotations

from rashomon.clean.outlet import find_outlet, outlet_from_text, outlet_from_url


def test_order_of_sources() -> None:
    assert find_outlet(given="Reuters", site_name="Yahoo", url="https://yahoo.com/x") == "Reuters"
    assert find_outlet(site_name="The Hill", url="https://thehill.com/x") == "The Hill"
    assert find_outlet(url="https://www.presstv.ir/Detail/2023/1") == "presstv.ir"


def test_bad_site_names_fall_back_to_the_host() -> None:
    assert (
        find_outlet(site_name="Copyright 2014", url="http://jaraguadosul.com.br/n")
        == "jaraguadosul.com.br"
    )


def test_footer_self_reference() -> None:
    footer = ["Press TV’s website can also be accessed at the following alternate addresses:"]
    assert outlet_from_text(footer) == "Press TV"


def test_cited_outlets_are_not_the_publisher() -> None:
    lines = [
        "Blinken told CBS News on Dec. 4.",
        "RFE/RL Live briefing brings you all the latest developments.",
        "Based on materials: ZN.ua",
    ]
    assert outlet_from_text(lines) is None


def test_no_url_host_for_local_addresses() -> None:
    assert outlet_from_url("http://127.0.0.1:8000/a") is None
    assert outlet_from_url(None) is None
