"""The reading experience in a real browser: Debian's Chromium driven by Playwright against the built
site served on 127.0.0.1. Screenshots of the key pages land in test-artifacts/screenshots/ (ignored
by git) so a person can look at them after each run."""

from __future__ import annotations

import functools
import http.server
import re
import threading
from pathlib import Path

import pytest

from conftest import ROOT
from vlmcat import facets
from vlmcat.validate import load_catalog

playwright_api = pytest.importorskip("playwright.sync_api")
CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():  # scripts/test.sh installs it; say so instead of failing obscurely
    pytest.fail("Debian's chromium is missing: run ./scripts/test.sh (it installs it) or apt-get install chromium",
                pytrace=False)

CATALOG = load_catalog(ROOT)
SHOTS = ROOT / "test-artifacts" / "screenshots"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
# Pages of each kind that every check below visits.
KEY_PAGES = {
    "home": "",
    "model": "models/llava/",
    "all-models": "models/",
    "timeline": "timeline/",
    "task": "tasks/vqa/",
    "tasks": "tasks/",
    "fusion": "fusion/query-resampler/",
    "dataset": "datasets/cc3m/",
    "datasets": "datasets/",
    "explore": "explore/",
    "compare": "compare/?m=llava,blip-2,flamingo",
    "lineage": "lineage/",
    "family": "lineage/llava/",
    "trends": "trends/",
    "learn": "learn/",
    "glossary": "learn/glossary/",
}


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def base_url(built_site):
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=str(CHROMIUM), headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        )
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport=DESKTOP, color_scheme="light")
    pg = context.new_page()
    pg.set_default_timeout(10_000)
    yield pg
    context.close()


def shot(pg, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


RESULT_LINKS = ".md-search-result__list > .md-search-result__item > a.md-search-result__link"


def result_links(pg) -> list[str]:
    """The result links once the list has stopped changing (results update as each key is typed)."""
    previous: list[str] = []
    for _ in range(40):
        pg.wait_for_timeout(250)
        links = pg.eval_on_selector_all(RESULT_LINKS, "els => els.map(e => e.href)")
        if links and links == previous:
            return links
        previous = links
    raise AssertionError(f"search results never settled: {previous[:5]}")


def search(pg, query: str) -> list[str]:
    """Type a query into Material's search and return the result links, best first."""
    pg.keyboard.press("/")
    # The index loads in a worker; until it is ready the meta line says "Initializing search".
    pg.wait_for_function("() => { const m = document.querySelector('.md-search-result__meta');"
                         " return m && !/initializing/i.test(m.textContent); }")
    # Material searches on key events: set the whole query, then release a key, so exactly one search
    # runs (typing letter by letter would race the results of every prefix against the last one).
    box = pg.locator("input.md-search__input")
    box.fill(query)
    box.press("End")
    return result_links(pg)


def first_paths(links: list[str], base_url: str, n: int) -> list[str]:
    """The first n distinct pages among the results (a page's sections come as extra results)."""
    pages: list[str] = []
    for link in links:
        path = re.sub(r"[?#].*$", "", link.replace(base_url, ""))
        if path not in pages:
            pages.append(path)
    return pages[:n]


@pytest.mark.parametrize("query, expected, within", [
    ("LLaVA", "models/llava/", 1),                  # a model name: its page first, above index pages
    ("CogVLM", "models/cogvlm/", 1),                # ... and above the model whose name extends it
    ("SigLIP", "models/siglip/", 1),
    ("LLaVA-NeXT", "models/llava-1-6/", 1),         # an alias
    ("Large Language and Vision Assistant", "models/llava/", 1),
    ("SigLIP-So400m", "models/paligemma/", 6),      # a component
    ("LAION-400M", "datasets/laion-400m/", 1),      # a dataset
    ("Perceiver Resampler", "models/flamingo/", 3),  # a fusion mechanism
    ("gated cross-attention", "fusion/cross-attention-into-llm/", 5),  # a fusion method
])
def test_search_finds_the_expected_page(page, base_url, query, expected, within):
    page.goto(base_url)
    results = first_paths(search(page, query), base_url, within)
    assert expected in results, (query, results)


@pytest.mark.parametrize("query, field", [("Q-Former", "connector"), ("Perceiver Resampler", "connector")])
def test_search_by_component_finds_models_that_use_it(page, base_url, query, field):
    using = {f"models/{e.slug}/" for e in CATALOG.entries
             if query.lower() in " ".join([getattr(e, field)] if isinstance(getattr(e, field), str) else getattr(e, field)).lower()}
    assert len(using) >= 2, f"the catalog should have several models with {query}"
    page.goto(base_url)
    results = first_paths(search(page, query), base_url, 10)
    assert len(using & set(results)) >= 2, (query, results)


def test_search_by_dataset_finds_models_that_use_it(page, base_url):
    using = {f"models/{e.slug}/" for e in CATALOG.entries if "laion-400m" in e.dataset_ids()}
    page.goto(base_url)
    results = first_paths(search(page, "LAION-400M"), base_url, 10)
    assert results[0] == "datasets/laion-400m/"
    assert using & set(results), results


def test_search_model_pages_outrank_index_pages_for_a_model_name(page, base_url):
    # task and fusion pages list these models by name too; the model's own page must come first
    for name, slug in (("Flamingo", "flamingo"), ("InstructBLIP", "instructblip"), ("Chameleon", "chameleon")):
        page.goto(base_url)
        results = first_paths(search(page, name), base_url, 10)
        assert results[0] == f"models/{slug}/", results


def test_collapsible_sections_start_closed_and_open_on_click(page, base_url):
    page.goto(base_url + "models/llava/")
    details = page.locator("details.info").first
    assert details.get_attribute("open") is None
    assert not details.locator("p, li").first.is_visible()
    details.locator("summary").click()
    assert details.get_attribute("open") is not None
    assert details.locator("p, li").first.is_visible()


def test_edit_button_opens_the_entry_file(page, base_url):
    text = (ROOT / "mkdocs.yml").read_text()
    repo = re.search(r"^repo_url: (\S+)$", text, re.M).group(1).rstrip("/")
    branch = re.search(r"^edit_uri: edit/([^/]+)/", text, re.M).group(1)
    page.goto(base_url + "models/llava/")
    edit = page.locator("a.md-content__button[title^='Edit']")
    assert edit.get_attribute("href") == f"{repo}/edit/{branch}/entries/llava.md"


def test_code_blocks_have_copy_buttons_and_the_footer_links_the_repository(page, base_url):
    repo = re.search(r"^repo_url: (\S+)$", (ROOT / "mkdocs.yml").read_text(), re.M).group(1)
    page.goto(base_url + "contributing/")
    block = page.locator("div.highlight").first
    block.hover()
    assert block.locator("button.md-code__button[data-md-type='copy']").count() == 1
    assert page.locator(f"footer a[href='{repo}']").count() >= 1
    # back-to-top appears once the reader scrolls down and back up a little
    page.mouse.wheel(0, 3000)
    page.wait_for_timeout(200)
    page.mouse.wheel(0, -300)
    page.locator(".md-top").wait_for(state="visible")


def scheme(pg) -> str:
    return pg.eval_on_selector("body", "b => b.getAttribute('data-md-color-scheme')")


def test_theme_toggle_switches_and_persists_across_navigation(page, base_url):
    page.goto(base_url)
    assert scheme(page) == "default"  # follows the (light) system setting
    for _ in range(3):
        if scheme(page) == "slate":
            break
        page.locator("form[data-md-component='palette'] label:visible").first.click()
    assert scheme(page) == "slate"
    shot(page, "home-dark")
    page.locator("a.md-tabs__link", has_text="Tasks").click()
    page.wait_for_url(re.compile(r".*/tasks/$"))
    assert scheme(page) == "slate"
    page.goto(base_url + "models/llava/")
    assert scheme(page) == "slate"
    shot(page, "model-dark")


def test_dark_system_setting_is_followed(browser, base_url):
    context = browser.new_context(viewport=DESKTOP, color_scheme="dark")
    pg = context.new_page()
    pg.goto(base_url + "fusion/")
    assert scheme(pg) == "slate"
    shot(pg, "fusion-dark")
    context.close()


def test_phone_menu_and_search_work(browser, base_url):
    context = browser.new_context(viewport=PHONE, color_scheme="light", is_mobile=True, has_touch=True)
    pg = context.new_page()
    pg.goto(base_url + "models/llava/")
    shot(pg, "model-phone")
    # no horizontal scrolling of the page itself: wide tables scroll inside their own box
    assert pg.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    pg.locator("label.md-header__button[for='__drawer']").click()
    nav_link = pg.locator(".md-nav--primary > .md-nav__list > .md-nav__item > a.md-nav__link", has_text="Datasets")
    nav_link.wait_for(state="visible")
    shot(pg, "menu-phone")
    nav_link.click()
    pg.wait_for_url(re.compile(r".*/datasets/$"))
    pg.locator("label.md-header__button[for='__search']").click()
    box = pg.locator("input.md-search__input")
    box.fill("Flamingo")
    box.press("End")
    links = result_links(pg)
    assert any("models/flamingo/" in link for link in links[:3]), links
    context.close()


def test_phone_tables_scroll_instead_of_breaking_the_layout(browser, base_url):
    context = browser.new_context(viewport=PHONE, color_scheme="light", is_mobile=True)
    pg = context.new_page()
    pg.goto(base_url + "models/")
    assert pg.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    wrapper = pg.locator(".md-typeset__table").first
    assert wrapper.evaluate("e => getComputedStyle(e.querySelector('table')).overflowX || getComputedStyle(e).overflowX") in ("auto", "scroll")
    shot(pg, "all-models-phone")
    context.close()


@pytest.mark.parametrize("name", list(KEY_PAGES))
def test_no_console_errors_or_failed_requests(page, base_url, name):
    errors: list[str] = []
    failed: list[str] = []
    outside: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("requestfailed", lambda r: failed.append(r.url))
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith((base_url, "data:", "blob:")) else None)
    page.goto(base_url + KEY_PAGES[name])
    page.wait_for_load_state("networkidle")
    shot(page, f"{name}-light")
    assert errors == []
    assert failed == []
    assert outside == [], "requests left the site"


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", list(KEY_PAGES))
def test_no_serious_accessibility_violations(browser, base_url, name, scheme):
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(viewport=DESKTOP, color_scheme=scheme)
    page = context.new_page()
    page.goto(base_url + KEY_PAGES[name])
    results = Axe().run(page)
    serious = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    summary = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in serious]
    context.close()
    assert serious == [], summary


# ---- explore, compare, drawings ---------------------------------------------------------------------

def explore_rows(pg) -> list[str]:
    return pg.eval_on_selector_all("#vlm-explore tbody tr", "rows => rows.map(r => r.dataset.slug)")


def test_explore_filters_combine_and_live_in_the_url(page, base_url):
    fusion = CATALOG.fusion["query-resampler"].name
    expected = {e.slug for e in CATALOG.entries if e.fusion == "query-resampler" and e.year == 2023}
    assert len(expected) >= 2
    page.goto(base_url + "explore/")
    page.wait_for_selector("#vlm-explore tbody tr")
    assert len(explore_rows(page)) == len(CATALOG.entries)
    assert page.locator(".vlm-static-table").is_hidden()  # the plain table gives way to the live one
    page.select_option("#vlm-f-fusion", fusion)
    page.select_option("#vlm-f-year", "2023")
    assert set(explore_rows(page)) == expected
    assert f"{len(expected)} of {len(CATALOG.entries)} models" in page.inner_text(".vlm-count")
    url = page.url
    assert "fusion=Learned-query+resampler" in url and "year=2023" in url
    # the same address restores the same view
    page.goto(url)
    page.wait_for_selector("#vlm-explore tbody tr")
    assert set(explore_rows(page)) == expected and page.input_value("#vlm-f-year") == "2023"
    # a text filter narrows further; sorting by name orders the rows
    page.fill("#vlm-f-q", "blip")
    searchable = {r["slug"]: r["search"] for r in facets.explore_records(CATALOG, lambda s: s)}
    assert set(explore_rows(page)) == {s for s in expected if "blip" in searchable[s]}
    page.fill("#vlm-f-q", "")
    page.click("#vlm-explore th button[data-sort='name']")
    names = page.eval_on_selector_all("#vlm-explore tbody tr td:first-child", "tds => tds.map(t => t.textContent)")
    assert names == sorted(names, key=str.lower) or names == sorted(names)
    assert "sort=name" in page.url
    shot(page, "explore-light")


def test_explore_without_javascript_is_the_full_plain_table(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    pg = context.new_page()
    pg.goto(base_url + "explore/")
    rows = pg.locator(".vlm-static-table tbody tr")
    assert rows.count() == len(CATALOG.entries)
    context.close()


def test_compare_shows_the_chosen_models_and_updates_the_url(page, base_url):
    page.goto(base_url + "compare/?m=llava,blip-2")
    page.wait_for_selector(".vlm-compare-table table")
    heads = page.eval_on_selector_all(".vlm-compare-table thead th a", "as => as.map(a => a.textContent)")
    assert heads == ["LLaVA", "BLIP-2"]
    body = page.inner_text(".vlm-compare-table tbody")
    assert "Q-Former" in body and "Projection into the LLM" in body and "Learned-query resampler" in body
    page.select_option("#vlm-c-2", "flamingo")
    page.wait_for_function("() => document.querySelectorAll('.vlm-compare-table thead th a').length === 3")
    assert "m=llava%2Cblip-2%2Cflamingo" in page.url or "m=llava,blip-2,flamingo" in page.url
    shot(page, "compare-light")


def test_model_page_links_to_compare_with_itself(page, base_url):
    page.goto(base_url + "models/cogvlm/")
    page.click("text=Compare with other models")
    page.wait_for_selector("#vlm-c-0")
    assert page.input_value("#vlm-c-0") == "cogvlm"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_diagrams_and_charts_render_in_both_themes(browser, base_url, scheme):
    context = browser.new_context(viewport=DESKTOP, color_scheme=scheme)
    pg = context.new_page()
    errors: list[str] = []
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    for path, selector, minimum in (("models/flamingo/", "svg.vlm-diagram", 250), ("trends/", "svg.vlm-chart", 300),
                                    ("lineage/", "svg.vlm-graph", 800), ("lineage/blip/", "svg.vlm-lineage", 250)):
        pg.goto(base_url + path)
        box = pg.locator(selector).first.bounding_box()
        assert box and box["width"] >= minimum and box["height"] > 100, (path, box)
        stroke = pg.eval_on_selector(f"{selector} rect, {selector} circle",
                                     "e => getComputedStyle(e).fill + '|' + getComputedStyle(e).stroke")
        assert "rgb(0, 0, 0)|none" not in stroke, (path, stroke)  # styled by the theme, not SVG defaults
    pg.goto(base_url + "models/flamingo/")
    SHOTS.mkdir(parents=True, exist_ok=True)
    pg.locator("figure.vlm-figure").screenshot(path=str(SHOTS / f"diagram-{scheme}.png"))
    context.close()
    assert errors == []


def test_diagram_fits_a_phone(browser, base_url):
    context = browser.new_context(viewport=PHONE, color_scheme="dark", is_mobile=True)
    pg = context.new_page()
    pg.goto(base_url + "models/qwen2-5-omni/")
    box = pg.locator("svg.vlm-diagram").bounding_box()
    assert box and box["width"] <= PHONE["width"] and box["width"] >= 300
    assert pg.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    shot(pg, "diagram-phone-dark")
    context.close()
