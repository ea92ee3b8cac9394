"""The rule knowledge components start from: everything in the shipped rule files."""

from __future__ import annotations

from types import MappingProxyType

from .. import resources
from ..extract.knowledge import Knowledge


def shipped_knowledge() -> Knowledge:
    """Everything extraction consults, read by `resources` from the rule files in `models/`."""
    return Knowledge(
        gazetteer=MappingProxyType(resources.gazetteer()),
        triggers=resources.trigger_rules(),
        topics=resources.topic_rules(),
        exclusions=resources.exclusion_rules(),
        lexicons=resources.lexicon_rules(),
        office_holders=resources.office_holders(),
    )
