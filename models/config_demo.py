"""The configuration of demo mode: four simulated cameras, two events and their shots."""
from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date

from models.config_parse import parse_config
from models.config_schema import CameraCheck, Config

DEMO_SOURCE = "demo configuration"

_TEMPLATE = """\
# Demo configuration: the cameras are simulators started by the console itself.
cameras:
  - id: cam1
    name: Kamera Panggung
    url: {cam1}
    location: Ruang Rapat Utama
    preview: demo
    presets: {{1: Podium, 2: Meja Pimpinan, 3: Peserta Rapat}}
  - id: cam2
    name: Kamera Pendopo
    url: {cam2}
    location: Pendopo
    preview: demo
    presets: {{1: Panggung Pendopo, 2: Tamu Undangan, 3: Suasana Pendopo}}
  - id: cam3
    name: Kamera Studio
    url: {cam3}
    location: Command Center
    preview: demo
    presets: {{1: Pembawa Acara, 2: Narasumber, 3: Dua Orang}}
  - id: cam4
    name: Kamera Mobil Liputan
    url: {cam4}
    location: Mobil Liputan
    preview: demo
    presets: {{1: Reporter, 2: Suasana Jalan}}

events:
  - id: rakor-bupati
    title: Rapat Koordinasi Bupati
    location: Ruang Rapat Utama
    start: "{day} 00:00"
    end: "{day} 23:59"
    cameras: [cam1, cam2]
    shots:
      F1: {{camera: cam1, preset: 1}}
      F2: {{camera: cam1, preset: 2}}
      F3: {{camera: cam2, preset: 1}}
      F4: {{camera: cam2, preset: 2}}
  - id: podcast-diskominfo
    title: Podcast Diskominfo
    location: Command Center
    start: "{day} 00:00"
    end: "{day} 23:59"
    cameras: [cam3, cam4, cam2]     # cam2 also serves the Rakor: the console handles the take-over
    shots:
      F1: {{camera: cam3, preset: 1}}
      F2: {{camera: cam3, preset: 2}}
      F3: {{camera: cam4, preset: 1}}
      F4: {{camera: cam2, preset: 3}}
"""


def demo_config_text(urls: Sequence[str], day: date | None = None) -> str:
    """The demo file for the four simulator URLs: two visca+udp, one visca+tcp, one visca+serial.

    Both events run all ``day`` (default today), so a new user sees ownership and take-over at work.
    """
    if len(urls) != 4:
        raise ValueError(f"the demo needs exactly 4 camera URLs, got {len(urls)}")
    # a JSON string is a valid double-quoted YAML scalar, whatever the URL contains
    cameras = {f"cam{number}": json.dumps(url) for number, url in enumerate(urls, start=1)}
    return _TEMPLATE.format(day=(day or date.today()).isoformat(), **cameras)


def demo_config(urls: Sequence[str], camera_check: CameraCheck | None = None, day: date | None = None) -> Config:
    return parse_config(demo_config_text(urls, day), DEMO_SOURCE, camera_check)
