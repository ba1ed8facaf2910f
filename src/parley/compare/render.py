"""Rendering a comparison as Markdown or as one self-contained HTML file.

The HTML report is meant to be mailed to a colleague: no scripts, no external fonts or styles,
everything inline.  All document text is untrusted and is escaped.
"""

from __future__ import annotations

from html import escape

from parley.compare import Comparison, Side

_STYLE = """
body{font:15px/1.5 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2rem auto;max-width:1200px;
color:#1b1f24;padding:0 1rem}
h1{font-size:1.4rem;margin-bottom:.2rem}.meta{color:#57606a;margin-top:0}
.sides{display:grid;grid-template-columns:repeat(auto-fit,minmax(320px,1fr));gap:1.2rem}
.side{border:1px solid #d0d7de;border-radius:8px;padding:1rem;background:#fff}
.side h2{font-size:1.1rem;margin:.2rem 0 .6rem}.src{font-size:.85rem;color:#57606a}
.topic{display:inline-block;border-radius:10px;padding:0 .5rem;margin:.1rem;font-size:.8rem;
background:#eaeef2}.topic.shared{background:#dafbe1}.topic.only{background:#fff8c5}
blockquote{margin:.6rem 0;padding:.3rem .8rem;border-left:3px solid #8c959f;background:#f6f8fa}
.who{font-weight:600}.frame{font-style:italic}.legend{font-size:.85rem;color:#57606a}
"""


def _topic(t: str, shared: tuple[str, ...]) -> str:
    kind = "shared" if t in shared else "only"
    return f'<span class="topic {kind}">{escape(t)}</span>'


def _side_html(side: Side, shared: tuple[str, ...]) -> str:
    parts = [f'<section class="side"><h2>{escape(side.label)}</h2>']
    sources = side.reports or tuple({st.report.document.id: st.report for st in side.statements}.values())
    for r in sources:
        label = escape(r.document.publisher or r.document.source)
        if r.document.url and r.document.url.startswith(("http://", "https://")):
            label = f'<a href="{escape(r.document.url, quote=True)}">{label}</a>'
        parts.append(f'<div class="src">{label} · {escape(r.document.published or "undated")}</div>')
    parts.append("<p>" + " ".join(_topic(t, shared) for t in side.topics) + "</p>")
    for kind, phrase in side.framing:
        parts.append(f'<p class="frame">{escape(kind)}: “{escape(phrase)}”</p>')
    for st in side.statements:
        s = st.statement
        topics = " ".join(_topic(t, shared) for t in s.topics)
        parts.append(f'<blockquote><span class="who">{escape(s.speaker.name)}</span> {topics}'
                     f"<br>{escape(s.text)}</blockquote>")
    parts.append("</section>")
    return "\n".join(parts)


def to_html(c: Comparison) -> str:
    """One self-contained HTML page (inline CSS, no scripts)."""
    e = c.engagement
    who = ", ".join(f"{p.name} ({p.country or '?'})" for p in e.participants)
    only = "; ".join(f"{escape(country)}: {escape(', '.join(t) or '—')}" for country, t in c.only)
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{escape(e.type)} {escape(e.date or '')} — Parley comparison</title>"
        f"<style>{_STYLE}</style></head><body>"
        f"<h1>{escape(e.type)}: {escape(who)}</h1>"
        f"<p class='meta'>{escape(e.date or 'date unknown')}"
        f"{' · ' + escape(e.location) if e.location else ''} · engagement {escape(e.id)}</p>"
        f"<p>Raised by both sides: {' '.join(_topic(t, c.shared_topics) for t in c.shared_topics) or '—'}"
        f"<br>Only one side: {only or '—'}"
        f"{'<br>The sides characterise the talks differently.' if c.framing_differs else ''}</p>"
        f"<p class='legend'>Green: raised by both sides. Yellow: raised by one side only.</p>"
        f"<div class='sides'>{''.join(_side_html(s, c.shared_topics) for s in c.sides)}</div>"
        "<p class='legend'>Made with Parley. Statements are quoted from the documents named above; "
        "each carries character offsets into its source in the JSON export.</p>"
        "</body></html>\n"
    )


def to_markdown(c: Comparison) -> str:
    e = c.engagement
    who = ", ".join(f"{p.name} ({p.country or '?'})" for p in e.participants)
    lines = [f"# {e.type}: {who}", "", f"{e.date or 'date unknown'}"
             f"{' · ' + e.location if e.location else ''} · engagement `{e.id}`", "",
             f"**Raised by both sides:** {', '.join(c.shared_topics) or '—'}", ""]
    for country, topics in c.only:
        lines.append(f"**Only {country}:** {', '.join(topics) or '—'}  ")
    if c.framing_differs:
        lines += ["", "**The sides characterise the talks differently.**"]
    for side in c.sides:
        lines += ["", f"## {side.label}", ""]
        for r in side.reports:
            lines.append(f"- {r.document.publisher or r.document.source}, {r.document.published or 'undated'}"
                         f"{' — ' + r.document.url if r.document.url else ''}")
        lines.append(f"- topics: {', '.join(side.topics) or '—'}")
        for kind, phrase in side.framing:
            lines.append(f"- {kind}: “{phrase}”")
        lines.append("")
        for st in side.statements:
            s = st.statement
            # a statement of several paragraphs stays inside its quote: every line is quoted
            quoted = "\n".join(f"> {line}".rstrip() for line in s.text.strip().splitlines())
            lines.append(f"> **{s.speaker.name}** [{', '.join(s.topics)}] {quoted.removeprefix('> ')}")
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"

