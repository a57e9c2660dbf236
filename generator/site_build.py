"""Building the site so that a failed build never leaves a half-written site behind.

MkDocs empties ``site_dir`` before it writes and only then finds strict-mode
warnings; a failure would leave an empty or partial folder where the last good
site was. Here MkDocs writes into a fresh folder beside it, and only a build that
succeeds replaces the previous site, by renaming.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config import load_config
from mkdocs.exceptions import ConfigurationError

from .errors import IkuError


@dataclass(frozen=True)
class SiteConfig:
    """What the commands need from ``mkdocs.yml``."""

    site_dir: Path
    site_url: str


def load_site_config(config_file: Path) -> SiteConfig:
    """The output folder and published address ``config_file`` names (``SITE_URL`` may set the address)."""
    try:
        config = load_config(str(config_file))
    except (ConfigurationError, OSError) as error:
        raise IkuError(f"{config_file} tidak dapat dibaca: {error}") from None
    return SiteConfig(Path(config.site_dir), str(config.site_url or ""))


def build_site(config_file: Path, site_dir: Path) -> int:
    """Run ``mkdocs build --strict``; replace ``site_dir`` only if it succeeds. Return the exit code."""
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-baru-", dir=site_dir.parent))
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config_file)]
    try:
        result = subprocess.run([*command, "--site-dir", str(staging)], check=False)
        if result.returncode != 0:
            print(f"Pembangunan gagal; situs lama di {site_dir} tidak diubah.", file=sys.stderr)
            return result.returncode
        staging.chmod(0o755)
        _replace(site_dir, staging)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return 0


def _replace(site_dir: Path, staging: Path) -> None:
    if not site_dir.exists():
        staging.rename(site_dir)
        return
    retired = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-lama-", dir=site_dir.parent))
    site_dir.rename(retired / site_dir.name)
    staging.rename(site_dir)
    shutil.rmtree(retired)
