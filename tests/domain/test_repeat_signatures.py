"""The batched signatures of repeated passages are datasketch's, exactly: bands stored before stay valid."""

from __future__ import annotations

from annotator import paths
from annotator.domain import repeats
from annotator.domain.repeats import NUM_PERM, SCHEME, units_of


def sample_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(paths.resource("sample").glob("*.txt"))]


def reference_bands(words: list[str]) -> tuple[int, ...]:
    """One datasketch MinHash per sentence, as the index was first built."""
    from datasketch import MinHash

    signature = MinHash(num_perm=NUM_PERM, permutations=repeats._permutations(), scheme=SCHEME)
    signature.update_batch([f"{a} {b}".encode() for a, b in zip(words, words[1:])])
    return repeats._band_keys(signature.hashvalues, *repeats._bands_shape())


def test_batched_units_equal_datasketch_per_sentence():
    texts = sample_texts()
    assert len(texts) == 5
    batched = units_of(texts)
    assert sum(len(u) for u in batched) > 50
    for text, found in zip(texts, batched):
        assert found == repeats.units(text)  # one document alone: the same units
        for unit in found:
            words = [w for w in unit.text.split(" ") if any(c.isalnum() for c in w)]
            assert unit.bands == reference_bands(words)
            assert repeats.normalised_text(text[unit.start:unit.end]) == unit.text


def test_documents_without_sentences_have_no_units():
    assert units_of(["", "Коротко.", "Фото: Акорда."]) == [[], [], []]


def test_signing_in_slices_changes_nothing(monkeypatch):
    texts = sample_texts()
    whole = units_of(texts)
    monkeypatch.setattr(repeats, "SIGNATURES_AT_ONCE", 7)
    assert units_of(texts) == whole
