"""HTML fragments built in Python: evidence highlighting and the who-meets-whom network (SVG).

Both take untrusted document text and escape every piece of it; the only markup that comes out is
markup written here.  The network is drawn as inline SVG on the server, so the page needs no
JavaScript and no chart library from a CDN.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from html import escape
from itertools import pairwise
from typing import Any

from markupsafe import Markup

from parley.store.search import HIT_END, HIT_START


@dataclass(frozen=True, slots=True)
class Mark:
    """A span of the text to highlight, with a class and an explanation shown on hover."""

    start: int
    end: int
    cls: str
    note: str
    anchor: str = ""


def highlight(text: str, marks: list[Mark]) -> Markup:
    """The text, escaped, with each span wrapped in ``<mark>`` (overlaps split into segments)."""
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    out: list[str] = []
    opened: set[str] = set()
    for lo, hi in pairwise(cuts):
        piece = escape(text[lo:hi])
        covering = [m for m in marks if m.start <= lo and hi <= m.end and m.start < m.end]
        if not covering:
            out.append(piece)
            continue
        classes = " ".join(sorted({m.cls for m in covering}))
        note = " | ".join(dict.fromkeys(m.note for m in covering))
        ids = ""
        for m in covering:
            if m.anchor and m.anchor not in opened:
                opened.add(m.anchor)
                ids = f' id="{escape(m.anchor, quote=True)}"'
                break
        out.append(f'<mark class="{escape(classes, quote=True)}" title="{escape(note, quote=True)}"{ids}>'
                   f"{piece}</mark>")
    return Markup("".join(out))


def snippet(text: str) -> Markup:
    """A search snippet: escaped, with the engine's hit markers turned into ``<mark>``."""
    return Markup(escape(text or "").replace(HIT_START, "<mark>").replace(HIT_END, "</mark>"))


COUNTRY_COLOURS = ["#0b6bcb", "#c2410c", "#15803d", "#7c3aed"]


def network_svg(network: dict[str, Any], countries: list[str], width: int = 640, height: int = 420) -> Markup:
    """People of two countries on two arcs, a line per pair that met, thicker for more meetings."""
    nodes = network["nodes"]
    if not nodes:
        return Markup('<p class="muted">No one from these two countries met in the stored documents.</p>')
    pos: dict[str, tuple[float, float]] = {}
    for side, country in enumerate(countries):
        group = sorted((n for n in nodes if n["country"] == country), key=lambda n: n["name"])
        for i, n in enumerate(group):
            angle = math.pi * (i + 1) / (len(group) + 1)
            x = width / 2 + (-1 if side == 0 else 1) * (width * 0.33) * math.sin(angle)
            y = height / 2 - (height * 0.4) * math.cos(angle)
            pos[n["id"]] = (x, y)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="who meets whom" '
             f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" class="network">']
    for e in network["edges"]:
        if e["source"] in pos and e["target"] in pos:
            (x1, y1), (x2, y2) = pos[e["source"]], pos[e["target"]]
            parts.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="#8c959f" '
                         f'stroke-width="{1 + 1.5 * e["weight"]:.1f}"><title>{e["weight"]} engagement(s)</title>'
                         "</line>")
    for n in nodes:
        if n["id"] not in pos:
            continue
        x, y = pos[n["id"]]
        colour = COUNTRY_COLOURS[countries.index(n["country"]) % len(COUNTRY_COLOURS)]
        anchor = "end" if x < width / 2 else "start"
        dx = -10 if x < width / 2 else 10
        parts.append(f'<a href="/people/{escape(n["id"], quote=True)}"><circle cx="{x:.1f}" cy="{y:.1f}" r="7" '
                     f'fill="{colour}"/><text x="{x + dx:.1f}" y="{y + 4:.1f}" text-anchor="{anchor}" '
                     f'font-size="13">{escape(n["name"])}</text></a>')
    parts.append("</svg>")
    return Markup("".join(parts))


TYPE_COLOURS = {"MEET": "#1f77b4", "CALL": "#2ca02c", "VISIT": "#d62728"}


def timeline_svg(rows: list[Any], a: str, b: str, width: int = 760, height: int = 260) -> Markup:
    """Engagements on a date axis, a stem per engagement coloured by type: the topics the first
    country raised above the axis, the second's below (drawn here: no plotting library per request)."""
    from parley.dates import parse_iso

    dated = [(d, r) for r in rows if (d := parse_iso(r.engagement.date if len(r.engagement.date or "") == 10
                                                     else f"{r.engagement.date}-15")) is not None]
    if not dated:
        return Markup('<p class="muted">No dated engagements.</p>')
    first, last = min(d for d, _ in dated), max(d for d, _ in dated)
    span = max((last - first).days, 1)
    top = max([len(r.topics.get(a, ())) for _, r in dated] + [1])
    bottom = max([len(r.topics.get(b, ())) for _, r in dated] + [1])
    left, right, mid = 40, width - 20, 20 + (height - 50) * top / (top + bottom)
    unit = (height - 50) / (top + bottom)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="timeline" class="timeline" '
             f'viewBox="0 0 {width} {height}" width="{width}" height="{height}">',
             f'<line x1="{left}" y1="{mid:.1f}" x2="{right}" y2="{mid:.1f}" stroke="#333"/>',
             f'<text x="4" y="16" font-size="11">{escape(a)} topics ↑</text>',
             f'<text x="4" y="{height - 8}" font-size="11">{escape(b)} topics ↓</text>']
    for year in range(first.year, last.year + 1):
        x = left + (right - left) * max((date(year, 1, 1) - first).days, 0) / span
        parts.append(f'<text x="{x:.1f}" y="{height - 24}" font-size="11">{year}</text>')
    for day, r in dated:
        x = left + (right - left) * (day - first).days / span
        up, down = len(r.topics.get(a, ())), len(r.topics.get(b, ()))
        colour = TYPE_COLOURS.get(r.engagement.type, "#555")
        label = escape(f"{r.engagement.date} {r.engagement.type}: {a} {up}, {b} {down} topics")
        parts.append(f'<a href="/engagements/{escape(r.engagement.id, quote=True)}"><line x1="{x:.1f}" '
                     f'y1="{mid - up * unit:.1f}" x2="{x:.1f}" y2="{mid + down * unit:.1f}" stroke="{colour}" '
                     f'stroke-width="5" opacity="0.8"><title>{label}</title></line>'
                     f'<circle cx="{x:.1f}" cy="{mid:.1f}" r="3" fill="{colour}"/></a>')
    for kind in sorted({r.engagement.type for _, r in dated}):
        n = sorted({r.engagement.type for _, r in dated}).index(kind)
        parts.append(f'<text x="{right - 60}" y="{16 + 14 * n}" font-size="11" fill="{TYPE_COLOURS.get(kind, "#555")}">'
                     f'{kind}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
