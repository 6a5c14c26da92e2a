import os

from hypothesis import given
from hypothesis import strategies as st

from rashomon.ingest.names import display_name, name_bytes
from rashomon.ingest.sources import expand
from rashomon.model import InputRecord


def test_directories_recurse_and_hide_dotfiles(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text("x")
    (tmp_path / "two.html").write_text("x")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD").write_text("x")
    found = [p.name for p in expand([str(tmp_path)])]
    assert found == ["one.txt", "two.html"]


def test_globs_and_missing_inputs(tmp_path):
    (tmp_path / "one.txt").write_text("x")
    (tmp_path / "two.txt").write_text("x")
    found = list(expand([str(tmp_path / "*.txt"), str(tmp_path / "nothing*.txt"), "no/such/file"]))
    names = [f.name for f in found if not isinstance(f, InputRecord)]
    assert names == ["one.txt", "two.txt"]
    missing = [f for f in found if isinstance(f, InputRecord)]
    assert [m.status for m in missing] == ["failed", "failed"]
    assert all(m.reason.startswith("E101") for m in missing)


def test_urls_pass_through():
    assert list(expand(["https://example.org/a", "HTTP://example.org/b"])) == [
        "https://example.org/a",
        "HTTP://example.org/b",
    ]


def test_regression_symlink_loop_yields_each_file_once(tmp_path):
    folder = tmp_path / "a"
    folder.mkdir()
    (folder / "one.txt").write_text("x")
    (folder / "loop").symlink_to(folder, target_is_directory=True)
    (tmp_path / "again").symlink_to(folder, target_is_directory=True)
    (folder / "link.txt").symlink_to(folder / "one.txt")
    for pattern in (str(tmp_path), str(tmp_path / "**" / "*.txt"), str(tmp_path / "**")):
        found = [p for p in expand([pattern]) if not isinstance(p, InputRecord)]
        assert len(found) == 1, (pattern, found)
        assert found[0].resolve() == folder / "one.txt"


def test_the_same_file_named_twice_is_read_once(tmp_path):
    (tmp_path / "one.txt").write_text("x")
    found = list(expand([str(tmp_path / "one.txt"), str(tmp_path), str(tmp_path / "*.txt")]))
    assert found == [tmp_path / "one.txt"]


def test_double_star_matches_like_glob_without_hidden_entries(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / ".hidden").mkdir()
    for rel in ("top.txt", "a/mid.txt", "a/b/deep.txt", "a/b/deep.html", ".hidden/no.txt"):
        (tmp_path / rel).write_text("x")
    found = sorted(p.relative_to(tmp_path).as_posix() for p in expand([f"{tmp_path}/**/*.txt"]))
    assert found == ["a/b/deep.txt", "a/mid.txt", "top.txt"]
    nested = [p.name for p in expand([f"{tmp_path}/a/**/*.txt"])]
    assert nested == ["deep.txt", "mid.txt"]


def test_relative_double_star_pattern(tmp_path, monkeypatch):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "x.txt").write_text("x")
    (tmp_path / "y.txt").write_text("x")
    monkeypatch.chdir(tmp_path)
    assert sorted(str(p) for p in expand(["**/*.txt"])) == ["d/x.txt", "y.txt"]


@given(st.binary(min_size=1, max_size=30).filter(lambda b: b"/" not in b and b"\x00" not in b))
def test_names_that_are_not_utf8_round_trip(raw):
    name = os.fsdecode(raw)
    shown = display_name(name)
    shown.encode("utf-8")  # always storable
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        assert name_bytes(shown) == raw
    else:
        assert shown == name  # a UTF-8 name is kept exactly
