"""What a saved page's markup names as furniture is no claim (tester T11's pages)."""

from __future__ import annotations

from app.core.article import Article
from app.core.claims import find_claims
from app.core.loaders import article_from_bytes, load_article
from app.core.roles import is_contact, is_rating
from tests.conftest import FIXTURES

STORY = ("<p>Measles cases in England have risen to their highest level in a decade, the "
         "health agency has said.</p><p>There were 2,911 laboratory-confirmed cases in 2024, "
         "compared with 368 in 2023.</p>")


def load(body: str) -> Article:
    page = f"<html><head><title>T</title></head><body><main><article>{body}{STORY}" \
           "</article></main></body></html>"
    return article_from_bytes(page.encode(), "html", "page.html")


def claims(article: Article) -> list[str]:
    return [article.text[c.start:c.end] for c in find_claims(article)]


def blocks(article: Article, kind: str) -> list[str]:
    return [article.text[b.start:b.end] for b in article.blocks if b.kind == kind]


def test_a_byline_of_touching_spans_is_a_meta_line_of_two_lines() -> None:
    article = load('<h1>Measles</h1><div data-component="byline-block"><span>Sarah Kemp</span>'
                   "<span>Health correspondent, BBC News</span></div>")
    assert "Sarah Kemp\u2028Health correspondent, BBC News" in blocks(article, "meta")
    assert not any("Kemp" in claim for claim in claims(article))
    assert "KempHealth" not in article.text


def test_touching_runs_outside_a_byline_get_a_space_but_code_stays_as_written() -> None:
    article = load('<div class="tags"><span>Vaccination</span><span>Measles</span></div>'
                   '<p>Run <code><span>python3.</span><em>Y</em></code> now. A drop '
                   '<span class="cap">M</span><span>easles</span> word.</p>')
    assert "Vaccination Measles" in article.text
    assert "python3.Y" in article.text and "Measles word" in article.text


def test_screen_reader_text_is_not_shown_but_a_hidden_heading_still_names_its_notes() -> None:
    article = load('<div class="nhsuk-inset-text"><span class="nhsuk-u-visually-hidden">'
                   "Information: </span><p>Everyone should consider taking vitamin D in "
                   "winter.</p></div>"
                   '<p>A claim.<sup><a href="#fn-1">1</a></sup></p>'
                   '<section><h2 class="sr-only">Footnotes</h2><ol><li id="fn-1">Smith J. '
                   "Vitamin D. BMJ. 2020;1:2.</li></ol></section>")
    assert "Information" not in article.text
    assert "Everyone should consider taking vitamin D in winter." in claims(article)
    assert "Footnotes" in blocks(article, "heading")
    assert not any("Smith" in claim for claim in claims(article))


def test_a_photo_credit_beside_the_caption_is_a_caption() -> None:
    article = load('<figure><img src="kid.jpg" alt="A child"><span>Getty Images</span>'
                   "<figcaption>The MMR vaccine is offered at one year.</figcaption></figure>"
                   '<p class="image-credit">Photo: Jane Roe</p>')
    assert {"Getty Images", "Photo: Jane Roe"} <= set(blocks(article, "caption"))
    assert not {"Getty Images", "Photo: Jane Roe"} & set(claims(article))


def test_an_embeds_consent_text_goes_and_the_embedded_post_stays() -> None:
    article = load('<div data-component="embed-block"><div><a href="#end">Skip twitter post'
                   '</a><blockquote class="twitter-tweet"><p>Measles is circulating. Book a '
                   "catch-up MMR today.</p></blockquote><p>Allow Twitter content? This article "
                   "contains content provided by Twitter.</p></div></div>")
    assert "Measles is circulating." in claims(article)
    assert "Twitter content" not in article.text and "Skip" not in article.text
    tweet = load('<blockquote class="twitter-tweet"><p>Measles is circulating.</p>&mdash; '
                 'UKHSA (@UKHSA) <a href="https://twitter.com/UKHSA/status/1">February 12, '
                 "2025</a></blockquote>")
    assert "— UKHSA (@UKHSA) February 12, 2025" in blocks(tweet, "meta")  # the post's signature


def test_a_bare_address_ending_an_embedded_post_is_its_attachment_not_a_claim() -> None:
    article = load('<div data-component="embed-block"><blockquote class="twitter-tweet"><p>'
                   'Measles is circulating. Book a catch-up MMR today. <a href="https://t.co/x">'
                   'pic.twitter.com/x1Yz</a></p><p>See <a href="https://t.co/y">bbc.in/3xYz</a> '
                   'for the figures.</p><p>Read <a href="https://t.co/z">the agency\'s advice'
                   "</a></p></blockquote></div>"
                   '<p>The advert ran as <a href="https://ads.example/p">ads.example/p</a></p>')
    found = claims(article)
    assert "pic.twitter.com" not in article.text
    assert "Book a catch-up MMR today." in found
    assert "See bbc.in/3xYz for the figures." in found  # inside the post's words: kept
    assert "Read the agency's advice" in found  # words, not an address
    assert "The advert ran as ads.example/p" in found  # not in an embed: kept


def test_a_sign_up_box_with_an_email_field_goes() -> None:
    article = load('<div class="box"><p>Sign up to our FREE newsletter!</p>'
                   '<input type="email"><button>Sign up</button><p>We use your sign-up to '
                   "send you adverts.</p></div>")
    assert "Sign up" not in article.text and "adverts" not in article.text


def test_price_and_rating_lines_are_meta_and_an_inline_price_stays_in_its_sentence() -> None:
    article = load('<p class="price">£18.99 <s>£24.99</s> <span class="badge">SAVE 24%</span>'
                   '</p><div class="product-rating">4.8 (1,204 reviews)</div>'
                   '<p>Now only <span class="price">£9.99</span> for a week.</p>'
                   '<span itemprop="author">Kelly Brash</span>')
    assert "£18.99 £24.99 SAVE 24%" in blocks(article, "meta")
    assert "4.8 (1,204 reviews)" in blocks(article, "meta")
    assert "Now only £9.99 for a week." in claims(article)


def test_contact_lines_and_star_ratings_are_meta() -> None:
    article = load("<h3>Media Contact</h3><p>Jamie Lee<br>press@vitanova.example.com<br>"
                   "+1 512-555-0143</p><p>★★★★☆ <strong>Good but big capsules</strong></p>"
                   "<p>Works well for sleep.<br>Highly recommend!</p>")
    assert not any("Jamie" in claim or "★" in claim for claim in claims(article))
    assert "Works well for sleep." in claims(article)
    assert is_contact("Jane Doe\u2028Tel: 020 7946 0958")
    assert is_contact("Acme Ltd\u2028www.acme.example")
    assert not is_contact("Call us on 0800 123 456.\u2028We answer every day.")
    assert not is_contact("Roses are red\u2028Violets are blue")
    assert is_rating("★★★★★ Life changing") and not is_rating("★ marks a new entry below.")


def test_a_shops_other_products_are_furniture() -> None:
    article = load('<section class="upsell"><h2>You may also like</h2><ul><li>Zinc + Copper '
                   "– £7.99</li></ul></section>")
    assert "Zinc" not in article.text


def test_tester_t11_pages_keep_every_sentence_and_lose_the_furniture() -> None:
    article = load_article(FIXTURES / "pages" / "t11-furniture.html")
    found = claims(article)
    for furniture in ("KempHealth", "Getty", "Twitter", "Information", "£", "★", "Jamie Lee",
                      "press@", "newsletter", "PRWire", "pic.twitter.com"):
        assert not any(furniture in claim for claim in found), furniture
    assert found == [line for line in (FIXTURES / "pages" / "t11-furniture.claims.txt")
                     .read_text(encoding="utf-8").splitlines() if line]


def test_a_heading_named_author_stays_a_heading() -> None:
    article = load('<h1>Users and Groups</h1><h3 class="author">Joey Hess</h3>')
    assert "Joey Hess" in blocks(article, "heading")
