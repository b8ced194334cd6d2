"""``python benchmarks/queue.py``: 8 trainings asked for together, today's behaviour against the fair
training queue. The benchmark itself is ``training_queue.py``; this file only carries the name.

Being named ``queue``, this file stands in the standard library's ``queue`` for every script of this
folder (a script's folder comes first on ``sys.path``, and torch imports ``queue``). Imported under
that name, it hands the importer the standard library's module instead.
"""

import os
import sys

if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    sys.path[:] = [p for p in sys.path if os.path.abspath(p or ".") != here]  # `queue` is the stdlib's
    sys.path.insert(0, os.path.dirname(here))
    from benchmarks.training_queue import main

    main()
else:  # `import queue` from a sibling script: the standard library's module, not this file
    here = os.path.dirname(os.path.abspath(__file__))
    saved = sys.path[:]
    sys.path[:] = [p for p in sys.path if os.path.abspath(p or ".") != here]
    del sys.modules[__name__]
    try:
        import queue as _standard
    finally:
        sys.path[:] = saved
    sys.modules[__name__] = _standard
