"""Roles inside embedded clauses: who does what another verb's complement tells."""

from __future__ import annotations

from spacy.tokens import Token

from ..schema import TriggerRule
from .knowledge import Knowledge
from .phrase import SUBJECT_MATTER_PREPS, entities_within, entity_from_inside

# Prepositions whose gerund is done by the governing verb's object, not its subject:
# "accused Ukraine of supporting X", "blamed the rebels for breaking", "barred Y from going".
OBJECT_CONTROL_PREPS = frozenset({"of", "for", "from", "into", "against"})
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
# Prefixes that turn a name into a time or a stance: "a post-Maduro transition", "the
# anti-Kremlin opposition", "pre-war Syria" (a time, the country still counts, see below).
AWAY_PREFIXES = frozenset({"anti", "post", "ex", "non"})
# Adverbs that make a preposition of two words: "ahead of", "prior to".
PREPOSITION_ADVERBS = frozenset({"ahead", "prior"})
# Marks of a real coordination between two verbs: "met X and signed", "met X, signed Y".
COORDINATING = frozenset({"cc", "punct", "preconj"})


def controlling_object(gerund: Token) -> Token | None:
    """The object of the verb a gerund's preposition hangs on, which does what the gerund
    tells: 'Russia accused Ukraine of supporting X' (Ukraine supports), 'thanked Kenya for
    hosting the talks' (Kenya hosts). A time or manner phrase ('after meeting X', 'by
    sending Y') is the subject's own act, so only `OBJECT_CONTROL_PREPS` count."""
    if gerund.dep_ not in {"pcomp", "pobj"} or gerund.tag_ != "VBG":
        return None
    prep = gerund.head
    if prep.dep_ != "prep" or prep.lower_ not in OBJECT_CONTROL_PREPS:
        return None
    verb = prep.head
    objects = [
        c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"} and c.i < prep.i and c != prep
    ]
    return objects[0] if verb.pos_ in {"VERB", "AUX"} and objects else None


def alleged_act(gerund: Token) -> bool:
    """A gerund after 'of' or 'for' on a verb with an object: what 'accused X of' or 'blamed
    X for' tells X did (its trigger rule decides, with `absorbs`, whether that is content)."""
    return (
        gerund.tag_ == "VBG"
        and gerund.head.lower_ in {"of", "for"}
        and controlling_object(gerund) is not None
    )


def first_gerund(gerund: Token) -> Token:
    """The first of coordinated gerunds ('accused Pakistan of harbouring militants and
    supporting terror groups'): the later ones hang on it, not on the preposition, and are
    alleged as much as it is."""
    current = gerund
    for _ in range(4):
        if current.dep_ != "conj" or current.tag_ != "VBG" or current.head.tag_ != "VBG":
            break
        current = current.head
    return current


def uncoordinated(verb: Token) -> bool:
    """A verb the parser made a conjunct with nothing to join them ('Mali faulted the militia
    for violating the ceasefire signed in May'): a misread relative clause, which shares no
    subject with the verb it hangs on."""
    if verb.dep_ != "conj" or verb.head.i > verb.i:
        return False
    between = verb.doc[verb.head.i + 1 : verb.i]
    return not any(t.dep_ in COORDINATING or t.text in {",", ";", "—", "-"} for t in between)


def finite_host(verb: Token) -> Token:
    """The verb a finite conjunct shares its subject with. A finite verb is not coordinated
    with an infinitive, though the parser may join them: in 'urged Kenya to keep backing
    Somalia and asked for more aid', the one who asked is the one who urged."""
    head = verb.head
    if verb.dep_ != "conj" or verb.tag_ not in FINITE_TAGS or not infinitive(head):
        return head
    current = head
    for _ in range(6):
        if current.head == current or (current.pos_ in {"VERB", "AUX"} and not infinitive(current)):
            break
        current = current.head
    return current if current.tag_ in FINITE_TAGS else head


def infinitive(verb: Token) -> bool:
    """'to meet': a bare verb with its 'to'."""
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def content_parties(
    clause: Token,
    knowledge: Knowledge,
    skip_subjects: bool = False,
    asides: frozenset[str] = frozenset(),
    keep_means: bool = False,
) -> list[Token]:
    """The parties named in what a verb governs ('agreed to ease bans on Iran'), without the
    targets of the means it tells, the foes of what it names or where a place it names lies:
    in 'agreed to cooperate in defeating Islamic State' the group is what both fight, and in
    'agreed to back safe zones in Syria' Syria is where the zones are, not a party; in
    'refused to back the resolution on Syria' Syria is what the text is about. With
    `keep_means`, whom the means acts on counts ('vowed to be firm in standing up to X')."""
    areas, documents = knowledge.words("area_nouns"), knowledge.words("document_nouns")
    means = {
        t.i
        for token in clause.subtree
        if token != clause
        and (
            (_means(token) and not keep_means)
            or _foe_of_another(token)
            or _site_of_area(token, areas)
            or _subject_matter(token, documents)
        )
        for t in token.subtree
    }
    return [t for t in entities_within(clause, skip_subjects, asides) if t.i not in means]


def _site_of_area(token: Token, areas: frozenset[str]) -> bool:
    # "safe zones in Syria", "camps inside Jordan": the place an area noun lies in
    return (
        token.dep_ == "prep"
        and token.lower_ in {"in", "inside", "within"}
        and token.head.lemma_.lower() in areas
    )


def _subject_matter(token: Token, documents: frozenset[str]) -> bool:
    # "the resolution on Syria", "a report about Iran": what a text or plan is about
    return (
        token.dep_ == "prep"
        and token.lower_ in SUBJECT_MATTER_PREPS
        and token.head.lemma_.lower() in documents
    )


def _means(token: Token) -> bool:
    # "cooperate in defeating X", "help by sending Y": a gerund after a preposition
    return token.dep_ == "pcomp" and token.tag_ == "VBG"


def _foe_of_another(token: Token) -> bool:
    """'declined to lend troops to the NATO-led campaign against Serbia': an 'against' phrase on a
    noun that is itself inside a prepositional phrase names the foe of that thing, not a party
    to the act ('threatened to retaliate against Israel' keeps Israel: it hangs on the act)."""
    return token.dep_ == "prep" and token.lower_ == "against" and token.head.dep_ == "pobj"


def addressed(verb: Token, rule: TriggerRule) -> bool:
    """The verb names whom it asks, with its object ('urged the international community to
    cut off aid to Hamas'): what it asks for names targets of that act, not recipients. An
    object that is what is given ('offered concessions that could lead to ...') is not."""
    return rule.object == "recipients" and any(
        c.dep_ in {"dobj", "nsubjpass"} for c in verb.children
    )


def attribution(clause: Token, trigger: Token, speech: frozenset[str]) -> bool:
    """', diplomats quoted an EU statement as saying', ', officials said': a clause of a
    `speech_verbs` verb set off after the trigger says who reports it, not what it is about."""
    if clause.i < trigger.i or clause.lemma_.lower() not in speech:
        return False
    start = next(t.i for t in clause.subtree if not t.is_punct)  # the comma may be its own
    return start > 0 and clause.doc[start - 1].text in {",", "\u2014", "--"}


def prefixed_away(token: Token, bodies: frozenset[str] = frozenset()) -> bool:
    """The name carries a prefix that makes it something else: 'backing a post-Maduro
    transition' backs no Maduro, 'the anti-Kremlin opposition' is not Russia. The prefix may
    be its own tokens ('anti', '-') or part of the entity's first word ('post-Maduro'). A
    body's own name that opens so ('the Anti-Corruption Commission', ending in a word of
    `bodies`) is none."""
    doc = token.doc
    name = entity_from_inside(token)
    start = name.start
    if name[-1].lower_ in bodies:
        return False
    first = doc[start].lower_
    if "-" in first and first.split("-", 1)[0] in AWAY_PREFIXES:
        return True
    if start >= 2 and doc[start - 1].text in {"-", "–"}:
        return doc[start - 2].lower_ in AWAY_PREFIXES
    return first in AWAY_PREFIXES and start + 1 < len(doc) and doc[start + 1].text == "-"


def past_adverb(token: Token) -> Token:
    """The verb a two-word preposition's adverb hangs on ('Ahead of talks with Abiy, Ruto
    said ...': the talks are in the clause of 'said'), else the token itself."""
    if token.dep_ == "advmod" and token.lower_ in PREPOSITION_ADVERBS and token.head != token:
        return token.head
    return token


def moved_from(noun: Token) -> bool:
    """'demanded the pullout of Russian troops from Moldova': with a party in the noun's
    'of' complement, its 'from' is where they leave, not whom the demand is made of."""
    has_from = any(c.dep_ == "prep" and c.lower_ == "from" for c in noun.children)
    return has_from and any(
        prep.dep_ == "prep"
        and prep.lower_ == "of"
        and any(t.ent_type_ in {"NORP", "GPE", "ORG", "PERSON"} for t in prep.subtree)
        for prep in noun.children
    )


def condition_parties(clause: Token) -> list[Token]:
    """'threatened to suspend talks if Greece went ahead': who a condition is about is whom
    the threat, demand or promise is aimed at."""
    found: list[Token] = []
    for verb in (clause, clause.head):
        for advcl in verb.children:
            if advcl.dep_ != "advcl" or not any(
                c.dep_ == "mark" and c.lower_ in {"if", "unless"} for c in advcl.children
            ):
                continue
            for subject in advcl.children:
                if subject.dep_ in {"nsubj", "nsubjpass"}:
                    found.extend(entities_within(subject))
    return found
