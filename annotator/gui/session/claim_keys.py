"""Claims and relations from the keyboard: what each claim key does in the window.

The keys act on a :class:`~annotator.gui.session.set_session.SetSession` (the
annotator's set in the annotation window, gold in the curation window) and read
the selection from the text view they are pressed in. The window owns the keys
(:mod:`annotator.gui.common.keys`); this module holds what they mean. The *current claim* is the one the caret was
last in (or the one picked in the claim panel): the speaker, cue, certainty,
check-worthiness and quantity keys act on it even after the caret has moved on
to select a cue or a pronoun. A relation is drawn in two presses of the
relation key: on the head, then on the tail; the types the scheme allows
between the two are then offered by number.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QPoint
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from annotator.domain.model import AUTHOR, CLAIM_NODE, SAYS, Certainty, Claim, Quantity, Span
from annotator.domain.speaker_choice import next_speaker, speaker_candidates
from annotator.gui.session.set_session import SetSession
from annotator.gui.text.document_view import DocumentView
from annotator.services import claims

Item = Span | Claim  # a relation end


class ClaimActions(QObject):
    def __init__(self, session: SetSession, view: DocumentView):
        super().__init__(session)
        self.session = session
        self.view = view

    # The claim the keys act on, and the relation begun, live in the session (one place).
    @property
    def current_claim_id(self) -> Any:
        return self.session.current_claim_id

    @current_claim_id.setter
    def current_claim_id(self, claim_id: Any) -> None:
        self.session.current_claim_id = claim_id

    @property
    def relation_head(self) -> Item | None:
        return self.session.relation_head

    @relation_head.setter
    def relation_head(self, item: Item | None) -> None:
        self.session.relation_head = item

    # ------------------------------------------------------------ helpers
    def _tell(self, text: str, ms: int = 5000) -> None:
        self.session.tell(text, ms)

    def _claims(self) -> list[Claim]:
        return self.session.claims()

    def current_claim(self) -> Claim | None:
        return self.session.current_claim()

    def set_current(self, claim: Claim | None) -> None:
        """The claim the keys act on; the view draws its links to speaker and cue."""
        if claim is not None:
            self.current_claim_id = claim.id  # type: ignore[assignment]
        self.view.set_selected(self.current_claim_id)

    def _need_claim(self) -> Claim | None:
        claim = self.current_claim()
        if claim is None:
            self._tell(self.tr("Put the caret in a claim first (or make one: select its text and press C)"))
        return claim

    def _edit(self, claim: Claim, **fields: Any) -> None:
        session = self.session
        workspace, owner, user, seen = session.workspace, session.owner, session.user, session.seen()
        session.submit(lambda: claims.edit_claim(workspace, claim.id, owner=owner, user=user, seen=seen,  # type: ignore[arg-type]
                                                 **fields))

    # ------------------------------------------------------------ making claims
    def make_claim(self, claim_type: str | None = None) -> None:
        """C (or a claim type's key): the selection becomes a claim; with no selection, a type key
        retypes the current claim."""
        session = self.session
        document_id, owner, workspace = session.document_id, session.owner, session.workspace
        types = [c.name for c in session.scheme.claim_types]
        if document_id is None or owner is None or not types:
            return
        selection = self.view.selection_core()
        if selection is None:
            claim = self.current_claim() if claim_type else None
            if claim is None:
                self._tell(self.tr("Select the text of the claim, then press C or a claim type's key"))
            elif claim.type != claim_type:
                session.last_type = claim_type
                self._edit(claim, claim_type=claim_type)
            return
        start, end = selection
        same = next((c for c in self._claims() if (c.start, c.end) == (start, end)), None)
        if same is not None:
            if claim_type and same.type != claim_type:
                self._edit(same, claim_type=claim_type)
            self.current_claim_id = same.id  # type: ignore[assignment]
            return
        chosen = claim_type or session.last_type or types[0]
        session.last_type = chosen

        user, seen = session.user, session.seen()

        def made(changes: Any) -> None:  # on the GUI thread: the keys now act on the new claim
            self.current_claim_id = changes.result

        session.submit(lambda: claims.add_claim(workspace, document_id, start, end, chosen, owner=owner, user=user,
                                                seen=seen), after=made)

    # ------------------------------------------------------------ claim fields
    def cycle_speaker(self, step: int = 1) -> None:
        """W / Shift+W: the next (previous) speaker mention, the one the reporting construction names first."""
        claim = self._need_claim()
        if claim is None:
            return
        candidates = speaker_candidates(claim.start, claim.end, self.view.spans(), self.session.scheme.speaker_labels,
                                        text=self.view.text, cue=claim.cue, claims=self._claims())
        speaker = next_speaker(claim.speaker, candidates, step)
        if speaker is None:
            self._tell(self.tr("No PER, ORG or ROLE mention to be the speaker: mark one, or press A for the author"))
            return
        if speaker != claim.speaker:
            self._edit(claim, speaker=speaker)

    def speaker_author(self) -> None:
        """A: the outlet says it in its own voice."""
        claim = self._need_claim()
        if claim is not None and claim.speaker != AUTHOR:
            self._edit(claim, speaker=AUTHOR)

    def pronoun_speaker(self) -> None:
        """M: the selection ("он", "она") becomes a PER mention marked as a pronoun, and the speaker."""
        session = self.session
        claim = self._need_claim()
        selection = self.view.selection_core()
        if claim is None:
            return
        if selection is None:
            self._tell(self.tr("Select the pronoun (or name) that speaks, then press M"))
            return
        start, end = selection
        workspace, owner, user, seen = session.workspace, session.owner, session.user, session.seen()
        existing = next((s for s in self.view.spans() if (s.start, s.end) == (start, end)
                         and s.label in session.scheme.speaker_labels), None)
        if existing is not None:
            self._edit(claim, speaker=existing.id)
            return
        label = "PER" if session.scheme.has_entity("PER") else session.scheme.speaker_labels[0]

        attributes = self._pronoun_attributes(label)
        session.submit(lambda: claims.speaker_from_new_mention(  # one action: one undo takes both back
            workspace, claim.id, start, end, label, owner=owner, attributes=attributes,  # type: ignore[arg-type]
            user=user, seen=seen))

    def _pronoun_attributes(self, label: str) -> dict[str, Any]:
        definition = self.session.scheme.attribute("pronoun")
        if definition is not None and definition.type == "boolean" and definition.applies_to_label(label):
            return {"pronoun": True}
        return {}

    def set_cue(self, clear: bool = False) -> None:
        """U: the selection is the claim's cue ("заявил", "по мнению"); Shift+U removes the cue."""
        claim = self._need_claim()
        if claim is None:
            return
        if clear:
            if claim.cue is not None:
                self._edit(claim, cue=None)
            return
        selection = self.view.selection_core()
        if selection is None:
            self._tell(self.tr("Select the words that report the claim (\u00abзаявил\u00bb), then press U"))
            return
        self._edit(claim, cue=selection)

    def toggle_hedged(self) -> None:
        claim = self._need_claim()
        if claim is not None:
            hedged = claim.certainty == Certainty.HEDGED
            self._edit(claim, certainty=Certainty.ASSERTED if hedged else Certainty.HEDGED)

    def toggle_checkworthy(self) -> None:
        claim = self._need_claim()
        if claim is not None:
            self._edit(claim, checkworthy=not claim.checkworthy)

    def accept_quantity(self, clear: bool = False) -> None:
        """N: take the normaliser's proposal as the claim's quantity; Shift+N clears it."""
        claim = self._need_claim()
        if claim is None:
            return
        if clear:
            if claim.quantity is not None:
                self._edit(claim, quantity=None)
            return
        proposal = self.proposal(claim)
        if proposal is None:
            self._tell(self.tr("No figure in this claim to propose"))
        elif proposal != claim.quantity:
            self._edit(claim, quantity=proposal)

    def proposal(self, claim: Claim) -> Quantity | None:
        return self.session.proposal(claim)

    def edit_field(self, claim_id: Any, field: str, value: Any) -> None:
        """An edit made in the claim panel."""
        claim = next((c for c in self._claims() if c.id == claim_id), None)
        if claim is None:
            return
        names = {"type": "claim_type", "certainty": "certainty", "checkworthy": "checkworthy", "quantity": "quantity"}
        self._edit(claim, **{names[field]: value})

    # ------------------------------------------------------------ relations
    def item_under_caret(self) -> Item | None:
        """The entity span under the caret, else the claim: what a relation end is."""
        return self.view.span_under_caret() or self.view.claim_under_caret()

    def relation_key(self) -> None:
        """L on the head, then L on the tail; then the type, by number."""
        item = self.item_under_caret()
        if item is None:
            self._tell(self.tr("Put the caret on a span or a claim first"))
            return
        if self.relation_head is None or self.relation_head.id == item.id:
            self.relation_head = item
            self._tell(self.tr("Relation from \u00ab%1\u00bb: put the caret on the other end and press L "
                               "(Esc cancels)").replace("%1", self._text_of(item)), 0)
            return
        head, self.relation_head = self.relation_head, None
        allowed = [r.name for r in self.session.scheme.relations if r.allows(_node(head), _node(item))]
        if not allowed:
            self._tell(self.tr("The scheme has no relation from %1 to %2").replace("%1", _node(head))
                       .replace("%2", _node(item)))
            return
        label = self.choose_relation_type(allowed)
        if label is None:
            self._tell(self.tr("No relation made"))
            return
        if label == SAYS and isinstance(item, Claim) and isinstance(head, Span):
            self._edit(item, speaker=head.id)  # SAYS is the speaker: set it (the relation follows)
            return
        session = self.session
        workspace, owner, user, seen = session.workspace, session.owner, session.user, session.seen()
        session.submit(lambda: claims.add_relation(workspace, head.id, item.id, label, owner=owner, user=user,  # type: ignore[arg-type]
                                                   seen=seen))

    def cancel(self) -> bool:
        """Esc: drop a relation begun; True when there was one."""
        if self.relation_head is None:
            return False
        self.relation_head = None
        self._tell(self.tr("No relation made"))
        return True

    def choose_relation_type(self, allowed: list[str]) -> str | None:
        """The relation type, from a menu at the caret whose entries are numbered 1, 2, …"""
        menu = QMenu(self.view)
        actions: dict[QAction, str] = {}
        for number, name in enumerate(allowed, 1):
            actions[menu.addAction(f"&{number}  {name}" if number < 10 else name)] = name
        view = self.view
        point: QPoint = view.viewport().mapToGlobal(view.cursorRect().bottomLeft())
        chosen = menu.exec(point)
        return actions.get(chosen) if chosen is not None else None

    def remove_relation(self, relation_id: Any) -> None:
        session = self.session
        workspace, owner, user, seen = session.workspace, session.owner, session.user, session.seen()
        session.submit(lambda: claims.remove_relation(workspace, relation_id, owner=owner, user=user, seen=seen))

    def _text_of(self, item: Item) -> str:
        text = self.view.text[item.start:item.end]
        return text if len(text) <= 40 else text[:39] + "…"


def _node(item: Item) -> str:
    """The label a relation rule names: the entity label, or CLAIM for any claim."""
    return item.label if isinstance(item, Span) else CLAIM_NODE


def claim_handlers(actions: ClaimActions, claim_types: list[tuple[str, str]]) -> dict[str, Callable[[], None]]:
    """Key map action name -> handler, for the window's action table."""
    handlers: dict[str, Callable[[], None]] = {
        "make_claim": lambda: actions.make_claim(),
        "next_speaker": lambda: actions.cycle_speaker(1),
        "previous_speaker": lambda: actions.cycle_speaker(-1),
        "speaker_author": actions.speaker_author,
        "pronoun_speaker": actions.pronoun_speaker,
        "set_cue": lambda: actions.set_cue(),
        "clear_cue": lambda: actions.set_cue(clear=True),
        "toggle_hedged": actions.toggle_hedged,
        "toggle_checkworthy": actions.toggle_checkworthy,
        "accept_quantity": lambda: actions.accept_quantity(),
        "clear_quantity": lambda: actions.accept_quantity(clear=True),
        "relation": actions.relation_key,
    }
    for name, _key in claim_types:
        handlers[f"claim:{name}"] = lambda name=name: actions.make_claim(name)
    return handlers
