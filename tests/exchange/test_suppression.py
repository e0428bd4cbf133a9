"""Suppression: no cell under five workers is shown, and none can be worked out by subtraction."""

from hypothesis import given, settings
from hypothesis import strategies as st

from exchange.suppression import TOTAL, Count, protect_linked, suppress
from tests.disclosure import determined, recoverable, table_equations


@st.composite
def tables(draw, max_rows: int = 5, max_cols: int = 5):
    """A table of worker sets per interior cell (some cells empty), with its margins."""
    rows = [f"r{i}" for i in range(draw(st.integers(1, max_rows)))]
    cols = [f"c{j}" for j in range(draw(st.integers(1, max_cols)))]
    workers = st.sets(st.integers(0, 14), max_size=8)
    interior = {}
    for r in rows:
        for c in cols:
            if draw(st.booleans()) or not interior:
                people = draw(workers)
                extra = draw(st.integers(0, 3))
                interior[(r, c)] = (people, len(people) + extra)
    return with_margins(interior)


def with_margins(interior):
    """Counts of interior cells plus row, column and grand totals."""
    cells = {}
    for (r, c), (people, bookings) in interior.items():
        for key in ((r, c), (r, TOTAL), (TOTAL, c), (TOTAL, TOTAL)):
            seen, count = cells.get(key, (set(), 0))
            cells[key] = (seen | people, count + bookings)
    return {key: Count(bookings=count, workers=len(seen)) for key, (seen, count) in cells.items()}


@settings(max_examples=300)
@given(tables())
def test_no_withheld_cell_can_be_worked_out_from_the_rest(cells):
    hidden = suppress(cells)
    assert determined(table_equations(cells, lambda key: key), hidden) == set()


@settings(max_examples=200)
@given(tables())
def test_every_cell_under_five_workers_is_withheld(cells):
    hidden = suppress(cells)
    assert {key for key, count in cells.items() if count.workers < 5} <= hidden


@settings(max_examples=150)
@given(tables(max_rows=4, max_cols=3), st.data())
def test_linked_tables_leak_nothing_through_their_shared_totals(hub, data):
    """A spoke table per hub row, whose grand total is that row's total."""
    skills = sorted({r for r, _ in hub if r != TOTAL})
    spokes = {}
    for skill in skills:
        spoke = data.draw(tables(max_rows=3, max_cols=3))
        # The spoke must add up to the hub row it details.
        spoke[(TOTAL, TOTAL)] = hub[(skill, TOTAL)]
        spokes[skill] = spoke
    hub_hidden, spoke_hidden = protect_linked(hub, spokes)
    linked = {"hub": {key: key in hub_hidden for key in hub}} | {
        skill: {key: key in spoke_hidden[skill] for key in spoke} for skill, spoke in spokes.items()
    }

    def name(table, key):
        if table != "hub" and key == (TOTAL, TOTAL):
            return ("hub", (table, TOTAL))
        return (table, key)

    assert recoverable(linked, name) == set()


def test_a_single_small_cell_takes_three_others_with_it():
    cells = with_margins(
        {
            ("care", "E"): ({1, 2}, 2),
            ("care", "N"): (set(range(10, 20)), 10),
            ("cleaning", "E"): (set(range(20, 30)), 10),
            ("cleaning", "N"): (set(range(30, 40)), 10),
        }
    )
    hidden = suppress(cells)
    assert ("care", "E") in hidden and len(hidden) >= 4
    assert determined(table_equations(cells, lambda key: key), hidden) == set()


def test_a_table_where_every_cell_has_five_workers_is_shown_whole():
    cells = with_margins({("care", "E"): (set(range(5)), 5), ("care", "N"): (set(range(5, 10)), 6)})
    assert suppress(cells) == set()
