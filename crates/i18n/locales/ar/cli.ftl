# رسائل سطر الأوامر الموجّهة إلى الناس: التأكيدات والملخّصات والملاحظات والأخطاء. أما المخرجات
# الموجّهة إلى البرامج (JSON وCSV والمعرّفات وحدها على السطر والتصديرات) فلا تُصاغ هنا.

## الأخطاء والتحذيرات

cli-error = خطأ: { $message }
cli-warning = تحذير: { $message }
cli-no-runtime = تعذّر تشغيل بيئة التنفيذ غير المتزامنة: { $reason }
cli-cannot-read = تعذّرت قراءة { $path }
cli-cannot-create = تعذّر إنشاء { $path }
cli-cannot-write = تعذّرت الكتابة في { $path }
cli-cannot-open = تعذّر فتح { $path }
cli-cannot-lock = تعذّر قفل { $path }
cli-cannot-create-folder = تعذّر إنشاء المجلد { $path }
cli-cannot-create-data-folder = تعذّر إنشاء مجلد البيانات { $path }
cli-cannot-write-to-folder = تعذّرت الكتابة في المجلد { $path }
cli-cannot-write-file = تعذّرت كتابة الملف
cli-cannot-write-result = تعذّرت كتابة النتيجة
cli-not-a-folder = { $path } ليس مجلدًا
cli-not-an-initiative-id = ‏`{ $text }` ليس معرّف مبادرة صالحًا
cli-not-a-meeting-id = ‏`{ $text }` ليس معرّف اجتماع صالحًا
cli-not-a-conversation-id = ‏`{ $text }` ليس معرّف محادثة صالحًا
cli-not-a-readout-id = ‏`{ $text }` ليس معرّف محضر صالحًا
cli-not-a-copy-id = ‏`{ $text }` ليس معرّف نسخة صالحًا
cli-not-a-text-id = ‏`{ $text }` ليس معرّف نص صالحًا
cli-not-an-id = ‏`{ $text }` ليس معرّفًا صالحًا
cli-not-a-date = ‏`{ $date }` ليس تاريخًا بالصيغة YYYY-MM-DD
cli-not-an-address = ‏`{ $address }` ليس عنوانًا مثل 127.0.0.1:8080
cli-nothing-imported = { $reason }؛ لم يُستورد شيء
cli-nothing-imported-from = { $path }: { $reason }؛ لم يُستورد شيء
cli-old-flags = { $flags ->
    [1] ملاحظة: الخيار ‎--initiative‎ متقادم؛ اكتب `{ $command }`: المبادرة أولًا، كما يأخذها كل أمر
   *[other] ملاحظة: الخياران ‎--initiative‎ و‎--conversation‎ متقادمان؛ اكتب `{ $command }`: المبادرة أولًا ثم المحادثة، كما يأخذهما كل أمر
}

## فتح المخزن وفكّ قفله

cli-cannot-open-postgres = تعذّر فتح مخزن PostgreSQL (تحقّق من ‎--database-url‎ أو TRACKTWO_DATABASE_URL)
cli-cannot-open-store = تعذّر فتح المخزن في { $path }
cli-cannot-read-key-file = تعذّرت قراءة ملف المفتاح { $path }
cli-key-file-short = ملف المفتاح { $path } يحوي من البايتات: { $bytes }؛ ويلزمه 32 بايتًا عشوائيًا على الأقل (مثلًا: head -c 32 /dev/urandom > { $path })
cli-key-and-passphrase = ضُبط ملف مفتاح وعبارة مرور معًا؛ قدّم واحدًا منهما فقط
cli-passphrase-empty = عبارة المرور فارغة
cli-no-key = لم يُقدَّم مفتاح: اضبط TRACKTWO_KEY_FILE (أو ‎--key-file‎) على ملف فيه 32 بايتًا عشوائيًا على الأقل، أو TRACKTWO_PASSPHRASE_FILE (أو ‎--passphrase-file‎)

## الخادم والعرض التجريبي

cli-address-in-use = العنوان { $address } مستخدم من قبل؛ أوقف الخادم الآخر أو اختر عنوانًا آخر بالخيار ‎--listen‎
cli-cannot-listen = تعذّر الاستماع على { $address }: { $reason }
cli-no-listening-address = تعذّرت قراءة عنوان الاستماع
cli-serving = يعمل tracktwo على العنوان { $address }
cli-server-stopped = توقّف الخادم بسبب خطأ
cli-already-served = هناك `tracktwo serve` آخر يخدم المخزن في { $path }؛ لا يخدم مخزن SQLite إلا خادم واحد (تعدّد الخوادم يحتاج PostgreSQL: انظر docs/deployment.md)
cli-demo-key-beside-data = ملف مفتاح العرض التجريبي { $path } موضوع بجانب بياناته؛ لا تفعل ذلك أبدًا مع مخزن حقيقي
cli-demo-not-seeded = تعذّر إنشاء سيناريو العرض التجريبي
cli-demo-created = أُنشئ مخزن العرض التجريبي في { $path }.
cli-demo-accounts = حسابات العرض التجريبي (أشخاص متخيَّلون)، لكلٍّ منها كلمة مرور ورمز API جديدان لهذا التشغيل:
cli-demo-try-api = جرّب: { $command }
cli-demo-vote = صوّت في الاستشارة التجريبية دون حساب: { $link }

## الحسابات والرموز والمخزن

cli-store-initialised = هُيّئ المخزن ({ $backend }).
cli-administrator-created = أُنشئ حساب المسؤول `{ $username }`.
cli-password-shown-once = كلمة المرور (تُعرض الآن فقط): { $password }
cli-keep-the-key = احفظ المفتاح في مكان آمن، واحتفظ بتصدير لحلقة المفاتيح (`tracktwo keyring export FILE`) بعيدًا عن النسخ الاحتياطية.
cli-account-created = أُنشئ الحساب { $username } ({ $id }).
cli-account-disabled = عُطّل الحساب { $username }؛ وانتهت جلساته.
cli-account-enabled = فُعّل الحساب { $username }.
cli-password-set = ضُبطت كلمة مرور { $username }؛ وانتهت جلساته.
cli-account-flag-admin = مسؤول
cli-account-flag-disabled = معطَّل
cli-cannot-read-password-file = تعذّرت قراءة ملف كلمة المرور { $path }
cli-token-created = أُنشئ الرمز { $id } للحساب { $username }، وهو صالح حتى { $until }؛ ولا يُعرض إلا الآن.
cli-token-made = أُنشئ في { $at }
cli-token-expires = ينتهي في { $at }
cli-token-expired = انتهى في { $at }
cli-token-used = استُخدم في { $at }
cli-token-never-used = لم يُستخدم قط
cli-not-a-token = ‏`{ $token }` ليس معرّف رمز؛ يعرضها الأمر `token list`
cli-token-revoked = أُلغي الرمز { $id }.
cli-destroy-needs-yes = إتلاف المبادرة لا رجعة فيه، ولا حتى من النسخ الاحتياطية؛ أضف ‎--yes‎ للتأكيد
cli-initiative-destroyed = أُتلفت المبادرة { $id } ومفتاحها. استبدل أي تصدير لحلقة المفاتيح بتصدير جديد (`tracktwo keyring export`): فالتصديرات الأقدم ما زالت تحوي المفتاح.

## النسخ الاحتياطية والتصدير وسجل التدقيق

cli-backup-written = كُتبت النسخة الاحتياطية في { $path }: الحسابات: { $accounts }، المبادرات: { $initiatives }، السجلات: { $records } (دون المفاتيح).
cli-restored = استُعيد من { $path }: الحسابات: { $accounts }، المبادرات: { $initiatives }، أحداث التدقيق: { $events }.
cli-restored-without-key = مبادرات في النسخة الاحتياطية أُتلفت بعد أخذها: { $initiatives }؛ ذهبت مفاتيحها فلم تُستعد.
cli-keyring-written = كُتبت حلقة المفاتيح (عدد المفاتيح: { $keys }) في { $path }. احفظها بعيدًا عن النسخ الاحتياطية.
cli-export-written = كُتب التصدير المفكوك تشفيره في { $path }: الحسابات: { $accounts }، المبادرات: { $initiatives }، السجلات: { $records }. إنه نص غير مشفّر: احرسه.
cli-no-place-for-anchor = لا مكان للمرساة: قدّم ‎--out FILE‎ أو TRACKTWO_AUDIT_ANCHOR_FILE (مخزن عبارة المرور ليس له ملف مفتاح تُحفظ بجانبه)
cli-anchor-lost = لم تعد سلسلة التدقيق تحوي الحدث المرسى في { $path }: فقد قُطع ذيلها أو أُعيد المخزن إلى حالة سابقة؛ وحُفظت المرساة دليلًا (شغّل `tracktwo audit verify`)
cli-anchored = أُرسي رأس التدقيق رقم { $seq } ({ $mac }) في { $path }. احفظ نسخة منه بعيدًا عن قاعدة البيانات.
cli-cannot-show-anchor = تعذّر عرض المرساة
cli-no-anchor-at = لا توجد مرساة في { $path }
cli-not-an-anchor = { $path } ليس مرساة تدقيق كتبها tracktwo
cli-cannot-read-anchor = تعذّرت قراءة مرساة التدقيق { $path }
cli-cannot-write-anchor = تعذّرت كتابة مرساة التدقيق
cli-audit-intact = سجل التدقيق سليم: الأحداث: { $events }، الرأس رقم { $seq } ({ $mac }).
cli-audit-holds-anchor = وهو يحوي الحدث رقم { $seq } المرسى في { $path }.
cli-audit-tampered = سجل التدقيق معبوث به: المشكلات: { $problems }، من أصل أحداث عددها { $events }.
cli-audit-edited = عُدّل الحدث رقم { $seq }: لم يعد محتواه يطابق رمز التحقق (MAC) الخاص به
cli-audit-inserted = أُدرج الحدث رقم { $seq }: إنه لا ينتمي إلى السلسلة
cli-audit-deleted-before = حُذف حدث أو أكثر قبل الحدث رقم { $seq } مباشرة
cli-audit-swapped = تبادل الحدثان رقم { $first } ورقم { $second } موضعيهما: لم يعودا مرتّبين
cli-audit-tail-removed = تنتهي السلسلة عند الحدث رقم { $last } لكن الرأس يسجّل الرقم { $head }: حُذفت الأحداث الأخيرة
cli-audit-cut-before-anchor = لم تعد السلسلة تحوي الحدث رقم { $anchored } الذي يسجّله المرساة المحفوظة خارج المخزن (الرأس الآن الرقم { $head }): قُطع ذيلها أو أُعيد المخزن إلى حالة سابقة
cli-audit-anchor-not-authentic = المرساة المعطاة لم تُكتب بمفتاح هذا المخزن؛ لم يُتحقق من شيء مقابلها
cli-audit-unauthentic-row = الصف { $row } لا يجتاز رمز التحقق (MAC): كُتب أو غُيّر دون المفتاح، وهو مرفوض

## المستندات

cli-document-format-unknown = تعذّرت معرفة صيغة { $path } من اسمه؛ استخدم ‎.pdf‎ أو ‎.docx‎
cli-document-language-unknown = لغة غير معروفة «{ $language }»؛ تُكتب المستندات بـ en أو ar أو ru أو fr
cli-summary-written = كُتب الملخّص الموجّه إلى { $reader } في { $path } (البايتات: { $bytes }).
cli-report-funder = تقرير الجهة المانحة
cli-report-evaluation = موجز التقييم
cli-report-written = كُتب { $kind } (النتائج: { $outcomes }) في { $path } (البايتات: { $bytes }).
cli-copy-written = كُتبت { $mark } في { $path } (البايتات: { $bytes }).
cli-wrote = كُتب { $path }
cli-indicators-imported = استُوردت مؤشرات من { $path }: { $indicators }

## مسار الحوار

cli-round = الجولة { $number }: { $title }
cli-stage-reached = المرحلة { $stage } من { $of }: { $name }
cli-stage-not-recorded = لم تُسجَّل المرحلة
cli-option = خيار: { $title } — { $status }
cli-not-a-side = ‏`{ $side }` ليس طرفًا في هذه المبادرة
cli-not-a-reader = ‏`{ $reader }` ليس قارئًا: استخدم team أو official أو evaluator أو funder أو observer أو operations أو participant:SIDE

## المحادثات والأرضية المشتركة

cli-conversation-line = { $id }  { $mode } العبارات: { $statements } المصوّتون: { $voters } الأصوات: { $votes }  { $title }
cli-conversation-closed = (مغلقة)
cli-conversation-exported = كُتب في { $path }: العبارات: { $statements }، الأصوات: { $votes }.
cli-translations-set = ضُبطت لغات العبارات من { $path }: { $statements }
cli-conversation-imported = استُورد: العبارات: { $statements }، الأصوات: { $votes }.
cli-no-votes-file = { $path }: لا يوجد فيه votes.csv ولا participants-votes.csv
cli-progress-reading-export = قراءة التصدير
cli-progress-replaying = إعادة تشغيل السجلّ: التحديث { $done } من { $total }
cli-progress-drawing-votes = توليد الأصوات
cli-progress-writing = كتابة { $file }
cli-common-ground-totals = المشاركون: { $participants } (في المجموعات: { $clustered })، العبارات: { $statements }، الأصوات: { $votes } (من { $file })
cli-common-ground-group = المجموعة { $group }: المشاركون: { $participants }؛ العبارات الممثِّلة: { $representative }
cli-direction-agree = موافقة
cli-direction-disagree = معارضة
cli-consensus-agree = إجماع على الموافقة: { $statements }
cli-consensus-disagree = إجماع على المعارضة: { $statements }
cli-common-ground-groups = أرضية مشتركة بين المجموعات: { $statements }
cli-common-ground-sides = أرضية مشتركة بين الأطراف ({ $sides }): { $statements }
cli-timing = { $stage } { $ms } ملّي ثانية
cli-timings = الأزمنة: { $stages }
cli-synthesised = كُتب في { $path }: الأصوات: { $votes }، المشاركون: { $participants }، العبارات: { $statements } (المجموعات المزروعة: { $groups }، البذرة { $seed }).

## خريطة المنظومة

cli-map-written = كُتبت الخريطة في { $path }: الفاعلون: { $actors }، الروابط: { $ties } (دون حقول السجلّ).
cli-map-imported = استُورد: الفاعلون: { $actors }، الروابط: { $ties }.
cli-map-imported-replacing = استُورد: الفاعلون: { $actors }، الروابط: { $ties }، بدلًا من الخريطة السابقة.
cli-map-unplaced = فاعلون لم يُحدَّد موضعهم، يضعهم الميسّر في صفحات الفاعلين على الخريطة: { $actors }
cli-map-unplaced-field = بلا { $field }
cli-map-size = الفاعلون: { $actors }، الروابط: { $ties }.
cli-coverage-cell = المسار { $track } ({ $name })، { $side }، { $level }: { $actors }
cli-no-gaps = لا فجوات.
cli-gap = فجوة: { $gap }
cli-risk-ceiling = سقف المخاطر: { $per_person } للشخص، و{ $group } للمجموعة
cli-unmet = حاجة غير ملبّاة: { $side }: { $need }
cli-invitee = { $number }. { $actor } ({ $side }): { $because }
cli-not-considered = مستبعَد من النظر: { $actor }: { $reason }
cli-map-file-size = { $path }: العُقد: { $nodes }، الحواف: { $edges }.
cli-map-track-scheme = أرقام المسارات فيه تتبع { $scheme } ({ $code }).
cli-map-no-track-scheme = لا يعلن مخطّطًا للمسارات؛ والمسارات المعطاة بأرقامها تحتاج ‎--track-scheme imtd9‎ أو five.
cli-map-node-attributes = سمات العُقد (الفاعلون):
cli-map-edge-attributes = سمات الحواف (الروابط):
cli-map-attribute = { $name } (القيم: { $values }): { $samples }
cli-map-no-attributes = لا شيء
cli-map-fields = حقول tracktwo ‏(‎--field FIELD=ATTRIBUTE‎):
cli-map-not-tracktwo-fields = لم يُكتب { $path } بأسماء حقول tracktwo؛ اربط سماته بالخيارين ‎--field‎ و‎--value‎ (انظر `tracktwo map import --help`)؛ لم يُستورد شيء
cli-not-a-map-format = ‏`{ $format }` ليست صيغة خريطة: استخدم gexf أو graphml أو kumu أو csv
cli-map-format-unknown = تعذّرت معرفة صيغة { $path } من اسمه؛ قدّم ‎--format‎ ‏gexf أو graphml أو kumu أو csv

## نصوص التفاوض

cli-text-format-unknown = تعذّرت معرفة صيغة { $path } من اسمه؛ قدّم ‎--format‎ ‏akn أو docx أو pdf
cli-text-counts = النسخ: { $versions }{ $translations ->
    [0] {""}
   *[other] ، الترجمات: { $translations }
}
cli-text-version = النسخة { $number } ({ $language })، { $date }، البصمة { $hash }
cli-text-status = الحالة: { $status }
cli-clause-out-of-date = متأخّر عن الأصل
cli-text-pending = معلّق: بنود مفتوحة: { $clauses }، اقتراحات: { $suggestions }، تعليقات بانتظار الرد: { $comments }
cli-compare-versions = النسخة { $from } ← النسخة { $to }
cli-compare-before = قبل: { $figures }
cli-compare-after = بعد: { $figures }
cli-compare-counts = أُضيف: { $added }، حُذف: { $removed }، أُعيدت صياغته: { $reworded }، نُقل: { $moved }
cli-clause-moved = نُقل من { $from_part } رقم { $from_position } إلى { $to_part } رقم { $to_position }
cli-akn-one-version = ملف Akoma Ntoso يحوي نسخة واحدة كما هي؛ الخياران ‎--clean‎ و‎--compare-with‎ لصيغتي docx وpdf
cli-version-written = كُتبت النسخة { $number } في { $path } (البايتات: { $bytes }).
cli-text-imported = استُورد بوصفه النسخة { $number } ({ $hash })
cli-text-edited = ملاحظة: كلمات الملف تختلف عن النسخة التي يسمّيها (النسخة { $version }): لقد عُدّل

## المحاضر والتتبّع

cli-readout-carries = يحمل النص { $text }، النسخة { $version }
cli-readout-copy = نسخة
cli-variants = بدائل الصياغة { $state }{ $this }: مواضع متغيّرة: { $sites } في كلمات عددها { $words } ({ $per_hundred } لكل 100 كلمة).
cli-variants-on = مفعّلة
cli-variants-off = معطّلة
cli-variants-this-readout = هذا المحضر
cli-variants-reach = جمل مقتبسة حرفيًا: { $sentences }؛ تدلّ على نسختها من بين { $copies } في { $share }٪ من المواضع
cli-variants-best-case = هذه أفضل الحالات: إعادة الكتابة والتعديلات وإعادة الصياغة تُفقد بعض المواضع (docs/tracing.md).
cli-cannot-read-passage = تعذّرت قراءة المقطع
cli-passage-unreadable = { $path } ليس نصًا (UTF-8) ولا صورة صفحة: قدّم المقطع نصًا، أو صورة PNG أو JPEG أو TIFF، أو ملف PDF ممسوحًا ضوئيًا
cli-ocr-stopped = توقّفت قراءة الصفحة
cli-cannot-read-page = تعذّرت قراءة الصفحة في { $path }
cli-ocr-read = قُرئت الصفحة بالتعرّف الضوئي على الحروف (tesseract): الكلمات: { $words }

# مساعدة سطر الأوامر وأخطاء قراءته (كلمات clap نفسها).
cli-help-usage = الاستخدام:
cli-help-commands = الأوامر
cli-help-arguments = المعاملات
cli-help-options = الخيارات
cli-help-default = {"["}الافتراضي: { $value }]
cli-help-possible = {"["}القيم الممكنة: { $values }]
cli-usage-options = الخيارات
cli-usage-command = الأمر
# The placeholders of the usage line and the options, for the values to be given.
cli-value-addr = العنوان
cli-value-conversation = المحادثة
cli-value-copy = النسخة
cli-value-count = العدد
cli-value-date = التاريخ
cli-value-days = الأيام
cli-value-description = الوصف
cli-value-dir = المجلد
cli-value-field-file-value-value = الحقل:قيمة_الملف=القيمة
cli-value-field-attribute = الحقل=السمة
cli-value-file = الملف
cli-value-format = الصيغة
cli-value-from-to = من..إلى
cli-value-group = المجموعة
cli-value-groups = المجموعات
cli-value-initiative = المبادرة
cli-value-invitees = المدعوون
cli-value-label = التسمية
cli-value-language = اللغة
cli-value-m = M
cli-value-meeting = الاجتماع
cli-value-mode = الوضع
cli-value-n = N
cli-value-name = الاسم
cli-value-out = المخرج
cli-value-passage = المقطع
cli-value-path = المسار
cli-value-per-address = لكل_عنوان
cli-value-per-person = لكل_شخص
cli-value-question = السؤال
cli-value-reader = القارئ
cli-value-readout = الإحاطة
cli-value-scheme = المخطط
cli-value-seed = البذرة
cli-value-segments = الشرائح
cli-value-text = النص
cli-value-title = العنوان
cli-value-token = الرمز
cli-value-url = الرابط
cli-value-username = اسم_المستخدم
cli-value-voter-cap = حد_المصوتين
cli-parse-error = خطأ: { $error }
cli-parse-invalid-value = القيمة «{ $value }» غير صالحة لـ«{ $argument }»
cli-parse-invalid-value-because = القيمة «{ $value }» غير صالحة لـ«{ $argument }»: { $reason }
cli-parse-possible-values = القيم الممكنة: { $values }
cli-parse-unknown-argument = معامل غير متوقع «{ $argument }»
cli-parse-unknown-command = أمر فرعي غير معروف «{ $command }»
cli-parse-missing-argument = لم تُعطَ المعاملات المطلوبة التالية: { $argument }
cli-parse-missing-command = يتطلب «{ $command }» أمرًا فرعيًا ولم يُعطَ أي أمر
cli-parse-conflict = لا يمكن استخدام المعامل «{ $argument }» مع «{ $other }»
cli-parse-wrong-values = أُعطي المعامل «{ $argument }» عددًا خاطئًا من القيم، أو أُعطي أكثر من مرة
cli-parse-invalid-utf8 = أحد المعاملات ليس نصًا صالحًا بترميز UTF-8
cli-parse-failed = تعذّرت قراءة سطر الأوامر
cli-parse-did-you-mean = تلميح: يوجد ما يشبهه: «{ $suggestion }»
cli-parse-more = لمزيد من المعلومات، جرّب «--help».
