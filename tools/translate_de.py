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
