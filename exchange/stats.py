"""The market's summary statistics, computed one way everywhere they are shown: the quartiles
and the median of whole minor units (pence, cents) or whole minutes.

Quartiles are the standard library's `statistics.quantiles(..., method="inclusive")`: linear
interpolation between the closest values (R's type 7, a spreadsheet's QUARTILE), so a median
of two values is their mean. Every figure is then rounded to a whole unit, halves away from
zero (1350.5 -> 1351), because money and minutes are published whole.
"""

import statistics
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal
from typing import NamedTuple


class Quartiles(NamedTuple):
    """The lower quartile, the median and the upper quartile, in whole units."""

    q1: int
    median: int
    q3: int


def whole(value: int | float) -> int:
    """A figure rounded to a whole unit, halves away from zero."""
    return int(Decimal(value).to_integral_value(rounding=ROUND_HALF_UP))


def quartiles(values: Iterable[int]) -> Quartiles:
    """The quartiles of at least one value."""
    data = list(values)
    if not data:
        raise ValueError("quartiles of no values")
    if len(data) == 1:
        # Python 3.11's quantiles() wants two points; one value is every quartile of itself.
        return Quartiles(data[0], data[0], data[0])
    q1, median, q3 = statistics.quantiles(data, n=4, method="inclusive")
    return Quartiles(whole(q1), whole(median), whole(q3))


def median(values: Iterable[int]) -> int:
    """The median of at least one value: the middle one, or the mean of the middle two."""
    return whole(statistics.median(values))
