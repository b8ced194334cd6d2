"""One module per chapter section: pure functions, config dataclass in, result dataclass out.

No streamlit and no printing here: a notebook, the CLI and the pages all call the same code.
"""
