"""The only package that imports streamlit: i18n, widgets from the control declarations, the page
side of the cached path, charts, shared views.

Conventions (read before adding a page that computes something):
- Controls: declared once on a frozen settings dataclass in ``mlp_lab.experiments`` with
  ``mlp_lab.controls.control``; a page places them with ``controls.form(Settings, layout)``.
- Results: ``runner.cached(fn, settings)`` is the one way to compute something worth sharing. It
  goes through ``mlp_lab.store.cached``: the process-wide ``ResultStore`` (memory, then the disk
  cache), and on a miss the key's lock, a second look, the computation *outside* any st.cache
  function (so live progress widgets are allowed), and the store. Users asking for the same key
  meanwhile wait on the lock and then read the result: N users, one computation.
- Keys are (the function's name, the frozen settings): settings classes live in ``mlp_lab``, never
  in a page (a class defined in a page script is new on every rerun and never matches).
- Store immutable results (histories, ``state_dict`` tensors, arrays), never a live module that
  a page might call ``.train()`` on: the object is shared by every user.
- Training with live curves goes through ``train_panel.training_panel(config)``: it adds the
  progress bar, the redrawn curves and the Stop button, and caches only complete runs.
- Anything that takes long enough to ask first goes behind ``runner.gate``; lazy tabs use
  ``runner.lazy_tabs``. Both open by themselves during ``python -m mlp_lab warm``.
"""
