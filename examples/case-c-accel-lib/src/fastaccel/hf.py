"""Accelerated preprocessing for Hugging Face pipelines (needs the 'hf' extra)."""

from transformers import AutoTokenizer

from .kernels import normalize


def embed_lengths(model: str, texts: list[str]):
    tokenizer = AutoTokenizer.from_pretrained(model)
    lengths = [len(tokenizer(text)["input_ids"]) for text in texts]
    import numpy as np

    return normalize(np.array(lengths, dtype=float))
