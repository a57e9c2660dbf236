"""The generator's folders show the way data flows, and imports run one way between them.

content → pages → publishing → cli: a group imports only itself and the groups before it.
importing (reading a document's text into a draft) sits beside pages: content → importing → cli;
pages and publishing never import it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import generator

GENERATOR = Path(generator.__file__).resolve().parent

# The flow, declared once: the groups each group may import besides itself.
MAY_IMPORT: dict[str, frozenset[str]] = {
    "content": frozenset(),
    "importing": frozenset({"content"}),
    "pages": frozenset({"content"}),
    "publishing": frozenset({"content", "pages"}),
    "cli": frozenset({"content", "importing", "pages", "publishing"}),
}
GROUPS = tuple(MAY_IMPORT)


def _group_of(module: str) -> str | None:
    """The group a dotted name inside ``generator`` belongs to; None for the package root and its names."""
    parts = module.split(".")
    assert parts[0] == "generator", module
    return parts[1] if len(parts) > 1 and parts[1] in GROUPS else None


def _module_name(path: Path, root: Path = GENERATOR) -> str:
    parts = path.relative_to(root.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imported(path: Path, root: Path = GENERATOR) -> list[tuple[int, str]]:
    """Every ``generator`` module a file imports (relative imports resolved), with its line."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    name = _module_name(path, root)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names if alias.name.split(".")[0] == "generator"]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join([*base, *([node.module] if node.module else [])])
            else:
                target = node.module or ""
            if target.split(".")[0] != "generator":
                continue
            # `from generator.pages import view` imports generator.pages.view.
            found += [(node.lineno, f"{target}.{alias.name}") for alias in node.names if not node.module]
            found += [(node.lineno, target)] if node.module else []
    return found


def wrong_way_imports(root: Path = GENERATOR) -> list[str]:
    """Each import from a group to one it may not import, as ``file:line: group → group``."""
    wrong = []
    for path in sorted(root.rglob("*.py")):
        here = _group_of(_module_name(path, root))
        for line, target in _imported(path, root):
            there = _group_of(target)
            if here is None or there is None:
                # The package root holds only what every group may read (the templates' folder).
                if here is None and there is not None:
                    wrong.append(f"{path.relative_to(root.parent)}:{line}: root → {there}")
                continue
            if there != here and there not in MAY_IMPORT[here]:
                wrong.append(f"{path.relative_to(root.parent)}:{line}: {here} → {there}")
    return wrong


def test_every_module_lives_in_a_group() -> None:
    folders = sorted(path.name for path in GENERATOR.iterdir() if path.is_dir() and path.name != "__pycache__")
    loose = sorted(path.name for path in GENERATOR.glob("*.py") if path.name != "__init__.py")
    assert loose == []
    # templates/ lives in pages: the groups are the only folders.
    assert folders == sorted(GROUPS)


def test_imports_run_one_way_from_content_to_the_command_line() -> None:
    assert wrong_way_imports() == []


def test_every_group_is_a_package_the_imports_can_be_read_from() -> None:
    # Guards the test above from passing on nothing: each group has modules and imports.
    for group in GROUPS:
        modules = list((GENERATOR / group).glob("*.py"))
        assert GENERATOR / group / "__init__.py" in modules
        assert any(_imported(module) for module in modules), group


def test_an_import_back_up_the_flow_is_named_with_its_file_and_line(tmp_path: Path) -> None:
    root = tmp_path / "generator"
    for group in GROUPS:
        (root / group).mkdir(parents=True)
        (root / group / "__init__.py").write_text("", encoding="utf-8")
    (root / "__init__.py").write_text("", encoding="utf-8")
    (root / "content" / "model.py").write_text("from ..pages.view import SiteView\n", encoding="utf-8")
    view = "from ..content import model\nfrom .chart import bar_chart\n"
    (root / "pages" / "view.py").write_text(view, encoding="utf-8")
    (root / "publishing" / "build.py").write_text("\n\nfrom generator.cli.commands import main\n", encoding="utf-8")
    (root / "cli" / "commands.py").write_text("import generator.publishing.build\n", encoding="utf-8")
    (root / "importing" / "draft.py").write_text("from ..content import model\n", encoding="utf-8")
    (root / "pages" / "imported.py").write_text("from ..importing.draft import Draft\n", encoding="utf-8")
    (root / "importing" / "shown.py").write_text("from ..pages import view\n", encoding="utf-8")
    assert wrong_way_imports(root) == [
        "generator/content/model.py:1: content → pages",
        "generator/importing/shown.py:1: importing → pages",
        "generator/pages/imported.py:1: pages → importing",
        "generator/publishing/build.py:3: publishing → cli",
    ]
