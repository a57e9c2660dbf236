"""Every internal link and anchor of the built site leads somewhere: the check CI runs on each pull request."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import REPO, SITE_URL, Site

from generator.publishing.link_check import BrokenLink, DuplicateId, check_links, duplicate_ids

SITE = "https://example.org/portal/"


def write(site: Path, page: str, body: str) -> None:
    path = site / page
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"<!doctype html><html><head></head><body>{body}</body></html>", encoding="utf-8")


def test_every_internal_link_and_anchor_of_the_real_site_resolves(real_site: Site) -> None:
    assert check_links(real_site.root, SITE_URL) == []
    assert duplicate_ids(real_site.root) == []


def test_an_id_carried_by_two_elements_of_a_page_is_named_with_its_page(tmp_path: Path) -> None:
    # What an indicator with the id `kutip-teks` once made of its document page.
    write(tmp_path, "index.html", '<p id="atas"></p><a name="atas"></a>')
    write(
        tmp_path,
        "jawa-timur/lumajang/lumajang/2020/index.html",
        '<h4 id="kutip-teks">Nilai IKM</h4><a href="#kutip-teks">tautan</a>'
        '<svg><title id="grafik-judul"></title></svg><pre id="kutip-teks"></pre><p id="grafik-judul"></p>'
        '<span id="kutip-teks"></span>',
    )
    assert duplicate_ids(tmp_path) == [
        DuplicateId("jawa-timur/lumajang/lumajang/2020/index.html", "grafik-judul", 2),
        DuplicateId("jawa-timur/lumajang/lumajang/2020/index.html", "kutip-teks", 3),
    ]
    environment = {key: value for key, value in os.environ.items() if key != "SITE_URL"}
    config = ["--config-file", str(REPO / "mkdocs.yml"), "--site-dir", str(tmp_path)]
    result = subprocess.run(
        [sys.executable, "-m", "generator.cli", "links", *config],
        capture_output=True,
        text=True,
        check=False,
        env=environment,
    )
    assert (result.returncode, result.stdout, result.stderr) == (
        1,
        "",
        "jawa-timur/lumajang/lumajang/2020/index.html: #grafik-judul: id dipakai 2 elemen; "
        "tautan ke #grafik-judul membuka yang pertama\n"
        "jawa-timur/lumajang/lumajang/2020/index.html: #kutip-teks: id dipakai 3 elemen; "
        "tautan ke #kutip-teks membuka yang pertama\n"
        "2 id ganda dalam satu halaman.\n",
    )


def test_missing_pages_files_and_anchors_are_named_with_the_page_that_links_them(tmp_path: Path) -> None:
    write(tmp_path, "a/index.html", '<h2 id="ada">Ada</h2><a name="lama"></a>')
    write(
        tmp_path,
        "index.html",
        '<a href="a/">ok</a> <a href="a/#ada">ok</a> <a href="a/#lama">ok</a> <a href="#atas">ok</a>'
        f'<a href="{SITE}a/#ada">permalink ok</a> <a href="https://lain.example/x">other origin</a>'
        '<a href="b/">no page</a> <a href="a/#hilang">no anchor</a> <img src="gambar.png">'
        f'<a href="{SITE}a/#salah">permalink, no anchor</a> <p id="atas"></p> <a href="../../luar/">outside</a>',
    )
    write(tmp_path, "lama/index.html", '<meta http-equiv="refresh" content="0; url=../baru/">')
    assert check_links(tmp_path, SITE) == [
        BrokenLink("index.html", "../../luar/", "di luar alamat situs"),
        BrokenLink("index.html", "a/#hilang", "jangkar #hilang tidak ada di a/index.html"),
        BrokenLink("index.html", "b/", "halaman atau berkas tidak ada"),
        BrokenLink("index.html", "gambar.png", "halaman atau berkas tidak ada"),
        BrokenLink("index.html", f"{SITE}a/#salah", "jangkar #salah tidak ada di a/index.html"),
        BrokenLink("lama/index.html", "../baru/", "halaman atau berkas tidak ada"),
    ]
