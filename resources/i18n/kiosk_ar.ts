<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
<context>
    <name>Accessibility</name>
    <message>
        <source>Delete the last character</source>
        <translation>حذف آخر حرف</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <source>More</source>
        <translation>المزيد</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>إضافة</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>إزالة</translation>
    </message>
    <message>
        <source>{title} table</source>
        <translation>جدول {title}</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>جدول</translation>
    </message>
</context>
<context>
    <name>AccessibilityPage</name>
    <message>
        <source>Normal</source>
        <translation>عادي</translation>
    </message>
    <message>
        <source>Larger (125%)</source>
        <translation>أكبر (125%)</translation>
    </message>
    <message>
        <source>Largest (150%)</source>
        <translation>الأكبر (150%)</translation>
    </message>
    <message>
        <source>Accessibility</source>
        <translation>إمكانية الوصول</translation>
    </message>
    <message>
        <source>How the kiosk looks and sounds, for everyone who uses it. Changes apply at once.</source>
        <translation>مظهر الكشك وأصواته لكل من يستخدمه. تُطبَّق التغييرات فورًا.</translation>
    </message>
    <message>
        <source>High-contrast colours</source>
        <translation>ألوان عالية التباين</translation>
    </message>
    <message>
        <source>Black and white with strong colours, every control outlined.</source>
        <translation>أبيض وأسود بألوان قوية، وكل عنصر تحكم محاط بإطار.</translation>
    </message>
    <message>
        <source> %</source>
        <translation> ٪</translation>
    </message>
    <message>
        <source>Sound volume</source>
        <translation>مستوى الصوت</translation>
    </message>
    <message>
        <source>0 is silent.</source>
        <translation>0 يعني بلا صوت.</translation>
    </message>
    <message>
        <source>Play the check-in sound</source>
        <translation>تشغيل صوت التسجيل</translation>
    </message>
    <message>
        <source>Play the “not recognised” sound</source>
        <translation>تشغيل صوت «لم يتم التعرّف»</translation>
    </message>
    <message>
        <source>Colours</source>
        <translation>الألوان</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>حجم النص</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>لم يُحفظ: {reason}</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>تم الحفظ.</translation>
    </message>
    <message>
        <source>No sound: this machine has no audio output.</source>
        <translation>لا صوت: لا يوجد مخرج صوت في هذا الجهاز.</translation>
    </message>
    <message>
        <source>No sound: the volume is 0.</source>
        <translation>لا صوت: مستوى الصوت 0.</translation>
    </message>
</context>
<context>
    <name>AddPunchDialog</name>
    <message>
        <source>type the time as hours and minutes, such as 17:30 (got {text})</source>
        <translation>اكتب الوقت بالساعات والدقائق، مثل 17:30 (المُدخل {text})</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>لا شيء</translation>
    </message>
    <message>
        <source>Add missing punch</source>
        <translation>إضافة تسجيل ناقص</translation>
    </message>
    <message>
        <source>Choose a person</source>
        <translation>اختر شخصًا</translation>
    </message>
    <message>
        <source>HH:MM, e.g. 17:30</source>
        <translation>HH:MM، مثل 17:30</translation>
    </message>
    <message>
        <source>Why: e.g. forgot to check out, confirmed by the manager</source>
        <translation>السبب: مثلًا نسي تسجيل الخروج، وأكّد ذلك المدير</translation>
    </message>
    <message>
        <source>The punch is marked as added by HR; the reason goes to the audit trail.</source>
        <translation>يُعلَّم التسجيل بأنه مُضاف من الموارد البشرية؛ ويُدوَّن السبب في سجل التدقيق.</translation>
    </message>
    <message>
        <source>Add punch</source>
        <translation>إضافة التسجيل</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>الشخص</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>الوقت</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>الاتجاه</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>السبب</translation>
    </message>
    <message>
        <source>Add a missing punch</source>
        <translation>إضافة تسجيل ناقص</translation>
    </message>
    <message>
        <source>Not added</source>
        <translation>لم تتم الإضافة</translation>
    </message>
    <message>
        <source>choose the person the punch is for</source>
        <translation>اختر الشخص الذي يخصه التسجيل</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <source>Sign out</source>
        <translation>تسجيل الخروج</translation>
    </message>
    <message>
        <source>Employees</source>
        <translation>الموظفون</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>اليوم</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>الحضور</translation>
    </message>
    <message>
        <source>Monthly sheet</source>
        <translation>الكشف الشهري</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>شهري</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>الإحصاءات</translation>
    </message>
    <message>
        <source>Expert recognition</source>
        <translation>التعرّف المتقدّم</translation>
    </message>
    <message>
        <source>Expert</source>
        <translation>متقدّم</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>سجل التدقيق</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>التدقيق</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>الأمان</translation>
    </message>
    <message>
        <source>Shift settings</source>
        <translation>إعدادات الورديات</translation>
    </message>
    <message>
        <source>Shifts</source>
        <translation>الورديات</translation>
    </message>
    <message>
        <source>Accessibility</source>
        <translation>إمكانية الوصول</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>الوصول</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>مساعدة</translation>
    </message>
    <message>
        <source>Leave kiosk mode</source>
        <translation>الخروج من وضع الكشك</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>خروج</translation>
    </message>
    <message>
        <source>Back to kiosk</source>
        <translation>العودة إلى الكشك</translation>
    </message>
    <message>
        <source>HR</source>
        <translation>الموارد البشرية</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>رجوع</translation>
    </message>
</context>
<context>
    <name>AttendancePage</name>
    <message>
        <source>Date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>الوقت</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>الاتجاه</translation>
    </message>
    <message>
        <source>Worker ID</source>
        <translation>رقم العامل</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>الطريقة</translation>
    </message>
    <message>
        <source>Similarity</source>
        <translation>التشابه</translation>
    </message>
    <message>
        <source>Mask</source>
        <translation>كمامة</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>ملاحظة</translation>
    </message>
    <message>
        <source>VOID ({who}): {reason}</source>
        <translation>ملغى ({who}): {reason}</translation>
    </message>
    <message>
        <source>Added ({who}): {reason}</source>
        <translation>مُضاف ({who}): {reason}</translation>
    </message>
    <message>
        <source>direction chosen at the kiosk</source>
        <translation>الاتجاه مُختار عند الكشك</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>الحضور</translation>
    </message>
    <message>
        <source>Punches recorded at the kiosk, and HR&apos;s corrections</source>
        <translation>التسجيلات المُدوَّنة عند الكشك، وتصحيحات الموارد البشرية</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>تصدير CSV…</translation>
    </message>
    <message>
        <source>Add missing punch…</source>
        <translation>إضافة تسجيل ناقص…</translation>
    </message>
    <message>
        <source>Void punch…</source>
        <translation>إلغاء تسجيل…</translation>
    </message>
    <message>
        <source>Punches</source>
        <translation>التسجيلات</translation>
    </message>
    <message>
        <source>Daily summary</source>
        <translation>ملخص يومي</translation>
    </message>
    <message>
        <source>The end date is before the start date.</source>
        <translation>تاريخ النهاية يسبق تاريخ البداية.</translation>
    </message>
    <message>
        <source>no</source>
        <translation>لا</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>نعم</translation>
    </message>
    <message numerus="yes">
        <source>%Ln punch(es)</source>
        <translation>
            <numerusform>%Ln تسجيل</numerusform>
            <numerusform>تسجيل واحد</numerusform>
            <numerusform>تسجيلان</numerusform>
            <numerusform>%Ln تسجيلات</numerusform>
            <numerusform>%Ln تسجيلًا</numerusform>
            <numerusform>%Ln تسجيل</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (and %Ln voided)</source>
        <translation>
            <numerusform> (و%Ln ملغى)</numerusform>
            <numerusform> (وواحد ملغى)</numerusform>
            <numerusform> (واثنان ملغيان)</numerusform>
            <numerusform> (و%Ln ملغاة)</numerusform>
            <numerusform> (و%Ln ملغى)</numerusform>
            <numerusform> (و%Ln ملغى)</numerusform>
        </translation>
    </message>
    <message>
        <source>{punches} from {start} to {end}</source>
        <translation>{punches} من {start} إلى {end}</translation>
    </message>
    <message>
        <source>First in</source>
        <translation>أول دخول</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>آخر ظهور</translation>
    </message>
    <message>
        <source>Check-ins</source>
        <translation>التسجيلات</translation>
    </message>
    <message numerus="yes">
        <source>%Ln person-day(s) from {start} to {end}</source>
        <translation>
            <numerusform>%Ln يوم عمل من {start} إلى {end}</numerusform>
            <numerusform>يوم عمل واحد من {start} إلى {end}</numerusform>
            <numerusform>يوما عمل من {start} إلى {end}</numerusform>
            <numerusform>%Ln أيام عمل من {start} إلى {end}</numerusform>
            <numerusform>%Ln يوم عمل من {start} إلى {end}</numerusform>
            <numerusform>%Ln يوم عمل من {start} إلى {end}</numerusform>
        </translation>
    </message>
    <message>
        <source>Punch added: {who}, {day}. </source>
        <translation>أُضيف تسجيل: {who}، {day}. </translation>
    </message>
    <message>
        <source>Punch voided: {who}, {day}. </source>
        <translation>أُلغي تسجيل: {who}، {day}. </translation>
    </message>
</context>
<context>
    <name>AttendanceSettingsPage</name>
    <message>
        <source>Automatic: first punch of the day IN, then alternating</source>
        <translation>تلقائي: أول تسجيل في اليوم دخول، ثم بالتناوب</translation>
    </message>
    <message>
        <source>By time of day: IN before a time, OUT after it</source>
        <translation>حسب الوقت: دخول قبل ساعة محددة، وخروج بعدها</translation>
    </message>
    <message>
        <source>The person taps IN / OUT / Break after the punch</source>
        <translation>يلمس الشخص دخول / خروج / استراحة بعد التسجيل</translation>
    </message>
    <message>
        <source>This machine&apos;s zone</source>
        <translation>المنطقة الزمنية لهذا الجهاز</translation>
    </message>
    <message>
        <source>Punches</source>
        <translation>التسجيلات</translation>
    </message>
    <message>
        <source>Check-outs</source>
        <translation>الانصراف</translation>
    </message>
    <message>
        <source>Shifts</source>
        <translation>الورديات</translation>
    </message>
    <message>
        <source>Departments</source>
        <translation>الأقسام</translation>
    </message>
    <message>
        <source>Holidays</source>
        <translation>العطل الرسمية</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>الوردية</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>الساعات</translation>
    </message>
    <message>
        <source>Late / early grace</source>
        <translation>سماح التأخر / الانصراف المبكر</translation>
    </message>
    <message>
        <source>Full / half day</source>
        <translation>يوم كامل / نصف يوم</translation>
    </message>
    <message>
        <source>Hours counted</source>
        <translation>احتساب الساعات</translation>
    </message>
    <message>
        <source>Days off</source>
        <translation>أيام الراحة</translation>
    </message>
    <message>
        <source>Attendance settings</source>
        <translation>إعدادات الحضور</translation>
    </message>
    <message>
        <source>Time zone, punches, shifts and holidays (saved in kiosk.toml)</source>
        <translation>المنطقة الزمنية والتسجيلات والورديات والعطل (تُحفظ في kiosk.toml)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>حفظ</translation>
    </message>
    <message>
        <source> s</source>
        <translation> ث</translation>
    </message>
    <message>
        <source>Close them automatically</source>
        <translation>إغلاقها تلقائيًا</translation>
    </message>
    <message>
        <source> min after the shift ends</source>
        <translation> د بعد نهاية الوردية</translation>
    </message>
    <message>
        <source> h</source>
        <translation> س</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>المنطقة الزمنية</translation>
    </message>
    <message>
        <source>Punch direction</source>
        <translation>اتجاه التسجيل</translation>
    </message>
    <message>
        <source>Check-outs from</source>
        <translation>الانصراف ابتداءً من</translation>
    </message>
    <message>
        <source>Buttons shown for</source>
        <translation>مدة ظهور الأزرار</translation>
    </message>
    <message>
        <source>Duplicate window</source>
        <translation>مهلة منع التكرار</translation>
    </message>
    <message>
        <source>Forgotten check-outs</source>
        <translation>الانصراف المنسي</translation>
    </message>
    <message>
        <source>Closed at</source>
        <translation>يُغلق عند</translation>
    </message>
    <message>
        <source>Flag sessions longer than</source>
        <translation>التنبيه على الحضور الأطول من</translation>
    </message>
    <message>
        <source>Default shift</source>
        <translation>الوردية الافتراضية</translation>
    </message>
    <message>
        <source>Add shift…</source>
        <translation>إضافة وردية…</translation>
    </message>
    <message>
        <source>Edit shift…</source>
        <translation>تعديل الوردية…</translation>
    </message>
    <message>
        <source>Remove shift</source>
        <translation>حذف الوردية</translation>
    </message>
    <message>
        <source>A person works their own shift if one is set (Employees), else their department&apos;s, else the default shift.</source>
        <translation>يعمل الشخص بورديته الخاصة إن حُدِّدت (الموظفون)، وإلا بوردية قسمه، وإلا بالوردية الافتراضية.</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>القسم</translation>
    </message>
    <message>
        <source>Set shift</source>
        <translation>تعيين الوردية</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>حذف</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <source>Name, e.g. New Year&apos;s Day</source>
        <translation>الاسم، مثل رأس السنة</translation>
    </message>
    <message>
        <source>Add holiday</source>
        <translation>إضافة عطلة</translation>
    </message>
    <message>
        <source> (next day)</source>
        <translation> (اليوم التالي)</translation>
    </message>
    <message>
        <source>{late} / {early} min</source>
        <translation>{late} / {early} د</translation>
    </message>
    <message>
        <source>{full} / {half} h</source>
        <translation>{full} / {half} س</translation>
    </message>
    <message>
        <source>in/out pairs</source>
        <translation>أزواج دخول/خروج</translation>
    </message>
    <message>
        <source>first in to last out</source>
        <translation>من أول دخول إلى آخر خروج</translation>
    </message>
    <message>
        <source>none</source>
        <translation>لا يوجد</translation>
    </message>
    <message>
        <source>Shift {name} changed: Save to keep it.</source>
        <translation>عُدِّلت الوردية {name}: اضغط حفظ للإبقاء عليها.</translation>
    </message>
    <message>
        <source>Shift {name} added: Save to keep it.</source>
        <translation>أُضيفت الوردية {name}: اضغط حفظ للإبقاء عليها.</translation>
    </message>
    <message>
        <source>Choose a shift in the list first.</source>
        <translation>اختر وردية من القائمة أولًا.</translation>
    </message>
    <message>
        <source>Shift {name} removed: Save to keep the change.</source>
        <translation>حُذفت الوردية {name}: اضغط حفظ للإبقاء على التغيير.</translation>
    </message>
    <message>
        <source>Type or choose a department and its shift.</source>
        <translation>اكتب قسمًا أو اختره، مع ورديته.</translation>
    </message>
    <message>
        <source>{department} works the {shift} shift: Save to keep it.</source>
        <translation>يعمل {department} بوردية {shift}: اضغط حفظ للإبقاء عليها.</translation>
    </message>
    <message>
        <source>Choose a department in the list first.</source>
        <translation>اختر قسمًا من القائمة أولًا.</translation>
    </message>
    <message>
        <source>{department} works the default shift again: Save to keep it.</source>
        <translation>يعود {department} إلى الوردية الافتراضية: اضغط حفظ للإبقاء على ذلك.</translation>
    </message>
    <message>
        <source>Holiday {day} added: Save to keep it.</source>
        <translation>أُضيفت عطلة {day}: اضغط حفظ للإبقاء عليها.</translation>
    </message>
    <message>
        <source>Choose a holiday in the list first.</source>
        <translation>اختر عطلة من القائمة أولًا.</translation>
    </message>
    <message>
        <source>Holiday {day} removed: Save to keep the change.</source>
        <translation>حُذفت عطلة {day}: اضغط حفظ للإبقاء على التغيير.</translation>
    </message>
    <message>
        <source>Nothing to save: the settings are as they were.</source>
        <translation>لا شيء للحفظ: الإعدادات كما هي.</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>لم يُحفظ: {reason}</translation>
    </message>
    <message>
        <source>Not saved: kiosk.toml could not be written ({reason}).</source>
        <translation>لم يُحفظ: تعذّرت الكتابة في kiosk.toml ({reason}).</translation>
    </message>
    <message>
        <source>✓ Saved to {where}; punches and reports follow the new settings now.</source>
        <translation>✓ حُفظ في {where}؛ تتبع التسجيلات والتقارير الإعدادات الجديدة الآن.</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>Time</source>
        <translation>الوقت</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>الدور</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>من</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>الإجراء</translation>
    </message>
    <message>
        <source>Worker ID</source>
        <translation>رقم العامل</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>التفاصيل</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>سجل التدقيق</translation>
    </message>
    <message>
        <source>Who did what, when and to whom: append-only, tamper-evident</source>
        <translation>من فعل ماذا ومتى ولمن: إضافة فقط، وأي عبث يُكتشف</translation>
    </message>
    <message>
        <source>Check integrity</source>
        <translation>التحقق من السلامة</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>تصدير CSV</translation>
    </message>
    <message>
        <source>The end date is before the start date.</source>
        <translation>تاريخ النهاية يسبق تاريخ البداية.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln action(s) from {start} to {end}</source>
        <translation>
            <numerusform>%Ln إجراء من {start} إلى {end}</numerusform>
            <numerusform>إجراء واحد من {start} إلى {end}</numerusform>
            <numerusform>إجراءان من {start} إلى {end}</numerusform>
            <numerusform>%Ln إجراءات من {start} إلى {end}</numerusform>
            <numerusform>%Ln إجراءً من {start} إلى {end}</numerusform>
            <numerusform>%Ln إجراء من {start} إلى {end}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>✓ The audit trail is intact (%Ln rows).</source>
        <translation>
            <numerusform>✓ سجل التدقيق سليم (%Ln سطر).</numerusform>
            <numerusform>✓ سجل التدقيق سليم (سطر واحد).</numerusform>
            <numerusform>✓ سجل التدقيق سليم (سطران).</numerusform>
            <numerusform>✓ سجل التدقيق سليم (%Ln أسطر).</numerusform>
            <numerusform>✓ سجل التدقيق سليم (%Ln سطرًا).</numerusform>
            <numerusform>✓ سجل التدقيق سليم (%Ln سطر).</numerusform>
        </translation>
    </message>
    <message>
        <source>The audit trail has been tampered with: {problem}. Restore the database from a backup and keep this copy for investigation.</source>
        <translation>تم العبث بسجل التدقيق: {problem}. استعد قاعدة البيانات من نسخة احتياطية واحتفظ بهذه النسخة للتحقيق.</translation>
    </message>
    <message>
        <source>Could not export: {reason}</source>
        <translation>تعذّر التصدير: {reason}</translation>
    </message>
    <message numerus="yes">
        <source>✓ Wrote %Ln rows to {target}</source>
        <translation>
            <numerusform>✓ كُتب %Ln سطر في {target}</numerusform>
            <numerusform>✓ كُتب سطر واحد في {target}</numerusform>
            <numerusform>✓ كُتب سطران في {target}</numerusform>
            <numerusform>✓ كُتبت %Ln أسطر في {target}</numerusform>
            <numerusform>✓ كُتب %Ln سطرًا في {target}</numerusform>
            <numerusform>✓ كُتب %Ln سطر في {target}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <source>Chart</source>
        <translation>رسم بياني</translation>
    </message>
    <message>
        <source>No data yet</source>
        <translation>لا توجد بيانات بعد</translation>
    </message>
    <message>
        <source>No check-ins yet</source>
        <translation>لا تسجيلات بعد</translation>
    </message>
</context>
<context>
    <name>CaptureThread</name>
    <message>
        <source>camera {number}</source>
        <translation>الكاميرا {number}</translation>
    </message>
    <message>
        <source>stream {address}</source>
        <translation>البث {address}</translation>
    </message>
    <message>
        <source>video {name}</source>
        <translation>الفيديو {name}</translation>
    </message>
    <message>
        <source>Connecting to {source}…</source>
        <translation>جارٍ الاتصال بـ{source}…</translation>
    </message>
    <message>
        <source>No picture from {source}. Retrying in {seconds} s (attempt {attempt}).</source>
        <translation>لا صورة من {source}. إعادة المحاولة بعد {seconds} ث (المحاولة {attempt}).</translation>
    </message>
    <message>
        <source>The video {name} has ended.</source>
        <translation>انتهى الفيديو {name}.</translation>
    </message>
    <message>
        <source>Camera stopped.</source>
        <translation>توقفت الكاميرا.</translation>
    </message>
    <message>
        <source>{source} live</source>
        <translation>{source} تعمل</translation>
    </message>
    <message>
        <source>Lost {source}; reconnecting…</source>
        <translation>انقطع {source}؛ جارٍ إعادة الاتصال…</translation>
    </message>
</context>
<context>
    <name>ChallengePrompt</name>
    <message>
        <source>Turn your head to your left</source>
        <translation>أدِر رأسك إلى يسارك</translation>
    </message>
    <message>
        <source>Turn your head to your right</source>
        <translation>أدِر رأسك إلى يمينك</translation>
    </message>
    <message>
        <source>Look up</source>
        <translation>انظر إلى الأعلى</translation>
    </message>
    <message>
        <source>Look down</source>
        <translation>انظر إلى الأسفل</translation>
    </message>
    <message>
        <source>Blink your eyes</source>
        <translation>ارمش بعينيك</translation>
    </message>
    <message>
        <source>Not quite - let&apos;s try again</source>
        <translation>ليس تمامًا - لنحاول مرة أخرى</translation>
    </message>
    <message>
        <source>Please check in with your worker ID</source>
        <translation>يرجى التسجيل برقم العامل</translation>
    </message>
</context>
<context>
    <name>ChallengePromptView</name>
    <message>
        <source>{seconds} s left</source>
        <translation>متبقٍّ {seconds} ث</translation>
    </message>
    <message>
        <source>Step {step} of {steps} · {left}</source>
        <translation>الخطوة {step} من {steps} · {left}</translation>
    </message>
    <message>
        <source>Attempt {attempt} of {attempts} coming up</source>
        <translation>المحاولة {attempt} من {attempts} بعد لحظات</translation>
    </message>
    <message>
        <source>Tap &quot;Check in with my worker ID&quot; below</source>
        <translation>اضغط «التسجيل برقم العامل» في الأسفل</translation>
    </message>
</context>
<context>
    <name>CodeDialog</name>
    <message>
        <source>New recovery code</source>
        <translation>رمز استرداد جديد</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>تم</translation>
    </message>
    <message>
        <source>New recovery code: the earlier one no longer works</source>
        <translation>رمز استرداد جديد: الرمز السابق لم يعد يعمل</translation>
    </message>
</context>
<context>
    <name>CodePage</name>
    <message>
        <source>Your recovery code</source>
        <translation>رمز الاسترداد الخاص بك</translation>
    </message>
    <message>
        <source>It resets the admin PIN if it is ever forgotten, here (&quot;Forgot the admin PIN?&quot;) or with `kiosk reset-admin-pin`. It is shown this once and works once: write it down and keep it away from the kiosk.</source>
        <translation>يعيد تعيين رمز المسؤول إذا نُسي، هنا («هل نسيت رمز المسؤول؟») أو باستخدام `kiosk reset-admin-pin`. يُعرض هذه المرة فقط ويعمل مرة واحدة: دوّنه واحفظه بعيدًا عن الكشك.</translation>
    </message>
    <message>
        <source>Recovery code</source>
        <translation>رمز الاسترداد</translation>
    </message>
    <message>
        <source>I have written the recovery code down</source>
        <translation>لقد دوّنت رمز الاسترداد</translation>
    </message>
</context>
<context>
    <name>DayFlag</name>
    <message>
        <source>late</source>
        <translation>متأخر</translation>
    </message>
    <message>
        <source>early leave</source>
        <translation>انصراف مبكر</translation>
    </message>
    <message>
        <source>missing out</source>
        <translation>خروج ناقص</translation>
    </message>
    <message>
        <source>auto closed</source>
        <translation>أُغلق تلقائيًا</translation>
    </message>
    <message>
        <source>long session</source>
        <translation>حضور طويل</translation>
    </message>
    <message>
        <source>day off</source>
        <translation>يوم راحة</translation>
    </message>
    <message>
        <source>holiday</source>
        <translation>عطلة</translation>
    </message>
    <message>
        <source>worked off day</source>
        <translation>عمل في يوم راحة</translation>
    </message>
    <message>
        <source>half day</source>
        <translation>نصف يوم</translation>
    </message>
    <message>
        <source>absent</source>
        <translation>غائب</translation>
    </message>
    <message>
        <source>duplicates ignored</source>
        <translation>تم تجاهل التكرار</translation>
    </message>
    <message>
        <source>missing in</source>
        <translation>دخول ناقص</translation>
    </message>
</context>
<context>
    <name>DayStatus</name>
    <message>
        <source>Present</source>
        <translation>حاضر</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>متأخر</translation>
    </message>
    <message>
        <source>Half day</source>
        <translation>نصف يوم</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>غائب</translation>
    </message>
    <message>
        <source>Day off</source>
        <translation>يوم راحة</translation>
    </message>
    <message>
        <source>Holiday</source>
        <translation>عطلة</translation>
    </message>
    <message>
        <source>No check-out</source>
        <translation>لا خروج</translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation>سجّل الدخول</translation>
    </message>
    <message>
        <source>Not in yet</source>
        <translation>لم يصل بعد</translation>
    </message>
    <message>
        <source>Late {duration}</source>
        <translation>متأخر {duration}</translation>
    </message>
    <message>
        <source>{duration} late</source>
        <translation>تأخر {duration}</translation>
    </message>
    <message>
        <source>no check-out</source>
        <translation>لا خروج</translation>
    </message>
    <message>
        <source>corrected by HR</source>
        <translation>صحّحته الموارد البشرية</translation>
    </message>
    <message>
        <source>, </source>
        <translation>، </translation>
    </message>
</context>
<context>
    <name>DetailsPage</name>
    <message>
        <source>New employee</source>
        <translation>موظف جديد</translation>
    </message>
    <message>
        <source>Re-enroll employee</source>
        <translation>إعادة تسجيل الموظف</translation>
    </message>
    <message>
        <source>Type the employee&apos;s details. The worker ID: {rule}.</source>
        <translation>اكتب بيانات الموظف. رقم العامل: {rule}.</translation>
    </message>
    <message>
        <source>1-{max} letters, digits, hyphens (-) and underscores (_), starting with a letter or a digit</source>
        <translation>من 1 إلى {max} حرفًا أو رقمًا أو شرطة (-) أو شرطة سفلية (_)، يبدأ بحرف أو رقم</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>الاسم الكامل</translation>
    </message>
    <message>
        <source>e.g. W1024</source>
        <translation>مثل W1024</translation>
    </message>
    <message>
        <source>e.g. +44 7700 900123</source>
        <translation>مثل ‎+966 50 123 4567</translation>
    </message>
    <message>
        <source>optional, 4-6 digits</source>
        <translation>اختياري، من 4 إلى 6 أرقام</translation>
    </message>
    <message>
        <source>The employee agrees that their face is stored to record attendance (signed consent form on file).</source>
        <translation>يوافق الموظف على حفظ صورة وجهه لتسجيل الحضور (نموذج موافقة موقّع محفوظ).</translation>
    </message>
    <message>
        <source>Consent given</source>
        <translation>تمت الموافقة</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <source>Worker ID</source>
        <translation>رقم العامل</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>الجوال</translation>
    </message>
    <message>
        <source>Check-in PIN</source>
        <translation>رمز التسجيل</translation>
    </message>
    <message>
        <source>Please fix: </source>
        <translation>يُرجى تصحيح: </translation>
    </message>
</context>
<context>
    <name>DuplicatePage</name>
    <message>
        <source>Duplicate check</source>
        <translation>فحص التكرار</translation>
    </message>
    <message>
        <source>The photos are compared with everyone already enrolled.</source>
        <translation>تُقارن الصور بجميع المسجلين من قبل.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>جارٍ الفحص…</translation>
    </message>
    <message>
        <source>New photo</source>
        <translation>الصورة الجديدة</translation>
    </message>
    <message>
        <source>It is a different person: enroll anyway</source>
        <translation>إنه شخص آخر: سجّله على أي حال</translation>
    </message>
    <message>
        <source>Checking the gallery…</source>
        <translation>جارٍ فحص المعرض…</translation>
    </message>
    <message>
        <source>The duplicate check failed: {reason}</source>
        <translation>فشل فحص التكرار: {reason}</translation>
    </message>
    <message>
        <source>✓ Nobody already enrolled looks like this person.</source>
        <translation>✓ لا أحد من المسجلين يشبه هذا الشخص.</translation>
    </message>
    <message>
        <source>These photos look like {name} (worker ID {worker_id}), similarity {score}, who is already enrolled.
Cancel if it is the same person (use Re-enroll instead), or confirm below that it is someone else.</source>
        <translation>هذه الصور تشبه {name} (رقم العامل {worker_id})، بتشابه {score}، وهو مسجل من قبل.
ألغِ إن كان الشخص نفسه (واستخدم إعادة التسجيل بدلًا من ذلك)، أو أكّد أدناه أنه شخص آخر.</translation>
    </message>
    <message>
        <source>Enrolled: {name} ({worker_id})</source>
        <translation>مسجّل: {name} ({worker_id})</translation>
    </message>
    <message>
        <source>(no stored photo)</source>
        <translation>(لا صورة محفوظة)</translation>
    </message>
    <message>
        <source>Note: the three photos look less alike than one person usually does (lowest similarity {score}); check they show the same person.</source>
        <translation>ملاحظة: الصور الثلاث أقل تشابهًا مما يكون عادة لشخص واحد (أدنى تشابه {score})؛ تحقّق من أنها للشخص نفسه.</translation>
    </message>
</context>
<context>
    <name>Duration</name>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} س {minutes} د</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} د</translation>
    </message>
</context>
<context>
    <name>EmployeesPage</name>
    <message>
        <source>Employees</source>
        <translation>الموظفون</translation>
    </message>
    <message>
        <source>Everyone who can check in at this kiosk</source>
        <translation>كل من يمكنه التسجيل عند هذا الكشك</translation>
    </message>
    <message>
        <source>Enroll new</source>
        <translation>تسجيل جديد</translation>
    </message>
    <message>
        <source>Search by name or worker ID</source>
        <translation>ابحث بالاسم أو رقم العامل</translation>
    </message>
    <message>
        <source>Worker ID</source>
        <translation>رقم العامل</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>القسم</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>الجوال</translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation>تاريخ التسجيل</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>القوالب</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Re-enroll</source>
        <translation>إعادة التسجيل</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>حذف</translation>
    </message>
    <message>
        <source>Set check-in PIN</source>
        <translation>تعيين رمز التسجيل</translation>
    </message>
    <message>
        <source>Change worker ID</source>
        <translation>تغيير رقم العامل</translation>
    </message>
    <message>
        <source>Edit details</source>
        <translation>تعديل البيانات</translation>
    </message>
    <message>
        <source>Mark as left</source>
        <translation>تعليمه كمغادر</translation>
    </message>
    <message>
        <source>left</source>
        <translation>غادر</translation>
    </message>
    <message>
        <source>active</source>
        <translation>نشط</translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %Ln enrolled matching “{query}”</source>
        <translation>
            <numerusform>{shown} من %Ln مسجل يطابق «{query}»</numerusform>
            <numerusform>{shown} من مسجل واحد يطابق «{query}»</numerusform>
            <numerusform>{shown} من مسجلَين يطابق «{query}»</numerusform>
            <numerusform>{shown} من %Ln مسجلين يطابق «{query}»</numerusform>
            <numerusform>{shown} من %Ln مسجلًا يطابق «{query}»</numerusform>
            <numerusform>{shown} من %Ln مسجل يطابق «{query}»</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %Ln enrolled</source>
        <translation>
            <numerusform>{shown} من %Ln مسجل</numerusform>
            <numerusform>{shown} من مسجل واحد</numerusform>
            <numerusform>{shown} من مسجلَين</numerusform>
            <numerusform>{shown} من %Ln مسجلين</numerusform>
            <numerusform>{shown} من %Ln مسجلًا</numerusform>
            <numerusform>{shown} من %Ln مسجل</numerusform>
        </translation>
    </message>
    <message>
        <source>Nobody is enrolled yet: tap “Enroll new”.</source>
        <translation>لا أحد مسجل بعد: المس «تسجيل جديد».</translation>
    </message>
    <message>
        <source>Re-activate</source>
        <translation>إعادة التفعيل</translation>
    </message>
    <message>
        <source>Mark {name} ({worker_id}) as left?

They are no longer recognised and cannot check in. Their history and photos are kept: “Re-activate” brings them back without new photos.</source>
        <translation>تعليم {name} ({worker_id}) كمغادر؟

لن يُتعرَّف عليه ولن يتمكن من التسجيل. يُحتفظ بسجله وصوره: «إعادة التفعيل» تعيده دون صور جديدة.</translation>
    </message>
    <message>
        <source>Not changed: {reason}</source>
        <translation>لم يتغير: {reason}</translation>
    </message>
    <message>
        <source>{name} ({worker_id}) marked as left.</source>
        <translation>عُلِّم {name} ({worker_id}) كمغادر.</translation>
    </message>
    <message>
        <source>{name} ({worker_id}) re-activated.</source>
        <translation>أُعيد تفعيل {name} ({worker_id}).</translation>
    </message>
    <message>
        <source>Delete employee</source>
        <translation>حذف الموظف</translation>
    </message>
    <message>
        <source>Delete {name} ({worker_id})?

Their face templates are removed and they can no longer check in. Their attendance history is kept.</source>
        <translation>حذف {name} ({worker_id})؟

تُزال قوالب وجهه ولن يتمكن من التسجيل بعد الآن. يُحتفظ بسجل حضوره.</translation>
    </message>
    <message>
        <source>Could not delete {worker_id}: {reason}</source>
        <translation>تعذّر حذف {worker_id}: {reason}</translation>
    </message>
    <message>
        <source>Deleted {name} ({worker_id}).</source>
        <translation>حُذف {name} ({worker_id}).</translation>
    </message>
    <message>
        <source>Check-in PIN of {worker_id} set.</source>
        <translation>عُيِّن رمز التسجيل لـ{worker_id}.</translation>
    </message>
    <message>
        <source>{old} is now {new}: {moved} moved with them.</source>
        <translation>أصبح {old} الآن {new}: نُقل معه {moved}.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln check-in(s)</source>
        <translation>
            <numerusform>%Ln تسجيل حضور</numerusform>
            <numerusform>تسجيل حضور واحد</numerusform>
            <numerusform>تسجيلا حضور</numerusform>
            <numerusform>%Ln تسجيلات حضور</numerusform>
            <numerusform>%Ln تسجيل حضور</numerusform>
            <numerusform>%Ln تسجيل حضور</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln access-log row(s)</source>
        <translation>
            <numerusform>%Ln سطر من سجل الدخول</numerusform>
            <numerusform>سطر واحد من سجل الدخول</numerusform>
            <numerusform>سطران من سجل الدخول</numerusform>
            <numerusform>%Ln أسطر من سجل الدخول</numerusform>
            <numerusform>%Ln سطرًا من سجل الدخول</numerusform>
            <numerusform>%Ln سطر من سجل الدخول</numerusform>
        </translation>
    </message>
    <message>
        <source>the PIN</source>
        <translation>رمز تسجيل الحضور</translation>
    </message>
    <message numerus="yes">
        <source>%Ln PIN check-in photo(s)</source>
        <translation>
            <numerusform>%Ln صورة تسجيل بالرمز</numerusform>
            <numerusform>صورة تسجيل بالرمز واحدة</numerusform>
            <numerusform>صورتا تسجيل بالرمز</numerusform>
            <numerusform>%Ln صور تسجيل بالرمز</numerusform>
            <numerusform>%Ln صورة تسجيل بالرمز</numerusform>
            <numerusform>%Ln صورة تسجيل بالرمز</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the items of a list</comment>
        <translation>، </translation>
    </message>
</context>
<context>
    <name>EngineMessage</name>
    <message>
        <source>This kiosk&apos;s clock is wrong</source>
        <translation>ساعة هذا الكشك غير صحيحة</translation>
    </message>
    <message>
        <source>It is {behind} behind its last punch: punches are paused. Please tell IT to set the clock.</source>
        <translation>إنها متأخرة {behind} عن آخر تسجيل: التسجيلات متوقفة. يُرجى إبلاغ قسم تقنية المعلومات لضبط الساعة.</translation>
    </message>
    <message>
        <source>{name} - already recorded</source>
        <translation>{name} - مُسجَّل من قبل</translation>
    </message>
    <message>
        <source>No need to punch again.</source>
        <translation>لا حاجة للتسجيل مرة أخرى.</translation>
    </message>
    <message>
        <source>{name} - not active</source>
        <translation>{name} - غير نشط</translation>
    </message>
    <message>
        <source>Please see HR.</source>
        <translation>يُرجى مراجعة الموارد البشرية.</translation>
    </message>
    <message>
        <source>{name} - recorded {time}</source>
        <translation>{name} - سُجِّل {time}</translation>
    </message>
    <message>
        <source>Saved; it is added to the records shortly.</source>
        <translation>حُفظ؛ وسيُضاف إلى السجلات قريبًا.</translation>
    </message>
    <message>
        <source>{name} - break started {time}</source>
        <translation>{name} - بدأت الاستراحة {time}</translation>
    </message>
    <message>
        <source>Enjoy your break.</source>
        <translation>استراحة طيبة.</translation>
    </message>
    <message>
        <source>{name} - back from break {time}</source>
        <translation>{name} - عاد من الاستراحة {time}</translation>
    </message>
    <message>
        <source>Welcome back.</source>
        <translation>أهلًا بعودتك.</translation>
    </message>
    <message>
        <source>{name} - checked out {time}</source>
        <translation>{name} - خروج {time}</translation>
    </message>
    <message>
        <source>Goodbye!</source>
        <translation>مع السلامة!</translation>
    </message>
    <message>
        <source>{worked} today. Goodbye!</source>
        <translation>{worked} اليوم. مع السلامة!</translation>
    </message>
    <message numerus="yes">
        <source>{worked} today, %Ln min before the end of the shift. Goodbye!</source>
        <translation>
            <numerusform>{worked} اليوم، قبل %Ln دقيقة من نهاية الوردية. مع السلامة!</numerusform>
            <numerusform>{worked} اليوم، قبل دقيقة واحدة من نهاية الوردية. مع السلامة!</numerusform>
            <numerusform>{worked} اليوم، قبل دقيقتين من نهاية الوردية. مع السلامة!</numerusform>
            <numerusform>{worked} اليوم، قبل %Ln دقائق من نهاية الوردية. مع السلامة!</numerusform>
            <numerusform>{worked} اليوم، قبل %Ln دقيقة من نهاية الوردية. مع السلامة!</numerusform>
            <numerusform>{worked} اليوم، قبل %Ln دقيقة من نهاية الوردية. مع السلامة!</numerusform>
        </translation>
    </message>
    <message>
        <source>{name} - checked in {time}</source>
        <translation>{name} - دخول {time}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln min late today.</source>
        <translation>
            <numerusform>تأخرت %Ln دقيقة اليوم.</numerusform>
            <numerusform>تأخرت دقيقة واحدة اليوم.</numerusform>
            <numerusform>تأخرت دقيقتين اليوم.</numerusform>
            <numerusform>تأخرت %Ln دقائق اليوم.</numerusform>
            <numerusform>تأخرت %Ln دقيقة اليوم.</numerusform>
            <numerusform>تأخرت %Ln دقيقة اليوم.</numerusform>
        </translation>
    </message>
    <message>
        <source>On a day off.</source>
        <translation>في يوم عطلة.</translation>
    </message>
    <message>
        <source>On time.</source>
        <translation>في الموعد.</translation>
    </message>
    <message>
        <source>No face found: stand in front of the camera</source>
        <translation>لم يُعثر على وجه: قف أمام الكاميرا</translation>
    </message>
    <message>
        <source>Only one person in the picture, please</source>
        <translation>شخص واحد فقط في الصورة، من فضلك</translation>
    </message>
    <message>
        <source>Come closer to the camera</source>
        <translation>اقترب من الكاميرا</translation>
    </message>
    <message>
        <source>Centre your face in the picture</source>
        <translation>ضع وجهك في منتصف الصورة</translation>
    </message>
    <message>
        <source>Hold still: the picture is blurry (sharpness {sharpness})</source>
        <translation>اثبت مكانك: الصورة غير واضحة (الحدّة {sharpness})</translation>
    </message>
    <message>
        <source>Good: tap “Take photo”</source>
        <translation>جيد: المس «التقاط صورة»</translation>
    </message>
    <message>
        <source>Site self-check: fewer than 2 people enrolled, nothing to compare.</source>
        <translation>الفحص الذاتي للموقع: أقل من شخصين مسجلين، لا شيء للمقارنة.</translation>
    </message>
    <message>
        <source>Site self-check: {people} people, {photos} photos; {accepted} would be accepted as someone else ({risk}%), {unsure} unsure.</source>
        <translation>الفحص الذاتي للموقع: {people} أشخاص، {photos} صور؛ {accepted} قد تُقبل على أنها لشخص آخر ({risk}%)، {unsure} غير مؤكدة.</translation>
    </message>
    <message>
        <source>Site self-check: {people} people, {photos} photos; {accepted} would be accepted as someone else ({risk}%), {unsure} unsure; closest look-alikes {name} and {other} ({score}).</source>
        <translation>الفحص الذاتي للموقع: {people} أشخاص، {photos} صور؛ {accepted} قد تُقبل على أنها لشخص آخر ({risk}%)، {unsure} غير مؤكدة؛ أكثر المتشابهين {name} و{other} ({score}).</translation>
    </message>
    <message>
        <source>the PIN must be {minimum} to {maximum} digits</source>
        <translation>يجب أن يتكون الرمز من {minimum} إلى {maximum} أرقام</translation>
    </message>
    <message>
        <source>choose a PIN that is not a repeated or consecutive sequence</source>
        <translation>اختر رمزًا ليس تكرارًا لرقم واحد ولا أرقامًا متتالية</translation>
    </message>
    <message>
        <source>the admin PIN must differ from the HR PIN</source>
        <translation>يجب أن يختلف رمز المسؤول عن رمز الموارد البشرية</translation>
    </message>
    <message>
        <source>the HR PIN must differ from the admin PIN</source>
        <translation>يجب أن يختلف رمز الموارد البشرية عن رمز المسؤول</translation>
    </message>
    <message>
        <source>this kiosk has no recovery code: the admin PIN cannot be reset with one</source>
        <translation>لا يوجد رمز استرداد لهذا الجهاز: لا يمكن إعادة تعيين رمز المسؤول به</translation>
    </message>
    <message>
        <source>check-in PIN: {problem}</source>
        <translation>رمز تسجيل الحضور: {problem}</translation>
    </message>
    <message>
        <source>a recovery code is {length} letters and digits in {groups} groups, like 7K3QF-2M9XA-...</source>
        <translation>يتكون رمز الاسترداد من {length} حرفًا ورقمًا في {groups} مجموعات، مثل 7K3QF-2M9XA-...</translation>
    </message>
    <message>
        <source>no employee with worker ID {worker_id}</source>
        <translation>لا يوجد موظف بالرقم الوظيفي {worker_id}</translation>
    </message>
    <message>
        <source>The kiosk&apos;s name is 1-64 letters, digits, dots, hyphens and underscores, starting with a letter or digit (e.g. front-door).</source>
        <translation>اسم الجهاز من 1 إلى 64 من الحروف والأرقام والنقاط والشرطات والشرطات السفلية، يبدأ بحرف أو رقم (مثل front-door).</translation>
    </message>
    <message>
        <source>Give the camera: 0 for the first camera, or a video file or stream address.</source>
        <translation>حدّد الكاميرا: 0 للكاميرا الأولى، أو ملف فيديو أو عنوان بث.</translation>
    </message>
    <message>
        <source>There is no camera {camera}: use a device number (0, 1...), an existing video file, or an rtsp:// or http:// address.</source>
        <translation>لا توجد كاميرا {camera}: استخدم رقم جهاز (0، 1...)، أو ملف فيديو موجودًا، أو عنوان rtsp:// أو http://.</translation>
    </message>
    <message>
        <source>this kiosk is already set up: change the admin PIN on the Security page or with `kiosk set-staff-pin admin`</source>
        <translation>هذا الجهاز مُعدّ بالفعل: غيّر رمز المسؤول من صفحة الأمان أو بالأمر `kiosk set-staff-pin admin`</translation>
    </message>
    <message>
        <source>the worker ID is empty</source>
        <translation>الرقم الوظيفي فارغ</translation>
    </message>
    <message>
        <source>worker ID {worker_id} is invalid: use 1-{maximum} letters, digits, hyphens (-) and underscores (_), starting with a letter or a digit</source>
        <translation>الرقم الوظيفي {worker_id} غير صالح: استخدم من 1 إلى {maximum} من الحروف والأرقام والشرطات (-) والشرطات السفلية (_)، بحيث يبدأ بحرف أو رقم</translation>
    </message>
    <message>
        <source>worker ID {worker_id} is reserved for test data (an ID may not be &apos;img&apos; or start with &apos;img_&apos;)</source>
        <translation>الرقم الوظيفي {worker_id} محجوز لبيانات الاختبار (لا يجوز أن يكون &apos;img&apos; أو أن يبدأ بـ &apos;img_&apos;)</translation>
    </message>
    <message>
        <source>worker ID {worker_id} is already enrolled: use Re-enroll on the Employees screen</source>
        <translation>الرقم الوظيفي {worker_id} مسجَّل بالفعل: استخدم «إعادة التسجيل» في شاشة الموظفين</translation>
    </message>
    <message>
        <source>worker ID {worker_id} is taken: {holder} has it already (worker IDs are the same regardless of case); choose another ID</source>
        <translation>الرقم الوظيفي {worker_id} مأخوذ: {holder} يحمله بالفعل (الأرقام الوظيفية واحدة بغض النظر عن حالة الأحرف)؛ اختر رقمًا آخر</translation>
    </message>
    <message>
        <source>name is required</source>
        <translation>الاسم مطلوب</translation>
    </message>
    <message>
        <source>name is longer than {maximum} characters</source>
        <translation>الاسم أطول من {maximum} حرفًا</translation>
    </message>
    <message>
        <source>name contains control characters</source>
        <translation>الاسم يحتوي على محارف تحكم</translation>
    </message>
    <message>
        <source>the name {name} is reserved for test data (a name needs letters)</source>
        <translation>الاسم {name} محجوز لبيانات الاختبار (يجب أن يحتوي الاسم على حروف)</translation>
    </message>
    <message>
        <source>mobile number {mobile} is invalid: 7-15 digits, optionally starting with +</source>
        <translation>رقم الجوال {mobile} غير صالح: من 7 إلى 15 رقمًا، ويمكن أن يبدأ بـ +</translation>
    </message>
    <message>
        <source>Department is longer than {maximum} characters</source>
        <translation>اسم القسم أطول من {maximum} حرفًا</translation>
    </message>
    <message>
        <source>Department contains control characters</source>
        <translation>اسم القسم يحتوي على محارف تحكم</translation>
    </message>
    <message>
        <source>there is no shift called {shift}: the shifts are {shifts}</source>
        <translation>لا توجد وردية باسم {shift}: الورديات هي {shifts}</translation>
    </message>
    <message>
        <source>there is no shift called {shift}: the shifts are none yet</source>
        <translation>لا توجد وردية باسم {shift}: لم تُحدَّد أي وردية بعد</translation>
    </message>
    <message>
        <source>{worker_id} was deleted: enrol them again to change their details</source>
        <translation>تم حذف {worker_id}: سجّل هذا الشخص من جديد لتغيير بياناته</translation>
    </message>
    <message>
        <source>{worker_id} is already marked as left (since {since})</source>
        <translation>{worker_id} مسجَّل بالفعل كمغادر (منذ {since})</translation>
    </message>
    <message>
        <source>{worker_id} is not marked as left: nothing to re-activate</source>
        <translation>{worker_id} غير مسجَّل كمغادر: لا شيء لإعادة تفعيله</translation>
    </message>
    <message>
        <source>a correction needs a reason (it is kept in the audit trail)</source>
        <translation>يتطلب التصحيح سببًا (يُحفظ في سجل التدقيق)</translation>
    </message>
    <message>
        <source>the reason is too long: keep it under 500 characters</source>
        <translation>السبب طويل جدًا: اجعله أقل من 500 حرف</translation>
    </message>
    <message>
        <source>{time} does not exist on {day} in {zone} (the clocks went forward): pick a time before or after the change</source>
        <translation>الساعة {time} غير موجودة يوم {day} في المنطقة {zone} (تقديم الساعة): اختر وقتًا قبل التغيير أو بعده</translation>
    </message>
    <message>
        <source>no employee with ID {worker_id}: check the ID</source>
        <translation>لا يوجد موظف بالرقم {worker_id}: تحقق من الرقم</translation>
    </message>
    <message>
        <source>{name} ({worker_id}) left on {left}: no punches after that; re-activate them first if they are back</source>
        <translation>غادر {name} ({worker_id}) في {left}: لا تسجيلات بعد ذلك؛ أعد تفعيله أولًا إن كان قد عاد</translation>
    </message>
    <message>
        <source>{moment} is in the future: a correction records what happened</source>
        <translation>{moment} في المستقبل: التصحيح يسجّل ما حدث فعلًا</translation>
    </message>
    <message>
        <source>{name} already has a punch at {moment} ({direction}), within {minutes} min of {time}: void it first or pick another time</source>
        <translation>لدى {name} تسجيل بالفعل في {moment} ({direction})، في حدود {minutes} دقيقة من {time}: ألغِه أولًا أو اختر وقتًا آخر</translation>
    </message>
    <message>
        <source>punch {punch} was already voided on {day} by {by}</source>
        <translation>التسجيل {punch} أُلغي بالفعل في {day} بواسطة {by}</translation>
    </message>
    <message>
        <source>punch {punch} cannot be changed from the entrance</source>
        <translation>لا يمكن تغيير التسجيل {punch} من المدخل</translation>
    </message>
    <message>
        <source>too late to change this punch ({seconds} s have passed): ask HR</source>
        <translation>فات أوان تغيير هذا التسجيل (مرّت {seconds} ثانية): راجع الموارد البشرية</translation>
    </message>
    <message>
        <source>no punch with number {punch}</source>
        <translation>لا يوجد تسجيل بالرقم {punch}</translation>
    </message>
    <message>
        <source>{label} is {size} MB; the limit is 10 MB</source>
        <translation>حجم {label} هو {size} م.ب؛ والحد الأقصى 10 م.ب</translation>
    </message>
    <message>
        <source>{label} is empty</source>
        <translation>{label} فارغ</translation>
    </message>
    <message>
        <source>{label} is not an image this kiosk can read (corrupt or unsupported format)</source>
        <translation>{label} ليس صورة يستطيع هذا الجهاز قراءتها (ملف تالف أو صيغة غير مدعومة)</translation>
    </message>
    <message>
        <source>{label} claims far more pixels than the {limit} MP limit</source>
        <translation>{label} يدّعي عدد بكسلات أكبر بكثير من الحد البالغ {limit} ميغابكسل</translation>
    </message>
    <message>
        <source>{label} is {width}x{height} pixels ({megapixels} MP); the limit is {limit} MP: scale it down first</source>
        <translation>أبعاد {label} هي {width}x{height} بكسل ({megapixels} ميغابكسل)؛ والحد {limit} ميغابكسل: صغّرها أولًا</translation>
    </message>
    <message>
        <source>{label} is {width}x{height} pixels; at least {minimum}x{minimum} is needed</source>
        <translation>أبعاد {label} هي {width}x{height} بكسل؛ والمطلوب {minimum}x{minimum} على الأقل</translation>
    </message>
    <message>
        <source>{path}: a symbolic link loop (the link points back to itself), not a file</source>
        <translation>{path}: حلقة روابط رمزية (الرابط يشير إلى نفسه)، وليس ملفًا</translation>
    </message>
    <message>
        <source>{path}: a symbolic link to {target}, which does not exist</source>
        <translation>{path}: رابط رمزي إلى {target}، وهو غير موجود</translation>
    </message>
    <message>
        <source>{path}: no such file</source>
        <translation>{path}: الملف غير موجود</translation>
    </message>
    <message>
        <source>{path}: permission denied</source>
        <translation>{path}: الإذن مرفوض</translation>
    </message>
    <message>
        <source>{path}: cannot be read ({reason})</source>
        <translation>{path}: تتعذر القراءة ({reason})</translation>
    </message>
    <message>
        <source>{path} is a folder, not an image</source>
        <translation>{path} مجلد وليس صورة</translation>
    </message>
    <message>
        <source>the disk holding the attendance database {path} is full ({reason}): free some space; check-ins are kept in the outbox meanwhile and written once it can</source>
        <translation>القرص الذي يحمل قاعدة بيانات الحضور {path} ممتلئ ({reason}): أفرغ بعض المساحة؛ تُحفظ التسجيلات في قائمة الانتظار وتُكتب حالما يمكن</translation>
    </message>
    <message>
        <source>the attendance database {path} is busy: another program holds it ({reason}); try again in a moment</source>
        <translation>قاعدة بيانات الحضور {path} مشغولة: برنامج آخر يستخدمها ({reason})؛ حاول مجددًا بعد قليل</translation>
    </message>
    <message>
        <source>the attendance database {path} cannot be used ({reason}): restore it from a backup, or run `kiosk doctor` to check the data folder</source>
        <translation>لا يمكن استخدام قاعدة بيانات الحضور {path} ({reason}): استعِدها من نسخة احتياطية، أو شغّل `kiosk doctor` لفحص مجلد البيانات</translation>
    </message>
    <message>
        <source>the attendance database {path} cannot be used (a folder is in its place, not a database file): restore it from a backup, or run `kiosk doctor` to check the data folder</source>
        <translation>لا يمكن استخدام قاعدة بيانات الحضور {path} (يوجد مجلد مكانها وليس ملف قاعدة بيانات): استعِدها من نسخة احتياطية، أو شغّل `kiosk doctor` لفحص مجلد البيانات</translation>
    </message>
    <message>
        <source>cannot write the {kind} export: {reason}</source>
        <translation>تتعذر كتابة ملف التصدير {kind}: {reason}</translation>
    </message>
    <message>
        <source>{setting} must be a TOML table, got {value}</source>
        <translation>يجب أن يكون {setting} جدول TOML، لا {value}</translation>
    </message>
    <message>
        <source>{setting} must be a TOML list, got {value}</source>
        <translation>يجب أن يكون {setting} قائمة TOML، لا {value}</translation>
    </message>
    <message>
        <source>{setting} must be on or off (true/false), got {value}</source>
        <translation>يجب أن يكون {setting} مفعّلًا أو معطّلًا (true/false)، لا {value}</translation>
    </message>
    <message>
        <source>liveness_challenge_seconds must be 0.5 to 30 seconds, got {value}</source>
        <translation>يجب أن تكون liveness_challenge_seconds من 0.5 إلى 30 ثانية، لا {value}</translation>
    </message>
    <message>
        <source>liveness_spot_check is the share of clearly live attempts challenged anyway, from 0 to 1 (0.2 = one in five), got {value}</source>
        <translation>liveness_spot_check هي نسبة المحاولات الحيّة بوضوح التي يُطلب منها تحدٍّ مع ذلك، من 0 إلى 1 (0.2 = واحدة من خمس)، لا {value}</translation>
    </message>
    <message>
        <source>liveness_challenge must be one of {choices}, got {value}</source>
        <translation>يجب أن تكون liveness_challenge إحدى القيم {choices}، لا {value}</translation>
    </message>
    <message>
        <source>language must be one of {choices}, got {value}</source>
        <translation>يجب أن تكون language إحدى القيم {choices}، لا {value}</translation>
    </message>
    <message>
        <source>{setting} is not a display setting: use one of {choices}</source>
        <translation>{setting} ليس من إعدادات العرض: استخدم أحد هذه: {choices}</translation>
    </message>
    <message>
        <source>not an attendance setting: {setting}</source>
        <translation>ليس من إعدادات الحضور: {setting}</translation>
    </message>
    <message>
        <source>The text size must be between {minimum}% and {maximum}% of normal, not {scale}%.</source>
        <translation>يجب أن يكون حجم النص بين {minimum}% و{maximum}% من الحجم العادي، لا {scale}%.</translation>
    </message>
    <message>
        <source>The volume must be between {minimum} and {maximum}, not {volume}.</source>
        <translation>يجب أن يكون مستوى الصوت بين {minimum} و{maximum}، لا {volume}.</translation>
    </message>
    <message>
        <source>cooldown_seconds must be 0 or more, got {value}</source>
        <translation>يجب أن تكون cooldown_seconds صفرًا أو أكثر، لا {value}</translation>
    </message>
    <message>
        <source>auto_close_after_minutes must be between 0 and 1440</source>
        <translation>يجب أن تكون auto_close_after_minutes بين 0 و1440</translation>
    </message>
    <message>
        <source>shift {shift}: end {end} is before start {start}; set overnight = true for a night shift</source>
        <translation>الوردية {shift}: النهاية {end} قبل البداية {start}؛ اضبط overnight = true لوردية ليلية</translation>
    </message>
    <message>
        <source>shift {shift}: overnight = true but end {end} is after start {start} on the same day; a night shift ends the next morning</source>
        <translation>الوردية {shift}: overnight = true لكن النهاية {end} بعد البداية {start} في اليوم نفسه؛ الوردية الليلية تنتهي صباح اليوم التالي</translation>
    </message>
    <message>
        <source>shift {shift}: full_day_hours must be more than 0, got {hours}</source>
        <translation>الوردية {shift}: يجب أن تكون full_day_hours أكثر من 0، لا {hours}</translation>
    </message>
    <message>
        <source>shift {shift}: half_day_hours {half} is more than full_day_hours {full}</source>
        <translation>الوردية {shift}: half_day_hours {half} أكثر من full_day_hours {full}</translation>
    </message>
    <message>
        <source>shift {shift}: earliest_in_minutes + the shift + latest_out_minutes make {hours} h, so one day&apos;s punches would reach into the next day&apos;s; keep them within 24 h</source>
        <translation>الوردية {shift}: earliest_in_minutes + الوردية + latest_out_minutes تساوي {hours} ساعة، فتمتد تسجيلات يوم إلى اليوم التالي؛ اجعلها ضمن 24 ساعة</translation>
    </message>
    <message>
        <source>default_shift {shift} is not one of the shifts: {shifts}</source>
        <translation>default_shift {shift} ليست من الورديات: {shifts}</translation>
    </message>
    <message>
        <source>department_shifts: department {department} has shift {shift}, which is not one of the shifts: {shifts}</source>
        <translation>department_shifts: القسم {department} له الوردية {shift}، وهي ليست من الورديات: {shifts}</translation>
    </message>
    <message>
        <source>holiday {day} is listed twice</source>
        <translation>العطلة {day} مذكورة مرتين</translation>
    </message>
    <message>
        <source>unknown time zone {zone}: use an IANA name such as Europe/Paris, America/New_York or Asia/Kolkata</source>
        <translation>منطقة زمنية غير معروفة {zone}: استخدم اسم IANA مثل Europe/Paris أو America/New_York أو Asia/Kolkata</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>متصل</translation>
    </message>
    <message>
        <source>Online - sending {waiting}</source>
        <translation>متصل - جارٍ إرسال {waiting}</translation>
    </message>
    <message>
        <source>Offline - check-ins are kept and sent when the server is back</source>
        <translation>غير متصل - تُحفظ تسجيلات الحضور وتُرسل عند عودة الخادم</translation>
    </message>
    <message>
        <source>Offline - check-ins are kept and sent when the server is back ({waiting})</source>
        <translation>غير متصل - تُحفظ تسجيلات الحضور وتُرسل عند عودة الخادم ({waiting})</translation>
    </message>
    <message>
        <source>Database busy - {waiting}, saved as soon as it is free</source>
        <translation>قاعدة البيانات مشغولة - {waiting}، تُحفظ فور تفرّغها</translation>
    </message>
    <message numerus="yes">
        <source>%Ln record(s) waiting</source>
        <translation>
            <numerusform>%Ln سجل في الانتظار</numerusform>
            <numerusform>سجل واحد في الانتظار</numerusform>
            <numerusform>سجلان في الانتظار</numerusform>
            <numerusform>%Ln سجلات في الانتظار</numerusform>
            <numerusform>%Ln سجلًا في الانتظار</numerusform>
            <numerusform>%Ln سجل في الانتظار</numerusform>
        </translation>
    </message>
    <message>
        <source>too blurry (face sharpness {sharpness}, at least {minimum} needed): hold the camera still and focus on the face</source>
        <translation>غير واضحة جدًا (حدّة الوجه {sharpness}، والمطلوب {minimum} على الأقل): ثبّت الكاميرا وركّز على الوجه</translation>
    </message>
    <message>
        <source>face too small ({width} px wide, at least {minimum} needed): come closer or use a larger photo</source>
        <translation>الوجه صغير جدًا (عرضه {width} بكسل، والمطلوب {minimum} على الأقل): اقترب أو استخدم صورة أكبر</translation>
    </message>
    <message>
        <source>face turned to the side ({degrees} degrees, at most {maximum}): look straight at the camera</source>
        <translation>الوجه ملتفت جانبًا ({degrees} درجة، والحد الأقصى {maximum}): انظر مباشرة إلى الكاميرا</translation>
    </message>
    <message>
        <source>head tilted up ({degrees} degrees, at most {maximum}): look straight at the camera</source>
        <translation>الرأس مائل إلى الأعلى ({degrees} درجة، والحد الأقصى {maximum}): انظر مباشرة إلى الكاميرا</translation>
    </message>
    <message>
        <source>head tilted down ({degrees} degrees, at most {maximum}): look straight at the camera</source>
        <translation>الرأس مائل إلى الأسفل ({degrees} درجة، والحد الأقصى {maximum}): انظر مباشرة إلى الكاميرا</translation>
    </message>
    <message>
        <source>a mask is worn (mask probability {probability}): remove the mask for these photos</source>
        <translation>توجد كمامة (احتمال الكمامة {probability}): انزع الكمامة لهذه الصور</translation>
    </message>
    <message>
        <source>eyes closed or covered (eye opening {opening}, at least {minimum}): open your eyes and take off dark glasses</source>
        <translation>العينان مغمضتان أو مغطاتان (انفتاح العين {opening}، والمطلوب {minimum} على الأقل): افتح عينيك وانزع النظارات الداكنة</translation>
    </message>
    <message>
        <source>no face found: the whole face must be in the photo, facing the camera</source>
        <translation>لم يُعثر على وجه: يجب أن يظهر الوجه كاملًا في الصورة، مواجهًا للكاميرا</translation>
    </message>
    <message>
        <source>{count} faces found: only the person being enrolled may be in the photo</source>
        <translation>عُثر على {count} وجوه: يجب ألا يظهر في الصورة إلا الشخص الذي يُسجَّل</translation>
    </message>
    <message>
        <source>face too dark (mean {mean})</source>
        <translation>الوجه مظلم جدًا (المتوسط {mean})</translation>
    </message>
    <message>
        <source>face too bright (mean {mean})</source>
        <translation>الوجه ساطع جدًا (المتوسط {mean})</translation>
    </message>
    <message>
        <source>photo {number}: aligned</source>
        <translation>الصورة {number}: تمت المحاذاة</translation>
    </message>
    <message>
        <source>photo {number}: {mask} mask</source>
        <translation>الصورة {number}: كمامة {mask}</translation>
    </message>
    <message numerus="yes">
        <source>embedded %Ln faces</source>
        <translation>
            <numerusform>حُسب %Ln وجه</numerusform>
            <numerusform>حُسب وجه واحد</numerusform>
            <numerusform>حُسب وجهان</numerusform>
            <numerusform>حُسبت %Ln وجوه</numerusform>
            <numerusform>حُسب %Ln وجهًا</numerusform>
            <numerusform>حُسب %Ln وجه</numerusform>
        </translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>غير معروف</translation>
    </message>
    <message>
        <source>Please look at the camera</source>
        <translation>يُرجى النظر إلى الكاميرا</translation>
    </message>
    <message>
        <source>Please step closer and look at the camera</source>
        <translation>يُرجى الاقتراب والنظر إلى الكاميرا</translation>
    </message>
    <message numerus="yes">
        <source>Wrong PIN. %Ln tries left.</source>
        <translation>
            <numerusform>رمز غير صحيح. بقيت %Ln محاولة.</numerusform>
            <numerusform>رمز غير صحيح. بقيت محاولة واحدة.</numerusform>
            <numerusform>رمز غير صحيح. بقيت محاولتان.</numerusform>
            <numerusform>رمز غير صحيح. بقيت %Ln محاولات.</numerusform>
            <numerusform>رمز غير صحيح. بقيت %Ln محاولة.</numerusform>
            <numerusform>رمز غير صحيح. بقيت %Ln محاولة.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong PINs. Try again in %Ln s.</source>
        <translation>
            <numerusform>رموز خاطئة كثيرة. حاول بعد %Ln ث.</numerusform>
            <numerusform>رموز خاطئة كثيرة. حاول بعد %Ln ث.</numerusform>
            <numerusform>رموز خاطئة كثيرة. حاول بعد %Ln ث.</numerusform>
            <numerusform>رموز خاطئة كثيرة. حاول بعد %Ln ث.</numerusform>
            <numerusform>رموز خاطئة كثيرة. حاول بعد %Ln ث.</numerusform>
            <numerusform>رموز خاطئة كثيرة. حاول بعد %Ln ث.</numerusform>
        </translation>
    </message>
    <message>
        <source>Wrong worker ID or PIN.</source>
        <translation>رقم العامل أو الرمز غير صحيح.</translation>
    </message>
    <message numerus="yes">
        <source>Wrong worker ID or PIN. %Ln tries left.</source>
        <translation>
            <numerusform>رقم العامل أو الرمز غير صحيح. بقيت %Ln محاولة.</numerusform>
            <numerusform>رقم العامل أو الرمز غير صحيح. بقيت محاولة واحدة.</numerusform>
            <numerusform>رقم العامل أو الرمز غير صحيح. بقيت محاولتان.</numerusform>
            <numerusform>رقم العامل أو الرمز غير صحيح. بقيت %Ln محاولات.</numerusform>
            <numerusform>رقم العامل أو الرمز غير صحيح. بقيت %Ln محاولة.</numerusform>
            <numerusform>رقم العامل أو الرمز غير صحيح. بقيت %Ln محاولة.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln s</source>
        <translation>
            <numerusform>%Ln ث</numerusform>
            <numerusform>%Ln ث</numerusform>
            <numerusform>%Ln ث</numerusform>
            <numerusform>%Ln ث</numerusform>
            <numerusform>%Ln ث</numerusform>
            <numerusform>%Ln ث</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln min</source>
        <translation>
            <numerusform>%Ln د</numerusform>
            <numerusform>%Ln د</numerusform>
            <numerusform>%Ln د</numerusform>
            <numerusform>%Ln د</numerusform>
            <numerusform>%Ln د</numerusform>
            <numerusform>%Ln د</numerusform>
        </translation>
    </message>
    <message>
        <source>Too many wrong PINs for this worker ID. Try again in {when}, or see HR.</source>
        <translation>رموز خاطئة كثيرة لرقم العامل هذا. حاول بعد {when}، أو راجع الموارد البشرية.</translation>
    </message>
</context>
<context>
    <name>EnrollWizard</name>
    <message>
        <source>Enroll an employee</source>
        <translation>تسجيل موظف</translation>
    </message>
    <message>
        <source>Re-enroll {name}</source>
        <translation>إعادة تسجيل {name}</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>التالي</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>رجوع</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>إنهاء</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
</context>
<context>
    <name>EntranceHelp</name>
    <message>
        <source>Checking in</source>
        <translation>تسجيل الحضور</translation>
    </message>
    <message>
        <source>Stand {near} to {far} m from the screen and look at it. Hold still for a moment: your name shows in green with the time, and a sound plays. A face mask is fine. There is nothing to touch.</source>
        <translation>قف على بُعد {near} إلى {far} متر من الشاشة وانظر إليها. اثبت لحظة: يظهر اسمك باللون الأخضر مع الوقت ويُسمع صوت. لا بأس بالكمامة. لا حاجة إلى لمس أي شيء.</translation>
    </message>
    <message>
        <source>“Please look at the camera” and “Unknown”</source>
        <translation>«يُرجى النظر إلى الكاميرا» و«غير معروف»</translation>
    </message>
    <message>
        <source>“Please look at the camera” means the kiosk is not sure yet: look straight at the screen for a second or two. “Unknown” means your face was not recognised: step closer, into good light, and take off sunglasses or a hat. If you are new, HR has to enrol you first.</source>
        <translation>«يُرجى النظر إلى الكاميرا» تعني أن الجهاز لم يتأكد بعد: انظر إلى الشاشة مباشرة ثانية أو ثانيتين. «غير معروف» تعني أن وجهك لم يُتعرَّف عليه: اقترب، وقف في إضاءة جيدة، وانزع النظارة الشمسية أو القبعة. إن كنت جديدًا، فعلى الموارد البشرية تسجيلك أولًا.</translation>
    </message>
    <message>
        <source>“Turn your head”, “Look up”, “Blink”</source>
        <translation>«أدِر رأسك»، «انظر إلى الأعلى»، «ارمش»</translation>
    </message>
    <message>
        <source>Sometimes the kiosk asks you to move, to be sure it sees a real person and not a photo. Do what the screen says (it also says it aloud), slowly, while still looking at the screen.</source>
        <translation>قد يطلب منك الجهاز أحيانًا أن تتحرك، ليتأكد أنه يرى شخصًا حقيقيًا لا صورة. افعل ما تقوله الشاشة (وتقوله بصوت مسموع أيضًا) ببطء، وأنت ما زلت تنظر إلى الشاشة.</translation>
    </message>
    <message>
        <source>Checking in with your worker ID and PIN</source>
        <translation>التسجيل برقم العامل والرمز السري</translation>
    </message>
    <message>
        <source>If your face is not recognised, tap “Check in with my worker ID” and type your worker ID, then your PIN. “My hours” shows your own week the same way. HR gives you your PIN.</source>
        <translation>إن لم يُتعرَّف على وجهك، فالمس «التسجيل برقم العامل» واكتب رقم العامل ثم رمزك السري. ويعرض زر «ساعاتي» أسبوعك بالطريقة نفسها. تعطيك الموارد البشرية رمزك السري.</translation>
    </message>
    <message>
        <source>Who to ask</source>
        <translation>من تسأل</translation>
    </message>
    <message>
        <source>This kiosk is “{kiosk}”. For a missed or wrong check-in, a PIN, or to be enrolled, ask HR and give them the kiosk&apos;s name.</source>
        <translation>اسم هذا الجهاز «{kiosk}». لتسجيل فائت أو خاطئ، أو لرمز سري، أو للتسجيل في النظام، اسأل الموارد البشرية وأعطهم اسم الجهاز.</translation>
    </message>
    <message>
        <source>Your privacy</source>
        <translation>خصوصيتك</translation>
    </message>
    <message>
        <source>The kiosk keeps your name, your worker ID, your face as encrypted templates and photos from your enrolment, and the time of each check-in. The video is not recorded; when you check in with your PIN, one picture is kept for HR to check. HR can show you, or delete, what is kept about you.</source>
        <translation>يحتفظ الجهاز باسمك ورقم العامل، وبوجهك على شكل قوالب مشفّرة وصور من تسجيلك، وبوقت كل تسجيل حضور. لا يُسجَّل الفيديو؛ وعند التسجيل برمزك السري تُحفظ صورة واحدة لتتحقق منها الموارد البشرية. يمكن للموارد البشرية أن تُطلعك على ما يُحفظ عنك أو أن تحذفه.</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>مساعدة</translation>
    </message>
    <message>
        <source>How to check in, and whom to ask.</source>
        <translation>كيف تسجّل حضورك، ومن تسأل.</translation>
    </message>
    <message>
        <source>How to check in at this kiosk, “{kiosk}”.</source>
        <translation>كيف تسجّل حضورك على هذا الجهاز «{kiosk}».</translation>
    </message>
    <message>
        <source>Help text</source>
        <translation>نص المساعدة</translation>
    </message>
    <message>
        <source>Closes the help; it also closes by itself.</source>
        <translation>يغلق المساعدة؛ وهي تُغلق من تلقاء نفسها أيضًا.</translation>
    </message>
</context>
<context>
    <name>ExpertPage</name>
    <message>
        <source>Expert recognition</source>
        <translation>التعرّف المتقدّم</translation>
    </message>
    <message>
        <source>Every face in one image, with its best three candidates. Nothing is recorded.</source>
        <translation>كل وجه في صورة واحدة، مع أفضل ثلاثة مرشحين له. لا يُسجَّل شيء.</translation>
    </message>
    <message>
        <source>Open image…</source>
        <translation>فتح صورة…</translation>
    </message>
    <message>
        <source>Open an image to analyse it</source>
        <translation>افتح صورة لتحليلها</translation>
    </message>
    <message>
        <source>This kiosk</source>
        <translation>هذا الكشك</translation>
    </message>
    <message>
        <source>People enrolled</source>
        <translation>الأشخاص المسجَّلون</translation>
    </message>
    <message>
        <source>Liveness check</source>
        <translation>فحص الحيوية</translation>
    </message>
    <message>
        <source>on</source>
        <translation>مفعّل</translation>
    </message>
    <message>
        <source>off ({reason})</source>
        <translation>معطّل ({reason})</translation>
    </message>
    <message>
        <source>off</source>
        <translation>معطّل</translation>
    </message>
    <message>
        <source>Gallery</source>
        <translation>المعرض</translation>
    </message>
    <message>
        <source>unavailable: {reason}</source>
        <translation>غير متاح: {reason}</translation>
    </message>
    <message>
        <source>{what}: {value}</source>
        <translation>{what}: {value}</translation>
    </message>
    <message>
        <source> (full report: `kiosk calibrate` on this machine)</source>
        <translation> (التقرير الكامل: `kiosk calibrate` على هذا الجهاز)</translation>
    </message>
    <message>
        <source>Site self-check unavailable: {reason}</source>
        <translation>الفحص الذاتي للموقع غير متاح: {reason}</translation>
    </message>
    <message>
        <source>Open an image</source>
        <translation>فتح صورة</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>الصور</translation>
    </message>
    <message>
        <source>Analysing {name}…</source>
        <translation>جارٍ تحليل {name}…</translation>
    </message>
    <message>
        <source>Could not analyse the image: {reason}</source>
        <translation>تعذّر تحليل الصورة: {reason}</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>غير معروف</translation>
    </message>
    <message numerus="yes">
        <source>{name}: %Ln face(s) · model {model} · threshold {threshold}</source>
        <translation>
            <numerusform>{name}: %Ln وجه · النموذج {model} · العتبة {threshold}</numerusform>
            <numerusform>{name}: وجه واحد · النموذج {model} · العتبة {threshold}</numerusform>
            <numerusform>{name}: وجهان · النموذج {model} · العتبة {threshold}</numerusform>
            <numerusform>{name}: %Ln وجوه · النموذج {model} · العتبة {threshold}</numerusform>
            <numerusform>{name}: %Ln وجهًا · النموذج {model} · العتبة {threshold}</numerusform>
            <numerusform>{name}: %Ln وجه · النموذج {model} · العتبة {threshold}</numerusform>
        </translation>
    </message>
    <message>
        <source>{name}: no face found.</source>
        <translation>{name}: لم يُعثر على وجه.</translation>
    </message>
    <message>
        <source>{name} · Present</source>
        <translation>{name} · حاضر</translation>
    </message>
    <message>
        <source>Not sure · too close to a second person (lead {lead} &lt; {margin})</source>
        <translation>غير متأكد · قريب جدًا من شخص ثانٍ (الفارق {lead} &lt; {margin})</translation>
    </message>
    <message>
        <source>Unknown · Not in Database</source>
        <translation>غير معروف · ليس في قاعدة البيانات</translation>
    </message>
    <message>
        <source>Face #{number}: {verdict}</source>
        <translation>الوجه رقم {number}: {verdict}</translation>
    </message>
    <message>
        <source>Nobody is enrolled to compare with.</source>
        <translation>لا أحد مسجل للمقارنة به.</translation>
    </message>
    <message>
        <source>  · via a masked template</source>
        <translation>  · عبر قالب بكمامة</translation>
    </message>
    <message>
        <source>Similarity to {name}</source>
        <translation>التشابه مع {name}</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Every punch (in, out, corrections)</source>
        <translation>كل التسجيلات (دخول، خروج، تصحيحات)</translation>
    </message>
    <message>
        <source>Daily attendance (one row per person and day)</source>
        <translation>الحضور اليومي (سطر لكل شخص ويوم)</translation>
    </message>
    <message>
        <source>Monthly summary (one row per person)</source>
        <translation>الملخص الشهري (سطر لكل شخص)</translation>
    </message>
    <message>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <source>Excel (XLSX)</source>
        <translation>إكسل (XLSX)</translation>
    </message>
    <message>
        <source>Export attendance</source>
        <translation>تصدير الحضور</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>استعراض…</translation>
    </message>
    <message>
        <source>From</source>
        <translation>من</translation>
    </message>
    <message>
        <source>To</source>
        <translation>إلى</translation>
    </message>
    <message>
        <source>Employee</source>
        <translation>الموظف</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>التقرير</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>الصيغة</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>حفظ باسم</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>تصدير</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <source>Excel files</source>
        <translation>ملفات إكسل</translation>
    </message>
    <message>
        <source>CSV files</source>
        <translation>ملفات CSV</translation>
    </message>
    <message>
        <source>The end date is before the start date.</source>
        <translation>تاريخ النهاية يسبق تاريخ البداية.</translation>
    </message>
    <message>
        <source>Choose where to save the file.</source>
        <translation>اختر مكان حفظ الملف.</translation>
    </message>
    <message>
        <source>Could not export: {reason}</source>
        <translation>تعذّر التصدير: {reason}</translation>
    </message>
    <message numerus="yes">
        <source>✓ Wrote %Ln row(s) to {target}</source>
        <translation>
            <numerusform>✓ كُتب %Ln سطر في {target}</numerusform>
            <numerusform>✓ كُتب سطر واحد في {target}</numerusform>
            <numerusform>✓ كُتب سطران في {target}</numerusform>
            <numerusform>✓ كُتبت %Ln أسطر في {target}</numerusform>
            <numerusform>✓ كُتب %Ln سطرًا في {target}</numerusform>
            <numerusform>✓ كُتب %Ln سطر في {target}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Kiosk - first-run set-up</source>
        <translation>الكشك - الإعداد الأول</translation>
    </message>
    <message>
        <source>Welcome: choose the administrator&apos;s PIN</source>
        <translation>أهلًا: اختر رمز المسؤول</translation>
    </message>
    <message>
        <source>This kiosk is new. Its administrator chooses a PIN of 4-8 digits: it opens everything (employees, settings, the audit trail, leaving kiosk mode). HR gets its own PIN later, on the Security page.</source>
        <translation>هذا الكشك جديد. يختار مسؤوله رمزًا من 4 إلى 8 أرقام: يفتح كل شيء (الموظفون، الإعدادات، سجل التدقيق، الخروج من وضع الكشك). تحصل الموارد البشرية على رمزها لاحقًا من صفحة الأمان.</translation>
    </message>
    <message>
        <source>Finish: open the kiosk</source>
        <translation>إنهاء: فتح الكشك</translation>
    </message>
    <message>
        <source>This kiosk</source>
        <translation>هذا الكشك</translation>
    </message>
    <message>
        <source>Checked, then saved together with the admin PIN. Each can be changed later in kiosk.toml.</source>
        <translation>تُفحص ثم تُحفظ مع رمز المسؤول. يمكن تغيير كل منها لاحقًا في kiosk.toml.</translation>
    </message>
    <message>
        <source>Kiosk name</source>
        <translation>اسم الكشك</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>المنطقة الزمنية</translation>
    </message>
    <message>
        <source>Camera (0 = the first)</source>
        <translation>الكاميرا (0 = الأولى)</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>رجوع</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>حفظ</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>لم يُحفظ: {reason}</translation>
    </message>
</context>
<context>
    <name>HelpPage</name>
    <message>
        <source>Enrol a person</source>
        <translation>تسجيل شخص</translation>
    </message>
    <message>
        <source>Employees → “Enroll new”: the name, the worker ID and the person&apos;s consent, then three photos from the camera or from files. The wizard checks each photo and looks for the same face under another worker ID before it saves. Then “Set check-in PIN”, so the person can check in with their worker ID when the face is not enough.</source>
        <translation>الموظفون ← «تسجيل جديد»: الاسم ورقم العامل وموافقة الشخص، ثم ثلاث صور من الكاميرا أو من ملفات. يفحص المعالج كل صورة ويبحث عن الوجه نفسه تحت رقم عامل آخر قبل الحفظ. ثم «تعيين رمز التسجيل» ليتمكن الشخص من التسجيل برقم العامل حين لا يكفي الوجه.</translation>
    </message>
    <message>
        <source>Correct attendance</source>
        <translation>تصحيح الحضور</translation>
    </message>
    <message>
        <source>Attendance: choose the dates and the person, then “Add missing punch…” or “Void punch…”. A correction needs a reason; nothing is deleted, and the Monthly sheet marks the day as corrected by HR. See docs/attendance.md.</source>
        <translation>الحضور: اختر التواريخ والشخص، ثم «إضافة تسجيل ناقص…» أو «إلغاء تسجيل…». يتطلب التصحيح سببًا؛ لا يُحذف شيء، ويُعلَّم اليوم في الكشف الشهري بأنه صُحِّح من الموارد البشرية. انظر docs/attendance.md.</translation>
    </message>
    <message>
        <source>Month-end exports</source>
        <translation>تصدير نهاية الشهر</translation>
    </message>
    <message>
        <source>Monthly sheet: choose the month, then “Export month…” (a workbook or CSV for payroll) or “Export days…”. Attendance → “Export CSV…” gives the punches themselves. Check the month&apos;s corrections first.</source>
        <translation>الكشف الشهري: اختر الشهر، ثم «تصدير الشهر…» (مصنف أو CSV للرواتب) أو «تصدير الأيام…». ويعطي الحضور ← «تصدير CSV…» التسجيلات نفسها. راجع تصحيحات الشهر أولًا.</translation>
    </message>
    <message>
        <source>PINs and the recovery code</source>
        <translation>الرموز السرية ورمز الاسترداد</translation>
    </message>
    <message>
        <source>Security (administrator): “Set HR PIN…”, “Change admin PIN…” and “New recovery code…”. The recovery code resets a lost admin PIN (docs/install.md); keep it away from the kiosk. An employee&apos;s check-in PIN is set on Employees.</source>
        <translation>الأمان (المسؤول): «تعيين رمز الموارد البشرية…» و«تغيير رمز المسؤول…» و«رمز استرداد جديد…». يعيد رمز الاسترداد تعيين رمز المسؤول المفقود (docs/install.md)؛ احفظه بعيدًا عن الجهاز. ويُعيَّن رمز تسجيل الموظف في صفحة الموظفين.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>الإعدادات</translation>
    </message>
    <message>
        <source>Language: “language” in kiosk.toml (English, French or Arabic) for the next start; the button beside HR at the entrance changes it until then. Accessibility: high contrast, text size and sound volume, applied at once. Shifts, punch mode and holidays: Shift settings (administrator).</source>
        <translation>اللغة: «language» في kiosk.toml (الإنجليزية أو الفرنسية أو العربية) للتشغيل التالي؛ ويغيّرها الزر المجاور لزر الموارد البشرية عند المدخل حتى ذلك الحين. إمكانية الوصول: التباين العالي وحجم النص ومستوى الصوت، تُطبَّق فورًا. الورديات ونمط التسجيل والعطل: إعدادات الورديات (المسؤول).</translation>
    </message>
    <message>
        <source>Logs and checks</source>
        <translation>السجلات والفحوص</translation>
    </message>
    <message>
        <source>The kiosk&apos;s log is in the system journal (journalctl --user -u kiosk) or in ~/.local/state/kiosk/kiosk.log. “kiosk doctor” checks the data folder&apos;s health and “kiosk models” the face models. Installing, upgrading and the first run: docs/install.md.</source>
        <translation>سجل الجهاز في سجل النظام (journalctl --user -u kiosk) أو في ~/.local/state/kiosk/kiosk.log. يفحص «kiosk doctor» سلامة مجلد البيانات، و«kiosk models» نماذج الوجوه. التثبيت والترقية والتشغيل الأول: docs/install.md.</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>الخصوصية</translation>
    </message>
    <message>
        <source>Face templates and photos are encrypted; how long records are kept is on the Security page. What is stored, backing up the key, and answering a person who asks to see or delete their data: docs/privacy.md.</source>
        <translation>قوالب الوجوه والصور مشفّرة؛ ومدة الاحتفاظ بالسجلات في صفحة الأمان. ما يُحفظ، ونسخ المفتاح احتياطيًا، والرد على شخص يطلب الاطلاع على بياناته أو حذفها: docs/privacy.md.</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>مساعدة</translation>
    </message>
    <message>
        <source>Common tasks, where they are, and where to read more.</source>
        <translation>المهام الشائعة، وأين تجدها، وأين تقرأ المزيد.</translation>
    </message>
</context>
<context>
    <name>HrWindow</name>
    <message>
        <source>Kiosk - HR desk</source>
        <translation>الكشك - مكتب الموارد البشرية</translation>
    </message>
    <message>
        <source>HR desk</source>
        <translation>مكتب الموارد البشرية</translation>
    </message>
    <message>
        <source>Sign in with the HR or admin PIN to see employees and attendance.</source>
        <translation>سجّل الدخول برمز الموارد البشرية أو المسؤول لعرض الموظفين والحضور.</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>تسجيل الدخول</translation>
    </message>
    <message>
        <source>Site database {where}</source>
        <translation>قاعدة بيانات الموقع {where}</translation>
    </message>
    <message>
        <source>Data folder {folder}</source>
        <translation>مجلد البيانات {folder}</translation>
    </message>
    <message>
        <source>Face models are missing or broken: enrolling and expert recognition will not work here.
{error}
Run `kiosk models` to see what is needed.</source>
        <translation>نماذج الوجه مفقودة أو تالفة: لن يعمل التسجيل ولا التعرّف المتقدّم هنا.
{error}
شغّل `kiosk models` لمعرفة المطلوب.</translation>
    </message>
    <message>
        <source>Signed in: administrator</source>
        <translation>مسجّل الدخول: المسؤول</translation>
    </message>
    <message>
        <source>Signed in: HR</source>
        <translation>مسجّل الدخول: الموارد البشرية</translation>
    </message>
</context>
<context>
    <name>IdleClosingDialog</name>
    <message>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
</context>
<context>
    <name>LearnedMasksPanel</name>
    <message>
        <source>Learned masks</source>
        <translation>الكمامات المُتعلَّمة</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>اعتماد</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>حذف</translation>
    </message>
    <message>
        <source>waiting for approval</source>
        <translation>بانتظار الاعتماد</translation>
    </message>
    <message>
        <source>in use</source>
        <translation>قيد الاستخدام</translation>
    </message>
    <message>
        <source>worker ID + PIN</source>
        <translation>رقم العامل + الرمز</translation>
    </message>
    <message>
        <source>face check-in</source>
        <translation>تسجيل بالوجه</translation>
    </message>
    <message>
        <source>Learned masks: {count}</source>
        <translation>الكمامات المُتعلَّمة: {count}</translation>
    </message>
    <message>
        <source> ({count} waiting for approval)</source>
        <translation> ({count} بانتظار الاعتماد)</translation>
    </message>
    <message>
        <source>Learned masks: none yet</source>
        <translation>الكمامات المُتعلَّمة: لا شيء بعد</translation>
    </message>
</context>
<context>
    <name>LivePage</name>
    <message>
        <source>{name}?</source>
        <translation>{name}؟</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>أهلًا وسهلًا</translation>
    </message>
    <message>
        <source>Look at the camera to check in</source>
        <translation>انظر إلى الكاميرا لتسجيل الحضور</translation>
    </message>
    <message>
        <source>HR</source>
        <translation>الموارد البشرية</translation>
    </message>
    <message>
        <source>HR screens</source>
        <translation>شاشات الموارد البشرية</translation>
    </message>
    <message>
        <source>Opens the HR and administrator screens; asks for a PIN.</source>
        <translation>يفتح شاشات الموارد البشرية والمسؤول؛ يطلب رمزًا.</translation>
    </message>
    <message>
        <source>Check in with my worker ID</source>
        <translation>التسجيل برقم العامل</translation>
    </message>
    <message>
        <source>My hours</source>
        <translation>ساعاتي</translation>
    </message>
    <message>
        <source>Face the camera in good light; remove sunglasses or hats.</source>
        <translation>قف أمام الكاميرا في إضاءة جيدة؛ وانزع النظارات الشمسية أو القبعة.</translation>
    </message>
    <message>
        <source>Not changed: {reason}</source>
        <translation>لم يتغير: {reason}</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>غير معروف</translation>
    </message>
    <message>
        <source>{name} - Present - {time}</source>
        <translation>{name} - حاضر - {time}</translation>
    </message>
    <message>
        <source>{name} - already checked in at {time}</source>
        <translation>{name} - سجّل من قبل عند {time}</translation>
    </message>
    <message>
        <source>No need to check in again.</source>
        <translation>لا حاجة للتسجيل مرة أخرى.</translation>
    </message>
    <message>
        <source>Punches paused</source>
        <translation>التسجيلات متوقفة</translation>
    </message>
    <message>
        <source>This kiosk&apos;s clock went back: nothing was recorded. Please tell IT.</source>
        <translation>رجعت ساعة هذا الكشك إلى الوراء: لم يُسجَّل شيء. يُرجى إبلاغ قسم تقنية المعلومات.</translation>
    </message>
    <message>
        <source>{name} - not active</source>
        <translation>{name} - غير نشط</translation>
    </message>
    <message>
        <source>Please see HR.</source>
        <translation>يُرجى مراجعة الموارد البشرية.</translation>
    </message>
    <message>
        <source>No camera picture</source>
        <translation>لا صورة من الكاميرا</translation>
    </message>
    <message>
        <source>Check that the camera is plugged in.</source>
        <translation>تحقّق من توصيل الكاميرا.</translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>أعد المحاولة الآن</translation>
    </message>
    <message>
        <source>Video ended</source>
        <translation>انتهى الفيديو</translation>
    </message>
    <message>
        <source>Play again</source>
        <translation>تشغيل مرة أخرى</translation>
    </message>
    <message>
        <source>Camera stopped</source>
        <translation>توقفت الكاميرا</translation>
    </message>
    <message>
        <source>Face recognition is unavailable</source>
        <translation>التعرّف على الوجه غير متاح</translation>
    </message>
    <message>
        <source>Face recognition is not working right now.
Please check in with your worker ID, and tell HR.</source>
        <translation>التعرّف على الوجه لا يعمل الآن.
يرجى التسجيل برقم العامل وإبلاغ الموارد البشرية.</translation>
    </message>
    <message>
        <source>● Camera on</source>
        <translation>● الكاميرا تعمل</translation>
    </message>
    <message>
        <source>○ Connecting to the camera…</source>
        <translation>○ جارٍ الاتصال بالكاميرا…</translation>
    </message>
    <message>
        <source>✕ No camera</source>
        <translation>✕ لا توجد كاميرا</translation>
    </message>
    <message>
        <source>■ Video ended</source>
        <translation>■ انتهى الفيديو</translation>
    </message>
    <message>
        <source>■ Camera stopped</source>
        <translation>■ الكاميرا متوقفة</translation>
    </message>
    <message>
        <source>○ Starting…</source>
        <translation>○ جارٍ البدء…</translation>
    </message>
    <message>
        <source>Face recognition unavailable: use your worker ID</source>
        <translation>التعرّف على الوجه غير متاح: استخدم رقم العامل</translation>
    </message>
    <message>
        <source>Face recognition ready</source>
        <translation>التعرّف على الوجه جاهز</translation>
    </message>
    <message>
        <source>Getting ready…</source>
        <translation>جارٍ التحضير…</translation>
    </message>
    <message>
        <source>live</source>
        <translation>مباشر</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>جارٍ الاتصال</translation>
    </message>
    <message>
        <source>no camera</source>
        <translation>لا توجد كاميرا</translation>
    </message>
    <message>
        <source>video ended</source>
        <translation>انتهى الفيديو</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>متوقفة</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>الكاميرا</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>جارٍ البدء</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>الفيديو</translation>
    </message>
    <message>
        <source>{fps} frames a second</source>
        <translation>{fps} إطار في الثانية</translation>
    </message>
    <message>
        <source>Recognition</source>
        <translation>التعرّف</translation>
    </message>
    <message>
        <source>Face models</source>
        <translation>نماذج الوجه</translation>
    </message>
    <message>
        <source>not loaded: {reason} (`kiosk models` says what is needed)</source>
        <translation>غير محمّلة: {reason} (يوضح `kiosk models` ما يلزم)</translation>
    </message>
    <message>
        <source>loading</source>
        <translation>جارٍ التحميل</translation>
    </message>
    <message>
        <source>Nobody is enrolled yet. HR: tap HR to enroll the first employee.</source>
        <translation>لا أحد مسجل بعد. الموارد البشرية: المسوا «الموارد البشرية» لتسجيل أول موظف.</translation>
    </message>
    <message>
        <source>Good morning</source>
        <translation>صباح الخير</translation>
    </message>
    <message>
        <source>Good afternoon</source>
        <translation>طاب يومك</translation>
    </message>
    <message>
        <source>Good evening</source>
        <translation>مساء الخير</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Kiosk - attendance</source>
        <translation>الكشك - الحضور</translation>
    </message>
    <message>
        <source>Loading face models…</source>
        <translation>جارٍ تحميل نماذج الوجه…</translation>
    </message>
    <message>
        <source>Starting camera…</source>
        <translation>جارٍ تشغيل الكاميرا…</translation>
    </message>
</context>
<context>
    <name>MonthlyPage</name>
    <message>
        <source>Present</source>
        <translation>حاضر</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>متأخر</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>غائب</translation>
    </message>
    <message>
        <source>Holiday</source>
        <translation>عطلة</translation>
    </message>
    <message>
        <source>Half day</source>
        <translation>نصف يوم</translation>
    </message>
    <message>
        <source>Day off</source>
        <translation>يوم راحة</translation>
    </message>
    <message>
        <source>Missing check-out</source>
        <translation>خروج ناقص</translation>
    </message>
    <message>
        <source>Not yet arrived</source>
        <translation>لم يصل بعد</translation>
    </message>
    <message>
        <source>In</source>
        <translation>دخول</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>نعم</translation>
    </message>
    <message>
        <source>Monthly sheet</source>
        <translation>الكشف الشهري</translation>
    </message>
    <message>
        <source>Each person&apos;s month: days, hours, lates and absences</source>
        <translation>شهر كل شخص: الأيام والساعات والتأخير والغياب</translation>
    </message>
    <message>
        <source>Export month…</source>
        <translation>تصدير الشهر…</translation>
    </message>
    <message>
        <source>Export days…</source>
        <translation>تصدير الأيام…</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ السابق</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>التالي ▶</translation>
    </message>
    <message>
        <source>Choose a person to see their days.</source>
        <translation>اختر شخصًا لعرض أيامه.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln person(s), {start} to {end}</source>
        <translation>
            <numerusform>%Ln شخص، من {start} إلى {end}</numerusform>
            <numerusform>شخص واحد، من {start} إلى {end}</numerusform>
            <numerusform>شخصان، من {start} إلى {end}</numerusform>
            <numerusform>%Ln أشخاص، من {start} إلى {end}</numerusform>
            <numerusform>%Ln شخصًا، من {start} إلى {end}</numerusform>
            <numerusform>%Ln شخص، من {start} إلى {end}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{name} ({worker_id}), {month}: %Ln day(s)</source>
        <translation>
            <numerusform>{name} ({worker_id})، {month}: %Ln يوم</numerusform>
            <numerusform>{name} ({worker_id})، {month}: يوم واحد</numerusform>
            <numerusform>{name} ({worker_id})، {month}: يومان</numerusform>
            <numerusform>{name} ({worker_id})، {month}: %Ln أيام</numerusform>
            <numerusform>{name} ({worker_id})، {month}: %Ln يومًا</numerusform>
            <numerusform>{name} ({worker_id})، {month}: %Ln يوم</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %Ln corrected (marked)</source>
        <translation>
            <numerusform>، %Ln مُصحَّح (مُعلَّم)</numerusform>
            <numerusform>، واحد مُصحَّح (مُعلَّم)</numerusform>
            <numerusform>، اثنان مُصحَّحان (مُعلَّمان)</numerusform>
            <numerusform>، %Ln مُصحَّحة (مُعلَّمة)</numerusform>
            <numerusform>، %Ln مُصحَّحًا (مُعلَّمًا)</numerusform>
            <numerusform>، %Ln مُصحَّح (مُعلَّم)</numerusform>
        </translation>
    </message>
    <message>
        <source> - corrected by HR</source>
        <translation> - صحّحته الموارد البشرية</translation>
    </message>
</context>
<context>
    <name>MyHoursKeypad</name>
    <message>
        <source>My hours</source>
        <translation>ساعاتي</translation>
    </message>
    <message>
        <source>My hours: type your worker ID</source>
        <translation>ساعاتي: اكتب رقم العامل</translation>
    </message>
    <message>
        <source>Then your personal PIN, the one you check in with. Ask HR if you have none.</source>
        <translation>ثم رمزك الشخصي الذي تسجّل به. اطلبه من الموارد البشرية إن لم يكن لديك.</translation>
    </message>
    <message>
        <source>Could not open your hours: {reason}. Try again or see HR.</source>
        <translation>تعذّر فتح ساعاتك: {reason}. حاول مرة أخرى أو راجع الموارد البشرية.</translation>
    </message>
</context>
<context>
    <name>Notice</name>
    <message>
        <source>Retry now</source>
        <translation>أعد المحاولة الآن</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>Edit details</source>
        <translation>تعديل البيانات</translation>
    </message>
    <message>
        <source>Department&apos;s or default shift</source>
        <translation>وردية القسم أو الافتراضية</translation>
    </message>
    <message>
        <source>{shift} (no longer defined)</source>
        <translation>{shift} (لم تعد معرّفة)</translation>
    </message>
    <message>
        <source>Their photos and face templates stay as they are.</source>
        <translation>تبقى صوره وقوالب وجهه كما هي.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>حفظ</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>القسم</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>الجوال</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>الوردية</translation>
    </message>
    <message>
        <source>Details of {name} ({worker_id})</source>
        <translation>بيانات {name} ({worker_id})</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>لم يُحفظ</translation>
    </message>
</context>
<context>
    <name>PhotoSlot</name>
    <message>
        <source>Remove</source>
        <translation>حذف</translation>
    </message>
    <message>
        <source>Photo {number}</source>
        <translation>الصورة {number}</translation>
    </message>
    <message>
        <source>Take a photo or choose a file</source>
        <translation>التقط صورة أو اختر ملفًا</translation>
    </message>
    <message>
        <source>Checking the photo…</source>
        <translation>جارٍ فحص الصورة…</translation>
    </message>
    <message>
        <source>✓ Good · sharpness {sharpness}
face {width} px wide</source>
        <translation>✓ جيدة · الحدّة {sharpness}
عرض الوجه {width} بكسل</translation>
    </message>
</context>
<context>
    <name>PhotosPage</name>
    <message>
        <source>Three photos</source>
        <translation>ثلاث صور</translation>
    </message>
    <message>
        <source>Take them with the kiosk camera (face centred, close enough, holding still) or choose image files. Each photo is checked at once.</source>
        <translation>التقطها بكاميرا الكشك (الوجه في المنتصف، قريب بما يكفي، دون حركة) أو اختر ملفات صور. تُفحص كل صورة فورًا.</translation>
    </message>
    <message>
        <source>No camera</source>
        <translation>لا كاميرا</translation>
    </message>
    <message>
        <source>Waiting for the camera…</source>
        <translation>بانتظار الكاميرا…</translation>
    </message>
    <message>
        <source>Look at the camera</source>
        <translation>انظر إلى الكاميرا</translation>
    </message>
    <message>
        <source>Take photo</source>
        <translation>التقاط صورة</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>اختيار ملف…</translation>
    </message>
    <message>
        <source>Choose a photo</source>
        <translation>اختر صورة</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>الصور</translation>
    </message>
    <message>
        <source>No camera picture to take: choose a file instead.</source>
        <translation>لا صورة من الكاميرا لالتقاطها: اختر ملفًا بدلًا من ذلك.</translation>
    </message>
    <message numerus="yes">
        <source>camera photo, best of %Ln frames</source>
        <translation>
            <numerusform>صورة الكاميرا، الأفضل من %Ln إطار</numerusform>
            <numerusform>صورة الكاميرا، من إطار واحد</numerusform>
            <numerusform>صورة الكاميرا، الأفضل من إطارين</numerusform>
            <numerusform>صورة الكاميرا، الأفضل من %Ln إطارات</numerusform>
            <numerusform>صورة الكاميرا، الأفضل من %Ln إطارًا</numerusform>
            <numerusform>صورة الكاميرا، الأفضل من %Ln إطار</numerusform>
        </translation>
    </message>
    <message>
        <source>camera photo</source>
        <translation>صورة الكاميرا</translation>
    </message>
    <message>
        <source>Three photos are already there: remove one to replace it.</source>
        <translation>الصور الثلاث موجودة: أزل واحدة لاستبدالها.</translation>
    </message>
    <message>
        <source>photo {number} ({label})</source>
        <translation>الصورة {number} ({label})</translation>
    </message>
    <message>
        <source>could not check the photo: {reason}</source>
        <translation>تعذّر فحص الصورة: {reason}</translation>
    </message>
</context>
<context>
    <name>Picture</name>
    <message>
        <source>Picture</source>
        <translation>صورة</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <source>HR access</source>
        <translation>دخول الموارد البشرية</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Forgot the admin PIN?</source>
        <translation>هل نسيت رمز المسؤول؟</translation>
    </message>
    <message>
        <source>Choose the HR PIN</source>
        <translation>اختر رمز الموارد البشرية</translation>
    </message>
    <message>
        <source>Choose the administrator PIN</source>
        <translation>اختر رمز المسؤول</translation>
    </message>
    <message>
        <source>Repeat the new PIN</source>
        <translation>أعد إدخال الرمز الجديد</translation>
    </message>
    <message>
        <source>A PIN of 4-8 digits for HR: employees, attendance and exports.</source>
        <translation>رمز من 4 إلى 8 أرقام للموارد البشرية: الموظفون والحضور والتصدير.</translation>
    </message>
    <message>
        <source>First use: choose the administrator&apos;s PIN (4-8 digits). It opens everything, including settings, the audit trail and leaving kiosk mode; the administrator gives HR its own PIN later.</source>
        <translation>الاستخدام الأول: اختر رمز المسؤول (من 4 إلى 8 أرقام). يفتح كل شيء، بما في ذلك الإعدادات وسجل التدقيق والخروج من وضع الكشك؛ ويمنح المسؤول الموارد البشرية رمزها الخاص لاحقًا.</translation>
    </message>
    <message>
        <source>The administrator&apos;s PIN opens everything.</source>
        <translation>رمز المسؤول يفتح كل شيء.</translation>
    </message>
    <message>
        <source>Enter the admin PIN</source>
        <translation>أدخل رمز المسؤول</translation>
    </message>
    <message>
        <source>Only the administrator can do this.</source>
        <translation>وحده المسؤول يمكنه فعل ذلك.</translation>
    </message>
    <message>
        <source>Enter HR or admin PIN</source>
        <translation>أدخل رمز الموارد البشرية أو المسؤول</translation>
    </message>
    <message>
        <source>The HR screens are protected.</source>
        <translation>شاشات الموارد البشرية محمية.</translation>
    </message>
    <message>
        <source>The admin PIN is reset. Enter the new admin PIN.</source>
        <translation>أُعيد تعيين رمز المسؤول. أدخل رمز المسؤول الجديد.</translation>
    </message>
    <message>
        <source>The two PINs differ. Start again.</source>
        <translation>الرمزان مختلفان. ابدأ من جديد.</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>Delete the last character</source>
        <translation>حذف آخر حرف</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>موافق</translation>
    </message>
    <message>
        <source>Hyphen</source>
        <translation>شرطة</translation>
    </message>
    <message>
        <source>Underscore</source>
        <translation>شرطة سفلية</translation>
    </message>
    <message>
        <source>Worker ID keypad</source>
        <translation>لوحة مفاتيح رقم العامل</translation>
    </message>
    <message>
        <source>PIN keypad</source>
        <translation>لوحة مفاتيح الرمز</translation>
    </message>
    <message>
        <source>Number keypad</source>
        <translation>لوحة الأرقام</translation>
    </message>
    <message>
        <source>Type on the keyboard or tap the keys; Enter or OK to confirm, Backspace to delete, Escape to cancel.</source>
        <translation>اكتب على لوحة المفاتيح أو اضغط المفاتيح؛ Enter أو موافق للتأكيد، وBackspace للحذف، وEscape للإلغاء.</translation>
    </message>
    <message>
        <source>Entered so far</source>
        <translation>ما أُدخل حتى الآن</translation>
    </message>
</context>
<context>
    <name>PinTwice</name>
    <message>
        <source>Repeat the new admin PIN</source>
        <translation>أعد إدخال رمز المسؤول الجديد</translation>
    </message>
    <message>
        <source>Type the same PIN again.</source>
        <translation>اكتب الرمز نفسه مرة أخرى.</translation>
    </message>
    <message>
        <source>The two PINs differ. Start again.</source>
        <translation>الرمزان مختلفان. ابدأ من جديد.</translation>
    </message>
</context>
<context>
    <name>ProcessPage</name>
    <message>
        <source>Enrolling</source>
        <translation>جارٍ التسجيل</translation>
    </message>
    <message>
        <source>Computing the face templates (with synthetic masks, so the person is recognised with or without one).</source>
        <translation>جارٍ حساب قوالب الوجه (مع كمامات اصطناعية، ليُتعرَّف على الشخص بالكمامة أو بدونها).</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>جارٍ البدء…</translation>
    </message>
    <message>
        <source>Starting… (mask augmentation is not available on this kiosk: enrolling the 3 original photos only)</source>
        <translation>جارٍ البدء… (إضافة الكمامات غير متاحة على هذا الكشك: تسجيل الصور الأصلية الثلاث فقط)</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>حُفظ.</translation>
    </message>
    <message>
        <source>Saved, but the check-in PIN was not set: {reason}</source>
        <translation>حُفظ، لكن رمز التسجيل لم يُعيَّن: {reason}</translation>
    </message>
    <message>
        <source>Enrollment failed, nothing was saved.
{reason}
Go back to fix it, or cancel.</source>
        <translation>فشل التسجيل، ولم يُحفظ شيء.
{reason}
ارجع لتصحيحه، أو ألغِ.</translation>
    </message>
</context>
<context>
    <name>PunchChoice</name>
    <message>
        <source>IN</source>
        <translation>دخول</translation>
    </message>
    <message>
        <source>OUT</source>
        <translation>خروج</translation>
    </message>
    <message>
        <source>Break</source>
        <translation>استراحة</translation>
    </message>
    <message>
        <source>Back from break</source>
        <translation>عودة من الاستراحة</translation>
    </message>
    <message>
        <source>{label} (key {key})</source>
        <translation>{label} (المفتاح {key})</translation>
    </message>
</context>
<context>
    <name>PunchMethod</name>
    <message>
        <source>face</source>
        <translation>الوجه</translation>
    </message>
    <message>
        <source>worker ID + PIN</source>
        <translation>رقم العامل + الرمز</translation>
    </message>
    <message>
        <source>added by HR</source>
        <translation>أضافته الموارد البشرية</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>Reset the admin PIN</source>
        <translation>إعادة تعيين رمز المسؤول</translation>
    </message>
    <message>
        <source>Type the recovery code shown when the kiosk was set up (or the admin PIN was last reset).</source>
        <translation>اكتب رمز الاسترداد الذي ظهر عند إعداد الكشك (أو عند آخر إعادة تعيين لرمز المسؤول).</translation>
    </message>
    <message>
        <source>Recovery code</source>
        <translation>رمز الاسترداد</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>التالي</translation>
    </message>
    <message>
        <source>Choose the new admin PIN</source>
        <translation>اختر رمز المسؤول الجديد</translation>
    </message>
    <message>
        <source>4-8 digits.</source>
        <translation>من 4 إلى 8 أرقام.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>تم</translation>
    </message>
    <message>
        <source>The admin PIN is reset: your new recovery code</source>
        <translation>أُعيد تعيين رمز المسؤول: رمز الاسترداد الجديد</translation>
    </message>
</context>
<context>
    <name>RenameIdDialog</name>
    <message>
        <source>Change worker ID</source>
        <translation>تغيير رقم العامل</translation>
    </message>
    <message>
        <source>e.g. {example}</source>
        <translation>مثل {example}</translation>
    </message>
    <message>
        <source>{rule}. Their check-ins, PIN and photos move to the new ID.</source>
        <translation>{rule}. تنتقل تسجيلاته ورمزه وصوره إلى الرقم الجديد.</translation>
    </message>
    <message>
        <source>1-{max} letters, digits, hyphens (-) and underscores (_), starting with a letter or a digit</source>
        <translation>من 1 إلى {max} حرفًا أو رقمًا أو شرطة (-) أو شرطة سفلية (_)، يبدأ بحرف أو رقم</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>تغيير</translation>
    </message>
    <message>
        <source>New worker ID for {name} ({worker_id})</source>
        <translation>رقم عامل جديد لـ{name} ({worker_id})</translation>
    </message>
    <message>
        <source>Not changed</source>
        <translation>لم يتغير</translation>
    </message>
</context>
<context>
    <name>ReportColumn</name>
    <message>
        <source>Date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <source>Employee ID</source>
        <translation>رقم الموظف</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>القسم</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>الوردية</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>In</source>
        <translation>دخول</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>خروج</translation>
    </message>
    <message>
        <source>Worked hours</source>
        <translation>ساعات العمل</translation>
    </message>
    <message>
        <source>Worked minutes</source>
        <translation>دقائق العمل</translation>
    </message>
    <message>
        <source>Late minutes</source>
        <translation>دقائق التأخير</translation>
    </message>
    <message>
        <source>Early leave minutes</source>
        <translation>دقائق الانصراف المبكر</translation>
    </message>
    <message>
        <source>Missing check-out</source>
        <translation>خروج ناقص</translation>
    </message>
    <message>
        <source>Closed automatically</source>
        <translation>أُغلق تلقائيًا</translation>
    </message>
    <message>
        <source>Long session</source>
        <translation>حضور طويل</translation>
    </message>
    <message>
        <source>Corrected</source>
        <translation>مُصحَّح</translation>
    </message>
    <message>
        <source>Punches</source>
        <translation>التسجيلات</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>ملاحظات</translation>
    </message>
    <message>
        <source>Days present</source>
        <translation>أيام الحضور</translation>
    </message>
    <message>
        <source>Days late</source>
        <translation>أيام التأخير</translation>
    </message>
    <message>
        <source>Half days</source>
        <translation>أنصاف الأيام</translation>
    </message>
    <message>
        <source>Absences</source>
        <translation>الغياب</translation>
    </message>
    <message>
        <source>Days off</source>
        <translation>أيام الراحة</translation>
    </message>
    <message>
        <source>Holidays</source>
        <translation>العطل الرسمية</translation>
    </message>
    <message>
        <source>Missing check-outs</source>
        <translation>حالات الخروج الناقص</translation>
    </message>
    <message>
        <source>Corrected days</source>
        <translation>الأيام المُصحَّحة</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>الوقت</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>الاتجاه</translation>
    </message>
    <message>
        <source>How</source>
        <translation>الطريقة</translation>
    </message>
    <message>
        <source>Kiosk</source>
        <translation>الجهاز</translation>
    </message>
    <message>
        <source>UTC</source>
        <translation>التوقيت العالمي</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>المنطقة الزمنية</translation>
    </message>
    <message>
        <source>UTC offset (min)</source>
        <translation>فرق التوقيت عن UTC (دقيقة)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>السبب</translation>
    </message>
    <message>
        <source>Added by</source>
        <translation>أضافه</translation>
    </message>
    <message>
        <source>Voided at</source>
        <translation>أُلغي في</translation>
    </message>
    <message>
        <source>Void reason</source>
        <translation>سبب الإلغاء</translation>
    </message>
    <message>
        <source>Voided by</source>
        <translation>ألغاه</translation>
    </message>
</context>
<context>
    <name>SecurityPage</name>
    <message>
        <source>Security</source>
        <translation>الأمان</translation>
    </message>
    <message>
        <source>PINs, encryption at rest and how long records are kept</source>
        <translation>الرموز والتشفير أثناء التخزين ومدة الاحتفاظ بالسجلات</translation>
    </message>
    <message>
        <source>Set HR PIN…</source>
        <translation>تعيين رمز الموارد البشرية…</translation>
    </message>
    <message>
        <source>Change admin PIN…</source>
        <translation>تغيير رمز المسؤول…</translation>
    </message>
    <message>
        <source>Purge now</source>
        <translation>الحذف الآن</translation>
    </message>
    <message>
        <source>New recovery code…</source>
        <translation>رمز استرداد جديد…</translation>
    </message>
    <message>
        <source>PINs</source>
        <translation>الرموز</translation>
    </message>
    <message>
        <source>Templates and photos</source>
        <translation>القوالب والصور</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>الاحتفاظ</translation>
    </message>
    <message>
        <source>Admin PIN set; HR PIN set.</source>
        <translation>رمز المسؤول مُعيَّن؛ رمز الموارد البشرية مُعيَّن.</translation>
    </message>
    <message>
        <source>Admin PIN set; HR PIN not set (only the administrator can open the HR screens).</source>
        <translation>رمز المسؤول مُعيَّن؛ رمز الموارد البشرية غير مُعيَّن (وحده المسؤول يمكنه فتح شاشات الموارد البشرية).</translation>
    </message>
    <message>
        <source>Stored in the plain seed layout (encryption = &quot;off&quot; in kiosk.toml).</source>
        <translation>مخزّنة دون تشفير (encryption = &quot;off&quot; في kiosk.toml).</translation>
    </message>
    <message>
        <source>Encrypted with AES-256-GCM; the key is held by {where}.</source>
        <translation>مشفّرة بـ AES-256-GCM؛ والمفتاح محفوظ لدى {where}.</translation>
    </message>
    <message>
        <source>unknown-face log {unknown}, other access log {access}, attendance {attendance}, stored photos {photos}. Applied every day; set in kiosk.toml (retention_unknown_days, ...).</source>
        <translation>سجل الوجوه المجهولة {unknown}، سجلات الدخول الأخرى {access}، الحضور {attendance}، الصور المخزّنة {photos}. يُطبَّق يوميًا؛ ويُضبط في kiosk.toml (retention_unknown_days، ...).</translation>
    </message>
    <message>
        <source>✓ The HR PIN was changed.</source>
        <translation>✓ تغيّر رمز الموارد البشرية.</translation>
    </message>
    <message>
        <source>✓ The admin PIN was changed.</source>
        <translation>✓ تغيّر رمز المسؤول.</translation>
    </message>
    <message>
        <source>✓ A new recovery code was made; the earlier one no longer works.</source>
        <translation>✓ أُنشئ رمز استرداد جديد؛ الرمز السابق لم يعد يعمل.</translation>
    </message>
    <message>
        <source>✓ Removed {total} records older than the retention settings allow ({unknown} unknown-face log rows, {access} other log rows, {attendance} check-ins, {photos} photos, {frames} PIN check-in frames, {masks} learned masks).</source>
        <translation>✓ حُذف {total} سجلًا أقدم مما تسمح به إعدادات الاحتفاظ ({unknown} من سجل الوجوه المجهولة، {access} من السجلات الأخرى، {attendance} تسجيل حضور، {photos} صورة، {frames} إطار تسجيل بالرمز، {masks} كمامة مُتعلَّمة).</translation>
    </message>
</context>
<context>
    <name>SetPinDialog</name>
    <message>
        <source>Check-in PIN</source>
        <translation>رمز التسجيل</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>New check-in PIN for {name}</source>
        <translation>رمز تسجيل جديد لـ{name}</translation>
    </message>
    <message>
        <source>Repeat the new PIN</source>
        <translation>أعد إدخال الرمز الجديد</translation>
    </message>
    <message>
        <source>4 to 6 digits. The employee types it after their worker ID.</source>
        <translation>من 4 إلى 6 أرقام. يكتبه الموظف بعد رقم العامل.</translation>
    </message>
    <message>
        <source>The two PINs differ. Start again.</source>
        <translation>الرمزان مختلفان. ابدأ من جديد.</translation>
    </message>
    <message>
        <source>Not set: {reason}</source>
        <translation>لم يُعيَّن: {reason}</translation>
    </message>
</context>
<context>
    <name>SheetWord</name>
    <message>
        <source>Present</source>
        <translation>حاضر</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>متأخر</translation>
    </message>
    <message>
        <source>Half day</source>
        <translation>نصف يوم</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>غائب</translation>
    </message>
    <message>
        <source>Day off</source>
        <translation>يوم راحة</translation>
    </message>
    <message>
        <source>Holiday</source>
        <translation>عطلة رسمية</translation>
    </message>
    <message>
        <source>Missing check-out</source>
        <translation>تسجيل خروج مفقود</translation>
    </message>
    <message>
        <source>In</source>
        <translation>في الموقع</translation>
    </message>
    <message>
        <source>Not yet arrived</source>
        <translation>لم يصل بعد</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>نعم</translation>
    </message>
    <message>
        <source>Punches</source>
        <translation>التسجيلات</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>يومي</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>شهري</translation>
    </message>
    <message>
        <source>{report} {month}</source>
        <translation>{report} {month}</translation>
    </message>
    <message>
        <source>{report} {start} to {end}</source>
        <translation>{report} من {start} إلى {end}</translation>
    </message>
</context>
<context>
    <name>ShiftDialog</name>
    <message>
        <source>First in to last out</source>
        <translation>من أول دخول إلى آخر خروج</translation>
    </message>
    <message>
        <source>Sum of in/out pairs (breaks excluded)</source>
        <translation>مجموع أزواج الدخول/الخروج (دون الاستراحات)</translation>
    </message>
    <message>
        <source>Edit shift</source>
        <translation>تعديل الوردية</translation>
    </message>
    <message>
        <source>Add a shift</source>
        <translation>إضافة وردية</translation>
    </message>
    <message>
        <source>e.g. night</source>
        <translation>مثل ليلية</translation>
    </message>
    <message>
        <source>ends the next day</source>
        <translation>تنتهي في اليوم التالي</translation>
    </message>
    <message>
        <source>late after start + </source>
        <translation>تأخر بعد البداية + </translation>
    </message>
    <message>
        <source>early before end - </source>
        <translation>مبكر قبل النهاية - </translation>
    </message>
    <message>
        <source>from start - </source>
        <translation>من البداية - </translation>
    </message>
    <message>
        <source>until end + </source>
        <translation>حتى النهاية + </translation>
    </message>
    <message>
        <source>full from </source>
        <translation>كامل من </translation>
    </message>
    <message>
        <source>half from </source>
        <translation>نصف من </translation>
    </message>
    <message>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>الساعات</translation>
    </message>
    <message>
        <source>to</source>
        <translation>إلى</translation>
    </message>
    <message>
        <source>Grace</source>
        <translation>السماح</translation>
    </message>
    <message>
        <source>Punches count</source>
        <translation>التسجيلات المحتسبة</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>اليوم</translation>
    </message>
    <message>
        <source>Hours counted</source>
        <translation>احتساب الساعات</translation>
    </message>
    <message>
        <source>Days off</source>
        <translation>أيام الراحة</translation>
    </message>
    <message>
        <source>Save shift</source>
        <translation>حفظ الوردية</translation>
    </message>
    <message>
        <source>Add shift</source>
        <translation>إضافة الوردية</translation>
    </message>
    <message>
        <source>Give the shift a name.</source>
        <translation>أعطِ الوردية اسمًا.</translation>
    </message>
    <message>
        <source>There is already a shift called {name}.</source>
        <translation>توجد وردية باسم {name} من قبل.</translation>
    </message>
</context>
<context>
    <name>StatsPage</name>
    <message>
        <source>Statistics</source>
        <translation>الإحصاءات</translation>
    </message>
    <message>
        <source>Today at a glance, and the last 14 days</source>
        <translation>اليوم بنظرة سريعة، وآخر 14 يومًا</translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation>المسجلون</translation>
    </message>
    <message>
        <source>Present today</source>
        <translation>الحاضرون اليوم</translation>
    </message>
    <message>
        <source>Check-ins today</source>
        <translation>تسجيلات اليوم</translation>
    </message>
    <message>
        <source>Unknown faces today</source>
        <translation>وجوه مجهولة اليوم</translation>
    </message>
    <message>
        <source>Not sure (asked again)</source>
        <translation>غير متأكد (طُلب مجددًا)</translation>
    </message>
    <message>
        <source>Liveness check failed</source>
        <translation>فشل كشف الحيوية</translation>
    </message>
    <message>
        <source>Check-ins per day</source>
        <translation>التسجيلات في اليوم</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>Done</source>
        <translation>تم</translation>
    </message>
    <message>
        <source>{name} can check in now.</source>
        <translation>يمكن لـ{name} التسجيل الآن.</translation>
    </message>
    <message>
        <source>✓ {name} (worker ID {worker_id}) is enrolled with {total} face templates: {photos} photos + {masked} with synthetic masks.</source>
        <translation>✓ سُجِّل {name} (رقم العامل {worker_id}) بـ{total} قالب وجه: {photos} صور + {masked} بكمامات اصطناعية.</translation>
    </message>
    <message>
        <source>Preparing the masked preview…</source>
        <translation>جارٍ تحضير المعاينة بالكمامة…</translation>
    </message>
    <message>
        <source>mask rendering is not installed</source>
        <translation>رسم الكمامات غير مثبّت</translation>
    </message>
    <message>
        <source>Right: how the masked templates see the first photo (surgical blue mask).</source>
        <translation>يمينًا: كيف ترى القوالب بالكمامة الصورة الأولى (كمامة جراحية زرقاء).</translation>
    </message>
    <message>
        <source>No masked preview ({reason}).</source>
        <translation>لا معاينة بالكمامة ({reason}).</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <source>In</source>
        <translation>دخول</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>متأخر</translation>
    </message>
    <message>
        <source>Not yet arrived</source>
        <translation>لم يصل بعد</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>غائب</translation>
    </message>
    <message>
        <source>Missing check-out</source>
        <translation>خروج ناقص</translation>
    </message>
    <message>
        <source>Left for the day</source>
        <translation>انصرفوا لهذا اليوم</translation>
    </message>
    <message>
        <source>Day off</source>
        <translation>يوم راحة</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <source>Worker ID</source>
        <translation>رقم العامل</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>القسم</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>الوردية</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>خروج</translation>
    </message>
    <message>
        <source>Late (min)</source>
        <translation>التأخير (د)</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>اليوم</translation>
    </message>
    <message>
        <source>Who is in, late, not yet here or absent, as of now</source>
        <translation>من الحاضر والمتأخر ومن لم يصل والغائب، حتى الآن</translation>
    </message>
    <message>
        <source>Nobody.</source>
        <translation>لا أحد.</translation>
    </message>
    <message>
        <source>Could not refresh: {reason}</source>
        <translation>تعذّر التحديث: {reason}</translation>
    </message>
    <message>
        <source>{day}, updated {time} (every minute)</source>
        <translation>{day}، حُدِّث {time} (كل دقيقة)</translation>
    </message>
    <message>
        <source>{group} ({count})</source>
        <translation>{group} ({count})</translation>
    </message>
</context>
<context>
    <name>VideoView</name>
    <message>
        <source>Camera picture</source>
        <translation>صورة الكاميرا</translation>
    </message>
    <message>
        <source>The live camera picture, with a box and a name around each face it sees.</source>
        <translation>صورة الكاميرا المباشرة، مع إطار واسم حول كل وجه تراه.</translation>
    </message>
    <message>
        <source>Starting camera…</source>
        <translation>جارٍ تشغيل الكاميرا…</translation>
    </message>
</context>
<context>
    <name>VoidPunchDialog</name>
    <message>
        <source>{name} ({worker_id}), {day} {time}, {direction} by {method}</source>
        <translation>{name} ({worker_id})، {day} {time}، {direction} عبر {method}</translation>
    </message>
    <message>
        <source>Void punch</source>
        <translation>إلغاء التسجيل</translation>
    </message>
    <message>
        <source>Why: e.g. a colleague walked past the camera</source>
        <translation>السبب: مثلًا مرّ زميل أمام الكاميرا</translation>
    </message>
    <message>
        <source>The punch is kept, marked void; the reason goes to the audit trail.</source>
        <translation>يُحتفظ بالتسجيل مُعلَّمًا كملغى؛ ويُدوَّن السبب في سجل التدقيق.</translation>
    </message>
    <message>
        <source>Punch</source>
        <translation>التسجيل</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>السبب</translation>
    </message>
    <message>
        <source>Void a punch</source>
        <translation>إلغاء تسجيل</translation>
    </message>
    <message>
        <source>Not voided</source>
        <translation>لم يُلغَ</translation>
    </message>
</context>
<context>
    <name>WeekDialog</name>
    <message>
        <source>Day</source>
        <translation>اليوم</translation>
    </message>
    <message>
        <source>In</source>
        <translation>دخول</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>خروج</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>الساعات</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>My hours</source>
        <translation>ساعاتي</translation>
    </message>
    <message>
        <source>{name} ({worker_id}): this week</source>
        <translation>{name} ({worker_id}): هذا الأسبوع</translation>
    </message>
    <message>
        <source>No days yet this week</source>
        <translation>لا أيام بعد هذا الأسبوع</translation>
    </message>
    <message>
        <source>Total this week: {duration}</source>
        <translation>مجموع هذا الأسبوع: {duration}</translation>
    </message>
    <message>
        <source>Something wrong? HR can correct it. This closes by itself.</source>
        <translation>هل من خطأ؟ يمكن للموارد البشرية تصحيحه. تُغلق هذه النافذة من تلقاء نفسها.</translation>
    </message>
    <message>
        <source>Closes your week; it also closes by itself.</source>
        <translation>يغلق أسبوعك؛ ويُغلق أيضًا من تلقاء نفسه.</translation>
    </message>
</context>
<context>
    <name>WorkerCheckinDialog</name>
    <message>
        <source>Check in with my worker ID</source>
        <translation>التسجيل برقم العامل</translation>
    </message>
    <message>
        <source>Type your worker ID</source>
        <translation>اكتب رقم العامل</translation>
    </message>
    <message>
        <source>Letters, digits, - and _; then your personal PIN. Ask HR if you have none.</source>
        <translation>حروف وأرقام و- و_؛ ثم رمزك الشخصي. اطلبه من الموارد البشرية إن لم يكن لديك.</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>رجوع</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Worker ID {worker_id}: type your PIN</source>
        <translation>رقم العامل {worker_id}: اكتب رمزك</translation>
    </message>
    <message>
        <source>4 to 6 digits, then OK.</source>
        <translation>من 4 إلى 6 أرقام، ثم OK.</translation>
    </message>
    <message>
        <source>Could not check you in: {reason}. Try again or see HR.</source>
        <translation>تعذّر تسجيلك: {reason}. حاول مرة أخرى أو راجع الموارد البشرية.</translation>
    </message>
</context>
<context>
    <name>form_dialog</name>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>{what}: {reason}</source>
        <translation>{what}: {reason}</translation>
    </message>
</context>
<context>
    <name>pickers</name>
    <message>
        <source>From</source>
        <translation>من</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>تاريخ البداية</translation>
    </message>
    <message>
        <source>to</source>
        <translation>إلى</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>تاريخ النهاية</translation>
    </message>
    <message>
        <source>Employee</source>
        <translation>الموظف</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>الجميع</translation>
    </message>
    <message>
        <source> - deleted</source>
        <translation> - محذوف</translation>
    </message>
</context>
<context>
    <name>shift_dialog</name>
    <message>
        <source> min</source>
        <translation> د</translation>
    </message>
    <message>
        <source> h</source>
        <translation> س</translation>
    </message>
</context>
</TS>
