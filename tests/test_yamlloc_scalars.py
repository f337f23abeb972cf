"""The loader's scalar fast path gives exactly what PyYAML's own resolver gives.

``yamlloc`` skips the resolver for text that cannot be a number, boolean or null and
remembers the tag of short repeated values (issue 6, reading 1,000 plans quickly). These
tests compare it with a plain PyYAML load through the same loader class.
"""

from __future__ import annotations

import yaml

from mlplan.io import yamlloc

SCALARS = """\
text: Voorzitten overdracht
quoted_number: "2"
single: '010'
int: 2
octal_like: 010
float: 4.5
negative: -3
exp: 1e3
yes_word: yes
no_word: no
on_word: On
true_word: true
False_word: False
null_word: null
tilde: ~
empty:
date: 2025-09-01
dotted: .inf
nan: .NaN
plus: +7
name_with_n: Neurologie
tab_like: "a\\tb"
block: |
  regel een
  regel twee
folded: >
  lang
  verhaal
list: [1, two, 3.0, n, y, ~, "no"]
anchor: &a {x: 1}
<<: *a
"""


def test_fast_path_matches_pyyaml() -> None:
    expected = yaml.load(SCALARS, Loader=yamlloc._Loader)  # a safe loader subclass
    for _ in range(2):  # the second pass hits the remembered tags
        doc = yamlloc.parse(SCALARS, "scalars.yaml")
        assert doc.diagnostics == []
        assert doc.data == expected
    assert doc.data["date"] == "2025-09-01"  # dates stay strings for pydantic
    assert doc.data["no_word"] is False and doc.data["single"] == "010"
    assert doc.data["octal_like"] == 10  # numbers are decimal: YAML 1.1 would say 8


def test_positions_survive_the_fast_path() -> None:
    doc = yamlloc.parse("a: tekst\nb:\n  - 2\n  - woord\n", "p.yaml")
    assert doc.position(("a",)) == (1, 4)
    assert doc.position(("b", 1)) == (4, 5)
    assert doc.position(("b", 0)) == (3, 5)
