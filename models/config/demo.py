"""The configuration of demo mode: four simulated cameras, a simulated wall matrix, two simulated OBS
Studios, two events and their shots."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import date

from common.wording import QT_TRANSLATE_NOOP
from models.config.parse import parse_config
from models.config.schema import CameraCheck, Config, WallCheck

DEMO_SOURCE = QT_TRANSLATE_NOOP(
    "Config", "demo configuration"
)  # where its problems are, in place of a file name

_TEMPLATE = """\
# Demo configuration: the cameras are simulators started by the console itself.
cameras:
  - id: cam1
    name: Kamera Panggung
    url: {cam1}
    location: Ruang Rapat Utama
    preview: demo
    presets: {{1: Podium, 2: Meja Pimpinan, 3: Peserta Rapat}}{cam1_obs}
  - id: cam2
    name: Kamera Pendopo
    url: {cam2}
    location: Pendopo
    preview: demo
    presets: {{1: Panggung Pendopo, 2: Tamu Undangan, 3: Suasana Pendopo}}{cam2_obs}
  - id: cam3
    name: Kamera Studio
    url: {cam3}
    location: Command Center
    preview: demo
    presets: {{1: Pembawa Acara, 2: Narasumber, 3: Dua Orang}}{cam3_obs}
  - id: cam4
    name: Kamera Mobil Liputan
    url: {cam4}
    location: Mobil Liputan
    preview: demo
    presets: {{1: Reporter, 2: Suasana Jalan}}{cam4_obs}
{walls}{broadcast}
events:
  - id: rakor-bupati
    title: Rapat Koordinasi Bupati
    location: Ruang Rapat Utama
    start: "{day} 00:00"
    end: "{day} 23:59"
    cameras: [cam1, cam2]{rakor_wall}{rakor_obs}
    shots:
      F1: {{camera: cam1, preset: 1{rakor_f1}}}
      F2: {{camera: cam1, preset: 2{rakor_f2}}}
      F3: {{camera: cam2, preset: 1{rakor_f3}}}
      F4: {{camera: cam2, preset: 2{rakor_f4}}}{rakor_more}
  - id: podcast-diskominfo
    title: Podcast Diskominfo
    location: Command Center
    start: "{day} 00:00"
    end: "{day} 23:59"
    # cam2 also serves the Rakor: the console handles the take-over
    cameras: [cam3, cam4, cam2]{podcast_wall}{podcast_obs}
    shots:
      F1: {{camera: cam3, preset: 1{podcast_f1}}}
      F2: {{camera: cam3, preset: 2{podcast_f2}}}
      F3: {{camera: cam4, preset: 1{podcast_f3}}}
      F4: {{camera: cam2, preset: 3{podcast_f4}}}{podcast_more}
"""

_WALL = """
walls:
  - id: smart-wall
    name: Layar Lebar Smart Centre
    url: {url}
    sources:
      1: Kamera Panggung
      2: Kamera Pendopo
      3: Kamera Studio
      4: PC Presentasi
      5: Zoom/Conference
      6: YouTube Preview
      7: Kamera Mobil Liputan
      8: Laptop Tamu
    outputs: {{1: Layar Kiri, 2: Layar Tengah, 3: Layar Kanan, 4: Monitor Podium}}
    rows: 1
    cols: 4
    layouts: {{1: Rapat Penuh, 2: Presentasi, 3: Podcast}}
"""
_RAKOR_WALL = "\n    wall_outputs: [smart-wall:1, smart-wall:2]"
_PODCAST_WALL = "\n    wall_outputs: [smart-wall:3, smart-wall:4]"

_BROADCAST = """
broadcast:
  - id: obs-rapat
    name: OBS Ruang Rapat
    url: {rapat}
  - id: obs-podcast
    name: OBS Podcast
    url: {podcast}
"""
#: The scenes of the demo's simulated OBS Studios (top first), each with the sources it shows.
DEMO_SCENES: dict[str, dict[str, tuple[str, ...]]] = {
    "obs-rapat": {
        "Podium": ("Kamera Panggung",),
        "Pendopo": ("Kamera Pendopo",),
        "Presentasi": ("PC Presentasi",),
        "Gabungan": ("Kamera Panggung", "Kamera Pendopo"),
    },
    "obs-podcast": {
        "Studio": ("Kamera Studio",),
        "Liputan": ("Kamera Mobil Liputan",),
        "Pendopo": ("Kamera Pendopo",),
        "Penutup": ("Logo Diskominfo",),
    },
}
_OBS_PARTS = {  # what the broadcast outputs add to the template
    "cam1_obs": "\n    obs_source: Kamera Panggung",
    "cam2_obs": "\n    obs_source: Kamera Pendopo\n    tally_lamp: yes",  # a BRC-X400: it has the command
    "cam3_obs": "\n    obs_source: Kamera Studio",
    "cam4_obs": "\n    obs_source: Kamera Mobil Liputan",
    "rakor_obs": "\n    broadcast: obs-rapat",
    "podcast_obs": "\n    broadcast: obs-podcast",
    "rakor_f1": ", scene: Podium",
    "rakor_f2": ", scene: Podium",
    "rakor_f3": ", scene: Pendopo",
    "rakor_f4": ", scene: Pendopo",
    "rakor_more": "\n      F5: {scene: Presentasi}\n      F6: {scene: Gabungan}",
    "podcast_f1": ", scene: Studio",
    "podcast_f2": ", scene: Studio",
    "podcast_f3": ", scene: Liputan",
    "podcast_f4": ", scene: Pendopo",
    "podcast_more": "\n      F5: {scene: Penutup}",
}

#: What the demo layouts show, output -> input, for the simulator to store as its presets.
DEMO_LAYOUTS = {1: {1: 1, 2: 4, 3: 2, 4: 1}, 2: {1: 4, 2: 4, 3: 4, 4: 1}, 3: {1: 1, 2: 5, 3: 3, 4: 7}}


def demo_config_text(
    urls: Sequence[str],
    day: date | None = None,
    wall_url: str | None = None,
    obs_urls: Mapping[str, str] | None = None,
) -> str:
    """The demo file for the four simulator URLs: two visca+udp, one visca+tcp, one visca+serial.

    Both events run all ``day`` (default today), so a new user sees ownership and take-over at work.
    With ``wall_url`` (a Kramer matrix, 8 inputs) the file has the Smart Centre's wide screen too,
    its first two outputs owned by the Rakor and the other two by the Podcast. With ``obs_urls`` (an
    OBS URL per ``DEMO_SCENES`` output) each event streams on its own OBS, its shots cut to scenes and
    the cameras have their OBS sources (tally).
    """
    if len(urls) != 4:
        raise ValueError(f"the demo needs exactly 4 camera URLs, got {len(urls)}")
    # a JSON string is a valid double-quoted YAML scalar, whatever the URL contains
    cameras = {f"cam{number}": json.dumps(url) for number, url in enumerate(urls, start=1)}
    walls = (
        {
            "walls": _WALL.format(url=json.dumps(wall_url)),
            "rakor_wall": _RAKOR_WALL,
            "podcast_wall": _PODCAST_WALL,
        }
        if wall_url
        else {"walls": "", "rakor_wall": "", "podcast_wall": ""}
    )
    obs = {key: "" for key in _OBS_PARTS} | {"broadcast": ""}
    if obs_urls:
        named = {"rapat": obs_urls["obs-rapat"], "podcast": obs_urls["obs-podcast"]}
        obs = _OBS_PARTS | {"broadcast": _BROADCAST.format(**{k: json.dumps(v) for k, v in named.items()})}
    return _TEMPLATE.format(day=(day or date.today()).isoformat(), **cameras, **walls, **obs)


def demo_config(
    urls: Sequence[str],
    camera_check: CameraCheck | None = None,
    day: date | None = None,
    *,
    wall_url: str | None = None,
    wall_check: WallCheck | None = None,
    obs_urls: Mapping[str, str] | None = None,
) -> Config:
    return parse_config(
        demo_config_text(urls, day, wall_url, obs_urls), DEMO_SOURCE, camera_check, wall_check
    )
