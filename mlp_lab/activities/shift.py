"""Predictions and challenges of the shift page (declared in ``mlp_lab.learn``'s terms)."""

from __future__ import annotations
