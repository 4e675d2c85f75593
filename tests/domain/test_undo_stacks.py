"""The undo and redo stacks' tops from the newest part of the log (``domain/undo_stacks``) are the
whole log's replay's, whenever the part says it is enough; the whole log always is."""

from __future__ import annotations

import random

import pytest

from annotator.domain.undo_stacks import SKIP, stack_tops


def replay(rows):
    """The stacks as the whole log makes them (the rule, written out)."""
    undo, redo = [], []
    for action_id, kind, undoes, redoes in rows:
        if kind == SKIP:
            if undo and undo[-1] == undoes:
                undo.pop()
        elif undoes is not None:
            if undo and undo[-1] == undoes:
                undo.pop()
            redo.append((undoes, action_id))
        elif redoes is not None:
            if redo and redo[-1][0] == redoes:
                redo.pop()
            undo.append(action_id)
        else:
            undo.append(action_id)
            redo.clear()
    return (undo[-1] if undo else None), (redo[-1] if redo else None)


def random_log(rng: random.Random, length: int):
    """An owner's log as the services write it: undo and skip take the undo stack's top, redo the
    redo stack's; now and then an undo takes another action (one document's undo, seen in the
    owner's whole log), which the replay leaves where it was."""
    rows, undo, redo = [], [], []
    for action_id in range(1, length + 1):
        move = rng.random()
        if move < 0.45 or not (undo or redo):
            rows.append((action_id, "span", None, None))
            undo.append(action_id)
            redo.clear()
        elif move < 0.75 and undo:
            target = undo[-1] if rng.random() > 0.1 else rng.choice(undo)
            rows.append((action_id, "undo", target, None))
            if undo[-1] == target:
                undo.pop()
            redo.append((target, action_id))
        elif move < 0.8 and undo:
            rows.append((action_id, SKIP, undo[-1], None))
            undo.pop()
        elif redo:
            target = redo[-1][0] if rng.random() > 0.1 else rng.choice(redo)[0]
            rows.append((action_id, "redo", None, target))
            if redo[-1][0] == target:
                redo.pop()
            undo.append(action_id)
        else:
            rows.append((action_id, "span", None, None))
            undo.append(action_id)
            redo.clear()
    return rows


@pytest.mark.parametrize("seed", range(40))
def test_every_newest_part_gives_the_whole_replays_tops_or_says_it_cannot(seed):
    rng = random.Random(seed)
    rows = random_log(rng, rng.randrange(10, 80))
    answered = 0
    for end in range(1, len(rows) + 1):
        log = rows[:end]
        expected = replay(log)
        assert stack_tops(log, whole=True) == expected
        for start in range(end):
            tops = stack_tops(log[start:], whole=start == 0)
            if tops is not None:
                assert tops == expected, (log, start)
                answered += start > 0
    assert answered  # the newest part alone was enough, somewhere in the log


def test_a_plain_action_last_needs_no_more_than_itself():
    assert stack_tops([(7, "span", None, None)], whole=False) == (7, None)


def test_an_undo_of_what_came_before_the_part_asks_for_more():
    assert stack_tops([(8, "undo", 7, None)], whole=False) is None
    assert stack_tops([(7, "span", None, None), (8, "undo", 7, None)], whole=False) is None  # what is beneath 7?
    assert stack_tops([(6, "span", None, None), (7, "span", None, None), (8, "undo", 7, None)],
                      whole=False) == (6, (7, 8))


def test_a_run_of_undos_and_redos_with_no_plain_action_asks_for_the_redo_stack_beneath():
    rows = [(5, "span", None, None), (6, "undo", 5, None), (7, "redo", None, 5)]
    assert stack_tops(rows, whole=True) == (7, None)
    assert stack_tops(rows[1:], whole=False) is None  # the undo pops 5, from before the part
