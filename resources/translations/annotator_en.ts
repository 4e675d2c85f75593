<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AgreementDashboard</name>
    <message numerus="yes">
        <location filename="../../annotator/gui/team/dashboard.py" line="402" />
        <source>%n document(s) with sets</source>
        <translation><numerusform>%n document with sets</numerusform><numerusform>%n documents with sets</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../annotator/gui/team/dashboard.py" line="455" />
        <source>%n document(s) labelled by both</source>
        <translation><numerusform>%n document labelled by both</numerusform><numerusform>%n documents labelled by both</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../annotator/gui/team/dashboard.py" line="609" />
        <source>%n document(s) with two or more annotators; double-click or Enter to curate.</source>
        <translation><numerusform>%n document with two or more annotators; double-click or Enter to curate.</numerusform><numerusform>%n documents with two or more annotators; double-click or Enter to curate.</numerusform></translation>
    </message>
</context>
<context>
    <name>ClaimTypesTab</name>
    <message numerus="yes">
        <location filename="../../annotator/gui/scheme/scheme_editor.py" line="510" />
        <source>%n claim(s)</source>
        <translation><numerusform>%n claim</numerusform><numerusform>%n claims</numerusform></translation>
    </message>
</context>
<context>
    <name>ClaimsBrowser</name>
    <message numerus="yes">
        <location filename="../../annotator/gui/entities/claims_browser.py" line="284" />
        <source>%n claim(s) shown</source>
        <translation><numerusform>%n claim shown</numerusform><numerusform>%n claims shown</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../annotator/gui/entities/claims_browser.py" line="296" />
        <source>%n group(s)</source>
        <translation><numerusform>%n group</numerusform><numerusform>%n groups</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../annotator/gui/entities/claims_browser.py" line="300" />
        <source>%n figure(s) stated more than once</source>
        <translation><numerusform>%n figure stated more than once</numerusform><numerusform>%n figures stated more than once</numerusform></translation>
    </message>
</context>
<context>
    <name>CurationWindow</name>
    <message numerus="yes">
        <location filename="../../annotator/gui/curate/curation_window.py" line="438" />
        <source>%n disagreement(s) (F8: the first)</source>
        <translation><numerusform>%n disagreement (F8: the first)</numerusform><numerusform>%n disagreements (F8: the first)</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../annotator/gui/curate/curation_window.py" line="444" />
        <location filename="../../annotator/gui/curate/curation_window.py" line="493" />
        <source>%n not settled in gold</source>
        <translation><numerusform>%n not settled in gold</numerusform><numerusform>%n not settled in gold</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../annotator/gui/curate/curation_window.py" line="458" />
        <source>%n disagreement(s) not settled in gold yet. Mark gold curated anyway?</source>
        <translation><numerusform>%n disagreement not settled in gold yet. Mark gold curated anyway?</numerusform><numerusform>%n disagreements not settled in gold yet. Mark gold curated anyway?</numerusform></translation>
    </message>
</context>
<context>
    <name>EntityPage</name>
    <message numerus="yes">
        <location filename="../../annotator/gui/entities/entity_page.py" line="147" />
        <source>%n entity(ies)</source>
        <translation><numerusform>%n entity(ies)</numerusform><numerusform>%n entity(ies)</numerusform></translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message numerus="yes">
        <location filename="../../annotator/gui/io/import_dialog.py" line="254" />
        <source>%n problem(s); nothing was imported.</source>
        <translation><numerusform>%n problem; nothing was imported.</numerusform><numerusform>%n problems; nothing was imported.</numerusform></translation>
    </message>
</context>
<context>
    <name>LabelsTab</name>
    <message numerus="yes">
        <location filename="../../annotator/gui/scheme/scheme_editor.py" line="384" />
        <source>%n span(s)</source>
        <translation><numerusform>%n span</numerusform><numerusform>%n spans</numerusform></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../annotator/gui/annotate/main_window.py" line="899" />
        <source>%n span(s) in this document</source>
        <translation><numerusform>%n span in this document</numerusform><numerusform>%n spans in this document</numerusform></translation>
    </message>
</context>
<context>
    <name>RepeatIndexing</name>
    <message numerus="yes">
        <location filename="../../annotator/gui/annotate/repeat_indexing.py" line="58" />
        <source>Indexing repeated passages: %n document(s) left</source>
        <translation><numerusform>Indexing repeated passages: %n document left</numerusform><numerusform>Indexing repeated passages: %n documents left</numerusform></translation>
    </message>
</context>
<context>
    <name>SearchPane</name>
    <message numerus="yes">
        <location filename="../../annotator/gui/annotate/search_pane.py" line="245" />
        <source>%n hit(s)</source>
        <translation><numerusform>%n hit</numerusform><numerusform>%n hits</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../annotator/gui/annotate/search_pane.py" line="247" />
        <source>%n hit(s) so far; scroll for more</source>
        <translation><numerusform>%n hit so far; scroll for more</numerusform><numerusform>%n hits so far; scroll for more</numerusform></translation>
    </message>
</context>
</TS>