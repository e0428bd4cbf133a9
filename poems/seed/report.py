"""What a seeding made, and how a caller hears how far it has got."""

from collections.abc import Callable
from dataclasses import dataclass, field

# Called with a step's name, how many of its items are done, and how many it has in all.
Progress = Callable[[str, int, int], None]


@dataclass
class SeedReport:
    """Rows added per table and the seconds it took."""

    rows: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    skipped: bool = False

    @property
    def total(self) -> int:
        return sum(self.rows.values())

    @property
    def rows_per_second(self) -> float:
        return self.total / self.seconds if self.seconds else 0.0

    def summary(self) -> str:
        """One line: rows per table, the total, the time and the rate."""
        if self.skipped:
            return "already seeded: nothing added"
        tables = ", ".join(f"{table} {count:,}" for table, count in self.rows.items() if count)
        return (
            f"seeded {tables}; {self.total:,} rows in {self.seconds:.1f}s "
            f"({self.rows_per_second:,.0f} rows/s)"
        )
