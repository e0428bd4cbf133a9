"""Where a signed-in operator's token waits between commands: one file in the user's state folder,
readable only by them, with one entry per database (a token of one exchange means nothing to
another)."""

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from platformdirs import user_state_dir
from sqlalchemy.engine import make_url


@dataclass(frozen=True)
class Kept:
    """A token kept for one database, with who it signs in and until when (as last told)."""

    token: str
    username: str
    expires_at: datetime


def session_path(env: Mapping[str, str] = os.environ) -> Path:
    """POEMS_STATE_DIR/signin.json, else signin.json in the user's state folder."""
    return Path(env.get("POEMS_STATE_DIR") or user_state_dir("poems")) / "signin.json"


def _key(url: str) -> str:
    # Never the database password in a file that lives longer than the command.
    return make_url(url).render_as_string(hide_password=True)


def _entries(path: Path) -> dict[str, dict]:
    try:
        found = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}


def _write(path: Path, entries: dict[str, dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    # Created owner-only, so the token is never readable by others, not even for a moment.
    handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(handle, "w", encoding="utf-8") as file:
        json.dump(entries, file, indent=1)


def kept(url: str, path: Path | None = None) -> Kept | None:
    """The token kept for this database, if any."""
    entry = _entries(path or session_path()).get(_key(url))
    try:
        return Kept(entry["token"], entry["username"], datetime.fromisoformat(entry["expires_at"]))
    except (TypeError, KeyError, ValueError):
        return None


def keep(url: str, token: str, username: str, expires_at: datetime, path: Path | None = None):
    """Keep a new token for this database, in place of any before it."""
    path = path or session_path()
    entries = _entries(path)
    entries[_key(url)] = {
        "token": token,
        "username": username,
        "expires_at": expires_at.isoformat(),
    }
    _write(path, entries)


def forget(url: str, path: Path | None = None) -> None:
    """Drop the token kept for this database."""
    path = path or session_path()
    entries = _entries(path)
    if entries.pop(_key(url), None) is not None:
        _write(path, entries)
