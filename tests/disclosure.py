"""An independent check that no withheld cell can be worked out: exact linear algebra.

Each table row and column says its cells add up to its total. Once the published cells are
subtracted, the withheld cells must satisfy those equations; a withheld cell can be worked out
exactly when its unit vector lies in the row space of the equations (one row of the reduced
row echelon form is that unit vector).
"""

from collections.abc import Hashable, Iterable, Mapping
from fractions import Fraction

TOTAL = "*"

Equation = dict[Hashable, int]


def table_equations(cells: Iterable[tuple[str, str]], name) -> list[Equation]:
    """Row and column equations of a table with margins: interior cells minus the total = 0.

    `name(key)` gives the variable a cell stands for (tables that share a cell share a name).
    """
    cells = set(cells)
    rows = {r for r, _ in cells}
    cols = {c for _, c in cells}
    equations = []
    for r in rows:
        eq = {name((r, c)): 1 for c in cols if c != TOTAL and (r, c) in cells}
        if (r, TOTAL) in cells:
            eq[name((r, TOTAL))] = -1
        equations.append(eq)
    for c in cols:
        eq = {name((r, c)): 1 for r in rows if r != TOTAL and (r, c) in cells}
        if (TOTAL, c) in cells:
            eq[name((TOTAL, c))] = -1
        equations.append(eq)
    return equations


def determined(equations: Iterable[Equation], unknown: set[Hashable]) -> set[Hashable]:
    """The unknowns whose value follows exactly from the equations and the known values."""
    order = sorted(unknown, key=repr)
    index = {var: i for i, var in enumerate(order)}
    matrix = []
    for eq in equations:
        row = [Fraction(0)] * len(order)
        for var, coeff in eq.items():
            if var in index:
                row[index[var]] += coeff
        if any(row):
            matrix.append(row)
    pivots = _rref(matrix, len(order))
    return {
        order[col] for col, row in pivots.items() if sum(1 for value in matrix[row] if value) == 1
    }


def _rref(matrix: list[list[Fraction]], width: int) -> dict[int, int]:
    """Reduce in place; return pivot column -> row."""
    pivots: dict[int, int] = {}
    row = 0
    for col in range(width):
        found = next((i for i in range(row, len(matrix)) if matrix[i][col]), None)
        if found is None:
            continue
        matrix[row], matrix[found] = matrix[found], matrix[row]
        lead = matrix[row][col]
        matrix[row] = [value / lead for value in matrix[row]]
        for i in range(len(matrix)):
            if i != row and matrix[i][col]:
                factor = matrix[i][col]
                matrix[i] = [a - factor * b for a, b in zip(matrix[i], matrix[row], strict=True)]
        pivots[col] = row
        row += 1
    return pivots


def recoverable(tables: Mapping[Hashable, Mapping[tuple[str, str], bool]], name) -> set[Hashable]:
    """Withheld cells of linked tables that can be worked out; `tables` maps each table to
    {cell: withheld?}, `name(table, cell)` gives the shared variable name."""
    equations: list[Equation] = []
    hidden_names: set[Hashable] = set()
    shown_names: set[Hashable] = set()
    for table, cells in tables.items():
        equations += table_equations(cells, lambda key, t=table: name(t, key))
        for key, hidden in cells.items():
            (hidden_names if hidden else shown_names).add(name(table, key))
    # A cell shown in any table is known in all of them.
    return determined(equations, hidden_names - shown_names)


ADDITIVE = ("bookings", "slots_posted")


def additive_tables(document: Mapping) -> dict[Hashable, dict[tuple[str, str], bool]]:
    """Every published table that carries a figure that adds up, as {cell: withheld?}, keyed by
    (market, week, kind, skill); a table over more than one week is refused, since rolling and
    nested windows of counts could be subtracted from one publication to the next."""
    tables: dict[Hashable, dict[tuple[str, str], bool]] = {}
    for name, rows in document.items():
        if not isinstance(rows, list) or not rows or not isinstance(rows[0], dict):
            continue
        for row in rows:
            if not any(column in row for column in ADDITIVE):
                continue
            if "week" not in row:
                raise AssertionError(f"{name} publishes a count over more than one week: {row}")
            if row["table"] == "skill_area":
                table, key = (
                    (row["market"], row["week"], "skill_area", TOTAL),
                    (
                        row["skill"],
                        row["area"],
                    ),
                )
            else:
                table = (row["market"], row["week"], "skill_time", row["skill"])
                key = (row["weekday"], row["part_of_day"])
            tables.setdefault(table, {})[key] = row["suppressed"]
    return tables


def shared_name(table, key):
    """A cell's identity is what it describes, so a total shared by two tables is one."""
    market, week, kind, skill = table
    if kind == "skill_area":
        return (market, week, key[0], key[1], TOTAL, TOTAL)
    return (market, week, skill, TOTAL, key[0], key[1])


def recoverable_in(document: Mapping) -> set[Hashable]:
    """Withheld cells of a whole publication that its published counts determine; weeks (and
    markets) share no cell, so each week's tables are solved on their own."""
    tables = additive_tables(document)
    found: set[Hashable] = set()
    for week in {table[:2] for table in tables}:
        linked = {table: cells for table, cells in tables.items() if table[:2] == week}
        found |= recoverable(linked, shared_name)
    return found
