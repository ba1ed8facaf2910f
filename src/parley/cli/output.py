"""Writing results to the terminal: tables, CSV and JSON rows, and a comparison for reading.

``--format text`` of ``parley compare`` is a terminal rendering (rich panels side by side, topics
coloured by whether both sides raised them), distinct from the Markdown meant for files.
"""

from __future__ import annotations

import csv
import io
import json
from typing import TYPE_CHECKING, Any

import typer

if TYPE_CHECKING:
    from parley.compare import Comparison


def _console() -> Any:
    from rich.console import Console

    out = Console()
    if not out.is_terminal:
        out = Console(width=160)  # piped or captured: do not squeeze the output into 80 columns
    return out


def render_rows(rows: list[dict[str, Any]], fmt: str, columns: list[str], title: str,
                table_columns: list[str] | None = None) -> None:
    """Rows as JSON, CSV (both with every column) or a table (``table_columns``, default all)."""
    if fmt == "json":
        typer.echo(json.dumps([{c: row.get(c) for c in columns} for row in rows], ensure_ascii=False, indent=2))
    elif fmt == "csv":
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
        typer.echo(buf.getvalue(), nl=False)
    else:
        from rich.table import Table

        table = Table(title=title)
        shown = table_columns or columns
        for column in shown:
            table.add_column(column)
        for row in rows:
            table.add_row(*("" if row.get(c) is None else str(row.get(c)) for c in shown))
        _console().print(table)


def comparison_text(c: Comparison, colour: bool = False) -> str:
    """The comparison as the terminal shows it: one panel per side, side by side (with ANSI
    colours when ``colour``)."""
    from rich.columns import Columns
    from rich.console import Console, Group
    from rich.panel import Panel
    from rich.text import Text

    def topics(names: tuple[str, ...] | list[str]) -> Text:
        out = Text()
        for n, t in enumerate(names):
            if n:
                out.append(" ")
            out.append(f" {t} ", style="black on green" if t in c.shared_topics else "black on yellow")
        return out if names else Text("—")

    e = c.engagement
    who = ", ".join(f"{p.name} ({p.country or '?'})" for p in e.participants)
    head = Text(f"{e.type}: {who}\n", style="bold")
    head.append(f"{e.date or 'date unknown'}{' · ' + e.location if e.location else ''} · engagement {e.id}\n",
                style="dim")
    head.append("Raised by both sides: ")
    head.append_text(topics(list(c.shared_topics)))
    if c.framing_differs:
        head.append("\nThe sides characterise the talks differently.", style="italic")
    panels = []
    for side in c.sides:
        body: list[Any] = []
        for r in side.reports:
            body.append(Text(f"{r.document.publisher or r.document.source}, {r.document.published or 'undated'}",
                             style="dim"))
        body.append(topics(list(side.topics)))
        for kind, phrase in side.framing:
            body.append(Text(f"{kind}: “{phrase}”", style="italic"))
        for st in side.statements:
            s = st.statement
            quote = Text(f"{s.speaker.name}", style="bold")
            quote.append(f" [{', '.join(s.topics)}]\n", style="cyan")
            quote.append(s.text.strip())
            body.append(Panel(quote, border_style="grey50"))
        panels.append(Panel(Group(*body), title=side.label, title_align="left"))
    width = Console().width if colour else 160
    console = Console(width=max(width, 100), file=io.StringIO(), force_terminal=colour,
                      color_system="standard" if colour else None)
    console.print(Panel(head))
    console.print(Columns(panels, equal=True, expand=True))
    out = console.file.getvalue()  # type: ignore[attr-defined]
    return str(out)
