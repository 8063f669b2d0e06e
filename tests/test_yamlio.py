import pytest

from vlmcat.yamlio import YamlError, load_yaml, read_front_matter, split_front_matter


def test_split_front_matter_returns_body_and_its_first_line():
    yaml_text, body, line = split_front_matter("---\nname: X\n---\nHello\n")
    assert yaml_text == "name: X\n"
    assert body == "Hello\n"
    assert line == 4


def test_missing_front_matter_is_reported_at_line_one():
    with pytest.raises(YamlError) as exc:
        read_front_matter("# Just a heading\n")
    assert exc.value.line == 1
    assert "front matter" in exc.value.message


def test_lines_are_file_lines_for_nested_keys_and_list_items():
    parsed = read_front_matter("---\nname: X\nlinks:\n  paper: https://a\ntasks:\n  - vqa\n  - ocr\n---\nbody\n")
    doc = parsed.front
    assert doc.line(("name",)) == 2
    assert doc.line(("links", "paper")) == 4
    assert doc.line(("tasks", 1)) == 7
    # a path that does not exist falls back to its nearest ancestor
    assert doc.line(("links", "code")) == 3


def test_dates_stay_text_so_the_validator_can_judge_them():
    assert load_yaml("released: 2024-02-30\n").data == {"released": "2024-02-30"}


def test_duplicate_keys_are_recorded_with_their_line():
    doc = load_yaml("name: A\ntitle: T\nname: B\n")
    assert doc.duplicate_keys == [(("name",), 3)]


def test_syntax_error_carries_the_file_line():
    with pytest.raises(YamlError) as exc:
        read_front_matter("---\nname: A\ntasks: [vqa\n---\nbody\n")
    assert exc.value.line is not None and exc.value.line >= 3
    assert exc.value.message.startswith("invalid YAML")
