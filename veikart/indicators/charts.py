"""Charts drawn on the server as SVG: a line chart for the indicator page and a sparkline for the list.

The SVG is decoration for sighted readers; each chart has ``role="img"``, a title and a description,
and the page always shows the same numbers in a table. Colours and dash patterns differ per line, so
the lines can be told apart without colour.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from veikart.indicators.progress import Point

PALETTE = ["#1e3a8a", "#b45309", "#047857", "#7c3aed", "#be123c", "#0e7490", "#4d7c0f", "#9d174d"]
TARGET_COLOUR = "#991b1b"
GUIDE_COLOUR = "#525252"
SPARKLINE_POINTS = 40


@dataclass
class Line:
    label: str
    points: list[Point]
    colour: str = PALETTE[0]
    dash: str = ""
    markers: bool = True
    # With ``markers`` off, a marker on the latest point only: a long series drawn as one polyline
    # with its end marked, not hundreds of circles.
    last_marker: bool = False
    width: float = 2.5


@dataclass
class Chart:
    title: str
    description: str
    # The language of the title when it is not the page's: an indicator name with no version in the
    # page's language makes the title bokmål (an SVG <title> holds text only, so it is marked whole).
    title_lang: str = ""
    lines: list[Line] = field(default_factory=list)
    targets: list[Point] = field(default_factory=list)
    low: float | None = None
    high: float | None = None


def _lang(language: str) -> str:
    return format_html(' lang="{}"', language) if language else ""


def _ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values covering low..high."""
    span = high - low or abs(high) or 1.0
    raw = span / count
    magnitude = 10 ** int(f"{raw:e}".split("e")[1])
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    start = (low // step) * step
    ticks = []
    value = start
    while value <= high + step * 0.001:
        ticks.append(round(value, 10))
        value += step
    return ticks


def _label(value: float) -> str:
    if abs(value) >= 1_000_000:
        return f"{value / 1_000_000:.3g} mill."
    if value == int(value):
        return f"{int(value):,}".replace(",", "\u00a0")
    return f"{value:.3g}"


NARROW_WIDTH = 300
NARROW_HEIGHT = 260
NARROW_FONT_SIZE = 14


def render_responsive_chart(chart: Chart, *, chart_id: str = "chart") -> SafeString:
    """The chart twice: drawn 720 units wide for wide screens and 300 units wide with larger text for
    narrow ones; the stylesheet shows one of them (``.vk-chart--wide``/``--narrow``, by the width of
    its container), so axis labels stay at least 12 CSS px on a 320 px screen.
    """
    wide = render_chart(chart, chart_id=chart_id, css_class="vk-chart vk-chart--wide")
    narrow = render_chart(
        chart,
        width=NARROW_WIDTH,
        height=NARROW_HEIGHT,
        font_size=NARROW_FONT_SIZE,
        chart_id=f"{chart_id}-narrow",
        css_class="vk-chart vk-chart--narrow",
    )
    return mark_safe(wide + narrow)


def render_chart(
    chart: Chart,
    *,
    width: int = 720,
    height: int = 320,
    font_size: int = 12,
    chart_id: str = "chart",
    css_class: str = "vk-chart",
) -> SafeString:
    """The chart as an SVG element (safe to put in a template).

    ``font_size`` is in the chart's own units: the text is that many CSS px when the chart is shown
    ``width`` px wide, and smaller when it is scaled down.
    """
    left, right, top, bottom = 64, 16, 16, 40
    if font_size != 12:
        right, bottom = 12, font_size * 3
    points = [p for line in chart.lines for p in line.points] + chart.targets
    if not points:
        return format_html(
            '<svg role="img" aria-labelledby="{0}-title" viewBox="0 0 {1} 40" class="{3}">'
            '<title id="{0}-title"{4}>{2}</title></svg>',
            chart_id,
            width,
            chart.title,
            css_class,
            _lang(chart.title_lang),
        )
    times = [p.time for p in points]
    values = [p.value for p in points]
    t0, t1 = min(times), max(times)
    if t1 - t0 < 1:
        t0, t1 = t0 - 0.5, t1 + 0.5
    v0 = min([*values, 0.0]) if chart.low is None else chart.low
    v1 = max(values) if chart.high is None else chart.high
    if chart.high is None:
        v1 = v1 + (v1 - v0) * 0.05 or 1.0
    ticks = _ticks(v0, v1)
    v0, v1 = min(v0, ticks[0]), max(v1, ticks[-1])
    if font_size != 12:
        # Room for the longest value label at this size (about 0.6 em a character).
        left = round(max(len(_label(tick)) for tick in ticks) * font_size * 0.6) + 10

    def x(t: float) -> float:
        return left + (t - t0) / (t1 - t0) * (width - left - right)

    def y(v: float) -> float:
        return top + (1 - (v - v0) / ((v1 - v0) or 1)) * (height - top - bottom)

    parts = [
        f'<svg role="img" aria-labelledby="{escape(chart_id)}-title {escape(chart_id)}-desc" '
        f'viewBox="0 0 {width} {height}" class="{escape(css_class)}" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{escape(chart_id)}-title"{_lang(chart.title_lang)}>{escape(chart.title)}</title>',
        f'<desc id="{escape(chart_id)}-desc">{escape(chart.description)}</desc>',
        f'<g aria-hidden="true" font-size="{font_size}" fill="#262626">',
    ]
    for tick in ticks:
        parts.append(
            f'<line x1="{left}" x2="{width - right}" y1="{y(tick):.1f}" y2="{y(tick):.1f}" stroke="#d4d4d4"/>'
            f'<text x="{left - 6}" y="{y(tick) + font_size / 3:.1f}" text-anchor="end">{escape(_label(tick))}</text>'
        )
    first_year, last_year = int(t0), int(t1)
    # At most eight year labels, fewer when each would get less than about four characters of room.
    labels = max(2, min(8, int((width - left - right) // (font_size * 3.5))))
    step = max(1, (last_year - first_year) // labels or 1)
    for year in range(first_year, last_year + 1, step):
        if t0 <= year <= t1:
            # Points sit at the end of their period, so the tick at the turn of the year is the end of year - 1.
            parts.append(
                f'<line x1="{x(year):.1f}" x2="{x(year):.1f}" y1="{height - bottom}" y2="{height - bottom + 4}" '
                f'stroke="{GUIDE_COLOUR}"/><text x="{x(year):.1f}" y="{height - bottom + 4 + font_size * 1.2:.0f}" '
                f'text-anchor="middle">{year - 1}</text>'
            )
    parts.append(
        f'<line x1="{left}" x2="{width - right}" y1="{height - bottom}" y2="{height - bottom}" stroke="{GUIDE_COLOUR}"/>'
    )
    for line in chart.lines:
        if not line.points:
            continue
        coords = " ".join(f"{x(p.time):.1f},{y(p.value):.1f}" for p in line.points)
        dash = f' stroke-dasharray="{line.dash}"' if line.dash else ""
        parts.append(
            f'<polyline points="{coords}" fill="none" stroke="{line.colour}" stroke-width="{line.width}"{dash}/>'
        )
        if line.markers:
            parts.extend(
                f'<circle cx="{x(p.time):.1f}" cy="{y(p.value):.1f}" r="3.5" fill="{line.colour}"/>'
                for p in line.points
            )
        elif line.last_marker:
            last = line.points[-1]
            parts.append(f'<circle cx="{x(last.time):.1f}" cy="{y(last.value):.1f}" r="3.5" fill="{line.colour}"/>')
    for target in chart.targets:
        cx, cy = x(target.time), y(target.value)
        parts.append(
            f'<path d="M{cx:.1f},{cy - 7:.1f} L{cx + 7:.1f},{cy:.1f} L{cx:.1f},{cy + 7:.1f} L{cx - 7:.1f},{cy:.1f} Z" '
            f'fill="#fff" stroke="{TARGET_COLOUR}" stroke-width="2.5"/>'
        )
    parts.append("</g></svg>")
    return mark_safe("".join(parts))


def thinned(points: list, most: int) -> list:
    """``points`` when there are at most ``most``, else every n-th of them and always the latest
    (``most`` + 1 at the most): a line's trend with fewer points to draw."""
    if len(points) <= most:
        return points
    step = -(-len(points) // most)
    return [*points[:-1:step], points[-1]]


def render_sparkline(
    points: list[tuple[float, float]], *, label: str, width: int = 120, height: int = 32
) -> SafeString:
    """A small trend line through ``(time, value)`` pairs; ``label`` is its text alternative."""
    if len(points) < 2:
        return mark_safe('<span class="vk-sparkline-empty">–</span>')
    # A 120-pixel line cannot show more.
    points = thinned(points, SPARKLINE_POINTS)
    times = [t for t, _v in points]
    values = [v for _t, v in points]
    t0, t1, v0, v1 = min(times), max(times), min(values), max(values)
    pad = 3
    x_scale = (width - 2 * pad) / ((t1 - t0) or 1)
    y_scale = (height - 2 * pad) / ((v1 - v0) or 1)
    coords = " ".join(f"{pad + (t - t0) * x_scale:.1f},{height - pad - (v - v0) * y_scale:.1f}" for t, v in points)
    last_x, last_y = coords.rsplit(" ", 1)[-1].split(",")
    return mark_safe(
        f'<svg role="img" aria-label="{escape(label)}" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" class="vk-sparkline" xmlns="http://www.w3.org/2000/svg">'
        f'<polyline points="{coords}" fill="none" stroke="{PALETTE[0]}" stroke-width="2"/>'
        f'<circle cx="{last_x}" cy="{last_y}" r="2.5" fill="{PALETTE[0]}"/></svg>'
    )
