<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AttendancePage</name>
    <message numerus="yes">
        <source>%Ln punch(es)</source>
        <translation>
            <numerusform>%Ln punch</numerusform>
            <numerusform>%Ln punches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (and %Ln voided)</source>
        <translation>
            <numerusform> (and %Ln voided)</numerusform>
            <numerusform> (and %Ln voided)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln person-day(s) from {start} to {end}</source>
        <translation>
            <numerusform>%Ln person-day from {start} to {end}</numerusform>
            <numerusform>%Ln person-days from {start} to {end}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message numerus="yes">
        <source>%Ln action(s) from {start} to {end}</source>
        <translation>
            <numerusform>%Ln action from {start} to {end}</numerusform>
            <numerusform>%Ln actions from {start} to {end}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>✓ The audit trail is intact (%Ln rows).</source>
        <translation>
            <numerusform>✓ The audit trail is intact (%Ln row).</numerusform>
            <numerusform>✓ The audit trail is intact (%Ln rows).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>✓ Wrote %Ln rows to {target}</source>
        <translation>
            <numerusform>✓ Wrote %Ln row to {target}</numerusform>
            <numerusform>✓ Wrote %Ln rows to {target}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EmployeesPage</name>
    <message numerus="yes">
        <source>{shown} of %Ln enrolled matching “{query}”</source>
        <translation>
            <numerusform>{shown} of %Ln enrolled matching “{query}”</numerusform>
            <numerusform>{shown} of %Ln enrolled matching “{query}”</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %Ln enrolled</source>
        <translation>
            <numerusform>{shown} of %Ln enrolled</numerusform>
            <numerusform>{shown} of %Ln enrolled</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln check-in(s)</source>
        <translation>
            <numerusform>%Ln check-in</numerusform>
            <numerusform>%Ln check-ins</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln access-log row(s)</source>
        <translation>
            <numerusform>%Ln access-log row</numerusform>
            <numerusform>%Ln access-log rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln PIN check-in photo(s)</source>
        <translation>
            <numerusform>%Ln PIN check-in photo</numerusform>
            <numerusform>%Ln PIN check-in photos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EngineMessage</name>
    <message numerus="yes">
        <source>{worked} today, %Ln min before the end of the shift. Goodbye!</source>
        <translation>
            <numerusform>{worked} today, %Ln min before the end of the shift. Goodbye!</numerusform>
            <numerusform>{worked} today, %Ln min before the end of the shift. Goodbye!</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln min late today.</source>
        <translation>
            <numerusform>%Ln min late today.</numerusform>
            <numerusform>%Ln min late today.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln record(s) waiting</source>
        <translation>
            <numerusform>%Ln record waiting</numerusform>
            <numerusform>%Ln records waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>embedded %Ln faces</source>
        <translation>
            <numerusform>embedded %Ln face</numerusform>
            <numerusform>embedded %Ln faces</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrong PIN. %Ln tries left.</source>
        <translation>
            <numerusform>Wrong PIN. %Ln try left.</numerusform>
            <numerusform>Wrong PIN. %Ln tries left.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong PINs. Try again in %Ln s.</source>
        <translation>
            <numerusform>Too many wrong PINs. Try again in %Ln s.</numerusform>
            <numerusform>Too many wrong PINs. Try again in %Ln s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrong worker ID or PIN. %Ln tries left.</source>
        <translation>
            <numerusform>Wrong worker ID or PIN. %Ln try left.</numerusform>
            <numerusform>Wrong worker ID or PIN. %Ln tries left.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln s</source>
        <translation>
            <numerusform>%Ln s</numerusform>
            <numerusform>%Ln s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln min</source>
        <translation>
            <numerusform>%Ln min</numerusform>
            <numerusform>%Ln min</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExpertPage</name>
    <message numerus="yes">
        <source>{name}: %Ln face(s) · model {model} · threshold {threshold}</source>
        <translation>
            <numerusform>{name}: %Ln face · model {model} · threshold {threshold}</numerusform>
            <numerusform>{name}: %Ln faces · model {model} · threshold {threshold}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <source>✓ Wrote %Ln row(s) to {target}</source>
        <translation>
            <numerusform>✓ Wrote %Ln row to {target}</numerusform>
            <numerusform>✓ Wrote %Ln rows to {target}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MonthlyPage</name>
    <message numerus="yes">
        <source>%Ln person(s), {start} to {end}</source>
        <translation>
            <numerusform>%Ln person, {start} to {end}</numerusform>
            <numerusform>%Ln people, {start} to {end}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{name} ({worker_id}), {month}: %Ln day(s)</source>
        <translation>
            <numerusform>{name} ({worker_id}), {month}: %Ln day</numerusform>
            <numerusform>{name} ({worker_id}), {month}: %Ln days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %Ln corrected (marked)</source>
        <translation>
            <numerusform>, %Ln corrected (marked)</numerusform>
            <numerusform>, %Ln corrected (marked)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PhotosPage</name>
    <message numerus="yes">
        <source>camera photo, best of %Ln frames</source>
        <translation>
            <numerusform>camera photo, best of %Ln frame</numerusform>
            <numerusform>camera photo, best of %Ln frames</numerusform>
        </translation>
    </message>
</context>
</TS>
