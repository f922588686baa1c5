import json

from emprobe.store import ResultsFile, write_json


def test_rows_are_unique_and_survive_reopen(tmp_path):
    path = tmp_path / "r.jsonl"
    results = ResultsFile(path)
    results.append([{"id": "a", "v": 1}, {"id": "b", "v": 2}])
    results.append([{"id": "a", "v": 99}, {"id": "c", "v": 3}])  # a is not written twice
    again = ResultsFile(path)
    assert [r["id"] for r in again.ordered()] == ["a", "b", "c"] and again.rows["a"]["v"] == 1
    assert len(path.read_text().splitlines()) == 3


def test_a_line_cut_by_a_kill_is_dropped_and_truncated(tmp_path):
    path = tmp_path / "r.jsonl"
    path.write_text(json.dumps({"id": "a"}) + "\n" + '{"id": "b", "answ')
    results = ResultsFile(path)
    assert list(results.rows) == ["a"]
    assert path.read_text().endswith("answ")  # a reader leaves the file alone
    results.append([{"id": "b"}])  # a writer drops the cut line first
    assert [json.loads(line)["id"] for line in path.read_text().splitlines()] == ["a", "b"]


def test_write_json_is_atomic(tmp_path):
    target = write_json(tmp_path / "s.json", {"x": 1})
    assert json.loads(target.read_text()) == {"x": 1}
    assert [p.name for p in tmp_path.iterdir()] == ["s.json"]
