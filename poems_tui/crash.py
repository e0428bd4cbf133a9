"""When the console stops on a fault: one line saying what broke and where the whole story is,
and a status that is not 0, so a script or a person knows it did not end well."""

import sys
import traceback
from datetime import UTC, datetime
from pathlib import Path

from platformdirs import user_log_dir
from textual.app import App

HINT = (
    "The whole traceback is in {path}. Please send it to whoever looks after your exchange. "
    "Everything saved before this is kept; start the console again to go on."
)


def run_console(app: App, **options) -> None:
    """Run the console; on a crash, print the traceback's last line and a hint, and exit 1."""
    app.run(**options)
    error = getattr(app, "crash", None)
    if error is None:
        if app.return_code:
            sys.exit(app.return_code)
        return
    path = keep_traceback(error)
    last = traceback.format_exception_only(error)[-1].strip()
    print(f"The POEMS console stopped on a fault: {last}", file=sys.stderr)
    print(HINT.format(path=path), file=sys.stderr)
    sys.exit(1)


def keep_traceback(error: BaseException) -> Path:
    folder = Path(user_log_dir("poems"))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"crash-{datetime.now(UTC):%Y%m%dT%H%M%S}.txt"
    path.write_text("".join(traceback.format_exception(error)))
    return path
