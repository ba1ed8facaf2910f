"""Watch: follow official sources, ingest what is new, and flag engagements one side has not reported.

- :mod:`parley.watch.sources`: the ``[[sources]]`` of ``parley.toml``.
- :mod:`parley.watch.http`: conditional GET and the item links of a feed or listing page.
- :mod:`parley.watch.runner`: the polling loop, politeness, backoff and clean stop.
- :mod:`parley.watch.states`: awaiting / one-sided / both, derived from what is stored.
- :mod:`parley.watch.notify`: the ``events.jsonl`` outbox and the signed webhook.
"""

from parley.watch.runner import PassReport, SourceReport, Watcher
from parley.watch.sources import Source, load_sources
from parley.watch.states import STATES, EngagementState, derive_state

__all__ = ["STATES", "EngagementState", "PassReport", "Source", "SourceReport", "Watcher", "derive_state",
           "load_sources"]
