from __future__ import annotations

import pytest

from align.errors import InputError
from align.io.read import decode, detect_encoding, parse, read_file

from tests.helpers import SEED_ZH, SEEDS

TEXT = "长三角一体化发展。\n\n上海发挥龙头作用！"


@pytest.mark.parametrize("encoding, expected", [
    ("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("utf-16", "utf-16"),
    ("gb18030", "gb18030"), ("gbk", "gb18030"),
])
def test_encodings_are_detected(encoding, expected):
    raw = TEXT.encode(encoding)
    assert detect_encoding(raw) == expected
    assert decode(raw).text == TEXT


def test_binary_is_refused():
    with pytest.raises(InputError, match="binary"):
        decode(bytes(range(256)) * 20)


@pytest.mark.parametrize("content, message", [(b"", "empty"), (b"   \n\n  ", "no text")])
def test_empty_files_are_refused(tmp_path, content, message):
    path = tmp_path / "x.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message):
        read_file(path)


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_file(tmp_path / "nope.txt")


def test_front_matter_title_is_first_and_markup_is_gone():
    blocks = read_file(SEED_ZH).blocks
    assert blocks[0].kind == "title"
    assert blocks[0].text == "当好长三角更高质量一体化发展龙头（权威访谈）"
    assert blocks[1].text == "——访上海市委副书记、市长龚正"
    text = " ".join(b.text for b in blocks)
    assert "<" not in text and "style=" not in text and "动力源" in text


def test_page_chrome_is_dropped():
    text = " ".join(b.text for b in read_file(SEEDS / "004_1a64511fa196d808.txt").blocks)
    assert "新浪财经APP" not in text and "责任编辑" not in text and "appendQr" not in text
    assert "牛鼻子" in text


def test_script_style_and_comments_are_dropped():
    html = ("<p>第一段。</p><script>alert('x')</script><style>p{color:red}</style>"
            "<!-- 注释 --><p>第二段&amp;更多。</p>")
    assert [b.text for b in parse(html)] == ["第一段。", "第二段&更多。"]


def test_markdown_headings_and_items():
    blocks = parse("# 标题\n\n一段**文字**，见[链接](http://x)。\n\n- 条目一\n- 条目二\n", "markdown")
    assert [(b.kind, b.text) for b in blocks] == [
        ("heading", "标题"), ("paragraph", "一段文字，见链接。"), ("item", "条目一"), ("item", "条目二")]


def test_lines_keep_line_numbers():
    blocks = parse("甲。\n\n乙。\n", "lines")
    assert [b.text for b in blocks] == ["甲。", "", "乙。"]
