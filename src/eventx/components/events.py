"""The `eventx_events` component: marks event triggers in each parsed sentence."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions
from ..extract.knowledge import Knowledge
from ..extract.trigger import find_triggers
from .rules import shipped_knowledge
from .state import load_knowledge, save_knowledge


@Language.factory(
    "eventx_events",
    default_config={},
    assigns=["doc._.eventx_triggers"],
    requires=["token.dep", "token.lemma", "token.pos", "doc.ents"],
)
def make_events(nlp: Language, name: str) -> EventsComponent:
    """Build the trigger-marking component with the shipped rule files."""
    return EventsComponent(name, shipped_knowledge())


class EventsComponent:
    """Holds the rule knowledge; attaches `(token index, rule id)` trigger pairs to each Doc."""

    def __init__(self, name: str, knowledge: Knowledge) -> None:
        extensions.register()
        self.name = name
        self.knowledge = knowledge

    def __call__(self, doc: Doc) -> Doc:
        doc._.eventx_triggers = [
            (token.i, rule.id) for token, rule in find_triggers(doc, self.knowledge)
        ]
        return doc

    # The rules are saved with the pipeline, so a saved pipeline keeps a user's entities under
    # plain spacy.load and does not follow later changes to the installed models/.
    def to_disk(self, path: str | Path, *, exclude: Any = ()) -> None:
        save_knowledge(self.knowledge, Path(path))

    def from_disk(self, path: str | Path, *, exclude: Any = ()) -> EventsComponent:
        saved = load_knowledge(Path(path))
        if saved is not None:
            self.knowledge = saved
        return self
