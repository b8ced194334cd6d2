"""The only package that imports streamlit: i18n, cached runners, charts, shared widgets.

Caching convention (read before adding a page that computes something):
- Results are keyed by a frozen config dataclass defined in ``mlp_lab`` (never in a page:
  a class defined in a page script is new on every rerun and never matches).
- ``runner.cached_run(key, compute)`` is the one way to compute something worth sharing:
  it looks the key up in the process-wide ``ResultStore`` (held by ``st.cache_resource``),
  and on a miss takes the key's lock, looks again, computes *outside* any st.cache function
  (so live progress widgets are allowed) and stores the result. Users asking for the same key
  meanwhile wait on the lock and then read the result: N users, one computation.
- Store immutable results (histories, ``state_dict`` tensors, arrays), never a live module that
  a page might call ``.train()`` on: the object is shared by every user.
- Training with live curves goes through ``train_panel.training_panel(config)``: it adds the
  progress bar, the redrawn curves and the Stop button, and caches only complete runs.
- Cheap pure functions (milliseconds) may use ``st.cache_data`` directly.
"""
