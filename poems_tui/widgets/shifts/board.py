"""The shift board's row of states, each with how many shifts are in it."""

from textual.widgets import Tab, Tabs

from services.shifts import LABELS, STATES


class StateTabs(Tabs):
    """One tab per state of a shift: Open, Offering, Filled, In progress, Done, Unfilled, Cancelled."""

    def __init__(self) -> None:
        super().__init__(*(Tab(LABELS[state], id=state) for state in STATES), id="states")

    def show_counts(self, counts: dict[str, int]) -> None:
        for state in STATES:
            self.query_one(f"#{state}", Tab).label = f"{LABELS[state]} {counts.get(state, 0)}"
