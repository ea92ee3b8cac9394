"""Who takes part in a contact, on hand-built parses: quoted speakers, bracketed names, lost
possessives and companions, as real wire copy and photo captions write them."""

from __future__ import annotations

import pytest

from eventx.extract import doc_events
from eventx.extract.knowledge import Knowledge
from eventx.schema import Document, Event, GazetteerEntry
from handbuilt import consults, parse, small_knowledge

ENTRIES = [
    GazetteerEntry(id="KEN", label="GPE", name="Kenya", kind="country", country="KEN"),
    GazetteerEntry(id="ESP", label="GPE", name="Spain", kind="country", country="ESP"),
    GazetteerEntry(
        id="title.president",
        label="TITLE",
        name="President",
        kind="title",
        title="President",
        sector="GOV",
    ),
]


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    return small_knowledge(ENTRIES)


def names(event: Event) -> set[str]:
    return {a.name for a in event.actors + event.recipients}


# Halvorsen told reporters: "The talks I held with Okafor were useful."
QUOTE_AFTER_COLON = """
Halvorsen 1 nsubj PROPN Halvorsen PERSON
told 1 ROOT VERB tell
reporters 1 dobj NOUN reporter
: 1 punct PUNCT :
“ 1 punct PUNCT “
The 6 det DET the
talks 11 nsubj NOUN talk - NNS
I 8 nsubj PRON I
held 6 relcl VERB hold
with 8 prep ADP with
Okafor 9 pobj PROPN Okafor PERSON
were 1 ccomp AUX be
useful 11 acomp ADJ useful
. 1 punct PUNCT .
"""

# "I met Okafor on Monday," Halvorsen said.
QUOTE_BEFORE_SAID = """
“ 1 punct PUNCT “
I 2 nsubj PRON I
met 9 ccomp VERB meet - VBD
Okafor 2 dobj PROPN Okafor PERSON
on 2 prep ADP on
Monday 4 pobj PROPN Monday DATE
, 2 punct PUNCT ,
” 9 punct PUNCT ”
Halvorsen 9 nsubj PROPN Halvorsen PERSON
said 9 ROOT VERB say - VBD
. 9 punct PUNCT .
"""


@pytest.mark.parametrize(
    "spec", [QUOTE_AFTER_COLON, QUOTE_BEFORE_SAID], ids=["after-colon", "before-said"]
)
def test_i_inside_a_quotation_is_the_one_quoted(spec: str, knowledge: Knowledge) -> None:
    (event,) = consults(spec, knowledge)
    assert names(event) == {"Halvorsen", "Okafor"}
    (speaker,) = [a for a in event.actors if a.name == "Halvorsen"]
    assert speaker.text == "I"  # the mention is the pronoun; the name is the speaker's


# Without quotation marks "I" is the writer, who is nobody the record can name.
UNQUOTED_I = """
I 1 nsubj PRON I
met 1 ROOT VERB meet - VBD
Okafor 1 dobj PROPN Okafor PERSON
, 5 punct PUNCT ,
Halvorsen 5 nsubj PROPN Halvorsen PERSON
writes 1 parataxis VERB write - VBZ
. 1 punct PUNCT .
"""


def test_i_outside_a_quotation_is_not_a_speaker(knowledge: Knowledge) -> None:
    assert all("Halvorsen" not in names(e) for e in consults(UNQUOTED_I, knowledge))


# Halvorsen spoke with President [Samuel] Okafor.
BRACKETED_NAME = """
Halvorsen 1 nsubj PROPN Halvorsen PERSON
spoke 1 ROOT VERB speak - VBD
with 1 prep ADP with
President 2 pobj PROPN President TITLE:title.president
[ 7 punct PUNCT [
Samuel 7 compound PROPN Samuel -
] 5 punct PUNCT ]
Okafor 1 npadvmod PROPN Okafor PERSON
. 1 punct PUNCT .
"""


def test_a_name_past_an_editors_brackets_is_the_titles_holder(knowledge: Knowledge) -> None:
    (event,) = consults(BRACKETED_NAME, knowledge)
    assert names(event) == {"Halvorsen", "Okafor"}
    assert [r.name for r in event.recipients] == ["Okafor"]


# A headline glued to the lead: "Kenya and Spain-Halvorsen's recent phone call with Okafor drew
# criticism" — the parser hangs the possessor on the headline, not on "call".
GLUED_POSSESSOR = """
Kenya 11 nsubj PROPN Kenya GPE:KEN
and 0 cc CCONJ and
Spain 4 compound PROPN Spain GPE:ESP
- 4 punct PUNCT -
Halvorsen 0 conj PROPN Halvorsen PERSON
’s 4 case PART ’s - POS
recent 8 amod ADJ recent
phone 8 compound NOUN phone
call 0 appos NOUN call - NN
with 8 prep ADP with
Okafor 9 pobj PROPN Okafor PERSON
drew 11 ROOT VERB draw - VBD
criticism 11 dobj NOUN criticism
. 11 punct PUNCT .
"""


def test_a_possessive_the_parser_hung_elsewhere_still_owns_the_call(
    knowledge: Knowledge,
) -> None:
    (event,) = consults(GLUED_POSSESSOR, knowledge)
    assert (event.mode, event.trigger) == ("phone", "call")
    assert [a.name for a in event.actors] == ["Halvorsen"]
    assert [r.name for r in event.recipients] == ["Okafor"]


# Photo caption: "Halvorsen, accompanied by Okafor, waves as he arrives for talks with Mbeki."
ACCOMPANIED = """
Halvorsen 6 nsubj PROPN Halvorsen PERSON
, 0 punct PUNCT ,
accompanied 0 acl VERB accompany - VBN
by 2 agent ADP by
Okafor 3 pobj PROPN Okafor PERSON
, 0 punct PUNCT ,
waves 6 ROOT VERB wave - VBZ
as 9 mark SCONJ as
he 9 nsubj PRON he
arrives 6 advcl VERB arrive - VBZ
for 9 prep ADP for
talks 10 pobj NOUN talk - NNS
with 11 prep ADP with
Mbeki 12 pobj PROPN Mbeki PERSON
. 6 punct PUNCT .
"""


def test_a_companion_of_the_subject_takes_part(knowledge: Knowledge) -> None:
    talks = [e for e in consults(ACCOMPANIED, knowledge) if e.trigger == "talks"]
    assert talks, "the talks are a contact"
    assert any(names(e) == {"Halvorsen", "Okafor", "Mbeki"} for e in talks)


# Halvorsen spoke with Okafor. It developed Kenya-Spain cooperation. They discussed trade.
THEY_PAST_A_MODIFIER = """
Halvorsen 1 nsubj PROPN Halvorsen PERSON
spoke 1 ROOT VERB speak - VBD
with 1 prep ADP with
Okafor 2 pobj PROPN Okafor PERSON
. 1 punct PUNCT .
It 1 nsubj PRON it
developed 1 ROOT VERB develop - VBD
Kenya 5 compound PROPN Kenya GPE:KEN
- 4 punct PUNCT -
Spain 5 compound PROPN Spain GPE:ESP
cooperation 1 dobj NOUN cooperation - NN
. 1 punct PUNCT .
They 1 nsubj PRON they
discussed 1 ROOT VERB discuss - VBD
trade 1 dobj NOUN trade
. 1 punct PUNCT .
"""


def test_they_skips_parties_named_only_as_modifiers(knowledge: Knowledge) -> None:
    """Names inside a compound ('Kenya-Spain cooperation') are no referents for a later
    'they': the people of the last contact are."""
    doc = parse(THEY_PAST_A_MODIFIER, relative_heads=True)
    found = doc_events(doc, Document(doc_id="t", text=doc.text), knowledge)
    assert any(e.event == "COOPERATE" for e in found), "the compound's parties make an event"
    (last,) = [e for e in found if e.trigger == "discussed"]
    assert names(last) == {"Halvorsen", "Okafor"}


# Caption: "Halvorsen waves as he is welcomed by Okafor at the airport."
WELCOMED_AS_HE_ARRIVES = """
Halvorsen 1 nsubj PROPN Halvorsen PERSON
waves 1 ROOT VERB wave - VBZ
as 5 mark SCONJ as
he 5 nsubjpass PRON he - PRP
is 5 auxpass AUX be - VBZ
welcomed 1 advcl VERB welcome - VBN
by 5 agent ADP by
Okafor 6 pobj PROPN Okafor PERSON
. 1 punct PUNCT .
"""


def test_he_welcomed_by_x_in_a_caption_is_hosted_by_x(knowledge: Knowledge) -> None:
    (event,) = [e for e in consults(WELCOMED_AS_HE_ARRIVES, knowledge) if e.mode == "host"]
    assert [a.name for a in event.actors] == ["Okafor"]
    assert [r.name for r in event.recipients] == ["Halvorsen"]


# Halvorsen and Okafor met at the Ocean Security Summit . / Halvorsen attended the
# Kenya-Spain Summit .
NAMED_SUMMIT = """
Halvorsen 3 nsubj PROPN Halvorsen PERSON
and 0 cc CCONJ and
Okafor 0 conj PROPN Okafor PERSON
met 3 ROOT VERB meet - VBD
at 3 prep ADP at
the 8 det DET the ORG
Ocean 7 compound PROPN Ocean +ORG
Security 8 compound PROPN Security +ORG
Summit 4 pobj PROPN summit +ORG
. 3 punct PUNCT .
"""

PARTIES_SUMMIT = """
Halvorsen 1 nsubj PROPN Halvorsen PERSON
attended 1 ROOT VERB attend - VBD
the 6 det DET the
Kenya 6 compound PROPN Kenya GPE:KEN
- 5 punct PUNCT -
Spain 6 compound PROPN Spain GPE:ESP
Summit 1 dobj PROPN summit
. 1 punct PUNCT .
"""


def test_a_summits_own_name_is_no_party_of_it(knowledge: Knowledge) -> None:
    found = consults(NAMED_SUMMIT, knowledge)
    assert found, "the meeting is a contact"
    assert all("Ocean Security Summit" not in names(e) for e in found)
    assert any(names(e) == {"Halvorsen", "Okafor"} for e in found)


def test_countries_naming_a_summit_are_its_parties(knowledge: Knowledge) -> None:
    found = [e for e in consults(PARTIES_SUMMIT, knowledge) if e.trigger == "Summit"]
    assert found and {"Kenya", "Spain"} <= names(found[0])
