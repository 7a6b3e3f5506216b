"""Train the illustrator's scene decoder from scratch: one seeded command, bounded by steps.

    python -m giclee_tools.illustrator.train --out runs/illustrator [--examples 160000] [--steps 14000]

1. Draw `--examples` procedural captions (example i from seed `--seed` * 10**8 + i; the evaluation draws from
   10**9 up, so it never sees a training caption's seed).
2. Read each caption once with the frozen MiniLM encoder; the states are kept in memory as float16.
3. Train the decoder (teacher forcing on the scene tokens, plus the text-span head) for exactly `--steps` steps
   of `--batch` captions, AdamW with warm-up and cosine decay, batches drawn from a seeded generator: the same
   command gives the same weights on any machine (up to floating point).
4. Write `decoder.safetensors` and `decoder.json` (configuration, vocabulary, the run's record) to `--out`.
   To ship the result, copy those two files into `src/giclee/illustrator/weights/`.
"""

from __future__ import annotations

import argparse
import math
import random
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch
from torch import nn

from giclee.illustrator import tokens
from giclee.illustrator.model import DecoderConfig, SceneDecoder, encode, load_encoder, save_decoder
from giclee_tools.illustrator.captions import Example, sample

TRAIN_MAX_TOKENS = 64
"""Word pieces kept per training caption (the longest procedural captions have about 55)."""


@dataclass(slots=True)
class Corpus:
    """Encoded captions: one flat float16 array of word-piece states, with per-caption offsets."""

    states: np.ndarray
    starts: np.ndarray
    lengths: np.ndarray
    span_labels: np.ndarray
    """Per word piece: 1 where it lies inside text to write."""
    targets: list[list[int]]

    def batch(self, indices: np.ndarray) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
        """(states, padding, span labels, scene ids) of some captions, padded."""
        longest = int(self.lengths[indices].max())
        count = len(indices)
        states = np.zeros((count, longest, self.states.shape[1]), dtype=np.float32)
        labels = np.zeros((count, longest), dtype=np.float32)
        padding = np.ones((count, longest), dtype=bool)
        for row, index in enumerate(indices):
            start, length = self.starts[index], self.lengths[index]
            states[row, :length] = self.states[start : start + length]
            labels[row, :length] = self.span_labels[start : start + length]
            padding[row, :length] = False
        scene_length = max(len(self.targets[i]) for i in indices)
        ids = np.full((count, scene_length), tokens.PAD, dtype=np.int64)
        for row, index in enumerate(indices):
            ids[row, : len(self.targets[index])] = self.targets[index]
        return torch.from_numpy(states), torch.from_numpy(padding), torch.from_numpy(labels), torch.from_numpy(ids)


def examples(count: int, first_seed: int) -> list[Example]:
    return [sample(first_seed + i) for i in range(count)]


def build_corpus(items: list[Example], *, batch: int = 256, log_every: int = 20_000) -> Corpus:
    """Encode every caption once with the frozen encoder (shortest first, so batches pad little)."""
    encoder, tokenizer = load_encoder()
    order = sorted(range(len(items)), key=lambda i: len(items[i].caption))
    per_caption: list[tuple[np.ndarray, np.ndarray]] = [None] * len(items)  # type: ignore[list-item]
    started = time.perf_counter()
    for done in range(0, len(order), batch):
        chunk = order[done : done + batch]
        states, padding, offsets = encode(encoder, tokenizer, [items[i].caption for i in chunk], TRAIN_MAX_TOKENS)
        for row, index in enumerate(chunk):
            length = int((~padding[row]).sum())
            labels = np.zeros(length, dtype=np.uint8)
            for piece, (first, last) in enumerate(offsets[row][:length]):
                if first != last and any(a <= first and last <= b for a, b in items[index].spans):
                    labels[piece] = 1
            per_caption[index] = (states[row, :length].numpy().astype(np.float16), labels)
        if done and done % log_every < batch:
            rate = done / (time.perf_counter() - started)
            print(f"encoded {done:,} captions ({rate:.0f}/s)", flush=True)
    lengths = np.array([len(labels) for _, labels in per_caption])
    starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    return Corpus(
        states=np.concatenate([states for states, _ in per_caption]),
        starts=starts,
        lengths=lengths,
        span_labels=np.concatenate([labels for _, labels in per_caption]),
        targets=[tokens.encode(item.scene) for item in items],
    )


def losses(decoder: SceneDecoder, batch: tuple[torch.Tensor, ...]) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """(scene token loss, span loss, scene token accuracy) of one batch."""
    states, padding, labels, ids = batch
    memory = decoder.memory(states, padding)
    logits = decoder(memory, padding, ids[:, :-1])
    target = ids[:, 1:]
    scene_loss = nn.functional.cross_entropy(logits.reshape(-1, logits.shape[-1]), target.reshape(-1),
                                             ignore_index=tokens.PAD)
    span = decoder.span_logits(memory)
    span_loss = nn.functional.binary_cross_entropy_with_logits(span[~padding], labels[~padding])
    mask = target != tokens.PAD
    accuracy = ((logits.argmax(-1) == target) & mask).sum() / mask.sum()
    return scene_loss, span_loss, accuracy


def train(corpus: Corpus, *, steps: int, batch: int, lr: float, seed: int, log_every: int = 200) -> tuple[
    SceneDecoder, dict[str, object]
]:
    torch.manual_seed(seed)
    decoder = SceneDecoder(DecoderConfig())
    optimiser = torch.optim.AdamW(decoder.parameters(), lr=lr, weight_decay=0.01)
    warmup = max(1, steps // 25)

    def schedule(step: int) -> float:
        if step < warmup:
            return (step + 1) / warmup
        return 0.5 * (1 + math.cos(math.pi * (step - warmup) / max(1, steps - warmup)))

    scheduler = torch.optim.lr_scheduler.LambdaLR(optimiser, schedule)
    rng = np.random.default_rng(seed)
    held = rng.choice(len(corpus.targets), size=min(512, len(corpus.targets) // 10), replace=False)
    pool = np.setdiff1d(np.arange(len(corpus.targets)), held)
    started = time.perf_counter()
    history = []
    decoder.train()
    for step in range(steps):
        indices = rng.choice(pool, size=batch, replace=False)
        scene_loss, span_loss, _ = losses(decoder, corpus.batch(indices))
        loss = scene_loss + span_loss
        optimiser.zero_grad(set_to_none=True)
        loss.backward()
        nn.utils.clip_grad_norm_(decoder.parameters(), 1.0)
        optimiser.step()
        scheduler.step()
        if (step + 1) % log_every == 0 or step + 1 == steps:
            decoder.eval()
            with torch.no_grad():
                held_scene, held_span, held_accuracy = losses(decoder, corpus.batch(held))
            decoder.train()
            record = {
                "step": step + 1,
                "loss": round(float(scene_loss.detach()), 4),
                "held_loss": round(float(held_scene), 4),
                "held_span_loss": round(float(held_span), 4),
                "held_token_accuracy": round(float(held_accuracy), 4),
                "seconds": round(time.perf_counter() - started, 1),
            }
            history.append(record)
            print(" ".join(f"{key}={value}" for key, value in record.items()), flush=True)
    decoder.eval()
    return decoder, {"history": history, "train_seconds": round(time.perf_counter() - started, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, required=True, help="folder for decoder.safetensors and decoder.json")
    parser.add_argument("--examples", type=int, default=160_000)
    parser.add_argument("--steps", type=int, default=14_000)
    parser.add_argument("--batch", type=int, default=128)
    parser.add_argument("--lr", type=float, default=6e-4)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--threads", type=int, default=None, help="torch threads (default: torch's choice)")
    args = parser.parse_args()
    if args.threads:
        torch.set_num_threads(args.threads)
    random.seed(args.seed)
    started = time.perf_counter()
    items = examples(args.examples, args.seed * 10**8)
    corpus = build_corpus(items)
    encoded = time.perf_counter() - started
    print(f"{len(items):,} captions drawn and encoded in {encoded:.0f} s", flush=True)
    decoder, record = train(corpus, steps=args.steps, batch=args.batch, lr=args.lr, seed=args.seed)
    record.update(
        examples=args.examples, steps=args.steps, batch=args.batch, lr=args.lr, seed=args.seed,
        encode_seconds=round(encoded, 1), total_seconds=round(time.perf_counter() - started, 1),
    )
    save_decoder(decoder, args.out, record)
    print(f"wrote {args.out} in {record['total_seconds']} s", flush=True)


if __name__ == "__main__":
    main()
