"""The HTML report in a real browser: headless Chromium driven over the DevTools protocol."""

from __future__ import annotations

import base64
import contextlib
import json
import os
import select
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

ROOT = Path(__file__).resolve().parent.parent
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
BROWSER = next((found for name in BROWSERS if (found := shutil.which(name))), None)

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        BROWSER is None, reason="no Chromium on PATH (Debian: apt-get install chromium)"
    ),
]

# A guard against a browser that hangs, not a measurement: every step takes well under it.
GUARD_SECONDS = 60


class DevTools:
    """A minimal DevTools-protocol client over Chromium's --remote-debugging-pipe."""

    def __init__(self, browser: str, profile: Path) -> None:
        to_browser_r, to_browser_w = os.pipe()
        from_browser_r, from_browser_w = os.pipe()
        # Out of the way of 3 and 4, which the child needs for the pipe.
        child_in, child_out = os.dup(to_browser_r), os.dup(from_browser_w)
        child_in, child_out = fcntl_high(child_in), fcntl_high(child_out)

        def wire() -> None:
            os.dup2(child_in, 3)
            os.dup2(child_out, 4)

        self.process = subprocess.Popen(
            [
                browser,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--hide-scrollbars",
                "--remote-debugging-pipe",
                f"--user-data-dir={profile}",
                "about:blank",
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            pass_fds=(3, 4),
            preexec_fn=wire,
        )
        for fd in (to_browser_r, from_browser_w, child_in, child_out):
            os.close(fd)
        self.writer = to_browser_w
        self.reader = from_browser_r
        self.buffer = b""
        self.next_id = 0
        self.events: list[dict[str, Any]] = []
        self.session: str | None = None

    def _message(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self.buffer:
            left = deadline - time.monotonic()
            ready, _, _ = select.select([self.reader], [], [], max(left, 0))
            if not ready:
                raise TimeoutError("the browser did not answer")
            chunk = os.read(self.reader, 1 << 16)
            if not chunk:
                raise ConnectionError("the browser closed the pipe")
            self.buffer += chunk
        raw, self.buffer = self.buffer.split(b"\0", 1)
        message: dict[str, Any] = json.loads(raw)
        return message

    def send(self, method: str, **params: Any) -> dict[str, Any]:
        self.next_id += 1
        wanted = self.next_id
        message: dict[str, Any] = {"id": wanted, "method": method, "params": params}
        if self.session is not None and not method.startswith("Target."):
            message["sessionId"] = self.session
        os.write(self.writer, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + GUARD_SECONDS
        while True:
            reply = self._message(deadline)
            if reply.get("id") == wanted:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                result: dict[str, Any] = reply.get("result", {})
                return result
            self.events.append(reply)

    def wait_for(self, method: str) -> dict[str, Any]:
        for index, event in enumerate(self.events):
            if event.get("method") == method:
                return self.events.pop(index)
        deadline = time.monotonic() + GUARD_SECONDS
        while True:
            message = self._message(deadline)
            if message.get("method") == method:
                return message
            self.events.append(message)

    def evaluate(self, expression: str) -> Any:
        result = self.send("Runtime.evaluate", expression=expression, returnByValue=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def open(self, url: str, width: int = 1400, height: int = 1800) -> None:
        target = self.send("Target.createTarget", url="about:blank")["targetId"]
        attached = self.send("Target.attachToTarget", targetId=target, flatten=True)
        self.session = attached["sessionId"]
        for domain in ("Page", "Runtime", "Log"):
            self.send(f"{domain}.enable")
        self.send(
            "Emulation.setDeviceMetricsOverride",
            width=width,
            height=height,
            deviceScaleFactor=1,
            mobile=False,
        )
        self.send("Page.navigate", url=url)
        self.wait_for("Page.loadEventFired")

    def click(self, selector: str) -> None:
        """A real mouse click in the middle of the element, after scrolling to it."""
        box = self.evaluate(
            f"(() => {{ const e = document.querySelector({json.dumps(selector)});"
            " e.scrollIntoView({block: 'center'}); const r = e.getBoundingClientRect();"
            " return [r.x + r.width / 2, r.y + r.height / 2]; })()"
        )
        x, y = box
        for kind in ("mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent", type=kind, x=x, y=y, button="left", clickCount=1)

    def errors(self) -> list[str]:
        """Console errors and uncaught exceptions seen so far."""
        found = []
        for event in self.events:
            method, params = event.get("method"), event.get("params", {})
            if method == "Runtime.exceptionThrown":
                found.append(json.dumps(params["exceptionDetails"])[:300])
            elif method == "Runtime.consoleAPICalled" and params.get("type") == "error":
                found.append(json.dumps(params.get("args"))[:300])
            elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
                found.append(params["entry"].get("text", "")[:300])
        return found

    def screenshot(self, path: Path) -> None:
        shot = self.send("Page.captureScreenshot", format="png", captureBeyondViewport=True)
        path.write_bytes(base64.b64decode(shot["data"]))

    def close(self) -> None:
        with contextlib.suppress(ConnectionError, TimeoutError, OSError):
            self.send("Browser.close")
        try:
            self.process.wait(timeout=GUARD_SECONDS)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self.writer)
        os.close(self.reader)


def fcntl_high(fd: int) -> int:
    """The same descriptor moved to a number above 9, so dup2 onto 3 and 4 cannot clobber it."""
    import fcntl

    high = fcntl.fcntl(fd, fcntl.F_DUPFD, 10)
    os.close(fd)
    return high


@pytest.fixture()
def browser(tmp_path: Path) -> Iterator[DevTools]:
    assert BROWSER is not None
    tools = DevTools(BROWSER, tmp_path / "profile")
    try:
        yield tools
    finally:
        tools.close()


@pytest.fixture()
def seed_report(nlp: Language, tmp_path: Path) -> Path:
    from eventx.io import iter_documents
    from eventx.report.html import write_report
    from eventx.report.records import Analysed, analyse
    from eventx.schema import Document

    documents = [d for d in iter_documents([str(ROOT / "seeds")]) if isinstance(d, Document)]
    items = [item for _, item in analyse(nlp, documents) if isinstance(item, Analysed)]
    path = tmp_path / "report.html"
    with path.open("w", encoding="utf-8") as out:
        assert write_report(items, out) >= 8
    return path


VISIBLE_CARDS = (
    "[...document.querySelectorAll('#document .card')]"
    ".filter(c => getComputedStyle(c).display !== 'none' && c.getBoundingClientRect().height > 0)"
    ".map(c => c.dataset.type)"
)


def test_the_seed_report_shows_cards_network_and_map_and_filters_by_type(
    browser: DevTools, seed_report: Path, tmp_path: Path
) -> None:
    browser.open(seed_report.as_uri())
    assert browser.errors() == []
    assert browser.evaluate("document.body.dataset.ready") == "true"
    types = browser.evaluate(VISIBLE_CARDS)
    assert len(types) >= 8 and {"CONSULT", "SANCTION", "SUPPORT"} <= set(types)
    # The network: a drawn SVG with the seed's actors as labelled nodes.
    network = browser.evaluate(
        "(() => { const s = document.querySelector('svg.network');"
        " const r = s.getBoundingClientRect();"
        " return [r.width, r.height, s.querySelectorAll('.node circle').length,"
        " [...s.querySelectorAll('.node text')].map(t => t.textContent)]; })()"
    )
    width, height, nodes, labels = network
    assert width > 300 and height > 200
    assert nodes >= 5 and {"Nick Chicker", "Mali"} <= set(labels)
    venues = browser.evaluate("document.querySelectorAll('svg.worldmap .venue').length")
    assert venues >= 1
    # Highlighted entities and triggers in the text.
    assert browser.evaluate("document.querySelectorAll('.doc-text .m.actor').length") > 5
    assert browser.evaluate("document.querySelectorAll('.doc-text .trig').length") >= 8
    browser.screenshot(tmp_path / "before.png")

    browser.click(".chip[data-filter=type][data-value=SANCTION]")
    assert browser.evaluate(VISIBLE_CARDS) == ["SANCTION"]
    hidden = browser.evaluate("document.querySelectorAll('#document .card.hidden').length")
    assert hidden == len(types) - 1
    browser.click("#clear-filters")
    assert len(browser.evaluate(VISIBLE_CARDS)) == len(types)

    assert browser.errors() == []
    browser.screenshot(tmp_path / "report.png")
    assert (tmp_path / "report.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_show_in_text_scrolls_to_the_trigger(browser: DevTools, seed_report: Path) -> None:
    browser.open(seed_report.as_uri(), height=900)
    first = browser.evaluate("document.querySelector('#document .card').id.slice(2)")
    browser.click("#document .card .foot a")
    inside = browser.evaluate(
        f"(() => {{ const r = document.getElementById('t-{first}').getBoundingClientRect();"
        " return r.top >= 0 && r.bottom <= window.innerHeight; })()"
    )
    assert inside is True
    assert browser.errors() == []


def test_a_large_report_draws_one_page_of_the_index_and_one_document(
    browser: DevTools, tmp_path: Path
) -> None:
    from eventx.report.html import write_report
    from eventx.report.records import Analysed
    from eventx.schema import Actor, Document, Event, Status

    text = "The Freedonian envoy met Sylvanian officials in the capital on Tuesday."
    items = []
    for number in range(120):
        envoy = Actor(
            text="Freedonian", name="Freedonia", kind="country", country="FRD", start=4, end=14
        )
        hosts = Actor(
            text="Sylvanian officials",
            name=f"Sylvania {number % 7}",
            kind="government",
            country="SYL",
            start=25,
            end=44,
        )
        event = Event(
            id=f"e{number}",
            doc_id=f"doc-{number:03d}",
            event="CONSULT",
            mode="meet",
            status=Status.occurred,
            actors=[envoy],
            recipients=[hosts],
            sentence=text,
            start=0,
            end=len(text),
            trigger="met",
            trigger_start=21,
            trigger_end=24,
            rule="consult.meet.v1",
            confidence=0.8,
        )
        document = Document(doc_id=f"doc-{number:03d}", text=text, title=f"Talks, day {number}")
        items.append(Analysed(document.doc_id, (event,), document))
    path = tmp_path / "large.html"
    with path.open("w", encoding="utf-8") as out:
        write_report(items, out)
    browser.open(path.as_uri())
    rows = "[...document.querySelectorAll('#index-rows tr.row')].map(r => r.dataset.doc)"
    assert browser.evaluate(rows) == [str(n) for n in range(50)]
    assert browser.evaluate("document.querySelectorAll('#document .card').length") == 1
    assert "page 1 of 3" in browser.evaluate("document.getElementById('page-info').textContent")
    browser.click("#next-page")
    assert browser.evaluate(rows) == [str(n) for n in range(50, 100)]
    browser.click("#index-rows tr.row:nth-child(3)")
    assert browser.evaluate("document.querySelector('#document h2').textContent") == "Talks, day 52"
    assert browser.evaluate("location.hash") == "#doc=doc-052"
    assert browser.errors() == []


def test_clicking_an_actor_or_a_place_shows_only_its_events(
    browser: DevTools, seed_report: Path
) -> None:
    browser.open(seed_report.as_uri())
    everything = len(browser.evaluate(VISIBLE_CARDS))
    who = (
        "[...document.querySelectorAll('#document .card')]"
        ".filter(c => getComputedStyle(c).display !== 'none')"
        ".map(c => c.querySelector('dd').textContent)"
    )
    browser.click("svg.network .node[data-name='Nick Chicker'] circle")
    shown = browser.evaluate(who)
    assert 0 < len(shown) < everything
    assert all("Nick Chicker" in text for text in shown)
    focus = browser.evaluate("document.getElementById('focus-chip').textContent")
    assert focus.startswith("actor: Nick Chicker")
    browser.click("svg.network .node[data-name='Nick Chicker'] circle")  # again: off
    assert len(browser.evaluate(VISIBLE_CARDS)) == everything
    browser.click("svg.worldmap .venue[data-name='Bamako']")
    wheres = browser.evaluate(
        "[...document.querySelectorAll('#document .card')]"
        ".filter(c => getComputedStyle(c).display !== 'none')"
        ".map(c => c.querySelectorAll('dd')[2].textContent)"
    )
    assert wheres and all(text.startswith("Bamako") for text in wheres)
    assert len(wheres) < everything
    assert browser.errors() == []


def test_a_report_with_no_events_opens_cleanly(browser: DevTools, tmp_path: Path) -> None:
    from eventx.report.html import write_report
    from eventx.report.records import Analysed
    from eventx.schema import Document

    path = tmp_path / "empty.html"
    quiet = Document(doc_id="quiet", text="Markets were calm on Tuesday.")
    with path.open("w", encoding="utf-8") as out:
        write_report([Analysed("quiet", (), quiet)], out)
    browser.open(path.as_uri())
    assert browser.evaluate("document.body.dataset.ready") == "true"
    assert "No events in this document." in browser.evaluate(
        "document.getElementById('document').textContent"
    )
    assert browser.errors() == []
