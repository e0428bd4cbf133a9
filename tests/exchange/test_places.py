"""Places: imported from a small fixture through `poems places import`, and distances between
their centres; a worker's travel distance as one of their terms."""

from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlmodel import select

from exchange.errors import Refused
from exchange.places import (
    Centre,
    Reach,
    locate,
    miles_between,
    near,
    place_code,
    us_zip_places,
)
from exchange.workers import set_travel_miles, update_terms
from poems.cli import main
from store.models import Place, TermsChange
from tests import factories

FIXTURES = Path(__file__).parent.parent / "fixtures"
LONDON = FIXTURES / "london_districts.csv"


def import_file(db, path) -> str:
    result = CliRunner().invoke(main, ["places", "import", str(path), "--db", db.url])
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture
def london(db):
    import_file(db, LONDON)
    return db


def test_importing_the_fixture_stores_each_district_with_its_centre(db):
    assert import_file(db, LONDON) == "places: 45 added, 0 updated\n"
    with db.read() as session:
        bow = session.get(Place, "E3")
    assert (bow.name, bow.latitude, bow.longitude) == ("Bow", 51.528, -0.023)


def test_importing_again_updates_instead_of_doubling(london):
    assert import_file(london, LONDON) == "places: 0 added, 45 updated\n"
    with london.read() as session:
        assert len(session.exec(select(Place)).all()) == 45


def test_the_postcode_directory_becomes_district_centres_of_live_postcodes(db, tmp_path):
    """Terminated postcodes and those without a grid reference are left out."""
    assert import_file(db, FIXTURES / "onspd_sample.csv") == "places: 2 added, 0 updated\n"
    with db.read() as session:
        bow, whitechapel = session.get(Place, "E3"), session.get(Place, "E1")
    assert (bow.latitude, bow.longitude) == (51.528, -0.023)
    assert (whitechapel.latitude, whitechapel.longitude) == (51.5175, -0.059)


def test_a_directory_district_keeps_the_name_an_operator_gave_it(london):
    import_file(london, FIXTURES / "onspd_sample.csv")
    with london.read() as session:
        assert session.get(Place, "E3").name == "Bow"


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("code,name,latitude,longitude\nE3,Bow,north,-0.02\n", "line 2: 'north', '-0.02'"),
        ("code,name,latitude,longitude\nE3,Bow,91,-0.02\n", "not a place on Earth"),
        ("code,name,latitude,longitude\nXYZ,Nowhere,51,0\n", "'XYZ' is not a postcode district"),
        ("code,name,latitude,longitude\nE3,,51,0\n", "E3 has no name"),
        ("postcode,where\nE3,Bow\n", "expected the columns code,name,latitude,longitude"),
    ],
)
def test_a_bad_file_is_refused_whole_and_says_why(london, tmp_path, text, problem):
    bad = tmp_path / "places.csv"
    bad.write_text(text)
    result = CliRunner().invoke(main, ["places", "import", str(bad), "--db", london.url])
    assert result.exit_code == 1
    assert problem in result.output and "nothing was imported" in result.output
    with london.read() as session:
        assert session.get(Place, "E3").name == "Bow"
        assert len(session.exec(select(Place)).all()) == 45


def test_us_zip_centroids_come_from_the_package_that_ships_them():
    portland = {place.code: place for place in us_zip_places()}["97201"]
    assert portland.name == "Portland, OR"
    assert portland.latitude == pytest.approx(45.5078) and portland.longitude == pytest.approx(
        -122.6897
    )


def test_a_postcode_or_zip_is_placed_in_its_district():
    assert [place_code(code) for code in ("E3 4AB", "e3", "SW1A 1AA", "97201-1234", "E")] == [
        "E3",
        "E3",
        "SW1A",
        "97201",
        None,
    ]


def test_distances_are_between_centres_in_miles(london):
    with london.read() as session:
        bow, whitechapel, forest_hill = (
            locate(session, code) for code in ("E3 4AB", "E1", "SE23 1AA")
        )
    assert miles_between(bow, whitechapel) == pytest.approx(1.71, abs=0.01)
    assert miles_between(bow, forest_hill) == pytest.approx(6.04, abs=0.01)
    assert miles_between(bow, bow) == 0


def test_london_to_paris_is_about_213_miles():
    london = Centre("L", "London", 51.5074, -0.1278)
    paris = Centre("P", "Paris", 48.8566, 2.3522)
    assert miles_between(london, paris) == pytest.approx(213.5, abs=0.5)


def test_near_is_the_places_whose_centre_lies_within_the_distance_nearest_first():
    home = Centre("E3", "Bow", 51.528, -0.023)
    places = [
        Centre("E1", "Whitechapel", 51.5175, -0.059),
        Centre("SE23", "Forest Hill", 51.442, -0.048),
        home,
    ]
    assert [place.code for place, _ in near(home, places, 5)] == ["E3", "E1"]


def test_a_worker_sets_a_travel_distance_and_it_is_recorded(db, now):
    with db.write() as session:
        worker = factories.worker(session, "+447700900101", now)
        update_terms(session, worker, now, travel_miles=5)
        assert worker.travel_miles == 5
        set_travel_miles(session, worker, None, now)
        assert worker.travel_miles is None
        changes = session.exec(
            select(TermsChange.old_value, TermsChange.new_value).where(
                TermsChange.worker_id == worker.id, TermsChange.field == "travel_miles"
            )
        ).all()
    assert changes == [(None, "5"), ("5", None)]


@pytest.mark.parametrize("miles", [0, -3, 101])
def test_a_travel_distance_out_of_range_is_refused_and_nothing_changes(db, now, miles):
    with db.write() as session:
        worker = factories.worker(session, "+447700900102", now)
        set_travel_miles(session, worker, 3, now)
        with pytest.raises(Refused) as refused:
            set_travel_miles(session, worker, miles, now)
        assert refused.value.code == "bad_travel"
        assert "TRAVEL 5 MILES" in refused.value.message
        assert worker.travel_miles == 3


def test_reach_is_the_distance_where_both_places_are_known(london, now):
    with london.write() as session:
        worker = factories.worker(session, "+447700900103", now, place="E3 4AB")
        set_travel_miles(session, worker, 5, now)
        # Whitechapel is 1.7 miles away; Forest Hill, across the river in SE, about 6.
        assert Reach(session, "E1 7AA", [worker])(worker)
        assert not Reach(session, "SE23 1AA", [worker])(worker)
        set_travel_miles(session, worker, 7, now)
        assert Reach(session, "SE23 1AA", [worker])(worker)


def test_reach_falls_back_to_the_postcode_area_where_a_place_is_unknown(london, now):
    with london.write() as session:
        worker = factories.worker(session, "+447700900104", now, place="E3 4AB")
        set_travel_miles(session, worker, 1, now)
        # E20 was not imported: the worker's area, E, decides.
        assert Reach(session, "E20 1AA", [worker])(worker)
        assert not Reach(session, "N1 1AA", [worker])(worker)


def test_without_a_travel_distance_the_postcode_area_decides(london, now):
    with london.write() as session:
        worker = factories.worker(session, "+447700900105", now, place="E3 4AB")
        assert Reach(session, "E17 1AA", [worker])(worker)
        assert not Reach(session, "SE1 1AA", [worker])(worker)


def test_matching_offers_a_shift_within_the_workers_distance_across_postcode_areas(london, now):
    """Bow (E3) to Forest Hill (SE23) is about six miles: a worker who will go seven is
    eligible though SE is not their area; one who will go five is not."""
    from exchange.matching import eligible_workers

    with london.write() as session:
        far = factories.worker(session, "+447700900106", now, place="E3 4AB")
        near = factories.worker(session, "+447700900107", now, place="E3 5AB")
        set_travel_miles(session, far, 7, now)
        set_travel_miles(session, near, 5, now)
        shift = factories.shift(session, now, postcode="SE23 1AA")
        offered = [
            c.worker.id for c in eligible_workers(session, shift, factories.market(session), now)
        ]
    assert offered == [far.id]


def test_matching_keeps_to_the_postcode_area_where_the_place_is_unknown(db, now):
    """No places imported: the worker's distance cannot be measured, so their area decides."""
    from exchange.matching import eligible_workers

    with db.write() as session:
        worker = factories.worker(session, "+447700900108", now, place="E3 4AB")
        set_travel_miles(session, worker, 50, now)
        across = factories.shift(session, now, postcode="SE23 1AA")
        inside = factories.shift(session, now, postcode="E17 1AA")
        market = factories.market(session)
        assert eligible_workers(session, across, market, now) == []
        assert [c.worker.id for c in eligible_workers(session, inside, market, now)] == [worker.id]
