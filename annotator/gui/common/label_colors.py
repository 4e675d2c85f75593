"""Label colours: the scheme's own, or a palette that stays apart for colour-blind eyes.

Pure data and one function, no Qt. The safe palette is taken from two published
colour-vision-deficiency (CVD) safe sets:

* Okabe, M. & Ito, K. (2008), "Color Universal Design (CUD): how to make figures
  and presentations that are friendly to colorblind people", https://jfly.uni-koeln.de/color/
* Tol, P. (2021), "Colour schemes", SRON/EPS/TN/09-002 issue 3.2, the "muted",
  "bright" and "light" qualitative schemes, https://personal.sron.nl/~pault/

From their union we chose the 11 colours (the default scheme has 11 entity labels)
whose smallest pairwise CAM02-UCS difference is largest under normal vision and
under simulated deuteranomaly, protanomaly and tritanomaly at severity 100
(Machado et al. 2009, via the ``colorspacious`` package), leaving out greys and
colours too pale to show as a pen on white. The order is greedy (each next colour
the farthest from those before it), so a scheme with fewer labels gets the best
separated prefix; black, which tints as a grey, comes last. Measured worst-case
ΔE (min over normal, deuter-, prot-, tritanomaly) of the first n colours:
n=2: 39.7, 3: 31.3, 4: 27.6, 5: 17.2, 6: 16.7, 7: 15.7, 8: 15.0, 9: 14.8,
10: 14.7, 11: 14.7 (the default scheme's own colours: 3.8 under protanomaly).
tests/gui/test_label_colors.py measures it again.
"""

from __future__ import annotations

from annotator.domain.scheme import Scheme

SAFE_PALETTE: tuple[str, ...] = (
    "#aa4499",  # Tol muted: purple
    "#bbcc33",  # Tol light: pear
    "#117733",  # Tol muted: green
    "#66ccee",  # Tol bright: cyan
    "#332288",  # Tol muted: indigo
    "#999933",  # Tol muted: olive
    "#cc79a7",  # Okabe & Ito: reddish purple
    "#882255",  # Tol muted: wine
    "#009e73",  # Okabe & Ito: bluish green
    "#ffaabb",  # Tol light: pink
    "#000000",  # Okabe & Ito: black
)


def label_colors(scheme: Scheme, color_blind: bool) -> dict[str, str]:
    """Entity label name -> "#rrggbb", in ``scheme.entities`` order.

    The scheme's own colours, or (``color_blind``) :data:`SAFE_PALETTE` in order,
    starting again from its first colour when the scheme has more labels.
    """
    if not color_blind:
        return {entity.name: entity.color for entity in scheme.entities}
    return {entity.name: SAFE_PALETTE[i % len(SAFE_PALETTE)] for i, entity in enumerate(scheme.entities)}
