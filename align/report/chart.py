"""The report page's chart: each pair's similarity along the document, as inline SVG, with
the flagged pairs marked.
"""

from __future__ import annotations

from ..types import Flag, Pair
from .report_data import SEVERITIES

CHART_WIDTH, CHART_HEIGHT = 900, 170
PLOT_LEFT, PLOT_RIGHT, PLOT_TOP, PLOT_BOTTOM = 44, 890, 10, 130  # plot area inside the viewBox
MAX_POINTS = 1200  # the line is drawn through at most this many points (lowest per bucket)


def _chart(pairs: list[Pair], flags: list[Flag]) -> str:
    """Inline SVG: similarity of each matched pair along the document, with labelled axes,
    unmatched sentences as red lines and flagged pairs as ticks under the plot."""
    points = [(p.index, p.bead.similarity) for p in pairs if p.bead.similarity is not None]
    if not points:
        return "<p>No aligned pairs.</p>"
    last = max(1, pairs[-1].index)
    width, height = PLOT_RIGHT - PLOT_LEFT, PLOT_BOTTOM - PLOT_TOP

    def x(index: float) -> float:
        return PLOT_LEFT + index / last * width

    def y(value: float) -> float:
        return PLOT_BOTTOM - max(0.0, min(1.0, value)) * height

    step = max(1, -(-len(points) // MAX_POINTS))
    line = []
    for k in range(0, len(points), step):  # the lowest point of each bucket: dips stay visible
        index, value = min(points[k:k + step], key=lambda p: p[1])
        line.append(f"{x(index):.1f},{y(value):.1f}")
    columns: dict[int, str] = {}
    for f in sorted(flags, key=lambda f: SEVERITIES.index(f.severity.value), reverse=True):
        columns[round(x(f.bead))] = f.severity.value  # one tick per pixel column, worst wins
    ticks = "".join(f'<line x1="{c}" y1="{PLOT_BOTTOM + 4}" x2="{c}" y2="{PLOT_BOTTOM + 12}" '
                    f'class="tick s-{s}"/>' for c, s in sorted(columns.items()))
    gaps = "".join(f'<line x1="{x(p.index):.1f}" y1="{PLOT_TOP}" x2="{x(p.index):.1f}" '
                   f'y2="{PLOT_BOTTOM}" class="gap"/>'
                   for p in pairs if not (p.source_ids and p.target_ids))
    y_axis = "".join(f'<line x1="{PLOT_LEFT - 4}" y1="{y(v)}" x2="{PLOT_RIGHT}" y2="{y(v)}" '
                     f'class="grid"/><text x="{PLOT_LEFT - 6}" y="{y(v) + 3}" '
                     f'text-anchor="end">{v:.1f}</text>' for v in (0.0, 0.5, 1.0))
    x_ticks = sorted({0, last // 4, last // 2, 3 * last // 4, last})
    x_axis = "".join(f'<text x="{x(i):.1f}" y="{PLOT_BOTTOM + 24}" text-anchor='
                     f'"{"start" if i == 0 else "end" if i == last else "middle"}">{i}</text>'
                     for i in x_ticks)
    return (f'<svg id="chart" viewBox="0 0 {CHART_WIDTH} {CHART_HEIGHT}" role="img" '
            f'aria-label="similarity of each pair along the document; click to jump there" '
            f'class="chart" data-left="{PLOT_LEFT}" data-right="{PLOT_RIGHT}" data-last="{last}">'
            f'{y_axis}{gaps}<polyline points="{" ".join(line)}" class="line"/>{ticks}{x_axis}'
            f'<text x="{(PLOT_LEFT + PLOT_RIGHT) / 2}" y="{CHART_HEIGHT - 4}" '
            f'text-anchor="middle" class="label">pair number (ticks: flagged pairs; red lines: '
            f'unmatched sentences)</text>'
            f'<text x="12" y="{(PLOT_TOP + PLOT_BOTTOM) / 2}" text-anchor="middle" class="label" '
            f'transform="rotate(-90 12 {(PLOT_TOP + PLOT_BOTTOM) / 2})">similarity</text></svg>')
