"""MLP Lab: the library behind the explorable chapter on multilayer perceptrons.

Layers (data flows one way): pages -> mlp_lab.ui -> mlp_lab.experiments -> core
(data, models, training, device, reproduce). Only ``mlp_lab.ui`` imports streamlit.
"""

__version__ = "0.1.0"
