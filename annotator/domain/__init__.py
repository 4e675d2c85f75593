"""Pure domain: documents, spans, claims, relations, schemes, offsets, tokens.

No Qt, no SQL, nothing else of ours: every other layer builds on this one.
"""
