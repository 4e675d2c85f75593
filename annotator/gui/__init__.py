"""The Qt shell: windows, thin Qt item models, the background task runner, text-position mapping.

The only package that imports PySide6 (held by the import-linter contract "Qt only in
annotator.gui"). It shows and forwards; every use case is a call into ``annotator.services``.
"""
