"""Several processes writing one database at once: nothing lost, nothing applied twice.

Each scenario starts four processes (spawned: each opens the database itself,
as four desktops or command lines would) that wait at a barrier and then make
a hundred random actions each: add a span (often one another process adds at
the same moment), undo, redo. Afterwards the store is checked action by action:

- every action a process was told was saved is in the log, and the log holds
  nothing else;
- replaying the log in order, every undo took back the top of its owner's undo
  stack at that moment and every redo the top of the redo stack (an action
  undone twice, or a redo of something not undone, fails here);
- the spans in each set are exactly what the logged row operations leave, and
  no set holds a span twice;
- no undo was refused as stale (nothing changed under it);
- and undo and redo still work: undoing everything empties the sets, redoing
  everything brings back exactly what was there.

Run on SQLite and PostgreSQL (``[sqlite]`` / ``[postgresql]``).
"""

from __future__ import annotations

import multiprocessing
import random
import traceback

import pytest

from annotator.domain.model import GOLD, Role
from annotator.domain.undo_stacks import SKIP
from annotator.services import annotating, documents, history, users
from annotator.services.errors import ServiceError
from annotator.services.workspace import Workspace

DOC = "000_598509fc61278558"
WORKERS = 4
STEPS = 100


def _places(text: str, count: int = 24) -> list[tuple[int, int]]:
    """Word extents early in the text: few enough that processes often add the same span at once."""
    places, start = [], None
    for i, ch in enumerate(text):
        if ch.isalpha() and start is None:
            start = i
        elif not ch.isalpha() and start is not None:
            places.append((start, i))
            start = None
            if len(places) == count:
                break
    return places


def _worker(target: str, owner: str, user: str, document_scoped: bool, seed: int, barrier, results) -> None:
    done: list[tuple[str, int | None]] = []
    try:
        with Workspace.open(target) as ws:
            places = _places(documents.document(ws, DOC).text)
            scope = {"document_id": DOC} if document_scoped else {}
            rng = random.Random(seed)
            barrier.wait(timeout=120)
            for _step in range(STEPS):
                roll = rng.random()
                try:
                    if roll < 0.5:
                        start, end = rng.choice(places)
                        changes = annotating.add_span(ws, DOC, start, end, "PER", owner=owner, user=user)
                        done.append(("add_span", changes.action_id))
                    elif roll < 0.8:
                        changes = history.undo(ws, owner=owner, user=user, **scope)
                        done.append(("undo", changes.action_id if changes else None))
                    else:
                        changes = history.redo(ws, owner=owner, user=user, **scope)
                        done.append(("redo", changes.action_id if changes else None))
                except ServiceError as exc:
                    if "already has a PER span" not in str(exc):  # the one refusal a race may bring
                        raise
                    done.append(("refused", None))
        results.put((seed, done, None))
    except BaseException:  # noqa: BLE001 - the parent reports it
        results.put((seed, done, traceback.format_exc()))


def _run(target: str, workers: list[tuple[str, str, bool]]) -> list[tuple[str, int | None]]:
    context = multiprocessing.get_context("spawn")  # a fresh interpreter: no connection shared by fork
    barrier = context.Barrier(len(workers))
    results = context.Queue()
    processes = [context.Process(target=_worker, args=(target, owner, user, scoped, seed, barrier, results))
                 for seed, (owner, user, scoped) in enumerate(workers)]
    for process in processes:
        process.start()
    outcomes = [results.get(timeout=300) for _ in processes]
    for process in processes:
        process.join(timeout=60)
    failures = [error for _seed, _done, error in outcomes if error]
    assert not failures, "\n".join(failures)
    return [step for _seed, done, _error in outcomes for step in done]


def _log(ws: Workspace) -> list:
    return sorted(history.log(ws, limit=1_000_000), key=lambda a: a.id)


def _forward(ws: Workspace, action_id: int) -> list:
    from sqlalchemy import select  # the test reads the stored operations; the package reads them in storage

    from annotator.storage.repository import ACTIONS

    with ws.store.read() as repo:
        return repo.connection.execute(select(ACTIONS.c.forward).where(ACTIONS.c.id == action_id)).scalar_one()


def _check(ws: Workspace, steps: list[tuple[str, int | None]], owners: set[str]) -> None:
    log = [a for a in _log(ws) if a.owner in owners]
    by_id = {a.id: a for a in log}
    saved = [(kind, action_id) for kind, action_id in steps if action_id is not None]
    # nothing lost: every action a process was told about is logged, as that kind
    for kind, action_id in saved:
        assert action_id in by_id and by_id[action_id].kind == kind, (kind, action_id)
    # nothing extra, nothing twice: the log holds exactly those actions
    assert sorted(a for _k, a in saved) == sorted(by_id), "the log holds actions no process made"
    assert not [a for a in log if a.kind == SKIP], "an undo was refused as stale"
    # every undo took back the top of its owner's stack, every redo the top of the redo stack
    stacks: dict[str, tuple[list[int], list[int]]] = {}
    present: dict[int, tuple] = {}
    for action in log:
        undo_stack, redo_stack = stacks.setdefault(action.owner, ([], []))
        if action.undoes is not None:
            assert undo_stack and undo_stack[-1] == action.undoes, f"undo {action.id} is not of the last action"
            redo_stack.append(undo_stack.pop())
        elif action.redoes is not None:
            assert redo_stack and redo_stack[-1] == action.redoes, f"redo {action.id} is not of the last undo"
            redo_stack.pop()
            undo_stack.append(action.id)  # the redo is what a later undo takes back
        else:
            undo_stack.append(action.id)
            redo_stack.clear()
        for op in _forward(ws, action.id):
            if op.get("table") != "spans":
                continue
            if op["op"] == "insert":
                for row in op["rows"]:
                    assert row["id"] not in present, f"span {row['id']} inserted twice"
                    present[row["id"]] = (row["set_id"], row["start"], row["end"], row["label"])
            elif op["op"] == "delete":
                for span_id in op["ids"]:
                    assert present.pop(span_id, None) is not None, f"span {span_id} deleted while absent"
    stored = {(s.id, a.id, s.start, s.end, s.label) for owner in owners
              for a in documents.annotation_sets(ws, DOC, owner) for s in a.spans}
    assert stored == {(i, *place) for i, place in present.items()}
    places = [place for place in present.values()]
    assert len(places) == len(set(places)), "a set holds a span twice"


def _undo_and_redo_everything(ws: Workspace, owner: str, user: str, scope: dict) -> None:
    def spans() -> set:
        return {(s.start, s.end, s.label) for a in documents.annotation_sets(ws, DOC, owner) for s in a.spans}

    before = spans()
    undone = 0
    while history.undo(ws, owner=owner, user=user, **scope) is not None:
        undone += 1
    assert spans() == set()
    for _ in range(undone):  # the redo stack may hold more: actions undone before these
        assert history.redo(ws, owner=owner, user=user, **scope) is not None
    assert spans() == before


@pytest.fixture
def team(sample_workspace):
    users.add_user(sample_workspace, "cora", Role.CURATOR)
    users.add_user(sample_workspace, "dora", Role.CURATOR, user="cora")
    return sample_workspace


def test_four_processes_acting_for_one_annotator(team, db_target):
    steps = _run(db_target, [("anna", "anna", False)] * WORKERS)
    assert sum(1 for kind, _a in steps if kind == "add_span") > 0
    _check(team, steps, {"anna"})
    _undo_and_redo_everything(team, "anna", "anna", {})


def test_two_curators_on_gold_and_two_annotators_at_once(team, db_target):
    steps = _run(db_target, [(GOLD, "cora", True), (GOLD, "dora", True), ("anna", "anna", False),
                             ("boris", "boris", False)])
    _check(team, steps, {GOLD, "anna", "boris"})
    _undo_and_redo_everything(team, GOLD, "cora", {"document_id": DOC})
    _undo_and_redo_everything(team, "anna", "anna", {})
