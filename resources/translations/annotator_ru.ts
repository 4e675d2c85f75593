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
        <location filename="../../annotator/gui/keys.py" line="96"/>
        <source>Keys</source>
        <translation>Клавиши</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/keys.py" line="98"/>
        <source>Key</source>
        <translation>Клавиша</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/keys.py" line="98"/>
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
        <location filename="../../annotator/gui/app.py" line="22"/>
        <location filename="../../annotator/gui/app.py" line="30"/>
        <source>annotator</source>
        <translation>annotator</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/app.py" line="23"/>
        <source>Your annotator name:</source>
        <translation>Ваше имя аннотатора:</translation>
    </message>
</context>
<context>
    <name>Keys</name>
    <message>
        <location filename="../../annotator/gui/keys.py" line="40"/>
        <source>Remove the span under the caret</source>
        <translation>Удалить фрагмент под курсором</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/keys.py" line="41"/>
        <source>Undo your last action</source>
        <translation>Отменить ваше последнее действие</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/keys.py" line="42"/>
        <source>Redo</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/keys.py" line="43"/>
        <source>Go to the next span</source>
        <translation>Перейти к следующему фрагменту</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/keys.py" line="44"/>
        <source>Go to the previous span</source>
        <translation>Перейти к предыдущему фрагменту</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/keys.py" line="45"/>
        <source>Next document</source>
        <translation>Следующий документ</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/keys.py" line="46"/>
        <source>Previous document</source>
        <translation>Предыдущий документ</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/keys.py" line="47"/>
        <source>Mark the document done</source>
        <translation>Отметить документ как готовый</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/keys.py" line="48"/>
        <source>Snap selections to whole tokens (on/off)</source>
        <translation>Выделять только целые токены (вкл./выкл.)</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/keys.py" line="49"/>
        <source>Show this list of keys</source>
        <translation>Показать этот список клавиш</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/keys.py" line="57"/>
        <source>Caret to the next token</source>
        <translation>Курсор к следующему токену</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/keys.py" line="58"/>
        <source>Caret to the previous token</source>
        <translation>Курсор к предыдущему токену</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/keys.py" line="59"/>
        <source>Extend the selection by a token</source>
        <translation>Расширить выделение на токен вперёд</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/keys.py" line="61"/>
        <source>Extend the selection back by a token</source>
        <translation>Расширить выделение на токен назад</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/keys.py" line="64"/>
        <source>Label the selection (or the span under the caret) as %1</source>
        <translation>Разметить выделение (или фрагмент под курсором) меткой %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="78"/>
        <source>annotator</source>
        <translation>annotator</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="109"/>
        <source>Spans</source>
        <translation>Фрагменты</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="110"/>
        <source>Attributes</source>
        <translation>Атрибуты</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="111"/>
        <source>Labels</source>
        <translation>Метки</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="116"/>
        <source>Documents</source>
        <translation>Документы</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="126"/>
        <source>This document&apos;s place in the list as filtered</source>
        <translation>Место документа в отфильтрованном списке</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="181"/>
        <source>All saved</source>
        <translation>Всё сохранено</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="190"/>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="193"/>
        <source>&amp;Label</source>
        <translation>&amp;Метки</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="198"/>
        <source>&amp;Go</source>
        <translation>П&amp;ереход</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="201"/>
        <source>&amp;Options</source>
        <translation>&amp;Настройки</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="203"/>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="264"/>
        <source>This column cannot be sorted</source>
        <translation>По этому столбцу нельзя сортировать</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="289"/>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="314"/>
        <source>annotator — %1 — %2</source>
        <translation>annotator — %1 — %2</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="324"/>
        <source>Set your annotator name first</source>
        <translation>Сначала укажите своё имя аннотатора</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="334"/>
        <source>Saving…</source>
        <translation>Сохранение…</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="347"/>
        <source>That is already a %1 span</source>
        <translation>Это уже фрагмент с меткой %1</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="357"/>
        <source>Select some text to label</source>
        <translation>Выделите текст, чтобы поставить метку</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="365"/>
        <source>No span under the caret</source>
        <translation>Под курсором нет фрагмента</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="384"/>
        <source>Settings not saved: %1</source>
        <translation>Настройки не сохранены: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="386"/>
        <source>Snapping to tokens on</source>
        <translation>Привязка к токенам включена</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="386"/>
        <source>Snapping to tokens off</source>
        <translation>Привязка к токенам выключена</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="456"/>
        <source>Nothing to undo or redo</source>
        <translation>Нечего отменять или повторять</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="459"/>
        <source>Saved</source>
        <translation>Сохранено</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="475"/>
        <source>Saved ✓ %1</source>
        <translation>Сохранено ✓ %1</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="484"/>
        <source>Error: %1</source>
        <translation>Ошибка: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="485"/>
        <source>Not saved</source>
        <translation>Не сохранено</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="491"/>
        <source>%1 / %2 documents done</source>
        <translation>Готово документов: %1 / %2</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="494"/>
        <source>%1 spans in this document</source>
        <translation>Фрагментов в документе: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="499"/>
        <source>Undo: %1</source>
        <translation>Отменить: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="499"/>
        <source>Undo</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="500"/>
        <source>Redo: %1</source>
        <translation>Повторить: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/gui/main_window.py" line="500"/>
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
