"""Write ``resources/segmentation/abbreviations_{fr,it,pt,nl}.txt`` and
``everyday_{fr,it,pt,nl}.txt`` (session 16, G16; docs/decisions.md).

The abbreviations are the union of Unicode CLDR/ICU's sentence-break
exceptions (icu4c/source/data/brkitr/{fr,it,pt}.txt, Unicode licence; there is
none for Dutch), pySBD 0.3.4's lists (pysbd/lang/{french,italian,dutch}.py,
MIT; none for Portuguese) and, for Portuguese, spaCy's tokenizer exceptions
(spacy/lang/pt/tokenizer_exceptions.py, MIT). Taken out: single words that are
everyday words of the language — in Debian's word list (wfrench, witalian,
wportuguese, wdutch) — except those kept by hand below as never a sentence's
last word, and, from pySBD's Italian list, its acronyms ("Istat", "BBC"): a
single word is kept only if it starts a longer Italian word (a truncation:
"dott", "avv").

``everyday_xx.txt`` lists the abbreviations of nupunkt's English model that are
words of the language (three letters or more, in the word list, not in our
list, months and a few true abbreviations kept): ``punkt_model`` takes them out
of the model for an article in that language ("… le mot." ends a sentence).

Run: ``apt-get install wfrench witalian wportuguese wdutch`` and
``.venv/bin/python bench/segmentation/make_language_abbreviations.py`` (pySBD
from ``pip install '.[bench]'``).
"""

from __future__ import annotations

from pathlib import Path

from pysbd.lang.dutch import Dutch
from pysbd.lang.french import French
from pysbd.lang.italian import Italian

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "resources" / "segmentation"
# CLDR/ICU's lists as published (a space parts entries; "|" joins an entry's words).
CLDR = {
    "fr": "aux. config. collab. M. dim. imprim. oct. syst. bull. MM. doc. P.O. hôp. Mart. juil. "
          "broch. adr. symb. C. anc. voit. Jr. graph. dir. éd. fig. édit. niv. quart. cam. éval. "
          "anon. réf. Comm. Prof. févr. indus. DC. équiv. illustr. acoust. nov. L. All. U.S. "
          "S.M.A.R.T. sept. avr. jeu. dest. P.-D.|G. ill. coll. encycl. mer. Desc. ven. P. lun. "
          "Inc. sam. D. append. Var. categ. janv. S.A. imm. U.S.A. mar. exempl. déc. ann. U. "
          "synth. dict. av.|J.-C. W. Op. ap.|J.-C. gouv. trav.|publ.",
    "it": "N.B. div. a.C. fig. d.p.R. c.c.p. Geom. O.d.G. S.p.A. ver. N.d.A. dott. arch. d.C. "
          "N.d.T. rag. Sig. pag. dr. N.d.E. mitt. Ing. vol. on. C.P. ag. int. p.i. tab. all. sez. "
          "avv. tav. p.",
    "pt": "psicol. fig. compl. rep. cap. doc. fisiol. dipl. astron. port. eletrôn. geom. mov. "
          "ago. trad. arquit. dez. ed. apt. Exmo. col. ff. univ. res. R. transp. D.C l. des. fev. "
          "abr. liter. lat. Dir. cf. adm. fot. p.m. P.M. créd. jur. com. anat. dir. end. fís. E. "
          "Est. cont. matem. Drs. gên. neol. pág. índ. Ltda. Exma. esp. ingl. tecnol. Mar. símb. "
          "Pe. pal. filos. V.T. fasc. vs. mai. S.A. profa. N.Sra. r.s.v.p. cel. mat. abrev. out. "
          "long. aux. arit. aer. jul. lin. S. méd. odontol. org. A.C. jun. déb. Av. álg. sup. fl. "
          "odont. caps. relat. organiz. hist. Fr. Ilmo. fem. ap. Ltd. pol. séc. prof. cx. nov. "
          "quím. mús. agric. mar. W.C. fr. cat. jan. pron. rel. autom. Sta. Dra. p. tel. div. "
          "p.|ex. a.C. bras. Alm. Dr. comp. pq. arqueol. náut. biogr. f. círc. fac. d.C. apart. "
          "ex. Jr. set. tec. sociol. gram. ind. Ilma. vol. eng. rod. Ph.D. Dras. pp. elem. máq. "
          "cód. eletr. prod. ref. fil. a.m. A.M obs. N.T. contab. Sto. lit. educ. rementente "
          "desc. próx.",
}
SPACY_PT = ("Adm. Art. art. Av. av. Cia. dom. Dr. dr. e.g. ed. eng. etc. Fund. Gen. Gov. i.e. "
            "Inc. Jr. Ltd. Mr. p.m. Ph.D. Rep. Rev. Sen. Sr. sr. Sra. sra. vs. tel. pág. pag.")
PYSBD = {"fr": French.Abbreviation.ABBREVIATIONS, "it": Italian.Abbreviation.ABBREVIATIONS,
         "nl": Dutch.Abbreviation.ABBREVIATIONS, "pt": SPACY_PT.split()}
NAMES = {"fr": "French", "it": "Italian", "pt": "Portuguese", "nl": "Dutch"}
WORD_LISTS = {"fr": "french", "it": "italian", "pt": "portuguese", "nl": "dutch"}
# Words of the word list kept: never a sentence's last word (single letters are initials).
KEEP = {
    "fr": "c d g l m p u w ca ex aux prof mm inc append indus déc édit pl mar",
    "pt": "dr dra dras pp prof pág sta séc vs eng matem filos fac fig fil cap com e ex sr sra etc",
    "it": "",
    "nl": "b c d e f g i j k l m n o p r s t u v w z ii adv alg bijl br bs bv bw ca ex ing int "
          "jur lat lit max min mr ms mv nr nt pg pk pol pr pres prof red rep res ss st stat vs "
          "vw ww vo vr",
}
# Not in the word list but ending sentences: a département, a typo of CLDR's, a stray
# ordinal; Italian acronyms and loanwords that pass the truncation test.
DROP = {
    "fr": "var", "pt": "rementente", "nl": "3e",
    "it": "bar pop top set vip url usb iron urban nasa fiat vaio led gel pen are can ram rom "
          "tim eni aci abi sismi credem cisal rina simo bic arci anci agis cai",
}
# nupunkt's abbreviations that stay although the word list holds them.
STAY = {"nl": "apr aug dec feb jan jul jun nov sep sept art ref rel obs dept dep eds imp pref lic "
              "loc ind typ mar maj", "pt": "etc", "fr": "", "it": ""}


def parts(entry: str) -> list[str]:
    """An entry's words, lower case, without their final stop."""
    out = []
    for piece in entry.replace("|", " ").split():
        piece = piece.strip().rstrip(".").lower()
        if piece and not any(char in piece for char in "()'’\"/&®!²³@°µ"):
            out.append(piece)
    return out


def words_of(code: str) -> set[str]:
    path = Path("/usr/share/dict") / WORD_LISTS[code]
    return {line.strip().lower() for line in path.read_text(encoding="utf-8", errors="ignore")
            .splitlines()}


def abbreviations(code: str, words: set[str]) -> tuple[list[str], list[str]]:
    cldr = {part for entry in CLDR.get(code, "").split() for part in parts(entry)}
    listed = cldr | {part for entry in PYSBD[code] for part in parts(entry)}
    keep, drop = set(KEEP[code].split()), set(DROP[code].split())
    out = {word for word in listed
           if ("." not in word and word in words and word not in keep) or word in drop}
    if code == "it":
        starts = {word[:n] for word in words for n in range(2, min(len(word), 8))}
        out |= {word for word in listed if "." not in word and word not in cldr
                and len(word) > 1 and word not in starts}
    return sorted(listed - out), sorted(out)


def main() -> None:
    import nupunkt

    english = {word for word in nupunkt.load_default_model().abbreviations
               if "." not in word and word.isalpha() and len(word) >= 3}
    for code, name in NAMES.items():
        words = words_of(code)
        kept, out = abbreviations(code, words)
        everyday = sorted(word for word in english if word in words and word not in kept
                          and word not in STAY[code].split())
        (OUT / f"abbreviations_{code}.txt").write_text(
            f"# {name} abbreviations for Punkt, used when an article is clearly in {name}\n"
            "# (app/core/punkt_model.py). Made by bench/segmentation/make_language_abbreviations.py"
            "\n# (sources and filters there). Session 16, G16.\n" + "\n".join(kept) + "\n",
            encoding="utf-8")
        (OUT / f"everyday_{code}.txt").write_text(
            f"# nupunkt's English abbreviations that are everyday {name} words, taken out of the\n"
            f"# model for a {name} article. Made by bench/segmentation/"
            "make_language_abbreviations.py.\n" + "\n".join(everyday) + "\n", encoding="utf-8")
        print(f"{code}: {len(kept)} abbreviations, {len(out)} left out, {len(everyday)} everyday")


if __name__ == "__main__":
    main()
