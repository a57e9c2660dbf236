"""The ``iku`` command: check content, build the site."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from .errors import ContentError, IkuError
from .load import load_content
from .schema import write_schemas


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="iku", description="Portal IKU: periksa konten dan bangun situs.")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="periksa semua berkas di content/")
    check.add_argument("--content", type=Path, default=Path("content"), help="folder konten (bawaan: content)")
    schema = commands.add_parser("schema", help="tulis ulang JSON Schema untuk editor di content/schema/")
    schema.add_argument("--content", type=Path, default=Path("content"), help="folder konten (bawaan: content)")
    build = commands.add_parser("build", help="periksa konten lalu bangun situs dengan mkdocs build --strict")
    build.add_argument("--config-file", default="mkdocs.yml", help="berkas konfigurasi MkDocs")
    build.add_argument("--site-dir", default=None, help="folder keluaran (bawaan: dari mkdocs.yml)")
    args = parser.parse_args(argv)
    try:
        if args.command == "check":
            return _check(args.content)
        if args.command == "schema":
            for path in write_schemas(args.content):
                print(f"Ditulis: {path}")
            return 0
        return _build(args.config_file, args.site_dir)
    except ContentError as error:
        print(error, file=sys.stderr)
        return 1
    except IkuError as error:
        print(f"Galat: {error}", file=sys.stderr)
        return 1


def _check(content_dir: Path) -> int:
    if not content_dir.is_dir():
        raise IkuError(f"folder konten {content_dir} tidak ada")
    content = load_content(content_dir)
    print(f"Konten valid: {len(content.documents)} dokumen, {len(content.regulations.regulasi)} regulasi.")
    return 0


def _build(config_file: str, site_dir: str | None) -> int:
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", config_file]
    if site_dir:
        command += ["--site-dir", site_dir]
    return subprocess.run(command, check=False).returncode


if __name__ == "__main__":
    raise SystemExit(main())
