"""The theme's templates, compiled once per process for every build it runs.

MkDocs makes a new Jinja environment for every build, so every template of the theme (about
fifty, Material's and ours) is compiled again: a third of a second or more. ``mkdocs serve`` and
``iku serve`` build again in one process after every edit an editor saves, and those seconds
are what the editor waits for. The compiled code is kept here, in memory, for the process's
next build. Jinja2 uses an entry only for a template of the same name and file whose source has
the same checksum, so an edited template is compiled again. Nothing is written to disk: compiled
code read back from a folder would run as the build, whoever wrote it there.
"""

from __future__ import annotations

from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket


class CompiledTemplates(BytecodeCache):
    """Jinja2's compiled templates by bucket key, for the environments of one process's builds."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()

    def clear(self) -> None:
        self._code.clear()

    def get_bucket(self, environment: Environment, name: str, filename: str | None, source: str) -> Bucket:
        # Jinja2's, with the environment's setup in the key: the same for every build of one MkDocs,
        # named anyway, so that an environment set up otherwise (another syntax, other extensions)
        # compiles its own.
        key = f"{self.get_cache_key(name, filename)}|{_setup(environment)}"
        bucket = Bucket(environment, key, self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket


def _setup(environment: Environment) -> str:
    """What of an environment's setup its compiled templates depend on."""
    syntax = (environment.block_start_string, environment.variable_start_string, environment.comment_start_string)
    # autoescape may be a function: its name, not its address, so that equal setups give equal keys.
    escaping = getattr(environment.autoescape, "__qualname__", environment.autoescape)
    options = (environment.trim_blocks, environment.lstrip_blocks, environment.optimized, escaping)
    return repr((sorted(environment.extensions), syntax, options, environment.newline_sequence))


COMPILED = CompiledTemplates()
"""One for the whole process: it outlives the configuration and plugins MkDocs makes anew for each build."""
