"""Our Label Studio export fed to Label Studio's own converter (the ``label-studio-converter``
package): its JSON-MIN and CoNLL 2003 outputs hold our spans, and its JSON-MIN reads back into the
same spans and claims (JSON-MIN drops relations and per-region results, as Label Studio's own
export does).

The converter runs in a child process from a directory of its own
(``pip install --target DIR label-studio-converter``, named by ``ANNOTATOR_LABEL_STUDIO_CONVERTER``;
the README's test command makes one): installed into the test environment it would break the
suite, since its wheel ships a top-level ``tests`` package that shadows ours. When the converter is
importable in the test environment anyway, that one is used.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path
from xml.sax.saxutils import quoteattr

import pytest

from annotator.services import documents, exporting
from annotator.services.importing import import_files

from test_interchange_roundtrip import _sets, corpus, fresh  # noqa: F401

CONVERTER_DIR = os.path.abspath(os.environ["ANNOTATOR_LABEL_STUDIO_CONVERTER"]) \
    if os.environ.get("ANNOTATOR_LABEL_STUDIO_CONVERTER") else ""
if not (CONVERTER_DIR and (Path(CONVERTER_DIR) / "label_studio_converter").is_dir()) \
        and importlib.util.find_spec("label_studio_converter") is None:
    pytest.skip("label-studio-converter is not installed: pip install --target DIR label-studio-converter, "
                "then ANNOTATOR_LABEL_STUDIO_CONVERTER=DIR (the README's test command does)",
                allow_module_level=True)

RUN = """
import sys
from label_studio_converter import Converter
config, source, target, method = sys.argv[1:]
tool = Converter(config=config, project_dir=None, download_resources=False)
getattr(tool, method)(source, target, is_dir=False)
"""


def convert(config: str, source: Path, target: Path, method: str) -> None:
    """Run the converter's ``method`` (convert_to_json_min, convert_to_conll2003) in a child process."""
    env = {**os.environ, "PYTHONPATH": CONVERTER_DIR} if CONVERTER_DIR else dict(os.environ)
    done = subprocess.run([sys.executable, "-c", RUN, config, str(source), str(target), method], env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]


def _config(workspace) -> str:
    """A labelling config for our export: the labels control ``label`` over the text ``text``."""
    scheme = workspace.current_scheme()
    labels = [*(e.name for e in scheme.entities), *(c.name for c in scheme.claim_types), "CUE"]
    relations = [r.name for r in scheme.relations]
    return ('<View><Labels name="label" toName="text">' + "".join(f"<Label value={quoteattr(n)}/>" for n in labels)
            + '</Labels><Text name="text" value="$text"/><Relations>'
            + "".join(f"<Relation value={quoteattr(n)}/>" for n in relations) + "</Relations></View>")


@pytest.fixture
def exported(corpus, tmp_path) -> Path:  # noqa: F811
    out = tmp_path / "tasks.json"
    exporting.export_to_path(corpus, out, format_id="labelstudio", owner="anna")
    return out


def test_the_converters_json_min_reads_back_as_our_spans(corpus, fresh, exported, tmp_path):  # noqa: F811
    convert(_config(corpus), exported, tmp_path / "min", "convert_to_json_min")
    records = json.loads((tmp_path / "min" / "result.json").read_text(encoding="utf-8"))
    assert [(r["doc_id"], r["annotator"]) for r in records] == [("emoji-crlf", "anna"), ("flag", "anna")]
    report = import_files(fresh, [tmp_path / "min" / "result.json"], format_id="labelstudio")
    assert report.committed, report.problems
    for doc_id in ("emoji-crlf", "flag"):
        before, after = _sets(corpus, doc_id), _sets(fresh, doc_id)
        assert after["text"] == before["text"]  # code points over emoji and CRLF: nothing shifted
        assert after["spans"] == sorted(s[:4] + ((),) for s in before["spans"])  # outer bounds, no fragments
        assert [c[:3] for c in after["claims"]] == [c[:3] for c in before["claims"]]  # claims by their type


def test_the_converters_conll_tags_our_token_aligned_spans(corpus, exported, tmp_path):  # noqa: F811
    convert(_config(corpus), exported, tmp_path / "conll", "convert_to_conll2003")
    rows = [line.split(" ") for line in (tmp_path / "conll" / "result.conll").read_text(encoding="utf-8")
            .splitlines() if line and not line.startswith("-DOCSTART-")]
    tags = {(row[0], row[-1]) for row in rows}
    # The converter keeps one label a token, the outermost (the FACT claim over "Шавкатом Мирзиёевым"),
    # and its own whitespace tokens ("Ташкент." keeps the stop): what PROVENANCE.md says it does.
    assert {("Касым-Жомарт", "B-PER"), ("Токаев", "I-PER"), ("Он", "B-FACT"), ("Шавкатом", "I-FACT"),
            ("«Кок-Сарае»", "B-FAC"), ("Ташкент.", "B-GPE"), ("Глава", "B-ROLE"), ("🇺🇿", "I-ROLE"),
            ("товарооборот", "B-EVENT"), ("млрд", "I-EVENT"), ("прибыл", "O")} <= tags
    text = documents.document(corpus, "emoji-crlf").text
    assert [row[0] for row in rows][:3] == text.split()[:3]  # its tokens are our text's, emoji included
