"""The MkDocs plugin: generation runs inside ``mkdocs build`` and ``mkdocs serve``.

Generated pages are handed to MkDocs as in-memory files, so the Markdown never
lands in the working tree and cannot be committed by mistake.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from .build import generate
from .errors import IkuError
from .formulas import katex_dist

KATEX_ASSETS = "assets/katex"


class IkuPluginConfig(base.Config):
    content_dir = c.Dir(exists=True, default="content")
    """The folder holding ``wilayah.yml``, ``regulasi.yml`` and ``dokumen/``."""


class IkuPlugin(BasePlugin[IkuPluginConfig]):
    """Generates every portal page from ``content/`` and serves KaTeX's assets."""

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        stylesheet = f"{KATEX_ASSETS}/katex.min.css"
        if stylesheet not in config.extra_css:
            config.extra_css.insert(0, stylesheet)
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        try:
            pages = generate(Path(self.config.content_dir), config.site_name)
            dist = katex_dist()
        except IkuError as error:
            raise PluginError(str(error)) from None
        for path, markdown in pages.items():
            if files.get_file_from_path(path) is not None:
                raise PluginError(f"{path} dibuat dari konten, tetapi juga ada di docs_dir; hapus salah satunya")
            files.append(File.generated(config, path, content=markdown))
        for asset in sorted([dist / "katex.min.css", *(dist / "fonts").iterdir()]):
            uri = f"{KATEX_ASSETS}/{asset.relative_to(dist).as_posix()}"
            files.append(File.generated(config, uri, abs_src_path=str(asset)))
        return files

    def on_serve(self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
        server.watch(self.config.content_dir)
        return server
