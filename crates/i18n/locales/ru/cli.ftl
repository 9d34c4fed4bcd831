# Сообщения командной строки для людей: подтверждения, сводки, примечания и ошибки. Вывод для
# программ (JSON, CSV, идентификаторы в отдельной строке, экспорт) здесь не формулируется.

## Ошибки и предупреждения

cli-error = ошибка: { $message }
cli-warning = предупреждение: { $message }
cli-no-runtime = не удаётся запустить асинхронную среду выполнения: { $reason }
cli-cannot-read = не удаётся прочитать { $path }
cli-cannot-create = не удаётся создать { $path }
cli-cannot-write = не удаётся записать { $path }
cli-cannot-open = не удаётся открыть { $path }
cli-cannot-lock = не удаётся заблокировать { $path }
cli-cannot-create-folder = не удаётся создать папку { $path }
cli-cannot-create-data-folder = не удаётся создать папку данных { $path }
cli-cannot-write-to-folder = не удаётся записать в папку { $path }
cli-cannot-write-file = не удаётся записать файл
cli-cannot-write-result = не удаётся записать результат
cli-not-a-folder = { $path } — не папка
cli-not-an-initiative-id = `{ $text }` — недопустимый идентификатор инициативы
cli-not-a-meeting-id = `{ $text }` — недопустимый идентификатор встречи
cli-not-a-conversation-id = `{ $text }` — недопустимый идентификатор обсуждения
cli-not-a-readout-id = `{ $text }` — недопустимый идентификатор отчёта
cli-not-a-copy-id = `{ $text }` — недопустимый идентификатор экземпляра
cli-not-a-text-id = `{ $text }` — недопустимый идентификатор текста
cli-not-an-id = `{ $text }` — недопустимый идентификатор
cli-not-a-date = `{ $date }` — не дата в формате ГГГГ-ММ-ДД
cli-not-an-address = `{ $address }` — не адрес вида 127.0.0.1:8080
cli-nothing-imported = { $reason }; ничего не импортировано
cli-nothing-imported-from = { $path }: { $reason }; ничего не импортировано
cli-old-flags = { $flags ->
    [1] примечание: параметр --initiative устарел; пишите `{ $command }`: сначала инициатива, как её принимает любая команда
   *[other] примечание: параметры --initiative и --conversation устарели; пишите `{ $command }`: сначала инициатива, затем обсуждение, как их принимает любая команда
}

## Разблокировка и открытие хранилища

cli-cannot-open-postgres = не удаётся открыть хранилище PostgreSQL (проверьте --database-url / TRACKTWO_DATABASE_URL)
cli-cannot-open-store = не удаётся открыть хранилище в { $path }
cli-cannot-read-key-file = не удаётся прочитать файл ключа { $path }
cli-key-file-short = в файле ключа { $path } байтов: { $bytes }; нужно не меньше 32 случайных байтов (например: head -c 32 /dev/urandom > { $path })
cli-key-and-passphrase = заданы и файл ключа, и парольная фраза; укажите что-то одно
cli-passphrase-empty = парольная фраза пуста
cli-no-key = ключ не указан: задайте TRACKTWO_KEY_FILE (или --key-file) — файл не менее чем из 32 случайных байтов, или TRACKTWO_PASSPHRASE_FILE (или --passphrase-file)

## Сервер и демонстрация

cli-address-in-use = адрес { $address } уже занят; остановите другой сервер или выберите другой адрес с помощью --listen
cli-cannot-listen = не удаётся слушать { $address }: { $reason }
cli-no-listening-address = не удаётся прочитать адрес, который слушает сервер
cli-serving = tracktwo работает по адресу { $address }
cli-server-stopped = сервер остановился с ошибкой
cli-already-served = хранилище в { $path } уже обслуживает другой `tracktwo serve`; хранилище SQLite может обслуживать только один сервер (для нескольких серверов нужен PostgreSQL: см. docs/deployment.md)
cli-demo-key-beside-data = файл ключа демонстрации { $path } лежит рядом с её данными; никогда не делайте так с настоящим хранилищем
cli-demo-not-seeded = не удаётся создать демонстрационный сценарий
cli-demo-created = Демонстрационное хранилище создано в { $path }.
cli-demo-accounts = Демонстрационные учётные записи (вымышленные люди), у каждой новый пароль и API-токен на этот запуск:
cli-demo-try-api = Попробуйте: { $command }
cli-demo-vote = Голосуйте в демонстрационной консультации без учётной записи: { $link }

## Учётные записи, токены и хранилище

cli-store-initialised = Хранилище инициализировано ({ $backend }).
cli-administrator-created = Администратор `{ $username }` создан.
cli-password-shown-once = Пароль (показывается только сейчас): { $password }
cli-keep-the-key = Храните ключ в надёжном месте, а экспорт связки ключей (`tracktwo keyring export FILE`) — отдельно от резервных копий.
cli-account-created = Учётная запись { $username } создана ({ $id }).
cli-account-disabled = Учётная запись { $username } отключена; её сеансы завершены.
cli-account-enabled = Учётная запись { $username } снова включена.
cli-password-set = Пароль { $username } задан; сеансы этой учётной записи завершены.
cli-account-flag-admin = администратор
cli-account-flag-disabled = отключена
cli-cannot-read-password-file = не удаётся прочитать файл пароля { $path }
cli-token-created = Токен { $id } создан для { $username }, действует до { $until }; он показывается только сейчас.
cli-token-made = создан { $at }
cli-token-expires = истекает { $at }
cli-token-expired = истёк { $at }
cli-token-used = использован { $at }
cli-token-never-used = не использовался
cli-not-a-token = `{ $token }` — не идентификатор токена; их показывает `token list`
cli-token-revoked = Токен { $id } отозван.
cli-destroy-needs-yes = уничтожение инициативы нельзя отменить даже из резервных копий; добавьте --yes для подтверждения
cli-initiative-destroyed = Инициатива { $id } и её ключ уничтожены. Замените любой экспорт связки ключей новым (`tracktwo keyring export`): в старых экспортах ключ ещё есть.

## Резервные копии, экспорт и журнал аудита

cli-backup-written = Резервная копия записана в { $path }: учётных записей — { $accounts }, инициатив — { $initiatives }, записей — { $records } (без ключей).
cli-restored = Восстановлено из { $path }: учётных записей — { $accounts }, инициатив — { $initiatives }, событий аудита — { $events }.
cli-restored-without-key = Инициатив из резервной копии, уничтоженных после её создания: { $initiatives }; их ключей больше нет, и они не восстановлены.
cli-keyring-written = Связка ключей (ключей: { $keys }) записана в { $path }. Храните её отдельно от резервных копий.
cli-export-written = Расшифрованный экспорт записан в { $path }: учётных записей — { $accounts }, инициатив — { $initiatives }, записей — { $records }. Это открытый текст: берегите его.
cli-no-place-for-anchor = некуда записать якорь: укажите --out FILE или TRACKTWO_AUDIT_ANCHOR_FILE (у хранилища с парольной фразой нет файла ключа, рядом с которым его можно хранить)
cli-anchor-lost = цепочка аудита больше не содержит событие, закреплённое в { $path }: её конец обрезан или хранилище откатили; якорь сохранён как доказательство (выполните `tracktwo audit verify`)
cli-anchored = Вершина аудита № { $seq } ({ $mac }) закреплена в { $path }. Храните копию вдали от базы данных.
cli-cannot-show-anchor = не удаётся показать якорь
cli-no-anchor-at = в { $path } нет якоря
cli-not-an-anchor = { $path } — не якорь аудита, записанный tracktwo
cli-cannot-read-anchor = не удаётся прочитать якорь аудита { $path }
cli-cannot-write-anchor = не удаётся записать якорь аудита
cli-audit-intact = Журнал аудита цел: событий — { $events }, вершина № { $seq } ({ $mac }).
cli-audit-holds-anchor = Он содержит событие № { $seq }, закреплённое в { $path }.
cli-audit-tampered = Журнал аудита ПОДДЕЛАН: проблем — { $problems }, событий — { $events }.
cli-audit-edited = событие № { $seq } изменено: его содержимое больше не соответствует MAC
cli-audit-inserted = событие № { $seq } вставлено: оно не принадлежит цепочке
cli-audit-deleted-before = одно или несколько событий удалены непосредственно перед событием № { $seq }
cli-audit-swapped = события № { $first } и № { $second } переставлены: их порядок нарушен
cli-audit-tail-removed = цепочка кончается событием № { $last }, а в голове записано № { $head }: последние события удалены
cli-audit-cut-before-anchor = в цепочке больше нет события № { $anchored }, которое записано в якоре, хранимом вне хранилища (голова теперь № { $head }): её конец отрезан или хранилище откатили назад
cli-audit-anchor-not-authentic = данный якорь записан не ключом этого хранилища; по нему ничего не проверено
cli-audit-unauthentic-row = строка { $row } не проходит проверку MAC: она записана или изменена без ключа и отвергается

## Документы

cli-document-format-unknown = по имени { $path } не понять формат; используйте .pdf или .docx
cli-document-language-unknown = неизвестный язык «{ $language }»; документы пишутся на en, ar, ru или fr
cli-summary-written = Сводка для читателя «{ $reader }» записана в { $path } (байтов: { $bytes }).
cli-report-funder = Отчёт для донора
cli-report-evaluation = Справка для оценщика
cli-report-written = { $kind } (результатов: { $outcomes }) записан в { $path } (байтов: { $bytes }).
cli-copy-written = { $mark } записан в { $path } (байтов: { $bytes }).
cli-wrote = записано: { $path }
cli-indicators-imported = импортировано показателей: { $indicators }, из { $path }

## Процесс диалога

cli-round = Раунд { $number }: { $title }
cli-stage-reached = этап { $stage } из { $of }: { $name }
cli-stage-not-recorded = этап не записан
cli-option = вариант: { $title } — { $status }
cli-not-a-side = `{ $side }` — не сторона этой инициативы
cli-not-a-reader = `{ $reader }` — не читатель: используйте team, official, evaluator, funder, observer, operations или participant:SIDE

## Обсуждения и общая основа

cli-conversation-line = { $id }  { $mode } утверждений: { $statements } участников: { $voters } голосов: { $votes }  { $title }
cli-conversation-closed = (закрыто)
cli-conversation-exported = Записано в { $path }: утверждений — { $statements }, голосов — { $votes }.
cli-translations-set = языки заданы для утверждений: { $statements }, из { $path }
cli-conversation-imported = Импортировано утверждений — { $statements }, голосов — { $votes }.
cli-no-votes-file = { $path }: нет ни votes.csv, ни participants-votes.csv
cli-progress-reading-export = чтение экспорта
cli-progress-replaying = воспроизведение истории: обновление { $done } из { $total }
cli-progress-drawing-votes = генерация голосов
cli-progress-writing = запись { $file }
cli-common-ground-totals = участников — { $participants } (в кластерах — { $clustered }), утверждений — { $statements }, голосов — { $votes } (из { $file })
cli-common-ground-group = группа { $group }: участников — { $participants }; представительные: { $representative }
cli-direction-agree = согласны
cli-direction-disagree = не согласны
cli-consensus-agree = консенсус «согласны»: { $statements }
cli-consensus-disagree = консенсус «не согласны»: { $statements }
cli-common-ground-groups = общая основа между группами: { $statements }
cli-common-ground-sides = общая основа между сторонами ({ $sides }): { $statements }
cli-timing = { $stage } { $ms } мс
cli-timings = время: { $stages }
cli-synthesised = Записано в { $path }: голосов — { $votes }, участников — { $participants }, утверждений — { $statements } (заложенных групп — { $groups }, зерно { $seed }).

## Карта системы

cli-map-written = Карта записана в { $path }: акторов — { $actors }, связей — { $ties } (без полей реестра).
cli-map-imported = Импортировано акторов — { $actors }, связей — { $ties }.
cli-map-imported-replacing = Импортировано акторов — { $actors }, связей — { $ties }; прежняя карта заменена.
cli-map-unplaced = Акторов без места на карте: { $actors }; фасилитатор разместит их на страницах акторов:
cli-map-unplaced-field = нет поля «{ $field }»
cli-map-size = Акторов — { $actors }, связей — { $ties }.
cli-coverage-cell = трек { $track } ({ $name }), { $side }, { $level }: { $actors }
cli-no-gaps = Пробелов нет.
cli-gap = пробел: { $gap }
cli-risk-ceiling = потолок риска: { $per_person } на человека, { $group } на группу
cli-unmet = не выполнено: { $side }: { $need }
cli-invitee = { $number }. { $actor } ({ $side }): { $because }
cli-not-considered = не рассматривается: { $actor }: { $reason }
cli-map-file-size = { $path }: узлов — { $nodes }, рёбер — { $edges }.
cli-map-track-scheme = Номера треков в нём следуют схеме { $scheme } ({ $code }).
cli-map-no-track-scheme = Схема треков в нём не объявлена; для треков, заданных номером, нужен --track-scheme imtd9 или five.
cli-map-node-attributes = Атрибуты узлов (акторы):
cli-map-edge-attributes = Атрибуты рёбер (связи):
cli-map-attribute = { $name } (значений: { $values }): { $samples }
cli-map-no-attributes = нет
cli-map-fields = Поля tracktwo (--field FIELD=ATTRIBUTE):
cli-map-not-tracktwo-fields = { $path } записан не с именами полей tracktwo; сопоставьте его атрибуты с помощью --field и --value (см. `tracktwo map import --help`); ничего не импортировано
cli-not-a-map-format = `{ $format }` — не формат карты: используйте gexf, graphml, kumu или csv
cli-map-format-unknown = по имени { $path } не понять формат; укажите --format gexf, graphml, kumu или csv

## Тексты переговоров

cli-text-format-unknown = по имени { $path } не понять формат; укажите --format akn, docx или pdf
cli-text-counts = версий: { $versions }{ $translations ->
    [0] {""}
   *[other] , переводов: { $translations }
}
cli-text-version = Версия { $number } ({ $language }), { $date }, хеш { $hash }
cli-text-status = Состояние: { $status }
cli-clause-out-of-date = устарел
cli-text-pending = Ожидают: открытых пунктов — { $clauses }, предложений — { $suggestions }, комментариев — { $comments }
cli-compare-versions = Версия { $from } → версия { $to }
cli-compare-before = до: { $figures }
cli-compare-after = после: { $figures }
cli-compare-counts = добавлено — { $added }, удалено — { $removed }, переформулировано — { $reworded }, перемещено — { $moved }
cli-clause-moved = перемещён из { $from_part } № { $from_position } в { $to_part } № { $to_position }
cli-akn-one-version = файл Akoma Ntoso содержит одну версию как она есть; --clean и --compare-with — для docx и pdf
cli-version-written = Версия { $number } записана в { $path } (байтов: { $bytes }).
cli-text-imported = импортирован как версия { $number } ({ $hash })
cli-text-edited = примечание: слова файла отличаются от названной в нём версии (версия { $version }): его правили

## Отчёты и отслеживание

cli-readout-carries = содержит текст { $text }, версия { $version }
cli-readout-copy = экземпляр
cli-variants = Варианты формулировок { $state }{ $this }: изменяемых мест — { $sites } на { $words } слов ({ $per_hundred } на 100 слов).
cli-variants-on = включены
cli-variants-off = выключены
cli-variants-this-readout = этот отчёт
cli-variants-reach = дословно процитированных предложений: { $sentences }; в { $share } % мест они указывают на свой экземпляр из { $copies }
cli-variants-best-case = Это лучший случай: перепечатка, правка и пересказ теряют часть мест (docs/tracing.md).
cli-cannot-read-passage = не удаётся прочитать отрывок
cli-passage-unreadable = { $path } — ни текст (UTF-8), ни изображение страницы: дайте отрывок текстом, изображением PNG, JPEG или TIFF либо сканом в PDF
cli-ocr-stopped = чтение страницы прервалось
cli-cannot-read-page = не удаётся прочитать страницу в { $path }
cli-ocr-read = страница прочитана OCR (tesseract): слов — { $words }

# Справка командной строки и ошибки разбора (собственные слова clap).
cli-help-usage = Использование:
cli-help-commands = Команды
cli-help-arguments = Аргументы
cli-help-options = Параметры
cli-help-default = {"["}по умолчанию: { $value }]
cli-help-possible = {"["}возможные значения: { $values }]
cli-usage-options = ПАРАМЕТРЫ
cli-usage-command = КОМАНДА
# The placeholders of the usage line and the options, for the values to be given.
cli-value-addr = АДРЕС
cli-value-conversation = ОБСУЖДЕНИЕ
cli-value-copy = КОПИЯ
cli-value-count = ЧИСЛО
cli-value-date = ДАТА
cli-value-days = ДНИ
cli-value-description = ОПИСАНИЕ
cli-value-dir = ПАПКА
cli-value-field-file-value-value = ПОЛЕ:ЗНАЧЕНИЕ_В_ФАЙЛЕ=ЗНАЧЕНИЕ
cli-value-field-attribute = ПОЛЕ=АТРИБУТ
cli-value-file = ФАЙЛ
cli-value-format = ФОРМАТ
cli-value-from-to = С..ПО
cli-value-group = ГРУППА
cli-value-groups = ГРУППЫ
cli-value-initiative = ИНИЦИАТИВА
cli-value-invitees = ПРИГЛАШЁННЫЕ
cli-value-label = МЕТКА
cli-value-language = ЯЗЫК
cli-value-m = M
cli-value-meeting = ВСТРЕЧА
cli-value-mode = РЕЖИМ
cli-value-n = N
cli-value-name = ИМЯ
cli-value-out = ВЫВОД
cli-value-passage = ФРАГМЕНТ
cli-value-path = ПУТЬ
cli-value-per-address = НА_АДРЕС
cli-value-per-person = НА_ЧЕЛОВЕКА
cli-value-question = ВОПРОС
cli-value-reader = ЧИТАТЕЛЬ
cli-value-readout = ОТЧЁТ
cli-value-scheme = СХЕМА
cli-value-seed = ЗЕРНО
cli-value-segments = СЕГМЕНТЫ
cli-value-text = ТЕКСТ
cli-value-title = НАЗВАНИЕ
cli-value-token = ТОКЕН
cli-value-url = ССЫЛКА
cli-value-username = ИМЯ_ПОЛЬЗОВАТЕЛЯ
cli-value-voter-cap = ПРЕДЕЛ_ГОЛОСУЮЩИХ
cli-parse-error = ошибка: { $error }
cli-parse-invalid-value = недопустимое значение «{ $value }» для «{ $argument }»
cli-parse-invalid-value-because = недопустимое значение «{ $value }» для «{ $argument }»: { $reason }
cli-parse-possible-values = возможные значения: { $values }
cli-parse-unknown-argument = неожиданный аргумент «{ $argument }»
cli-parse-unknown-command = неизвестная подкоманда «{ $command }»
cli-parse-missing-argument = не указаны обязательные аргументы: { $argument }
cli-parse-missing-command = «{ $command }» требует подкоманду, но она не указана
cli-parse-conflict = аргумент «{ $argument }» нельзя использовать вместе с «{ $other }»
cli-parse-wrong-values = аргументу «{ $argument }» передано неверное число значений, или он указан несколько раз
cli-parse-invalid-utf8 = аргумент не является корректным UTF-8
cli-parse-failed = не удалось прочитать командную строку
cli-parse-did-you-mean = подсказка: есть похожий: «{ $suggestion }»
cli-parse-more = Подробнее: попробуйте «--help».
