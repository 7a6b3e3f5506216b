"""The text-to-scene model: a frozen pretrained sentence encoder, and a small decoder that writes the scene.

MiniLM (all-MiniLM-L6-v2, frozen) reads the prompt as contextual word-piece states, so words the training
captions never used still land near the ones they did ("woods" near "forest"). One trainable encoder layer
adapts those states; a two-layer transformer decoder then writes the scene's tokens (`tokens.py`) with
cross-attention over them, and a span head marks the word pieces that are text to write (a brand name, a
headline). Decoding follows the scene grammar, so the output is always a valid scene.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

import torch
from safetensors.torch import load_file, save_file
from torch import nn
from transformers import AutoModel, AutoTokenizer, PreTrainedTokenizerBase

from giclee.illustrator import tokens
from giclee.illustrator.scene import Scene

WEIGHTS_DIR = Path(__file__).with_name("weights")
ENCODER_DIR = WEIGHTS_DIR / "encoder"
DECODER_FILE = "decoder.safetensors"
CONFIG_FILE = "decoder.json"
MAX_PROMPT_TOKENS = 128
"""Word pieces read from a prompt; training captions are shorter, longer prompts are cut here."""
MAX_SCENE_TOKENS = 40
TEXT_QUOTES = "\"'\u201c\u201d\u2018\u2019`"


@dataclass(frozen=True, slots=True)
class DecoderConfig:
    width: int = 192
    heads: int = 4
    layers: int = 2
    feedforward: int = 768
    dropout: float = 0.1
    encoder_width: int = 384
    vocabulary: int = len(tokens.VOCAB)
    max_scene_tokens: int = MAX_SCENE_TOKENS


class SceneDecoder(nn.Module):
    """Everything trained: the adapter over the encoder's states, the scene decoder, the text-span head."""

    def __init__(self, config: DecoderConfig) -> None:
        super().__init__()
        self.config = config
        width = config.width
        self.project = nn.Linear(config.encoder_width, width)
        self.adapter = nn.TransformerEncoderLayer(
            width, config.heads, config.feedforward, config.dropout, batch_first=True, norm_first=True
        )
        self.embed = nn.Embedding(config.vocabulary, width, padding_idx=tokens.PAD)
        self.position = nn.Embedding(config.max_scene_tokens, width)
        layer = nn.TransformerDecoderLayer(
            width, config.heads, config.feedforward, config.dropout, batch_first=True, norm_first=True
        )
        self.decoder = nn.TransformerDecoder(layer, config.layers)
        self.norm = nn.LayerNorm(width)
        self.head = nn.Linear(width, config.vocabulary)
        self.spans = nn.Sequential(nn.Linear(width, width), nn.GELU(), nn.Linear(width, 1))

    def memory(self, states: torch.Tensor, padding: torch.Tensor) -> torch.Tensor:
        """Encoder states (B, S, 384) and their padding mask (B, S; True = padding) to decoder memory."""
        return self.adapter(self.project(states), src_key_padding_mask=padding)

    def span_logits(self, memory: torch.Tensor) -> torch.Tensor:
        """Per word piece, the logit that it belongs to text the prompt asks to be written."""
        return self.spans(memory).squeeze(-1)

    def forward(self, memory: torch.Tensor, padding: torch.Tensor, scene_ids: torch.Tensor) -> torch.Tensor:
        """Next-token logits for every position of `scene_ids` (teacher forcing)."""
        length = scene_ids.shape[1]
        positions = torch.arange(length, device=scene_ids.device)
        target = self.embed(scene_ids) + self.position(positions)[None]
        causal = nn.Transformer.generate_square_subsequent_mask(length, device=scene_ids.device)
        out = self.decoder(
            target,
            memory,
            tgt_mask=causal,
            tgt_is_causal=True,
            tgt_key_padding_mask=scene_ids == tokens.PAD,
            memory_key_padding_mask=padding,
        )
        return self.head(self.norm(out))


class TextToScene:
    """Prompt in, scene out: the frozen encoder and the trained decoder, on the CPU, in float32."""

    def __init__(self, encoder: nn.Module, tokenizer: PreTrainedTokenizerBase, decoder: SceneDecoder) -> None:
        self.encoder = encoder.eval()
        self.tokenizer = tokenizer
        self.decoder = decoder.eval()

    @classmethod
    def load(cls, folder: Path = WEIGHTS_DIR) -> TextToScene:
        """The encoder from `folder/encoder`, the decoder from `folder/decoder.safetensors`."""
        encoder, tokenizer = load_encoder(folder / "encoder")
        saved = json.loads((folder / CONFIG_FILE).read_text())
        if saved["vocabulary"] != tokens.VOCAB:
            raise ValueError(f"{folder / DECODER_FILE} was trained for another scene vocabulary; retrain it")
        config = DecoderConfig(**saved["decoder"])
        decoder = SceneDecoder(config)
        decoder.load_state_dict({k: v.float() for k, v in load_file(folder / DECODER_FILE).items()})
        return cls(encoder, tokenizer, decoder)

    @torch.inference_mode()
    def encode(self, prompts: list[str]) -> tuple[torch.Tensor, torch.Tensor, list[list[tuple[int, int]]]]:
        """Encoder states, padding mask and each word piece's character offsets."""
        return encode(self.encoder, self.tokenizer, prompts, MAX_PROMPT_TOKENS)

    @torch.inference_mode()
    def predict(self, prompt: str) -> Scene:
        """The scene the prompt describes (greedy decoding under the grammar), with the text it asks for."""
        states, padding, offsets = self.encode([prompt])
        memory = self.decoder.memory(states, padding)
        grammar = tokens.Grammar.start()
        ids = [tokens.BOS]
        while not grammar.done and len(ids) < self.decoder.config.max_scene_tokens:
            logits = self.decoder(memory, padding, torch.tensor([ids]))[0, -1]
            allowed = torch.tensor(grammar.allowed())
            choice = int(allowed[logits[allowed].argmax()])
            grammar.push(choice)
            ids.append(choice)
        if not grammar.done:
            ids.append(tokens.EOS)
        scene = tokens.decode(ids)
        inside = (self.decoder.span_logits(memory)[0] > 0).tolist()
        scene.texts = texts_from_spans(prompt, offsets[0], inside)
        return scene


@torch.inference_mode()
def encode(
    encoder: nn.Module, tokenizer: PreTrainedTokenizerBase, prompts: list[str], max_tokens: int
) -> tuple[torch.Tensor, torch.Tensor, list[list[tuple[int, int]]]]:
    """MiniLM's last states for a batch of prompts, the padding mask (True = padding), the character offsets."""
    batch = tokenizer(
        prompts, return_tensors="pt", padding=True, truncation=True, max_length=max_tokens, return_offsets_mapping=True
    )
    offsets = batch.pop("offset_mapping").tolist()
    states = encoder(**batch).last_hidden_state
    return states, batch["attention_mask"] == 0, offsets


def load_encoder(folder: Path = ENCODER_DIR) -> tuple[nn.Module, PreTrainedTokenizerBase]:
    """MiniLM in float32 (its weights are stored in float16) and its fast tokenizer, from disk only."""
    encoder = AutoModel.from_pretrained(folder, dtype=torch.float32, local_files_only=True)
    tokenizer = AutoTokenizer.from_pretrained(folder, local_files_only=True)
    return encoder.eval(), tokenizer


def texts_from_spans(prompt: str, offsets: list[tuple[int, int]], inside: list[bool]) -> list[str]:
    """Runs of word pieces marked as text, back to the prompt's own characters (its case kept), quotes and
    trailing punctuation trimmed."""
    texts: list[str] = []
    start = end = None
    for (first, last), marked in zip(offsets, inside, strict=True):
        if first == last:  # special tokens
            marked = False
        if marked:
            if start is None:
                start = first
            end = last
        elif start is not None:
            texts.append(prompt[start:end])
            start = None
    if start is not None:
        texts.append(prompt[start:end])
    cleaned = [text.strip().strip(TEXT_QUOTES).strip(" ,.;:!?").strip(TEXT_QUOTES).strip() for text in texts]
    return [text for text in cleaned if text]


def save_decoder(decoder: SceneDecoder, folder: Path, training: dict[str, object]) -> None:
    """The decoder in float16 beside its configuration and the record of its training run."""
    folder.mkdir(parents=True, exist_ok=True)
    weights = {name: tensor.detach().half().contiguous() for name, tensor in decoder.state_dict().items()}
    save_file(weights, folder / DECODER_FILE)
    config = {"decoder": asdict(decoder.config), "vocabulary": tokens.VOCAB, "training": training}
    (folder / CONFIG_FILE).write_text(json.dumps(config, indent=1) + "\n")
