"""The small gazetteer of the hand-built role, sense and status parses: a few states, two
armed groups and two leaders, so a test knows every name in play."""

from __future__ import annotations

from eventx.schema import GazetteerEntry


def _country(iso3: str, name: str) -> GazetteerEntry:
    return GazetteerEntry(id=iso3, label="GPE", name=name, kind="country", country=iso3)


def _leader(slug: str, name: str, iso3: str, title: str) -> GazetteerEntry:
    return GazetteerEntry(
        id=f"person.{slug}",
        label="PERSON",
        name=name,
        kind="person",
        country=iso3,
        title=title,
        sector="GOV",
    )


EAST_AFRICA = [
    _country("KEN", "Kenya"),
    _country("ETH", "Ethiopia"),
    _country("SOM", "Somalia"),
    _country("MLI", "Mali"),
    _country("UKR", "Ukraine"),
    _country("DEU", "Germany"),
    _country("RUS", "Russia"),
    GazetteerEntry(id="org.hamas", label="ORG", name="Hamas", kind="group", sector="REB"),
    GazetteerEntry(id="org.shabaab", label="ORG", name="al-Shabaab", kind="group", sector="REB"),
    _leader("william_ruto", "William Ruto", "KEN", "President"),
    _leader("abiy_ahmed", "Abiy Ahmed", "ETH", "Prime Minister"),
]
