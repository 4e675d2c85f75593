"""Edits of a scheme, as pure functions from one :class:`Scheme` to the next.

The scheme editor and the command line build a new scheme with these and the
scheme service saves it as a new version, together with whatever the edit does
to the spans that use a label (a rename relabels them, a merge moves them, a
delete removes them). Entity labels are named in four places (the label list,
relation heads and tails, attribute labels, speaker labels); every edit here
keeps all four in step, so that the result always passes ``validate_scheme``.
Claim types are named in the claim type list only (relations name claims as
``CLAIM``, whatever their type); their edits are the ``*_claim_type`` functions.
"""

from __future__ import annotations

import dataclasses

from annotator.domain.scheme import AttributeDef, ClaimType, EntityLabel, Scheme, SchemeError, validate_scheme
from annotator.i18n import _

# Keys a label or claim type may not take: the window binds them without a modifier
# already (gui/keys.py: the claim keys, I for entity links; a test checks the two lists agree).
# G adds a fragment to a span (gui/session/fragment_keys.py); Y, X, J: suggestions and repeats.
RESERVED_HOTKEYS = frozenset({" ", "C", "W", "A", "M", "U", "H", "K", "N", "L", "Y", "X", "J", "G", "I"})


def reserved_key_problem(key: str) -> str:
    """Why a reserved key cannot be a hotkey: what the window does with it."""
    if key == "G":
        return _("{key} is the window's own key for adding a fragment to a span").format(key=key)
    if key in ("Y", "X"):
        return _("{key} is the window's own key for answering suggestions").format(key=key)
    if key == "J":
        return _("{key} is the window's own key for going to a repeated passage's copy").format(key=key)
    if key == "I":
        return _("{key} is the window's own key for linking a mention to an entity").format(key=key)
    return _("{key} is the window's own key for claims and relations").format(key=key)


def _checked(scheme: Scheme) -> Scheme:
    problems = validate_scheme(scheme)
    if problems:
        raise SchemeError("; ".join(problems))
    return dataclasses.replace(scheme, version=None)


def _require(scheme: Scheme, name: str) -> EntityLabel:
    label = scheme.entity(name)
    if label is None:
        raise SchemeError(_("no entity label {label!r} in the scheme").format(label=name))
    return label


def _rename_in(names: tuple[str, ...], old: str, new: str) -> tuple[str, ...]:
    out: list[str] = []
    for name in names:
        name = new if name == old else name
        if name not in out:  # a merge can make two entries one
            out.append(name)
    return tuple(out)


def hotkey_problem(scheme: Scheme, label: str | None, key: str, *, claim_type: str | None = None) -> str | None:
    """Why ``key`` cannot be the hotkey of entity label ``label`` (None for a new label), or None if it can.

    With ``claim_type`` (and ``label`` None), the same for that claim type: its own key is
    allowed, every entity label's key clashes.
    """
    if len(key) != 1:
        return _("a hotkey is one character")
    if not key.isprintable() or key == " ":
        return _("{key!r} cannot be a hotkey").format(key=key)
    if key.upper() in RESERVED_HOTKEYS:
        return reserved_key_problem(key.upper())
    for entity in scheme.entities:
        if entity.name != label and entity.hotkey.upper() == key.upper():
            return _("{key} is already the hotkey of {label}").format(key=key.upper(), label=entity.name)
    for other in scheme.claim_types:
        if other.name != claim_type and other.hotkey.upper() == key.upper():
            return _("{key} is already the hotkey of claim type {type}").format(key=key.upper(), type=other.name)
    return None


def name_problem(name: str) -> str | None:
    """Why ``name`` cannot name a label (brat and CoNLL files cannot hold spaces in one)."""
    if not name:
        return _("a label needs a name")
    if any(c.isspace() for c in name):
        return _("a label name cannot contain spaces")
    return None


def free_hotkey(scheme: Scheme) -> str:
    """A hotkey no label or claim type uses yet: a digit, else a letter; "" when none is left."""
    for key in "1234567890ABCDGHIJKLMNQTUVWXYZ":
        if hotkey_problem(scheme, None, key) is None:
            return key
    return ""


def add_label(scheme: Scheme, label: EntityLabel) -> Scheme:
    if scheme.entity(label.name) is not None:
        raise SchemeError(_("entity label {label!r} already exists").format(label=label.name))
    if name_problem(label.name):
        raise SchemeError(name_problem(label.name))
    problem = hotkey_problem(scheme, None, label.hotkey) if label.hotkey else None
    if problem:
        raise SchemeError(problem)
    return _checked(dataclasses.replace(scheme, entities=(*scheme.entities, label)))


def change_label(scheme: Scheme, name: str, **fields: str) -> Scheme:
    """Change a label's hotkey, colour, description or guideline (not its name: see rename)."""
    if "name" in fields:
        raise SchemeError(_("use rename_label to rename a label"))
    old = _require(scheme, name)
    if "hotkey" in fields:
        problem = hotkey_problem(scheme, name, fields["hotkey"])
        if problem:
            raise SchemeError(problem)
    new = dataclasses.replace(old, **fields)
    return _checked(dataclasses.replace(
        scheme, entities=tuple(new if e.name == name else e for e in scheme.entities)))


def rename_label(scheme: Scheme, old: str, new: str) -> Scheme:
    _require(scheme, old)
    if scheme.entity(new) is not None:
        raise SchemeError(_("entity label {label!r} already exists").format(label=new))
    problem = name_problem(new)
    if problem:
        raise SchemeError(problem)
    return _merge_names(scheme, old, new, entities=tuple(
        dataclasses.replace(e, name=new) if e.name == old else e for e in scheme.entities))


def merge_label(scheme: Scheme, source: str, target: str) -> Scheme:
    """``source`` folds into ``target``: the target may now do whatever the source could
    (head or tail of the same relations, the same attributes, speaker), so no span or
    relation that was valid becomes invalid."""
    _require(scheme, source)
    _require(scheme, target)
    if source == target:
        raise SchemeError(_("a label cannot be merged into itself"))
    return _merge_names(scheme, source, target,
                        entities=tuple(e for e in scheme.entities if e.name != source))


def _merge_names(scheme: Scheme, old: str, new: str, *, entities: tuple[EntityLabel, ...]) -> Scheme:
    return _checked(dataclasses.replace(
        scheme,
        entities=entities,
        relations=tuple(dataclasses.replace(r, heads=_rename_in(r.heads, old, new),
                                            tails=_rename_in(r.tails, old, new))
                        for r in scheme.relations),
        attributes=tuple(dataclasses.replace(a, labels=_rename_in(a.labels, old, new))
                         for a in scheme.attributes),
        speaker_labels=_rename_in(scheme.speaker_labels, old, new),
    ))


def remove_label(scheme: Scheme, name: str) -> Scheme:
    """The scheme without ``name``. A relation type left with no head or no tail label goes,
    and so does an attribute that applied to this label only (an empty list means "all")."""
    _require(scheme, name)
    if len(scheme.entities) == 1:
        raise SchemeError(_("a scheme needs at least one entity label"))
    relations = []
    for r in scheme.relations:
        r = dataclasses.replace(r, heads=tuple(x for x in r.heads if x != name),
                                tails=tuple(x for x in r.tails if x != name))
        if r.heads and r.tails:
            relations.append(r)
    kept = {r.name for r in relations}
    attributes = []
    for a in scheme.attributes:
        if name in a.labels or any(r not in kept for r in a.relations):
            a = dataclasses.replace(a, labels=tuple(x for x in a.labels if x != name),
                                    relations=tuple(r for r in a.relations if r in kept))
            if not a.labels and not a.relations:
                continue
        attributes.append(a)
    return _checked(dataclasses.replace(
        scheme,
        entities=tuple(e for e in scheme.entities if e.name != name),
        relations=tuple(relations),
        attributes=tuple(attributes),
        speaker_labels=tuple(x for x in scheme.speaker_labels if x != name),
    ))


def attributes_of(scheme: Scheme, label: str) -> tuple[AttributeDef, ...]:
    """The attributes a span of ``label`` may carry."""
    return tuple(a for a in scheme.attributes if a.applies_to_label(label))


def relation_attributes_of(scheme: Scheme, relation_type: str) -> tuple[AttributeDef, ...]:
    """The attributes a relation of ``relation_type`` may carry."""
    return tuple(a for a in scheme.attributes if a.applies_to_relation(relation_type))


def add_attribute(scheme: Scheme, label: str, attribute: AttributeDef) -> Scheme:
    """Let ``label`` carry ``attribute``. An attribute of that name already defined must
    have the same type and choices; it then applies to ``label`` too."""
    _require(scheme, label)
    existing = scheme.attribute(attribute.name)
    if existing is None:
        if not attribute.name.strip():
            raise SchemeError(_("an attribute needs a name"))
        new = dataclasses.replace(attribute, labels=(label,))
        return _checked(dataclasses.replace(scheme, attributes=(*scheme.attributes, new)))
    if (existing.type, existing.choices) != (attribute.type, attribute.choices):
        if existing.choices:
            raise SchemeError(_("attribute {attribute!r} already exists as a {type} of {choices}").format(
                attribute=attribute.name, type=existing.type, choices=", ".join(existing.choices)))
        raise SchemeError(_("attribute {attribute!r} already exists as a {type}").format(
            attribute=attribute.name, type=existing.type))
    if existing.applies_to_label(label):
        raise SchemeError(_("{label} already has attribute {attribute!r}").format(
            label=label, attribute=attribute.name))
    new = dataclasses.replace(existing, labels=(*existing.labels, label))
    return _checked(dataclasses.replace(
        scheme, attributes=tuple(new if a.name == attribute.name else a for a in scheme.attributes)))


def remove_attribute(scheme: Scheme, label: str, name: str) -> Scheme:
    """``label`` no longer carries attribute ``name``; the attribute goes when no label has it."""
    _require(scheme, label)
    existing = scheme.attribute(name)
    if existing is None or not existing.applies_to_label(label):
        raise SchemeError(_("{label} has no attribute {attribute!r}").format(label=label, attribute=name))
    holders = existing.labels or tuple(e.name for e in scheme.entities)
    rest = tuple(x for x in holders if x != label)
    attributes = tuple(
        (dataclasses.replace(a, labels=rest) if a.name == name else a)
        for a in scheme.attributes if a.name != name or rest or a.relations  # still a relation's
    )
    return _checked(dataclasses.replace(scheme, attributes=attributes))


# ------------------------------------------------------------------ claim types
CLAIM_TYPE_FIELDS = ("hotkey", "description")  # what change_claim_type changes


def _require_claim_type(scheme: Scheme, name: str) -> ClaimType:
    found = next((c for c in scheme.claim_types if c.name == name), None)
    if found is None:
        raise SchemeError(_("no claim type {type!r} in the scheme").format(type=name))
    return found


def add_claim_type(scheme: Scheme, claim_type: ClaimType) -> Scheme:
    if scheme.has_claim_type(claim_type.name):
        raise SchemeError(_("claim type {type!r} already exists").format(type=claim_type.name))
    problem = name_problem(claim_type.name)
    if problem is None and claim_type.hotkey:
        problem = hotkey_problem(scheme, None, claim_type.hotkey, claim_type=claim_type.name)
    if problem:
        raise SchemeError(problem)
    return _checked(dataclasses.replace(scheme, claim_types=(*scheme.claim_types, claim_type)))


def change_claim_type(scheme: Scheme, name: str, /, **fields: str) -> Scheme:
    """Change a claim type's hotkey or description (not its name: see rename_claim_type)."""
    if "name" in fields:
        raise SchemeError(_("use rename_claim_type to rename a claim type"))
    unknown = sorted(set(fields) - set(CLAIM_TYPE_FIELDS))
    if unknown:
        raise SchemeError(_("a claim type has no field {field!r}").format(field=unknown[0]))
    old = _require_claim_type(scheme, name)
    if "hotkey" in fields:
        problem = hotkey_problem(scheme, None, fields["hotkey"], claim_type=name)
        if problem:
            raise SchemeError(problem)
    new = dataclasses.replace(old, **fields)
    return _checked(dataclasses.replace(
        scheme, claim_types=tuple(new if c.name == name else c for c in scheme.claim_types)))


def rename_claim_type(scheme: Scheme, old: str, new: str) -> Scheme:
    _require_claim_type(scheme, old)
    if scheme.has_claim_type(new):
        raise SchemeError(_("claim type {type!r} already exists").format(type=new))
    problem = name_problem(new)
    if problem:
        raise SchemeError(problem)
    return _checked(dataclasses.replace(scheme, claim_types=tuple(
        dataclasses.replace(c, name=new) if c.name == old else c for c in scheme.claim_types)))


def remove_claim_type(scheme: Scheme, name: str) -> Scheme:
    """The scheme without claim type ``name``; the last one stays (a claim needs a type)."""
    _require_claim_type(scheme, name)
    if len(scheme.claim_types) == 1:
        raise SchemeError(_("a scheme needs at least one claim type"))
    return _checked(dataclasses.replace(scheme, claim_types=tuple(c for c in scheme.claim_types if c.name != name)))
