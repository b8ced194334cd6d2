"""The predictions and challenges of every section, one module per topic page (``mlp_lab.learn``
declares the kinds). Importing this package registers them all; a page places them by id."""

from __future__ import annotations

from mlp_lab.activities import activations, backprop, dropout, fitting, mlp, shift, stability, weight_decay

MODULES = (activations, mlp, fitting, weight_decay, dropout, backprop, stability, shift)
