"""Small generated video clips for the preview tests."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np

BACKGROUND = (160, 60, 20)  # BGR: a blue that shows whether red and blue were swapped


def clip_frame(index: int, count: int, size: tuple[int, int]) -> np.ndarray:
    """Frame ``index``: a white bar that walks left to right over ``count`` frames, on BACKGROUND."""
    width, height = size
    frame = np.full((height, width, 3), BACKGROUND, np.uint8)
    left = index * (width - width // 8) // max(count - 1, 1)
    frame[:, left : left + width // 8] = 255
    return frame


def write_clip(
    path: Path, *, count: int = 10, size: tuple[int, int] = (320, 180), fps: float = 100.0
) -> Path:
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"MJPG"), fps, size)
    try:
        for index in range(count):
            writer.write(clip_frame(index, count, size))
    finally:
        writer.release()
    return path


def bar_centre(frame: np.ndarray) -> float:
    """Horizontal position of the bright bar as a share of the frame's width."""
    columns = frame.mean(axis=(0, 2))
    bright = np.flatnonzero(columns > 160)
    return float(bright.mean()) / frame.shape[1] if bright.size else -1.0
