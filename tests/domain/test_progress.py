"""Staged progress: one bar over reading, checking and writing that only moves forward."""

from __future__ import annotations

from app.domain.progress import Stage, StagedProgress, staged


def test_stages_map_into_their_slices_and_never_go_back() -> None:
    seen: list[tuple[int, int]] = []
    whole = StagedProgress(lambda done, total: seen.append((done, total)))
    reading = whole.within(0.0, 0.8)
    reading.stage(Stage("checking", 50, 100, "Keten"), 0.5, 1.0)  # 0.75 of 0.8
    assert seen[-1] == (600, 1000)
    reading.stage(Stage("reading", 0, 4, "Keten"), 0.0, 0.0)  # an earlier point: held
    assert seen[-1] == (600, 1000)
    writing = whole.within(0.8, 1.0)
    writing.stage(Stage("writing", 1, 2))
    assert seen[-1] == (900, 1000)
    assert whole.current == Stage("writing", 1, 2)  # the stage, whichever slice said it
    writing(2, 2)  # a plain progress report through the same object
    assert seen[-1] == (1000, 1000)


def test_a_plain_progress_becomes_staged_and_a_staged_one_stays_itself() -> None:
    one = StagedProgress()
    assert staged(one) is one
    seen: list[int] = []
    wrapped = staged(lambda done, _total: seen.append(done))
    wrapped.stage(Stage("checking", 0, 0))  # nothing to count: the stage is done
    assert seen == [1000]
    staged(None).stage(Stage("reading", 1, 2))  # no one listening: nothing happens
