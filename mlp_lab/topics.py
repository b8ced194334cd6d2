"""Every topic module, in chapter order: importing this registers all controls and all checks.

The command line, ``reproduce``, ``warm`` and the address-bar gate import it; the experiments
never do (they depend on the core only).
"""

from __future__ import annotations

import mlp_lab.activities  # noqa: F401 (registers every prediction and challenge)
from mlp_lab.experiments import activations, backprop, dropout, fitting, mlp, shift, stability, weight_decay

MODULES = (activations, mlp, fitting, weight_decay, dropout, backprop, stability, shift)
NAMES = tuple(m.__name__.rsplit(".", 1)[-1] for m in MODULES)
