"""Per-document stages, one entry per stage registered in ``dateline.pipeline``.

Each stage exposes ``run(doc, settings)`` (and pure helpers); a stage with helpers is a package
named after it (``clean``, ``extract``, ``entities``, ``quotes``, ``events``) whose ``__init__``
says what it reads, adds and holds. Helpers several stages share are in ``dateline.common``;
no stage imports another stage's modules.
"""
