"""The demo team, places, devices and the vocabulary of the demo data (Indonesian, as on site).

Shared by ``seed_demo`` (a realistic month) and ``seed_bulk`` (years of data for benchmarks).
Every demo account's PIN is ``DEMO_PIN``.
"""

from __future__ import annotations

from models.oplog.tables import DeviceKind, EmploymentCategory, EventMode, LocationKind, Role

DEMO_PIN = "1234"

# name, NIP, category, role
TEAM = (
    ("Agus Setiawan", "198305122009011003", EmploymentCategory.PNS, Role.ADMIN),
    ("Sri Wahyuni", "198707232011012007", EmploymentCategory.PNS, Role.ADMIN),
    ("Budi Santoso", "199001152015031002", EmploymentCategory.PNS, Role.OPERATOR),
    ("Dwi Rahmawati", "199204282019032011", EmploymentCategory.PNS, Role.OPERATOR),
    ("Rizky Pratama", "199603102024021001", EmploymentCategory.CPNS, Role.OPERATOR),
    ("Fitri Handayani", "199811052024022003", EmploymentCategory.CPNS, Role.OPERATOR),
    ("Eko Prasetyo", None, EmploymentCategory.PENUNJANG, Role.OPERATOR),
    ("Wahyu Hidayat", None, EmploymentCategory.PENUNJANG, Role.VIEWER),
)

# name, kind, participant limit
PLACES = (
    ("Ruang Rapat Utama", LocationKind.SMART_CENTRE_ROOM, 40),
    ("Command Center", LocationKind.SMART_CENTRE_ROOM, 20),
    ("Studio Smart Centre", LocationKind.SMART_CENTRE_ROOM, 10),
    ("Pendopo Manggala Praja Nugraha", LocationKind.VENUE, 300),
    ("Aula Diskominfo", LocationKind.VENUE, 120),
    ("Mobil Liputan", LocationKind.MOBILE, 0),
)

# asset number, name, kind, location
DEVICES = (
    ("SC-CAM-01", "Kamera Panggung", DeviceKind.CAMERA, "Ruang Rapat Utama"),
    ("SC-CAM-02", "Kamera Pendopo", DeviceKind.CAMERA, "Pendopo Manggala Praja Nugraha"),
    ("SC-CAM-03", "Kamera Studio", DeviceKind.CAMERA, "Studio Smart Centre"),
    ("SC-CAM-04", "Kamera Mobil Liputan", DeviceKind.CAMERA, "Mobil Liputan"),
    ("SC-VW-01", "Video Wall Command Center", DeviceKind.VIDEO_WALL, "Command Center"),
    ("SC-KIT-01", "Kit Streaming Mobile 1", DeviceKind.MOBILE_KIT, "Mobil Liputan"),
    ("SC-KIT-02", "Kit Streaming Mobile 2", DeviceKind.MOBILE_KIT, None),
)

# (name, start hour WIB, hours)
SHIFTS = (("Pagi", 7, 8), ("Siang", 15, 8), ("Malam", 23, 8))
CREW = (3, 2, 1)  # staff on duty in the Pagi, Siang and Malam shifts

ORGANISERS = (
    "Bappeda",
    "Dinas Kesehatan",
    "BPBD",
    "Diskominfo",
    "Dinas Pendidikan",
    "Bagian Prokopim",
    "Dinas Sosial",
    "DPMPTSP",
    "Inspektorat",
    "Dinas Pertanian dan Pangan",
    "Sekretariat DPRD",
)
DISTRICTS = (
    "Panggul",
    "Munjungan",
    "Watulimo",
    "Kampak",
    "Dongko",
    "Pule",
    "Karangan",
    "Suruh",
    "Gandusari",
    "Durenan",
    "Pogalan",
    "Trenggalek",
    "Tugu",
    "Bendungan",
)
TOPICS = (
    "Percepatan Penurunan Stunting",
    "Kesiapsiagaan Bencana Banjir",
    "Smart City Trenggalek",
    "Pelayanan Publik Terpadu",
    "Inflasi Daerah",
    "Satu Data Indonesia",
    "Pengelolaan Sampah",
    "Perlindungan Anak",
    "Ketahanan Pangan",
    "Reformasi Birokrasi",
    "Keterbukaan Informasi Publik",
)
TITLES = {
    EventMode.DARING: (
        "Zoom Meeting {topic} bersama Kementerian",
        "Rapat Virtual {organiser}: {topic}",
        "Podcast Diskominfo: {topic}",
        "Webinar {topic}",
    ),
    EventMode.LURING: (
        "Rapat Koordinasi {topic}",
        "Sosialisasi {topic}",
        "Musrenbang Kecamatan {district}",
        "Upacara dan Pelantikan Pejabat {organiser}",
    ),
    EventMode.CAMPURAN: (
        "Rapat Paripurna {organiser}",
        "Forum OPD {topic} (hybrid)",
        "Rakor Bupati dengan Camat se-Kabupaten: {topic}",
        "Bimtek {topic}",
    ),
}
CAMERA_ACTIONS = (
    "preset recall 1",
    "preset recall 2",
    "preset recall 3",
    "preset recall 4",
    "preset recall 5",
    "move left",
    "move right",
    "move up",
    "move down",
    "zoom in",
    "zoom out",
    "zoom stop",
    "stop",
    "focus auto",
    "home",
)
CAMERA_ERRORS = ("not executable", "timeout", "offline", "command buffer full")
FAULT_TEXTS = (
    "{device}: tidak merespons perintah preset, harus restart daya",
    "{device}: gambar berkedip di output HDMI",
    "{device}: fokus otomatis tidak stabil saat zoom penuh",
    "{device}: kabel LAN longgar, koneksi putus-sambung",
    "{device}: suhu tinggi, kipas berisik",
)
STREAM_FAULT = "Live streaming YouTube terputus beberapa kali (bitrate turun), internet kantor tidak stabil"
LOG_TEXTS = (
    "Cek kamera, audio dan koneksi internet sebelum acara: semua normal",
    "Serah terima kunci ruang Command Center",
    "Baterai kit streaming diisi penuh",
    "Jadwal besok dikonfirmasi dengan {organiser}",
    "Video wall menampilkan dashboard Smart City",
    "Rekaman acara disalin ke NAS",
    "Koordinasi dengan protokol {organiser} tentang susunan acara",
)
