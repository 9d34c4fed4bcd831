# خريطة المنظومة: العجلة، والتغطية والوسطاء، والفاعلون والروابط، والسجل، والاختيار، والاستيراد والتصدير.
map-name-seen-by-the = الاسم (لا يراه إلا الفريق الداعي)
map-code-name-what-everyone = الاسم الرمزي (ما يراه الآخرون جميعًا)
map-kind = النوع
map-primary-track = المسار الرئيسي
map-other-tracks = مسارات أخرى
map-level = المستوى
map-side = الطرف
map-third-party = طرف ثالث
map-role = المنصب
map-track-one-decision-maker = صاحب قرار في المسار الأول
map-notes = ملاحظات
map-public-description = الوصف العام
map-all-that-participants-officials = كل ما يعرفه المشاركون والمسؤولون والمقيّمون عن هذا الفاعل إلى جانب اسمه الرمزي: لا يرون الاسم ولا المنصب ولا الملاحظات أبدًا. لا تكتب شيئًا يكشف هوية الشخص.
map-actors = الفاعلون
map-no-actors-on-the = لا فاعلين على الخريطة بعد.
map-to-place = بانتظار التحديد
map-imported-from-a-map = استُورد هؤلاء الفاعلون من خريطة أُعدّت في مكان آخر، وتعذّرت قراءة مواقعهم. إلى أن يُحدَّد موقع كل منهم، يبقى النوع والمسار والمستوى المعروضة مؤقتة، ولا تحتسبه التغطية ولا الاختيار. افتح الفاعل واحفظ نموذجه لتحديد موقعه.
map-actor = الفاعل
map-tracks = المسارات
map-description = الوصف
map-decision-maker = صاحب قرار
map-yes = نعم
map-add-an-actor = إضافة فاعل
map-add-actor = إضافة الفاعل
map-primary = (رئيسي)
map-no-2 = لا
map-registry-entry-consent-capacity = قيد السجل: الموافقة والصفة والخطر
map-ties = الروابط
map-no-ties = لا روابط.
map-tie = الرابط
map-strength = القوة
map-valid = السريان
map-across-the-line = عبر الخط
map-actions = الإجراءات
map-remove = إزالة
map-transfer-paths-to-track = مسارات النقل إلى المسار الأول
map-no-chain-of-ties = لا تصل أي سلسلة روابط إلى صاحب قرار اليوم.
map-add-a-tie = إضافة رابط
map-to = إلى
map-add-tie = إضافة الرابط
map-edit = تعديل
map-save-changes = حفظ التغييرات
map-remove-this-actor-and = إزالة هذا الفاعل وروابطه
map-coverage-and-brokers = التغطية والوسطاء
map-gaps = الثغرات
map-every-side-has-actors = لكل طرف فاعلون على كل مسار وفي كل مستوى.
map-actors-by-track-side = الفاعلون حسب المسار والطرف والمستوى
map-an-actor-on-several = يُحتسب الفاعل الموجود على عدة مسارات في كل منها. T: القيادة العليا، M: القيادة الوسطى، G: القاعدة.
map-number-of-actors-per = عدد الفاعلين حسب المسار (الصفوف) والطرف والمستوى (الأعمدة)
map-track = المسار
map-betweenness-the-share-of = البينية: نسبة أقصر السلاسل بين فاعلين آخرين التي تمر عبر هذا الفاعل.
map-no-actor-stands-between = لا يقف أي فاعل بين آخرين بعد.
map-actors-with-ties-across = فاعلون لهم روابط عبر الخط
map-import-and-export = الاستيراد والتصدير
map-export = التصدير
map-exports-hold-what-you = تحتوي الملفات المصدَّرة ما يحق لك رؤيته من الخريطة: الأسماء للفريق الداعي فقط، والسجل أبدًا. يُفتح GEXF وGraphML في Gephi وNetworkX وigraph: رسوم بيانية موجّهة يُشار فيها إلى الرابط غير الموجّه (directed = false)؛ وتتبع أرقام المسارات المسارات التسعة لمعهد الدبلوماسية متعددة المسارات، كما يصرّح كل ملف.
map-gexf-gephi = GEXF (Gephi)
map-graphml = GraphML
map-kumu-json = Kumu JSON
map-actors-csv = الفاعلون (CSV)
map-ties-csv = الروابط (CSV)
map-import = استيراد
map-all-or-nothing-the = كل شيء أو لا شيء: أول مشكلة، مع رقم سطرها، توقف الاستيراد ولا يُحفظ شيء. تُطابَق الأطراف بأسمائها. يُقرأ ملف GEXF أو GraphML أُعدّ بأداة أخرى عبر مطابقة لسماته تُختار في الصفحة التالية؛ والفاعلون الذين يتعذر تحديد مواقعهم يُستوردون دون موقع لتحددها أنت.
map-format = الصيغة
map-csv-actors-and-ties = CSV (الفاعلون والروابط)
map-gexf = GEXF
map-the-file-s-name = اسم الملف (يُذكر في أي رسالة تخصه)
map-the-file-for-csv = الملف (لصيغة CSV: actors.csv)
map-ties-csv-csv-only = ties.csv (لصيغة CSV فقط)
map-replace-the-current-map = استبدال الخريطة الحالية (تُحذف قيود سجلها أيضًا)
map-imported = تم الاستيراد
map-unplaced-actors = فاعلون دون موقع
map-the-mapping-could-not = تعذّر على المطابقة تحديد مواقع هؤلاء الفاعلين؛ ينتظر كل منهم في قائمة فاعلي الخريطة لتحدد موقعه.
map-see-the-map = عرض الخريطة
map-not-in-the-file = (غير موجود في الملف)
map-map-the-file-s = مطابقة سمات الملف
map-choose-which-attribute-holds = اختر السمة التي تحمل كل حقل من حقول tracktwo. الفاعلون الذين يتعذر قراءة نوعهم أو مسارهم أو مستواهم أو طرفهم يُستوردون دون موقع لتحددها أنت.
map-attribute = السمة
map-of = لـ
map-values = القيم
map-for-example = مثال
map-edges-ties = الحواف (الروابط)
map-nodes-actors = العُقد (الفاعلون)
map-track-numbers-follow = تتبع أرقام المسارات
map-declared-by-the-file = (كما صرّح الملف)
map-tracks-are-given-by = (المسارات مذكورة بأسمائها)
map-values-one-per-line = القيم، واحدة في كل سطر بالشكل FIELD:FILE_VALUE=VALUE (track:Gov=government؛ وقيمة FILE_VALUE الفارغة تعطي قيمة افتراضية: level:=grassroots وtie-kind:=colleague)
map-initiative = المبادرة
map-wheel = العجلة
map-participant-selection = اختيار المشاركين
map-registry = السجل
map-participant-registry = سجل المشاركين
map-consent-capacity-risk-and = الموافقة والصفة والخطر وواجب الرعاية. لا يراها إلا الجهة الداعية والعمليات؛ ولا تدخل أبدًا في تصدير الخريطة.
map-person = الشخص
map-capacity = الصفة
map-contact = التواصل
map-listed = الذكر
map-under-code = تحت رمز
map-photographed = التصوير
map-withdrawn = السحب
map-risk-0-10 = الخطر (0–10)
map-not-yet-in-the = غير مسجل بعد
map-nothing-recorded-yet = لم يُسجل شيء بعد.
map-risk-score = درجة الخطر:
map-of-10-exposure-at = من 10 (الانكشاف في البلد + خطر السفر).
map-may-be-contacted = يمكن التواصل معه:
map-consent = الموافقة
map-obtained-on = تاريخ الحصول عليها
map-how-it-was-obtained = كيف حُصل عليها
map-withdrawn-on = تاريخ السحب
map-risk-assessment = تقييم الخطر
map-exposure-at-home-0 = الانكشاف في البلد (0 لا شيء – 5 خطير)
map-travel-risk-0-5 = خطر السفر (0–5)
map-threats = التهديدات
map-duty-of-care = واجب الرعاية
map-other-names-and-spellings = أسماء وتهجئات أخرى، واحد في كل سطر (وبأبجديات أخرى أيضًا): تُحجب مع الاسم
map-save-registry-entry = حفظ قيد السجل
map-chooses-invitees-from-the = يختار المدعوين من أشخاص كل طرف ممن وافقوا على التواصل: فارق لا يزيد على واحد بين الأطراف، وتغطية المسارات والمستويات أدناه، وأفضل وصول إلى أصحاب القرار في المسار الأول، ضمن سقف الخطر للمبادرة. كل اختيار يذكر سببه.
map-set-by-the-convener = تحدده الجهة الداعية أو العمليات لكل اختيار هنا.
map-change-the-risk-ceiling = تغيير سقف الخطر
map-highest-risk-for-one = أعلى خطر لشخص واحد (0–10)
map-highest-summed-risk-for = أعلى خطر مجمّع للمجموعة
map-set-the-ceiling = تحديد السقف
map-whoever-cannot-be-invited = من لا يمكن دعوته يُذكر على أنه غير متاح: والسبب تعرفه الجهة الداعية والعمليات اللتان تحفظان السجل.
map-invitees = المدعوون
map-map-as-of = الخريطة بتاريخ
map-tracks-each-side-should = المسارات التي ينبغي أن يأتي بها كل طرف
map-levels-each-side-should = المستويات التي ينبغي أن يأتي بها كل طرف
map-select = اختيار
map-no-one-could-be = تعذّر اختيار أي أحد ضمن هذه القيود.
map-needs-no-invitee-meets = احتياجات لا يلبيها أي مدعو
map-not-considered = لم يُنظر فيهم
map-chosen-to-balance = اختير للحفاظ على توازن الطرفين؛ لا يضيف حاجة أو وصولاً لم يتحقق بعد.
map-chosen-brings = اختير لأنه يضيف إلى { $side }: { $needs }.
map-chosen-access = { $count ->
    [one] يقرّب المجموعة من صانع قرار:
   *[other] يقرّب المجموعة من { $count } من صانعي القرار:
}
map-chosen-access-gain = من { $from } إلى { $to }
map-chosen-access-scale = (أضعف صلة في أفضل سلسلة، من 5)
map-need-track = المسار { $number } ({ $name })
map-list-separator = {"، "}
map-direction = الاتجاه
map-as-usual-for-the = كالمعتاد لهذا النوع
map-one-way = باتجاه واحد
map-both-ways = بالاتجاهين
map-strength-1-weak-5 = القوة (1 ضعيف – 5 قوي)
map-valid-from = سارٍ من
map-valid-until-the-day = سارٍ حتى (يوم انتهائه)
map-from = من
map-change-or-end-this = تغيير هذا الرابط أو إنهاؤه
map-save-tie = حفظ الرابط
map-system-map = خريطة المنظومة
map-as-of = بتاريخ
map-compare-with = مقارنة مع
map-all = الكل
map-third-parties = أطراف ثالثة
map-cross-line-ties-only = الروابط عبر الخط فقط
map-show = عرض
map-snapshots = اللقطات
map-no-named-dates-yet = لا تواريخ مسماة بعد.
map-changes-since = التغييرات منذ
map-name-a-date = تسمية تاريخ
map-label = التسمية
map-date = التاريخ
map-note = الملاحظة
map-save-snapshot = حفظ اللقطة
map-formed = نشأت
map-cross-line = عبر الخط
map-ended-2 = انتهت
map-actors-appear-by-code = يظهر الفاعلون بأسمائهم الرمزية. بعض الروابط لا يراها إلا الفريق الداعي.
map-back-to-actor = العودة إلى { $name }
map-brokers-on-date = الوسطاء بتاريخ { $date }
map-changes-since-date = التغييرات منذ { $date }
map-cross-line-ties = { $count ->
    [zero] لا روابط عبر الخط
    [one] رابط واحد عبر الخط
    [two] رابطان عبر الخط
    [few] { $count } روابط عبر الخط
    [many] { $count } رابطًا عبر الخط
   *[other] { $count } رابط عبر الخط
}
map-file-holds = يحتوي { $file } على { $nodes } عقدة و{ $edges } حافة، بسمات مسماة على طريقته.
map-imported-counts = استُورد { $actors } فاعل و{ $ties } رابط.
map-imported-replacing = استُورد { $actors } فاعل و{ $ties } رابط، بدلًا من الخريطة السابقة.
map-missing-fields = ناقص: { $fields }
map-not-yet-placed = لم يُحدَّد موقعه بعد: لم يذكر الملف المستورد { $fields }. تحقق من الحقول أدناه واحفظ النموذج لتحديد موقع الفاعل.
map-registry-entry = قيد السجل
map-registry-of = السجل: { $name }
map-risk-ceiling-values = سقف الخطر: { $person } لشخص واحد (من 10)، و{ $group } للمجموعة.
map-strength-of-5 = { $strength } من 5
map-summary = بتاريخ { $date }: يُعرض { $shown } فاعل من { $actors }، بينهم { $ties } رابط، منها { $across } عبر الخط.
map-ties-count = { $count ->
    [zero] لا روابط
    [one] رابط واحد
    [two] رابطان
    [few] { $count } روابط
    [many] { $count } رابطًا
   *[other] { $count } رابط
}
map-ties-formed-ended = نشأ { $formed } رابط، وانتهى { $ended }.
map-weakest-tie-steps = (أضعف رابط { $strength } من 5، { $steps ->
    [zero] بلا خطوات
    [one] خطوة واحدة
    [two] خطوتان
    [few] { $steps } خطوات
    [many] { $steps } خطوة
   *[other] { $steps } خطوة
})
map-as-of-date = خريطة المنظومة بتاريخ { $date }

# ثغرة في تغطية طرف، ومرشح استبعده الاختيار.
map-gap-track = ليس لدى { $side } أي فاعل في المسار { $number } ({ $name })
map-gap-level-top = ليس لدى { $side } أي فاعل على المستوى القيادي
map-gap-level-middle = ليس لدى { $side } أي فاعل على المستوى الوسطي
map-gap-level-grassroots = ليس لدى { $side } أي فاعل على المستوى القاعدي
map-not-available = غير متاح
