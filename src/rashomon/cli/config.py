"""Settings for any command: defaults, then ``--config FILE``, then each ``--setting``.

``--setting NAME=VALUE`` is typed by the ``Settings`` field it names, so a typo in
a name or a value is a numbered error before any work starts.
"""

from __future__ import annotations

import tomllib
import types
from dataclasses import fields
from pathlib import Path
from typing import Any, Union, get_args, get_origin, get_type_hints

from rashomon.errors import error
from rashomon.settings import Settings, load_settings

TRUE = {"true", "yes", "on", "1"}
FALSE = {"false", "no", "off", "0"}


def command_settings(
    config: Path | None, pairs: list[str] | None = None, **overrides: Any
) -> Settings:
    """The settings a command runs with; ``overrides`` (a command's own flags) win last."""
    if config is not None:
        try:
            settings = load_settings(config)
        # TypeError: a [rashomon] that is not a table, or a value of the wrong shape
        except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError, TypeError) as exc:
            raise error("E516", path=config, detail=exc) from None
        check_types(settings, config)
    else:
        settings = Settings()
    changes = dict(parse_setting(pair) for pair in pairs or ())
    return settings.with_overrides(**changes).with_overrides(**overrides)


def check_types(settings: Settings, path: Path) -> None:
    """E520 for a TOML value of the wrong type, which would fail later, mid-run."""
    hints = get_type_hints(Settings)
    for f in fields(Settings):
        value = getattr(settings, f.name)
        if not fits(hints[f.name], value):
            raise error("E520", name=f.name, path=path, value=value)


def fits(hint: Any, value: Any) -> bool:
    origin, args = get_origin(hint), get_args(hint)
    if origin in (Union, types.UnionType):
        return any(fits(a, value) for a in args)
    if origin is tuple:
        return isinstance(value, tuple) and all(fits(args[0], v) for v in value)
    if hint is type(None):
        return value is None
    if hint is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, hint)


def parse_setting(pair: str) -> tuple[str, Any]:
    """``NAME=VALUE`` → (name, value of the field's type)."""
    name, sep, text = pair.partition("=")
    name = name.strip()
    if not sep or not name:
        raise error("E515", given=pair)
    hints = get_type_hints(Settings)
    if name not in {f.name for f in fields(Settings)}:
        raise error("E513", name=name)
    try:
        return name, typed(hints[name], text.strip())
    except ValueError as exc:
        raise error("E514", name=name, value=text, detail=exc) from None


def typed(hint: Any, text: str) -> Any:
    """``text`` as a value of ``hint``: bool, int, float, str, a tuple (comma-separated)
    or an optional of those (empty text or ``none`` is None)."""
    origin, args = get_origin(hint), get_args(hint)
    if origin in (Union, types.UnionType):
        if text.lower() in {"", "none"}:
            return None
        (inner,) = [a for a in args if a is not type(None)]
        return typed(inner, text)
    if origin is tuple:
        return tuple(typed(args[0], part.strip()) for part in text.split(",") if part.strip())
    if hint is bool:
        if text.lower() in TRUE:
            return True
        if text.lower() in FALSE:
            return False
        raise ValueError("expected true or false")
    if hint is int:
        return int(text)
    if hint is float:
        return float(text)
    if hint is str:
        return text
    raise ValueError(f"settings of type {hint!r} cannot be set from the command line")
