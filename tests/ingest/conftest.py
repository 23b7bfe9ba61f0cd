import pathlib

import pytest

from tests.ingest.make_pdf import write_pdf

FIXTURES = pathlib.Path(__file__).parent / "fixtures"


@pytest.fixture
def pdf(tmp_path):
    def make(pages=3, **kwargs):
        path = tmp_path / f"strategie-{pages}{'-enc' if kwargs.get('encrypt') else ''}.pdf"
        write_pdf(path, pages, **kwargs)
        return path
    return make
