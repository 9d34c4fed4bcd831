# ما يقوله رفض التطبيق: صفحات الأخطاء، وصفحة رفض الاستيراد، وسطر الأوامر.
refusal-not-found = غير موجود
refusal-names-in-note = تذكر الملاحظة أحد الحاضرين باسمه في { $count ->
    [zero] لا موضع
    [one] موضع واحد
    [two] موضعين
    [few] { $count } مواضع
    [many] { $count } موضعًا
   *[other] { $count } موضع
}، وقاعدة الاجتماع تمنع نسبة الكلام إلى قائله؛ استبدل كل اسم برمز المتحدث
refusal-consent-not-recorded = موافقة هذا الشخص غير مسجَّلة: سجِّل قبل حضوره ما إذا كان يقبل أن يُتصل به، وأن يُدرج اسمه، وأن يُسجَّل تحت رمز، وأن يُصوَّر
refusal-refused-code = يضع مفتاح المتحدثين تحت رمز { $count ->
    [zero] لا أحد
    [one] شخصًا واحدًا
    [two] شخصين
    [few] { $count } أشخاص
    [many] { $count } شخصًا
   *[other] { $count } شخص
} ممن رفضوا ذلك أو سحبوا موافقتهم
refusal-forbidden = غير مسموح: { $reason }
refusal-unauthenticated = لم تسجِّل الدخول، أو أن الرمز المميز غير معروف أو ملغى
refusal-rate-limited = طلبات كثيرة جدًا؛ أعد المحاولة بعد { $seconds ->
    [zero] أقل من ثانية
    [one] ثانية واحدة
    [two] ثانيتين
    [few] { $seconds } ثوانٍ
    [many] { $seconds } ثانية
   *[other] { $seconds } ثانية
}
refusal-sign-in = فشل تسجيل الدخول: اسم المستخدم أو كلمة المرور أو الرمز خاطئ
refusal-wrong-code = هذا الرمز غير صحيح؛ تحقق من الوقت على جهازك وجرّب الرمز الحالي
refusal-invalid = مدخلات غير صالحة: { $reason }
refusal-wrong-key = المفتاح لا يفتح هذا المخزن (عبارة مرور أو ملف مفتاح خاطئ)
refusal-already-initialised = المخزن مهيَّأ بالفعل
refusal-uninitialised = المخزن غير مهيَّأ؛ شغّل `tracktwo init` أولًا
refusal-wants-passphrase = يُفتح هذا المخزن بعبارة مرور؛ أدخلها بدلًا من ذلك
refusal-wants-key-file = يُفتح هذا المخزن بملف مفتاح؛ قدّمه بدلًا من ذلك
refusal-key = مادة المفتاح: { $reason }
refusal-tampered = فشلت البيانات المخزَّنة في التحقق من أصالتها؛ ربما عُبث بالمخزن
refusal-import = { $record }: { $message }
refusal-secret-channel = غير ممكن في قناة سرية: { $reason }
refusal-not-erased = أُتلفت المبادرة ومفتاحها، لكن المخزن لم يتمكن من محو آثارهما من ملفاته ({ $reason })؛ لا يمكن فتح سجلاتها، غير أن بايتاتها قد تبقى إلى أن يُضغط المخزن مرة أخرى (كل إتلاف يضغطه)
refusal-no-font = لا يوجد خط يستطيع رسم { $scripts }: أضف خطًا لها (للصينية واليابانية والكورية، خط نظام مثل fonts-noto-cjk في دبيان) أو احذفها
refusal-document-failed = تعذّر إنشاء المستند: { $detail }
refusal-empty = يجب ألا يكون الحقل «{ $field }» فارغًا
refusal-too-long = الحقل «{ $field }» أطول من { $max ->
    [zero] لا شيء
    [one] حرف واحد
    [two] حرفين
    [few] { $max } أحرف
    [many] { $max } حرفًا
   *[other] { $max } حرف
}
refusal-too-short = يجب أن يضم الحقل «{ $field }» { $min ->
    [zero] حرفًا واحدًا على الأقل
    [one] حرفًا واحدًا على الأقل
    [two] حرفين على الأقل
    [few] { $min } أحرف على الأقل
    [many] { $min } حرفًا على الأقل
   *[other] { $min } حرف على الأقل
}
refusal-control-characters = يحتوي الحقل «{ $field }» على محارف تحكم
refusal-unknown-value = «{ $value }» ليست قيمة معروفة للحقل «{ $field }»
refusal-invalid-field = الحقل «{ $field }»: { $reason }
refusal-denied-key-holder-only = تحتاج هذه العملية إلى حامل المفتاح في سطر الأوامر
refusal-denied-administrator-only = تحتاج هذه العملية إلى مسؤول
refusal-denied-not-a-member = لست عضوًا في هذه المبادرة
refusal-denied-role = لا يسمح الدور «{ $role }» بهذا
refusal-outward-consultation = روابط الدعوة في الاستشارة ستكشفها لكل من يحمل رابطًا
refusal-outward-polis-import = تصل صادرات Pol.is المستوردة استشارةً، وروابطها ستكشفها
refusal-outward-invitation-links = روابط الدعوة ستكشفها لكل من يحمل رابطًا
refusal-outward-public-readout = إحاطة موجهة إلى الجمهور ستكشفها
refusal-outward-answer-cards = بطاقات الإجابة ستكشفها لكل من يحمل بطاقة
refusal-link-full = قبل هذا الرابط كل المصوّتين الذين أُنشئ لهم ({ $cap })
refusal-address-limit = انضم من هذا العنوان أكبر عدد من المصوّتين يسمح به هذا الرابط ({ $limit })
refusal-key-file-too-short = يحوي ملف المفتاح { $count ->
    [zero] صفر بايت
    [one] بايتًا واحدًا
    [two] بايتين
    [few] { $count } بايتات
    [many] { $count } بايتًا
   *[other] { $count } بايت
}؛ المطلوب ٣٢ بايتًا عشوائيًا على الأقل
refusal-empty-passphrase = عبارة المرور فارغة
refusal-invalid-kdf-params = معاملات اشتقاق المفتاح غير صالحة: { $detail }
refusal-unauthentic = فشلت قيمة مختومة في التحقق من أصالتها (مفتاح خاطئ، أو بيانات معدَّلة)
refusal-malformed = قيمة مختومة تالفة البنية
refusal-store-unavailable = تعذّر الوصول إلى قاعدة البيانات: { $detail }
refusal-store-not-tracktwo = هذا ليس مخزن tracktwo، أو أنه تالف: { $detail }
refusal-store-newer = كُتب هذا المخزن بإصدار أحدث من tracktwo (المخطط { $found }، وهذا الإصدار يعرف { $supported })؛ حدِّث tracktwo لفتحه
refusal-store-data-dir = لا يمكن استخدام مجلد البيانات { $path }: { $reason }
refusal-store-backend = خطأ في التخزين: { $detail }
refusal-store-tampered = فشل الصف { $row } في التحقق من أصالته؛ ربما عُبث بالمخزن
refusal-in-clause = البند { $clause }: { $reason }
refusal-no-such-clause = ليس في النص بند { $clause }
refusal-no-such-version = ليس للنص نسخة رقم { $version }
refusal-no-such-language = ليس للنص نسخة بتلك اللغة
refusal-signatory-not-of-side = يجب أن يكون الموقِّع مشاركًا من الطرف الذي يوقّع عنه
refusal-no-side = لا يوافق على النص باسم طرف إلا مشارك منه
refusal-reply-elsewhere = الرد يجيب عن تعليق على البند نفسه يستطيع قارئه رؤيته
refusal-suggestion-answered = سبق الرد على هذا الاقتراح
refusal-nothing-to-comment-on = ليس للنص بعدُ نسخة للتعليق عليها
refusal-not-settled = لا تزال في النسخة { $version } { $brackets ->
    [zero] لا أقواس
    [one] قوس واحد
    [two] قوسان
    [few] { $brackets } أقواس
    [many] { $brackets } قوسًا
   *[other] { $brackets } قوس
} و{ $alternatives ->
    [zero] لا بدائل
    [one] بديل واحد
    [two] بديلان
    [few] { $alternatives } بدائل
    [many] { $alternatives } بديلًا
   *[other] { $alternatives } بديل
}: النسخة النظيفة لا تكون إلا لنص مستقر؛ اكتب النسخة ذات الأقواس بدلًا منها
refusal-nothing-to-compare = نسخة المقارنة تحتاج إلى النسخة التي تُقارن بها
refusal-duplicate-part = يرد الجزء { $part } مرتين
refusal-duplicate-clause = يرد البند { $clause } مرتين
refusal-nothing-to-translate = الترجمة تحتاج أولًا إلى نسخة معتمدة تنقلها
refusal-unknown-source = البند { $clause } من الترجمة لا ينقل أي بند من النص المعتمد
refusal-unchanged = هذه النسخة لا تغيّر شيئًا منذ النسخة { $version }
refusal-sign-off-no-version = ليس للنص بعدُ نسخة للموافقة عليها
refusal-sign-off-not-latest = لم تعد النسخة { $signed } الأحدث؛ الأحدث هي النسخة { $latest }
refusal-sign-off-hash = البصمة المقدَّمة لا تطابق محتوى النسخة { $version }؛ أعد تحميل النص واقرأه من جديد
refusal-sign-off-unsettled = لا يزال في النص { $brackets ->
    [zero] لا أقواس
    [one] قوس واحد
    [two] قوسان
    [few] { $brackets } أقواس
    [many] { $brackets } قوسًا
   *[other] { $brackets } قوس
} و{ $alternatives ->
    [zero] لا بدائل
    [one] بديل واحد
    [two] بديلان
    [few] { $alternatives } بدائل
    [many] { $alternatives } بديلًا
   *[other] { $alternatives } بديل
}: لا يُتفق على شيء حتى يُتفق على كل شيء
refusal-sign-off-side-not-needed = هذا النص لا يحتاج إلى موافقة ذلك الطرف
refusal-sign-off-not-a-signatory = لست موقِّعًا مفوَّضًا عن ذلك الطرف
refusal-sign-off-already-signed = سبق أن وافق ذلك الطرف على هذه النسخة
refusal-notation-unclosed = قوس فُتح عند المحرف { $at } لم يُغلق
refusal-notation-unopened = قوس إغلاق عند المحرف { $at } ليس له قوس فتح
refusal-notation-nested = الأقواس لا تتداخل (المحرف { $at })
refusal-notation-empty = قوس أو صياغة فارغة عند المحرف { $at }
refusal-notation-bar = لا تفصل الشرطة بين الصياغات إلا داخل الأقواس (المحرف { $at })
refusal-outcome-not-independent = لا يستطيع من حصد الحصيلة إثباتها؛ يجب أن يثبتها شخص مستقل
refusal-outcome-not-substantiated = لا تثبت الحصيلة إلا إذا وافق عليها شخص مستقل، ولو جزئيًا، ولم يعترض أحد
refusal-outcome-not-yet-substantiated = لا يُبلَّغ عن الحصيلة إلا بعد إثباتها
refusal-outcome-already-reported = لا يمكن تغيير حصيلة مبلَّغ عنها
refusal-outcome-not-the-next-step = تتقدم الحصيلة خطوة واحدة في كل مرة
refusal-answers-not-open = هذا الاستبيان غير مفتوح للإجابات الآن
refusal-answers-already-given = سبق أن أجابت هذه البطاقة عن هذا الاستبيان في هذا التوقيت
refusal-answer-missing = البند { $item } بلا إجابة
refusal-answer-not-asked = البند { $item } ليس من أسئلة هذا الاستبيان
refusal-answer-out-of-range = الإجابة خارج المقياس للبند { $item }
refusal-plain-line = السطر { $line }: { $problem }
refusal-plain-unreadable = المتوقع `title:` أو `preamble:` أو `# جزء` أو بند مثل `c3:` أو `new:`
refusal-plain-nothing-to-continue = سطر المتابعة (بمسافتين) يحتاج إلى سطر قبله
refusal-plain-title-twice = العنوان مذكور مرتين
refusal-plain-preamble-twice = الديباجة مذكورة مرتين
refusal-plain-no-title = ليس في المسودة سطر `title:`
refusal-plain-no-part = البند يحتاج إلى جزء: ضع سطر `# عنوان` قبله
refusal-plain-part-twice = يرد الجزء { $part } مرتين
refusal-plain-clause-twice = يرد البند { $clause } مرتين؛ أسطر البند الواحد تأتي معًا
refusal-plain-field-twice = { $keyword } البند مذكور مرتين
refusal-plain-words-and-alternatives = للبند كلمات وبدائل معًا: اكتب أحدهما
refusal-plain-no-words = ليس للبند كلمات ولا بدائل
refusal-plain-unknown-alternative = يذكر `replaces` البديل { $alternative }، وليس في البند بديل بهذا الرمز
refusal-plain-ad-referendum = لا يُتفق بشرط الاستفتاء (ad referendum) إلا على بند من كلمات بسيطة
refusal-plain-bad-hash = يأخذ `renders` بصمة SHA-256 بالنظام الست عشري
refusal-import-line = { $file }، السطر { $line }
refusal-import-actor = الفاعل { $number } ({ $code })
refusal-import-tie = الصلة { $number } ({ $from } ← { $to })
refusal-mapping = تعذّرت قراءة المطابقة: { $detail }
refusal-denied-not-found = غير موجود
refusal-ocr-not-installed = tesseract غير مثبَّت: ثبّت الحزمة tesseract-ocr من دبيان، أو اكتب المقطع بنفسك
refusal-ocr-no-english-data = ليس لدى tesseract بيانات اللغة الإنجليزية: ثبّت الحزمة tesseract-ocr-eng من دبيان، أو اكتب المقطع بنفسك
refusal-ocr-no-pdf-reader = pdftoppm غير مثبَّت، فلا يمكن قراءة ملف PDF ممسوح: ثبّت الحزمة poppler-utils من دبيان، أو أرسل الصفحة صورةً
refusal-ocr-not-a-page = الملف ليس صورة صفحة يمكن قراءتها هنا: أرسل صورة PNG أو JPEG أو TIFF، أو ملف PDF ممسوحًا
refusal-ocr-too-large = حجم الملف { $size ->
    [zero] صفر بايت
    [one] بايت واحد
    [two] بايتان
    [few] { $size } بايتات
    [many] { $size } بايتًا
   *[other] { $size } بايت
}؛ ولا يُقرأ أكثر من { $limit }
refusal-ocr-too-many-pixels = الصورة { $width } × { $height } بكسل؛ ولا يُقرأ أكثر من { $limit } بكسل: أرسل صورة أصغر
refusal-ocr-timed-out = استغرقت قراءة الصفحة أكثر من { $seconds ->
    [zero] صفر ثانية
    [one] ثانية واحدة
    [two] ثانيتين
    [few] { $seconds } ثوانٍ
    [many] { $seconds } ثانية
   *[other] { $seconds } ثانية
} فأُوقفت
refusal-ocr-program-failed = لم يستطع { $program } قراءة الملف (حالة الخروج { $status })
refusal-ocr-no-text = تعذّرت قراءة أي نص من الصفحة: أرسل صورة أوضح، أو اكتب المقطع بنفسك
refusal-ocr-temp-folder = لا يمكن استخدام مجلد مؤقت خاص بالصفحة: { $detail }
# كل حقل تسمّيه عملية التحقق.
refusal-field-actor-kind = نوع الفاعل
refusal-field-actual = القيمة الفعلية
refusal-field-ad-referendum = بشرط الاستفتاء (ad referendum)
refusal-field-agenda-item = بند جدول الأعمال
refusal-field-alias = الاسم البديل
refusal-field-alternative-label = رمز البديل
refusal-field-alternatives = البدائل
refusal-field-as-of = اعتبارًا من
refusal-field-assumption = الافتراض
refusal-field-assumption-status = حالة الافتراض
refusal-field-attendee = الحاضر
refusal-field-attendee-name = اسم الحاضر
refusal-field-audience = الجمهور المستهدف
refusal-field-baseline = خط الأساس
refusal-field-because = لأن
refusal-field-body = النص
refusal-field-bracketed-words = الكلمات بين الأقواس
refusal-field-capacity = الأهلية
refusal-field-channel = القناة
refusal-field-choice = الخيار
refusal-field-clause = البند
refusal-field-clause-heading = عنوان البند
refusal-field-clause-text = نص البند
refusal-field-clearance = الإجازة
refusal-field-code-name = الاسم الرمزي
refusal-field-comment = التعليق
refusal-field-commitment = الالتزام
refusal-field-compare-with = المقارنة مع
refusal-field-confidentiality-mode = نمط السرية
refusal-field-consent = الموافقة
refusal-field-contact-details = بيانات الاتصال
refusal-field-contribution = المساهمة
refusal-field-conversation = المحادثة
refusal-field-conversation-title = عنوان المحادثة
refusal-field-coordination-form = شكل التنسيق
refusal-field-copy = النسخة
refusal-field-count = العدد
refusal-field-counterpart = النظير
refusal-field-cover = الغطاء
refusal-field-criterion-of-effectiveness = معيار الفعالية
refusal-field-date = التاريخ
refusal-field-date-of-the-change = تاريخ التغيير
refusal-field-delivered-on = تاريخ التسليم
refusal-field-description = الوصف
refusal-field-description-of-the-social-actor = وصف الفاعل الاجتماعي
refusal-field-direction = الاتجاه
refusal-field-display-name = الاسم المعروض
refusal-field-draft = المسودة
refusal-field-due-on = تاريخ الاستحقاق
refusal-field-duty-of-care = واجب الرعاية
refusal-field-ends-on = تاريخ الانتهاء
refusal-field-evidence = الدليل
refusal-field-exposure-at-home = التعرض في الداخل
refusal-field-format = الصيغة
refusal-field-format-version = إصدار الصيغة
refusal-field-from = من
refusal-field-funder = الجهة المموِّلة
refusal-field-grant-reference = مرجع المنحة
refusal-field-grant-restrictions = قيود المنحة
refusal-field-hash = البصمة
refusal-field-how-consent-was-obtained = طريقة الحصول على الموافقة
refusal-field-if = إذا
refusal-field-indicator = المؤشر
refusal-field-initiative-kind = نوع المبادرة
refusal-field-invitation = الدعوة
refusal-field-invitation-kind = نوع الدعوة
refusal-field-invitation-label = تسمية الدعوة
refusal-field-issue = القضية
refusal-field-item = البند
refusal-field-items = البنود
refusal-field-kind = النوع
refusal-field-language = اللغة
refusal-field-layer = الطبقة
refusal-field-level = المستوى
refusal-field-level-of-change = مستوى التغيير
refusal-field-locale = لغة العرض
refusal-field-meeting = الاجتماع
refusal-field-meeting-end = نهاية الاجتماع
refusal-field-meeting-title = عنوان الاجتماع
refusal-field-methodology = المنهجية
refusal-field-mode = النمط
refusal-field-name = الاسم
refusal-field-note = الملاحظة
refusal-field-note-on-an-assumption = ملاحظة على افتراض
refusal-field-note-tag = وسم الملاحظة
refusal-field-notes = الملاحظات
refusal-field-number-of-links = عدد الروابط
refusal-field-obtained-on = تاريخ الحصول
refusal-field-official-event = الحدث الرسمي
refusal-field-on = في
refusal-field-option-description = وصف الخيار
refusal-field-option-status = حالة الخيار
refusal-field-option-title = عنوان الخيار
refusal-field-organisation = المنظمة
refusal-field-outcome = الحصيلة
refusal-field-outcome-state = حالة الحصيلة
refusal-field-owner = المسؤول
refusal-field-part = الجزء
refusal-field-part-heading = عنوان الجزء
refusal-field-password = كلمة المرور
refusal-field-period = الفترة
refusal-field-person = الشخص
refusal-field-phase = المرحلة
refusal-field-positive-or-negative = إيجابي أم سلبي
refusal-field-preamble = الديباجة
refusal-field-public-description = الوصف العلني
refusal-field-question = السؤال
refusal-field-rationale = المسوّغ
refusal-field-reach = المدى
refusal-field-readout = الإحاطة
refusal-field-readout-title = عنوان الإحاطة
refusal-field-reason-for-the-answer = سبب الرد
refusal-field-recipient = المستلم
refusal-field-reflection = المراجعة التأملية
refusal-field-reliability = الموثوقية
refusal-field-reply = الرد
refusal-field-report = التقرير
refusal-field-risk-ceiling-for-the-group = سقف المخاطر للمجموعة
refusal-field-risk-ceiling-per-person = سقف المخاطر للفرد
refusal-field-role = الدور
refusal-field-round = الجولة
refusal-field-round-end = نهاية الجولة
refusal-field-round-number = رقم الجولة
refusal-field-round-title = عنوان الجولة
refusal-field-segment = الفئة
refusal-field-segments = الفئات
refusal-field-session = الجلسة
refusal-field-session-mode = نمط الجلسة
refusal-field-session-title = عنوان الجلسة
refusal-field-sessions = الجلسات
refusal-field-side = الطرف
refusal-field-side-name = اسم الطرف
refusal-field-side-of-a-participant = طرف المشارك
refusal-field-signatory = الموقِّع
refusal-field-significance = الأهمية
refusal-field-signs = المؤشرات
refusal-field-snapshot-label = تسمية اللقطة
refusal-field-snapshot-note = ملاحظة اللقطة
refusal-field-social-actor = الفاعل الاجتماعي
refusal-field-source = المصدر
refusal-field-source-s-basis = أساس المصدر
refusal-field-sources = المصادر
refusal-field-speaker-code = رمز المتحدث
refusal-field-speaker-key = مفتاح المتحدثين
refusal-field-speaker-name = اسم المتحدث
refusal-field-stage = المرحلة
refusal-field-starts-on = تاريخ البدء
refusal-field-statement = العبارة
refusal-field-statement-origin = مصدر العبارة
refusal-field-statement-status = حالة العبارة
refusal-field-strength = القوة
refusal-field-substantiator = المُثبِت
refusal-field-suggested-wording = الصياغة المقترحة
refusal-field-target = الهدف
refusal-field-text-title = عنوان النص
refusal-field-then = فإن
refusal-field-threats = التهديدات
refusal-field-tie = الصلة
refusal-field-tie-kind = نوع الصلة
refusal-field-tie-notes = ملاحظات الصلة
refusal-field-timing = التوقيت
refusal-field-title = العنوان
refusal-field-to = إلى
refusal-field-token-label = تسمية الرمز المميز
refusal-field-token-lifetime = مدة صلاحية الرمز المميز
refusal-field-track = المسار
refusal-field-track-scheme = مخطط المسارات
refusal-field-translations = الترجمات
refusal-field-travel-risk = مخاطر السفر
refusal-field-type-of-change = نوع التغيير
refusal-field-unit = الوحدة
refusal-field-username = اسم المستخدم
refusal-field-valid-from = صالح من
refusal-field-valid-until = صالح حتى
refusal-field-value = القيمة
refusal-field-venue = المكان
refusal-field-verdict = الحكم
refusal-field-version = النسخة
refusal-field-vote = التصويت
refusal-field-voter-cap = الحد الأقصى للمصوّتين
refusal-field-voters-per-address = المصوّتون لكل عنوان
refusal-field-what-changed = ما الذي تغيّر
refusal-field-what-moved = ما الذي انتقل
refusal-field-where = أين
refusal-field-withdrawn-on = تاريخ السحب
refusal-field-wording-of-a-choice = صياغة أحد الخيارات
refusal-field-words-an-alternative-replaces = الكلمات التي يحل محلها بديل
# كل سبب تقدّمه عملية التحقق.
refusal-reason-taken-with-the-other-side-s-wording = أُخذ بصياغة الطرف الآخر.
refusal-reason-an-actor-cannot-be-tied-to-itself = لا يمكن ربط فاعل بنفسه
refusal-reason-are-more-than-a-questionnaire-asks = أكثر مما يطرحه استبيان
refusal-reason-are-more-than-an-indicator-holds = أكثر مما يحمله مؤشر
refusal-reason-ask-one-item-twice = يطرح البند نفسه مرتين
refusal-reason-cannot-be-less-strict-than-the-meeting-s = لا يمكن أن يكون أقل صرامة من نمط الاجتماع
refusal-reason-cannot-include-the-language-the-statement-was-written-in = لا يمكن أن يشمل اللغة التي كُتبت بها العبارة
refusal-reason-choose-a-person-of-the-map = اختر شخصًا من الخريطة
refusal-reason-comes-before-its-start = يسبق البداية
refusal-reason-does-not-take-new-statements = لا تقبل عبارات جديدة
refusal-reason-ends-before-it-starts = ينتهي قبل أن يبدأ
refusal-reason-has-a-bracket-or-bar-inside-a-wording = يحتوي على قوس أو شرطة داخل صياغة
refusal-reason-has-a-bracket-or-bar-outside-its-notation = يحتوي على قوس أو شرطة خارج ترميزه
refusal-reason-has-unbalanced-brackets = يحتوي على أقواس غير متوازنة
refusal-reason-is-after-the-harvest = بعد الحصاد
refusal-reason-is-closed = مغلقة
refusal-reason-is-given-twice = مذكور مرتين
refusal-reason-is-not-a-clause-identifier-such-as-c12 = ليس معرِّف بند مثل c12
refusal-reason-is-not-a-comment = ليس تعليقًا
refusal-reason-is-not-a-content-hash = ليس بصمة محتوى
refusal-reason-is-not-a-language-tag = ليس وسم لغة
refusal-reason-is-not-a-language-tag-such-as-en-ar-or-fr-ca = ليس وسم لغة مثل en أو ar أو fr-CA
refusal-reason-is-not-a-number = ليس عددًا
refusal-reason-is-not-a-number-in-range = ليس عددًا ضمن النطاق
refusal-reason-is-not-a-part-identifier-such-as-p2 = ليس معرِّف جزء مثل p2
refusal-reason-is-not-a-stage-of-the-methodology = ليس مرحلة من مراحل المنهجية
refusal-reason-is-not-an-actor-of-this-initiative-s-map = ليس فاعلًا على خريطة هذه المبادرة
refusal-reason-is-not-in-the-theory-of-change = ليس ضمن نظرية التغيير
refusal-reason-is-not-known = غير معروف
refusal-reason-is-not-one-of-the-meeting-s = ليس من عناصر الاجتماع
refusal-reason-is-not-one-the-pages-speak = ليست من لغات الصفحات
refusal-reason-is-personal-it-makes-one-voter-so-it-has-no-cap = شخصية: تُنشئ مصوّتًا واحدًا، فلا حد أقصى لها
refusal-reason-is-private-its-participants-vote-under-their-account-without-links = خاصة: يصوّت المشاركون فيها بحساباتهم، دون روابط
refusal-reason-is-read-twice-in-one-reflection = قُرئ مرتين في مراجعة واحدة
refusal-reason-is-released-and-cannot-be-changed = صدر ولا يمكن تغييره
refusal-reason-is-required = مطلوب
refusal-reason-is-used-twice = مستخدم مرتين
refusal-reason-keeps-its-ends-remove-it-and-add-another-instead = تحتفظ بطرفيها؛ احذفها وأضف غيرها
refusal-reason-lines-must-read-code-name = يجب أن تكون الأسطر بالشكل CODE = الاسم
refusal-reason-may-list-at-most-20 = لا يجوز أن تضم أكثر من ٢٠
refusal-reason-may-list-at-most-20-languages = لا يجوز أن تضم أكثر من ٢٠ لغة
refusal-reason-must-be-bracketed-clean-or-comparison = يجب أن تكون bracketed أو clean أو comparison
refusal-reason-must-be-from-to-as-yyyy-mm-dd-yyyy-mm-dd = يجب أن تكون بالشكل من..إلى، أي YYYY-MM-DD..YYYY-MM-DD
refusal-reason-must-be-a-capital-letter-and-up-to-three-digits-like-a1-b12-or-f = يجب أن يكون حرفًا لاتينيًا كبيرًا يليه ثلاثة أرقام على الأكثر، مثل A1 أو B12 أو F
refusal-reason-must-be-a-date-as-yyyy-mm-dd = يجب أن يكون تاريخًا بالشكل YYYY-MM-DD
refusal-reason-must-be-a-format-this-version-of-tracktwo-knows = يجب أن تكون صيغة يعرفها هذا الإصدار من tracktwo
refusal-reason-must-be-a-member-signed-in-who-gives-their-own-word = يجب أن يكون عضوًا مسجِّلًا دخوله يعطي موافقته بنفسه
refusal-reason-must-be-a-number = يجب أن يكون عددًا
refusal-reason-must-be-a-person-of-the-map-not-an-organisation = يجب أن يكون شخصًا من الخريطة، لا منظمة
refusal-reason-must-be-a-person-of-the-map-with-their-consent-in-the-registry = يجب أن يكون شخصًا من الخريطة مسجَّلة موافقته في السجل
refusal-reason-must-be-a-version-number = يجب أن يكون رقم نسخة
refusal-reason-must-be-a-whole-number = يجب أن يكون عددًا صحيحًا
refusal-reason-must-be-a-whole-number-of-days-between-1-and-365 = يجب أن يكون عددًا صحيحًا من الأيام بين ١ و٣٦٥
refusal-reason-must-be-at-least-1-and-at-most-the-voter-cap = يجب أن يكون ١ على الأقل ولا يتجاوز الحد الأقصى للمصوّتين
refusal-reason-must-be-at-least-two = يجب أن يكون اثنين على الأقل
refusal-reason-must-be-between-0-and-1 = يجب أن يكون بين ٠ و١
refusal-reason-must-be-between-1-and-1-000-000 = يجب أن يكون بين ١ و١٬٠٠٠٬٠٠٠
refusal-reason-must-be-between-1-and-1000 = يجب أن يكون بين ١ و١٠٠٠
refusal-reason-must-be-between-1-and-200 = يجب أن يكون بين ١ و٢٠٠
refusal-reason-must-be-between-1-and-365-days = يجب أن يكون بين ١ و٣٦٥ يومًا
refusal-reason-must-be-csv-gexf-graphml-or-kumu = يجب أن تكون csv أو gexf أو graphml أو kumu
refusal-reason-must-be-from-0-to-10 = يجب أن يكون من ٠ إلى ١٠
refusal-reason-must-be-from-0-to-2000 = يجب أن يكون من ٠ إلى ٢٠٠٠
refusal-reason-must-be-from-0-to-5 = يجب أن يكون من ٠ إلى ٥
refusal-reason-must-be-from-1-to-5 = يجب أن يكون من ١ إلى ٥
refusal-reason-must-be-funder-or-evaluation = يجب أن يكون funder أو evaluation
refusal-reason-must-be-gexf-graphml-kumu-actors-csv-or-ties-csv = يجب أن تكون gexf أو graphml أو kumu أو actors-csv أو ties-csv
refusal-reason-must-be-html-or-pdf = يجب أن تكون html أو pdf
refusal-reason-must-be-imtd9-or-five = يجب أن يكون imtd9 أو five
refusal-reason-must-be-one-line-of-at-most-300-characters = يجب أن يكون سطرًا واحدًا لا يتجاوز ٣٠٠ حرف
refusal-reason-must-be-pdf-or-docx = يجب أن تكون pdf أو docx
refusal-reason-must-be-released-before-copies-are-issued = يجب أن تصدر قبل توزيع النسخ
refusal-reason-must-be-reviewed-before-it-is-released = يجب أن تُراجَع قبل إصدارها
refusal-reason-must-be-yes-or-no = يجب أن تكون yes أو no
refusal-reason-must-be-yes-no-or-empty = يجب أن تكون yes أو no أو فارغة
refusal-reason-must-come-after-from = يجب أن يأتي بعد تاريخ البداية
refusal-reason-must-come-after-valid-from = يجب أن يأتي بعد تاريخ بدء الصلاحية
refusal-reason-must-not-repeat = يجب ألا يتكرر
refusal-reason-name-the-same-source-twice = تذكر المصدر نفسه مرتين
refusal-reason-names-a-record-not-of-this-initiative = يشير إلى سجل ليس من هذه المبادرة
refusal-reason-need-at-least-two-wordings = تحتاج إلى صياغتين على الأقل
refusal-reason-needs-at-least-two-wordings = يحتاج إلى صياغتين على الأقل
refusal-reason-needs-both-its-first-and-its-last-day-or-neither = يحتاج إلى يومه الأول والأخير معًا، أو لا شيء منهما
refusal-reason-only-a-clause-without-brackets-or-alternatives-can-be-agreed = لا يُتفق إلا على بند خالٍ من الأقواس والبدائل
refusal-reason-speaks-for-a-side-the-text-does-not-need = يتحدث باسم طرف لا يحتاجه النص
refusal-reason-stays-in-its-round = تبقى في جولتها
# ما الخطأ في ملف مستورد.
refusal-import-empty-value = يجب ألا يكون «{ $field }» فارغًا
refusal-import-unknown-value = { $field }: «{ $value }» ليست قيمة معروفة للحقل «{ $what }»
refusal-import-refused-value = { $field }: { $reason }
refusal-import-track-number-without-scheme = { $field }: «{ $value }» رقم، والملف لا يصرّح بأي مخطط للمسارات: حدّده (imtd9 للمسارات التسعة لمعهد الدبلوماسية متعددة المسارات، وfive لقائمة المسارات الخمسة)
refusal-import-not-a-track-of-scheme = { $field }: «{ $value }» ليس مسارًا في المخطط { $scheme }
refusal-import-unknown-track = { $field }: «{ $value }» ليس مسارًا معروفًا
refusal-import-unknown-tie-kind = { $field }: «{ $value }» ليس نوع صلة معروفًا
refusal-import-neither-yes-nor-no = { $field }: «{ $value }» ليست yes ولا no
refusal-import-not-a-strength = { $field }: «{ $value }» ليس عددًا صحيحًا من ١ إلى ٥
refusal-import-not-a-day = { $field }: «{ $value }» ليس تاريخًا مكتوبًا بالصيغة YYYY-MM-DD
refusal-import-not-an-actor-type = { $field }: «{ $value }» ليست Person ولا Organization
refusal-import-not-a-direction = { $field }: «{ $value }» ليست أيًّا من directed وundirected وmutual
refusal-import-unknown-track-scheme = { $field }: «{ $value }» ليس مخططًا للمسارات (imtd9: المسارات التسعة لمعهد الدبلوماسية متعددة المسارات؛ five: قائمة المسارات الخمسة)
refusal-import-scheme-disagrees = يرقّم الملف مساراته وفق المخطط «{ $declared }» لا «{ $given }»
refusal-import-refused-actor = الفاعل «{ $code }»: { $reason }
refusal-import-side-control-characters = الفاعل «{ $code }»: يحتوي الطرف على محارف تحكم
refusal-import-side-too-long = الفاعل «{ $code }»: الطرف أطول من { $max ->
    [zero] لا شيء
    [one] حرف واحد
    [two] حرفين
    [few] { $max } أحرف
    [many] { $max } حرفًا
   *[other] { $max } حرف
}
refusal-import-not-a-side = الفاعل «{ $code }»: «{ $side }» ليس طرفًا في هذه المبادرة (أطرافها: { $count ->
    [0] لا أطراف بعد
   *[other] { $sides }
})؛ أضف الطرف أولًا
refusal-import-code-name-twice = الاسم الرمزي «{ $code }» مستخدم مرتين (أول مرة في السطر { $first })
refusal-import-tie-end-empty = يجب ألا يكون طرف الصلة «{ $end }» فارغًا
refusal-import-unknown-code-name = «{ $code }» ليس الاسم الرمزي لأي فاعل في الملف
refusal-import-tie-to-itself = لا يمكن أن تمتد صلة من «{ $code }» إلى نفسه
refusal-import-refused-tie = الصلة من «{ $from }» إلى «{ $to }»: { $reason }
refusal-import-empty-table = الملف فارغ؛ سطره الأول يسمّي الأعمدة: { $columns }
refusal-import-unknown-column = عمود غير معروف «{ $column }»؛ الأعمدة هي { $columns }
refusal-import-column-twice = يرد العمود «{ $column }» مرتين
refusal-import-missing-columns = { $count ->
    [zero] لا أعمدة ناقصة
    [one] ينقص العمود
    [two] ينقص العمودان
    [few] تنقص الأعمدة
    [many] تنقص الأعمدة
   *[other] تنقص الأعمدة
} { $columns }
refusal-import-row-length = في هذا الصف { $cells ->
    [zero] لا خلايا
    [one] خلية واحدة
    [two] خليتان
    [few] { $cells } خلايا
    [many] { $cells } خلية
   *[other] { $cells } خلية
} بينما في سطر العناوين { $header ->
    [zero] لا خلايا
    [one] خلية واحدة
    [two] خليتان
    [few] { $header } خلايا
    [many] { $header } خلية
   *[other] { $header } خلية
}
refusal-import-row-not-utf8 = هذا الصف ليس بترميز UTF-8 صالح
refusal-import-row-not-csv = تعذّرت قراءة هذا الصف بصيغة CSV
refusal-import-not-a-side-here = «{ $side }» ليس طرفًا في هذه المبادرة؛ أضف الطرف أولًا
refusal-import-code-name-on-map = هذا الاسم الرمزي موجود على الخريطة بالفعل
refusal-import-no-actor-with-code = لا يحمل أي فاعل الاسم الرمزي «{ $code }»
refusal-mapping-unknown-field = «{ $given }» ليس حقلًا من حقول tracktwo؛ الحقول هي { $fields }
refusal-mapping-no-attribute = لم يُطابَق «{ $field }» مع أي سمة
refusal-mapping-field-twice = طوبِق «{ $field }» مرتين
refusal-mapping-value-twice = يطابق «{ $field }» القيمة «{ $value }» مرتين
refusal-mapping-not-a-field-argument = «{ $given }» ليس بالصيغة FIELD=ATTRIBUTE (مثلًا track=Sector)
refusal-mapping-not-a-value-argument = «{ $given }» ليس بالصيغة FIELD:FILE_VALUE=VALUE (مثلًا track:Gov=government)
refusal-import-column-missing = العمود { $column } مفقود
refusal-import-not-a-number = { $column } ليس عددًا
refusal-import-actual-without-period = القيمة الفعلية تحتاج إلى فترتها
refusal-import-period-without-actual = الفترة تحتاج إلى قيمتها الفعلية
refusal-import-indicator-differs = الوحدة أو خط الأساس أو الهدف يختلف عن صف سابق لهذا المؤشر
refusal-import-too-many-indicators = يضم الإطار { $most ->
    [zero] لا مؤشرات
    [one] مؤشرًا واحدًا
    [two] مؤشرين
    [few] { $most } مؤشرات
    [many] { $most } مؤشرًا
   *[other] { $most } مؤشر
} على الأكثر
refusal-import-period-twice = هذه الفترة مذكورة مرتين للمؤشر
refusal-import-no-indicator = لا يضم الملف أي مؤشر
refusal-import-file-not-utf8 = الملف ليس نصًا بترميز UTF-8
refusal-import-cell-count = في الصف { $cells ->
    [zero] لا خلايا
    [one] خلية واحدة
    [two] خليتان
    [few] { $cells } خلايا
    [many] { $cells } خلية
   *[other] { $cells } خلية
} بينما في سطر العناوين { $header ->
    [zero] لا خلايا
    [one] خلية واحدة
    [two] خليتان
    [few] { $header } خلايا
    [many] { $header } خلية
   *[other] { $header } خلية
}
refusal-import-not-csv = تعذّرت قراءة الصف بصيغة CSV
refusal-import-not-a-language-column = العمود { $column } ليس statement ولا original ولا وسم لغة مثل ar
refusal-import-language-twice = للغة { $language } عمودان
refusal-import-not-a-statement-number = statement ليس رقم عبارة
refusal-import-statement-twice = العبارة { $statement } مذكورة مرتين
refusal-import-no-statement = لا يضم الملف أي عبارة
refusal-import-statement-not-in-conversation = العبارة { $statement } غير موجودة في المحادثة
refusal-import-second-root = XML غير سليم: عنصر جذر ثانٍ
refusal-import-too-deep = تتداخل العناصر أعمق من { $most ->
    [zero] لا مستويات
    [one] مستوى واحد
    [two] مستويين
    [few] { $most } مستويات
    [many] { $most } مستوى
   *[other] { $most } مستوى
}
refusal-import-text-outside-root = XML غير سليم: نص خارج العنصر الجذر
refusal-import-cdata-outside-root = XML غير سليم: مقطع CDATA خارج العنصر الجذر
refusal-import-unknown-entity = XML غير سليم: إشارة (`&…;`) إلى كيان غير معروف
refusal-import-invalid-character-reference = XML غير سليم: إشارة محرف غير صالحة
refusal-import-reference-outside-root = XML غير سليم: إشارة خارج العنصر الجذر
refusal-import-unclosed = XML غير سليم: ينتهي المستند قبل إغلاق <{ $element }> (السطر { $line })
refusal-import-no-root = XML غير سليم: ليس في المستند عنصر جذر
# بنية ملف GEXF أو GraphML. أسماء العناصر والسمات هي كلمات الملف.
refusal-import-not-the-format = ليس ملف { $format }: العنصر الجذر هو <{ $root }> وليس <{ $expected }>
refusal-import-without-graph = لا يحوي <{ $root }> أي <{ $graph }>
refusal-import-attribute-without-id = أحد عناصر <{ $element }> بلا سمة { $id }
refusal-import-without-id = أحد عناصر <{ $element }> بلا سمة { $id }
refusal-import-edge-without-end = أحد عناصر <{ $element }> بلا سمة { $end }
refusal-import-attvalue-without-attribute = أحد عناصر <{ $element }> لا يسمّي أي سمة
refusal-import-data-without-key = أحد عناصر <{ $element }> لا يسمّي أي مفتاح
refusal-import-key-id-twice = معرّف المفتاح «{ $id }» مُعلَن مرتين
refusal-import-node-id-twice = معرّف العقدة «{ $id }» مستخدم مرتين (أول مرة في السطر { $first })
refusal-import-not-an-edge-default = { $field }: «{ $value }» ليست { $directed } ولا { $undirected }
refusal-import-day-too-late = { $field }: اليوم متأخر أكثر مما يمكن حفظه
refusal-import-value-twice = { $owner }: للحقل «{ $key }» قيمتان
refusal-import-no-value = { $owner }: لا قيمة للحقل «{ $key }»
refusal-import-no-tie-kind = { $owner }: لا نوع للصلة: اربط السمة التي تحمله ({ $map })، أو أعطِ كل صلة بلا نوع نوعًا ({ $give })
refusal-import-mapping-not-applicable = ربط السمات يسري على ملفات GEXF وGraphML؛ أما ملفات CSV وKumu فتُقرأ بأعمدة هذا النظام نفسه
# ما تسمّيه المشكلة في ملف GEXF أو GraphML أو Kumu.
refusal-import-owner-node = العقدة «{ $id }»
refusal-import-owner-edge = الحافة من «{ $from }» إلى «{ $to }»
refusal-import-owner-blueprint = مخطط Kumu
refusal-import-owner-an-element = أحد العناصر
refusal-import-owner-element = العنصر «{ $code }»
refusal-import-owner-a-connection = إحدى الوصلات
refusal-import-owner-connection = الوصلة من «{ $from }» إلى «{ $to }»
# خطأ في صياغة XML، بحسب نوعه.
refusal-import-malformed-xml = XML غير سليم: { $fault }
refusal-import-xml-unknown-markup = «<!» تبدأ ترميزًا غير معروف
refusal-import-xml-unclosed-processing-instruction = تعليمة معالجة غير مغلقة (لا يوجد «?>»)
refusal-import-xml-unclosed-declaration = إعلان XML غير مغلق (لا يوجد «?>»)
refusal-import-xml-unclosed-comment = تعليق غير مغلق (لا يوجد «-->»)
refusal-import-xml-unclosed-doctype = تصريح نوع المستند غير مغلق (لا يوجد «>»)
refusal-import-xml-unclosed-cdata = مقطع بيانات حرفية غير مغلق (لا يوجد «]]>»)
refusal-import-xml-unclosed-tag = وسم غير مغلق (لا يوجد «>»)
refusal-import-xml-unclosed-attribute-value = قيمة سمة بلا علامة اقتباس ختامية
refusal-import-xml-mismatched-end-tag = وسم إغلاق لا يطابق العنصر الذي يُفترض أن يغلقه
refusal-import-xml-unmatched-end-tag = وسم إغلاق لا يغلق أي عنصر مفتوح
refusal-import-xml-unclosed-reference = «&» تبدأ إشارة لا تغلقها «;» (تُكتب «&» المنفردة هكذا: «&amp;»)
refusal-import-xml-not-well-formed = المستند ليس سليم البنية
refusal-import-xml-attribute-without-equals = اسم سمة لا تليه «=»
refusal-import-xml-attribute-without-value = «=» لا تليها قيمة سمة
refusal-import-xml-unquoted-attribute-value = قيمة سمة غير محاطة بعلامتي اقتباس
refusal-import-xml-attribute-twice = سمة واردة مرتين
refusal-import-xml-broken-reference = إشارة («&…;») غير معروفة أو تالفة
refusal-import-xml-unreadable = تتعذّر قراءة المستند
# بنية مخطط Kumu وخطأ في صياغة JSON، بحسب نوعه. المفاتيح هي كلمات الملف.
refusal-import-malformed-json = JSON غير سليم: { $fault }
refusal-import-json-end-in-list = ينتهي الملف في منتصف قائمة
refusal-import-json-end-in-object = ينتهي الملف في منتصف كائن
refusal-import-json-end-in-string = ينتهي الملف في منتصف سلسلة نصية
refusal-import-json-end-in-value = ينتهي الملف قبل قيمة منتظرة
refusal-import-json-expected-value = كانت قيمة منتظرة
refusal-import-json-expected-comma-or-bracket = كانت «,» أو «]» منتظرة
refusal-import-json-expected-comma-or-brace = كانت «,» أو «{ "}" }» منتظرة
refusal-import-json-expected-colon = كانت «:» منتظرة
refusal-import-json-expected-ident = كانت كلمة محجوزة منتظرة
refusal-import-json-key-not-a-string = يجب أن يكون المفتاح سلسلة نصية
refusal-import-json-trailing-comma = فاصلة زائدة قبل الإغلاق
refusal-import-json-trailing-characters = محارف زائدة بعد نهاية المستند
refusal-import-json-invalid-escape = تسلسل هروب غير صالح
refusal-import-json-invalid-number = رقم غير صالح
refusal-import-json-number-out-of-range = رقم خارج النطاق
refusal-import-json-invalid-code-point = نقطة رمز يونيكود غير صالحة
refusal-import-json-control-character = محرف تحكّم داخل سلسلة نصية
refusal-import-json-too-deep = تجاوز التداخل حدَّه الأقصى
refusal-import-not-an-object = { $owner }: يجب أن يكون كائن JSON
refusal-import-key-twice = { $owner }: المفتاح «{ $key }» وارد مرتين
refusal-import-value-unreadable = تتعذّر قراءة قيمة
refusal-import-not-a-blueprint = يحوي مخطط Kumu «{ $elements }» و«{ $connections }»، وهذا الملف لا يحوي أيًّا منهما
refusal-import-not-a-list = يجب أن يكون «{ $key }» قائمة
refusal-import-key-unreadable = { $owner }: تتعذّر قراءة «{ $key }»
refusal-import-not-text = { $owner }: يجب أن يكون «{ $key }» نصًّا
refusal-import-missing-key = { $owner }: لا يوجد «{ $key }»
refusal-import-tracks-not-listed = { $owner }: يجب أن يسرد «{ $key }» المسارات بأرقامها أو بأسمائها
# تعارض: شيء موجود بالفعل، أو حالة الحساب.
refusal-conflict-actor-code-name = يوجد بالفعل فاعل بالاسم الرمزي { $code }
refusal-conflict-disable-own-account = لا يمكن للمسؤولين تعطيل حساباتهم
refusal-conflict-second-factor-already-on = تسجيل الدخول بخطوتين مفعَّل بالفعل
refusal-conflict-enrolment-not-started = ابدأ التسجيل أولًا
refusal-conflict-account-disabled = الحساب معطَّل
refusal-conflict-qr-code = تعذّر رسم رمز QR
refusal-unique-username = يوجد بالفعل حساب باسم المستخدم هذا
refusal-unique-member = هذا الشخص عضو في المبادرة بالفعل
refusal-unique-key = يوجد بالفعل سجل بالمفتاح نفسه
# نسخة احتياطية أو تصدير لحلقة المفاتيح أو تصدير تتعذّر كتابته أو قراءته.
refusal-archive-cannot-write = تعذّرت الكتابة: { $detail }
refusal-archive-key-source = تعذّر ترميز مصدر المفتاح
refusal-archive-not-ours = هذا ليس ملف نسخة احتياطية ولا ملف حلقة مفاتيح من tracktwo
refusal-archive-does-not-open = لا يُفتح الملف بهذا المفتاح، أو أنه عُدِّل
refusal-archive-damaged = الملف مبتور أو تالف
refusal-archive-more-than-one-document = يحوي الملف أكثر من مستند واحد
refusal-archive-unreadable = تعذّرت قراءة محتوى الملف: { $detail }
refusal-archive-wrong-kind = هذا ملف من نوع { $found }، لا من نوع { $expected }
refusal-archive-newer-format = كُتب هذا الملف بإصدار أحدث من tracktwo
refusal-archive-store-not-empty = المخزن ليس فارغًا؛ مرِّر { $option } لاستبدال محتواه بالنسخة الاحتياطية
refusal-archive-keys-missing = مفاتيح هذه النسخة الاحتياطية ليست في هذا المخزن؛ مرِّر ملف تصدير حلقة المفاتيح مع { $option }
refusal-archive-different-store = تعود هذه النسخة الاحتياطية إلى مخزن آخر؛ استعِدها في مخزن فارغ
refusal-archive-cannot-encode = تعذّر ترميز سجل: { $detail }
refusal-archive-cannot-analyse = تعذّر تحليل المحادثة: { $detail }
refusal-archive-vote-not-stored = تعذّر حفظ الصوت: { $detail }
refusal-archive-vote-lost = لم يُحفظ الصوت
# صادرات Pol.is يتعذّر استيرادها.
refusal-polis-import = صادرات Pol.is: { $reason }
refusal-polis-file = { $file }، السطر { $line }: { $problem }
refusal-polis-comment-twice = { $file }: القيمة { $comment } في العمود { $column } مكرَّرة
refusal-polis-no-such-comment = { $file }، السطر { $line }: القيمة { $comment } في العمود { $column } ليست في { $comments }
refusal-polis-statement-out-of-order = العبارة { $number }: يجب ترقيم العبارات ٠، ١، ٢… بالترتيب
refusal-polis-statement-length = العبارة { $number }: يجب أن يكون لها نص لا يتجاوز { $max ->
    [zero] { $max } حرف
    [one] حرفًا واحدًا
    [two] حرفين
    [few] { $max } أحرف
    [many] { $max } حرفًا
   *[other] { $max } حرف
}
refusal-polis-no-such-statement = تصويت المشارك { $participant }: العبارة { $statement } ليست في الصادرات
refusal-polis-missing-column = لا يوجد العمود «{ $column }» في سطر العناوين
refusal-polis-not-an-integer = قيمة «{ $column }» هي «{ $value }»، وهي ليست عددًا صحيحًا
refusal-polis-not-a-count = قيمة «{ $column }» هي { $value }، وهي ليست عددًا غير سالب
refusal-polis-invalid-vote = قيمة { $column } هي { $value }؛ والتصويت إما 1 (موافق) أو -1 (غير موافق) أو 0 (تجاوز)
refusal-polis-invalid-moderation = قيمة { $column } هي { $value }؛ وهي إما 1 (مقبول) أو 0 (لم يُراجَع بعد) أو -1 (مستبعَد بالإشراف)
refusal-polis-not-a-comment-id = العمود «{ $column }» ليس معرِّف تعليق
refusal-polis-missing-timestamp = «{ $column }» فارغ، مع أن آخر تصويت على كل عبارة يُحدَّد بوقته
refusal-polis-unequal-lengths = في هذا السجل { $fields ->
    [zero] لا حقول
    [one] حقل واحد
    [two] حقلان
    [few] { $fields } حقول
    [many] { $fields } حقلًا
   *[other] { $fields } حقل
} بينما في السجل الأول { $expected }
refusal-polis-not-utf8 = الملف ليس نصًا بترميز UTF-8
refusal-polis-csv = تعذّرت قراءة الملف بصيغة CSV: { $detail }
refusal-polis-io = تعذّرت قراءة الملف: { $detail }
refusal-polis-too-many-statements = فهرس العبارة { $index } أكبر من اللازم (الحد الأقصى { $max })
refusal-polis-too-many-participants = فهرس المشارك { $index } أكبر من اللازم (الحد الأقصى { $max })
refusal-polis-engine = يرفض محرك الأرضية المشتركة هذه الأصوات: { $detail }
