"""What a person mention says of its person beyond name and office: quoted as a voice on the
news (an analyst, a spokesman), and a gender a word of address gives ('Mr', 'Queen')."""

from __future__ import annotations

from spacy.tokens import Span

from .knowledge import Knowledge


def voice_role(ent: Span, knowledge: Knowledge) -> bool:
    """The person is named as one quoted for a view of the news: 'Ivan Petrov, an analyst at
    ...', 'analyst Mary Wambui', 'his spokesman, Matthew Miller' (`commentator_words`), not
    as one who acts in it."""
    words = knowledge.words("commentator_words")
    root = ent.root
    near = [c for c in root.children if c.dep_ in {"appos", "compound"}]
    if root.dep_ == "appos":
        near.append(root.head)
    if ent.start > 0 and ent.doc[ent.start - 1].pos_ in {"NOUN", "PROPN"}:
        near.append(ent.doc[ent.start - 1])  # "Analyst Mary Wambui" hung elsewhere
    inside = [t for t in ent if t.ent_type_ == "TITLE" or t.i == ent.start]
    if any(t.lemma_.lower() in words or t.lower_ in words for t in near + inside):
        return True
    # "X, director of the South Asia Institute at the Wilson Center": a think tank's,
    # a university's or a newspaper's people are quoted on the news, they do not act in it
    bodies = knowledge.words("commentator_bodies")
    described = [t for n in near if n.dep_ == "appos" or n == root.head for t in n.subtree]
    described += [t for c in root.children if c.dep_ == "prep" for t in c.subtree]
    return any(t.lower_ in bodies and (t.is_title or t.ent_type_) for t in described)


def addressed_gender(ent: Span, knowledge: Knowledge) -> str | None:
    """'m' or 'f' when a word of address or a title before the name says which ('Mr Kerry',
    'Queen Rania'; `address_male`, `address_female`), else None."""
    words = [t.lower_ for t in ent[:2]]
    if ent.start > 0:
        words.append(ent.doc[ent.start - 1].lower_)
    if any(word in knowledge.words("address_male") for word in words):
        return "m"
    if any(word in knowledge.words("address_female") for word in words):
        return "f"
    return None
