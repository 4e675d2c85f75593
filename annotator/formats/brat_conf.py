"""brat's ``annotation.conf`` read as a proposal for our scheme (never put in force by reading it).

A brat collection names its labels in ``annotation.conf``: ``[entities]`` (one type a line,
nested by tabs, ``!`` for a grouping type that is not a label), ``[relations]`` (``NAME
Arg1:A|B, Arg2:C``), ``[events]`` (``NAME Role-Arg?:A|B, ...``) and ``[attributes]`` (``NAME
Arg:<ENTITY>, Value:A|B``), with macros (``<POG>=Person|Organization``) and the wildcards
``<ENTITY>``, ``<EVENT>`` and ``<ANY>``. Events come in as we read them (a trigger span and one
relation per argument, see ``brat.py``), so an event type is proposed as an entity label and each
role, without its number, as a relation type from the event types that have it.

The proposal is the scheme in force plus what the file names and the scheme lacks; the user sees it
(``annotator schema --from-brat``) and puts it in force, or not.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from pathlib import Path

from annotator.domain.limits import LABEL_LENGTH, name_problem
from annotator.domain.model import CLAIM_NODE
from annotator.domain.problems import Problem
from annotator.domain.scheme import AttributeDef, EntityLabel, RelationType, Scheme
from annotator.domain.scheme_edits import free_hotkey
from annotator.formats.interchange import read_text_file
from annotator.i18n import _

SECTIONS = ("entities", "relations", "events", "attributes")
MACRO = re.compile(r"(<[^>]+>)=(.*)")
ROLE_MARKS = re.compile(r"(\{[\d,-]+\}|[?*+])$")
ROLE_NUMBER = re.compile(r"\d+$")
# Colours for proposed labels (brat's visual.conf is not read): a fixed, distinguishable cycle.
PALETTE = ("#8dd3c7", "#ffffb3", "#bebada", "#fb8072", "#80b1d3", "#fdb462", "#b3de69", "#fccde5",
           "#d9d9d9", "#bc80bd", "#ccebc5", "#ffed6f")


@dataclass
class BratConf:
    """What an annotation.conf names, in its order."""

    entities: list[str] = field(default_factory=list)
    relations: list[tuple[str, list[str], list[str]]] = field(default_factory=list)  # name, heads, tails
    events: list[tuple[str, list[tuple[str, list[str]]]]] = field(default_factory=list)  # name, (role, types)
    attributes: list[tuple[str, list[str], list[str]]] = field(default_factory=list)  # name, targets, values
    problems: list[Problem] = field(default_factory=list)


def _types(spec: str, macros: dict[str, str]) -> list[str]:
    for name, value in macros.items():
        spec = spec.replace(name, value)
    return [t.strip() for t in spec.split("|") if t.strip()]


def _arguments(rest: str, macros: dict[str, str]) -> list[tuple[str, list[str]]]:
    """``Arg1:A|B, Arg2:C`` as (role, types); brat's options (``<REL-TYPE>:symmetric``) left out."""
    found = []
    for part in rest.split(","):
        role, sep, spec = part.strip().partition(":")
        if sep and not role.startswith("<"):
            found.append((ROLE_MARKS.sub("", role.strip()), _types(spec, macros)))
    return found


def parse_conf(text: str, source: str) -> BratConf:
    conf = BratConf()
    macros: dict[str, str] = {}
    section = None
    for number, raw in enumerate(text.splitlines(), start=1):
        stripped = raw.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if stripped.startswith("[") and stripped.endswith("]"):
            section = stripped[1:-1].strip()
            if section not in SECTIONS:
                section = None  # another tool's section: not ours to read
            continue
        if (macro := MACRO.fullmatch(stripped)) is not None:
            macros[macro.group(1)] = macro.group(2).strip()
            continue
        if section is None:
            continue
        name, _sep, rest = stripped.replace("\t", " ", 1).partition(" ")
        if name.startswith(("!", "<")):
            continue  # a grouping type, not a label; brat's own settings (<OVERLAP>)
        if (problem := name_problem(name, _("label"), LABEL_LENGTH)) is not None:
            conf.problems.append(Problem(source, number, problem))
            continue
        if section == "entities":
            conf.entities.append(name)
        elif section == "relations":
            arguments = _arguments(rest, macros)
            if len(arguments) != 2:
                conf.problems.append(Problem(source, number, _(
                    "relation {name}: needs two arguments (Arg1 and Arg2)").format(name=name)))
                continue
            conf.relations.append((name, arguments[0][1], arguments[1][1]))
        elif section == "events":
            conf.events.append((name, _arguments(rest, macros)))
        else:
            arguments = dict(_arguments(rest, macros))
            conf.attributes.append((name, arguments.get("Arg", ["<ANY>"]), arguments.get("Value", [])))
    return conf


def read_conf(path: Path) -> BratConf:
    text = read_text_file(path)
    if isinstance(text, Problem):
        return BratConf(problems=[text])
    return parse_conf(text, str(path))


@dataclass(frozen=True, slots=True)
class Proposal:
    """The scheme in force with what a brat configuration adds, and the names of the additions."""

    scheme: Scheme
    labels: tuple[str, ...]
    relations: tuple[str, ...]
    widened: tuple[str, ...]  # relation types of ours that now allow the file's heads and tails too
    attributes: tuple[str, ...]
    left: tuple[str, ...]  # what the configuration holds that a scheme of ours cannot (said, not dropped silently)

    @property
    def empty(self) -> bool:
        return not (self.labels or self.relations or self.widened or self.attributes)


def propose(conf: BratConf, scheme: Scheme) -> Proposal:
    """The scheme with the configuration's entity and event types as labels, its relations and event
    roles as relation types, and its attributes of entities or events; what it already has is kept as is."""
    event_types = [name for name, _roles in conf.events]
    all_types = list(dict.fromkeys([*conf.entities, *event_types]))
    left: list[str] = []

    def expand(types: list[str]) -> list[str]:
        out: list[str] = []
        for t in types:
            if t in ("<ENTITY>", "<ANY>"):
                out += conf.entities if t == "<ENTITY>" else all_types
            elif t == "<EVENT>":
                out += event_types
            elif t.startswith("<"):
                continue
            else:
                out.append(t)
        return list(dict.fromkeys(out))

    new_labels = [name for name in all_types if scheme.entity(name) is None and name != CLAIM_NODE]
    entities = list(scheme.entities)
    proposed = scheme
    for n, name in enumerate(new_labels):
        entities.append(EntityLabel(name, free_hotkey(proposed), PALETTE[n % len(PALETTE)]))
        proposed = dataclasses.replace(proposed, entities=tuple(entities))
    known = {e.name for e in entities}

    relations: dict[str, tuple[list[str], list[str]]] = {}
    for name, heads, tails in conf.relations:
        relations[name] = (expand(heads), expand(tails))
    for event, roles in conf.events:
        for role, types in roles:
            heads, tails = relations.setdefault(ROLE_NUMBER.sub("", role), ([], []))
            heads += [event] if event not in heads else []
            tails += [t for t in expand(types) if t not in tails]
    new_relations: list[RelationType] = []
    kept = {r.name: r for r in scheme.relations}
    widened: list[str] = []
    for name, (heads, tails) in relations.items():
        heads, tails = [h for h in heads if h in known], [t for t in tails if t in known]
        if (ours := kept.get(name)) is not None:  # ours stays, allowing the file's ends too
            more_heads = [h for h in heads if h not in ours.heads]
            more_tails = [t for t in tails if t not in ours.tails]
            if more_heads or more_tails:
                kept[name] = dataclasses.replace(ours, heads=(*ours.heads, *more_heads),
                                                 tails=(*ours.tails, *more_tails))
                widened.append(name)
            continue
        if not heads or not tails:
            left.append(name)
            continue
        new_relations.append(RelationType(name, tuple(heads), tuple(tails)))

    new_attributes = []
    relation_names = [*kept, *(r.name for r in new_relations)]
    for name, targets, values in conf.attributes:
        if scheme.attribute(name) is not None:
            continue
        labels = expand(targets)
        on_relations = relation_names if "<RELATION>" in targets else [t for t in targets if t in relation_names]
        if not labels and not on_relations:  # on nothing a scheme of ours has
            left.append(name)
            continue
        kind, choices = ("choice", tuple(values)) if values else ("boolean", ())
        if on_relations:  # a relation's attribute: a span's only for the labels it names
            applies = tuple(label for label in labels if label in known)
        else:
            applies = () if set(labels) >= set(known) else tuple(label for label in labels if label in known)
        new_attributes.append(AttributeDef(name, kind, choices, applies, tuple(dict.fromkeys(on_relations))))

    result = dataclasses.replace(proposed, relations=(*kept.values(), *new_relations),
                                 attributes=(*scheme.attributes, *new_attributes))
    return Proposal(Scheme.from_dict(result.to_dict()), tuple(new_labels), tuple(r.name for r in new_relations),
                    tuple(widened), tuple(a.name for a in new_attributes), tuple(left))
