"""A progress bar for `poems seed` on the terminal (rich), kept out of the seeding itself."""

from collections.abc import Iterator
from contextlib import contextmanager

from poems.seed.report import Progress


@contextmanager
def progress_bar() -> Iterator[Progress]:
    """A `Progress` callback drawing one bar per step on stderr, gone when the block ends."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn
    from rich.progress import Progress as Bars

    bars = Bars(
        TextColumn("{task.description:<13}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    tasks: dict[str, int] = {}

    def tell(step: str, done: int, total: int) -> None:
        if step not in tasks:
            tasks[step] = bars.add_task(step, total=total)
        bars.update(tasks[step], completed=done, total=total)

    with bars:
        yield tell
