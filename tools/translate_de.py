"""Fills the German catalogue from the table below and compiles it (a maintainer's tool).

Run after `leitstand makemessages -l de`: python tools/translate_de.py
Needs polib (pip install polib) and GNU gettext's msgfmt.
"""

import pathlib
import subprocess

import polib

PO = pathlib.Path(__file__).resolve().parents[1] / "src/leitstand/locale/de/LC_MESSAGES/django.po"

DE = {
    "Imprint": "Impressum",
    "This instance of Leitstand is a demonstration. The operator of a public instance names here who is responsible for its content (name, postal address, e-mail), as § 5 DDG and § 18 MStV require.":
        "Diese Leitstand-Instanz ist eine Demonstration. Wer eine öffentliche Instanz betreibt, nennt hier die für den Inhalt Verantwortlichen (Name, Anschrift, E-Mail), wie es § 5 DDG und § 18 MStV verlangen.",
    "Leitstand is free software. The data of the NRW strategy comes from the public sources linked beside each figure; the city strategy \"Musterstadt\" is fictional.":
        "Leitstand ist freie Software. Die Daten der NRW-Strategie stammen aus den öffentlichen Quellen, die neben jeder Zahl verlinkt sind; die Stadtstrategie „Musterstadt“ ist erfunden.",
    "Privacy": "Datenschutz",
    "Visitors": "Besucherinnen und Besucher",
    "Reading the public pages stores nothing about you. No tracking, no analytics, no third-party requests: every file is served by this site. If you switch the language, a cookie named \"django_language\" remembers your choice.":
        "Das Lesen der öffentlichen Seiten speichert nichts über Sie. Kein Tracking, keine Statistikdienste, keine Anfragen an Dritte: Jede Datei kommt von dieser Website. Wenn Sie die Sprache wechseln, merkt sich ein Cookie namens „django_language“ Ihre Wahl.",
    "Editors": "Redaktion",
    "For editors the site stores the user name, the units they belong to and a session cookie while they are logged in. Changes they make are kept in the history; the public history shows the editing unit and role, not the person.":
        "Für Redakteurinnen und Redakteure speichert die Website den Benutzernamen, ihre Organisationseinheiten und während der Anmeldung ein Sitzungs-Cookie. Ihre Änderungen bleiben in der Historie; die öffentliche Historie nennt Einheit und Rolle, nicht die Person.",
    "Server logs": "Server-Protokolle",
    "The web server may log requests (time, address, page) for security; the operator states here how long they are kept.":
        "Der Webserver kann Anfragen (Zeit, Adresse, Seite) zur Sicherheit protokollieren; der Betreiber nennt hier, wie lange sie aufbewahrt werden.",
    "target": "Zielwert", "Values of “%(name)s”": "Werte von „%(name)s“", "Date": "Datum",
    "Value": "Wert", "Source": "Quelle", "source": "Quelle",
    "No observations yet.": "Noch keine Messwerte.", "draft": "Entwurf", "Goal": "Ziel",
    "Responsible": "Verantwortlich", "Due": "Fällig", "Status": "Status",
    "overdue": "überfällig", "No goals match.": "Keine Ziele gefunden.",
    "Published status:": "Veröffentlichter Status:",
    "assessed by %(who)s as of %(d)s": "bewertet von %(who)s, Stand %(d)s",
    "Rule: %(rule)s": "Regel: %(rule)s", "Field of action": "Handlungsfeld",
    "not stated in the sources": "in den Quellen nicht genannt", "Time horizon": "Zeithorizont",
    "derived from the deadline, not stated": "aus der Frist abgeleitet, nicht genannt",
    "not stated": "nicht genannt", "deadline": "Frist",
    "implied by the horizon": "aus dem Zeithorizont", "no date": "kein Datum",
    "page %(p)s": "Seite %(p)s", "line %(l)s": "Zeile %(l)s", "Targets": "Zielwerte",
    "What is measured": "Was gemessen wird", "Target": "Zielwert", "Deadline": "Frist",
    "Baseline": "Ausgangswert", "per year": "pro Jahr", "factor %(f)s": "Faktor %(f)s",
    "This goal states no measurable target.": "Dieses Ziel nennt keinen messbaren Zielwert.",
    "Indicator:": "Indikator:", "Assessments and evidence": "Bewertungen und Belege",
    "as of %(d)s": "Stand %(d)s",
    "Corrects the assessment of %(d)s:": "Korrigiert die Bewertung vom %(d)s:",
    "No assessment has been published for this goal.": "Zu diesem Ziel ist keine Bewertung veröffentlicht.",
    "Measures in this field of action": "Maßnahmen in diesem Handlungsfeld",
    "No measures are registered for this field of action.": "Für dieses Handlungsfeld sind keine Maßnahmen erfasst.",
    "History of changes": "Änderungshistorie", "When": "Wann", "Who (role)": "Wer (Rolle)",
    "What": "Was", "created": "angelegt", "deleted": "gelöscht", "changed:": "geändert:",
    "saved without change": "ohne Änderung gespeichert", "Goals": "Ziele",
    "Filter goals": "Ziele filtern",
    "Search goals, measures and indicators": "Ziele, Maßnahmen und Indikatoren durchsuchen",
    "all": "alle", "Responsible unit": "Verantwortliche Stelle",
    "only overdue goals": "nur überfällige Ziele", "Show goals": "Ziele anzeigen",
    "Reset filters": "Filter zurücksetzen",
    "%(n)s of %(total)s goals shown": "%(n)s von %(total)s Zielen angezeigt",
    "search for “%(q)s”": "Suche nach „%(q)s“", "Measures found": "Gefundene Maßnahmen",
    "none": "keine", "Indicators found": "Gefundene Indikatoren", "Strategies": "Strategien",
    "Public strategies and how far they have come": "Öffentliche Strategien und wie weit sie gekommen sind",
    "Leitstand shows the goals of public strategies, who is responsible for them, what was measured and who assessed what – with the source of every figure.":
        "Leitstand zeigt die Ziele öffentlicher Strategien, wer für sie verantwortlich ist, was gemessen wurde und wer was bewertet hat – mit der Quelle jeder Zahl.",
    "As of %(d)s": "Stand %(d)s", "Edition %(label)s · %(jur)s": "Fassung %(label)s · %(jur)s",
    "%(n)s goal in this register": ["%(n)s Ziel in diesem Register", "%(n)s Ziele in diesem Register"],
    "(the document has %(d)s)": "(das Dokument nennt %(d)s)", "of": "von",
    "All goals": "Alle Ziele", "No strategy has been published yet.": "Noch ist keine Strategie veröffentlicht.",
    "Definition": "Definition", "Unit": "Einheit", "Publisher": "Herausgeber",
    "Updated": "Aktualisierung", "Targets measured by this indicator": "Zielwerte, die dieser Indikator misst",
    "Measures": "Maßnahmen", "Filter measures": "Maßnahmen filtern",
    "%(n)s measure": ["%(n)s Maßnahme", "%(n)s Maßnahmen"], "Group": "Gruppe",
    "Measure": "Maßnahme",
    "No edition of this strategy has been published yet.": "Von dieser Strategie ist noch keine Fassung veröffentlicht.",
    "edition %(label)s": "Fassung %(label)s", "Adopted on %(d)s.": "Beschlossen am %(d)s.",
    "Source document": "Quelldokument", "What this register holds": "Was dieses Register enthält",
    "%(n)s goal is registered": ["%(n)s Ziel ist erfasst", "%(n)s Ziele sind erfasst"],
    "the document itself names %(d)s": "das Dokument selbst nennt %(d)s",
    "Statuses as of %(d)s.": "Status mit Stand %(d)s.",
    "How the status is determined": "Wie der Status bestimmt wird",
    "Goals by published status": "Ziele nach veröffentlichtem Status", "Share": "Anteil",
    "Goals by time horizon": "Ziele nach Zeithorizont", "Horizon": "Zeithorizont",
    "no horizon stated": "ohne Zeithorizont", "Goals by field of action": "Ziele nach Handlungsfeld",
    "Goals by responsible unit": "Ziele nach verantwortlicher Stelle",
    "A goal with several responsible units counts for each of them.": "Ein Ziel mit mehreren verantwortlichen Stellen zählt bei jeder von ihnen.",
    "Who assessed what": "Wer was bewertet hat",
    "Each row counts only the goals that assessor published a status for: the denominators differ, which is why headline figures contradict each other.":
        "Jede Zeile zählt nur die Ziele, zu denen dieser Absender einen Status veröffentlicht hat: Die Nenner sind verschieden – deshalb widersprechen sich die Schlagzeilen-Zahlen.",
    "Statuses by assessor": "Status nach Absender", "Assessor": "Absender",
    "Goals assessed": "Bewertete Ziele", "Overdue goals": "Überfällige Ziele",
    "%(n)s goal is past its due date and not achieved": ["%(n)s Ziel ist über die Frist und nicht erreicht", "%(n)s Ziele sind über die Frist und nicht erreicht"],
    "Latest assessments": "Neueste Bewertungen", "Guidelines": "Leitlinien", "Goals:": "Ziele:",
    "Part of": "Teil von",
    "%(n)s goal in this field of action": ["%(n)s Ziel in diesem Handlungsfeld", "%(n)s Ziele in diesem Handlungsfeld"],
    "What the statuses mean": "Was die Status bedeuten",
    "A goal's published status is the latest approved assessment by the government body responsible for it. Assessments by independent reviewers and third parties (for example opposition parties) are shown beside it on every goal page and never change it.":
        "Der veröffentlichte Status eines Ziels ist die neueste freigegebene Bewertung der verantwortlichen Regierungsstelle. Bewertungen unabhängiger Prüfer und Dritter (etwa der Opposition) stehen auf jeder Zielseite daneben und ändern ihn nie.",
    "%(n)s goal this unit is responsible for": ["%(n)s Ziel in der Verantwortung dieser Stelle", "%(n)s Ziele in der Verantwortung dieser Stelle"],
    "Indicators": "Indikatoren", "rank %(n)s": "Rang %(n)s", "count": "Anzahl", "rank": "Rang",
    "approved": "freigegeben", "government": "Regierung/Verwaltung",
    "independent reviewer": "unabhängige Prüfung", "third party": "Dritte",
    "The date the assessment describes.": "Der Tag, den die Bewertung beschreibt.",
    "Who published the assessment.": "Wer die Bewertung veröffentlicht hat.",
    "What the assessment rests on.": "Worauf die Bewertung beruht.",
    "One URL per line.": "Eine Adresse pro Zeile.",
    "The rule that produced the status; 'manual' for a person's judgement.": "Die Regel, die den Status ergab; „manual“ für ein Urteil von Menschen.",
    "Hold an approved assessment back until this day.": "Freigegebene Bewertung erst ab diesem Tag zeigen.",
    "Say why the assessment is corrected.": "Bitte begründen Sie die Korrektur.",
    "A correction must concern the same goal.": "Eine Korrektur muss dasselbe Ziel betreffen.",
    "An approved assessment cannot be changed; record a correction that replaces it.":
        "Eine freigegebene Bewertung kann nicht geändert werden; erfassen Sie eine Korrektur, die sie ersetzt.",
    "An approved assessment cannot be deleted.": "Eine freigegebene Bewertung kann nicht gelöscht werden.",
    "The assessment is approved.": "Die Bewertung ist freigegeben.",
    "not assessed": "nicht bewertet",
    "Nobody responsible has published an assessment of this goal yet.": "Die Verantwortlichen haben noch keine Bewertung dieses Ziels veröffentlicht.",
    "no evidence available": "keine Belege verfügbar",
    "An assessment was attempted, but no data or documents exist to judge the goal.": "Eine Bewertung wurde versucht, aber es gibt keine Daten oder Dokumente, um das Ziel zu beurteilen.",
    "not started": "nicht begonnen", "Work towards the goal has not begun.": "Die Arbeit am Ziel hat nicht begonnen.",
    "in progress": "in Umsetzung",
    "Work has begun; whether the goal will be reached in time is not stated.": "Die Arbeit hat begonnen; ob das Ziel rechtzeitig erreicht wird, ist nicht gesagt.",
    "on track": "im Zeitplan",
    "Work is under way and the goal is expected to be reached by its due date.": "Die Arbeit läuft, und das Ziel wird voraussichtlich bis zur Frist erreicht.",
    "at risk": "gefährdet",
    "The goal may not be reached by its due date without further action.": "Ohne weitere Schritte wird das Ziel bis zur Frist möglicherweise nicht erreicht.",
    "achieved": "erreicht", "The goal has been reached.": "Das Ziel ist erreicht.",
    "missed": "verfehlt", "The due date has passed and the goal was not reached.": "Die Frist ist verstrichen, und das Ziel wurde nicht erreicht.",
    "dropped": "aufgegeben",
    "The goal was given up or replaced; the reason is recorded with the assessment.": "Das Ziel wurde aufgegeben oder ersetzt; der Grund steht bei der Bewertung.",
    "short term (2 years)": "kurzfristig (2 Jahre)", "medium term (5 years)": "mittelfristig (5 Jahre)",
    "long term (beyond 5 years)": "langfristig (über 5 Jahre)", "ministry": "Ministerium",
    "agency": "Behörde/Einrichtung", "bank": "Bank", "office": "Amt", "other": "andere",
    "editor": "Redaktion", "head of unit": "Leitung", "published": "veröffentlicht",
    "How many goals the document itself has.": "Wie viele Ziele das Dokument selbst nennt.",
    "Which part of the document this register holds, and where the rest can be read.": "Welchen Teil des Dokuments dieses Register enthält und wo der Rest zu lesen ist.",
    "preface": "Vorwort", "chapter": "Kapitel", "review": "Bilanz", "next steps": "Nächste Schritte",
    "The horizon was derived from a deadline, not stated by the document.": "Der Zeithorizont wurde aus einer Frist abgeleitet, das Dokument nennt ihn nicht.",
    "What exactly counts, e.g. when a household is 'versorgt'.": "Was genau zählt, z. B. wann ein Haushalt „versorgt“ ist.",
    "at least": "mindestens", "at most": "höchstens", "exactly": "genau",
    "'year' for a yearly amount": "„year“ für einen Jahresbetrag", "planned": "geplant",
    "done": "umgesetzt", "Skip to content": "Zum Inhalt springen",
    "Main navigation": "Hauptnavigation", "Overview": "Überblick",
    "Leitstand – open-source monitoring of public strategies. All figures link to their sources.":
        "Leitstand – quelloffenes Monitoring öffentlicher Strategien. Alle Zahlen verweisen auf ihre Quellen.",
    "This address is used by the site itself.": "Diese Adresse verwendet die Website selbst.",
    "Legal": "Rechtliches",
    "not measurable": "nicht messbar",
    "The goal states no target value, deadline or indicator that a rule could check.":
        "Das Ziel nennt keinen Zielwert, keine Frist oder keinen Indikator, den eine Regel prüfen könnte.",
    "no data": "keine Daten",
    "The goal is measurable, but there are not enough observations to judge it.":
        "Das Ziel ist messbar, aber es gibt zu wenige Messwerte, um es zu beurteilen.",
    "Computed from the indicator data:": "Berechnet aus den Indikatordaten:",
    "projection": "Fortschreibung", "Method": "Methodik",
    "Assessments differ:": "Bewertungen weichen ab:",
    "%(who)s published another status than the one shown above; their reasons are in the evidence below.":
        "%(who)s hat einen anderen Status veröffentlicht als oben gezeigt; die Begründung steht bei den Belegen unten.",
    "Method: how statuses are computed": "Methodik: wie der Status berechnet wird",
    "Every status on this site follows the rules below, word for word the rules the software applies. Rule set:":
        "Jeder Status auf dieser Website folgt den Regeln unten – Wort für Wort den Regeln, die die Software anwendet. Regelwerk:",
    "assessment rule:": "Bewertungsregel:",
    "CSV of the goals with status %(s)s": "CSV der Ziele mit Status %(s)s",
    "All goals as CSV": "Alle Ziele als CSV", "Counts as JSON": "Zahlen als JSON",
    "Measurable": "Messbar", "measurable": "messbar", "Measurability": "Messbarkeit",
    "%(n)s of 7 criteria met.": "%(n)s von 7 Kriterien erfüllt.",
    "The target was already met when the goal was set.": "Der Zielwert war schon bei Aufstellung des Ziels erreicht.",
    "yes": "ja", "no": "nein", "Measurability check": "Messbarkeitsprüfung",
    "Measurability check for a draft goal": "Messbarkeitsprüfung für einen Zielentwurf",
    "Paste the wording of a goal. Leitstand reads it with the same grammar as the document import and shows what a monitoring could check. Nothing is stored.":
        "Fügen Sie den Wortlaut eines Ziels ein. Leitstand liest ihn mit derselben Grammatik wie den Dokumentimport und zeigt, was ein Monitoring prüfen könnte. Nichts wird gespeichert.",
    "Goal text": "Zieltext", "Check": "Prüfen", "What the text states": "Was der Text aussagt",
    "factor": "Faktor", "The text states no value, factor, rank or deadline.": "Der Text nennt keinen Wert, Faktor, Rang und keine Frist.",
    "Checks": "Prüfungen",
    "As known on %(d)s:": "Stand vom %(d)s:",
    "statuses and counts show only the assessments approved and the values recorded by that day.":
        "Status und Zahlen zeigen nur die Bewertungen, die bis zu diesem Tag freigegeben, und die Werte, die bis dahin erfasst waren.",
    "Show today's state": "Heutigen Stand zeigen", "Show the state as known on": "Stand anzeigen vom",
    "Show": "Anzeigen",
    "kept": "beibehalten", "sharpened": "geschärft", "split": "aufgeteilt", "merged": "zusammengeführt",
    "new": "neu", "Earlier edition": "Frühere Fassung",
    "confirmed by the editors": "von der Redaktion bestätigt",
    "suggested by text similarity, not yet confirmed": "nach Textähnlichkeit vorgeschlagen, noch nicht bestätigt",
    "Assessments of the earlier goal": "Bewertungen des früheren Ziels",
    "Comparison of editions": "Vergleich der Fassungen",
    "Edition %(a)s and edition %(b)s side by side": "Fassung %(a)s und Fassung %(b)s nebeneinander",
    "This edition has no previous edition.": "Diese Fassung hat keine Vorgängerin.",
    "How each goal continues a goal of the previous edition. Links are suggested from the similarity of text and targets and count as settled once the editors have confirmed them.":
        "Wie jedes Ziel ein Ziel der vorigen Fassung fortführt. Die Verknüpfungen werden aus der Ähnlichkeit von Text und Zielwerten vorgeschlagen und gelten erst, wenn die Redaktion sie bestätigt hat.",
    "Kinds of continuation": "Arten der Fortführung", "Kind": "Art", "confirmed": "bestätigt",
    "suggested": "vorgeschlagen", "Goal by goal": "Ziel für Ziel",
    "Last assessed": "Zuletzt bewertet", "never": "nie", "next assessment due": "nächste Bewertung fällig am",
    "stale": "veraltet", "Inputs of the rule": "Eingangswerte der Regel",
    "Goals due for assessment": "Fällige Bewertungen",
    "Goals of your units whose next assessment is overdue: nothing was assessed or observed for a year.":
        "Ziele Ihrer Stellen, deren nächste Bewertung überfällig ist: seit einem Jahr wurde nichts bewertet oder gemessen.",
    "%(n)s goal": ["%(n)s Ziel", "%(n)s Ziele"], "Due since": "Fällig seit",
    "When the value became known; pages 'as of' a day show only values known by then.":
        "Wann der Wert bekannt wurde; Seiten „Stand am“ zeigen nur Werte, die bis dahin bekannt waren.",
    "Responsible unit and indicator are assigned in the register after the goal is created.":
        "Verantwortliche Stelle und Indikator werden im Register zugeordnet, wenn das Ziel angelegt ist.", "Editors' login": "Anmeldung für die Redaktion",
    "Line chart with %(n)s observation; the values are in the table below.":
        ["Liniendiagramm mit %(n)s Messwert; die Werte stehen in der Tabelle darunter.",
         "Liniendiagramm mit %(n)s Messwerten; die Werte stehen in der Tabelle darunter."],
}

# The online dialog (participation)
DE.update({
    "Disputes of this status": "Einwände gegen diesen Status", "Dispute of %(d)s": "Einwand vom %(d)s",
    "status disputed:": "bestrittener Status:",
    "Official answer of %(u)s, %(day)s:": "Offizielle Antwort von %(u)s, %(day)s:",
    "No official answer yet.": "Noch keine offizielle Antwort.",
    "Nobody has disputed this status.": "Niemand hat diesen Status bestritten.",
    "Dispute this status": "Diesen Status bestreiten", "Done: %(action)s.": "Erledigt: %(action)s.",
    "Recorded.": "Gespeichert.",
    "The answer is published on the goal page.": "Die Antwort steht auf der Seite des Ziels.",
    "The name contains characters that are not allowed.": "Der Name enthält unzulässige Zeichen.",
    "Choose a name of at least 2 characters.": "Wählen Sie einen Namen mit mindestens 2 Zeichen.",
    "Your comment": "Ihr Kommentar", "Leave this field empty": "Dieses Feld bitte leer lassen",
    "This form could not be sent.": "Dieses Formular konnte nicht gesendet werden.",
    "What do you propose?": "Was schlagen Sie vor?", "a new goal": "ein neues Ziel",
    "a change to a goal": "eine Änderung an einem Ziel", "Goal to change": "Zu änderndes Ziel",
    "Title": "Titel", "Your proposal": "Ihr Vorschlag",
    "Choose the goal you want to change.": "Wählen Sie das Ziel, das Sie ändern möchten.",
    "Why should a moderator look at this?": "Warum soll sich die Moderation das ansehen?",
    "E-mail address": "E-Mail-Adresse", "Display name": "Anzeigename",
    "Shown with your posts. Use a pseudonym if you like.":
        "Erscheint bei Ihren Beiträgen. Gern auch ein Pseudonym.",
    "Why is the published status wrong?": "Warum ist der veröffentlichte Status falsch?",
    "Sources (one web address per line)": "Quellen (eine Webadresse pro Zeile)",
    "At most 10 sources.": "Höchstens 10 Quellen.",
    "Sources must be web addresses (http or https).": "Quellen müssen Webadressen sein (http oder https).",
    "Answer in the name of": "Antwort im Namen von", "Official answer": "Offizielle Antwort",
    "Reason (shown in place of the text when hiding)": "Grund (erscheint beim Ausblenden anstelle des Textes)",
    "Taken up in goal": "Übernommen in Ziel", "Note": "Anmerkung",
    "keep the text, shown as from a deleted participant": "Text bleibt, erscheint als von einer gelöschten Person",
    "remove the text": "Text wird entfernt",
    "Comments without an e-mail address are allowed; they wait for a moderator.":
        "Kommentare ohne E-Mail-Adresse sind erlaubt; sie warten auf die Moderation.",
    "Comma-separated: read, comment, propose, support": "Durch Kommas getrennt: read, comment, propose, support",
    "participant": "Teilnehmende Person", "visible": "sichtbar", "held for moderation": "wartet auf Moderation",
    "hidden": "ausgeblendet", "removed": "entfernt", "new goal": "neues Ziel",
    "change to a goal": "Änderung eines Ziels", "restored": "wiederhergestellt", "released": "freigegeben",
    "report dismissed": "Meldung verworfen",
    "This consultation does not accept this now: the phase for it has not begun or has ended.":
        "Das ist in diesem Dialog gerade nicht möglich: Die Phase dafür hat noch nicht begonnen oder ist vorbei.",
    "Please sign in with your e-mail address first.": "Bitte melden Sie sich zuerst mit Ihrer E-Mail-Adresse an.",
    "This part does not belong to the draft of this consultation.":
        "Dieser Teil gehört nicht zum Entwurf dieses Dialogs.",
    "A reply must belong to the same discussion.": "Eine Antwort muss zur selben Diskussion gehören.",
    "Only the author can change this comment.": "Nur wer den Kommentar geschrieben hat, kann ihn ändern.",
    "This comment can no longer be changed.": "Dieser Kommentar kann nicht mehr geändert werden.",
    "Comments can be changed only in the first 15 minutes.":
        "Kommentare können nur in den ersten 15 Minuten geändert werden.",
    "This proposal cannot be supported.": "Dieser Vorschlag kann nicht unterstützt werden.",
    "You may not moderate this consultation.": "Sie dürfen diesen Dialog nicht moderieren.",
    "Hiding needs a reason; it is shown in place of the text.":
        "Zum Ausblenden braucht es einen Grund; er erscheint anstelle des Textes.",
    "This is not visible.": "Das ist nicht sichtbar.", "Only hidden posts can be restored.":
        "Nur ausgeblendete Beiträge können wiederhergestellt werden.",
    "Only held posts can be released.": "Nur wartende Beiträge können freigegeben werden.",
    "Unknown moderation action.": "Unbekannter Moderationsschritt.",
    "Only the status of a published goal can be disputed.":
        "Nur der Status eines veröffentlichten Ziels kann bestritten werden.",
    "Only the goal's responsible units answer a dispute.":
        "Nur die für das Ziel verantwortlichen Stellen beantworten einen Einwand.",
    "Answer in the name of one of the goal's responsible units.":
        "Antworten Sie im Namen einer der für das Ziel verantwortlichen Stellen.",
    "You may answer only in the name of your own unit.": "Sie dürfen nur im Namen Ihrer eigenen Stelle antworten.",
    "Only the strategy team records which proposals were taken up.":
        "Nur das Strategie-Team hält fest, welche Vorschläge übernommen wurden.",
    "The goal must belong to the same strategy.": "Das Ziel muss zur selben Strategie gehören.",
    "Please confirm your subscription": "Bitte bestätigen Sie Ihr Abonnement",
    "Someone – hopefully you – asked to be told by e-mail about changes to:\n%(subject)s\n\nTo confirm, open this link and press the button:\n%(link)s\n\nIf it was not you, ignore this mail; nothing will be sent.":
        "Jemand – hoffentlich Sie – möchte per E-Mail über Änderungen informiert werden an:\n%(subject)s\n\nZum Bestätigen öffnen Sie diesen Link und drücken Sie die Schaltfläche:\n%(link)s\n\nWaren Sie es nicht, ignorieren Sie diese Mail; es wird nichts gesendet.",
    "Unsubscribe: %(link)s": "Abbestellen: %(link)s", "deleted participant": "gelöschte teilnehmende Person",
    "guest": "Gast", "Hidden by the moderation.": "Von der Moderation ausgeblendet.", "Reason:": "Grund:",
    "Removed.": "Entfernt.", "Waiting for moderation; only you see this.":
        "Wartet auf die Moderation; nur Sie sehen das.",
    "edited": "bearbeitet", "Edit": "Bearbeiten", "Delete": "Löschen", "Report": "Melden",
    "Your reply": "Ihre Antwort", "Reply": "Antworten", "Post comment": "Kommentar senden",
    "Release": "Freigeben", "Reason (shown in place of the text)": "Grund (erscheint anstelle des Textes)",
    "Hide": "Ausblenden", "Restore": "Wiederherstellen", "Dismiss report": "Meldung verwerfen",
    "Your participation": "Ihre Beteiligung", "Signed in as <bdi>%(name)s</bdi>.":
        "Angemeldet als <bdi>%(name)s</bdi>.", "My data": "Meine Daten", "Sign out": "Abmelden",
    "To propose, support or report, sign in with your e-mail address; we send you a one-time link.":
        "Um vorzuschlagen, zu unterstützen oder zu melden, melden Sie sich mit Ihrer E-Mail-Adresse an; wir senden Ihnen einen Einmal-Link.",
    "Sign in": "Anmelden", "Phases (German time)": "Phasen (deutsche Zeit)", "Phase": "Phase",
    "From": "Von", "Until": "Bis", "Open for": "Offen für", "now": "jetzt", "reading": "Lesen",
    "comments": "Kommentare", "proposals": "Vorschläge", "supporting proposals": "Unterstützen von Vorschlägen",
    "Follow by e-mail": "Per E-Mail folgen",
    "We send a link to confirm; every mail has a link to unsubscribe.":
        "Wir senden einen Link zur Bestätigung; jede Mail enthält einen Link zum Abbestellen.",
    "Subscribe": "Abonnieren", "Answer a dispute": "Einwand beantworten", "Publish answer": "Antwort veröffentlichen",
    "Participation": "Beteiligung", "Draft under discussion: %(e)s.": "Entwurf in der Diskussion: %(e)s.",
    "Comments without signing in are possible; they appear after a moderator has seen them.":
        "Kommentare ohne Anmeldung sind möglich; sie erscheinen, nachdem die Moderation sie gesehen hat.",
    "%(n)s proposal – read, support, propose": ["%(n)s Vorschlag – lesen, unterstützen, vorschlagen",
                                                 "%(n)s Vorschläge – lesen, unterstützen, vorschlagen"],
    "Proposals taken up": "Übernommene Vorschläge", "The draft": "Der Entwurf",
    "Discuss the section “%(t)s” (%(n)s comment)": ["Abschnitt „%(t)s“ diskutieren (%(n)s Kommentar)",
                                                     "Abschnitt „%(t)s“ diskutieren (%(n)s Kommentare)"],
    "Comment on this paragraph (%(n)s comment)": ["Diesen Absatz kommentieren (%(n)s Kommentar)",
                                                   "Diesen Absatz kommentieren (%(n)s Kommentare)"],
    "discuss goal %(c)s (%(n)s comment)": ["Ziel %(c)s diskutieren (%(n)s Kommentar)",
                                            "Ziel %(c)s diskutieren (%(n)s Kommentare)"],
    "discuss measure %(l)s (%(n)s comment)": ["Maßnahme %(l)s diskutieren (%(n)s Kommentar)",
                                               "Maßnahme %(l)s diskutieren (%(n)s Kommentare)"],
    "Discuss drafts of strategies, propose goals and support proposals. Disputes of a published status are filed on the goal's page.":
        "Diskutieren Sie Entwürfe von Strategien, schlagen Sie Ziele vor und unterstützen Sie Vorschläge. Einwände gegen einen veröffentlichten Status erheben Sie auf der Seite des Ziels.",
    "Draft:": "Entwurf:", "Now: %(name)s, until %(end)s.": "Jetzt: %(name)s, bis %(end)s.",
    "Closed for contributions; the results can be read.": "Beiträge sind geschlossen; die Ergebnisse sind lesbar.",
    "Not yet begun.": "Noch nicht begonnen.", "No consultation at the moment.": "Zurzeit kein Dialog.",
    "Account deleted": "Konto gelöscht", "Your account is deleted and you are signed out.":
        "Ihr Konto ist gelöscht und Sie sind abgemeldet.",
    "Discussion": "Diskussion", "Proposals": "Vorschläge", "Section": "Abschnitt",
    "Paragraph in section %(s)s": "Absatz im Abschnitt %(s)s", "Proposal:": "Vorschlag:",
    "Change to goal %(g)s": "Änderung an Ziel %(g)s", "New goal": "Neues Ziel", "Taken up:": "Übernommen:",
    "%(n)s support": ["%(n)s Unterstützung", "%(n)s Unterstützungen"],
    "Support this proposal": "Diesen Vorschlag unterstützen", "Report this proposal": "Diesen Vorschlag melden",
    "Comments": "Kommentare", "No comments yet.": "Noch keine Kommentare.", "Write a comment": "Kommentar schreiben",
    "You are not signed in: your comment appears after a moderator has seen it.":
        "Sie sind nicht angemeldet: Ihr Kommentar erscheint, nachdem die Moderation ihn gesehen hat.",
    "Plain text; web addresses are not turned into links. Please be fair and stay on the subject.":
        "Reiner Text; Webadressen werden nicht verlinkt. Bitte bleiben Sie fair und beim Thema.",
    "Comments are closed in the current phase.": "Kommentare sind in der aktuellen Phase geschlossen.",
    "Choose your display name": "Wählen Sie Ihren Anzeigenamen", "Save": "Speichern",
    "Dispute the status": "Status bestreiten", "Dispute the published status": "Den veröffentlichten Status bestreiten",
    "Published status now:": "Veröffentlichter Status jetzt:",
    "Say why it is wrong and give your sources. The responsible unit answers officially; both are shown on the goal page.":
        "Sagen Sie, warum er falsch ist, und nennen Sie Ihre Quellen. Die verantwortliche Stelle antwortet offiziell; beides steht auf der Seite des Ziels.",
    "Submit dispute": "Einwand senden", "Edit comment": "Kommentar bearbeiten",
    "You can change or delete your comment in the first 15 minutes after posting it.":
        "Sie können Ihren Kommentar in den ersten 15 Minuten nach dem Senden ändern oder löschen.",
    "Disputes to answer": "Zu beantwortende Einwände", "Filed": "Eingegangen", "Answers": "Antworten",
    "Action": "Aktion", "Answer": "Antworten", "No disputes.": "Keine Einwände.", "Moderation": "Moderation",
    "Results as CSV": "Ergebnisse als CSV", "Results as JSON": "Ergebnisse als JSON", "Reports": "Meldungen",
    "Comment": "Kommentar", "Proposal": "Vorschlag", "reported because:": "gemeldet, weil:",
    "No open reports.": "Keine offenen Meldungen.", "Held for moderation": "Wartet auf Moderation",
    "Nothing is held.": "Nichts wartet.", "Hidden": "Ausgeblendet", "Nothing is hidden.": "Nichts ist ausgeblendet.",
    "Disputes of a status": "Einwände gegen einen Status", "Dispute": "Einwand",
    "Take up proposals": "Vorschläge übernehmen", "All proposals": "Alle Vorschläge",
    "open a proposal's number to record the goal that takes it up:":
        "öffnen Sie die Nummer eines Vorschlags, um das Ziel festzuhalten, das ihn übernimmt:",
    "Moderation log": "Moderationsprotokoll", "Item": "Beitrag", "Reason": "Grund", "By": "Von",
    "Nothing yet.": "Noch nichts.", "change": "ändern", "Supports": "Unterstützungen", "Disputes": "Einwände",
    "Subscriptions": "Abonnements", "Download all my data (JSON)": "Alle meine Daten herunterladen (JSON)",
    "Delete my account": "Mein Konto löschen",
    "Your address, display name, subscriptions and sign-in links are deleted. Your comments and proposals are then shown as from a deleted participant, or removed where the consultation says so.":
        "Ihre Adresse, Ihr Anzeigename, Ihre Abonnements und Anmelde-Links werden gelöscht. Ihre Kommentare und Vorschläge erscheinen dann als von einer gelöschten Person oder werden entfernt, wo der Dialog das vorsieht.",
    "Yes, delete my account": "Ja, mein Konto löschen", "Delete account": "Konto löschen",
    "This consultation has not begun yet.": "Dieser Dialog hat noch nicht begonnen.", "Sort": "Sortierung",
    "most supported": "meiste Unterstützung", "newest": "neueste", "oldest": "älteste",
    "change to goal %(g)s": "Änderung an Ziel %(g)s", "No proposals yet.": "Noch keine Vorschläge.",
    "Make a proposal": "Vorschlag machen", "Submit proposal": "Vorschlag senden",
    "Proposals are closed in the current phase.": "Vorschläge sind in der aktuellen Phase geschlossen.",
    "Not possible": "Nicht möglich", "Back to participation": "Zurück zur Beteiligung",
    "Report to the moderation": "An die Moderation melden", "Send report": "Meldung senden",
    "Sign in to take part": "Anmelden und mitmachen",
    "Enter your e-mail address. We send you a link that signs you in; it works once and for 30 minutes. No password.":
        "Geben Sie Ihre E-Mail-Adresse ein. Wir senden Ihnen einen Link, der Sie anmeldet; er gilt einmal und 30 Minuten lang. Kein Passwort.",
    "Send me a link": "Link senden",
    "We store your address only to send you sign-in links and the mails you ask for. See the privacy page.":
        "Wir speichern Ihre Adresse nur, um Ihnen Anmelde-Links und die gewünschten Mails zu senden. Siehe Datenschutz.",
    "This link is not valid: it was used already, has expired or is incomplete.":
        "Dieser Link ist nicht gültig: Er wurde schon benutzt, ist abgelaufen oder unvollständig.",
    "Ask for a new link": "Neuen Link anfordern", "Sign in now": "Jetzt anmelden", "Check your mail": "Bitte prüfen Sie Ihr Postfach",
    "If the address <bdi>%(email)s</bdi> can receive mail, a sign-in link is on its way. It works once and for 30 minutes.":
        "Wenn die Adresse <bdi>%(email)s</bdi> Mail empfangen kann, ist ein Anmelde-Link unterwegs. Er gilt einmal und 30 Minuten lang.",
    "If the address <bdi>%(email)s</bdi> can receive mail, it gets a link to confirm the subscription. Nothing is sent before you confirm.":
        "Wenn die Adresse <bdi>%(email)s</bdi> Mail empfangen kann, erhält sie einen Link zur Bestätigung des Abonnements. Vor der Bestätigung wird nichts gesendet.",
    "Confirm subscription": "Abonnement bestätigen", "Receive mails about changes to: %(s)s":
        "Mails über Änderungen erhalten an: %(s)s", "Confirm": "Bestätigen",
    "This link is not valid or has expired.": "Dieser Link ist nicht gültig oder abgelaufen.",
    "Subscription": "Abonnement", "Thank you: the subscription is confirmed.": "Danke: Das Abonnement ist bestätigt.",
    "You are unsubscribed. No more mails will be sent.": "Sie sind abgemeldet. Es werden keine Mails mehr gesendet.",
    "Take up a proposal": "Vorschlag übernehmen", "Record": "Speichern", "Unsubscribe": "Abbestellen",
    "No more mails about: %(s)s": "Keine Mails mehr über: %(s)s",
    "This subscription does not exist (any more).": "Dieses Abonnement gibt es nicht (mehr).",
    "Too many attempts in a short time. Please wait up to %(minutes)d minutes and try again.":
        "Zu viele Versuche in kurzer Zeit. Bitte warten Sie bis zu %(minutes)d Minuten und versuchen Sie es erneut.",
    "Thank you. Your comment will appear once a moderator has seen it.":
        "Danke. Ihr Kommentar erscheint, sobald die Moderation ihn gesehen hat.",
    "Unknown sorting or filter. Allowed: sortierung=unterstuetzung, neu or alt.":
        "Unbekannte Sortierung oder unbekannter Filter. Erlaubt: sortierung=unterstuetzung, neu oder alt.",
    "Thank you for your support.": "Danke für Ihre Unterstützung.",
    "You support this proposal already.": "Sie unterstützen diesen Vorschlag bereits.",
    "Thank you. A moderator will look at it.": "Danke. Die Moderation sieht sich das an.",
    "Your sign-in link for Leitstand": "Ihr Anmelde-Link für Leitstand",
    "Open this link to sign in (it works once, for 30 minutes):\n%(link)s\n\nIf you did not ask for it, ignore this mail.":
        "Öffnen Sie diesen Link, um sich anzumelden (er gilt einmal, 30 Minuten lang):\n%(link)s\n\nHaben Sie ihn nicht angefordert, ignorieren Sie diese Mail.",
    "Please tick the box to confirm the deletion.": "Bitte bestätigen Sie das Löschen mit dem Häkchen.",
    "Nothing to subscribe to.": "Nichts zum Abonnieren.", "Please enter a valid e-mail address.":
        "Bitte geben Sie eine gültige E-Mail-Adresse ein.",
    "Participants": "Teilnehmende",
    "News up to this time has been mailed (`leitstand notify`).":
        "Neuigkeiten bis zu diesem Zeitpunkt sind gemailt (`leitstand notify`).",
    "New assessment: %(status)s (as of %(day)s, by %(who)s)":
        "Neue Bewertung: %(status)s (Stand %(day)s, von %(who)s)",
    "Official answer of %(unit)s to a dispute": "Offizielle Antwort von %(unit)s auf einen Einwand",
    "A new phase began: %(name)s": "Eine neue Phase hat begonnen: %(name)s",
    "Proposal “%(title)s” was taken up in goal %(goal)s": "Der Vorschlag „%(title)s“ wurde in das Ziel %(goal)s übernommen",
    "News: %(subject)s": "Neuigkeiten: %(subject)s",
    "If you take part in a consultation, the site stores your e-mail address (to send you sign-in links and the mails you ask for), the display name you choose, and what you write, support or report, with its time. Your address is never shown. No IP address is stored: to limit abuse, the site counts actions under a keyed hash of your address or participant number and deletes these counts after 24 hours.":
        "Wenn Sie sich an einem Dialog beteiligen, speichert die Website Ihre E-Mail-Adresse (um Ihnen Anmelde-Links und die gewünschten Mails zu senden), den gewählten Anzeigenamen und was Sie schreiben, unterstützen oder melden, mit Zeitpunkt. Ihre Adresse wird nie angezeigt. Keine IP-Adresse wird gespeichert: Gegen Missbrauch zählt die Website Aktionen unter einem verschlüsselten Hash Ihrer Adresse oder Teilnahmenummer und löscht diese Zählungen nach 24 Stunden.",
    "Sign-in links are stored only as a hash and expire after 30 minutes. Subscriptions that are not confirmed are deleted after 7 days. Mails are deleted once they are sent.":
        "Anmelde-Links werden nur als Hash gespeichert und verfallen nach 30 Minuten. Nicht bestätigte Abonnements werden nach 7 Tagen gelöscht. Mails werden gelöscht, sobald sie gesendet sind.",
    "On the page \"My data\" you can download everything stored about you as a JSON file and delete your account. Your comments and proposals are then shown as from a deleted participant, or removed, as each consultation states. A session cookie keeps you signed in until you sign out.":
        "Auf der Seite „Meine Daten“ können Sie alles, was über Sie gespeichert ist, als JSON-Datei herunterladen und Ihr Konto löschen. Ihre Kommentare und Vorschläge erscheinen dann als von einer gelöschten Person oder werden entfernt, wie es der jeweilige Dialog vorsieht. Ein Sitzungs-Cookie hält Sie angemeldet, bis Sie sich abmelden.",
})

# Open data, feeds, bulk update
DE.update({
    "The assessed status (rule %(rule)s) changed from “%(old)s” to “%(new)s”.":
        "Der bewertete Status (Regel %(rule)s) hat sich von „%(old)s“ zu „%(new)s“ geändert.",
    "The assessed status (rule %(rule)s) stays “%(status)s”.":
        "Der bewertete Status (Regel %(rule)s) bleibt „%(status)s“.",
    "New assessments and changes of the published status": "Neue Bewertungen und Änderungen des veröffentlichten Status",
    "Open data": "Offene Daten",
    "Everything published here, to take away and check: the register of every published edition with each goal's status and the rule that gave it. Licence: Datenlizenz Deutschland – Namensnennung – 2.0.":
        "Alles, was hier veröffentlicht ist, zum Mitnehmen und Nachprüfen: das Register jeder veröffentlichten Fassung mit dem Status jedes Ziels und der Regel, die ihn ergab. Lizenz: Datenlizenz Deutschland – Namensnennung – 2.0.",
    "Tables (CSV, UTF-8)": "Tabellen (CSV, UTF-8)", "Table": "Tabelle", "Content": "Inhalt", "Rows": "Zeilen",
    "all tables in one JSON document": "alle Tabellen in einem JSON-Dokument",
    "all tables as a workbook (one sheet each)": "alle Tabellen als Arbeitsmappe (ein Blatt je Tabelle)",
    "Frictionless data package: a table schema for every CSV file": "Frictionless-Datenpaket: ein Tabellenschema für jede CSV-Datei",
    "DCAT-AP.de metadata for open-data portals": "DCAT-AP.de-Metadaten für Open-Data-Portale",
    "API documentation (OpenAPI)": "API-Dokumentation (OpenAPI)",
    "Every file accepts ?stand=YYYY-MM-DD for the data as known on that day. Text cells that start with =, +, - or @ begin with an apostrophe so that no spreadsheet runs them.":
        "Jede Datei nimmt ?stand=JJJJ-MM-TT für die Daten, wie sie an diesem Tag bekannt waren. Textzellen, die mit =, +, - oder @ beginnen, erhalten einen Apostroph davor, damit keine Tabellenkalkulation sie ausführt.",
    "Follow the changes in a feed reader:": "Änderungen im Feedreader verfolgen:",
    "Changes as a feed": "Änderungen als Feed",
    "The file is larger than 5 MB.": "Die Datei ist größer als 5 MB.",
    "This is neither a CSV nor an XLSX file.": "Das ist weder eine CSV- noch eine XLSX-Datei.",
    "The CSV file is not UTF-8 text. Save it as “CSV UTF-8”.": "Die CSV-Datei ist nicht UTF-8. Speichern Sie sie als „CSV UTF-8“.",
    "The XLSX file cannot be read.": "Die XLSX-Datei kann nicht gelesen werden.",
    "The file has no rows.": "Die Datei hat keine Zeilen.", "More than 10,000 rows.": "Mehr als 10.000 Zeilen.",
    "This column is missing.": "Diese Spalte fehlt.",
    "No such indicator in this strategy.": "Diesen Indikator gibt es in dieser Strategie nicht.",
    "Your units do not report this indicator.": "Ihre Stellen melden diesen Indikator nicht.",
    "No such goal.": "Dieses Ziel gibt es nicht.",
    "Your units are not responsible for this goal.": "Ihre Stellen sind für dieses Ziel nicht verantwortlich.",
    "Upload data": "Daten hochladen", "Upload data for your units": "Daten für Ihre Stellen hochladen",
    "A CSV (UTF-8) or XLSX file with a header row; the columns are those of the export. The whole file is checked first: if any row has a problem, nothing is written and every problem is listed.":
        "Eine CSV- (UTF-8) oder XLSX-Datei mit Kopfzeile; die Spalten sind die des Exports. Die ganze Datei wird zuerst geprüft: Hat eine Zeile ein Problem, wird nichts geschrieben und jedes Problem aufgeführt.",
    "%(n)s problem – nothing was written.": ["%(n)s Problem – nichts wurde geschrieben.",
                                              "%(n)s Probleme – nichts wurde geschrieben."],
    "Problems": "Probleme", "Row": "Zeile", "Column": "Spalte", "Problem": "Problem",
    "%(n)s row applied.": ["%(n)s Zeile übernommen.", "%(n)s Zeilen übernommen."],
    "The file holds": "Die Datei enthält", "File (CSV or XLSX, at most 5 MB)": "Datei (CSV oder XLSX, höchstens 5 MB)",
    "Check and apply": "Prüfen und übernehmen", "Columns": "Spalten",
    "Choose what the file holds and the file.": "Wählen Sie, was die Datei enthält, und die Datei.",
})

# Accessibility
DE.update({
    "Accessibility statement": "Erklärung zur Barrierefreiheit", "Accessibility": "Barrierefreiheit",
    "The operator of this site strives to make it accessible in accordance with the Behindertengleichstellungsgesetz (BGG) and the Barrierefreie-Informationstechnik-Verordnung (BITV 2.0), which implement Directive (EU) 2016/2102.":
        "Die Betreiberin dieser Website ist bemüht, sie im Einklang mit dem Behindertengleichstellungsgesetz (BGG) und der Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) barrierefrei zugänglich zu machen, die die Richtlinie (EU) 2016/2102 umsetzen.",
    "State of compliance": "Stand der Vereinbarkeit mit den Anforderungen",
    "This site is largely compliant with BITV 2.0 (WCAG 2.1, levels A and AA). Every page type of the public dashboard, of the online dialog and of the editors' own pages is checked automatically with axe-core in a real browser before each release; the main tasks are tested with the keyboard alone.":
        "Diese Website ist weitgehend mit der BITV 2.0 (WCAG 2.1, Stufen A und AA) vereinbar. Jeder Seitentyp des öffentlichen Dashboards, des Online-Dialogs und der eigenen Seiten der Redaktion wird vor jeder Veröffentlichung automatisch mit axe-core in einem echten Browser geprüft; die wichtigsten Aufgaben werden allein mit der Tastatur getestet.",
    "What is not yet accessible": "Was noch nicht barrierefrei ist",
    "The editors' administration pages (Django admin) are not covered by the automatic checks.":
        "Die Verwaltungsseiten der Redaktion (Django-Admin) sind nicht Teil der automatischen Prüfung.",
    "Source documents of the strategies (PDF files of the governments) are linked as published; they may not be accessible.":
        "Die Quelldokumente der Strategien (PDF-Dateien der Regierungen) sind so verlinkt, wie sie veröffentlicht wurden; sie sind möglicherweise nicht barrierefrei.",
    "The explanations in Leichte Sprache cover how to read the site, not every goal.":
        "Die Erklärungen in Leichter Sprache beschreiben, wie man die Website liest, nicht jedes einzelne Ziel.",
    "How this statement was made": "Erstellung dieser Erklärung",
    "Self-assessment: automatic tests with axe-core against WCAG 2.1 A and AA in Chromium, and keyboard-only walkthroughs of the main tasks. The operator of a public instance adds the date of the statement and of its last review here.":
        "Selbstbewertung: automatische Prüfungen mit axe-core gegen WCAG 2.1 A und AA in Chromium und Durchgänge der wichtigsten Aufgaben allein mit der Tastatur. Wer eine öffentliche Instanz betreibt, ergänzt hier das Datum der Erklärung und ihrer letzten Überprüfung.",
    "Tell us about barriers": "Barrieren melden",
    "If you find a barrier, please tell the operator of this site (contact in the imprint). We answer within six weeks.":
        "Wenn Sie auf eine Barriere stoßen, teilen Sie das bitte der Betreiberin dieser Website mit (Kontakt im Impressum). Wir antworten innerhalb von sechs Wochen.",
    "Enforcement procedure": "Schlichtungsverfahren",
    "If you receive no satisfactory answer, you can turn to the conciliation body under § 16 BGG (Schlichtungsstelle nach dem Behindertengleichstellungsgesetz beim Beauftragten der Bundesregierung für die Belange von Menschen mit Behinderungen) or to the enforcement body of your federal state.":
        "Erhalten Sie keine zufriedenstellende Antwort, können Sie sich an die Schlichtungsstelle nach § 16 BGG beim Beauftragten der Bundesregierung für die Belange von Menschen mit Behinderungen oder an die Durchsetzungsstelle Ihres Bundeslandes wenden.",
    "Table, scrolls sideways on small screens": "Tabelle, auf kleinen Bildschirmen seitlich verschiebbar",
})

# Concurrent edits
DE.update({
    "%(field)s – saved meanwhile: “%(theirs)s”; yours: “%(mine)s”":
        "%(field)s – inzwischen gespeichert: „%(theirs)s“; Ihre Eingabe: „%(mine)s“",
    "Someone else saved this record after you opened it. Nothing of yours was saved; check the differences and save again.":
        "Jemand anderes hat diesen Datensatz gespeichert, nachdem Sie ihn geöffnet hatten. Von Ihren Änderungen wurde nichts gespeichert; prüfen Sie die Unterschiede und speichern Sie erneut.",
})

# Comparing strategies
DE.update({
    "Compare strategies": "Strategien vergleichen",
    "Goals of all strategies, side by side": "Ziele aller Strategien nebeneinander",
    "Subject, e.g. Glasfaser, 5G, Schulen": "Thema, z. B. Glasfaser, 5G, Schulen",
    "Compare": "Vergleichen",
    "%(n)s goal on “%(q)s”": ["%(n)s Ziel zu „%(q)s“", "%(n)s Ziele zu „%(q)s“"],
    "Strategy": "Strategie", "Published status": "Veröffentlichter Status",
    "No goal of a published edition matches.": "Kein Ziel einer veröffentlichten Fassung passt.",
    "Only the parameter q is understood here.": "Hier wird nur der Parameter q verstanden.",
})

# Page cache: forms moved off public pages
DE.update({
    "Follow this goal by e-mail": "Diesem Ziel per E-Mail folgen",
    "News about goal %(g)s: new assessments and official answers to disputes.":
        "Neuigkeiten zum Ziel %(g)s: neue Bewertungen und offizielle Antworten auf Einwände.",
    "News about %(c)s: new phases and proposals taken up.":
        "Neuigkeiten zu %(c)s: neue Phasen und übernommene Vorschläge.",
})


# Staff accounts: two-step login, invitations, password reset, API tokens
DE.update({
    "Staff accounts": "Konten der Redaktion",
    "second factor": "zweiter Faktor",
    "Send an invitation (a link to choose a password)":
        "Einladung senden (ein Link, um ein Passwort zu wählen)",
    "%(n)d invitation queued.": ["%(n)d Einladung versandbereit.",
                                 "%(n)d Einladungen versandbereit."],
    "Reset the second factor (lost phone): removes the device and the password and sends a new invitation":
        "Zweiten Faktor zurücksetzen (Handy verloren): entfernt Gerät und Passwort und sendet eine neue Einladung",
    "Six-digit code from your authenticator app": "Sechsstelliger Code aus Ihrer Authenticator-App",
    "%(user)s has no e-mail address.": "%(user)s hat keine E-Mail-Adresse.",
    "%(user)s is not on the staff.": "%(user)s gehört nicht zur Redaktion.",
    "Your invitation to the editors' team of Leitstand": "Ihre Einladung in die Redaktion von Leitstand",
    "Set up your second factor": "Zweiten Faktor einrichten",
    "Editors and administrators sign in with their password and a code from an authenticator app (for example one that supports TOTP, as most do). Set it up once:":
        "Redaktion und Administration melden sich mit Passwort und einem Code aus einer Authenticator-App an (jede App, die TOTP kann – das können die meisten). Einmal einrichten:",
    "In your authenticator app, add an account and scan this QR code:":
        "Fügen Sie in Ihrer Authenticator-App ein Konto hinzu und scannen Sie diesen QR-Code:",
    "QR code with the setup key below": "QR-Code mit dem Schlüssel, der darunter steht",
    "Or type this key into the app (time-based, 6 digits, 30 seconds):":
        "Oder tippen Sie diesen Schlüssel in die App (zeitbasiert, 6 Ziffern, 30 Sekunden):",
    "Enter the code the app then shows:": "Geben Sie den Code ein, den die App dann zeigt:",
    "Confirm and sign in": "Bestätigen und anmelden",
    "Hello,\n\nyou have been invited to the editors' team of Leitstand as \"%(name)s\".\nOpen this link to choose your password; it works once, for three days:":
        "Guten Tag,\n\nSie wurden als „%(name)s“ in die Redaktion von Leitstand eingeladen.\nÖffnen Sie diesen Link, um Ihr Passwort zu wählen; er gilt einmal und drei Tage lang:",
    "Then you set up a second factor: an authenticator app on your phone\ngives you a six-digit code at every sign-in.\n\nIf you did not expect this mail, ignore it.":
        "Danach richten Sie einen zweiten Faktor ein: Eine Authenticator-App auf Ihrem Handy\nzeigt Ihnen bei jeder Anmeldung einen sechsstelligen Code.\n\nWenn Sie diese Mail nicht erwartet haben, beachten Sie sie nicht.",
    "Forgotten your password?": "Passwort vergessen?",
    "For editors and administrators. Enter the e-mail address of your account; we send a link to choose a new password. Your second factor stays as it is.":
        "Für Redaktion und Administration. Geben Sie die E-Mail-Adresse Ihres Kontos ein; wir senden einen Link, um ein neues Passwort zu wählen. Ihr zweiter Faktor bleibt, wie er ist.",
    "Send the link": "Link senden",
    "Hello,\n\nsomeone asked to reset the password of the Leitstand account \"%(name)s\".\nOpen this link to choose a new one; it works once, for three days:":
        "Guten Tag,\n\njemand möchte das Passwort des Leitstand-Kontos „%(name)s“ zurücksetzen.\nÖffnen Sie diesen Link, um ein neues zu wählen; er gilt einmal und drei Tage lang:",
    "Your second factor stays as it is. If you did not ask for this, ignore this mail:\nyour password has not changed.":
        "Ihr zweiter Faktor bleibt, wie er ist. Wenn Sie das nicht angefordert haben, beachten Sie diese Mail nicht:\nIhr Passwort ist unverändert.",
    "Please check your mailbox": "Bitte prüfen Sie Ihr Postfach",
    "If an account has this address, a link to choose a new password is on its way. It works once, for three days.":
        "Wenn ein Konto diese Adresse hat, ist ein Link für ein neues Passwort unterwegs. Er gilt einmal und drei Tage lang.",
    "Reset your Leitstand password": "Leitstand-Passwort zurücksetzen",
    "Choose your password": "Passwort wählen",
    "At least 12 characters; not a common password. Afterwards you sign in with it and a code from your authenticator app.":
        "Mindestens 12 Zeichen, kein gängiges Passwort. Danach melden Sie sich damit und mit einem Code aus Ihrer Authenticator-App an.",
    "Save password": "Passwort speichern",
    "This link does not work (any more): it was used already or is older than three days. Ask for a new one:":
        "Dieser Link gilt nicht (mehr): Er wurde schon benutzt oder ist älter als drei Tage. Fordern Sie einen neuen an:",
    "Second step of the login": "Zweiter Schritt der Anmeldung",
    "Enter the six-digit code your authenticator app shows for Leitstand. A code works once.":
        "Geben Sie den sechsstelligen Code ein, den Ihre Authenticator-App für Leitstand zeigt. Ein Code gilt einmal.",
    "Lost your phone? An administrator can reset your second factor; you then get a new invitation by mail.":
        "Handy verloren? Die Administration kann Ihren zweiten Faktor zurücksetzen; Sie erhalten dann eine neue Einladung per Mail.",
    "This code is not right, or it was used already. Wait for the next code and try again.":
        "Dieser Code stimmt nicht oder wurde schon benutzt. Warten Sie auf den nächsten Code und versuchen Sie es erneut.",
    "Revoke this token": "Diesen Token widerrufen",
    "Your new token – copy it now, it is not shown again: %(token)s":
        "Ihr neuer Token – kopieren Sie ihn jetzt, er wird nicht noch einmal gezeigt: %(token)s",
    "Revoke the selected tokens": "Ausgewählte Tokens widerrufen",
    "%(n)d revoked.": "%(n)d widerrufen.",
    "Sources must be web addresses (http or https): %(address)s":
        "Quellen müssen Webadressen sein (http oder https): %(address)s",
})


# The admin: model and field names
DE.update({
    'API and downloads': 'API und Downloads',
    'user': 'Benutzer',
    'name': 'Name',
    'prefix': 'Anfang',
    'key hash': 'Hash des Schlüssels',
    'created at': 'angelegt am',
    'last used at': 'zuletzt benutzt am',
    'revoked at': 'widerrufen am',
    'API token': 'API-Token',
    'API tokens': 'API-Tokens',
    'Monitoring': 'Monitoring',
    'indicator': 'Indikator',
    'date': 'Datum',
    'value': 'Wert',
    'source url': 'Quelladresse',
    'note': 'Anmerkung',
    'recorded at': 'erfasst am',
    'observation': 'Beobachtung',
    'observations': 'Beobachtungen',
    'goal': 'Ziel',
    'status': 'Status',
    'as of': 'Stand',
    'assessor': 'bewertet von',
    'assessor kind': 'Art der bewertenden Stelle',
    'evidence': 'Belege',
    'evidence links': 'Quellen der Belege',
    'rule': 'Regel',
    'replaces': 'ersetzt',
    'correction reason': 'Grund der Korrektur',
    'state': 'Zustand',
    'publish on': 'veröffentlichen am',
    'created by': 'angelegt von',
    'approved by': 'freigegeben von',
    'approved at': 'freigegeben am',
    'assessment': 'Bewertung',
    'assessments': 'Bewertungen',
    'edition': 'Fassung',
    'slug': 'Kurzname in der Adresse',
    'title': 'Titel',
    'description': 'Beschreibung',
    'allow anonymous': 'anonyme Beiträge erlauben',
    'on account deletion': 'beim Löschen eines Kontos',
    'consultation': 'Beteiligung',
    'consultations': 'Beteiligungen',
    'starts at': 'beginnt am',
    'ends at': 'endet am',
    'actions': 'Aktionen',
    'phase': 'Phase',
    'phases': 'Phasen',
    'Register': 'Register',
    'short name': 'Kurzname',
    'kind': 'Art',
    'url': 'Webadresse',
    'responsible unit': 'verantwortliche Einheit',
    'responsible units': 'verantwortliche Einheiten',
    'organisation': 'Einheit',
    'role': 'Rolle',
    'membership': 'Mitgliedschaft',
    'memberships': 'Mitgliedschaften',
    'jurisdiction': 'Gebietskörperschaft',
    'owner': 'Herausgeber',
    'language': 'Sprache',
    'admins': 'Administration',
    'loaded sha256': 'SHA-256 der geladenen Datei',
    'strategy': 'Strategie',
    'strategies': 'Strategien',
    'label': 'Bezeichnung',
    'year': 'Jahr',
    'adopted on': 'beschlossen am',
    'source title': 'Titel der Quelle',
    'source sha256': 'SHA-256 der Quelle',
    'previous': 'vorherige',
    'declared goal count': 'erklärte Zahl der Ziele',
    'coverage note': 'Hinweis zum Umfang',
    'editions': 'Fassungen',
    'parent': 'übergeordnet',
    'number': 'Nummer',
    'is field of action': 'ist Handlungsfeld',
    'order': 'Reihenfolge',
    'source page': 'Seite in der Quelle',
    'source line': 'Zeile in der Quelle',
    'section': 'Abschnitt',
    'sections': 'Abschnitte',
    'text': 'Text',
    'paragraph': 'Absatz',
    'paragraphs': 'Absätze',
    'code': 'Kennung',
    'horizon': 'Zeithorizont',
    'horizon inferred': 'Zeithorizont abgeleitet',
    'goals': 'Ziele',
    'unit': 'Maßeinheit',
    'definition': 'Definition',
    'publisher': 'Herausgeber der Daten',
    'update frequency': 'Aktualisierung',
    'indicators': 'Indikatoren',
    'metric': 'Messgröße',
    'comparator': 'Vergleich',
    'per': 'je',
    'baseline year': 'Ausgangsjahr',
    'baseline value': 'Ausgangswert',
    'targets': 'Zielwerte',
    'group': 'Gruppe',
    'measure': 'Maßnahme',
    'measures': 'Maßnahmen',
    'guideline': 'Leitlinie',
    'guidelines': 'Leitlinien',
    'similarity': 'Ähnlichkeit',
    'confirmed by': 'bestätigt von',
    'confirmed at': 'bestätigt am',
    'goal lineage': 'Fortführung eines Ziels',
    'goal lineages': 'Fortführungen von Zielen',
})


def main() -> None:
    po = polib.pofile(str(PO))
    missing = []
    for entry in po:
        value = DE.get(entry.msgid)
        if value is None:
            missing.append(entry.msgid)
            continue
        if entry.msgid_plural:
            entry.msgstr_plural = {0: value[0], 1: value[1]}
        else:
            entry.msgstr = value
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
    po.metadata["Plural-Forms"] = "nplurals=2; plural=(n != 1);"
    po.metadata["Content-Type"] = "text/plain; charset=UTF-8"
    po.save()
    subprocess.run(["msgfmt", "--check", "-o", str(PO.with_suffix(".mo")), str(PO)], check=True)
    for msgid in missing:
        print("untranslated:", msgid[:70])


if __name__ == "__main__":
    main()
