"""A throwaway page for tests/test_controls.py: one declared control placed with one line."""

import streamlit as st

from mlp_lab.ui.controls import form
from mlp_lab.ui.runner import cached
from tests.test_controls import DemoSettings, square

settings = form(DemoSettings, ["k"])  # the one line that places the new control
st.write(f"square: {cached(square, settings)}")
