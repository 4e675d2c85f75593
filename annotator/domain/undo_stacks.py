"""The tops of an owner's undo and redo stacks, from the newest part of the action log.

The stacks are not stored: they follow from the append-only log (see
``docs/architecture.md``, "Undo from the log"). A plain action pushes itself
onto the undo stack and clears the redo stack; an undo pops its target when
it is the top and pushes (target, undo) onto the redo stack; a redo pops
that pair when it is the top and pushes itself onto the undo stack; a
skipped undo (an action that can never be undone) pops its target.

Replaying the whole log made every view read cost as much as the owner's
history (10,000 actions: 34 ms; 100,000: 358 ms, on every keystroke). Only
the tops are ever needed, and they almost always follow from the last few
actions: :func:`stack_tops` replays a newest part of the log over stacks
whose older part is unknown, and says so (None) when the answer depends on
that part; the caller then reads a longer part. Its answer is the full
replay's whenever it gives one.
"""

from __future__ import annotations

from collections.abc import Iterable

SKIP = "skip"  # an action's kind: an undo set aside because it can never be applied

LogRow = tuple[int, str, int | None, int | None]  # (action id, kind, undoes, redoes)
Tops = tuple[int | None, tuple[int, int] | None]  # (undo top, redo top as (undone id, undo id))


def stack_tops(rows: Iterable[LogRow], *, whole: bool) -> Tops | None:
    """The undo and redo stacks' tops after ``rows`` (the owner's log, oldest first, or its newest
    part when ``whole`` is False); None when they depend on actions before the first row."""
    undo: list[int] = []  # what the rows pushed and did not pop, above the stacks the earlier log left
    redo: list[tuple[int, int]] = []
    undo_known = redo_known = whole  # the earlier log's stacks are known: empty
    for action_id, kind, undoes, redoes in rows:
        # A pop that finds nothing the rows pushed would take the earlier log's top, if that is its
        # target: unknown, but it matters only when nothing pushed later stays (then: None).
        if kind == SKIP or undoes is not None:
            if undo and undo[-1] == undoes:
                undo.pop()
            if kind != SKIP:
                redo.append((undoes, action_id))  # type: ignore[arg-type]
        elif redoes is not None:
            if redo and redo[-1][0] == redoes:
                redo.pop()
            undo.append(action_id)
        else:
            undo.append(action_id)
            redo.clear()
            redo_known = True  # a plain action empties the redo stack, whatever came before
    if (not undo and not undo_known) or (not redo and not redo_known):
        return None
    return (undo[-1] if undo else None), (redo[-1] if redo else None)
