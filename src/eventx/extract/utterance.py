"""Senses of words about words: a demand or a statement, an obligation on others or on oneself."""

from __future__ import annotations

from spacy.tokens import Token

from ..schema import Actor, TriggerRule

# Subjects of an obligation the speaker shares: "we all must do more" (not the
# `discourse.FIRST_PERSON` that stands for the speaker alone).
OWN_SIDE_SUBJECTS = frozenset({"we", "i", "us"})
# Subjects that name no party to bear an obligation: "said it must fall to him to fix things".
IMPERSONAL = frozenset({"it", "there"})


def no_demand(trigger: Token, rule: TriggerRule) -> bool:
    """The trigger fired on words that ask nothing of another party: withheld words
    ('declined to comment', `forbid_complement`), a statement ('insisted they could win',
    `demand_only`), what the speaker's own side must do ('said we all must do more'), or an
    obligation on no party ('said it must fall to him to fix things')."""
    if any(
        c.dep_ == "xcomp" and c.lemma_.lower() in rule.forbid_complement for c in trigger.children
    ):
        return True
    if rule.demand_only and not _demand(trigger):
        return True
    return rule.reported and any(
        (c.dep_ in {"nsubj", "nsubjpass"} and c.tag_ == "PRP" and c.lower_ in OWN_SIDE_SUBJECTS)
        or (c.dep_ in {"nsubj", "expl"} and c.lower_ in IMPERSONAL and not _addressed(trigger))
        for c in trigger.head.children  # a pronoun: "the US must" is no "us"
    )


def _addressed(modal: Token) -> bool:
    # "told Somalia it must withdraw": the one told is who 'it' is
    reporting = modal.head.head
    return any(c.dep_ in {"dobj", "dative"} for c in reporting.children)


OBLIGING_MODALS = frozenset({"must", "should", "shall"})


def _demand(verb: Token) -> bool:
    """What the verb governs is a demand on others: a clause with a modal of obligation or a
    bare verb ('insisted that Iran halt', 'that the sanctions be lifted'), a noun ('insisted
    on a ceasefire') or an act with its own doer ('insisted on Israel's withdrawing'). A
    statement ('insisted they could continue') or the speaker's own conduct ('insisted on
    talking only about trade') is not."""
    for child in verb.children:
        if child.dep_ == "ccomp":
            auxes = [c for c in child.children if c.dep_ in {"aux", "auxpass"}]
            if any(a.lower_ in OBLIGING_MODALS for a in auxes):
                return True
            if not any(a.tag_ == "MD" or a.lower_ == "to" for a in auxes) and _bare(
                auxes[0] if auxes else child, child
            ):
                return True  # the subjunctive: "that Kyiv withdraw", "that they be lifted"
        if child.dep_ == "prep" and child.lower_ in {"on", "upon"}:
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.pos_ in {"NOUN", "PROPN"} and not obj.ent_type_:
                    return True  # a noun, not a day: "insisted on Monday that ..."
                if obj.dep_ in {"pcomp", "pobj"} and any(
                    c.dep_ in {"nsubj", "poss"} for c in obj.children
                ):
                    return True
    return False


def _bare(verb: Token, clause: Token) -> bool:
    """A verb without its tense ending: 'be', or a singular subject's 'withdraw', which the
    tagger may read as a present or even a noun ('that Iran halt enrichment')."""
    if verb.tag_ == "VB":
        return True
    singular = any(
        c.dep_ in {"nsubj", "nsubjpass"} and c.tag_ in {"NN", "NNP"} for c in clause.children
    )
    return singular and verb.tag_ in {"VBP", "NN"}


def own_side(rule: TriggerRule, actors: list[Actor], recipients: list[Actor]) -> bool:
    """'Trump said the United States must rebuild its military': what a speaker says their
    own side must do is a statement of policy, not a request of another party."""
    if not rule.reported or not recipients:
        return False
    # a state's officials speak for it; rebels of a country do not ("rebels announced that
    # the president must agree" is a demand on him)
    speaking = [a for a in actors if a.kind in {"country", "government"} or a.title is not None]
    states = {a.country for a in speaking if a.country}
    names = {a.name for a in actors}
    return all(
        r.name in names or (r.kind in {"country", "government"} and r.country in states)
        for r in recipients
    )
