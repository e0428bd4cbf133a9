from tests.poems_tui.walk import Walk, listed, picture


async def test_scratch(make_app):
    app = make_app(operator="admin")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        w = Walk(pilot, "x")
        await w.go("settings")
        print("focused", app.focused, [k for k, b in listed(app.screen)])
        await w.back_to("settings", [])
        print("focused", app.focused, [k for k, b in listed(app.screen)])
        b = picture(app)
        await pilot.press("escape")
        await w.settle()
        print("focused", app.focused, picture(app) == b)
