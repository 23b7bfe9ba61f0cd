import copy

import pytest
import yaml

from leitstand.monitoring.models import Assessment, Observation
from leitstand.operations import loader
from leitstand.operations.demo import demo_files
from leitstand.register import strategy_file
from leitstand.register.models import Goal, Measure, Strategy, Target


def _nrw_data():
    path = next(p for p in demo_files() if p.name == "nrw.yaml")
    return strategy_file._dates_to_text(yaml.safe_load(path.read_text(encoding="utf-8")))


def test_demo_holds_the_nrw_editions_with_their_declared_goal_counts(db):
    nrw = Strategy.objects.get(slug="nrw")
    editions = {e.label: e for e in nrw.editions.all()}
    assert editions["2019"].declared_goal_count == 44
    assert editions["2.0"].declared_goal_count == 78
    assert editions["2.0"].previous == editions["2019"]
    # The review section of chapter 3 has all 22 measures, each done.
    review = Measure.objects.filter(edition=editions["2.0"], section__kind="review")
    assert review.count() == 22 and set(review.values_list("status", flat=True)) == {"done"}


def test_venture_capital_goal_has_its_parsed_target_and_indicator(db):
    target = Target.objects.get(goal__code="19-07")
    assert target.value == 500_000_000 and target.unit == "EUR" and target.per == "year"
    assert target.baseline_year == 2017 and target.factor == 5
    assert list(target.indicators.values_list("slug", flat=True)) == ["wagniskapital"]
    assert Observation.objects.filter(indicator__slug="wagniskapital").count() == 5


def test_loading_the_same_data_again_duplicates_nothing(db):
    counts = (Goal.objects.count(), Target.objects.count(), Assessment.objects.count(),
              Measure.objects.count(), Observation.objects.count())
    loader.load(_nrw_data(), sha256="")  # forces the upsert path, not the sha256 shortcut
    assert counts == (Goal.objects.count(), Target.objects.count(), Assessment.objects.count(),
                      Measure.objects.count(), Observation.objects.count())


def test_changed_file_updates_records_in_place(db):
    data = _nrw_data()
    data["editions"][0]["goals"][0]["title"] = "Neuer Titel"
    loader.load(data, sha256="changed")
    goal = Goal.objects.get(edition__strategy__slug="nrw", edition__slug="2019", code="19-01")
    assert goal.title == "Neuer Titel"
    assert goal.history.count() >= 2


def test_invalid_file_is_refused_with_the_place_of_each_problem(tmp_path):
    data = _nrw_data()
    bad = copy.deepcopy(data)
    bad["editions"][0]["goals"][3]["horizon"] = "mid"
    bad["editions"][0]["goals"][4]["units"] = ["NOPE"]
    path = tmp_path / "bad.yaml"
    path.write_text(yaml.safe_dump(bad, allow_unicode=True), encoding="utf-8")
    with pytest.raises(strategy_file.StrategyFileError) as err:
        strategy_file.read(path)
    assert "editions[0].goals[3].horizon" in str(err.value)


def test_unknown_reference_is_named(tmp_path):
    bad = _nrw_data()
    bad["editions"][0]["goals"][4]["units"] = ["NOPE"]
    path = tmp_path / "bad.yaml"
    path.write_text(yaml.safe_dump(bad, allow_unicode=True), encoding="utf-8")
    with pytest.raises(strategy_file.StrategyFileError, match="unknown organisation 'NOPE'"):
        strategy_file.read(path)


@pytest.mark.parametrize("content,message", [
    (b"\xff\xfe\x00broken", "is not UTF-8"),
    (b"strategy: [unclosed", "is not valid YAML"),
    (b"42", "top level"),
])
def test_unreadable_files_get_a_clear_error(tmp_path, content, message):
    path = tmp_path / "x.yaml"
    path.write_bytes(content)
    with pytest.raises(strategy_file.StrategyFileError, match=message):
        strategy_file.read(path)


def test_failed_load_leaves_nothing_behind(db):
    data = _nrw_data()
    data["strategy"]["slug"] = "half-loaded"
    data["editions"][1]["goals"][0]["targets"][0]["indicators"] = ["does-not-exist"]
    with pytest.raises(KeyError):
        loader.load(data)  # skips validation on purpose: the transaction must roll back
    assert not Strategy.objects.filter(slug="half-loaded").exists()


def test_strategy_slug_may_not_shadow_a_site_path(tmp_path):
    bad = _nrw_data()
    bad["strategy"]["slug"] = "admin"
    path = tmp_path / "bad.yaml"
    path.write_text(yaml.safe_dump(bad, allow_unicode=True), encoding="utf-8")
    with pytest.raises(strategy_file.StrategyFileError, match="path the site uses"):
        strategy_file.read(path)
