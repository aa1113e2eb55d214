"""Value objects: frozen dataclasses with a cheap __init__ behave as frozen dataclasses do."""

import dataclasses

import pytest

from athar.read.mentions import Mention
from athar.read.values import value


@value
class _Point:
    x: int
    y: int = 0
    label: str = "p"


def test_fields_defaults_and_keywords():
    assert _Point(1) == _Point(x=1, y=0, label="p")
    assert _Point(1, 2, "q") == _Point(label="q", y=2, x=1)
    assert repr(_Point(1)) == "_Point(x=1, y=0, label='p')"


def test_missing_or_unknown_arguments_fail_as_in_a_dataclass():
    with pytest.raises(TypeError):
        _Point()
    with pytest.raises(TypeError):
        _Point(1, z=3)


def test_frozen_hashable_and_replaceable():
    p = _Point(1, 2)
    with pytest.raises(dataclasses.FrozenInstanceError):
        p.x = 5
    assert hash(p) == hash(_Point(1, 2)) and len({p, _Point(1, 2), _Point(2, 1)}) == 2
    assert dataclasses.replace(p, y=7) == _Point(1, 7)
    assert dataclasses.asdict(p) == {"x": 1, "y": 2, "label": "p"}


def test_a_mention_is_a_value():
    m = Mention(0, 4, 0, 1, "raqqa", "City", "الرقة", "Raqqa")
    assert m.scope == "global" and m.role_org_start == -1
    with pytest.raises(dataclasses.FrozenInstanceError):
        m.key = "x"


@pytest.mark.parametrize("body", [
    pytest.param("items: list = dataclasses.field(default_factory=list)", id="default-factory"),
    pytest.param("x: int\n    def __post_init__(self): pass", id="post-init"),
])
def test_refuses_what_needs_the_generated_init(body):
    namespace = {"dataclasses": dataclasses}
    exec(f"class C:\n    {body}", namespace)
    with pytest.raises(TypeError, match="plain fields only"):
        value(namespace["C"])
