# Сбор результатов, матрица RPP, уровни и рефлексия по теории изменений.
outcomes-room = Оценка
outcomes-link = Собранные результаты
theory-link = Теория изменений и рефлексия
outcomes-title = Результаты
outcomes-intro = Результат — это наблюдаемое изменение в поведении, отношениях, действиях, политике или практике социального актора, к которому причастна инициатива. Каждый результат подтверждает независимый человек, прежде чем о нём сообщают.
outcomes-cleared-note = Вы видите только результаты, о которых сообщено, без имён.
outcomes-none = Пока нет результатов для показа.
outcomes-harvest-link = Записать результат
outcomes-back = Все результаты
outcomes-col-when = Когда
outcomes-col-what = Что изменилось
outcomes-col-layer = Уровень
outcomes-col-cell = Клетка RPP
outcomes-col-state = Состояние
outcomes-count = { $count ->
    [one] { $count } результат
    [few] { $count } результата
    [many] { $count } результатов
   *[other] { $count } результата
}
rpp-heading = Матрица RPP
rpp-title = Результаты в матрице RPP
rpp-desc = { $count ->
    [one] { $count } результат размещён по тому, кого он затрагивает (больше людей или ключевые люди), и по характеру изменения (личное или общественно-политическое); стрелки показывают более поздний результат того же социального актора в другой клетке.
    [few] { $count } результата размещены по тому, кого они затрагивают (больше людей или ключевые люди), и по характеру изменения (личное или общественно-политическое); стрелки показывают более поздний результат того же социального актора в другой клетке.
    [many] { $count } результатов размещены по тому, кого они затрагивают (больше людей или ключевые люди), и по характеру изменения (личное или общественно-политическое); стрелки показывают более поздний результат того же социального актора в другой клетке.
   *[other] { $count } результата размещены по тому, кого они затрагивают (больше людей или ключевые люди), и по характеру изменения (личное или общественно-политическое); стрелки показывают более поздний результат того же социального актора в другой клетке.
}
rpp-movements = { $count ->
    [one] { $count } переход между клетками
    [few] { $count } перехода между клетками
    [many] { $count } переходов между клетками
   *[other] { $count } перехода между клетками
}
funnel-heading = От личности к обществу
funnel-title = Результаты на каждом уровне
funnel-desc = Воронка от отдельного участника к обществу с числом результатов на каждом уровне.
reach-more-people = Больше людей
reach-key-people = Ключевые люди
level-individual-personal = Личный уровень
level-socio-political = Общественно-политический уровень
layer-individual = Отдельный участник
layer-group = Группа диалога
layer-transfer = Передача
layer-policy = Первый трек и политика
layer-society = Общество
change-type-behaviour = Поведение
change-type-relationships = Отношения
change-type-actions = Действия
change-type-policies = Политика
change-type-practices = Практика
valence-positive = Положительный
valence-negative = Отрицательный
criterion-stops-key-driver = Останавливает или ослабляет ключевую движущую силу конфликта
criterion-own-initiatives = Люди всё чаще начинают собственные мирные инициативы
criterion-institutions-reformed = Создаются или реформируются институты для рассмотрения обид
criterion-resist-provocation = Люди всё больше противостоят подстрекательству к насилию
criterion-security-improves = Реальная и ощущаемая безопасность людей растёт
outcome-state-draft = Черновик
outcome-state-substantiated = Подтверждён
outcome-state-reported = Сообщён
outcome-class-on-the-record = Открыто: сообщается донорам, официальным лицам и участникам, без имён
outcome-class-non-attribution = Без атрибуции: сообщается донорам и официальным лицам, без имён
outcome-class-chatham-house = Правило Chatham House: сообщается только донорам, без имён
outcome-class-secret-channel = Секретный канал: только организатор и тот, кто записал результат
verdict-agrees = Согласен
verdict-partly = Частично согласен
verdict-disagrees = Не согласен
harvest-title = Записать результат
harvest-what = Что изменилось
harvest-what-hint = Наблюдаемое изменение в поведении, отношениях, действиях, политике или практике.
harvest-on = Когда произошло изменение
harvest-place = Где
harvest-who = Кто изменился (социальный актор)
harvest-actor = Социальный актор на карте
harvest-actor-none = Нет на карте
harvest-organisation = Социальный актор — организация
harvest-description = Кто это, без имени
harvest-change-type = Тип изменения
harvest-intended = Намеренное
harvest-unintended = Ненамеренное
harvest-valence = Положительное или отрицательное
harvest-significance = Значимость
harvest-contribution = Как инициатива этому способствовала
harvest-links = Что этому способствовало
harvest-meetings = Встречи
harvest-options = Варианты
harvest-readouts = Отчёты
harvest-transfers = Передачи
harvest-coordination = Контакты с первым треком
harvest-sources = Источники (не меньше двух)
harvest-source-name = Источник { $number }
harvest-source-document = Документ, а не человек
harvest-source-basis = Откуда он знает
harvest-layer = Уровень
harvest-reach = Кого затрагивает
harvest-level = Характер изменения
harvest-criteria = Выполненные критерии эффективности RPP
harvest-class = Конфиденциальность
harvest-assumptions = Допущения теории изменений, к которым он относится
assumption-bears-none = Не относится
assumption-bears-supports = Подкрепляет
assumption-bears-questions = Ставит под сомнение
harvest-submit = Сохранить как черновик
outcome-title = Результат
outcome-who = Социальный актор
outcome-when-where = Когда и где
outcome-type = Тип изменения
outcome-sources = Источники
outcome-sources-count = { $count ->
    [one] { $count } источник
    [few] { $count } источника
    [many] { $count } источников
   *[other] { $count } источника
}
outcome-linked = { $count ->
    [one] Связан с { $count } записью инициативы
    [few] Связан с { $count } записями инициативы
    [many] Связан с { $count } записями инициативы
   *[other] Связан с { $count } записи инициативы
}
outcome-agreeing = { $count ->
    [one] С ним согласен { $count } независимый человек
    [few] С ним согласны { $count } независимых человека
    [many] С ним согласны { $count } независимых человек
   *[other] С ним согласны { $count } независимого человека
}
outcome-criteria = Критерии эффективности
outcome-class = Конфиденциальность
outcome-substantiations = Подтверждение
outcome-no-substantiation = Пока никто не подтвердил.
outcome-harvested = Записан { $date }
substantiate-heading = Подтвердить
substantiate-note = Дайте собственную оценку: тот, кто записал результат, не может его подтвердить.
substantiate-name = Ваше имя, как вы подписываетесь
substantiate-verdict = Ваша оценка
substantiate-on = Дата
substantiate-comment = Комментарий
substantiate-submit = Подтвердить
workflow-heading = Этапы
workflow-substantiated = Отметить как подтверждённый
workflow-reported = Сообщить
outcome-refused = Этот шаг отклонён: { $reason }
theory-title = Теория изменений
theory-if = Если
theory-then = то
theory-because = потому что
theory-none = В замысле процесса пока нет теории изменений.
theory-assumption = Допущение { $number }
theory-history = Состояние со временем
theory-no-reading = Ещё не оценивалось.
theory-supporting = Результаты, которые его подкрепляют
theory-questioning = Результаты, которые ставят его под сомнение
theory-no-evidence = Пока нет.
theory-measures-hook = Здесь появятся измерения установок и доверия, когда раунд будет измерен.
reflection-prompt = { $round } завершён, но ни одна рефлексия его ещё не называет.
reflection-prompt-link = Провести рефлексию по теории изменений
reflection-heading = Добавить рефлексию
reflection-on = Дата
reflection-round = После раунда
reflection-round-none = Без привязки к раунду
reflection-status = Состояние
reflection-status-unread = В этот раз не оценивалось
assumption-status-holding = Держится
assumption-status-in-doubt = Под сомнением
assumption-status-failed = Не оправдалось
reflection-note = Заметка
reflection-general-note = Что узнала команда
reflection-submit = Сохранить рефлексию
reflections-heading = Рефлексии
# Отчёты по материалам.
reports-title = Отчёты
reports-intro = Отчёт составляется по материалам для своего адресата, кто бы его ни создавал: в нём не называется ни один участник, ни одно высказывание никому не приписывается, а любая группа менее 5 человек скрыта.
reports-funder-heading = Отчёт для донора
reports-funder-about = Для донора: результаты, о которых сообщено и которые донор может читать, измерения отношения и доверия, система результатов, а также процесс и передача на первый трек в цифрах.
reports-evaluation-heading = Справка для оценки
reports-evaluation-about = Для оценщика: все результаты, которые оценщик может читать, включая черновики, с критериями эффективности и допущениями теории изменений в оценке команды.
reports-from = Первый день
reports-to = Последний день
reports-period-note = Оставьте оба дня пустыми, чтобы охватить все материалы.
reports-format = Формат
reports-language = Язык
reports-produce = Составить отчёт
