# Общая рамка всех страниц.
site-name = tracktwo
page-title = { $title } · tracktwo
skip-to-content = Перейти к содержанию
main-navigation = Главное меню
nav-initiatives = Мои инициативы
nav-timeline = Хронология
nav-account = Учётная запись
sign-out = Выйти
language-switch = Язык
error-back = Вернуться к моим инициативам
error-heading-400 = Неверный запрос
error-heading-403 = Доступ запрещён
error-heading-404 = Не найдено
error-heading-other = Ошибка
count-versions = { $count ->
    [one] { $count } версия
    [few] { $count } версии
    [many] { $count } версий
   *[other] { $count } версии
}
