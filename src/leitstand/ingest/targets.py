"""The measurable promises inside a goal sentence: value, unit, comparator, change, deadline,
baseline, factor, yearly amount, rank, horizon (pure functions over one sentence).

Everything comes from the sentence itself: present-day and past figures ("(41,2 % in
2019)", "lag 2019 bei 41,2 %", "von derzeit 40.000 auf ...") and baseline values are never
targets; the comparator follows the direction word next to the value ("Senkung ... auf
4,2 %" -> at_most, "um 55 % senken" -> at_least with change "decrease"); a range is two
targets; a value with its own year ("20 MW 2028, 35 MW 2032") is a target with that year.
"""

from __future__ import annotations

import re

from leitstand.ingest.dates import find_deadline, find_deadlines
from leitstand.ingest.numbers import WORDS, Quantity, find_quantities, parse_digits

AT_LEAST = r"mindestens|mind\.|wenigstens|mehr\s+als|über(?=\s+(?:\d|eine?\b|zwei|drei))|auf\s+über"
AT_MOST = r"höchstens|bis\s+zu\b|maximal|max\.|weniger\s+als|unter(?=\s+\d)|auf\s+unter"
EXACTLY = r"genau"
_COMPARATOR = re.compile(rf"\b(?P<least>{AT_LEAST})|\b(?P<most>{AT_MOST})|\b(?P<exact>{EXACTLY})\b",
                         re.I)
_GROWTH = re.compile(r"\bauf\b[^.]*?\b(?:steigern|steigen|erhöhen|wachsen|anheben|ausbauen)\b",
                     re.I)
_REDUCE = re.compile(r"\bauf\b[^.]*?\b(?:senken|sinken|reduzieren|verringern)\b", re.I)
FACTORS = {"verdoppeln": 2, "verdoppelt": 2, "verdreifachen": 3, "verdreifacht": 3,
           "vervierfachen": 4, "vervierfacht": 4, "verfünffachen": 5, "verfünffacht": 5,
           "verzehnfachen": 10, "verzehnfacht": 10, "halbieren": 0.5, "halbiert": 0.5,
           "verdopplung": 2, "verdoppelung": 2, "verdreifachung": 3, "vervierfachung": 4,
           "verfünffachung": 5, "verzehnfachung": 10, "halbierung": 0.5}
_FACTOR = re.compile(r"\b(" + "|".join(FACTORS) + r")\b", re.I)
_BASELINE = re.compile(r"\b(?:gegenüber|ggü\.|im\s+Vergleich\s+(?:zum|zur|zu|mit)|verglichen\s+mit|"
                       r"bezogen\s+auf|relativ\s+zu|Basisjahr|Basis)\s+"
                       r"(?:(?:dem|das|den|zum|zu|Jahr(?:e|es)?|Basisjahr|Referenzjahr|"
                       r"Ausgangsjahr|Vergleichsjahr|Bezugsjahr|Stand|von|Niveau|Wert)\s+)*"
                       r"(?P<y>(?:19|20)\d{2})", re.I)
DECREASE = (r"senk\w*|gesenkt|abgesenkt|gemindert|Senkung|Absenkung|abzusenken|sink\w*|reduz\w*|"
            r"Reduktion|Reduzierung|"
            r"verringer\w*|Verringerung|minder\w*|Minderung|vermind\w*|einspar\w*|"
            r"Einsparung\w*|einzusparen|zurück\w*|Rückgang|abbau\w*|Abbau|halbier\w*|"
            r"Halbierung|begrenz\w*|Begrenzung|verkürz\w*|Verkürzung")
INCREASE = (r"steiger\w*|gesteigert|angehoben|Steigerung|steig\w*|erhöh\w*|Erhöhung|ausbau\w*|"
            r"Ausbau|"
            r"auszubauen|ausgebaut|anheb\w*|Anhebung|anzuheben|wachs\w*|Wachstum|Zuwachs|"
            r"zunehm\w*|Zunahme|verdopp\w*|Verdopplung|verdreifach\w*|ausweit\w*|"
            r"Ausweitung|vergrößer\w*|Vergrößerung|zubau\w*|Zubau|aufstock\w*|"
            r"Aufstockung|verbesser\w*|Verbesserung|Hinzugewinn|Zugewinn|gewinnen")
DIRECTION = re.compile(rf"\b(?P<down>{DECREASE})\b|\b(?P<up>{INCREASE})\b", re.I)
_COMPARATOR_BEFORE = re.compile(
    rf"(?:\b(?P<least>{AT_LEAST})|\b(?P<most>{AT_MOST})|\b(?P<exact>{EXACTLY}))"
    r"(?:\s+(?:auf|um|rund|ca\.|etwa|insgesamt|weitere[nm]?|zusätzliche[n]?|jährlich|"
    r"pro\s+Jahr|von))*\s*$", re.I)
_AUF_BEFORE = re.compile(r"\b(?P<p>auf|um|bis\s+auf|auf\s+rund|um\s+rund|um\s+ca\.|"
                         r"auf\s+ca\.|auf\s+etwa|um\s+etwa|um\s+weitere)\s*$", re.I)
# figures of the present or the past next to a value: never a target
_PRESENT_BEFORE = re.compile(
    r"(?:\b(?:lag|lagen|liegt|liegen|betrug|betrugen|beträgt|betragen|waren|war|"
    r"wurden|wurde|erreichte|erreichten|hatte|hatten|zählte|gab\s+es)\b[^,;()]{0,40}?"
    r"|\b(?:derzeit|heute|aktuell|bisher|bislang|zurzeit|momentan|gegenwärtig|noch|damals|"
    r"zuletzt|dann|ursprünglich)\s+(?:rund\s+|etwa\s+|ca\.\s+|knapp\s+|bei\s+|schon\s+|"
    r"bereits\s+)?)$", re.I)
_FROM_BEFORE = re.compile(r"\bvon\s+(?:(?:derzeit|heute|aktuell|bisher|rund|etwa|ca\.|"
                          r"knapp|dann)\s+)*$", re.I)
_PAREN = re.compile(r"\([^()]*\)")
_PAST_IN_PAREN = re.compile(r"\b(?:in|im\s+Jahr|Stand|seit|bis)?\s*(?:19|20)\d{2}\b|"
                            r"\b(?:derzeit|heute|aktuell|bisher|Stand|Basis|Vergleich|von\s+"
                            r"(?:derzeit|dann))\b", re.I)
_PER_YEAR = re.compile(r"\b(?:jährlich|pro\s+Jahr|im\s+Jahr(?!\s+\d)|jedes\s+Jahr|p\.\s?a\.)"
                       r"|(?<=\w)/\s*(?:Jahr|a)\b",
                       re.I)
_RANK_TOP = re.compile(r"\ban\s+(?:die|der)\s+Spitze\b"
                       r"|\bauf\s+(?:den\s+)?(?:Platz|Rang)\s+(?:eins|1)\b|\bSpitzenplatz\b"
                       r"|\bführende[nr]?\s+(?:Standort|Land)\b", re.I)
_RANK_AMONG = re.compile(r"\b(?:unter\s+die|zu\s+den|unter\s+den)\s+(?P<n>\w+)\s+"
                         r"(?:besten|führenden|stärksten|größten|Top)", re.I)
_TOP_N = re.compile(r"\bTop[- ](?P<n>\d+)\b", re.I)
HORIZONS = {"kurzfristig": "short", "mittelfristig": "medium", "langfristig": "long"}
_HORIZON = re.compile(r"\b(kurzfristig|mittelfristig|langfristig)", re.I)
_MODAL = re.compile(r"\b(?:soll|sollen|wollen|will|werden|wird|muss|müssen)\b")
_MONEY_CONTEXT = re.compile(r"kapital|investition|euro|mittel\b|förder|budget|kredit|fonds|"
                            r"volumen|finanz", re.I)
_METRIC_AFTER_BEI = re.compile(r"\b(?:bei\s+(?:den|der|dem)|beim)\s+(?P<m>[\w-]+)", re.I)
ACTORS = {"land", "landkreis", "kreis", "stadt", "gemeinde", "landesregierung", "regierung",
          "nordrhein-westfalen", "bund", "verwaltung", "wir", "kommune", "ministerium"}
_OBJECT = re.compile(r"\b(?:die|den|das)\s+(?P<m>(?:Zahl|Anteil|Quote|Menge|Anzahl|Volumen)\s+"
                     r"(?:der|des|an|von)\s+[\w-]+)", re.I)
_SHARE_OF = re.compile(r"(?:Prozent|%)\s+(?:der|des|aller)\s+(?P<m>[A-ZÄÖÜ][\w-]*)")


def comparator(sentence: str) -> str | None:
    match = _COMPARATOR.search(sentence)
    if match:
        return "at_least" if match.group("least") else "at_most" if match.group("most") \
            else "exactly"
    if _REDUCE.search(sentence):
        return "at_most"
    if _GROWTH.search(sentence):
        return "at_least"
    return None


def factor(sentence: str) -> float | None:
    match = _FACTOR.search(sentence)
    return float(FACTORS[match.group(1).lower()]) if match else None


def baseline_year(sentence: str) -> int | None:
    match = _BASELINE.search(sentence)
    return int(match.group("y")) if match else None


def per_year(sentence: str) -> str | None:
    return "year" if _PER_YEAR.search(sentence) else None


def rank(sentence: str) -> int | None:
    if _RANK_TOP.search(sentence):
        return 1
    match = _RANK_AMONG.search(sentence) or _TOP_N.search(sentence)
    if match:
        word = match.group("n").lower()
        value = int(word) if word.isdigit() else WORDS.get(word)
        return int(value) if value else None
    return None


def horizon(text: str) -> str | None:
    match = _HORIZON.search(text)
    return HORIZONS[match.group(1).lower()] if match else None


def metric(sentence: str, noun: str | None) -> str | None:
    """What is measured, in the document's words."""
    text = re.sub(r"^\s*(?:Unser\s+)?Ziel(?:marke)?\s*:\s*", "", sentence)
    at_rank = _METRIC_AFTER_BEI.search(text)
    if rank(text) and at_rank:
        return at_rank.group("m").strip()
    subject = re.match(r"\s*(?:Die|Der|Das)\s+(?P<s>[^,;]+?)\s+" + _MODAL.pattern, text)
    if subject and len(subject.group("s").split()) <= 6 and \
            subject.group("s").lower() not in ACTORS:
        return subject.group("s").strip()
    for pattern in (_OBJECT, _SHARE_OF):
        match = pattern.search(text)
        if match:
            return match.group("m").strip()
    return noun


def _excluded_spans(sentence: str, deadlines, doc_year) -> list[tuple[int, int]]:
    """Parts of the sentence that hold no target: parentheses with a present-day or past
    figure, and the baseline ("gegenüber 1990")."""
    spans = [m.span() for m in _BASELINE.finditer(sentence)]
    for paren in _PAREN.finditer(sentence):
        inner = paren.group(0)
        if _PAST_IN_PAREN.search(inner) and not re.search(
                r"\b(?:bis|ab|Ziel)\b\s*(?:zum\s+|Jahr\s+|Ende\s+)*(?:20[2-9]\d)", inner):
            spans.append(paren.span())
        elif doc_year and any(int(y) <= doc_year for y in re.findall(r"(?:19|20)\d{2}", inner)):
            spans.append(paren.span())
    return spans


def _inside(q, spans) -> bool:
    return any(s <= q.start and q.end <= e for s, e in spans)


_REFERENCE_BEFORE = re.compile(r"(?:§§?|\bArt\.|\bArtikel\w*|\bAbs\.|\bAbsatz|\bNr\.|"
                               r"\bNummer|\bKapitel|\bStufe|\bPhase|\b[A-Z]|"
                               r"\bParagra(?:f|ph)\w*|\bTabelle|\bAbbildung|\bAnlage)\s*$")
_SCALE_WORD = re.compile(r"\b(?:Tausend|Mio|Million\w*|Mrd|Milliard\w*)\b", re.I)
_DURATION = re.compile(r"^(?:Jahre|Jahren|Monate|Monaten|Wochen|Jahrzehnte)\b")
_DURATION_BEFORE = re.compile(r"\b(?:nächsten|kommenden|innerhalb|Laufe\s+der|seit|vor|für|"
                              r"über|binnen|in|nach|letzten|vergangenen|von)\s+$", re.I)


_RELATIVE_OPEN = re.compile(r",\s+(?:die|der|das|deren|dessen|welche[rsn]?)\s+"
                            r"(?!\w+\s+(?:soll|sollen|wird|werden|wollen|will)\b)")


def _in_relative_clause(sentence: str, q: Quantity) -> bool:
    """Inside ", die … ," (a relative clause that closes before the sentence ends)."""
    opening = None
    for match in _RELATIVE_OPEN.finditer(sentence, 0, q.start):
        opening = match
    if opening is None or "," in sentence[opening.end():q.start]:
        return False
    rest = sentence[q.end:]
    close = rest.find(",")
    if close == -1 or re.search(r"[.;:]", rest[:close]):
        return False
    # ", die … um 20 % zu senken,": an infinitive with an article, no relative clause
    return not re.search(r"\bzu\s+\w+\s*$|\w+zu\w+en\s*$", rest[:close])


def _not_a_target(sentence: str, q: Quantity) -> bool:
    before = sentence[max(0, q.start - 60):q.start]
    if q.unit == "count" and not q.text[:1].isdigit() and not _SCALE_WORD.search(q.text) and \
            not q.text.lower().startswith(
            ("mindestens", "eine")) and not re.search(
            r"\b(?:mindestens|höchstens|bis\s+zu|weitere[n]?|zusätzliche[n]?|um|auf|von)\s*$",
            before, re.I) and not re.match(r"\s*weitere", q.text.split(" ", 1)[-1]):
        return True  # "zwei zentrale Ziele": a number word counts what is said, no target
    if q.unit == "count" and re.search(r"\b(?:der|die|das|den|dem|des)\s+(?:(?:über|rund|mehr\s+"
                                       r"als|knapp|gut)\s+)?$", before):
        return True  # "die 200 angeschlossenen Orte": things that exist
    if re.search(r"\bab\s+(?:(?:einem|einer|einen)\s+[\w-]+\s+(?:von\s+)?)?"
                 r"(?:(?:mehr\s+als|über)\s+)?$", before):
        return True  # "ab 7,5 t", "ab einem Gehalt von mehr als …": a threshold, no target
    if _in_relative_clause(sentence, q):
        return True  # ", die eine Anlage bis 30 kW betreiben,": it describes, it promises not
    if _REFERENCE_BEFORE.search(before) or re.match(r"\s*(?:Absatz|Abs\.)", sentence[q.end:]):
        return True  # "§ 29 Absatz 4", "Artikel 59": references, no amounts
    if q.noun and _DURATION.match(q.noun) and (
            _DURATION_BEFORE.search(before)
            or re.match(r"\s*(?:nach|später|zuvor|lang|alt|dauernd\w*)\b", sentence[q.end:])):
        return True  # "in den nächsten 5 Jahren", "150 Jahre nach": time spans
    if _FROM_BEFORE.search(before) and re.match(r"\s*(?:\S+\s+){0,3}?auf\b",
                                                sentence[q.end:q.end + 40]):
        return True  # "von 40.000 auf 45.000": the first is where it starts
    return _PRESENT_BEFORE.search(before) is not None and not _AUF_BEFORE.search(before)


def _target_quantities(sentence: str, deadlines, doc_year) -> list[Quantity]:
    spans = _excluded_spans(sentence, deadlines, doc_year) + [d[1] for d in deadlines]
    found = [q for q in find_quantities(sentence) if not _inside(q, spans)
             and not _not_a_target(sentence, q)]
    found += [b for b in _bare_numbers(sentence, spans)
              if not any(q.start <= b.start < q.end for q in found)]
    found.sort(key=lambda q: q.start)
    # a value in brackets explains the sentence ("(knapp 45.000 t Ersparnis)"); it is a
    # target only where the brackets name a goal or a deadline of their own
    asides = [m.span() for m in _PAREN.finditer(sentence)
              if not re.search(r"\bZiel|\bbis\s+(?:zum\s+|Ende\s+)?20\d\d", m.group(0))]
    return [q for q in found if not _inside(q, asides)]


_BARE = re.compile(r"\b(?:um|auf)\s+(?:(?:rund|etwa|ca\.|mindestens|höchstens|weitere)\s+)?"
                   r"(?P<n>\d{1,3}(?:[.\u00a0\u202f ]\d{3})+|\d+(?:,\d+)?)"
                   r"(?=\s+[a-zäöü]|[.;,]?\s*$)")


# "Beschluss vom März 2008", "Stand 2019": the date of a decision or a figure, no deadline
_DATED = re.compile(r"\b(?:vom|seit|Stand|Beschluss\w*|beschlossen\w*|Entscheidung\w*)"
                    r"(?:\s+\w+){0,2}?\s*$", re.I)


def _inside_span(span, spans) -> bool:
    return any(s <= span[0] and span[1] <= e for s, e in spans)


_BARE_YEAR = re.compile(r"(?<=[a-zäöüß,]\s)(?P<y>20\d{2})\b(?!\s*[/-]\s*\d|\s+[A-ZÄÖÜ])")


def _bare_year(sentence: str, doc_year: int | None) -> list:
    """ "…, dass es 2028 mindestens 12 sind": a future year standing alone after a small
    word is the deadline where no other is named ("Agenda 2030" is a name)."""
    for match in _BARE_YEAR.finditer(sentence):
        year = int(match.group("y"))
        if doc_year and year >= doc_year and not _DATED.search(sentence[:match.start()]):
            return [(f"{year}-12-31", match.span(), False)]
    return []


def _bare_numbers(sentence: str, spans) -> list[Quantity]:
    """ "um 400 sinken": a number with neither unit nor noun after "um"/"auf" and before
    the verb counts what the sentence names."""
    found = []
    for match in _BARE.finditer(sentence):
        value = parse_digits(match.group("n"))
        q = Quantity(match.group("n"), value, "count", None, match.start("n"), match.end("n"))
        if value is not None and not _inside(q, spans) and \
                not re.fullmatch(r"(?:19|20)\d\d", match.group("n")):
            found.append(q)
    return found


def _main(quantities: list[Quantity], sentence: str) -> Quantity | None:
    """The value the promise is about: the one after "auf"/"um" or a comparator word, else
    the first share or amount of money, else the first value."""
    # a leading clause ("Damit …,") or what comes before "… das Ziel gesetzt," is not the
    # promise itself
    lead = re.match(r"\s*(?:Damit|Um|Wenn|Weil|Da|Dass|Sobald|Falls)\b[^,]*,", sentence) or \
        re.search(r"\bZiel\w*\s+gesetzt\s*,", sentence)
    if lead and any(q.start >= lead.end() for q in quantities):
        quantities = [q for q in quantities if q.start >= lead.end()]
    for q in quantities:
        before = sentence[max(0, q.start - 40):q.start]
        if _AUF_BEFORE.search(before) or _COMPARATOR_BEFORE.search(before):
            return q
    return next((q for q in quantities if q.unit in ("EUR", "percent")), None) or \
        next(iter(quantities), None)


def _same_kind(a: Quantity, b: Quantity) -> bool:
    return a.unit == b.unit and (a.unit != "count" or a.noun == b.noun or not b.noun)


def _own_year(sentence: str, q: Quantity) -> str | None:
    """ "20 MW 2028": a year standing right after the value is its deadline."""
    match = re.match(r"\s*(?:im\s+Jahr\s+|in\s+|bis\s+|\()?(?P<y>20\d{2})\b(?!\s*/)(?!\))",
                     sentence[q.end:q.end + 14])
    return f"{match.group('y')}-12-31" if match else None


def _comparator_and_change(sentence: str, q: Quantity) -> tuple[str | None, str | None]:
    before = sentence[max(0, q.start - 50):q.start]
    after = sentence[q.end:q.end + 60]
    explicit = _COMPARATOR_BEFORE.search(before)
    clause_start = max(before.rfind(","), before.rfind(";"))
    window = sentence[max(0, q.start - 120):q.start]
    window = window[max(window.rfind(";"), 0):] + " " + after.split(",")[0]
    direction = None
    for match in DIRECTION.finditer(window):
        direction = "decrease" if match.group("down") else "increase"
    by_amount = re.search(r"\bum\s*(?:\S+\s+){0,2}$", before) is not None or \
        re.search(rf"\b(?:{DECREASE}|{INCREASE})\s+(?:von|in\s+Höhe\s+von)\s+"
                  r"(?:(?:rund|etwa|ca\.|mindestens)\s+)?$", before, re.I) is not None or \
        (q.text.endswith(("ige", "igen", "iger")) and
         re.match(rf"\s*(?:[\w-]+\s+)?(?:{DECREASE}|{INCREASE})", after, re.I) is not None)
    to_level = re.search(r"\bauf\s*(?:\S+\s+){0,2}$", before) is not None
    del clause_start
    comparator_word = None
    if explicit:
        comparator_word = "at_least" if explicit.group("least") else \
            "at_most" if explicit.group("most") else "exactly"
    if by_amount and direction:
        return comparator_word or "at_least", direction
    if to_level and direction:
        return comparator_word or ("at_most" if direction == "decrease" else "at_least"), None
    more_less = re.match(r"\s*(weniger|mehr)\b", after)
    if more_less and not to_level:  # "40 % weniger Energieverbrauch"
        return comparator_word or "at_least", \
            "decrease" if more_less.group(1) == "weniger" else "increase"
    if (re.search(r"\b(?:weitere[nrs]?|zusätzliche[nrs]?|zusätzlich|mehr)\s*$", before, re.I)
            or re.search(r"\s(?:weitere|zusätzliche)[nrs]?\s", q.text)) and not to_level:
        return comparator_word or "at_least", "increase"
    if comparator_word:
        return comparator_word, None
    if direction == "decrease" and re.match(r"\s*(?:[\w-]+\s+){0,6}?(?:einsparen|einzusparen|"
                                            r"reduzieren|mindern|senken|vermeiden)", after):
        return "at_least", "decrease"
    return comparator(sentence) if not direction else None, None


def _own_promise(sentence: str, q: Quantity) -> bool:
    """ "… und Senkung der Flugreisen auf höchstens 300": a second value with its own
    direction noun and comparator in a coordinated phrase is a target of its own."""
    before = sentence[max(0, q.start - 80):q.start]
    part = re.split(r"\b(?:und|sowie|;)\s", before)[-1]
    if len(part) == len(before):
        return False
    return (_COMPARATOR_BEFORE.search(part) is not None and DIRECTION.search(part) is not None) \
        or re.search(r"\b(?:auf|um|von)\s+(?:(?:rund|etwa|ca\.|mindestens)\s+)?$", part) \
        is not None


def _local_per(sentence: str, q: Quantity) -> str | None:
    """ "jährlich mindestens 3 %", "300 pro Jahr": a yearly amount says so next to it."""
    near = sentence[max(0, q.start - 25):q.start] + " " + sentence[max(0, q.end - 1):q.end + 12]
    return "year" if _PER_YEAR.search(near) else None


def _chosen(sentence, quantities, main, deadlines) -> list[Quantity]:
    """The main value and further values of the same kind, each with its own deadline or
    year ("2 000 bis 2026 und weitere 3 000 bis 2029")."""
    if main is None:
        return []
    chosen = [main] + [q for q in quantities if q is not main and (
        (_same_kind(q, main) and (_own_year(sentence, q) or len(deadlines) > 1))
        or _own_promise(sentence, q))]
    return sorted(chosen, key=lambda q: q.start)


def parse_targets(sentence: str, doc_year: int | None = None, context: str = "") -> list[dict]:
    """Every target a goal sentence states (a range is two), [] where nothing measurable."""
    deadlines = [d for d in find_deadlines(sentence, doc_year)
                 if not any(s <= d[1][0] < e for s, e in
                            [m.span() for m in _BASELINE.finditer(sentence)])
                 and not _DATED.search(sentence[max(0, d[1][0] - 30):d[1][0]])]
    asides = _excluded_spans(sentence, deadlines, doc_year)
    deadlines = [d for d in deadlines if not _inside_span(d[1], asides)] or \
        _bare_year(sentence, doc_year)
    quantities = _target_quantities(sentence, deadlines, doc_year)
    main = _main(quantities, sentence)
    common = {"per": per_year(sentence), "baseline_year": baseline_year(sentence),
              "factor": factor(sentence), "rank": rank(sentence)}
    first_deadline = deadlines[0] if deadlines else None
    chosen = _chosen(sentence, quantities, main, deadlines)
    targets = []
    base_match = _BASELINE.search(sentence)
    nearest = min(chosen, key=lambda q: abs(q.end - base_match.start())) \
        if base_match and len(chosen) > 1 else None
    for q in chosen:
        deadline, relative = _deadline_for(sentence, q, chosen, deadlines)
        comp, change = _comparator_and_change(sentence, q)
        base = _blank(deadline, relative) | common
        base.update({"value": q.value, "unit": q.unit, "comparator": comp, "change": change})
        if nearest is not None and q is not nearest and q.high is None:
            base["baseline_year"] = None
        base["per"] = q.per or _local_per(sentence, q)
        if q.unit == "count" and q.noun is None and \
                _MONEY_CONTEXT.search(sentence + " " + context):
            base["unit"] = "EUR"
            base["implied"].append("unit")
        base["metric"] = metric(sentence, q.noun)
        if q.high is not None:
            high = dict(base, value=q.high, comparator="at_most",
                        implied=list(base["implied"]))
            base["comparator"] = "at_least"
            targets += [base, high]
        else:
            targets.append(base)
    if not targets and (common["factor"] is not None or common["rank"] is not None):
        deadline, relative = (first_deadline[0], first_deadline[2]) if first_deadline else \
            (None, False)
        base = _blank(deadline, relative) | common
        base["comparator"] = comparator(sentence) or (
            "at_least" if re.search(r"\bMindest", sentence) else None)
        match = DIRECTION.search(sentence)
        base["change"] = None if not match else ("decrease" if match.group("down")
                                                 else "increase")
        base["metric"] = metric(sentence, None)
        targets.append(base)
    for target in targets:
        if target["rank"] is not None:
            target["value"], target["unit"] = float(target["rank"]), "rank"
    return targets


def _blank(deadline: str | None, relative: bool) -> dict:
    return {"metric": None, "value": None, "unit": None, "comparator": None,
            "deadline": deadline, "per": None, "baseline_year": None, "factor": None,
            "rank": None, "implied": ["deadline"] if relative and deadline else [],
            "change": None}


def _deadline_for(sentence, q, chosen, deadlines) -> tuple[str | None, bool]:
    own = _own_year(sentence, q)
    if own:
        return own, False
    if not deadlines:
        return None, False
    if len(chosen) == 1:
        return deadlines[0][0], deadlines[0][2]
    # several values and deadlines: the nearest deadline after the value and before the
    # next value, else the nearest before it
    index = chosen.index(q)
    stop = chosen[index + 1].start if index + 1 < len(chosen) else len(sentence)
    after = [d for d in deadlines if q.end <= d[1][0] < stop]
    if after:
        return after[0][0], after[0][2]
    consumed = set()
    for k, p in enumerate(chosen[:index]):  # the deadline right after an earlier value is its
        nxt = chosen[k + 1].start
        own = [d for d in deadlines if p.end <= d[1][0] < nxt]
        if own:
            consumed.add(own[0][1])
    before = [d for d in deadlines if d[1][1] <= q.start and d[1] not in consumed]
    if before:
        return before[-1][0], before[-1][2]
    # "40 % … und 20 % … bis 2020": a deadline after all the values is theirs together
    last = [d for d in deadlines if d[1][0] >= chosen[-1].end]
    if last and len(last) == len(deadlines):
        return last[0][0], last[0][2]
    return None, False


def parse_target(sentence: str, doc_year: int | None = None, context: str = "") -> dict | None:
    """The first target a goal sentence states (version 1's single target), or None."""
    targets = parse_targets(sentence, doc_year, context)
    if targets:
        return targets[0]
    deadline = find_deadline(sentence, doc_year)[0]
    return _blank(deadline, False) | {"comparator": comparator(sentence)} if deadline else None
