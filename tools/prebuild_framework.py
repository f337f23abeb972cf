"""Write ``data/framework-prebuilt.pickle``: the shipped framework, validated and pickled.

Run ``python tools/prebuild_framework.py`` after changing ``data/framework.yaml`` or a
model in ``mlplan/model/framework.py``. Until then mlplan reads the YAML as before (the build's
fingerprint no longer matches) and ``tests/test_framework.py`` fails, so it is not missed.
"""

from __future__ import annotations

from pathlib import Path

from mlplan.io.loading import PREBUILT, build_prebuilt

ROOT = Path(__file__).resolve().parents[1]

if __name__ == "__main__":
    target = ROOT / "data" / PREBUILT
    target.write_bytes(build_prebuilt(ROOT / "data" / "framework.yaml"))
    print(f"wrote {target.relative_to(ROOT)}")
