"""The text of the PDFs the tests make (see pdf_factory.py)."""

from __future__ import annotations

from tests.pdf_factory import Item, Paper

TITLE = "Oral Magnesium Supplementation and Peripheral Neuropathy: A Randomised Trial"
META = (
    "Anna K. Lindqvist, Rafael Ortega-Mendez and Hye-jin Park",
    "Department of Clinical Nutrition, University of Uppsala, Sweden",
    "Received 3 March 2024; accepted 28 May 2024",
)
RUNNING_HEAD = "Lindqvist et al. Magnesium and neuropathy"
FOOTNOTE = "Corresponding author: a.lindqvist@example.org. Trial registration NCT01234567."

INTRO = [
    "Peripheral neuropathy affects roughly one in four adults with long-standing diabetes, and "
    "its burning pain and numbness reduce quality of life considerably. Magnesium takes part in "
    "more than three hundred enzymatic reactions, including those that keep nerve conduction "
    "and glucose metabolism in balance. Observational studies have repeatedly associated low "
    "serum magnesium with more severe neuropathic symptoms in patients with type 2 diabetes.",
    "Whether supplementation changes the course of the disease is less clear. Two earlier trials "
    "were small, short and unblinded, and their evidence-based recommendations were accordingly "
    "cautious. We therefore conducted a double-blind, placebo-controlled trial of oral magnesium "
    "citrate in adults with painful diabetic neuropathy, with nerve conduction velocity as the "
    "primary outcome and patient-reported pain as a secondary outcome.",
]
METHODS = [
    "We enrolled 212 adults aged 40 to 75 years with type 2 diabetes and symptomatic "
    "neuropathy confirmed by a neurologist. Participants were randomly assigned to 300 mg of "
    "elemental magnesium daily or a matching placebo for twenty-four weeks. Randomisation was "
    "stratified by baseline serum magnesium and concealed from investigators and participants.",
    "Nerve conduction studies of the sural and peroneal nerves were performed at baseline and "
    "at the end of treatment by technicians unaware of the assignment. Pain was rated weekly on "
    "an eleven-point numerical scale. Adherence was estimated by counting returned capsules, and "
    "adverse events were recorded at every visit. The analysis followed the intention-to-treat "
    "principle with multiple imputation for missing outcomes.",
]
RESULTS = [
    "Of the participants randomised, 197 completed the trial. Sural nerve conduction velocity "
    "improved by 2.1 metres per second in the magnesium group and by 0.4 metres per second in "
    "the placebo group, a difference that was statistically significant. Mean pain scores fell "
    "from 6.2 to 4.9 with magnesium and from 6.1 to 5.6 with placebo.",
    "Gastrointestinal complaints, mostly loose stools, were more common with magnesium than with "
    "placebo, but few participants stopped treatment because of them. No serious adverse event "
    "was judged to be related to the study medication. Serum magnesium rose modestly in the "
    "treated group and remained within the normal range throughout the study.",
]
DISCUSSION = [
    "In this trial, magnesium citrate produced a small improvement in nerve conduction and a "
    "moderate reduction in pain compared with placebo. The effect on pain may partly reflect "
    "better glycaemic control, which we did not measure in detail. These findings are consistent "
    "with experimental work suggesting that magnesium protects nerves against oxidative "
    "damage, although the mechanism in humans remains uncertain.",
    "Our study has limitations. Twenty-four weeks is short for a disease that progresses over "
    "years, and the population was drawn from a single region with a relatively homogeneous "
    "diet. Larger and longer trials are needed before routine supplementation can be "
    "recommended to every patient with diabetic neuropathy.",
]
CONCLUSIONS = [
    "Magnesium citrate is inexpensive, widely available and well tolerated, which makes it an "
    "attractive adjunct for patients whose pain responds poorly to first-line drugs. Clinicians "
    "should nevertheless check kidney function before recommending it, since impaired excretion "
    "can lead to accumulation. Self-medication with high-dose over-the-counter products is not "
    "advisable without medical supervision.",
    "Future trials should enrol patients with a wider range of baseline magnesium status, follow "
    "them for at least a year and measure long-term outcomes such as foot ulcers and falls. "
    "Mechanistic studies that combine nerve biopsies with measures of oxidative stress would help "
    "to explain how a mineral supplement could alter the function of damaged peripheral nerves. "
    "Until such evidence is available, supplementation remains an option to discuss with "
    "patients rather than a standard treatment. A second double-blind study with a "
    "patient-reported primary outcome is under way.",
]
CAPTION = "Table 1. Change from baseline at twenty-four weeks (means)."
TABLE = (("Outcome", "Magnesium", "Placebo"),
         ("Sural NCV (m/s)", "+2.1", "+0.4"),
         ("Pain score", "-1.3", "-0.5"))
REFERENCES = [
    "1. Feldman EL, Callaghan BC, Pop-Busui R, et al. Diabetic neuropathy. Nat Rev Dis "
    "Primers. 2019;5:41.",
    "2. Pham PC, Pham PM, Pham SV, et al. Hypomagnesemia in patients with type 2 diabetes. "
    "Clin J Am Soc Nephrol. 2007;2:366-373.",
    "3. de Leeuw I, Engelen W, De Block C, Van Gaal L. Long term magnesium supplementation "
    "influences metabolic control in type 1 diabetic patients. Magnes Res. 2004;17:109-114.",
]


BODY = INTRO + METHODS + RESULTS + DISCUSSION + CONCLUSIONS


def health_paper(**changes: object) -> Paper:
    """A two-column paper with a title block, footnote, table, caption and references."""
    flow = [Item("heading", "1 Introduction"), *(Item("para", p) for p in INTRO),
            Item("heading", "2 Methods"), *(Item("para", p) for p in METHODS),
            Item("heading", "3 Results"), *(Item("para", p) for p in RESULTS),
            Item("caption", CAPTION), Item("table", rows=TABLE),
            Item("heading", "4 Discussion"), *(Item("para", p) for p in DISCUSSION),
            Item("heading", "5 Conclusions"), *(Item("para", p) for p in CONCLUSIONS),
            Item("heading", "References"), *(Item("reference", r) for r in REFERENCES)]
    paper = Paper(TITLE, META, flow, RUNNING_HEAD, FOOTNOTE)
    for key, value in changes.items():
        setattr(paper, key, value)
    return paper


def long_paper(sections: int) -> Paper:
    """A book-length paper: the same sections again and again (about 1.4 pages each)."""
    flow: list[Item] = []
    for n in range(sections):
        flow.append(Item("heading", f"{n + 1} Part {n + 1}"))
        flow += [Item("para", p) for p in INTRO + METHODS + RESULTS + DISCUSSION]
    return Paper(TITLE, META, flow, RUNNING_HEAD, FOOTNOTE)


def all_sentences_text() -> str:
    """Every body paragraph joined: what the reader must find, in order."""
    return " ".join(BODY)
