# عملية الحوار: تصميمها وجولاتها، والاجتماعات، والملاحظات، والحضور، ومفتاح المتحدثين، والخيارات، والمتابعات، والملخصات.
dialogue-follow-ups = المتابعات
dialogue-due-before-the-next = مستحقة قبل الجولة التالية
dialogue-nothing-open-from-the = لا شيء مفتوح من الجولة الأخيرة.
dialogue-carried-forward = مُرحَّل
dialogue-all = الكل
dialogue-round = الجولة
dialogue-commitment = الالتزام
dialogue-owner = المسؤول
dialogue-due-2 = الاستحقاق
dialogue-done = منجز
dialogue-reopen = إعادة فتح
dialogue-mark-done = تعليم كمنجز
dialogue-yes = نعم
dialogue-add-a-follow-up = إضافة متابعة
dialogue-owner-a-team-member = المسؤول (عضو في الفريق أو رمز متحدث)
dialogue-due-on = تاريخ الاستحقاق
dialogue-an-issue-carried-forward = قضية مُرحَّلة إلى الجولة التالية
dialogue-add-follow-up = إضافة المتابعة
dialogue-what-your-role-and = ما يحق لدورك وطرفك رؤيته من هذا الاجتماع.
dialogue-download-as-pdf = تنزيل بصيغة PDF
dialogue-date = التاريخ
dialogue-rule = القاعدة
dialogue-venue = المكان
dialogue-stage-reached = المرحلة التي بُلغت
dialogue-summary-as-each-reader = الملخص كما يراه كل قارئ
dialogue-pdf = PDF
dialogue-speaker-key = مفتاح المتحدثين
dialogue-take-a-note = تدوين ملاحظة
dialogue-speaker-codes-only-a1 = رموز المتحدثين فقط (A1 وB3 وF)، ولا أسماء أبدًا. Ctrl+Enter يحفظ؛ وتُحفظ المسودة أثناء الكتابة.
dialogue-session = الجلسة
dialogue-speaker-code = رمز المتحدث
dialogue-note = الملاحظة
dialogue-tags = الوسوم
dialogue-not-for-transfer = ليست للنقل
dialogue-save-note = حفظ الملاحظة
dialogue-notes = الملاحظات
dialogue-no-notes = لا ملاحظات.
dialogue-not-for-transfer-2 = ليست للنقل
dialogue-attendance = الحضور
dialogue-who-attends-with-the = من يحضر، ومن أي طرف وبأي صفة جاء إلى هذا الاجتماع. بموجب قاعدة تشاتام هاوس لا تخرج أي قائمة من الاجتماع.
dialogue-name = الاسم
dialogue-organisation = المنظمة
dialogue-side = الطرف
dialogue-capacity = الصفة
dialogue-outside-the-team = خارج الفريق
dialogue-listed-where-the-rule = يُذكر حيث تسمح القاعدة
dialogue-team-only-no-consent = للفريق فقط: لا موافقة على الذكر
dialogue-each-attendee-is-a = كل حاضر هو شخص من الخريطة، وموافقته المسجلة في السجل تحدد من خارج الفريق يمكنه رؤيته: من لم يوافق على ذكره لا يظهر إلا للفريق.
dialogue-person-from-the-map = الشخص (من الخريطة)
dialogue-choose = — اختر —
dialogue-name-as-listed-empty = الاسم كما يُذكر (فارغ: اسم الخريطة)
dialogue-side-empty-the-map = الطرف (فارغ: طرف الخريطة)
dialogue-as-on-the-map = كما في الخريطة
dialogue-their-member-account-if = حساب العضوية الخاص به إن وُجد (اسم المستخدم)
dialogue-consent-for-a-person = الموافقة، لشخص غير مسجل بعد في السجل
dialogue-record-these-answers-in = تسجيل هذه الإجابات في السجل الآن
dialogue-obtained-on = تاريخ الحصول عليها
dialogue-how-it-was-obtained = كيف حُصل عليها
dialogue-a-person-not-yet = يحضر الشخص غير المسجل في السجل بعد أن تسجل الجهة الداعية أو العمليات موافقته.
dialogue-add-attendee = إضافة الحاضر
dialogue-agenda-and-stage = جدول الأعمال والمرحلة
dialogue-agenda = جدول الأعمال
dialogue-not-recorded = غير مسجلة
dialogue-members-cleared-for-this = الأعضاء المأذون لهم بهذا الاجتماع (أسماء المستخدمين، واحد في كل سطر)
dialogue-save-progress = حفظ التقدم
dialogue-initiative = المبادرة
dialogue-process-and-rounds = العملية والجولات
dialogue-options-register = سجل الخيارات
dialogue-ideas-and-options-where = الأفكار والخيارات، وأين طُرحت وأي الأطراف تؤيدها — دون ذكر أي شخص أبدًا.
dialogue-no-options-yet = لا خيارات بعد.
dialogue-drafted-into = صيغ في
dialogue-status = الحالة
dialogue-in = في
dialogue-update = تحديث
dialogue-register-an-option = تسجيل خيار
dialogue-title = العنوان
dialogue-description = الوصف
dialogue-issues-it-answers-one = القضايا التي يعالجها (واحدة في كل سطر)
dialogue-raised-in-2 = طُرح في
dialogue-register-option = تسجيل الخيار
dialogue-kind = النوع
dialogue-methodology = المنهجية
dialogue-phase = المرحلة
dialogue-theory-of-change = نظرية التغيير
dialogue-assumptions = الافتراضات
dialogue-locales = الأماكن
dialogue-grant = المنحة
dialogue-the-process-has-not = لم تُصمَّم العملية بعد.
dialogue-rounds = الجولات
dialogue-no-rounds-yet = لا جولات بعد.
dialogue-no-meetings = لا اجتماعات.
dialogue-meeting = الاجتماع
dialogue-mode = النمط
dialogue-starts-on = يبدأ في
dialogue-ends-on = ينتهي في
dialogue-confidentiality-mode = نمط السرية
dialogue-the-agenda-starts-from = يبدأ جدول الأعمال من قالب المنهجية؛ وتُعدّ جلسة عامة واجتماع جانبي لكل طرف.
dialogue-add-meeting = إضافة الاجتماع
dialogue-add-a-round = إضافة جولة
dialogue-number = الرقم
dialogue-add-round = إضافة الجولة
dialogue-design = التصميم
dialogue-if-we = إذا قمنا بـ …
dialogue-then-2 = فإن …
dialogue-because-2 = لأن …
dialogue-assumptions-one-a-line = الافتراضات (واحد في كل سطر)
dialogue-locales-one-a-line = الأماكن (واحد في كل سطر)
dialogue-grants-one-a-line = المنح (واحدة في كل سطر: الممول | المرجع | القيود)
dialogue-save-design = حفظ التصميم
dialogue-add-the-sides-on = أضف الأطراف في صفحة الأعضاء قبل الاجتماع الأول، ليحصل كل منها على اجتماع جانبي.
dialogue-which-person-stands-behind = أي شخص يقف وراء كل رمز في هذا الاجتماع. لا يراه إلا الجهة الداعية؛ ولا يدخل أبدًا في أي ملخص أو تصدير.
dialogue-one-a-line-code = واحد في كل سطر: الرمز = الاسم
dialogue-save-speaker-key = حفظ مفتاح المتحدثين
dialogue-back-to-the-meeting = العودة إلى الاجتماع
dialogue-options-raised = الخيارات المطروحة
dialogue-not-in-this-summary = ليس في هذا الملخص
dialogue-add-meeting-to-round = إضافة اجتماع إلى الجولة { $number }
dialogue-as-it-leaves = كما يخرج من الاجتماع إلى { $reader }، بموجب القاعدة: { $rule }.
dialogue-clause-number = البند { $clause }
dialogue-consent-contacted = الموافقة على التواصل
dialogue-consent-listed = الموافقة على الذكر كمشارك
dialogue-consent-photographed = الموافقة على التصوير
dialogue-consent-recorded-under-code = الموافقة على التسجيل تحت رمز
dialogue-due-on-date = (الاستحقاق { $date })
dialogue-held = لم تُحفظ: بموجب هذه القاعدة ({ $rule }) لا يجوز نسبة أي قول إلى قائله، وهذه الملاحظة تسمي أحد الحاضرين ({ $count ->
    [zero] لا مواضع معلّمة
    [one] موضع واحد معلّم
    [two] موضعان معلّمان
    [few] { $count } مواضع معلّمة
    [many] { $count } موضعًا معلّمًا
   *[other] { $count } موضع معلّم
} أدناه). ضع رمز المتحدث (A1 أو B3 أو F) في حقل المتحدث، واحذف الكلمات المعلّمة من الملاحظة، ثم احفظ مجددًا. الملاحظة محفوظة كمسودة لك.
dialogue-in-version-of-text = في الإصدار { $version } من النص
dialogue-issues-list = القضايا: { $issues }
dialogue-process-nav = عملية الحوار
dialogue-raised-in-list = طُرح في: { $meetings }
dialogue-round-number = الجولة { $number }
dialogue-round-option = الجولة { $number }: { $title }
dialogue-session-option = { $session } ({ $rule })
dialogue-stage-of = { $stage } من { $steps }: { $name }
dialogue-step = الخطوة { $stage }
dialogue-summary-of = الملخص: { $title }
dialogue-supported-by-list = يؤيده: { $sides }
dialogue-supported-by-side = يؤيده { $side }
dialogue-supported-by-sides = (يؤيده: { $sides })
dialogue-theory = إذا { $if }، فإن { $then }، لأن { $because }.
dialogue-third-party = طرف ثالث
dialogue-transfer-on = نقل — { $date }: { $channel } ({ $evidence })

# أين انعقدت الجلسة، وما يتركه الملخص جانبًا.
dialogue-scope-plenary = الجلسة العامة
dialogue-scope-caucus = الاجتماع الجانبي: { $side }
dialogue-withheld-list-on-the-record = قائمة الحضور (علني)
dialogue-withheld-list-non-attribution = قائمة الحضور (دون نسب الأقوال)
dialogue-withheld-list-chatham-house = قائمة الحضور (قاعدة تشاتام هاوس)
dialogue-withheld-list-secret-channel = قائمة الحضور (قناة سرية)
dialogue-withheld-list-funders = قائمة الحضور (لا يتلقى المموّلون هويات المشاركين)
dialogue-withheld-not-listed = { $count ->
    [one] حاضر واحد غير مدرج لـ{ $reader } ({ $side })
    [two] حاضران غير مدرجين لـ{ $reader } ({ $side })
    [few] { $count } حاضرين غير مدرجين لـ{ $reader } ({ $side })
   *[other] { $count } حاضرًا غير مدرج لـ{ $reader } ({ $side })
}
dialogue-withheld-venue = المكان (قناة سرية)
dialogue-withheld-session-record = محضر الجلسات (لا يُسلَّم إلى { $reader })
dialogue-withheld-sessions-closed = { $count ->
    [one] جلسة واحدة مغلقة أمام { $reader }
    [two] جلستان مغلقتان أمام { $reader }
    [few] { $count } جلسات مغلقة أمام { $reader }
   *[other] { $count } جلسة مغلقة أمام { $reader }
}
dialogue-withheld-notes = { $count ->
    [one] ملاحظة واحدة موسومة بأنها ليست للنقل
    [two] ملاحظتان موسومتان بأنهما ليستا للنقل
    [few] { $count } ملاحظات موسومة بأنها ليست للنقل
   *[other] { $count } ملاحظة موسومة بأنها ليست للنقل
}
