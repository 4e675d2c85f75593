"""Inter-annotator agreement, as defined once in docs/architecture.md ("Agreement, defined once").

Pure functions over domain values (numpy for the coefficients):

- :mod:`.spans`: exact and relaxed span matching, P/R/F1 counts;
- :mod:`.tokens`: the token label matrix (razdel tokens x coders, outermost span's label or O);
- :mod:`.coefficients`: Cohen's kappa, Fleiss' kappa, Krippendorff's alpha (nominal) on a
  units x coders matrix with missing values;
- :mod:`.claims`: claim extents, then type, speaker and certainty of matched claims;
- :mod:`.corpus`: the input (documents with their sets, annotators, label filter);
- :mod:`.registry`: one class per measure, registered by id;
- :mod:`.reporting`: :func:`report`, the whole report as a frozen dataclass.
"""

# Each name is loaded from its module when first asked for (PEP 562): the annotation window needs
# only span matching (``.spans``), and importing the rest (numpy with it) cost a tenth of its start-up.
_HOMES = {
    "claims": ("ClaimAgreement", "FieldAgreement", "claim_agreement", "match_claims", "same_speaker"),
    "coefficients": ("Coefficient", "coincidences", "cohen_kappa", "encode", "fleiss_kappa",
                     "krippendorff_alpha", "pairwise_cohen"),
    "corpus": ("AgreementInput", "DocumentSets", "owners", "prepare"),
    "registry": ("REGISTRY", "Measure", "MeasureRegistry", "PairClaims", "PairCoefficient", "PairCounts",
                 "get_measure", "measures", "pairwise_krippendorff"),
    "reporting": ("AgreementReport", "LabelSpans", "PairSpans", "TokenAgreement", "report"),
    "spans": ("Counts", "SpanComparison", "compare_extents", "compare_spans", "match_exact", "match_relaxed"),
    "tokens": ("OUTSIDE", "TokenMatrix", "build_token_matrix", "token_labels"),
}
_MODULE_OF = {name: module for module, names in _HOMES.items() for name in names}


def __getattr__(name: str):
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


__all__ = [
    "OUTSIDE", "REGISTRY", "AgreementInput", "AgreementReport", "ClaimAgreement", "Coefficient", "Counts",
    "DocumentSets", "FieldAgreement", "LabelSpans", "Measure", "MeasureRegistry", "PairClaims",
    "PairCoefficient", "PairCounts", "PairSpans", "SpanComparison", "TokenAgreement", "TokenMatrix",
    "build_token_matrix", "claim_agreement", "coincidences", "cohen_kappa", "compare_extents", "compare_spans",
    "encode", "fleiss_kappa", "get_measure", "krippendorff_alpha", "match_claims", "match_exact",
    "match_relaxed", "measures", "owners", "pairwise_cohen", "pairwise_krippendorff", "prepare", "report",
    "same_speaker", "token_labels",
]
