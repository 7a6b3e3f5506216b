"""The illustrator's training tool (tools/giclee_tools): bounded by steps, seeded, and written where the user says."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import torch
from giclee_tools.illustrator import train

from giclee.illustrator.model import CONFIG_FILE, DECODER_FILE, save_decoder


@pytest.fixture(scope="module")
def corpus() -> train.Corpus:
    return train.build_corpus(train.examples(40, first_seed=0))


def test_a_seeded_run_takes_exactly_its_steps_and_gives_the_same_weights(corpus: train.Corpus) -> None:
    runs = [train.train(corpus, steps=3, batch=4, lr=1e-3, seed=7, log_every=1) for _ in range(2)]
    (first, record), (second, _) = runs
    assert [entry["step"] for entry in record["history"]] == [1, 2, 3]  # steps, not minutes, end the run
    for (name, a), (_, b) in zip(first.state_dict().items(), second.state_dict().items(), strict=True):
        assert torch.equal(a, b), name
    other, _ = train.train(corpus, steps=3, batch=4, lr=1e-3, seed=8, log_every=3)
    assert not all(torch.equal(a, b) for a, b in zip(first.state_dict().values(), other.state_dict().values(),
                                                     strict=True))


def test_training_writes_only_into_the_folder_it_is_given(
    corpus: train.Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "argv", ["train"])
    with pytest.raises(SystemExit):  # --out is required: nothing is written into the installed package by default
        train.main()
    decoder, record = train.train(corpus, steps=1, batch=4, lr=1e-3, seed=0)
    out = tmp_path / "run"
    save_decoder(decoder, out, record)
    assert sorted(path.name for path in out.iterdir()) == sorted([DECODER_FILE, CONFIG_FILE])
