"""What each field of the API and the downloads means, said once by name.

Most names (`strategy`, `goal`, `stand`, `status`, …) mean the same in every schema, parameter
and CSV column, so the OpenAPI document and the data package take their descriptions from
here; tests require one for every property, parameter and column.
"""

from __future__ import annotations

# name -> (description, example). Examples are from the demo data.
GLOSSARY: dict[str, tuple[str, object]] = {
    "id": ("Database key of the record; stable, never reused.", 42),
    "pk": ("Database key of the record.", 1),
    "slug": ("Short name used in the site's addresses.", "nrw"),
    "name": ("Name as published.", "Strategie für das digitale Nordrhein-Westfalen"),
    "jurisdiction": ("The state, county or municipality whose strategy it is.",
                     "Land Nordrhein-Westfalen"),
    "language": ("Language of the strategy's texts (ISO 639-1).", "de"),
    "editions": ("Keys of the strategy's published editions.", [1, 2]),
    "strategy": ("Slug of the strategy.", "nrw"),
    "edition": ("Key of the edition (see /api/v1/editions).", 1),
    "label": ("The edition's name, or a measure's label within its group.", "2019"),
    "year": ("Year the edition was adopted or published.", 2019),
    "adopted_on": ("Day the edition was adopted (cabinet decision), if known.", "2019-07-02"),
    "declared_goal_count": ("Number of goals the edition itself says it has.", 44),
    "summary": ("Address of the edition's counts (the summary endpoint).",
                "/api/v1/editions/1/summary"),
    "as_of": ("The day the data are as known on (summary), or the day an assessment speaks "
              "of.", "2024-12-31"),
    "denominator": ("Number of goals every count of the summary is out of.", 27),
    "by_status": ("Goals per published status code; the values add up to the denominator.",
                  {"achieved": 3, "not_assessed": 24}),
    "by_horizon": ("Goals per time horizon.", {"short": 10, "medium": 17}),
    "by_section": ("Goals per field of action (section slug).", {"infrastruktur": 5}),
    "by_unit": ("Goals per responsible unit (unit slug); a goal with two units counts for "
                "both.", {"mwide": 12}),
    "number": ("Number of the section as printed in the document.", "2.1"),
    "title": ("Title as published.", "Gigabitfähige Netze für alle Schulen"),
    "kind": ("Kind of section: chapter, field of action, review or next steps.", "chapter"),
    "field_of_action": ("Whether the section is a field of action whose goals are counted "
                        "together.", True),
    "parent": ("Slug of the enclosing section, or null at the top.", None),
    "code": ("The goal's code within its edition, as used on the site.", "19-07"),
    "text": ("Full text as published.", "Bis 2022 sollen alle Schulen … angeschlossen sein."),
    "section": ("Slug of the field of action.", "infrastruktur"),
    "responsible_units": ("Slugs of the responsible units (see /daten/units.csv).",
                          ["mwide"]),
    "horizon": ("Time horizon the strategy gives the goal: short, medium, long, ongoing, or "
                "empty.", "medium"),
    "due_date": ("Day the goal is due: its own deadline or its horizon's end.", "2022-12-31"),
    "overdue": ("Whether the due day has passed without the goal being achieved.", False),
    "status": ("Status code (see /methodik/ and the schema's list of values).", "on_track"),
    "status_rule": ("The rule that gave the published status, with its version.",
                    "leitstand-status/1"),
    "computed_status": ("The status the targets and observations alone give, or null where "
                        "no target can be computed.", "at_risk"),
    "computed_reason": ("Why the computed status is what it is, in words.",
                        "latest value 50 of 100 percent; projected 80 by 2022-12-31"),
    "source_page": ("Page of the source document the record stands on.", 37),
    "source_line": ("Line of the source document's text the record starts at.", 2191),
    "url": ("Address of the record's page on the site.", "/nrw/2019/ziele/19-07/"),
    "goal": ("Key of the goal.", 7),
    "metric": ("What the target measures, in words.", "Schulen mit Gigabitanschluss"),
    "value": ("The number: a target's value or an observed value.", 100),
    "unit": ("Unit of the value (percent, EUR, count, t, …) or a unit's slug.", "percent"),
    "comparator": ("How the value must be met: at_least, at_most, exactly, or empty.",
                   "at_least"),
    "deadline": ("Day by which the target must be met, or null (the goal's due day then "
                 "applies).", "2022-12-31"),
    "per": ("Period a yearly amount refers to (year), or empty.", ""),
    "baseline_year": ("Year of the baseline a factor or a change refers to.", 2017),
    "baseline_value": ("The baseline's value, where known.", 100000000),
    "factor": ("Multiple of the baseline the target asks for (2 = doubling).", 5),
    "rank": ("Rank the target asks for (1 = first place).", None),
    "indicators": ("Slugs of the indicators that measure the target.", ["schulen-gigabit"]),
    "group": ("Group of the measure within its section.", "a"),
    "definition": ("How the indicator is defined and computed.",
                   "Anteil der Schulen mit Anschluss von mindestens 1 Gbit/s"),
    "publisher": ("Who publishes the indicator's values.", "IT.NRW"),
    "source_url": ("Web address of the source of the value or definition.",
                   "https://www.it.nrw/statistik"),
    "update_frequency": ("How often new values appear.", "jährlich"),
    "indicator": ("Key of the indicator.", 3),
    "date": ("Day the observed value refers to.", "2023-12-31"),
    "note": ("Remark on the value (rounding, scope).", "gerundet"),
    "recorded_at": ("Moment the value was recorded in Leitstand; `stand` compares with it.",
                    "2024-01-15T09:30:00+00:00"),
    "assessor": ("Who assessed: the body or person named by the assessment.", "MWIDE"),
    "assessor_kind": ("government, independent (e.g. a court of audit) or third_party (e.g. "
                      "the opposition).", "government"),
    "evidence": ("The assessment's reasons and evidence, as published.",
                 "Laut Landesbericht sind 93 % der Schulen angeschlossen."),
    "links": ("Web addresses of the assessment's sources.",
              ["https://www.land.nrw/pressemitteilung"]),
    "replaces": ("Key of the assessment this one corrects, or null.", None),
    "state": ("Workflow state: only approved assessments are public.", "approved"),
    "approved_at": ("Moment the assessment was approved.", "2024-02-01T10:00:00+00:00"),
    "items": ("The records of this page.", []),
    "count": ("Number of records of the whole listing (all pages).", 27),
    "limit": ("At most this many records (page size).", 100),
    "offset": ("Skip this many records (start of the page).", 0),
    "stand": ("Show the data as known on this day (YYYY-MM-DD): only assessments approved "
              "and values recorded by then.", "2020-01-01"),
    "q": ("Search words; German word forms match (Schule finds Schulen).", "Glasfaser"),
    "sort": ("Order: code, -code, due_date, -due_date or status.", "due_date"),
    "detail": ("What was wrong, in words; for 422 a list of the invalid inputs.",
               "Unknown parameter(s): colour. Allowed: stand."),
    "loc": ("Where the invalid input is: query, path or body, then the field.",
            ["query", "stand"]),
    "msg": ("What is wrong with the input.", "Input should be a valid date"),
    "type": ("Machine-readable kind of the problem.", "date_from_datetime_parsing"),
}

# Where a name means something more specific in one schema.
SPECIFIC: dict[tuple[str, str], tuple[str, object]] = {
    ("StrategyOut", "slug"): ("The strategy's short name, as in /<slug>/.", "nrw"),
    ("EditionOut", "slug"): ("The edition's part of the address, as in /nrw/<slug>/.", "2019"),
    ("EditionOut", "strategy"): ("Slug of the strategy the edition belongs to.", "nrw"),
    ("SummaryOut", "edition"): ("Key of the edition counted.", 1),
    ("IndicatorOut", "name"): ("Name of the indicator.", "Schulen mit Gigabitanschluss"),
    ("IndicatorOut", "unit"): ("Unit of the indicator's values.", "percent"),
    ("MeasureOut", "status"): ("State of the measure: planned, in_progress or done.", "done"),
    ("MeasureStatusIn", "status"): ("The measure's new state.", "done"),
    ("AssessmentIn", "status"): ("The assessed status code.", "on_track"),
    ("AssessmentIn", "as_of"): ("The day the assessment speaks of.", "2024-12-31"),
    ("AssessmentOut", "status"): ("The assessed status code.", "on_track"),
    ("ObservationIn", "value"): ("The observed value, in the indicator's unit.", 93.5),
}



def describe(name: str, schema_name: str = "") -> tuple[str, object] | None:
    """Meaning and example of a field, the schema's own where it has one."""
    return SPECIFIC.get((schema_name, name)) or GLOSSARY.get(name)
