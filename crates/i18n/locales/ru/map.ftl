# Карта системы: колесо, охват и посредники, акторы и связи, реестр, отбор, импорт и экспорт.
map-name-seen-by-the = Имя (видит только команда организаторов)
map-code-name-what-everyone = Кодовое имя (то, что видят все остальные)
map-kind = Вид
map-primary-track = Основной трек
map-other-tracks = Другие треки
map-level = Уровень
map-side = Сторона
map-third-party = третья сторона
map-role = Должность
map-track-one-decision-maker = Лицо, принимающее решения на первом треке
map-notes = Заметки
map-public-description = Открытое описание
map-all-that-participants-officials = Всё, что участники, официальные лица и оценщики узнают об этом акторе помимо кодового имени: они никогда не видят имени, должности и заметок. Не пишите ничего, что позволило бы узнать человека.
map-actors = Акторы
map-no-actors-on-the = На карте пока нет акторов.
map-to-place = Разместить
map-imported-from-a-map = Эти акторы импортированы с карты, сделанной в другом месте, и их место прочитать не удалось. Пока каждый не размещён, показанные вид, трек и уровень условны, а охват и отбор его не учитывают. Откройте актора и сохраните его форму, чтобы разместить его.
map-actor = Актор
map-tracks = Треки
map-description = Описание
map-decision-maker = Принимает решения
map-yes = да
map-add-an-actor = Добавить актора
map-add-actor = Добавить актора
map-primary = (основной)
map-no-2 = нет
map-registry-entry-consent-capacity = Запись в реестре: согласие, качество, риск
map-ties = Связи
map-no-ties = Связей нет.
map-tie = Связь
map-strength = Сила
map-valid = Действует
map-across-the-line = Через линию
map-actions = Действия
map-remove = Удалить
map-transfer-paths-to-track = Пути передачи на первый трек
map-no-chain-of-ties = Сегодня ни одна цепочка связей не доходит до лица, принимающего решения.
map-add-a-tie = Добавить связь
map-to = К
map-add-tie = Добавить связь
map-edit = Изменить
map-save-changes = Сохранить изменения
map-remove-this-actor-and = Удалить этого актора и его связи
map-coverage-and-brokers = Охват и посредники
map-gaps = Пробелы
map-every-side-has-actors = У каждой стороны есть акторы на каждом треке и на каждом уровне.
map-actors-by-track-side = Акторы по трекам, сторонам и уровням
map-an-actor-on-several = Актор на нескольких треках учитывается на каждом. T: высший, M: средний, G: низовой уровень.
map-number-of-actors-per = Число акторов по трекам (строки), сторонам и уровням (столбцы)
map-track = Трек
map-betweenness-the-share-of = Посредничество: доля кратчайших цепочек между другими акторами, проходящих через этого.
map-no-actor-stands-between = Пока ни один актор не стоит между другими.
map-actors-with-ties-across = Акторы со связями через линию
map-import-and-export = Импорт и экспорт
map-export = Экспорт
map-exports-hold-what-you = Выгрузки содержат то, что вы можете видеть на карте: имена только для команды организаторов, реестр никогда. GEXF и GraphML открываются в Gephi, NetworkX и igraph: это ориентированные графы, в которых ненаправленная связь так и помечена (directed = false); номера треков следуют девяти трекам Института многотрековой дипломатии, как заявляет каждый файл.
map-gexf-gephi = GEXF (Gephi)
map-graphml = GraphML
map-kumu-json = Kumu JSON
map-actors-csv = Акторы (CSV)
map-ties-csv = Связи (CSV)
map-import = Импортировать
map-all-or-nothing-the = Всё или ничего: первая же ошибка с номером строки останавливает импорт, и ничего не сохраняется. Стороны сопоставляются по названию. Файл GEXF или GraphML из другой программы читается через сопоставление его атрибутов, выбранное на следующей странице; акторы, которых не удалось разместить, импортируются без места, чтобы вы их разместили.
map-format = Формат
map-csv-actors-and-ties = CSV (акторы и связи)
map-gexf = GEXF
map-the-file-s-name = Имя файла (указывается в любом сообщении о нём)
map-the-file-for-csv = Файл (для CSV: actors.csv)
map-ties-csv-csv-only = ties.csv (только для CSV)
map-replace-the-current-map = Заменить текущую карту (её записи в реестре тоже удаляются)
map-imported = Импортировано
map-unplaced-actors = Неразмещённые акторы
map-the-mapping-could-not = Сопоставление не смогло разместить этих акторов; каждый ждёт в списке акторов карты, чтобы вы его разместили.
map-see-the-map = Посмотреть карту
map-not-in-the-file = (нет в файле)
map-map-the-file-s = Сопоставить атрибуты файла
map-choose-which-attribute-holds = Выберите, какой атрибут содержит каждое из полей tracktwo. Акторы, чей вид, трек, уровень или сторону прочитать не удалось, импортируются без места, чтобы вы их разместили.
map-attribute = Атрибут
map-of = Чего
map-values = Значений
map-for-example = Например
map-edges-ties = рёбер (связей)
map-nodes-actors = узлов (акторов)
map-track-numbers-follow = Номера треков следуют
map-declared-by-the-file = (указано в файле)
map-tracks-are-given-by = (треки заданы названиями)
map-values-one-per-line = Значения, по одному в строке в виде ПОЛЕ:ЗНАЧЕНИЕ_В_ФАЙЛЕ=ЗНАЧЕНИЕ (track:Gov=government; пустое ЗНАЧЕНИЕ_В_ФАЙЛЕ задаёт значение по умолчанию: level:=grassroots, tie-kind:=colleague)
map-initiative = Инициатива
map-wheel = Колесо
map-participant-selection = Отбор участников
map-registry = Реестр
map-participant-registry = Реестр участников
map-consent-capacity-risk-and = Согласие, качество, риск и обязанность заботы. Видят только организатор и служба обеспечения; никогда не входит в выгрузку карты.
map-person = Человек
map-capacity = Качество
map-contact = Контакт
map-listed = В списке
map-under-code = Под кодом
map-photographed = Фото
map-withdrawn = Отозвано
map-risk-0-10 = Риск (0–10)
map-not-yet-in-the = Ещё нет в реестре
map-nothing-recorded-yet = Пока ничего не записано.
map-risk-score = Оценка риска:
map-of-10-exposure-at = из 10 (угроза дома + риск поездки).
map-may-be-contacted = Можно связаться:
map-consent = Согласие
map-obtained-on = Получено
map-how-it-was-obtained = Как получено
map-withdrawn-on = Отозвано
map-risk-assessment = Оценка риска
map-exposure-at-home-0 = Угроза дома (0 нет – 5 серьёзная)
map-travel-risk-0-5 = Риск поездки (0–5)
map-threats = Угрозы
map-duty-of-care = Обязанность заботы
map-other-names-and-spellings = Другие имена и написания, по одному в строке (в том числе в других письменностях): скрываются вместе с именем
map-save-registry-entry = Сохранить запись в реестре
map-chooses-invitees-from-the = Выбирает приглашённых из людей каждой стороны, согласившихся на контакт: стороны отличаются не более чем на одного, указанные ниже треки и уровни охвачены, лучший доступ к лицам, принимающим решения на первом треке, в пределах порога риска инициативы. Каждый выбор объяснён.
map-set-by-the-convener = Задаётся организатором или службой обеспечения для каждого отбора здесь.
map-change-the-risk-ceiling = Изменить порог риска
map-highest-risk-for-one = Наибольший риск для одного человека (0–10)
map-highest-summed-risk-for = Наибольший суммарный риск для группы
map-set-the-ceiling = Задать порог
map-whoever-cannot-be-invited = Тот, кого нельзя пригласить, указан как недоступный: причина известна организатору и службе обеспечения, которые ведут реестр.
map-invitees = Приглашённые
map-map-as-of = Карта на дату
map-tracks-each-side-should = Треки, которые должна представить каждая сторона
map-levels-each-side-should = Уровни, которые должна представить каждая сторона
map-select = Отобрать
map-no-one-could-be = При этих ограничениях никого выбрать не удалось.
map-needs-no-invitee-meets = Потребности, которые не закрывает ни один приглашённый
map-not-considered = Не рассматривались
map-chosen-to-balance = Выбран, чтобы стороны оставались в равновесии; не добавляет ни потребности, ни доступа, которых ещё нет.
map-chosen-brings = Выбран, потому что приносит стороне { $side }: { $needs }.
map-chosen-access = { $count ->
    [one] Приближает группу к { $count } лицу, принимающему решения:
    [few] Приближает группу к { $count } лицам, принимающим решения:
   *[other] Приближает группу к { $count } лицам, принимающим решения:
}
map-chosen-access-gain = с { $from } до { $to }
map-chosen-access-scale = (самая слабая связь лучшей цепочки, из 5)
map-need-track = трек { $number } ({ $name })
map-list-separator = {", "}
map-direction = Направление
map-as-usual-for-the = как обычно для этого вида
map-one-way = в одну сторону
map-both-ways = в обе стороны
map-strength-1-weak-5 = Сила (1 слабая – 5 сильная)
map-valid-from = Действует с
map-valid-until-the-day = Действует до (день окончания)
map-from = От
map-change-or-end-this = Изменить или прекратить эту связь
map-save-tie = Сохранить связь
map-system-map = Карта системы
map-as-of = На дату
map-compare-with = Сравнить с
map-all = все
map-third-parties = третьи стороны
map-cross-line-ties-only = Только связи через линию
map-show = Показать
map-snapshots = Снимки
map-no-named-dates-yet = Именованных дат пока нет.
map-changes-since = изменения с
map-name-a-date = Назвать дату
map-label = Название
map-date = Дата
map-note = Заметка
map-save-snapshot = Сохранить снимок
map-formed = Возникли
map-cross-line = через линию
map-ended-2 = Прекратились
map-actors-appear-by-code = Акторы показаны под кодовыми именами. Некоторые связи видит только команда организаторов.
map-back-to-actor = Назад к { $name }
map-brokers-on-date = Посредники на { $date }
map-changes-since-date = Изменения с { $date }
map-cross-line-ties = { $count ->
    [one] { $count } связь через линию
    [few] { $count } связи через линию
   *[other] { $count } связей через линию
}
map-file-holds = В файле { $file } { $nodes } узлов и { $edges } рёбер, с атрибутами, названными по-своему.
map-imported-counts = Импортировано акторов: { $actors }, связей: { $ties }.
map-imported-replacing = Импортировано акторов: { $actors }, связей: { $ties }; предыдущая карта заменена.
map-missing-fields = не хватает: { $fields }
map-not-yet-placed = Ещё не размещён: в импортированном файле не было { $fields }. Проверьте поля ниже и сохраните форму, чтобы разместить актора.
map-registry-entry = Запись в реестре
map-registry-of = Реестр: { $name }
map-risk-ceiling-values = Порог риска: { $person } для одного человека (из 10), { $group } для группы.
map-strength-of-5 = { $strength } из 5
map-summary = На { $date }: показано акторов { $shown } из { $actors }, связей между ними { $ties }, из них через линию { $across }.
map-ties-count = { $count ->
    [one] { $count } связь
    [few] { $count } связи
   *[other] { $count } связей
}
map-ties-formed-ended = Связей возникло: { $formed }, прекратилось: { $ended }.
map-weakest-tie-steps = (самая слабая связь { $strength } из 5, { $steps ->
    [one] { $steps } шаг
    [few] { $steps } шага
   *[other] { $steps } шагов
})
map-as-of-date = Карта системы на { $date }

# Пробел в охвате стороны и кандидат, не вошедший в отбор.
map-gap-track = У стороны { $side } нет участников на треке { $number } ({ $name })
map-gap-level-top = У стороны { $side } нет участников на высшем уровне
map-gap-level-middle = У стороны { $side } нет участников на среднем уровне
map-gap-level-grassroots = У стороны { $side } нет участников на низовом уровне
map-not-available = недоступен
