<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ru_RU">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../annotator/gui/setup/about.py" line="33" />
        <source>About annotator</source>
        <translation>О программе annotator</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/setup/about.py" line="45" />
        <source>Annotate Russian news: entities, claims and who said what; several annotators, their agreement and a curated gold version.</source>
        <translation>Разметка новостей на русском: сущности, утверждения и кто что сказал; несколько аннотаторов, их согласие и выверенная эталонная версия.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/setup/about.py" line="48" />
        <source>Database: %1</source>
        <translation>База данных: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/setup/about.py" line="52" />
        <source>Licence: %1. Running on Qt %2 and PySide6 %3.</source>
        <translation>Лицензия: %1. Работает на Qt %2 и PySide6 %3.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/setup/about.py" line="57" />
        <source>Library</source>
        <translation>Библиотека</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/setup/about.py" line="57" />
        <source>Version</source>
        <translation>Версия</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/setup/about.py" line="57" />
        <source>Licence</source>
        <translation>Лицензия</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/setup/about.py" line="75" />
        <source>Qt and Qt for Python (PySide6) are used under the GNU Lesser General Public License version 3: you may replace them with builds of your own. Their source code is at &lt;a href="https://download.qt.io/"&gt;download.qt.io&lt;/a&gt;.</source>
        <translation>Qt и Qt for Python (PySide6) используются на условиях GNU Lesser General Public License версии 3: их можно заменить собственными сборками. Их исходный код — на &lt;a href="https://download.qt.io/"&gt;download.qt.io&lt;/a&gt;.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/setup/about.py" line="91" />
        <source>The libraries it runs on:</source>
        <translation>Библиотеки, на которых она работает:</translation>
    </message>
</context>
<context>
    <name>AgreementDashboard</name>
    <message>
        <location filename="../../annotator/gui/team/dashboard.py" line="204" />
        <source>Agreement</source>
        <translation>Согласие</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team/dashboard.py" line="208" />
        <source>Krippendorff's α (tokens)</source>
        <translation>α Криппендорфа (токены)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team/dashboard.py" line="209" />
        <source>Cohen's κ (tokens)</source>
        <translation>κ Коэна (токены)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team/dashboard.py" line="210" />
        <source>Span F1 (exact)</source>
        <translation>F1 по фрагментам (точно)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team/dashboard.py" line="211" />
        <source>Span F1 (relaxed)</source>
        <translation>F1 по фрагментам (с перекрытием)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team/dashboard.py" line="214" />
        <source>Done sets only</source>
        <translation>Только готовые наборы</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team/dashboard.py" line="215" />
        <source>Compare only the sets their annotators marked done</source>
        <translation>Сравнивать только наборы, отмеченные аннотаторами как готовые</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team/dashboard.py" line="217" />
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team/dashboard.py" line="221" />
        <source>Measure:</source>
        <translation>Мера:</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team/dashboard.py" line="253" />
        <source>— undefined (hover for why)</source>
        <translation>— не определено (наведите, чтобы узнать почему)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team/dashboard.py" line="255" />
        <source>Each pair of annotators</source>
        <translation>Пары аннотаторов</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team/dashboard.py" line="263" />
        <source>Label</source>
        <translation>Метка</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team/dashboard.py" line="263" />
        <source>Spans compared</source>
        <translation>Сравнено фрагментов</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team/dashboard.py" line="263" />
        <location filename="../../annotator/gui/team/dashboard.py" line="274" />
        <source>F1 exact</source>
        <translation>F1 точно</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team/dashboard.py" line="264" />
        <location filename="../../annotator/gui/team/dashboard.py" line="274" />
        <source>F1 relaxed</source>
        <translation>F1 с перекрытием</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team/dashboard.py" line="266" />
        <source>Spans of the label in the documents both of a pair labelled, summed over the pairs</source>
        <translation>Фрагменты метки в документах, размеченных обоими в паре, в сумме по всем парам</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team/dashboard.py" line="267" />
        <source>Per label, over all pairs</source>
        <translation>По меткам, по всем парам</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team/dashboard.py" line="273" />
        <location filename="../../annotator/gui/team/dashboard.py" line="552" />
        <location filename="../../annotator/gui/team/dashboard.py" line="559" />
        <source>Annotator</source>
        <translation>Аннотатор</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team/dashboard.py" line="273" />
        <source>Documents</source>
        <translation>Документы</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team/dashboard.py" line="273" />
        <source>Precision</source>
        <translation>Точность</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team/dashboard.py" line="274" />
        <source>Recall</source>
        <translation>Полнота</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team/dashboard.py" line="275" />
        <location filename="../../annotator/gui/team/dashboard.py" line="276" />
        <source>Exact match, gold as the reference</source>
        <translation>Точное совпадение, эталон как образец</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team/dashboard.py" line="279" />
        <source>Each annotator against gold</source>
        <translation>Каждый аннотатор против эталона</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team/dashboard.py" line="289" />
        <source>Progress</source>
        <translation>Ход работы</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team/dashboard.py" line="296" />
        <source>Document</source>
        <translation>Документ</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team/dashboard.py" line="296" />
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team/dashboard.py" line="296" />
        <source>Annotators</source>
        <translation>Аннотаторы</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team/dashboard.py" line="297" />
        <source>Disagreements</source>
        <translation>Расхождения</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team/dashboard.py" line="297" />
        <source>Agreed</source>
        <translation>Совпало</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team/dashboard.py" line="297" />
        <source>Gold</source>
        <translation>Эталон</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team/dashboard.py" line="306" />
        <source>Open in curation</source>
        <translation>Открыть для курирования</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team/dashboard.py" line="312" />
        <source>Documents with the most disagreement</source>
        <translation>Документы с наибольшими расхождениями</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team/dashboard.py" line="317" />
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team/dashboard.py" line="373" />
        <source>Computing…</source>
        <translation>Вычисляется…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team/dashboard.py" line="396" />
        <source>Not computed: %1</source>
        <translation>Не вычислено: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../annotator/gui/team/dashboard.py" line="402" />
        <source>%n document(s) with sets</source>
        <translation>
            <numerusform>%n документ с наборами</numerusform>
            <numerusform>%n документа с наборами</numerusform>
            <numerusform>%n документов с наборами</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team/dashboard.py" line="403" />
        <source>annotators: %1</source>
        <translation>разметчики: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team/dashboard.py" line="452" />
        <source>matched: %1; spans of %2: %3, of %4: %5</source>
        <translation>совпало: %1; фрагментов у %2: %3, у %4: %5</translation>
    </message>
    <message numerus="yes">
        <location filename="../../annotator/gui/team/dashboard.py" line="455" />
        <source>%n document(s) labelled by both</source>
        <translation>
            <numerusform>%n документ размечен обоими</numerusform>
            <numerusform>%n документа размечены обоими</numerusform>
            <numerusform>%n документов размечены обоими</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team/dashboard.py" line="605" />
        <source>The %1 with the most disagreement (documents: %2); double-click or Enter to curate.</source>
        <translation>%1 с наибольшим расхождением (всего документов: %2); двойной щелчок или Enter — к согласованию.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../annotator/gui/team/dashboard.py" line="609" />
        <source>%n document(s) with two or more annotators; double-click or Enter to curate.</source>
        <translation>
            <numerusform>%n документ с двумя и более разметчиками; двойной щелчок или Enter — к согласованию.</numerusform>
            <numerusform>%n документа с двумя и более разметчиками; двойной щелчок или Enter — к согласованию.</numerusform>
            <numerusform>%n документов с двумя и более разметчиками; двойной щелчок или Enter — к согласованию.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team/dashboard.py" line="405" />
        <source>; done sets only</source>
        <translation>; только готовые наборы</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team/dashboard.py" line="436" />
        <source>%1 token(s) labelled by both</source>
        <translation>Токенов, размеченных обоими: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team/dashboard.py" line="439" />
        <source>Undefined: %1</source>
        <translation>Не определено: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team/dashboard.py" line="449" />
        <source>%1 as reference, %2 as candidate</source>
        <translation>%1 — образец, %2 — сравниваемый</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team/dashboard.py" line="450" />
        <source>Precision %1, recall %2, F1 %3</source>
        <translation>Точность %1, полнота %2, F1 %3</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team/dashboard.py" line="458" />
        <source>Undefined: neither has a span in the documents both labelled</source>
        <translation>Не определено: ни у кого нет фрагментов в документах, размеченных обоими</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team/dashboard.py" line="489" />
        <source>Fewer than two annotators have sets: nothing to compare yet.</source>
        <translation>Наборы есть меньше чем у двух аннотаторов: пока нечего сравнивать.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team/dashboard.py" line="491" />
        <source>Each token labelled by its outermost span (or O), over the tokens both annotators labelled.</source>
        <translation>Каждый токен получает метку внешнего фрагмента (или O); считаются токены, размеченные обоими аннотаторами.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team/dashboard.py" line="494" />
        <source>Spans matched one to one; F1 is the same either way round. Hover over a cell for precision and recall.</source>
        <translation>Фрагменты сопоставлены один к одному; F1 не зависит от порядка. Наведите на ячейку, чтобы увидеть точность и полноту.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team/dashboard.py" line="510" />
        <source>%1 matched of %2 and %3</source>
        <translation>Совпало %1 из %2 и %3</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team/dashboard.py" line="521" />
        <source>No gold yet: once a curator settles a document, each annotator is compared with its gold set here.</source>
        <translation>Эталона пока нет: когда куратор утвердит документ, здесь каждый аннотатор будет сравнён с эталоном.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team/dashboard.py" line="542" />
        <source>Relaxed: precision %1, recall %2</source>
        <translation>С перекрытием: точность %1, полнота %2</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team/dashboard.py" line="552" />
        <source>Assigned</source>
        <translation>Назначено</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team/dashboard.py" line="552" />
        <location filename="../../annotator/gui/team/dashboard.py" line="559" />
        <source>Done</source>
        <translation>Готово</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team/dashboard.py" line="553" />
        <location filename="../../annotator/gui/team/dashboard.py" line="560" />
        <source>In progress</source>
        <translation>В работе</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team/dashboard.py" line="553" />
        <location filename="../../annotator/gui/team/dashboard.py" line="560" />
        <source>Skipped</source>
        <translation>Пропущено</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team/dashboard.py" line="553" />
        <source>Remaining</source>
        <translation>Осталось</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team/dashboard.py" line="556" />
        <source>Against the assignments: done of assigned.</source>
        <translation>По назначениям: готово из назначенных.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team/dashboard.py" line="559" />
        <source>Sets</source>
        <translation>Наборы</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team/dashboard.py" line="560" />
        <source>New</source>
        <translation>Новые</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team/dashboard.py" line="562" />
        <source>No document is assigned yet: these are the sets each annotator has (done of all).</source>
        <translation>Документы ещё не назначены: показаны наборы каждого аннотатора (готово из всех).</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team/dashboard.py" line="564" />
        <source>No annotator has a set yet.</source>
        <translation>Ни у одного аннотатора пока нет наборов.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team/dashboard.py" line="584" />
        <source>curated</source>
        <translation>утверждён</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team/dashboard.py" line="584" />
        <source>in progress</source>
        <translation>в работе</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team/dashboard.py" line="585" />
        <source>new</source>
        <translation>новый</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team/dashboard.py" line="585" />
        <source>done</source>
        <translation>готов</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team/dashboard.py" line="586" />
        <source>skipped</source>
        <translation>пропущен</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team/dashboard.py" line="587" />
        <source>missing</source>
        <translation>есть не у всех</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team/dashboard.py" line="587" />
        <source>label</source>
        <translation>метка</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team/dashboard.py" line="587" />
        <source>boundary</source>
        <translation>границы</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team/dashboard.py" line="588" />
        <source>speaker</source>
        <translation>источник</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team/dashboard.py" line="588" />
        <source>other</source>
        <translation>другое</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/team/dashboard.py" line="603" />
        <source>No document has sets of two annotators yet.</source>
        <translation>Пока ни в одном документе нет наборов двух аннотаторов.</translation>
    </message>
</context>
<context>
    <name>AttributeEditor</name>
    <message>
        <location filename="../../annotator/gui/annotate/attribute_editor.py" line="56" />
        <source>No span selected</source>
        <translation>Фрагмент не выбран</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/attribute_editor.py" line="61" />
        <source>%1 span %2–%3</source>
        <translation>Фрагмент %1, %2–%3</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/attribute_editor.py" line="64" />
        <source>%1 spans have no attributes</source>
        <translation>У фрагментов %1 нет атрибутов</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/attribute_editor.py" line="107" />
        <source>(not set)</source>
        <translation>(не задано)</translation>
    </message>
</context>
<context>
    <name>BratOffer</name>
    <message>
        <location filename="../../annotator/gui/scheme/brat_offer.py" line="47" />
        <source>Labels (%1): %2</source>
        <translation>Метки (%1): %2</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/scheme/brat_offer.py" line="48" />
        <source>Relation types (%1): %2</source>
        <translation>Типы отношений (%1): %2</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/scheme/brat_offer.py" line="49" />
        <source>Relation types allowing more (%1): %2</source>
        <translation>Типы отношений, допускающие больше (%1): %2</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/scheme/brat_offer.py" line="50" />
        <source>Attributes (%1): %2</source>
        <translation>Атрибуты (%1): %2</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/scheme/brat_offer.py" line="54" />
        <source>Not taken (a scheme of ours cannot hold them): %1</source>
        <translation>Не взято (в нашей схеме им нет места): %1</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/scheme/brat_offer.py" line="69" />
        <source>%1 names nothing the scheme lacks</source>
        <translation>В %1 нет ничего, чего не хватает схеме</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/scheme/brat_offer.py" line="72" />
        <source>Labels from brat %1</source>
        <translation>Метки из brat %1</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/scheme/brat_offer.py" line="73" />
        <source>The brat configuration %1 names what the scheme lacks:

%2

Add them to the scheme (one change, undoable)?</source>
        <translation>Конфигурация brat %1 называет то, чего нет в схеме:

%2

Добавить это в схему (одно изменение, его можно отменить)?</translation>
    </message>
</context>
<context>
    <name>CheatSheet</name>
    <message>
        <location filename="../../annotator/gui/common/keys.py" line="235" />
        <source>Keys</source>
        <translation>Клавиши</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/common/keys.py" line="237" />
        <source>Key</source>
        <translation>Клавиша</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/common/keys.py" line="237" />
        <source>Action</source>
        <translation>Действие</translation>
    </message>
</context>
<context>
    <name>ClaimActions</name>
    <message>
        <location filename="../../annotator/gui/session/claim_keys.py" line="74" />
        <source>Put the caret in a claim first (or make one: select its text and press C)</source>
        <translation>Сначала поставьте курсор в утверждение (или создайте его: выделите текст и нажмите C)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/session/claim_keys.py" line="96" />
        <source>Select the text of the claim, then press C or a claim type's key</source>
        <translation>Выделите текст утверждения и нажмите C или клавишу типа утверждения</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/session/claim_keys.py" line="129" />
        <source>No PER, ORG or ROLE mention to be the speaker: mark one, or press A for the author</source>
        <translation>Нет упоминания PER, ORG или ROLE, которое могло бы быть источником: разметьте его или нажмите A (автор)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/session/claim_keys.py" line="148" />
        <source>Select the pronoun (or name) that speaks, then press M</source>
        <translation>Выделите местоимение (или имя) источника и нажмите M</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/session/claim_keys.py" line="181" />
        <source>Select the words that report the claim («заявил»), then press U</source>
        <translation>Выделите слова, которые вводят утверждение («заявил»), и нажмите U</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/session/claim_keys.py" line="207" />
        <source>No figure in this claim to propose</source>
        <translation>В этом утверждении нет числа, которое можно предложить</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/session/claim_keys.py" line="231" />
        <source>Put the caret on a span or a claim first</source>
        <translation>Сначала поставьте курсор на фрагмент или утверждение</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/session/claim_keys.py" line="235" />
        <source>Relation from «%1»: put the caret on the other end and press L (Esc cancels)</source>
        <translation>Связь от «%1»: поставьте курсор на второй конец и нажмите L (Esc — отмена)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/session/claim_keys.py" line="241" />
        <source>The scheme has no relation from %1 to %2</source>
        <translation>В схеме нет связи от %1 к %2</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/session/claim_keys.py" line="246" />
        <location filename="../../annotator/gui/session/claim_keys.py" line="261" />
        <source>No relation made</source>
        <translation>Связь не создана</translation>
    </message>
</context>
<context>
    <name>ClaimPanel</name>
    <message>
        <location filename="../../annotator/gui/annotate/claim_panel.py" line="178" />
        <location filename="../../annotator/gui/annotate/claim_panel.py" line="340" />
        <source>value unit period, e.g. 4e9 USD 2025</source>
        <translation>значение единица период, например 4e9 USD 2025</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/claim_panel.py" line="209" />
        <source>Claim</source>
        <translation>Утверждение</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/claim_panel.py" line="209" />
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/claim_panel.py" line="209" />
        <source>Speaker</source>
        <translation>Источник</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/claim_panel.py" line="209" />
        <source>Cue</source>
        <translation>Маркер</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/claim_panel.py" line="209" />
        <source>Certainty</source>
        <translation>Уверенность</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/claim_panel.py" line="210" />
        <source>Check-worthy</source>
        <translation>Проверять</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/claim_panel.py" line="210" />
        <source>Quantity</source>
        <translation>Величина</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/claim_panel.py" line="210" />
        <source>Proposal</source>
        <translation>Предложение</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/claim_panel.py" line="211" />
        <source>The quantity the normaliser proposes</source>
        <translation>Величина, которую предлагает нормализатор</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/claim_panel.py" line="287" />
        <source>Author (the outlet)</source>
        <translation>Автор (издание)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/claim_panel.py" line="347" />
        <source>The normaliser proposes the stored quantity</source>
        <translation>Нормализатор предлагает ту же величину, что сохранена</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/claim_panel.py" line="350" />
        <source>The normaliser's proposal</source>
        <translation>Предложение нормализатора</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/claim_panel.py" line="355" />
        <source>hedged</source>
        <translation>с оговоркой</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/claim_panel.py" line="355" />
        <source>asserted</source>
        <translation>утверждается</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/claim_panel.py" line="388" />
        <source>“%1” is not a number: write VALUE UNIT PERIOD, e.g. 4e9 USD 2025</source>
        <translation>«%1» — не число: пишите ЗНАЧЕНИЕ ЕДИНИЦА ПЕРИОД, например 4e9 USD 2025</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/claim_panel.py" line="390" />
        <source>“%1” is not a period: YYYY, YYYY-MM, YYYY-MM-DD or FROM/TO</source>
        <translation>«%1» — не период: ГГГГ, ГГГГ-ММ, ГГГГ-ММ-ДД или ОТ/ДО</translation>
    </message>
</context>
<context>
    <name>ClaimTypesTab</name>
    <message>
        <location filename="../../annotator/gui/scheme/scheme_editor.py" line="501" />
        <source>Add claim type</source>
        <translation>Добавить тип</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/scheme/scheme_editor.py" line="503" />
        <source>What a claim of this type asserts, with an example</source>
        <translation>Какие утверждения относятся к этому типу, с примером</translation>
    </message>
    <message numerus="yes">
        <location filename="../../annotator/gui/scheme/scheme_editor.py" line="510" />
        <source>%n claim(s)</source>
        <translation>
            <numerusform>%n утверждение</numerusform>
            <numerusform>%n утверждения</numerusform>
            <numerusform>%n утверждений</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../annotator/gui/scheme/scheme_editor.py" line="528" />
        <source>Delete the claim type %1? It removes claims: %2 (%3), with the relations (%4) and notes (%5) on them. You can undo this.</source>
        <translation>Удалить тип утверждения %1? Будут удалены утверждения: %2 (%3), а с ними связи (%4) и заметки (%5). Это можно отменить.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/scheme/scheme_editor.py" line="530" />
        <source>Delete claim type</source>
        <translation>Удаление типа утверждения</translation>
    </message>
</context>
<context>
    <name>ClaimsBrowser</name>
    <message>
        <location filename="../../annotator/gui/entities/claims_browser.py" line="47" />
        <source>bn</source>
        <translation>млрд</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/entities/claims_browser.py" line="47" />
        <source>m</source>
        <translation>млн</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/entities/claims_browser.py" line="48" />
        <source>k</source>
        <translation>тыс.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/entities/claims_browser.py" line="70" />
        <source>Who said what — claims across the corpus</source>
        <translation>Кто что сказал — утверждения по всему корпусу</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/entities/claims_browser.py" line="79" />
        <source>Mine</source>
        <translation>Мои</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/entities/claims_browser.py" line="80" />
        <source>Gold</source>
        <translation>Эталон</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/entities/claims_browser.py" line="81" />
        <source>Everyone's</source>
        <translation>Всех</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/entities/claims_browser.py" line="85" />
        <source>Any type</source>
        <translation>Любой тип</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/entities/claims_browser.py" line="89" />
        <source>from YYYY-MM-DD</source>
        <translation>с ГГГГ-ММ-ДД</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/entities/claims_browser.py" line="91" />
        <source>to YYYY-MM-DD</source>
        <translation>по ГГГГ-ММ-ДД</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/entities/claims_browser.py" line="93" />
        <source>Check-worthy or not</source>
        <translation>Проверяемые и нет</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/entities/claims_browser.py" line="94" />
        <location filename="../../annotator/gui/entities/claims_browser.py" line="135" />
        <source>Check-worthy</source>
        <translation>Проверять</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/entities/claims_browser.py" line="95" />
        <source>Not check-worthy</source>
        <translation>Не требующие проверки</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/entities/claims_browser.py" line="97" />
        <source>Any certainty</source>
        <translation>Любая уверенность</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/entities/claims_browser.py" line="98" />
        <source>Asserted</source>
        <translation>Утверждается</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/entities/claims_browser.py" line="99" />
        <source>Hedged</source>
        <translation>С оговоркой</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/entities/claims_browser.py" line="101" />
        <source>unit: USD, %…</source>
        <translation>единица: USD, %…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/entities/claims_browser.py" line="103" />
        <source>figure ≥</source>
        <translation>число ≥</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/entities/claims_browser.py" line="105" />
        <source>figure ≤</source>
        <translation>число ≤</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/entities/claims_browser.py" line="106" />
        <source>With a figure</source>
        <translation>С числом</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/entities/claims_browser.py" line="108" />
        <source>words of the claim, any form</source>
        <translation>слова утверждения, в любой форме</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/entities/claims_browser.py" line="111" />
        <source>Claims</source>
        <translation>Утверждения</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/entities/claims_browser.py" line="112" />
        <source>By speaker</source>
        <translation>По говорящему</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/entities/claims_browser.py" line="113" />
        <source>By entity mentioned</source>
        <translation>По упомянутой сущности</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/entities/claims_browser.py" line="114" />
        <source>Figures compared</source>
        <translation>Сравнение чисел</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/entities/claims_browser.py" line="118" />
        <source>Show</source>
        <translation>Показать</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/entities/claims_browser.py" line="118" />
        <source>Whose</source>
        <translation>Чьи</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/entities/claims_browser.py" line="118" />
        <location filename="../../annotator/gui/entities/claims_browser.py" line="134" />
        <source>Speaker</source>
        <translation>Источник</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/entities/claims_browser.py" line="119" />
        <location filename="../../annotator/gui/entities/claims_browser.py" line="134" />
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/entities/claims_browser.py" line="119" />
        <source>Dates</source>
        <translation>Даты</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/entities/claims_browser.py" line="120" />
        <source>Check</source>
        <translation>Проверка</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/entities/claims_browser.py" line="120" />
        <location filename="../../annotator/gui/entities/claims_browser.py" line="136" />
        <source>Certainty</source>
        <translation>Уверенность</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/entities/claims_browser.py" line="121" />
        <location filename="../../annotator/gui/entities/claims_browser.py" line="134" />
        <source>Figure</source>
        <translation>Число</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/entities/claims_browser.py" line="122" />
        <source>Text</source>
        <translation>Текст</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/entities/claims_browser.py" line="134" />
        <source>Claim</source>
        <translation>Утверждение</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/entities/claims_browser.py" line="135" />
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/entities/claims_browser.py" line="135" />
        <source>Document</source>
        <translation>Документ</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/entities/claims_browser.py" line="187" />
        <source>Anyone</source>
        <translation>Кто угодно</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/entities/claims_browser.py" line="188" />
        <source>The outlet (AUTHOR)</source>
        <translation>Издание (AUTHOR)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/entities/claims_browser.py" line="239" />
        <source>Reading…</source>
        <translation>Чтение…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/entities/claims_browser.py" line="267" />
        <source>Error: %1</source>
        <translation>Ошибка: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/entities/claims_browser.py" line="283" />
        <source> (scroll down for more)</source>
        <translation> (прокрутите вниз, чтобы увидеть ещё)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../annotator/gui/entities/claims_browser.py" line="284" />
        <source>%n claim(s) shown</source>
        <translation>
            <numerusform>%n утверждение показано</numerusform>
            <numerusform>%n утверждения показано</numerusform>
            <numerusform>%n утверждений показано</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../annotator/gui/entities/claims_browser.py" line="296" />
        <source>%n group(s)</source>
        <translation>
            <numerusform>%n группа</numerusform>
            <numerusform>%n группы</numerusform>
            <numerusform>%n групп</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../annotator/gui/entities/claims_browser.py" line="300" />
        <source>%n figure(s) stated more than once</source>
        <translation>
            <numerusform>%n число названо не раз</numerusform>
            <numerusform>%n числа названы не раз</numerusform>
            <numerusform>%n чисел названы не раз</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../annotator/gui/entities/claims_browser.py" line="307" />
        <source>the outlet (AUTHOR)</source>
        <translation>издание (AUTHOR)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/entities/claims_browser.py" line="314" />
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/entities/claims_browser.py" line="314" />
        <source>no</source>
        <translation>нет</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/entities/claims_browser.py" line="315" />
        <source>hedged</source>
        <translation>с оговоркой</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/entities/claims_browser.py" line="315" />
        <source>asserted</source>
        <translation>утверждается</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/entities/claims_browser.py" line="316" />
        <source>About: %1</source>
        <translation>О ком/чём: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/entities/claims_browser.py" line="325" />
        <source>%1 · %2: %3 statements; speakers: %4, documents: %5</source>
        <translation>%1 · %2: утверждений — %3; говорящих — %4, документов — %5</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/entities/claims_browser.py" line="326" />
        <source>no period</source>
        <translation>без периода</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/entities/claims_browser.py" line="330" />
        <source>the figure changed</source>
        <translation>число изменилось</translation>
    </message>
</context>
<context>
    <name>Curation</name>
    <message>
        <location filename="../../annotator/gui/curate/lanes.py" line="36" />
        <source>only some have it</source>
        <translation>есть не у всех</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/curate/lanes.py" line="37" />
        <source>different label</source>
        <translation>разные метки</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/curate/lanes.py" line="38" />
        <source>different boundary</source>
        <translation>разные границы</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/curate/lanes.py" line="39" />
        <source>other speaker</source>
        <translation>другой источник</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/curate/lanes.py" line="40" />
        <source>other</source>
        <translation>другое</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/curate/lanes.py" line="43" />
        <source>new</source>
        <translation>новый</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/curate/lanes.py" line="44" />
        <source>in progress</source>
        <translation>в работе</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/curate/lanes.py" line="45" />
        <source>done</source>
        <translation>готов</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/curate/lanes.py" line="46" />
        <source>curated</source>
        <translation>утверждён</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/curate/lanes.py" line="47" />
        <source>skipped</source>
        <translation>пропущен</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/curate/lanes.py" line="64" />
        <source>not started</source>
        <translation>не начат</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/curate/lanes.py" line="80" />
        <source>author</source>
        <translation>автор</translation>
    </message>
</context>
<context>
    <name>CurationWindow</name>
    <message>
        <location filename="../../annotator/gui/curate/curation_window.py" line="123" />
        <source>Curation — %1 — %2</source>
        <translation>Курирование — %1 — %2</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/curate/curation_window.py" line="138" />
        <source>Disagreements</source>
        <translation>Расхождения</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/curate/curation_window.py" line="139" />
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/curate/curation_window.py" line="201" />
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/curate/curation_window.py" line="256" />
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/curate/curation_window.py" line="261" />
        <source>Span &amp;edges</source>
        <translation>&amp;Границы фрагмента</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/curate/curation_window.py" line="264" />
        <source>Accept the version of</source>
        <translation>Принять версию</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/curate/curation_window.py" line="267" />
        <source>&amp;Label</source>
        <translation>&amp;Метки</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/curate/curation_window.py" line="269" />
        <source>&amp;Go</source>
        <translation>П&amp;ереход</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/curate/curation_window.py" line="273" />
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/curate/curation_window.py" line="350" />
        <source>Read only: %1</source>
        <translation>Только просмотр: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/curate/curation_window.py" line="358" />
        <source>Disagreements (%1)</source>
        <translation>Расхождения (%1)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/curate/curation_window.py" line="393" />
        <source>gold</source>
        <translation>эталон</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/curate/curation_window.py" line="396" />
        <source>read only</source>
        <translation>только просмотр</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/curate/curation_window.py" line="404" />
        <source>Accept %1's version of this disagreement</source>
        <translation>Принять версию %1 для этого расхождения</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/curate/curation_window.py" line="410" />
        <source>Undo: %1</source>
        <translation>Отменить: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/curate/curation_window.py" line="411" />
        <source>Undo</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/curate/curation_window.py" line="413" />
        <source>Redo: %1</source>
        <translation>Повторить: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/curate/curation_window.py" line="414" />
        <source>Redo</source>
        <translation>Повторить</translation>
    </message>
    <message numerus="yes">
        <location filename="../../annotator/gui/curate/curation_window.py" line="438" />
        <source>%n disagreement(s) (F8: the first)</source>
        <translation>
            <numerusform>%n расхождение (F8 — к первому)</numerusform>
            <numerusform>%n расхождения (F8 — к первому)</numerusform>
            <numerusform>%n расхождений (F8 — к первому)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../annotator/gui/curate/curation_window.py" line="439" />
        <source>No disagreements</source>
        <translation>Расхождений нет</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/curate/curation_window.py" line="441" />
        <source>Disagreement %1 of %2: %3</source>
        <translation>Расхождение %1 из %2: %3</translation>
    </message>
    <message numerus="yes">
        <location filename="../../annotator/gui/curate/curation_window.py" line="444" />
        <location filename="../../annotator/gui/curate/curation_window.py" line="493" />
        <source>%n not settled in gold</source>
        <translation>
            <numerusform>%n не решено в эталоне</numerusform>
            <numerusform>%n не решены в эталоне</numerusform>
            <numerusform>%n не решено в эталоне</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../annotator/gui/curate/curation_window.py" line="457" />
        <source>Mark gold curated</source>
        <translation>Отметить эталон как утверждённый</translation>
    </message>
    <message numerus="yes">
        <location filename="../../annotator/gui/curate/curation_window.py" line="458" />
        <source>%n disagreement(s) not settled in gold yet. Mark gold curated anyway?</source>
        <translation>
            <numerusform>%n расхождение ещё не решено в эталоне. Всё равно отметить эталон как утверждённый?</numerusform>
            <numerusform>%n расхождения ещё не решены в эталоне. Всё равно отметить эталон как утверждённый?</numerusform>
            <numerusform>%n расхождений ещё не решено в эталоне. Всё равно отметить эталон как утверждённый?</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../annotator/gui/curate/curation_window.py" line="477" />
        <source>The annotators agree everywhere</source>
        <translation>Аннотаторы согласны везде</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/curate/curation_window.py" line="481" />
        <source>Every disagreement is settled</source>
        <translation>Все расхождения решены</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/curate/curation_window.py" line="492" />
        <source>Disagreement %1 of %2;</source>
        <translation>Расхождение %1 из %2;</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/curate/curation_window.py" line="496" />
        <source> — settled in its copy in %1: Alt+C takes that gold</source>
        <translation> — решено в копии в %1: Alt+C берёт оттуда эталон</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/curate/curation_window.py" line="546" />
        <source>Notes (%1)</source>
        <translation>Заметки (%1)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/curate/curation_window.py" line="552" />
        <source>A note on the whole document</source>
        <translation>Заметка ко всему документу</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/curate/curation_window.py" line="568" />
        <source>Curation keys</source>
        <translation>Клавиши курирования</translation>
    </message>
</context>
<context>
    <name>DisagreementList</name>
    <message>
        <location filename="../../annotator/gui/curate/lanes.py" line="229" />
        <source>Layer</source>
        <translation>Слой</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/curate/lanes.py" line="229" />
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/curate/lanes.py" line="229" />
        <source>Text</source>
        <translation>Текст</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/curate/lanes.py" line="229" />
        <source>Gold</source>
        <translation>Эталон</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/curate/lanes.py" line="235" />
        <source>entity</source>
        <translation>сущность</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/curate/lanes.py" line="235" />
        <source>claim</source>
        <translation>утверждение</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/curate/lanes.py" line="245" />
        <source>rejected</source>
        <translation>отклонено</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/curate/lanes.py" line="256" />
        <source>characters %1–%2</source>
        <translation>символы %1–%2</translation>
    </message>
</context>
<context>
    <name>DocumentList</name>
    <message>
        <location filename="../../annotator/gui/annotate/document_list.py" line="54" />
        <source>Document</source>
        <translation>Документ</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/document_list.py" line="50" />
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/document_list.py" line="49" />
        <source>Title</source>
        <translation>Заголовок</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/document_list.py" line="51" />
        <source>Length</source>
        <translation>Длина</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/document_list.py" line="52" />
        <source>My status</source>
        <translation>Мой статус</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/document_list.py" line="53" />
        <source>Spans</source>
        <translation>Фрагменты</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/document_list.py" line="58" />
        <source>new</source>
        <translation>новый</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/document_list.py" line="59" />
        <source>in_progress</source>
        <translation>в работе</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/document_list.py" line="60" />
        <source>done</source>
        <translation>готов</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/document_list.py" line="61" />
        <source>curated</source>
        <translation>проверен куратором</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/document_list.py" line="62" />
        <source>skipped</source>
        <translation>пропущен</translation>
    </message>
</context>
<context>
    <name>DocumentTable</name>
    <message>
        <location filename="../../annotator/gui/annotate/document_table.py" line="67" />
        <source>Mark selected done</source>
        <translation>Отметить выбранные готовыми</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/document_table.py" line="69" />
        <source>Mark selected in progress</source>
        <translation>Отметить выбранные как «в работе»</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/document_table.py" line="71" />
        <source>Export selected…</source>
        <translation>Экспортировать выбранные…</translation>
    </message>
</context>
<context>
    <name>DocumentView</name>
    <message>
        <location filename="../../annotator/gui/text/document_view.py" line="543" />
        <source>speaker</source>
        <translation>источник</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/text/document_view.py" line="544" />
        <source>cue</source>
        <translation>маркер</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/text/document_view.py" line="1000" />
        <source>hedged</source>
        <translation>с оговоркой</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/text/document_view.py" line="1002" />
        <source>check-worthy</source>
        <translation>проверять</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/text/document_view.py" line="1003" />
        <source>Claim: %1</source>
        <translation>Утверждение: %1</translation>
    </message>
</context>
<context>
    <name>EdgeActions</name>
    <message>
        <location filename="../../annotator/gui/session/edge_keys.py" line="41" />
        <source>No span or claim under the caret</source>
        <translation>Под курсором нет фрагмента или утверждения</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/session/edge_keys.py" line="60" />
        <source>That edge cannot move further</source>
        <translation>Эта граница дальше не сдвигается</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/session/edge_keys.py" line="78" />
        <location filename="../../annotator/gui/session/edge_keys.py" line="95" />
        <source>No span under the caret</source>
        <translation>Под курсором нет фрагмента</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/session/edge_keys.py" line="82" />
        <source>Put the caret between two words of the span to split it</source>
        <translation>Чтобы разделить фрагмент, поставьте курсор между двумя его словами</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/session/edge_keys.py" line="112" />
        <source>No span of the same label next to this one</source>
        <translation>Рядом нет фрагмента с той же меткой</translation>
    </message>
</context>
<context>
    <name>EntityLinker</name>
    <message>
        <location filename="../../annotator/gui/session/entity_keys.py" line="121" />
        <source>Put the caret in a mention to link it to an entity</source>
        <translation>Поставьте курсор в упоминание, чтобы связать его с сущностью</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/session/entity_keys.py" line="157" />
        <source>entity %1</source>
        <translation>сущность %1</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/session/entity_keys.py" line="193" />
        <source>Put the caret in a linked mention first</source>
        <translation>Сначала поставьте курсор в связанное упоминание</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/session/entity_keys.py" line="196" />
        <source>Link this mention to an entity first, then every mention like it</source>
        <translation>Сначала свяжите это упоминание с сущностью, затем все такие же</translation>
    </message>
</context>
<context>
    <name>EntityPage</name>
    <message>
        <location filename="../../annotator/gui/entities/entity_page.py" line="36" />
        <source>Entities</source>
        <translation>Сущности</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/entities/entity_page.py" line="43" />
        <source>Filter by name or alias</source>
        <translation>Фильтр по имени или псевдониму</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/entities/entity_page.py" line="46" />
        <location filename="../../annotator/gui/entities/entity_page.py" line="67" />
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/entities/entity_page.py" line="46" />
        <location filename="../../annotator/gui/entities/entity_page.py" line="68" />
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/entities/entity_page.py" line="46" />
        <source>Mentions</source>
        <translation>Упоминания</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/entities/entity_page.py" line="47" />
        <source>Documents</source>
        <translation>Документы</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/entities/entity_page.py" line="49" />
        <source>Merge the selected into the current entity</source>
        <translation>Объединить выбранные с текущей сущностью</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/entities/entity_page.py" line="69" />
        <source>Aliases</source>
        <translation>Псевдонимы</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/entities/entity_page.py" line="70" />
        <source>External id</source>
        <translation>Внешний идентификатор</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/entities/entity_page.py" line="71" />
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/entities/entity_page.py" line="73" />
        <source>Document</source>
        <translation>Документ</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/entities/entity_page.py" line="73" />
        <source>Mention</source>
        <translation>Упоминание</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/entities/entity_page.py" line="73" />
        <source>Label</source>
        <translation>Метка</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/entities/entity_page.py" line="74" />
        <source>Where</source>
        <translation>Где</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/entities/entity_page.py" line="77" />
        <source>Split the selected mentions off to a new entity…</source>
        <translation>Отделить выбранные упоминания в новую сущность…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/entities/entity_page.py" line="82" />
        <source>Mentions across the corpus (Enter opens one):</source>
        <translation>Упоминания по всему корпусу (Enter открывает):</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/entities/entity_page.py" line="108" />
        <source>Undo</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/entities/entity_page.py" line="129" />
        <source>Set your annotator name first</source>
        <translation>Сначала укажите своё имя аннотатора</translation>
    </message>
    <message numerus="yes">
        <location filename="../../annotator/gui/entities/entity_page.py" line="147" />
        <source>%n entity(ies)</source>
        <translation>
            <numerusform>%n сущность</numerusform>
            <numerusform>%n сущности</numerusform>
            <numerusform>%n сущностей</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../annotator/gui/entities/entity_page.py" line="230" />
        <source>Select the entities to merge (Ctrl+click), the one to keep current</source>
        <translation>Выберите сущности для объединения (Ctrl+щелчок), оставляемую — текущей</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/entities/entity_page.py" line="243" />
        <source>Select the mentions that belong to another entity</source>
        <translation>Выберите упоминания, относящиеся к другой сущности</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/entities/entity_page.py" line="247" />
        <source>Split off</source>
        <translation>Отделить</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/entities/entity_page.py" line="247" />
        <source>Name of the new entity:</source>
        <translation>Имя новой сущности:</translation>
    </message>
</context>
<context>
    <name>EntityPopup</name>
    <message>
        <location filename="../../annotator/gui/session/entity_popup.py" line="36" />
        <source>1–9: link · N: new entity · Esc: close</source>
        <translation>1–9: связать · N: новая сущность · Esc: закрыть</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/session/entity_popup.py" line="47" />
        <source>by name</source>
        <translation>по имени</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/session/entity_popup.py" line="47" />
        <source>by alias</source>
        <translation>по псевдониму</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/session/entity_popup.py" line="48" />
        <source>by context</source>
        <translation>по контексту</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/session/entity_popup.py" line="51" />
        <location filename="../../annotator/gui/session/entity_popup.py" line="59" />
        <source>Link «%1» to…</source>
        <translation>Связать «%1» с…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/session/entity_popup.py" line="55" />
        <source>Looking for entities…</source>
        <translation>Поиск сущностей…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/session/entity_popup.py" line="60" />
        <source>«%1» is linked to %2; link it to…</source>
        <translation>«%1» связано с %2; связать с…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/session/entity_popup.py" line="73" />
        <source>No entity proposed: N makes a new one</source>
        <translation>Нет предложений: N создаёт новую сущность</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../annotator/gui/io/export_dialog.py" line="69" />
        <location filename="../../annotator/gui/io/export_dialog.py" line="142" />
        <source>Export</source>
        <translation>Экспорт</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/io/export_dialog.py" line="73" />
        <source>My sets (%1)</source>
        <translation>Мои разметки (%1)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/io/export_dialog.py" line="75" />
        <source>Gold</source>
        <translation>Эталон</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/io/export_dialog.py" line="76" />
        <source>All sets (a document without one once)</source>
        <translation>Все разметки (документ без разметки — один раз)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/io/export_dialog.py" line="77" />
        <source>Another annotator:</source>
        <translation>Другой аннотатор:</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/io/export_dialog.py" line="79" />
        <source>name</source>
        <translation>имя</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/io/export_dialog.py" line="94" />
        <source>All documents</source>
        <translation>Все документы</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/io/export_dialog.py" line="95" />
        <source>The documents the list shows (its filters)</source>
        <translation>Документы, показанные в списке (по его фильтрам)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/io/export_dialog.py" line="96" />
        <source>Selected documents (%1)</source>
        <translation>Выбранные документы (%1)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/io/export_dialog.py" line="108" />
        <source>out.jsonl</source>
        <translation>out.jsonl</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/io/export_dialog.py" line="110" />
        <source>Browse…</source>
        <translation>Обзор…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/io/export_dialog.py" line="117" />
        <source>JSONL</source>
        <translation>JSONL</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/io/export_dialog.py" line="117" />
        <source>doccano JSONL</source>
        <translation>doccano JSONL</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/io/export_dialog.py" line="118" />
        <source>Label Studio JSON</source>
        <translation>Label Studio JSON</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/io/export_dialog.py" line="119" />
        <source>brat standoff (a folder of .txt and .ann)</source>
        <translation>brat standoff (папка файлов .txt и .ann)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/io/export_dialog.py" line="120" />
        <source>CoNLL (IOB, BILUO)</source>
        <translation>CoNLL (IOB, BILUO)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/io/export_dialog.py" line="120" />
        <source>WebAnno TSV 3</source>
        <translation>WebAnno TSV 3</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/io/export_dialog.py" line="124" />
        <source>Format:</source>
        <translation>Формат:</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/io/export_dialog.py" line="125" />
        <source>Sets:</source>
        <translation>Разметки:</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/io/export_dialog.py" line="126" />
        <source>Documents:</source>
        <translation>Документы:</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/io/export_dialog.py" line="127" />
        <location filename="../../annotator/gui/io/export_dialog.py" line="173" />
        <source>Output file:</source>
        <translation>Файл:</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/io/export_dialog.py" line="134" />
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/io/export_dialog.py" line="145" />
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/io/export_dialog.py" line="173" />
        <source>New folder:</source>
        <translation>Новая папка:</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/io/export_dialog.py" line="175" />
        <source>A folder that does not exist yet: one folder per annotator is made in it, with a file per document</source>
        <translation>Папка, которой ещё нет: в ней создаётся по папке на разметчика, в ней — по файлу на документ</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/io/export_dialog.py" line="182" />
        <source>A new folder (*)</source>
        <translation>Новая папка (*)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/io/export_dialog.py" line="183" />
        <source>JSONL (*.jsonl)</source>
        <translation>JSONL (*.jsonl)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/io/export_dialog.py" line="183" />
        <source>doccano JSONL (*.jsonl)</source>
        <translation>doccano JSONL (*.jsonl)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/io/export_dialog.py" line="184" />
        <source>Label Studio JSON (*.json)</source>
        <translation>Label Studio JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/io/export_dialog.py" line="184" />
        <source>CoNLL (*.conll *.iob)</source>
        <translation>CoNLL (*.conll *.iob)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/io/export_dialog.py" line="185" />
        <source>All files (*)</source>
        <translation>Все файлы (*)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/io/export_dialog.py" line="190" />
        <source>Export to</source>
        <translation>Экспорт в файл</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/io/export_dialog.py" line="231" />
        <source>Type a valid annotator name.</source>
        <translation>Введите допустимое имя аннотатора.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/io/export_dialog.py" line="237" />
        <source>Not exported: choose another file.</source>
        <translation>Не экспортировано: выберите другой файл.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/io/export_dialog.py" line="241" />
        <source>Exporting…</source>
        <translation>Экспорт…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/io/export_dialog.py" line="255" />
        <source>documents: %1 / %2</source>
        <translation>документы: %1 / %2</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/io/export_dialog.py" line="266" />
        <source>Exported to %3: records: %1, documents: %2.</source>
        <translation>Экспортировано в %3: записей: %1, документов: %2.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/io/export_dialog.py" line="260" />
        <source>Cancelling…</source>
        <translation>Отмена…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/io/export_dialog.py" line="190" />
        <source>Export to a new folder</source>
        <translation>Экспорт в новую папку</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/io/export_dialog.py" line="276" />
        <source>Cancelled: no file was written.</source>
        <translation>Отменено: файл не записан.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/io/export_dialog.py" line="278" />
        <location filename="../../annotator/gui/io/export_dialog.py" line="281" />
        <source>Not exported: %1</source>
        <translation>Не экспортировано: %1</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../annotator/gui/annotate/filter_bar.py" line="43" />
        <source>Search id or text</source>
        <translation>Поиск по id или тексту</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/filter_bar.py" line="47" />
        <source>From date (YYYY-MM-DD); empty for any</source>
        <translation>Дата с (ГГГГ-ММ-ДД); пусто — любая</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/filter_bar.py" line="48" />
        <source>To date (YYYY-MM-DD); empty for any</source>
        <translation>Дата по (ГГГГ-ММ-ДД); пусто — любая</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/filter_bar.py" line="49" />
        <source>YYYY-MM-DD</source>
        <translation>ГГГГ-ММ-ДД</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/filter_bar.py" line="56" />
        <source>The status of your set of the document</source>
        <translation>Статус вашей разметки документа</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/filter_bar.py" line="57" />
        <source>All</source>
        <translation>Все</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/filter_bar.py" line="57" />
        <source>New</source>
        <translation>Новые</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/filter_bar.py" line="58" />
        <source>In progress</source>
        <translation>В работе</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/filter_bar.py" line="58" />
        <source>Done</source>
        <translation>Готовые</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/filter_bar.py" line="59" />
        <source>Skipped</source>
        <translation>Пропущенные</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/filter_bar.py" line="69" />
        <source>From</source>
        <translation>С</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/filter_bar.py" line="71" />
        <source>to</source>
        <translation>по</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/filter_bar.py" line="73" />
        <source>My status</source>
        <translation>Мой статус</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../annotator/gui/annotate/find_bar.py" line="58" />
        <source>Find in this document: words in any form, "a phrase", word*</source>
        <translation>Найти в документе: слова в любой форме, "фраза", слово*</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/find_bar.py" line="62" />
        <source>Previous hit (Shift+Enter, Shift+F3)</source>
        <translation>Предыдущее совпадение (Shift+Enter, Shift+F3)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/find_bar.py" line="65" />
        <source>Next hit (Enter, F3)</source>
        <translation>Следующее совпадение (Enter, F3)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/find_bar.py" line="69" />
        <source>Close (Esc)</source>
        <translation>Закрыть (Esc)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/find_bar.py" line="72" />
        <source>Find:</source>
        <translation>Найти:</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/find_bar.py" line="146" />
        <source>%1 of %2</source>
        <translation>%1 из %2</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/find_bar.py" line="149" />
        <source>No hits</source>
        <translation>Ничего не найдено</translation>
    </message>
</context>
<context>
    <name>FirstStart</name>
    <message>
        <location filename="../../annotator/gui/setup/first_start.py" line="39" />
        <source>The annotations you make are stored under this name: they are your set of each
document, apart from everybody else's. In a team, the curator sees it beside
your work in the agreement dashboard and the curation window.

You can change it later in Options → Preferences.</source>
        <translation>Ваша разметка хранится под этим именем: это ваш набор в каждом документе,
отдельный от наборов остальных. В команде куратор видит это имя рядом
с вашей работой на панели согласия и в окне выверки.

Его можно изменить позже в окне «Настройки» (Ctrl+,).</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/setup/first_start.py" line="53" />
        <source>Welcome to annotator</source>
        <translation>Добро пожаловать в annotator</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/setup/first_start.py" line="60" />
        <location filename="../../annotator/gui/setup/first_start.py" line="69" />
        <source>annotator</source>
        <translation>annotator</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/setup/first_start.py" line="70" />
        <source>The database cannot be opened:</source>
        <translation>Базу данных не удаётся открыть:</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/setup/first_start.py" line="71" />
        <source>Nothing was changed in it. Open another database, or create a new one (it starts with the sample articles); your choice is kept in Options → Preferences.</source>
        <translation>В ней ничего не изменено. Откройте другую базу данных или создайте новую (в ней будут статьи-образцы); выбор сохранится в окне «Настройки».</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/setup/first_start.py" line="77" />
        <source>Open another…</source>
        <translation>Открыть другую…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/setup/first_start.py" line="78" />
        <source>Create a new one…</source>
        <translation>Создать новую…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/setup/first_start.py" line="79" />
        <source>Quit</source>
        <translation>Выйти</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/setup/first_start.py" line="93" />
        <source>Open a database</source>
        <translation>Открыть базу данных</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/setup/first_start.py" line="96" />
        <source>Create a new database</source>
        <translation>Создать базу данных</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/setup/first_start.py" line="39" />
        <source>Your annotator name:</source>
        <translation>Ваше имя аннотатора:</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/app.py" line="155" />
        <source>The sample corpus was not loaded</source>
        <translation>Статьи-образцы не загружены</translation>
    </message>
</context>
<context>
    <name>FragmentActions</name>
    <message>
        <location filename="../../annotator/gui/session/fragment_keys.py" line="43" />
        <source>Put the caret on a span first, then select the words to add to it and press G</source>
        <translation>Сначала поставьте курсор на фрагмент, затем выделите слова, которые к нему добавить, и нажмите G</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/session/fragment_keys.py" line="47" />
        <source>Select the words to add to the %1 span, then press G</source>
        <translation>Выделите слова, которые добавить к фрагменту %1, и нажмите G</translation>
    </message>
</context>
<context>
    <name>GoldActions</name>
    <message>
        <location filename="../../annotator/gui/curate/gold_keys.py" line="40" />
        <location filename="../../annotator/gui/curate/gold_keys.py" line="53" />
        <location filename="../../annotator/gui/curate/gold_keys.py" line="65" />
        <source>Go to a disagreement first (F8)</source>
        <translation>Сначала перейдите к расхождению (F8)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/curate/gold_keys.py" line="43" />
        <source>No annotator in lane %1</source>
        <translation>В полосе %1 нет аннотатора</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/curate/gold_keys.py" line="69" />
        <source>This disagreement is in no repeated passage settled elsewhere</source>
        <translation>Это расхождение не лежит в повторяющемся фрагменте, согласованном в другом документе</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/curate/gold_keys.py" line="85" />
        <source>Select some text in the gold lane to label</source>
        <translation>Выделите текст в полосе эталона, чтобы разметить его</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/curate/gold_keys.py" line="95" />
        <source>No gold span under the caret</source>
        <translation>Под курсором нет фрагмента эталона</translation>
    </message>
</context>
<context>
    <name>GoldSession</name>
    <message>
        <location filename="../../annotator/gui/curate/gold_session.py" line="46" />
        <source>Still loading the document</source>
        <translation>Документ ещё загружается</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../annotator/gui/io/import_dialog.py" line="65" />
        <location filename="../../annotator/gui/io/import_dialog.py" line="122" />
        <source>Import</source>
        <translation>Импорт</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/io/import_dialog.py" line="69" />
        <source>Files…</source>
        <translation>Файлы…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/io/import_dialog.py" line="70" />
        <source>Folder…</source>
        <translation>Папка…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/io/import_dialog.py" line="82" />
        <source>Detect from the file name</source>
        <translation>По имени файла</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/io/import_dialog.py" line="82" />
        <source>Plain text</source>
        <translation>Простой текст</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/io/import_dialog.py" line="83" />
        <source>JSONL</source>
        <translation>JSONL</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/io/import_dialog.py" line="83" />
        <source>doccano JSONL</source>
        <translation>doccano JSONL</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/io/import_dialog.py" line="83" />
        <source>Label Studio JSON</source>
        <translation>Label Studio JSON</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/io/import_dialog.py" line="84" />
        <source>brat standoff (a folder of .txt and .ann)</source>
        <translation>brat standoff (папка файлов .txt и .ann)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/io/import_dialog.py" line="85" />
        <source>CoNLL (IOB, BILUO)</source>
        <translation>CoNLL (IOB, BILUO)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/io/import_dialog.py" line="85" />
        <source>WebAnno TSV 3</source>
        <translation>WebAnno TSV 3</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/io/import_dialog.py" line="88" />
        <source>as in the files</source>
        <translation>как в файлах</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/io/import_dialog.py" line="89" />
        <source>Import every set as this annotator's</source>
        <translation>Импортировать все разметки как разметки этого аннотатора</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/io/import_dialog.py" line="90" />
        <source>Skip bad records (import the good ones)</source>
        <translation>Пропускать ошибочные записи (импортировать правильные)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/io/import_dialog.py" line="92" />
        <source>Files:</source>
        <translation>Файлы:</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/io/import_dialog.py" line="93" />
        <source>Format:</source>
        <translation>Формат:</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/io/import_dialog.py" line="94" />
        <source>Import as annotator:</source>
        <translation>Импортировать как аннотатор:</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/io/import_dialog.py" line="101" />
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/io/import_dialog.py" line="109" />
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/io/import_dialog.py" line="109" />
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/io/import_dialog.py" line="109" />
        <source>Line</source>
        <translation>Строка</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/io/import_dialog.py" line="109" />
        <source>Message</source>
        <translation>Сообщение</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/io/import_dialog.py" line="120" />
        <source>Check (dry run)</source>
        <translation>Проверить (без записи)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/io/import_dialog.py" line="121" />
        <source>Read everything and report problems; write nothing</source>
        <translation>Прочитать всё и сообщить об ошибках, ничего не записывая</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/io/import_dialog.py" line="124" />
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/io/import_dialog.py" line="126" />
        <source>Labels from annotation.conf…</source>
        <translation>Метки из annotation.conf…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/io/import_dialog.py" line="127" />
        <source>Open the scheme editor with what the brat configuration adds</source>
        <translation>Открыть редактор схемы с тем, что добавляет конфигурация brat</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/io/import_dialog.py" line="162" />
        <source>Files to import</source>
        <translation>Файлы для импорта</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/io/import_dialog.py" line="163" />
        <source>Texts and JSONL (*.txt *.jsonl);;All files (*)</source>
        <translation>Тексты и JSONL (*.txt *.jsonl);;Все файлы (*)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/io/import_dialog.py" line="168" />
        <source>A folder to import</source>
        <translation>Папка для импорта</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/io/import_dialog.py" line="186" />
        <source>Starting…</source>
        <translation>Запуск…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/io/import_dialog.py" line="187" />
        <source>Checking…</source>
        <translation>Проверка…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/io/import_dialog.py" line="187" />
        <source>Importing…</source>
        <translation>Импорт…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/io/import_dialog.py" line="201" />
        <source>files: %1 / %2 — %3</source>
        <translation>файлы: %1 / %2 — %3</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/io/import_dialog.py" line="244" />
        <source>documents added: %1, already stored: %2; sets added: %3, replaced: %4; spans: %5</source>
        <translation>документов добавлено: %1, уже были: %2; наборов добавлено: %3, заменено: %4; фрагментов: %5</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/io/import_dialog.py" line="250" />
        <source>Imported: %1; bad records skipped: %2.</source>
        <translation>Импортировано: %1; пропущено плохих записей: %2.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../annotator/gui/io/import_dialog.py" line="254" />
        <source>%n problem(s); nothing was imported.</source>
        <translation>
            <numerusform>%n ошибка; ничего не импортировано.</numerusform>
            <numerusform>%n ошибки; ничего не импортировано.</numerusform>
            <numerusform>%n ошибок; ничего не импортировано.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../annotator/gui/io/import_dialog.py" line="208" />
        <source>Cancelling…</source>
        <translation>Отмена…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/io/import_dialog.py" line="215" />
        <source>Done</source>
        <translation>Готово</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/io/import_dialog.py" line="215" />
        <source>Nothing imported</source>
        <translation>Ничего не импортировано</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/io/import_dialog.py" line="232" />
        <source>Cancelled</source>
        <translation>Отменено</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/io/import_dialog.py" line="233" />
        <source>Cancelled: nothing was imported.</source>
        <translation>Отменено: ничего не импортировано.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/io/import_dialog.py" line="236" />
        <location filename="../../annotator/gui/io/import_dialog.py" line="240" />
        <source>Not imported: %1</source>
        <translation>Не импортировано: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/io/import_dialog.py" line="252" />
        <source>Imported: %1.</source>
        <translation>Импортировано: %1.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/io/import_dialog.py" line="255" />
        <source>Dry run, nothing written: would import %1.</source>
        <translation>Проверка, ничего не записано; будет импортировано: %1.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/io/import_dialog.py" line="258" />
        <source>error</source>
        <translation>ошибка</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/io/import_dialog.py" line="258" />
        <source>skipped</source>
        <translation>пропущено</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/io/import_dialog.py" line="258" />
        <source>notice</source>
        <translation>замечание</translation>
    </message>
</context>
<context>
    <name>Keys</name>
    <message>
        <location filename="../../annotator/gui/common/keys.py" line="41" />
        <source>Import…</source>
        <translation>Импорт…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/common/keys.py" line="42" />
        <source>Export…</source>
        <translation>Экспорт…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/common/keys.py" line="43" />
        <source>Quit</source>
        <translation>Выйти</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/common/keys.py" line="44" />
        <source>Remove the span under the caret</source>
        <translation>Удалить фрагмент под курсором</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/common/keys.py" line="45" />
        <source>Undo your last action</source>
        <translation>Отменить ваше последнее действие</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/common/keys.py" line="46" />
        <source>Redo</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/common/keys.py" line="48" />
        <source>Span: move its start a word left</source>
        <translation>Фрагмент: начало на слово влево</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/common/keys.py" line="49" />
        <source>Span: move its start a word right</source>
        <translation>Фрагмент: начало на слово вправо</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/common/keys.py" line="50" />
        <source>Span: move its end a word left</source>
        <translation>Фрагмент: конец на слово влево</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/common/keys.py" line="51" />
        <source>Span: move its end a word right</source>
        <translation>Фрагмент: конец на слово вправо</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/common/keys.py" line="53" />
        <source>Span: move its start a character left</source>
        <translation>Фрагмент: начало на символ влево</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/common/keys.py" line="55" />
        <source>Span: move its start a character right</source>
        <translation>Фрагмент: начало на символ вправо</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/common/keys.py" line="57" />
        <source>Span: move its end a character left</source>
        <translation>Фрагмент: конец на символ влево</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/common/keys.py" line="59" />
        <source>Span: move its end a character right</source>
        <translation>Фрагмент: конец на символ вправо</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/common/keys.py" line="60" />
        <source>Split the span in two at the caret</source>
        <translation>Разделить фрагмент надвое по курсору</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/common/keys.py" line="62" />
        <source>Merge the span with the next one (else the previous)</source>
        <translation>Объединить фрагмент со следующим (или с предыдущим)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/common/keys.py" line="64" />
        <source>Go to the next open suggestion (none open: the next span)</source>
        <translation>К следующему открытому предложению (если их нет — к следующему фрагменту)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/common/keys.py" line="66" />
        <source>Go to the previous open suggestion (none open: the previous span)</source>
        <translation>К предыдущему открытому предложению (если их нет — к предыдущему фрагменту)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/common/keys.py" line="67" />
        <source>Next document</source>
        <translation>Следующий документ</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/common/keys.py" line="68" />
        <source>Previous document</source>
        <translation>Предыдущий документ</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/common/keys.py" line="69" />
        <source>Find in this document (any form of a word)</source>
        <translation>Найти в документе (любая форма слова)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/common/keys.py" line="70" />
        <source>Next hit in this document</source>
        <translation>Следующее совпадение в документе</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/common/keys.py" line="71" />
        <source>Previous hit in this document</source>
        <translation>Предыдущее совпадение в документе</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/common/keys.py" line="73" />
        <source>Search the corpus (Enter on a hit opens it)…</source>
        <translation>Поиск по корпусу (Enter на совпадении открывает его)…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/common/keys.py" line="74" />
        <source>Mark the document done (or back in progress)</source>
        <translation>Отметить документ готовым (или вернуть в работу)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/common/keys.py" line="75" />
        <source>Snap selections to whole tokens (on/off)</source>
        <translation>Выделять только целые токены (вкл./выкл.)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/common/keys.py" line="76" />
        <source>Labels written above the text (on/off)</source>
        <translation>Метки над текстом (вкл./выкл.)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/common/keys.py" line="77" />
        <source>Preferences…</source>
        <translation>Настройки…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/common/keys.py" line="78" />
        <source>Edit the labels of the scheme…</source>
        <translation>Изменить метки схемы…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/common/keys.py" line="79" />
        <source>Show this list of keys</source>
        <translation>Показать этот список клавиш</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/common/keys.py" line="81" />
        <source>Make the selection a claim</source>
        <translation>Сделать выделенное утверждением</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/common/keys.py" line="82" />
        <source>Speaker: the next mention, nearest first</source>
        <translation>Источник: следующее упоминание, сначала ближайшие</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/common/keys.py" line="83" />
        <source>Speaker: the previous mention</source>
        <translation>Источник: предыдущее упоминание</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/common/keys.py" line="84" />
        <source>Speaker: the author (the outlet's own voice)</source>
        <translation>Источник: автор (голос самого издания)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/common/keys.py" line="86" />
        <source>Speaker: the selected pronoun, marked as a mention</source>
        <translation>Источник: выделенное местоимение, размеченное как упоминание</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/common/keys.py" line="87" />
        <source>Cue: the selected words that report the claim</source>
        <translation>Маркер: выделенные слова, вводящие утверждение</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/common/keys.py" line="88" />
        <source>Remove the cue</source>
        <translation>Убрать маркер</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/common/keys.py" line="89" />
        <source>Certainty: asserted or hedged</source>
        <translation>Уверенность: утверждается или с оговоркой</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/common/keys.py" line="90" />
        <source>Check-worthy: yes or no</source>
        <translation>Проверять: да или нет</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/common/keys.py" line="91" />
        <source>Quantity: accept the proposal</source>
        <translation>Величина: принять предложение</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/common/keys.py" line="92" />
        <source>Quantity: clear</source>
        <translation>Величина: очистить</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/common/keys.py" line="94" />
        <source>Add the selection as a fragment of the span the caret was on</source>
        <translation>Добавить выделенное как часть фрагмента, на котором стоял курсор</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/common/keys.py" line="96" />
        <source>Relation: press on the head, then on the tail, then pick the type</source>
        <translation>Связь: нажмите на начале, затем на конце, затем выберите тип</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/common/keys.py" line="97" />
        <source>Cancel a relation begun</source>
        <translation>Отменить начатую связь</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/common/keys.py" line="98" />
        <source>Go to the claim list (Enter jumps to a claim)</source>
        <translation>К списку утверждений (Enter — перейти к утверждению)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/common/keys.py" line="100" />
        <source>Accept the suggestion under the caret</source>
        <translation>Принять предложение под курсором</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/common/keys.py" line="101" />
        <source>Reject the suggestion under the caret</source>
        <translation>Отклонить предложение под курсором</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/common/keys.py" line="103" />
        <source>Accept every suggestion of that label in the document</source>
        <translation>Принять все предложения этой метки в документе</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/common/keys.py" line="105" />
        <source>Repeated passage: go to its copy in another document</source>
        <translation>Повторяющийся фрагмент: перейти к его копии в другом документе</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/common/keys.py" line="108" />
        <source>Note on the span or claim under the caret (else the document)</source>
        <translation>Заметка к фрагменту или утверждению под курсором (иначе к документу)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/common/keys.py" line="110" />
        <source>Flag the span, claim or document as unsure (or unflag it)</source>
        <translation>Пометить фрагмент, утверждение или документ как сомнительный (или снять пометку)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/common/keys.py" line="112" />
        <source>Skip the document as out of scope (or take it back)</source>
        <translation>Пропустить документ как не относящийся к задаче (или вернуть)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/common/keys.py" line="114" />
        <source>Agreement dashboard…</source>
        <translation>Сводка согласия…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/common/keys.py" line="115" />
        <source>Curate this document…</source>
        <translation>Курировать этот документ…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/common/keys.py" line="116" />
        <source>The team's notes and flags…</source>
        <translation>Заметки и пометки команды…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/common/keys.py" line="118" />
        <source>Who said what: the claims browser (Enter jumps to a claim)…</source>
        <translation>Кто что сказал: обзор утверждений (Enter переходит к утверждению)…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/common/keys.py" line="120" />
        <source>Entities: their mentions across the corpus, merge and split…</source>
        <translation>Сущности: их упоминания по корпусу, объединение и разделение…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/common/keys.py" line="123" />
        <source>Link the mention to an entity: 1–9 picks a proposal, N a new entity</source>
        <translation>Связать упоминание с сущностью: 1–9 — предложение, N — новая сущность</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/common/keys.py" line="125" />
        <source>Link every mention like this one in the document to its entity</source>
        <translation>Связать все такие же упоминания в документе с его сущностью</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/common/keys.py" line="127" />
        <source>Link every mention like this one in the corpus to its entity</source>
        <translation>Связать все такие же упоминания в корпусе с его сущностью</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/common/keys.py" line="138" />
        <source>Caret to the next token</source>
        <translation>Курсор к следующему токену</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/common/keys.py" line="139" />
        <source>Caret to the previous token</source>
        <translation>Курсор к предыдущему токену</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/common/keys.py" line="140" />
        <source>Extend the selection by a token</source>
        <translation>Расширить выделение на токен вперёд</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/common/keys.py" line="142" />
        <source>Extend the selection back by a token</source>
        <translation>Расширить выделение на токен назад</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/common/keys.py" line="145" />
        <source>Label the selection (or the span under the caret) as %1</source>
        <translation>Разметить выделение (или фрагмент под курсором) меткой %1</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/common/keys.py" line="201" />
        <source>Claim type %1: make the selection a claim, or retype the claim</source>
        <translation>Тип утверждения %1: сделать выделенное утверждением или сменить тип</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/curate/curation_window.py" line="75" />
        <source>Go to the next disagreement</source>
        <translation>К следующему расхождению</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/curate/curation_window.py" line="76" />
        <source>Go to the previous disagreement</source>
        <translation>К предыдущему расхождению</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/curate/curation_window.py" line="78" />
        <source>Accept the version of the annotator in lane 1…9 (the number in the lane's title) for this disagreement</source>
        <translation>Принять для этого расхождения версию аннотатора из полосы 1…9 (номер в заголовке полосы)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/curate/curation_window.py" line="81" />
        <source>Accept the gold this repeated passage was settled with in its copy (the status bar names the document)</source>
        <translation>Принять эталон, с которым этот повторяющийся фрагмент согласован в копии (документ назван в строке состояния)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/curate/curation_window.py" line="84" />
        <source>Reject every version of this disagreement (gold keeps nothing there)</source>
        <translation>Отклонить все версии этого расхождения (в эталоне там ничего не будет)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/curate/curation_window.py" line="86" />
        <source>Accept into gold everything all the annotators agree on</source>
        <translation>Принять в эталон всё, в чём согласны все аннотаторы</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/curate/curation_window.py" line="87" />
        <source>Mark the gold set curated</source>
        <translation>Отметить эталон как утверждённый</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/curate/curation_window.py" line="88" />
        <source>Close this window (Esc too, in the gold lane)</source>
        <translation>Закрыть это окно (в полосе эталона — также Esc)</translation>
    </message>
</context>
<context>
    <name>LabelsTab</name>
    <message>
        <location filename="../../annotator/gui/scheme/scheme_editor.py" line="334" />
        <source>Add label</source>
        <translation>Добавить метку</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/scheme/scheme_editor.py" line="335" />
        <source>Merge into…</source>
        <translation>Слить с…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/scheme/scheme_editor.py" line="337" />
        <source>Colour…</source>
        <translation>Цвет…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/scheme/scheme_editor.py" line="339" />
        <source>When to use this label, with examples; shown as a tooltip in the palette and the list of keys</source>
        <translation>Когда ставить эту метку, с примерами; показывается подсказкой в палитре и в списке клавиш</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/scheme/scheme_editor.py" line="342" />
        <source>Colour</source>
        <translation>Цвет</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/scheme/scheme_editor.py" line="343" />
        <source>Guideline</source>
        <translation>Инструкция</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/scheme/scheme_editor.py" line="347" />
        <source>Attribute</source>
        <translation>Атрибут</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/scheme/scheme_editor.py" line="347" />
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/scheme/scheme_editor.py" line="347" />
        <source>Choices</source>
        <translation>Варианты</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/scheme/scheme_editor.py" line="354" />
        <source>name</source>
        <translation>название</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/scheme/scheme_editor.py" line="356" />
        <source>yes / no</source>
        <translation>да / нет</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/scheme/scheme_editor.py" line="356" />
        <source>choice</source>
        <translation>выбор</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/scheme/scheme_editor.py" line="356" />
        <source>text</source>
        <translation>текст</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/scheme/scheme_editor.py" line="359" />
        <source>choices, comma-separated</source>
        <translation>варианты через запятую</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/scheme/scheme_editor.py" line="360" />
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/scheme/scheme_editor.py" line="361" />
        <source>Remove</source>
        <translation>Убрать</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/scheme/scheme_editor.py" line="366" />
        <source>Attributes of this label</source>
        <translation>Атрибуты этой метки</translation>
    </message>
    <message numerus="yes">
        <location filename="../../annotator/gui/scheme/scheme_editor.py" line="384" />
        <source>%n span(s)</source>
        <translation>
            <numerusform>%n фрагмент</numerusform>
            <numerusform>%n фрагмента</numerusform>
            <numerusform>%n фрагментов</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../annotator/gui/scheme/scheme_editor.py" line="403" />
        <source>Delete the label %1? It removes spans: %2 (%3), relations on them: %4; claims that lose their speaker: %5. You can undo this.</source>
        <translation>Удалить метку %1? Будут удалены фрагменты: %2 (%3), связи на них: %4; утверждений, теряющих говорящего: %5. Это можно отменить.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/scheme/scheme_editor.py" line="410" />
        <source>Merge %1 into %2? Spans that become %2: %3 (%4); dropped because a %2 span is already at the same place: %5. You can undo this.</source>
        <translation>Слить %1 с %2? Фрагментов, которые станут %2: %3 (%4); отброшено, потому что на том же месте уже есть фрагмент %2: %5. Это можно отменить.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/scheme/scheme_editor.py" line="405" />
        <source>Delete label</source>
        <translation>Удаление метки</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/scheme/scheme_editor.py" line="440" />
        <source>Colour of %1</source>
        <translation>Цвет метки %1</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/scheme/scheme_editor.py" line="463" />
        <source>Merge labels</source>
        <translation>Слияние меток</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/scheme/scheme_editor.py" line="476" />
        <source>Give the attribute a name</source>
        <translation>Дайте атрибуту название</translation>
    </message>
</context>
<context>
    <name>ListActions</name>
    <message>
        <location filename="../../annotator/gui/annotate/list_actions.py" line="28" />
        <source>Compact document list</source>
        <translation>Компактный список документов</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/list_actions.py" line="37" />
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/list_actions.py" line="69" />
        <source>Choose who you are first (Options → Preferences)</source>
        <translation>Сначала укажите, кто вы (Настройки → Настройки…)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/list_actions.py" line="74" />
        <source>Select some documents in the list first</source>
        <translation>Сначала выберите документы в списке</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../annotator/gui/annotate/main_window.py" line="149" />
        <source>annotator</source>
        <translation>annotator</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/main_window.py" line="175" />
        <source>Claims</source>
        <translation>Утверждения</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/main_window.py" line="176" />
        <source>Relations</source>
        <translation>Связи</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/main_window.py" line="178" />
        <location filename="../../annotator/gui/annotate/main_window.py" line="739" />
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/main_window.py" line="197" />
        <source>Spans</source>
        <translation>Фрагменты</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/main_window.py" line="199" />
        <source>Attributes</source>
        <translation>Атрибуты</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/main_window.py" line="200" />
        <source>Labels</source>
        <translation>Метки</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/main_window.py" line="205" />
        <source>Documents</source>
        <translation>Документы</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/main_window.py" line="215" />
        <source>This document's place in the list as filtered</source>
        <translation>Место документа в отфильтрованном списке</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/main_window.py" line="310" />
        <source>All saved</source>
        <translation>Всё сохранено</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/main_window.py" line="432" />
        <source>This column cannot be sorted</source>
        <translation>По этому столбцу нельзя сортировать</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/main_window.py" line="481" />
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/main_window.py" line="495" />
        <source>annotator — %1 — %2</source>
        <translation>annotator — %1 — %2</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/main_window.py" line="584" />
        <location filename="../../annotator/gui/annotate/main_window.py" line="594" />
        <location filename="../../annotator/gui/annotate/main_window.py" line="609" />
        <source>Settings not saved: %1</source>
        <translation>Настройки не сохранены: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/main_window.py" line="596" />
        <source>Snapping to tokens on</source>
        <translation>Привязка к токенам включена</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/main_window.py" line="596" />
        <source>Snapping to tokens off</source>
        <translation>Привязка к токенам выключена</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/main_window.py" line="621" />
        <source>The new database opens when you next start annotator</source>
        <translation>Новая база данных откроется при следующем запуске annotator</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/main_window.py" line="690" />
        <source>Every document of the list is done</source>
        <translation>Все документы списка готовы</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/main_window.py" line="739" />
        <source>Notes (%1)</source>
        <translation>Заметки (%1)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/main_window.py" line="886" />
        <source>Nothing changed</source>
        <translation>Ничего не изменено</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/main_window.py" line="889" />
        <source>Error: %1</source>
        <translation>Ошибка: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/main_window.py" line="890" />
        <source>Not saved</source>
        <translation>Не сохранено</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/main_window.py" line="896" />
        <source>%1 / %2 documents done</source>
        <translation>Готово документов: %1 / %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../annotator/gui/annotate/main_window.py" line="899" />
        <source>%n span(s) in this document</source>
        <translation>
            <numerusform>%n фрагмент в документе</numerusform>
            <numerusform>%n фрагмента в документе</numerusform>
            <numerusform>%n фрагментов в документе</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/main_window.py" line="904" />
        <source>Undo: %1</source>
        <translation>Отменить: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/main_window.py" line="904" />
        <source>Undo</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/main_window.py" line="905" />
        <source>Redo: %1</source>
        <translation>Повторить: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/main_window.py" line="905" />
        <source>Redo</source>
        <translation>Повторить</translation>
    </message>
</context>
<context>
    <name>NoteActions</name>
    <message>
        <location filename="../../annotator/gui/notes/note_keys.py" line="39" />
        <source>the document</source>
        <translation>документ</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <location filename="../../annotator/gui/notes/notes_list.py" line="156" />
        <source>Note</source>
        <translation>Заметка</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/notes/notes_list.py" line="162" />
        <source>On: %1</source>
        <translation>К чему: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/notes/notes_list.py" line="166" />
        <source>What is unclear or worth a second look</source>
        <translation>Что неясно или стоит перепроверить</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/notes/notes_list.py" line="170" />
        <source>Unsure</source>
        <translation>Не уверен</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/notes/notes_list.py" line="171" />
        <source>Flag it for the curator: you are not sure of this annotation</source>
        <translation>Пометка для куратора: вы не уверены в этой разметке</translation>
    </message>
</context>
<context>
    <name>NotesList</name>
    <message>
        <location filename="../../annotator/gui/notes/notes_list.py" line="53" />
        <location filename="../../annotator/gui/notes/notes_list.py" line="104" />
        <source>Document</source>
        <translation>Документ</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/notes/notes_list.py" line="53" />
        <source>Annotator</source>
        <translation>Аннотатор</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/notes/notes_list.py" line="53" />
        <source>On</source>
        <translation>К чему</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/notes/notes_list.py" line="53" />
        <source>Unsure</source>
        <translation>Не уверен</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/notes/notes_list.py" line="54" />
        <source>Note</source>
        <translation>Заметка</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/notes/notes_list.py" line="86" />
        <source>Written by %1</source>
        <translation>Автор: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/notes/notes_list.py" line="94" />
        <source>Flagged unsure</source>
        <translation>Помечено как сомнительное</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/notes/notes_list.py" line="106" />
        <source>%1 claim</source>
        <translation>утверждение %1</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../annotator/gui/setup/preferences.py" line="49" />
        <source>Preferences</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/setup/preferences.py" line="52" />
        <source>Your annotator name</source>
        <translation>Ваше имя аннотатора</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/setup/preferences.py" line="63" />
        <source>System default</source>
        <translation>Как в системе</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/setup/preferences.py" line="70" />
        <source>Snap selections to whole tokens</source>
        <translation>Выделять целыми токенами</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/setup/preferences.py" line="75" />
        <source> pt</source>
        <translation> пт</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/setup/preferences.py" line="78" />
        <source>Colour-blind-safe label colours</source>
        <translation>Цвета меток, различимые при дальтонизме</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/setup/preferences.py" line="79" />
        <source>Label colours that stay apart for red-green and blue-yellow colour blindness, instead of the scheme's</source>
        <translation>Цвета меток, которые остаются различимыми при красно-зелёном и сине-жёлтом дальтонизме, вместо цветов схемы</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/setup/preferences.py" line="83" />
        <source>Stay on a document marked done (Ctrl+Return)</source>
        <translation>Оставаться на документе, отмеченном как готовый (Ctrl+Return)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/setup/preferences.py" line="84" />
        <source>Off: marking a document done opens the next one you have not done</source>
        <translation>Если выключено, отметка «готово» открывает следующий документ, который вы ещё не закончили</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/setup/preferences.py" line="87" />
        <source>Write each span's label above it</source>
        <translation>Писать метку каждого фрагмента над ним</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/setup/preferences.py" line="88" />
        <source>Off: spans show only as tints; hover for their labels</source>
        <translation>Выключено: фрагменты видны только подсветкой, метка — во всплывающей подсказке</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/setup/preferences.py" line="92" />
        <source>Default: %1</source>
        <translation>По умолчанию: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/setup/preferences.py" line="93" />
        <source>A SQLite file, or a server URL such as postgresql://user@host/database; empty for the default</source>
        <translation>Файл SQLite или адрес сервера, например postgresql://user@host/database; пусто — по умолчанию</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/setup/preferences.py" line="96" />
        <source>Browse…</source>
        <translation>Обзор…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/setup/preferences.py" line="102" />
        <source>A changed database takes effect after a restart.</source>
        <translation>Другая база данных будет открыта после перезапуска.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/setup/preferences.py" line="112" />
        <source>Annotator name:</source>
        <translation>Имя аннотатора:</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/setup/preferences.py" line="113" />
        <source>Language:</source>
        <translation>Язык:</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/setup/preferences.py" line="114" />
        <source>Font size:</source>
        <translation>Размер шрифта:</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/setup/preferences.py" line="119" />
        <source>Database:</source>
        <translation>База данных:</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/setup/preferences.py" line="146" />
        <source>Not a valid name: %1</source>
        <translation>Недопустимое имя: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/setup/preferences.py" line="171" />
        <source>Database file</source>
        <translation>Файл базы данных</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/setup/preferences.py" line="172" />
        <source>SQLite databases (*.sqlite3 *.sqlite *.db);;All files (*)</source>
        <translation>Базы данных SQLite (*.sqlite3 *.sqlite *.db);;Все файлы (*)</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../annotator/gui/common/qt_texts.py" line="14" />
        <source>&amp;Look in:</source>
        <translation>&amp;Перейти к:</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/common/qt_texts.py" line="15" />
        <source>Files of &amp;type:</source>
        <translation>&amp;Типы файлов:</translation>
    </message>
</context>
<context>
    <name>RelationAttributeEditor</name>
    <message>
        <location filename="../../annotator/gui/annotate/relation_attributes.py" line="52" />
        <source>No relation selected</source>
        <translation>Связь не выбрана</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/relation_attributes.py" line="57" />
        <source>%1 relation</source>
        <translation>Связь %1</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/relation_attributes.py" line="59" />
        <source>%1 relations have no attributes</source>
        <translation>У связей %1 нет атрибутов</translation>
    </message>
</context>
<context>
    <name>RelationList</name>
    <message>
        <location filename="../../annotator/gui/annotate/relation_list.py" line="40" />
        <source>Relation</source>
        <translation>Связь</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/relation_list.py" line="40" />
        <source>Head</source>
        <translation>Начало</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/relation_list.py" line="40" />
        <source>Tail</source>
        <translation>Конец</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/relation_list.py" line="40" />
        <source>Attributes</source>
        <translation>Атрибуты</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/relation_list.py" line="81" />
        <source>Claim (%1): %2</source>
        <translation>Утверждение (%1): %2</translation>
    </message>
</context>
<context>
    <name>RepeatIndexing</name>
    <message numerus="yes">
        <location filename="../../annotator/gui/annotate/repeat_indexing.py" line="58" />
        <source>Indexing repeated passages: %n document(s) left</source>
        <translation>
            <numerusform>Индексация повторяющихся фрагментов: остался %n документ</numerusform>
            <numerusform>Индексация повторяющихся фрагментов: осталось %n документа</numerusform>
            <numerusform>Индексация повторяющихся фрагментов: осталось %n документов</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/repeat_indexing.py" line="59" />
        <source>Documents are indexed in the background after an import; their repeated passages show in the right margin once indexed</source>
        <translation>После импорта документы индексируются в фоне; их повторяющиеся фрагменты появятся на правом поле, когда индексация дойдёт до них</translation>
    </message>
</context>
<context>
    <name>RepeatMargin</name>
    <message>
        <location filename="../../annotator/gui/text/repeat_margin.py" line="106" />
        <source>Repeated passage; press J to go to the other place</source>
        <translation>Повторяющийся фрагмент; J — перейти к другому месту</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/text/repeat_margin.py" line="108" />
        <source>Also in %1 (characters %2–%3)</source>
        <translation>Также в %1 (символы %2–%3)</translation>
    </message>
</context>
<context>
    <name>RepeatPlaces</name>
    <message>
        <location filename="../../annotator/gui/annotate/repeat_places.py" line="70" />
        <source>The caret is not in a repeated passage (they are marked in the right margin)</source>
        <translation>Курсор не в повторяющемся фрагменте (они отмечены на правом поле)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/repeat_places.py" line="95" />
        <source>Proposed %1 span(s) and %2 claim(s) in %3 copy document(s)</source>
        <translation>Предложено фрагментов: %1, утверждений: %2, документов с копиями: %3</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/repeat_places.py" line="108" />
        <source>Copy in %1 (press J there to come back)</source>
        <translation>Копия в %1 (J там — вернуться)</translation>
    </message>
</context>
<context>
    <name>ReplacePrompt</name>
    <message>
        <location filename="../../annotator/gui/common/replace_prompt.py" line="23" />
        <source>Cannot write there</source>
        <translation>Сюда нельзя записать</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/common/replace_prompt.py" line="31" />
        <source>%1

Replace it anyway? What it holds now will be lost.</source>
        <translation>%1

Всё равно заменить? Его нынешнее содержимое пропадёт.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/common/replace_prompt.py" line="34" />
        <source>Replace the file?</source>
        <translation>Заменить файл?</translation>
    </message>
</context>
<context>
    <name>SaveStatus</name>
    <message>
        <location filename="../../annotator/gui/session/save_status.py" line="26" />
        <source>Saving…</source>
        <translation>Сохранение…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/session/save_status.py" line="34" />
        <source>Nothing to undo or redo</source>
        <translation>Нечего отменять или повторять</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/session/save_status.py" line="35" />
        <source>Saved</source>
        <translation>Сохранено</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/session/save_status.py" line="37" />
        <source>Saved ✓ %1</source>
        <translation>Сохранено ✓ %1</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/session/save_status.py" line="42" />
        <source>%1 (in %2)</source>
        <translation>%1 (в %2)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/session/save_status.py" line="46" />
        <source>Nothing changed</source>
        <translation>Ничего не изменено</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/session/save_status.py" line="50" />
        <source>Not saved</source>
        <translation>Не сохранено</translation>
    </message>
</context>
<context>
    <name>Scheme</name>
    <message>
        <location filename="../../annotator/gui/common/scheme_texts.py" line="17" />
        <source>person</source>
        <translation>человек</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/common/scheme_texts.py" line="18" />
        <source>organisation</source>
        <translation>организация</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/common/scheme_texts.py" line="19" />
        <source>country, region, city</source>
        <translation>страна, регион, город</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/common/scheme_texts.py" line="20" />
        <source>other place, route, river</source>
        <translation>другое место, маршрут, река</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/common/scheme_texts.py" line="21" />
        <source>facility, port, building, crossing</source>
        <translation>объект: порт, здание, погранпереход</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/common/scheme_texts.py" line="22" />
        <source>event</source>
        <translation>событие</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/common/scheme_texts.py" line="23" />
        <source>law, agreement, programme</source>
        <translation>закон, соглашение, программа</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/common/scheme_texts.py" line="24" />
        <source>sum of money</source>
        <translation>денежная сумма</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/common/scheme_texts.py" line="25" />
        <source>date or period</source>
        <translation>дата или период</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/common/scheme_texts.py" line="26" />
        <source>number, percent, quantity</source>
        <translation>число, процент, количество</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/common/scheme_texts.py" line="27" />
        <source>title or position («Глава государства», «Президент»)</source>
        <translation>должность или титул («Глава государства», «Президент»)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/common/scheme_texts.py" line="28" />
        <source>a figure: «товарооборот достиг $4 млрд»</source>
        <translation>цифра: «товарооборот достиг $4 млрд»</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/common/scheme_texts.py" line="29" />
        <source>a non-numeric event or state</source>
        <translation>событие или положение дел без цифр</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/common/scheme_texts.py" line="30" />
        <source>a target or commitment: «до 10 млрд долларов к 2030 году»</source>
        <translation>цель или обязательство: «до 10 млрд долларов к 2030 году»</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/common/scheme_texts.py" line="31" />
        <source>a call or offer</source>
        <translation>призыв или предложение</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/common/scheme_texts.py" line="32" />
        <source>an evaluation</source>
        <translation>оценка</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/common/scheme_texts.py" line="33" />
        <source>speaker says claim</source>
        <translation>источник делает утверждение</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/common/scheme_texts.py" line="34" />
        <source>claim is about entity</source>
        <translation>утверждение касается сущности</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/common/scheme_texts.py" line="35" />
        <source>person or role heads organisation or state</source>
        <translation>человек или должность возглавляет организацию или государство</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/common/scheme_texts.py" line="36" />
        <source>is located in</source>
        <translation>находится в</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/common/scheme_texts.py" line="37" />
        <source>the two mentions name the same entity</source>
        <translation>оба упоминания называют одну сущность</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/common/scheme_texts.py" line="41" />
        <source>pronoun</source>
        <translation>местоимение</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/common/scheme_texts.py" line="42" />
        <source>uncertain</source>
        <translation>не уверен</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/common/scheme_texts.py" line="43" />
        <source>note</source>
        <translation>примечание</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/common/scheme_texts.py" line="44" />
        <source>former</source>
        <translation>бывший</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/common/scheme_texts.py" line="45" />
        <source>stance</source>
        <translation>позиция</translation>
    </message>
</context>
<context>
    <name>SchemeEditor</name>
    <message>
        <location filename="../../annotator/gui/scheme/scheme_editor.py" line="546" />
        <source>Annotation scheme</source>
        <translation>Схема разметки</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/scheme/scheme_editor.py" line="552" />
        <location filename="../../annotator/gui/scheme/scheme_editor.py" line="620" />
        <source>Undo</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/scheme/scheme_editor.py" line="553" />
        <location filename="../../annotator/gui/scheme/scheme_editor.py" line="621" />
        <source>Redo</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/scheme/scheme_editor.py" line="554" />
        <source>Import scheme…</source>
        <translation>Загрузить схему…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/scheme/scheme_editor.py" line="555" />
        <source>Export scheme…</source>
        <translation>Сохранить схему…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/scheme/scheme_editor.py" line="556" />
        <source>From brat annotation.conf…</source>
        <translation>Из annotation.conf brat…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/scheme/scheme_editor.py" line="557" />
        <source>Add the labels, relation types and attributes a brat configuration names and the scheme lacks</source>
        <translation>Добавить метки, типы отношений и атрибуты, которые называет конфигурация brat и которых нет в схеме</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/scheme/scheme_editor.py" line="560" />
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/scheme/scheme_editor.py" line="570" />
        <source>Labels</source>
        <translation>Метки</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/scheme/scheme_editor.py" line="571" />
        <source>Claim types</source>
        <translation>Типы утверждений</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/scheme/scheme_editor.py" line="620" />
        <source>Undo: %1</source>
        <translation>Отменить: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/scheme/scheme_editor.py" line="621" />
        <source>Redo: %1</source>
        <translation>Повторить: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/scheme/scheme_editor.py" line="659" />
        <source>Saved version %1: %2</source>
        <translation>Сохранена версия %1: %2</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/scheme/scheme_editor.py" line="677" />
        <source>Not saved: %1</source>
        <translation>Не сохранено: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/scheme/scheme_editor.py" line="691" />
        <source>Merge %1</source>
        <translation>Слияние %1</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/scheme/scheme_editor.py" line="692" />
        <source>Merge %1 into:</source>
        <translation>Слить %1 с меткой:</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/scheme/scheme_editor.py" line="713" />
        <source>Import scheme</source>
        <translation>Загрузить схему</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/scheme/scheme_editor.py" line="713" />
        <location filename="../../annotator/gui/scheme/scheme_editor.py" line="733" />
        <source>Scheme (*.json)</source>
        <translation>Схема (*.json)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/scheme/scheme_editor.py" line="722" />
        <source>brat configuration</source>
        <translation>Конфигурация brat</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/scheme/scheme_editor.py" line="723" />
        <source>brat configuration (annotation.conf *.conf)</source>
        <translation>Конфигурация brat (annotation.conf *.conf)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/scheme/scheme_editor.py" line="733" />
        <source>Export scheme</source>
        <translation>Сохранить схему</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/scheme/scheme_editor.py" line="744" />
        <source>Wrote version %1 to %2</source>
        <translation>Версия %1 сохранена в %2</translation>
    </message>
</context>
<context>
    <name>SchemeItemTab</name>
    <message>
        <location filename="../../annotator/gui/scheme/scheme_editor.py" line="140" />
        <source>Delete…</source>
        <translation>Удалить…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/scheme/scheme_editor.py" line="152" />
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/scheme/scheme_editor.py" line="153" />
        <source>Hotkey</source>
        <translation>Клавиша</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/scheme/scheme_editor.py" line="154" />
        <source>Description</source>
        <translation>Описание</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/scheme/scheme_editor.py" line="280" />
        <source>Type one key</source>
        <translation>Нажмите одну клавишу</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/scheme/scheme_editor.py" line="311" />
        <source>Not saved: %1</source>
        <translation>Не сохранено: %1</translation>
    </message>
</context>
<context>
    <name>SearchPane</name>
    <message>
        <location filename="../../annotator/gui/annotate/search_pane.py" line="201" />
        <source>Search the corpus</source>
        <translation>Поиск по корпусу</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/search_pane.py" line="205" />
        <source>Words in any form, "a phrase", word* — Enter searches</source>
        <translation>Слова в любой форме, "фраза", слово* — Enter ищет</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/search_pane.py" line="237" />
        <source>Searching…</source>
        <translation>Поиск…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/search_pane.py" line="243" />
        <source>No hits</source>
        <translation>Ничего не найдено</translation>
    </message>
    <message numerus="yes">
        <location filename="../../annotator/gui/annotate/search_pane.py" line="245" />
        <source>%n hit(s)</source>
        <translation>
            <numerusform>%n совпадение</numerusform>
            <numerusform>%n совпадения</numerusform>
            <numerusform>%n совпадений</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../annotator/gui/annotate/search_pane.py" line="247" />
        <source>%n hit(s) so far; scroll for more</source>
        <translation>
            <numerusform>пока %n совпадение; прокрутите, чтобы увидеть ещё</numerusform>
            <numerusform>пока %n совпадения; прокрутите, чтобы увидеть ещё</numerusform>
            <numerusform>пока %n совпадений; прокрутите, чтобы увидеть ещё</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SetSession</name>
    <message>
        <location filename="../../annotator/gui/session/set_session.py" line="93" />
        <source>Set your annotator name first</source>
        <translation>Сначала укажите своё имя аннотатора</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/session/set_session.py" line="148" />
        <source>Error: %1</source>
        <translation>Ошибка: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/session/set_session.py" line="172" />
        <source>Select some text to label</source>
        <translation>Выделите текст, чтобы поставить метку</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/session/set_session.py" line="185" />
        <source>No span or claim under the caret</source>
        <translation>Под курсором нет фрагмента или утверждения</translation>
    </message>
</context>
<context>
    <name>SpanList</name>
    <message>
        <location filename="../../annotator/gui/annotate/span_list.py" line="25" />
        <source>Label</source>
        <translation>Метка</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/span_list.py" line="25" />
        <source>Text</source>
        <translation>Текст</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/span_list.py" line="25" />
        <source>Position</source>
        <translation>Позиция</translation>
    </message>
</context>
<context>
    <name>SuggestDialog</name>
    <message>
        <location filename="../../annotator/gui/annotate/suggest_dialog.py" line="55" />
        <location filename="../../annotator/gui/annotate/suggest_dialog.py" line="96" />
        <source>Suggest</source>
        <translation>Предложить</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/suggest_dialog.py" line="58" />
        <location filename="../../annotator/gui/annotate/suggest_dialog.py" line="118" />
        <source>This document (%1)</source>
        <translation>Этот документ (%1)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/suggest_dialog.py" line="60" />
        <source>The documents the list shows (its filters)</source>
        <translation>Документы, показанные в списке (по его фильтрам)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/suggest_dialog.py" line="61" />
        <source>All documents</source>
        <translation>Все документы</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/suggest_dialog.py" line="69" />
        <source>natasha: people, organisations, places</source>
        <translation>natasha: люди, организации, места</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/suggest_dialog.py" line="70" />
        <source>rules: sums, numbers, dates, titles</source>
        <translation>правила: суммы, числа, даты, должности</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/suggest_dialog.py" line="81" />
        <source>Documents:</source>
        <translation>Документы:</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/suggest_dialog.py" line="82" />
        <source>Models:</source>
        <translation>Модели:</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/suggest_dialog.py" line="87" />
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/suggest_dialog.py" line="92" />
        <source>Suggestions are drawn dashed; Y accepts one, X rejects it, Tab goes to the next.</source>
        <translation>Предложения обведены пунктиром; Y принимает, X отклоняет, Tab — к следующему.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/suggest_dialog.py" line="99" />
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/suggest_dialog.py" line="145" />
        <source>Suggesting… (the models load first: a few seconds)</source>
        <translation>Идёт разметка… (сначала загружаются модели: несколько секунд)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/suggest_dialog.py" line="153" />
        <source>%1 / %2 documents</source>
        <translation>%1 / %2 документов</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/suggest_dialog.py" line="158" />
        <source>Cancelling…</source>
        <translation>Отмена…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/suggest_dialog.py" line="165" />
        <source>%1 suggestion(s) in %2 document(s); %3 suggested before, skipped.</source>
        <translation>Предложений: %1, документов: %2; уже размеченных раньше пропущено: %3.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/suggest_dialog.py" line="174" />
        <source>Cancelled: the documents finished before keep their suggestions.</source>
        <translation>Отменено: документы, обработанные до отмены, сохраняют свои предложения.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/suggest_dialog.py" line="177" />
        <location filename="../../annotator/gui/annotate/suggest_dialog.py" line="180" />
        <source>Not suggested: %1</source>
        <translation>Предложения не сделаны: %1</translation>
    </message>
</context>
<context>
    <name>SuggestionActions</name>
    <message>
        <location filename="../../annotator/gui/session/suggestion_keys.py" line="64" />
        <source>No suggestion under the caret (Tab goes to the next one)</source>
        <translation>Под курсором нет предложения (Tab — к следующему)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/session/suggestion_keys.py" line="92" />
        <source>Put the caret on a suggested span to accept every one of its label</source>
        <translation>Поставьте курсор на предложенный фрагмент, чтобы принять все предложения его метки</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/session/suggestion_keys.py" line="119" />
        <source>Suggested %1 (%2): Y accepts, X rejects, Shift+Y accepts every %1</source>
        <translation>Предложено %1 (%2): Y — принять, X — отклонить, Shift+Y — принять все %1</translation>
    </message>
</context>
<context>
    <name>SuggestionLayer</name>
    <message>
        <location filename="../../annotator/gui/text/suggestion_painting.py" line="93" />
        <source>Suggested: %1 (%2) — Y accepts, X rejects</source>
        <translation>Предложено: %1 (%2) — Y принимает, X отклоняет</translation>
    </message>
</context>
<context>
    <name>TeamNotes</name>
    <message>
        <location filename="../../annotator/gui/notes/team_notes.py" line="23" />
        <source>The team's notes</source>
        <translation>Заметки команды</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/notes/team_notes.py" line="24" />
        <source>Flagged unsure only</source>
        <translation>Только помеченные как сомнительные</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/notes/team_notes.py" line="25" />
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/notes/team_notes.py" line="55" />
        <source>Notes: %1, documents: %2; Enter opens one in the curation window</source>
        <translation>Заметок: %1, документов: %2; Enter открывает заметку в окне согласования</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <location filename="../../annotator/gui/annotate/window_actions.py" line="59" />
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/window_actions.py" line="65" />
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/window_actions.py" line="68" />
        <source>Span &amp;edges</source>
        <translation>&amp;Границы фрагмента</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/window_actions.py" line="71" />
        <source>Entity &amp;links</source>
        <translation>Связи с &amp;сущностями</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/window_actions.py" line="77" />
        <source>&amp;Label</source>
        <translation>&amp;Метки</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/window_actions.py" line="79" />
        <source>&amp;Suggestions</source>
        <translation>Пре&amp;дложения</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/window_actions.py" line="83" />
        <source>Suggest with the models…</source>
        <translation>Предложить разметку моделями…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/window_actions.py" line="85" />
        <source>Propose my annotations of the repeated passages in their copies</source>
        <translation>Предложить мою разметку повторяющихся фрагментов в их копиях</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/window_actions.py" line="88" />
        <source>&amp;Go</source>
        <translation>П&amp;ереход</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/window_actions.py" line="91" />
        <source>&amp;Options</source>
        <translation>&amp;Настройки</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/window_actions.py" line="99" />
        <source>&amp;Team</source>
        <translation>&amp;Команда</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/window_actions.py" line="102" />
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/window_actions.py" line="104" />
        <source>&amp;About annotator…</source>
        <translation>&amp;О программе annotator…</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../../annotator/gui/annotate/list_actions.py" line="39" />
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/list_actions.py" line="47" />
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/annotate/list_actions.py" line="51" />
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
</context>
</TS>