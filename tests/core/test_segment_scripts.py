"""Arabic and Devanagari sentence ends (tester T15's F4, art/scripts.txt)."""

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
        ("هل العسل مفيد؟ نعم، قد يكون مفيدًا. اشترِ الآن!",
         ["هل العسل مفيد؟", "نعم، قد يكون مفيدًا.", "اشترِ الآن!"]),
        ("हल्दी स्वास्थ्य के लिए अच्छी है। यह सूजन कम कर सकती है। अभी खरीदें!",
         ["हल्दी स्वास्थ्य के लिए अच्छी है।", "यह सूजन कम कर सकती है।", "अभी खरीदें!"]),
        ("یہ شہد ہے۔ یہ میٹھا ہے۔", ["یہ شہد ہے۔", "یہ میٹھا ہے۔"]),
        ("धर्मक्षेत्रे कुरुक्षेत्रे॥ सञ्जय उवाच।", ["धर्मक्षेत्रे कुरुक्षेत्रे॥", "सञ्जय उवाच।"]),
        ("قال «هل هو مفيد؟» ثم سكت.", ["قال «هل هو مفيد؟»", "ثم سكت."]),
    ],
)
def test_arabic_and_devanagari_stops_end_sentences(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize("title", ["د.", "أ.", "أ.د.", "ب."])
def test_an_arabic_title_before_a_name_ends_nothing(title: str) -> None:
    text = f"بقلم {title} أحمد علي. العسل مفيد."
    assert sentences(text) == [f"بقلم {title} أحمد علي.", "العسل مفيد."]


WORDS = st.sampled_from(["العسل", "مفيد", "हल्दी", "है", "شہد", "जल"])
ENDERS = st.sampled_from(["؟", "۔", "।", "॥", ".", "!"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.lists(WORDS, min_size=1, max_size=4), ENDERS), min_size=1,
                max_size=6))
def test_each_stop_ends_one_sentence(parts: list[tuple[list[str], str]]) -> None:
    text = " ".join(" ".join(words) + ender for words, ender in parts)
    assert len(sentences(text)) == len(parts), text
