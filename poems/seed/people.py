"""Believable people and places for a seeded London market: names, numbers, postcodes, rates."""

import bisect
import itertools
import random
from collections.abc import Sequence

from poems.seed.names import FIRST_NAMES, STEMS, STREETS, SURNAMES

# Postcode districts by area, busiest first: a small market uses the first few areas only.
DISTRICTS: dict[str, tuple[str, ...]] = {
    "E": tuple(f"E{n}" for n in range(1, 18)),
    "SE": tuple(f"SE{n}" for n in range(1, 29)),
    "N": tuple(f"N{n}" for n in range(1, 23)),
    "SW": ("SW2", "SW4", "SW8", "SW9", "SW11", "SW12", "SW16", "SW17", "SW18", "SW19"),
    "NW": tuple(f"NW{n}" for n in range(1, 12)),
    "W": ("W2", "W3", "W5", "W6", "W7", "W9", "W10", "W11", "W12", "W13", "W14"),
    "CR": ("CR0", "CR2", "CR4", "CR7"),
    "IG": ("IG1", "IG2", "IG3", "IG6", "IG11"),
    "HA": ("HA0", "HA1", "HA2", "HA3", "HA8", "HA9"),
    "UB": ("UB1", "UB2", "UB3", "UB4", "UB5", "UB8"),
    "TW": ("TW3", "TW4", "TW5", "TW7", "TW13"),
    "RM": ("RM1", "RM6", "RM7", "RM8", "RM9", "RM10"),
    "EN": ("EN1", "EN2", "EN3", "EN5"),
    "BR": ("BR1", "BR2", "BR3", "BR5", "BR6"),
    "KT": ("KT1", "KT2", "KT3", "KT6"),
    "SM": ("SM1", "SM4", "SM5", "SM6"),
    "DA": ("DA5", "DA6", "DA7", "DA8"),
    "EC": ("EC1V", "EC1M", "EC2A", "EC3N", "EC4A"),
    "WC": ("WC1N", "WC1X", "WC2H", "WC2N"),
}
# Royal Mail never uses these letters in the last part of a postcode.
INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"


# What each kind of buyer is called, by the skill it mostly needs.
BUYER_KINDS: dict[str, tuple[str, ...]] = {
    "care": (
        "{} Care Home",
        "{} House Nursing Home",
        "{} Home Care",
        "{} Lodge",
        "{} Court Care Centre",
    ),
    "cleaning": ("{} Cleaning Services", "{} Facilities", "{} Housing Co-op", "{} Leisure Centre"),
    "kitchen": ("The {} Kitchen", "{} Cafe", "{} Canteen", "The {} Arms", "{} Catering"),
    "childcare": ("{} Nursery", "{} Primary School", "{} Children's Centre", "{} Holiday Club"),
    "warehouse": ("{} Distribution", "{} Logistics", "{} Food Bank", "{} Fulfilment"),
    "hospitality": ("The {} Hotel", "{} Conference Centre", "{} Events", "{} Community Hall"),
    "gardening": ("{} Garden Centre", "{} Allotments", "{} Community Garden", "Friends of {} Park"),
    "retail": ("{} Market", "{} Hardware", "{} Pharmacy", "{} Books", "{} Food Co-op"),
}

# Roughly how often each skill is held and wanted; skills a market adds get weight 5.
SKILL_WEIGHTS = {
    "care": 26,
    "cleaning": 20,
    "kitchen": 15,
    "hospitality": 12,
    "warehouse": 12,
    "retail": 8,
    "childcare": 5,
    "gardening": 3,
}
# What a skill tends to pay over the rest, in pence.
SKILL_PREMIUM = {"childcare": 60, "care": 40, "gardening": 25, "warehouse": 15}
# A buyer's usual top rate by skill, in pence, before its own spread.
TOP_RATE = {
    "care": 1475,
    "cleaning": 1375,
    "kitchen": 1400,
    "childcare": 1525,
    "warehouse": 1400,
    "hospitality": 1375,
    "gardening": 1400,
    "retail": 1350,
}
# The local hours shifts of each skill usually run.
SHIFT_HOURS: dict[str, tuple[tuple[int, int], ...]] = {
    "care": ((7, 14), (14, 21), (8, 12), (17, 21), (7, 15)),
    "cleaning": ((6, 9), (18, 21), (9, 13), (6, 10), (17, 22)),
    "kitchen": ((10, 15), (17, 23), (11, 16), (7, 12)),
    "childcare": ((15, 18), (8, 13), (8, 16), (12, 18)),
    "warehouse": ((6, 14), (14, 22), (8, 16), (7, 12)),
    "hospitality": ((11, 16), (17, 23), (12, 20), (7, 11)),
    "gardening": ((8, 16), (9, 13), (10, 15)),
    "retail": ((9, 17), (12, 18), (10, 14), (8, 12)),
}
DEFAULT_SHIFT_HOURS = ((9, 17), (8, 12), (13, 18))
# Local hours workers say they are free.
WINDOW_HOURS = (
    (6, 14), (6, 22), (7, 15), (7, 19), (8, 16), (8, 18), (8, 20), (9, 15), (9, 17), (10, 22),
    (12, 22), (14, 22), (16, 23), (6, 18), (7, 23),
)  # fmt: skip


def skill_picker(skills: Sequence[str]) -> "Weighted":
    """Picks one of the market's skills as often as it is held and wanted."""
    return Weighted(skills, [SKILL_WEIGHTS.get(skill, 5) for skill in skills])


def area_picker(areas: Sequence[str]) -> "Weighted":
    """Picks an area, the busier ones (listed first) more often."""
    return Weighted(areas, [1 / (rank + 1) ** 0.6 for rank in range(len(areas))])


def areas_for(workers: int) -> list[str]:
    """How many postcode areas a market of this size spreads over: a small one stays local."""
    count = max(2, min(len(DISTRICTS), workers // 2500 + 1))
    return list(DISTRICTS)[:count]


def postcode(rng: random.Random, area: str) -> str:
    district = rng.choice(DISTRICTS[area])
    letters = rng.choice(INWARD_LETTERS) + rng.choice(INWARD_LETTERS)
    return f"{district} {rng.randint(1, 9)}{letters}"


def person_name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"


def mobile(index: int) -> str:
    """The index-th number of Ofcom's drama-style mobile range, 07700 900000 onwards, as E.164."""
    block, rest = divmod(index, 100_000)
    return f"+44770{block % 10}9{rest:05d}"


def landline(index: int) -> str:
    """The index-th London number from 020 7946 0000 onwards (Ofcom's drama range first)."""
    return f"+44207946{index % 10_000:04d}"


def asking_rate(rng: random.Random, skills: Sequence[str], least: int) -> int:
    """A worker's own hourly price in pence, never under the legal minimum for them: a few ask
    just that, most a little over it, fewer much more (up to about £20)."""
    if rng.random() < 0.04:
        return least
    premium = max((SKILL_PREMIUM.get(skill, 0) for skill in skills), default=0)
    pence = max(least, 1100) + premium + rng.gammavariate(2.2, 110)
    step = 25 if rng.random() < 0.75 else 5
    rate = int(round(min(pence, 2000) / step) * step)
    return rate if rate >= least else least + (-least) % step


def top_rate(rng: random.Random, skill: str, minutes: int, cap_minor: int, least: int) -> int:
    """A buyer's ceiling for a shift: at least the adult legal minimum, under the market's cap on
    one booking's value."""
    pence = max(TOP_RATE.get(skill, 1325), least + 75) + rng.gammavariate(2.0, 90)
    rate = int(round(pence / 25) * 25)
    most = (cap_minor * 60) // minutes
    return max(least, min(rate, most - most % 5))


def buyer_name(rng: random.Random, skill: str, taken: set[str], area: str) -> str:
    """A name nobody else has: '<stem> Care Home', then with the area, then numbered."""
    kinds = BUYER_KINDS.get(skill, ("{} " + skill.title(),))
    name = rng.choice(kinds).format(rng.choice(STEMS))
    if name in taken:
        name = f"{name} ({area})"
    number = 2
    base = name
    while name in taken:
        name, number = f"{base} {number}", number + 1
    taken.add(name)
    return name


def street_address(rng: random.Random, code: str) -> str:
    return f"{rng.randint(1, 240)} {rng.choice(STREETS)}, {code}"


class Weighted:
    """A weighted choice with the sums done once (random.choices redoes them on every call)."""

    def __init__(self, values: Sequence, weights: Sequence[float]) -> None:
        self.values = list(values)
        self.sums = list(itertools.accumulate(weights))
        self.total = self.sums[-1]

    def __call__(self, rng: random.Random):
        return self.values[bisect.bisect(self.sums, rng.random() * self.total)]
