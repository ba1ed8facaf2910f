"""The engagements between two countries over time, with each side's topic counts, and a chart.

The chart has a month axis; each engagement is a stem coloured by type, with the number of topics
each side raised drawn above (first country) and below (second country) the axis, so that a
reader sees at a glance both the rhythm of contact and who brought more to the table.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from parley.compare import compare
from parley.errors import InputError
from parley.model import Engagement, Extraction

COLOURS = {"MEET": "#1f77b4", "CALL": "#2ca02c", "VISIT": "#d62728"}


@dataclass(frozen=True, slots=True)
class TimelineRow:
    engagement: Engagement
    topics: dict[str, tuple[str, ...]]  # country -> topics that side raised

    def to_dict(self, a: str, b: str) -> dict[str, Any]:
        e = self.engagement
        return {"id": e.id, "date": e.date, "type": e.type,
                "participants": "; ".join(f"{p.name} ({p.country or '?'})" for p in e.participants),
                "documents": len(e.reports),
                f"{a}_topics": len(self.topics.get(a, ())), f"{b}_topics": len(self.topics.get(b, ())),
                f"{a}_topic_list": ", ".join(self.topics.get(a, ())),
                f"{b}_topic_list": ", ".join(self.topics.get(b, ()))}


def dyad(engagements: list[Engagement], extractions: dict[str, Extraction], a: str, b: str
         ) -> list[TimelineRow]:
    """Engagements whose participants act for both countries, oldest first."""
    a, b = a.upper(), b.upper()
    rows = []
    for e in engagements:
        countries = {p.country for p in e.participants}
        if a in countries and b in countries:
            sides = compare(e, extractions).sides
            rows.append(TimelineRow(e, {s.country: s.topics for s in sides}))
    return sorted(rows, key=lambda r: r.engagement.date or "9999")


def chart(rows: list[TimelineRow], a: str, b: str, path: Path) -> Path:
    """Write the timeline as PNG or SVG (by the file's suffix)."""
    if path.suffix.lower() not in {".png", ".svg"}:
        raise InputError(f"{path}: the chart must be .png or .svg")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt

    from parley.dates import parse_iso

    dated = [(parse_iso(r.engagement.date if len(r.engagement.date or "") == 10
                        else f"{r.engagement.date}-15"), r) for r in rows if r.engagement.date]
    fig, ax = plt.subplots(figsize=(10, 4.2))
    for day, r in dated:
        if day is None:
            continue
        up, down = len(r.topics.get(a.upper(), ())), len(r.topics.get(b.upper(), ()))
        colour = COLOURS.get(r.engagement.type, "#555")
        x = mdates.date2num(day)  # type: ignore[no-untyped-call]
        ax.vlines(x, -down, up, color=colour, linewidth=6, alpha=0.8)
        ax.plot([x], [0], marker="o", color=colour)
    ax.axhline(0, color="#333", linewidth=0.8)
    ax.xaxis_date()
    ax.xaxis.set_major_locator(mdates.AutoDateLocator(minticks=3, maxticks=12))  # type: ignore[no-untyped-call]
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m"))  # type: ignore[no-untyped-call]
    # topic counts are whole numbers, drawn up for one side and down for the other: integer ticks,
    # labelled without a minus sign
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda y, _pos: f"{abs(round(y))}"))
    ax.set_ylabel(f"topics raised: {a.upper()} (up) / {b.upper()} (down)")
    ax.set_title(f"Engagements between {a.upper()} and {b.upper()}")
    shown = {r.engagement.type for _day, r in dated if _day is not None}
    for kind, colour in COLOURS.items():
        if kind in shown:
            ax.plot([], [], color=colour, linewidth=6, label=kind)
    ax.legend(loc="upper left", frameon=False)
    fig.autofmt_xdate()
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
    return path
