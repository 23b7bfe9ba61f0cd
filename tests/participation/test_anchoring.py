"""A passage comment finds its words again after the paragraph changed (pure functions)."""

from leitstand.participation import anchoring

TEXT = ("Der Glasfaserausbau hat seit 2024 an Tempo gewonnen. Die Fortschreibung richtet den "
        "Blick auf die Stadtteile, in denen bisher kein Unternehmen bauen wollte.")


def _found(text, anchor):
    span = anchoring.locate(text, anchor)
    return None if span is None else text[span[0]:span[1]]


def test_the_anchor_keeps_words_and_surroundings_not_offsets():
    anchor = anchoring.make_anchor(TEXT, "die  Stadtteile,\nin denen")
    assert anchor.quote == "die Stadtteile, in denen"
    assert anchor.before.endswith("richtet den Blick auf ")
    assert anchor.after.startswith(" bisher kein")
    assert anchoring.make_anchor(TEXT, "Stadtteile ohne Netz") is None


def test_an_edit_before_the_passage_moves_it_and_it_is_found():
    anchor = anchoring.make_anchor(TEXT, "in denen bisher kein Unternehmen bauen wollte")
    edited = "Seit dem Beschluss des Rates: " + TEXT.replace("2024", "dem Jahr 2024")
    assert _found(edited, anchor) == "in denen bisher kein Unternehmen bauen wollte"


def test_a_small_edit_inside_the_passage_is_still_found():
    anchor = anchoring.make_anchor(TEXT, "in denen bisher kein Unternehmen bauen wollte")
    edited = TEXT.replace("bauen wollte", "bauen mochte")
    assert _found(edited, anchor) == "in denen bisher kein Unternehmen bauen mochte"


def test_a_passage_that_is_gone_is_not_found():
    anchor = anchoring.make_anchor(TEXT, "in denen bisher kein Unternehmen bauen wollte")
    assert _found("Die Stadt baut das Netz selbst, Stadtteil für Stadtteil.", anchor) is None
    short = anchoring.make_anchor(TEXT, "Tempo")
    assert _found(TEXT.replace("Tempo", "Fahrt"), short) is None  # too short to guess


def test_a_repeated_quote_keeps_to_its_own_occurrence():
    text = "Die Stadt plant. Die Stadt baut. Die Stadt misst."
    anchor = anchoring.make_anchor(text, "Die Stadt", hint=text.index("Die Stadt baut"))
    assert anchor.after.startswith(" baut")
    edited = "Vorweg ein Satz. " + text
    start, _end = anchoring.locate(edited, anchor)
    assert edited[start:].startswith("Die Stadt baut")


def test_overlapping_passages_are_marked_once_with_all_their_comments():
    pieces = anchoring.segments(TEXT, [((4, 20), "a"), ((10, 30), "b"), ((60, 70), "c")])
    assert "".join(p.text for p in pieces) == TEXT
    assert [(p.text, p.items) for p in pieces if p.items] == [
        (TEXT[4:30], ["a", "b"]), (TEXT[60:70], ["c"])]


def test_sentences_to_choose_from():
    assert anchoring.sentences(TEXT) == [
        "Der Glasfaserausbau hat seit 2024 an Tempo gewonnen.",
        "Die Fortschreibung richtet den Blick auf die Stadtteile, in denen bisher kein "
        "Unternehmen bauen wollte."]


def test_an_edited_last_word_is_not_found_inside_the_longer_word():
    text = "Wie wir arbeiten, wie wir gemeinsam lernen und reisen."
    anchor = anchoring.make_anchor(text, "wie wir gemeinsam")
    assert _found(text.replace("gemeinsam", "gemeinsame"), anchor) == "wie wir gemeinsame"
