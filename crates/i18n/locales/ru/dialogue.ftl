# Процесс диалога: его замысел и раунды, встречи, заметки, присутствие, ключ выступающих, варианты, последующие шаги и резюме.
dialogue-follow-ups = Последующие шаги
dialogue-due-before-the-next = Срок — до следующего раунда
dialogue-nothing-open-from-the = Ничего не осталось открытым с последнего раунда.
dialogue-carried-forward = перенесено
dialogue-all = Все
dialogue-round = Раунд
dialogue-commitment = Обязательство
dialogue-owner = Ответственный
dialogue-due-2 = Срок
dialogue-done = Выполнено
dialogue-reopen = Открыть снова
dialogue-mark-done = Отметить выполненным
dialogue-yes = да
dialogue-add-a-follow-up = Добавить последующий шаг
dialogue-owner-a-team-member = Ответственный (член команды или код выступающего)
dialogue-due-on = Срок
dialogue-an-issue-carried-forward = Вопрос, перенесённый на следующий раунд
dialogue-add-follow-up = Добавить шаг
dialogue-what-your-role-and = Что ваша роль и сторона могут видеть из этой встречи.
dialogue-download-as-pdf = Скачать в PDF
dialogue-date = Дата
dialogue-rule = Правило
dialogue-venue = Место
dialogue-stage-reached = Достигнутый этап
dialogue-summary-as-each-reader = Резюме глазами каждого читателя
dialogue-pdf = PDF
dialogue-speaker-key = Ключ выступающих
dialogue-take-a-note = Сделать заметку
dialogue-speaker-codes-only-a1 = Только коды выступающих (A1, B3, F), никаких имён. Ctrl+Enter сохраняет; черновик хранится по мере ввода.
dialogue-session = Сессия
dialogue-speaker-code = Код выступающего
dialogue-note = Заметка
dialogue-tags = Метки
dialogue-not-for-transfer = Не для передачи
dialogue-save-note = Сохранить заметку
dialogue-notes = Заметки
dialogue-no-notes = Заметок нет.
dialogue-not-for-transfer-2 = не для передачи
dialogue-attendance = Присутствие
dialogue-who-attends-with-the = Кто присутствует, от какой стороны и в каком качестве на этой встрече. По правилу Чатем-хауса никакой список не покидает встречу.
dialogue-name = Имя
dialogue-organisation = Организация
dialogue-side = Сторона
dialogue-capacity = Качество
dialogue-outside-the-team = Вне команды
dialogue-listed-where-the-rule = указывается, где позволяет правило
dialogue-team-only-no-consent = только для команды: нет согласия на упоминание
dialogue-each-attendee-is-a = Каждый присутствующий — человек с карты, и его согласие в реестре решает, кто вне команды может его видеть: того, кто не согласился на упоминание, видит только команда.
dialogue-person-from-the-map = Человек (с карты)
dialogue-choose = — выберите —
dialogue-name-as-listed-empty = Имя для списка (пусто: как на карте)
dialogue-side-empty-the-map = Сторона (пусто: как на карте)
dialogue-as-on-the-map = как на карте
dialogue-their-member-account-if = Его учётная запись участника, если есть (имя пользователя)
dialogue-consent-for-a-person = Согласие — для человека, которого ещё нет в реестре
dialogue-record-these-answers-in = Сразу внести эти ответы в реестр
dialogue-obtained-on = Получено
dialogue-how-it-was-obtained = Как получено
dialogue-a-person-not-yet = Человек, которого ещё нет в реестре, может присутствовать после того, как организатор или служба обеспечения запишут его согласие.
dialogue-add-attendee = Добавить присутствующего
dialogue-agenda-and-stage = Повестка и этап
dialogue-agenda = Повестка
dialogue-not-recorded = не указан
dialogue-members-cleared-for-this = Участники с допуском к этой встрече (имена пользователей, по одному в строке)
dialogue-save-progress = Сохранить ход работы
dialogue-initiative = Инициатива
dialogue-process-and-rounds = Процесс и раунды
dialogue-options-register = Реестр вариантов
dialogue-ideas-and-options-where = Идеи и варианты: где они прозвучали и какие стороны их поддерживают — но никогда не кто именно.
dialogue-no-options-yet = Вариантов пока нет.
dialogue-drafted-into = Включён в
dialogue-status = Статус
dialogue-in = На
dialogue-update = Обновить
dialogue-register-an-option = Внести вариант
dialogue-title = Название
dialogue-description = Описание
dialogue-issues-it-answers-one = Вопросы, на которые он отвечает (по одному в строке)
dialogue-raised-in-2 = Прозвучал на
dialogue-register-option = Внести вариант
dialogue-kind = Вид
dialogue-methodology = Методология
dialogue-phase = Фаза
dialogue-theory-of-change = Теория изменений
dialogue-assumptions = Допущения
dialogue-locales = Места
dialogue-grant = Грант
dialogue-the-process-has-not = Процесс ещё не спроектирован.
dialogue-rounds = Раунды
dialogue-no-rounds-yet = Раундов пока нет.
dialogue-no-meetings = Встреч нет.
dialogue-meeting = Встреча
dialogue-mode = Режим
dialogue-starts-on = Начало
dialogue-ends-on = Окончание
dialogue-confidentiality-mode = Режим конфиденциальности
dialogue-the-agenda-starts-from = Повестка строится по шаблону методологии; создаются пленарное заседание и по одному кокусу на сторону.
dialogue-add-meeting = Добавить встречу
dialogue-add-a-round = Добавить раунд
dialogue-number = Номер
dialogue-add-round = Добавить раунд
dialogue-design = Замысел
dialogue-if-we = Если мы …
dialogue-then-2 = то …
dialogue-because-2 = потому что …
dialogue-assumptions-one-a-line = Допущения (по одному в строке)
dialogue-locales-one-a-line = Места (по одному в строке)
dialogue-grants-one-a-line = Гранты (по одному в строке: донор | номер | ограничения)
dialogue-save-design = Сохранить замысел
dialogue-add-the-sides-on = Добавьте стороны на странице участников до первой встречи, чтобы у каждой был свой кокус.
dialogue-which-person-stands-behind = Какой человек стоит за каждым кодом этой встречи. Видит только организатор; никогда не входит ни в резюме, ни в выгрузку.
dialogue-one-a-line-code = По одному в строке: КОД = имя
dialogue-save-speaker-key = Сохранить ключ выступающих
dialogue-back-to-the-meeting = Назад к встрече
dialogue-options-raised = Прозвучавшие варианты
dialogue-not-in-this-summary = Не вошло в это резюме
dialogue-add-meeting-to-round = Добавить встречу в раунд { $number }
dialogue-as-it-leaves = В том виде, в каком оно уходит со встречи к читателю «{ $reader }», по правилу: { $rule }.
dialogue-clause-number = пункт { $clause }
dialogue-consent-contacted = На контакт
dialogue-consent-listed = На упоминание в списке участников
dialogue-consent-photographed = На фотосъёмку
dialogue-consent-recorded-under-code = На запись под кодом
dialogue-due-on-date = (срок { $date })
dialogue-held = Не сохранено: по этому правилу ({ $rule }) ничего сказанного нельзя приписывать, а эта заметка называет присутствующего ({ $count ->
    [one] { $count } место отмечено
    [few] { $count } места отмечены
   *[other] { $count } мест отмечено
} ниже). Укажите код выступающего (A1, B3, F) в поле выступающего, уберите отмеченные слова из заметки и сохраните снова. Заметка сохранена как ваш черновик.
dialogue-in-version-of-text = в версии { $version } текста
dialogue-issues-list = Вопросы: { $issues }
dialogue-process-nav = Процесс диалога
dialogue-raised-in-list = Прозвучал на: { $meetings }
dialogue-round-number = раунд { $number }
dialogue-round-option = Раунд { $number }: { $title }
dialogue-session-option = { $session } ({ $rule })
dialogue-stage-of = { $stage } из { $steps }: { $name }
dialogue-step = этап { $stage }
dialogue-summary-of = Резюме: { $title }
dialogue-supported-by-list = поддерживают: { $sides }
dialogue-supported-by-side = поддерживает { $side }
dialogue-supported-by-sides = (поддерживают: { $sides })
dialogue-theory = Если { $if }, то { $then }, потому что { $because }.
dialogue-third-party = третья сторона
dialogue-transfer-on = Передача — { $date }: { $channel } ({ $evidence })

# Где проходила сессия и что резюме оставляет за рамками.
dialogue-scope-plenary = Пленарное заседание
dialogue-scope-caucus = Кокус: { $side }
dialogue-withheld-list-on-the-record = список участников (под запись)
dialogue-withheld-list-non-attribution = список участников (без указания авторства)
dialogue-withheld-list-chatham-house = список участников (правило Чатем-хауса)
dialogue-withheld-list-secret-channel = список участников (секретный канал)
dialogue-withheld-list-funders = список участников (донорам не передаются личности участников)
dialogue-withheld-not-listed = { $count ->
    [one] { $count } участник не указан для читателя «{ $reader }» ({ $side })
    [few] { $count } участника не указаны для читателя «{ $reader }» ({ $side })
   *[other] { $count } участников не указаны для читателя «{ $reader }» ({ $side })
}
dialogue-withheld-venue = место проведения (секретный канал)
dialogue-withheld-session-record = запись сессий (не передаётся читателю «{ $reader }»)
dialogue-withheld-sessions-closed = { $count ->
    [one] { $count } сессия закрыта для читателя «{ $reader }»
    [few] { $count } сессии закрыты для читателя «{ $reader }»
   *[other] { $count } сессий закрыты для читателя «{ $reader }»
}
dialogue-withheld-notes = { $count ->
    [one] { $count } заметка с пометкой «не для передачи»
    [few] { $count } заметки с пометкой «не для передачи»
   *[other] { $count } заметок с пометкой «не для передачи»
}
