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
