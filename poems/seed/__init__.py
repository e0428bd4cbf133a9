"""Seeding: a believable market history in bulk (`seed_market`) and a small demo market built
through the exchange's own rules (`seed_demo`)."""

from poems.seed.demo import seed_demo
from poems.seed.market import seed_market
from poems.seed.report import Progress, SeedReport

__all__ = ["Progress", "SeedReport", "seed_demo", "seed_market"]
