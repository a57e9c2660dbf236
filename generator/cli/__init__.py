"""The command line: the ``iku`` command, its reports and ``iku new``. Imports every group below it."""
