# Что говорит отказ приложения: страницы ошибок, страница отклонённого импорта и командная строка.
refusal-not-found = не найдено
refusal-names-in-note = заметка называет присутствующего { $count ->
    [one] в { $count } месте
   *[other] в { $count } местах
}, хотя правило встречи запрещает указывать авторство; замените каждое имя кодом выступающего
refusal-consent-not-recorded = согласие этого человека не записано: до участия укажите, согласен ли он на связь, упоминание в списках, запись под кодом и фотосъёмку
refusal-refused-code = ключ выступающих скрывает под кодом { $count ->
    [one] { $count } человека, который отказался от этого или отозвал согласие
   *[other] { $count } человек, которые отказались от этого или отозвали согласие
}
refusal-forbidden = не разрешено: { $reason }
refusal-unauthenticated = вход не выполнен, либо токен неизвестен или отозван
refusal-rate-limited = слишком много запросов; повторите через { $seconds } с
refusal-sign-in = вход не удался: неверное имя пользователя, пароль или код
refusal-wrong-code = код неверен; проверьте время на устройстве и введите текущий код
refusal-invalid = неверные данные: { $reason }
refusal-wrong-key = ключ не открывает это хранилище (неверная парольная фраза или файл ключа)
refusal-already-initialised = хранилище уже инициализировано
refusal-uninitialised = хранилище не инициализировано; сначала выполните `tracktwo init`
refusal-wants-passphrase = это хранилище открывается парольной фразой; укажите её
refusal-wants-key-file = это хранилище открывается файлом ключа; укажите его
refusal-key = ключевой материал: { $reason }
refusal-tampered = сохранённые данные не прошли проверку подлинности; возможно, хранилище было изменено посторонними
refusal-import = { $record }: { $message }
refusal-secret-channel = недопустимо в секретном канале: { $reason }
refusal-not-erased = инициатива и её ключ уничтожены, но хранилище не смогло стереть их следы в своих файлах ({ $reason }); её записи больше не открыть, но их байты могут оставаться до следующего сжатия хранилища (каждое уничтожение его сжимает)
refusal-no-font = ни один шрифт не может отобразить { $scripts }: добавьте для них шрифт (для китайского, японского и корейского — системный шрифт, например fonts-noto-cjk из Debian) или удалите их
refusal-document-failed = не удалось создать документ: { $detail }
refusal-empty = поле «{ $field }» не должно быть пустым
refusal-too-long = поле «{ $field }» длиннее { $max ->
    [one] { $max } символа
   *[other] { $max } символов
}
refusal-too-short = поле «{ $field }» должно содержать не менее { $min ->
    [one] { $min } символа
   *[other] { $min } символов
}
refusal-control-characters = поле «{ $field }» содержит управляющие символы
refusal-unknown-value = «{ $value }» — неизвестное значение поля «{ $field }»
refusal-invalid-field = поле «{ $field }»: { $reason }
refusal-denied-key-holder-only = эта операция требует владельца ключа в командной строке
refusal-denied-administrator-only = эта операция требует администратора
refusal-denied-not-a-member = вы не участник этой инициативы
refusal-denied-role = роль «{ $role }» не позволяет это сделать
refusal-outward-consultation = ссылки-приглашения консультации раскрыли бы его любому, у кого есть ссылка
refusal-outward-polis-import = импортированный экспорт Pol.is становится консультацией, чьи ссылки раскрыли бы его
refusal-outward-invitation-links = ссылки-приглашения раскрыли бы его любому, у кого есть ссылка
refusal-outward-public-readout = отчёт для широкой публики раскрыл бы его
refusal-outward-answer-cards = карточки для ответов раскрыли бы его любому, у кого есть карточка
refusal-link-full = по этой ссылке уже присоединились все голосующие, для которых она создана ({ $cap })
refusal-address-limit = с этого адреса уже присоединилось столько голосующих, сколько допускает ссылка ({ $limit })
refusal-key-file-too-short = файл ключа содержит { $count ->
    [one] { $count } байт
    [few] { $count } байта
   *[other] { $count } байт
}; нужно не менее 32 случайных байт
refusal-empty-passphrase = парольная фраза пуста
refusal-invalid-kdf-params = параметры выработки ключа неверны: { $detail }
refusal-unauthentic = запечатанное значение не прошло проверку подлинности (неверный ключ или изменённые данные)
refusal-malformed = запечатанное значение повреждено
refusal-store-unavailable = база данных недоступна: { $detail }
refusal-store-not-tracktwo = это не хранилище tracktwo, или оно повреждено: { $detail }
refusal-store-newer = это хранилище записано более новой версией tracktwo (схема { $found }, эта сборка знает { $supported }); обновите tracktwo, чтобы открыть его
refusal-store-data-dir = папку данных { $path } нельзя использовать: { $reason }
refusal-store-backend = ошибка хранилища: { $detail }
refusal-store-tampered = строка { $row } не прошла проверку подлинности; возможно, хранилище было изменено посторонними
refusal-in-clause = статья { $clause }: { $reason }
refusal-no-such-clause = в тексте нет статьи { $clause }
refusal-no-such-version = у текста нет версии { $version }
refusal-no-such-language = у текста нет версии на этом языке
refusal-signatory-not-of-side = подписант должен быть участником стороны, за которую подписывает
refusal-no-side = одобряет текст за сторону только её участник
refusal-reply-elsewhere = ответ отвечает на комментарий к той же статье, видимый его читателю
refusal-suggestion-answered = на это предложение уже ответили
refusal-nothing-to-comment-on = у текста ещё нет версии, которую можно комментировать
refusal-not-settled = в версии { $version } ещё { $brackets ->
    [one] { $brackets } скобка
    [few] { $brackets } скобки
   *[other] { $brackets } скобок
} и { $alternatives ->
    [one] { $alternatives } вариант
    [few] { $alternatives } варианта
   *[other] { $alternatives } вариантов
}: чистовая копия бывает только у согласованного текста; создайте копию со скобками
refusal-nothing-to-compare = для сравнительной копии нужна версия, с которой сравнивать
refusal-duplicate-part = часть { $part } встречается дважды
refusal-duplicate-clause = статья { $clause } встречается дважды
refusal-nothing-to-translate = для перевода сначала нужна аутентичная версия
refusal-unknown-source = статья { $clause } перевода не передаёт ни одной статьи аутентичного текста
refusal-unchanged = эта версия ничего не меняет по сравнению с версией { $version }
refusal-sign-off-no-version = у текста ещё нет версии для одобрения
refusal-sign-off-not-latest = версия { $signed } уже не новейшая; новейшая — версия { $latest }
refusal-sign-off-hash = указанный хеш не соответствует содержимому версии { $version }; перезагрузите текст и прочтите его снова
refusal-sign-off-unsettled = в тексте ещё { $brackets ->
    [one] { $brackets } скобка
    [few] { $brackets } скобки
   *[other] { $brackets } скобок
} и { $alternatives ->
    [one] { $alternatives } вариант
    [few] { $alternatives } варианта
   *[other] { $alternatives } вариантов
}: ничто не согласовано, пока не согласовано всё
refusal-sign-off-side-not-needed = этому тексту не нужно согласие этой стороны
refusal-sign-off-not-a-signatory = вы не уполномоченный подписант этой стороны
refusal-sign-off-already-signed = эта сторона уже одобрила эту версию
refusal-notation-unclosed = скобка, открытая на символе { $at }, не закрыта
refusal-notation-unopened = у закрывающей скобки на символе { $at } нет открывающей
refusal-notation-nested = скобки не могут быть вложенными (символ { $at })
refusal-notation-empty = пустая скобка или формулировка на символе { $at }
refusal-notation-bar = черта разделяет формулировки только внутри скобок (символ { $at })
refusal-outcome-not-independent = собравший результат не может его подтвердить; это должен сделать кто-то независимый
refusal-outcome-not-substantiated = результат подтверждён, только если кто-то независимый согласен с ним хотя бы отчасти и никто не возражает
refusal-outcome-not-yet-substantiated = о результате сообщают только после подтверждения
refusal-outcome-already-reported = результат, о котором сообщено, нельзя изменить
refusal-outcome-not-the-next-step = результат продвигается по одному шагу
refusal-answers-not-open = эта анкета сейчас не принимает ответов
refusal-answers-already-given = по этой карточке уже ответили на эту анкету в этот срок
refusal-answer-missing = на пункт { $item } нет ответа
refusal-answer-not-asked = пункта { $item } нет в этой анкете
refusal-answer-out-of-range = ответ вне шкалы для пункта { $item }
refusal-plain-line = строка { $line }: { $problem }
refusal-plain-unreadable = ожидается `title:`, `preamble:`, `# часть` или статья вида `c3:` или `new:`
refusal-plain-nothing-to-continue = продолжению (два пробела) нужна строка перед ним
refusal-plain-title-twice = название указано дважды
refusal-plain-preamble-twice = преамбула указана дважды
refusal-plain-no-title = в проекте нет строки `title:`
refusal-plain-no-part = статье нужна часть: поставьте перед ней строку `# заголовок`
refusal-plain-part-twice = часть { $part } встречается дважды
refusal-plain-clause-twice = статья { $clause } встречается дважды; строки статьи идут вместе
refusal-plain-field-twice = { $keyword } статьи указано дважды
refusal-plain-words-and-alternatives = у статьи есть и слова, и варианты: оставьте что-то одно
refusal-plain-no-words = у статьи нет ни слов, ни вариантов
refusal-plain-unknown-alternative = `replaces` называет вариант { $alternative }, которого у статьи нет
refusal-plain-ad-referendum = ad referendum можно согласовать только статью из простых слов
refusal-plain-bad-hash = `renders` принимает хеш SHA-256 в шестнадцатеричном виде
refusal-import-line = { $file }, строка { $line }
refusal-import-actor = участник карты { $number } ({ $code })
refusal-import-tie = связь { $number } ({ $from } → { $to })
refusal-mapping = сопоставление не читается: { $detail }
refusal-denied-not-found = не найдено
refusal-ocr-not-installed = tesseract не установлен: установите пакет Debian tesseract-ocr или введите отрывок вручную
refusal-ocr-no-english-data = у tesseract нет данных английского языка: установите пакет Debian tesseract-ocr-eng или введите отрывок вручную
refusal-ocr-no-pdf-reader = pdftoppm не установлен, поэтому скан в PDF не прочитать: установите пакет Debian poppler-utils или пришлите страницу изображением
refusal-ocr-not-a-page = файл не является изображением страницы, которое можно прочитать: пришлите изображение PNG, JPEG или TIFF либо скан в PDF
refusal-ocr-too-large = размер файла — { $size ->
    [one] { $size } байт
    [few] { $size } байта
   *[other] { $size } байт
}; читается не более { $limit }
refusal-ocr-too-many-pixels = изображение { $width } × { $height } пикселей; читается не более { $limit } пикселей: пришлите снимок поменьше
refusal-ocr-timed-out = чтение страницы заняло больше { $seconds ->
    [one] { $seconds } секунды
   *[other] { $seconds } секунд
} и было остановлено
refusal-ocr-program-failed = { $program } не смогла прочитать файл (код завершения { $status })
refusal-ocr-no-text = со страницы не удалось прочитать текст: пришлите более чёткий снимок или введите отрывок вручную
refusal-ocr-temp-folder = не удаётся использовать личную временную папку для страницы: { $detail }
# Каждое поле, которое называет проверка.
refusal-field-actor-kind = тип участника
refusal-field-actual = фактическое значение
refusal-field-ad-referendum = ad referendum
refusal-field-agenda-item = пункт повестки
refusal-field-alias = другое имя
refusal-field-alternative-label = обозначение варианта
refusal-field-alternatives = варианты
refusal-field-as-of = по состоянию на
refusal-field-assumption = допущение
refusal-field-assumption-status = статус допущения
refusal-field-attendee = присутствующий
refusal-field-attendee-name = имя присутствующего
refusal-field-audience = адресат
refusal-field-baseline = исходное значение
refusal-field-because = потому что
refusal-field-body = текст
refusal-field-bracketed-words = слова в скобках
refusal-field-capacity = дееспособность
refusal-field-channel = канал
refusal-field-choice = выбор
refusal-field-clause = статья
refusal-field-clause-heading = заголовок статьи
refusal-field-clause-text = текст статьи
refusal-field-clearance = согласование
refusal-field-code-name = кодовое имя
refusal-field-comment = комментарий
refusal-field-commitment = обязательство
refusal-field-compare-with = сравнить с
refusal-field-confidentiality-mode = режим конфиденциальности
refusal-field-consent = согласие
refusal-field-contact-details = контактные данные
refusal-field-contribution = вклад
refusal-field-conversation = беседа
refusal-field-conversation-title = название беседы
refusal-field-coordination-form = форма координации
refusal-field-copy = копия
refusal-field-count = количество
refusal-field-counterpart = собеседник
refusal-field-cover = прикрытие
refusal-field-criterion-of-effectiveness = критерий эффективности
refusal-field-date = дата
refusal-field-date-of-the-change = дата изменения
refusal-field-delivered-on = дата передачи
refusal-field-description = описание
refusal-field-description-of-the-social-actor = описание социального субъекта
refusal-field-direction = направление
refusal-field-display-name = отображаемое имя
refusal-field-draft = проект
refusal-field-due-on = срок
refusal-field-duty-of-care = обязанность заботы
refusal-field-ends-on = дата окончания
refusal-field-evidence = подтверждение
refusal-field-exposure-at-home = уязвимость на родине
refusal-field-format = формат
refusal-field-format-version = версия формата
refusal-field-from = от
refusal-field-funder = донор
refusal-field-grant-reference = номер гранта
refusal-field-grant-restrictions = ограничения гранта
refusal-field-hash = хеш
refusal-field-how-consent-was-obtained = как получено согласие
refusal-field-if = если
refusal-field-indicator = показатель
refusal-field-initiative-kind = тип инициативы
refusal-field-invitation = приглашение
refusal-field-invitation-kind = тип приглашения
refusal-field-invitation-label = метка приглашения
refusal-field-issue = вопрос
refusal-field-item = пункт
refusal-field-items = пункты
refusal-field-kind = вид
refusal-field-language = язык
refusal-field-layer = уровень
refusal-field-level = уровень
refusal-field-level-of-change = уровень изменения
refusal-field-locale = язык интерфейса
refusal-field-meeting = встреча
refusal-field-meeting-end = окончание встречи
refusal-field-meeting-title = название встречи
refusal-field-methodology = методология
refusal-field-mode = режим
refusal-field-name = имя
refusal-field-note = заметка
refusal-field-note-on-an-assumption = заметка о допущении
refusal-field-note-tag = метка заметки
refusal-field-notes = заметки
refusal-field-number-of-links = число ссылок
refusal-field-obtained-on = дата получения
refusal-field-official-event = официальное событие
refusal-field-on = дата
refusal-field-option-description = описание варианта решения
refusal-field-option-status = статус варианта решения
refusal-field-option-title = название варианта решения
refusal-field-organisation = организация
refusal-field-outcome = результат
refusal-field-outcome-state = состояние результата
refusal-field-owner = ответственный
refusal-field-part = часть
refusal-field-part-heading = заголовок части
refusal-field-password = пароль
refusal-field-period = период
refusal-field-person = человек
refusal-field-phase = этап
refusal-field-positive-or-negative = положительный или отрицательный
refusal-field-preamble = преамбула
refusal-field-public-description = публичное описание
refusal-field-question = вопрос
refusal-field-rationale = обоснование
refusal-field-reach = охват
refusal-field-readout = отчёт для официальных лиц
refusal-field-readout-title = название отчёта
refusal-field-reason-for-the-answer = причина ответа
refusal-field-recipient = получатель
refusal-field-reflection = рефлексия
refusal-field-reliability = надёжность
refusal-field-reply = ответ
refusal-field-report = отчёт
refusal-field-risk-ceiling-for-the-group = предел риска для группы
refusal-field-risk-ceiling-per-person = предел риска на человека
refusal-field-role = роль
refusal-field-round = раунд
refusal-field-round-end = окончание раунда
refusal-field-round-number = номер раунда
refusal-field-round-title = название раунда
refusal-field-segment = группа
refusal-field-segments = группы
refusal-field-session = заседание
refusal-field-session-mode = режим заседания
refusal-field-session-title = название заседания
refusal-field-sessions = заседания
refusal-field-side = сторона
refusal-field-side-name = название стороны
refusal-field-side-of-a-participant = сторона участника
refusal-field-signatory = подписант
refusal-field-significance = значимость
refusal-field-signs = признаки
refusal-field-snapshot-label = метка снимка
refusal-field-snapshot-note = заметка к снимку
refusal-field-social-actor = социальный субъект
refusal-field-source = источник
refusal-field-source-s-basis = основание источника
refusal-field-sources = источники
refusal-field-speaker-code = код выступающего
refusal-field-speaker-key = ключ выступающих
refusal-field-speaker-name = имя выступающего
refusal-field-stage = стадия
refusal-field-starts-on = дата начала
refusal-field-statement = утверждение
refusal-field-statement-origin = происхождение утверждения
refusal-field-statement-status = статус утверждения
refusal-field-strength = сила
refusal-field-substantiator = подтверждающий
refusal-field-suggested-wording = предложенная формулировка
refusal-field-target = целевое значение
refusal-field-text-title = название текста
refusal-field-then = то
refusal-field-threats = угрозы
refusal-field-tie = связь
refusal-field-tie-kind = тип связи
refusal-field-tie-notes = заметки о связи
refusal-field-timing = время проведения
refusal-field-title = название
refusal-field-to = до
refusal-field-token-label = метка токена
refusal-field-token-lifetime = срок действия токена
refusal-field-track = трек
refusal-field-track-scheme = схема треков
refusal-field-translations = переводы
refusal-field-travel-risk = риск поездок
refusal-field-type-of-change = тип изменения
refusal-field-unit = единица
refusal-field-username = имя пользователя
refusal-field-valid-from = действует с
refusal-field-valid-until = действует до
refusal-field-value = значение
refusal-field-venue = место проведения
refusal-field-verdict = заключение
refusal-field-version = версия
refusal-field-vote = голос
refusal-field-voter-cap = предел числа голосующих
refusal-field-voters-per-address = голосующих с одного адреса
refusal-field-what-changed = что изменилось
refusal-field-what-moved = что передано
refusal-field-where = где
refusal-field-withdrawn-on = дата отзыва
refusal-field-wording-of-a-choice = формулировка выбора
refusal-field-words-an-alternative-replaces = слова, которые заменяет вариант
# Каждая причина, которую даёт проверка.
refusal-reason-taken-with-the-other-side-s-wording = Принято в формулировке другой стороны.
refusal-reason-an-actor-cannot-be-tied-to-itself = участник не может быть связан сам с собой
refusal-reason-are-more-than-a-questionnaire-asks = больше, чем может содержать анкета
refusal-reason-are-more-than-an-indicator-holds = больше, чем вмещает показатель
refusal-reason-ask-one-item-twice = один пункт задан дважды
refusal-reason-cannot-be-less-strict-than-the-meeting-s = не может быть мягче режима встречи
refusal-reason-cannot-include-the-language-the-statement-was-written-in = не может включать язык, на котором написано утверждение
refusal-reason-choose-a-person-of-the-map = выберите человека с карты
refusal-reason-comes-before-its-start = раньше начала
refusal-reason-does-not-take-new-statements = не принимает новых утверждений
refusal-reason-ends-before-it-starts = заканчивается раньше, чем начинается
refusal-reason-has-a-bracket-or-bar-inside-a-wording = содержит скобку или черту внутри формулировки
refusal-reason-has-a-bracket-or-bar-outside-its-notation = содержит скобку или черту вне своей записи
refusal-reason-has-unbalanced-brackets = содержит непарные скобки
refusal-reason-is-after-the-harvest = позже сбора
refusal-reason-is-closed = закрыт
refusal-reason-is-given-twice = указано дважды
refusal-reason-is-not-a-clause-identifier-such-as-c12 = не является идентификатором статьи вида c12
refusal-reason-is-not-a-comment = не является комментарием
refusal-reason-is-not-a-content-hash = не является хешем содержимого
refusal-reason-is-not-a-language-tag = не является языковым тегом
refusal-reason-is-not-a-language-tag-such-as-en-ar-or-fr-ca = не является языковым тегом вида en, ar или fr-CA
refusal-reason-is-not-a-number = не является числом
refusal-reason-is-not-a-number-in-range = не является числом в допустимых пределах
refusal-reason-is-not-a-part-identifier-such-as-p2 = не является идентификатором части вида p2
refusal-reason-is-not-a-stage-of-the-methodology = не является стадией методологии
refusal-reason-is-not-an-actor-of-this-initiative-s-map = не является участником карты этой инициативы
refusal-reason-is-not-in-the-theory-of-change = отсутствует в теории изменений
refusal-reason-is-not-known = неизвестно
refusal-reason-is-not-one-of-the-meeting-s = не относится к этой встрече
refusal-reason-is-not-one-the-pages-speak = не является языком страниц
refusal-reason-is-personal-it-makes-one-voter-so-it-has-no-cap = личное: оно создаёт одного голосующего, поэтому предела нет
refusal-reason-is-private-its-participants-vote-under-their-account-without-links = закрытая: её участники голосуют под своей учётной записью, без ссылок
refusal-reason-is-read-twice-in-one-reflection = оценено дважды в одной рефлексии
refusal-reason-is-released-and-cannot-be-changed = выпущен и не может быть изменён
refusal-reason-is-required = обязательно
refusal-reason-is-used-twice = использовано дважды
refusal-reason-keeps-its-ends-remove-it-and-add-another-instead = сохраняет свои концы; удалите её и добавьте другую
refusal-reason-lines-must-read-code-name = строки должны иметь вид КОД = имя
refusal-reason-may-list-at-most-20 = может содержать не более 20
refusal-reason-may-list-at-most-20-languages = может содержать не более 20 языков
refusal-reason-must-be-bracketed-clean-or-comparison = должно быть bracketed, clean или comparison
refusal-reason-must-be-from-to-as-yyyy-mm-dd-yyyy-mm-dd = должно иметь вид С..ПО, то есть ГГГГ-ММ-ДД..ГГГГ-ММ-ДД
refusal-reason-must-be-a-capital-letter-and-up-to-three-digits-like-a1-b12-or-f = должно быть заглавной буквой и не более чем тремя цифрами, например A1, B12 или F
refusal-reason-must-be-a-date-as-yyyy-mm-dd = должно быть датой в формате ГГГГ-ММ-ДД
refusal-reason-must-be-a-format-this-version-of-tracktwo-knows = должно быть форматом, известным этой версии tracktwo
refusal-reason-must-be-a-member-signed-in-who-gives-their-own-word = должно быть участником, вошедшим в систему и дающим своё собственное согласие
refusal-reason-must-be-a-number = должно быть числом
refusal-reason-must-be-a-person-of-the-map-not-an-organisation = должно быть человеком с карты, а не организацией
refusal-reason-must-be-a-person-of-the-map-with-their-consent-in-the-registry = должно быть человеком с карты, чьё согласие внесено в реестр
refusal-reason-must-be-a-version-number = должно быть номером версии
refusal-reason-must-be-a-whole-number = должно быть целым числом
refusal-reason-must-be-a-whole-number-of-days-between-1-and-365 = должно быть целым числом дней от 1 до 365
refusal-reason-must-be-at-least-1-and-at-most-the-voter-cap = должно быть не меньше 1 и не больше предела числа голосующих
refusal-reason-must-be-at-least-two = должно быть не меньше двух
refusal-reason-must-be-between-0-and-1 = должно быть от 0 до 1
refusal-reason-must-be-between-1-and-1-000-000 = должно быть от 1 до 1 000 000
refusal-reason-must-be-between-1-and-1000 = должно быть от 1 до 1000
refusal-reason-must-be-between-1-and-200 = должно быть от 1 до 200
refusal-reason-must-be-between-1-and-365-days = должно быть от 1 до 365 дней
refusal-reason-must-be-csv-gexf-graphml-or-kumu = должно быть csv, gexf, graphml или kumu
refusal-reason-must-be-from-0-to-10 = должно быть от 0 до 10
refusal-reason-must-be-from-0-to-2000 = должно быть от 0 до 2000
refusal-reason-must-be-from-0-to-5 = должно быть от 0 до 5
refusal-reason-must-be-from-1-to-5 = должно быть от 1 до 5
refusal-reason-must-be-funder-or-evaluation = должно быть funder или evaluation
refusal-reason-must-be-gexf-graphml-kumu-actors-csv-or-ties-csv = должно быть gexf, graphml, kumu, actors-csv или ties-csv
refusal-reason-must-be-html-or-pdf = должно быть html или pdf
refusal-reason-must-be-imtd9-or-five = должно быть imtd9 или five
refusal-reason-must-be-one-line-of-at-most-300-characters = должно быть одной строкой не длиннее 300 символов
refusal-reason-must-be-pdf-or-docx = должно быть pdf или docx
refusal-reason-must-be-released-before-copies-are-issued = должен быть выпущен до выдачи экземпляров
refusal-reason-must-be-reviewed-before-it-is-released = должен быть проверен до выпуска
refusal-reason-must-be-yes-or-no = должно быть yes или no
refusal-reason-must-be-yes-no-or-empty = должно быть yes, no или пустым
refusal-reason-must-come-after-from = должно быть позже даты начала
refusal-reason-must-come-after-valid-from = должно быть позже даты начала действия
refusal-reason-must-not-repeat = не должно повторяться
refusal-reason-name-the-same-source-twice = называют один источник дважды
refusal-reason-names-a-record-not-of-this-initiative = указывает на запись не из этой инициативы
refusal-reason-need-at-least-two-wordings = требуют не менее двух формулировок
refusal-reason-needs-at-least-two-wordings = требует не менее двух формулировок
refusal-reason-needs-both-its-first-and-its-last-day-or-neither = требует и первого, и последнего дня — или ни одного
refusal-reason-only-a-clause-without-brackets-or-alternatives-can-be-agreed = согласованной может быть только статья без скобок и вариантов
refusal-reason-speaks-for-a-side-the-text-does-not-need = говорит от имени стороны, которая тексту не нужна
refusal-reason-stays-in-its-round = остаётся в своём раунде
# Что не так в импортируемом файле.
refusal-import-empty-value = «{ $field }» не должно быть пустым
refusal-import-unknown-value = { $field }: «{ $value }» — неизвестное значение поля «{ $what }»
refusal-import-refused-value = { $field }: { $reason }
refusal-import-track-number-without-scheme = { $field }: «{ $value }» — число, а файл не объявляет схему треков: укажите её (imtd9 — девять треков Института многотрековой дипломатии, five — список из пяти треков)
refusal-import-not-a-track-of-scheme = { $field }: «{ $value }» — не трек схемы { $scheme }
refusal-import-unknown-track = { $field }: «{ $value }» — неизвестный трек
refusal-import-unknown-tie-kind = { $field }: «{ $value }» — неизвестный тип связи
refusal-import-neither-yes-nor-no = { $field }: «{ $value }» — ни yes, ни no
refusal-import-not-a-strength = { $field }: «{ $value }» — не целое число от 1 до 5
refusal-import-not-a-day = { $field }: «{ $value }» — не дата в виде ГГГГ-ММ-ДД (YYYY-MM-DD)
refusal-import-not-an-actor-type = { $field }: «{ $value }» — ни Person, ни Organization
refusal-import-not-a-direction = { $field }: «{ $value }» — ни directed, ни undirected, ни mutual
refusal-import-unknown-track-scheme = { $field }: «{ $value }» — не схема треков (imtd9 — девять треков Института многотрековой дипломатии; five — список из пяти треков)
refusal-import-scheme-disagrees = файл нумерует треки по схеме «{ $declared }», а не «{ $given }»
refusal-import-refused-actor = участник карты «{ $code }»: { $reason }
refusal-import-side-control-characters = участник карты «{ $code }»: сторона содержит управляющие символы
refusal-import-side-too-long = участник карты «{ $code }»: сторона длиннее { $max ->
    [one] { $max } символа
   *[other] { $max } символов
}
refusal-import-not-a-side = участник карты «{ $code }»: «{ $side }» — не сторона этой инициативы (её стороны: { $count ->
    [0] пока нет ни одной
   *[other] { $sides }
}); сначала добавьте сторону
refusal-import-code-name-twice = кодовое имя «{ $code }» используется дважды (впервые в строке { $first })
refusal-import-tie-end-empty = конец связи «{ $end }» не должен быть пустым
refusal-import-unknown-code-name = «{ $code }» — не кодовое имя ни одного участника карты в файле
refusal-import-tie-to-itself = связь не может вести от «{ $code }» к нему самому
refusal-import-refused-tie = связь от «{ $from }» к «{ $to }»: { $reason }
refusal-import-empty-table = файл пуст; его первая строка называет столбцы: { $columns }
refusal-import-unknown-column = неизвестный столбец «{ $column }»; столбцы: { $columns }
refusal-import-column-twice = столбец «{ $column }» встречается дважды
refusal-import-missing-columns = { $count ->
    [one] не хватает столбца
   *[other] не хватает столбцов
} { $columns }
refusal-import-row-length = в этой строке { $cells ->
    [one] { $cells } ячейка
    [few] { $cells } ячейки
    [many] { $cells } ячеек
   *[other] { $cells } ячейки
}, а в заголовке — { $header }
refusal-import-row-not-utf8 = эта строка не в корректной кодировке UTF-8
refusal-import-row-not-csv = эту строку нельзя прочитать как CSV
refusal-import-not-a-side-here = «{ $side }» — не сторона этой инициативы; сначала добавьте сторону
refusal-import-code-name-on-map = это кодовое имя уже есть на карте
refusal-import-no-actor-with-code = ни у одного участника карты нет кодового имени «{ $code }»
refusal-mapping-unknown-field = «{ $given }» — не поле tracktwo; поля: { $fields }
refusal-mapping-no-attribute = «{ $field }» не сопоставлено ни одному атрибуту
refusal-mapping-field-twice = «{ $field }» сопоставлено дважды
refusal-mapping-value-twice = «{ $field }» сопоставляет «{ $value }» дважды
refusal-mapping-not-a-field-argument = «{ $given }» — не в виде ПОЛЕ=АТРИБУТ (например, track=Sector)
refusal-mapping-not-a-value-argument = «{ $given }» — не в виде ПОЛЕ:ЗНАЧЕНИЕ_В_ФАЙЛЕ=ЗНАЧЕНИЕ (например, track:Gov=government)
refusal-import-column-missing = нет столбца { $column }
refusal-import-not-a-number = { $column } — не число
refusal-import-actual-without-period = фактическому значению нужен его период
refusal-import-period-without-actual = периоду нужно его фактическое значение
refusal-import-indicator-differs = единица, базовое или целевое значение отличается от предыдущей строки этого показателя
refusal-import-too-many-indicators = в системе результатов не больше { $most ->
    [one] { $most } показателя
   *[other] { $most } показателей
}
refusal-import-period-twice = этот период указан для показателя дважды
refusal-import-no-indicator = в файле нет ни одного показателя
refusal-import-file-not-utf8 = файл не является текстом в UTF-8
refusal-import-cell-count = в строке { $cells ->
    [one] { $cells } ячейка
    [few] { $cells } ячейки
    [many] { $cells } ячеек
   *[other] { $cells } ячейки
}, а в заголовке — { $header }
refusal-import-not-csv = строку нельзя прочитать как CSV
refusal-import-not-a-language-column = столбец { $column } — ни statement, ни original, ни тег языка вроде ar
refusal-import-language-twice = у языка { $language } два столбца
refusal-import-not-a-statement-number = statement — не номер утверждения
refusal-import-statement-twice = утверждение { $statement } указано дважды
refusal-import-no-statement = в файле нет ни одного утверждения
refusal-import-statement-not-in-conversation = утверждения { $statement } нет в беседе
refusal-import-second-root = некорректный XML: второй корневой элемент
refusal-import-too-deep = элементы вложены глубже { $most ->
    [one] { $most } уровня
   *[other] { $most } уровней
}
refusal-import-text-outside-root = некорректный XML: текст вне корневого элемента
refusal-import-cdata-outside-root = некорректный XML: CDATA вне корневого элемента
refusal-import-unknown-entity = некорректный XML: ссылка (`&…;`) на неизвестную сущность
refusal-import-invalid-character-reference = некорректный XML: недопустимая ссылка на символ
refusal-import-reference-outside-root = некорректный XML: ссылка вне корневого элемента
refusal-import-unclosed = некорректный XML: документ заканчивается до закрытия <{ $element }> (строка { $line })
refusal-import-no-root = некорректный XML: в документе нет корневого элемента
# Структура файла GEXF или GraphML. Имена элементов и атрибутов — слова файла.
refusal-import-not-the-format = это не файл { $format }: корневой элемент — <{ $root }>, а не <{ $expected }>
refusal-import-without-graph = в <{ $root }> нет <{ $graph }>
refusal-import-attribute-without-id = у одного из элементов <{ $element }> нет атрибута { $id }
refusal-import-without-id = у одного из элементов <{ $element }> нет атрибута { $id }
refusal-import-edge-without-end = у одного из элементов <{ $element }> нет атрибута { $end }
refusal-import-attvalue-without-attribute = один из элементов <{ $element }> не называет атрибут
refusal-import-data-without-key = один из элементов <{ $element }> не называет ключ
refusal-import-key-id-twice = идентификатор ключа «{ $id }» объявлен дважды
refusal-import-node-id-twice = идентификатор узла «{ $id }» используется дважды (впервые в строке { $first })
refusal-import-not-an-edge-default = { $field }: «{ $value }» — ни { $directed }, ни { $undirected }
refusal-import-day-too-late = { $field }: этот день слишком поздний, чтобы его сохранить
refusal-import-value-twice = { $owner }: у поля «{ $key }» два значения
refusal-import-no-value = { $owner }: нет значения поля «{ $key }»
refusal-import-no-tie-kind = { $owner }: не указан вид связи: сопоставьте атрибут, который его содержит ({ $map }), или задайте вид для всех связей без него ({ $give })
refusal-import-mapping-not-applicable = сопоставление атрибутов применяется к файлам GEXF и GraphML; файлы CSV и Kumu читаются по собственным столбцам системы
# Что называет проблема в файле GEXF, GraphML или Kumu.
refusal-import-owner-node = узел «{ $id }»
refusal-import-owner-edge = ребро от «{ $from }» к «{ $to }»
refusal-import-owner-blueprint = схема Kumu
refusal-import-owner-an-element = один из элементов
refusal-import-owner-element = элемент «{ $code }»
refusal-import-owner-a-connection = одна из связей
refusal-import-owner-connection = связь от «{ $from }» к «{ $to }»
# Синтаксическая ошибка XML по её виду.
refusal-import-malformed-xml = некорректный XML: { $fault }
refusal-import-xml-unknown-markup = «<!» начинает неизвестную разметку
refusal-import-xml-unclosed-processing-instruction = инструкция обработки не закрыта (нет «?>»)
refusal-import-xml-unclosed-declaration = объявление XML не закрыто (нет «?>»)
refusal-import-xml-unclosed-comment = комментарий не закрыт (нет «-->»)
refusal-import-xml-unclosed-doctype = объявление типа документа не закрыто (нет «>»)
refusal-import-xml-unclosed-cdata = раздел символьных данных не закрыт (нет «]]>»)
refusal-import-xml-unclosed-tag = тег не закрыт (нет «>»)
refusal-import-xml-unclosed-attribute-value = у значения атрибута нет закрывающей кавычки
refusal-import-xml-mismatched-end-tag = закрывающий тег не совпадает с элементом, который он должен закрыть
refusal-import-xml-unmatched-end-tag = закрывающий тег не закрывает ни одного открытого элемента
refusal-import-xml-unclosed-reference = «&» начинает ссылку, которую не закрывает «;» (одиночный «&» пишется как «&amp;»)
refusal-import-xml-not-well-formed = документ построен некорректно
refusal-import-xml-attribute-without-equals = за именем атрибута не следует «=»
refusal-import-xml-attribute-without-value = за «=» не следует значение атрибута
refusal-import-xml-unquoted-attribute-value = значение атрибута не заключено в кавычки
refusal-import-xml-attribute-twice = атрибут указан дважды
refusal-import-xml-broken-reference = ссылка («&…;») неизвестна или повреждена
refusal-import-xml-unreadable = документ нельзя прочитать
# Структура схемы Kumu и синтаксическая ошибка JSON по её виду. Ключи — слова файла.
refusal-import-malformed-json = некорректный JSON: { $fault }
refusal-import-json-end-in-list = файл заканчивается внутри списка
refusal-import-json-end-in-object = файл заканчивается внутри объекта
refusal-import-json-end-in-string = файл заканчивается внутри строки
refusal-import-json-end-in-value = файл заканчивается до ожидаемого значения
refusal-import-json-expected-value = ожидалось значение
refusal-import-json-expected-comma-or-bracket = ожидалась «,» или «]»
refusal-import-json-expected-comma-or-brace = ожидалась «,» или «{ "}" }»
refusal-import-json-expected-colon = ожидалось «:»
refusal-import-json-expected-ident = ожидалось ключевое слово
refusal-import-json-key-not-a-string = ключ должен быть строкой
refusal-import-json-trailing-comma = лишняя запятая перед закрытием
refusal-import-json-trailing-characters = лишние символы после конца документа
refusal-import-json-invalid-escape = недопустимая escape-последовательность
refusal-import-json-invalid-number = недопустимое число
refusal-import-json-number-out-of-range = число вне допустимого диапазона
refusal-import-json-invalid-code-point = недопустимая кодовая точка Юникода
refusal-import-json-control-character = управляющий символ внутри строки
refusal-import-json-too-deep = превышен предел вложенности
refusal-import-not-an-object = { $owner }: должен быть объектом JSON
refusal-import-key-twice = { $owner }: ключ «{ $key }» указан дважды
refusal-import-value-unreadable = значение нельзя прочитать
refusal-import-not-a-blueprint = в схеме Kumu есть «{ $elements }» и «{ $connections }»; в этом файле нет ни того, ни другого
refusal-import-not-a-list = «{ $key }» должен быть списком
refusal-import-key-unreadable = { $owner }: «{ $key }» нельзя прочитать
refusal-import-not-text = { $owner }: «{ $key }» должен быть текстом
refusal-import-missing-key = { $owner }: нет «{ $key }»
refusal-import-tracks-not-listed = { $owner }: «{ $key }» должен перечислять треки по номеру или названию
# Конфликт: что-то уже существует, или учётная запись в таком состоянии.
refusal-conflict-actor-code-name = актор с кодовым именем { $code } уже существует
refusal-conflict-disable-own-account = администратор не может отключить собственную учётную запись
refusal-conflict-second-factor-already-on = двухэтапный вход уже включён
refusal-conflict-enrolment-not-started = сначала начните подключение
refusal-conflict-account-disabled = учётная запись отключена
refusal-conflict-qr-code = не удаётся построить QR-код
refusal-unique-username = учётная запись с таким именем пользователя уже существует
refusal-unique-member = этот человек уже участник инициативы
refusal-unique-key = запись с таким же ключом уже существует
# Резервная копия, экспорт связки ключей или экспорт, которые нельзя записать или прочитать.
refusal-archive-cannot-write = не удаётся записать: { $detail }
refusal-archive-key-source = не удаётся закодировать источник ключа
refusal-archive-not-ours = это не файл резервной копии или связки ключей tracktwo
refusal-archive-does-not-open = файл не открывается этим ключом или был изменён
refusal-archive-damaged = файл обрезан или повреждён
refusal-archive-more-than-one-document = в файле больше одного документа
refusal-archive-unreadable = содержимое файла нельзя прочитать: { $detail }
refusal-archive-wrong-kind = это файл типа { $found }, а не { $expected }
refusal-archive-newer-format = этот файл записан более новой версией tracktwo
refusal-archive-store-not-empty = хранилище не пусто; укажите { $option }, чтобы заменить его содержимое резервной копией
refusal-archive-keys-missing = ключей этой резервной копии нет в хранилище; передайте экспорт связки ключей через { $option }
refusal-archive-different-store = эта резервная копия принадлежит другому хранилищу; восстановите её в пустое
refusal-archive-cannot-encode = не удаётся закодировать запись: { $detail }
refusal-archive-cannot-analyse = не удаётся проанализировать беседу: { $detail }
refusal-archive-vote-not-stored = голос не удалось сохранить: { $detail }
refusal-archive-vote-lost = голос не сохранён
# Экспорт Pol.is, который нельзя импортировать.
refusal-polis-import = экспорт Pol.is: { $reason }
refusal-polis-file = { $file }, строка { $line }: { $problem }
refusal-polis-comment-twice = { $file }: значение { $comment } столбца { $column } встречается дважды
refusal-polis-no-such-comment = { $file }, строка { $line }: значения { $comment } столбца { $column } нет в { $comments }
refusal-polis-statement-out-of-order = утверждение { $number }: утверждения должны быть пронумерованы 0, 1, 2… по порядку
refusal-polis-statement-length = утверждение { $number }: текст должен быть не длиннее { $max ->
    [one] { $max } символа
   *[other] { $max } символов
}
refusal-polis-no-such-statement = голос участника { $participant }: утверждения { $statement } нет в экспорте
refusal-polis-missing-column = в заголовке нет столбца «{ $column }»
refusal-polis-not-an-integer = «{ $column }» равно «{ $value }», а это не целое число
refusal-polis-not-a-count = «{ $column }» равно { $value }, а это не количество
refusal-polis-invalid-vote = { $column } равно { $value }; голос — это 1 (согласен), -1 (не согласен) или 0 (пропуск)
refusal-polis-invalid-moderation = { $column } равно { $value }; допустимо 1 (принято), 0 (ещё не модерировано) или -1 (отклонено модерацией)
refusal-polis-not-a-comment-id = столбец «{ $column }» — не идентификатор комментария
refusal-polis-missing-timestamp = «{ $column }» пусто, а последний голос по утверждению определяется по времени
refusal-polis-unequal-lengths = в этой записи { $fields ->
    [one] { $fields } поле
    [few] { $fields } поля
    [many] { $fields } полей
   *[other] { $fields } поля
}, а в первой — { $expected }
refusal-polis-not-utf8 = файл не является текстом в UTF-8
refusal-polis-csv = файл нельзя прочитать как CSV: { $detail }
refusal-polis-io = файл нельзя прочитать: { $detail }
refusal-polis-too-many-statements = индекс утверждения { $index } слишком велик (не больше { $max })
refusal-polis-too-many-participants = индекс участника { $index } слишком велик (не больше { $max })
refusal-polis-engine = механизм поиска общей основы не принимает эти голоса: { $detail }
