"""The MkDocs plugin: generation runs inside ``mkdocs build`` and ``mkdocs serve``.

Generated pages are handed to MkDocs as in-memory files, so the Markdown never
lands in the working tree and cannot be committed by mistake.

Two builds of one commit are byte-identical: every page's date (the sitemap's
``<lastmod>`` and the mtime in ``sitemap.xml.gz``) comes from git history, never
from the clock.
"""

from __future__ import annotations

import dataclasses
import datetime
import logging
import os
import re
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from ..content.addresses import PAGE_SIZE
from ..content.errors import ContentError, IkuError
from ..content.formulas import end_worker, katex_dist
from ..content.load import preview_reads, preview_scope, symlink_within
from ..content.provenance import last_commit_date
from ..pages.comparison import SPELLING
from ..pages.licence import licence_notice
from ..pages.render import PageSet
from ..pages.view import everything
from .build import Output, generate
from .compiled_templates import COMPILED
from .folders import Folders
from .markdown_formulas import formula_problems
from .minify import minified
from .page_cache import (
    CACHE_DIR,
    INDEX_DIR,
    INDEX_REUSED,
    PAGES_DIR,
    RECORD_VARIABLE,
    PageCache,
    global_fingerprint,
    linked_files,
    page_key,
    search_index_kept,
    write_record,
)
from .page_check import markdown_leftover
from .rendered_once import RenderedOnce
from .search_index import BackgroundIndex, build_search_index, marks_body
from .shards import COMMON, checked_shards, in_shards, prune_to_shards, shard_names

KATEX_ASSETS = "assets/katex"
LITERAL_EXTENSION = "generator.pages.markdown_literal"
HTML_BLOCK_EXTENSION = "generator.pages.markdown_html"
FORMULA_EXTENSION = "generator.publishing.markdown_formulas"
SPELLING_EXTENSION = "generator.publishing.markdown_spelling"
REPO_URL_PLACEHOLDER = "{{ repo_url }}"
LOG = get_plugin_logger(__name__)
BUILD_SCOPE = ("wilayah", "shard")
"""Options that choose which pages a build writes, not what a page says."""
EXCLUDED_LINK = re.compile(r"contains a link to '(.+)' which is excluded from the built site\.$")
HELD_LEVEL = 1
"""zlib's level for a page's HTML held until it is written: the fastest; HTML shrinks about fivefold anyway."""
UNDATED = "1970-01-01"
"""A page's date when nothing is known: theme/sitemap.xml leaves its ``<lastmod>`` out, and
the gzip mtime becomes 0, which gzip defines as "no time stamp"."""


class IkuPluginConfig(base.Config):
    content_dir = c.Dir(exists=True, default="content")
    """The folder holding ``wilayah.yml``, ``regulasi.yml``, ``glosarium.yml`` and ``dokumen/``."""
    page_size = c.Type(int, default=PAGE_SIZE)
    """Entries per page of a list that grows with the documents (a comparison, a regulation's
    "cited by", a provinsi's documents); tests set a small one to see lists cut into pages."""
    wilayah = c.Optional(c.Type(str))
    """An editor's preview (``iku serve --wilayah``): the address of the one place whose documents are built."""
    shard = c.Optional(c.Type(str))
    """``iku build --shard``: write only this shard's files (a provinsi's id, or ``common``; see shards.py),
    or those of a group of shards separated by commas (``common,aceh``)."""


class IkuPlugin(BasePlugin[IkuPluginConfig]):
    """Generates every portal page from ``content/`` and serves KaTeX's assets."""

    output: Output | None = None
    katex: Path | None = None
    newest: datetime.date | None = None
    """The last commit touching content or hand-written pages: the date of every page not from one document."""
    provinces: tuple[str, ...] = ()
    """With a shard: every provinsi's id (every shard but ``common``)."""
    shards: tuple[str, ...] = ()
    """The shards this build writes (``shard``); none: the whole site."""
    files: Files | None = None
    """With a shard or kept pages: every file of the site, those this build leaves out too."""
    command: str | None = None
    """The MkDocs command running (``build``, ``serve``)."""
    page_cache: PageCache | None = None
    """Pages kept between builds (page_cache.py): a preview's next build after an edit writes the
    unchanged ones from here too (their keys hold the preview's address, not the site's)."""
    kept: frozenset[str] = frozenset()
    """Pages of this build written from the cache, by ``src_uri``: left out of MkDocs' build."""
    keys: dict[str, str]
    """The cache key of each page MkDocs builds that may be kept, by ``src_uri``."""
    keyed_files: dict[str, str]
    """The key of each page that may be kept, by ``dest_uri``: it fixes the page's bytes (the search index's digest)."""
    site_files: frozenset[str] = frozenset()
    """Every file of this build by its site-relative path (``dest_uri``): what a kept page may link to."""
    built = 0
    """Pages MkDocs built in this build."""
    marked: dict[str, bool]
    """Whether each page this build wrote marks its content for Pagefind, by ``dest_uri``: seen whole
    here, the search index need not read it again."""
    held: dict[str, bytes]
    """The HTML of each page read but not yet written, compressed, by ``src_uri`` (on_page_content)."""
    watch: _BuildLog | None = None
    indexing: BackgroundIndex | None = None
    """In a preview: the search index being written after its last build (``on_post_build``)."""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # MkDocs empties the site folder next: the last preview build's search index is written first.
        self._index_written()
        if not config.site_url:
            raise PluginError("site_url wajib diisi di mkdocs.yml: tautan permanen dan kutipan memakainya")
        # The public repository, configured once (`repo_url`): versions link to their commits.
        repo_url = config.repo_url or None
        if repo_url is not None and not repo_url.startswith("https://"):
            raise PluginError(f"repo_url di mkdocs.yml harus alamat https, bukan {repo_url!r}")
        self.page_cache, self.kept, self.keys, self.site_files, self.built = None, frozenset(), {}, frozenset(), 0
        self.keyed_files, self.marked, self.held = {}, {}, {}
        content = Path(self.config.content_dir)
        try:
            if self.config.page_size < 1:
                raise PluginError(f"page_size plugin iku harus paling sedikit 1, bukan {self.config.page_size}")
            scope = preview_scope(content, self.config.wilayah) if self.config.wilayah else None
            self.output = generate(
                content,
                config.site_name,
                config.site_url,
                repo_url,
                page_size=self.config.page_size,
                scope=scope,
                wanted=self._wanted(content, config),
            )
            if scope is not None:
                LOG.info(f"Pratinjau {'/'.join(scope)}: hanya dokumen di sana yang dibangun, bukan seluruh situs")
            self.katex = katex_dist()
        except IkuError as error:
            raise PluginError(str(error)) from None
        dates = [last_commit_date(Path(folder)) for folder in (self.config.content_dir, config.docs_dir)]
        self.newest = max((date for date in dates if date is not None), default=None)
        stylesheet = f"{KATEX_ASSETS}/katex.min.css"
        if stylesheet not in config.extra_css:
            config.extra_css.insert(0, stylesheet)
        # Generated pages write content text in the form only this extension reads back,
        # and set their formulas' and charts' HTML aside for Markdown (markdown_html).
        # Every abbreviation on every page (generated or written by hand) gets its expansion,
        # searched for outside Markdown's placeholders (generator.publishing.markdown_abbr, after abbr).
        # Hand-written pages write formulas as markdown-katex reads them ($`…`$, ```math), rendered
        # like the content's (generator.publishing.markdown_formulas).
        # Words printed in another spelling are marked with the standard one, for search (markdown_spelling).
        # An indicator's heading carries no "#" link: its permalink is printed under it (markdown_permalinks).
        # Texts no inline pattern can match skip the inline patterns (markdown_plain_text): the same HTML, sooner.
        for extension in (
            LITERAL_EXTENSION,
            HTML_BLOCK_EXTENSION,
            FORMULA_EXTENSION,
            "abbr",
            "generator.publishing.markdown_abbr",
            SPELLING_EXTENSION,
            "generator.publishing.markdown_permalinks",
            "generator.publishing.markdown_plain_text",
        ):
            if extension not in config.markdown_extensions:
                config.markdown_extensions.append(extension)
        config.mdx_configs.setdefault("abbr", {})["glossary"] = self.output.glossary
        # The search page reads a query's words in their standard spelling (theme/pencarian.html).
        config.extra["ejaan_baku"] = dict(SPELLING)
        # Every page's footer names the licences (theme/partials/copyright.html links the details).
        config.copyright = licence_notice()
        return config

    def _wanted(self, content: Path, config: MkDocsConfig) -> Callable[[str], bool]:
        """What this build generates: with a shard, its own files and the navigation's pages (every page shows them)."""
        if self.config.shard is None:
            return everything
        self.shards = checked_shards(content, self.config.shard)
        self.provinces = tuple(shard_names(content)[1:])
        owned, in_nav = in_shards(self.shards, self.provinces), _nav_pages(config)
        return lambda path: owned(path) or path in in_nav

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        assert self.output is not None and self.katex is not None, "on_config runs before on_files"
        docs = Path(config.docs_dir)
        for file in files:
            # MkDocs publishes a link's target under the link's name: any file on the machine, or an
            # HTML page behind a harmless name. Hand-written pages are files of their own.
            source = Path(file.abs_src_path or docs)
            linked = symlink_within(docs, source) if source.is_relative_to(docs) else None
            if linked is not None:
                raise PluginError(
                    f"{linked.relative_to(docs).as_posix()} di {docs.name}/ adalah tautan simbolik; "
                    "simpan berkasnya langsung di sana, tautan tidak diterbitkan"
                )
        self._check_formulas(files, docs)
        # Every formula of the content and of the hand-written pages is rendered (and remembered) by now.
        end_worker()
        content = Path(self.config.content_dir)
        in_nav = _nav_pages(config)
        for path in self.output.pages:
            # Its Markdown is rendered below, only if MkDocs builds it. A page another shard writes is
            # known by its address only: it is left out below.
            file = File.generated(config, path, content="")
            if path not in in_nav:
                # Reached through the pages above it, never meant for the navigation: MkDocs would list
                # every one (15,000 lines at 7,300 documents, a hundred on each preview rebuild).
                file.inclusion = InclusionLevel.NOT_IN_NAV
            if path in self.output.sources:
                # "Edit this page" on a document page opens its content file, not the Markdown
                # generated from it (which is in no repository). MkDocs joins edit_uri (which
                # points at docs_dir) and this path, so it is relative to docs_dir.
                source = content / self.output.sources[path]
                file.edit_uri = Path(os.path.relpath(source, config.docs_dir)).as_posix()
            self._add(files, file)
        for path, data in self.output.files.items():
            if isinstance(data, Path):
                self._add(files, File.generated(config, path, abs_src_path=str(data)))
            else:
                self._add(files, File.generated(config, path, content=data or b""))
        for asset in sorted([self.katex / "katex.min.css", *(self.katex / "fonts").iterdir()]):
            uri = f"{KATEX_ASSETS}/{asset.relative_to(self.katex).as_posix()}"
            files.append(File.generated(config, uri, abs_src_path=str(asset)))
        if self.config.shard is not None:
            self._exclude_other_shards(files, in_nav)
            self.files = files
        if self.command in ("build", "serve"):
            self._reuse_kept_pages(files, config, in_nav)
            self.files = files
        self._render_built(files)
        self._hand_over()
        return files

    def _hand_over(self) -> None:
        """Let go of the generated pages and files once MkDocs holds them: kept here too, every page's
        Markdown and every download would stay in memory twice until the build ends."""
        assert self.output is not None, "on_config runs before on_files"
        self.output = dataclasses.replace(self.output, pages=PageSet([]), files={})

    def _render_built(self, files: Files) -> None:
        """Render the Markdown of every generated page MkDocs builds (a page kept is written already)."""
        assert self.output is not None, "on_config runs before on_files"
        pages = self.output.pages
        for file in files:
            if pages.rendered_here(file.src_uri) and file.src_uri not in self.kept and not file.content_string:
                file.content_string = pages[file.src_uri] or ""

    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        # MkDocs reads and renders every page before it writes the first one, and holds them all until the
        # build ends. A generated page's Markdown is never read again once rendered (its title and anchors
        # are known): let go of it, in the page and in its file. The page's HTML is needed only when the
        # page is written: held compressed until then (on_page_context), about a fifth of its size.
        if page.file.generated_by is not None:
            page.file.content_string = ""
            page.markdown = ""
        if self.command != "build":
            return html
        self.held[page.file.src_uri] = zlib.compress(html.encode("utf-8", errors="surrogatepass"), HELD_LEVEL)
        return ""

    def on_page_context(
        self, context: dict[str, Any], /, *, page: Page, config: MkDocsConfig, nav: Any
    ) -> dict[str, Any]:
        held = self.held.pop(page.file.src_uri, None)
        if held is not None:
            page.content = zlib.decompress(held).decode("utf-8", errors="surrogatepass")
        return context

    def _reuse_kept_pages(self, files: Files, config: MkDocsConfig, in_nav: frozenset[str]) -> None:
        """Write every page generated from content that was kept with the same key straight to the site
        (MkDocs has emptied site_dir already), and leave it out of MkDocs' build: not read, not rendered.
        Writing here rather than after the build holds no page in memory."""
        assert self.output is not None, "on_config runs before on_files"
        config_file = Path(config.config_file_path).resolve()
        cache = PageCache(config_file.parent / CACHE_DIR / PAGES_DIR)
        plugins = {
            name: {key: value for key, value in plugin.config.items() if plugin is not self or key not in BUILD_SCOPE}
            for name, plugin in config.plugins.items()
        }
        fingerprint = global_fingerprint(config, config.theme, config.theme.custom_dir, plugins, config_file)
        self.site_files = frozenset(file.dest_uri for file in files)
        site = Path(config.site_dir)
        kept: set[str] = set()
        folders = Folders(site)
        pages = self.output.pages
        for file in files:
            if not pages.rendered_here(file.src_uri) or file.src_uri in in_nav or file.inclusion.is_excluded():
                continue
            # A page is known by what its template receives, without rendering it; one whose context
            # cannot be serialised, by its Markdown (then rendered once, here).
            made_of = pages.made_of(file.src_uri)
            if made_of is None:
                file.content_string = pages[file.src_uri] or ""
            key = page_key(
                fingerprint,
                src_uri=file.src_uri,
                dest_uri=file.dest_uri,
                url=file.url,
                edit_uri=file.edit_uri,
                # Not the page's date (update_date): only the sitemap shows it, and the sitemap is made
                # anew by every build. Every page that is not a document's is dated by the content's last
                # commit, so keyed by it, a new day's first commit would build most pages again.
                made_of=made_of,
                markdown=file.content_string if made_of is None else None,
            )
            self.keyed_files[file.dest_uri] = key
            entry = cache.get(key)
            if entry is not None and all(link in self.site_files for link in entry[1]):
                target = site / file.dest_uri
                folders.make(target.parent)
                target.write_bytes(entry[0])
                self.marked[file.dest_uri] = marks_body(entry[0])
                file.inclusion = InclusionLevel.EXCLUDED
                kept.add(file.src_uri)
            else:
                self.keys[file.src_uri] = key
        self.page_cache, self.kept = cache, frozenset(kept)
        self.watch = _BuildLog({file.src_uri for file in files if file.inclusion.is_excluded()})
        self.watch.start()

    def _keep(self, page: Page, output: str) -> None:
        """Keep a page MkDocs built, as written to the site."""
        self.built += 1
        written = output.encode("utf-8", errors="xmlcharrefreplace")
        self.marked[page.file.dest_uri] = marks_body(written)
        key = self.keys.get(page.file.src_uri)
        if self.page_cache is None or key is None or not output.strip():
            return
        links = linked_files(written, page.file.url, self.site_files)
        self.page_cache.put(key, written, links)

    def _finish_page_cache(self) -> None:
        """Forget what a build that warned kept (its pages must warn again); prune after a full build."""
        if self.page_cache is None or self.watch is None:
            return
        self.watch.stop()
        if self.watch.warnings:
            self.page_cache.forget_written()
        elif self.config.shard is None and self.config.wilayah is None and self.command == "build":
            # A build of part of the site uses part of the cache: only a full build knows what is unused.
            # A server's (at its own address) knows nothing of what `iku build` uses.
            self.page_cache.prune()
        elif self.config.shard is not None and os.environ.get(RECORD_VARIABLE):
            # One group of a parallel build (site_build.py): its parent prunes once every group succeeded,
            # and reads the index's digest from every group's page keys.
            write_record(Path(os.environ[RECORD_VARIABLE]), self.page_cache.used, self.keyed_files)
        LOG.info(f"{len(self.kept)} halaman dipakai lagi dari cache, {self.built} dibangun")

    def on_build_error(self, *, error: Exception) -> None:
        if self.page_cache is not None and self.watch is not None:
            self.watch.stop()
            self.page_cache.forget_written()

    def _exclude_other_shards(self, files: Files, in_nav: frozenset[str]) -> None:
        """Leave out of the build every file another shard writes, except the pages of the navigation,
        which every page shows (their titles and places); what they write is removed after the build."""
        owned = in_shards(self.shards, self.provinces)
        for file in files:
            if not owned(file.dest_uri) and file.src_uri not in in_nav:
                file.inclusion = InclusionLevel.EXCLUDED

    def on_template_context(
        self, context: dict[str, Any], /, *, template_name: str, config: MkDocsConfig
    ) -> dict[str, Any]:
        # The common shard writes the sitemap of the whole site: every page, those left out of its build too.
        # So does a build that wrote kept pages (page_cache.py) itself.
        if template_name != "sitemap.xml" or self.files is None:
            return context
        every = self.files.documentation_pages(inclusion=lambda level: True)
        if COMMON in self.shards:
            pages = every
        elif self.kept and not self.shards:
            pages = [file for file in every if file.inclusion.is_included() or file.src_uri in self.kept]
        else:
            return context
        for file in pages:
            if file.page is None:
                self._date(Page(None, file, config))
        context["pages"] = pages
        return context

    def on_pre_page(self, page: Page, /, *, config: MkDocsConfig, files: Files) -> Page:
        # MkDocs dates every page with today (or SOURCE_DATE_EPOCH), so two builds of one
        # commit would differ in sitemap.xml and sitemap.xml.gz. A document page is as new as
        # its content file, as its provenance section says; any other page draws on all content.
        self._date(page)
        return page

    def _date(self, page: Page) -> None:
        page.update_date = self._date_of(page.file.src_uri)

    def _date_of(self, src_uri: str) -> str:
        assert self.output is not None, "on_config runs before a page is dated"
        date = self.output.changed.get(src_uri, self.newest)
        # MkDocs gzips the sitemap with datetime.fromisoformat(max(update_date)): always an ISO date.
        return date.isoformat() if date is not None else UNDATED

    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
        # The theme's parts that many pages show alike (theme/main.html), rendered once per build.
        env.globals["iku_once"] = RenderedOnce()
        # The theme's templates, compiled by this process's first build, for every later one (a preview's).
        env.bytecode_cache = COMPILED
        return env

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        # Hand-written pages name the repository as {{ repo_url }}, so that its address is
        # configured once (repo_url in mkdocs.yml). Generated pages hold content text: left alone.
        if page.file.generated_by is None and config.repo_url:
            return markdown.replace(REPO_URL_PLACEHOLDER, config.repo_url.rstrip("/"))
        return markdown

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        leftover = markdown_leftover(output)
        if leftover is not None:
            raise PluginError(
                f"{page.file.src_uri}: halaman memuat sisa penanda Markdown, sehingga sebagian isinya hilang: "
                f"{leftover!r}; periksa content/glosarium.yml dan teks halaman ini"
            )
        output = minified(output)
        # The final output, kept last (after every check and change above).
        self._keep(page, output)
        if self.command == "build":
            page.content = ""  # written: no later page shows it
        return output

    def on_post_template(self, output_content: str, /, *, template_name: str, config: MkDocsConfig) -> str:
        # The theme's own pages (404.html) are pages too; the sitemap is XML, left as written.
        return minified(output_content) if template_name.endswith(".html") else output_content

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self._finish_page_cache()
        if self.config.shard is not None:
            # A shard's part of the site; the index is written once the parts are assembled (iku assemble).
            prune_to_shards(Path(config.site_dir), self.shards, self.provinces)
            return
        # The search index is read from the pages as written: only once they all are.
        if self.command == "serve":
            # A preview's index changes with every edit: not kept, and written while the browsers reload.
            self.indexing = BackgroundIndex(Path(config.site_dir), self.marked, LOG.error)
            return
        try:
            if self.page_cache is not None:
                cache = Path(config.config_file_path).resolve().parent / CACHE_DIR / INDEX_DIR
                if search_index_kept(Path(config.site_dir), cache, self.keyed_files, self.marked):
                    LOG.info(INDEX_REUSED)
            else:
                build_search_index(Path(config.site_dir), self.marked)
        except IkuError as error:
            raise PluginError(str(error)) from None

    def on_shutdown(self) -> None:
        self._index_written()

    def _index_written(self) -> None:
        if self.indexing is not None:
            self.indexing.wait()
            self.indexing = None

    @staticmethod
    def _check_formulas(files: Files, docs: Path) -> None:
        """Every formula of the hand-written pages renders (in one batch), or the build stops naming each wrong one."""
        pages = [
            (Path(docs.name, file.src_uri), Path(file.abs_src_path).read_text(encoding="utf-8"))
            for file in files.documentation_pages()
            if file.abs_src_path is not None
        ]
        try:
            problems = formula_problems(pages)
        except IkuError as error:
            raise PluginError(str(error)) from None
        if problems:
            raise PluginError(str(ContentError(problems)))

    @staticmethod
    def _add(files: Files, file: File) -> None:
        if files.get_file_from_path(file.src_uri) is not None:
            raise PluginError(f"{file.src_uri} dibuat dari konten, tetapi juga ada di docs_dir; hapus salah satunya")
        files.append(file)

    def on_serve(self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
        # A preview watches only what it reads: the server looks at every watched file twice a second.
        content = Path(self.config.content_dir)
        scope = preview_scope(content, self.config.wilayah) if self.config.wilayah else None
        for path, inside in [(content, True)] if scope is None else preview_reads(content, scope):
            server.watch(str(path), recursive=inside)
        return server


def _nav_pages(config: MkDocsConfig) -> frozenset[str]:
    """The pages of mkdocs.yml's ``nav``: every page shows them, so every build builds them."""
    return frozenset(_nav_paths(config.nav or []))


def _nav_paths(nav: list[Any] | dict[str, Any] | str) -> list[str]:
    """Every page path named in mkdocs.yml's ``nav``."""
    if isinstance(nav, str):
        return [nav]
    items = nav.values() if isinstance(nav, dict) else nav
    return [path for item in items for path in _nav_paths(item)]


class _BuildLog(logging.Filter):
    """What MkDocs logs during a build that reuses kept pages: its warnings counted (a page kept by a
    build that warned could hide the warning next time), and the line it writes for every link to
    a page left out of the build (thousands, with a warm cache) left out of the output."""

    def __init__(self, excluded: set[str]) -> None:
        super().__init__()
        self.excluded = excluded
        self.warnings = 0
        self.counter = _Counter(self)

    def start(self) -> None:
        logging.getLogger("mkdocs").addHandler(self.counter)
        logging.getLogger("mkdocs.structure.pages").addFilter(self)

    def stop(self) -> None:
        logging.getLogger("mkdocs").removeHandler(self.counter)
        logging.getLogger("mkdocs.structure.pages").removeFilter(self)

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno > logging.INFO:
            return True
        found = EXCLUDED_LINK.search(record.getMessage())
        return found is None or found[1] not in self.excluded


class _Counter(logging.Handler):
    def __init__(self, log: _BuildLog) -> None:
        super().__init__(logging.WARNING)
        self.log = log

    def emit(self, record: logging.LogRecord) -> None:
        self.log.warnings += 1
