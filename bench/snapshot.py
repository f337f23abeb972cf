"""Write the outputs a speed change must keep byte for byte, to compare with ``cmp``.

For the example plan and a generated group of plans (the benchmark's, same seed): ``check``
(text, JSON), ``plan`` and ``summary`` of the example in every format, and the group's
``summary`` in every format (the overview alone too), in Dutch and English, with and
without ``--redact``. Each output is one file ``NAME.out`` with its exit code and stderr
in ``NAME.err``. Run it before and after a change, then compare the directories (a second
run at the same time waits for the first: the group has one fixed path, which the outputs
name)::

    python bench/snapshot.py /tmp/before
    ... change ...
    python bench/snapshot.py /tmp/after
    diff -r /tmp/before /tmp/after && echo same

A tool, not a test: the golden tests hold the small cases; this holds the large ones.
"""

from __future__ import annotations

import argparse
import fcntl
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench import PLAN, TODAY, generate, mlplan_script


def cases(group: Path) -> dict[str, list[str]]:
    """Each output's name and its command line (the group's files must exist)."""
    plan = str(PLAN)
    out: dict[str, list[str]] = {
        "check-text": ["check", plan],
        "check-json": ["check", plan, "-f", "json"],
        "check-group": ["check", *sorted(map(str, group.glob("*.yaml"))), "-f", "json"],
        "check-group-text": ["check", *sorted(map(str, group.glob("*.yaml")))],
    }
    for fmt in ("table", "markdown", "json"):
        out[f"plan-{fmt}"] = ["plan", plan, "--format", fmt]
    for fmt in ("table", "markdown", "json"):
        out[f"summary-{fmt}"] = ["summary", plan, "--format", fmt]
        for lang in ("nl", "en"):
            out[f"group-{fmt}-{lang}"] = ["summary", str(group), "--format", fmt, "--lang", lang]
        out[f"group-{fmt}-redact"] = ["summary", str(group), "--format", fmt, "--redact"]
        out[f"group-{fmt}-overview"] = ["summary", str(group), "--format", fmt, "--overview-only"]
    out["group-json-sort-overdue"] = ["summary", str(group), "-f", "json", "--sort", "overdue"]
    return out


PATIENT = (
    "notes: casus van mevrouw Jansen, geb. 12-03-1954, BSN 111222333, patiëntnummer 1234567.",
    "notes: 'overdracht besproken met dhr. Pietersen (geboren 3 mei 1948)'",
    "notes: >\n      VIM: BSN 1234.56.782\n      bij opname",
)


def vary(group: Path) -> None:
    """Give some plans what the benchmark's lack: patient data (for ``--redact``), CRLF
    line ends, a byte-order mark."""
    for n, path in enumerate(sorted(group.glob("*.yaml"))):
        text = path.read_text(encoding="utf-8")
        if n % 7 == 3:
            note = PATIENT[n % len(PATIENT)]
            text = text.replace("notes: Regionaal aios-symposium neurologie, voorjaar 2027.", note)
        data = text.encode()
        if n % 11 == 4:
            data = data.replace(b"\n", b"\r\n")
        if n % 13 == 6:
            data = b"\xef\xbb\xbf" + data
        path.write_bytes(data)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("target", type=Path, help="directory to write the outputs to")
    parser.add_argument("--plans", type=int, default=1000, help="plans in the group (1000)")
    args = parser.parse_args()
    args.target.mkdir(parents=True, exist_ok=True)
    mlplan = mlplan_script()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MLPLAN_", "GITHUB_"))}
    env |= {"NO_COLOR": "1", "COLUMNS": "100"}
    # the same path each run, since pages and findings name it; so one run at a time: a
    # second one waits for the lock (two at once rewrote each other's plans mid-run)
    group = Path(tempfile.gettempdir()) / "mlplan-snapshot-group"
    with open(group.with_suffix(".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        group.mkdir(exist_ok=True)
        for old in group.glob("*.yaml"):
            old.unlink()
        generate(group, args.plans)
        vary(group)
        for name, argv in cases(group).items():
            done = subprocess.run(
                [mlplan, *argv, *TODAY], env=env, capture_output=True, check=False
            )
            (args.target / f"{name}.out").write_bytes(done.stdout)
            (args.target / f"{name}.err").write_bytes(
                f"exit {done.returncode}\n".encode() + done.stderr
            )
            print(f"{name:28} exit {done.returncode} {len(done.stdout):>10} bytes")


if __name__ == "__main__":
    main()
