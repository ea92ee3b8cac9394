"""The `eventx_people` component: restores person names the rulers or NER mislabelled."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from .. import resources
from ..extract.knowledge import Knowledge
from ..extract.person import repair_person_ents


@Language.factory(
    "eventx_people",
    default_config={},
    assigns=["doc.ents"],
    requires=["doc.ents", "token.pos"],
)
def make_people(nlp: Language, name: str) -> PeopleComponent:
    """Build the person-repair component with the shipped gazetteer."""
    return PeopleComponent(name, resources.shipped_knowledge())


class PeopleComponent:
    """Relabels 'Kenji Arakawa' (a city ruler hit) and later bare surnames as PERSON."""

    def __init__(self, name: str, knowledge: Knowledge) -> None:
        self.name = name
        self.knowledge = knowledge

    def __call__(self, doc: Doc) -> Doc:
        doc.ents = repair_person_ents(doc, self.knowledge)
        return doc

    # The gazetteer lives in models/ and is read on construction: no state to save.
    def to_disk(self, path: str | Path, *, exclude: Any = ()) -> None:
        Path(path).mkdir(parents=True, exist_ok=True)

    def from_disk(self, path: str | Path, *, exclude: Any = ()) -> PeopleComponent:
        return self
