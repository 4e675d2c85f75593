"""The colour-blind-safe label palette: its colours stay apart under simulated colour blindness.

Pure Python (no Qt). ``colorspacious`` simulates deuteranomaly, protanomaly and
tritanomaly at severity 100 (Machado et al. 2009) and measures differences in
CAM02-UCS; the default scheme's own colours are measured the same way, so the
threshold is shown to tell a safe palette from an unsafe one.
"""

from __future__ import annotations

import itertools
import re

import colorspacious
import numpy as np

from annotator import paths
from annotator.domain.scheme import Scheme
from annotator.gui.common.label_colors import SAFE_PALETTE, label_colors
from annotator.services.workspace import default_scheme_body

CVD_TYPES = ("deuteranomaly", "protanomaly", "tritanomaly")
# The safe palette measures 14.7 at its worst (all three types, 11 colours); the
# default scheme's colours 5.2 (deuteranomaly), 3.8 (protanomaly), 7.5 (tritanomaly).
THRESHOLD = 12.0


def rgb1(color: str) -> np.ndarray:
    value = color.lstrip("#")
    return np.array([int(value[i:i + 2], 16) / 255 for i in (0, 2, 4)])


def seen_as(colors: list[str], cvd_type: str | None) -> np.ndarray:
    rgb = np.array([rgb1(c) for c in colors])
    if cvd_type is None:
        return rgb
    space = {"name": "sRGB1+CVD", "cvd_type": cvd_type, "severity": 100}
    return np.clip(colorspacious.cspace_convert(rgb, space, "sRGB1"), 0, 1)


def min_delta_e(colors: list[str], cvd_type: str | None) -> float:
    seen = seen_as(colors, cvd_type)
    return min(float(colorspacious.deltaE(seen[i], seen[j], input_space="sRGB1"))
               for i, j in itertools.combinations(range(len(colors)), 2))


def default_scheme() -> Scheme:
    return Scheme.from_dict(default_scheme_body())


def test_the_default_scheme_has_eleven_entity_labels():
    assert paths.default_scheme_file().name == "default.json"
    assert len(default_scheme().entities) == 11 <= len(SAFE_PALETTE)


def test_the_safe_palette_stays_apart_under_every_colour_blindness_and_the_schemes_does_not():
    safe = list(SAFE_PALETTE[:11])
    own = [e.color for e in default_scheme().entities]
    figures = {}
    for cvd_type in (None, *CVD_TYPES):
        figures[cvd_type or "normal"] = (min_delta_e(safe, cvd_type), min_delta_e(own, cvd_type))
    print(f"\nmin pairwise CAM02-UCS deltaE, 11 colours, severity 100 (threshold {THRESHOLD}):")
    for name, (s, o) in figures.items():
        print(f"  {name:14s} safe palette {s:5.1f}   default scheme {o:5.1f}")
    for name, (s, _) in figures.items():
        assert s >= THRESHOLD, (name, s)
    assert any(o < THRESHOLD for name, (_, o) in figures.items() if name != "normal"), figures


def test_a_scheme_with_fewer_labels_gets_a_prefix_at_least_as_far_apart():
    for n in range(2, 12):
        prefix = list(SAFE_PALETTE[:n])
        assert min(min_delta_e(prefix, t) for t in (None, *CVD_TYPES)) >= THRESHOLD, n


def test_the_palette_is_well_formed():
    assert all(re.fullmatch(r"#[0-9a-f]{6}", c) for c in SAFE_PALETTE)
    assert len(set(SAFE_PALETTE)) == len(SAFE_PALETTE)


def test_label_colors_gives_the_schemes_own_colours_or_the_safe_palette_in_order():
    scheme = default_scheme()
    names = [e.name for e in scheme.entities]
    own = label_colors(scheme, False)
    assert list(own) == names
    assert own == {e.name: e.color for e in scheme.entities}
    safe = label_colors(scheme, True)
    assert list(safe) == names
    assert list(safe.values()) == list(SAFE_PALETTE[:11])
    assert safe != own


def test_more_labels_than_colours_cycle_through_the_palette():
    count = len(SAFE_PALETTE) + 3
    scheme = Scheme.from_dict({"name": "many", "entities": [
        {"name": f"L{i}", "hotkey": "", "color": "#123456"} for i in range(count)], "speaker_labels": []})
    colors = label_colors(scheme, True)
    assert list(colors) == [f"L{i}" for i in range(count)]
    assert [colors[f"L{i}"] for i in range(count)] == [SAFE_PALETTE[i % len(SAFE_PALETTE)] for i in range(count)]
    assert set(label_colors(scheme, False).values()) == {"#123456"}
