"""``python -m generator.cli``: the ``iku`` command without its installed script."""

from .commands import main

raise SystemExit(main())
