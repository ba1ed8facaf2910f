"""Engagements per month between two countries, notebook-style (each ``# %%`` is a cell).

Run it as a script after ``parley ingest examples/readouts``::

    python examples/engagements_per_month.py parley.db GBR JPN dyad.png

or paste the cells into Jupyter.  Needs the notebook extra: ``pip install -e ".[notebook]"``.
"""

# %% Open the database: each method returns a pandas DataFrame, with the CLI's filters.
import sys

import matplotlib

matplotlib.use("Agg")  # no display needed; drop this line in a notebook

import parley

defaults = ["parley.db", "GBR", "JPN", "engagements-per-month.png"]
db_path, a, b, out = [*sys.argv[1:], *defaults[len(sys.argv) - 1:]][:4]
db = parley.open(db_path)

# %% The engagements one of the two countries took part in, narrowed to those with the other.
engagements = db.engagements(country=a)
dyad = engagements[engagements["countries"].str.split(",").apply(lambda countries: b in countries)]
dyad = dyad[dyad["date"].notna()]

# %% Count them per month (a month with none still gets its bar).
per_month = dyad.assign(month=dyad["date"].str[:7]).groupby("month").size()
if not per_month.empty:
    import pandas as pd

    months = pd.period_range(per_month.index.min(), per_month.index.max(), freq="M").strftime("%Y-%m")
    per_month = per_month.reindex(months, fill_value=0)
print(per_month[per_month > 0].to_string() if not per_month.empty else f"no dated {a}-{b} engagements")

# %% Plot.
ax = per_month.plot(kind="bar", title=f"{a}–{b} engagements per month", xlabel="month", ylabel="engagements",
                    figsize=(10, 4), color="#4a77b4")
ax.figure.tight_layout()
ax.figure.savefig(out)
print(f"chart written to {out}")
