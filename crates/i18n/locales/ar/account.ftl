# تسجيل الدخول.
sign-in-title = تسجيل الدخول
sign-in-username = اسم المستخدم
sign-in-password = كلمة المرور
sign-in-code = رمز تطبيق المصادقة أو رمز الاسترداد (إن كنت قد فعّلت تسجيل الدخول بخطوتين)
sign-in-submit = دخول
