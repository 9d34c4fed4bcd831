# حصاد النتائج، ومصفوفة RPP، والمستويات، والتأمل في نظرية التغيير.
outcomes-room = التقييم
outcomes-link = النتائج المحصودة
theory-link = نظرية التغيير والتأمل
outcomes-title = النتائج
outcomes-intro = النتيجة تغيّر ملحوظ في سلوك فاعل اجتماعي أو علاقاته أو أفعاله أو سياساته أو ممارساته، أسهمت فيه المبادرة. ويؤكد كلَّ نتيجة شخصٌ مستقل قبل الإبلاغ عنها.
outcomes-cleared-note = لا ترى إلا النتائج المُبلَّغ عنها، من دون أي أسماء.
outcomes-none = لا توجد نتائج لعرضها بعد.
outcomes-harvest-link = حصاد نتيجة
outcomes-back = كل النتائج
outcomes-col-when = متى
outcomes-col-what = ما الذي تغيّر
outcomes-col-layer = المستوى
outcomes-col-cell = خانة RPP
outcomes-col-state = الحالة
outcomes-count = { $count ->
    [zero] لا نتائج
    [one] نتيجة واحدة
    [two] نتيجتان
    [few] { $count } نتائج
    [many] { $count } نتيجة
   *[other] { $count } نتيجة
}
rpp-heading = مصفوفة RPP
rpp-title = النتائج في مصفوفة RPP
rpp-desc = { $count ->
    [one] نتيجة واحدة موضوعة بحسب من تصل إليه (عدد أكبر من الناس أو الأشخاص الرئيسيون) وبحسب نوع التغيير (فردي وشخصي أو اجتماعي وسياسي)؛ وتُظهر الأسهم نتيجة لاحقة للفاعل الاجتماعي نفسه في خانة أخرى.
   *[other] { $count } نتيجة موضوعة بحسب من تصل إليه (عدد أكبر من الناس أو الأشخاص الرئيسيون) وبحسب نوع التغيير (فردي وشخصي أو اجتماعي وسياسي)؛ وتُظهر الأسهم نتيجة لاحقة للفاعل الاجتماعي نفسه في خانة أخرى.
}
rpp-movements = { $count ->
    [zero] لا انتقال بين الخانات
    [one] انتقال واحد بين الخانات
    [two] انتقالان بين الخانات
    [few] { $count } انتقالات بين الخانات
    [many] { $count } انتقالًا بين الخانات
   *[other] { $count } انتقال بين الخانات
}
funnel-heading = من الفرد إلى المجتمع
funnel-title = النتائج على كل مستوى
funnel-desc = قمع من المشارك الفرد إلى المجتمع، مع عدد النتائج على كل مستوى.
reach-more-people = عدد أكبر من الناس
reach-key-people = الأشخاص الرئيسيون
level-individual-personal = فردي / شخصي
level-socio-political = اجتماعي وسياسي
layer-individual = المشارك الفرد
layer-group = مجموعة الحوار
layer-transfer = النقل
layer-policy = المسار الأول والسياسات
layer-society = المجتمع
change-type-behaviour = السلوك
change-type-relationships = العلاقات
change-type-actions = الأفعال
change-type-policies = السياسات
change-type-practices = الممارسات
valence-positive = إيجابي
valence-negative = سلبي
criterion-stops-key-driver = يوقف محركًا رئيسيًا للنزاع أو يضعفه
criterion-own-initiatives = يبادر الناس أكثر فأكثر إلى مبادرات سلام خاصة بهم
criterion-institutions-reformed = تُنشأ مؤسسات أو تُصلح لمعالجة المظالم
criterion-resist-provocation = يقاوم الناس أكثر فأكثر الاستفزاز إلى العنف
criterion-security-improves = يتحسن أمن الناس الفعلي وإحساسهم بالأمان
outcome-state-draft = مسودة
outcome-state-substantiated = مؤكَّدة
outcome-state-reported = مُبلَّغ عنها
outcome-class-on-the-record = علني: يُبلَّغ به المموّلون والمسؤولون والمشاركون، من دون أسماء
outcome-class-non-attribution = من دون نسبة: يُبلَّغ به المموّلون والمسؤولون، من دون أسماء
outcome-class-chatham-house = قاعدة تشاتام هاوس: يُبلَّغ به المموّلون وحدهم، من دون أسماء
outcome-class-secret-channel = قناة سرية: الداعي ومن حصد النتيجة فقط
verdict-agrees = موافق
verdict-partly = موافق جزئيًا
verdict-disagrees = غير موافق
harvest-title = حصاد نتيجة
harvest-what = ما الذي تغيّر
harvest-what-hint = تغيّر ملحوظ في السلوك أو العلاقات أو الأفعال أو السياسات أو الممارسات.
harvest-on = متى حدث التغيير
harvest-place = أين
harvest-who = من الذي تغيّر (الفاعل الاجتماعي)
harvest-actor = الفاعل الاجتماعي على الخريطة
harvest-actor-none = ليس على الخريطة
harvest-organisation = الفاعل الاجتماعي منظمة
harvest-description = من هو، من دون ذكر اسمه
harvest-change-type = نوع التغيير
harvest-intended = مقصود
harvest-unintended = غير مقصود
harvest-valence = إيجابي أم سلبي
harvest-significance = الأهمية
harvest-contribution = كيف أسهمت المبادرة
harvest-links = ما الذي أسهم
harvest-meetings = الاجتماعات
harvest-options = الخيارات
harvest-readouts = التقارير الموجزة
harvest-transfers = عمليات النقل
harvest-coordination = الاتصالات مع المسار الأول
harvest-sources = المصادر (اثنان على الأقل)
harvest-source-name = المصدر { $number }
harvest-source-document = وثيقة، لا شخص
harvest-source-basis = كيف عرف بذلك
harvest-layer = المستوى
harvest-reach = من تصل إليه
harvest-level = نوع التغيير
harvest-criteria = معايير الفعالية في RPP المستوفاة
harvest-class = السرية
harvest-assumptions = افتراضات نظرية التغيير التي تتصل بها
assumption-bears-none = لا تتصل به
assumption-bears-supports = تدعمه
assumption-bears-questions = تشكك فيه
harvest-submit = حفظ كمسودة
outcome-title = نتيجة
outcome-who = الفاعل الاجتماعي
outcome-when-where = متى وأين
outcome-type = نوع التغيير
outcome-sources = المصادر
outcome-sources-count = { $count ->
    [zero] لا مصادر
    [one] مصدر واحد
    [two] مصدران
    [few] { $count } مصادر
    [many] { $count } مصدرًا
   *[other] { $count } مصدر
}
outcome-linked = { $count ->
    [zero] غير مرتبطة بأي سجل من سجلات المبادرة
    [one] مرتبطة بسجل واحد من سجلات المبادرة
    [two] مرتبطة بسجلين من سجلات المبادرة
    [few] مرتبطة بـ { $count } سجلات من سجلات المبادرة
    [many] مرتبطة بـ { $count } سجلًا من سجلات المبادرة
   *[other] مرتبطة بـ { $count } سجل من سجلات المبادرة
}
outcome-agreeing = { $count ->
    [zero] لم يوافق عليها أي شخص مستقل
    [one] وافق عليها شخص مستقل واحد
    [two] وافق عليها شخصان مستقلان
    [few] وافق عليها { $count } أشخاص مستقلين
    [many] وافق عليها { $count } شخصًا مستقلًا
   *[other] وافق عليها { $count } شخص مستقل
}
outcome-criteria = معايير الفعالية
outcome-class = السرية
outcome-substantiations = التأكيد
outcome-no-substantiation = لم يؤكدها أحد بعد.
outcome-harvested = حُصدت في { $date }
substantiate-heading = تأكيد
substantiate-note = أدلِ برأيك أنت: من حصد النتيجة لا يمكنه تأكيدها.
substantiate-name = اسمك كما توقّع
substantiate-verdict = رأيك
substantiate-on = في
substantiate-comment = تعليق
substantiate-submit = تأكيد
workflow-heading = المراحل
workflow-substantiated = وضع علامة «مؤكَّدة»
workflow-reported = إبلاغ
outcome-refused = رُفضت هذه الخطوة: { $reason }
theory-title = نظرية التغيير
theory-if = إذا
theory-then = فإن
theory-because = لأن
theory-none = لا يتضمن تصميم العملية نظرية تغيير بعد.
theory-assumption = الافتراض { $number }
theory-history = الحالة عبر الزمن
theory-no-reading = لم يُنظر فيه بعد.
theory-supporting = نتائج تدعمه
theory-questioning = نتائج تشكك فيه
theory-no-evidence = لا شيء بعد.
theory-measures-hook = ستظهر هنا مقاييس المواقف والثقة حين تُقاس جولة.
reflection-prompt = انتهت { $round } ولا يذكرها أي تأمل بعد.
reflection-prompt-link = التأمل في نظرية التغيير
reflection-heading = إضافة تأمل
reflection-on = في
reflection-round = بعد الجولة
reflection-round-none = لا جولة بعينها
reflection-status = الحالة
reflection-status-unread = لم يُنظر فيه هذه المرة
assumption-status-holding = صامد
assumption-status-in-doubt = موضع شك
assumption-status-failed = لم يصمد
reflection-note = ملاحظة
reflection-general-note = ما تعلّمه الفريق
reflection-submit = حفظ التأمل
reflections-heading = التأملات
# تقارير مبنية على السجل.
reports-title = التقارير
reports-intro = يُبنى التقرير من السجل لجمهوره أيًّا كان من يُعدّه: لا يذكر اسم أي مشارك، ولا ينسب كلامًا إلى أحد، ويحجب كل مجموعة تقل عن 5 أشخاص.
reports-funder-heading = تقرير الجهة المموّلة
reports-funder-about = للجهة المموّلة: النتائج المُبلَّغ عنها التي يحق للجهة المموّلة قراءتها، ومقاييس المواقف والثقة، وإطار النتائج، والعملية والنقل إلى المسار الأول بالأرقام.
reports-evaluation-heading = موجز التقييم
reports-evaluation-about = للمقيّم: كل نتيجة يحق للمقيّم قراءتها، بما فيها المسودات، مع معايير الفعالية وافتراضات نظرية التغيير كما قرأها الفريق.
reports-from = اليوم الأول
reports-to = اليوم الأخير
reports-period-note = اترك اليومين فارغين لتغطية السجل كله.
reports-format = الصيغة
reports-language = اللغة
reports-produce = أعِدّ التقرير
