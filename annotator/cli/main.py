"""``annotator [--db PATH_OR_URL] COMMAND ...``: the command line.

Without a command (or with ``gui``) it opens the desktop window.

Exit status: 0 on success, 1 when the work failed (bad input: one
``FILE:LINE: message`` per line on stderr, nothing written), 2 for a usage error.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from annotator import __version__, paths
from annotator.cli import (
    commands,
    commands_claims,
    commands_entities,
    commands_notes,
    commands_scheme,
    commands_search,
    commands_suggest,
    commands_team,
    terminal,
)
from annotator.domain.model import Role, SetStatus
from annotator.domain.problems import InputError
from annotator.services.claims_browser import GroupBy
from annotator.services.errors import Cancelled, ServiceError
from annotator.services.output_files import OutputRefused
from annotator.storage import DatabaseError


def _writes(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--user", metavar="NAME", help="who acts (default: the owner named by --annotator)")


def _force(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--force", action="store_true",
                        help="replace the output file even if annotator did not write it (never the open "
                             "database or a folder)")


def _json_or_csv(parser: argparse.ArgumentParser) -> None:
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true")
    output.add_argument("--csv", action="store_true")


def _browse_filters(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--date-from", metavar="YYYY-MM-DD", help="documents dated on or after")
    parser.add_argument("--date-to", metavar="YYYY-MM-DD", help="documents dated on or before")
    parser.add_argument("--checkworthy", action="store_true", help="only check-worthy claims")
    parser.add_argument("--unit", metavar="UNIT", help="claims whose figure is in this unit (USD, %%)")
    parser.add_argument("--min", type=float, metavar="X", help="claims whose figure is at least X")
    parser.add_argument("--max", type=float, metavar="X", help="claims whose figure is at most X")
    parser.add_argument("--text", metavar="WORDS", help="claims whose text holds these words (any form)")


def _claims(args: argparse.Namespace) -> int:
    """The plain report, or the browser's when a browser option is given."""
    browsing = (args.entity or args.group_by or args.figures or args.date_from or args.date_to or args.checkworthy
                or args.unit or args.min is not None or args.max is not None or args.text)
    if browsing and args.speaker:
        raise ServiceError("--speaker matches mention texts; with the browser's options use --entity")
    return commands_entities.browse(args) if browsing else commands_claims.claims(args)


IMPORT_FORMATS = ["text", "jsonl", "doccano", "labelstudio", "brat", "conll", "conll-levels", "webanno-tsv"]
EXPORT_FORMATS = ["jsonl", "doccano", "labelstudio", "brat", "conll", "conll-levels", "webanno-tsv"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="annotator", description="Annotate Russian news: entities, claims, who said what.")
    parser.add_argument("--db", metavar="PATH_OR_URL",
                        help="database file or URL (default: $ANNOTATOR_DB, else annotator.sqlite3 "
                             "in the user's data directory)")
    parser.add_argument("--version", action="version", version=f"annotator {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("gui", help="open the desktop window (the default without a command)")
    p.add_argument("--quit-after-load", action="store_true",
                   help="quit once the window shows its first document, printing what it shows "
                        "(checks that the window starts, e.g. in a fresh bundle)")
    p.set_defaults(run=_gui)

    p = sub.add_parser("import", help="import files or directories (all or nothing)")
    p.add_argument("paths", nargs="*", metavar="PATH")
    p.add_argument("--sample", action="store_true", help="load the five sample articles")
    p.add_argument("--format", default="auto", choices=["auto", *IMPORT_FORMATS],
                   help="auto: by content and name; a directory of .txt+.ann pairs is brat")
    p.add_argument("--annotator", metavar="NAME", help="owner of the imported sets (overrides the file)")
    p.add_argument("--skip-bad", action="store_true", help="import the good records, report the bad ones")
    p.add_argument("--dry-run", action="store_true", help="check everything, write nothing")
    p.add_argument("--no-repeat-index", action="store_true",
                   help="do not index the new documents' repeated passages after the import "
                        "(the window indexes them in the background, or `annotator repeats`)")
    _writes(p)
    p.set_defaults(run=commands.import_)

    p = sub.add_parser("export", help="export annotations")
    p.add_argument("-o", "--output", required=True, metavar="OUT",
                   help="output file, or - for stdout; a new directory for brat and webanno-tsv")
    p.add_argument("--format", default="jsonl", choices=EXPORT_FORMATS)
    p.add_argument("--annotator", default="all", metavar="NAME|gold|all")
    p.add_argument("--docs", metavar="ID,...", help="only these documents")
    _force(p)
    p.set_defaults(run=commands.export)

    p = sub.add_parser("release", help="one owner's sets (gold by default) as train/dev/test with a manifest")
    p.add_argument("-o", "--output", required=True, metavar="DIR", help="a new directory")
    p.add_argument("--split", default="80/10/10", metavar="TRAIN/DEV/TEST")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--format", default="jsonl", choices=EXPORT_FORMATS)
    p.add_argument("--annotator", default="gold", metavar="NAME|gold")
    p.set_defaults(run=commands.release)

    p = sub.add_parser("docs", help="list documents with their sets and status")
    p.add_argument("--json", action="store_true")
    p.add_argument("--annotator", metavar="NAME", help="only the documents assigned to NAME (their queue)")
    p.set_defaults(run=commands.docs)

    p = sub.add_parser("show", help="a document's text with its spans")
    p.add_argument("document_id", metavar="DOC_ID")
    p.add_argument("--annotator", metavar="NAME")
    p.set_defaults(run=commands.show)

    p = sub.add_parser("label", help="add an entity span (code-point offsets, end exclusive)")
    p.add_argument("document_id", metavar="DOC_ID")
    p.add_argument("start", type=int)
    p.add_argument("end", type=int)
    p.add_argument("label")
    p.add_argument("--annotator", required=True, metavar="NAME")
    _writes(p)
    p.set_defaults(run=commands.label)

    p = sub.add_parser("unlabel", help="remove a span by its id (as `show` prints it)")
    p.add_argument("document_id", metavar="DOC_ID")
    p.add_argument("span_id", type=int, metavar="SPAN_ID")
    p.add_argument("--annotator", required=True, metavar="NAME")
    _writes(p)
    p.set_defaults(run=commands.unlabel)

    p = sub.add_parser("validate", help="check files without importing")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--format", default="auto", choices=["auto", *IMPORT_FORMATS])
    p.set_defaults(run=commands.validate)

    p = sub.add_parser("schema", help="the active annotation scheme, or a change to it (a new version)")
    change = p.add_mutually_exclusive_group()
    change.add_argument("--json", action="store_true", help="print it as JSON")
    change.add_argument("--export", metavar="FILE", help="write it to a JSON file to share")
    change.add_argument("--import", dest="import_", metavar="FILE", help="put a scheme file in force")
    change.add_argument("--rename", nargs=2, metavar=("LABEL", "NEW"), help="rename a label and its spans")
    change.add_argument("--merge", nargs=2, metavar=("LABEL", "INTO"), help="move a label's spans into another")
    change.add_argument("--delete", metavar="LABEL", help="delete a label and its spans")
    change.add_argument("--undo", action="store_true", help="undo the last change of the scheme")
    change.add_argument("--from-brat", metavar="CONF", help="show the scheme a brat annotation.conf proposes "
                        "(the labels, relation types and attributes it adds); --apply puts it in force")
    p.add_argument("--apply", action="store_true", help="with --from-brat: put the proposed scheme in force")
    p.add_argument("--user", metavar="NAME", help="who changes it (default: the login name)")
    _force(p)
    p.set_defaults(run=commands_scheme.schema)

    p = sub.add_parser("claims", help="every claim with its speaker, cue, certainty and quantity")
    p.add_argument("--speaker", metavar="NAME", help="any part of the speaker's mention, its lemma or entity")
    p.add_argument("--type", metavar="T", help="claim type(s), comma-separated: STAT, FACT, PLAN, ...")
    p.add_argument("--docs", metavar="ID,...")
    p.add_argument("--annotator", metavar="NAME", help="only this owner's claims")
    p.add_argument("--entity", metavar="ID,...", help="claims whose speaker is linked to these entities")
    p.add_argument("--group-by", choices=[g.value for g in GroupBy],
                   help="group by speaker (their entity) or by the entity a claim is ABOUT")
    p.add_argument("--figures", action="store_true",
                   help="the same quantity (unit and period) stated in several claims, side by side")
    _browse_filters(p)
    _json_or_csv(p)
    p.set_defaults(run=_claims)

    p = sub.add_parser("who-said", help="who said what: speaker, entity id, claim type, text, figure, document, "
                                        "date; one row per claim")
    p.add_argument("--entity", metavar="ID,...", help="claims whose speaker is linked to these entities")
    p.add_argument("--type", metavar="T", help="claim type(s), comma-separated")
    p.add_argument("--docs", metavar="ID,...")
    p.add_argument("--annotator", metavar="NAME", help="only this owner's claims (e.g. gold)")
    _browse_filters(p)
    _json_or_csv(p)
    p.set_defaults(run=commands_entities.who_said)

    p = sub.add_parser("entities", help="an annotator's corpus-wide entity table (or gold's), or an entity's "
                                        "mentions; --new and --merge change it")
    p.add_argument("--annotator", required=True, metavar="NAME", help="whose table (an annotator, or gold)")
    p.add_argument("--mentions", type=int, metavar="ID", help="the mentions linked to this entity, across the corpus")
    p.add_argument("--new", metavar="NAME", help="add an entity of this canonical name")
    p.add_argument("--type", metavar="LABEL", help="with --new: its type (PER, ORG, ...)")
    p.add_argument("--aliases", metavar="A,...", help="with --new: other names")
    p.add_argument("--external-id", metavar="QID", help="with --new: e.g. a Wikidata QID")
    p.add_argument("--merge", nargs=2, metavar=("SOURCES", "INTO"), help="merge entities (ids) into one")
    p.add_argument("--json", action="store_true")
    _writes(p)
    p.set_defaults(run=commands_entities.entities_)

    p = sub.add_parser("link", help="link a mention (span id) to a corpus-wide entity (id, or 'new')")
    p.add_argument("document_id", metavar="DOC_ID")
    p.add_argument("span_id", type=int, metavar="SPAN_ID")
    p.add_argument("entity", metavar="ENTITY")
    p.add_argument("--annotator", required=True, metavar="NAME")
    p.add_argument("--like", choices=["document", "corpus"],
                   help="also link every mention like this one (same words by lemma) in the document or corpus")
    _writes(p)
    p.set_defaults(run=commands_entities.link)

    p = sub.add_parser("unlink", help="remove a mention's entity link")
    p.add_argument("document_id", metavar="DOC_ID")
    p.add_argument("span_id", type=int, metavar="SPAN_ID")
    p.add_argument("--annotator", required=True, metavar="NAME")
    _writes(p)
    p.set_defaults(run=commands_entities.unlink)

    p = sub.add_parser(
        "search", help="find words in the texts (by lemma; \"a phrase\", word*), in spans of a label or in claims",
        description="One line per hit: document, start, end (code points, end exclusive) and the hit in its "
                    "context, [marked]. Words match any form of the word (Токаев: Токаева; ё = е, any case); "
                    "\"quoted words\" match as written, in that order; word* matches every word starting so. "
                    "Every term must be in the document.")
    p.add_argument("query", nargs="?", help="what to look for (optional with --label, --speaker, --type, --min, --max)")
    p.add_argument("--label", metavar="L", help="entity spans of this label (comma-separated) whose text matches")
    p.add_argument("--speaker", metavar="S", help="claims by this speaker (any mention of the name, by lemma)")
    p.add_argument("--type", metavar="T", help="claims of this type (comma-separated: STAT, PLAN, ...)")
    p.add_argument("--min", type=float, metavar="X", help="claims whose figure is at least X")
    p.add_argument("--max", type=float, metavar="X", help="claims whose figure is at most X")
    p.add_argument("--annotator", metavar="NAME", help="only this annotator's spans and claims")
    p.add_argument("--status", choices=[s.value for s in SetStatus],
                   help="only documents whose set of --annotator has this status")
    p.add_argument("--date-from", metavar="YYYY-MM-DD")
    p.add_argument("--date-to", metavar="YYYY-MM-DD")
    p.add_argument("--ids", metavar="ID,...", help="only these documents")
    p.add_argument("--docs", action="store_true", help="one line per document with hits: its id and how many")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=commands_search.run)

    p = sub.add_parser("claim", help="add a claim (code-point offsets, end exclusive)")
    p.add_argument("document_id", metavar="DOC_ID")
    p.add_argument("start", type=int)
    p.add_argument("end", type=int)
    p.add_argument("type", metavar="TYPE")
    p.add_argument("--speaker", required=True, metavar="SPAN_ID|AUTHOR")
    p.add_argument("--annotator", required=True, metavar="NAME")
    p.add_argument("--cue", nargs=2, type=int, metavar=("START", "END"))
    p.add_argument("--hedged", action="store_true")
    p.add_argument("--checkworthy", action="store_true")
    p.add_argument("--quantity", nargs="+", metavar="auto|VALUE UNIT [PERIOD]",
                   help="'auto' takes the normaliser's reading of the claim's figure")
    _writes(p)
    p.set_defaults(run=commands_claims.claim)

    p = sub.add_parser("relate", help="add a typed relation between two spans or claims")
    p.add_argument("document_id", metavar="DOC_ID")
    p.add_argument("head", type=int, metavar="HEAD")
    p.add_argument("tail", type=int, metavar="TAIL")
    p.add_argument("label", metavar="LABEL")
    p.add_argument("--annotator", required=True, metavar="NAME")
    _writes(p)
    p.set_defaults(run=commands_claims.relate)

    p = sub.add_parser("unrelate", help="remove a relation by its id")
    p.add_argument("document_id", metavar="DOC_ID")
    p.add_argument("relation_id", type=int, metavar="RELATION_ID")
    p.add_argument("--annotator", required=True, metavar="NAME")
    _writes(p)
    p.set_defaults(run=commands_claims.unrelate)

    p = sub.add_parser("status", help="set a document's set status (new, in_progress, done, skipped; gold: curated)")
    p.add_argument("document_id", metavar="DOC_ID")
    p.add_argument("status", choices=[s.value for s in SetStatus])
    p.add_argument("--annotator", required=True, metavar="NAME")
    _writes(p)
    p.set_defaults(run=commands.status)

    p = sub.add_parser("note", help="attach a comment or an 'unsure' flag to a span, a claim or a document")
    p.add_argument("document_id", metavar="DOC_ID")
    p.add_argument("--span", type=int, metavar="ID", help="the span or claim id (as `show` prints it); "
                                                          "without it the note is on the whole document")
    p.add_argument("--text", default="", metavar="TEXT", help="the comment (may be left out with --unsure)")
    p.add_argument("--unsure", action="store_true", help="flag it as unsure")
    p.add_argument("--annotator", metavar="NAME", help="whose set the note is in (default: --user)")
    _writes(p)
    p.set_defaults(run=commands_notes.note)

    p = sub.add_parser("notes", help="the annotators' notes and 'unsure' flags, by document")
    p.add_argument("--docs", metavar="ID,...", help="only these documents")
    p.add_argument("--annotator", metavar="NAME", help="only the notes in this owner's sets")
    p.add_argument("--unsure", action="store_true", help="only the notes flagged unsure")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=commands_notes.notes)

    p = sub.add_parser("unnote", help="remove a note by its id (as `notes` prints it)")
    p.add_argument("note_id", type=int, metavar="NOTE_ID")
    p.add_argument("--annotator", required=True, metavar="NAME")
    _writes(p)
    p.set_defaults(run=commands_notes.unnote)

    p = sub.add_parser("log", help="the action log, newest first (who, when, what)")
    p.add_argument("--annotator", metavar="NAME", help="only the actions in this owner's history")
    p.add_argument("--limit", type=int, default=50)
    p.set_defaults(run=commands.log)

    for name, helptext in (("undo", "undo that owner's last action"), ("redo", "redo that owner's last undo")):
        p = sub.add_parser(name, help=helptext + " (as a new action)")
        p.add_argument("--annotator", required=True, metavar="NAME")
        _writes(p)
        p.set_defaults(run=commands.undo if name == "undo" else commands.redo)

    p = sub.add_parser("users", help="list users, or add one with a role")
    users_sub = p.add_subparsers(dest="users_command", metavar="add|list")
    add = users_sub.add_parser("add", help="add a user (or change their role)")
    add.add_argument("name", metavar="NAME")
    add.add_argument("--role", required=True, choices=[r.value for r in Role])
    add.add_argument("--user", metavar="CURATOR",
                     help="who adds them (a curator, once the team has one; on a server: your login)")
    add.add_argument("--password", metavar="SECRET",
                     help="on a server: the new login's password (default: one is made and printed)")
    users_sub.add_parser("list", help="every user with their role")
    p.set_defaults(run=commands_team.users)

    p = sub.add_parser("assign", help="assign documents to annotators, balanced")
    p.add_argument("--annotators", required=True, metavar="A,B,C")
    p.add_argument("--per-doc", required=True, type=int, metavar="K", help="annotators per document")
    p.add_argument("--docs", metavar="ID,...")
    p.set_defaults(run=commands_team.assign)

    p = sub.add_parser("progress", help="done / assigned per annotator")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=commands_team.progress)

    p = sub.add_parser("agreement", help="agreement between annotators (spans, tokens, claims) and against gold")
    p.add_argument("--annotators", metavar="A,B,...", help="whom to compare (default: every annotator)")
    p.add_argument("--label", metavar="L", help="only spans with this label (or labels, comma-separated)")
    p.add_argument("--docs", metavar="ID,...")
    p.add_argument("--done-only", action="store_true", help="only sets marked done (gold: curated)")
    p.add_argument("--copies-as-one", action="store_true",
                   help="a repeated passage counts once, at its first place (see `repeats`)")
    _json_or_csv(p)
    p.set_defaults(run=commands_team.agreement)

    p = sub.add_parser("suggest", help="let models propose spans into their model:NAME sets (resumable)")
    p.add_argument("--docs", metavar="ID,...", help="only these documents (default: all)")
    p.add_argument("--model", metavar="natasha|rules", help="which models, comma-separated (default: both)")
    p.set_defaults(run=commands_suggest.suggest)

    p = sub.add_parser("suggestions", help="how each annotator answered the suggestions, and agrees with the models")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=commands_suggest.suggestions_)

    p = sub.add_parser("repeats", help="passages repeated across documents, with their places")
    p.add_argument("--json", action="store_true")
    p.add_argument("--reindex", action="store_true",
                   help="index every document again first (otherwise only the documents not indexed yet)")
    p.set_defaults(run=commands_suggest.repeats)

    p = sub.add_parser("propagate", help="propose an annotator's spans and claims of a document in the copies "
                                         "of its repeated passages (into model:copies:NAME)")
    p.add_argument("--from", dest="source", required=True, metavar="DOC_ID")
    p.add_argument("--annotator", required=True, metavar="NAME")
    _writes(p)
    p.set_defaults(run=commands_suggest.propagate)

    p = sub.add_parser("curate", help="build the gold set of a document (curators only)")
    p.add_argument("document_id", metavar="DOC_ID")
    how = p.add_mutually_exclusive_group()
    how.add_argument("--accept-agreed", action="store_true",
                     help="copy into gold what all the document's annotators agree on")
    how.add_argument("--take", metavar="ANNOTATOR", help="make gold a copy of this annotator's set")
    p.add_argument("--mark-curated", action="store_true", help="then mark the gold set curated")
    p.add_argument("--user", required=True, metavar="CURATOR")
    p.set_defaults(run=commands_team.curate)
    return parser


def _gui(args: argparse.Namespace) -> int:
    from annotator.gui.app import run_gui  # Qt loads only for the window, never for a command

    # The window's own choice (Preferences) applies unless --db or $ANNOTATOR_DB names one.
    if getattr(args, "quit_after_load", False):
        return run_gui(args.explicit_db, quit_after_load=True)
    return run_gui(args.explicit_db)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        args.run = _gui
    if args.command == "import" and not args.sample and not args.paths:
        parser.error("import needs PATH... or --sample")
    if args.command == "import" and args.sample and args.paths:
        parser.error("import takes PATH... or --sample, not both")
    args.explicit_db = args.db or os.environ.get("ANNOTATOR_DB") or None
    args.db = args.db or paths.default_database()
    with terminal.escaping_output():
        return _run(args)


def _run(args: argparse.Namespace) -> int:
    try:
        return args.run(args)
    except (ServiceError, DatabaseError) as exc:
        hint = "; --force replaces it" if isinstance(exc, OutputRefused) and exc.forceable else ""
        print(f"annotator: error: {exc}{hint}", file=sys.stderr)
        return 1
    except InputError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return 1
    except Cancelled:
        print("annotator: cancelled; nothing was written", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("annotator: interrupted; nothing was written", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 1
    except OSError as exc:  # a file the command had to read or write; the services name most such cases
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"annotator: error: {where}{exc.strerror or exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
