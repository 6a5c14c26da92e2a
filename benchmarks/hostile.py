"""Issue 11's hostile cases, run end to end through the real CLI, counted by category.

    python benchmarks/hostile.py [--only CATEGORY,...] [--json PATH]

Each category runs ``rashomon`` as a subprocess in its own temporary folder (bounded
by a timeout), on inputs made here or taken from tests/ingest/bad_inputs/ (the
regression tests' own files). A case survives when the command exits with a
documented code (docs/cli.md: 0, 1 for a failed input, 2 for a numbered error),
prints no traceback, gives every input a status (with an ``E###:`` reason when not
ok), loses nothing that was stored, and meets the case's own check. URL cases talk
only to a server on 127.0.0.1 started here, with a bounded number of requests.
DNS rebinding needs a resolver that answers twice differently; it is covered by
tests/ingest/test_urls.py only. Generated, so no dev set is needed; the real-corpora
case reads a few records of each ../shared/eval dev set when it is there (kept in the
temporary folder, never written elsewhere).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import http.server
import io
import json
import os
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from common import EVAL, EXAMPLES, ROOT, header
from long_articles import long_text

BAD_INPUTS = ROOT / "tests" / "ingest" / "bad_inputs"
RASHOMON = [sys.executable, "-c", "from rashomon.cli import main; main()"]
TRACEBACK = "Traceback (most recent call last)"
REASON = re.compile(r"^E\d{3}: ")
ERROR_LINE = re.compile(r"^E\d{3}: ", re.MULTILINE)
# Characters a terminal acts on: no listing may print them from article text.
TERMINAL = re.compile(r"[\x1b\x07\u202e\u202d]")
HOSTILE = "[/] [link=http://x]y[/link] \x1b[31mred\u202e <script>alert(1)</script>"
# Seconds one analyze run may take before its cases count as hung.
RUN_TIMEOUT = 300
# Records taken from each dev set for the real-corpora case (enough to form stories).
DEV_RECORDS = 30


@dataclass
class DevSets:
    folder: Path = EVAL


DEV = DevSets()  # set once from --eval before any category runs


@dataclass
class Run:
    code: int | None  # None: killed at the timeout
    stdout: str
    stderr: str
    seconds: float

    @property
    def traceback(self) -> bool:
        return TRACEBACK in self.stdout or TRACEBACK in self.stderr


@dataclass
class Tally:
    results: list[tuple[str, bool, str]] = field(default_factory=list)

    def case(self, name: str, ok: bool, detail: str = "") -> None:
        self.results.append((name, ok, detail))


def rashomon(*args: str, cwd: Path, timeout: float = RUN_TIMEOUT, env=None) -> Run:
    """Run the CLI as a user would, at a fixed width and without colour."""
    environ = os.environ | {"COLUMNS": "300", "NO_COLOR": "1", "TERM": "dumb"} | (env or {})
    environ["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), environ.get("PYTHONPATH", "")])
    started = time.monotonic()
    try:
        done = subprocess.run(
            [*RASHOMON, *args], cwd=cwd, env=environ, capture_output=True, timeout=timeout
        )
    except subprocess.TimeoutExpired as exc:
        out, err = (exc.stdout or b"").decode(errors="replace"), (exc.stderr or b"").decode(
            errors="replace"
        )
        return Run(None, out, err, time.monotonic() - started)
    return Run(
        done.returncode,
        done.stdout.decode(errors="replace"),
        done.stderr.decode(errors="replace"),
        time.monotonic() - started,
    )


def inputs(db: Path) -> dict[str, tuple[str, str]]:
    """Every input's (status, reason), read straight from the store."""
    if not db.exists():
        return {}
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        return {i: (s, r) for i, s, r in conn.execute("SELECT input, status, reason FROM inputs")}


def scalar(db: Path, sql: str, *params) -> int:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        return conn.execute(sql, params).fetchone()[0]


def run_ok(run: Run, codes=(0, 1)) -> tuple[bool, str]:
    """The run-level conditions every case of that run shares."""
    if run.code is None:
        return False, f"hung past {RUN_TIMEOUT} s"
    if run.traceback:
        return False, "traceback: " + run.stderr.strip().splitlines()[-1][:120]
    if run.code not in codes:
        return False, f"exit {run.code}: {run.stderr.strip()[-160:]}"
    return True, ""


def status_case(tally: Tally, run: Run, rows: dict, name: str, needle: str, expect: str = ""):
    """One input's case: its row exists, a non-ok status has a numbered reason, and the
    reason starts with ``expect`` (a status or a code) when one is given."""
    ok, why = run_ok(run)
    matches = [v for k, v in rows.items() if needle in k]
    if ok and not matches:
        ok, why = False, "no status recorded"
    for status, reason in matches:
        if ok and status != "ok" and not REASON.match(reason):
            ok, why = False, f"{status} without a numbered reason: {reason!r}"
        if ok and expect and not (status == expect or reason.startswith(expect)):
            ok, why = False, f"expected {expect}, got {status} {reason[:60]!r}"
    tally.case(name, ok, why)


def sample(n: int = 0) -> Path:
    return sorted(EXAMPLES.glob("*.txt"))[n]


# ---- ingest and decoding -------------------------------------------------------------

LIMIT_FILES = {"deep.jsonl", "long_number.jsonl"}


def ingest(tmp: Path, tally: Tally) -> None:
    folder = tmp / "in"
    folder.mkdir()
    for path in sorted(BAD_INPUTS.iterdir()):
        if path.name not in LIMIT_FILES:
            shutil.copy(path, folder / path.name)
    shutil.copy(sample(0), folder / "good.txt")
    (folder / os.fsdecode(b"caf\xe9-name.txt")).write_text(sample(1).read_text("utf-8"), "utf-8")
    # Whole articles in the two encodings issue 11 saw mislabelled (the bad_inputs files
    # are too short to be stored as articles).
    accented = sample(2).read_text("utf-8") + "\n\nZo\u00eb M\u00fcller stood by the fa\u00e7ade."
    (folder / "article_latin1.txt").write_bytes(accented.encode("latin-1", errors="replace"))
    utf8 = sample(3).read_text("utf-8").encode("utf-8")
    (folder / "article_stray.txt").write_bytes(utf8[:400] + b"\xff" + utf8[400:])
    db = tmp / "r.db"
    run = rashomon("analyze", str(folder), "--db", str(db), "--no-cross", cwd=tmp)
    rows = inputs(db)
    for path in sorted(BAD_INPUTS.iterdir()):
        if path.name not in LIMIT_FILES:
            status_case(tally, run, rows, f"bad input {path.name}", path.name)
    status_case(tally, run, rows, "good file beside them is stored", "good.txt", "ok")
    status_case(tally, run, rows, "file name not valid UTF-8", "-name.txt", "ok")
    encodings = {}
    if db.exists():
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
            encodings = dict(conn.execute("SELECT input, encoding FROM articles"))
    expected = {
        "article_stray.txt": ("utf-8", "utf_8"),
        "article_latin1.txt": ("cp1252", "windows-1252", "latin-1", "latin_1", "iso-8859-1"),
    }
    for name, right in expected.items():
        found = [(e or "").lower() for k, e in encodings.items() if k.endswith(name)]
        ok = bool(found) and all(e in right for e in found)
        tally.case(f"{name} decoded as {right[0]}", ok, f"encodings {found}")


# ---- limits --------------------------------------------------------------------------


def limits(tmp: Path, tally: Tally) -> None:
    folder = tmp / "in"
    folder.mkdir()
    for name in sorted(LIMIT_FILES):
        shutil.copy(BAD_INPUTS / name, folder / name)
    shutil.copy(sample(0), folder / "good.txt")
    os.mkfifo(folder / "fifo.txt")
    (folder / "long.txt").write_text(long_text(45_000), "utf-8")  # over max_text_chars below
    (folder / "big.txt").write_bytes(b"word " * 300_000)  # 1.5 MB, over max_file_bytes below
    with (folder / "records.jsonl").open("w", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "huge", "text": "word " * 60_000}) + "\n")
        fh.write(json.dumps({"id": "fine", "text": sample(3).read_text("utf-8")}) + "\n")
    names = " | ".join(f"Name{n} Surname{n}" for n in range(28))
    (folder / "pipes.txt").write_text(sample(4).read_text("utf-8") + "\n" + names + "\n", "utf-8")
    loop = folder / "loop"
    loop.mkdir()
    shutil.copy(sample(1), loop / "inside.txt")
    (loop / "again").symlink_to(loop, target_is_directory=True)
    db = tmp / "r.db"
    settings = ("max_text_chars=30000", "max_file_bytes=1000000", "max_record_bytes=200000")
    flags = [a for s in settings for a in ("--setting", s)]
    run = rashomon(
        "analyze", str(folder), "/dev/zero", "--db", str(db), "--no-cross", *flags, cwd=tmp
    )
    rows = inputs(db)
    status_case(tally, run, rows, "deeply nested JSON line (E115)", "deep.jsonl", "E115")
    status_case(tally, run, rows, "5,000-digit integer (E116)", "long_number.jsonl", "E116")
    status_case(tally, run, rows, "FIFO refused, no hang (E118)", "fifo.txt", "E118")
    status_case(tally, run, rows, "/dev/zero refused (E118)", "/dev/zero", "E118")
    status_case(tally, run, rows, "text over max_text_chars (E302)", "long.txt", "E302")
    status_case(tally, run, rows, "file over max_file_bytes (E114)", "big.txt", "E114")
    status_case(tally, run, rows, "record over max_record_bytes (E117)", "records.jsonl#L1", "E117")
    status_case(tally, run, rows, "the record after it is stored", "records.jsonl#L2", "ok")
    status_case(tally, run, rows, "footer of 28 pipe-separated names", "pipes.txt", "ok")
    status_case(tally, run, rows, "good file beside them is stored", "good.txt", "ok")
    once = [k for k in rows if k.endswith("inside.txt")]
    ok, why = run_ok(run)
    tally.case("symlink loop: the file stored once", ok and len(once) == 1, why or f"{once}")


# ---- store and concurrency -----------------------------------------------------------


def store(tmp: Path, tally: Tally) -> None:
    # A failed re-read keeps what was stored.
    good = tmp / "reread.txt"
    shutil.copy(sample(0), good)
    db = tmp / "reread.db"
    first = rashomon("analyze", str(good), "--db", str(db), "--no-cross", cwd=tmp)
    before = scalar(db, "SELECT count(*) FROM articles") if db.exists() else 0
    good.unlink()
    os.mkfifo(good)
    second = rashomon("analyze", str(good), "--db", str(db), "--no-cross", cwd=tmp)
    ok, why = run_ok(first, (0,))
    ok2, why2 = run_ok(second)
    after = scalar(db, "SELECT count(*) FROM articles") if db.exists() else 0
    # The kept input stays ok; the failure is recorded beside it (inputs.failure).
    failure = scalar(db, "SELECT group_concat(failure) FROM inputs") if db.exists() else ""
    tally.case(
        "failed re-read keeps the article",
        ok and ok2 and before == 1 and after == 1 and REASON.match(failure or "") is not None,
        why or why2 or f"articles {before} -> {after}, failure {(failure or '')[:50]!r}",
    )

    # Two writers at once: one waits or stops with a numbered error; nothing doubled.
    corpus = tmp / "corpus"
    corpus.mkdir()
    for n in range(5):
        shutil.copy(sample(n), corpus / f"{n}.txt")
    db = tmp / "two.db"
    environ = os.environ | {"PYTHONPATH": str(ROOT / "src")}
    args = [*RASHOMON, "analyze", str(corpus), "--db", str(db)]
    procs = [
        subprocess.Popen(args, cwd=tmp, env=environ, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(2)
    ]
    outs = [p.communicate(timeout=RUN_TIMEOUT) for p in procs]
    codes = [p.returncode for p in procs]
    text = "".join(o.decode(errors="replace") + e.decode(errors="replace") for o, e in outs)
    articles = scalar(db, "SELECT count(*) FROM articles") if db.exists() else -1
    refused = [
        e.decode(errors="replace") for (o, e), c in zip(outs, codes, strict=True) if c == 2
    ]
    ok = (
        TRACEBACK not in text
        and 0 in codes
        and set(codes) <= {0, 2}
        and all(ERROR_LINE.search(e) for e in refused)
        and articles == 5
    )
    tally.case("two analyze runs on one database", ok, f"exits {codes}, {articles} articles")

    # kill -9 in the middle of a run, then resume: the same store as a clean run.
    with (tmp / "feed.jsonl").open("w", encoding="utf-8") as fh:
        for n in range(40):
            text = sample(n % 5).read_text("utf-8").replace("Blinken", f"Blinken{n}", 1)
            fh.write(json.dumps({"id": f"k{n}", "text": text, "outlet": f"o{n % 4}"}) + "\n")
    clean_db, killed_db = tmp / "clean.db", tmp / "killed.db"
    clean = rashomon("analyze", str(tmp / "feed.jsonl"), "--db", str(clean_db), cwd=tmp)
    proc = subprocess.Popen(
        [*RASHOMON, "analyze", str(tmp / "feed.jsonl"), "--db", str(killed_db)],
        cwd=tmp,
        env=environ,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(max(3.0, clean.seconds * 0.6))
    proc.kill()
    proc.wait()
    resumed = rashomon("analyze", str(tmp / "feed.jsonl"), "--db", str(killed_db), cwd=tmp)
    ok, why = run_ok(clean, (0,))
    ok2, why2 = run_ok(resumed, (0,))
    same = ok and ok2
    for sql in (
        "SELECT count(*) FROM articles",
        "SELECT count(DISTINCT id) FROM articles",
        "SELECT count(*) FROM quotes",
        "SELECT count(*) FROM story_events",
    ):
        if same and scalar(clean_db, sql) != scalar(killed_db, sql):
            same, why = False, f"{sql}: {scalar(clean_db, sql)} vs {scalar(killed_db, sql)}"
    tally.case("kill -9 mid-run, resumed = clean run", same, why or why2)

    # A read-only database is read by every reading command.
    ro = tmp / "ro"
    ro.mkdir()
    shutil.copy(clean_db, ro / "r.db")
    (ro / "r.db").chmod(0o444)
    ro.chmod(0o555)
    for command in (["status"], ["stories"], ["export", "--what", "articles"]):
        run = rashomon(*command, "--db", str(ro / "r.db"), cwd=tmp, timeout=60)
        ok, why = run_ok(run, (0,))
        tally.case(f"read-only database: {command[0]}", ok, why)
    ro.chmod(0o755)


# ---- cross-article stages ------------------------------------------------------------

# Person-like mentions that reduce to an empty name key (the IndexError in merge._person),
# titles alone, possessives, initials and dashes; repeated across outlets so they merge.
ODD_NAMES = (
    'Mr. said the talks would go on. "We will see," said Ms. .',
    "Dr. 's office said Jr. and Sr. would attend; O' and Mc were not named.",
    "— said the minister. 'S said nothing. A. B. C. spoke for . . . minutes.",
    "President said. Senator said. Sen. said. Rep. said. Gov. said.",
)


def cross(tmp: Path, tally: Tally) -> None:
    feed = tmp / "odd.jsonl"
    with feed.open("w", encoding="utf-8") as fh:
        for n in range(12):
            text = sample(n % 5).read_text("utf-8") + "\n\n" + ODD_NAMES[n % len(ODD_NAMES)]
            fh.write(json.dumps({"id": f"odd{n}", "text": text, "outlet": f"Outlet {n % 3}"}))
            fh.write("\n")
        for n in range(4):  # one-word and name-only articles beside them
            fh.write(json.dumps({"id": f"tiny{n}", "text": ["Mr.", "'s", "Blinken", "—"][n]}))
            fh.write("\n")
    db = tmp / "odd.db"
    run = rashomon("analyze", str(feed), "--db", str(db), cwd=tmp)
    ok, why = run_ok(run, (0,))
    rows = inputs(db)
    crossed = [r for _, r in rows.values() if r.startswith("E305")]
    events = scalar(db, "SELECT count(*) FROM story_events") if db.exists() else 0
    tally.case(
        "empty name keys and title-only names",
        ok and not crossed and events > 0,
        why or f"{len(crossed)} E305, {events} events",
    )
    if not DEV.folder.exists():
        print(f"  (the real-corpora cases skipped: {DEV.folder} is not here)")
        return
    for dev in sorted(DEV.folder.glob("*/*_dev.jsonl.gz")):
        feed = tmp / f"{dev.name}.jsonl"
        kept = 0
        with gzip.open(dev, "rt", encoding="utf-8") as src, feed.open("w", encoding="utf-8") as out:
            for line in src:
                record = json.loads(line)
                body = {k: record[k] for k in ("text", "html", "title") if k in record}
                if isinstance(body.get("text") or body.get("html"), str):
                    out.write(json.dumps({"id": f"dev{kept}", **body}) + "\n")
                    kept += 1
                if kept == DEV_RECORDS:
                    break
        if not kept:
            continue
        db = tmp / f"{dev.name}.db"
        run = rashomon("analyze", str(feed), "--db", str(db), cwd=tmp)
        ok, why = run_ok(run)
        failed = sum(1 for s, _ in inputs(db).values() if s == "failed")
        tally.case(
            f"dev corpus {dev.name} ({kept} records)",
            ok and failed == 0,
            why or f"{failed} failed inputs",
        )


# ---- network guard -------------------------------------------------------------------

ARTICLE_HTML = (
    "<html><head><title>Talks go on</title></head><body><article>"
    + "".join(f"<p>{p}</p>" for p in sample(0).read_text("utf-8").split("\n") if len(p) > 80)
    + "</article></body></html>"
).encode()
XXE = b"""<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<rss><channel><title>t</title><item><title>&x;</title><description>&x;</description>
</item></channel></rss>"""
LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">'
    + b"".join(
        f'<!ENTITY {c} "{("&" + p + ";") * 10}">'.encode()
        for p, c in zip("abcdefgh", "bcdefghi", strict=True)
    )
    + b"]><rss><channel><item><title>&i;</title></item></channel></rss>"
)


class Hostile(http.server.BaseHTTPRequestHandler):
    """A loopback server that misbehaves in the ways issue 11 lists."""

    def log_message(self, *args) -> None:  # quiet
        pass

    def send(self, body: bytes, kind: str = "text/html", extra=()) -> None:
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        for key, value in extra:
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        path = self.path
        if path == "/ok":
            self.send(ARTICLE_HTML)
        elif path == "/drip":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                for _ in range(40):  # 20 s of drip at most, far past the deadline below
                    self.wfile.write(b"<p>x</p>")
                    self.wfile.flush()
                    time.sleep(0.5)
            except OSError:
                pass
        elif path == "/bomb":
            body = gzip.compress(b"<p>" + b"a" * 50_000_000 + b"</p>", compresslevel=9)
            self.send(body, extra=[("Content-Encoding", "gzip")])
        elif path == "/png":
            self.send(b"\x89PNG\r\n\x1a\n" + b"\0" * 100, "image/png")
        elif path == "/big":
            self.send(b"<p>" + b"word " * 400_000 + b"</p>")
        elif path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.end_headers()
        elif path == "/hop":
            self.send_response(302)
            self.send_header("Location", "/ok")
            self.end_headers()
        elif path == "/xxe.xml":
            self.send(XXE, "application/rss+xml")
        elif path == "/laughs.xml":
            self.send(LAUGHS, "application/rss+xml")
        else:
            self.send_error(404)


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        pass  # a client that hangs up on a bomb or a drip is the point, not news


def network(tmp: Path, tally: Tally) -> None:
    httpd = Server(("127.0.0.1", 0), Hostile)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    port = httpd.server_address[1]
    try:
        refused = {
            "loopback address": f"http://127.0.0.1:{port}/ok",
            "localhost": f"http://localhost:{port}/ok",
            "decimal-encoded loopback": f"http://2130706433:{port}/ok",
            "hex-encoded loopback": f"http://0x7f000001:{port}/ok",
            "short-form loopback": f"http://127.1:{port}/ok",
            "IPv6 loopback": f"http://[::1]:{port}/ok",
            "file: scheme": "file:///etc/passwd",
        }
        db = tmp / "guard.db"
        run = rashomon("analyze", *refused.values(), "--db", str(db), "--no-cross", cwd=tmp)
        rows = inputs(db)
        for name, url in refused.items():
            expect = "E111" if url.startswith("http") else ""
            status_case(tally, run, rows, f"refused: {name}", url, expect)
        allowed = {
            "plain article": ("/ok", "ok"),
            "redirect hop": ("/hop", "ok"),
            "slow drip cut at the deadline (E119)": ("/drip", "E119"),
            "gzip bomb (never inflated)": ("/bomb", "failed"),
            "response over fetch_max_bytes (E112)": ("/big", "E112"),
            "image response (E113)": ("/png", "E113"),
            "redirect loop": ("/loop", "failed"),
            "404": ("/missing", "E110"),
            "XXE feed": ("/xxe.xml", ""),
            "billion laughs feed": ("/laughs.xml", ""),
        }
        db = tmp / "fetch.db"
        flags = ["--setting", "fetch_deadline=3", "--setting", "fetch_max_bytes=1000000"]
        urls = [f"http://127.0.0.1:{port}{p}" for p, _ in allowed.values()]
        run = rashomon(
            "analyze", *urls, "--allow-private", "--db", str(db), "--no-cross", *flags, cwd=tmp
        )
        rows = inputs(db)
        for name, (path, expect) in allowed.items():
            status_case(tally, run, rows, name, f"{port}{path}", expect)
        texts = ""
        if db.exists():
            with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
                texts = " ".join(t or "" for (t,) in conn.execute("SELECT text FROM articles"))
        tally.case("XXE entity never expanded", "root:" not in texts, "")
        tally.case("billion laughs not expanded", "aaaaaaaaaa" * 100 not in texts, "")
        tally.case("drip bounded in time", run.seconds < 120, f"run took {run.seconds:.0f} s")
    finally:
        httpd.shutdown()
        httpd.server_close()


# ---- terminal and CSV output ---------------------------------------------------------

LISTINGS = (
    ["status"],
    ["search", "Blinken"],
    ["quotes"],
    ["stories"],
    ["figures"],
    ["timeline"],
    ["framing"],
    ["entities"],
)
FORMULAS = ("=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-2+3", "@SUM(A1)")


def hostile_db(tmp: Path) -> Path:
    """A store whose titles, outlets, quotes and text carry markup, escapes and formulas."""
    feed = tmp / "hostile.jsonl"
    with feed.open("w", encoding="utf-8") as fh:
        for n in range(6):
            text = sample(n % 5).read_text("utf-8")
            text += f'\n\n"{HOSTILE} is what we said," Blinken said.\n\n{FORMULAS[n % 4]}'
            record = {
                "id": f"h{n}",
                "title": f"{FORMULAS[n % 4]} {HOSTILE}",
                "outlet": f"{HOSTILE} {n % 2}",
                "text": text,
            }
            fh.write(json.dumps(record) + "\n")
    db = tmp / "hostile.db"
    rashomon("analyze", str(feed), "--db", str(db), cwd=tmp)
    return db


def terminal(tmp: Path, tally: Tally) -> None:
    db = hostile_db(tmp)
    for command in LISTINGS:
        run = rashomon(*command, "--db", str(db), cwd=tmp, timeout=60)
        ok, why = run_ok(run, (0,))
        if ok and TERMINAL.search(run.stdout):
            ok, why = False, "a terminal escape or bidi override printed"
        tally.case(f"hostile text in `{' '.join(command)}`", ok, why)
    for what in ("articles", "quotes"):
        run = rashomon("export", "--what", what, "--format", "csv", "--db", str(db), cwd=tmp)
        ok, why = run_ok(run, (0,))
        cells = [c for row in csv.reader(io.StringIO(run.stdout)) for c in row]
        live = [c for c in cells if c[:1] in ("=", "+", "@") or re.match(r"-[^\d.]", c)]
        tally.case(f"CSV export of {what}: no live formula", ok and bool(cells) and not live,
                   why or f"{len(live)} live of {len(cells)} cells")  # fmt: skip


# ---- CLI flags -----------------------------------------------------------------------


def flags(tmp: Path, tally: Tally) -> None:
    shutil.copy(sample(0), tmp / "a.txt")
    db = tmp / "flags.db"
    rashomon("analyze", str(tmp / "a.txt"), "--db", str(db), "--no-cross", cwd=tmp)
    (tmp / "bad.toml").write_text("[rashomon\nmax_text_chars = ", "utf-8")
    (tmp / "dir").mkdir()
    cases = {
        "missing database": ["status", "--db", str(tmp / "none.db")],
        "a text file as database": ["stories", "--db", str(ROOT / "README.md")],
        "a directory as database": ["status", "--db", str(tmp / "dir")],
        "unknown option": ["status", "--nope", "--db", str(db)],
        "--limit not a number": ["quotes", "--limit", "abc", "--db", str(db)],
        "--limit negative": ["quotes", "--limit", "-5", "--db", str(db)],
        "bad --since": ["stories", "--since", "2020-13-45", "--db", str(db)],
        "unknown --story": ["quotes", "--story", "no-such-story", "--db", str(db)],
        "unknown --setting": ["status", "--setting", "nope=1", "--db", str(db)],
        "--setting of the wrong type": ["status", "--setting", "max_text_chars=x", "--db", str(db)],
        "--setting without =": ["status", "--setting", "max_text_chars", "--db", str(db)],
        "malformed --config": ["status", "--config", str(tmp / "bad.toml"), "--db", str(db)],
        "missing --config": ["status", "--config", str(tmp / "none.toml"), "--db", str(db)],
        "unknown export table": ["export", "--what", "nope", "--db", str(db)],
        "unknown export format": ["export", "--format", "xls", "--db", str(db)],
        "parquet to stdout": ["export", "--format", "parquet", "--db", str(db)],
        "unknown briefing story": ["briefing", "nope", "--db", str(db)],
        "bad --dask address": ["analyze", str(tmp / "a.txt"), "--dask", "nope", "--db", str(db)],
        "--workers 0": ["analyze", str(tmp / "a.txt"), "--workers", "0", "--db", str(db)],
        "analyze with no input": ["analyze", "--db", str(db)],
    }
    for name, args in cases.items():
        run = rashomon(*args, cwd=tmp, timeout=120)
        ok, why = run_ok(run, (2,))
        if ok and not ERROR_LINE.search(run.stderr):
            ok, why = False, f"no numbered error line: {run.stderr.strip()[:100]!r}"
        tally.case(name, ok, why)


# ---- web -----------------------------------------------------------------------------


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 (loopback)
            return response.status, response.read().decode(errors="replace")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode(errors="replace")


def web(tmp: Path, tally: Tally) -> None:
    db = hostile_db(tmp)
    environ = os.environ | {"PYTHONPATH": str(ROOT / "src")}
    server = subprocess.Popen(
        [*RASHOMON, "serve", "--db", str(db), "--port", "0"],
        cwd=tmp,
        env=environ,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        base, deadline = "", time.monotonic() + 120
        assert server.stdout is not None
        while time.monotonic() < deadline and not base:
            line = server.stdout.readline()
            if not line:
                break
            found = re.search(r"http://127\.0\.0\.1:\d+", line)
            base = found.group() if found else ""
        if not base:
            tally.case("serve starts", False, server.stderr.read()[-200:] if server.poll() else "")
            return
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
            story = conn.execute("SELECT id FROM story_events LIMIT 1").fetchone()
        pages = ["/", "/articles", "/entities", "/search?q=Blinken", "/article/h0", "/tables"]
        if story:
            pages.append(f"/story/{story[0]}")
        for page in pages:
            code, body = get(base + page)
            # HTML-escaped text is inert; an ESC byte in a page is shown, never acted on.
            live = "<script>alert(1)" in body
            tally.case(f"page {page.split('?')[0]}", code == 200 and not live,
                       f"HTTP {code}, live payload {live}")  # fmt: skip
        code, body = get(base + "/download/articles.csv")
        cells = [c for row in csv.reader(io.StringIO(body)) for c in row]
        live = [c for c in cells if c[:1] in ("=", "+", "@")]
        tally.case("/download/articles.csv: no live formula", code == 200 and not live,
                   f"HTTP {code}, {len(live)} live")  # fmt: skip
        code, _ = get(base + "/article/" + "%2e%2e%2f" * 3 + "etc")
        tally.case("odd article id is a 404, not a 500", code == 404, f"HTTP {code}")
        port = int(base.rsplit(":", 1)[1])
        run = rashomon("serve", "--db", str(db), "--port", str(port), cwd=tmp, timeout=60)
        ok, why = run_ok(run, (2,))
        busy = ok and "E518" in run.stderr and "http://" not in run.stdout
        tally.case("serve on a busy port is E518 before any URL", busy, why or run.stderr[:80])
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


CATEGORIES: dict[str, Callable[[Path, Tally], None]] = {
    "ingest/decoding": ingest,
    "limits": limits,
    "store and concurrency": store,
    "cross-article stages": cross,
    "network guard": network,
    "terminal/CSV output": terminal,
    "CLI flags": flags,
    "web": web,
}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", help="comma-separated categories (default: all)")
    parser.add_argument("--json", type=Path, help="write the headline figures here")
    parser.add_argument("--eval", type=Path, default=EVAL, help="the dev sets' folder")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every case")
    args = parser.parse_args(argv[1:])
    chosen = [c.strip() for c in args.only.split(",")] if args.only else list(CATEGORIES)
    unknown = [c for c in chosen if c not in CATEGORIES]
    if unknown:
        parser.error(f"unknown categories {unknown}; choose from {list(CATEGORIES)}")
    DEV.folder = args.eval
    header("issue 11's hostile cases through the CLI")
    socket.setdefaulttimeout(30)
    metrics: dict[str, float] = {}
    totals = [0, 0]
    print(f"{'category':<24} {'tried':>6} {'survived':>9} {'failed':>7} {'seconds':>8}")
    failures: list[str] = []
    for name in chosen:
        tally = Tally()
        started = time.monotonic()
        with tempfile.TemporaryDirectory(prefix="hostile-") as folder:
            try:
                CATEGORIES[name](Path(folder), tally)
            except Exception as exc:  # a crash of the harness itself is a failed case
                tally.case(f"harness: {type(exc).__name__}", False, str(exc)[:160])
        seconds = time.monotonic() - started
        tried = len(tally.results)
        survived = sum(ok for _, ok, _ in tally.results)
        totals[0] += tried
        totals[1] += survived
        print(f"{name:<24} {tried:>6} {survived:>9} {tried - survived:>7} {seconds:>8.0f}")
        key = re.sub(r"\W+", "_", name)
        tracebacks = sum(d.startswith("traceback") for _, _, d in tally.results)
        metrics |= {
            f"{key}_tried": tried,
            f"{key}_survived": survived,
            f"{key}_tracebacks": tracebacks,
        }
        for case, ok, detail in tally.results:
            if not ok:
                failures.append(f"  FAILED [{name}] {case}: {detail}")
            elif args.verbose:
                print(f"  ok [{name}] {case} {detail}")
    print(f"{'total':<24} {totals[0]:>6} {totals[1]:>9} {totals[0] - totals[1]:>7}")
    print("\n".join(failures))
    metrics |= {"cases_tried": totals[0], "cases_survived": totals[1]}
    metrics["cases_survived_share"] = round(totals[1] / max(1, totals[0]), 4)
    if args.json:
        args.json.write_text(json.dumps(metrics, indent=1, sort_keys=True) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
