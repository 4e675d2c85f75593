"""The annotation scheme: entity labels, claim types, relation types, attributes.

A scheme is data (JSON in ``resources/scheme/default.json``); each saved
version is stored so that every export can say which one it used.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from annotator.domain.limits import LABEL_LENGTH, NAME_LENGTH, name_problem, text_problem
from annotator.domain.model import CLAIM_NODE, Certainty
from annotator.i18n import _


class SchemeError(ValueError):
    """A scheme document that cannot be used, with the reason."""


ATTRIBUTE_TYPES = ("choice", "text", "boolean")


@dataclass(frozen=True, slots=True)
class AttributeDef:
    name: str
    type: str  # one of ATTRIBUTE_TYPES
    choices: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()  # entity labels it applies to; empty means all
    # Relation types it applies to. An attribute that names relation types is a relation's
    # attribute, and a span's only for the labels it names (empty labels then means none).
    relations: tuple[str, ...] = ()

    def applies_to_label(self, label: str) -> bool:
        """Whether a span (or claim) of ``label`` may carry it."""
        return label in self.labels or not (self.labels or self.relations)

    def applies_to_relation(self, relation_type: str) -> bool:
        return relation_type in self.relations

    def accepts(self, value: Any) -> bool:
        if self.type == "boolean":
            return isinstance(value, bool)
        if self.type == "choice":
            return value in self.choices
        return isinstance(value, str)


@dataclass(frozen=True, slots=True)
class EntityLabel:
    name: str
    hotkey: str
    color: str
    description: str = ""
    guideline: str = ""


@dataclass(frozen=True, slots=True)
class ClaimType:
    name: str
    hotkey: str
    description: str = ""


@dataclass(frozen=True, slots=True)
class RelationType:
    name: str
    heads: tuple[str, ...]  # entity labels, or CLAIM_NODE for any claim
    tails: tuple[str, ...]
    description: str = ""

    def allows(self, head_label: str, tail_label: str) -> bool:
        return head_label in self.heads and tail_label in self.tails


@dataclass(frozen=True, slots=True)
class Scheme:
    name: str
    entities: tuple[EntityLabel, ...]
    claim_types: tuple[ClaimType, ...]
    relations: tuple[RelationType, ...]
    attributes: tuple[AttributeDef, ...] = ()
    speaker_labels: tuple[str, ...] = ("PER", "ORG", "ROLE")
    # How the suggesting models' labels land on this scheme: (model label, scheme label or "" to drop);
    # a model label not named keeps its name (see domain/suggesters.py).
    suggestion_labels: tuple[tuple[str, str], ...] = ()
    version: int | None = field(default=None, compare=False)
    # Derived lookups, asked once per span on import.
    _entity_names: frozenset[str] = field(init=False, repr=False, compare=False)
    _claim_type_names: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_entity_names", frozenset(e.name for e in self.entities))
        object.__setattr__(self, "_claim_type_names", frozenset(c.name for c in self.claim_types))

    def entity(self, name: str) -> EntityLabel | None:
        return next((e for e in self.entities if e.name == name), None)

    def has_entity(self, name: str) -> bool:
        return name in self._entity_names

    def has_claim_type(self, name: str) -> bool:
        return name in self._claim_type_names

    def relation(self, name: str) -> RelationType | None:
        return next((r for r in self.relations if r.name == name), None)

    def attribute(self, name: str) -> AttributeDef | None:
        return next((a for a in self.attributes if a.name == name), None)

    # --- (de)serialisation: the JSON shape of resources/scheme/default.json ---
    @classmethod
    def from_dict(cls, data: dict[str, Any], version: int | None = None) -> Scheme:
        try:
            scheme = cls(
                name=str(data.get("name", "scheme")),
                entities=tuple(
                    EntityLabel(e["name"], str(e["hotkey"]), e["color"],
                                e.get("description", ""), e.get("guideline", ""))
                    for e in data["entities"]
                ),
                claim_types=tuple(
                    ClaimType(c["name"], str(c["hotkey"]), c.get("description", ""))
                    for c in data.get("claim_types", [])
                ),
                relations=tuple(
                    RelationType(r["name"], tuple(r["heads"]), tuple(r["tails"]),
                                 r.get("description", ""))
                    for r in data.get("relations", [])
                ),
                attributes=tuple(
                    AttributeDef(a["name"], a["type"], tuple(a.get("choices", ())),
                                 tuple(a.get("labels", ())), tuple(a.get("relations", ())))
                    for a in data.get("attributes", [])
                ),
                speaker_labels=tuple(data.get("speaker_labels", ("PER", "ORG", "ROLE"))),
                suggestion_labels=tuple((str(k), str(v)) for k, v in data.get("suggestion_labels", {}).items()),
                version=version,
            )
        except (KeyError, TypeError) as exc:
            raise SchemeError(_("scheme is missing or mistypes a field: {error}").format(error=exc)) from exc
        problems = validate_scheme(scheme)
        if problems:
            raise SchemeError("; ".join(problems))
        return scheme

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "entities": [
                {"name": e.name, "hotkey": e.hotkey, "color": e.color,
                 "description": e.description, "guideline": e.guideline}
                for e in self.entities
            ],
            "claim_types": [
                {"name": c.name, "hotkey": c.hotkey, "description": c.description}
                for c in self.claim_types
            ],
            "certainty": [c.value for c in Certainty],
            "relations": [
                {"name": r.name, "heads": list(r.heads), "tails": list(r.tails),
                 "description": r.description}
                for r in self.relations
            ],
            "attributes": [
                {"name": a.name, "type": a.type, "choices": list(a.choices), "labels": list(a.labels),
                 **({"relations": list(a.relations)} if a.relations else {})}
                for a in self.attributes
            ],
            "speaker_labels": list(self.speaker_labels),
            **({"suggestion_labels": dict(self.suggestion_labels)} if self.suggestion_labels else {}),
        }


def validate_scheme(scheme: Scheme) -> list[str]:
    """Problems that make a scheme unusable: duplicate names or hotkeys, dangling labels."""
    problems = _name_problems(scheme)
    if problems:
        return problems  # the checks below compare names; a broken one would only repeat itself
    names = [e.name for e in scheme.entities]
    for name in sorted({n for n in names if names.count(n) > 1}):
        problems.append(_("entity label {label!r} is defined twice").format(label=name))
    if CLAIM_NODE in names:
        problems.append(_("{name!r} is reserved for claims and cannot be an entity label").format(name=CLAIM_NODE))
    keys = [e.hotkey for e in scheme.entities] + [c.hotkey for c in scheme.claim_types]
    for key in sorted({k for k in keys if k and keys.count(k) > 1}):
        problems.append(_("hotkey {key!r} is used twice").format(key=key))
    known = set(names) | {CLAIM_NODE}
    for rel in scheme.relations:
        for label in (*rel.heads, *rel.tails):
            if label not in known:
                problems.append(_("relation {relation} names unknown label {label!r}").format(
                    relation=rel.name, label=label))
    for attr in scheme.attributes:
        if attr.type not in ATTRIBUTE_TYPES:
            problems.append(_("attribute {attribute} has unknown type {type!r}").format(
                attribute=attr.name, type=attr.type))
        if attr.type == "choice" and not attr.choices:
            problems.append(_("attribute {attribute} is a choice with no choices").format(attribute=attr.name))
        for label in attr.labels:
            if label not in names:
                problems.append(_("attribute {attribute} names unknown label {label!r}").format(
                    attribute=attr.name, label=label))
        for relation in attr.relations:
            if scheme.relation(relation) is None:
                problems.append(_("attribute {attribute} names unknown relation type {relation!r}").format(
                    attribute=attr.name, relation=relation))
    for label in scheme.speaker_labels:
        if label not in names:
            problems.append(_("speaker label {label!r} is not an entity label").format(label=label))
    return problems


def _name_problems(scheme: Scheme) -> list[str]:
    """Names that are not names (control characters, too long, empty), and free text with control characters."""
    named: list[tuple[Any, str, int]] = [(scheme.name, _("scheme name"), NAME_LENGTH)]
    named += [(e.name, _("entity label"), LABEL_LENGTH) for e in scheme.entities]
    named += [(c.name, _("claim type"), LABEL_LENGTH) for c in scheme.claim_types]
    named += [(r.name, _("relation type"), LABEL_LENGTH) for r in scheme.relations]
    named += [(a.name, _("attribute"), LABEL_LENGTH) for a in scheme.attributes]
    named += [(c, _("attribute choice"), LABEL_LENGTH) for a in scheme.attributes for c in a.choices]
    problems = [p for value, what, limit in named if (p := name_problem(value, what, limit))]
    texts = [e.description for e in scheme.entities] + [e.guideline for e in scheme.entities]
    texts += [c.description for c in scheme.claim_types] + [r.description for r in scheme.relations]
    for text in texts:
        if not isinstance(text, str):
            problems.append(_("a description must be a string, not {value!r}").format(value=text))
        elif (found := text_problem(text)) is not None:
            problems.append(_("description {text!r}: {problem}").format(text=text[:40], problem=found[1]))
    return problems
