"""Documentation checked by tests: every setting and every CLI option is documented."""

import re
from dataclasses import fields
from pathlib import Path

import pytest
import typer.main

from rashomon.cli import app
from rashomon.settings import Settings

DOCS = Path(__file__).resolve().parents[2] / "docs"


def commands() -> dict:
    return dict(typer.main.get_command(app).commands)


def command_section(name: str) -> str:
    text = (DOCS / "cli.md").read_text(encoding="utf-8")
    match = re.search(rf"^## `rashomon {name}`\n(.*?)(?=^## |\Z)", text, re.S | re.M)
    assert match, f"docs/cli.md has no section for 'rashomon {name}'"
    return match.group(1)


@pytest.mark.parametrize("setting", [f.name for f in fields(Settings)])
def test_every_setting_is_documented(setting):
    assert f"`{setting}`" in (DOCS / "settings.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(commands()))
def test_every_command_and_option_is_documented(name):
    section = command_section(name)
    for param in commands()[name].params:
        if param.param_type_name == "option":
            longest = max(param.opts, key=len)
            assert f"`{longest}" in section, f"{longest} of 'rashomon {name}' is not in docs/cli.md"


def test_the_root_commands_options_are_documented():
    text = (DOCS / "cli.md").read_text(encoding="utf-8")
    for param in typer.main.get_command(app).params:
        if param.param_type_name == "option":
            assert f"`rashomon {max(param.opts, key=len)}`" in text
