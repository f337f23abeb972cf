"""A real browser for the HTML tests: Debian's Chromium, headless, installed by ``.ci/run``.

Every run is cut off from the network twice over: ``--host-resolver-rules`` maps every
host (IP literals included) to "not found", so neither the page nor Chromium's own
background services (updates, time, sign-in) send a packet anywhere; and the net log
(``--log-net-log``) still records every request the page *tries*, which is what
:func:`page_requests` reads.

No skip: a machine without Chromium fails these tests with the command that installs it
(``MLPLAN_CHROMIUM`` may name another Chromium binary).
"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

TIMEOUT = 120  # seconds for one browser run on a busy 2-core machine


def chromium() -> str:
    found = os.environ.get("MLPLAN_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(found).exists():
        pytest.fail(
            "the HTML tests need Chromium: `apt-get install -y chromium` (Debian), "
            "or MLPLAN_CHROMIUM=/path/to/chromium",
            pytrace=False,
        )
    return found


def run_browser(page: Path, work: Path, *options: str) -> subprocess.CompletedProcess[str]:
    """Chromium on the file ``page``, with a fresh profile under ``work``."""
    profile = work / f"profile-{len(list(work.glob('profile-*')))}"
    command = [
        chromium(),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--host-resolver-rules=MAP * ~NOTFOUND",
        "--hide-scrollbars",
        "--force-device-scale-factor=1",
        f"--user-data-dir={profile}",
        *options,
        page.resolve().as_uri(),
    ]
    done = subprocess.run(
        command,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done


def screenshot(page: Path, work: Path, width: int, height: int) -> Any:
    """The page as Chromium shows it in a window of ``width`` × ``height``, as RGB."""
    from PIL import Image

    out = work / f"{page.stem}-{width}x{height}.png"
    run_browser(page, work, f"--screenshot={out}", f"--window-size={width},{height}")
    with Image.open(out) as image:
        return image.convert("RGB")


def print_pdf(page: Path, work: Path) -> Path:
    """The page printed to PDF as the browser's print dialog would (its own header and
    footer, without Chromium's date and URL)."""
    out = work / f"{page.stem}.pdf"
    run_browser(page, work, f"--print-to-pdf={out}", "--no-pdf-header-footer")
    return out


def pdf_text(path: Path) -> tuple[int, str]:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return len(reader.pages), "\n".join(p.extract_text() for p in reader.pages)


def dump_dom(page: Path, work: Path) -> str:
    """The DOM after loading, serialised (what the browser made of the file)."""
    return run_browser(page, work, "--dump-dom").stdout


def page_requests(page: Path, work: Path) -> list[str]:
    """Every URL the page asked the network for while loading (the net log's request
    jobs whose network isolation key is the page's own file:// site; Chromium's own
    background requests have another key)."""
    log = work / f"{page.stem}-netlog.json"
    run_browser(page, work, f"--log-net-log={log}", "--dump-dom")
    data = json.loads(log.read_text(encoding="utf-8"))
    start = data["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    return [
        e["params"]["url"]
        for e in data["events"]
        if e["type"] == start
        and str(e.get("params", {}).get("network_isolation_key", "")).startswith("file://")
    ]


def color_near(pixel: tuple[int, int, int], hex_color: str, tolerance: int = 48) -> bool:
    r, g, b = (int(hex_color[i : i + 2], 16) for i in (1, 3, 5))
    return all(abs(p - q) <= tolerance for p, q in zip(pixel, (r, g, b), strict=True))


def colors(image: Any) -> list[tuple[int, tuple[int, int, int]]]:
    """(count, colour) of every colour in an RGB image (Pillow counts in C: fast)."""
    found = image.getcolors(maxcolors=image.width * image.height)
    assert found is not None
    return found


def count_color(
    image: Any, box: tuple[float, float, float, float], hex_color: str, tolerance: int = 48
) -> int:
    """How many pixels in ``box`` (left, top, right, bottom) have about ``hex_color``
    (a smaller ``tolerance`` leaves out the blends at a shape's anti-aliased edge)."""
    left, top, right, bottom = (round(v) for v in box)
    region = image.crop((left, top, right, bottom))
    return sum(n for n, pixel in colors(region) if color_near(pixel, hex_color, tolerance))


def mean_x(image: Any, box: tuple[float, float, float, float], hex_color: str) -> float | None:
    """The mean x of the pixels of about ``hex_color`` in ``box``, to a 4-pixel column."""
    left, top, right, bottom = (round(v) for v in box)
    total = weighted = 0
    for x in range(left, right, 4):
        n = count_color(image, (x, top, x + 4, bottom), hex_color, 20)
        total += n
        weighted += n * (x + 2)
    return weighted / total if total else None


def blank(image: Any) -> bool:
    """Whether a screenshot shows (almost) nothing: nearly every pixel white."""
    found = colors(image)
    inked = sum(n for n, pixel in found if min(pixel) < 235)
    return inked < image.width * image.height * 0.01 or len(found) < 8
