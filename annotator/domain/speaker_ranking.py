"""Who said a claim: the speaker mentions ranked by the reporting construction, not by distance.

Russian news reports speech in a handful of constructions, and each names its
speaker syntactically:

- a reporting verb and its subject, on either side of the claim ("Токаев
  отметил, что …", "…, — заявил Президент", "Как заявил президент Токаев, …");
  the subject is the nearest mention of the verb's sentence that can be a
  nominative agreeing with the verb in number ("Касым-Жомарт Токаев выразил
  благодарность президенту Шавкату Мирзиёеву … и подчеркнул, что …": not the
  dative);
- "по словам X", "по мнению X": the mention right after (a role followed by a
  name in apposition gives the name first);
- a pronoun ("— отметил он", "По его словам", "Он также указал"): the nearest
  preceding mention of a person that was itself a speaker-like phrase (a
  nominative, or the X of "по словам X");
- a quote whose reporting verb follows it (", — отметил он" at the paragraph's
  end) for every claim inside the quote;
- "Об этом сообщает X" in the next sentence;
- a continuation with no reporting verb of its own: the previous claim's
  speaker when that claim is close before, else the reporting verb of the
  sentences before.

These are rules over razdel tokens and pymorphy3 parses (no dependency parser:
natasha's syntax model is a separate, heavy download and the rules measure well
on the sample corpus; see tests/bench/bench_speakers.py). The mentions found are
proposed first, in the order found; every other speaker mention follows in the
old distance order, so no candidate is ever lost.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from annotator.domain.lemmas import analyzer
from annotator.domain.model import AUTHOR, Claim, Cue, Span
from annotator.domain.tokens import Token, sentences, tokenize

# Lemmas of verbs (and the short participle "убеждён") that report speech or a view.
REPORTING_LEMMAS = frozenset({
    "заявить", "заявлять", "отметить", "отмечать", "сообщить", "сообщать", "сказать", "говорить",
    "подчеркнуть", "подчёркивать", "подчеркивать", "добавить", "добавлять", "считать", "полагать",
    "указать", "указывать", "предложить", "предлагать", "призвать", "призывать", "выразить",
    "выражать", "пояснить", "пояснять", "уточнить", "уточнять", "напомнить", "напоминать",
    "рассказать", "рассказывать", "убедить", "передать", "передавать", "констатировать",
    "признать", "признавать", "объявить", "объявлять", "заверить", "уверить", "предупредить",
    "пообещать", "обещать", "подтвердить", "подтверждать", "оценить", "назвать", "сообщаться",
    "говориться", "акцентировать", "обратить", "выступить", "высказаться", "прокомментировать",
})
ACCORDING_TO = frozenset({"словам", "мнению", "данным", "оценке", "информации", "сообщению"})
PERSON_PRONOUNS = {"он": "sing", "она": "sing", "они": "plur", "его": "sing", "её": "sing", "ее": "sing", "их": "plur"}
QUOTE_TAIL = re.compile(r"(?:[»\"”“]\s*[,.!?]?|[,!?…])\s*[—–-]\s+")
NOT_PERSONS = ("ORG",)  # labels a personal pronoun ("он") does not refer to, when others exist
WINDOW_BEFORE = 2500  # characters of context read before the claim: the antecedents live here
WINDOW_AFTER = 600
WINDOW_LIMIT = 8000  # the most read on either side, whatever the paragraphs


@dataclass(frozen=True, slots=True)
class _Context:
    """The window read around a claim: its tokens and sentences, in document offsets, sorted."""

    tokens: list[Token]
    sentences: list[Token]
    token_starts: list[int]
    token_ends: list[int]
    sentence_starts: list[int]

    @property
    def end(self) -> int:
        return self.tokens[-1].end if self.tokens else 0


@functools.lru_cache(maxsize=65536)
def _parses(word: str) -> tuple:
    return tuple(analyzer().parse(word))


def _is_reporting(word: str) -> str | None:
    """The grammatical number of a reporting verb ("sing", "plur", "" if none shows), or None."""
    for p in _parses(word):
        if p.tag.POS in ("VERB", "PRTS") and p.normal_form.replace("ё", "е") in _REPORTING_FOLDED:
            return p.tag.number or ""
    return None


def _is_verb(word: str) -> str | None:
    """The grammatical number of any finite verb or short participle, or None (a cue's verb need not be listed)."""
    for p in _parses(word):
        if p.tag.POS in ("VERB", "PRTS"):
            return p.tag.number or ""
    return None


_REPORTING_FOLDED = frozenset(lemma.replace("ё", "е") for lemma in REPORTING_LEMMAS)


def _nominative_numbers(text: str) -> set[str]:
    """The numbers in which a mention's text can be a nominative (its first or last word).

    Latin or unknown words (outlets: "Zakon.kz", "Sputnik") do not decline: any number.
    """
    words = [w for w in re.findall(r"[\w.-]+", text) if any(c.isalpha() for c in w)]
    if not words:
        return set()
    numbers: set[str] = set()
    for word in {words[0], words[-1]}:
        if not re.search("[а-яё]", word.lower()):
            return {"sing", "plur"}
        for p in _parses(word):
            if p.tag.case == "nomn" or (p.tag.POS is None or "Fixd" in p.tag):
                numbers.add(p.tag.number or "sing")
                if not p.tag.number:
                    numbers.add("plur")
    return numbers


def _context(text: str, start: int, end: int) -> _Context:
    """The tokens and sentences around the claim: from a paragraph's start before it to past its paragraph's end.

    Bounded (WINDOW_LIMIT each way), so a key press costs the same in a text of one huge paragraph.
    """
    lo = max(0, start - WINDOW_BEFORE)
    if lo:
        line = text.rfind("\n", max(0, start - WINDOW_LIMIT), lo)
        lo = line + 1 if line >= 0 else lo
    para_end = text.find("\n", end, end + WINDOW_LIMIT)  # a long quote's reporting verb ends its paragraph
    hi = min(len(text), max(end + WINDOW_AFTER, (end + WINDOW_LIMIT if para_end < 0 else para_end) + WINDOW_AFTER))
    window = text[lo:hi]
    shift = [Token(t.start + lo, t.end + lo, t.text) for t in tokenize(window)]
    sents = [Token(s.start + lo, s.end + lo, s.text) for s in sentences(window)]
    # razdel's sentences do not break at a line end; a paragraph does.
    split: list[Token] = []
    for s in sents:
        pos = s.start
        for piece in s.text.split("\n"):
            if piece.strip():
                first = pos + (len(piece) - len(piece.lstrip()))
                split.append(Token(first, pos + len(piece.rstrip()), piece.strip()))
            pos += len(piece) + 1
    return _Context(shift, split, [t.start for t in shift], [t.end for t in shift], [s.start for s in split])


def _sentence_index(ctx: _Context, offset: int) -> int | None:
    """The sentence holding ``offset``, else the last one before it; None before the first."""
    i = bisect_right(ctx.sentence_starts, offset) - 1
    return i if i >= 0 else None


def _tokens_in(ctx: _Context, start: int, end: int) -> list[tuple[int, Token]]:
    """The tokens wholly inside [start, end), with their indices."""
    first = bisect_left(ctx.token_starts, start)
    last = bisect_right(ctx.token_ends, end)
    return [(i, ctx.tokens[i]) for i in range(first, last) if ctx.tokens[i].end <= end]


def _token_index(ctx: _Context, offset: int) -> int:
    """The index of the first token ending after ``offset``."""
    return bisect_right(ctx.token_ends, offset)


class _Ranker:
    def __init__(self, text: str, claim_start: int, claim_end: int, mentions: list[Span]):
        self.text = text
        self.start, self.end = claim_start, claim_end
        self.ctx = _context(text, claim_start, claim_end)
        lo = self.ctx.tokens[0].start if self.ctx.tokens else claim_start
        hi = self.ctx.tokens[-1].end if self.ctx.tokens else claim_end
        # Only the mentions of the window read: antecedents further back are not proposed.
        self.mentions = sorted((m for m in mentions if m.start >= lo and m.end <= hi), key=lambda s: (s.start, s.end))
        self.found: list[Span] = []

    # -- the pieces ------------------------------------------------------------
    def add(self, spans: Iterable[Span | None]) -> None:
        for s in spans:
            if s is not None and s not in self.found:
                self.found.append(s)

    def outside_claim(self, s: Span) -> bool:
        return s.end <= self.start or s.start >= self.end

    def mentions_in(self, start: int, end: int) -> list[Span]:
        return [m for m in self.mentions if m.start >= start and m.end <= end and self.outside_claim(m)]

    def token_distance(self, a: int, b: int) -> int:
        return abs(_token_index(self.ctx, a) - _token_index(self.ctx, b))

    def subject_of(self, verb: Token, number: str) -> list[Span]:
        """The subject of a reporting verb: the nearest agreeing nominative of its sentence, not crossing the claim."""
        si = _sentence_index(self.ctx, verb.start)
        if si is None:
            return []
        sent = self.ctx.sentences[si]
        lo, hi = sent.start, sent.end
        if self.end <= verb.start:  # the claim is before the verb: look no further back than the claim
            lo = max(lo, self.end)
        elif self.start >= verb.end:
            hi = min(hi, self.start)
        scored = []
        # "отметили в пресс-службе", "В компании «Газпром» сообщили": a plural verb with no subject
        # names its source by "в" (one word may stand between: "в компании").
        located = []
        for m in self.mentions_in(lo, hi):
            pos = m.start if m.start >= verb.end else m.end - 1
            distance = self.token_distance(pos, verb.start)
            lead = [w.lower() for w in self.text[max(0, m.start - 30):m.start].split()[-2:]]
            if number == "plur" and distance <= 4 and ("в" in lead or "во" in lead):
                located.append(m)
            if self.after_preposition(m):
                continue
            numbers = _nominative_numbers(self.text[m.start:m.end])
            if not numbers or (number and number not in numbers):
                continue
            scored.append((distance, m.start, m))
        # An unmarked pronoun subject ("— отметил он") beside the verb.
        for i, t in _tokens_in(self.ctx, lo, hi):
            word = t.text.lower()
            if word in ("он", "она", "они") and not any(m.start <= t.start < m.end for m in self.mentions):
                d = self.token_distance(t.start, verb.start)
                if d <= 3:
                    scored.append((d, t.start, t))
        scored.sort(key=lambda x: (x[0], x[1]))
        out: list[Span] = []
        for _, _, item in scored[:2]:
            if isinstance(item, Span):
                out.append(item)
                if _is_pronoun_mention(item, self.text):
                    out.extend(self.antecedent(item.start, PERSON_PRONOUNS.get(self.text[item.start:item.end].lower(), "sing")))
            else:
                out.extend(self.antecedent(item.start, PERSON_PRONOUNS[item.text.lower()]))
        return out or located

    def after_preposition(self, m: Span) -> bool:
        before = self.text[max(0, m.start - 12):m.start].split()
        return bool(before) and before[-1].lower() in ("в", "во", "с", "со", "к", "ко", "о", "об", "при", "у", "от", "для", "на", "за")

    def antecedent(self, position: int, number: str) -> list[Span]:
        """A pronoun's antecedent: the nearest preceding speaker-like mention of a person, of its number."""
        before = [m for m in self.mentions if m.end <= position and self.outside_claim(m)]
        people = [m for m in before if m.label not in NOT_PERSONS] or before
        for m in reversed(people):
            if _is_pronoun_mention(m, self.text):
                continue
            if self.speaker_like(m, number):
                return [m]
        return people[-1:] if people else []

    def speaker_like(self, m: Span, number: str) -> bool:
        if self.according_to_head(m):
            return True
        numbers = _nominative_numbers(self.text[m.start:m.end])
        return number in numbers and not self.after_preposition(m)

    def according_to_head(self, m: Span) -> bool:
        before = self.text[max(0, m.start - 40):m.start].lower().split()
        return len(before) >= 2 and before[-2] == "по" and before[-1] in ACCORDING_TO or (
            len(before) >= 3 and before[-3] == "по" and before[-1] in ACCORDING_TO)

    def according_to(self, sent_lo: int, sent_hi: int) -> list[Span]:
        """"По словам X" / "по мнению X" (and "по его словам") in [sent_lo, sent_hi), outside the claim."""
        out: list[Span] = []
        toks = _tokens_in(self.ctx, sent_lo, sent_hi)
        for k, (_i, t) in enumerate(toks[:-1]):
            if t.text.lower() != "по" or not self.outside_claim(Span(None, t.start, t.end, "")):
                continue
            nxt = toks[k + 1][1].text.lower()
            if nxt in PERSON_PRONOUNS and k + 2 < len(toks) and toks[k + 2][1].text.lower() in ACCORDING_TO:
                out.extend(self.antecedent(t.start, PERSON_PRONOUNS[nxt]))
            elif nxt in ACCORDING_TO:
                after = toks[k + 1][1].end
                heads = [m for m in self.mentions_in(after, sent_hi) if m.start - after <= 3]
                if heads:
                    head = heads[0]
                    chain = [head]
                    for m in self.mentions_in(head.end, sent_hi):  # a role and the name in apposition
                        if m.start - chain[-1].end <= 2:
                            chain.append(m)
                    names = [m for m in chain if m.label == "PER"]
                    out.extend(names + [m for m in chain if m not in names])
        return out

    def verbs_in(self, lo: int, hi: int, *, any_verb: bool = False) -> list[tuple[Token, str]]:
        """The reporting verbs in [lo, hi) outside the claim (with ``any_verb``, every verb: a cue's)."""
        out = []
        for _i, t in _tokens_in(self.ctx, lo, hi):
            if not self.outside_claim(Span(None, t.start, t.end, "")):
                continue
            number = _is_verb(t.text) if any_verb else _is_reporting(t.text)
            if number is not None:
                out.append((t, number))
        return out

    def from_sentence(self, si: int, *, prefer: int | None = None) -> list[Span]:
        """Speakers named by the reporting constructions of sentence ``si`` (verbs nearest ``prefer`` first)."""
        sent = self.ctx.sentences[si]
        out = self.according_to(sent.start, sent.end)
        verbs = self.verbs_in(sent.start, sent.end)
        if prefer is not None:
            verbs.sort(key=lambda v: self.token_distance(v[0].start, prefer))
        for verb, number in verbs:
            out.extend(self.subject_of(verb, number))
        return out

    # -- the order -------------------------------------------------------------
    def rank(self, cue: Cue | None, previous: Span | None) -> list[Span]:
        ctx = self.ctx
        if cue is not None:
            cue_sentence = _sentence_index(ctx, cue.start)
            if cue_sentence is not None and re.search(r"(?i)\bпо\b", self.text[cue.start:cue.end]):
                self.add(self.according_to(cue.start, max(cue.end, ctx.sentences[cue_sentence].end)))
            for verb, number in self.verbs_in(cue.start, cue.end, any_verb=True):
                self.add(self.subject_of(verb, number))
            pron = [t for _i, t in _tokens_in(ctx, cue.start, cue.end) if t.text.lower() in PERSON_PRONOUNS]
            for t in pron:
                self.add(self.antecedent(t.start, PERSON_PRONOUNS[t.text.lower()]))
        # A quote whose reporting verb follows it in the same paragraph.
        para_end = self.text.find("\n", self.end)
        para_end = len(self.text) if para_end < 0 else para_end
        para_start = self.text.rfind("\n", 0, self.start) + 1
        lead = self.text[para_start:self.start]
        in_quote = bool(re.search(r"[«\"“„]", lead)) or lead.lstrip()[:1] in ("—", "–", "-")
        for tail in QUOTE_TAIL.finditer(self.text, self.end, min(para_end, ctx.end)):
            words = _tokens_in(ctx, tail.end(), min(para_end, tail.end() + 40))[:2]
            verbs = [(t, n) for _i, t in words if (n := _is_reporting(t.text)) is not None]
            if verbs and (in_quote or tail.start() - self.end < 4):
                self.add(self.subject_of(*verbs[0]))
                break
        si = _sentence_index(ctx, self.start)
        if si is not None:
            self.add(self.from_sentence(si, prefer=self.start))
            if not self.found:  # "Токаев пригласил <claim>": the verb the claim completes, listed or not
                sent = ctx.sentences[si]
                before = [t for _i, t in _tokens_in(ctx, sent.start, self.start)][-2:]
                for t in reversed(before):
                    number = _is_verb(t.text)
                    if number is not None:
                        self.add(self.subject_of(t, number))
                        break
            # "Об этом сообщает X" in the next sentence.
            if si + 1 < len(ctx.sentences) and re.match(r"(?i)об этом\b", ctx.sentences[si + 1].text):
                self.add(self.from_sentence(si + 1))
        if self.found:
            return self.found
        # A continuation: the previous claim's speaker, then the sentences before.
        self.add([previous])
        back = si - 1 if si is not None else None
        seen = 0
        while back is not None and back >= 0 and seen < 8 and not self.found:
            self.add(self.from_sentence(back))
            back -= 1
            seen += 1
        return self.found


def _is_pronoun_mention(span: Span, text: str) -> bool:
    return bool(span.attributes.get("pronoun")) or text[span.start:span.end].lower() in PERSON_PRONOUNS


def previous_speaker(claim_start: int, claims: Iterable[Claim], mentions: Sequence[Span], text: str) -> Span | None:
    """The speaker mention of the nearest claim ending before ``claim_start``, if close (same or previous paragraph)."""
    by_id = {m.id: m for m in mentions}
    before = [c for c in claims if c.end <= claim_start and c.speaker not in (None, AUTHOR) and c.speaker in by_id]
    if not before:
        return None
    prev = max(before, key=lambda c: c.end)
    if sum(1 for line in text[prev.end:claim_start].split("\n")[1:-1] if line.strip()) > 1:  # two paragraphs between
        return None
    return by_id[prev.speaker]


def rank_speakers(text: str, claim_start: int, claim_end: int, mentions: Sequence[Span], *,
                  cue: Cue | None = None, claims: Iterable[Claim] = ()) -> list[Span]:
    """The speaker mentions the reporting constructions around the claim name, best first (possibly none)."""
    if not mentions:
        return []
    ranker = _Ranker(text, claim_start, claim_end, list(mentions))
    return ranker.rank(cue, previous_speaker(claim_start, claims, mentions, text))
