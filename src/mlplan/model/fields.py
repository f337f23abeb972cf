"""The field types of the plan's and the framework's models, and a location in a document.

Strict where YAML's loose typing could hide a typo: a boolean is never a number, a number
in quotes ('5') is text, 1.0 is not a whole number, and text of nothing but spaces is empty.
They live beside the models, not in the YAML reader, so the models need no reader.
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, Field, Strict
from pydantic_core import PydanticCustomError

# A path into a document: ("activities", 0, "topic"); the reader knows each one's line.
Loc = tuple[str | int, ...]

_BLANK = re.compile(r"[\s\u00ad\u180e\u200b-\u200f\u2060-\u2064\ufeff]*")


def is_blank(text: str) -> bool:
    """Whether ``text`` shows nothing: only spaces, line breaks and invisible characters
    (zero-width spaces, a soft hyphen). Such text is empty to a model's :data:`Text`."""
    return _BLANK.fullmatch(text) is not None  # stops at the first visible character


def _not_blank(value: str) -> str:
    if value[:1].isalnum():  # most text starts with a letter: no pattern to run
        return value
    if is_blank(value):
        raise PydanticCustomError("mlplan.schema.empty_text", "text is blank")
    return value


Int = Annotated[int, Strict()]
Number = Annotated[float, Strict()]  # an int is a number too; a bool or a text is not
Text = Annotated[
    str, Field(min_length=1, json_schema_extra={"pattern": r"\S"}), AfterValidator(_not_blank)
]
