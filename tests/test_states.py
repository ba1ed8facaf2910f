"""Engagement states derived from sides and times (properties), and the [[sources]] settings."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parley.config import Settings, load_settings
from parley.errors import ConfigError
from parley.watch.sources import load_sources
from parley.watch.states import SideReport, derive_state, transition

WINDOW = timedelta(hours=72)
COUNTRIES = ["GBR", "CHN", "USA", "JPN"]


def _report(n: int, side: str | None, published: str | None = "2024-05-01") -> SideReport:
    return SideReport(f"d{n}", side, published, "2024-05-03T10:00:00+00:00")


def test_three_countries_are_both_only_when_all_three_published() -> None:
    now = datetime(2024, 5, 2, tzinfo=UTC)
    two = derive_state("g", "MEET", "2024-05-01", ["GBR", "FRA", "DEU"],
                       [_report(0, "GBR"), _report(1, "FRA"), _report(2, None)], now, WINDOW)
    assert two.state == "awaiting" and two.missing == ("DEU",) and two.published == ("FRA", "GBR")
    assert two.deadline == datetime(2024, 5, 5, tzinfo=UTC)  # end of 1 May + 72 h
    late = derive_state("g", "MEET", "2024-05-01", ["GBR", "FRA", "DEU"], [_report(0, "GBR"), _report(1, "FRA")],
                        datetime(2024, 5, 5, tzinfo=UTC), WINDOW)
    assert late.state == "one-sided"
    three = derive_state("g", "MEET", "2024-05-01", ["GBR", "FRA", "DEU"],
                         [_report(0, "GBR"), _report(1, "FRA"), _report(2, "DEU")], now, WINDOW)
    assert three.state == "both" and three.missing == ()


def test_news_only_and_third_party_readouts_are_unofficial() -> None:
    now = datetime(2024, 5, 2, tzinfo=UTC)
    assert derive_state("g", "CALL", None, ["GBR", "CHN"], [_report(0, None)], now, WINDOW).state == "unofficial"
    assert derive_state("g", "CALL", None, ["GBR", "CHN"], [_report(0, "USA")], now, WINDOW).state == "unofficial"


def test_undated_readout_opens_the_window_when_ingested() -> None:
    st_ = derive_state("g", "CALL", None, ["GBR", "CHN"], [_report(0, "GBR", None)],
                       datetime(2024, 5, 4, tzinfo=UTC), WINDOW)
    assert st_.opened == datetime(2024, 5, 3, 10, tzinfo=UTC) and st_.state == "awaiting"


sides = st.lists(st.sampled_from(COUNTRIES), min_size=1, max_size=4, unique=True)
reports = st.lists(st.one_of(st.none(), st.sampled_from(COUNTRIES)), min_size=1, max_size=6)


@given(sides, reports, st.integers(min_value=0, max_value=400))
def test_state_follows_who_published_and_the_clock(countries: list[str], published: list[str | None],
                                                   hours: int) -> None:
    now = datetime(2024, 5, 2, tzinfo=UTC) + timedelta(hours=hours)
    got = derive_state("g", "CALL", None, countries, [_report(n, s) for n, s in enumerate(published)], now, WINDOW)
    official = {s for s in published if s} & set(countries)
    assert set(got.published) == official and set(got.missing) == set(countries) - official
    if not official:
        assert got.state == "unofficial"
    elif official == set(countries):
        assert got.state == "both"
    else:
        assert got.state == ("awaiting" if now < datetime(2024, 5, 5, tzinfo=UTC) else "one-sided")
    more = derive_state("g", "CALL", None, countries,
                        [_report(n, s) for n, s in enumerate([*published, *countries])], now, WINDOW)
    assert more.state == "both"  # every side publishing settles it, whatever came before
    assert transition({"state": got.state, "published": ",".join(got.published)}, more) in (
        None, "engagement.published")


def test_sources_are_read_from_parley_toml_and_checked(tmp_path: Path) -> None:
    good = tmp_path / "parley.toml"
    good.write_text('db = "x.db"\n[[sources]]\nname = "No 10"\nurl = "https://www.gov.uk/x.atom"\n'
                    'publisher = "10 Downing Street"\ncountry = "GBR"\ninterval = 600\n')
    assert load_settings(good, environ={}).db == "x.db"  # the settings loader leaves [[sources]] alone
    [source] = load_sources(good, Settings())
    assert (source.name, source.country, source.interval, source.host) == ("No 10", "GBR", 600.0, "www.gov.uk")
    for bad, reason in [('url = "ftp://x"', "http"), ('url = "https://x"\ncountry = "UK"', "ISO3"),
                        ('url = "https://x"\ninterval = -1', "positive"), ('url = "https://x"\nfoo = 1', "foo")]:
        path = tmp_path / "bad.toml"
        path.write_text(f'[[sources]]\nname = "s"\npublisher = "p"\n{bad}\n')
        with pytest.raises(ConfigError, match=reason) as info:
            load_sources(path, Settings())
        assert str(path) in str(info.value)
