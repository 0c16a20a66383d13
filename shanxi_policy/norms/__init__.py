"""Normative statements (禁止/限制/义务/鼓励) read from every clause at index time."""

from .model import MODALITIES, MODALITY_LABELS, Norm

__all__ = ["MODALITIES", "MODALITY_LABELS", "Norm"]
