"""The indicator chart: readable text at every width it is shown at."""

import re
from itertools import pairwise

from veikart.indicators.charts import Chart, Line, render_chart, render_responsive_chart
from veikart.indicators.progress import Point


def _chart() -> Chart:
    points = [Point(str(year), year + 1.0, 100.0 + 250 * (year - 2015)) for year in range(2015, 2031)]
    return Chart(title="Besøk", description="Besøk per år", lines=[Line(label="Totalt", points=points)])


def test_the_responsive_chart_draws_a_wide_and_a_narrow_version_with_their_own_ids():
    svg = str(render_responsive_chart(_chart(), chart_id="c"))
    assert svg.count("<svg") == 2
    assert 'class="vk-chart vk-chart--wide"' in svg and 'class="vk-chart vk-chart--narrow"' in svg
    assert 'id="c-title"' in svg and 'id="c-narrow-title"' in svg


def test_the_narrow_chart_keeps_its_text_at_12_css_px_on_a_320_px_screen():
    svg = str(render_responsive_chart(_chart(), chart_id="c")).split("</svg>")[1]
    width = int(re.search(r'viewBox="0 0 (\d+) ', svg).group(1))
    font_size = int(re.search(r'font-size="(\d+)"', svg).group(1))
    # 320 px less the page's 1rem margins on each side.
    assert font_size * 288 / width >= 12


def _year_positions(svg: str) -> list[float]:
    return [float(x) for x in re.findall(r'<text x="([\d.]+)"[^>]*text-anchor="middle">\d{4}<', svg)]


def test_the_narrow_chart_labels_fewer_years_than_the_wide_one_and_they_do_not_overlap():
    wide = str(render_chart(_chart()))
    narrow = str(render_chart(_chart(), width=300, height=260, font_size=14))
    assert len(_year_positions(narrow)) < len(_year_positions(wide))
    xs = _year_positions(narrow)
    # A four-digit year at 14 units is about 34 units wide.
    assert min(b - a for a, b in pairwise(xs)) > 14 * 0.6 * 4 + 4


def test_a_line_without_markers_can_mark_its_latest_point_only():
    points = [Point(f"2020-{month:02d}", 2020 + month / 12, float(month)) for month in range(1, 13)]
    every = str(render_chart(Chart(title="t", description="d", lines=[Line("v", points)])))
    last = str(
        render_chart(Chart(title="t", description="d", lines=[Line("v", points, markers=False, last_marker=True)]))
    )
    assert every.count("<circle") == 12
    assert last.count("<circle") == 1 and last.count("<polyline") == 1
