"""Whether a scheme fits the annotations in the store: checked before a scheme is put in force.

A new scheme version (an edit, an imported file, an undo of either) must still
name every entity label, claim type and relation type that some set uses, and
allow the attribute values spans and relations carry; otherwise exports stop re-importing.
"""

from __future__ import annotations

from annotator.domain.scheme import Scheme
from annotator.domain.validation import check_attributes, relation_name, span_name
from annotator.i18n import ngettext
from annotator.storage.repository import Repository


def scheme_problems(repo: Repository, scheme: Scheme) -> list[str]:
    """Labels, claim types, relation types and attribute values in use that ``scheme`` does not allow."""
    problems = []
    for label, owners in sorted(repo.label_usage().items()):
        if not scheme.has_entity(label):
            by = ", ".join(f"{owner} {count}" for owner, count in sorted(owners.items()))
            count = sum(owners.values())
            problems.append(ngettext("label {label} is used by {count} spans ({by}); "
                                     "delete it or merge it into another label first",
                                     "label {label} is used by {count} spans ({by}); "
                                     "delete it or merge it into another label first",
                                     count).format(label=label, count=count, by=by))
            continue
        bad = sum(1 for span_id, attributes in repo.entity_spans_with_attributes(label)
                  if check_attributes(attributes, label, scheme, span_name(span_id)))
        if bad:
            problems.append(ngettext("{count} {label} spans carry attribute values the new scheme does not allow",
                                     "{count} {label} spans carry attribute values the new scheme does not allow",
                                     bad).format(count=bad, label=label))
    claim_types, relation_labels = repo.type_usage()
    for claim_type, count in sorted(claim_types.items()):
        if not scheme.has_claim_type(claim_type):
            problems.append(ngettext("claim type {type} is used by {count} claims",
                                     "claim type {type} is used by {count} claims", count).format(
                type=claim_type, count=count))
    for relation, count in sorted(relation_labels.items()):
        if scheme.relation(relation) is None:
            problems.append(ngettext("relation type {type} is used by {count} relations",
                                     "relation type {type} is used by {count} relations", count).format(
                type=relation, count=count))
    bad_relations: dict[str, int] = {}
    for relation_id, relation, attributes in repo.relations_with_attributes():
        if scheme.relation(relation) is not None and check_attributes(
                attributes, relation, scheme, relation_name(relation_id), relation=True):
            bad_relations[relation] = bad_relations.get(relation, 0) + 1
    for relation, count in sorted(bad_relations.items()):
        problems.append(ngettext("{count} {type} relations carry attribute values the new scheme does not allow",
                                 "{count} {type} relations carry attribute values the new scheme does not allow",
                                 count).format(count=count, type=relation))
    return problems
