"""Exporters: one module per format, all from the same :class:`ExportModel`."""

from collections.abc import Callable

from app.core.export.model import ExportItem, ExportModel, build_export_model

FORMATS = ("md", "csv", "html", "pdf", "jsonld", "claimreview")
SUFFIXES = {"md": ".md", "csv": ".csv", "html": ".html", "pdf": ".pdf", "jsonld": ".jsonld",
            "claimreview": ".claimreview.json"}

__all__ = ["FORMATS", "SUFFIXES", "ExportItem", "ExportModel",
           "build_export_model", "export_text", "left_out", "save_text_export"]


def left_out(model: ExportModel, fmt: str) -> str:
    """Which notes the export in ``fmt`` leaves out and why, as a phrase ("" if
    none): the command line and the window say it. Only ClaimReview leaves any
    out; every other format lists lost notes apart."""
    if fmt != "claimreview":
        return ""
    from app.core.export.claimreview import left_out as reviews_left_out

    return reviews_left_out(model)


def save_text_export(model: ExportModel, fmt: str, path: str,
                     make_way: Callable[[], None] | None = None) -> None:
    """Write a text export to ``path`` (CSV with a BOM, which spreadsheets want),
    atomically: a failed write leaves the previous export whole. ``make_way``:
    see :func:`export_text`."""
    from pathlib import Path

    from app.core.storage import write_atomic

    encoding = "utf-8-sig" if fmt == "csv" else "utf-8"
    write_atomic(Path(path), export_text(model, fmt, make_way).encode(encoding),
                 keep_backup=False)


def export_text(model: ExportModel, fmt: str,
                make_way: Callable[[], None] | None = None) -> str:
    """The export of ``model`` as text, for every format but pdf. ``make_way``
    is called between notes where writing one lets go of the interpreter
    (HTML; ``core/make_way.py``): a worker thread's way of letting the window in."""
    if fmt == "md":
        from app.core.export.markdown_export import to_markdown
        return to_markdown(model)
    if fmt == "csv":
        from app.core.export.csv_export import to_csv
        return to_csv(model)
    if fmt == "html":
        from app.core.export.html_export import to_html
        return to_html(model) if make_way is None else to_html(model, make_way)
    if fmt == "jsonld":
        from app.core.export.jsonld_export import to_jsonld_text
        return to_jsonld_text(model)
    if fmt == "claimreview":
        from app.core.export.claimreview import to_claimreview_text
        return to_claimreview_text(model)
    raise ValueError(f"no text export for {fmt!r}")
