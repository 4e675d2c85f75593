"""Speaker and SAYS relation completed from each other."""

from annotator.domain.model import AUTHOR, AnnotationSet, Claim, Relation, Span
from annotator.domain.speakers import speakers_in_step

PER = Span("T1", 0, 5, "PER")


def claim(speaker):
    return Claim("C1", 10, 20, "STAT", speaker)


def test_a_says_relation_gives_a_claim_its_speaker():
    aset = AnnotationSet("d", "anna", spans=(PER,), claims=(claim(None),),
                         relations=(Relation("R1", "SAYS", "T1", "C1"),))
    done = speakers_in_step(aset)
    assert done.claims[0].speaker == "T1" and done.relations == aset.relations


def test_a_mention_speaker_gets_a_says_relation():
    aset = AnnotationSet("d", "anna", spans=(PER,), claims=(claim("T1"),),
                         relations=(Relation("SAYS:C1", "ABOUT", "C1", "T1"),))
    done = speakers_in_step(aset)
    added = done.relations[-1]
    assert (added.label, added.head, added.tail) == ("SAYS", "T1", "C1")
    assert added.id not in {r.id for r in aset.relations}  # a fresh local id


def test_author_and_agreeing_sets_are_left_alone():
    author = AnnotationSet("d", "anna", spans=(PER,), claims=(claim(AUTHOR),))
    assert speakers_in_step(author) is author
    both = AnnotationSet("d", "anna", spans=(PER,), claims=(claim("T1"),),
                         relations=(Relation("R1", "SAYS", "T1", "C1"),))
    assert speakers_in_step(both) is both
