# ما يقوله طلب مرفوض أو فاشل لمن قدّمه.
error-heading-409 = تعارض
error-heading-413 = حجم كبير جدًا
error-heading-422 = تعذّر التنفيذ
error-heading-429 = طلبات كثيرة جدًا
error-not-found = غير موجود
error-internal = خطأ داخلي
error-forbidden = لا يحق لك القيام بهذا هنا.
error-refused = تعذّر القيام بهذا، للسبب المذكور أدناه.
error-csrf = انتهت صلاحية النموذج أو لم يأتِ من هذا الموقع؛ أعد تحميل الصفحة وحاول مجددًا
error-too-many-requests = طلبات كثيرة جدًا؛ حاول مجددًا بعد { $seconds ->
    [zero] لحظة
    [one] ثانية واحدة
    [two] ثانيتين
    [few] { $seconds } ثوانٍ
    [many] { $seconds } ثانية
   *[other] { $seconds } ثانية
}
error-limited-sign-in = محاولات دخول كثيرة جدًا من هذا العنوان؛ حاول مجددًا بعد { $seconds ->
    [zero] لحظة
    [one] ثانية واحدة
    [two] ثانيتين
    [few] { $seconds } ثوانٍ
    [many] { $seconds } ثانية
   *[other] { $seconds } ثانية
}
error-limited-join = طلبات انضمام كثيرة جدًا من هذا العنوان؛ حاول مجددًا بعد { $seconds ->
    [zero] لحظة
    [one] ثانية واحدة
    [two] ثانيتين
    [few] { $seconds } ثوانٍ
    [many] { $seconds } ثانية
   *[other] { $seconds } ثانية
}
error-limited-vote = أصوات كثيرة جدًا من هذا العنوان؛ حاول مجددًا بعد { $seconds ->
    [zero] لحظة
    [one] ثانية واحدة
    [two] ثانيتين
    [few] { $seconds } ثوانٍ
    [many] { $seconds } ثانية
   *[other] { $seconds } ثانية
}
error-limited-proposal = مقترحات كثيرة جدًا من هذا العنوان؛ حاول مجددًا بعد { $seconds ->
    [zero] لحظة
    [one] ثانية واحدة
    [two] ثانيتين
    [few] { $seconds } ثوانٍ
    [many] { $seconds } ثانية
   *[other] { $seconds } ثانية
}
error-limited-api = طلبات واجهة برمجية كثيرة جدًا من هذا العنوان؛ حاول مجددًا بعد { $seconds ->
    [zero] لحظة
    [one] ثانية واحدة
    [two] ثانيتين
    [few] { $seconds } ثوانٍ
    [many] { $seconds } ثانية
   *[other] { $seconds } ثانية
}
error-limited-bad-credential = طلبات كثيرة جدًا ببيانات اعتماد مجهولة أو منتهية الصلاحية من هذا العنوان؛ حاول مجددًا بعد { $seconds ->
    [zero] لحظة
    [one] ثانية واحدة
    [two] ثانيتين
    [few] { $seconds } ثوانٍ
    [many] { $seconds } ثانية
   *[other] { $seconds } ثانية
}
import-refused-title = رُفض الاستيراد
import-refused-nothing = لم يُستورد أي شيء.
import-refused-back = رجوع
