"""Rules for text that people type, shared by every way in: forms, the admin, the API, the
bulk upload and the loaders – and the one helper that makes any text safe to write out.

Why a module of its own: one control character in one note broke the XLSX download and both
feeds for good (XML 1.0 cannot hold it), and a 2 MB note made goal pages 2 MB. Each input
used to have its own idea of what it accepts; these rules are the one idea. Knows no domain.
"""

from __future__ import annotations

import re
import unicodedata

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

# The shared length limits: a line (names, titles, assessors, sources) and a text (notes,
# evidence, descriptions, comments).
LINE = 300
TEXT = 10_000

# C0 controls but tab, line feed and carriage return (which text fields allow; a browser's
# text area sends CR LF), DEL, and the C1 controls.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_LINE_BREAKS = re.compile(r"[\t\n\r\u2028\u2029]")
# Characters that print as nothing or reorder what follows: every format character
# (zero-width spaces and joiners, LRM/RLM/ALM, bidi embeddings, overrides and isolates, the
# BOM, soft hyphen) and the letters and symbols that render blank (Hangul fillers, braille
# blank, Mongolian vowel separator).
_BLANK_LETTERS = "\u115f\u1160\u3164\uffa0\u2800\u180e\u034f"


def _is_invisible(ch: str) -> bool:
    return unicodedata.category(ch) in ("Cf", "Co", "Cn", "Cs") or ch in _BLANK_LETTERS


def validate_text(value: str) -> None:
    """Text that may span lines: no control characters but tab and line breaks."""
    if value and _CONTROL.search(value):
        raise ValidationError(_("The text contains a control character, which is not "
                                "allowed."), code="control_character")


def validate_line(value: str) -> None:
    """A single line: no control characters, not even tab or a line break."""
    validate_text(value)
    if value and _LINE_BREAKS.search(value):
        raise ValidationError(_("Only one line is allowed here."), code="line_break")


text_validators = [validate_text, MaxLengthValidator(TEXT)]

# The same rules as patterns, for the API's schemas and the strategy files' JSON schema.
TEXT_PATTERN = r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]*$"
LINE_PATTERN = r"^[^\x00-\x1f\x7f-\x9f\u2028\u2029]*$"


def printable(value: str) -> str:
    """The text with the characters removed that XML 1.0 and spreadsheet files cannot hold;
    for every output, so that one bad value can never break a download or a feed."""
    return _CONTROL.sub("", value) if isinstance(value, str) else value


def normalise_name(value: str) -> str:
    """A display name as it is stored: NFKC-normalised, white space collapsed; refused if it
    holds control, format or blank characters (zero-width space, RLM, ALM, bidi controls),
    which let a name look like another's."""
    value = unicodedata.normalize("NFKC", value or "")
    if _CONTROL.search(value) or any(_is_invisible(ch) for ch in value):
        raise ValidationError(_("The name contains characters that are not allowed."),
                              code="invisible")
    return " ".join(value.split())


def name_key(value: str) -> str:
    """What two names must not share: the NFKC case-folded name with spaces collapsed
    ("Anna  Berg", "ANNA BERG" and "ａｎｎａ berg" are the same name)."""
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", value).casefold())
    return " ".join(folded.split())
