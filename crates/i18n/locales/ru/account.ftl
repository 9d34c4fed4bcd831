# Вход.
sign-in-title = Вход
sign-in-username = Имя пользователя
sign-in-password = Пароль
sign-in-code = Код из приложения-аутентификатора или резервный код (если включён двухэтапный вход)
sign-in-submit = Войти
