# Передача на первый трек: отчёты и их копии, журнал передач, отслеживание утечки, многотрековая хронология.
transfer-transfer-and-coordination = Передача и координация
transfer-transfer-log = Журнал передач
transfer-when = Когда
transfer-what-moved = Что передано
transfer-direction = Направление
transfer-channel = Канал
transfer-timing = Время
transfer-evidence = Подтверждение
transfer-coordination-with-track-one = Координация с первым треком
transfer-form = Форма
transfer-counterpart = Контрагент
transfer-log-a-transfer = Записать передачу
transfer-on = Дата
transfer-what-happened = Что произошло
transfer-a-version-of-a = Версия переговорного текста, которую она передала (варианты, включённые в его пункты, передаются вместе с ней)
transfer-none = Нет
transfer-options-it-carried = Переданные варианты
transfer-log-transfer = Записать передачу
transfer-log-a-contact-with = Записать контакт с первым треком
transfer-form-fisher = Форма (по Фишеру)
transfer-counterpart-an-office-not = Контрагент (ведомство, а не имя)
transfer-note = Заметка
transfer-log-contact = Записать контакт
transfer-log-an-event-of = Записать событие официального трека
transfer-kind = Вид
transfer-title = Название
transfer-log-official-event = Записать официальное событие
transfer-initiative = Инициатива
transfer-readouts = Отчёты
transfer-timeline = Хронология
transfer-a-readout-carries-chosen = Отчёт передаёт выбранные заметки, варианты и резюме встреч одной аудитории. Каждый проходит согласование (черновик → проверен → выпущен); после выпуска он не меняется, и каждый получатель получает собственную копию.
transfer-readout = Отчёт
transfer-audience = Аудитория
transfer-clearance = Согласование
transfer-draft-a-readout = Подготовить отчёт
transfer-cover-the-convener-s = Вступление (позиция организатора; пустая строка разделяет абзацы)
transfer-meetings = Встречи
transfer-round = Раунд
transfer-options = Варианты
transfer-a-version-of-a-2 = Версия переговорного текста для передачи (её копии маркируются вместе с остальным)
transfer-a-joint-readout-also = Совместный отчёт: его также проверяет представитель каждой из этих сторон
transfer-let-copies-differ-in = Позволить копиям различаться и формулировками (отслеживаются по более коротким отрывкам)
transfer-save-draft = Сохранить черновик
transfer-for = Для
transfer-carries = Передаёт
transfer-text-2 = Текст
transfer-as-it-would-be = (в том виде, в каком был бы выпущен сейчас)
transfer-notes-to-carry = Заметки для передачи
transfer-the-version-of-a = Версия переговорного текста, которую он передаёт
transfer-not-for-transfer = не для передачи
transfer-a-note-the-rules = Заметка, которую правила скрывают от этой аудитории, не попадёт в текст, что бы ни было отмечено. Сохранение возвращает отчёт в черновик.
transfer-save = Сохранить
transfer-a-joint-readout-one = (совместный отчёт: проверка от каждой стороны, а также от организатора)
transfer-mark-reviewed = Отметить проверенным
transfer-release = Выпустить
transfer-distribution-ledger = Журнал рассылки
transfer-copy = Копия
transfer-recipient = Получатель
transfer-how = Как
transfer-files = Файлы
transfer-pdf = PDF
transfer-docx = DOCX
transfer-issue-a-copy = Выдать копию
transfer-how-it-is-handed = Как она передаётся
transfer-issue-copy = Выдать копию
transfer-trace-a-leaked-passage = Отследить утёкший отрывок
transfer-the-passage-as-it = Отрывок в найденном виде (вставленный или набранный со снимка экрана)
transfer-or-a-photograph-or = Или фото либо скан страницы (PNG, JPEG, TIFF или PDF, не более 8 МиБ), распознаваемый OCR
transfer-trace = Отследить
transfer-multi-track-timeline = Многотрековая хронология
transfer-from = С
transfer-to = По
transfer-show = Показать
transfer-as-pdf = В PDF
transfer-events = События
transfer-official-track = официальный трек:
transfer-transfer = передача:
transfer-coordination = координация:
transfer-back-to-the-readout = Назад к отчёту
transfer-the-page-could-not = Страницу не удалось прочитать:
transfer-verdict = Вывод:
transfer-how-much-text-names = Сколько текста указывает на копию
transfer-passage = Отрывок
transfer-a-negotiating-text = Переговорный текст
transfer-counted-among = Считая среди выданных копий, или { $copies }, пока ни одна не выдана. Это лучший случай: перепечатка, правка и подача журналиста теряют часть мест, поэтому для настоящей утечки нужно несколько больше текста.
transfer-nav = Передача
transfer-ocr-words = Страница распознана OCR (tesseract): слов — { $words }.
transfer-on-date = { $date }
transfer-reviews-count = Проверок: { $count }
transfer-sentences = { $count ->
    [one] { $count } предложение
    [few] { $count } предложения подряд
   *[other] { $count } предложений подряд
}
transfer-share-caption = Доля отрывков отчёта, указывающих на свою копию среди { $copies } копий, при дословном цитировании
transfer-text-carried = Текст: { $text }
transfer-text-version = { $title }, версия { $version }
transfer-traceability-rate = В каждой копии { $sites } переменных мест на { $words } слов ({ $rate } на 100 слов); если { $other }: { $other_sites } ({ $other_rate } на 100 слов).
transfer-variants-off = варианты формулировок выключены
transfer-variants-off-this = варианты формулировок выключены (этот отчёт)
transfer-variants-on = варианты формулировок включены
transfer-variants-on-this = варианты формулировок включены (этот отчёт)
transfer-meeting-choice = Раунд { $number }: { $title } ({ $rule })
transfer-in-person = лично
coordination-chart-title = Координация с первым треком во времени
coordination-chart-desc = Высшая из четырёх форм Фишера, достигнутая за 90 дней до каждой недели, с { $from } по { $to }.

# Вердикт по утёкшему фрагменту и на чём он основан (что каждый позволяет заключить — в docs/tracing.md).
trace-from-copy = экземпляр { $number }, выданный { $recipient }: фрагмент взят из этого экземпляра (вероятность { $percent } %)
trace-decided-by = Решено по { $sites } вариативным местам, где экземпляры различаются; среди них фрагмент показывает:
trace-quoted = «{ $form }»
trace-or = {" или "}
trace-site-shown = { $shown } там, где в других экземплярах { $others }
trace-and-more = и ещё { $count }
trace-from-readout = из этого отчёта, экземпляр не определён
trace-pieces-match = { $count ->
    [one] { $count } часть фрагмента совпадает с отчётом (абзац { $paragraphs }); остальное ни с чем в нём не совпадает.
    [few] { $count } части фрагмента совпадают с отчётом (абзацы { $paragraphs }); остальное ни с чем в нём не совпадает.
   *[other] { $count } частей фрагмента совпадают с отчётом (абзацы { $paragraphs }); остальное ни с чем в нём не совпадает.
}
trace-no-site-covered = Он не захватывает ни одного места, где экземпляры различаются, поэтому экземпляр определить нельзя.
trace-unmarked-original = Он показывает формы немаркированного оригинала (вероятность { $percent } %): он взят из собственного текста команды организаторов или из черновика, а не из выданного экземпляра.
trace-likely-copy = экземпляр { $number }, выданный { $recipient } ({ $percent } %)
trace-likeliest-separator = {"; "}
trace-likeliest = Наиболее вероятные по { $sites } вариативным местам: { $copies }.
trace-more-sentences = { $count ->
    [one] Вероятно, ещё около { $count } предложения того же текста решат вопрос.
   *[other] Вероятно, ещё около { $count } предложений того же текста решат вопрос.
}
trace-not-matching = нет совпадения: фрагмент не из этого отчёта
trace-no-part-matches = Ни одна его часть не совпадает с отчётом сверх случайного (самое длинное совпадение — { $words } слов, как у несвязанного текста). Близкий пересказ тоже не совпал бы.
trace-not-traced = не отслежено: { $reason }
trace-no-copies = нет экземпляров для сравнения
trace-too-short = во фрагменте { $words } слов; нужно не меньше { $least }
trace-too-long = фрагмент слишком длинный, чтобы сверить его с этим отчётом ({ $tokens } слов и знаков; не больше { $most }): отследите его часть
