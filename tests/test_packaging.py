"""The installed package carries every file it reads at run time (`pip install .` anywhere)."""

import pathlib
import subprocess
import sys
import zipfile

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src/leitstand"


@pytest.mark.slow
def test_the_wheel_holds_every_data_file_of_the_package(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps",
                    "-q", "-w", str(tmp_path), str(ROOT)], check=True, timeout=300)
    wheel = next(tmp_path.glob("leitstand-*.whl"))
    packed = set(zipfile.ZipFile(wheel).namelist())
    needed = {str(p.relative_to(ROOT / "src")) for p in PACKAGE.rglob("*")
              if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"}
    missing = sorted(needed - packed)
    assert not missing, f"not in the wheel: {missing[:10]}"
