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
