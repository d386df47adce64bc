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
        <location filename="../../ui/hotkeys.py" line="160"/>
        <source>Select camera {number}</source>
        <translation>Pilih kamera {number}</translation>
    </message>
    <message>
        <location filename="../../ui/hotkeys.py" line="161"/>
        <source>Recall preset {number}</source>
        <translation>Panggil preset {number}</translation>
    </message>
    <message>
        <location filename="../../ui/hotkeys.py" line="161"/>
        <source>Shot {number}</source>
        <translation>Shot {number}</translation>
    </message>
    <message>
        <location filename="../../ui/hotkeys.py" line="162"/>
        <source>Recall wall layout {number}</source>
        <translation>Panggil tata letak video wall {number}</translation>
    </message>
    <message>
        <location filename="../../ui/hotkeys.py" line="167"/>
        <source>Cameras</source>
        <translation>Kamera</translation>
    </message>
    <message>
        <location filename="../../ui/hotkeys.py" line="167"/>
        <source>Move and zoom (hold the key)</source>
        <translation>Gerak dan zoom (tahan tombolnya)</translation>
    </message>
    <message>
        <location filename="../../ui/hotkeys.py" line="168"/>
        <source>Presets of the selected camera</source>
        <translation>Preset kamera terpilih</translation>
    </message>
    <message>
        <location filename="../../ui/hotkeys.py" line="168"/>
        <source>Shots of the active event</source>
        <translation>Shot acara aktif</translation>
    </message>
    <message>
        <location filename="../../ui/hotkeys.py" line="169"/>
        <source>Layouts of the video wall</source>
        <translation>Tata letak video wall</translation>
    </message>
    <message>
        <location filename="../../ui/hotkeys.py" line="170"/>
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
        <location filename="../../ui/console.py" line="109"/>
        <source>Hotkeys…</source>
        <translation>Tombol Pintas…</translation>
    </message>
    <message>
        <location filename="../../ui/console.py" line="110"/>
        <source>Configuration…</source>
        <translation>Konfigurasi…</translation>
    </message>
    <message>
        <location filename="../../ui/console.py" line="112"/>
        <source>Hotkey cheat sheet (?)</source>
        <translation>Daftar tombol pintas (?)</translation>
    </message>
    <message>
        <location filename="../../ui/console.py" line="113"/>
        <source>Language</source>
        <translation>Bahasa</translation>
    </message>
    <message>
        <location filename="../../ui/console.py" line="132"/>
        <source>Hotkeys saved</source>
        <translation>Tombol pintas disimpan</translation>
    </message>
    <message>
        <location filename="../../ui/console.py" line="149"/>
        <source>Camera changes apply when the console is restarted</source>
        <translation>Perubahan kamera berlaku setelah konsol dimulai ulang</translation>
    </message>
    <message>
        <location filename="../../ui/console.py" line="151"/>
        <source>Video wall changes apply when the console is restarted</source>
        <translation>Perubahan video wall berlaku setelah konsol dimulai ulang</translation>
    </message>
    <message>
        <location filename="../../ui/console.py" line="164"/>
        <source>The language changes when the console is restarted</source>
        <translation>Bahasa berganti setelah konsol dimulai ulang</translation>
    </message>
    <message>
        <location filename="../../ui/console.py" line="169"/>
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
    <name>EventsModel</name>
    <message>
        <location filename="../../ui/events_panel.py" line="20"/>
        <source>Event</source>
        <translation>Acara</translation>
    </message>
    <message>
        <location filename="../../ui/events_panel.py" line="20"/>
        <source>Place</source>
        <translation>Tempat</translation>
    </message>
    <message>
        <location filename="../../ui/events_panel.py" line="20"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/events_panel.py" line="20"/>
        <source>Cameras</source>
        <translation>Kamera</translation>
    </message>
    <message>
        <location filename="../../ui/events_panel.py" line="20"/>
        <source>Shots</source>
        <translation>Shot</translation>
    </message>
    <message>
        <location filename="../../ui/events_panel.py" line="55"/>
        <source>running</source>
        <translation>berlangsung</translation>
    </message>
    <message>
        <location filename="../../ui/events_panel.py" line="55"/>
        <source>not running</source>
        <translation>tidak berlangsung</translation>
    </message>
    <message>
        <location filename="../../ui/events_panel.py" line="56"/>
        <source> · active</source>
        <translation> · aktif</translation>
    </message>
</context>
<context>
    <name>EventsPanel</name>
    <message>
        <location filename="../../ui/events_panel.py" line="80"/>
        <source>Start event</source>
        <translation>Mulai acara</translation>
    </message>
    <message>
        <location filename="../../ui/events_panel.py" line="81"/>
        <source>End event</source>
        <translation>Akhiri acara</translation>
    </message>
    <message>
        <location filename="../../ui/events_panel.py" line="82"/>
        <source>Take over selected camera (Ctrl+T)</source>
        <translation>Ambil alih kamera terpilih (Ctrl+T)</translation>
    </message>
    <message>
        <location filename="../../ui/events_panel.py" line="89"/>
        <source>I am working for:</source>
        <translation>Saya bertugas untuk:</translation>
    </message>
    <message>
        <location filename="../../ui/events_panel.py" line="105"/>
        <source>(no event)</source>
        <translation>(tanpa acara)</translation>
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
    <name>OperatorDesk</name>
    <message>
        <location filename="../../ui/desk.py" line="75"/>
        <source>%1 belongs to %2 — take it over first (Ctrl+T)</source>
        <translation>%1 milik %2 — ambil alih dulu (Ctrl+T)</translation>
    </message>
    <message>
        <location filename="../../ui/desk.py" line="90"/>
        <source>%1 taken over for %2</source>
        <translation>%1 diambil alih untuk %2</translation>
    </message>
    <message>
        <location filename="../../ui/desk.py" line="178"/>
        <source>No shot is bound to %1</source>
        <translation>Tidak ada shot untuk %1</translation>
    </message>
    <message>
        <location filename="../../ui/desk.py" line="203"/>
        <source>ALL STOP sent to every camera</source>
        <translation>HENTIKAN SEMUA dikirim ke semua kamera</translation>
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
