"""The "模型结构 / Model structure" view: the stock-and-flow diagram and the documentation,
both drawn from the sectors' declarations (:mod:`model.diagram`, :mod:`model.document`)."""

from __future__ import annotations

import graphviz
import streamlit as st

from model.diagram import diagram, render
from model.document import markdown
from model.system import LOOPS, SECTORS

from .i18n import t


@st.cache_resource(max_entries=2, show_spinner=False)
def pictures(language: str) -> dict[str, bytes] | None:
    """The diagram as SVG and PNG (A3), drawn once per language; None without Graphviz."""
    try:
        return render(SECTORS, LOOPS, language)
    except graphviz.ExecutableNotFound:
        return None


@st.cache_data(max_entries=1, show_spinner=False)
def documentation(diagram_file: str | None = None) -> str:
    return markdown(SECTORS, LOOPS, diagram_file=diagram_file)


def structure_section(language: str) -> None:
    st.caption(t("structure_intro", language))
    drawn = pictures(language)
    if drawn is None:
        # No Graphviz on the server: the browser lays the same diagram out itself.
        st.info(t("structure_no_graphviz", language))
        st.graphviz_chart(diagram(SECTORS, LOOPS, language), width="stretch")
    else:
        # SVG: sharp at any zoom (the image's full-screen button shows it larger).
        st.image(drawn["svg"].decode(), width="stretch")
        left, middle, right = st.columns(3)
        left.download_button(t("download_svg", language), drawn["svg"], file_name="model.svg",
                             mime="image/svg+xml", key="structure_svg", on_click="ignore")
        middle.download_button(t("download_png", language), drawn["png"],
                               file_name="model.png", mime="image/png", key="structure_png",
                               on_click="ignore")
        right.download_button(t("download_md", language), lambda: documentation("model.svg"),
                              file_name="model.md", mime="text/markdown", key="structure_md",
                              on_click="ignore")
    with st.expander(t("structure_doc", language)):
        st.markdown(documentation())
