# Exported documents (PDF and DOCX): meeting summaries, readout copies, the timeline, a negotiating text's copies.

document-page = Страница { $page } из { $pages }

## A meeting summary's facts and sections

document-initiative = Инициатива
document-round = Раунд
document-date = Дата
document-rule = Режим
document-prepared-for = Подготовлено для
document-venue = Место
document-stage-reached = Достигнутый этап
document-attendance = Участники встречи
document-name = Имя
document-organisation = Организация
document-side = Сторона
document-capacity = Статус
document-agenda = Повестка
document-agenda-done = { $item } (выполнено)
document-options-raised = Предложенные варианты
document-supported-by = (поддерживает: { $sides })
document-follow-ups = Дальнейшие шаги
document-due = (срок: { $date })
document-done = выполнено
document-not-in-summary = Не вошло в это резюме
document-not-for-transfer = не для передачи
document-summary-running-head = { $mode } — { $reader }
document-summary-subject = Резюме встречи ({ $mode })

## A readout's copy

document-readout-running-head = Брифинг для адресата: { $audience } — не копировать и не пересылать
document-readout-subject = Брифинг

## The timeline

document-timeline-title = Хронология по всем трекам
document-timeline-running-head = Хронология по всем трекам — конфиденциально
document-timeline-subject = Хронология
document-timeline-span = С { $from } по { $to }.
document-timeline-alt = Официальный трек, встречи каждой инициативы, передачи и координация — дорожками на одной оси дат; все события перечислены ниже.
document-timeline-official = Официальный трек
document-timeline-transfers = Передачи
document-timeline-coordination = Координация
document-timeline-outcomes = Результаты
document-event = Событие

## A negotiating text: the bracketed working copy, the clean copy and the comparison copy

document-text-bracketed = Текст со скобками
document-text-clean = Чистый текст
document-text-comparison = Сравнение
document-text-running-head = { $copy } — версия { $version } — { $mode }
document-text-subject = { $copy }, версия { $version }
document-text-version = Версия
document-text-version-value = { $version } ({ $language })
document-text-committed = Зафиксирована
document-text-content-hash = Хеш содержимого
document-text-status = Состояние
document-text-figures = Показатели
document-text-status-no-version = Версий пока нет
document-text-status-open = Открыт: в версии { $version } осталось скобок: { $brackets }, альтернатив: { $alternatives }
document-text-status-awaiting = В версии { $version } открытых пунктов нет; подписали сторон: { $signed }; осталось подписать: { $missing }
document-text-status-agreed = Согласован: каждая сторона подписала версию { $version } ({ $hash })
document-text-agreed-ad-referendum = (согласовано ad referendum)
document-text-alternatives = альтернативы:
document-text-replaces-whole-clause = (заменяет весь пункт)
document-text-replaces-words = (заменяет «{ $words }»)
document-text-compared = Сравниваются
document-text-compared-versions = от версии { $older } к версии { $newer }
document-text-before = До
document-text-after = После
document-text-clauses = Пункты
document-text-clause-changes = добавлено: { $added } · удалено: { $removed } · изменено: { $reworded } · перемещено: { $moved }
document-text-legend = Добавленные слова { $inserted }; удалённые слова { $deleted }.
document-text-legend-inserted = подчёркнуты
document-text-legend-deleted = зачёркнуты
document-text-moved = (перемещён из { $from } в { $to })

## Confidentiality rules

document-mode-on-the-record = Под запись
document-mode-non-attribution = Без указания авторства
document-mode-chatham-house = Правило Чатем-хауса
document-mode-secret-channel = Тайный канал

## Whom a summary is prepared for

document-reader-team = организационная группа
document-reader-participant = участник
document-reader-observer = наблюдатель
document-reader-official = официальное лицо первого трека
document-reader-evaluator = оценщик
document-reader-funder = донор
document-reader-operations = служба обеспечения

## Whom a readout is released to

document-audience-track-one-official = официальные лица первого трека
document-audience-funder = доноры
document-audience-participants = участники
document-audience-public = общественность

## Capacities, note tags and option stages

document-capacity-serving-official = Действующее официальное лицо
document-capacity-personal-capacity = Официальное лицо в личном качестве
document-capacity-former-official = Бывшее официальное лицо
document-capacity-non-official = Неофициальное лицо
document-tag-issue = вопрос
document-tag-need = потребность
document-tag-fear = опасение
document-tag-option = вариант
document-tag-agreement = согласие
document-tag-disagreement = разногласие
document-status-raised = Предложен
document-status-developed = Проработан
document-status-jointly-endorsed = Одобрен обеими сторонами
document-status-transferred = Передан первому треку
document-status-adopted-officially = Принят официально

# Отчёты по материалам дела: отчёт для донора и справка для оценщика.
report-funder-title = Отчёт для донора: { $initiative }
report-evaluation-title = Справка для оценки: { $initiative }
report-funder-running-head = Отчёт для донора — без имён участников; группы менее 5 человек скрыты
report-evaluation-running-head = Справка для оценки — без имён участников; группы менее 5 человек скрыты
report-funder-subject = Отчёт для донора
report-evaluation-subject = Справка для оценки
report-period = Период
report-period-span = с { $from } по { $to }
report-whole-record = Все материалы
report-method = Составлено по материалам для читателя: { $reader }. Ни один участник не назван, ни одно высказывание никому не приписано. Все имена из материалов изъяты, а любая группа менее 5 человек скрыта.
report-outcomes-heading = Что изменилось
report-outcomes-none = За этот период нет результатов для отчёта.
report-col-outcomes = Результаты
report-col-criterion = Критерий
report-statements-heading = Результаты по одному
report-statement-label = { $number } · { $date } · { $layer }
report-who = Кто изменился: { $who }
report-significance = Значение: { $text }
report-contribution = Вклад инициативы: { $text }
report-theory-none = В замысле процесса нет ни одного допущения.
report-col-assumption = Допущение
report-col-reading = Последняя оценка
report-col-supporting = Результаты в его пользу
report-col-questioning = Результаты против него
report-not-read = Не оценивалось в этот период
report-measures-none = За этот период ни на одну анкету не ответили.
report-indicators-heading = Система результатов
report-indicators-none = В системе результатов нет ни одного показателя.
report-col-outcome = Результат
report-col-indicator = Показатель
report-col-baseline = Исходное значение
report-col-target = Цель
report-col-actuals = Достигнутые значения
report-process-heading = Процесс
report-process-none = За этот период встреч не было.
report-col-meetings = Встречи
report-col-dates = Даты
report-col-options = Выдвинуто вариантов
report-transfer-heading = Передача на первый трек
report-transfer-none = За этот период не было ни выпущенных сводок, ни передач, ни контактов с первым треком.
report-readouts-released = Сводки, выпущенные для адресата: { $audience }
report-transfers = Передачи: { $direction }
report-contacts = Контакты с первым треком: { $form }
