"""A table that keeps its most useful columns when the terminal is narrow.

Each column says how much it matters (`keep`: 1 is dropped last); when the columns do not all
fit, the least useful go first, whatever their place from left to right. One column may take
the width that is left.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.widgets import DataTable

# A cell's padding, one each side, and the vertical scrollbar.
PADDING = 2
SCROLLBAR = 2


@dataclass(frozen=True)
class Column:
    label: str
    key: str
    width: int
    keep: int = 1
    # The column that takes the width left over, never narrower than `width`.
    stretch: bool = False


def fit(columns: Iterable[Column], room: int) -> list[tuple[Column, int]]:
    """The columns that fit in `room` cells, most useful first to be kept, in their own order,
    each with the width it gets."""
    columns = list(columns)
    kept: list[Column] = []
    used = 0
    for column in sorted(columns, key=lambda c: c.keep):
        need = column.width + PADDING
        if used + need <= room or not kept:
            kept.append(column)
            used += need
    spare = max(0, room - used)
    return [
        (column, column.width + (spare if column.stretch else 0))
        for column in columns
        if column in kept
    ]


class FittedTable(DataTable):
    """A row-cursor table of `columns`; give it rows with `show` (or `extend`) as mappings from a
    column's key to its cell. The cursor stays on the same row across reloads and resizes.

    With `opens`, Enter is shown in the footer (while there is a row to open) and selects the
    row under the cursor (DataTable.RowSelected)."""

    BINDINGS = [Binding("enter", "select_cursor", "Open")]

    def __init__(self, columns: Iterable[Column], opens: bool = True, **options) -> None:
        options.setdefault("cursor_type", "row")
        options.setdefault("zebra_stripes", True)
        super().__init__(**options)
        self.opens = opens
        self.columns_wanted = list(columns)
        self.rows_shown: dict[str, Mapping[str, object]] = {}
        self.layout_made: list[tuple[Column, int]] = []

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "select_cursor":
            return self.opens and self.row_count > 0
        return True

    def on_resize(self, event: events.Resize) -> None:
        self.lay_out()

    def lay_out(self) -> None:
        room = self.size.width - SCROLLBAR
        if room <= 0:
            return
        layout = fit(self.columns_wanted, room)
        if layout != self.layout_made:
            self.layout_made = layout
            self._redraw()

    def _redraw(self) -> None:
        keep = self.cursor_key
        self.clear(columns=True)
        for column, width in self.layout_made:
            self.add_column(column.label, key=column.key, width=width)
        self._add(self.rows_shown)
        self.move_to(keep)

    def _add(self, rows: Mapping[str, Mapping[str, object]]) -> None:
        if not self.layout_made:
            return
        for key, cells in rows.items():
            self.add_row(
                *(_cell(cells.get(column.key, "")) for column, _ in self.layout_made), key=key
            )

    def show(self, rows: Iterable[tuple[str, Mapping[str, object]]]) -> None:
        """Replace every row, keeping the cursor on the row it was on where it still is."""
        fresh = dict(rows)
        if fresh == self.rows_shown and self.row_count == len(fresh):
            return  # a reload that found nothing new redraws nothing
        keep = self.cursor_key
        self.rows_shown = fresh
        self.clear()
        self._add(self.rows_shown)
        self.move_to(keep)
        self.refresh_bindings()

    def extend(self, rows: Iterable[tuple[str, Mapping[str, object]]]) -> None:
        """Add rows after those shown (the next page); a row already shown stays as it is."""
        fresh = {key: cells for key, cells in rows if key not in self.rows_shown}
        self.rows_shown.update(fresh)
        self._add(fresh)
        self.refresh_bindings()

    @property
    def cursor_key(self) -> str | None:
        """The key of the row under the cursor, or None when there are no rows."""
        if not self.row_count:
            return None
        return self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value

    def move_to(self, key: str | None) -> None:
        if key is not None and key in self.rows:
            self.move_cursor(row=self.get_row_index(key), animate=False)
        elif self.row_count:
            self.move_cursor(row=min(self.cursor_row, self.row_count - 1), animate=False)


def _cell(value: object) -> object:
    # Plain Text, never markup: names and texts may hold any characters.
    return value if isinstance(value, Text) else Text(str(value), no_wrap=True)
