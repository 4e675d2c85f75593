"""annotator: annotate Russian news articles with entities, claims and who said what.

The package is a headless core (domain, storage, formats, services, cli) with a
thin Qt shell in ``annotator.gui``. Nothing here opens a database at import time.
"""

__version__ = "0.1.0"
