"""The error registry: one meaning per code, every code used in src/ registered and documented."""

import ast
import re
from pathlib import Path
from string import Formatter

import pytest

from rashomon.errors import Errors, RashomonError, Reason, error

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "rashomon"
DOCS = (ROOT / "docs" / "errors.md").read_text(encoding="utf-8")
CODE = re.compile(r"\bE\d{3}\b")


def errors_codes_as_written() -> list[str]:
    """Codes assigned in ``class Errors``, read from the source: a class keeps only the
    last of two assignments to one name, so a duplicate is only visible here."""
    tree = ast.parse((SRC / "errors.py").read_text(encoding="utf-8"))
    (cls,) = [n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "Errors"]
    return [t.id for n in cls.body if isinstance(n, ast.Assign) for t in n.targets]


def registered() -> list[str]:
    return [r.code() for r in Reason] + errors_codes_as_written()


def used_in_src() -> set[str]:
    found = set()
    for path in SRC.rglob("*"):
        if path.suffix in {".py", ".sql", ".toml", ".html", ".js"}:
            found.update(CODE.findall(path.read_text(encoding="utf-8")))
    return found


def test_no_code_is_registered_twice():
    codes = registered()
    assert len(codes) == len(set(codes)), sorted(c for c in codes if codes.count(c) > 1)


@pytest.mark.parametrize("code", sorted(used_in_src()))
def test_every_code_used_in_src_is_registered_and_documented(code):
    assert code in registered(), f"{code} is used in src/ but not in rashomon.errors"
    assert f"`{code}`" in DOCS, f"{code} is not in docs/errors.md"


def test_docs_list_only_registered_codes():
    assert set(CODE.findall(DOCS)) <= set(registered())


@pytest.mark.parametrize("code", errors_codes_as_written())
def test_every_template_formats_with_its_own_fields(code):
    template = getattr(Errors, code)
    names = {name for _, name, _, _ in Formatter().parse(template) if name}
    raised = error(code, **{name: "x" for name in names})
    assert isinstance(raised, RashomonError)
    assert str(raised).startswith(f"{code}: ")


def test_a_missing_field_is_a_bug_not_a_silent_message():
    with pytest.raises(KeyError):
        error("E506")
