<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AttendancePage</name>
    <message numerus="yes">
        <source>%n punch(es)</source>
        <translation>
            <numerusform>%n punch</numerusform>
            <numerusform>%n punches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (and %n voided)</source>
        <translation>
            <numerusform> (and %n voided)</numerusform>
            <numerusform> (and %n voided)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n person-day(s) from {start} to {end}</source>
        <translation>
            <numerusform>%n person-day from {start} to {end}</numerusform>
            <numerusform>%n person-days from {start} to {end}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message numerus="yes">
        <source>%n action(s) from {start} to {end}</source>
        <translation>
            <numerusform>%n action from {start} to {end}</numerusform>
            <numerusform>%n actions from {start} to {end}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>✓ The audit trail is intact (%n rows).</source>
        <translation>
            <numerusform>✓ The audit trail is intact (%n row).</numerusform>
            <numerusform>✓ The audit trail is intact (%n rows).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>✓ Wrote %n rows to {target}</source>
        <translation>
            <numerusform>✓ Wrote %n row to {target}</numerusform>
            <numerusform>✓ Wrote %n rows to {target}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EmployeesPage</name>
    <message numerus="yes">
        <source>{shown} of %n enrolled matching “{query}”</source>
        <translation>
            <numerusform>{shown} of %n enrolled matching “{query}”</numerusform>
            <numerusform>{shown} of %n enrolled matching “{query}”</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %n enrolled</source>
        <translation>
            <numerusform>{shown} of %n enrolled</numerusform>
            <numerusform>{shown} of %n enrolled</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EngineMessage</name>
    <message numerus="yes">
        <source>{worked} today, %n min before the end of the shift. Goodbye!</source>
        <translation>
            <numerusform>{worked} today, %n min before the end of the shift. Goodbye!</numerusform>
            <numerusform>{worked} today, %n min before the end of the shift. Goodbye!</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min late today.</source>
        <translation>
            <numerusform>%n min late today.</numerusform>
            <numerusform>%n min late today.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>embedded %n faces</source>
        <translation>
            <numerusform>embedded %n face</numerusform>
            <numerusform>embedded %n faces</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrong PIN. %n tries left.</source>
        <translation>
            <numerusform>Wrong PIN. %n try left.</numerusform>
            <numerusform>Wrong PIN. %n tries left.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong PINs. Try again in %n s.</source>
        <translation>
            <numerusform>Too many wrong PINs. Try again in %n s.</numerusform>
            <numerusform>Too many wrong PINs. Try again in %n s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrong worker ID or PIN. %n tries left.</source>
        <translation>
            <numerusform>Wrong worker ID or PIN. %n try left.</numerusform>
            <numerusform>Wrong worker ID or PIN. %n tries left.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExpertPage</name>
    <message numerus="yes">
        <source>{name}: %n face(s) · model {model} · threshold {threshold}</source>
        <translation>
            <numerusform>{name}: %n face · model {model} · threshold {threshold}</numerusform>
            <numerusform>{name}: %n faces · model {model} · threshold {threshold}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <source>✓ Wrote %n row(s) to {target}</source>
        <translation>
            <numerusform>✓ Wrote %n row to {target}</numerusform>
            <numerusform>✓ Wrote %n rows to {target}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LivePage</name>
    <message numerus="yes">
        <source>%n enrolled</source>
        <translation>
            <numerusform>%n enrolled</numerusform>
            <numerusform>%n enrolled</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MonthlyPage</name>
    <message numerus="yes">
        <source>%n person(s), {start} to {end}</source>
        <translation>
            <numerusform>%n person, {start} to {end}</numerusform>
            <numerusform>%n people, {start} to {end}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{name} ({worker_id}), {month}: %n day(s)</source>
        <translation>
            <numerusform>{name} ({worker_id}), {month}: %n day</numerusform>
            <numerusform>{name} ({worker_id}), {month}: %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n corrected (marked)</source>
        <translation>
            <numerusform>, %n corrected (marked)</numerusform>
            <numerusform>, %n corrected (marked)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PhotosPage</name>
    <message numerus="yes">
        <source>camera photo, best of %n frames</source>
        <translation>
            <numerusform>camera photo, best of %n frame</numerusform>
            <numerusform>camera photo, best of %n frames</numerusform>
        </translation>
    </message>
</context>
</TS>
