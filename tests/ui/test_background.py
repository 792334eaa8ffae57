"""One background pattern with declared policies: latest, refuse, newest; errors always arrive
and never leave a lane busy."""

from __future__ import annotations

import threading

from studio.ui.background import CallLane, run_call


def _blocked(gate: threading.Event, value: object):  # noqa: ANN202
    def call() -> object:
        gate.wait(10)
        return value
    return call


def test_latest_replaces_the_waiting_request_and_refuse_refuses(qtbot) -> None:
    results: list[object] = []
    lane = CallLane(policy="latest")
    lane.result.connect(results.append)
    gate = threading.Event()
    assert lane.submit(_blocked(gate, "first"))
    assert lane.submit(lambda: "second") and lane.submit(lambda: "third")  # "second" never runs
    gate.set()
    assert lane.wait()
    assert results == ["first", "third"]

    refused = CallLane(policy="refuse")
    gate2 = threading.Event()
    assert refused.submit(_blocked(gate2, 1))
    assert not refused.submit(lambda: 2)
    gate2.set()
    assert refused.wait() and not refused.busy


def test_newest_delivers_only_the_newest_result(qtbot) -> None:
    results: list[object] = []
    lane = CallLane(policy="newest", threads=2)
    lane.result.connect(results.append)
    slow = threading.Event()
    lane.submit(_blocked(slow, "old"))
    lane.submit(lambda: "new")
    qtbot.waitUntil(lambda: results == ["new"], timeout=5000)
    slow.set()
    assert lane.wait()
    assert results == ["new"]  # the older request finished later and was dropped


def test_an_error_is_delivered_and_frees_the_lane(qtbot) -> None:
    errors: list[object] = []
    results: list[object] = []
    lane = CallLane(policy="latest")
    lane.failed.connect(errors.append)
    lane.result.connect(results.append)
    lane.submit(lambda: 1 / 0)
    assert lane.wait()
    assert errors and "ZeroDivisionError" in errors[0].message and not lane.busy
    lane.submit(lambda: "after")
    assert lane.wait() and results == ["after"]
    got: list[object] = []
    run_call(lambda: {}["missing"], got.append, got.append)
    qtbot.waitUntil(lambda: bool(got), timeout=5000)
    assert "KeyError" in got[0].message
