"""The main tasks with the keyboard alone – Tab, Enter, typing – and a visible focus on every
stop: reading a goal's status and evidence, switching the language, an editor's login with
the second factor. (Taking part in the dialog by keyboard: test_participation.py.)"""

from tests.browser.conftest import code_from_key

FOCUSED = """() => {
    const el = document.activeElement;
    const style = getComputedStyle(el);
    return {text: (el.innerText || el.value || el.getAttribute('aria-label') || '').trim(),
            tag: el.tagName, id: el.id,
            visible: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0
                     || style.boxShadow !== 'none'};
}"""


def tab_to(page, text: str, limit: int = 200, exact: bool = False) -> dict:
    """Press Tab until the focus is on an element whose text starts with `text` (or is
    `text`, with `exact`); every stop on the way must show where the focus is."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused["tag"] != "BODY":
            assert focused["visible"], f"no visible focus on {focused} at {page.url}"
        if focused["text"] == text or (not exact and focused["text"].startswith(text)):
            return focused
    raise AssertionError(f"'{text}' not reached with {limit} Tab presses on {page.url}")


def wait_for_focus(page, element_id: str) -> None:
    page.wait_for_function("id => document.activeElement && document.activeElement.id === id",
                           arg=element_id)


def test_reader_finds_a_goal_and_its_evidence_by_keyboard(demo_live, page):
    page.goto(demo_live.url + "/")
    tab_to(page, "Strategie für das digitale Nordrhein-Westfalen")
    page.keyboard.press("Enter")
    page.wait_for_url("**/nrw/**")
    tab_to(page, "Ziele")
    page.keyboard.press("Enter")
    page.wait_for_url("**/ziele/")
    tab_to(page, "20-12")
    page.keyboard.press("Enter")
    page.wait_for_url("**/ziele/20-12/")
    assert page.locator("h1").inner_text().startswith("20-12")
    assert "Bewertungen und Belege" in page.locator("#assessments-section").inner_text()
    tab_to(page, "English")
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/nrw/2-0/ziele/20-12/")
    assert page.locator("html").get_attribute("lang") == "en"


def test_editor_logs_in_with_password_and_code_by_keyboard(demo_live, page):
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user("tastatur", password="pw-tastatur-2026",
                                                is_staff=True, is_superuser=True)
    page.goto(demo_live.url + "/admin/login/?next=/admin/")
    # The name field takes the focus on arrival – once the browser has rendered the page,
    # which under load may be a moment after the load event.
    wait_for_focus(page, "id_username")
    page.keyboard.type(user.username)
    assert tab_to(page, "")["id"] == "id_password"
    page.keyboard.type("pw-tastatur-2026")
    page.keyboard.press("Enter")
    page.wait_for_url("**/konto/zweiter-faktor/einrichten/**")
    code = code_from_key(page.locator("#totp-key").inner_text())
    wait_for_focus(page, "id_code")
    page.keyboard.type(code)
    page.keyboard.press("Enter")
    page.wait_for_url("**/admin/")
    tab_to(page, "Ziele", exact=True)  # the model list's link, not "Ziele, deren …" above it
    page.keyboard.press("Enter")
    page.wait_for_url("**/admin/register/goal/")
