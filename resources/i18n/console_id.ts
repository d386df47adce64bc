<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID" sourcelanguage="en">
<context>
    <name>ActionLabels</name>
    <message>
        <location filename="../../ui/hotkeys.py" line="152"/>
        <source>Move up</source>
        <translation>Gerak ke atas</translation>
    </message>
    <message>
        <location filename="../../ui/hotkeys.py" line="152"/>
        <source>Move down</source>
        <translation>Gerak ke bawah</translation>
    </message>
    <message>
        <location filename="../../ui/hotkeys.py" line="153"/>
        <source>Move left</source>
        <translation>Gerak ke kiri</translation>
    </message>
    <message>
        <location filename="../../ui/hotkeys.py" line="153"/>
        <source>Move right</source>
        <translation>Gerak ke kanan</translation>
    </message>
    <message>
        <location filename="../../ui/hotkeys.py" line="154"/>
        <source>Zoom in</source>
        <translation>Perbesar</translation>
    </message>
    <message>
        <location filename="../../ui/hotkeys.py" line="154"/>
        <source>Zoom out</source>
        <translation>Perkecil</translation>
    </message>
    <message>
        <location filename="../../ui/hotkeys.py" line="155"/>
        <source>Stop all cameras</source>
        <translation>Hentikan semua kamera</translation>
    </message>
    <message>
        <location filename="../../ui/hotkeys.py" line="155"/>
        <source>Show the hotkeys</source>
        <translation>Tampilkan tombol pintas</translation>
    </message>
    <message>
        <location filename="../../ui/hotkeys.py" line="156"/>
        <source>Quick log entry</source>
        <translation>Catatan cepat</translation>
    </message>
    <message>
        <location filename="../../ui/hotkeys.py" line="161"/>
        <source>Select camera {number}</source>
        <translation>Pilih kamera {number}</translation>
    </message>
    <message>
        <location filename="../../ui/hotkeys.py" line="162"/>
        <source>Recall preset {number}</source>
        <translation>Panggil preset {number}</translation>
    </message>
    <message>
        <location filename="../../ui/hotkeys.py" line="162"/>
        <source>Shot {number}</source>
        <translation>Shot {number}</translation>
    </message>
    <message>
        <location filename="../../ui/hotkeys.py" line="163"/>
        <source>Recall wall layout {number}</source>
        <translation>Panggil tata letak video wall {number}</translation>
    </message>
    <message>
        <location filename="../../ui/hotkeys.py" line="168"/>
        <source>Cameras</source>
        <translation>Kamera</translation>
    </message>
    <message>
        <location filename="../../ui/hotkeys.py" line="168"/>
        <source>Move and zoom (hold the key)</source>
        <translation>Gerak dan zoom (tahan tombolnya)</translation>
    </message>
    <message>
        <location filename="../../ui/hotkeys.py" line="169"/>
        <source>Presets of the selected camera</source>
        <translation>Preset kamera terpilih</translation>
    </message>
    <message>
        <location filename="../../ui/hotkeys.py" line="169"/>
        <source>Shots of the active event</source>
        <translation>Shot acara aktif</translation>
    </message>
    <message>
        <location filename="../../ui/hotkeys.py" line="170"/>
        <source>Layouts of the video wall</source>
        <translation>Tata letak video wall</translation>
    </message>
    <message>
        <location filename="../../ui/hotkeys.py" line="171"/>
        <source>General</source>
        <translation>Umum</translation>
    </message>
</context>
<context>
    <name>CameraListModel</name>
    <message>
        <location filename="../../ui/camera_model.py" line="47"/>
        <source>Camera</source>
        <translation>Kamera</translation>
    </message>
    <message>
        <location filename="../../ui/camera_model.py" line="47"/>
        <source>Link</source>
        <translation>Koneksi</translation>
    </message>
    <message>
        <location filename="../../ui/camera_model.py" line="47"/>
        <source>Last seen</source>
        <translation>Respons terakhir</translation>
    </message>
    <message>
        <location filename="../../ui/camera_model.py" line="48"/>
        <source>Round trip</source>
        <translation>Latensi</translation>
    </message>
    <message>
        <location filename="../../ui/camera_model.py" line="48"/>
        <source>Errors</source>
        <translation>Kesalahan</translation>
    </message>
    <message>
        <location filename="../../ui/camera_model.py" line="48"/>
        <source>Timeouts</source>
        <translation>Waktu habis</translation>
    </message>
    <message>
        <location filename="../../ui/camera_model.py" line="49"/>
        <source>Power</source>
        <translation>Daya</translation>
    </message>
    <message>
        <location filename="../../ui/camera_model.py" line="49"/>
        <source>Pan / tilt</source>
        <translation>Pan / tilt</translation>
    </message>
    <message>
        <location filename="../../ui/camera_model.py" line="49"/>
        <source>Zoom</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <location filename="../../ui/camera_model.py" line="50"/>
        <source>Preset</source>
        <translation>Preset</translation>
    </message>
    <message>
        <location filename="../../ui/camera_model.py" line="132"/>
        <source>never</source>
        <translation>belum pernah</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/camera_model.py" line="133"/>
        <source>%n s ago</source>
        <translation>
            <numerusform>%n detik lalu</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/camera_model.py" line="141"/>
        <source>on</source>
        <translation>menyala</translation>
    </message>
    <message>
        <location filename="../../ui/camera_model.py" line="141"/>
        <source>standby</source>
        <translation>siaga</translation>
    </message>
    <message>
        <location filename="../../ui/camera_model.py" line="150"/>
        <source>offline</source>
        <translation>terputus</translation>
    </message>
    <message>
        <location filename="../../ui/camera_model.py" line="152"/>
        <source>connecting</source>
        <translation>menghubungkan</translation>
    </message>
    <message>
        <location filename="../../ui/camera_model.py" line="153"/>
        <source>moving</source>
        <translation>bergerak</translation>
    </message>
    <message>
        <location filename="../../ui/camera_model.py" line="153"/>
        <source>arrived</source>
        <translation>tiba</translation>
    </message>
    <message>
        <location filename="../../ui/camera_model.py" line="154"/>
        <source>online</source>
        <translation>terhubung</translation>
    </message>
</context>
<context>
    <name>CameraTileDelegate</name>
    <message>
        <location filename="../../ui/camera_bank.py" line="40"/>
        <source>no picture</source>
        <translation>tidak ada gambar</translation>
    </message>
</context>
<context>
    <name>CheatSheet</name>
    <message>
        <location filename="../../ui/cheat_sheet.py" line="16"/>
        <source>Hotkeys</source>
        <translation>Tombol Pintas</translation>
    </message>
    <message>
        <location filename="../../ui/cheat_sheet.py" line="19"/>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <location filename="../../ui/cheat_sheet.py" line="48"/>
        <source>While you type in a text field only {keys} works: it stops all cameras.</source>
        <translation>Saat Anda mengetik di kolom teks, hanya {keys} yang berfungsi: menghentikan semua kamera.</translation>
    </message>
    <message>
        <location filename="../../ui/cheat_sheet.py" line="49"/>
        <source>Hotkeys do nothing while you type in a text field.</source>
        <translation>Tombol pintas tidak berfungsi saat Anda mengetik di kolom teks.</translation>
    </message>
</context>
<context>
    <name>ConfigEditor</name>
    <message>
        <location filename="../../ui/config_editor.py" line="30"/>
        <source>Configuration — {path}</source>
        <translation>Konfigurasi — {path}</translation>
    </message>
    <message>
        <location filename="../../ui/config_editor.py" line="47"/>
        <source>Check</source>
        <translation>Periksa</translation>
    </message>
    <message>
        <location filename="../../ui/config_editor.py" line="47"/>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <location filename="../../ui/config_editor.py" line="47"/>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <location filename="../../ui/config_editor.py" line="64"/>
        <source>{count} problem(s) found.</source>
        <translation>Ditemukan {count} masalah.</translation>
    </message>
    <message>
        <location filename="../../ui/config_editor.py" line="67"/>
        <source>No problems found.</source>
        <translation>Tidak ada masalah.</translation>
    </message>
    <message>
        <location filename="../../ui/config_editor.py" line="76"/>
        <source>Not saved: fix the problems listed above first. The file is unchanged.</source>
        <translation>Tidak disimpan: perbaiki dulu masalah yang tercantum di atas. Berkas tidak diubah.</translation>
    </message>
    <message>
        <location filename="../../ui/config_editor.py" line="79"/>
        <source>Saved to {path}.</source>
        <translation>Disimpan ke {path}.</translation>
    </message>
    <message>
        <location filename="../../ui/config_editor.py" line="118"/>
        <source>Line {line}, column {column}</source>
        <translation>Baris {line}, kolom {column}</translation>
    </message>
</context>
<context>
    <name>Console</name>
    <message>
        <location filename="../../ui/console.py" line="115"/>
        <source>Hotkeys…</source>
        <translation>Tombol Pintas…</translation>
    </message>
    <message>
        <location filename="../../ui/console.py" line="116"/>
        <source>Configuration…</source>
        <translation>Konfigurasi…</translation>
    </message>
    <message>
        <location filename="../../ui/console.py" line="118"/>
        <source>Hotkey cheat sheet (?)</source>
        <translation>Daftar tombol pintas (?)</translation>
    </message>
    <message>
        <location filename="../../ui/console.py" line="119"/>
        <source>Language</source>
        <translation>Bahasa</translation>
    </message>
    <message>
        <location filename="../../ui/console.py" line="138"/>
        <source>Hotkeys saved</source>
        <translation>Tombol pintas disimpan</translation>
    </message>
    <message>
        <location filename="../../ui/console.py" line="155"/>
        <source>Camera changes apply when the console is restarted</source>
        <translation>Perubahan kamera berlaku setelah konsol dimulai ulang</translation>
    </message>
    <message>
        <location filename="../../ui/console.py" line="157"/>
        <source>Video wall changes apply when the console is restarted</source>
        <translation>Perubahan video wall berlaku setelah konsol dimulai ulang</translation>
    </message>
    <message>
        <location filename="../../ui/console.py" line="172"/>
        <source>The language changes when the console is restarted</source>
        <translation>Bahasa berganti setelah konsol dimulai ulang</translation>
    </message>
    <message>
        <location filename="../../ui/console.py" line="177"/>
        <source>no preview configured</source>
        <translation>pratinjau belum diatur</translation>
    </message>
</context>
<context>
    <name>ControlPanel</name>
    <message>
        <location filename="../../ui/control_panel.py" line="52"/>
        <source>Pan / tilt (hold)</source>
        <translation>Pan / tilt (tahan)</translation>
    </message>
    <message>
        <location filename="../../ui/control_panel.py" line="59"/>
        <source>Home</source>
        <translation>Posisi awal</translation>
    </message>
    <message>
        <location filename="../../ui/control_panel.py" line="66"/>
        <source>Zoom and focus</source>
        <translation>Zoom dan fokus</translation>
    </message>
    <message>
        <location filename="../../ui/control_panel.py" line="68"/>
        <source>Zoom in</source>
        <translation>Perbesar</translation>
    </message>
    <message>
        <location filename="../../ui/control_panel.py" line="69"/>
        <source>Zoom out</source>
        <translation>Perkecil</translation>
    </message>
    <message>
        <location filename="../../ui/control_panel.py" line="70"/>
        <source>Near</source>
        <translation>Dekat</translation>
    </message>
    <message>
        <location filename="../../ui/control_panel.py" line="71"/>
        <source>Far</source>
        <translation>Jauh</translation>
    </message>
    <message>
        <location filename="../../ui/control_panel.py" line="72"/>
        <source>Auto</source>
        <translation>Otomatis</translation>
    </message>
    <message>
        <location filename="../../ui/control_panel.py" line="72"/>
        <source>Manual</source>
        <translation>Manual</translation>
    </message>
    <message>
        <location filename="../../ui/control_panel.py" line="73"/>
        <source>One-push</source>
        <translation>Sekali tekan</translation>
    </message>
    <message>
        <location filename="../../ui/control_panel.py" line="81"/>
        <source>Speed</source>
        <translation>Kecepatan</translation>
    </message>
    <message>
        <location filename="../../ui/control_panel.py" line="94"/>
        <source>Camera</source>
        <translation>Kamera</translation>
    </message>
    <message>
        <location filename="../../ui/control_panel.py" line="96"/>
        <source>Power on</source>
        <translation>Nyalakan</translation>
    </message>
    <message>
        <location filename="../../ui/control_panel.py" line="96"/>
        <source>Standby</source>
        <translation>Siaga</translation>
    </message>
</context>
<context>
    <name>DeviceWords</name>
    <message>
        <location filename="../../ui/device_words.py" line="18"/>
        <source>completed</source>
        <translation>selesai</translation>
    </message>
    <message>
        <location filename="../../ui/device_words.py" line="19"/>
        <source>no answer in time</source>
        <translation>tidak ada jawaban tepat waktu</translation>
    </message>
    <message>
        <location filename="../../ui/device_words.py" line="20"/>
        <source>offline</source>
        <translation>terputus</translation>
    </message>
    <message>
        <location filename="../../ui/device_words.py" line="21"/>
        <source>superseded by a newer command</source>
        <translation>digantikan perintah yang lebih baru</translation>
    </message>
    <message>
        <location filename="../../ui/device_words.py" line="22"/>
        <source>stopped</source>
        <translation>dihentikan</translation>
    </message>
    <message>
        <location filename="../../ui/device_words.py" line="23"/>
        <source>closed</source>
        <translation>ditutup</translation>
    </message>
    <message>
        <location filename="../../ui/device_words.py" line="24"/>
        <source>garbled answer</source>
        <translation>jawaban rusak</translation>
    </message>
    <message>
        <location filename="../../ui/device_words.py" line="25"/>
        <source>too many commands waiting</source>
        <translation>terlalu banyak perintah menunggu</translation>
    </message>
    <message>
        <location filename="../../ui/device_words.py" line="26"/>
        <source>message too long</source>
        <translation>pesan terlalu panjang</translation>
    </message>
    <message>
        <location filename="../../ui/device_words.py" line="27"/>
        <source>command not understood</source>
        <translation>perintah tidak dikenali</translation>
    </message>
    <message>
        <location filename="../../ui/device_words.py" line="28"/>
        <source>camera busy</source>
        <translation>kamera sibuk</translation>
    </message>
    <message>
        <location filename="../../ui/device_words.py" line="29"/>
        <source>command cancelled</source>
        <translation>perintah dibatalkan</translation>
    </message>
    <message>
        <location filename="../../ui/device_words.py" line="30"/>
        <source>nothing to cancel</source>
        <translation>tidak ada yang dibatalkan</translation>
    </message>
    <message>
        <location filename="../../ui/device_words.py" line="31"/>
        <source>not possible in the camera&apos;s current mode</source>
        <translation>tidak bisa dalam mode kamera saat ini</translation>
    </message>
    <message>
        <location filename="../../ui/device_words.py" line="37"/>
        <source>preset recall %1</source>
        <translation>panggil preset %1</translation>
    </message>
    <message>
        <location filename="../../ui/device_words.py" line="38"/>
        <source>preset save %1</source>
        <translation>simpan preset %1</translation>
    </message>
    <message>
        <location filename="../../ui/device_words.py" line="39"/>
        <source>preset clear %1</source>
        <translation>hapus preset %1</translation>
    </message>
    <message>
        <location filename="../../ui/device_words.py" line="40"/>
        <source>power on</source>
        <translation>nyalakan</translation>
    </message>
    <message>
        <location filename="../../ui/device_words.py" line="41"/>
        <source>standby</source>
        <translation>siaga</translation>
    </message>
    <message>
        <location filename="../../ui/device_words.py" line="42"/>
        <source>home position</source>
        <translation>posisi awal</translation>
    </message>
    <message>
        <location filename="../../ui/device_words.py" line="43"/>
        <source>go to pan %1 tilt %2</source>
        <translation>ke pan %1 tilt %2</translation>
    </message>
    <message>
        <location filename="../../ui/device_words.py" line="44"/>
        <source>zoom to %1</source>
        <translation>zoom ke %1</translation>
    </message>
    <message>
        <location filename="../../ui/device_words.py" line="45"/>
        <location filename="../../ui/device_words.py" line="51"/>
        <source>focus %1</source>
        <translation>fokus %1</translation>
    </message>
    <message>
        <location filename="../../ui/device_words.py" line="46"/>
        <source>pan/tilt stop</source>
        <translation>pan/tilt berhenti</translation>
    </message>
    <message>
        <location filename="../../ui/device_words.py" line="47"/>
        <source>pan/tilt %1</source>
        <translation>pan/tilt %1</translation>
    </message>
    <message>
        <location filename="../../ui/device_words.py" line="48"/>
        <source>zoom stop</source>
        <translation>zoom berhenti</translation>
    </message>
    <message>
        <location filename="../../ui/device_words.py" line="49"/>
        <source>zoom %1</source>
        <translation>zoom %1</translation>
    </message>
    <message>
        <location filename="../../ui/device_words.py" line="50"/>
        <source>focus stop</source>
        <translation>fokus berhenti</translation>
    </message>
    <message>
        <location filename="../../ui/device_words.py" line="53"/>
        <source>route input %1 to output %2 (%3)</source>
        <translation>alihkan masukan %1 ke keluaran %2 (%3)</translation>
    </message>
</context>
<context>
    <name>DevicesAdmin</name>
    <message>
        <location filename="../../ui/oplog_admin.py" line="136"/>
        <source>Devices</source>
        <translation>Perangkat</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_admin.py" line="136"/>
        <location filename="../../ui/oplog_admin.py" line="141"/>
        <source>Asset number</source>
        <translation>Nomor aset</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_admin.py" line="136"/>
        <location filename="../../ui/oplog_admin.py" line="142"/>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_admin.py" line="136"/>
        <location filename="../../ui/oplog_admin.py" line="143"/>
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_admin.py" line="137"/>
        <location filename="../../ui/oplog_admin.py" line="144"/>
        <source>Location</source>
        <translation>Lokasi</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_admin.py" line="137"/>
        <source>In service</source>
        <translation>Beroperasi</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_admin.py" line="145"/>
        <source>Add device</source>
        <translation>Tambah perangkat</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_admin.py" line="146"/>
        <source>Take the selected device out of / back into service</source>
        <translation>Nonaktifkan / operasikan kembali perangkat terpilih</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_admin.py" line="162"/>
        <source>yes</source>
        <translation>ya</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_admin.py" line="162"/>
        <source>no</source>
        <translation>tidak</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_admin.py" line="171"/>
        <source>Device added.</source>
        <translation>Perangkat ditambahkan.</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_admin.py" line="180"/>
        <source>Device changed.</source>
        <translation>Perangkat diubah.</translation>
    </message>
</context>
<context>
    <name>EventForm</name>
    <message>
        <location filename="../../ui/oplog_events.py" line="38"/>
        <source>the OPD, e.g. Bappeda</source>
        <translation>OPD-nya, mis. Bappeda</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_events.py" line="46"/>
        <source>Place</source>
        <translation>Tempat</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_events.py" line="46"/>
        <source>Participants (limit)</source>
        <translation>Peserta (batas)</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_events.py" line="57"/>
        <source>Schedule event</source>
        <translation>Jadwalkan acara</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_events.py" line="62"/>
        <source>Title</source>
        <translation>Judul</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_events.py" line="63"/>
        <source>Organiser</source>
        <translation>Penyelenggara</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_events.py" line="64"/>
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_events.py" line="65"/>
        <source>From (WIB)</source>
        <translation>Dari (WIB)</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_events.py" line="66"/>
        <source>To (WIB)</source>
        <translation>Sampai (WIB)</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_events.py" line="67"/>
        <source>Places</source>
        <translation>Tempat</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_events.py" line="68"/>
        <source>Cameras and devices</source>
        <translation>Kamera dan perangkat</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_events.py" line="69"/>
        <source>Stream platform</source>
        <translation>Platform siaran</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_events.py" line="70"/>
        <source>Stream URL</source>
        <translation>URL siaran</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_events.py" line="71"/>
        <source>Notes</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_events.py" line="100"/>
        <source>The participant limit must be a whole number.</source>
        <translation>Batas peserta harus bilangan bulat.</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_events.py" line="121"/>
        <source>Scheduling…</source>
        <translation>Menjadwalkan…</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_events.py" line="125"/>
        <source>Event scheduled: %1</source>
        <translation>Acara dijadwalkan: %1</translation>
    </message>
</context>
<context>
    <name>EventsDock</name>
    <message>
        <location filename="../../ui/oplog_events.py" line="137"/>
        <source>Time (WIB)</source>
        <translation>Waktu (WIB)</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_events.py" line="137"/>
        <source>Event</source>
        <translation>Acara</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_events.py" line="137"/>
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_events.py" line="137"/>
        <source>Places</source>
        <translation>Tempat</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_events.py" line="138"/>
        <source>Cameras and devices</source>
        <translation>Kamera dan perangkat</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_events.py" line="138"/>
        <source>Stream</source>
        <translation>Siaran</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_events.py" line="138"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_events.py" line="140"/>
        <source>Start event</source>
        <translation>Mulai acara</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_events.py" line="141"/>
        <source>End event</source>
        <translation>Akhiri acara</translation>
    </message>
</context>
<context>
    <name>EventsModel</name>
    <message>
        <location filename="../../ui/events_panel.py" line="22"/>
        <source>Event</source>
        <translation>Acara</translation>
    </message>
    <message>
        <location filename="../../ui/events_panel.py" line="22"/>
        <source>Place</source>
        <translation>Tempat</translation>
    </message>
    <message>
        <location filename="../../ui/events_panel.py" line="22"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/events_panel.py" line="22"/>
        <source>Cameras</source>
        <translation>Kamera</translation>
    </message>
    <message>
        <location filename="../../ui/events_panel.py" line="22"/>
        <source>Shots</source>
        <translation>Shot</translation>
    </message>
    <message>
        <location filename="../../ui/events_panel.py" line="57"/>
        <source>running</source>
        <translation>berlangsung</translation>
    </message>
    <message>
        <location filename="../../ui/events_panel.py" line="57"/>
        <source>not running</source>
        <translation>tidak berlangsung</translation>
    </message>
    <message>
        <location filename="../../ui/events_panel.py" line="58"/>
        <source> · active</source>
        <translation> · aktif</translation>
    </message>
</context>
<context>
    <name>EventsPanel</name>
    <message>
        <location filename="../../ui/events_panel.py" line="82"/>
        <source>Start event</source>
        <translation>Mulai acara</translation>
    </message>
    <message>
        <location filename="../../ui/events_panel.py" line="83"/>
        <source>End event</source>
        <translation>Akhiri acara</translation>
    </message>
    <message>
        <location filename="../../ui/events_panel.py" line="84"/>
        <source>Take over selected camera (Ctrl+T)</source>
        <translation>Ambil alih kamera terpilih (Ctrl+T)</translation>
    </message>
    <message>
        <location filename="../../ui/events_panel.py" line="94"/>
        <source>I am working for:</source>
        <translation>Saya bertugas untuk:</translation>
    </message>
    <message>
        <location filename="../../ui/events_panel.py" line="110"/>
        <source>(no event)</source>
        <translation>(tanpa acara)</translation>
    </message>
</context>
<context>
    <name>FaultsPanel</name>
    <message>
        <location filename="../../ui/oplog_logbook.py" line="31"/>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_logbook.py" line="31"/>
        <source>Opened (WIB)</source>
        <translation>Dibuka (WIB)</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_logbook.py" line="31"/>
        <location filename="../../ui/oplog_logbook.py" line="52"/>
        <source>Device</source>
        <translation>Perangkat</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_logbook.py" line="31"/>
        <location filename="../../ui/oplog_logbook.py" line="53"/>
        <source>Severity</source>
        <translation>Tingkat</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_logbook.py" line="32"/>
        <location filename="../../ui/oplog_logbook.py" line="54"/>
        <source>Owner</source>
        <translation>Penanggung jawab</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_logbook.py" line="32"/>
        <location filename="../../ui/oplog_logbook.py" line="55"/>
        <source>Description</source>
        <translation>Uraian</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_logbook.py" line="40"/>
        <source>Open fault</source>
        <translation>Catat gangguan</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_logbook.py" line="42"/>
        <source>Give the selected fault to this owner</source>
        <translation>Serahkan gangguan terpilih ke penanggung jawab ini</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_logbook.py" line="45"/>
        <source>How was it resolved?</source>
        <translation>Bagaimana penyelesaiannya?</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_logbook.py" line="46"/>
        <source>Close selected fault</source>
        <translation>Tutup gangguan terpilih</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_logbook.py" line="50"/>
        <source>New fault</source>
        <translation>Gangguan baru</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_logbook.py" line="79"/>
        <source>(no device: stream, network …)</source>
        <translation>(tanpa perangkat: siaran, jaringan …)</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_logbook.py" line="84"/>
        <source>(nobody yet)</source>
        <translation>(belum ada)</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_logbook.py" line="114"/>
        <source>Fault opened.</source>
        <translation>Gangguan dicatat.</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_logbook.py" line="121"/>
        <source>Owner changed.</source>
        <translation>Penanggung jawab diganti.</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_logbook.py" line="127"/>
        <source>Fault closed.</source>
        <translation>Gangguan ditutup.</translation>
    </message>
</context>
<context>
    <name>HandoverDocument</name>
    <message>
        <location filename="../../ui/report_pdf.py" line="81"/>
        <source>Events</source>
        <translation>Acara</translation>
    </message>
    <message>
        <location filename="../../ui/report_pdf.py" line="82"/>
        <source>Faults opened or closed in the shift</source>
        <translation>Gangguan yang dibuka atau ditutup selama shift</translation>
    </message>
    <message>
        <location filename="../../ui/report_pdf.py" line="83"/>
        <source>Carried over to the next shift (still open)</source>
        <translation>Diteruskan ke shift berikutnya (masih terbuka)</translation>
    </message>
    <message>
        <location filename="../../ui/report_pdf.py" line="84"/>
        <source>Device errors (audit trail)</source>
        <translation>Kesalahan perangkat (jejak audit)</translation>
    </message>
    <message>
        <location filename="../../ui/report_pdf.py" line="85"/>
        <location filename="../../ui/report_pdf.py" line="127"/>
        <source>Device</source>
        <translation>Perangkat</translation>
    </message>
    <message>
        <location filename="../../ui/report_pdf.py" line="85"/>
        <source>Result</source>
        <translation>Hasil</translation>
    </message>
    <message>
        <location filename="../../ui/report_pdf.py" line="85"/>
        <source>Count</source>
        <translation>Jumlah</translation>
    </message>
    <message>
        <location filename="../../ui/report_pdf.py" line="87"/>
        <source>Log entries (%1)</source>
        <translation>Catatan log (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/report_pdf.py" line="89"/>
        <location filename="../../ui/report_pdf.py" line="94"/>
        <source>Time</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <location filename="../../ui/report_pdf.py" line="89"/>
        <location filename="../../ui/report_pdf.py" line="94"/>
        <source>Author</source>
        <translation>Penulis</translation>
    </message>
    <message>
        <location filename="../../ui/report_pdf.py" line="89"/>
        <location filename="../../ui/report_pdf.py" line="119"/>
        <source>Event</source>
        <translation>Acara</translation>
    </message>
    <message>
        <location filename="../../ui/report_pdf.py" line="89"/>
        <source>Entry</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <location filename="../../ui/report_pdf.py" line="93"/>
        <source>Additions after the lock (marked)</source>
        <translation>Tambahan setelah dikunci (ditandai)</translation>
    </message>
    <message>
        <location filename="../../ui/report_pdf.py" line="94"/>
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <location filename="../../ui/report_pdf.py" line="94"/>
        <source>Text</source>
        <translation>Teks</translation>
    </message>
    <message>
        <location filename="../../ui/report_pdf.py" line="107"/>
        <source>not started</source>
        <translation>belum dimulai</translation>
    </message>
    <message>
        <location filename="../../ui/report_pdf.py" line="108"/>
        <source>no. %1</source>
        <translation>no. %1</translation>
    </message>
    <message>
        <location filename="../../ui/report_pdf.py" line="109"/>
        <source>Shift</source>
        <translation>Shift</translation>
    </message>
    <message>
        <location filename="../../ui/report_pdf.py" line="110"/>
        <source>Planned (WIB)</source>
        <translation>Rencana (WIB)</translation>
    </message>
    <message>
        <location filename="../../ui/report_pdf.py" line="111"/>
        <source>Actual (WIB)</source>
        <translation>Realisasi (WIB)</translation>
    </message>
    <message>
        <location filename="../../ui/report_pdf.py" line="111"/>
        <source>Lead</source>
        <translation>Kepala shift</translation>
    </message>
    <message>
        <location filename="../../ui/report_pdf.py" line="111"/>
        <source>Team</source>
        <translation>Tim</translation>
    </message>
    <message>
        <location filename="../../ui/report_pdf.py" line="112"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/report_pdf.py" line="113"/>
        <source>Outgoing lead</source>
        <translation>Kepala shift yang menyerahkan</translation>
    </message>
    <message>
        <location filename="../../ui/report_pdf.py" line="113"/>
        <source>Incoming lead</source>
        <translation>Kepala shift yang menerima</translation>
    </message>
    <message>
        <location filename="../../ui/report_pdf.py" line="114"/>
        <source>Notes</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <location filename="../../ui/report_pdf.py" line="119"/>
        <source>Start</source>
        <translation>Mulai</translation>
    </message>
    <message>
        <location filename="../../ui/report_pdf.py" line="119"/>
        <source>End</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <location filename="../../ui/report_pdf.py" line="119"/>
        <source>Organiser</source>
        <translation>Penyelenggara</translation>
    </message>
    <message>
        <location filename="../../ui/report_pdf.py" line="119"/>
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <location filename="../../ui/report_pdf.py" line="120"/>
        <source>Places</source>
        <translation>Tempat</translation>
    </message>
    <message>
        <location filename="../../ui/report_pdf.py" line="120"/>
        <source>Participants</source>
        <translation>Peserta</translation>
    </message>
    <message>
        <location filename="../../ui/report_pdf.py" line="120"/>
        <source>Stream</source>
        <translation>Siaran</translation>
    </message>
    <message>
        <location filename="../../ui/report_pdf.py" line="127"/>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/report_pdf.py" line="127"/>
        <source>Opened</source>
        <translation>Dibuka</translation>
    </message>
    <message>
        <location filename="../../ui/report_pdf.py" line="127"/>
        <source>Severity</source>
        <translation>Tingkat</translation>
    </message>
    <message>
        <location filename="../../ui/report_pdf.py" line="127"/>
        <source>Description</source>
        <translation>Uraian</translation>
    </message>
    <message>
        <location filename="../../ui/report_pdf.py" line="128"/>
        <source>Owner</source>
        <translation>Penanggung jawab</translation>
    </message>
    <message>
        <location filename="../../ui/report_pdf.py" line="128"/>
        <source>Closed</source>
        <translation>Ditutup</translation>
    </message>
    <message>
        <location filename="../../ui/report_pdf.py" line="128"/>
        <source>Resolution</source>
        <translation>Penyelesaian</translation>
    </message>
    <message>
        <location filename="../../ui/report_pdf.py" line="134"/>
        <source>Signed by the outgoing lead</source>
        <translation>Ditandatangani kepala shift yang menyerahkan</translation>
    </message>
    <message>
        <location filename="../../ui/report_pdf.py" line="134"/>
        <source>Accepted by the incoming lead</source>
        <translation>Diterima kepala shift yang menerima</translation>
    </message>
    <message>
        <location filename="../../ui/report_pdf.py" line="135"/>
        <source>Step</source>
        <translation>Tahap</translation>
    </message>
    <message>
        <location filename="../../ui/report_pdf.py" line="135"/>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <location filename="../../ui/report_pdf.py" line="135"/>
        <source>Time (WIB)</source>
        <translation>Waktu (WIB)</translation>
    </message>
    <message>
        <location filename="../../ui/report_pdf.py" line="139"/>
        <source>Not locked yet: the record gets its hash when the incoming lead accepts.</source>
        <translation>Belum dikunci: berita acara mendapat hash saat kepala shift yang menerima menyetujuinya.</translation>
    </message>
    <message>
        <location filename="../../ui/report_pdf.py" line="141"/>
        <source>verified: the record is as it was accepted</source>
        <translation>terverifikasi: berita acara sama seperti saat diterima</translation>
    </message>
    <message>
        <location filename="../../ui/report_pdf.py" line="142"/>
        <source>NOT VERIFIED: the record was changed after the lock</source>
        <translation>TIDAK TERVERIFIKASI: berita acara diubah setelah dikunci</translation>
    </message>
    <message>
        <location filename="../../ui/report_pdf.py" line="144"/>
        <source>Printed %1 WIB</source>
        <translation>Dicetak %1 WIB</translation>
    </message>
    <message>
        <location filename="../../ui/report_pdf.py" line="145"/>
        <source>Signatures</source>
        <translation>Tanda tangan</translation>
    </message>
    <message>
        <location filename="../../ui/report_pdf.py" line="145"/>
        <source>Integrity</source>
        <translation>Keutuhan data</translation>
    </message>
    <message>
        <location filename="../../ui/report_pdf.py" line="103"/>
        <location filename="../../ui/report_pdf.py" line="153"/>
        <source>Shift handover report</source>
        <translation>Laporan serah terima shift</translation>
    </message>
</context>
<context>
    <name>HandoverWindow</name>
    <message>
        <location filename="../../ui/oplog_handover.py" line="70"/>
        <source>Shift handover</source>
        <translation>Serah terima shift</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_handover.py" line="79"/>
        <source>Prepare the handover (shift lead)</source>
        <translation>Siapkan serah terima (kepala shift)</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_handover.py" line="81"/>
        <source>Refresh</source>
        <translation>Muat ulang</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_handover.py" line="84"/>
        <source>Save notes</source>
        <translation>Simpan catatan</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_handover.py" line="86"/>
        <source>The outgoing lead signs with their PIN. The summary and the open faults are frozen; afterwards only the incoming lead&apos;s acceptance follows.</source>
        <translation>Kepala shift yang menyerahkan menandatangani dengan PIN-nya. Ringkasan dan gangguan yang masih terbuka dibekukan; setelah itu tinggal penerimaan oleh kepala shift berikutnya.</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_handover.py" line="88"/>
        <source>Sign as outgoing lead</source>
        <translation>Tanda tangani sebagai penyerah</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_handover.py" line="89"/>
        <source>The incoming lead reviews the summary and the carried-over faults, then accepts with their PIN. The record is then locked with a hash.</source>
        <translation>Kepala shift yang menerima memeriksa ringkasan dan gangguan yang diteruskan, lalu menerima dengan PIN-nya. Setelah itu berita acara dikunci dengan hash.</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_handover.py" line="91"/>
        <source>Accept and lock</source>
        <translation>Terima dan kunci</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_handover.py" line="103"/>
        <source>1 Summary</source>
        <translation>1 Ringkasan</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_handover.py" line="104"/>
        <source>2 Notes</source>
        <translation>2 Catatan</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_handover.py" line="105"/>
        <source>3 Sign (outgoing lead)</source>
        <translation>3 Tanda tangan (penyerah)</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_handover.py" line="106"/>
        <source>4 Accept (incoming lead)</source>
        <translation>4 Terima (penerima)</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_handover.py" line="107"/>
        <source>5 Locked record</source>
        <translation>5 Berita acara terkunci</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_handover.py" line="141"/>
        <source>There is no shift to hand over yet.</source>
        <translation>Belum ada shift yang bisa diserahterimakan.</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_handover.py" line="148"/>
        <source>Shift %1 of %2, lead %3 — %4</source>
        <translation>Shift %1 tanggal %2, kepala shift %3 — %4</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_handover.py" line="175"/>
        <source>Handover prepared: check the summary, write the notes.</source>
        <translation>Serah terima disiapkan: periksa ringkasannya, tulis catatannya.</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_handover.py" line="182"/>
        <source>Notes saved.</source>
        <translation>Catatan disimpan.</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_handover.py" line="188"/>
        <location filename="../../ui/oplog_handover.py" line="202"/>
        <source>Done.</source>
        <translation>Selesai.</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_handover.py" line="211"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_handover.py" line="211"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_handover.py" line="212"/>
        <source>Save the handover report</source>
        <translation>Simpan laporan serah terima</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_handover.py" line="218"/>
        <source>Saved: %1</source>
        <translation>Disimpan: %1</translation>
    </message>
</context>
<context>
    <name>HotkeyEditor</name>
    <message>
        <location filename="../../ui/hotkey_editor.py" line="127"/>
        <source>Hotkeys</source>
        <translation>Tombol Pintas</translation>
    </message>
    <message>
        <location filename="../../ui/hotkey_editor.py" line="157"/>
        <source>New key for the selected action:</source>
        <translation>Tombol baru untuk aksi terpilih:</translation>
    </message>
    <message>
        <location filename="../../ui/hotkey_editor.py" line="159"/>
        <source>Remove its keys</source>
        <translation>Hapus tombolnya</translation>
    </message>
    <message>
        <location filename="../../ui/hotkey_editor.py" line="167"/>
        <source>Replace</source>
        <translation>Ganti</translation>
    </message>
    <message>
        <location filename="../../ui/hotkey_editor.py" line="168"/>
        <source>Keep as it was</source>
        <translation>Biarkan seperti semula</translation>
    </message>
    <message>
        <location filename="../../ui/hotkey_editor.py" line="174"/>
        <source>Export…</source>
        <translation>Ekspor…</translation>
    </message>
    <message>
        <location filename="../../ui/hotkey_editor.py" line="175"/>
        <source>Import…</source>
        <translation>Impor…</translation>
    </message>
    <message>
        <location filename="../../ui/hotkey_editor.py" line="176"/>
        <source>Reset to defaults</source>
        <translation>Kembalikan ke bawaan</translation>
    </message>
    <message>
        <location filename="../../ui/hotkey_editor.py" line="178"/>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <location filename="../../ui/hotkey_editor.py" line="179"/>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <location filename="../../ui/hotkey_editor.py" line="201"/>
        <source>That key cannot be used as a hotkey.</source>
        <translation>Tombol itu tidak dapat dipakai sebagai tombol pintas.</translation>
    </message>
    <message>
        <location filename="../../ui/hotkey_editor.py" line="203"/>
        <source>Choose an action in the table first.</source>
        <translation>Pilih dulu aksinya di tabel.</translation>
    </message>
    <message>
        <location filename="../../ui/hotkey_editor.py" line="213"/>
        <source>{key} is already the key for “{other}”. Give it to “{action}” instead?</source>
        <translation>{key} sudah menjadi tombol untuk “{other}”. Pindahkan ke “{action}”?</translation>
    </message>
    <message>
        <location filename="../../ui/hotkey_editor.py" line="219"/>
        <location filename="../../ui/hotkey_editor.py" line="228"/>
        <source>{key} now does “{action}”. Save to keep it.</source>
        <translation>{key} sekarang menjalankan “{action}”. Simpan agar tetap berlaku.</translation>
    </message>
    <message>
        <location filename="../../ui/hotkey_editor.py" line="246"/>
        <source>The default keys are back. Save to keep them.</source>
        <translation>Tombol bawaan sudah dikembalikan. Simpan agar tetap berlaku.</translation>
    </message>
    <message>
        <location filename="../../ui/hotkey_editor.py" line="252"/>
        <source>Some keys are given to two actions (shown in red); change them first.</source>
        <translation>Beberapa tombol dipakai dua aksi (ditandai merah); ubah dulu.</translation>
    </message>
    <message>
        <location filename="../../ui/hotkey_editor.py" line="257"/>
        <source>Could not save the hotkeys: {reason}</source>
        <translation>Tombol pintas tidak dapat disimpan: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/hotkey_editor.py" line="259"/>
        <source>Hotkeys saved.</source>
        <translation>Tombol pintas disimpan.</translation>
    </message>
    <message>
        <location filename="../../ui/hotkey_editor.py" line="265"/>
        <source>Export hotkeys</source>
        <translation>Ekspor tombol pintas</translation>
    </message>
    <message>
        <location filename="../../ui/hotkey_editor.py" line="268"/>
        <source>Import hotkeys</source>
        <translation>Impor tombol pintas</translation>
    </message>
    <message>
        <location filename="../../ui/hotkey_editor.py" line="271"/>
        <source>Hotkey files (*.json)</source>
        <translation>Berkas tombol pintas (*.json)</translation>
    </message>
    <message>
        <location filename="../../ui/hotkey_editor.py" line="283"/>
        <source>Could not export: {reason}</source>
        <translation>Tidak dapat mengekspor: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/hotkey_editor.py" line="285"/>
        <source>Exported to {path}.</source>
        <translation>Diekspor ke {path}.</translation>
    </message>
    <message>
        <location filename="../../ui/hotkey_editor.py" line="294"/>
        <source>Not imported:</source>
        <translation>Tidak diimpor:</translation>
    </message>
    <message>
        <location filename="../../ui/hotkey_editor.py" line="297"/>
        <source>Imported from {path}. Save to keep it.</source>
        <translation>Diimpor dari {path}. Simpan agar tetap berlaku.</translation>
    </message>
</context>
<context>
    <name>HotkeyTableModel</name>
    <message>
        <location filename="../../ui/hotkey_editor.py" line="45"/>
        <source>Action</source>
        <translation>Aksi</translation>
    </message>
    <message>
        <location filename="../../ui/hotkey_editor.py" line="45"/>
        <source>Keys</source>
        <translation>Tombol</translation>
    </message>
    <message>
        <location filename="../../ui/hotkey_editor.py" line="62"/>
        <source>{key} is also the key for “{other}”</source>
        <translation>{key} juga tombol untuk “{other}”</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../ui/oplog_state.py" line="76"/>
        <source>admin</source>
        <translation>admin</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_state.py" line="76"/>
        <source>operator</source>
        <translation>operator</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_state.py" line="76"/>
        <source>viewer</source>
        <translation>pemantau</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_state.py" line="79"/>
        <source>online</source>
        <translation>daring</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_state.py" line="79"/>
        <source>on site</source>
        <translation>luring</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_state.py" line="79"/>
        <source>hybrid</source>
        <translation>campuran</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_state.py" line="83"/>
        <source>minor</source>
        <translation>ringan</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_state.py" line="83"/>
        <source>major</source>
        <translation>berat</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_state.py" line="83"/>
        <source>critical</source>
        <translation>kritis</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_state.py" line="87"/>
        <source>scheduled</source>
        <translation>terjadwal</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_state.py" line="87"/>
        <source>running</source>
        <translation>berlangsung</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_state.py" line="87"/>
        <source>finished</source>
        <translation>selesai</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_state.py" line="88"/>
        <source>cancelled</source>
        <translation>dibatalkan</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_state.py" line="88"/>
        <source>no handover yet</source>
        <translation>belum ada serah terima</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_state.py" line="89"/>
        <source>draft</source>
        <translation>draf</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_state.py" line="89"/>
        <source>signed by the outgoing lead</source>
        <translation>ditandatangani penyerah</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_state.py" line="90"/>
        <source>accepted and locked</source>
        <translation>diterima dan dikunci</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_state.py" line="90"/>
        <source>reopened for additions</source>
        <translation>dibuka kembali untuk tambahan</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_state.py" line="94"/>
        <source>reopened</source>
        <translation>dibuka kembali</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_state.py" line="94"/>
        <source>addition</source>
        <translation>tambahan</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_state.py" line="94"/>
        <source>locked again</source>
        <translation>dikunci lagi</translation>
    </message>
</context>
<context>
    <name>LoginPanel</name>
    <message>
        <location filename="../../ui/oplog_login.py" line="29"/>
        <source>PIN (4–8 digits)</source>
        <translation>PIN (4–8 angka)</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_login.py" line="31"/>
        <source>Log in</source>
        <translation>Masuk</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_login.py" line="33"/>
        <source>Log out</source>
        <translation>Keluar</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_login.py" line="41"/>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_login.py" line="42"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_login.py" line="71"/>
        <source>Not logged in</source>
        <translation>Belum masuk</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_login.py" line="71"/>
        <source>Logged in: %1 (%2)</source>
        <translation>Masuk sebagai: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_login.py" line="79"/>
        <source>Choose your name and type your PIN.</source>
        <translation>Pilih nama Anda dan ketik PIN.</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_login.py" line="82"/>
        <source>Checking the PIN…</source>
        <translation>Memeriksa PIN…</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_login.py" line="90"/>
        <source>%1 logged out.</source>
        <translation>%1 sudah keluar.</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_login.py" line="108"/>
        <source>Wrong PIN for %1. %2 more wrong PIN(s) lock the account for 60 seconds.</source>
        <translation>PIN untuk %1 salah. %2 kali lagi salah, akun dikunci selama 60 detik.</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_login.py" line="111"/>
        <source>The account of %1 is switched off; ask an admin.</source>
        <translation>Akun %1 dinonaktifkan; hubungi admin.</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_login.py" line="115"/>
        <source>Login refused: %1</source>
        <translation>Gagal masuk: %1</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_login.py" line="122"/>
        <source>%1 may try again now.</source>
        <translation>%1 boleh mencoba lagi sekarang.</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_login.py" line="124"/>
        <source>The account of %1 is locked after %2 wrong PINs; try again in %3 s.</source>
        <translation>Akun %1 dikunci setelah %2 kali PIN salah; coba lagi dalam %3 detik.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="31"/>
        <source>Smart Centre Console</source>
        <translation>Konsol Smart Centre</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="41"/>
        <source>ALL STOP (Esc)</source>
        <translation>HENTIKAN SEMUA (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="47"/>
        <source>Safety</source>
        <translation>Keselamatan</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="58"/>
        <source>Controls</source>
        <translation>Kendali</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="59"/>
        <source>Presets</source>
        <translation>Preset</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="60"/>
        <source>Events</source>
        <translation>Acara</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="61"/>
        <source>Camera health</source>
        <translation>Kesehatan Kamera</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="62"/>
        <source>Log</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="64"/>
        <source>Video wall</source>
        <translation>Video Wall</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="70"/>
        <source>&amp;View</source>
        <translation>&amp;Tampilan</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="73"/>
        <source>&amp;Tools</source>
        <translation>&amp;Alat</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="74"/>
        <source>Take over selected camera</source>
        <translation>Ambil alih kamera terpilih</translation>
    </message>
</context>
<context>
    <name>MonthlyWindow</name>
    <message>
        <location filename="../../ui/report_monthly.py" line="33"/>
        <source>Monthly statistics</source>
        <translation>Statistik bulanan</translation>
    </message>
    <message>
        <location filename="../../ui/report_monthly.py" line="41"/>
        <source>Show</source>
        <translation>Tampilkan</translation>
    </message>
    <message>
        <location filename="../../ui/report_monthly.py" line="43"/>
        <source>Export CSV…</source>
        <translation>Ekspor CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/report_monthly.py" line="49"/>
        <source>Month</source>
        <translation>Bulan</translation>
    </message>
    <message>
        <location filename="../../ui/report_monthly.py" line="70"/>
        <source>Loading…</source>
        <translation>Memuat…</translation>
    </message>
    <message>
        <location filename="../../ui/report_monthly.py" line="78"/>
        <source>%1 events, %2 staff on shifts, %3 faults</source>
        <translation>%1 acara, %2 petugas bertugas, %3 gangguan</translation>
    </message>
    <message>
        <location filename="../../ui/report_monthly.py" line="82"/>
        <source>Events per location</source>
        <translation>Acara per lokasi</translation>
    </message>
    <message>
        <location filename="../../ui/report_monthly.py" line="84"/>
        <source>Events</source>
        <translation>Acara</translation>
    </message>
    <message>
        <location filename="../../ui/report_monthly.py" line="85"/>
        <source>Staff hours</source>
        <translation>Jam kerja petugas</translation>
    </message>
    <message>
        <location filename="../../ui/report_monthly.py" line="87"/>
        <source>Hours</source>
        <translation>Jam</translation>
    </message>
    <message>
        <location filename="../../ui/report_monthly.py" line="92"/>
        <source>Device faults by severity</source>
        <translation>Gangguan perangkat menurut tingkat</translation>
    </message>
    <message>
        <location filename="../../ui/report_monthly.py" line="107"/>
        <source>Events per day by mode</source>
        <translation>Acara per hari menurut mode</translation>
    </message>
    <message>
        <location filename="../../ui/report_monthly.py" line="146"/>
        <source>Export monthly statistics</source>
        <translation>Ekspor statistik bulanan</translation>
    </message>
    <message>
        <location filename="../../ui/report_monthly.py" line="146"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/report_monthly.py" line="152"/>
        <source>Saved: %1</source>
        <translation>Disimpan: %1</translation>
    </message>
</context>
<context>
    <name>OperationsLog</name>
    <message>
        <location filename="../../ui/oplog_console.py" line="62"/>
        <source>Operator</source>
        <translation>Petugas</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_console.py" line="63"/>
        <location filename="../../ui/oplog_console.py" line="109"/>
        <source>Shift</source>
        <translation>Shift</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_console.py" line="64"/>
        <location filename="../../ui/oplog_console.py" line="110"/>
        <source>Event schedule</source>
        <translation>Jadwal acara</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_console.py" line="65"/>
        <location filename="../../ui/oplog_console.py" line="111"/>
        <source>Faults</source>
        <translation>Gangguan</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_console.py" line="73"/>
        <source>Operations log: opening…</source>
        <translation>Log operasional: membuka…</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_console.py" line="86"/>
        <source>The audit trail is written again.</source>
        <translation>Jejak audit kembali tercatat.</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_console.py" line="107"/>
        <source>&amp;Operations</source>
        <translation>&amp;Operasional</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_console.py" line="108"/>
        <source>Log in / out</source>
        <translation>Masuk / keluar</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_console.py" line="113"/>
        <source>Quick log entry (%1)</source>
        <translation>Catatan cepat (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_console.py" line="115"/>
        <source>Handover…</source>
        <translation>Serah terima…</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_console.py" line="116"/>
        <source>Monthly statistics…</source>
        <translation>Statistik bulanan…</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_console.py" line="119"/>
        <source>Staff…</source>
        <translation>Petugas…</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_console.py" line="120"/>
        <source>Devices…</source>
        <translation>Perangkat…</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_console.py" line="169"/>
        <source>Not logged in</source>
        <translation>Belum masuk</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_console.py" line="176"/>
        <source>Operations log: %1</source>
        <translation>Log operasional: %1</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_console.py" line="183"/>
        <source>Operations log: PROBLEM (see the log)</source>
        <translation>Log operasional: BERMASALAH (lihat catatan)</translation>
    </message>
</context>
<context>
    <name>OperatorDesk</name>
    <message>
        <location filename="../../ui/desk.py" line="76"/>
        <source>%1 belongs to %2 — take it over first (Ctrl+T)</source>
        <translation>%1 milik %2 — ambil alih dulu (Ctrl+T)</translation>
    </message>
    <message>
        <location filename="../../ui/desk.py" line="91"/>
        <source>%1 taken over for %2</source>
        <translation>%1 diambil alih untuk %2</translation>
    </message>
    <message>
        <location filename="../../ui/desk.py" line="179"/>
        <source>No shot is bound to %1</source>
        <translation>Tidak ada shot untuk %1</translation>
    </message>
    <message>
        <location filename="../../ui/desk.py" line="204"/>
        <source>ALL STOP sent to every camera</source>
        <translation>HENTIKAN SEMUA dikirim ke semua kamera</translation>
    </message>
</context>
<context>
    <name>OpsState</name>
    <message>
        <location filename="../../ui/oplog_state.py" line="63"/>
        <source>Log in first (Operations → Log in / out)</source>
        <translation>Masuk dulu (Operasional → Masuk / keluar)</translation>
    </message>
</context>
<context>
    <name>PinPage</name>
    <message>
        <location filename="../../ui/oplog_handover_pages.py" line="39"/>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_handover_pages.py" line="40"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_handover_pages.py" line="60"/>
        <source>Checking the PIN…</source>
        <translation>Memeriksa PIN…</translation>
    </message>
</context>
<context>
    <name>PresetGrid</name>
    <message>
        <location filename="../../ui/preset_grid.py" line="110"/>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <location filename="../../ui/preset_grid.py" line="111"/>
        <source>Rename</source>
        <translation>Ganti nama</translation>
    </message>
    <message>
        <location filename="../../ui/preset_grid.py" line="112"/>
        <source>Clear…</source>
        <translation>Hapus…</translation>
    </message>
    <message>
        <location filename="../../ui/preset_grid.py" line="169"/>
        <source>Press Clear again within 5 s to clear preset %1</source>
        <translation>Tekan Hapus sekali lagi dalam 5 detik untuk menghapus preset %1</translation>
    </message>
</context>
<context>
    <name>PresetModel</name>
    <message>
        <location filename="../../ui/preset_grid.py" line="72"/>
        <source>moving</source>
        <translation>bergerak</translation>
    </message>
    <message>
        <location filename="../../ui/preset_grid.py" line="72"/>
        <source>arrived</source>
        <translation>tiba</translation>
    </message>
</context>
<context>
    <name>PreviewHub</name>
    <message>
        <location filename="../../ui/preview.py" line="155"/>
        <source>connecting to {source}…</source>
        <translation>menghubungkan ke {source}…</translation>
    </message>
    <message>
        <location filename="../../ui/preview.py" line="156"/>
        <source>the stream stopped sending pictures</source>
        <translation>aliran video berhenti mengirim gambar</translation>
    </message>
    <message>
        <location filename="../../ui/preview.py" line="158"/>
        <source>no signal – reconnecting in {seconds} s: {reason}</source>
        <translation>tidak ada sinyal – menghubungkan ulang dalam {seconds} detik: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/preview.py" line="160"/>
        <source>no signal – reconnecting now: {reason}</source>
        <translation>tidak ada sinyal – menghubungkan ulang sekarang: {reason}</translation>
    </message>
</context>
<context>
    <name>QuickLogBox</name>
    <message>
        <location filename="../../ui/oplog_logbook.py" line="134"/>
        <source>Quick log entry</source>
        <translation>Catatan cepat</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_logbook.py" line="139"/>
        <source>What happened? Enter saves, the console carries on.</source>
        <translation>Apa yang terjadi? Enter menyimpan, konsol tetap berjalan.</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_logbook.py" line="143"/>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_logbook.py" line="145"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_logbook.py" line="152"/>
        <source>Log entry (written under your name, now):</source>
        <translation>Catatan (atas nama Anda, waktu sekarang):</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_logbook.py" line="159"/>
        <source>Log in first (Operations → Log in / out)</source>
        <translation>Masuk dulu (Operasional → Masuk / keluar)</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_logbook.py" line="165"/>
        <source>About %1</source>
        <translation>Tentang %1</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_logbook.py" line="183"/>
        <source>Log entry saved: %1</source>
        <translation>Catatan tersimpan: %1</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_logbook.py" line="185"/>
        <source>Log entry NOT saved (%1): %2</source>
        <translation>Catatan TIDAK tersimpan (%1): %2</translation>
    </message>
</context>
<context>
    <name>RecordPage</name>
    <message>
        <location filename="../../ui/oplog_handover_pages.py" line="89"/>
        <source>Why is the record reopened?</source>
        <translation>Mengapa berita acara dibuka kembali?</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_handover_pages.py" line="91"/>
        <source>Text of the addition (marked as such in the report)</source>
        <translation>Teks tambahan (ditandai sebagai tambahan di laporan)</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_handover_pages.py" line="92"/>
        <source>Reopen (admin)</source>
        <translation>Buka kembali (admin)</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_handover_pages.py" line="93"/>
        <source>Add</source>
        <translation>Tambahkan</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_handover_pages.py" line="94"/>
        <source>Lock again (admin)</source>
        <translation>Kunci lagi (admin)</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_handover_pages.py" line="95"/>
        <source>Check the hash again</source>
        <translation>Periksa hash lagi</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_handover_pages.py" line="96"/>
        <source>Save PDF…</source>
        <translation>Simpan PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_handover_pages.py" line="97"/>
        <source>Save CSV…</source>
        <translation>Simpan CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_handover_pages.py" line="101"/>
        <source>Changes after the lock</source>
        <translation>Perubahan setelah dikunci</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_handover_pages.py" line="115"/>
        <source>Additions after the lock:</source>
        <translation>Tambahan setelah dikunci:</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_handover_pages.py" line="121"/>
        <source>SHA-256 of the locked record: %1</source>
        <translation>SHA-256 berita acara terkunci: %1</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_handover_pages.py" line="123"/>
        <source>Verified: the record is exactly as it was accepted.</source>
        <translation>Terverifikasi: berita acara persis seperti saat diterima.</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_handover_pages.py" line="126"/>
        <source>TAMPERED: the stored record no longer matches its hash. Tell an admin.</source>
        <translation>DIUBAH: berita acara yang tersimpan tidak lagi cocok dengan hash-nya. Laporkan ke admin.</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_handover_pages.py" line="129"/>
        <source>Not locked yet.</source>
        <translation>Belum dikunci.</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_handover_pages.py" line="131"/>
        <source>Time</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_handover_pages.py" line="131"/>
        <source>Author</source>
        <translation>Penulis</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_handover_pages.py" line="131"/>
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_handover_pages.py" line="131"/>
        <source>Text</source>
        <translation>Teks</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_handover_pages.py" line="134"/>
        <source>None.</source>
        <translation>Tidak ada.</translation>
    </message>
</context>
<context>
    <name>ShiftPanel</name>
    <message>
        <location filename="../../ui/oplog_shift.py" line="35"/>
        <source>Save team</source>
        <translation>Simpan tim</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_shift.py" line="36"/>
        <source>Start shift</source>
        <translation>Mulai shift</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_shift.py" line="37"/>
        <source>End shift</source>
        <translation>Akhiri shift</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_shift.py" line="47"/>
        <source>Plan shift</source>
        <translation>Rencanakan shift</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_shift.py" line="52"/>
        <source>Lead</source>
        <translation>Kepala shift</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_shift.py" line="53"/>
        <source>Team on duty</source>
        <translation>Tim yang bertugas</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_shift.py" line="57"/>
        <source>Plan a shift (lead and team from above)</source>
        <translation>Rencanakan shift (kepala shift dan tim dari atas)</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_shift.py" line="59"/>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_shift.py" line="60"/>
        <source>From (WIB)</source>
        <translation>Dari (WIB)</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_shift.py" line="61"/>
        <source>To (WIB)</source>
        <translation>Sampai (WIB)</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_shift.py" line="90"/>
        <source>No shift is running or planned; plan one below.</source>
        <translation>Tidak ada shift yang berjalan atau direncanakan; rencanakan di bawah.</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_shift.py" line="93"/>
        <source>planned, not started</source>
        <translation>direncanakan, belum dimulai</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_shift.py" line="95"/>
        <source>started at %1</source>
        <translation>dimulai pukul %1</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_shift.py" line="96"/>
        <source>Shift %1, %2 — %3. Lead: %4; team: %5.</source>
        <translation>Shift %1, %2 — %3. Kepala shift: %4; tim: %5.</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_shift.py" line="116"/>
        <source>Shift started.</source>
        <translation>Shift dimulai.</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_shift.py" line="122"/>
        <source>Shift ended. Hand it over: Operations → Handover.</source>
        <translation>Shift diakhiri. Serahterimakan: Operasional → Serah terima.</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_shift.py" line="132"/>
        <source>Team saved.</source>
        <translation>Tim disimpan.</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_shift.py" line="139"/>
        <source>Choose the lead of the shift.</source>
        <translation>Pilih kepala shift.</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_shift.py" line="146"/>
        <source>Shift planned.</source>
        <translation>Shift direncanakan.</translation>
    </message>
</context>
<context>
    <name>StaffAdmin</name>
    <message>
        <location filename="../../ui/oplog_admin.py" line="76"/>
        <source>Staff</source>
        <translation>Petugas</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_admin.py" line="76"/>
        <location filename="../../ui/oplog_admin.py" line="85"/>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_admin.py" line="76"/>
        <source>NIP</source>
        <translation>NIP</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_admin.py" line="76"/>
        <location filename="../../ui/oplog_admin.py" line="87"/>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_admin.py" line="77"/>
        <location filename="../../ui/oplog_admin.py" line="88"/>
        <source>Role</source>
        <translation>Peran</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_admin.py" line="77"/>
        <source>Account</source>
        <translation>Akun</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_admin.py" line="77"/>
        <source>Locked until</source>
        <translation>Terkunci sampai</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_admin.py" line="86"/>
        <source>NIP (PNS/CPNS, 18 digits)</source>
        <translation>NIP (PNS/CPNS, 18 angka)</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_admin.py" line="89"/>
        <source>PIN (4–8 digits)</source>
        <translation>PIN (4–8 angka)</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_admin.py" line="90"/>
        <source>Add staff member</source>
        <translation>Tambah petugas</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_admin.py" line="91"/>
        <source>Switch the selected account on/off</source>
        <translation>Aktifkan/nonaktifkan akun terpilih</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_admin.py" line="92"/>
        <source>Give the selected account the role and PIN above</source>
        <translation>Beri akun terpilih peran dan PIN di atas</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_admin.py" line="97"/>
        <source>on</source>
        <translation>aktif</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_admin.py" line="97"/>
        <source>off</source>
        <translation>nonaktif</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_admin.py" line="108"/>
        <source>Staff member added.</source>
        <translation>Petugas ditambahkan.</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_admin.py" line="119"/>
        <source>Account changed.</source>
        <translation>Akun diubah.</translation>
    </message>
    <message>
        <location filename="../../ui/oplog_admin.py" line="131"/>
        <source>Role and PIN changed.</source>
        <translation>Peran dan PIN diubah.</translation>
    </message>
</context>
<context>
    <name>WallCanvas</name>
    <message>
        <location filename="../../ui/wall_canvas.py" line="134"/>
        <source>Take over %1</source>
        <translation>Ambil alih %1</translation>
    </message>
    <message>
        <location filename="../../ui/wall_canvas.py" line="165"/>
        <source>no event</source>
        <translation>tanpa acara</translation>
    </message>
</context>
<context>
    <name>WallDesk</name>
    <message>
        <location filename="../../ui/wall_desk.py" line="91"/>
        <source>%1 belongs to %2 — take it over first</source>
        <translation>%1 milik %2 — ambil alih dulu</translation>
    </message>
    <message>
        <location filename="../../ui/wall_desk.py" line="106"/>
        <source>Layout %1 would change %2, owned by %3 — take over first</source>
        <translation>Tata letak %1 akan mengubah %2 milik %3 — ambil alih dulu</translation>
    </message>
    <message>
        <location filename="../../ui/wall_desk.py" line="131"/>
        <source>%1 has no layout %2</source>
        <translation>%1 tidak punya tata letak %2</translation>
    </message>
</context>
<context>
    <name>WallOutputsModel</name>
    <message>
        <location filename="../../ui/wall_model.py" line="95"/>
        <source>unknown</source>
        <translation>tidak diketahui</translation>
    </message>
    <message>
        <location filename="../../ui/wall_model.py" line="97"/>
        <source>(nothing)</source>
        <translation>(kosong)</translation>
    </message>
    <message>
        <location filename="../../ui/wall_model.py" line="98"/>
        <source>Input %1</source>
        <translation>Input %1</translation>
    </message>
    <message>
        <location filename="../../ui/wall_model.py" line="103"/>
        <source>offline: %1</source>
        <translation>terputus: %1</translation>
    </message>
    <message>
        <location filename="../../ui/wall_model.py" line="103"/>
        <source>no connection</source>
        <translation>tidak ada koneksi</translation>
    </message>
    <message>
        <location filename="../../ui/wall_model.py" line="136"/>
        <source>no event</source>
        <translation>tanpa acara</translation>
    </message>
</context>
<context>
    <name>WallPage</name>
    <message>
        <location filename="../../ui/wall_view.py" line="82"/>
        <source>Drag a source onto a screen of the wall</source>
        <translation>Seret sumber ke salah satu layar video wall</translation>
    </message>
    <message>
        <location filename="../../ui/wall_view.py" line="84"/>
        <source>Sources</source>
        <translation>Sumber</translation>
    </message>
    <message>
        <location filename="../../ui/wall_view.py" line="102"/>
        <source>Power on</source>
        <translation>Nyalakan</translation>
    </message>
    <message>
        <location filename="../../ui/wall_view.py" line="103"/>
        <source>Standby</source>
        <translation>Siaga</translation>
    </message>
    <message>
        <location filename="../../ui/wall_view.py" line="117"/>
        <source>Recall layout %1 on %2</source>
        <translation>Panggil tata letak %1 di %2</translation>
    </message>
    <message>
        <location filename="../../ui/wall_view.py" line="120"/>
        <source>online</source>
        <translation>terhubung</translation>
    </message>
    <message>
        <location filename="../../ui/wall_view.py" line="120"/>
        <source>connecting</source>
        <translation>menghubungkan</translation>
    </message>
    <message>
        <location filename="../../ui/wall_view.py" line="121"/>
        <source>offline</source>
        <translation>terputus</translation>
    </message>
    <message>
        <location filename="../../ui/wall_view.py" line="141"/>
        <source>Take over %1</source>
        <translation>Ambil alih %1</translation>
    </message>
</context>
<context>
    <name>WallSourcesModel</name>
    <message>
        <location filename="../../ui/wall_model.py" line="159"/>
        <source>Input %1 — drag it onto a screen of the wall</source>
        <translation>Input %1 — seret ke salah satu layar video wall</translation>
    </message>
</context>
<context>
    <name>WallView</name>
    <message>
        <location filename="../../ui/wall_view.py" line="159"/>
        <source>No video wall is configured (the walls: section of the configuration).</source>
        <translation>Belum ada video wall yang diatur (bagian walls: di konfigurasi).</translation>
    </message>
</context>
</TS>
