# ورقة التصويت والصفحات التي يفتحها رابط الدعوة، للمصوّتين بلا حساب.
ballot-closed = أُغلق هذا الحوار. شكرًا لمشاركتك.
ballot-agree = أوافق
ballot-disagree = لا أوافق
ballot-pass = تخطٍّ / لست متأكدًا
ballot-all-answered = أجبت عن كل العبارات. عد لاحقًا: قد يضيف آخرون عبارات جديدة.
ballot-progress = أجبت عن { $answered }، وبقي { $remaining }.
ballot-propose = اقترح عبارة
ballot-propose-label = جملة قصيرة واحدة يمكن للآخرين أن يوافقوا عليها أو يخالفوها
ballot-propose-submit = اقترح
ballot-propose-note = يقرأ المنظمون الاقتراحات قبل أن يراها أحد.
ballot-proposal-thanks = شكرًا: عبارتك تنتظر المراجعة.
voter-wait-title = يرجى الانتظار
voter-wait-heading = يرجى الانتظار قليلًا
voter-wait-text = طلبات كثيرة في وقت قصير. حاول مجددًا بعد { $seconds ->
    [zero] لحظة
    [one] ثانية واحدة
    [two] ثانيتين
    [few] { $seconds } ثوانٍ
    [many] { $seconds } ثانية
   *[other] { $seconds } ثانية
}.
voter-back-to-ballot = العودة إلى ورقة التصويت
voter-cannot-join-title = تعذّر الانضمام
voter-cannot-join-heading = لا يمكن الانضمام عبر هذا الرابط
voter-link-full = قبل هذا الرابط كل المصوّتين الذين أُعدّ لهم. إن كان يُفترض أن تشارك، فاطلب من المنظمين رابطًا خاصًا بك.
voter-address-limit = انضم من اتصالك عدد الأشخاص الذي يسمح به هذا الرابط. إن كان غيرك يشاركك الاتصال (مكان عام أو مكتب)، فاطلب من المنظمين رفع الحد أو رابطًا خاصًا بك.
voter-link-needed-title = الرابط مطلوب
voter-link-needed-heading = افتح رابط الدعوة الخاص بك
voter-link-needed-text = تحتاج ورقة التصويت هذه إلى رابط الدعوة الذي أُرسل إليك. افتحه مجددًا للمتابعة.
welcome-closed = أُغلق هذا الحوار.
welcome-intro = سترى عبارات قصيرة، واحدة تلو الأخرى، وتقول إن كنت توافق أو لا توافق أو تتخطى. ويمكنك أيضًا أن تقترح عبارات من عندك.
welcome-privacy = لا حاجة إلى حساب. لا يُحفظ عنك شيء سوى رقم عشوائي وما تختار قوله أدناه.
welcome-side = الطرف الذي تتحدث باسمه (اختياري)
welcome-segment = الفئة التي تنتمي إليها (اختياري)
welcome-prefer-not = أفضّل عدم الإفصاح
welcome-start = ابدأ
statement-original = كما كُتبت
