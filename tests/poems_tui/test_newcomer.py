"""What a newcomer meets: the first account on an empty database, texts read whole and named,
the Phone's list of workers, and tables that keep their useful columns at 80 columns."""

from sqlmodel import select

from poems_tui.app import PoemsConsole
from poems_tui.screens.live import TextScreen
from store.db import Database
from store.migrate import upgrade
from store.models import Buyer, Message, Worker
from tests.conftest import NOW
from tests.poems_tui.helpers import rows, shown, wait_for


async def test_an_empty_database_says_how_to_add_the_first_account(tmp_path):
    db = Database(f"sqlite:///{tmp_path / 'new.db'}")
    upgrade(db, env={})
    app = PoemsConsole(db, clock=lambda: NOW, cursor_blink=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: "No console accounts yet" in shown(app))
        assert "poems operator add admin --name 'Your Name' --role admin --db" in shown(app)
    db.dispose()


async def test_enter_on_the_feed_opens_a_text_whole(make_app, console_db):
    with console_db.read() as session:
        longest = max(session.exec(select(Message)).all(), key=lambda m: len(m.body))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: rows(app, "feed"))
        table = app.screen.query_one("#feed")
        table.move_cursor(row=table.get_row_index(str(longest.id)))
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, TextScreen))
        assert " ".join(longest.body.split()) in " ".join(shown(app).split())
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, TextScreen))


async def test_the_feed_names_buyers_as_it_names_workers(make_app, console_db):
    with console_db.write() as session:
        buyer = session.exec(select(Buyer).where(Buyer.phone.is_not(None))).first()
        session.add(Message(direction="in", phone=buyer.phone, body="OK", created_at=NOW))
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: rows(app, "feed"))
        newest = rows(app, "feed")[0]
        assert newest[2] == buyer.name[:16] or newest[2] == buyer.name


async def test_the_phone_lists_every_worker_newest_first_and_names_the_one_picked(
    make_app, console_db
):
    with console_db.read() as session:
        workers = session.exec(select(Worker).order_by(Worker.id.desc())).all()
    app = make_app(operator="admin")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("5")
        picker = app.screen.query_one("#phone-workers")
        await wait_for(pilot, lambda: picker.option_count == len(workers))
        assert [picker.get_option_at_index(i).id for i in range(len(workers))] == [
            w.phone for w in workers
        ]
        # A number typed, not picked: the handset still names whose it is.
        await pilot.press("ctrl+n", *workers[-1].phone, "enter")
        await wait_for(pilot, lambda: workers[-1].name in shown(app))
        assert f"{workers[-1].phone}  (no worker yet)" not in shown(app)


async def _headings(pilot, key: str, table: str, operator: str = "admin") -> list[str]:
    await pilot.press(key)
    await wait_for(pilot, lambda: rows(pilot.app, table))
    await pilot.pause(0.1)
    return [
        str(column.label) for column in pilot.app.screen.query_one(f"#{table}").columns.values()
    ]


async def test_at_80_columns_each_table_keeps_its_most_useful_columns(make_app, opened):
    app = make_app(operator="admin")
    async with app.run_test(size=(80, 24)) as pilot:
        disputes = await _headings(pilot, "7", "disputes")
        assert {"Ref", "Claim", "Due", "State"} <= set(disputes)
        assert {"Status", "Phone", "Name"} <= set(await _headings(pilot, "2", "workers"))
        assert {"Ref", "When", "Where"} <= set(await _headings(pilot, "3", "shifts"))
        feed = await _headings(pilot, "1", "feed")
        assert {"Time", "Who", "Text"} <= set(feed)
    async with make_app(operator="admin").run_test(size=(160, 40)) as pilot:
        # With room, every column shows.
        assert "By" in await _headings(pilot, "7", "disputes")


async def test_an_auditor_is_shown_no_key_that_would_change_something(make_app):
    changes = {"onboard", "post", "add", "new", "save", "new_figure"}
    app = make_app(operator="audit")
    async with app.run_test(size=(120, 40)) as pilot:
        for key in ("2", "3", "4", "6", "7"):
            await pilot.press(key)
            await pilot.pause(0.2)
            shown_actions = {
                active.binding.action
                for active in app.screen.active_bindings.values()
                if active.binding.show
            }
            assert not shown_actions & changes, (app.current_mode, shown_actions & changes)
