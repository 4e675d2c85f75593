"""Inter-annotator agreement, as defined once in docs/architecture.md ("Agreement, defined once").

Pure functions over domain values (numpy for the coefficients):

- :mod:`.spans`: exact and relaxed span matching, P/R/F1 counts;
- :mod:`.tokens`: the token label matrix (razdel tokens x coders, outermost span's label or O);
- :mod:`.coefficients`: Cohen's kappa, Fleiss' kappa, Krippendorff's alpha (nominal) on a
  units x coders matrix with missing values;
- :mod:`.claims`: claim extents, then type, speaker and certainty of matched claims;
- :mod:`.corpus`: the input (documents with their sets, annotators, label filter);
- :mod:`.registry`: one class per measure, registered by id;
- :mod:`.report`: :func:`report`, the whole report as a frozen dataclass.
"""

from annotator.domain.agreement.claims import (
    ClaimAgreement, FieldAgreement, claim_agreement, match_claims, same_speaker,
)
from annotator.domain.agreement.coefficients import (
    Coefficient, coincidences, cohen_kappa, encode, fleiss_kappa, krippendorff_alpha, pairwise_cohen,
)
from annotator.domain.agreement.corpus import AgreementInput, DocumentSets, owners, prepare
from annotator.domain.agreement.registry import (
    REGISTRY, Measure, MeasureRegistry, PairClaims, PairCoefficient, PairCounts, get_measure, measures,
    pairwise_krippendorff,
)
from annotator.domain.agreement.report import AgreementReport, LabelSpans, PairSpans, TokenAgreement, report
from annotator.domain.agreement.spans import (
    Counts, SpanComparison, compare_extents, compare_spans, match_exact, match_relaxed,
)
from annotator.domain.agreement.tokens import OUTSIDE, TokenMatrix, build_token_matrix, token_labels

__all__ = [
    "OUTSIDE", "REGISTRY", "AgreementInput", "AgreementReport", "ClaimAgreement", "Coefficient", "Counts",
    "DocumentSets", "FieldAgreement", "LabelSpans", "Measure", "MeasureRegistry", "PairClaims",
    "PairCoefficient", "PairCounts", "PairSpans", "SpanComparison", "TokenAgreement", "TokenMatrix",
    "build_token_matrix", "claim_agreement", "coincidences", "cohen_kappa", "compare_extents", "compare_spans",
    "encode", "fleiss_kappa", "get_measure", "krippendorff_alpha", "match_claims", "match_exact",
    "match_relaxed", "measures", "owners", "pairwise_cohen", "pairwise_krippendorff", "prepare", "report",
    "same_speaker", "token_labels",
]
