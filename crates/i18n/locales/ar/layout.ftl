# الإطار المشترك لكل الصفحات.
site-name = tracktwo
page-title = { $title } · tracktwo
skip-to-content = انتقل إلى المحتوى
main-navigation = القائمة الرئيسية
nav-initiatives = مبادراتي
nav-timeline = الخط الزمني
nav-account = الحساب
sign-out = تسجيل الخروج
language-switch = اللغة
error-back = العودة إلى مبادراتي
error-heading-400 = طلب غير صالح
error-heading-403 = غير مسموح
error-heading-404 = غير موجود
error-heading-other = خطأ
count-versions = { $count ->
    [zero] لا نسخ
    [one] نسخة واحدة
    [two] نسختان
    [few] { $count } نسخ
    [many] { $count } نسخة
   *[other] { $count } نسخة
}
