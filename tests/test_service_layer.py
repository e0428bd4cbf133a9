"""The console and the `poems` command change the market only through the service layer: no
screen, widget or command opens a write transaction of its own, so a rule checked in a use case
cannot be stepped around at another door."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Where a face is: the console's screens and widgets, and the operators' commands.
FACES = [
    *sorted((ROOT / "poems_tui" / "screens").glob("*.py")),
    *sorted((ROOT / "poems_tui" / "widgets").rglob("*.py")),
    ROOT / "poems_tui" / "app.py",
    *sorted((ROOT / "poems").glob("*_cli.py")),
    ROOT / "poems" / "cli.py",
    ROOT / "poems" / "options.py",
]


def writes_in(path: Path) -> list[int]:
    """The lines where a module opens a write transaction (`something.write()`)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "write"
        and not node.args
    ]


@pytest.mark.parametrize("path", FACES, ids=lambda path: str(path.relative_to(ROOT)))
def test_a_face_opens_no_write_transaction_of_its_own(path):
    assert writes_in(path) == [], f"{path.name} writes outside the service layer"


def test_the_check_finds_a_write_where_there_is_one(tmp_path):
    face = tmp_path / "face.py"
    face.write_text("def save(app):\n    with app.db.write() as session:\n        pass\n")
    assert writes_in(face) == [2]


# The inbound path that stores a text and opens its transaction, and the outbox that sends the
# replies, are the text's own machinery; every other module of sms/ acts on a text.
TEXT_MACHINERY = {
    "pipeline",
    "inbound",
    "storer",
    "webhook",
    "outbox",
    "gateways",
    "twilio_gateway",
}
HANDLERS = [path for path in sorted((ROOT / "sms").glob("*.py")) if path.stem not in TEXT_MACHINERY]
# What a handler may write itself: the text it read, the question it asked back, its reply.
THE_TEXTS_OWN = {"message", "conversation", "pending", "notice"}


def market_writes_in(path: Path) -> list[int]:
    """The lines where a module writes to its session anything but the text's own rows."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if not (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == "session"
        ):
            continue
        method = node.func.attr
        own = bool(node.args) and getattr(node.args[0], "id", None) in THE_TEXTS_OWN
        writes = method in ("execute", "merge", "flush", "add_all", "begin_nested")
        if writes or (method in ("add", "delete") and not own):
            found.append(node.lineno)
    return found


@pytest.mark.parametrize("path", HANDLERS, ids=lambda path: str(path.relative_to(ROOT)))
def test_a_text_changes_the_market_only_through_a_use_case(path):
    assert market_writes_in(path) == [], f"{path.name} writes the market outside a use case"


def test_the_check_finds_a_market_write_in_a_handler(tmp_path):
    handler = tmp_path / "handler.py"
    handler.write_text(
        "def late(session, worker, message):\n"
        "    session.add(message)\n"
        "    worker.late_minutes = 5\n"
        "    session.add(worker)\n"
    )
    assert market_writes_in(handler) == [4]
