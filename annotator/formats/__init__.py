"""File formats, one module each, found through :mod:`annotator.formats.registry`."""
