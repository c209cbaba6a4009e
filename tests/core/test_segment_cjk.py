"""Chinese and Japanese text is split at its full-width sentence enders (。！？)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.segment import split_sentences


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Natsume Sōseki, "I Am a Cat" (1905), its opening lines.
        ("吾輩は猫である。名前はまだ無い。どこで生れたかとんと見当がつかぬ。",
         ["吾輩は猫である。", "名前はまだ無い。", "どこで生れたかとんと見当がつかぬ。"]),
        ("这是第一句。这是第二句！这是第三句吗？",
         ["这是第一句。", "这是第二句！", "这是第三句吗？"]),
        # Closing quotes and brackets after the ender stay with the sentence.
        ("彼は言った。「行こう。」そして出かけた。",
         ["彼は言った。", "「行こう。」", "そして出かけた。"]),
        ("他说：“好的。”然后离开了。", ["他说：“好的。”", "然后离开了。"]),
        ("効果は小さかった（図１を参照。）次に考察する。",
         ["効果は小さかった（図１を参照。）", "次に考察する。"]),
        # A quotation followed by the quotative particle と/って is inside its sentence.
        ("「本当ですか？」と彼は聞いた。「いいえ！」って答えた。",
         ["「本当ですか？」と彼は聞いた。", "「いいえ！」って答えた。"]),
        # Enders inside a quotation that closes later do not end the sentence.
        ("「はい。そうです。」彼は答えた。", ["「はい。そうです。」", "彼は答えた。"]),
        ("彼は『まだ。まだだ。』と言った。", ["彼は『まだ。まだだ。』と言った。"]),
        ("「彼は『まだ。』と言った。そして去った。」と書いてある。",
         ["「彼は『まだ。』と言った。そして去った。」と書いてある。"]),
        # An opening bracket that never closes does not swallow the rest.
        ("「引用の始まり。次の文。最後の文。", ["「引用の始まり。", "次の文。", "最後の文。"]),
        # Repeated enders, full-width spaces, the half-width ideographic full stop.
        ("本当？！うそでしょう。　次の文です｡終わり",
         ["本当？！", "うそでしょう。", "次の文です｡", "終わり"]),
        # The full-width full stop of Japanese technical writing, but not in a number.
        ("値は３．５であった．次に示す．", ["値は３．５であった．", "次に示す．"]),
        # A citation marker after the ender belongs to the sentence before it.
        ("日本の首都は東京である。[1]人口は多い。",
         ["日本の首都は東京である。[1]", "人口は多い。"]),
        # Mixed with English.
        ("This is English. 日本語の文です。もう一つ。",
         ["This is English.", "日本語の文です。", "もう一つ。"]),
        # A URL glued to Japanese text ends at the full-width punctuation.
        ("詳細は https://example.jp/docs を参照。次の文。",
         ["詳細は https://example.jp/docs を参照。", "次の文。"]),
        ("詳細はhttps://example.jp/docsを参照。次の文。",
         ["詳細はhttps://example.jp/docsを参照。", "次の文。"]),
        ("詳細は https://example.jp/docsを参照。次の文。",
         ["詳細は https://example.jp/docsを参照。", "次の文。"]),
    ],
)
def test_full_width_enders_end_sentences(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


CJK_WORDS = st.text(alphabet=st.sampled_from(list("吾輩猫名前無見当這是第一句他说好的然后離開了")
                                            + ["は", "で", "あ", "る", "か", "ワ", "ン"]),
                    min_size=1, max_size=12)
ENDERS = st.sampled_from(["。", "！", "？", "？！", "｡", "。」", "！」", "？”"])
SEPARATORS = st.sampled_from(["", " ", "　"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(CJK_WORDS, ENDERS), min_size=1, max_size=8), SEPARATORS)
def test_unquoted_cjk_sentences_come_back_as_written(
        parts: list[tuple[str, str]], separator: str) -> None:
    """Sentences of CJK words, each closed by an ender (and maybe a stray
    closing quote), joined with or without spaces, split back exactly."""
    written = [word + ender for word, ender in parts]
    text = separator.join(written)
    assert sentences(text) == written


MIXED = st.lists(st.sampled_from(
    list("吾輩猫はでるワ。！？｡．「」『』（）“”’ 　") + ["a", "B", ".", "!", "?", "3", "３",
                                                  "http://x.jp/", "と", "って", "[1]"]),
    max_size=80).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(CJK_WORDS, ENDERS), min_size=1, max_size=5),
       st.sampled_from(["と言った。", "って。"]))
def test_a_quotation_before_a_quotative_particle_stays_whole(
        parts: list[tuple[str, str]], particle: str) -> None:
    quoted = "「" + "".join(word + ender.rstrip("」”") for word, ender in parts) + "」"
    text = "彼は" + quoted + particle
    assert sentences(text) == [text]


@settings(max_examples=400, deadline=None)
@given(MIXED)
def test_spans_on_cjk_text_are_ordered_trimmed_and_cover_all_text(text: str) -> None:
    spans = split_sentences(text)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        assert text[previous_end:start].strip() == ""
        previous_end = end
    assert text[previous_end:].strip() == ""
