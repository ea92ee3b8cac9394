"""'Kenya complained to the African Union over Somali air strikes': a complaint made to an
international body names the one complained of in what it is about, not in whom it is made
to. The body is the forum; the state whose act the complaint is about is its target too."""

from __future__ import annotations

from ..schema import Actor, TriggerRule
from .actor import DocContext, deep_actor
from .argument import Arguments
from .kinds import deep_acts
from .phrase import owner_entities


def complained_of(
    rule: TriggerRule,
    args: Arguments,
    actors: list[Actor],
    recipients: list[Actor],
    context: DocContext,
) -> list[Actor]:
    """The states whose acts a `forum_events` event before international bodies only is
    about ('over Somali air strikes' names Somalia), other than the actors' own."""
    if rule.event.lower() not in context.knowledge.words("forum_events"):
        return []
    if not recipients or any(r.sector != "IGO" for r in recipients):
        return []
    own = {a.country for a in actors}
    acts = deep_acts(context.knowledge, rule.event)
    found: list[Actor] = []
    for head in args.get("topic"):
        for inner in owner_entities(head, **acts):
            actor = deep_actor(inner, context)
            if actor is None or actor.country is None or actor.country in own:
                continue
            if actor.kind in {"country", "government"} and all(actor.name != f.name for f in found):
                found.append(actor)
    return found
