"""'The Kenya Revenue Authority', 'the Zimbabwe Electoral Commission': a body named after its
country. The entity rulers label the country before the NER runs, and the NER keeps their
labels, so it cannot see the body's name around the country's; without a repair the country
itself would stand for its tax office."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from .knowledge import Knowledge

# Tokens that may join the words of a body's name: "Anti-Corruption", "Roads & Transport".
_JOINERS = frozenset({"-", "&"})


def country_bodies(doc: Doc, knowledge: Knowledge) -> list[Span]:
    """The document's entities, with each country followed by capitalised words that no
    entity covers and that end in an `organization_words` word ('Commission', 'Authority',
    'Forces'): those words become an ORG entity beside the country's, as the NER labels
    'Israel Democracy Institute' when it sees the whole name."""
    words = knowledge.words("organization_words")
    found: list[Span] = []
    for ent in doc.ents:
        entry = knowledge.entry(ent.ent_id_) if ent.label_ == "GPE" else None
        if entry is None or entry.kind != "country":
            found.append(ent)
            continue
        end, last = ent.end, None
        while end < len(doc) and not doc[end].ent_type_:
            token = doc[end]
            if token.text in _JOINERS and end + 1 < len(doc) and doc[end + 1].is_title:
                end += 1
                continue
            if token.pos_ != "PROPN" or not token.is_title or not token.is_alpha:
                break
            if token.lower_ in words:
                last = end
            end += 1
        found.append(ent)
        if last is not None:
            # the rest of the name is the body; `kinds.with_country_name` puts the two together
            found.append(Span(doc, ent.end, last + 1, label="ORG"))
    return found
