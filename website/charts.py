"""Charts as SVG, drawn on the server by pygal, each with a caption, a text alternative and the
table of its figures; a withheld figure is left out of the drawing and named in its label."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pygal
from pygal.style import Style

Value = float | int | None

STYLE = Style(
    background="white",
    plot_background="white",
    foreground="#1a1a1a",
    foreground_strong="#1a1a1a",
    foreground_subtle="#595959",
    font_family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
    label_font_size=13,
    major_label_font_size=13,
    legend_font_size=14,
    value_font_size=12,
    # Dark blue, orange and teal keep apart for the common colour blindnesses.
    colors=("#7aa6d6", "#08519c", "#7aa6d6", "#d95f02", "#1b9e77"),
    opacity=".9",
    opacity_hover=".9",
)
RATE_STYLE = STYLE
BAR_STYLE = Style(**{**STYLE.__dict__, "colors": ("#08519c", "#d95f02", "#1b9e77", "#7570b3")})


@dataclass(frozen=True)
class Figure:
    """One chart and what stands beside it: caption, text alternative, table and CSV."""

    name: str
    title: str
    caption: str
    alt: str
    columns: Sequence[str]
    rows: Sequence[Sequence[str]]
    csv_columns: Sequence[str]
    csv_rows: Sequence[Sequence[str]]
    svg: str


def _without_scripts(root):
    """pygal writes its settings into a script even with no tooltips; the site has none."""
    for parent in list(root.iter()):
        for child in list(parent):
            if str(child.tag).endswith("script"):
                parent.remove(child)
    return root


def _config(formatter: Callable[[float], str], **options) -> dict:
    return {
        "style": options.pop("style", STYLE),
        # No script: pygal's tooltips would load one from elsewhere.
        "js": [],
        "width": 720,
        "height": 420,
        "explicit_size": False,
        "disable_xml_declaration": True,
        "legend_at_bottom": True,
        "legend_at_bottom_columns": 3,
        "x_label_rotation": 35,
        "truncate_label": -1,
        "truncate_legend": -1,
        "value_formatter": formatter,
        "print_values": False,
        "show_minor_x_labels": True,
        "y_labels_major_count": 6,
        "show_minor_y_labels": False,
        **options,
    }


def line(
    x_labels: Sequence[str],
    series: Sequence[tuple[str, Sequence[Value]]],
    formatter: Callable[[float], str],
    **options,
) -> str:
    chart = pygal.Line(**_config(formatter, allow_interruptions=True, **options))
    chart.add_xml_filter(_without_scripts)
    chart.x_labels = list(x_labels)
    for label, values in series:
        chart.add(label, list(values))
    return chart.render(is_unicode=True)


def bars(
    x_labels: Sequence[str],
    series: Sequence[tuple[str, Sequence[Value]]],
    formatter: Callable[[float], str],
    **options,
) -> str:
    chart = pygal.Bar(**_config(formatter, style=BAR_STYLE, **options))
    chart.add_xml_filter(_without_scripts)
    chart.x_labels = list(x_labels)
    for label, values in series:
        chart.add(label, list(values))
    return chart.render(is_unicode=True)


def rate_band(
    x_labels: Sequence[str],
    q1: Sequence[Value],
    median: Sequence[Value],
    q3: Sequence[Value],
    formatter: Callable[[float], str],
) -> str:
    """The median as a bold line between the quartiles, which bound the middle half."""
    return line(
        x_labels,
        [("Lower quartile", q1), ("Median", median), ("Upper quartile", q3)],
        formatter,
        stroke_style={"width": 2},
        dots_size=3,
    )
