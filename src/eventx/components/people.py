"""The `eventx_people` component: restores person names the rulers or NER mislabelled, and the
names of bodies named after their country that the rulers' country label cut."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ..extract.coordination import list_edits
from ..extract.country_bodies import country_bodies
from ..extract.knowledge import Knowledge
from ..extract.person import repair_person_ents
from ..extract.repair import apply_edits, parse_edits
from .rules import shipped_knowledge
from .state import load_knowledge, save_knowledge


@Language.factory(
    "eventx_people",
    default_config={},
    assigns=["doc.ents", "token.dep"],
    requires=["doc.ents", "token.pos", "token.dep"],
)
def make_people(nlp: Language, name: str) -> PeopleComponent:
    """Build the person-repair component with the shipped gazetteer."""
    return PeopleComponent(name, shipped_knowledge())


class PeopleComponent:
    """Relabels 'Maria Lima' (a city ruler hit) and later bare surnames as PERSON, and
    repairs the parses of people that the parser gets wrong (see `extract.repair`) and of
    lists of parties (`extract.coordination`)."""

    def __init__(self, name: str, knowledge: Knowledge) -> None:
        self.name = name
        self.knowledge = knowledge

    def __call__(self, doc: Doc) -> Doc:
        doc.ents = country_bodies(doc, self.knowledge)
        doc.ents = repair_person_ents(doc, self.knowledge)
        apply_edits(doc, parse_edits(doc, self.knowledge))
        apply_edits(doc, list_edits(doc))  # on the repaired tree
        return doc

    # The rules are saved with the pipeline, so a saved pipeline keeps a user's entities under
    # plain spacy.load and does not follow later changes to the installed models/.
    def to_disk(self, path: str | Path, *, exclude: Any = ()) -> None:
        save_knowledge(self.knowledge, Path(path))

    def from_disk(self, path: str | Path, *, exclude: Any = ()) -> PeopleComponent:
        saved = load_knowledge(Path(path))
        if saved is not None:
            self.knowledge = saved
        return self
