"""Draw the demo panorama: the Smart Centre's meeting hall, 4096×1024, seen from the back.

Deterministic (fixed seed, no fonts from the system), so re-running it reproduces
``panorama.jpg`` byte for byte on the same OpenCV build:

    python tools/make_panorama.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import cv2
import numpy as np

WIDTH, HEIGHT = 4096, 1024
WALL_TOP, FLOOR_TOP = 150, 640
STAGE_LEFT, STAGE_RIGHT, STAGE_TOP = 1450, 2650, 560
PILLARS = (330, 1010, 3086, 3766)
BANNER = "SMART CENTRE KABUPATEN TRENGGALEK"
JPEG_QUALITY = 85
SEED = 20240817
FONT = cv2.FONT_HERSHEY_DUPLEX

Color = tuple[int, int, int]  # BGR


def vertical_gradient(image: np.ndarray, top: int, bottom: int, start: Color, end: Color) -> None:
    steps = np.linspace(0.0, 1.0, bottom - top)[:, None, None]
    band = (1 - steps) * np.array(start, float) + steps * np.array(end, float)
    image[top:bottom] = band.astype(np.uint8)


def centred_text(
    image: np.ndarray, text: str, centre: tuple[int, int], scale: float, color: Color, thickness: int
) -> None:
    (w, h), _ = cv2.getTextSize(text, FONT, scale, thickness)
    origin = (centre[0] - w // 2, centre[1] + h // 2)
    cv2.putText(image, text, origin, FONT, scale, color, thickness, cv2.LINE_AA)


def draw_ceiling(image: np.ndarray) -> None:
    vertical_gradient(image, 0, WALL_TOP, (58, 62, 66), (92, 98, 104))
    for x in range(120, WIDTH, 260):
        cv2.ellipse(image, (x, 70), (70, 16), 0, 0, 360, (235, 248, 255), -1, cv2.LINE_AA)
        cv2.ellipse(image, (x, 70), (80, 22), 0, 0, 360, (150, 165, 175), 2, cv2.LINE_AA)
    cv2.rectangle(image, (0, WALL_TOP - 12), (WIDTH, WALL_TOP), (70, 80, 90), -1)


def draw_wall(image: np.ndarray) -> None:
    vertical_gradient(image, WALL_TOP, FLOOR_TOP, (170, 196, 214), (120, 150, 172))
    for x in range(0, WIDTH, 96):  # wood panel seams
        cv2.line(image, (x, WALL_TOP), (x, FLOOR_TOP), (105, 130, 150), 2)
    cv2.rectangle(image, (0, FLOOR_TOP - 40), (WIDTH, FLOOR_TOP), (60, 82, 104), -1)


def draw_windows(image: np.ndarray, left: int, right: int) -> None:
    pane_w, pane_h, gap = 120, 110, 18
    columns = (right - left - gap) // (pane_w + gap)
    x0 = left + (right - left - columns * (pane_w + gap) + gap) // 2
    for row in range(3):
        for col in range(columns):
            x, y = x0 + col * (pane_w + gap), 200 + row * (pane_h + gap)
            vertical_gradient(image[:, x : x + pane_w], y, y + pane_h, (235, 200, 150), (210, 225, 200))
            cv2.line(
                image, (x + 20, y + pane_h - 10), (x + pane_w - 30, y + 15), (250, 245, 240), 3, cv2.LINE_AA
            )
            cv2.rectangle(image, (x, y), (x + pane_w, y + pane_h), (50, 50, 55), 6)
            cv2.line(image, (x + pane_w // 2, y), (x + pane_w // 2, y + pane_h), (50, 50, 55), 3)


def draw_pillars(image: np.ndarray) -> None:
    shade = np.linspace(0.75, 1.15, 90)[None, :, None]
    for x in PILLARS:
        column = np.full((FLOOR_TOP + 60 - WALL_TOP, 90, 3), (200, 205, 210), float) * shade
        image[WALL_TOP : FLOOR_TOP + 60, x - 45 : x + 45] = np.clip(column, 0, 255).astype(np.uint8)
        cv2.rectangle(image, (x - 55, WALL_TOP), (x + 55, WALL_TOP + 24), (180, 185, 190), -1)
        cv2.rectangle(image, (x - 55, FLOOR_TOP + 40), (x + 55, FLOOR_TOP + 60), (150, 155, 160), -1)


def draw_banner(image: np.ndarray) -> None:
    left, right, top, bottom = 1330, 2770, 190, 300
    cv2.rectangle(image, (left, top), (right, bottom), (40, 30, 150), -1)
    cv2.rectangle(image, (left + 8, top + 8), (right - 8, bottom - 8), (60, 190, 230), 4, cv2.LINE_AA)
    centred_text(image, BANNER, ((left + right) // 2, (top + bottom) // 2), 1.9, (255, 255, 255), 3)


def draw_screen(image: np.ndarray, left: int, title: str, accent: Color) -> None:
    top, w, h = 330, 420, 240
    cv2.rectangle(image, (left - 10, top - 10), (left + w + 10, top + h + 10), (30, 30, 30), -1)
    vertical_gradient(image[:, left : left + w], top, top + h, (120, 60, 20), (200, 120, 40))
    centred_text(image, title, (left + w // 2, top + 50), 1.1, (255, 255, 255), 2)
    for i, height in enumerate((60, 110, 80, 140, 95)):  # a bar chart on the slide
        x = left + 70 + i * 60
        cv2.rectangle(image, (x, top + h - 30 - height), (x + 36, top + h - 30), accent, -1)
    cv2.line(image, (left + 50, top + h - 30), (left + w - 50, top + h - 30), (255, 255, 255), 2)


def draw_flag(image: np.ndarray, x: int) -> None:
    cv2.line(image, (x, 330), (x, FLOOR_TOP - 70), (150, 160, 170), 6)
    cv2.rectangle(image, (x + 3, 340), (x + 123, 380), (40, 40, 220), -1)  # merah
    cv2.rectangle(image, (x + 3, 380), (x + 123, 420), (250, 250, 250), -1)  # putih


def draw_stage(image: np.ndarray) -> None:
    cv2.rectangle(image, (STAGE_LEFT, STAGE_TOP), (STAGE_RIGHT, FLOOR_TOP + 70), (40, 70, 110), -1)
    cv2.rectangle(image, (STAGE_LEFT, FLOOR_TOP + 10), (STAGE_RIGHT, FLOOR_TOP + 70), (30, 50, 80), -1)
    for x in range(STAGE_LEFT, STAGE_RIGHT, 80):
        cv2.line(image, (x, STAGE_TOP), (x, FLOOR_TOP + 10), (35, 62, 98), 2)
    draw_flag(image, STAGE_LEFT + 60)
    draw_flag(image, STAGE_RIGHT - 190)
    # podium with the regency emblem
    cv2.rectangle(image, (1990, 430), (2110, 620), (30, 60, 100), -1)
    cv2.rectangle(image, (1975, 420), (2125, 440), (20, 45, 80), -1)
    cv2.circle(image, (2050, 500), 34, (60, 190, 230), -1, cv2.LINE_AA)
    cv2.circle(image, (2050, 500), 24, (40, 130, 40), -1, cv2.LINE_AA)
    cv2.line(image, (2030, 420), (2015, 380), (40, 40, 40), 3, cv2.LINE_AA)  # microphone
    for x in (1560, 2540):  # potted plants
        cv2.rectangle(image, (x - 25, 570), (x + 25, 620), (60, 90, 150), -1)
        cv2.circle(image, (x, 540), 45, (50, 140, 50), -1, cv2.LINE_AA)
        cv2.circle(image, (x - 25, 520), 30, (70, 160, 70), -1, cv2.LINE_AA)


def draw_floor(image: np.ndarray) -> None:
    vertical_gradient(image, FLOOR_TOP, HEIGHT, (70, 60, 120), (50, 40, 95))
    for y in range(FLOOR_TOP + 20, HEIGHT, 36):
        cv2.line(image, (0, y), (WIDTH, y), (62, 52, 108), 2)


def draw_chair(image: np.ndarray, x: int, y: int, color: Color) -> None:
    cv2.rectangle(image, (x, y - 70), (x + 44, y - 10), color, -1)
    cv2.rectangle(image, (x - 4, y - 12), (x + 48, y + 4), tuple(int(c * 0.7) for c in color), -1)
    cv2.line(image, (x + 4, y + 4), (x + 4, y + 40), (40, 40, 40), 4)
    cv2.line(image, (x + 40, y + 4), (x + 40, y + 40), (40, 40, 40), 4)


def draw_tables(image: np.ndarray, rng: np.random.Generator) -> None:
    palette = ((160, 60, 40), (40, 40, 170), (60, 120, 60), (40, 130, 200))
    for row, (y, depth) in enumerate(((760, 60), (900, 80))):
        for block in range(6):
            left = 120 + block * 670 + row * 40
            right = left + 560
            for x in range(left + 20, right - 40, 70):  # chairs behind the table
                draw_chair(image, x, y - 10, palette[(block + row) % len(palette)])
            cv2.rectangle(image, (left, y), (right, y + 18), (245, 245, 245), -1)
            cv2.rectangle(image, (left, y + 18), (right, y + depth), (150, 90, 30), -1)
            for x in range(left + 40, right - 40, 140):  # bottles and name cards
                if rng.random() < 0.8:
                    cv2.rectangle(image, (x, y - 34), (x + 12, y), (200, 170, 90), -1)
                    cv2.rectangle(image, (x + 30, y - 22), (x + 80, y), (250, 250, 250), -1)


def draw_details(image: np.ndarray) -> None:
    cv2.circle(image, (1220, 240), 40, (245, 245, 245), -1, cv2.LINE_AA)  # wall clock
    cv2.circle(image, (1220, 240), 40, (40, 40, 40), 4, cv2.LINE_AA)
    cv2.line(image, (1220, 240), (1220, 212), (20, 20, 20), 3, cv2.LINE_AA)
    cv2.line(image, (1220, 240), (1240, 250), (20, 20, 20), 3, cv2.LINE_AA)
    cv2.rectangle(image, (3980, 330), (4060, 600), (45, 70, 100), -1)  # side door
    cv2.rectangle(image, (3992, 300), (4048, 322), (60, 170, 60), -1)  # exit sign
    centred_text(image, "EXIT", (4020, 311), 0.5, (255, 255, 255), 1)
    cv2.rectangle(image, (40, 330), (120, 600), (45, 70, 100), -1)
    centred_text(image, "RUANG RAPAT", (680, 630), 0.9, (230, 230, 230), 2)
    centred_text(image, "COMMAND CENTER", (3420, 630), 0.9, (230, 230, 230), 2)


def draw_panorama() -> np.ndarray:
    rng = np.random.default_rng(SEED)
    image = np.zeros((HEIGHT, WIDTH, 3), np.uint8)
    draw_ceiling(image)
    draw_wall(image)
    draw_windows(image, 380, 960)
    draw_windows(image, 3136, 3716)
    draw_pillars(image)
    draw_banner(image)
    draw_screen(image, 1040, "SELAMAT DATANG", (60, 200, 240))
    draw_screen(image, 2640, "SMART CENTRE", (80, 220, 120))
    draw_stage(image)
    draw_floor(image)
    draw_tables(image, rng)
    draw_details(image)
    noise = rng.normal(0.0, 2.0, image.shape)  # a little grain, so the JPEG is not banded
    return np.clip(image + noise, 0, 255).astype(np.uint8)


def main() -> int:
    target = Path(__file__).resolve().parent.parent / "resources" / "demo" / "panorama.jpg"
    ok, data = cv2.imencode(".jpg", draw_panorama(), [cv2.IMWRITE_JPEG_QUALITY, JPEG_QUALITY])
    if not ok:
        print("JPEG encoding failed", file=sys.stderr)
        return 1
    target.write_bytes(data.tobytes())
    print(f"{target}: {len(data) // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
