"""Which sentences of running text are the author's goals (German goal grammar).

A sentence becomes a goal when it commits the document's author to something and carries a
quantified target (a value, a factor, a share or a rank). Commitments without a quantified
target become `candidates`, for editors to confirm. The grammar, built from how German
strategy documents phrase goals:

- modal and planning verbs in every person and word order: werden (with "wir", or with a
  date ahead), wollen, sollen, möchten, planen, anstreben, beabsichtigen, sich verpflichten,
  ("Wir wollen …", "… wollen wir …", "Das Land will …", "Bis 2030 soll …", "… ist
  angestrebt");
- goal phrases: "Ziel ist (es)", "Unser Ziel", "Mindestziel", "Zielvorgabe", "Zielwert",
  "Zielmarke", "hat sich das Ziel gesetzt", "mit dem Ziel";
- noun-phrase targets without a verb: "Steigerung/Senkung/Halbierung … auf/um …".

Never goals: questions; statements of the present or the past ("lag 2019 bei …", "wurden
… eingerichtet"); what might happen ("könnte", "würde"; potentials, scenarios, forecasts);
targets of other bodies that the document only reports (EU, Bund, federal law) unless the
author takes them up in the first person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from leitstand.ingest import targets as target_grammar

# -- sentences ----------------------------------------------------------------------------
_ABBREVIATIONS = {
    "z", "b", "u", "a", "d", "h", "bzw", "ca", "rd", "vgl", "ggf", "inkl", "ggü", "evtl",
    "mio", "mrd", "tsd", "nr", "abs", "art", "kap", "dr", "st", "bspw", "usw", "etc", "sog",
    "max", "min", "mind", "ff", "gem", "lt", "zzgl", "abb", "tab", "s", "v", "o", "i", "e",
    "jh", "jhd", "prof", "str", "allg", "insb", "bzgl", "hrsg", "zit", "anm", "ebd", "vs",
    "p", "m", "k", "mwh", "kwh", "bw", "nrw", "ev", "gmbh",
}
_BREAK = re.compile(r"(?<=[.!?;])[\"“”»)]?\s+(?=[\"„«(]?[A-ZÄÖÜ0-9]|\[\^?\d)"
                    r"|(?<=;)\s+(?=[a-zäöü])")


def sentences(text: str) -> list[tuple[str, int]]:
    """The sentences of a paragraph with their offsets. No break after an abbreviation
    ("z. B.", "Mio.", "ca."), an ordinal ("der 17. Legislaturperiode", "am 1. Juli") or a
    version number ("Industrie 4.0")."""
    result, start = [], 0
    for match in _BREAK.finditer(text):
        end = match.start()
        before = text[start:end].rstrip("\"“”»)")
        if before.endswith("."):
            word = re.search(r"(\S+)\.$", before)
            token = word.group(1).lower().lstrip("(„\"") if word else ""
            if token in _ABBREVIATIONS or (token.isdigit() and len(token) <= 2) or \
                    re.fullmatch(r"[a-zäöü]", token) or re.fullmatch(r"\d+(?:\.\d+)*", token) \
                    and len(token) <= 3:
                continue
        piece = text[start:match.end()].strip()
        if piece:
            result.append((piece, start))
        start = match.end()
    tail = text[start:].strip()
    if tail:
        result.append((tail, start))
    return result


# -- the grammar --------------------------------------------------------------------------
_WE = r"(?:wir|uns)"
_COMMIT_WE = re.compile(
    rf"\b(?:{_WE}\s+(?:\w+\s+){{0,2}}?(?:werden|wollen|möchten|planen|beabsichtigen|streben|"
    rf"setzen|verpflichten|bekennen|machen|schaffen|bauen|sorgen|erhöhen|senken|steigern|"
    rf"verdoppeln|halbieren|reduzieren|fördern|stellen)"
    rf"|(?:werden|wollen|möchten|planen|beabsichtigen|streben|setzen|verpflichten)\s+{_WE})\b",
    re.I)
_MODAL = re.compile(
    r"\b(?:soll|sollen|sollst|sollt|will|willst|wollt|wollen|möchte|möchten|möchtest|"
    r"plant|planen|plane|beabsichtigt|beabsichtigen|beabsichtige|strebt|streben|strebe|"
    r"(?:ist|sind|wird|werden)\s+(?:\w+\s+){0,3}?geplant|"
    r"anstreben|angestrebt|anzustreben|zu\s+erreichen)\b", re.I)
# necessity ("muss", "müssen") commits only with a date ahead
_MUST = re.compile(r"\b(?:muss|müssen)\b", re.I)
_WEAK_MODAL = re.compile(r"\b(?:sollte|sollten|sollen\s+möglichst)\b", re.I)
_FUTURE = re.compile(r"\b(?:wird|werden|werde|wirst|werdet)\b", re.I)
GOAL_PHRASE = re.compile(
    r"\b(?:(?:Mindest|Haupt|Ober|Teil|Leit|Gesamt|Klimaschutz|Ausbau|Reduktions)?[Zz]iel"
    r"(?:vorgabe|wert|marke|setzung|größe)?\s+(?:ist|sind|bleibt|lautet|war\s+es|für|bis|von)"
    r"|[Zz]iel(?:e|vorgabe|wert|marke|setzung)?\s*:"
    r"|(?:Unser|unser|Das|das|erklärte[sn]?|zentrale[sn]?|oberste[sn]?)\s+(?:\w+\s+)?Ziel\b"
    r"|(?:das|zum)\s+Ziel\s+(?:gesetzt|gesteckt)|mit\s+dem\s+Ziel|Ziel\s+(?:der|des)\s+\w+\s+ist"
    r"|\b(?:hat|haben|setzt|setzen)\s+(?:sich\s+)?(?:zum|das)\s+Ziel\b"
    r"|^\W*(?:\w+\s+){0,2}(?:Zielvorgabe|Zielwert|Zielmarke|Mindestziel)\b"
    r"|\bMindestziel\b|\b[\w-]*ziel(?:e|s|es)?\b[^.;]{0,80}?\bin\s+Höhe\s+von\b)", re.I)
_NOUN_TARGET = re.compile(
    r"\b(?:Steigerung|Erhöhung|Ausbau|Anhebung|Zubau|Ausweitung|Senkung|Absenkung|Reduktion|"
    r"Reduzierung|Verringerung|Minderung|Einsparung|Halbierung|Verdopplung|Verdoppelung|"
    r"Verdreifachung|Vervierfachung|Verfünffachung|Verzehnfachung|Anschluss|Realisierung|"
    r"Errichtung|Sanierung|Umstellung|Umrüstung|Installation|Bau)\b", re.I)
PAST = re.compile(r"\b(?:wurde|wurden|war|waren|hatte|hatten|konnte|konnten|lag|lagen|"
                   r"betrug|betrugen|stieg|stiegen|sank|sanken|erreichte|erreichten|gab|"
                   r"legte|legten|beschloss|setzte|setzten|stellte|stellten|führte|führten|"
                   r"gelang|zeigte|zeigten|ergab|ergaben|verpflichtete|trat|kam|kamen|"
                   r"entspricht|entsprach|entsprechen|"
                   r"ist\s+(?:\w+\s+){0,3}?(?:gestiegen|gesunken|erreicht|gelungen|"
                   r"umgesetzt|gewachsen)|sind\s+(?:\w+\s+){0,3}?(?:gestiegen|gesunken|"
                   r"entstanden|umgesetzt))\b", re.I)
_HYPOTHETICAL = re.compile(r"\b(?:könnte|könnten|würde|würden|wäre|wären|ließe|ließen|"
                           r"hätte|hätten|dürfte|dürften|lassen\s+sich|lässt\s+sich)\b", re.I)
_STRONG = re.compile(r"\b(?:mindestens|mind\.|höchstens|maximal|max\.|bis\s+zu|wenigstens)\b",
                     re.I)
# "wird sich erhöhen", "wird … steigen": what is expected to happen, not what is promised
_DEVELOPMENT = re.compile(r"\b(?:wird|werden)\s+sich\b|\b(?:wird|werden)\b[^,;]*\b(?:steigen|"
                          r"sinken|zunehmen|abnehmen|wachsen|zurückgehen|anwachsen)\b", re.I)
# "… sind … zu errichten", "… ist … umzusetzen": what is to be done
_TO_BE_DONE = re.compile(r"\b(?:ist|sind)\b[^,.;]*\b(?:zu\s+[a-zäöü]\w+en|[a-zäöü]+zu[a-zäöü]+en)"
                         r"\b")
# "Bis 2029 entstehen 1.200 Wohnungen": a sentence that opens with its deadline
_DEADLINE_FIRST = re.compile(r"^\W*(?:Bis|Ab|Spätestens)\s+(?:(?:zum|spätestens|Ende|Mitte|"
                             r"Anfang|des|Jahres|Jahr)\s+)*(?:19|20)\d\d\b")
_EXPECTED = re.compile(r"\b(?:wird|werden)\s+(?:\w+\s+){0,6}?(?:erwartet|prognostiziert|"
                       r"geschätzt|angenommen|gerechnet)", re.I)
_CONDITION = re.compile(r"^\W*(?:Soll|Sollen|Will|Wollen|Wenn|Falls|Sofern)\b[^,]*,", re.I)
_CAN = re.compile(r"\b(?:kann|können)\b", re.I)
_WE = re.compile(r"\bwir\b", re.I)
_INFINITIVE = re.compile(
    r"\bzu\s+(?:verdoppeln|verdreifachen|halbieren|senken|steigern|erhöhen|reduzieren|"
    r"verringern|erreichen|ausbauen|begrenzen|mindern)\b"
    r"|^[^.:]{0,90}\b(?:verdoppeln|verdreifachen|halbieren|senken|steigern|erhöhen|reduzieren|"
    r"verringern|ausbauen|begrenzen)\s*:", re.I)
_WEPAST = re.compile(r"\b(?:haben|hat|hatten)\b[^.]*\b(?:ge\w+t|ge\w+en|\w+iert)\b", re.I)
_SCENARIO = re.compile(r"\b(?:\w*[Pp]otenzial\w*|\w*[Pp]otential\w*|Szenari\w*|Prognose\w*|"
                       r"Trend\w*|"
                       r"Hochrechnung\w*|Modellrechnung\w*|Berechnung\w*|möglich(?!st)\w*|"
                       r"Einsparpotenzial\w*|theoretisch\w*|rechnerisch\w*|"
                       r"Abschätzung\w*|\w*geschätzt\w*|voraussichtlich|angenommen|"
                       r"Annahme\w*|Beispiel\w*|beispielsweise)\b", re.I)
_OTHER_BODY = re.compile(
    r"\b(?:Bundesregierung|Bundestag|Bundes(?:ziel|klimaschutzgesetz|gesetz)\w*|"
    r"des\s+Bundes|der\s+Bund|die\s+EU|der\s+EU|EU-\w+|Europäische[n]?\s+(?:Union|Kommission)|"
    r"Vereinte[n]?\s+Nationen|Pariser\s+(?:Klima)?abkommen\w*|Koalitionsvertrag\s+des\s+"
    r"Bundes|nationale[ns]?\s+Ziel\w*|andere[rn]?\s+Städte|Industriestaaten|"
    r"Industrieländer\w*|\w*[Ww]issenschaftler\w*|Weltklimarat\w*|IPCC|"
    r"(?:verlangen|fordern|empfehlen)\s+(?:die|der))", re.I)
# "Wir setzen darauf, dass der Bund …": what another body is expected to do
_THEIRS = re.compile(r"\bdass\s+(?:der\s+Bund|die\s+Bundesregierung|die\s+EU|die\s+Europäische|"
                     r"der\s+Bundestag)\b", re.I)
_FIRST_PERSON = re.compile(r"\b(?:wir|uns|unser\w*)\b", re.I)


_ANY_COMMITMENT = re.compile(
    r"\b(?:wir|uns|soll\w*|will|wollt?|wollen|möchte\w*|plan\w*|beabsicht\w*|streb\w*|"
    r"angestrebt|anzustreben|\w*ziel\w*|Ziel\w*|wird|werden|werde|muss|müssen|"
    r"verpflicht\w*|vorgesehen|zu\s+erreichen|verdoppeln|verdreifachen|halbieren|senken|"
    r"steigern|erhöhen|reduzieren|verringern|ausbauen|begrenzen|mindern)\b|"
    + _NOUN_TARGET.pattern[2:-2], re.I)
_ANY_NUMBER = re.compile(r"\d|\b(?:ein\w*|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|"
                         r"elf|zwölf|zwanzig|dreißig|fünfzig|hundert|tausend|halb\w*|"
                         r"Hälfte|Drittel|Viertel|Fünftel|Zehntel|jede[rsn]?|doppelt|"
                         r"verdopp\w*|verdreifach\w*|vervierfach\w*|verfünffach\w*|"
                         r"verzehnfach\w*|Verdopplung|Verdoppelung|Spitze\w*|Platz|Rang|"
                         r"Top)\b", re.I)


@dataclass
class Verdict:
    """What the grammar says about one sentence."""

    kind: str  # "goal", "candidate" or "none"
    found_by: str = ""
    confidence: float = 0.0
    reason: str = ""
    targets: list | None = None


def quantified(targets: list[dict]) -> bool:
    return any(t.get(k) is not None for t in targets for k in ("value", "factor", "rank"))


def _future_deadline(targets: list[dict], doc_year: int | None) -> bool:
    return any(t.get("deadline") and (doc_year is None or int(t["deadline"][:4]) >= doc_year)
               for t in targets)


def _rule(sentence: str, targets: list[dict], doc_year: int | None) -> tuple[str, float]:
    """The rule that marks the sentence as a commitment, and how sure it is; ("", 0)."""
    if GOAL_PHRASE.search(sentence):
        return "goal-phrase", 0.85
    if _COMMIT_WE.search(sentence):
        return "modal-sentence", 0.85
    if _MODAL.search(sentence):
        return "modal-sentence", 0.8
    directed = _STRONG.search(sentence) is not None or (
        any(t.get("comparator") and not t.get("change") for t in targets)
        and target_grammar.DIRECTION.search(sentence) is not None)
    if _WE.search(sentence) and not _WEPAST.search(sentence) and \
            (directed or target_grammar.DIRECTION.search(sentence)):
        return "modal-sentence", 0.75  # "Den Anteil erhöhen wir auf …": present for future
    if _INFINITIVE.search(sentence):
        return "goal-phrase", 0.7
    if _FUTURE.search(sentence) and (_future_deadline(targets, doc_year) or directed) and \
            not _DEVELOPMENT.search(sentence) and not _EXPECTED.search(sentence):
        return "modal-sentence", 0.7
    if _future_deadline(targets, doc_year) and (
            _TO_BE_DONE.search(sentence) or (_DEADLINE_FIRST.match(sentence) and (
                directed or target_grammar.DIRECTION.search(sentence)))):
        return "modal-sentence", 0.65  # "Bis 2027 sind 500 Ladepunkte zu errichten."
    ranged = any(t.get("comparator") == "at_most" for t in targets) and len(targets) > 1
    if _MUST.search(sentence) and (_future_deadline(targets, doc_year) or ranged
                                   or _STRONG.search(sentence) or re.search(
                                       r"\bvon\s+über\b|\bauf\s+über\b", sentence)):
        return "modal-sentence", 0.65
    if _WEAK_MODAL.search(sentence):
        return "modal-sentence", 0.6
    head = sentence.lstrip("-–•*▪ ")
    noun = _NOUN_TARGET.search(head)
    if noun and noun.start() < 60 and (re.search(r"\b(?:auf|um)\b", head[noun.end():])
                                       or noun.group(0).lower() in target_grammar.FACTORS):
        return "noun-target", 0.7
    return "", 0.0


def classify(sentence: str, doc_year: int | None, context: str = "") -> Verdict:
    """Goal, candidate or nothing, with the rule that decided and its targets."""
    text = sentence.strip()
    if len(text) < 12 or text.endswith("?"):
        return Verdict("none")
    if text.endswith(":") and not GOAL_PHRASE.search(text):
        return Verdict("none")  # it introduces a list: the items say what is meant
    if not _ANY_COMMITMENT.search(text) and not _DEADLINE_FIRST.match(text):
        return Verdict("none")  # most sentences: no word of the grammar at all
    numbers = _ANY_NUMBER.search(text) is not None
    targets = target_grammar.parse_targets(text, doc_year, context) if numbers else []
    rule, confidence = _rule(text, targets, doc_year)
    if not rule:
        return Verdict("none")
    if PAST.search(text) and not _COMMIT_WE.search(text) and \
            not re.search(r"\b(?:soll|sollen|will|wollen|wird|strebt|streben)\b", text) and \
            not (rule == "goal-phrase" and re.search(r"\bZiel\w*\s+(?:ist|sind)\b", text)):
        return Verdict("none")
    own_voice = _FIRST_PERSON.search(text) is not None
    if _OTHER_BODY.search(text) and (not own_voice or _THEIRS.search(text)):
        return Verdict("candidate", rule, 0.3, "another body's target, reported", targets)
    if _HYPOTHETICAL.search(text) or _CONDITION.search(text) or (
            _CAN.search(text) and not _MODAL.search(text)
                                       and not own_voice and rule != "goal-phrase"):
        return Verdict("candidate", rule, 0.3, "a possibility, not a commitment", targets)
    if _SCENARIO.search(text) and not own_voice and not re.search(
            r"\b(?:Ziel|Mindestziel)\w*\s+(?:ist|sind)\b|\bZiel\w*\s+(?:der|des|unserer)\s+"
            r"(?:Stadt|Gemeinde|Landes|Kreises|Region|Landesregierung)\b", text):
        return Verdict("candidate", rule, 0.4, "a potential, scenario or estimate", targets)
    if not quantified(targets):
        return Verdict("candidate", rule, 0.3, "no quantified target", targets)
    if all(t.get("unit") == "EUR" and not t.get("comparator") and not t.get("change")
           for t in targets) and not target_grammar.DIRECTION.search(text):
        return Verdict("candidate", rule, 0.3, "an amount of money to spend, not a target",
                       targets)
    if targets and not any(t.get("deadline") for t in targets):
        confidence -= 0.1
    return Verdict("goal", rule, round(confidence, 2), "", targets)
