# Exported documents (PDF and DOCX): meeting summaries, readout copies, the timeline, a negotiating text's copies.

document-page = الصفحة { $page } من { $pages }

## A meeting summary's facts and sections

document-initiative = المبادرة
document-round = الجولة
document-date = التاريخ
document-rule = القاعدة
document-prepared-for = أُعدّ من أجل
document-venue = المكان
document-stage-reached = المرحلة التي بلغها الحوار
document-attendance = الحضور
document-name = الاسم
document-organisation = المؤسسة
document-side = الطرف
document-capacity = الصفة
document-agenda = جدول الأعمال
document-agenda-done = { $item } (أُنجز)
document-options-raised = الخيارات المطروحة
document-supported-by = (يؤيده { $sides })
document-follow-ups = المتابعات
document-due = (موعده { $date })
document-done = أُنجز
document-not-in-summary = ما لا يتضمنه هذا الملخص
document-not-for-transfer = لا يُنقل
document-summary-running-head = { $mode } — { $reader }
document-summary-subject = ملخص الاجتماع ({ $mode })

## A readout's copy

document-readout-running-head = إحاطة موجهة إلى { $audience } — لا تُنسخ ولا تُرسل إلى غيرهم
document-readout-subject = إحاطة

## The timeline

document-timeline-title = الخط الزمني متعدد المسارات
document-timeline-running-head = الخط الزمني متعدد المسارات — سري
document-timeline-subject = الخط الزمني
document-timeline-span = من { $from } إلى { $to }.
document-timeline-alt = المسار الرسمي واجتماعات كل مبادرة وعمليات النقل والتنسيق، كلٌّ في مسار على محور تاريخ واحد؛ وكل حدث مدرج أدناه.
document-timeline-official = المسار الرسمي
document-timeline-transfers = عمليات النقل
document-timeline-coordination = التنسيق
document-timeline-outcomes = النتائج
document-event = الحدث

## A negotiating text: the bracketed working copy, the clean copy and the comparison copy

document-text-bracketed = النص بأقواسه
document-text-clean = النص النظيف
document-text-comparison = مقارنة
document-text-running-head = { $copy } — الإصدار { $version } — { $mode }
document-text-subject = { $copy }، الإصدار { $version }
document-text-version = الإصدار
document-text-version-value = { $version } ({ $language })
document-text-committed = اعتُمد في
document-text-content-hash = بصمة المحتوى
document-text-status = الحالة
document-text-figures = الأعداد
document-text-status-no-version = لا إصدار بعد
document-text-status-open = مفتوح: بقي في الإصدار { $version } من الأقواس { $brackets } ومن البدائل { $alternatives }
document-text-status-awaiting = مستقر في الإصدار { $version }؛ الأطراف التي وقّعت: { $signed }؛ وبقي للتوقيع: { $missing }
document-text-status-agreed = متفق عليه: وقّع كل طرف على الإصدار { $version } ({ $hash })
document-text-agreed-ad-referendum = (متفق عليه بشرط المصادقة)
document-text-alternatives = بدائل:
document-text-replaces-whole-clause = (يحل محل البند كاملًا)
document-text-replaces-words = (يحل محل «{ $words }»)
document-text-compared = المقارنة
document-text-compared-versions = من الإصدار { $older } إلى الإصدار { $newer }
document-text-before = قبل
document-text-after = بعد
document-text-clauses = البنود
document-text-clause-changes = أُضيف: { $added } · حُذف: { $removed } · أُعيدت صياغته: { $reworded } · نُقل: { $moved }
document-text-legend = الكلمات المضافة { $inserted }، والكلمات المحذوفة { $deleted }.
document-text-legend-inserted = تحتها خط
document-text-legend-deleted = مشطوبة
document-text-moved = (نُقل من { $from } إلى { $to })

## Confidentiality rules

document-mode-on-the-record = علني وبالأسماء
document-mode-non-attribution = دون نسبة الأقوال
document-mode-chatham-house = قاعدة تشاتام هاوس
document-mode-secret-channel = قناة سرية

## Whom a summary is prepared for

document-reader-team = فريق التنظيم
document-reader-participant = مشارك
document-reader-observer = مراقب
document-reader-official = مسؤول في المسار الأول
document-reader-evaluator = مُقيِّم
document-reader-funder = جهة ممولة
document-reader-operations = فريق العمليات

## Whom a readout is released to

document-audience-track-one-official = مسؤولي المسار الأول
document-audience-funder = الجهات الممولة
document-audience-participants = المشاركين
document-audience-public = الجمهور

## Capacities, note tags and option stages

document-capacity-serving-official = مسؤول في منصبه
document-capacity-personal-capacity = مسؤول بصفته الشخصية
document-capacity-former-official = مسؤول سابق
document-capacity-non-official = غير رسمي
document-tag-issue = قضية
document-tag-need = حاجة
document-tag-fear = مخاوف
document-tag-option = خيار
document-tag-agreement = اتفاق
document-tag-disagreement = خلاف
document-status-raised = مطروح
document-status-developed = مُطوَّر
document-status-jointly-endorsed = مؤيَّد من الطرفين
document-status-transferred = نُقل إلى المسار الأول
document-status-adopted-officially = اعتُمد رسميًا

# تقارير مبنية على السجل: تقرير الجهة المموّلة وموجز التقييم.
report-funder-title = تقرير الجهة المموّلة: { $initiative }
report-evaluation-title = موجز التقييم: { $initiative }
report-funder-running-head = تقرير الجهة المموّلة — بلا أسماء للمشاركين؛ تُحجب كل مجموعة تقل عن 5 أشخاص
report-evaluation-running-head = موجز التقييم — بلا أسماء للمشاركين؛ تُحجب كل مجموعة تقل عن 5 أشخاص
report-funder-subject = تقرير الجهة المموّلة
report-evaluation-subject = موجز التقييم
report-period = الفترة
report-period-span = من { $from } إلى { $to }
report-whole-record = السجل كله
report-method = أُعدّ من السجل لـ{ $reader }: لا يذكر اسم أي مشارك ولا ينسب كلامًا إلى أحد. حُجب كل اسم يحمله السجل، وحُجبت كل مجموعة تقل عن 5 أشخاص.
report-outcomes-heading = ما الذي تغيّر
report-outcomes-none = لا نتائج للإبلاغ عنها في هذه الفترة.
report-col-outcomes = النتائج
report-col-criterion = المعيار
report-statements-heading = النتائج واحدة واحدة
report-statement-label = { $number } · { $date } · { $layer }
report-who = من تغيّر: { $who }
report-significance = الأهمية: { $text }
report-contribution = إسهام المبادرة: { $text }
report-theory-none = لا يذكر تصميم العملية أي افتراض.
report-col-assumption = الافتراض
report-col-reading = آخر قراءة
report-col-supporting = نتائج تؤيده
report-col-questioning = نتائج تشكّك فيه
report-not-read = لم يُقرأ في هذه الفترة
report-measures-none = لم يُجَب عن أي استبيان في هذه الفترة.
report-indicators-heading = إطار النتائج
report-indicators-none = لا يحتوي إطار النتائج على أي مؤشر.
report-col-outcome = النتيجة
report-col-indicator = المؤشر
report-col-baseline = خط الأساس
report-col-target = الهدف
report-col-actuals = القيم المحققة
report-process-heading = العملية
report-process-none = لا اجتماعات في هذه الفترة.
report-col-meetings = الاجتماعات
report-col-dates = التواريخ
report-col-options = الخيارات المطروحة
report-transfer-heading = النقل إلى المسار الأول
report-transfer-none = لم يصدر في هذه الفترة أي موجز ولم يُسجَّل نقل ولا اتصال بالمسار الأول.
report-readouts-released = موجزات صدرت إلى { $audience }
report-transfers = عمليات النقل: { $direction }
report-contacts = الاتصالات بالمسار الأول: { $form }
