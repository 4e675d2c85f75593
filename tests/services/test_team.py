"""Users and roles, write permissions, assignments and progress, curation into gold."""

from __future__ import annotations

import pytest

from annotator.domain.model import GOLD, Role, SetStatus
from annotator.services import annotating, assignments, claims, curation, documents, history, users
from annotator.services.errors import ServiceError
from annotator.services.permissions import NotAllowed
from tests.conftest import snapshot

DOC = "000_598509fc61278558"


@pytest.fixture
def ws(sample_workspace):
    users.add_user(sample_workspace, "cora", Role.CURATOR)
    for name in ("anna", "boris", "vera"):
        users.add_user(sample_workspace, name, Role.ANNOTATOR, user="cora")
    return sample_workspace


def at(ws, needle, doc=DOC):
    text = documents.document(ws, doc).text
    start = text.index(needle)
    return start, start + len(needle)


def label(ws, owner, needle, tag, doc=DOC):
    return annotating.add_span(ws, doc, *at(ws, needle, doc), tag, owner=owner).result


def gold(ws, doc=DOC):
    (aset,) = documents.annotation_sets(ws, doc, GOLD)
    return aset


def test_users_are_listed_with_roles_and_roles_can_change(ws):
    assert ("cora", Role.CURATOR) in users.list_users(ws)
    assert users.add_user(ws, "anna", Role.CURATOR, user="cora") is False
    assert dict(users.list_users(ws))["anna"] == Role.CURATOR
    with pytest.raises(ServiceError, match="reserved"):
        users.add_user(ws, "gold", Role.CURATOR)


def test_an_annotator_writing_gold_is_refused_and_nothing_changes(ws):
    label(ws, "anna", "Касым-Жомарт Токаев", "PER")
    label(ws, "boris", "Касым-Жомарт Токаев", "PER")
    before = snapshot(ws)
    with pytest.raises(NotAllowed, match="'anna' is not a curator: only curators write gold"):
        annotating.add_span(ws, DOC, 0, 5, "PER", owner=GOLD, user="anna")
    with pytest.raises(NotAllowed, match="only curators write gold"):
        curation.accept_agreed(ws, DOC, user="anna")
    with pytest.raises(NotAllowed, match="only curators write gold"):
        curation.take(ws, DOC, "anna", user="boris")
    assert snapshot(ws) == before


def test_an_annotator_cannot_touch_another_annotators_set(ws):
    span = label(ws, "boris", "Касым-Жомарт Токаев", "PER")
    before = snapshot(ws)
    with pytest.raises(NotAllowed, match="'anna' cannot change 'boris''s set"):
        annotating.remove_span(ws, span, owner="boris", user="anna")
    with pytest.raises(NotAllowed):
        history.undo(ws, owner="boris", user="anna")
    assert snapshot(ws) == before
    annotating.remove_span(ws, span, owner="boris", user="cora")  # a curator may


def test_accept_agreed_copies_what_all_agree_on(ws):
    for owner in ("anna", "boris", "vera"):
        per = label(ws, owner, "Касым-Жомарт Токаев", "PER")
        claims.add_claim(ws, DOC, *at(ws, "существенные успехи"), "OPINION", owner=owner, speaker=per)
    label(ws, "anna", "регионального взаимодействия", "EVENT")  # only anna
    label(ws, "anna", "экономической базы", "ORG")  # a different label each
    label(ws, "boris", "экономической базы", "DOC")
    label(ws, "vera", "экономической базы", "DOC")
    changes = curation.accept_agreed(ws, DOC, user="cora")
    assert changes.result == 3 and changes.label.startswith("Accept 3 agreed")
    g = gold(ws)
    assert [(s.label, s.start) for s in g.spans] == [("PER", 0)]
    (claim,) = g.claims
    assert claim.type == "OPINION" and claim.speaker == g.spans[0].id
    assert [(r.label, r.head, r.tail) for r in g.relations] == [("SAYS", g.spans[0].id, claim.id)]
    with pytest.raises(ServiceError, match="already holds everything"):
        curation.accept_agreed(ws, DOC, user="cora")
    history.undo(ws, owner=GOLD, user="cora")
    assert documents.annotation_sets(ws, DOC, GOLD) == []  # the gold set came with that action


def test_accept_agreed_needs_two_annotators(ws):
    label(ws, "anna", "Касым-Жомарт Токаев", "PER")
    with pytest.raises(ServiceError, match="needs two or more"):
        curation.accept_agreed(ws, DOC, user="cora")


def test_take_replaces_gold_with_one_annotators_set_and_undo_restores(ws):
    label(ws, "anna", "Касым-Жомарт Токаев", "PER")
    label(ws, "boris", "экономической базы", "ORG")
    label(ws, "boris", "регионального взаимодействия", "EVENT")
    curation.take(ws, DOC, "anna", user="cora")
    assert [s.label for s in gold(ws).spans] == ["PER"]
    curation.take(ws, DOC, "boris", user="cora")
    assert sorted(s.label for s in gold(ws).spans) == ["EVENT", "ORG"]
    history.undo(ws, owner=GOLD, user="cora")
    assert [s.label for s in gold(ws).spans] == ["PER"]
    with pytest.raises(ServiceError, match="'vera' has no set"):
        curation.take(ws, DOC, "vera", user="cora")


def test_gold_status_becomes_curated_when_the_curator_says_so(ws):
    label(ws, "anna", "Касым-Жомарт Токаев", "PER")
    curation.take(ws, DOC, "anna", user="cora")
    assert gold(ws).status == SetStatus.IN_PROGRESS
    annotating.set_status(ws, DOC, SetStatus.CURATED, owner=GOLD, user="cora")
    assert gold(ws).status == SetStatus.CURATED


def test_assignments_are_balanced_and_progress_counts_done(ws):
    made = assignments.assign(ws, ["anna", "boris", "vera"], 2)
    assert made == 10  # 5 documents x 2
    table = {p.annotator: p for p in assignments.progress(ws)}
    loads = sorted(p.assigned for p in table.values())
    assert sum(loads) == 10 and loads[-1] - loads[0] <= 1
    assert assignments.assign(ws, ["anna", "boris", "vera"], 2) == 0  # nothing left to assign
    queue = documents.page(ws, documents.DocumentQuery(assigned_to="anna"))
    assert len(queue) == table["anna"].assigned
    first = queue[0].id
    annotating.set_status(ws, first, SetStatus.DONE, owner="anna")
    after = {p.annotator: p for p in assignments.progress(ws)}["anna"]
    assert (after.done, after.remaining) == (1, table["anna"].assigned - 1)


def test_assign_checks_its_arguments(ws):
    with pytest.raises(ServiceError, match="between 1 and"):
        assignments.assign(ws, ["anna", "boris"], 3)
    with pytest.raises(ServiceError, match="no such document"):
        assignments.assign(ws, ["anna"], 1, ["nope"])
    with pytest.raises(ServiceError, match="reserved"):
        assignments.assign(ws, ["gold"], 1)


def test_import_for_another_owner_needs_a_curator(ws, tmp_path):
    import orjson

    line = {"id": "t1", "text": "Касым-Жомарт Токаев прибыл в Ташкент.", "annotator": "boris",
            "entities": [{"id": "T1", "start": 29, "end": 36, "label": "GPE", "text": "Ташкент"}]}
    path = tmp_path / "boris.jsonl"
    path.write_bytes(orjson.dumps(line) + b"\n")
    from annotator.services.importing import import_files

    refused = import_files(ws, [path], user="anna")
    assert not refused.committed and "'anna' cannot change 'boris''s set" in str(refused.problems[0])
    assert import_files(ws, [path], user="cora").committed
    assert import_files(ws, [path]).committed  # boris's own file, by default imported as boris


@pytest.mark.sqlite_only  # on a server the session's login decides: tests/storage/test_server_roles.py
def test_on_a_file_only_a_curator_adds_users_once_the_team_has_one(workspace):
    assert users.add_user(workspace, "anna", Role.ANNOTATOR) is True  # no curator yet: anyone
    assert users.add_user(workspace, "cora", Role.CURATOR, user="anna") is True  # the first curator
    for who in (None, "anna", "nobody"):
        with pytest.raises(NotAllowed, match="only a curator adds users or changes roles"):
            users.add_user(workspace, "anna", Role.CURATOR, user=who)  # anna cannot promote herself
    assert dict(users.list_users(workspace))["anna"] == Role.ANNOTATOR
    assert users.add_user(workspace, "boris", Role.ANNOTATOR, user="cora") is True
