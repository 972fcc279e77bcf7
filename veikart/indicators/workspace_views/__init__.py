"""The indicator pages of the workspace (``/forvaltning/indikatorer/``), by concept.

``indicators``: the strategy office's list, an indicator's page, its definition and publication,
and the owner editors' "our indicators"; ``targets``: baselines and targets; ``dimensions``:
breakdown dimensions and their values. Who may do what is in ``veikart.accounts.permissions``.
"""
