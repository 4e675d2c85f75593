"""The libraries the application runs on, with their versions and licences.

Read from the installed distributions' metadata (``importlib.metadata``): the
closure of annotator's own runtime requirements, extras left out. The About
dialog lists them, and the PyInstaller spec copies the same distributions'
metadata into the bundle so that the frozen application can list them too.
"""

from __future__ import annotations

import platform
import re
from dataclasses import dataclass
from importlib import metadata

from packaging.requirements import InvalidRequirement, Requirement

DISTRIBUTION = "annotator"
_CLASSIFIER_PREFIX = "License :: OSI Approved :: "


@dataclass(frozen=True, slots=True)
class Library:
    name: str
    version: str
    licence: str


def version() -> str:
    """The installed (or bundled) package's version; the source's own when there is no metadata."""
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        from annotator import __version__

        return __version__


def licence_of(dist: metadata.Distribution) -> str:
    """SPDX expression if given, else a short License field, else the licence classifiers."""
    meta = dist.metadata
    expression = (meta.get("License-Expression") or "").strip()
    if expression:
        return expression
    field = (meta.get("License") or "").strip()
    if field and "\n" not in field and len(field) <= 80:  # some packages paste the whole text here
        return re.sub(r"\s+license$", "", field, flags=re.IGNORECASE)
    classifiers = [c.removeprefix(_CLASSIFIER_PREFIX).removeprefix("License :: ")
                   for c in meta.get_all("Classifier") or [] if c.startswith("License :: ")]
    return " / ".join(classifiers) or "?"


def runtime_distributions(root: str = DISTRIBUTION) -> list[metadata.Distribution]:
    """``root`` and every distribution it needs at run time on this interpreter, each once."""
    seen: dict[str, metadata.Distribution] = {}
    todo = [root]
    while todo:
        name = todo.pop()
        key = re.sub(r"[-_.]+", "-", name).lower()
        if key in seen:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue  # not installed here: nothing of it runs
        seen[key] = dist
        for line in dist.requires or []:
            try:
                requirement = Requirement(line)
            except InvalidRequirement:
                continue
            if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
                todo.append(requirement.name)
    return list(seen.values())


def libraries() -> list[Library]:
    """Python and every library annotator runs on (itself left out), sorted by name."""
    found = [Library(dist.metadata["Name"], dist.version, licence_of(dist))
             for dist in runtime_distributions()
             if dist.metadata["Name"].lower() != DISTRIBUTION]
    found.append(Library("Python", platform.python_version(), "PSF-2.0"))
    return sorted(found, key=lambda lib: lib.name.lower())
