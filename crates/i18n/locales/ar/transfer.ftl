# النقل إلى المسار الأول: الإحاطات ونسخها، وسجل النقل، وتتبع التسريب، والخط الزمني متعدد المسارات.
transfer-transfer-and-coordination = النقل والتنسيق
transfer-transfer-log = سجل النقل
transfer-when = متى
transfer-what-moved = ما انتقل
transfer-direction = الاتجاه
transfer-channel = القناة
transfer-timing = التوقيت
transfer-evidence = الدليل
transfer-coordination-with-track-one = التنسيق مع المسار الأول
transfer-form = الشكل
transfer-counterpart = النظير
transfer-log-a-transfer = تسجيل نقل
transfer-on = في
transfer-what-happened = ما حدث
transfer-a-version-of-a = إصدار من نص تفاوضي حمله (وتنتقل معه الخيارات المصوغة في بنوده)
transfer-none = لا شيء
transfer-options-it-carried = الخيارات التي حملها
transfer-log-transfer = تسجيل النقل
transfer-log-a-contact-with = تسجيل اتصال مع المسار الأول
transfer-form-fisher = الشكل (فيشر)
transfer-counterpart-an-office-not = النظير (جهة رسمية لا اسم شخص)
transfer-note = ملاحظة
transfer-log-contact = تسجيل الاتصال
transfer-log-an-event-of = تسجيل حدث من المسار الرسمي
transfer-kind = النوع
transfer-title = العنوان
transfer-log-official-event = تسجيل الحدث الرسمي
transfer-initiative = المبادرة
transfer-readouts = الإحاطات
transfer-timeline = الخط الزمني
transfer-a-readout-carries-chosen = تحمل الإحاطة ملاحظات وخيارات وملخصات اجتماعات مختارة إلى جمهور واحد. تُجاز كل إحاطة (مسودة ← مُراجَعة ← صادرة)؛ وبعد صدورها لا تتغير، ويحصل كل متلقٍّ على نسخته الخاصة.
transfer-readout = الإحاطة
transfer-audience = الجمهور
transfer-clearance = الإجازة
transfer-draft-a-readout = صياغة إحاطة
transfer-cover-the-convener-s = المقدمة (تأطير الجهة الداعية؛ يفصل سطر فارغ بين الفقرات)
transfer-meetings = الاجتماعات
transfer-round = الجولة
transfer-options = الخيارات
transfer-a-version-of-a-2 = إصدار من نص تفاوضي لحمله (تُوسَم نسخه مع الباقي)
transfer-a-joint-readout-also = إحاطة مشتركة: يراجعها أيضًا عضو من كل من هذه الأطراف
transfer-let-copies-differ-in = السماح باختلاف النسخ في الصياغة أيضًا (يمكن تتبعها من مقاطع أقصر)
transfer-save-draft = حفظ المسودة
transfer-for = إلى
transfer-carries = تحمل
transfer-text-2 = النص
transfer-as-it-would-be = (كما ستصدر الآن)
transfer-notes-to-carry = الملاحظات المحمولة
transfer-the-version-of-a = إصدار النص التفاوضي الذي تحمله
transfer-not-for-transfer = ليست للنقل
transfer-a-note-the-rules = الملاحظة التي تحجبها القواعد عن هذا الجمهور تبقى خارج النص مهما حُدد. الحفظ يعيد الإحاطة إلى المسودة.
transfer-save = حفظ
transfer-a-joint-readout-one = (إحاطة مشتركة: مراجعة من كل طرف إضافة إلى مراجعة الجهة الداعية)
transfer-mark-reviewed = تعليم كمُراجَعة
transfer-release = إصدار
transfer-distribution-ledger = سجل التوزيع
transfer-copy = النسخة
transfer-recipient = المتلقي
transfer-how = الطريقة
transfer-files = الملفات
transfer-pdf = PDF
transfer-docx = DOCX
transfer-issue-a-copy = إصدار نسخة
transfer-how-it-is-handed = كيف تُسلَّم
transfer-issue-copy = إصدار النسخة
transfer-trace-a-leaked-passage = تتبع مقطع مسرّب
transfer-the-passage-as-it = المقطع كما وُجد (ملصقًا، أو مكتوبًا من لقطة شاشة)
transfer-or-a-photograph-or = أو صورة أو مسح ضوئي لصفحة (PNG أو JPEG أو TIFF أو PDF، بحد أقصى 8 ميبيبايت)، يُقرأ بالتعرف الضوئي على الحروف
transfer-trace = تتبع
transfer-multi-track-timeline = الخط الزمني متعدد المسارات
transfer-from = من
transfer-to = إلى
transfer-show = عرض
transfer-as-pdf = بصيغة PDF
transfer-events = الأحداث
transfer-official-track = المسار الرسمي:
transfer-transfer = نقل:
transfer-coordination = تنسيق:
transfer-back-to-the-readout = العودة إلى الإحاطة
transfer-the-page-could-not = تعذّرت قراءة الصفحة:
transfer-verdict = الحكم:
transfer-how-much-text-names = كم من النص يكشف النسخة
transfer-passage = المقطع
transfer-a-negotiating-text = نص تفاوضي
transfer-counted-among = محسوبًا بين النسخ الصادرة، أو { $copies } قبل صدور أي منها. هذه أفضل حالة: إعادة الكتابة والتحرير وصياغة الصحفي تُضيع بعض المواضع، فالتسريب الحقيقي يحتاج نصًا أطول قليلًا.
transfer-nav = النقل
transfer-ocr-words = قُرئت الصفحة بالتعرف الضوئي (tesseract): { $words } كلمة.
transfer-on-date = في { $date }
transfer-reviews-count = المراجعات: { $count }
transfer-sentences = { $count ->
    [zero] لا جمل
    [one] جملة واحدة
    [two] جملتان متتاليتان
    [few] { $count } جمل متتالية
    [many] { $count } جملة متتالية
   *[other] { $count } جملة متتالية
}
transfer-share-caption = نسبة مقاطع الإحاطة التي تكشف نسختها بين { $copies } نسخة، عند الاقتباس الحرفي
transfer-text-carried = النص: { $text }
transfer-text-version = { $title }، الإصدار { $version }
transfer-traceability-rate = تحمل كل نسخة { $sites } موضعًا متغيرًا في { $words } كلمة ({ $rate } لكل 100 كلمة)؛ ومع { $other }: { $other_sites } ({ $other_rate } لكل 100 كلمة).
transfer-variants-off = بدائل الصياغة معطّلة
transfer-variants-off-this = بدائل الصياغة معطّلة (هذه الإحاطة)
transfer-variants-on = بدائل الصياغة مفعّلة
transfer-variants-on-this = بدائل الصياغة مفعّلة (هذه الإحاطة)
transfer-meeting-choice = الجولة { $number }: { $title } ({ $rule })
transfer-in-person = يدًا بيد
coordination-chart-title = التنسيق مع المسار الأول عبر الزمن
coordination-chart-desc = أعلى أشكال فيشر الأربعة التي بُلغت في الأيام التسعين السابقة لكل أسبوع، من { $from } إلى { $to }.

# الحكم على مقطع مسرّب، وما يستند إليه (يبيّن docs/tracing.md ما يسمح به كل حكم).
trace-from-copy = النسخة { $number }، المسلّمة إلى { $recipient }: المقطع مأخوذ من هذه النسخة (الاحتمال { $percent }٪)
trace-decided-by = حُسم الأمر بـ { $sites } من المواضع المتغيرة التي تختلف فيها النسخ؛ ومن بينها يُظهر المقطع:
trace-quoted = «{ $form }»
trace-or = {" أو "}
trace-site-shown = { $shown } حيث في النسخ الأخرى { $others }
trace-and-more = و{ $count } غيرها
trace-from-readout = من هذا التقرير، والنسخة غير محددة
trace-pieces-match = { $count ->
    [one] جزء واحد من المقطع يطابق التقرير (الفقرة { $paragraphs })؛ والباقي لا يطابق شيئًا فيه.
   *[other] { $count } أجزاء من المقطع تطابق التقرير (الفقرات { $paragraphs })؛ والباقي لا يطابق شيئًا فيه.
}
trace-no-site-covered = لا يشمل أي موضع تختلف فيه النسخ، فلا يمكن تمييز أي نسخة.
trace-unmarked-original = يُظهر صيغ الأصل غير الموسوم (الاحتمال { $percent }٪): فهو مأخوذ من نص فريق التنظيم نفسه أو من مسودة، لا من نسخة مسلّمة.
trace-likely-copy = النسخة { $number }، المسلّمة إلى { $recipient } ({ $percent }٪)
trace-likeliest-separator = {"؛ "}
trace-likeliest = الأرجح بناءً على { $sites } من المواضع المتغيرة: { $copies }.
trace-more-sentences = نحو { $count } جمل أخرى من النص نفسه ستحسم الأمر على الأرجح.
trace-not-matching = لا تطابق: المقطع ليس من هذا التقرير
trace-no-part-matches = لا يطابق أي جزء منه التقرير بما يتجاوز المصادفة (أطول تطابق فيه { $words } كلمات، كما في نص لا صلة له). ولن تطابقه إعادة صياغة قريبة أيضًا.
trace-not-traced = لم يُتتبَّع: { $reason }
trace-no-copies = لا نسخ للمقارنة بها
trace-too-short = في المقطع { $words } كلمات؛ ويلزم { $least } على الأقل
trace-too-long = المقطع أطول من أن يُتتبَّع مقابل هذا التقرير ({ $tokens } من الكلمات والعلامات؛ والحد الأقصى { $most }): تتبّع جزءًا منه
