"""The installed layout: one import namespace, clipdesk, and nothing else at the top of site-packages."""

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_wheel_installs_only_the_clipdesk_namespace_with_its_seeds(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(tmp_path),
                    str(ROOT)], check=True, capture_output=True)
    [wheel] = tmp_path.glob("clipdesk-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    top = {name.split("/")[0] for name in names}
    assert {t for t in top if not t.endswith(".dist-info")} == {"clipdesk"}
    assert "clipdesk/store/index/search.py" in names and "clipdesk/bot/cli/main.py" in names
    assert sum(n.startswith("clipdesk/seeds/") and n.endswith(".txt") for n in names) == 5
    packaged = {n.rsplit("/", 1)[0] for n in names if n.endswith("/__init__.py")}
    in_tree = {"clipdesk/" + str(p.parent.relative_to(ROOT)) for top_dir in ("store", "handlers", "bot")
               for p in (ROOT / top_dir).rglob("__init__.py")}
    assert in_tree <= packaged, "a package folder is missing from [tool.setuptools] packages"


def test_the_editable_install_does_not_expose_the_repository_folders_as_top_level_names():
    code = ("import importlib.util, sys; sys.path = [p for p in sys.path if p not in ('', '.')];"
            "names = ('store', 'handlers', 'bot', 'tests', 'benchmarks');"
            "print([n for n in names if importlib.util.find_spec(n)])")
    out = subprocess.run([sys.executable, "-c", code], cwd="/", capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
