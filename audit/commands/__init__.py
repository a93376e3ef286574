"""The subcommands of ``provenance-audit``, one module each, imported only when run.

``audit.cli`` builds the argument parser (cheaply: no engine) and calls
``run(args)`` of the module named in :data:`audit.cli.COMMANDS`.
"""
