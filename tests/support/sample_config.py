"""A configuration file as an IT staff member would write it: two cameras and one event."""

GOOD = """\
cameras:
  - id: cam1
    name: Kamera Panggung
    url: visca+udp://192.168.10.21
    profile: sony-srg300h
    location: Ruang Rapat Utama
    preview: rtsp://192.168.10.21/stream1
    presets: {1: Podium, 2: Meja Pimpinan}
  - id: cam2
    name: Kamera Lebar
    url: visca+tcp://192.168.10.22?quirks=any-address
    preview: 0
events:
  - id: rakor-bupati
    title: Rapat Koordinasi Bupati
    start: "2026-11-28 09:00"
    end: "2026-11-28 12:00"
    cameras: [cam1, cam2]
    shots: {F1: {camera: cam1, preset: 1}}
"""
