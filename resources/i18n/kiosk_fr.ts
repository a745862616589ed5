<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>Accessibility</name>
    <message>
        <source>Delete the last character</source>
        <translation>Effacer le dernier caractère</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>More</source>
        <translation>Plus</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>{title} table</source>
        <translation>Tableau {title}</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tableau</translation>
    </message>
</context>
<context>
    <name>AccessibilityPage</name>
    <message>
        <source>Normal</source>
        <translation>Normale</translation>
    </message>
    <message>
        <source>Larger (125%)</source>
        <translation>Plus grande (125 %)</translation>
    </message>
    <message>
        <source>Largest (150%)</source>
        <translation>La plus grande (150 %)</translation>
    </message>
    <message>
        <source>Accessibility</source>
        <translation>Accessibilité</translation>
    </message>
    <message>
        <source>How the kiosk looks and sounds, for everyone who uses it. Changes apply at once.</source>
        <translation>L&apos;apparence et les sons de la borne, pour tous ceux qui l&apos;utilisent. Les changements s&apos;appliquent aussitôt.</translation>
    </message>
    <message>
        <source>High-contrast colours</source>
        <translation>Couleurs à contraste élevé</translation>
    </message>
    <message>
        <source>Black and white with strong colours, every control outlined.</source>
        <translation>Noir et blanc avec des couleurs vives, chaque commande entourée.</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>Sound volume</source>
        <translation>Volume sonore</translation>
    </message>
    <message>
        <source>0 is silent.</source>
        <translation>0 coupe le son.</translation>
    </message>
    <message>
        <source>Play the check-in sound</source>
        <translation>Écouter le son du pointage</translation>
    </message>
    <message>
        <source>Play the “not recognised” sound</source>
        <translation>Écouter le son « non reconnu »</translation>
    </message>
    <message>
        <source>Colours</source>
        <translation>Couleurs</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>Taille du texte</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>Non enregistré : {reason}</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
    <message>
        <source>No sound: this machine has no audio output.</source>
        <translation>Pas de son : cet appareil n&apos;a pas de sortie audio.</translation>
    </message>
    <message>
        <source>No sound: the volume is 0.</source>
        <translation>Pas de son : le volume est à 0.</translation>
    </message>
</context>
<context>
    <name>AddPunchDialog</name>
    <message>
        <source>type the time as hours and minutes, such as 17:30 (got {text})</source>
        <translation>saisissez l&apos;heure en heures et minutes, par exemple 17:30 (reçu {text})</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>rien</translation>
    </message>
    <message>
        <source>Add missing punch</source>
        <translation>Ajouter un pointage manquant</translation>
    </message>
    <message>
        <source>Choose a person</source>
        <translation>Choisir une personne</translation>
    </message>
    <message>
        <source>HH:MM, e.g. 17:30</source>
        <translation>HH:MM, par ex. 17:30</translation>
    </message>
    <message>
        <source>Why: e.g. forgot to check out, confirmed by the manager</source>
        <translation>Motif : par ex. oubli de pointer la sortie, confirmé par le responsable</translation>
    </message>
    <message>
        <source>The punch is marked as added by HR; the reason goes to the audit trail.</source>
        <translation>Le pointage est marqué comme ajouté par les RH ; le motif est inscrit au journal d&apos;audit.</translation>
    </message>
    <message>
        <source>Add punch</source>
        <translation>Ajouter le pointage</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Personne</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Sens</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Add a missing punch</source>
        <translation>Ajouter un pointage manquant</translation>
    </message>
    <message>
        <source>Not added</source>
        <translation>Non ajouté</translation>
    </message>
    <message>
        <source>choose the person the punch is for</source>
        <translation>choisissez la personne concernée par le pointage</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <source>Sign out</source>
        <translation>Se déconnecter</translation>
    </message>
    <message>
        <source>Employees</source>
        <translation>Employés</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Aujourd&apos;hui</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Présences</translation>
    </message>
    <message>
        <source>Monthly sheet</source>
        <translation>Feuille mensuelle</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>Mois</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Statistiques</translation>
    </message>
    <message>
        <source>Expert recognition</source>
        <translation>Reconnaissance experte</translation>
    </message>
    <message>
        <source>Expert</source>
        <translation>Expert</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>Journal d&apos;audit</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>Audit</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Sécurité</translation>
    </message>
    <message>
        <source>Shift settings</source>
        <translation>Réglages des horaires</translation>
    </message>
    <message>
        <source>Shifts</source>
        <translation>Horaires</translation>
    </message>
    <message>
        <source>Accessibility</source>
        <translation>Accessibilité</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>Accès</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Aide</translation>
    </message>
    <message>
        <source>Leave kiosk mode</source>
        <translation>Quitter le mode borne</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>Back to kiosk</source>
        <translation>Retour à la borne</translation>
    </message>
    <message>
        <source>HR</source>
        <translation>RH</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
</context>
<context>
    <name>AttendancePage</name>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Sens</translation>
    </message>
    <message>
        <source>Worker ID</source>
        <translation>Matricule</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Méthode</translation>
    </message>
    <message>
        <source>Similarity</source>
        <translation>Similarité</translation>
    </message>
    <message>
        <source>Mask</source>
        <translation>Masque</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>VOID ({who}): {reason}</source>
        <translation>ANNULÉ ({who}) : {reason}</translation>
    </message>
    <message>
        <source>Added ({who}): {reason}</source>
        <translation>Ajouté ({who}) : {reason}</translation>
    </message>
    <message>
        <source>direction chosen at the kiosk</source>
        <translation>sens choisi à la borne</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Présences</translation>
    </message>
    <message>
        <source>Punches recorded at the kiosk, and HR&apos;s corrections</source>
        <translation>Pointages enregistrés à la borne, et corrections des RH</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <source>Add missing punch…</source>
        <translation>Ajouter un pointage manquant…</translation>
    </message>
    <message>
        <source>Void punch…</source>
        <translation>Annuler un pointage…</translation>
    </message>
    <message>
        <source>Punches</source>
        <translation>Pointages</translation>
    </message>
    <message>
        <source>Daily summary</source>
        <translation>Résumé par jour</translation>
    </message>
    <message>
        <source>The end date is before the start date.</source>
        <translation>La date de fin est antérieure à la date de début.</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message numerus="yes">
        <source>%Ln punch(es)</source>
        <translation>
            <numerusform>%Ln pointage</numerusform>
            <numerusform>%Ln pointages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (and %Ln voided)</source>
        <translation>
            <numerusform> (et %Ln annulé)</numerusform>
            <numerusform> (et %Ln annulés)</numerusform>
        </translation>
    </message>
    <message>
        <source>{punches} from {start} to {end}</source>
        <translation>{punches} du {start} au {end}</translation>
    </message>
    <message>
        <source>First in</source>
        <translation>Première entrée</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Dernier passage</translation>
    </message>
    <message>
        <source>Check-ins</source>
        <translation>Pointages</translation>
    </message>
    <message numerus="yes">
        <source>%Ln person-day(s) from {start} to {end}</source>
        <translation>
            <numerusform>%Ln jour-personne du {start} au {end}</numerusform>
            <numerusform>%Ln jours-personnes du {start} au {end}</numerusform>
        </translation>
    </message>
    <message>
        <source>Punch added: {who}, {day}. </source>
        <translation>Pointage ajouté : {who}, {day}. </translation>
    </message>
    <message>
        <source>Punch voided: {who}, {day}. </source>
        <translation>Pointage annulé : {who}, {day}. </translation>
    </message>
</context>
<context>
    <name>AttendanceSettingsPage</name>
    <message>
        <source>Automatic: first punch of the day IN, then alternating</source>
        <translation>Automatique : premier pointage du jour en ENTRÉE, puis en alternance</translation>
    </message>
    <message>
        <source>By time of day: IN before a time, OUT after it</source>
        <translation>Selon l&apos;heure : ENTRÉE avant une heure donnée, SORTIE après</translation>
    </message>
    <message>
        <source>The person taps IN / OUT / Break after the punch</source>
        <translation>La personne touche ENTRÉE / SORTIE / Pause après le pointage</translation>
    </message>
    <message>
        <source>This machine&apos;s zone</source>
        <translation>Fuseau de cette machine</translation>
    </message>
    <message>
        <source>Punches</source>
        <translation>Pointages</translation>
    </message>
    <message>
        <source>Check-outs</source>
        <translation>Sorties</translation>
    </message>
    <message>
        <source>Shifts</source>
        <translation>Horaires</translation>
    </message>
    <message>
        <source>Departments</source>
        <translation>Services</translation>
    </message>
    <message>
        <source>Holidays</source>
        <translation>Jours fériés</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>Horaire</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Heures</translation>
    </message>
    <message>
        <source>Late / early grace</source>
        <translation>Tolérance retard / départ anticipé</translation>
    </message>
    <message>
        <source>Full / half day</source>
        <translation>Journée / demi-journée</translation>
    </message>
    <message>
        <source>Hours counted</source>
        <translation>Heures comptées</translation>
    </message>
    <message>
        <source>Days off</source>
        <translation>Jours de repos</translation>
    </message>
    <message>
        <source>Attendance settings</source>
        <translation>Réglages des présences</translation>
    </message>
    <message>
        <source>Time zone, punches, shifts and holidays (saved in kiosk.toml)</source>
        <translation>Fuseau horaire, pointages, horaires et jours fériés (enregistrés dans kiosk.toml)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Close them automatically</source>
        <translation>Les clôturer automatiquement</translation>
    </message>
    <message>
        <source> min after the shift ends</source>
        <translation> min après la fin de l&apos;horaire</translation>
    </message>
    <message>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Fuseau horaire</translation>
    </message>
    <message>
        <source>Punch direction</source>
        <translation>Sens du pointage</translation>
    </message>
    <message>
        <source>Check-outs from</source>
        <translation>Sorties à partir de</translation>
    </message>
    <message>
        <source>Buttons shown for</source>
        <translation>Boutons affichés pendant</translation>
    </message>
    <message>
        <source>Duplicate window</source>
        <translation>Délai anti-doublon</translation>
    </message>
    <message>
        <source>Forgotten check-outs</source>
        <translation>Sorties oubliées</translation>
    </message>
    <message>
        <source>Closed at</source>
        <translation>Clôturées à</translation>
    </message>
    <message>
        <source>Flag sessions longer than</source>
        <translation>Signaler les présences de plus de</translation>
    </message>
    <message>
        <source>Default shift</source>
        <translation>Horaire par défaut</translation>
    </message>
    <message>
        <source>Add shift…</source>
        <translation>Ajouter un horaire…</translation>
    </message>
    <message>
        <source>Edit shift…</source>
        <translation>Modifier l&apos;horaire…</translation>
    </message>
    <message>
        <source>Remove shift</source>
        <translation>Supprimer l&apos;horaire</translation>
    </message>
    <message>
        <source>A person works their own shift if one is set (Employees), else their department&apos;s, else the default shift.</source>
        <translation>Une personne suit son propre horaire s&apos;il est défini (Employés), sinon celui de son service, sinon l&apos;horaire par défaut.</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Set shift</source>
        <translation>Définir l&apos;horaire</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Name, e.g. New Year&apos;s Day</source>
        <translation>Nom, par ex. Jour de l&apos;an</translation>
    </message>
    <message>
        <source>Add holiday</source>
        <translation>Ajouter un jour férié</translation>
    </message>
    <message>
        <source> (next day)</source>
        <translation> (lendemain)</translation>
    </message>
    <message>
        <source>{late} / {early} min</source>
        <translation>{late} / {early} min</translation>
    </message>
    <message>
        <source>{full} / {half} h</source>
        <translation>{full} / {half} h</translation>
    </message>
    <message>
        <source>in/out pairs</source>
        <translation>paires entrée/sortie</translation>
    </message>
    <message>
        <source>first in to last out</source>
        <translation>première entrée à dernière sortie</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>Shift {name} changed: Save to keep it.</source>
        <translation>Horaire {name} modifié : enregistrez pour le conserver.</translation>
    </message>
    <message>
        <source>Shift {name} added: Save to keep it.</source>
        <translation>Horaire {name} ajouté : enregistrez pour le conserver.</translation>
    </message>
    <message>
        <source>Choose a shift in the list first.</source>
        <translation>Choisissez d&apos;abord un horaire dans la liste.</translation>
    </message>
    <message>
        <source>Shift {name} removed: Save to keep the change.</source>
        <translation>Horaire {name} supprimé : enregistrez pour conserver la modification.</translation>
    </message>
    <message>
        <source>Type or choose a department and its shift.</source>
        <translation>Saisissez ou choisissez un service et son horaire.</translation>
    </message>
    <message>
        <source>{department} works the {shift} shift: Save to keep it.</source>
        <translation>{department} suit l&apos;horaire {shift} : enregistrez pour le conserver.</translation>
    </message>
    <message>
        <source>Choose a department in the list first.</source>
        <translation>Choisissez d&apos;abord un service dans la liste.</translation>
    </message>
    <message>
        <source>{department} works the default shift again: Save to keep it.</source>
        <translation>{department} suit de nouveau l&apos;horaire par défaut : enregistrez pour le conserver.</translation>
    </message>
    <message>
        <source>Holiday {day} added: Save to keep it.</source>
        <translation>Jour férié {day} ajouté : enregistrez pour le conserver.</translation>
    </message>
    <message>
        <source>Choose a holiday in the list first.</source>
        <translation>Choisissez d&apos;abord un jour férié dans la liste.</translation>
    </message>
    <message>
        <source>Holiday {day} removed: Save to keep the change.</source>
        <translation>Jour férié {day} supprimé : enregistrez pour conserver la modification.</translation>
    </message>
    <message>
        <source>Nothing to save: the settings are as they were.</source>
        <translation>Rien à enregistrer : les réglages n&apos;ont pas changé.</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>Non enregistré : {reason}</translation>
    </message>
    <message>
        <source>Not saved: kiosk.toml could not be written ({reason}).</source>
        <translation>Non enregistré : impossible d&apos;écrire kiosk.toml ({reason}).</translation>
    </message>
    <message>
        <source>✓ Saved to {where}; punches and reports follow the new settings now.</source>
        <translation>✓ Enregistré dans {where} ; les pointages et les rapports suivent désormais les nouveaux réglages.</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Worker ID</source>
        <translation>Matricule</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>Journal d&apos;audit</translation>
    </message>
    <message>
        <source>Who did what, when and to whom: append-only, tamper-evident</source>
        <translation>Qui a fait quoi, quand et pour qui : ajout seul, toute altération détectable</translation>
    </message>
    <message>
        <source>Check integrity</source>
        <translation>Vérifier l&apos;intégrité</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>Exporter en CSV</translation>
    </message>
    <message>
        <source>The end date is before the start date.</source>
        <translation>La date de fin est antérieure à la date de début.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln action(s) from {start} to {end}</source>
        <translation>
            <numerusform>%Ln action du {start} au {end}</numerusform>
            <numerusform>%Ln actions du {start} au {end}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>✓ The audit trail is intact (%Ln rows).</source>
        <translation>
            <numerusform>✓ Le journal d&apos;audit est intact (%Ln ligne).</numerusform>
            <numerusform>✓ Le journal d&apos;audit est intact (%Ln lignes).</numerusform>
        </translation>
    </message>
    <message>
        <source>The audit trail has been tampered with: {problem}. Restore the database from a backup and keep this copy for investigation.</source>
        <translation>Le journal d&apos;audit a été altéré : {problem}. Restaurez la base depuis une sauvegarde et conservez cette copie pour l&apos;enquête.</translation>
    </message>
    <message>
        <source>Could not export: {reason}</source>
        <translation>Impossible d&apos;exporter : {reason}</translation>
    </message>
    <message numerus="yes">
        <source>✓ Wrote %Ln rows to {target}</source>
        <translation>
            <numerusform>✓ %Ln ligne écrite dans {target}</numerusform>
            <numerusform>✓ %Ln lignes écrites dans {target}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <source>Chart</source>
        <translation>Graphique</translation>
    </message>
    <message>
        <source>No data yet</source>
        <translation>Pas encore de données</translation>
    </message>
    <message>
        <source>No check-ins yet</source>
        <translation>Aucun pointage pour le moment</translation>
    </message>
</context>
<context>
    <name>CaptureThread</name>
    <message>
        <source>camera {number}</source>
        <translation>caméra {number}</translation>
    </message>
    <message>
        <source>stream {address}</source>
        <translation>flux {address}</translation>
    </message>
    <message>
        <source>video {name}</source>
        <translation>vidéo {name}</translation>
    </message>
    <message>
        <source>Connecting to {source}…</source>
        <translation>Connexion à {source}…</translation>
    </message>
    <message>
        <source>No picture from {source}. Retrying in {seconds} s (attempt {attempt}).</source>
        <translation>Pas d&apos;image de {source}. Nouvel essai dans {seconds} s (tentative {attempt}).</translation>
    </message>
    <message>
        <source>The video {name} has ended.</source>
        <translation>La vidéo {name} est terminée.</translation>
    </message>
    <message>
        <source>Camera stopped.</source>
        <translation>Caméra arrêtée.</translation>
    </message>
    <message>
        <source>{source} live</source>
        <translation>{source} en direct</translation>
    </message>
    <message>
        <source>Lost {source}; reconnecting…</source>
        <translation>{source} perdue ; reconnexion…</translation>
    </message>
</context>
<context>
    <name>ChallengePrompt</name>
    <message>
        <source>Turn your head to your left</source>
        <translation>Tournez la tête vers votre gauche</translation>
    </message>
    <message>
        <source>Turn your head to your right</source>
        <translation>Tournez la tête vers votre droite</translation>
    </message>
    <message>
        <source>Look up</source>
        <translation>Regardez en haut</translation>
    </message>
    <message>
        <source>Look down</source>
        <translation>Regardez en bas</translation>
    </message>
    <message>
        <source>Blink your eyes</source>
        <translation>Clignez des yeux</translation>
    </message>
    <message>
        <source>Not quite - let&apos;s try again</source>
        <translation>Pas tout à fait - on recommence</translation>
    </message>
    <message>
        <source>Please check in with your worker ID</source>
        <translation>Veuillez pointer avec votre matricule</translation>
    </message>
</context>
<context>
    <name>ChallengePromptView</name>
    <message>
        <source>{seconds} s left</source>
        <translation>encore {seconds} s</translation>
    </message>
    <message>
        <source>Step {step} of {steps} · {left}</source>
        <translation>Étape {step} sur {steps} · {left}</translation>
    </message>
    <message>
        <source>Attempt {attempt} of {attempts} coming up</source>
        <translation>Essai {attempt} sur {attempts} dans un instant</translation>
    </message>
    <message>
        <source>Tap &quot;Check in with my worker ID&quot; below</source>
        <translation>Touchez « Pointer avec mon matricule » ci-dessous</translation>
    </message>
</context>
<context>
    <name>CodeDialog</name>
    <message>
        <source>New recovery code</source>
        <translation>Nouveau code de secours</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>New recovery code: the earlier one no longer works</source>
        <translation>Nouveau code de secours : l&apos;ancien ne fonctionne plus</translation>
    </message>
</context>
<context>
    <name>CodePage</name>
    <message>
        <source>Your recovery code</source>
        <translation>Votre code de secours</translation>
    </message>
    <message>
        <source>It resets the admin PIN if it is ever forgotten, here (&quot;Forgot the admin PIN?&quot;) or with `kiosk reset-admin-pin`. It is shown this once and works once: write it down and keep it away from the kiosk.</source>
        <translation>Il réinitialise le code administrateur s&apos;il est oublié, ici (« Code administrateur oublié ? ») ou avec `kiosk reset-admin-pin`. Il n&apos;est montré qu&apos;une fois et ne sert qu&apos;une fois : notez-le et gardez-le loin de la borne.</translation>
    </message>
    <message>
        <source>Recovery code</source>
        <translation>Code de secours</translation>
    </message>
    <message>
        <source>I have written the recovery code down</source>
        <translation>J&apos;ai noté le code de secours</translation>
    </message>
</context>
<context>
    <name>DayFlag</name>
    <message>
        <source>late</source>
        <translation>retard</translation>
    </message>
    <message>
        <source>early leave</source>
        <translation>départ anticipé</translation>
    </message>
    <message>
        <source>missing out</source>
        <translation>sortie manquante</translation>
    </message>
    <message>
        <source>auto closed</source>
        <translation>clôturé automatiquement</translation>
    </message>
    <message>
        <source>long session</source>
        <translation>présence longue</translation>
    </message>
    <message>
        <source>day off</source>
        <translation>jour de repos</translation>
    </message>
    <message>
        <source>holiday</source>
        <translation>jour férié</translation>
    </message>
    <message>
        <source>worked off day</source>
        <translation>travaillé un jour de repos</translation>
    </message>
    <message>
        <source>half day</source>
        <translation>demi-journée</translation>
    </message>
    <message>
        <source>absent</source>
        <translation>absent</translation>
    </message>
    <message>
        <source>duplicates ignored</source>
        <translation>doublons ignorés</translation>
    </message>
    <message>
        <source>missing in</source>
        <translation>entrée manquante</translation>
    </message>
</context>
<context>
    <name>DayStatus</name>
    <message>
        <source>Present</source>
        <translation>Présent</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>En retard</translation>
    </message>
    <message>
        <source>Half day</source>
        <translation>Demi-journée</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>Absent</translation>
    </message>
    <message>
        <source>Day off</source>
        <translation>Repos</translation>
    </message>
    <message>
        <source>Holiday</source>
        <translation>Jour férié</translation>
    </message>
    <message>
        <source>No check-out</source>
        <translation>Pas de sortie</translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation>Entré</translation>
    </message>
    <message>
        <source>Not in yet</source>
        <translation>Pas encore arrivé</translation>
    </message>
    <message>
        <source>Late {duration}</source>
        <translation>En retard de {duration}</translation>
    </message>
    <message>
        <source>{duration} late</source>
        <translation>{duration} de retard</translation>
    </message>
    <message>
        <source>no check-out</source>
        <translation>pas de sortie</translation>
    </message>
    <message>
        <source>corrected by HR</source>
        <translation>corrigé par les RH</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>DetailsPage</name>
    <message>
        <source>New employee</source>
        <translation>Nouvel employé</translation>
    </message>
    <message>
        <source>Re-enroll employee</source>
        <translation>Réinscrire l&apos;employé</translation>
    </message>
    <message>
        <source>Type the employee&apos;s details. The worker ID: {rule}.</source>
        <translation>Saisissez les informations de l&apos;employé. Le matricule : {rule}.</translation>
    </message>
    <message>
        <source>1-{max} letters, digits, hyphens (-) and underscores (_), starting with a letter or a digit</source>
        <translation>1 à {max} lettres, chiffres, tirets (-) et soulignés (_), commençant par une lettre ou un chiffre</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Nom complet</translation>
    </message>
    <message>
        <source>e.g. W1024</source>
        <translation>par ex. W1024</translation>
    </message>
    <message>
        <source>e.g. +44 7700 900123</source>
        <translation>par ex. +33 6 12 34 56 78</translation>
    </message>
    <message>
        <source>optional, 4-6 digits</source>
        <translation>facultatif, 4 à 6 chiffres</translation>
    </message>
    <message>
        <source>The employee agrees that their face is stored to record attendance (signed consent form on file).</source>
        <translation>L&apos;employé accepte que son visage soit enregistré pour le pointage (formulaire de consentement signé archivé).</translation>
    </message>
    <message>
        <source>Consent given</source>
        <translation>Consentement donné</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Worker ID</source>
        <translation>Matricule</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <source>Check-in PIN</source>
        <translation>Code de pointage</translation>
    </message>
    <message>
        <source>Please fix: </source>
        <translation>À corriger : </translation>
    </message>
</context>
<context>
    <name>DuplicatePage</name>
    <message>
        <source>Duplicate check</source>
        <translation>Recherche de doublons</translation>
    </message>
    <message>
        <source>The photos are compared with everyone already enrolled.</source>
        <translation>Les photos sont comparées à toutes les personnes déjà inscrites.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Vérification…</translation>
    </message>
    <message>
        <source>New photo</source>
        <translation>Nouvelle photo</translation>
    </message>
    <message>
        <source>It is a different person: enroll anyway</source>
        <translation>C&apos;est une autre personne : inscrire quand même</translation>
    </message>
    <message>
        <source>Checking the gallery…</source>
        <translation>Vérification de la galerie…</translation>
    </message>
    <message>
        <source>The duplicate check failed: {reason}</source>
        <translation>La recherche de doublons a échoué : {reason}</translation>
    </message>
    <message>
        <source>✓ Nobody already enrolled looks like this person.</source>
        <translation>✓ Aucune personne inscrite ne ressemble à cette personne.</translation>
    </message>
    <message>
        <source>These photos look like {name} (worker ID {worker_id}), similarity {score}, who is already enrolled.
Cancel if it is the same person (use Re-enroll instead), or confirm below that it is someone else.</source>
        <translation>Ces photos ressemblent à {name} (matricule {worker_id}), similarité {score}, déjà inscrit.
Annulez s&apos;il s&apos;agit de la même personne (utilisez plutôt Réinscrire), ou confirmez ci-dessous qu&apos;il s&apos;agit de quelqu&apos;un d&apos;autre.</translation>
    </message>
    <message>
        <source>Enrolled: {name} ({worker_id})</source>
        <translation>Inscrit : {name} ({worker_id})</translation>
    </message>
    <message>
        <source>(no stored photo)</source>
        <translation>(aucune photo enregistrée)</translation>
    </message>
    <message>
        <source>Note: the three photos look less alike than one person usually does (lowest similarity {score}); check they show the same person.</source>
        <translation>Remarque : les trois photos se ressemblent moins que d&apos;habitude pour une même personne (similarité minimale {score}) ; vérifiez qu&apos;elles montrent bien la même personne.</translation>
    </message>
</context>
<context>
    <name>Duration</name>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} h {minutes} min</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} min</translation>
    </message>
</context>
<context>
    <name>EmployeesPage</name>
    <message>
        <source>Employees</source>
        <translation>Employés</translation>
    </message>
    <message>
        <source>Everyone who can check in at this kiosk</source>
        <translation>Toutes les personnes qui peuvent pointer à cette borne</translation>
    </message>
    <message>
        <source>Enroll new</source>
        <translation>Inscrire</translation>
    </message>
    <message>
        <source>Search by name or worker ID</source>
        <translation>Rechercher par nom ou matricule</translation>
    </message>
    <message>
        <source>Worker ID</source>
        <translation>Matricule</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation>Inscrit le</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Modèles</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Re-enroll</source>
        <translation>Réinscrire</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Set check-in PIN</source>
        <translation>Définir le code de pointage</translation>
    </message>
    <message>
        <source>Change worker ID</source>
        <translation>Changer le matricule</translation>
    </message>
    <message>
        <source>Edit details</source>
        <translation>Modifier les informations</translation>
    </message>
    <message>
        <source>Mark as left</source>
        <translation>Marquer comme parti</translation>
    </message>
    <message>
        <source>left</source>
        <translation>parti</translation>
    </message>
    <message>
        <source>active</source>
        <translation>actif</translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %Ln enrolled matching “{query}”</source>
        <translation>
            <numerusform>{shown} sur %Ln inscrit correspondant à « {query} »</numerusform>
            <numerusform>{shown} sur %Ln inscrits correspondant à « {query} »</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %Ln enrolled</source>
        <translation>
            <numerusform>{shown} sur %Ln inscrit</numerusform>
            <numerusform>{shown} sur %Ln inscrits</numerusform>
        </translation>
    </message>
    <message>
        <source>Nobody is enrolled yet: tap “Enroll new”.</source>
        <translation>Personne n&apos;est encore inscrit : touchez « Inscrire ».</translation>
    </message>
    <message>
        <source>Re-activate</source>
        <translation>Réactiver</translation>
    </message>
    <message>
        <source>Mark {name} ({worker_id}) as left?

They are no longer recognised and cannot check in. Their history and photos are kept: “Re-activate” brings them back without new photos.</source>
        <translation>Marquer {name} ({worker_id}) comme parti ?

La personne n&apos;est plus reconnue et ne peut plus pointer. Son historique et ses photos sont conservés : « Réactiver » la rétablit sans nouvelles photos.</translation>
    </message>
    <message>
        <source>Not changed: {reason}</source>
        <translation>Non modifié : {reason}</translation>
    </message>
    <message>
        <source>{name} ({worker_id}) marked as left.</source>
        <translation>{name} ({worker_id}) marqué comme parti.</translation>
    </message>
    <message>
        <source>{name} ({worker_id}) re-activated.</source>
        <translation>{name} ({worker_id}) réactivé.</translation>
    </message>
    <message>
        <source>Delete employee</source>
        <translation>Supprimer l&apos;employé</translation>
    </message>
    <message>
        <source>Delete {name} ({worker_id})?

Their face templates are removed and they can no longer check in. Their attendance history is kept.</source>
        <translation>Supprimer {name} ({worker_id}) ?

Ses modèles de visage sont effacés et la personne ne peut plus pointer. Son historique de présence est conservé.</translation>
    </message>
    <message>
        <source>Could not delete {worker_id}: {reason}</source>
        <translation>Impossible de supprimer {worker_id} : {reason}</translation>
    </message>
    <message>
        <source>Deleted {name} ({worker_id}).</source>
        <translation>{name} ({worker_id}) supprimé.</translation>
    </message>
    <message>
        <source>Check-in PIN of {worker_id} set.</source>
        <translation>Code de pointage de {worker_id} défini.</translation>
    </message>
    <message>
        <source>{old} is now {new}: {moved} moved with them.</source>
        <translation>{old} devient {new} : {moved} transférés avec la personne.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln check-in(s)</source>
        <translation>
            <numerusform>%Ln pointage</numerusform>
            <numerusform>%Ln pointages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln access-log row(s)</source>
        <translation>
            <numerusform>%Ln ligne du journal d&apos;accès</numerusform>
            <numerusform>%Ln lignes du journal d&apos;accès</numerusform>
        </translation>
    </message>
    <message>
        <source>the PIN</source>
        <translation>le code de pointage</translation>
    </message>
    <message numerus="yes">
        <source>%Ln PIN check-in photo(s)</source>
        <translation>
            <numerusform>%Ln photo de pointage par code</numerusform>
            <numerusform>%Ln photos de pointage par code</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <comment>between the items of a list</comment>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>EngineMessage</name>
    <message>
        <source>This kiosk&apos;s clock is wrong</source>
        <translation>L&apos;horloge de cette borne est fausse</translation>
    </message>
    <message>
        <source>It is {behind} behind its last punch: punches are paused. Please tell IT to set the clock.</source>
        <translation>Elle retarde de {behind} sur le dernier pointage : les pointages sont suspendus. Demandez à l&apos;informatique de régler l&apos;horloge.</translation>
    </message>
    <message>
        <source>{name} - already recorded</source>
        <translation>{name} - déjà enregistré</translation>
    </message>
    <message>
        <source>No need to punch again.</source>
        <translation>Inutile de pointer à nouveau.</translation>
    </message>
    <message>
        <source>{name} - not active</source>
        <translation>{name} - inactif</translation>
    </message>
    <message>
        <source>Please see HR.</source>
        <translation>Veuillez voir les RH.</translation>
    </message>
    <message>
        <source>{name} - recorded {time}</source>
        <translation>{name} - enregistré à {time}</translation>
    </message>
    <message>
        <source>Saved; it is added to the records shortly.</source>
        <translation>Enregistré ; ajouté au registre sous peu.</translation>
    </message>
    <message>
        <source>{name} - break started {time}</source>
        <translation>{name} - début de pause à {time}</translation>
    </message>
    <message>
        <source>Enjoy your break.</source>
        <translation>Bonne pause.</translation>
    </message>
    <message>
        <source>{name} - back from break {time}</source>
        <translation>{name} - retour de pause à {time}</translation>
    </message>
    <message>
        <source>Welcome back.</source>
        <translation>Bon retour.</translation>
    </message>
    <message>
        <source>{name} - checked out {time}</source>
        <translation>{name} - sortie à {time}</translation>
    </message>
    <message>
        <source>Goodbye!</source>
        <translation>Au revoir !</translation>
    </message>
    <message>
        <source>{worked} today. Goodbye!</source>
        <translation>{worked} aujourd&apos;hui. Au revoir !</translation>
    </message>
    <message numerus="yes">
        <source>{worked} today, %Ln min before the end of the shift. Goodbye!</source>
        <translation>
            <numerusform>{worked} aujourd&apos;hui, %Ln min avant la fin de l&apos;horaire. Au revoir !</numerusform>
            <numerusform>{worked} aujourd&apos;hui, %Ln min avant la fin de l&apos;horaire. Au revoir !</numerusform>
        </translation>
    </message>
    <message>
        <source>{name} - checked in {time}</source>
        <translation>{name} - entrée à {time}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln min late today.</source>
        <translation>
            <numerusform>%Ln min de retard aujourd&apos;hui.</numerusform>
            <numerusform>%Ln min de retard aujourd&apos;hui.</numerusform>
        </translation>
    </message>
    <message>
        <source>On a day off.</source>
        <translation>Un jour de repos.</translation>
    </message>
    <message>
        <source>On time.</source>
        <translation>À l&apos;heure.</translation>
    </message>
    <message>
        <source>No face found: stand in front of the camera</source>
        <translation>Aucun visage trouvé : placez-vous devant la caméra</translation>
    </message>
    <message>
        <source>Only one person in the picture, please</source>
        <translation>Une seule personne sur l&apos;image, s&apos;il vous plaît</translation>
    </message>
    <message>
        <source>Come closer to the camera</source>
        <translation>Approchez-vous de la caméra</translation>
    </message>
    <message>
        <source>Centre your face in the picture</source>
        <translation>Centrez votre visage dans l&apos;image</translation>
    </message>
    <message>
        <source>Hold still: the picture is blurry (sharpness {sharpness})</source>
        <translation>Ne bougez plus : l&apos;image est floue (netteté {sharpness})</translation>
    </message>
    <message>
        <source>Good: tap “Take photo”</source>
        <translation>Bien : touchez « Prendre la photo »</translation>
    </message>
    <message>
        <source>Site self-check: fewer than 2 people enrolled, nothing to compare.</source>
        <translation>Auto-contrôle du site : moins de 2 personnes inscrites, rien à comparer.</translation>
    </message>
    <message>
        <source>Site self-check: {people} people, {photos} photos; {accepted} would be accepted as someone else ({risk}%), {unsure} unsure.</source>
        <translation>Auto-contrôle du site : {people} personnes, {photos} photos ; {accepted} seraient acceptées comme quelqu&apos;un d&apos;autre ({risk} %), {unsure} incertaines.</translation>
    </message>
    <message>
        <source>Site self-check: {people} people, {photos} photos; {accepted} would be accepted as someone else ({risk}%), {unsure} unsure; closest look-alikes {name} and {other} ({score}).</source>
        <translation>Auto-contrôle du site : {people} personnes, {photos} photos ; {accepted} seraient acceptées comme quelqu&apos;un d&apos;autre ({risk} %), {unsure} incertaines ; sosies les plus proches {name} et {other} ({score}).</translation>
    </message>
    <message>
        <source>the PIN must be {minimum} to {maximum} digits</source>
        <translation>le code doit compter de {minimum} à {maximum} chiffres</translation>
    </message>
    <message>
        <source>choose a PIN that is not a repeated or consecutive sequence</source>
        <translation>choisissez un code qui ne soit ni une répétition ni une suite de chiffres</translation>
    </message>
    <message>
        <source>the admin PIN must differ from the HR PIN</source>
        <translation>le code administrateur doit être différent du code RH</translation>
    </message>
    <message>
        <source>the HR PIN must differ from the admin PIN</source>
        <translation>le code RH doit être différent du code administrateur</translation>
    </message>
    <message>
        <source>this kiosk has no recovery code: the admin PIN cannot be reset with one</source>
        <translation>cette borne n&apos;a pas de code de secours : le code administrateur ne peut pas être réinitialisé ainsi</translation>
    </message>
    <message>
        <source>check-in PIN: {problem}</source>
        <translation>code de pointage : {problem}</translation>
    </message>
    <message>
        <source>a recovery code is {length} letters and digits in {groups} groups, like 7K3QF-2M9XA-...</source>
        <translation>un code de secours compte {length} lettres et chiffres en {groups} groupes, comme 7K3QF-2M9XA-...</translation>
    </message>
    <message>
        <source>no employee with worker ID {worker_id}</source>
        <translation>aucun employé avec le matricule {worker_id}</translation>
    </message>
    <message>
        <source>The kiosk&apos;s name is 1-64 letters, digits, dots, hyphens and underscores, starting with a letter or digit (e.g. front-door).</source>
        <translation>Le nom de la borne compte de 1 à 64 lettres, chiffres, points, tirets et tirets bas, en commençant par une lettre ou un chiffre (par ex. front-door).</translation>
    </message>
    <message>
        <source>Give the camera: 0 for the first camera, or a video file or stream address.</source>
        <translation>Indiquez la caméra : 0 pour la première caméra, ou un fichier vidéo ou une adresse de flux.</translation>
    </message>
    <message>
        <source>There is no camera {camera}: use a device number (0, 1...), an existing video file, or an rtsp:// or http:// address.</source>
        <translation>Il n&apos;y a pas de caméra {camera} : utilisez un numéro de périphérique (0, 1...), un fichier vidéo existant, ou une adresse rtsp:// ou http://.</translation>
    </message>
    <message>
        <source>this kiosk is already set up: change the admin PIN on the Security page or with `kiosk set-staff-pin admin`</source>
        <translation>cette borne est déjà configurée : changez le code administrateur sur la page Sécurité ou avec `kiosk set-staff-pin admin`</translation>
    </message>
    <message>
        <source>the worker ID is empty</source>
        <translation>le matricule est vide</translation>
    </message>
    <message>
        <source>worker ID {worker_id} is invalid: use 1-{maximum} letters, digits, hyphens (-) and underscores (_), starting with a letter or a digit</source>
        <translation>le matricule {worker_id} n&apos;est pas valide : utilisez de 1 à {maximum} lettres, chiffres, tirets (-) et tirets bas (_), en commençant par une lettre ou un chiffre</translation>
    </message>
    <message>
        <source>worker ID {worker_id} is reserved for test data (an ID may not be &apos;img&apos; or start with &apos;img_&apos;)</source>
        <translation>le matricule {worker_id} est réservé aux données de test (un matricule ne peut pas être &apos;img&apos; ni commencer par &apos;img_&apos;)</translation>
    </message>
    <message>
        <source>worker ID {worker_id} is already enrolled: use Re-enroll on the Employees screen</source>
        <translation>le matricule {worker_id} est déjà enregistré : utilisez Réenregistrer sur l&apos;écran Employés</translation>
    </message>
    <message>
        <source>worker ID {worker_id} is taken: {holder} has it already (worker IDs are the same regardless of case); choose another ID</source>
        <translation>le matricule {worker_id} est pris : {holder} l&apos;a déjà (les matricules sont les mêmes en majuscules et en minuscules) ; choisissez-en un autre</translation>
    </message>
    <message>
        <source>name is required</source>
        <translation>le nom est obligatoire</translation>
    </message>
    <message>
        <source>name is longer than {maximum} characters</source>
        <translation>le nom dépasse {maximum} caractères</translation>
    </message>
    <message>
        <source>name contains control characters</source>
        <translation>le nom contient des caractères de contrôle</translation>
    </message>
    <message>
        <source>the name {name} is reserved for test data (a name needs letters)</source>
        <translation>le nom {name} est réservé aux données de test (un nom doit contenir des lettres)</translation>
    </message>
    <message>
        <source>mobile number {mobile} is invalid: 7-15 digits, optionally starting with +</source>
        <translation>le numéro de mobile {mobile} n&apos;est pas valide : de 7 à 15 chiffres, éventuellement précédés de +</translation>
    </message>
    <message>
        <source>Department is longer than {maximum} characters</source>
        <translation>Le service dépasse {maximum} caractères</translation>
    </message>
    <message>
        <source>Department contains control characters</source>
        <translation>Le service contient des caractères de contrôle</translation>
    </message>
    <message>
        <source>there is no shift called {shift}: the shifts are {shifts}</source>
        <translation>aucun horaire ne s&apos;appelle {shift} : les horaires sont {shifts}</translation>
    </message>
    <message>
        <source>there is no shift called {shift}: the shifts are none yet</source>
        <translation>aucun horaire ne s&apos;appelle {shift} : aucun horaire n&apos;est encore défini</translation>
    </message>
    <message>
        <source>{worker_id} was deleted: enrol them again to change their details</source>
        <translation>{worker_id} a été supprimé : enregistrez cette personne à nouveau pour changer ses informations</translation>
    </message>
    <message>
        <source>{worker_id} is already marked as left (since {since})</source>
        <translation>{worker_id} est déjà marqué comme parti (depuis {since})</translation>
    </message>
    <message>
        <source>{worker_id} is not marked as left: nothing to re-activate</source>
        <translation>{worker_id} n&apos;est pas marqué comme parti : rien à réactiver</translation>
    </message>
    <message>
        <source>a correction needs a reason (it is kept in the audit trail)</source>
        <translation>une correction demande un motif (il est gardé dans le journal d&apos;audit)</translation>
    </message>
    <message>
        <source>the reason is too long: keep it under 500 characters</source>
        <translation>le motif est trop long : restez sous 500 caractères</translation>
    </message>
    <message>
        <source>{time} does not exist on {day} in {zone} (the clocks went forward): pick a time before or after the change</source>
        <translation>{time} n&apos;existe pas le {day} dans le fuseau {zone} (passage à l&apos;heure d&apos;été) : choisissez une heure avant ou après le changement</translation>
    </message>
    <message>
        <source>no employee with ID {worker_id}: check the ID</source>
        <translation>aucun employé avec le matricule {worker_id} : vérifiez le matricule</translation>
    </message>
    <message>
        <source>{name} ({worker_id}) left on {left}: no punches after that; re-activate them first if they are back</source>
        <translation>{name} ({worker_id}) est parti le {left} : aucun pointage après cette date ; réactivez cette personne d&apos;abord si elle est revenue</translation>
    </message>
    <message>
        <source>{moment} is in the future: a correction records what happened</source>
        <translation>{moment} est dans le futur : une correction enregistre ce qui s&apos;est passé</translation>
    </message>
    <message>
        <source>{name} already has a punch at {moment} ({direction}), within {minutes} min of {time}: void it first or pick another time</source>
        <translation>{name} a déjà un pointage à {moment} ({direction}), à moins de {minutes} min de {time} : annulez-le d&apos;abord ou choisissez une autre heure</translation>
    </message>
    <message>
        <source>punch {punch} was already voided on {day} by {by}</source>
        <translation>le pointage {punch} a déjà été annulé le {day} par {by}</translation>
    </message>
    <message>
        <source>punch {punch} cannot be changed from the entrance</source>
        <translation>le pointage {punch} ne peut pas être modifié depuis l&apos;entrée</translation>
    </message>
    <message>
        <source>too late to change this punch ({seconds} s have passed): ask HR</source>
        <translation>trop tard pour modifier ce pointage ({seconds} s écoulées) : adressez-vous aux RH</translation>
    </message>
    <message>
        <source>no punch with number {punch}</source>
        <translation>aucun pointage portant le numéro {punch}</translation>
    </message>
    <message>
        <source>{label} is {size} MB; the limit is 10 MB</source>
        <translation>{label} fait {size} Mo ; la limite est de 10 Mo</translation>
    </message>
    <message>
        <source>{label} is empty</source>
        <translation>{label} est vide</translation>
    </message>
    <message>
        <source>{label} is not an image this kiosk can read (corrupt or unsupported format)</source>
        <translation>{label} n&apos;est pas une image que cette borne sait lire (fichier abîmé ou format non pris en charge)</translation>
    </message>
    <message>
        <source>{label} claims far more pixels than the {limit} MP limit</source>
        <translation>{label} annonce bien plus de pixels que la limite de {limit} Mpx</translation>
    </message>
    <message>
        <source>{label} is {width}x{height} pixels ({megapixels} MP); the limit is {limit} MP: scale it down first</source>
        <translation>{label} fait {width}x{height} pixels ({megapixels} Mpx) ; la limite est de {limit} Mpx : réduisez-la d&apos;abord</translation>
    </message>
    <message>
        <source>{label} is {width}x{height} pixels; at least {minimum}x{minimum} is needed</source>
        <translation>{label} fait {width}x{height} pixels ; il faut au moins {minimum}x{minimum}</translation>
    </message>
    <message>
        <source>{path}: a symbolic link loop (the link points back to itself), not a file</source>
        <translation>{path} : une boucle de liens symboliques (le lien pointe vers lui-même), pas un fichier</translation>
    </message>
    <message>
        <source>{path}: a symbolic link to {target}, which does not exist</source>
        <translation>{path} : un lien symbolique vers {target}, qui n&apos;existe pas</translation>
    </message>
    <message>
        <source>{path}: no such file</source>
        <translation>{path} : ce fichier n&apos;existe pas</translation>
    </message>
    <message>
        <source>{path}: permission denied</source>
        <translation>{path} : accès refusé</translation>
    </message>
    <message>
        <source>{path}: cannot be read ({reason})</source>
        <translation>{path} : lecture impossible ({reason})</translation>
    </message>
    <message>
        <source>{path} is a folder, not an image</source>
        <translation>{path} est un dossier, pas une image</translation>
    </message>
    <message>
        <source>the disk holding the attendance database {path} is full ({reason}): free some space; check-ins are kept in the outbox meanwhile and written once it can</source>
        <translation>le disque de la base de présences {path} est plein ({reason}) : libérez de la place ; en attendant, les pointages sont gardés dans la file d&apos;attente et écrits dès que possible</translation>
    </message>
    <message>
        <source>the attendance database {path} is busy: another program holds it ({reason}); try again in a moment</source>
        <translation>la base de présences {path} est occupée : un autre programme la tient ({reason}) ; réessayez dans un instant</translation>
    </message>
    <message>
        <source>the attendance database {path} cannot be used ({reason}): restore it from a backup, or run `kiosk doctor` to check the data folder</source>
        <translation>la base de présences {path} est inutilisable ({reason}) : restaurez-la depuis une sauvegarde, ou lancez `kiosk doctor` pour vérifier le dossier de données</translation>
    </message>
    <message>
        <source>the attendance database {path} cannot be used (a folder is in its place, not a database file): restore it from a backup, or run `kiosk doctor` to check the data folder</source>
        <translation>la base de présences {path} est inutilisable (un dossier occupe sa place, pas un fichier de base de données) : restaurez-la depuis une sauvegarde, ou lancez `kiosk doctor` pour vérifier le dossier de données</translation>
    </message>
    <message>
        <source>cannot write the {kind} export: {reason}</source>
        <translation>impossible d&apos;écrire l&apos;export {kind} : {reason}</translation>
    </message>
    <message>
        <source>{setting} must be a TOML table, got {value}</source>
        <translation>{setting} doit être une table TOML, pas {value}</translation>
    </message>
    <message>
        <source>{setting} must be a TOML list, got {value}</source>
        <translation>{setting} doit être une liste TOML, pas {value}</translation>
    </message>
    <message>
        <source>{setting} must be on or off (true/false), got {value}</source>
        <translation>{setting} doit être activé ou désactivé (true/false), pas {value}</translation>
    </message>
    <message>
        <source>liveness_challenge_seconds must be 0.5 to 30 seconds, got {value}</source>
        <translation>liveness_challenge_seconds doit aller de 0,5 à 30 secondes, pas {value}</translation>
    </message>
    <message>
        <source>liveness_spot_check is the share of clearly live attempts challenged anyway, from 0 to 1 (0.2 = one in five), got {value}</source>
        <translation>liveness_spot_check est la part des tentatives manifestement vivantes soumises quand même à un défi, de 0 à 1 (0,2 = une sur cinq), pas {value}</translation>
    </message>
    <message>
        <source>liveness_challenge must be one of {choices}, got {value}</source>
        <translation>liveness_challenge doit être l&apos;une des valeurs {choices}, pas {value}</translation>
    </message>
    <message>
        <source>language must be one of {choices}, got {value}</source>
        <translation>language doit être l&apos;une des valeurs {choices}, pas {value}</translation>
    </message>
    <message>
        <source>{setting} is not a display setting: use one of {choices}</source>
        <translation>{setting} n&apos;est pas un réglage d&apos;affichage : utilisez l&apos;un de ceux-ci : {choices}</translation>
    </message>
    <message>
        <source>not an attendance setting: {setting}</source>
        <translation>pas un réglage de présence : {setting}</translation>
    </message>
    <message>
        <source>The text size must be between {minimum}% and {maximum}% of normal, not {scale}%.</source>
        <translation>La taille du texte doit être comprise entre {minimum} % et {maximum} % de la normale, pas {scale} %.</translation>
    </message>
    <message>
        <source>The volume must be between {minimum} and {maximum}, not {volume}.</source>
        <translation>Le volume doit être compris entre {minimum} et {maximum}, pas {volume}.</translation>
    </message>
    <message>
        <source>cooldown_seconds must be 0 or more, got {value}</source>
        <translation>cooldown_seconds doit valoir 0 ou plus, pas {value}</translation>
    </message>
    <message>
        <source>auto_close_after_minutes must be between 0 and 1440</source>
        <translation>auto_close_after_minutes doit être compris entre 0 et 1440</translation>
    </message>
    <message>
        <source>shift {shift}: end {end} is before start {start}; set overnight = true for a night shift</source>
        <translation>horaire {shift} : la fin {end} est avant le début {start} ; mettez overnight = true pour un horaire de nuit</translation>
    </message>
    <message>
        <source>shift {shift}: overnight = true but end {end} is after start {start} on the same day; a night shift ends the next morning</source>
        <translation>horaire {shift} : overnight = true mais la fin {end} est après le début {start} le même jour ; un horaire de nuit finit le lendemain matin</translation>
    </message>
    <message>
        <source>shift {shift}: full_day_hours must be more than 0, got {hours}</source>
        <translation>horaire {shift} : full_day_hours doit être supérieur à 0, pas {hours}</translation>
    </message>
    <message>
        <source>shift {shift}: half_day_hours {half} is more than full_day_hours {full}</source>
        <translation>horaire {shift} : half_day_hours {half} dépasse full_day_hours {full}</translation>
    </message>
    <message>
        <source>shift {shift}: earliest_in_minutes + the shift + latest_out_minutes make {hours} h, so one day&apos;s punches would reach into the next day&apos;s; keep them within 24 h</source>
        <translation>horaire {shift} : earliest_in_minutes + l&apos;horaire + latest_out_minutes font {hours} h, les pointages d&apos;un jour empiéteraient sur ceux du lendemain ; restez dans 24 h</translation>
    </message>
    <message>
        <source>default_shift {shift} is not one of the shifts: {shifts}</source>
        <translation>default_shift {shift} ne fait pas partie des horaires : {shifts}</translation>
    </message>
    <message>
        <source>department_shifts: department {department} has shift {shift}, which is not one of the shifts: {shifts}</source>
        <translation>department_shifts : le service {department} a l&apos;horaire {shift}, qui ne fait pas partie des horaires : {shifts}</translation>
    </message>
    <message>
        <source>holiday {day} is listed twice</source>
        <translation>le jour férié {day} figure deux fois</translation>
    </message>
    <message>
        <source>unknown time zone {zone}: use an IANA name such as Europe/Paris, America/New_York or Asia/Kolkata</source>
        <translation>fuseau horaire inconnu {zone} : utilisez un nom IANA comme Europe/Paris, America/New_York ou Asia/Kolkata</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>En ligne</translation>
    </message>
    <message>
        <source>Online - sending {waiting}</source>
        <translation>En ligne - envoi en cours : {waiting}</translation>
    </message>
    <message>
        <source>Offline - check-ins are kept and sent when the server is back</source>
        <translation>Hors ligne - les pointages sont gardés et envoyés au retour du serveur</translation>
    </message>
    <message>
        <source>Offline - check-ins are kept and sent when the server is back ({waiting})</source>
        <translation>Hors ligne - les pointages sont gardés et envoyés au retour du serveur ({waiting})</translation>
    </message>
    <message>
        <source>Database busy - {waiting}, saved as soon as it is free</source>
        <translation>Base de données occupée - {waiting} ; enregistrement dès qu&apos;elle sera libre</translation>
    </message>
    <message numerus="yes">
        <source>%Ln record(s) waiting</source>
        <translation>
            <numerusform>%Ln enregistrement en attente</numerusform>
            <numerusform>%Ln enregistrements en attente</numerusform>
        </translation>
    </message>
    <message>
        <source>too blurry (face sharpness {sharpness}, at least {minimum} needed): hold the camera still and focus on the face</source>
        <translation>trop flou (netteté du visage {sharpness}, au moins {minimum} requis) : tenez l&apos;appareil immobile et faites la mise au point sur le visage</translation>
    </message>
    <message>
        <source>face too small ({width} px wide, at least {minimum} needed): come closer or use a larger photo</source>
        <translation>visage trop petit ({width} px de large, au moins {minimum} requis) : approchez-vous ou utilisez une photo plus grande</translation>
    </message>
    <message>
        <source>face turned to the side ({degrees} degrees, at most {maximum}): look straight at the camera</source>
        <translation>visage tourné de côté ({degrees} degrés, au plus {maximum}) : regardez la caméra bien en face</translation>
    </message>
    <message>
        <source>head tilted up ({degrees} degrees, at most {maximum}): look straight at the camera</source>
        <translation>tête inclinée vers le haut ({degrees} degrés, au plus {maximum}) : regardez la caméra bien en face</translation>
    </message>
    <message>
        <source>head tilted down ({degrees} degrees, at most {maximum}): look straight at the camera</source>
        <translation>tête inclinée vers le bas ({degrees} degrés, au plus {maximum}) : regardez la caméra bien en face</translation>
    </message>
    <message>
        <source>a mask is worn (mask probability {probability}): remove the mask for these photos</source>
        <translation>un masque est porté (probabilité de masque {probability}) : retirez le masque pour ces photos</translation>
    </message>
    <message>
        <source>eyes closed or covered (eye opening {opening}, at least {minimum}): open your eyes and take off dark glasses</source>
        <translation>yeux fermés ou masqués (ouverture des yeux {opening}, au moins {minimum}) : ouvrez les yeux et retirez les lunettes teintées</translation>
    </message>
    <message>
        <source>no face found: the whole face must be in the photo, facing the camera</source>
        <translation>aucun visage trouvé : le visage entier doit figurer sur la photo, face à l&apos;objectif</translation>
    </message>
    <message>
        <source>{count} faces found: only the person being enrolled may be in the photo</source>
        <translation>{count} visages trouvés : seule la personne inscrite doit figurer sur la photo</translation>
    </message>
    <message>
        <source>face too dark (mean {mean})</source>
        <translation>visage trop sombre (moyenne {mean})</translation>
    </message>
    <message>
        <source>face too bright (mean {mean})</source>
        <translation>visage trop clair (moyenne {mean})</translation>
    </message>
    <message>
        <source>photo {number}: aligned</source>
        <translation>photo {number} : alignée</translation>
    </message>
    <message>
        <source>photo {number}: {mask} mask</source>
        <translation>photo {number} : masque {mask}</translation>
    </message>
    <message numerus="yes">
        <source>embedded %Ln faces</source>
        <translation>
            <numerusform>%Ln visage encodé</numerusform>
            <numerusform>%Ln visages encodés</numerusform>
        </translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
    <message>
        <source>Please look at the camera</source>
        <translation>Regardez la caméra, s&apos;il vous plaît</translation>
    </message>
    <message>
        <source>Please step closer and look at the camera</source>
        <translation>Approchez-vous et regardez la caméra, s&apos;il vous plaît</translation>
    </message>
    <message numerus="yes">
        <source>Wrong PIN. %Ln tries left.</source>
        <translation>
            <numerusform>Code erroné. Encore %Ln essai.</numerusform>
            <numerusform>Code erroné. Encore %Ln essais.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong PINs. Try again in %Ln s.</source>
        <translation>
            <numerusform>Trop de codes erronés. Réessayez dans %Ln s.</numerusform>
            <numerusform>Trop de codes erronés. Réessayez dans %Ln s.</numerusform>
        </translation>
    </message>
    <message>
        <source>Wrong worker ID or PIN.</source>
        <translation>Matricule ou code erroné.</translation>
    </message>
    <message numerus="yes">
        <source>Wrong worker ID or PIN. %Ln tries left.</source>
        <translation>
            <numerusform>Matricule ou code erroné. Encore %Ln essai.</numerusform>
            <numerusform>Matricule ou code erroné. Encore %Ln essais.</numerusform>
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
    <message>
        <source>Too many wrong PINs for this worker ID. Try again in {when}, or see HR.</source>
        <translation>Trop de codes erronés pour ce matricule. Réessayez dans {when}, ou voyez les RH.</translation>
    </message>
</context>
<context>
    <name>EnrollWizard</name>
    <message>
        <source>Enroll an employee</source>
        <translation>Inscrire un employé</translation>
    </message>
    <message>
        <source>Re-enroll {name}</source>
        <translation>Réinscrire {name}</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Suivant</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Terminer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>EntranceHelp</name>
    <message>
        <source>Checking in</source>
        <translation>Pointer</translation>
    </message>
    <message>
        <source>Stand {near} to {far} m from the screen and look at it. Hold still for a moment: your name shows in green with the time, and a sound plays. A face mask is fine. There is nothing to touch.</source>
        <translation>Placez-vous à {near} à {far} m de l&apos;écran et regardez-le. Restez immobile un instant : votre nom s&apos;affiche en vert avec l&apos;heure, et un son retentit. Un masque ne gêne pas. Il n&apos;y a rien à toucher.</translation>
    </message>
    <message>
        <source>“Please look at the camera” and “Unknown”</source>
        <translation>« Regardez la caméra, s&apos;il vous plaît » et « Inconnu »</translation>
    </message>
    <message>
        <source>“Please look at the camera” means the kiosk is not sure yet: look straight at the screen for a second or two. “Unknown” means your face was not recognised: step closer, into good light, and take off sunglasses or a hat. If you are new, HR has to enrol you first.</source>
        <translation>« Regardez la caméra, s&apos;il vous plaît » : la borne n&apos;est pas encore sûre ; regardez l&apos;écran bien en face une ou deux secondes. « Inconnu » : votre visage n&apos;a pas été reconnu ; approchez-vous, mettez-vous en pleine lumière et retirez lunettes de soleil ou chapeau. Si vous êtes nouveau, les RH doivent d&apos;abord vous inscrire.</translation>
    </message>
    <message>
        <source>“Turn your head”, “Look up”, “Blink”</source>
        <translation>« Tournez la tête », « Regardez en haut », « Clignez des yeux »</translation>
    </message>
    <message>
        <source>Sometimes the kiosk asks you to move, to be sure it sees a real person and not a photo. Do what the screen says (it also says it aloud), slowly, while still looking at the screen.</source>
        <translation>Parfois la borne vous demande de bouger, pour s&apos;assurer qu&apos;elle voit une vraie personne et non une photo. Faites ce que dit l&apos;écran (il le dit aussi à voix haute), lentement, en continuant de regarder l&apos;écran.</translation>
    </message>
    <message>
        <source>Checking in with your worker ID and PIN</source>
        <translation>Pointer avec votre matricule et votre code</translation>
    </message>
    <message>
        <source>If your face is not recognised, tap “Check in with my worker ID” and type your worker ID, then your PIN. “My hours” shows your own week the same way. HR gives you your PIN.</source>
        <translation>Si votre visage n&apos;est pas reconnu, touchez « Pointer avec mon matricule », tapez votre matricule puis votre code. « Mes heures » affiche votre semaine de la même façon. Les RH vous donnent votre code.</translation>
    </message>
    <message>
        <source>Who to ask</source>
        <translation>À qui s&apos;adresser</translation>
    </message>
    <message>
        <source>This kiosk is “{kiosk}”. For a missed or wrong check-in, a PIN, or to be enrolled, ask HR and give them the kiosk&apos;s name.</source>
        <translation>Cette borne s&apos;appelle « {kiosk} ». Pour un pointage oublié ou erroné, un code ou une inscription, adressez-vous aux RH en leur donnant le nom de la borne.</translation>
    </message>
    <message>
        <source>Your privacy</source>
        <translation>Vos données personnelles</translation>
    </message>
    <message>
        <source>The kiosk keeps your name, your worker ID, your face as encrypted templates and photos from your enrolment, and the time of each check-in. The video is not recorded; when you check in with your PIN, one picture is kept for HR to check. HR can show you, or delete, what is kept about you.</source>
        <translation>La borne conserve votre nom, votre matricule, votre visage sous forme de modèles chiffrés et les photos de votre inscription, ainsi que l&apos;heure de chaque pointage. La vidéo n&apos;est pas enregistrée ; quand vous pointez avec votre code, une image est gardée pour vérification par les RH. Les RH peuvent vous montrer, ou effacer, ce qui est conservé sur vous.</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Aide</translation>
    </message>
    <message>
        <source>How to check in, and whom to ask.</source>
        <translation>Comment pointer, et à qui s&apos;adresser.</translation>
    </message>
    <message>
        <source>How to check in at this kiosk, “{kiosk}”.</source>
        <translation>Comment pointer à cette borne, « {kiosk} ».</translation>
    </message>
    <message>
        <source>Help text</source>
        <translation>Texte de l&apos;aide</translation>
    </message>
    <message>
        <source>Closes the help; it also closes by itself.</source>
        <translation>Ferme l&apos;aide ; elle se ferme aussi d&apos;elle-même.</translation>
    </message>
</context>
<context>
    <name>ExpertPage</name>
    <message>
        <source>Expert recognition</source>
        <translation>Reconnaissance experte</translation>
    </message>
    <message>
        <source>Every face in one image, with its best three candidates. Nothing is recorded.</source>
        <translation>Chaque visage d&apos;une image, avec ses trois meilleurs candidats. Rien n&apos;est enregistré.</translation>
    </message>
    <message>
        <source>Open image…</source>
        <translation>Ouvrir une image…</translation>
    </message>
    <message>
        <source>Open an image to analyse it</source>
        <translation>Ouvrez une image pour l&apos;analyser</translation>
    </message>
    <message>
        <source>This kiosk</source>
        <translation>Cette borne</translation>
    </message>
    <message>
        <source>People enrolled</source>
        <translation>Personnes inscrites</translation>
    </message>
    <message>
        <source>Liveness check</source>
        <translation>Contrôle du vivant</translation>
    </message>
    <message>
        <source>on</source>
        <translation>activé</translation>
    </message>
    <message>
        <source>off ({reason})</source>
        <translation>désactivé ({reason})</translation>
    </message>
    <message>
        <source>off</source>
        <translation>désactivé</translation>
    </message>
    <message>
        <source>Gallery</source>
        <translation>Galerie</translation>
    </message>
    <message>
        <source>unavailable: {reason}</source>
        <translation>indisponible : {reason}</translation>
    </message>
    <message>
        <source>{what}: {value}</source>
        <translation>{what} : {value}</translation>
    </message>
    <message>
        <source> (full report: `kiosk calibrate` on this machine)</source>
        <translation> (rapport complet : `kiosk calibrate` sur cet appareil)</translation>
    </message>
    <message>
        <source>Site self-check unavailable: {reason}</source>
        <translation>Auto-contrôle du site indisponible : {reason}</translation>
    </message>
    <message>
        <source>Open an image</source>
        <translation>Ouvrir une image</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Images</translation>
    </message>
    <message>
        <source>Analysing {name}…</source>
        <translation>Analyse de {name}…</translation>
    </message>
    <message>
        <source>Could not analyse the image: {reason}</source>
        <translation>Impossible d&apos;analyser l&apos;image : {reason}</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
    <message numerus="yes">
        <source>{name}: %Ln face(s) · model {model} · threshold {threshold}</source>
        <translation>
            <numerusform>{name} : %Ln visage · modèle {model} · seuil {threshold}</numerusform>
            <numerusform>{name} : %Ln visages · modèle {model} · seuil {threshold}</numerusform>
        </translation>
    </message>
    <message>
        <source>{name}: no face found.</source>
        <translation>{name} : aucun visage trouvé.</translation>
    </message>
    <message>
        <source>{name} · Present</source>
        <translation>{name} · Présent</translation>
    </message>
    <message>
        <source>Not sure · too close to a second person (lead {lead} &lt; {margin})</source>
        <translation>Incertain · trop proche d&apos;une deuxième personne (avance {lead} &lt; {margin})</translation>
    </message>
    <message>
        <source>Unknown · Not in Database</source>
        <translation>Inconnu · Absent de la base</translation>
    </message>
    <message>
        <source>Face #{number}: {verdict}</source>
        <translation>Visage n° {number} : {verdict}</translation>
    </message>
    <message>
        <source>Nobody is enrolled to compare with.</source>
        <translation>Personne n&apos;est inscrit pour comparer.</translation>
    </message>
    <message>
        <source>  · via a masked template</source>
        <translation>  · via un modèle masqué</translation>
    </message>
    <message>
        <source>Similarity to {name}</source>
        <translation>Ressemblance avec {name}</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Every punch (in, out, corrections)</source>
        <translation>Tous les pointages (entrées, sorties, corrections)</translation>
    </message>
    <message>
        <source>Daily attendance (one row per person and day)</source>
        <translation>Présence par jour (une ligne par personne et par jour)</translation>
    </message>
    <message>
        <source>Monthly summary (one row per person)</source>
        <translation>Récapitulatif mensuel (une ligne par personne)</translation>
    </message>
    <message>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <source>Excel (XLSX)</source>
        <translation>Excel (XLSX)</translation>
    </message>
    <message>
        <source>Export attendance</source>
        <translation>Exporter les présences</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Au</translation>
    </message>
    <message>
        <source>Employee</source>
        <translation>Employé</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Rapport</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>Enregistrer sous</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Excel files</source>
        <translation>Fichiers Excel</translation>
    </message>
    <message>
        <source>CSV files</source>
        <translation>Fichiers CSV</translation>
    </message>
    <message>
        <source>The end date is before the start date.</source>
        <translation>La date de fin est antérieure à la date de début.</translation>
    </message>
    <message>
        <source>Choose where to save the file.</source>
        <translation>Choisissez où enregistrer le fichier.</translation>
    </message>
    <message>
        <source>Could not export: {reason}</source>
        <translation>Impossible d&apos;exporter : {reason}</translation>
    </message>
    <message numerus="yes">
        <source>✓ Wrote %Ln row(s) to {target}</source>
        <translation>
            <numerusform>✓ %Ln ligne écrite dans {target}</numerusform>
            <numerusform>✓ %Ln lignes écrites dans {target}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Kiosk - first-run set-up</source>
        <translation>Borne - première mise en service</translation>
    </message>
    <message>
        <source>Welcome: choose the administrator&apos;s PIN</source>
        <translation>Bienvenue : choisissez le code de l&apos;administrateur</translation>
    </message>
    <message>
        <source>This kiosk is new. Its administrator chooses a PIN of 4-8 digits: it opens everything (employees, settings, the audit trail, leaving kiosk mode). HR gets its own PIN later, on the Security page.</source>
        <translation>Cette borne est neuve. Son administrateur choisit un code de 4 à 8 chiffres : il ouvre tout (employés, réglages, journal d&apos;audit, sortie du mode borne). Les RH auront leur propre code plus tard, sur la page Sécurité.</translation>
    </message>
    <message>
        <source>Finish: open the kiosk</source>
        <translation>Terminer : ouvrir la borne</translation>
    </message>
    <message>
        <source>This kiosk</source>
        <translation>Cette borne</translation>
    </message>
    <message>
        <source>Checked, then saved together with the admin PIN. Each can be changed later in kiosk.toml.</source>
        <translation>Vérifiés, puis enregistrés avec le code administrateur. Chacun peut être modifié plus tard dans kiosk.toml.</translation>
    </message>
    <message>
        <source>Kiosk name</source>
        <translation>Nom de la borne</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Fuseau horaire</translation>
    </message>
    <message>
        <source>Camera (0 = the first)</source>
        <translation>Caméra (0 = la première)</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Not saved: {reason}</source>
        <translation>Non enregistré : {reason}</translation>
    </message>
</context>
<context>
    <name>HelpPage</name>
    <message>
        <source>Enrol a person</source>
        <translation>Inscrire une personne</translation>
    </message>
    <message>
        <source>Employees → “Enroll new”: the name, the worker ID and the person&apos;s consent, then three photos from the camera or from files. The wizard checks each photo and looks for the same face under another worker ID before it saves. Then “Set check-in PIN”, so the person can check in with their worker ID when the face is not enough.</source>
        <translation>Employés → « Inscrire » : le nom, le matricule et le consentement de la personne, puis trois photos prises par la caméra ou depuis des fichiers. L&apos;assistant vérifie chaque photo et cherche le même visage sous un autre matricule avant d&apos;enregistrer. Ensuite « Définir le code de pointage », pour que la personne puisse pointer avec son matricule quand le visage ne suffit pas.</translation>
    </message>
    <message>
        <source>Correct attendance</source>
        <translation>Corriger les présences</translation>
    </message>
    <message>
        <source>Attendance: choose the dates and the person, then “Add missing punch…” or “Void punch…”. A correction needs a reason; nothing is deleted, and the Monthly sheet marks the day as corrected by HR. See docs/attendance.md.</source>
        <translation>Présences : choisissez les dates et la personne, puis « Ajouter un pointage manquant… » ou « Annuler un pointage… ». Une correction demande un motif ; rien n&apos;est effacé, et la Feuille mensuelle marque le jour comme corrigé par les RH. Voir docs/attendance.md.</translation>
    </message>
    <message>
        <source>Month-end exports</source>
        <translation>Exports de fin de mois</translation>
    </message>
    <message>
        <source>Monthly sheet: choose the month, then “Export month…” (a workbook or CSV for payroll) or “Export days…”. Attendance → “Export CSV…” gives the punches themselves. Check the month&apos;s corrections first.</source>
        <translation>Feuille mensuelle : choisissez le mois, puis « Exporter le mois… » (un classeur ou un CSV pour la paie) ou « Exporter les jours… ». Présences → « Exporter en CSV… » donne les pointages eux-mêmes. Vérifiez d&apos;abord les corrections du mois.</translation>
    </message>
    <message>
        <source>PINs and the recovery code</source>
        <translation>Codes et code de secours</translation>
    </message>
    <message>
        <source>Security (administrator): “Set HR PIN…”, “Change admin PIN…” and “New recovery code…”. The recovery code resets a lost admin PIN (docs/install.md); keep it away from the kiosk. An employee&apos;s check-in PIN is set on Employees.</source>
        <translation>Sécurité (administrateur) : « Définir le code RH… », « Changer le code administrateur… » et « Nouveau code de secours… ». Le code de secours réinitialise un code administrateur perdu (docs/install.md) ; gardez-le loin de la borne. Le code de pointage d&apos;un employé se définit dans Employés.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Réglages</translation>
    </message>
    <message>
        <source>Language: “language” in kiosk.toml (English, French or Arabic) for the next start; the button beside HR at the entrance changes it until then. Accessibility: high contrast, text size and sound volume, applied at once. Shifts, punch mode and holidays: Shift settings (administrator).</source>
        <translation>Langue : « language » dans kiosk.toml (anglais, français ou arabe) pour le prochain démarrage ; le bouton à côté de RH à l&apos;entrée la change d&apos;ici là. Accessibilité : contraste élevé, taille du texte et volume sonore, appliqués aussitôt. Horaires, mode de pointage et jours fériés : Réglages des horaires (administrateur).</translation>
    </message>
    <message>
        <source>Logs and checks</source>
        <translation>Journaux et vérifications</translation>
    </message>
    <message>
        <source>The kiosk&apos;s log is in the system journal (journalctl --user -u kiosk) or in ~/.local/state/kiosk/kiosk.log. “kiosk doctor” checks the data folder&apos;s health and “kiosk models” the face models. Installing, upgrading and the first run: docs/install.md.</source>
        <translation>Le journal de la borne est dans le journal du système (journalctl --user -u kiosk) ou dans ~/.local/state/kiosk/kiosk.log. « kiosk doctor » vérifie l&apos;état du dossier de données et « kiosk models » les modèles de visage. Installation, mise à jour et premier démarrage : docs/install.md.</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>Confidentialité</translation>
    </message>
    <message>
        <source>Face templates and photos are encrypted; how long records are kept is on the Security page. What is stored, backing up the key, and answering a person who asks to see or delete their data: docs/privacy.md.</source>
        <translation>Les modèles de visage et les photos sont chiffrés ; la durée de conservation est sur la page Sécurité. Ce qui est conservé, la sauvegarde de la clé, et la réponse à une personne qui demande à voir ou effacer ses données : docs/privacy.md.</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Aide</translation>
    </message>
    <message>
        <source>Common tasks, where they are, and where to read more.</source>
        <translation>Les tâches courantes, où les faire, et où en lire plus.</translation>
    </message>
</context>
<context>
    <name>HrWindow</name>
    <message>
        <source>Kiosk - HR desk</source>
        <translation>Borne - poste RH</translation>
    </message>
    <message>
        <source>HR desk</source>
        <translation>Poste RH</translation>
    </message>
    <message>
        <source>Sign in with the HR or admin PIN to see employees and attendance.</source>
        <translation>Connectez-vous avec le code RH ou administrateur pour voir les employés et les présences.</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>Site database {where}</source>
        <translation>Base du site {where}</translation>
    </message>
    <message>
        <source>Data folder {folder}</source>
        <translation>Dossier de données {folder}</translation>
    </message>
    <message>
        <source>Face models are missing or broken: enrolling and expert recognition will not work here.
{error}
Run `kiosk models` to see what is needed.</source>
        <translation>Les modèles de visage sont absents ou endommagés : l&apos;inscription et la reconnaissance experte ne fonctionneront pas ici.
{error}
Lancez `kiosk models` pour voir ce qu&apos;il faut.</translation>
    </message>
    <message>
        <source>Signed in: administrator</source>
        <translation>Connecté : administrateur</translation>
    </message>
    <message>
        <source>Signed in: HR</source>
        <translation>Connecté : RH</translation>
    </message>
</context>
<context>
    <name>IdleClosingDialog</name>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>LearnedMasksPanel</name>
    <message>
        <source>Learned masks</source>
        <translation>Masques appris</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Approuver</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>waiting for approval</source>
        <translation>en attente d&apos;approbation</translation>
    </message>
    <message>
        <source>in use</source>
        <translation>en service</translation>
    </message>
    <message>
        <source>worker ID + PIN</source>
        <translation>matricule + code</translation>
    </message>
    <message>
        <source>face check-in</source>
        <translation>pointage par visage</translation>
    </message>
    <message>
        <source>Learned masks: {count}</source>
        <translation>Masques appris : {count}</translation>
    </message>
    <message>
        <source> ({count} waiting for approval)</source>
        <translation> ({count} en attente d&apos;approbation)</translation>
    </message>
    <message>
        <source>Learned masks: none yet</source>
        <translation>Masques appris : aucun pour le moment</translation>
    </message>
</context>
<context>
    <name>LivePage</name>
    <message>
        <source>{name}?</source>
        <translation>{name} ?</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Bienvenue</translation>
    </message>
    <message>
        <source>Look at the camera to check in</source>
        <translation>Regardez la caméra pour pointer</translation>
    </message>
    <message>
        <source>HR</source>
        <translation>RH</translation>
    </message>
    <message>
        <source>HR screens</source>
        <translation>Écrans RH</translation>
    </message>
    <message>
        <source>Opens the HR and administrator screens; asks for a PIN.</source>
        <translation>Ouvre les écrans RH et administrateur ; demande un code.</translation>
    </message>
    <message>
        <source>Check in with my worker ID</source>
        <translation>Pointer avec mon matricule</translation>
    </message>
    <message>
        <source>My hours</source>
        <translation>Mes heures</translation>
    </message>
    <message>
        <source>Face the camera in good light; remove sunglasses or hats.</source>
        <translation>Placez-vous face à la caméra, en pleine lumière ; retirez lunettes de soleil ou chapeau.</translation>
    </message>
    <message>
        <source>Not changed: {reason}</source>
        <translation>Non modifié : {reason}</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
    <message>
        <source>{name} - Present - {time}</source>
        <translation>{name} - Présent - {time}</translation>
    </message>
    <message>
        <source>{name} - already checked in at {time}</source>
        <translation>{name} - déjà pointé à {time}</translation>
    </message>
    <message>
        <source>No need to check in again.</source>
        <translation>Inutile de pointer à nouveau.</translation>
    </message>
    <message>
        <source>Punches paused</source>
        <translation>Pointages suspendus</translation>
    </message>
    <message>
        <source>This kiosk&apos;s clock went back: nothing was recorded. Please tell IT.</source>
        <translation>L&apos;horloge de cette borne a reculé : rien n&apos;a été enregistré. Prévenez l&apos;informatique.</translation>
    </message>
    <message>
        <source>{name} - not active</source>
        <translation>{name} - inactif</translation>
    </message>
    <message>
        <source>Please see HR.</source>
        <translation>Veuillez voir les RH.</translation>
    </message>
    <message>
        <source>No camera picture</source>
        <translation>Pas d&apos;image de la caméra</translation>
    </message>
    <message>
        <source>Check that the camera is plugged in.</source>
        <translation>Vérifiez que la caméra est branchée.</translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Video ended</source>
        <translation>Vidéo terminée</translation>
    </message>
    <message>
        <source>Play again</source>
        <translation>Rejouer</translation>
    </message>
    <message>
        <source>Camera stopped</source>
        <translation>Caméra arrêtée</translation>
    </message>
    <message>
        <source>Face recognition is unavailable</source>
        <translation>La reconnaissance faciale est indisponible</translation>
    </message>
    <message>
        <source>Face recognition is not working right now.
Please check in with your worker ID, and tell HR.</source>
        <translation>La reconnaissance faciale ne fonctionne pas pour le moment.
Veuillez pointer avec votre matricule et prévenir les RH.</translation>
    </message>
    <message>
        <source>● Camera on</source>
        <translation>● Caméra allumée</translation>
    </message>
    <message>
        <source>○ Connecting to the camera…</source>
        <translation>○ Connexion à la caméra…</translation>
    </message>
    <message>
        <source>✕ No camera</source>
        <translation>✕ Pas de caméra</translation>
    </message>
    <message>
        <source>■ Video ended</source>
        <translation>■ Vidéo terminée</translation>
    </message>
    <message>
        <source>■ Camera stopped</source>
        <translation>■ Caméra arrêtée</translation>
    </message>
    <message>
        <source>○ Starting…</source>
        <translation>○ Démarrage…</translation>
    </message>
    <message>
        <source>Face recognition unavailable: use your worker ID</source>
        <translation>Reconnaissance faciale indisponible : utilisez votre matricule</translation>
    </message>
    <message>
        <source>Face recognition ready</source>
        <translation>Reconnaissance faciale prête</translation>
    </message>
    <message>
        <source>Getting ready…</source>
        <translation>Préparation…</translation>
    </message>
    <message>
        <source>live</source>
        <translation>en direct</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>connexion</translation>
    </message>
    <message>
        <source>no camera</source>
        <translation>pas de caméra</translation>
    </message>
    <message>
        <source>video ended</source>
        <translation>vidéo terminée</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>arrêtée</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Caméra</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>démarrage</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Vidéo</translation>
    </message>
    <message>
        <source>{fps} frames a second</source>
        <translation>{fps} images par seconde</translation>
    </message>
    <message>
        <source>Recognition</source>
        <translation>Reconnaissance</translation>
    </message>
    <message>
        <source>Face models</source>
        <translation>Modèles de visage</translation>
    </message>
    <message>
        <source>not loaded: {reason} (`kiosk models` says what is needed)</source>
        <translation>non chargés : {reason} (`kiosk models` indique ce qu&apos;il faut)</translation>
    </message>
    <message>
        <source>loading</source>
        <translation>chargement</translation>
    </message>
    <message>
        <source>Nobody is enrolled yet. HR: tap HR to enroll the first employee.</source>
        <translation>Personne n&apos;est encore inscrit. RH : touchez RH pour inscrire le premier employé.</translation>
    </message>
    <message>
        <source>Good morning</source>
        <translation>Bonjour</translation>
    </message>
    <message>
        <source>Good afternoon</source>
        <translation>Bon après-midi</translation>
    </message>
    <message>
        <source>Good evening</source>
        <translation>Bonsoir</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Kiosk - attendance</source>
        <translation>Borne - présences</translation>
    </message>
    <message>
        <source>Loading face models…</source>
        <translation>Chargement des modèles de visage…</translation>
    </message>
    <message>
        <source>Starting camera…</source>
        <translation>Démarrage de la caméra…</translation>
    </message>
</context>
<context>
    <name>MonthlyPage</name>
    <message>
        <source>Present</source>
        <translation>Présent</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>En retard</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>Absent</translation>
    </message>
    <message>
        <source>Holiday</source>
        <translation>Jour férié</translation>
    </message>
    <message>
        <source>Half day</source>
        <translation>Demi-journée</translation>
    </message>
    <message>
        <source>Day off</source>
        <translation>Repos</translation>
    </message>
    <message>
        <source>Missing check-out</source>
        <translation>Sortie manquante</translation>
    </message>
    <message>
        <source>Not yet arrived</source>
        <translation>Pas encore arrivé</translation>
    </message>
    <message>
        <source>In</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>Monthly sheet</source>
        <translation>Feuille mensuelle</translation>
    </message>
    <message>
        <source>Each person&apos;s month: days, hours, lates and absences</source>
        <translation>Le mois de chacun : jours, heures, retards et absences</translation>
    </message>
    <message>
        <source>Export month…</source>
        <translation>Exporter le mois…</translation>
    </message>
    <message>
        <source>Export days…</source>
        <translation>Exporter les jours…</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ Précédent</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Suivant ▶</translation>
    </message>
    <message>
        <source>Choose a person to see their days.</source>
        <translation>Choisissez une personne pour voir ses journées.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln person(s), {start} to {end}</source>
        <translation>
            <numerusform>%Ln personne, du {start} au {end}</numerusform>
            <numerusform>%Ln personnes, du {start} au {end}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{name} ({worker_id}), {month}: %Ln day(s)</source>
        <translation>
            <numerusform>{name} ({worker_id}), {month} : %Ln jour</numerusform>
            <numerusform>{name} ({worker_id}), {month} : %Ln jours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %Ln corrected (marked)</source>
        <translation>
            <numerusform>, %Ln corrigé (signalé)</numerusform>
            <numerusform>, %Ln corrigés (signalés)</numerusform>
        </translation>
    </message>
    <message>
        <source> - corrected by HR</source>
        <translation> - corrigé par les RH</translation>
    </message>
</context>
<context>
    <name>MyHoursKeypad</name>
    <message>
        <source>My hours</source>
        <translation>Mes heures</translation>
    </message>
    <message>
        <source>My hours: type your worker ID</source>
        <translation>Mes heures : saisissez votre matricule</translation>
    </message>
    <message>
        <source>Then your personal PIN, the one you check in with. Ask HR if you have none.</source>
        <translation>Puis votre code personnel, celui qui sert à pointer. Demandez-le aux RH si vous n&apos;en avez pas.</translation>
    </message>
    <message>
        <source>Could not open your hours: {reason}. Try again or see HR.</source>
        <translation>Impossible d&apos;ouvrir vos heures : {reason}. Réessayez ou voyez les RH.</translation>
    </message>
</context>
<context>
    <name>Notice</name>
    <message>
        <source>Retry now</source>
        <translation>Réessayer</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>Edit details</source>
        <translation>Modifier les informations</translation>
    </message>
    <message>
        <source>Department&apos;s or default shift</source>
        <translation>Horaire du service ou par défaut</translation>
    </message>
    <message>
        <source>{shift} (no longer defined)</source>
        <translation>{shift} (n&apos;existe plus)</translation>
    </message>
    <message>
        <source>Their photos and face templates stay as they are.</source>
        <translation>Ses photos et modèles de visage restent inchangés.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>Horaire</translation>
    </message>
    <message>
        <source>Details of {name} ({worker_id})</source>
        <translation>Informations de {name} ({worker_id})</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Non enregistré</translation>
    </message>
</context>
<context>
    <name>PhotoSlot</name>
    <message>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Photo {number}</source>
        <translation>Photo {number}</translation>
    </message>
    <message>
        <source>Take a photo or choose a file</source>
        <translation>Prenez une photo ou choisissez un fichier</translation>
    </message>
    <message>
        <source>Checking the photo…</source>
        <translation>Vérification de la photo…</translation>
    </message>
    <message>
        <source>✓ Good · sharpness {sharpness}
face {width} px wide</source>
        <translation>✓ Bonne · netteté {sharpness}
visage de {width} px de large</translation>
    </message>
</context>
<context>
    <name>PhotosPage</name>
    <message>
        <source>Three photos</source>
        <translation>Trois photos</translation>
    </message>
    <message>
        <source>Take them with the kiosk camera (face centred, close enough, holding still) or choose image files. Each photo is checked at once.</source>
        <translation>Prenez-les avec la caméra de la borne (visage centré, assez proche, immobile) ou choisissez des fichiers image. Chaque photo est vérifiée aussitôt.</translation>
    </message>
    <message>
        <source>No camera</source>
        <translation>Pas de caméra</translation>
    </message>
    <message>
        <source>Waiting for the camera…</source>
        <translation>En attente de la caméra…</translation>
    </message>
    <message>
        <source>Look at the camera</source>
        <translation>Regardez la caméra</translation>
    </message>
    <message>
        <source>Take photo</source>
        <translation>Prendre la photo</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>Choisir un fichier…</translation>
    </message>
    <message>
        <source>Choose a photo</source>
        <translation>Choisir une photo</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Images</translation>
    </message>
    <message>
        <source>No camera picture to take: choose a file instead.</source>
        <translation>Aucune image de caméra à prendre : choisissez plutôt un fichier.</translation>
    </message>
    <message numerus="yes">
        <source>camera photo, best of %Ln frames</source>
        <translation>
            <numerusform>photo de la caméra, meilleure de %Ln image</numerusform>
            <numerusform>photo de la caméra, meilleure de %Ln images</numerusform>
        </translation>
    </message>
    <message>
        <source>camera photo</source>
        <translation>photo de la caméra</translation>
    </message>
    <message>
        <source>Three photos are already there: remove one to replace it.</source>
        <translation>Les trois photos sont déjà là : retirez-en une pour la remplacer.</translation>
    </message>
    <message>
        <source>photo {number} ({label})</source>
        <translation>photo {number} ({label})</translation>
    </message>
    <message>
        <source>could not check the photo: {reason}</source>
        <translation>impossible de vérifier la photo : {reason}</translation>
    </message>
</context>
<context>
    <name>Picture</name>
    <message>
        <source>Picture</source>
        <translation>Image</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <source>HR access</source>
        <translation>Accès RH</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Forgot the admin PIN?</source>
        <translation>Code administrateur oublié ?</translation>
    </message>
    <message>
        <source>Choose the HR PIN</source>
        <translation>Choisissez le code RH</translation>
    </message>
    <message>
        <source>Choose the administrator PIN</source>
        <translation>Choisissez le code administrateur</translation>
    </message>
    <message>
        <source>Repeat the new PIN</source>
        <translation>Répétez le nouveau code</translation>
    </message>
    <message>
        <source>A PIN of 4-8 digits for HR: employees, attendance and exports.</source>
        <translation>Un code de 4 à 8 chiffres pour les RH : employés, présences et exports.</translation>
    </message>
    <message>
        <source>First use: choose the administrator&apos;s PIN (4-8 digits). It opens everything, including settings, the audit trail and leaving kiosk mode; the administrator gives HR its own PIN later.</source>
        <translation>Première utilisation : choisissez le code administrateur (4 à 8 chiffres). Il ouvre tout, y compris les réglages, le journal d&apos;audit et la sortie du mode borne ; l&apos;administrateur donnera ensuite aux RH leur propre code.</translation>
    </message>
    <message>
        <source>The administrator&apos;s PIN opens everything.</source>
        <translation>Le code administrateur ouvre tout.</translation>
    </message>
    <message>
        <source>Enter the admin PIN</source>
        <translation>Saisissez le code administrateur</translation>
    </message>
    <message>
        <source>Only the administrator can do this.</source>
        <translation>Seul l&apos;administrateur peut faire cela.</translation>
    </message>
    <message>
        <source>Enter HR or admin PIN</source>
        <translation>Saisissez le code RH ou administrateur</translation>
    </message>
    <message>
        <source>The HR screens are protected.</source>
        <translation>Les écrans RH sont protégés.</translation>
    </message>
    <message>
        <source>The admin PIN is reset. Enter the new admin PIN.</source>
        <translation>Le code administrateur est réinitialisé. Saisissez le nouveau code administrateur.</translation>
    </message>
    <message>
        <source>The two PINs differ. Start again.</source>
        <translation>Les deux codes diffèrent. Recommencez.</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>Delete the last character</source>
        <translation>Effacer le dernier caractère</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Hyphen</source>
        <translation>Trait d&apos;union</translation>
    </message>
    <message>
        <source>Underscore</source>
        <translation>Tiret bas</translation>
    </message>
    <message>
        <source>Worker ID keypad</source>
        <translation>Clavier du matricule</translation>
    </message>
    <message>
        <source>PIN keypad</source>
        <translation>Clavier du code</translation>
    </message>
    <message>
        <source>Number keypad</source>
        <translation>Pavé numérique</translation>
    </message>
    <message>
        <source>Type on the keyboard or tap the keys; Enter or OK to confirm, Backspace to delete, Escape to cancel.</source>
        <translation>Tapez au clavier ou touchez les touches ; Entrée ou OK pour valider, Retour arrière pour effacer, Échap pour annuler.</translation>
    </message>
    <message>
        <source>Entered so far</source>
        <translation>Saisi jusqu&apos;ici</translation>
    </message>
</context>
<context>
    <name>PinTwice</name>
    <message>
        <source>Repeat the new admin PIN</source>
        <translation>Répétez le nouveau code administrateur</translation>
    </message>
    <message>
        <source>Type the same PIN again.</source>
        <translation>Saisissez le même code une seconde fois.</translation>
    </message>
    <message>
        <source>The two PINs differ. Start again.</source>
        <translation>Les deux codes diffèrent. Recommencez.</translation>
    </message>
</context>
<context>
    <name>ProcessPage</name>
    <message>
        <source>Enrolling</source>
        <translation>Inscription</translation>
    </message>
    <message>
        <source>Computing the face templates (with synthetic masks, so the person is recognised with or without one).</source>
        <translation>Calcul des modèles de visage (avec des masques de synthèse, pour que la personne soit reconnue avec ou sans masque).</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Démarrage…</translation>
    </message>
    <message>
        <source>Starting… (mask augmentation is not available on this kiosk: enrolling the 3 original photos only)</source>
        <translation>Démarrage… (l&apos;ajout de masques n&apos;est pas disponible sur cette borne : inscription des 3 photos d&apos;origine seulement)</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
    <message>
        <source>Saved, but the check-in PIN was not set: {reason}</source>
        <translation>Enregistré, mais le code de pointage n&apos;a pas été défini : {reason}</translation>
    </message>
    <message>
        <source>Enrollment failed, nothing was saved.
{reason}
Go back to fix it, or cancel.</source>
        <translation>L&apos;inscription a échoué, rien n&apos;a été enregistré.
{reason}
Revenez en arrière pour corriger, ou annulez.</translation>
    </message>
</context>
<context>
    <name>PunchChoice</name>
    <message>
        <source>IN</source>
        <translation>ENTRÉE</translation>
    </message>
    <message>
        <source>OUT</source>
        <translation>SORTIE</translation>
    </message>
    <message>
        <source>Break</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Back from break</source>
        <translation>Retour de pause</translation>
    </message>
    <message>
        <source>{label} (key {key})</source>
        <translation>{label} (touche {key})</translation>
    </message>
</context>
<context>
    <name>PunchMethod</name>
    <message>
        <source>face</source>
        <translation>visage</translation>
    </message>
    <message>
        <source>worker ID + PIN</source>
        <translation>matricule + code</translation>
    </message>
    <message>
        <source>added by HR</source>
        <translation>ajouté par les RH</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>Reset the admin PIN</source>
        <translation>Réinitialiser le code administrateur</translation>
    </message>
    <message>
        <source>Type the recovery code shown when the kiosk was set up (or the admin PIN was last reset).</source>
        <translation>Saisissez le code de secours montré à la mise en service de la borne (ou à la dernière réinitialisation du code administrateur).</translation>
    </message>
    <message>
        <source>Recovery code</source>
        <translation>Code de secours</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Suivant</translation>
    </message>
    <message>
        <source>Choose the new admin PIN</source>
        <translation>Choisissez le nouveau code administrateur</translation>
    </message>
    <message>
        <source>4-8 digits.</source>
        <translation>4 à 8 chiffres.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>The admin PIN is reset: your new recovery code</source>
        <translation>Le code administrateur est réinitialisé : votre nouveau code de secours</translation>
    </message>
</context>
<context>
    <name>RenameIdDialog</name>
    <message>
        <source>Change worker ID</source>
        <translation>Changer le matricule</translation>
    </message>
    <message>
        <source>e.g. {example}</source>
        <translation>par ex. {example}</translation>
    </message>
    <message>
        <source>{rule}. Their check-ins, PIN and photos move to the new ID.</source>
        <translation>{rule}. Ses pointages, son code et ses photos passent au nouveau matricule.</translation>
    </message>
    <message>
        <source>1-{max} letters, digits, hyphens (-) and underscores (_), starting with a letter or a digit</source>
        <translation>1 à {max} lettres, chiffres, tirets (-) et soulignés (_), commençant par une lettre ou un chiffre</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Changer</translation>
    </message>
    <message>
        <source>New worker ID for {name} ({worker_id})</source>
        <translation>Nouveau matricule pour {name} ({worker_id})</translation>
    </message>
    <message>
        <source>Not changed</source>
        <translation>Non modifié</translation>
    </message>
</context>
<context>
    <name>ReportColumn</name>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Employee ID</source>
        <translation>Matricule</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>Horaire</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>In</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>Sortie</translation>
    </message>
    <message>
        <source>Worked hours</source>
        <translation>Heures travaillées</translation>
    </message>
    <message>
        <source>Worked minutes</source>
        <translation>Minutes travaillées</translation>
    </message>
    <message>
        <source>Late minutes</source>
        <translation>Minutes de retard</translation>
    </message>
    <message>
        <source>Early leave minutes</source>
        <translation>Minutes de départ anticipé</translation>
    </message>
    <message>
        <source>Missing check-out</source>
        <translation>Sortie manquante</translation>
    </message>
    <message>
        <source>Closed automatically</source>
        <translation>Clôturé automatiquement</translation>
    </message>
    <message>
        <source>Long session</source>
        <translation>Présence longue</translation>
    </message>
    <message>
        <source>Corrected</source>
        <translation>Corrigé</translation>
    </message>
    <message>
        <source>Punches</source>
        <translation>Pointages</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Remarques</translation>
    </message>
    <message>
        <source>Days present</source>
        <translation>Jours présents</translation>
    </message>
    <message>
        <source>Days late</source>
        <translation>Jours de retard</translation>
    </message>
    <message>
        <source>Half days</source>
        <translation>Demi-journées</translation>
    </message>
    <message>
        <source>Absences</source>
        <translation>Absences</translation>
    </message>
    <message>
        <source>Days off</source>
        <translation>Jours de repos</translation>
    </message>
    <message>
        <source>Holidays</source>
        <translation>Jours fériés</translation>
    </message>
    <message>
        <source>Missing check-outs</source>
        <translation>Sorties manquantes</translation>
    </message>
    <message>
        <source>Corrected days</source>
        <translation>Jours corrigés</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Sens</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>Kiosk</source>
        <translation>Borne</translation>
    </message>
    <message>
        <source>UTC</source>
        <translation>UTC</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Fuseau horaire</translation>
    </message>
    <message>
        <source>UTC offset (min)</source>
        <translation>Décalage UTC (min)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Added by</source>
        <translation>Ajouté par</translation>
    </message>
    <message>
        <source>Voided at</source>
        <translation>Annulé le</translation>
    </message>
    <message>
        <source>Void reason</source>
        <translation>Motif de l&apos;annulation</translation>
    </message>
    <message>
        <source>Voided by</source>
        <translation>Annulé par</translation>
    </message>
</context>
<context>
    <name>SecurityPage</name>
    <message>
        <source>Security</source>
        <translation>Sécurité</translation>
    </message>
    <message>
        <source>PINs, encryption at rest and how long records are kept</source>
        <translation>Codes, chiffrement des données et durée de conservation</translation>
    </message>
    <message>
        <source>Set HR PIN…</source>
        <translation>Définir le code RH…</translation>
    </message>
    <message>
        <source>Change admin PIN…</source>
        <translation>Changer le code administrateur…</translation>
    </message>
    <message>
        <source>Purge now</source>
        <translation>Purger maintenant</translation>
    </message>
    <message>
        <source>New recovery code…</source>
        <translation>Nouveau code de secours…</translation>
    </message>
    <message>
        <source>PINs</source>
        <translation>Codes</translation>
    </message>
    <message>
        <source>Templates and photos</source>
        <translation>Modèles et photos</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>Conservation</translation>
    </message>
    <message>
        <source>Admin PIN set; HR PIN set.</source>
        <translation>Code administrateur défini ; code RH défini.</translation>
    </message>
    <message>
        <source>Admin PIN set; HR PIN not set (only the administrator can open the HR screens).</source>
        <translation>Code administrateur défini ; code RH non défini (seul l&apos;administrateur peut ouvrir les écrans RH).</translation>
    </message>
    <message>
        <source>Stored in the plain seed layout (encryption = &quot;off&quot; in kiosk.toml).</source>
        <translation>Stockés en clair (encryption = &quot;off&quot; dans kiosk.toml).</translation>
    </message>
    <message>
        <source>Encrypted with AES-256-GCM; the key is held by {where}.</source>
        <translation>Chiffrés en AES-256-GCM ; la clé est conservée par {where}.</translation>
    </message>
    <message>
        <source>unknown-face log {unknown}, other access log {access}, attendance {attendance}, stored photos {photos}. Applied every day; set in kiosk.toml (retention_unknown_days, ...).</source>
        <translation>journal des visages inconnus {unknown}, autres accès {access}, présences {attendance}, photos stockées {photos}. Appliqué chaque jour ; réglé dans kiosk.toml (retention_unknown_days, ...).</translation>
    </message>
    <message>
        <source>✓ The HR PIN was changed.</source>
        <translation>✓ Le code RH a été changé.</translation>
    </message>
    <message>
        <source>✓ The admin PIN was changed.</source>
        <translation>✓ Le code administrateur a été changé.</translation>
    </message>
    <message>
        <source>✓ A new recovery code was made; the earlier one no longer works.</source>
        <translation>✓ Un nouveau code de secours a été créé ; l&apos;ancien ne fonctionne plus.</translation>
    </message>
    <message>
        <source>✓ Removed {total} records older than the retention settings allow ({unknown} unknown-face log rows, {access} other log rows, {attendance} check-ins, {photos} photos, {frames} PIN check-in frames, {masks} learned masks).</source>
        <translation>✓ {total} enregistrements plus anciens que la durée de conservation supprimés ({unknown} lignes du journal des inconnus, {access} autres lignes du journal, {attendance} pointages, {photos} photos, {frames} images de pointage par code, {masks} masques appris).</translation>
    </message>
</context>
<context>
    <name>SetPinDialog</name>
    <message>
        <source>Check-in PIN</source>
        <translation>Code de pointage</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>New check-in PIN for {name}</source>
        <translation>Nouveau code de pointage pour {name}</translation>
    </message>
    <message>
        <source>Repeat the new PIN</source>
        <translation>Répétez le nouveau code</translation>
    </message>
    <message>
        <source>4 to 6 digits. The employee types it after their worker ID.</source>
        <translation>4 à 6 chiffres. L&apos;employé le saisit après son matricule.</translation>
    </message>
    <message>
        <source>The two PINs differ. Start again.</source>
        <translation>Les deux codes diffèrent. Recommencez.</translation>
    </message>
    <message>
        <source>Not set: {reason}</source>
        <translation>Non défini : {reason}</translation>
    </message>
</context>
<context>
    <name>SheetWord</name>
    <message>
        <source>Present</source>
        <translation>Présent</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>En retard</translation>
    </message>
    <message>
        <source>Half day</source>
        <translation>Demi-journée</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>Absent</translation>
    </message>
    <message>
        <source>Day off</source>
        <translation>Jour de repos</translation>
    </message>
    <message>
        <source>Holiday</source>
        <translation>Jour férié</translation>
    </message>
    <message>
        <source>Missing check-out</source>
        <translation>Sortie manquante</translation>
    </message>
    <message>
        <source>In</source>
        <translation>Présent sur site</translation>
    </message>
    <message>
        <source>Not yet arrived</source>
        <translation>Pas encore arrivé</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>Punches</source>
        <translation>Pointages</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>Journalier</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>Mensuel</translation>
    </message>
    <message>
        <source>{report} {month}</source>
        <translation>{report} {month}</translation>
    </message>
    <message>
        <source>{report} {start} to {end}</source>
        <translation>{report} du {start} au {end}</translation>
    </message>
</context>
<context>
    <name>ShiftDialog</name>
    <message>
        <source>First in to last out</source>
        <translation>De la première entrée à la dernière sortie</translation>
    </message>
    <message>
        <source>Sum of in/out pairs (breaks excluded)</source>
        <translation>Somme des paires entrée/sortie (pauses exclues)</translation>
    </message>
    <message>
        <source>Edit shift</source>
        <translation>Modifier l&apos;horaire</translation>
    </message>
    <message>
        <source>Add a shift</source>
        <translation>Ajouter un horaire</translation>
    </message>
    <message>
        <source>e.g. night</source>
        <translation>par ex. nuit</translation>
    </message>
    <message>
        <source>ends the next day</source>
        <translation>finit le lendemain</translation>
    </message>
    <message>
        <source>late after start + </source>
        <translation>retard après début + </translation>
    </message>
    <message>
        <source>early before end - </source>
        <translation>avance avant fin - </translation>
    </message>
    <message>
        <source>from start - </source>
        <translation>dès début - </translation>
    </message>
    <message>
        <source>until end + </source>
        <translation>jusqu&apos;à fin + </translation>
    </message>
    <message>
        <source>full from </source>
        <translation>complète dès </translation>
    </message>
    <message>
        <source>half from </source>
        <translation>demie dès </translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Heures</translation>
    </message>
    <message>
        <source>to</source>
        <translation>à</translation>
    </message>
    <message>
        <source>Grace</source>
        <translation>Tolérance</translation>
    </message>
    <message>
        <source>Punches count</source>
        <translation>Pointages comptés</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Jour</translation>
    </message>
    <message>
        <source>Hours counted</source>
        <translation>Heures comptées</translation>
    </message>
    <message>
        <source>Days off</source>
        <translation>Jours de repos</translation>
    </message>
    <message>
        <source>Save shift</source>
        <translation>Enregistrer l&apos;horaire</translation>
    </message>
    <message>
        <source>Add shift</source>
        <translation>Ajouter l&apos;horaire</translation>
    </message>
    <message>
        <source>Give the shift a name.</source>
        <translation>Donnez un nom à l&apos;horaire.</translation>
    </message>
    <message>
        <source>There is already a shift called {name}.</source>
        <translation>Il existe déjà un horaire nommé {name}.</translation>
    </message>
</context>
<context>
    <name>StatsPage</name>
    <message>
        <source>Statistics</source>
        <translation>Statistiques</translation>
    </message>
    <message>
        <source>Today at a glance, and the last 14 days</source>
        <translation>Aujourd&apos;hui en un coup d&apos;œil, et les 14 derniers jours</translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation>Inscrits</translation>
    </message>
    <message>
        <source>Present today</source>
        <translation>Présents aujourd&apos;hui</translation>
    </message>
    <message>
        <source>Check-ins today</source>
        <translation>Pointages aujourd&apos;hui</translation>
    </message>
    <message>
        <source>Unknown faces today</source>
        <translation>Visages inconnus aujourd&apos;hui</translation>
    </message>
    <message>
        <source>Not sure (asked again)</source>
        <translation>Incertains (redemandés)</translation>
    </message>
    <message>
        <source>Liveness check failed</source>
        <translation>Détection du vivant échouée</translation>
    </message>
    <message>
        <source>Check-ins per day</source>
        <translation>Pointages par jour</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>{name} can check in now.</source>
        <translation>{name} peut pointer dès maintenant.</translation>
    </message>
    <message>
        <source>✓ {name} (worker ID {worker_id}) is enrolled with {total} face templates: {photos} photos + {masked} with synthetic masks.</source>
        <translation>✓ {name} (matricule {worker_id}) est inscrit avec {total} modèles de visage : {photos} photos + {masked} avec masques de synthèse.</translation>
    </message>
    <message>
        <source>Preparing the masked preview…</source>
        <translation>Préparation de l&apos;aperçu masqué…</translation>
    </message>
    <message>
        <source>mask rendering is not installed</source>
        <translation>le rendu des masques n&apos;est pas installé</translation>
    </message>
    <message>
        <source>Right: how the masked templates see the first photo (surgical blue mask).</source>
        <translation>À droite : la première photo telle que la voient les modèles masqués (masque chirurgical bleu).</translation>
    </message>
    <message>
        <source>No masked preview ({reason}).</source>
        <translation>Pas d&apos;aperçu masqué ({reason}).</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <source>In</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>En retard</translation>
    </message>
    <message>
        <source>Not yet arrived</source>
        <translation>Pas encore arrivé</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>Absent</translation>
    </message>
    <message>
        <source>Missing check-out</source>
        <translation>Sortie manquante</translation>
    </message>
    <message>
        <source>Left for the day</source>
        <translation>Partis pour la journée</translation>
    </message>
    <message>
        <source>Day off</source>
        <translation>Repos</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Worker ID</source>
        <translation>Matricule</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>Horaire</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>Sortie</translation>
    </message>
    <message>
        <source>Late (min)</source>
        <translation>Retard (min)</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Aujourd&apos;hui</translation>
    </message>
    <message>
        <source>Who is in, late, not yet here or absent, as of now</source>
        <translation>Qui est là, en retard, pas encore arrivé ou absent, en ce moment</translation>
    </message>
    <message>
        <source>Nobody.</source>
        <translation>Personne.</translation>
    </message>
    <message>
        <source>Could not refresh: {reason}</source>
        <translation>Actualisation impossible : {reason}</translation>
    </message>
    <message>
        <source>{day}, updated {time} (every minute)</source>
        <translation>{day}, mis à jour à {time} (chaque minute)</translation>
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
        <translation>Image de la caméra</translation>
    </message>
    <message>
        <source>The live camera picture, with a box and a name around each face it sees.</source>
        <translation>L&apos;image en direct de la caméra, avec un cadre et un nom autour de chaque visage vu.</translation>
    </message>
    <message>
        <source>Starting camera…</source>
        <translation>Démarrage de la caméra…</translation>
    </message>
</context>
<context>
    <name>VoidPunchDialog</name>
    <message>
        <source>{name} ({worker_id}), {day} {time}, {direction} by {method}</source>
        <translation>{name} ({worker_id}), {day} {time}, {direction} par {method}</translation>
    </message>
    <message>
        <source>Void punch</source>
        <translation>Annuler le pointage</translation>
    </message>
    <message>
        <source>Why: e.g. a colleague walked past the camera</source>
        <translation>Motif : par ex. un collègue est passé devant la caméra</translation>
    </message>
    <message>
        <source>The punch is kept, marked void; the reason goes to the audit trail.</source>
        <translation>Le pointage est conservé, marqué annulé ; le motif est inscrit au journal d&apos;audit.</translation>
    </message>
    <message>
        <source>Punch</source>
        <translation>Pointage</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Void a punch</source>
        <translation>Annuler un pointage</translation>
    </message>
    <message>
        <source>Not voided</source>
        <translation>Non annulé</translation>
    </message>
</context>
<context>
    <name>WeekDialog</name>
    <message>
        <source>Day</source>
        <translation>Jour</translation>
    </message>
    <message>
        <source>In</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>Sortie</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Heures</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>My hours</source>
        <translation>Mes heures</translation>
    </message>
    <message>
        <source>{name} ({worker_id}): this week</source>
        <translation>{name} ({worker_id}) : cette semaine</translation>
    </message>
    <message>
        <source>No days yet this week</source>
        <translation>Aucun jour cette semaine pour le moment</translation>
    </message>
    <message>
        <source>Total this week: {duration}</source>
        <translation>Total de la semaine : {duration}</translation>
    </message>
    <message>
        <source>Something wrong? HR can correct it. This closes by itself.</source>
        <translation>Une erreur ? Les RH peuvent la corriger. Cette fenêtre se ferme seule.</translation>
    </message>
    <message>
        <source>Closes your week; it also closes by itself.</source>
        <translation>Ferme votre semaine ; elle se ferme aussi d&apos;elle-même.</translation>
    </message>
</context>
<context>
    <name>WorkerCheckinDialog</name>
    <message>
        <source>Check in with my worker ID</source>
        <translation>Pointer avec mon matricule</translation>
    </message>
    <message>
        <source>Type your worker ID</source>
        <translation>Saisissez votre matricule</translation>
    </message>
    <message>
        <source>Letters, digits, - and _; then your personal PIN. Ask HR if you have none.</source>
        <translation>Lettres, chiffres, - et _ ; puis votre code personnel. Demandez-le aux RH si vous n&apos;en avez pas.</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Worker ID {worker_id}: type your PIN</source>
        <translation>Matricule {worker_id} : saisissez votre code</translation>
    </message>
    <message>
        <source>4 to 6 digits, then OK.</source>
        <translation>4 à 6 chiffres, puis OK.</translation>
    </message>
    <message>
        <source>Could not check you in: {reason}. Try again or see HR.</source>
        <translation>Pointage impossible : {reason}. Réessayez ou voyez les RH.</translation>
    </message>
</context>
<context>
    <name>form_dialog</name>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>{what}: {reason}</source>
        <translation>{what} : {reason}</translation>
    </message>
</context>
<context>
    <name>pickers</name>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>Date de début</translation>
    </message>
    <message>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>Date de fin</translation>
    </message>
    <message>
        <source>Employee</source>
        <translation>Employé</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Tout le monde</translation>
    </message>
    <message>
        <source> - deleted</source>
        <translation> - supprimé</translation>
    </message>
</context>
<context>
    <name>shift_dialog</name>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source> h</source>
        <translation> h</translation>
    </message>
</context>
</TS>
