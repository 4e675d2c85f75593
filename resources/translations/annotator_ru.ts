<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>AttributeEditor</name>
    <message>
        <location filename="../../annotator/gui/attribute_editor.py" line="55"/>
        <source>No span selected</source>
        <translation>Фрагмент не выбран</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/attribute_editor.py" line="61"/>
        <source>%1 span %2–%3</source>
        <translation>Фрагмент %1, %2–%3</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/attribute_editor.py" line="64"/>
        <source>%1 spans have no attributes</source>
        <translation>У фрагментов %1 нет атрибутов</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/attribute_editor.py" line="101"/>
        <source>(not set)</source>
        <translation>(не задано)</translation>
    </message>
</context>
<context>
    <name>CheatSheet</name>
    <message>
        <location filename="../../annotator/gui/keys.py" line="98"/>
        <source>Keys</source>
        <translation>Клавиши</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/keys.py" line="100"/>
        <source>Key</source>
        <translation>Клавиша</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/keys.py" line="100"/>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
</context>
<context>
    <name>DocumentList</name>
    <message>
        <location filename="../../annotator/gui/document_list.py" line="36"/>
        <source>Document</source>
        <translation>Документ</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/document_list.py" line="37"/>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/document_list.py" line="38"/>
        <source>Length</source>
        <translation>Длина</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/document_list.py" line="39"/>
        <source>My status</source>
        <translation>Мой статус</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/document_list.py" line="43"/>
        <source>new</source>
        <translation>новый</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/document_list.py" line="44"/>
        <source>in_progress</source>
        <translation>в работе</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/document_list.py" line="45"/>
        <source>done</source>
        <translation>готов</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/document_list.py" line="46"/>
        <source>curated</source>
        <translation>проверен куратором</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/document_list.py" line="47"/>
        <source>skipped</source>
        <translation>пропущен</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../annotator/gui/export_dialog.py" line="62"/>
        <location filename="../../annotator/gui/export_dialog.py" line="125"/>
        <source>Export</source>
        <translation>Экспорт</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/export_dialog.py" line="66"/>
        <source>My sets (%1)</source>
        <translation>Мои разметки (%1)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/export_dialog.py" line="68"/>
        <source>Gold</source>
        <translation>Эталон</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/export_dialog.py" line="69"/>
        <source>All sets (a document without one once)</source>
        <translation>Все разметки (документ без разметки — один раз)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/export_dialog.py" line="70"/>
        <source>Another annotator:</source>
        <translation>Другой аннотатор:</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/export_dialog.py" line="72"/>
        <source>name</source>
        <translation>имя</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/export_dialog.py" line="87"/>
        <source>All documents</source>
        <translation>Все документы</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/export_dialog.py" line="88"/>
        <source>The documents the list shows (its filters)</source>
        <translation>Документы, показанные в списке (по его фильтрам)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/export_dialog.py" line="89"/>
        <source>Selected documents (%1)</source>
        <translation>Выбранные документы (%1)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/export_dialog.py" line="101"/>
        <source>out.jsonl</source>
        <translation>out.jsonl</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/export_dialog.py" line="103"/>
        <source>Browse…</source>
        <translation>Обзор…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/export_dialog.py" line="110"/>
        <source>Sets:</source>
        <translation>Разметки:</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/export_dialog.py" line="111"/>
        <source>Documents:</source>
        <translation>Документы:</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/export_dialog.py" line="112"/>
        <source>Output file:</source>
        <translation>Файл:</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/export_dialog.py" line="117"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/export_dialog.py" line="128"/>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/export_dialog.py" line="153"/>
        <source>Export to</source>
        <translation>Экспорт в файл</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/export_dialog.py" line="154"/>
        <source>JSONL (*.jsonl);;All files (*)</source>
        <translation>JSONL (*.jsonl);;Все файлы (*)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/export_dialog.py" line="193"/>
        <source>Type a valid annotator name.</source>
        <translation>Введите допустимое имя аннотатора.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/export_dialog.py" line="197"/>
        <source>Exporting…</source>
        <translation>Экспорт…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/export_dialog.py" line="208"/>
        <source>%1 / %2 documents</source>
        <translation>%1 / %2 документов</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/export_dialog.py" line="213"/>
        <source>Cancelling…</source>
        <translation>Отмена…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/export_dialog.py" line="219"/>
        <source>Exported %1 record(s) of %2 document(s) to %3.</source>
        <translation>Экспортировано записей: %1, документов: %2, в %3.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/export_dialog.py" line="228"/>
        <source>Cancelled: no file was written.</source>
        <translation>Отменено: файл не записан.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/export_dialog.py" line="230"/>
        <location filename="../../annotator/gui/export_dialog.py" line="233"/>
        <source>Not exported: %1</source>
        <translation>Не экспортировано: %1</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../annotator/gui/filter_bar.py" line="43"/>
        <source>Search id or text</source>
        <translation>Поиск по id или тексту</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/filter_bar.py" line="47"/>
        <source>From date (YYYY-MM-DD); empty for any</source>
        <translation>Дата с (ГГГГ-ММ-ДД); пусто — любая</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/filter_bar.py" line="48"/>
        <source>To date (YYYY-MM-DD); empty for any</source>
        <translation>Дата по (ГГГГ-ММ-ДД); пусто — любая</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/filter_bar.py" line="49"/>
        <source>YYYY-MM-DD</source>
        <translation>ГГГГ-ММ-ДД</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/filter_bar.py" line="54"/>
        <source>The status of your set of the document</source>
        <translation>Статус вашей разметки документа</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/filter_bar.py" line="55"/>
        <source>All</source>
        <translation>Все</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/filter_bar.py" line="55"/>
        <source>New</source>
        <translation>Новые</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/filter_bar.py" line="56"/>
        <source>In progress</source>
        <translation>В работе</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/filter_bar.py" line="56"/>
        <source>Done</source>
        <translation>Готовые</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/filter_bar.py" line="57"/>
        <source>Skipped</source>
        <translation>Пропущенные</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/filter_bar.py" line="64"/>
        <source>From</source>
        <translation>С</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/filter_bar.py" line="66"/>
        <source>to</source>
        <translation>по</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/filter_bar.py" line="68"/>
        <source>My status</source>
        <translation>Мой статус</translation>
    </message>
</context>
<context>
    <name>FirstStart</name>
    <message>
        <location filename="../../annotator/gui/app.py" line="23"/>
        <location filename="../../annotator/gui/app.py" line="31"/>
        <source>annotator</source>
        <translation>annotator</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/app.py" line="24"/>
        <source>Your annotator name:</source>
        <translation>Ваше имя аннотатора:</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../annotator/gui/import_dialog.py" line="63"/>
        <location filename="../../annotator/gui/import_dialog.py" line="118"/>
        <source>Import</source>
        <translation>Импорт</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/import_dialog.py" line="67"/>
        <source>Files…</source>
        <translation>Файлы…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/import_dialog.py" line="68"/>
        <source>Folder…</source>
        <translation>Папка…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/import_dialog.py" line="80"/>
        <source>Detect from the file name</source>
        <translation>По имени файла</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/import_dialog.py" line="80"/>
        <source>Plain text</source>
        <translation>Простой текст</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/import_dialog.py" line="81"/>
        <source>JSONL</source>
        <translation>JSONL</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/import_dialog.py" line="84"/>
        <source>as in the files</source>
        <translation>как в файлах</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/import_dialog.py" line="85"/>
        <source>Import every set as this annotator&apos;s</source>
        <translation>Импортировать все разметки как разметки этого аннотатора</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/import_dialog.py" line="86"/>
        <source>Skip bad records (import the good ones)</source>
        <translation>Пропускать ошибочные записи (импортировать правильные)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/import_dialog.py" line="88"/>
        <source>Files:</source>
        <translation>Файлы:</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/import_dialog.py" line="89"/>
        <source>Format:</source>
        <translation>Формат:</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/import_dialog.py" line="90"/>
        <source>Import as annotator:</source>
        <translation>Импортировать как аннотатор:</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/import_dialog.py" line="97"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/import_dialog.py" line="105"/>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/import_dialog.py" line="105"/>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/import_dialog.py" line="105"/>
        <source>Line</source>
        <translation>Строка</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/import_dialog.py" line="105"/>
        <source>Message</source>
        <translation>Сообщение</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/import_dialog.py" line="116"/>
        <source>Check (dry run)</source>
        <translation>Проверить (без записи)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/import_dialog.py" line="117"/>
        <source>Read everything and report problems; write nothing</source>
        <translation>Прочитать всё и сообщить об ошибках, ничего не записывая</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/import_dialog.py" line="120"/>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/import_dialog.py" line="152"/>
        <source>Files to import</source>
        <translation>Файлы для импорта</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/import_dialog.py" line="153"/>
        <source>Texts and JSONL (*.txt *.jsonl);;All files (*)</source>
        <translation>Тексты и JSONL (*.txt *.jsonl);;Все файлы (*)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/import_dialog.py" line="158"/>
        <source>A folder to import</source>
        <translation>Папка для импорта</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/import_dialog.py" line="176"/>
        <source>Starting…</source>
        <translation>Запуск…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/import_dialog.py" line="177"/>
        <source>Checking…</source>
        <translation>Проверка…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/import_dialog.py" line="177"/>
        <source>Importing…</source>
        <translation>Импорт…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/import_dialog.py" line="191"/>
        <source>%1 / %2 files — %3</source>
        <translation>%1 / %2 файлов — %3</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/import_dialog.py" line="198"/>
        <source>Cancelling…</source>
        <translation>Отмена…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/import_dialog.py" line="205"/>
        <source>Done</source>
        <translation>Готово</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/import_dialog.py" line="205"/>
        <source>Nothing imported</source>
        <translation>Ничего не импортировано</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/import_dialog.py" line="219"/>
        <source>Cancelled</source>
        <translation>Отменено</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/import_dialog.py" line="220"/>
        <source>Cancelled: nothing was imported.</source>
        <translation>Отменено: ничего не импортировано.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/import_dialog.py" line="223"/>
        <location filename="../../annotator/gui/import_dialog.py" line="227"/>
        <source>Not imported: %1</source>
        <translation>Не импортировано: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/import_dialog.py" line="231"/>
        <source>%1 document(s) added, %2 already stored; %3 set(s) added, %4 replaced; %5 span(s)</source>
        <translation>документов добавлено: %1, уже было: %2; разметок добавлено: %3, заменено: %4; фрагментов: %5</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/import_dialog.py" line="237"/>
        <source>Imported: %1; %2 bad record(s) skipped.</source>
        <translation>Импортировано: %1; пропущено ошибочных записей: %2.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/import_dialog.py" line="239"/>
        <source>Imported: %1.</source>
        <translation>Импортировано: %1.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/import_dialog.py" line="241"/>
        <source>%1 problem(s); nothing was imported.</source>
        <translation>Ошибок: %1; ничего не импортировано.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/import_dialog.py" line="242"/>
        <source>Dry run, nothing written: would import %1.</source>
        <translation>Проверка, ничего не записано; будет импортировано: %1.</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/import_dialog.py" line="245"/>
        <source>error</source>
        <translation>ошибка</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/import_dialog.py" line="245"/>
        <source>skipped</source>
        <translation>пропущено</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/import_dialog.py" line="245"/>
        <source>notice</source>
        <translation>замечание</translation>
    </message>
</context>
<context>
    <name>Keys</name>
    <message>
        <location filename="../../annotator/gui/keys.py" line="40"/>
        <source>Import…</source>
        <translation>Импорт…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/keys.py" line="41"/>
        <source>Export…</source>
        <translation>Экспорт…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/keys.py" line="42"/>
        <source>Remove the span under the caret</source>
        <translation>Удалить фрагмент под курсором</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/keys.py" line="43"/>
        <source>Undo your last action</source>
        <translation>Отменить ваше последнее действие</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/keys.py" line="44"/>
        <source>Redo</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/keys.py" line="45"/>
        <source>Go to the next span</source>
        <translation>Перейти к следующему фрагменту</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/keys.py" line="46"/>
        <source>Go to the previous span</source>
        <translation>Перейти к предыдущему фрагменту</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/keys.py" line="47"/>
        <source>Next document</source>
        <translation>Следующий документ</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/keys.py" line="48"/>
        <source>Previous document</source>
        <translation>Предыдущий документ</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/keys.py" line="49"/>
        <source>Mark the document done</source>
        <translation>Отметить документ как готовый</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/keys.py" line="50"/>
        <source>Snap selections to whole tokens (on/off)</source>
        <translation>Выделять только целые токены (вкл./выкл.)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/keys.py" line="51"/>
        <source>Show this list of keys</source>
        <translation>Показать этот список клавиш</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/keys.py" line="59"/>
        <source>Caret to the next token</source>
        <translation>Курсор к следующему токену</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/keys.py" line="60"/>
        <source>Caret to the previous token</source>
        <translation>Курсор к предыдущему токену</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/keys.py" line="61"/>
        <source>Extend the selection by a token</source>
        <translation>Расширить выделение на токен вперёд</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/keys.py" line="63"/>
        <source>Extend the selection back by a token</source>
        <translation>Расширить выделение на токен назад</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/keys.py" line="66"/>
        <source>Label the selection (or the span under the caret) as %1</source>
        <translation>Разметить выделение (или фрагмент под курсором) меткой %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="84"/>
        <source>annotator</source>
        <translation>annotator</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="115"/>
        <source>Spans</source>
        <translation>Фрагменты</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="116"/>
        <source>Attributes</source>
        <translation>Атрибуты</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="117"/>
        <source>Labels</source>
        <translation>Метки</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="122"/>
        <source>Documents</source>
        <translation>Документы</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="132"/>
        <source>This document&apos;s place in the list as filtered</source>
        <translation>Место документа в отфильтрованном списке</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="189"/>
        <source>All saved</source>
        <translation>Всё сохранено</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="198"/>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="201"/>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="204"/>
        <source>&amp;Label</source>
        <translation>&amp;Метки</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="209"/>
        <source>&amp;Go</source>
        <translation>П&amp;ереход</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="212"/>
        <source>&amp;Options</source>
        <translation>&amp;Настройки</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="214"/>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="275"/>
        <source>This column cannot be sorted</source>
        <translation>По этому столбцу нельзя сортировать</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="300"/>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="325"/>
        <source>annotator — %1 — %2</source>
        <translation>annotator — %1 — %2</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="335"/>
        <source>Set your annotator name first</source>
        <translation>Сначала укажите своё имя аннотатора</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="345"/>
        <source>Saving…</source>
        <translation>Сохранение…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="358"/>
        <source>That is already a %1 span</source>
        <translation>Это уже фрагмент с меткой %1</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="368"/>
        <source>Select some text to label</source>
        <translation>Выделите текст, чтобы поставить метку</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="376"/>
        <source>No span under the caret</source>
        <translation>Под курсором нет фрагмента</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="395"/>
        <source>Settings not saved: %1</source>
        <translation>Настройки не сохранены: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="397"/>
        <source>Snapping to tokens on</source>
        <translation>Привязка к токенам включена</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="397"/>
        <source>Snapping to tokens off</source>
        <translation>Привязка к токенам выключена</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="541"/>
        <source>Nothing to undo or redo</source>
        <translation>Нечего отменять или повторять</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="544"/>
        <source>Saved</source>
        <translation>Сохранено</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="560"/>
        <source>Saved ✓ %1</source>
        <translation>Сохранено ✓ %1</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="569"/>
        <source>Error: %1</source>
        <translation>Ошибка: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="570"/>
        <source>Not saved</source>
        <translation>Не сохранено</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="576"/>
        <source>%1 / %2 documents done</source>
        <translation>Готово документов: %1 / %2</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="579"/>
        <source>%1 spans in this document</source>
        <translation>Фрагментов в документе: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="584"/>
        <source>Undo: %1</source>
        <translation>Отменить: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="584"/>
        <source>Undo</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="585"/>
        <source>Redo: %1</source>
        <translation>Повторить: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="585"/>
        <source>Redo</source>
        <translation>Повторить</translation>
    </message>
</context>
<context>
    <name>SpanList</name>
    <message>
        <location filename="../../annotator/gui/span_list.py" line="24"/>
        <source>Label</source>
        <translation>Метка</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/span_list.py" line="24"/>
        <source>Text</source>
        <translation>Текст</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/span_list.py" line="24"/>
        <source>Position</source>
        <translation>Позиция</translation>
    </message>
</context>
</TS>
