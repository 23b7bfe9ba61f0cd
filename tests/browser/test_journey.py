"""A person goes from the overview to a goal and reads its evidence, in Debian's Chromium."""


def test_overview_to_goal_to_evidence_with_the_keyboard(demo_live, page):
    page.goto(demo_live.url + "/nrw/2019/")
    assert page.locator("h1").inner_text().startswith("Strategie für das digitale")
    # The count of achieved goals ("n von 27") links to exactly those goals.
    link = page.locator("#by-status ~ .scroll table a[href$='?status=achieved']").first
    assert link.inner_text().endswith("von 27")
    link.click()
    assert "status=achieved" in page.url
    page.get_by_role("link", name="19-12 Gründerstipendium.NRW").click()
    assert page.locator("h1").inner_text() == "19-12 Gründerstipendium.NRW"
    evidence = page.locator("#assessments-section")
    assert "Landesregierung NRW" in evidence.inner_text()
    assert "SPD-Fraktion im Landtag NRW" in evidence.inner_text()
    # Keyboard only: the skip link is the first stop and lands on the main content.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Zum Inhalt springen"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_language_switch_keeps_the_page(demo_live, page):
    page.goto(demo_live.url + "/nrw/2019/ziele/19-07/")
    page.get_by_role("link", name="English").click()
    assert page.url.endswith("/en/nrw/2019/ziele/19-07/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("heading", name="Assessments and evidence").is_visible()
