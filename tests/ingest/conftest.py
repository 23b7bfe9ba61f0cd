import pathlib

import pytest

from tests.ingest.make_pdf import write_pdf

SEED = pathlib.Path(__file__).resolve().parents[3] / "shared/seeds/000_496e719280b7dfe2.txt"
FIXTURES = pathlib.Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def seed_path():
    if not SEED.exists():
        pytest.fail(f"the NRW seed is expected at {SEED} (../shared beside the project)")
    return SEED


@pytest.fixture(scope="session")
def seed_doc(seed_path):
    from leitstand.ingest.pipeline import ingest_path

    return ingest_path(seed_path)


@pytest.fixture
def pdf(tmp_path):
    def make(pages=3, **kwargs):
        path = tmp_path / f"strategie-{pages}{'-enc' if kwargs.get('encrypt') else ''}.pdf"
        write_pdf(path, pages, **kwargs)
        return path
    return make
