"""Corpus-wide entities and the proposals of an entity for a mention.

An entity is one owner's (as a set is): an annotator links their mentions to
their own entities, and curation settles gold's. Mentions in different
documents ("Касым-Жомарт Токаев", "Токаева", "Глава государства") link to one
entity, so that claims can be browsed by who made them across the corpus.

Proposals rank an owner's entities for a mention, best first, by three kinds
of evidence (each a :class:`Reason`):

- ``NAME``: the mention names the entity's canonical name by lemma, whatever
  the case form ("Токаева" -> "Касым-Жомарт Токаев");
- ``ALIAS``: the same, against one of the entity's aliases (or the text of a
  mention already linked to it, which is an alias in all but name);
- ``CONTEXT``: the mention is a title ("Глава государства", a ROLE span) and
  the entity is who the document is about: of the entities linked in this
  document, the one linked most often (a person before an organisation when the
  mention is a person's title).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from annotator.domain.lemmas import text_lemmas

ROLE = "ROLE"
PERSON_TYPES = frozenset({"PER"})


@dataclass(frozen=True, slots=True)
class Entity:
    """One owner's corpus-wide entity. ``id`` is the store's (or a file's reference)."""

    id: int | str | None
    owner: str
    name: str
    type: str | None = None
    aliases: tuple[str, ...] = ()
    external_id: str | None = None  # e.g. a Wikidata QID "Q123"
    notes: str | None = None


@dataclass(frozen=True, slots=True)
class EntitySummary:
    """An entity with how many mentions link to it, in how many documents."""

    entity: Entity
    mentions: int
    documents: int


@dataclass(frozen=True, slots=True)
class Mention:
    """One mention linked to an entity, where it is: what an entity's page lists."""

    document_id: str
    owner: str
    span_id: int
    start: int
    end: int
    label: str
    text: str
    entity_id: int | None = None


class Reason(StrEnum):
    NAME = "name"
    ALIAS = "alias"
    CONTEXT = "context"


@dataclass(frozen=True, slots=True)
class Proposal:
    """An entity proposed for a mention: ``score`` orders them (higher first)."""

    entity: Entity
    score: float
    reason: Reason
    matched: str = ""  # the name or alias matched, or the title's entity in the document


@dataclass(frozen=True, slots=True)
class MentionContext:
    """What a proposal looks at besides the mention's text: the document's linked mentions.

    ``linked`` maps an entity id to how many mentions of this document link to it;
    ``alias_texts`` maps an entity id to texts of mentions linked to it (anywhere).
    """

    linked: Mapping[int | str, int] = field(default_factory=dict)
    alias_texts: Mapping[int | str, Sequence[str]] = field(default_factory=dict)


@functools.lru_cache(maxsize=65536)
def name_key(text: str) -> tuple[frozenset[str], ...]:
    """A name's words as their sets of lemmas (case folded, ё as е); kept, since every proposal
    looks at every name and alias of the table again."""
    return tuple(frozenset(lemma.replace("ё", "е") for lemma in lemmas) for lemmas in text_lemmas(text))


def _covers(mention: tuple[frozenset[str], ...], name: tuple[frozenset[str], ...]) -> float:
    """How well the mention's words name ``name``: 1.0 when they are the same words, a share
    below 1 when the mention names part of it ("Токаева" of "Касым-Жомарт Токаев"), 0 when
    some word of the mention is not in the name."""
    if not mention or not name:
        return 0.0
    for word in mention:
        if not any(word & other for other in name):
            return 0.0
    found = sum(1 for other in name if any(other & word for word in mention))
    return found / len(name)


def propose(mention_text: str, mention_label: str | None, entities: Iterable[Entity],
            context: MentionContext = MentionContext(), limit: int = 9) -> list[Proposal]:
    """The owner's entities for a mention, best first (at most ``limit``: digits 1-9 pick them).

    A full match of the canonical name scores 3, of an alias 2.5; a partial match
    (the mention names some of the name's words: a surname) scores 2 times the share
    of words it names. A title (a ROLE mention, or any mention no name matches) in a
    document about an entity scores up to 1 by the share of the document's linked
    mentions that are that entity's. Linked in this document adds 0.1 to a name or
    alias match, so that of two namesakes the one the document is about comes first.
    """
    key = name_key(mention_text)
    folded = mention_text.casefold().replace("ё", "е")
    total_linked = sum(context.linked.values()) or 0
    best: dict[int | str | None, Proposal] = {}

    def offer(proposal: Proposal) -> None:
        held = best.get(proposal.entity.id)
        if held is None or proposal.score > held.score:
            best[proposal.entity.id] = proposal

    entities = list(entities)
    for entity in entities:
        here = 0.1 if context.linked.get(entity.id) else 0.0  # type: ignore[arg-type]
        candidates = [(Reason.NAME, entity.name)] + [(Reason.ALIAS, a) for a in entity.aliases]
        candidates += [(Reason.ALIAS, t) for t in context.alias_texts.get(entity.id, ())]  # type: ignore[arg-type]
        for reason, name in candidates:
            if name.casefold().replace("ё", "е") == folded:
                share = 1.0
            else:
                share = _covers(key, name_key(name))
            if share == 0.0:
                continue
            full = 3.0 if reason is Reason.NAME else 2.5
            score = (full if share == 1.0 else 2.0 * share) + here
            offer(Proposal(entity, score, reason, name))
    if total_linked and (mention_label == ROLE or not best):
        by_id = {e.id: e for e in entities}
        for entity_id, count in context.linked.items():
            entity = by_id.get(entity_id)
            if entity is None:
                continue
            score = count / total_linked
            if mention_label == ROLE and entity.type is not None and entity.type not in PERSON_TYPES:
                score /= 2  # a title is a person's before an organisation's
            offer(Proposal(entity, min(score, 1.0), Reason.CONTEXT, entity.name))
    ranked = sorted(best.values(), key=lambda p: (-p.score, p.entity.name, str(p.entity.id)))
    return ranked[:limit]


def same_name(a: str, b: str) -> bool:
    """Whether two mentions are "like each other" for linking every such mention at once:
    the same words by lemma ("Токаева" and "Токаев"), case and ё folded."""
    ka, kb = name_key(a), name_key(b)
    return bool(ka) and len(ka) == len(kb) and all(x & y for x, y in zip(ka, kb))


_NAME_GRAMMEMES = ("Surn", "Name", "Patr")


def _person_word(word: str) -> str:
    """One word of a person's name in the nominative: a surname or given name's masculine parse
    when there is one ("Токаева" is a woman's name in the nominative, or a man's surname in the
    genitive: the corpus's politicians make the second likelier; the mention's own text stays an
    alias and the name can be edited)."""
    from annotator.domain.lemmas import analyzer

    parts = []
    for part in word.split("-"):
        parses = analyzer().parse(part)
        named = [p for p in parses if any(g in p.tag for g in _NAME_GRAMMEMES)]
        masculine = [p for p in named if "masc" in p.tag]
        best = (masculine or named or parses)[0] if parses else None
        form = best.normal_form if best is not None and (masculine or named) else part.lower()
        parts.append(form[:1].upper() + form[1:])
    return "-".join(parts)


def canonical_name(text: str, label: str | None) -> str:
    """A new entity's name from a mention: a person's name in the nominative ("Касым-Жомарта
    Токаева" -> "Касым-Жомарт Токаев"), any other phrase's dictionary form, capitalised as the
    mention is ("Главы государства" -> "Глава государства")."""
    from annotator.domain.lemmas import noun_phrase_lemma, words

    tokens = words(text)
    if not tokens:
        return text.strip()
    if label in PERSON_TYPES:
        return " ".join(_person_word(t) for t in tokens)
    lemma = noun_phrase_lemma(text) or text.strip()
    if text.strip()[:1].isupper():
        lemma = lemma[:1].upper() + lemma[1:]
    return lemma
