"""The one way figures are summarised: quartiles interpolated as the standard library's
inclusive method does, each rounded to a whole minor unit, halves away from zero."""

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exchange.stats import median, quartiles, whole


def by_hand(values: list[int], q: Fraction) -> int:
    """The q-quantile from its definition: the value at q(n-1) in sorted order, interpolated
    between its neighbours, then rounded half up."""
    ordered = sorted(values)
    position = q * (len(ordered) - 1)
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    value = ordered[low] + (ordered[high] - ordered[low]) * (position - low)
    return int(value + Fraction(1, 2))


def test_quartiles_interpolate_and_round_to_whole_minor_units():
    assert quartiles([1000, 1100, 1200, 1300, 1401]) == (1100, 1200, 1300)
    assert quartiles([1000, 1001]) == (1000, 1001, 1001)


def test_one_value_is_every_quartile_of_itself():
    assert quartiles([1350]) == (1350, 1350, 1350)


def test_a_median_of_two_is_their_mean_rounded_half_up():
    assert median([1300, 1401]) == 1351
    assert median([90]) == 90


def test_halves_round_away_from_zero_never_to_even():
    assert [whole(v) for v in (0.5, 1.5, 2.5, 1350.5, 1350.25, -0.5)] == [1, 2, 3, 1351, 1350, -1]


def test_no_values_have_no_quartiles_and_no_median():
    with pytest.raises(ValueError):
        quartiles([])
    with pytest.raises(ValueError):
        median([])


@given(st.lists(st.integers(0, 10_000_000), min_size=1, max_size=60))
def test_quartiles_and_median_agree_with_the_definition(values):
    expected = tuple(by_hand(values, Fraction(k, 4)) for k in (1, 2, 3))
    assert quartiles(values) == expected
    assert median(values) == expected[1]
