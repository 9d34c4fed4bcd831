# Что отклонённый или неудавшийся запрос сообщает тому, кто его сделал.
error-heading-409 = Конфликт
error-heading-413 = Слишком большой объём
error-heading-422 = Невозможно выполнить
error-heading-429 = Слишком много запросов
error-not-found = не найдено
error-internal = внутренняя ошибка
error-forbidden = Здесь вам это делать нельзя.
error-refused = Это не удалось сделать по указанной ниже причине.
error-csrf = срок действия формы истёк или она отправлена не с этого сайта; обновите страницу и попробуйте снова
error-too-many-requests = слишком много запросов; попробуйте снова через { $seconds ->
    [one] { $seconds } секунду
    [few] { $seconds } секунды
   *[other] { $seconds } секунд
}
error-limited-sign-in = слишком много попыток входа с этого адреса; попробуйте снова через { $seconds ->
    [one] { $seconds } секунду
    [few] { $seconds } секунды
   *[other] { $seconds } секунд
}
error-limited-join = слишком много присоединений с этого адреса; попробуйте снова через { $seconds ->
    [one] { $seconds } секунду
    [few] { $seconds } секунды
   *[other] { $seconds } секунд
}
error-limited-vote = слишком много голосов с этого адреса; попробуйте снова через { $seconds ->
    [one] { $seconds } секунду
    [few] { $seconds } секунды
   *[other] { $seconds } секунд
}
error-limited-proposal = слишком много предложений с этого адреса; попробуйте снова через { $seconds ->
    [one] { $seconds } секунду
    [few] { $seconds } секунды
   *[other] { $seconds } секунд
}
error-limited-api = слишком много запросов к API с этого адреса; попробуйте снова через { $seconds ->
    [one] { $seconds } секунду
    [few] { $seconds } секунды
   *[other] { $seconds } секунд
}
error-limited-bad-credential = слишком много запросов с неизвестными или просроченными учётными данными с этого адреса; попробуйте снова через { $seconds ->
    [one] { $seconds } секунду
    [few] { $seconds } секунды
   *[other] { $seconds } секунд
}
import-refused-title = Импорт отклонён
import-refused-nothing = Ничего не импортировано.
import-refused-back = Назад
