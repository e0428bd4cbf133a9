"""Legible in a light terminal and in 16 colours: every word on the main screens stands out from
what is behind it by at least WCAG's 3:1 contrast, in each theme the console offers.

ANSI colours are measured in rich's default terminal palette; a terminal with its own palette
moves them, but the pairs the console asks for (reverse, default on default) stay readable."""

import pytest
from rich.color import Color
from rich.terminal_theme import DEFAULT_TERMINAL_THEME

from tests.poems_tui.helpers import post_form_with_a_mistake, rows, wait_for

LEAST_CONTRAST = 3.0


def luminance(rgb: tuple[int, int, int]) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = rgb
    return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)


def contrast(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def faint_words(app) -> list[tuple[float, int, str]]:
    """Each run of words on the screen drawn with too little contrast: (ratio, line, text)."""
    faint = []
    for line, strip in enumerate(app.screen._compositor.render_strips()):
        for segment in strip:
            style = segment.style
            if style is None or not any(ch.isalnum() for ch in segment.text):
                continue
            fore, back = style.color or Color.default(), style.bgcolor or Color.default()
            if style.reverse:
                fore, back = back, fore
            ratio = contrast(
                tuple(fore.get_truecolor(DEFAULT_TERMINAL_THEME, foreground=True)),
                tuple(back.get_truecolor(DEFAULT_TERMINAL_THEME, foreground=False)),
            )
            if ratio < LEAST_CONTRAST:
                faint.append((round(ratio, 2), line, segment.text.strip()))
    return faint


async def on_live(pilot) -> None:
    await wait_for(pilot, lambda: rows(pilot.app, "feed"))


async def on_workers(pilot) -> None:
    await pilot.press("2")
    await wait_for(pilot, lambda: rows(pilot.app, "workers"))


async def on_the_board(pilot) -> None:
    await pilot.press("3")
    await wait_for(pilot, lambda: rows(pilot.app, "shifts"))


@pytest.mark.parametrize("theme", ["dark", "light", "ansi"])
@pytest.mark.parametrize("screen", [on_live, on_workers, on_the_board, post_form_with_a_mistake])
async def test_every_word_stands_out_from_its_background(make_app, theme, screen):
    app = make_app(operator="staff", theme=theme)
    async with app.run_test(size=(80, 24)) as pilot:
        await screen(pilot)
        await pilot.pause(0.2)
        assert faint_words(app) == []
