"""HTML fragments built in Python: evidence highlighting and the who-meets-whom network (SVG).

Both take untrusted document text and escape every piece of it; the only markup that comes out is
markup written here.  The network is drawn as inline SVG on the server, so the page needs no
JavaScript and no chart library from a CDN.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
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
