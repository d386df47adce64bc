<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID" sourcelanguage="en">
<context>
    <name>ActionLabels</name>
    <message>
        <location filename="../../ui/hotkeys/key_filter.py" line="253"/>
        <source>ALL STOP (%1)</source>
        <translation>HENTIKAN SEMUA (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/hotkeys/key_filter.py" line="253"/>
        <source>ALL STOP</source>
        <translation>HENTIKAN SEMUA</translation>
    </message>
    <message>
        <location filename="../../ui/hotkeys/key_filter.py" line="257"/>
        <source>Cameras</source>
        <translation>Kamera</translation>
    </message>
    <message>
        <location filename="../../ui/hotkeys/key_filter.py" line="258"/>
        <source>Move and zoom (hold the key)</source>
        <translation>Gerak dan zoom (tahan tombolnya)</translation>
    </message>
    <message>
        <location filename="../../ui/hotkeys/key_filter.py" line="259"/>
        <source>Presets of the selected camera</source>
        <translation>Preset kamera terpilih</translation>
    </message>
    <message>
        <location filename="../../ui/hotkeys/key_filter.py" line="260"/>
        <source>Shots of the active event</source>
        <translation>Bidikan acara aktif</translation>
    </message>
    <message>
        <location filename="../../ui/hotkeys/key_filter.py" line="261"/>
        <source>Layouts of the video wall</source>
        <translation>Tata letak video wall</translation>
    </message>
    <message>
        <location filename="../../ui/hotkeys/key_filter.py" line="262"/>
        <source>General</source>
        <translation>Umum</translation>
    </message>
</context>
<context>
    <name>ActionNames</name>
    <message>
        <location filename="../../ui/shell/cheat_sheet.py" line="58"/>
        <source>scene %1</source>
        <translation>adegan %1</translation>
    </message>
    <message>
        <location filename="../../ui/shell/cheat_sheet.py" line="60"/>
        <source>preset %1</source>
        <translation>preset %1</translation>
    </message>
</context>
<context>
    <name>AuditLog</name>
    <message>
        <location filename="../../models/oplog/audit_log.py" line="139"/>
        <source>The audit log is {count} actions behind the database {db}; new actions are not being logged.</source>
        <translation>Jejak audit tertinggal {count} tindakan dari basis data {db}; tindakan baru tidak dicatat.</translation>
    </message>
</context>
<context>
    <name>AxesModel</name>
    <message>
        <location filename="../../ui/controllers/live_models.py" line="105"/>
        <source>Input</source>
        <translation>Masukan</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/live_models.py" line="105"/>
        <source>Position</source>
        <translation>Posisi</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/live_models.py" line="105"/>
        <source>Moves</source>
        <translation>Menggerakkan</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/live_models.py" line="129"/>
        <source>Pan and tilt</source>
        <translation>Pan dan tilt</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/live_models.py" line="135"/>
        <source>Pan</source>
        <translation>Pan</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/live_models.py" line="136"/>
        <source>Tilt</source>
        <translation>Tilt</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/live_models.py" line="137"/>
        <source>Zoom</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/live_models.py" line="140"/>
        <source>%1, inverted</source>
        <translation>%1, dibalik</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <location filename="../../models/oplog/backup_schedule.py" line="61"/>
        <source>No backup of the operations log yet</source>
        <translation>Belum ada cadangan log operasional</translation>
    </message>
    <message>
        <location filename="../../models/oplog/backup_schedule.py" line="64"/>
        <source>Last backup {hours} h ago: too old, ask IT staff</source>
        <translation>Cadangan terakhir {hours} jam lalu: terlalu lama, hubungi staf TI</translation>
    </message>
    <message>
        <location filename="../../models/oplog/backup_schedule.py" line="67"/>
        <source>Last backup {hours} h ago</source>
        <translation>Cadangan terakhir {hours} jam lalu</translation>
    </message>
    <message>
        <location filename="../../models/oplog/backup_schedule.py" line="71"/>
        <source>The backup of the operations log failed: {reason}</source>
        <translation>Pencadangan log operasional gagal: {reason}</translation>
    </message>
</context>
<context>
    <name>BoardSync</name>
    <message>
        <location filename="../../ui/oplog/board.py" line="189"/>
        <source>%1 taken over on this desk only: the operations log did not answer, so other desks do not know.</source>
        <translation>%1 diambil alih di meja ini saja: log operasional tidak menjawab, jadi meja lain tidak mengetahuinya.</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/board.py" line="235"/>
        <source>%1 started on this desk only: the operations log has not answered, so it is not logged.</source>
        <translation>%1 dimulai di meja ini saja: log operasional belum menjawab, jadi tidak tercatat.</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/board.py" line="238"/>
        <source>%1 ended on this desk only: the operations log has not answered, so it is not logged.</source>
        <translation>%1 diakhiri di meja ini saja: log operasional belum menjawab, jadi tidak tercatat.</translation>
    </message>
</context>
<context>
    <name>Broadcast</name>
    <message>
        <location filename="../../ui/broadcast/compose.py" line="40"/>
        <source>Broadcast</source>
        <translation>Siaran</translation>
    </message>
    <message>
        <location filename="../../ui/broadcast/words.py" line="41"/>
        <source>OBS offline</source>
        <translation>OBS luring</translation>
    </message>
    <message>
        <location filename="../../ui/broadcast/words.py" line="42"/>
        <source>OBS refused the password</source>
        <translation>OBS menolak kata sandi</translation>
    </message>
    <message>
        <location filename="../../ui/broadcast/words.py" line="43"/>
        <source>ready</source>
        <translation>siap</translation>
    </message>
    <message>
        <location filename="../../ui/broadcast/words.py" line="44"/>
        <source>starting…</source>
        <translation>memulai…</translation>
    </message>
    <message>
        <location filename="../../ui/broadcast/words.py" line="45"/>
        <source>LIVE %1</source>
        <translation>MENGUDARA %1</translation>
    </message>
    <message>
        <location filename="../../ui/broadcast/words.py" line="46"/>
        <source>reconnecting…</source>
        <translation>menyambung ulang…</translation>
    </message>
    <message>
        <location filename="../../ui/broadcast/words.py" line="47"/>
        <source>stopping…</source>
        <translation>menghentikan…</translation>
    </message>
    <message>
        <location filename="../../ui/broadcast/words.py" line="55"/>
        <source>not recording</source>
        <translation>tidak merekam</translation>
    </message>
    <message>
        <location filename="../../ui/broadcast/words.py" line="56"/>
        <source>recording starts…</source>
        <translation>perekaman dimulai…</translation>
    </message>
    <message>
        <location filename="../../ui/broadcast/words.py" line="57"/>
        <source>REC %1</source>
        <translation>REKAM %1</translation>
    </message>
    <message>
        <location filename="../../ui/broadcast/words.py" line="58"/>
        <source>recording paused %1</source>
        <translation>perekaman dijeda %1</translation>
    </message>
    <message>
        <location filename="../../ui/broadcast/words.py" line="59"/>
        <source>recording stops…</source>
        <translation>perekaman berhenti…</translation>
    </message>
    <message>
        <location filename="../../ui/broadcast/words.py" line="68"/>
        <source>%1 kbps</source>
        <translation>%1 kbps</translation>
    </message>
    <message>
        <location filename="../../ui/broadcast/words.py" line="71"/>
        <source>dropped %1 %</source>
        <translation>hilang %1 %</translation>
    </message>
    <message>
        <location filename="../../ui/broadcast/words.py" line="77"/>
        <source>OBS CPU %1 %</source>
        <translation>CPU OBS %1 %</translation>
    </message>
    <message>
        <location filename="../../ui/broadcast/words.py" line="81"/>
        <source>render lag %1 %</source>
        <translation>lambat render %1 %</translation>
    </message>
    <message>
        <location filename="../../models/oplog/jobs/broadcast.py" line="30"/>
        <source>console lost contact with OBS from {start} to {end}</source>
        <translation>konsol kehilangan kontak dengan OBS dari {start} sampai {end}</translation>
    </message>
</context>
<context>
    <name>BroadcastDesk</name>
    <message>
        <location filename="../../ui/broadcast/desk.py" line="100"/>
        <source>%1 belongs to %2 — take it over first</source>
        <translation>%1 milik %2 — ambil alih dulu</translation>
    </message>
    <message>
        <location filename="../../ui/broadcast/desk.py" line="140"/>
        <source>%1 taken over for %2</source>
        <translation>%1 diambil alih untuk %2</translation>
    </message>
</context>
<context>
    <name>BroadcastDock</name>
    <message>
        <location filename="../../ui/broadcast/dock.py" line="59"/>
        <source>No OBS output is configured (broadcast: in the configuration).</source>
        <translation>Belum ada keluaran OBS yang dikonfigurasi (broadcast: di konfigurasi).</translation>
    </message>
    <message>
        <location filename="../../ui/broadcast/dock.py" line="76"/>
        <source>%1 · REC</source>
        <translation>%1 · REKAM</translation>
    </message>
</context>
<context>
    <name>ButtonsModel</name>
    <message>
        <location filename="../../ui/controllers/live_models.py" line="188"/>
        <source>Button</source>
        <translation>Tombol</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/live_models.py" line="188"/>
        <source>Action</source>
        <translation>Aksi</translation>
    </message>
</context>
<context>
    <name>Camera</name>
    <message>
        <location filename="../../devices/visca/answers.py" line="76"/>
        <source>power</source>
        <translation>daya</translation>
    </message>
    <message>
        <location filename="../../devices/visca/answers.py" line="77"/>
        <location filename="../../devices/visca/codec.py" line="96"/>
        <source>zoom position</source>
        <translation>posisi zoom</translation>
    </message>
    <message>
        <location filename="../../devices/visca/answers.py" line="78"/>
        <location filename="../../devices/visca/codec.py" line="131"/>
        <source>focus position</source>
        <translation>posisi fokus</translation>
    </message>
    <message>
        <location filename="../../devices/visca/answers.py" line="79"/>
        <source>focus mode</source>
        <translation>mode fokus</translation>
    </message>
    <message>
        <location filename="../../devices/visca/answers.py" line="80"/>
        <source>pan-tilt position</source>
        <translation>posisi pan-tilt</translation>
    </message>
    <message>
        <location filename="../../devices/visca/answers.py" line="81"/>
        <source>last preset</source>
        <translation>preset terakhir</translation>
    </message>
    <message>
        <location filename="../../devices/visca/answers.py" line="82"/>
        <source>version</source>
        <translation>versi</translation>
    </message>
    <message>
        <location filename="../../devices/visca/answers.py" line="115"/>
        <source>{what} answer must have {length} data bytes, got {count}: {data}</source>
        <translation>jawaban {what} harus berisi {length} byte data, diterima {count}: {data}</translation>
    </message>
    <message>
        <location filename="../../devices/visca/answers.py" line="126"/>
        <source>{what} answer {data}: {problem}</source>
        <translation>jawaban {what} {data}: {problem}</translation>
    </message>
    <message>
        <location filename="../../devices/visca/answers.py" line="136"/>
        <source>{what} answer {value} is not one of {known}</source>
        <translation>jawaban {what} {value} bukan salah satu dari {known}</translation>
    </message>
    <message>
        <location filename="../../devices/visca/answers.py" line="147"/>
        <source>camera reports an internal power-circuit error (power answer 04)</source>
        <translation>kamera melaporkan gangguan internal pada rangkaian daya (jawaban daya 04)</translation>
    </message>
    <message>
        <location filename="../../devices/visca/capabilities.py" line="118"/>
        <source>{camera} does not answer the {inquiry} inquiry; it is no longer asked</source>
        <translation>{camera} tidak menjawab pertanyaan {inquiry}; pertanyaan itu tidak lagi dikirim</translation>
    </message>
    <message>
        <location filename="../../devices/visca/camera_status.py" line="208"/>
        <source>{camera}: unexpected answer to {action}: {problem}</source>
        <translation>{camera}: jawaban tak terduga untuk {action}: {problem}</translation>
    </message>
    <message>
        <location filename="../../devices/visca/camera_status.py" line="239"/>
        <source>{camera} stopped away from preset {preset}</source>
        <translation>{camera} berhenti di luar posisi preset {preset}</translation>
    </message>
    <message>
        <location filename="../../devices/visca/packet.py" line="48"/>
        <source>cannot frame message {message}: empty or contains FF</source>
        <translation>pesan {message} tidak dapat dibingkai: kosong atau berisi FF</translation>
    </message>
    <message>
        <location filename="../../devices/visca/packet.py" line="54"/>
        <source>Address Set is always sent to the broadcast address 8</source>
        <translation>Address Set selalu dikirim ke alamat siaran 8</translation>
    </message>
    <message>
        <location filename="../../devices/visca/packet.py" line="67"/>
        <source>not a VISCA controller message: {message}</source>
        <translation>bukan pesan pengendali VISCA: {message}</translation>
    </message>
    <message>
        <location filename="../../devices/visca/packet.py" line="87"/>
        <source>byte {byte} is not a nibble (high nibble set)</source>
        <translation>byte {byte} bukan nibble (nibble atas terisi)</translation>
    </message>
    <message>
        <location filename="../../devices/visca/packet.py" line="113"/>
        <source>{name} must be a whole number, got {value}</source>
        <translation>{name} harus berupa bilangan bulat, diterima {value}</translation>
    </message>
    <message>
        <location filename="../../devices/visca/packet.py" line="121"/>
        <source>{name} {value} is out of range {lowest}–{highest}</source>
        <translation>{name} {value} di luar rentang {lowest}–{highest}</translation>
    </message>
    <message>
        <location filename="../../devices/visca/packet.py" line="126"/>
        <source>{name} {value} is out of range {lowest}–{highest} for {camera}</source>
        <translation>{name} {value} di luar rentang {lowest}–{highest} untuk {camera}</translation>
    </message>
    <message>
        <location filename="../../devices/visca/codec.py" line="43"/>
        <source>preset</source>
        <translation>preset</translation>
    </message>
    <message>
        <location filename="../../devices/visca/codec.py" line="47"/>
        <source>preset {number} is reserved on {camera} (reserved: {reserved})</source>
        <translation>preset {number} dicadangkan pada {camera} (dicadangkan: {reserved})</translation>
    </message>
    <message>
        <location filename="../../devices/visca/codec.py" line="88"/>
        <location filename="../../devices/visca/codec.py" line="92"/>
        <source>zoom speed</source>
        <translation>kecepatan zoom</translation>
    </message>
    <message>
        <location filename="../../devices/visca/codec.py" line="106"/>
        <location filename="../../devices/visca/codec.py" line="110"/>
        <source>focus speed</source>
        <translation>kecepatan fokus</translation>
    </message>
    <message>
        <location filename="../../devices/visca/codec.py" line="139"/>
        <location filename="../../devices/visca/codec.py" line="194"/>
        <source>pan speed</source>
        <translation>kecepatan pan</translation>
    </message>
    <message>
        <location filename="../../devices/visca/codec.py" line="140"/>
        <location filename="../../devices/visca/codec.py" line="195"/>
        <source>tilt speed</source>
        <translation>kecepatan tilt</translation>
    </message>
    <message>
        <location filename="../../devices/visca/codec.py" line="173"/>
        <source>pan position</source>
        <translation>posisi pan</translation>
    </message>
    <message>
        <location filename="../../devices/visca/codec.py" line="174"/>
        <source>tilt position</source>
        <translation>posisi tilt</translation>
    </message>
    <message>
        <location filename="../../devices/visca/codec.py" line="184"/>
        <source>pan offset</source>
        <translation>geseran pan</translation>
    </message>
    <message>
        <location filename="../../devices/visca/codec.py" line="185"/>
        <source>tilt offset</source>
        <translation>geseran tilt</translation>
    </message>
    <message>
        <location filename="../../devices/visca/controller.py" line="220"/>
        <source>{camera} has no tally lamp command</source>
        <translation>{camera} tidak punya perintah lampu tally</translation>
    </message>
    <message>
        <location filename="../../devices/visca/controller.py" line="290"/>
        <location filename="../../devices/visca/online.py" line="83"/>
        <source>{camera}: {problem}</source>
        <translation>{camera}: {problem}</translation>
    </message>
    <message>
        <location filename="../../devices/visca/links.py" line="64"/>
        <source>unknown quirk {quirk}; known: {known}</source>
        <translation>quirk {quirk} tidak dikenal; yang dikenal: {known}</translation>
    </message>
    <message>
        <location filename="../../devices/visca/links.py" line="144"/>
        <source>{link} is not connected</source>
        <translation>{link} tidak terhubung</translation>
    </message>
    <message>
        <location filename="../../devices/visca/profiles.py" line="204"/>
        <source>unknown camera profile {name}; known: {known}</source>
        <translation>profil kamera {name} tidak dikenal; yang dikenal: {known}</translation>
    </message>
    <message>
        <location filename="../../devices/visca/serial_bus.py" line="48"/>
        <source>two cameras configured at address {address} on {port}</source>
        <translation>dua kamera dikonfigurasi pada alamat {address} di {port}</translation>
    </message>
    <message>
        <location filename="../../devices/visca/serial_bus.py" line="73"/>
        <source>{port} is not open</source>
        <translation>{port} tidak terbuka</translation>
    </message>
    <message>
        <location filename="../../devices/visca/serial_bus.py" line="125"/>
        <source>serial camera address {address} is out of range 1–7</source>
        <translation>alamat kamera serial {address} di luar rentang 1–7</translation>
    </message>
    <message>
        <location filename="../../devices/visca/serial_bus.py" line="178"/>
        <source>{port} is configured with two different baud rates</source>
        <translation>{port} dikonfigurasi dengan dua baud rate yang berbeda</translation>
    </message>
    <message>
        <location filename="../../devices/visca/session.py" line="91"/>
        <source>{camera} is offline</source>
        <translation>{camera} terputus</translation>
    </message>
    <message>
        <location filename="../../devices/visca/online.py" line="59"/>
        <source>{camera} answers, but nothing it was asked completed for {seconds} s (replies that match no command, or a line too slow)</source>
        <translation>{camera} menjawab, tetapi tidak ada perintah yang selesai selama {seconds} detik (balasan tidak cocok dengan perintah, atau jalur terlalu lambat)</translation>
    </message>
    <message>
        <location filename="../../devices/visca/online.py" line="67"/>
        <source>{camera} did not answer for {seconds} s</source>
        <translation>{camera} tidak menjawab selama {seconds} detik</translation>
    </message>
    <message>
        <location filename="../../devices/visca/online.py" line="78"/>
        <source>{camera}: connection lost</source>
        <translation>{camera}: koneksi terputus</translation>
    </message>
    <message>
        <location filename="../../devices/visca/url_check.py" line="45"/>
        <source>profile {profile} differs from model={model} in the URL; keep one</source>
        <translation>profil {profile} berbeda dengan model={model} di URL; pertahankan salah satunya</translation>
    </message>
</context>
<context>
    <name>CameraListModel</name>
    <message>
        <location filename="../../ui/desk/camera_model.py" line="176"/>
        <source>Camera</source>
        <translation>Kamera</translation>
    </message>
    <message>
        <location filename="../../ui/desk/camera_model.py" line="177"/>
        <source>Link</source>
        <translation>Koneksi</translation>
    </message>
    <message>
        <location filename="../../ui/desk/camera_model.py" line="178"/>
        <source>Motion</source>
        <translation>Gerakan</translation>
    </message>
    <message>
        <location filename="../../ui/desk/camera_model.py" line="179"/>
        <source>Last seen</source>
        <translation>Respons terakhir</translation>
    </message>
    <message>
        <location filename="../../ui/desk/camera_model.py" line="180"/>
        <source>Round trip</source>
        <translation>Latensi</translation>
    </message>
    <message>
        <location filename="../../ui/desk/camera_model.py" line="181"/>
        <source>Errors</source>
        <translation>Kesalahan</translation>
    </message>
    <message>
        <location filename="../../ui/desk/camera_model.py" line="182"/>
        <source>Timeouts</source>
        <translation>Waktu habis</translation>
    </message>
    <message>
        <location filename="../../ui/desk/camera_model.py" line="183"/>
        <source>Power</source>
        <translation>Daya</translation>
    </message>
    <message>
        <location filename="../../ui/desk/camera_model.py" line="184"/>
        <source>Pan / tilt</source>
        <translation>Pan / tilt</translation>
    </message>
    <message>
        <location filename="../../ui/desk/camera_model.py" line="185"/>
        <source>Zoom</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <location filename="../../ui/desk/camera_model.py" line="186"/>
        <source>Preset</source>
        <translation>Preset</translation>
    </message>
    <message>
        <location filename="../../ui/desk/camera_model.py" line="187"/>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <location filename="../../ui/desk/camera_model.py" line="188"/>
        <source>Not answered</source>
        <translation>Tidak dijawab</translation>
    </message>
    <message>
        <location filename="../../ui/desk/camera_model.py" line="189"/>
        <source>Decoding</source>
        <translation>Dekode</translation>
    </message>
    <message>
        <location filename="../../ui/desk/camera_model.py" line="219"/>
        <source>The camera refused these inquiries; they are asked again when it reconnects</source>
        <translation>Kamera menolak pertanyaan ini; pertanyaan dikirim lagi saat kamera tersambung kembali</translation>
    </message>
    <message>
        <location filename="../../ui/desk/camera_model.py" line="234"/>
        <source>never</source>
        <translation>belum pernah</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/desk/camera_model.py" line="235"/>
        <source>%n s ago</source>
        <translation>
            <numerusform>%n detik lalu</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/desk/camera_model.py" line="243"/>
        <source>on</source>
        <translation>menyala</translation>
    </message>
    <message>
        <location filename="../../ui/desk/camera_model.py" line="243"/>
        <source>standby</source>
        <translation>siaga</translation>
    </message>
    <message>
        <location filename="../../ui/desk/camera_model.py" line="260"/>
        <source>%1, ROM %2</source>
        <translation>%1, ROM %2</translation>
    </message>
    <message>
        <location filename="../../ui/desk/camera_model.py" line="262"/>
        <source>%1 (until the camera says)</source>
        <translation>%1 (sampai kamera menjawab)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/camera_model.py" line="263"/>
        <source>%1 (model not known)</source>
        <translation>%1 (model tidak dikenal)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/camera_model.py" line="264"/>
        <source>%1 (configured)</source>
        <translation>%1 (diatur)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/camera_model.py" line="269"/>
        <source>offline</source>
        <translation>terputus</translation>
    </message>
    <message>
        <location filename="../../ui/desk/camera_model.py" line="269"/>
        <source>connecting</source>
        <translation>menghubungkan</translation>
    </message>
    <message>
        <location filename="../../ui/desk/camera_model.py" line="277"/>
        <source>moving</source>
        <translation>bergerak</translation>
    </message>
    <message>
        <location filename="../../ui/desk/camera_model.py" line="277"/>
        <source>arrived</source>
        <translation>tiba</translation>
    </message>
    <message>
        <location filename="../../ui/desk/camera_model.py" line="270"/>
        <source>online</source>
        <translation>terhubung</translation>
    </message>
</context>
<context>
    <name>CameraTileDelegate</name>
    <message>
        <location filename="../../ui/desk/camera_tile.py" line="86"/>
        <source>no picture</source>
        <translation>tidak ada gambar</translation>
    </message>
</context>
<context>
    <name>Capture</name>
    <message>
        <location filename="../../devices/capture.py" line="42"/>
        <source>cannot write the capture file {path}: {reason}</source>
        <translation>berkas rekaman {path} tidak dapat ditulis: {reason}</translation>
    </message>
    <message>
        <location filename="../../devices/capture.py" line="62"/>
        <source>{device}: {problem}; it works without a capture</source>
        <translation>{device}: {problem}; perangkat tetap bekerja tanpa rekaman</translation>
    </message>
</context>
<context>
    <name>CheatSheet</name>
    <message>
        <location filename="../../ui/shell/cheat_sheet.py" line="78"/>
        <source>Hotkeys</source>
        <translation>Tombol Pintas</translation>
    </message>
    <message>
        <location filename="../../ui/shell/cheat_sheet.py" line="83"/>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <location filename="../../ui/shell/cheat_sheet.py" line="116"/>
        <source>Nothing at the moment</source>
        <translation>Tidak ada saat ini</translation>
    </message>
    <message>
        <location filename="../../ui/shell/cheat_sheet.py" line="137"/>
        <source>{keys} stops all cameras from anywhere, even while you type in a text field; other hotkeys do nothing there.</source>
        <translation>{keys} menghentikan semua kamera dari mana saja, bahkan saat Anda mengetik di kolom teks; tombol pintas lain tidak berfungsi di sana.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/cheat_sheet.py" line="146"/>
        <source>Esc first closes an open menu, dialog or editor, or leaves a text field; it stops all cameras only when nothing is open.</source>
        <translation>Esc lebih dulu menutup menu, dialog atau editor yang terbuka, atau keluar dari kolom teks; Esc menghentikan semua kamera hanya bila tidak ada yang terbuka.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/cheat_sheet.py" line="141"/>
        <source>Hotkeys do nothing while you type in a text field.</source>
        <translation>Tombol pintas tidak berfungsi saat Anda mengetik di kolom teks.</translation>
    </message>
</context>
<context>
    <name>Config</name>
    <message>
        <location filename="../../models/config/store.py" line="202"/>
        <source>{path}: there is no configuration file yet</source>
        <translation>{path}: belum ada berkas konfigurasi</translation>
    </message>
    <message>
        <location filename="../../models/config/store.py" line="206"/>
        <source>{path}: cannot be read ({reason})</source>
        <translation>{path}: tidak dapat dibaca ({reason})</translation>
    </message>
    <message>
        <location filename="../../models/config/store.py" line="217"/>
        <source>{path}: could not keep a copy of the good configuration ({reason})</source>
        <translation>{path}: salinan konfigurasi yang baik tidak dapat disimpan ({reason})</translation>
    </message>
    <message>
        <location filename="../../models/config/store.py" line="231"/>
        <source>There is no earlier good configuration either: starting without cameras.</source>
        <translation>Konfigurasi baik sebelumnya juga tidak ada: konsol dimulai tanpa kamera.</translation>
    </message>
    <message>
        <location filename="../../models/config/store.py" line="238"/>
        <source>{path}: the last good copy has problems too; starting without cameras.</source>
        <translation>{path}: salinan baik terakhir juga bermasalah; konsol dimulai tanpa kamera.</translation>
    </message>
    <message>
        <location filename="../../models/config/store.py" line="245"/>
        <source>{path}: the last good copy cannot be read ({reason}); starting without cameras.</source>
        <translation>{path}: salinan baik terakhir tidak dapat dibaca ({reason}); konsol dimulai tanpa kamera.</translation>
    </message>
    <message>
        <location filename="../../models/config/store.py" line="252"/>
        <source>Using the last good configuration, {path}.</source>
        <translation>Memakai konfigurasi baik terakhir, {path}.</translation>
    </message>
    <message>
        <location filename="../../models/config/store.py" line="271"/>
        <source>could not be written ({reason})</source>
        <translation>tidak dapat ditulis ({reason})</translation>
    </message>
    <message>
        <location filename="../../models/config/demo.py" line="14"/>
        <source>demo configuration</source>
        <translation>konfigurasi demo</translation>
    </message>
    <message>
        <location filename="../../models/config/parse.py" line="72"/>
        <source>indent with spaces, not tabs</source>
        <translation>gunakan spasi untuk indentasi, bukan tab</translation>
    </message>
    <message>
        <location filename="../../models/config/parse.py" line="73"/>
        <source>the indentation does not match the lines above</source>
        <translation>indentasi tidak sesuai dengan baris di atasnya</translation>
    </message>
    <message>
        <location filename="../../models/config/parse.py" line="74"/>
        <source>a &apos;: &apos; inside a value; put the value in quotes</source>
        <translation>ada &apos;: &apos; di dalam nilai; apit nilainya dengan tanda kutip</translation>
    </message>
    <message>
        <location filename="../../models/config/parse.py" line="77"/>
        <source>a line without &apos;key: value&apos;, or a quote that is not closed</source>
        <translation>ada baris tanpa &apos;key: value&apos;, atau tanda kutip yang belum ditutup</translation>
    </message>
    <message>
        <location filename="../../models/config/parse.py" line="80"/>
        <source>a quote or bracket that is not closed</source>
        <translation>ada tanda kutip atau kurung yang belum ditutup</translation>
    </message>
    <message>
        <location filename="../../models/config/parse.py" line="81"/>
        <source>a bracket that is not closed, or a comma missing between items</source>
        <translation>kurung yang tidak ditutup, atau koma yang hilang di antara isinya</translation>
    </message>
    <message>
        <location filename="../../models/config/cameras.py" line="32"/>
        <source>camera</source>
        <translation>kamera</translation>
    </message>
    <message>
        <location filename="../../models/config/parse.py" line="85"/>
        <source>event</source>
        <translation>acara</translation>
    </message>
    <message>
        <location filename="../../models/config/parse.py" line="88"/>
        <source>camera {number} (id {id})</source>
        <translation>kamera {number} (id {id})</translation>
    </message>
    <message>
        <location filename="../../models/config/parse.py" line="89"/>
        <source>camera {number}</source>
        <translation>kamera {number}</translation>
    </message>
    <message>
        <location filename="../../models/config/parse.py" line="92"/>
        <source>wall {number} (id {id})</source>
        <translation>video wall {number} (id {id})</translation>
    </message>
    <message>
        <location filename="../../models/config/parse.py" line="93"/>
        <source>wall {number}</source>
        <translation>video wall {number}</translation>
    </message>
    <message>
        <location filename="../../models/config/parse.py" line="96"/>
        <source>broadcast output {number} (id {id})</source>
        <translation>keluaran siaran {number} (id {id})</translation>
    </message>
    <message>
        <location filename="../../models/config/parse.py" line="97"/>
        <source>broadcast output {number}</source>
        <translation>keluaran siaran {number}</translation>
    </message>
    <message>
        <location filename="../../models/config/parse.py" line="100"/>
        <source>event {number} (id {id})</source>
        <translation>acara {number} (id {id})</translation>
    </message>
    <message>
        <location filename="../../models/config/parse.py" line="101"/>
        <source>event {number}</source>
        <translation>acara {number}</translation>
    </message>
    <message>
        <location filename="../../models/config/parse.py" line="103"/>
        <source>a shot cuts to a scene, but the event names no broadcast output (broadcast: ID)</source>
        <translation>shot berpindah ke sebuah adegan, tetapi acara tidak menyebut keluaran siaran (broadcast: ID)</translation>
    </message>
    <message>
        <location filename="../../models/config/parse.py" line="106"/>
        <source>no cameras are configured: the console will have no cameras to control</source>
        <translation>tidak ada kamera yang dikonfigurasi: konsol tidak akan punya kamera untuk dikendalikan</translation>
    </message>
    <message>
        <location filename="../../models/config/cameras.py" line="33"/>
        <source>a preset number</source>
        <translation>nomor preset</translation>
    </message>
    <message>
        <location filename="../../models/config/cameras.py" line="34"/>
        <source>a capture device number</source>
        <translation>nomor perangkat penangkap video</translation>
    </message>
    <message>
        <location filename="../../models/config/parse.py" line="119"/>
        <source>a character YAML does not allow (U+{code}); delete it</source>
        <translation>ada karakter yang tidak diizinkan YAML (U+{code}); hapus karakter tersebut</translation>
    </message>
    <message>
        <location filename="../../models/config/parse.py" line="126"/>
        <source>not valid YAML: {error}</source>
        <translation>YAML tidak valid: {error}</translation>
    </message>
    <message>
        <location filename="../../models/config/parse.py" line="128"/>
        <source>syntax error</source>
        <translation>kesalahan sintaks</translation>
    </message>
    <message>
        <location filename="../../models/config/parse.py" line="131"/>
        <source>not valid YAML at column {column}: {problem}</source>
        <translation>YAML tidak valid di kolom {column}: {problem}</translation>
    </message>
    <message>
        <location filename="../../models/config/parse.py" line="135"/>
        <source>not valid YAML at column {column}: {hint} ({problem})</source>
        <translation>YAML tidak valid di kolom {column}: {hint} ({problem})</translation>
    </message>
    <message>
        <location filename="../../models/config/cameras.py" line="63"/>
        <source>preview_hd is the main stream for large views; the tile needs preview: (the substream) too</source>
        <translation>preview_hd adalah stream utama untuk tampilan besar; ubin juga memerlukan preview: (substream)</translation>
    </message>
    <message>
        <location filename="../../models/config/nodes.py" line="26"/>
        <source>a list</source>
        <translation>daftar</translation>
    </message>
    <message>
        <location filename="../../models/config/nodes.py" line="28"/>
        <source>a group of &apos;key: value&apos; lines</source>
        <translation>kelompok baris &apos;key: value&apos;</translation>
    </message>
    <message>
        <location filename="../../models/config/nodes.py" line="29"/>
        <source>nothing</source>
        <translation>nilai kosong</translation>
    </message>
    <message>
        <location filename="../../models/config/parse.py" line="202"/>
        <source>the event must end after it starts ({start})</source>
        <translation>acara harus berakhir setelah dimulai ({start})</translation>
    </message>
    <message>
        <location filename="../../models/config/cameras.py" line="102"/>
        <source>unsupported preview address {address}; use rtsp://, http://, https://, a file path, a device number or {demo}</source>
        <translation>alamat pratinjau {address} tidak didukung; gunakan rtsp://, http://, https://, lokasi berkas, nomor perangkat, atau {demo}</translation>
    </message>
    <message>
        <location filename="../../models/config/cameras.py" line="112"/>
        <source>preview address {address} has no host name</source>
        <translation>alamat pratinjau {address} tidak memiliki nama host</translation>
    </message>
    <message>
        <location filename="../../models/config/cameras.py" line="128"/>
        <source>preset {number} is named twice</source>
        <translation>preset {number} diberi nama dua kali</translation>
    </message>
    <message>
        <location filename="../../models/config/parse.py" line="231"/>
        <source>camera {camera} is listed twice</source>
        <translation>kamera {camera} tercantum dua kali</translation>
    </message>
    <message>
        <location filename="../../models/config/shots.py" line="15"/>
        <location filename="../../models/config/shots.py" line="64"/>
        <source>a shot names a camera and preset, a scene, or both</source>
        <translation>shot menyebut kamera dan preset, adegan, atau keduanya</translation>
    </message>
    <message>
        <location filename="../../models/config/shots.py" line="31"/>
        <source>unknown shot key {key}; use F1 to F12</source>
        <translation>tombol shot {key} tidak dikenal; gunakan F1 sampai F12</translation>
    </message>
    <message>
        <location filename="../../models/config/shots.py" line="38"/>
        <source>shot {key} appears twice</source>
        <translation>shot {key} muncul dua kali</translation>
    </message>
    <message>
        <location filename="../../models/config/shots.py" line="78"/>
        <source>cut is {choices}, not {value}</source>
        <translation>cut harus {choices}, bukan {value}</translation>
    </message>
    <message>
        <location filename="../../models/config/shots.py" line="87"/>
        <source>camera {camera} is not one of this event&apos;s cameras ({cameras})</source>
        <translation>kamera {camera} bukan salah satu kamera acara ini ({cameras})</translation>
    </message>
    <message>
        <location filename="../../models/config/shots.py" line="90"/>
        <source>none listed</source>
        <translation>belum ada yang tercantum</translation>
    </message>
    <message>
        <location filename="../../models/config/nodes.py" line="62"/>
        <source>{item}, {key}</source>
        <translation>{item}, {key}</translation>
    </message>
    <message>
        <location filename="../../models/config/values.py" line="56"/>
        <source>{device} (line {line}) writes its capture to {path} already; give each device its own file</source>
        <translation>{device} (baris {line}) sudah menulis rekamannya ke {path}; beri setiap perangkat berkasnya sendiri</translation>
    </message>
    <message>
        <location filename="../../models/config/nodes.py" line="72"/>
        <source>expected &apos;key: value&apos; lines, found {shape}</source>
        <translation>seharusnya baris &apos;key: value&apos;, ditemukan {shape}</translation>
    </message>
    <message>
        <location filename="../../models/config/nodes.py" line="84"/>
        <source>unknown key {key}; known keys: {keys}</source>
        <translation>kunci {key} tidak dikenal; kunci yang dikenal: {keys}</translation>
    </message>
    <message>
        <location filename="../../models/config/nodes.py" line="92"/>
        <source>{key} is given twice (first on line {line})</source>
        <translation>{key} diisi dua kali (pertama di baris {line})</translation>
    </message>
    <message>
        <location filename="../../models/config/nodes.py" line="100"/>
        <location filename="../../models/config/shots.py" line="61"/>
        <source>missing {key}</source>
        <translation>{key} belum diisi</translation>
    </message>
    <message>
        <location filename="../../models/config/nodes.py" line="110"/>
        <source>expected &apos;key: value&apos; pairs, found {shape}</source>
        <translation>seharusnya pasangan &apos;key: value&apos;, ditemukan {shape}</translation>
    </message>
    <message>
        <location filename="../../models/config/nodes.py" line="123"/>
        <source>a key must be a single word or number, not {shape}</source>
        <translation>kunci harus berupa satu kata atau angka, bukan {shape}</translation>
    </message>
    <message>
        <location filename="../../models/config/nodes.py" line="145"/>
        <source>expected a list (lines starting with &apos;- &apos; or [a, b]), found {shape}</source>
        <translation>seharusnya daftar (baris yang diawali &apos;- &apos; atau [a, b]), ditemukan {shape}</translation>
    </message>
    <message>
        <location filename="../../models/config/values.py" line="69"/>
        <source>needs a value</source>
        <translation>harus diisi</translation>
    </message>
    <message>
        <location filename="../../models/config/values.py" line="75"/>
        <source>expected text, found {shape}</source>
        <translation>seharusnya teks, ditemukan {shape}</translation>
    </message>
    <message>
        <location filename="../../models/config/values.py" line="79"/>
        <source>must not be empty</source>
        <translation>tidak boleh kosong</translation>
    </message>
    <message>
        <location filename="../../models/config/values.py" line="91"/>
        <source>{kind} id {id} may only use lower-case letters, digits, &apos;-&apos; and &apos;_&apos;</source>
        <translation>id {kind} {id} hanya boleh memakai huruf kecil, angka, &apos;-&apos; dan &apos;_&apos;</translation>
    </message>
    <message>
        <location filename="../../models/config/values.py" line="99"/>
        <source>duplicate {kind} id {id} (first on line {line})</source>
        <translation>id {kind} {id} ganda (pertama di baris {line})</translation>
    </message>
    <message>
        <location filename="../../models/config/values.py" line="116"/>
        <source>{what} must be a whole number, not {shape}</source>
        <translation>{what} harus berupa bilangan bulat, bukan {shape}</translation>
    </message>
    <message>
        <location filename="../../models/config/values.py" line="126"/>
        <source>{what} must be between {low} and {high}, not {value}</source>
        <translation>{what} harus antara {low} dan {high}, bukan {value}</translation>
    </message>
    <message>
        <location filename="../../models/config/values.py" line="145"/>
        <source>{value} is not a date and time; write it like &quot;2026-11-28 09:00&quot;</source>
        <translation>{value} bukan tanggal dan waktu; tulis seperti &quot;2026-11-28 09:00&quot;</translation>
    </message>
    <message>
        <location filename="../../models/config/values.py" line="161"/>
        <source>{what} is yes or no, not {shape}</source>
        <translation>{what} harus yes atau no, bukan {shape}</translation>
    </message>
    <message>
        <location filename="../../models/config/shots.py" line="95"/>
        <source>no camera with id {id}</source>
        <translation>tidak ada kamera dengan id {id}</translation>
    </message>
    <message>
        <location filename="../../models/config/schema.py" line="141"/>
        <source>{source} line {line}, {field}: {message}</source>
        <translation>{source} baris {line}, {field}: {message}</translation>
    </message>
    <message>
        <location filename="../../models/config/schema.py" line="142"/>
        <source>{source} line {line}: {message}</source>
        <translation>{source} baris {line}: {message}</translation>
    </message>
    <message>
        <location filename="../../models/config/schema.py" line="143"/>
        <source>{source}, {field}: {message}</source>
        <translation>{source}, {field}: {message}</translation>
    </message>
    <message>
        <location filename="../../models/config/schema.py" line="144"/>
        <source>{source}: {message}</source>
        <translation>{source}: {message}</translation>
    </message>
    <message>
        <location filename="../../models/config/walls.py" line="47"/>
        <source>input number</source>
        <translation>nomor input</translation>
    </message>
    <message>
        <location filename="../../models/config/walls.py" line="48"/>
        <source>input {number} is named twice</source>
        <translation>input {number} diberi nama dua kali</translation>
    </message>
    <message>
        <location filename="../../models/config/walls.py" line="51"/>
        <source>output number</source>
        <translation>nomor output</translation>
    </message>
    <message>
        <location filename="../../models/config/walls.py" line="52"/>
        <source>output {number} is named twice</source>
        <translation>output {number} diberi nama dua kali</translation>
    </message>
    <message>
        <location filename="../../models/config/walls.py" line="55"/>
        <source>layout number</source>
        <translation>nomor tata letak</translation>
    </message>
    <message>
        <location filename="../../models/config/walls.py" line="56"/>
        <source>layout {number} is named twice</source>
        <translation>tata letak {number} diberi nama dua kali</translation>
    </message>
    <message>
        <location filename="../../models/config/walls.py" line="71"/>
        <source>wall</source>
        <translation>video wall</translation>
    </message>
    <message>
        <location filename="../../models/config/walls.py" line="89"/>
        <source>the canvas number</source>
        <translation>nomor kanvas</translation>
    </message>
    <message>
        <location filename="../../models/config/walls.py" line="97"/>
        <source>a {rows}×{cols} grid has room for {room} outputs, not {count}</source>
        <translation>kisi {rows}×{cols} hanya memuat {room} output, bukan {count}</translation>
    </message>
    <message>
        <location filename="../../models/config/walls.py" line="130"/>
        <source>an input code must not be empty</source>
        <translation>kode input tidak boleh kosong</translation>
    </message>
    <message>
        <location filename="../../models/config/walls.py" line="135"/>
        <source>input code {code} is named twice</source>
        <translation>kode input {code} diberi nama dua kali</translation>
    </message>
    <message>
        <location filename="../../models/config/walls.py" line="153"/>
        <source>write a wall output as WALL-ID:NUMBER, e.g. {example}, not {text}</source>
        <translation>tulis output video wall sebagai ID-WALL:NOMOR, misalnya {example}, bukan {text}</translation>
    </message>
    <message>
        <location filename="../../models/config/walls.py" line="159"/>
        <source>no wall with id {id}</source>
        <translation>tidak ada video wall dengan id {id}</translation>
    </message>
    <message>
        <location filename="../../models/config/broadcast.py" line="32"/>
        <source>broadcast output</source>
        <translation>keluaran siaran</translation>
    </message>
    <message>
        <location filename="../../models/config/broadcast.py" line="51"/>
        <source>an OBS output&apos;s url starts with obs://, e.g. {example}, not {url}</source>
        <translation>url keluaran OBS diawali obs://, mis. {example}, bukan {url}</translation>
    </message>
    <message>
        <location filename="../../models/config/broadcast.py" line="67"/>
        <location filename="../../models/config/walls.py" line="162"/>
        <source>none</source>
        <translation>tidak ada</translation>
    </message>
    <message>
        <location filename="../../models/config/broadcast.py" line="71"/>
        <source>no broadcast output with id {id} (the outputs: {known})</source>
        <translation>tidak ada keluaran siaran dengan id {id} (keluarannya: {known})</translation>
    </message>
    <message>
        <location filename="../../models/config/walls.py" line="166"/>
        <source>wall {id} has no output {number} (its outputs: {outputs})</source>
        <translation>video wall {id} tidak memiliki output {number} (output-nya: {outputs})</translation>
    </message>
    <message>
        <location filename="../../models/config/walls.py" line="174"/>
        <source>{output} is listed twice</source>
        <translation>{output} tercantum dua kali</translation>
    </message>
    <message>
        <location filename="../../models/config/ports.py" line="51"/>
        <source>port {port} is already used by {other} (line {line}) with another protocol; one serial line speaks one protocol</source>
        <translation>port {port} sudah dipakai oleh {other} (baris {line}) dengan protokol lain; satu jalur serial hanya memakai satu protokol</translation>
    </message>
    <message>
        <location filename="../../models/config/ports.py" line="56"/>
        <source>port {port} is already used by {other} (line {line}); only VISCA cameras or LG displays can share a serial line</source>
        <translation>port {port} sudah dipakai oleh {other} (baris {line}); hanya kamera VISCA atau layar LG yang dapat berbagi satu jalur serial</translation>
    </message>
</context>
<context>
    <name>ConfigEditor</name>
    <message>
        <location filename="../../ui/shell/config_editor.py" line="56"/>
        <source>Configuration — {path}</source>
        <translation>Konfigurasi — {path}</translation>
    </message>
    <message>
        <location filename="../../ui/shell/config_editor.py" line="62"/>
        <source>Demo configuration: your changes apply at once and last until the demo is closed; each start writes it afresh, as the simulators get new addresses.</source>
        <translation>Konfigurasi demo: perubahan Anda langsung berlaku dan bertahan sampai demo ditutup; setiap kali dimulai, berkas ini ditulis ulang karena simulator mendapat alamat baru.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/config_editor.py" line="84"/>
        <source>Check</source>
        <translation>Periksa</translation>
    </message>
    <message>
        <location filename="../../ui/shell/config_editor.py" line="84"/>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <location filename="../../ui/shell/config_editor.py" line="90"/>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <location filename="../../ui/shell/config_editor.py" line="109"/>
        <source>{count} problem(s) found.</source>
        <translation>Ditemukan {count} masalah.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/config_editor.py" line="113"/>
        <source>No problems found; {count} warning(s).</source>
        <translation>Tidak ada masalah; {count} peringatan.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/config_editor.py" line="115"/>
        <source>No problems found.</source>
        <translation>Tidak ada masalah.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/config_editor.py" line="128"/>
        <location filename="../../ui/shell/config_editor.py" line="159"/>
        <source>Not saved: fix the problems listed above first. The file is unchanged.</source>
        <translation>Tidak disimpan: perbaiki dulu masalah yang tercantum di atas. Berkas tidak diubah.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/config_editor.py" line="135"/>
        <source>Not saved yet: check the warnings above, then press Save again to save anyway.</source>
        <translation>Belum disimpan: periksa peringatan di atas, lalu tekan Simpan sekali lagi untuk tetap menyimpan.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/config_editor.py" line="139"/>
        <source>Saving…</source>
        <translation>Menyimpan…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/config_editor.py" line="152"/>
        <source>Saved to {path}.</source>
        <translation>Disimpan ke {path}.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/config_editor.py" line="163"/>
        <source>Not saved: {reason} The file is unchanged.</source>
        <translation>Tidak disimpan: {reason} Berkas tidak diubah.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/config_editor.py" line="185"/>
        <source>Warning: %1</source>
        <translation>Peringatan: %1</translation>
    </message>
    <message>
        <location filename="../../ui/shell/config_editor.py" line="218"/>
        <source>Line {line}, column {column}</source>
        <translation>Baris {line}, kolom {column}</translation>
    </message>
</context>
<context>
    <name>Console</name>
    <message>
        <location filename="../../ui/shell/console.py" line="170"/>
        <source>Hotkeys…</source>
        <translation>Tombol Pintas…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/console.py" line="171"/>
        <source>Controllers…</source>
        <translation>Pengendali…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/console.py" line="172"/>
        <source>Configuration…</source>
        <translation>Konfigurasi…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/console.py" line="175"/>
        <source>Hotkey cheat sheet (?)</source>
        <translation>Daftar tombol pintas (?)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/console.py" line="180"/>
        <source>Language</source>
        <translation>Bahasa</translation>
    </message>
    <message>
        <location filename="../../ui/shell/console.py" line="192"/>
        <source>Multiview (%1)</source>
        <translation>Multiview (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/console.py" line="192"/>
        <source>Multiview</source>
        <translation>Multiview</translation>
    </message>
    <message>
        <location filename="../../ui/shell/console.py" line="214"/>
        <source>Hotkeys saved</source>
        <translation>Tombol pintas disimpan</translation>
    </message>
    <message>
        <location filename="../../ui/shell/console.py" line="221"/>
        <source>Only an admin can edit the configuration: log in as one (Operations → Log in / out)</source>
        <translation>Hanya admin yang boleh mengubah konfigurasi: masuk sebagai admin (Operasional → Masuk / keluar)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/console.py" line="250"/>
        <source>(%1 more in the Log tab)</source>
        <translation>(%1 lagi di tab Catatan)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/console.py" line="253"/>
        <source>Open Tools → Configuration… (as an admin) to see every problem and fix it.</source>
        <translation>Buka Alat → Konfigurasi… (sebagai admin) untuk melihat semua masalah dan memperbaikinya.</translation>
    </message>
    <message>
        <location filename="../../ui/shell/console.py" line="282"/>
        <source>Interface language: %1</source>
        <translation>Bahasa antarmuka: %1</translation>
    </message>
</context>
<context>
    <name>ConsoleStick</name>
    <message>
        <location filename="../../ui/controllers/console_stick.py" line="168"/>
        <source>No joystick or gamepad can be used: %1</source>
        <translation>Joystick atau gamepad tidak dapat digunakan: %1</translation>
    </message>
</context>
<context>
    <name>ControlApi</name>
    <message>
        <location filename="../../devices/control_api/tokens.py" line="71"/>
        <source>{file} cannot be read ({problem}): no token is accepted</source>
        <translation>{file} tidak dapat dibaca ({problem}): tidak ada token yang diterima</translation>
    </message>
    <message>
        <location filename="../../devices/control_api/tokens.py" line="87"/>
        <source>a token needs the name of the client using it</source>
        <translation>token memerlukan nama klien yang memakainya</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/api_bridge.py" line="75"/>
        <source>{action} via API ({client})</source>
        <translation>{action} lewat API ({client})</translation>
    </message>
</context>
<context>
    <name>ControlPanel</name>
    <message>
        <location filename="../../ui/desk/control_panel.py" line="70"/>
        <source>Pan / tilt (hold)</source>
        <translation>Pan / tilt (tahan)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/control_panel.py" line="79"/>
        <source>Home</source>
        <translation>Posisi awal</translation>
    </message>
    <message>
        <location filename="../../ui/desk/control_panel.py" line="86"/>
        <source>Zoom and focus</source>
        <translation>Zoom dan fokus</translation>
    </message>
    <message>
        <location filename="../../ui/desk/control_panel.py" line="88"/>
        <source>Zoom in</source>
        <translation>Perbesar</translation>
    </message>
    <message>
        <location filename="../../ui/desk/control_panel.py" line="90"/>
        <source>Zoom out</source>
        <translation>Perkecil</translation>
    </message>
    <message>
        <location filename="../../ui/desk/control_panel.py" line="92"/>
        <source>Near</source>
        <translation>Dekat</translation>
    </message>
    <message>
        <location filename="../../ui/desk/control_panel.py" line="93"/>
        <source>Far</source>
        <translation>Jauh</translation>
    </message>
    <message>
        <location filename="../../ui/desk/control_panel.py" line="95"/>
        <source>Auto</source>
        <translation>Otomatis</translation>
    </message>
    <message>
        <location filename="../../ui/desk/control_panel.py" line="95"/>
        <source>Manual</source>
        <translation>Manual</translation>
    </message>
    <message>
        <location filename="../../ui/desk/control_panel.py" line="95"/>
        <source>One-push</source>
        <translation>Sekali tekan</translation>
    </message>
    <message>
        <location filename="../../ui/desk/control_panel.py" line="104"/>
        <source>Speed</source>
        <translation>Kecepatan</translation>
    </message>
    <message>
        <location filename="../../ui/desk/control_panel.py" line="118"/>
        <source>Camera</source>
        <translation>Kamera</translation>
    </message>
    <message>
        <location filename="../../ui/desk/control_panel.py" line="120"/>
        <source>Power on</source>
        <translation>Nyalakan</translation>
    </message>
    <message>
        <location filename="../../ui/desk/control_panel.py" line="120"/>
        <source>Standby</source>
        <translation>Siaga</translation>
    </message>
</context>
<context>
    <name>ControllersWindow</name>
    <message>
        <location filename="../../ui/controllers/controllers_window.py" line="57"/>
        <source>Controllers</source>
        <translation>Pengendali</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/controllers_window.py" line="68"/>
        <source>Press a button on the controller…</source>
        <translation>Tekan tombol pada pengendali…</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/controllers_window.py" line="90"/>
        <source>No joystick or gamepad can be read on this computer; the mapping can still be edited.</source>
        <translation>Joystick atau gamepad tidak dapat dibaca di komputer ini; pemetaannya tetap dapat diubah.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/controllers_window.py" line="106"/>
        <source>Connected</source>
        <translation>Terhubung</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/controllers_window.py" line="108"/>
        <source>No joystick or gamepad connected: plug one in and it shows here.</source>
        <translation>Tidak ada joystick atau gamepad yang terhubung: colokkan satu dan ia tampil di sini.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/controllers_window.py" line="115"/>
        <source>Axes and hats</source>
        <translation>Sumbu dan hat</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/controllers_window.py" line="120"/>
        <source>Sticks</source>
        <translation>Stik</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/controllers_window.py" line="123"/>
        <source>Buttons (lit while pressed)</source>
        <translation>Tombol (menyala saat ditekan)</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/controllers_window.py" line="127"/>
        <source>Action of the selected button:</source>
        <translation>Aksi tombol terpilih:</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/controllers_window.py" line="135"/>
        <source>Tools → Hotkeys… exports and imports this mapping with the hotkeys, in one file.</source>
        <translation>Alat → Tombol Pintas… mengekspor dan mengimpor pemetaan ini bersama tombol pintas, dalam satu berkas.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/controllers_window.py" line="139"/>
        <source>Reset to defaults</source>
        <translation>Kembalikan ke bawaan</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/controllers_window.py" line="141"/>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/controllers_window.py" line="142"/>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/controllers_window.py" line="201"/>
        <source>%1: choose its action.</source>
        <translation>%1: pilih aksinya.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/controllers_window.py" line="219"/>
        <source>Press the button to choose; it does nothing else until then.</source>
        <translation>Tekan tombol yang hendak dipilih; sampai saat itu tombol tidak menjalankan apa pun.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/controllers_window.py" line="261"/>
        <source>The default mapping is back. Save to keep it.</source>
        <translation>Pemetaan bawaan sudah dikembalikan. Simpan agar tetap berlaku.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/controllers_window.py" line="273"/>
        <source>Could not save the mapping: %1</source>
        <translation>Pemetaan tidak dapat disimpan: %1</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/controllers_window.py" line="275"/>
        <source>Saved: the stick uses this mapping now.</source>
        <translation>Disimpan: stik sekarang memakai pemetaan ini.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/controllers_window.py" line="282"/>
        <source>The mapping was replaced (an import in Tools → Hotkeys…).</source>
        <translation>Pemetaan telah diganti (impor di Alat → Tombol Pintas…).</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <location filename="../../models/oplog/engines.py" line="43"/>
        <source>the operations log needs a SQLite file, not an in-memory database</source>
        <translation>log operasional memerlukan berkas SQLite, bukan basis data di memori</translation>
    </message>
    <message>
        <location filename="../../models/oplog/engines.py" line="52"/>
        <source>The folder of the operations log database {db} cannot be created ({reason}).</source>
        <translation>Folder basis data log operasional {db} tidak dapat dibuat ({reason}).</translation>
    </message>
    <message>
        <location filename="../../models/oplog/database.py" line="220"/>
        <source>The operations log database {db} was written by a newer version of the console (schema {schema}); update this console before using it.</source>
        <translation>Basis data log operasional {db} ditulis oleh versi konsol yang lebih baru (skema {schema}); perbarui konsol ini sebelum menggunakannya.</translation>
    </message>
    <message>
        <location filename="../../models/oplog/database_problems.py" line="46"/>
        <source>The operations log database {db} is locked by another program or desk; the console will try again.</source>
        <translation>Basis data log operasional {db} sedang dikunci oleh program atau meja lain; konsol akan mencoba lagi.</translation>
    </message>
    <message>
        <location filename="../../models/oplog/database_problems.py" line="57"/>
        <source>The disk holding the operations log database {db} is full; free some space so that logging continues.</source>
        <translation>Disk tempat basis data log operasional {db} penuh; kosongkan sebagian ruang agar pencatatan dapat berlanjut.</translation>
    </message>
    <message>
        <location filename="../../models/oplog/database_problems.py" line="68"/>
        <source>The operations log database {db} is read-only; give this user write permission on the file and its folder.</source>
        <translation>Basis data log operasional {db} hanya dapat dibaca; berikan izin tulis kepada pengguna ini atas berkas dan foldernya.</translation>
    </message>
    <message>
        <location filename="../../models/oplog/database_problems.py" line="79"/>
        <source>The operations log database {db} is damaged or is not a database file; move it aside and restore a backup, or let the console create a new one.</source>
        <translation>Basis data log operasional {db} rusak atau bukan berkas basis data; pindahkan berkas itu lalu pulihkan cadangan, atau biarkan konsol membuat yang baru.</translation>
    </message>
    <message>
        <location filename="../../models/oplog/database_problems.py" line="90"/>
        <source>The operations log database {db} cannot be opened; check that its folder exists and is writable.</source>
        <translation>Basis data log operasional {db} tidak dapat dibuka; periksa apakah foldernya ada dan dapat ditulisi.</translation>
    </message>
    <message>
        <location filename="../../models/oplog/database_problems.py" line="101"/>
        <source>The database server of the operations log ({db}) refused the login; check the user and password in the database URL.</source>
        <translation>Server basis data log operasional ({db}) menolak login; periksa pengguna dan kata sandi di URL basis data.</translation>
    </message>
    <message>
        <location filename="../../models/oplog/database_problems.py" line="112"/>
        <source>The database of the operations log ({db}) does not exist on the server; ask IT staff to create it.</source>
        <translation>Basis data log operasional ({db}) tidak ada di server; minta staf TI untuk membuatnya.</translation>
    </message>
    <message>
        <location filename="../../models/oplog/database_problems.py" line="134"/>
        <source>The database server of the operations log ({db}) cannot be reached; check the network and that the server is running.</source>
        <translation>Server basis data log operasional ({db}) tidak dapat dijangkau; periksa jaringan dan pastikan server berjalan.</translation>
    </message>
    <message>
        <location filename="../../models/oplog/database_problems.py" line="173"/>
        <source>The operations log database {db} reported an error: {error}.</source>
        <translation>Basis data log operasional {db} melaporkan kesalahan: {error}.</translation>
    </message>
</context>
<context>
    <name>DeviceUrls</name>
    <message>
        <location filename="../../devices/endpoints.py" line="26"/>
        <source>{url}: {problem}</source>
        <translation>{url}: {problem}</translation>
    </message>
    <message>
        <location filename="../../devices/endpoints.py" line="95"/>
        <source>option {name}={value} is not a whole number</source>
        <translation>opsi {name}={value} bukan bilangan bulat</translation>
    </message>
    <message>
        <location filename="../../devices/endpoints.py" line="112"/>
        <source>option {name}={value} is not a number</source>
        <translation>opsi {name}={value} bukan angka</translation>
    </message>
    <message>
        <location filename="../../devices/endpoints.py" line="128"/>
        <source>option baud={value} is not a line speed; use one of {speeds}</source>
        <translation>opsi baud={value} bukan kecepatan jalur; gunakan salah satu dari {speeds}</translation>
    </message>
    <message>
        <location filename="../../devices/endpoints.py" line="135"/>
        <source>option {name}={value} is out of range {lowest}–{highest}</source>
        <translation>opsi {name}={value} di luar rentang {lowest}–{highest}</translation>
    </message>
    <message>
        <location filename="../../devices/endpoints.py" line="149"/>
        <source>option {name}={value} must be yes or no</source>
        <translation>opsi {name}={value} harus yes atau no</translation>
    </message>
    <message>
        <location filename="../../devices/endpoints.py" line="161"/>
        <source>unknown option(s) {unknown}; known: {known}</source>
        <translation>opsi tidak dikenal: {unknown}; yang dikenal: {known}</translation>
    </message>
    <message>
        <location filename="../../devices/endpoints.py" line="195"/>
        <source>not a {kind} URL ({error})</source>
        <translation>bukan URL {kind} ({error})</translation>
    </message>
    <message>
        <location filename="../../devices/endpoints.py" line="202"/>
        <source>unknown {kind} URL kind {scheme}; use one of {schemes}</source>
        <translation>jenis URL {kind} {scheme} tidak dikenal; gunakan salah satu dari {schemes}</translation>
    </message>
    <message>
        <location filename="../../devices/endpoints.py" line="216"/>
        <source>serial URL needs a port, e.g. {scheme}:///dev/ttyUSB0 or {scheme}://COM3</source>
        <translation>URL serial memerlukan port, mis. {scheme}:///dev/ttyUSB0 atau {scheme}://COM3</translation>
    </message>
    <message>
        <location filename="../../devices/endpoints.py" line="224"/>
        <source>missing host name or IP address</source>
        <translation>nama host atau alamat IP tidak ada</translation>
    </message>
    <message>
        <location filename="../../devices/endpoints.py" line="233"/>
        <source>the port must be a number 1–65535</source>
        <translation>port harus berupa angka 1–65535</translation>
    </message>
    <message>
        <location filename="../../devices/endpoints.py" line="239"/>
        <source>{scheme} has no usual port; give one, e.g. {scheme}://{host}:4001</source>
        <translation>{scheme} tidak memiliki port baku; cantumkan port, mis. {scheme}://{host}:4001</translation>
    </message>
    <message>
        <location filename="../../devices/endpoints.py" line="261"/>
        <source>{host} is not a valid host name (each part between dots 1–63 letters, digits or hyphens)</source>
        <translation>{host} bukan nama host yang valid (setiap bagian di antara titik berisi 1–63 huruf, angka, atau tanda hubung)</translation>
    </message>
    <message>
        <location filename="../../devices/visca/urls.py" line="25"/>
        <source>camera</source>
        <translation>kamera</translation>
    </message>
    <message>
        <location filename="../../devices/visca/urls.py" line="84"/>
        <source>option local_port={value} must be auto or a port number 0–65535</source>
        <translation>opsi local_port={value} harus auto atau nomor port 0–65535</translation>
    </message>
    <message>
        <location filename="../../devices/wall/drivers.py" line="43"/>
        <source>wall device</source>
        <translation>perangkat video wall</translation>
    </message>
    <message>
        <location filename="../../devices/obs/urls.py" line="24"/>
        <source>OBS</source>
        <translation>OBS</translation>
    </message>
    <message>
        <location filename="../../devices/obs/urls.py" line="59"/>
        <source>an OBS password is never written in the URL; put it in an environment variable named by password_env=, or in the secrets file</source>
        <translation>kata sandi OBS tidak pernah ditulis di URL; simpan di variabel lingkungan yang disebut oleh password_env=, atau di berkas rahasia</translation>
    </message>
    <message>
        <location filename="../../devices/obs/urls.py" line="69"/>
        <source>password_env={value} is not an environment variable&apos;s name</source>
        <translation>password_env={value} bukan nama variabel lingkungan</translation>
    </message>
    <message>
        <location filename="../../devices/obs/urls.py" line="89"/>
        <source>the environment variable {variable} (password_env) is not set</source>
        <translation>variabel lingkungan {variable} (password_env) belum diisi</translation>
    </message>
</context>
<context>
    <name>DeviceWords</name>
    <message>
        <location filename="../../ui/common/device_words.py" line="21"/>
        <source>completed</source>
        <translation>selesai</translation>
    </message>
    <message>
        <location filename="../../ui/common/device_words.py" line="22"/>
        <source>no answer in time</source>
        <translation>tidak ada jawaban tepat waktu</translation>
    </message>
    <message>
        <location filename="../../ui/common/device_words.py" line="23"/>
        <source>offline</source>
        <translation>terputus</translation>
    </message>
    <message>
        <location filename="../../ui/common/device_words.py" line="24"/>
        <source>superseded by a newer command</source>
        <translation>digantikan perintah yang lebih baru</translation>
    </message>
    <message>
        <location filename="../../ui/common/device_words.py" line="25"/>
        <source>stopped</source>
        <translation>dihentikan</translation>
    </message>
    <message>
        <location filename="../../ui/common/device_words.py" line="26"/>
        <source>closed</source>
        <translation>ditutup</translation>
    </message>
    <message>
        <location filename="../../ui/common/device_words.py" line="27"/>
        <source>garbled answer</source>
        <translation>jawaban rusak</translation>
    </message>
    <message>
        <location filename="../../ui/common/device_words.py" line="28"/>
        <source>too many commands waiting</source>
        <translation>terlalu banyak perintah menunggu</translation>
    </message>
    <message>
        <location filename="../../ui/common/device_words.py" line="29"/>
        <source>message too long</source>
        <translation>pesan terlalu panjang</translation>
    </message>
    <message>
        <location filename="../../ui/common/device_words.py" line="30"/>
        <source>command not understood</source>
        <translation>perintah tidak dikenali</translation>
    </message>
    <message>
        <location filename="../../ui/common/device_words.py" line="31"/>
        <source>camera busy</source>
        <translation>kamera sibuk</translation>
    </message>
    <message>
        <location filename="../../ui/common/device_words.py" line="32"/>
        <source>command cancelled</source>
        <translation>perintah dibatalkan</translation>
    </message>
    <message>
        <location filename="../../ui/common/device_words.py" line="33"/>
        <source>nothing to cancel</source>
        <translation>tidak ada yang dibatalkan</translation>
    </message>
    <message>
        <location filename="../../ui/common/device_words.py" line="34"/>
        <source>not possible in the camera&apos;s current mode</source>
        <translation>tidak bisa dalam mode kamera saat ini</translation>
    </message>
    <message>
        <location filename="../../ui/common/device_words.py" line="37"/>
        <source>out of range for this camera</source>
        <translation>di luar rentang untuk kamera ini</translation>
    </message>
    <message>
        <location filename="../../ui/common/device_words.py" line="45"/>
        <source>preset recall %1</source>
        <translation>panggil preset %1</translation>
    </message>
    <message>
        <location filename="../../ui/common/device_words.py" line="46"/>
        <source>preset save %1</source>
        <translation>simpan preset %1</translation>
    </message>
    <message>
        <location filename="../../ui/common/device_words.py" line="47"/>
        <source>preset clear %1</source>
        <translation>hapus preset %1</translation>
    </message>
    <message>
        <location filename="../../ui/common/device_words.py" line="48"/>
        <source>power on</source>
        <translation>nyalakan</translation>
    </message>
    <message>
        <location filename="../../ui/common/device_words.py" line="49"/>
        <source>standby</source>
        <translation>siaga</translation>
    </message>
    <message>
        <location filename="../../ui/common/device_words.py" line="50"/>
        <source>home position</source>
        <translation>posisi awal</translation>
    </message>
    <message>
        <location filename="../../ui/common/device_words.py" line="53"/>
        <source>go to pan %1 tilt %2</source>
        <translation>ke pan %1 tilt %2</translation>
    </message>
    <message>
        <location filename="../../ui/common/device_words.py" line="55"/>
        <source>zoom to %1</source>
        <translation>zoom ke %1</translation>
    </message>
    <message>
        <location filename="../../ui/common/device_words.py" line="58"/>
        <location filename="../../ui/common/device_words.py" line="65"/>
        <source>focus %1</source>
        <translation>fokus %1</translation>
    </message>
    <message>
        <location filename="../../ui/common/device_words.py" line="60"/>
        <source>pan/tilt stop</source>
        <translation>pan/tilt berhenti</translation>
    </message>
    <message>
        <location filename="../../ui/common/device_words.py" line="61"/>
        <source>pan/tilt %1</source>
        <translation>pan/tilt %1</translation>
    </message>
    <message>
        <location filename="../../ui/common/device_words.py" line="62"/>
        <source>zoom stop</source>
        <translation>zoom berhenti</translation>
    </message>
    <message>
        <location filename="../../ui/common/device_words.py" line="63"/>
        <source>zoom %1</source>
        <translation>zoom %1</translation>
    </message>
    <message>
        <location filename="../../ui/common/device_words.py" line="64"/>
        <source>focus stop</source>
        <translation>fokus berhenti</translation>
    </message>
    <message>
        <location filename="../../ui/common/device_words.py" line="68"/>
        <source>route input %1 to output %2 (%3)</source>
        <translation>alihkan input %1 ke output %2 (%3)</translation>
    </message>
    <message>
        <location filename="../../ui/common/device_words.py" line="72"/>
        <source>window %1.%2 ← input %3</source>
        <translation>jendela %1.%2 ← input %3</translation>
    </message>
    <message>
        <location filename="../../ui/common/device_words.py" line="76"/>
        <source>layout %1 on canvas %2</source>
        <translation>tata letak %1 di kanvas %2</translation>
    </message>
    <message>
        <location filename="../../ui/common/device_words.py" line="78"/>
        <source>tile mode %1×%2</source>
        <translation>mode tile %1×%2</translation>
    </message>
    <message>
        <location filename="../../ui/common/device_words.py" line="81"/>
        <source>scene %1 to preview</source>
        <translation>adegan %1 ke pratinjau</translation>
    </message>
    <message>
        <location filename="../../ui/common/device_words.py" line="83"/>
        <source>cut to scene %1</source>
        <translation>pindah ke adegan %1</translation>
    </message>
    <message>
        <location filename="../../ui/common/device_words.py" line="84"/>
        <source>start the stream</source>
        <translation>mulai siaran</translation>
    </message>
    <message>
        <location filename="../../ui/common/device_words.py" line="85"/>
        <source>stop the stream</source>
        <translation>hentikan siaran</translation>
    </message>
    <message>
        <location filename="../../ui/common/device_words.py" line="86"/>
        <source>start recording</source>
        <translation>mulai merekam</translation>
    </message>
    <message>
        <location filename="../../ui/common/device_words.py" line="87"/>
        <source>stop recording</source>
        <translation>hentikan perekaman</translation>
    </message>
    <message>
        <location filename="../../ui/common/device_words.py" line="88"/>
        <source>tally lamp on</source>
        <translation>lampu tally menyala</translation>
    </message>
    <message>
        <location filename="../../ui/common/device_words.py" line="89"/>
        <source>tally lamp off</source>
        <translation>lampu tally padam</translation>
    </message>
</context>
<context>
    <name>DevicesAdmin</name>
    <message>
        <location filename="../../ui/oplog/admin.py" line="184"/>
        <source>Devices</source>
        <translation>Perangkat</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/admin.py" line="186"/>
        <location filename="../../ui/oplog/admin.py" line="199"/>
        <source>Asset number</source>
        <translation>Nomor aset</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/admin.py" line="187"/>
        <location filename="../../ui/oplog/admin.py" line="200"/>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/admin.py" line="188"/>
        <location filename="../../ui/oplog/admin.py" line="201"/>
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/admin.py" line="189"/>
        <location filename="../../ui/oplog/admin.py" line="206"/>
        <source>Location</source>
        <translation>Lokasi</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/admin.py" line="190"/>
        <source>In service</source>
        <translation>Beroperasi</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/admin.py" line="205"/>
        <source>New location…</source>
        <translation>Lokasi baru…</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/admin.py" line="207"/>
        <source>Add device</source>
        <translation>Tambah perangkat</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/admin.py" line="209"/>
        <source>Take the selected device out of / back into service</source>
        <translation>Nonaktifkan / operasikan kembali perangkat terpilih</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/admin.py" line="230"/>
        <source>yes</source>
        <translation>ya</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/admin.py" line="230"/>
        <source>no</source>
        <translation>tidak</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/admin.py" line="237"/>
        <source>Device added.</source>
        <translation>Perangkat ditambahkan.</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/admin.py" line="242"/>
        <source>Device changed.</source>
        <translation>Perangkat diubah.</translation>
    </message>
</context>
<context>
    <name>EnlargedPreview</name>
    <message>
        <location filename="../../ui/desk/camera_windows.py" line="81"/>
        <source>Esc or a double-click closes this view</source>
        <translation>Esc atau klik ganda menutup tampilan ini</translation>
    </message>
    <message>
        <location filename="../../ui/desk/camera_windows.py" line="86"/>
        <source>%1 – enlarged</source>
        <translation>%1 – diperbesar</translation>
    </message>
</context>
<context>
    <name>EventForm</name>
    <message>
        <location filename="../../ui/oplog/event_form.py" line="52"/>
        <source>the OPD, e.g. Bappeda</source>
        <translation>OPD-nya, mis. Bappeda</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/event_form.py" line="60"/>
        <source>Place</source>
        <translation>Tempat</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/event_form.py" line="60"/>
        <source>Participants (limit)</source>
        <translation>Peserta (batas)</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/event_form.py" line="73"/>
        <source>Schedule event</source>
        <translation>Jadwalkan acara</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/event_form.py" line="78"/>
        <source>Title</source>
        <translation>Judul</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/event_form.py" line="79"/>
        <source>Organiser</source>
        <translation>Penyelenggara</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/event_form.py" line="80"/>
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/event_form.py" line="81"/>
        <source>From (WIB)</source>
        <translation>Dari (WIB)</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/event_form.py" line="82"/>
        <source>To (WIB)</source>
        <translation>Sampai (WIB)</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/event_form.py" line="83"/>
        <source>Places</source>
        <translation>Tempat</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/event_form.py" line="84"/>
        <source>Cameras and devices</source>
        <translation>Kamera dan perangkat</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/event_form.py" line="85"/>
        <source>Stream platform</source>
        <translation>Platform siaran</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/event_form.py" line="86"/>
        <source>Stream URL</source>
        <translation>URL siaran</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/event_form.py" line="87"/>
        <source>Streams on (OBS)</source>
        <translation>Disiarkan lewat (OBS)</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/event_form.py" line="88"/>
        <source>Notes</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/event_form.py" line="104"/>
        <source>none</source>
        <translation>tidak ada</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/event_form.py" line="158"/>
        <source>The participant limit must be a whole number.</source>
        <translation>Batas peserta harus bilangan bulat.</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/event_form.py" line="191"/>
        <source>Scheduling…</source>
        <translation>Menjadwalkan…</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/event_form.py" line="195"/>
        <source>Event scheduled: %1</source>
        <translation>Acara dijadwalkan: %1</translation>
    </message>
</context>
<context>
    <name>EventsDock</name>
    <message>
        <location filename="../../ui/oplog/events.py" line="35"/>
        <source>Time (WIB)</source>
        <translation>Waktu (WIB)</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/events.py" line="36"/>
        <source>Event</source>
        <translation>Acara</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/events.py" line="37"/>
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/events.py" line="38"/>
        <source>Places</source>
        <translation>Tempat</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/events.py" line="39"/>
        <source>Cameras and devices</source>
        <translation>Kamera dan perangkat</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/events.py" line="40"/>
        <source>Stream</source>
        <translation>Siaran</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/events.py" line="41"/>
        <source>OBS output</source>
        <translation>Keluaran OBS</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/events.py" line="42"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/events.py" line="46"/>
        <source>Start event</source>
        <translation>Mulai acara</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/events.py" line="47"/>
        <source>End event</source>
        <translation>Akhiri acara</translation>
    </message>
</context>
<context>
    <name>EventsModel</name>
    <message>
        <location filename="../../ui/desk/events_panel.py" line="45"/>
        <source>Event</source>
        <translation>Acara</translation>
    </message>
    <message>
        <location filename="../../ui/desk/events_panel.py" line="45"/>
        <source>Place</source>
        <translation>Tempat</translation>
    </message>
    <message>
        <location filename="../../ui/desk/events_panel.py" line="45"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/desk/events_panel.py" line="45"/>
        <source>Cameras</source>
        <translation>Kamera</translation>
    </message>
    <message>
        <location filename="../../ui/desk/events_panel.py" line="45"/>
        <source>Shots</source>
        <translation>Bidikan</translation>
    </message>
    <message>
        <location filename="../../ui/desk/events_panel.py" line="62"/>
        <source>running</source>
        <translation>berlangsung</translation>
    </message>
    <message>
        <location filename="../../ui/desk/events_panel.py" line="62"/>
        <source>not running</source>
        <translation>tidak berlangsung</translation>
    </message>
    <message>
        <location filename="../../ui/desk/events_panel.py" line="63"/>
        <source> · active</source>
        <translation> · aktif</translation>
    </message>
</context>
<context>
    <name>EventsPanel</name>
    <message>
        <location filename="../../ui/desk/events_panel.py" line="91"/>
        <source>Start event</source>
        <translation>Mulai acara</translation>
    </message>
    <message>
        <location filename="../../ui/desk/events_panel.py" line="92"/>
        <source>End event</source>
        <translation>Akhiri acara</translation>
    </message>
    <message>
        <location filename="../../ui/desk/events_panel.py" line="93"/>
        <source>Take over selected camera (Ctrl+T)</source>
        <translation>Ambil alih kamera terpilih (Ctrl+T)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/events_panel.py" line="103"/>
        <source>I am working for:</source>
        <translation>Saya bertugas untuk:</translation>
    </message>
    <message>
        <location filename="../../ui/desk/events_panel.py" line="132"/>
        <source>(no event)</source>
        <translation>(tanpa acara)</translation>
    </message>
</context>
<context>
    <name>FaultsPanel</name>
    <message>
        <location filename="../../ui/oplog/logbook.py" line="46"/>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/logbook.py" line="47"/>
        <source>Opened (WIB)</source>
        <translation>Dibuka (WIB)</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/logbook.py" line="48"/>
        <location filename="../../ui/oplog/logbook.py" line="73"/>
        <source>Device</source>
        <translation>Perangkat</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/logbook.py" line="49"/>
        <location filename="../../ui/oplog/logbook.py" line="74"/>
        <source>Severity</source>
        <translation>Tingkat</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/logbook.py" line="50"/>
        <location filename="../../ui/oplog/logbook.py" line="75"/>
        <source>Owner</source>
        <translation>Penanggung jawab</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/logbook.py" line="51"/>
        <location filename="../../ui/oplog/logbook.py" line="76"/>
        <source>Description</source>
        <translation>Uraian</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/logbook.py" line="61"/>
        <source>Open fault</source>
        <translation>Catat gangguan</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/logbook.py" line="63"/>
        <source>Give the selected fault to this owner</source>
        <translation>Serahkan gangguan terpilih ke penanggung jawab ini</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/logbook.py" line="66"/>
        <source>How was it resolved?</source>
        <translation>Bagaimana penyelesaiannya?</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/logbook.py" line="67"/>
        <source>Close selected fault</source>
        <translation>Tutup gangguan terpilih</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/logbook.py" line="71"/>
        <source>New fault</source>
        <translation>Gangguan baru</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/logbook.py" line="111"/>
        <source>(no device: stream, network …)</source>
        <translation>(tanpa perangkat: siaran, jaringan …)</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/logbook.py" line="116"/>
        <source>(nobody yet)</source>
        <translation>(belum ada)</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/logbook.py" line="146"/>
        <source>Fault opened.</source>
        <translation>Gangguan dicatat.</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/logbook.py" line="153"/>
        <source>Owner changed.</source>
        <translation>Penanggung jawab diganti.</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/logbook.py" line="159"/>
        <source>Fault closed.</source>
        <translation>Gangguan ditutup.</translation>
    </message>
</context>
<context>
    <name>Handover</name>
    <message>
        <location filename="../../models/oplog/handover.py" line="64"/>
        <source>shift {shift} already has a handover</source>
        <translation>shift {shift} sudah memiliki serah terima</translation>
    </message>
    <message>
        <location filename="../../models/oplog/handover.py" line="114"/>
        <source>{lead} has not signed this handover yet; it cannot be accepted</source>
        <translation>{lead} belum menandatangani serah terima ini; serah terima belum dapat diterima</translation>
    </message>
    <message>
        <location filename="../../models/oplog/handover.py" line="120"/>
        <source>this handover was already accepted by {lead}</source>
        <translation>serah terima ini sudah diterima oleh {lead}</translation>
    </message>
    <message>
        <location filename="../../models/oplog/handover.py" line="126"/>
        <source>the incoming lead, not the outgoing one, accepts a handover</source>
        <translation>serah terima diterima oleh kepala shift yang menerima, bukan oleh kepala shift yang menyerahkan</translation>
    </message>
    <message>
        <location filename="../../models/oplog/handover.py" line="137"/>
        <source>no shift is planned after {shift}, so nobody is its incoming lead: plan the next shift and its lead, or an admin accepts</source>
        <translation>tidak ada shift yang direncanakan setelah {shift}, jadi belum ada kepala shift yang menerima: rencanakan shift berikutnya beserta kepalanya, atau admin yang menerima</translation>
    </message>
    <message>
        <location filename="../../models/oplog/handover.py" line="145"/>
        <source>only the incoming lead, {lead} (shift {shift}), or an admin can accept this handover</source>
        <translation>hanya kepala shift yang menerima, {lead} (shift {shift}), atau admin yang dapat menerima serah terima ini</translation>
    </message>
    <message>
        <location filename="../../models/oplog/handover.py" line="185"/>
        <source>this handover has not been accepted, so it has no hash to verify yet</source>
        <translation>serah terima ini belum diterima, jadi belum ada hash yang dapat diperiksa</translation>
    </message>
    <message>
        <location filename="../../models/oplog/handover_additions.py" line="39"/>
        <source>only an accepted (locked) handover can be reopened</source>
        <translation>hanya serah terima yang sudah diterima (dikunci) yang dapat dibuka kembali</translation>
    </message>
    <message>
        <location filename="../../models/oplog/handover_additions.py" line="42"/>
        <source>this handover is already reopened</source>
        <translation>serah terima ini sudah dibuka kembali</translation>
    </message>
    <message>
        <location filename="../../models/oplog/handover_additions.py" line="44"/>
        <source>give a reason for reopening the handover</source>
        <translation>berikan alasan membuka kembali serah terima</translation>
    </message>
    <message>
        <location filename="../../models/oplog/handover_additions.py" line="56"/>
        <source>this handover is locked; an admin must reopen it before anything is added</source>
        <translation>serah terima ini dikunci; admin harus membukanya kembali sebelum ada yang ditambahkan</translation>
    </message>
    <message>
        <location filename="../../models/oplog/handover_additions.py" line="61"/>
        <source>an addition needs some text</source>
        <translation>tambahan harus berisi teks</translation>
    </message>
    <message>
        <location filename="../../models/oplog/handover_additions.py" line="69"/>
        <source>this handover is not reopened</source>
        <translation>serah terima ini tidak sedang dibuka kembali</translation>
    </message>
    <message>
        <location filename="../../models/oplog/handover_additions.py" line="87"/>
        <source>this handover no longer fits its signature ({parts}); nothing can be added to it — tell an admin</source>
        <translation>serah terima ini tidak lagi cocok dengan tanda tangannya ({parts}); tidak ada yang dapat ditambahkan — beri tahu admin</translation>
    </message>
    <message>
        <location filename="../../models/oplog/handover.py" line="212"/>
        <source>only the shift lead, {lead}, can {action}</source>
        <translation>hanya kepala shift, {lead}, yang dapat {action}</translation>
    </message>
    <message>
        <location filename="../../models/oplog/handover.py" line="222"/>
        <source>this handover is accepted and locked; an admin can reopen it for additions</source>
        <translation>serah terima ini sudah diterima dan dikunci; admin dapat membukanya kembali untuk tambahan</translation>
    </message>
    <message>
        <location filename="../../models/oplog/handover.py" line="228"/>
        <source>this handover is signed; it can only be accepted now</source>
        <translation>serah terima ini sudah ditandatangani; sekarang hanya dapat diterima</translation>
    </message>
    <message>
        <location filename="../../models/oplog/handover.py" line="233"/>
        <source>someone</source>
        <translation>seseorang</translation>
    </message>
    <message>
        <location filename="../../models/oplog/schema/handover.py" line="109"/>
        <source>handover {id} is locked (accepted); {fields} cannot change — an admin can reopen it to add a marked addition</source>
        <translation>serah terima {id} dikunci (sudah diterima); {fields} tidak dapat diubah — admin dapat membukanya kembali untuk menambahkan tambahan yang ditandai</translation>
    </message>
    <message>
        <location filename="../../models/oplog/schema/handover.py" line="121"/>
        <source>handover {id} is locked (accepted) and cannot be deleted</source>
        <translation>serah terima {id} dikunci (sudah diterima) dan tidak dapat dihapus</translation>
    </message>
    <message>
        <location filename="../../models/oplog/handover_seal.py" line="38"/>
        <source>the handover itself (notes, summary, times or leads)</source>
        <translation>serah terima itu sendiri (catatan, ringkasan, waktu, atau kepala shift)</translation>
    </message>
    <message>
        <location filename="../../models/oplog/handover_seal.py" line="39"/>
        <source>the shift&apos;s name or times</source>
        <translation>nama atau waktu shift</translation>
    </message>
    <message>
        <location filename="../../models/oplog/handover_seal.py" line="40"/>
        <source>the people (a lead or a member, by id or name)</source>
        <translation>orang-orangnya (kepala shift atau anggota, menurut id atau nama)</translation>
    </message>
    <message>
        <location filename="../../models/oplog/handover_seal.py" line="41"/>
        <source>the shift&apos;s log entries</source>
        <translation>catatan log shift</translation>
    </message>
    <message>
        <location filename="../../models/oplog/handover_seal.py" line="42"/>
        <source>the chain heads recorded at acceptance</source>
        <translation>ujung rantai yang dicatat saat penerimaan</translation>
    </message>
    <message>
        <location filename="../../models/oplog/handover_seal.py" line="43"/>
        <source>the reopened flag or the additions</source>
        <translation>tanda dibuka kembali atau tambahannya</translation>
    </message>
    <message>
        <location filename="../../models/oplog/handover_seal.py" line="70"/>
        <source>the signature (there is none; the record did not match its hash when the console was upgraded, or the signature was removed)</source>
        <translation>tanda tangannya (tidak ada; berita acara tidak cocok dengan hash-nya saat konsol diperbarui, atau tanda tangannya dihapus)</translation>
    </message>
    <message>
        <location filename="../../models/oplog/handover_seal.py" line="87"/>
        <source>the {table} chain: the row that was its last at acceptance is gone</source>
        <translation>rantai {table}: baris yang menjadi ujungnya saat penerimaan sudah hilang</translation>
    </message>
    <message>
        <location filename="../../models/oplog/jobs/handover.py" line="140"/>
        <source>this shift has no handover yet</source>
        <translation>shift ini belum memiliki serah terima</translation>
    </message>
</context>
<context>
    <name>HandoverDocument</name>
    <message>
        <location filename="../../ui/reports/handover_pdf.py" line="53"/>
        <source>Events</source>
        <translation>Acara</translation>
    </message>
    <message>
        <location filename="../../ui/reports/handover_pdf.py" line="55"/>
        <source>Streams</source>
        <translation>Siaran</translation>
    </message>
    <message>
        <location filename="../../ui/reports/handover_pdf.py" line="58"/>
        <source>Faults opened or closed in the shift</source>
        <translation>Gangguan yang dibuka atau ditutup selama shift</translation>
    </message>
    <message>
        <location filename="../../ui/reports/handover_pdf.py" line="60"/>
        <source>Carried over to the next shift (still open)</source>
        <translation>Diteruskan ke shift berikutnya (masih terbuka)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/handover_pdf.py" line="64"/>
        <source>Device errors (audit trail)</source>
        <translation>Kesalahan perangkat (jejak audit)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/handover_pdf.py" line="66"/>
        <location filename="../../ui/reports/handover_pdf.py" line="156"/>
        <source>Device</source>
        <translation>Perangkat</translation>
    </message>
    <message>
        <location filename="../../ui/reports/handover_pdf.py" line="66"/>
        <source>Result</source>
        <translation>Hasil</translation>
    </message>
    <message>
        <location filename="../../ui/reports/handover_pdf.py" line="66"/>
        <source>Count</source>
        <translation>Jumlah</translation>
    </message>
    <message>
        <location filename="../../ui/reports/handover_pdf.py" line="70"/>
        <source>Log entries (%1)</source>
        <translation>Catatan log (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/handover_pdf.py" line="74"/>
        <location filename="../../ui/reports/handover_pdf.py" line="82"/>
        <source>Time</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <location filename="../../ui/reports/handover_pdf.py" line="74"/>
        <location filename="../../ui/reports/handover_pdf.py" line="82"/>
        <source>Author</source>
        <translation>Penulis</translation>
    </message>
    <message>
        <location filename="../../ui/reports/handover_pdf.py" line="74"/>
        <location filename="../../ui/reports/handover_pdf.py" line="129"/>
        <source>Event</source>
        <translation>Acara</translation>
    </message>
    <message>
        <location filename="../../ui/reports/handover_pdf.py" line="74"/>
        <source>Entry</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <location filename="../../ui/reports/handover_pdf.py" line="80"/>
        <source>Additions after the lock (marked)</source>
        <translation>Tambahan setelah dikunci (ditandai)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/handover_pdf.py" line="82"/>
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <location filename="../../ui/reports/handover_pdf.py" line="82"/>
        <source>Text</source>
        <translation>Teks</translation>
    </message>
    <message>
        <location filename="../../ui/reports/handover_pdf.py" line="96"/>
        <source>not started</source>
        <translation>belum dimulai</translation>
    </message>
    <message>
        <location filename="../../ui/reports/handover_pdf.py" line="98"/>
        <source>no. %1</source>
        <translation>no. %1</translation>
    </message>
    <message>
        <location filename="../../ui/reports/handover_pdf.py" line="100"/>
        <source>Shift</source>
        <translation>Shift</translation>
    </message>
    <message>
        <location filename="../../ui/reports/handover_pdf.py" line="101"/>
        <source>Planned (WIB)</source>
        <translation>Rencana (WIB)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/handover_pdf.py" line="102"/>
        <source>Actual (WIB)</source>
        <translation>Realisasi (WIB)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/handover_pdf.py" line="103"/>
        <source>Lead</source>
        <translation>Kepala shift</translation>
    </message>
    <message>
        <location filename="../../ui/reports/handover_pdf.py" line="104"/>
        <source>Team</source>
        <translation>Tim</translation>
    </message>
    <message>
        <location filename="../../ui/reports/handover_pdf.py" line="105"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/reports/handover_pdf.py" line="106"/>
        <source>Outgoing lead</source>
        <translation>Kepala shift yang menyerahkan</translation>
    </message>
    <message>
        <location filename="../../ui/reports/handover_pdf.py" line="107"/>
        <source>Incoming lead</source>
        <translation>Kepala shift yang menerima</translation>
    </message>
    <message>
        <location filename="../../ui/reports/handover_pdf.py" line="108"/>
        <source>Notes</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <location filename="../../ui/reports/handover_pdf.py" line="117"/>
        <source>%1 (admin; no next shift was planned)</source>
        <translation>%1 (admin; tidak ada shift berikutnya yang direncanakan)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/handover_pdf.py" line="119"/>
        <source>%1 (admin, in place of the planned incoming lead %2)</source>
        <translation>%1 (admin, menggantikan kepala shift penerima yang direncanakan, %2)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/handover_pdf.py" line="127"/>
        <source>Start</source>
        <translation>Mulai</translation>
    </message>
    <message>
        <location filename="../../ui/reports/handover_pdf.py" line="128"/>
        <source>End</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <location filename="../../ui/reports/handover_pdf.py" line="130"/>
        <source>Organiser</source>
        <translation>Penyelenggara</translation>
    </message>
    <message>
        <location filename="../../ui/reports/handover_pdf.py" line="131"/>
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <location filename="../../ui/reports/handover_pdf.py" line="132"/>
        <source>Places</source>
        <translation>Tempat</translation>
    </message>
    <message>
        <location filename="../../ui/reports/handover_pdf.py" line="133"/>
        <source>Participants</source>
        <translation>Peserta</translation>
    </message>
    <message>
        <location filename="../../ui/reports/handover_pdf.py" line="134"/>
        <source>Stream</source>
        <translation>Siaran</translation>
    </message>
    <message>
        <location filename="../../ui/reports/handover_pdf.py" line="154"/>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/handover_pdf.py" line="155"/>
        <source>Opened</source>
        <translation>Dibuka</translation>
    </message>
    <message>
        <location filename="../../ui/reports/handover_pdf.py" line="157"/>
        <source>Severity</source>
        <translation>Tingkat</translation>
    </message>
    <message>
        <location filename="../../ui/reports/handover_pdf.py" line="158"/>
        <source>Description</source>
        <translation>Uraian</translation>
    </message>
    <message>
        <location filename="../../ui/reports/handover_pdf.py" line="159"/>
        <source>Owner</source>
        <translation>Penanggung jawab</translation>
    </message>
    <message>
        <location filename="../../ui/reports/handover_pdf.py" line="160"/>
        <source>Closed</source>
        <translation>Ditutup</translation>
    </message>
    <message>
        <location filename="../../ui/reports/handover_pdf.py" line="161"/>
        <source>Resolution</source>
        <translation>Penyelesaian</translation>
    </message>
    <message>
        <location filename="../../ui/reports/handover_pdf.py" line="180"/>
        <source>Signed by the outgoing lead</source>
        <translation>Ditandatangani kepala shift yang menyerahkan</translation>
    </message>
    <message>
        <location filename="../../ui/reports/handover_pdf.py" line="181"/>
        <source>Accepted by the incoming lead</source>
        <translation>Diterima kepala shift yang menerima</translation>
    </message>
    <message>
        <location filename="../../ui/reports/handover_pdf.py" line="182"/>
        <source>Accepted by an admin in place of the incoming lead</source>
        <translation>Diterima admin menggantikan kepala shift yang menerima</translation>
    </message>
    <message>
        <location filename="../../ui/reports/handover_pdf.py" line="185"/>
        <source>Step</source>
        <translation>Tahap</translation>
    </message>
    <message>
        <location filename="../../ui/reports/handover_pdf.py" line="185"/>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <location filename="../../ui/reports/handover_pdf.py" line="185"/>
        <source>Time (WIB)</source>
        <translation>Waktu (WIB)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/handover_pdf.py" line="191"/>
        <source>Not locked yet: the record gets its hash when the incoming lead accepts.</source>
        <translation>Belum dikunci: berita acara mendapat hash saat kepala shift yang menerima menyetujuinya.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/handover_pdf.py" line="195"/>
        <source>verified: the record is as it was accepted and signed</source>
        <translation>terverifikasi: berita acara sama seperti saat diterima dan ditandatangani</translation>
    </message>
    <message>
        <location filename="../../ui/reports/handover_pdf.py" line="198"/>
        <source>NOT VERIFIED: the record was changed after the lock (%1)</source>
        <translation>TIDAK TERVERIFIKASI: berita acara diubah setelah dikunci (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/handover_pdf.py" line="205"/>
        <source>Printed %1 WIB</source>
        <translation>Dicetak %1 WIB</translation>
    </message>
    <message>
        <location filename="../../ui/reports/handover_pdf.py" line="207"/>
        <source>Signatures</source>
        <translation>Tanda tangan</translation>
    </message>
    <message>
        <location filename="../../ui/reports/handover_pdf.py" line="209"/>
        <source>Integrity</source>
        <translation>Keutuhan data</translation>
    </message>
    <message>
        <location filename="../../ui/reports/handover_pdf.py" line="52"/>
        <location filename="../../ui/reports/handover_pdf.py" line="221"/>
        <source>Shift handover report</source>
        <translation>Laporan serah terima shift</translation>
    </message>
</context>
<context>
    <name>HandoverWindow</name>
    <message>
        <location filename="../../ui/oplog/handover.py" line="52"/>
        <source>Shift handover</source>
        <translation>Serah terima shift</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/handover.py" line="62"/>
        <source>Prepare the handover (shift lead)</source>
        <translation>Siapkan serah terima (kepala shift)</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/handover.py" line="64"/>
        <source>Refresh</source>
        <translation>Muat ulang</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/handover.py" line="67"/>
        <source>Save notes</source>
        <translation>Simpan catatan</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/handover.py" line="71"/>
        <source>The outgoing lead signs with their PIN. The summary and the open faults are frozen; afterwards only the incoming lead&apos;s acceptance follows.</source>
        <translation>Kepala shift yang menyerahkan menandatangani dengan PIN-nya. Ringkasan dan gangguan yang masih terbuka dibekukan; setelah itu tinggal penerimaan oleh kepala shift berikutnya.</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/handover.py" line="74"/>
        <source>Sign as outgoing lead</source>
        <translation>Tanda tangani sebagai penyerah</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/handover.py" line="78"/>
        <source>The incoming lead reviews the summary and the carried-over faults, then accepts with their PIN. The record is then locked with a hash.</source>
        <translation>Kepala shift yang menerima memeriksa ringkasan dan gangguan yang diteruskan, lalu menerima dengan PIN-nya. Setelah itu berita acara dikunci dengan hash.</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/handover.py" line="81"/>
        <source>Accept and lock</source>
        <translation>Terima dan kunci</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/handover.py" line="98"/>
        <source>1 Summary</source>
        <translation>1 Ringkasan</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/handover.py" line="99"/>
        <source>2 Notes</source>
        <translation>2 Catatan</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/handover.py" line="100"/>
        <source>3 Sign (outgoing lead)</source>
        <translation>3 Tanda tangan (penyerah)</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/handover.py" line="101"/>
        <source>4 Accept (incoming lead)</source>
        <translation>4 Terima (penerima)</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/handover.py" line="102"/>
        <source>5 Locked record</source>
        <translation>5 Berita acara terkunci</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/handover.py" line="135"/>
        <source>There is no shift to hand over yet.</source>
        <translation>Belum ada shift yang bisa diserahterimakan.</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/handover.py" line="143"/>
        <source>Shift %1 of %2, lead %3 — %4</source>
        <translation>Shift %1 tanggal %2, kepala shift %3 — %4</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/handover.py" line="166"/>
        <source>%1 (admin, in place of the incoming lead)</source>
        <translation>%1 (admin, menggantikan kepala shift yang menerima)</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/handover.py" line="173"/>
        <source>Incoming lead: %1 (shift %2). An admin may accept in their place; the record and the audit trail say so.</source>
        <translation>Kepala shift yang menerima: %1 (shift %2). Admin boleh menerima sebagai penggantinya; hal itu tercatat di catatan serah terima dan jejak audit.</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/handover.py" line="182"/>
        <source>No shift with another lead is planned after this one: plan it in Operations → Shift, or an admin accepts.</source>
        <translation>Belum ada shift dengan kepala lain yang direncanakan setelah shift ini: rencanakan di Operasional → Shift, atau admin yang menerima.</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/handover.py" line="203"/>
        <source>Handover prepared: check the summary, write the notes.</source>
        <translation>Serah terima disiapkan: periksa ringkasannya, tulis catatannya.</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/handover.py" line="213"/>
        <source>Notes saved.</source>
        <translation>Catatan disimpan.</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/handover.py" line="219"/>
        <location filename="../../ui/oplog/handover.py" line="240"/>
        <source>Done.</source>
        <translation>Selesai.</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/handover.py" line="256"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/handover.py" line="256"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/handover.py" line="259"/>
        <source>Save the handover report</source>
        <translation>Simpan laporan serah terima</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/handover.py" line="271"/>
        <source>Saved: %1</source>
        <translation>Disimpan: %1</translation>
    </message>
</context>
<context>
    <name>HotkeyEditor</name>
    <message>
        <location filename="../../ui/hotkeys/editor.py" line="72"/>
        <source>Hotkeys</source>
        <translation>Tombol Pintas</translation>
    </message>
    <message>
        <location filename="../../ui/hotkeys/editor.py" line="97"/>
        <source>ALL STOP: its keys other than Esc stop every camera from anywhere, even while typing. Esc first closes an open menu, dialog or editor, or leaves a text field; it stops the cameras only when nothing is open.</source>
        <translation>HENTIKAN SEMUA: tombolnya selain Esc menghentikan semua kamera dari mana saja, bahkan saat mengetik. Esc lebih dulu menutup menu, dialog atau editor yang terbuka, atau keluar dari kolom teks; Esc menghentikan kamera hanya bila tidak ada yang terbuka.</translation>
    </message>
    <message>
        <location filename="../../ui/hotkeys/editor.py" line="115"/>
        <source>New key for the selected action:</source>
        <translation>Tombol baru untuk aksi terpilih:</translation>
    </message>
    <message>
        <location filename="../../ui/hotkeys/editor.py" line="117"/>
        <source>Remove its keys</source>
        <translation>Hapus tombolnya</translation>
    </message>
    <message>
        <location filename="../../ui/hotkeys/editor.py" line="125"/>
        <source>Replace</source>
        <translation>Ganti</translation>
    </message>
    <message>
        <location filename="../../ui/hotkeys/editor.py" line="126"/>
        <source>Keep as it was</source>
        <translation>Biarkan seperti semula</translation>
    </message>
    <message>
        <location filename="../../ui/hotkeys/editor.py" line="132"/>
        <source>Export…</source>
        <translation>Ekspor…</translation>
    </message>
    <message>
        <location filename="../../ui/hotkeys/editor.py" line="133"/>
        <source>Import…</source>
        <translation>Impor…</translation>
    </message>
    <message>
        <location filename="../../ui/hotkeys/editor.py" line="134"/>
        <source>Reset to defaults</source>
        <translation>Kembalikan ke bawaan</translation>
    </message>
    <message>
        <location filename="../../ui/hotkeys/editor.py" line="136"/>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <location filename="../../ui/hotkeys/editor.py" line="137"/>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <location filename="../../ui/hotkeys/editor.py" line="159"/>
        <source>That key cannot be used as a hotkey.</source>
        <translation>Tombol itu tidak dapat dipakai sebagai tombol pintas.</translation>
    </message>
    <message>
        <location filename="../../ui/hotkeys/editor.py" line="161"/>
        <source>Choose an action in the table first.</source>
        <translation>Pilih dulu aksinya di tabel.</translation>
    </message>
    <message>
        <location filename="../../ui/hotkeys/editor.py" line="172"/>
        <source>{key} is already the key for “{other}”. Give it to “{action}” instead?</source>
        <translation>{key} sudah menjadi tombol untuk “{other}”. Pindahkan ke “{action}”?</translation>
    </message>
    <message>
        <location filename="../../ui/hotkeys/editor.py" line="182"/>
        <location filename="../../ui/hotkeys/editor.py" line="194"/>
        <source>{key} now does “{action}”. Save to keep it.</source>
        <translation>{key} sekarang menjalankan “{action}”. Simpan agar tetap berlaku.</translation>
    </message>
    <message>
        <location filename="../../ui/hotkeys/editor.py" line="215"/>
        <source>The default keys are back. Save to keep them.</source>
        <translation>Tombol bawaan sudah dikembalikan. Simpan agar tetap berlaku.</translation>
    </message>
    <message>
        <location filename="../../ui/hotkeys/editor.py" line="222"/>
        <source>Some keys are given to two actions (shown in red); change them first.</source>
        <translation>Beberapa tombol dipakai dua aksi (ditandai merah); ubah dulu.</translation>
    </message>
    <message>
        <location filename="../../ui/hotkeys/editor.py" line="232"/>
        <source>Could not save the hotkeys: {reason}</source>
        <translation>Tombol pintas tidak dapat disimpan: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/hotkeys/editor.py" line="236"/>
        <source>Hotkeys saved, and the imported file&apos;s joystick mapping is in use.</source>
        <translation>Tombol pintas disimpan, dan pemetaan joystick dari berkas impor sudah dipakai.</translation>
    </message>
    <message>
        <location filename="../../ui/hotkeys/editor.py" line="238"/>
        <source>Hotkeys saved.</source>
        <translation>Tombol pintas disimpan.</translation>
    </message>
    <message>
        <location filename="../../ui/hotkeys/editor.py" line="243"/>
        <source>Hotkeys saved. ALL STOP has no key that works everywhere now: give it one (e.g. Pause or Ctrl+Space).</source>
        <translation>Tombol pintas disimpan. HENTIKAN SEMUA kini tidak punya tombol yang berfungsi di mana saja: berikan satu (misalnya Pause atau Ctrl+Space).</translation>
    </message>
    <message>
        <location filename="../../ui/hotkeys/editor.py" line="253"/>
        <source>Export hotkeys</source>
        <translation>Ekspor tombol pintas</translation>
    </message>
    <message>
        <location filename="../../ui/hotkeys/editor.py" line="256"/>
        <source>Import hotkeys</source>
        <translation>Impor tombol pintas</translation>
    </message>
    <message>
        <location filename="../../ui/hotkeys/editor.py" line="262"/>
        <source>Hotkey files (*.json)</source>
        <translation>Berkas tombol pintas (*.json)</translation>
    </message>
    <message>
        <location filename="../../ui/hotkeys/editor.py" line="271"/>
        <source>Could not export: {reason}</source>
        <translation>Tidak dapat mengekspor: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/hotkeys/editor.py" line="273"/>
        <source>Exported to {path}.</source>
        <translation>Diekspor ke {path}.</translation>
    </message>
    <message>
        <location filename="../../ui/hotkeys/editor.py" line="287"/>
        <source>Not imported:</source>
        <translation>Tidak diimpor:</translation>
    </message>
    <message>
        <location filename="../../ui/hotkeys/editor.py" line="291"/>
        <source>Imported from {path}. Save to keep it.</source>
        <translation>Diimpor dari {path}. Simpan agar tetap berlaku.</translation>
    </message>
</context>
<context>
    <name>HotkeyTableModel</name>
    <message>
        <location filename="../../ui/hotkeys/hotkey_table.py" line="42"/>
        <source>Action</source>
        <translation>Aksi</translation>
    </message>
    <message>
        <location filename="../../ui/hotkeys/hotkey_table.py" line="42"/>
        <source>Keys</source>
        <translation>Tombol</translation>
    </message>
    <message>
        <location filename="../../ui/hotkeys/hotkey_table.py" line="60"/>
        <source>{key} is also the key for “{other}”</source>
        <translation>{key} juga tombol untuk “{other}”</translation>
    </message>
</context>
<context>
    <name>Hotkeys</name>
    <message>
        <location filename="../../models/desk/hotkey_actions.py" line="71"/>
        <source>Move up</source>
        <translation>Gerak ke atas</translation>
    </message>
    <message>
        <location filename="../../models/desk/hotkey_actions.py" line="72"/>
        <source>Move down</source>
        <translation>Gerak ke bawah</translation>
    </message>
    <message>
        <location filename="../../models/desk/hotkey_actions.py" line="73"/>
        <source>Move left</source>
        <translation>Gerak ke kiri</translation>
    </message>
    <message>
        <location filename="../../models/desk/hotkey_actions.py" line="74"/>
        <source>Move right</source>
        <translation>Gerak ke kanan</translation>
    </message>
    <message>
        <location filename="../../models/desk/hotkey_actions.py" line="75"/>
        <source>Zoom in</source>
        <translation>Perbesar</translation>
    </message>
    <message>
        <location filename="../../models/desk/hotkey_actions.py" line="76"/>
        <source>Zoom out</source>
        <translation>Perkecil</translation>
    </message>
    <message>
        <location filename="../../models/desk/hotkey_actions.py" line="77"/>
        <source>Stop all cameras</source>
        <translation>Hentikan semua kamera</translation>
    </message>
    <message>
        <location filename="../../models/desk/hotkey_actions.py" line="78"/>
        <source>Show the hotkeys</source>
        <translation>Tampilkan tombol pintas</translation>
    </message>
    <message>
        <location filename="../../models/desk/hotkey_actions.py" line="79"/>
        <source>Quick log entry</source>
        <translation>Catatan cepat</translation>
    </message>
    <message>
        <location filename="../../models/desk/hotkey_actions.py" line="80"/>
        <source>Multiview of every camera</source>
        <translation>Multiview semua kamera</translation>
    </message>
    <message>
        <location filename="../../models/desk/hotkey_actions.py" line="81"/>
        <source>Recall the chosen preset</source>
        <translation>Panggil preset yang dipilih</translation>
    </message>
    <message>
        <location filename="../../models/desk/hotkey_actions.py" line="82"/>
        <source>Choose a preset by its number</source>
        <translation>Pilih preset menurut nomornya</translation>
    </message>
    <message>
        <location filename="../../models/desk/hotkey_actions.py" line="85"/>
        <source>Select camera {number}</source>
        <translation>Pilih kamera {number}</translation>
    </message>
    <message>
        <location filename="../../models/desk/hotkey_actions.py" line="86"/>
        <source>Recall preset {number}</source>
        <translation>Panggil preset {number}</translation>
    </message>
    <message>
        <location filename="../../models/desk/hotkey_actions.py" line="87"/>
        <source>Shot {number}</source>
        <translation>Bidikan {number}</translation>
    </message>
    <message>
        <location filename="../../models/desk/hotkey_actions.py" line="88"/>
        <source>Recall wall layout {number}</source>
        <translation>Panggil tata letak video wall {number}</translation>
    </message>
    <message>
        <location filename="../../models/desk/hotkeys.py" line="31"/>
        <source>{key} is already the key for {action}</source>
        <translation>{key} sudah menjadi tombol untuk {action}</translation>
    </message>
    <message>
        <location filename="../../models/desk/hotkeys.py" line="150"/>
        <source>not a hotkey file: {reason} at line {line}, column {column}</source>
        <translation>bukan berkas tombol pintas: {reason} di baris {line}, kolom {column}</translation>
    </message>
    <message>
        <location filename="../../models/desk/hotkeys.py" line="157"/>
        <source>not a hotkey file: it has no &quot;bindings&quot; section</source>
        <translation>bukan berkas tombol pintas: tidak ada bagian &quot;bindings&quot;</translation>
    </message>
    <message>
        <location filename="../../models/desk/hotkeys.py" line="163"/>
        <source>the file has version {version}; this console reads version {supported}</source>
        <translation>berkas ini versi {version}; konsol ini membaca versi {supported}</translation>
    </message>
    <message>
        <location filename="../../models/desk/hotkeys.py" line="180"/>
        <source>{actions} and {last}</source>
        <translation>{actions} dan {last}</translation>
    </message>
    <message>
        <location filename="../../models/desk/hotkeys.py" line="184"/>
        <source>the key {key} is given to {actions}; a key can do one thing only</source>
        <translation>tombol {key} diberikan kepada {actions}; satu tombol hanya boleh menjalankan satu aksi</translation>
    </message>
    <message>
        <location filename="../../models/desk/hotkeys.py" line="235"/>
        <source>{action}: expected a list of keys such as [&quot;F5&quot;, &quot;Ctrl+3&quot;], found {found}</source>
        <translation>{action}: seharusnya daftar tombol seperti [&quot;F5&quot;, &quot;Ctrl+3&quot;], ditemukan {found}</translation>
    </message>
    <message>
        <location filename="../../models/desk/hotkeys.py" line="246"/>
        <source>{action}: {problem}</source>
        <translation>{action}: {problem}</translation>
    </message>
    <message>
        <location filename="../../models/desk/hotkeys.py" line="256"/>
        <source>unknown action {action}</source>
        <translation>aksi {action} tidak dikenal</translation>
    </message>
    <message>
        <location filename="../../models/desk/hotkeys.py" line="257"/>
        <source>unknown action {action} (did you mean {suggestion}?)</source>
        <translation>aksi {action} tidak dikenal (maksud Anda {suggestion}?)</translation>
    </message>
    <message>
        <location filename="../../models/desk/hotkeys.py" line="282"/>
        <source>{path}: cannot be read ({reason}); using the default hotkeys</source>
        <translation>{path}: tidak dapat dibaca ({reason}); memakai tombol pintas bawaan</translation>
    </message>
    <message>
        <location filename="../../models/desk/hotkeys.py" line="287"/>
        <source>{path}: {problem}</source>
        <translation>{path}: {problem}</translation>
    </message>
    <message>
        <location filename="../../models/desk/hotkeys.py" line="290"/>
        <source>Using the default hotkeys.</source>
        <translation>Memakai tombol pintas bawaan.</translation>
    </message>
    <message>
        <location filename="../../models/desk/key_names.py" line="49"/>
        <source>e.g. F5, Ctrl+3, Num+3, Up, Esc or ?</source>
        <translation>misalnya F5, Ctrl+3, Num+3, Up, Esc atau ?</translation>
    </message>
    <message>
        <location filename="../../models/desk/key_names.py" line="64"/>
        <source>{text} is not a key ({examples})</source>
        <translation>{text} bukan tombol ({examples})</translation>
    </message>
    <message>
        <location filename="../../models/desk/key_names.py" line="73"/>
        <source>{text}: {part} is not a modifier; use {modifiers}</source>
        <translation>{text}: {part} bukan tombol pengubah; gunakan {modifiers}</translation>
    </message>
    <message>
        <location filename="../../models/desk/key_names.py" line="93"/>
        <source>{text}: one key per binding, not a sequence of keys</source>
        <translation>{text}: satu tombol per entri, bukan rangkaian tombol</translation>
    </message>
    <message>
        <location filename="../../models/desk/key_names.py" line="98"/>
        <source>{text}: {name} is not a key name ({examples})</source>
        <translation>{text}: {name} bukan nama tombol ({examples})</translation>
    </message>
</context>
<context>
    <name>InstallKey</name>
    <message>
        <location filename="../../models/oplog/install_key.py" line="41"/>
        <source>the install key {path} cannot be read ({reason})</source>
        <translation>kunci instalasi {path} tidak dapat dibaca ({reason})</translation>
    </message>
    <message>
        <location filename="../../models/oplog/install_key.py" line="47"/>
        <source>the install key {path} is not a key of this console</source>
        <translation>kunci instalasi {path} bukan kunci konsol ini</translation>
    </message>
</context>
<context>
    <name>Inventory</name>
    <message>
        <location filename="../../models/oplog/inventory.py" line="27"/>
        <source>a location needs a name</source>
        <translation>lokasi harus diberi nama</translation>
    </message>
    <message>
        <location filename="../../models/oplog/inventory.py" line="30"/>
        <source>a location name has at most {limit} characters</source>
        <translation>nama lokasi paling banyak {limit} karakter</translation>
    </message>
    <message>
        <location filename="../../models/oplog/inventory.py" line="52"/>
        <source>there is already a location called {name}</source>
        <translation>sudah ada lokasi bernama {name}</translation>
    </message>
    <message>
        <location filename="../../models/oplog/inventory.py" line="69"/>
        <source>a device needs an asset number and a name</source>
        <translation>perangkat harus memiliki nomor aset dan nama</translation>
    </message>
</context>
<context>
    <name>Jobs</name>
    <message>
        <location filename="../../models/oplog/jobs/base.py" line="44"/>
        <source>Number {id} is no longer in the operations log.</source>
        <translation>Nomor {id} sudah tidak ada di log operasional.</translation>
    </message>
</context>
<context>
    <name>Joystick</name>
    <message>
        <location filename="../../devices/joystick/mapping.py" line="69"/>
        <source>not a joystick setting</source>
        <translation>bukan pengaturan joystick</translation>
    </message>
    <message>
        <location filename="../../devices/joystick/mapping.py" line="187"/>
        <source>joystick setting {field}: {problem}</source>
        <translation>pengaturan joystick {field}: {problem}</translation>
    </message>
    <message>
        <location filename="../../devices/joystick/mapping.py" line="195"/>
        <source>must be text</source>
        <translation>harus berupa teks</translation>
    </message>
    <message>
        <location filename="../../devices/joystick/mapping.py" line="201"/>
        <source>must be true or false</source>
        <translation>harus true atau false</translation>
    </message>
    <message>
        <location filename="../../devices/joystick/mapping.py" line="210"/>
        <source>must be a whole number {low}–{high}, not {value}</source>
        <translation>harus bilangan bulat {low}–{high}, bukan {value}</translation>
    </message>
    <message>
        <location filename="../../devices/joystick/mapping.py" line="231"/>
        <source>must be a number from {low} to {high}, not {value}</source>
        <translation>harus angka dari {low} sampai {high}, bukan {value}</translation>
    </message>
    <message>
        <location filename="../../devices/joystick/mapping.py" line="240"/>
        <source>must map button numbers to actions</source>
        <translation>harus memetakan nomor tombol ke aksi</translation>
    </message>
    <message>
        <location filename="../../devices/joystick/mapping.py" line="248"/>
        <source>{value} is not an action name</source>
        <translation>{value} bukan nama aksi</translation>
    </message>
    <message>
        <location filename="../../devices/joystick/mapping.py" line="252"/>
        <source>no action is called {value}</source>
        <translation>tidak ada aksi bernama {value}</translation>
    </message>
    <message>
        <location filename="../../devices/joystick/sdl.py" line="69"/>
        <source>joysticks cannot be read: {reason}</source>
        <translation>joystick tidak dapat dibaca: {reason}</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../ui/common/labels.py" line="14"/>
        <source>admin</source>
        <translation>admin</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="15"/>
        <source>operator</source>
        <translation>operator</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="16"/>
        <source>viewer</source>
        <translation>pemantau</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="20"/>
        <source>online</source>
        <translation>daring</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="20"/>
        <source>on site</source>
        <translation>luring</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="20"/>
        <source>hybrid</source>
        <translation>campuran</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="25"/>
        <source>minor</source>
        <translation>ringan</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="25"/>
        <source>major</source>
        <translation>berat</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="25"/>
        <source>critical</source>
        <translation>kritis</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="31"/>
        <source>scheduled</source>
        <translation>terjadwal</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="32"/>
        <source>running</source>
        <translation>berlangsung</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="33"/>
        <source>finished</source>
        <translation>selesai</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="34"/>
        <source>cancelled</source>
        <translation>dibatalkan</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="35"/>
        <source>no handover yet</source>
        <translation>belum ada serah terima</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="36"/>
        <source>draft</source>
        <translation>draf</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="37"/>
        <source>signed by the outgoing lead</source>
        <translation>ditandatangani penyerah</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="38"/>
        <source>accepted and locked</source>
        <translation>diterima dan dikunci</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="39"/>
        <source>reopened for additions</source>
        <translation>dibuka kembali untuk tambahan</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="44"/>
        <source>camera</source>
        <translation>kamera</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="45"/>
        <source>video wall</source>
        <translation>video wall</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="46"/>
        <source>mobile kit</source>
        <translation>kit liputan keliling</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="47"/>
        <source>other</source>
        <translation>lainnya</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="52"/>
        <source>Smart Centre room</source>
        <translation>Ruang Smart Centre</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="53"/>
        <source>Other venue</source>
        <translation>Tempat lain</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="54"/>
        <source>Mobile unit</source>
        <translation>Unit keliling</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="59"/>
        <source>reopened</source>
        <translation>dibuka kembali</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="60"/>
        <source>addition</source>
        <translation>tambahan</translation>
    </message>
    <message>
        <location filename="../../ui/common/labels.py" line="61"/>
        <source>locked again</source>
        <translation>dikunci lagi</translation>
    </message>
</context>
<context>
    <name>LiveConfig</name>
    <message>
        <location filename="../../ui/shell/live_config.py" line="93"/>
        <source>Configuration applied</source>
        <translation>Konfigurasi diterapkan</translation>
    </message>
    <message>
        <location filename="../../ui/shell/live_config.py" line="100"/>
        <source>Camera, video wall and OBS output changes apply when the console is restarted</source>
        <translation>Perubahan kamera, layar video dan keluaran OBS berlaku setelah konsol dijalankan ulang</translation>
    </message>
</context>
<context>
    <name>LocationsAdmin</name>
    <message>
        <location filename="../../ui/oplog/locations.py" line="19"/>
        <source>Locations</source>
        <translation>Lokasi</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/locations.py" line="19"/>
        <location filename="../../ui/oplog/locations.py" line="26"/>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/locations.py" line="19"/>
        <location filename="../../ui/oplog/locations.py" line="27"/>
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/locations.py" line="28"/>
        <source>Add location</source>
        <translation>Tambah lokasi</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/locations.py" line="35"/>
        <source>Location added.</source>
        <translation>Lokasi ditambahkan.</translation>
    </message>
</context>
<context>
    <name>Logbook</name>
    <message>
        <location filename="../../models/oplog/logbook.py" line="39"/>
        <source>a log entry needs some text</source>
        <translation>catatan harus berisi teks</translation>
    </message>
    <message>
        <location filename="../../models/oplog/logbook.py" line="62"/>
        <source>shift {shift} has been handed over and its record is locked, and no shift is planned after it: plan the next shift, then write the entry again</source>
        <translation>shift {shift} sudah diserahterimakan dan berita acaranya terkunci, dan tidak ada shift yang direncanakan sesudahnya: rencanakan shift berikutnya, lalu tulis catatan itu lagi</translation>
    </message>
    <message>
        <location filename="../../models/oplog/logbook.py" line="85"/>
        <source>describe the fault</source>
        <translation>jelaskan gangguannya</translation>
    </message>
    <message>
        <location filename="../../models/oplog/logbook.py" line="109"/>
        <source>fault {id} is already closed</source>
        <translation>gangguan {id} sudah ditutup</translation>
    </message>
    <message>
        <location filename="../../models/oplog/logbook.py" line="111"/>
        <source>say how the fault was resolved before closing it</source>
        <translation>tuliskan cara gangguan diselesaikan sebelum menutupnya</translation>
    </message>
    <message>
        <location filename="../../models/oplog/logbook.py" line="114"/>
        <source>fault {id} cannot be closed before it was opened</source>
        <translation>gangguan {id} tidak dapat ditutup sebelum waktu dibukanya</translation>
    </message>
</context>
<context>
    <name>Login</name>
    <message>
        <location filename="../../models/oplog/staff.py" line="41"/>
        <source>Wrong PIN for {name}; {attempts} more wrong PIN(s) lock the account for {seconds} seconds.</source>
        <translation>PIN untuk {name} salah; {attempts} kali lagi salah, akun dikunci selama {seconds} detik.</translation>
    </message>
    <message>
        <location filename="../../models/oplog/staff.py" line="54"/>
        <source>{name}&apos;s account is locked after {wrong} wrong PINs; try again in {seconds} s (at {time} WIB).</source>
        <translation>Akun {name} dikunci setelah {wrong} kali PIN salah; coba lagi dalam {seconds} detik (pukul {time} WIB).</translation>
    </message>
    <message>
        <location filename="../../models/oplog/staff.py" line="67"/>
        <source>{name}&apos;s account is switched off; ask an admin.</source>
        <translation>Akun {name} dinonaktifkan; hubungi admin.</translation>
    </message>
    <message>
        <location filename="../../models/oplog/snapshot.py" line="184"/>
        <location filename="../../models/oplog/staff.py" line="76"/>
        <source>There is no staff member number {id}.</source>
        <translation>Tidak ada petugas dengan nomor {id}.</translation>
    </message>
</context>
<context>
    <name>LoginPanel</name>
    <message>
        <location filename="../../ui/oplog/login.py" line="43"/>
        <source>PIN (4–8 digits)</source>
        <translation>PIN (4–8 angka)</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/login.py" line="46"/>
        <source>Log in</source>
        <translation>Masuk</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/login.py" line="48"/>
        <source>Log out</source>
        <translation>Keluar</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/login.py" line="57"/>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/login.py" line="58"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/login.py" line="90"/>
        <source>Not logged in</source>
        <translation>Belum masuk</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/login.py" line="92"/>
        <source>Logged in: %1 (%2)</source>
        <translation>Masuk sebagai: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/login.py" line="102"/>
        <source>Choose your name and type your PIN.</source>
        <translation>Pilih nama Anda dan ketik PIN.</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/login.py" line="106"/>
        <source>Checking the PIN of %1…</source>
        <translation>Memeriksa PIN %1…</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/login.py" line="118"/>
        <source>Checking the PIN…</source>
        <translation>Memeriksa PIN…</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/login.py" line="113"/>
        <source>%1 logged out.</source>
        <translation>%1 sudah keluar.</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/login.py" line="139"/>
        <source>Wrong PIN for %1. %2 more wrong PIN(s) lock the account for 60 seconds.</source>
        <translation>PIN untuk %1 salah. %2 kali lagi salah, akun dikunci selama 60 detik.</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/login.py" line="144"/>
        <source>The account of %1 is switched off; ask an admin.</source>
        <translation>Akun %1 dinonaktifkan; hubungi admin.</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/login.py" line="148"/>
        <source>Login refused: %1</source>
        <translation>Gagal masuk: %1</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/login.py" line="155"/>
        <source>%1 may try again now.</source>
        <translation>%1 boleh mencoba lagi sekarang.</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/login.py" line="158"/>
        <source>The account of %1 is locked after %2 wrong PINs; try again in %3 s.</source>
        <translation>Akun %1 dikunci setelah %2 kali PIN salah; coba lagi dalam %3 detik.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/desk/main_window.py" line="58"/>
        <source>Smart Centre Console</source>
        <translation>Konsol Smart Centre</translation>
    </message>
    <message>
        <location filename="../../ui/desk/main_window.py" line="73"/>
        <source>Safety</source>
        <translation>Keselamatan</translation>
    </message>
    <message>
        <location filename="../../ui/desk/main_window.py" line="86"/>
        <source>Enlarge selected camera</source>
        <translation>Perbesar kamera terpilih</translation>
    </message>
    <message>
        <location filename="../../ui/desk/main_window.py" line="87"/>
        <source>Arrange the docks for this screen</source>
        <translation>Atur panel untuk layar ini</translation>
    </message>
    <message>
        <location filename="../../ui/desk/main_window.py" line="89"/>
        <source>Controls</source>
        <translation>Kendali</translation>
    </message>
    <message>
        <location filename="../../ui/desk/main_window.py" line="90"/>
        <source>Presets</source>
        <translation>Preset</translation>
    </message>
    <message>
        <location filename="../../ui/desk/main_window.py" line="91"/>
        <source>Events</source>
        <translation>Acara</translation>
    </message>
    <message>
        <location filename="../../ui/desk/main_window.py" line="92"/>
        <source>Camera health</source>
        <translation>Kesehatan Kamera</translation>
    </message>
    <message>
        <location filename="../../ui/desk/main_window.py" line="93"/>
        <source>Log</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <location filename="../../ui/desk/main_window.py" line="95"/>
        <source>Video wall</source>
        <translation>Video Wall</translation>
    </message>
    <message>
        <location filename="../../ui/desk/main_window.py" line="85"/>
        <source>&amp;View</source>
        <translation>&amp;Tampilan</translation>
    </message>
    <message>
        <location filename="../../ui/desk/main_window.py" line="65"/>
        <source>ALL STOP</source>
        <translation>HENTIKAN SEMUA</translation>
    </message>
    <message>
        <location filename="../../ui/desk/main_window.py" line="99"/>
        <source>&amp;Tools</source>
        <translation>&amp;Alat</translation>
    </message>
    <message>
        <location filename="../../ui/desk/main_window.py" line="100"/>
        <source>Take over selected camera</source>
        <translation>Ambil alih kamera terpilih</translation>
    </message>
</context>
<context>
    <name>MappingForm</name>
    <message>
        <location filename="../../ui/controllers/mapping_form.py" line="32"/>
        <source>inverted</source>
        <translation>dibalik</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/mapping_form.py" line="34"/>
        <location filename="../../ui/controllers/mapping_form.py" line="35"/>
        <location filename="../../ui/controllers/mapping_form.py" line="36"/>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/mapping_form.py" line="39"/>
        <source>How far the stick moves before it counts; drawn grey in the axes</source>
        <translation>Seberapa jauh stik bergerak sebelum dihitung; digambar abu-abu pada sumbu</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/mapping_form.py" line="40"/>
        <source>0 %: speed in proportion to the stick; more: finer near the centre</source>
        <translation>0 %: kecepatan sebanding dengan stik; lebih besar: lebih halus di dekat tengah</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/mapping_form.py" line="42"/>
        <source>Of the camera&apos;s top pan and tilt speed, with the stick pushed fully</source>
        <translation>Dari kecepatan pan dan tilt tertinggi kamera, saat stik didorong penuh</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/mapping_form.py" line="45"/>
        <source>Stick that drives:</source>
        <translation>Stik yang menggerakkan:</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/mapping_form.py" line="46"/>
        <source>Pan:</source>
        <translation>Pan:</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/mapping_form.py" line="47"/>
        <source>Tilt:</source>
        <translation>Tilt:</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/mapping_form.py" line="48"/>
        <source>Zoom:</source>
        <translation>Zoom:</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/mapping_form.py" line="49"/>
        <source>Dead zone:</source>
        <translation>Zona mati:</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/mapping_form.py" line="50"/>
        <source>Expo curve:</source>
        <translation>Kurva expo:</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/mapping_form.py" line="51"/>
        <source>Top pan/tilt speed:</source>
        <translation>Kecepatan pan/tilt tertinggi:</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/mapping_form.py" line="52"/>
        <source>Top zoom speed (0–7):</source>
        <translation>Kecepatan zoom tertinggi (0–7):</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/mapping_form.py" line="53"/>
        <source>Pan and tilt by the hat:</source>
        <translation>Pan dan tilt dengan hat:</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/mapping_form.py" line="93"/>
        <source>The first one connected</source>
        <translation>Yang pertama terhubung</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/mapping_form.py" line="102"/>
        <source>None</source>
        <translation>Tidak ada</translation>
    </message>
</context>
<context>
    <name>MonthlyCharts</name>
    <message>
        <location filename="../../ui/reports/charts.py" line="66"/>
        <source>Events per location</source>
        <translation>Acara per lokasi</translation>
    </message>
    <message>
        <location filename="../../ui/reports/charts.py" line="76"/>
        <source>Staff hours</source>
        <translation>Jam kerja petugas</translation>
    </message>
    <message>
        <location filename="../../ui/reports/charts.py" line="62"/>
        <location filename="../../ui/reports/charts.py" line="121"/>
        <source>planned</source>
        <translation>rencana</translation>
    </message>
    <message>
        <location filename="../../ui/reports/charts.py" line="70"/>
        <source>held</source>
        <translation>terlaksana</translation>
    </message>
    <message>
        <location filename="../../ui/reports/charts.py" line="80"/>
        <source>worked</source>
        <translation>dikerjakan</translation>
    </message>
    <message>
        <location filename="../../ui/reports/charts.py" line="87"/>
        <source>Device faults by severity</source>
        <translation>Gangguan perangkat menurut tingkat</translation>
    </message>
    <message>
        <location filename="../../ui/reports/charts.py" line="102"/>
        <source>Hours on air per OPD, by event type</source>
        <translation>Jam siaran per OPD, menurut jenis acara</translation>
    </message>
    <message>
        <location filename="../../ui/reports/charts.py" line="123"/>
        <source>Events per day by mode</source>
        <translation>Acara per hari menurut mode</translation>
    </message>
</context>
<context>
    <name>MonthlyDocument</name>
    <message>
        <location filename="../../ui/reports/monthly_pdf.py" line="99"/>
        <location filename="../../ui/reports/monthly_pdf.py" line="129"/>
        <source>Monthly statistics %1</source>
        <translation>Statistik bulanan %1</translation>
    </message>
    <message>
        <location filename="../../ui/reports/monthly_pdf.py" line="137"/>
        <source>Month</source>
        <translation>Bulan</translation>
    </message>
    <message>
        <location filename="../../ui/reports/monthly_pdf.py" line="143"/>
        <source>Staff on shifts</source>
        <translation>Petugas bertugas</translation>
    </message>
    <message>
        <location filename="../../ui/reports/monthly_pdf.py" line="139"/>
        <source>Counted up to</source>
        <translation>Dihitung sampai</translation>
    </message>
    <message>
        <location filename="../../ui/reports/monthly_pdf.py" line="141"/>
        <location filename="../../ui/reports/monthly_pdf.py" line="185"/>
        <source>Events held</source>
        <translation>Acara terlaksana</translation>
    </message>
    <message>
        <location filename="../../ui/reports/monthly_pdf.py" line="142"/>
        <source>Events planned</source>
        <translation>Acara direncanakan</translation>
    </message>
    <message>
        <location filename="../../ui/reports/monthly_pdf.py" line="145"/>
        <source>Staff hours worked (h:mm)</source>
        <translation>Jam kerja terlaksana (j:mm)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/monthly_pdf.py" line="149"/>
        <source>Staff hours planned (h:mm)</source>
        <translation>Jam kerja direncanakan (j:mm)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/monthly_pdf.py" line="152"/>
        <source>Faults opened</source>
        <translation>Gangguan dibuka</translation>
    </message>
    <message>
        <location filename="../../ui/reports/monthly_pdf.py" line="153"/>
        <source>Hours on air (h:mm)</source>
        <translation>Jam siaran (j:mm)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/monthly_pdf.py" line="154"/>
        <source>Stream drops</source>
        <translation>Siaran terputus</translation>
    </message>
    <message>
        <location filename="../../ui/reports/monthly_pdf.py" line="155"/>
        <source>Printed</source>
        <translation>Dicetak</translation>
    </message>
    <message>
        <location filename="../../ui/reports/monthly_pdf.py" line="168"/>
        <location filename="../../ui/reports/monthly_pdf.py" line="220"/>
        <location filename="../../ui/reports/monthly_pdf.py" line="230"/>
        <source>Total</source>
        <translation>Jumlah</translation>
    </message>
    <message>
        <location filename="../../ui/reports/monthly_pdf.py" line="175"/>
        <source>Date</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <location filename="../../ui/reports/monthly_pdf.py" line="177"/>
        <source>Held</source>
        <translation>Terlaksana</translation>
    </message>
    <message>
        <location filename="../../ui/reports/monthly_pdf.py" line="178"/>
        <location filename="../../ui/reports/monthly_pdf.py" line="185"/>
        <source>Planned</source>
        <translation>Rencana</translation>
    </message>
    <message>
        <location filename="../../ui/reports/monthly_pdf.py" line="185"/>
        <source>Location</source>
        <translation>Lokasi</translation>
    </message>
    <message>
        <location filename="../../ui/reports/monthly_pdf.py" line="185"/>
        <source>Participants</source>
        <translation>Peserta</translation>
    </message>
    <message>
        <location filename="../../ui/reports/monthly_pdf.py" line="192"/>
        <source>Staff</source>
        <translation>Petugas</translation>
    </message>
    <message>
        <location filename="../../ui/reports/monthly_pdf.py" line="193"/>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <location filename="../../ui/reports/monthly_pdf.py" line="195"/>
        <source>Hours (h:mm)</source>
        <translation>Jam (j:mm)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/monthly_pdf.py" line="240"/>
        <source>OPD</source>
        <translation>OPD</translation>
    </message>
    <message>
        <location filename="../../ui/reports/monthly_pdf.py" line="241"/>
        <source>Event type</source>
        <translation>Jenis acara</translation>
    </message>
    <message>
        <location filename="../../ui/reports/monthly_pdf.py" line="242"/>
        <source>Streams</source>
        <translation>Siaran</translation>
    </message>
    <message>
        <location filename="../../ui/reports/monthly_pdf.py" line="243"/>
        <source>On air (h:mm)</source>
        <translation>Siaran (j:mm)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/monthly_pdf.py" line="244"/>
        <source>Drops</source>
        <translation>Terputus</translation>
    </message>
    <message>
        <location filename="../../ui/reports/monthly_pdf.py" line="194"/>
        <source>Shifts worked</source>
        <translation>Shift dikerjakan</translation>
    </message>
    <message>
        <location filename="../../ui/reports/monthly_pdf.py" line="196"/>
        <source>Shifts planned</source>
        <translation>Shift direncanakan</translation>
    </message>
    <message>
        <location filename="../../ui/reports/monthly_pdf.py" line="197"/>
        <source>Planned (h:mm)</source>
        <translation>Rencana (j:mm)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/monthly_pdf.py" line="225"/>
        <location filename="../../ui/reports/monthly_pdf.py" line="230"/>
        <source>Device</source>
        <translation>Perangkat</translation>
    </message>
    <message>
        <location filename="../../ui/reports/monthly_pdf.py" line="225"/>
        <source>Result</source>
        <translation>Hasil</translation>
    </message>
    <message>
        <location filename="../../ui/reports/monthly_pdf.py" line="225"/>
        <source>Count</source>
        <translation>Jumlah</translation>
    </message>
    <message>
        <location filename="../../ui/reports/monthly_pdf.py" line="233"/>
        <source>Device errors (audit trail)</source>
        <translation>Kesalahan perangkat (jejak audit)</translation>
    </message>
</context>
<context>
    <name>MonthlyWindow</name>
    <message>
        <location filename="../../ui/reports/monthly.py" line="37"/>
        <source>Monthly statistics</source>
        <translation>Statistik bulanan</translation>
    </message>
    <message>
        <location filename="../../ui/reports/monthly.py" line="45"/>
        <source>Show</source>
        <translation>Tampilkan</translation>
    </message>
    <message>
        <location filename="../../ui/reports/monthly.py" line="47"/>
        <source>Export CSV…</source>
        <translation>Ekspor CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/monthly.py" line="49"/>
        <source>Export PDF…</source>
        <translation>Ekspor PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/monthly.py" line="54"/>
        <source>Month</source>
        <translation>Bulan</translation>
    </message>
    <message>
        <location filename="../../ui/reports/monthly.py" line="77"/>
        <source>Loading…</source>
        <translation>Memuat…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/monthly.py" line="151"/>
        <source>%1 cannot be written: %2</source>
        <translation>%1 tidak dapat ditulis: %2</translation>
    </message>
    <message>
        <location filename="../../ui/reports/monthly.py" line="121"/>
        <source>Export monthly statistics</source>
        <translation>Ekspor statistik bulanan</translation>
    </message>
    <message>
        <location filename="../../ui/reports/monthly.py" line="90"/>
        <source>%1 events held, %2 planned; %3 staff on shifts; %4 faults</source>
        <translation>%1 acara terlaksana, %2 direncanakan; %3 petugas bertugas; %4 gangguan</translation>
    </message>
    <message>
        <location filename="../../ui/reports/monthly.py" line="97"/>
        <source>Up to %1 WIB: %2</source>
        <translation>Sampai %1 WIB: %2</translation>
    </message>
    <message>
        <location filename="../../ui/reports/monthly.py" line="110"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/monthly.py" line="114"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/monthly.py" line="141"/>
        <source>Saving %1…</source>
        <translation>Menyimpan %1…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/monthly.py" line="144"/>
        <source>Saved: %1</source>
        <translation>Disimpan: %1</translation>
    </message>
</context>
<context>
    <name>Multiview</name>
    <message>
        <location filename="../../ui/desk/camera_windows.py" line="111"/>
        <source>F11 or Esc closes the multiview</source>
        <translation>F11 atau Esc menutup multiview</translation>
    </message>
    <message>
        <location filename="../../ui/desk/camera_windows.py" line="112"/>
        <source>Multiview – every camera</source>
        <translation>Multiview – semua kamera</translation>
    </message>
</context>
<context>
    <name>Obs</name>
    <message>
        <location filename="../../devices/obs/controller.py" line="37"/>
        <source>OBS could not start the stream; check its stream server and key</source>
        <translation>OBS tidak dapat memulai siaran; periksa server dan kunci siarannya</translation>
    </message>
    <message>
        <location filename="../../devices/obs/controller.py" line="38"/>
        <source>OBS could not start the recording; check its recording folder</source>
        <translation>OBS tidak dapat memulai rekaman; periksa folder rekamannya</translation>
    </message>
    <message>
        <location filename="../../devices/obs/controller.py" line="108"/>
        <source>name the scene to cut to</source>
        <translation>sebutkan adegan tujuan perpindahan</translation>
    </message>
    <message>
        <location filename="../../devices/obs/controller.py" line="192"/>
        <source>OBS has no scene {scene}; its scenes: {scenes}</source>
        <translation>OBS tidak memiliki adegan {scene}; adegannya: {scenes}</translation>
    </message>
    <message>
        <location filename="../../devices/obs/session.py" line="94"/>
        <source>OBS did not answer {request} within {seconds} s</source>
        <translation>OBS tidak menjawab {request} dalam {seconds} detik</translation>
    </message>
    <message>
        <location filename="../../devices/obs/session.py" line="236"/>
        <source>OBS refused {request}: {reason} (code {code})</source>
        <translation>OBS menolak {request}: {reason} (kode {code})</translation>
    </message>
    <message>
        <location filename="../../devices/obs/state.py" line="56"/>
        <source>OBS refused the password</source>
        <translation>OBS menolak kata sandi</translation>
    </message>
    <message>
        <location filename="../../devices/obs/state.py" line="57"/>
        <source>OBS does not answer</source>
        <translation>OBS tidak menjawab</translation>
    </message>
    <message>
        <location filename="../../devices/obs/state.py" line="58"/>
        <source>OBS stopped answering</source>
        <translation>OBS berhenti menjawab</translation>
    </message>
    <message>
        <location filename="../../devices/obs/state.py" line="59"/>
        <source>OBS closed the connection</source>
        <translation>OBS menutup sambungan</translation>
    </message>
    <message>
        <location filename="../../devices/obs/state.py" line="60"/>
        <source>OBS ended this console&apos;s session (kicked in OBS)</source>
        <translation>OBS mengakhiri sesi konsol ini (dikeluarkan di OBS)</translation>
    </message>
    <message>
        <location filename="../../devices/obs/status.py" line="31"/>
        <source>the stream dropped; OBS is reconnecting</source>
        <translation>siaran terputus; OBS sedang menyambung ulang</translation>
    </message>
    <message>
        <location filename="../../devices/obs/status.py" line="32"/>
        <source>the stream is back on air</source>
        <translation>siaran kembali mengudara</translation>
    </message>
    <message>
        <location filename="../../devices/obs/watch.py" line="18"/>
        <source>OBS did not report it done within {seconds} s</source>
        <translation>OBS tidak melaporkannya selesai dalam {seconds} detik</translation>
    </message>
    <message>
        <location filename="../../devices/controller_factory.py" line="68"/>
        <source>{output}: {problem}</source>
        <translation>{output}: {problem}</translation>
    </message>
</context>
<context>
    <name>OperatorDesk</name>
    <message>
        <location filename="../../ui/desk/operator_desk.py" line="119"/>
        <source>%1 belongs to %2 — take it over first (Ctrl+T)</source>
        <translation>%1 milik %2 — ambil alih dulu (Ctrl+T)</translation>
    </message>
    <message>
        <location filename="../../ui/desk/operator_desk.py" line="144"/>
        <source>%1 taken over for %2</source>
        <translation>%1 diambil alih untuk %2</translation>
    </message>
    <message>
        <location filename="../../ui/desk/operator_desk.py" line="231"/>
        <source>No shot is bound to %1</source>
        <translation>Tidak ada bidikan untuk %1</translation>
    </message>
    <message>
        <location filename="../../ui/desk/operator_desk.py" line="274"/>
        <source>ALL STOP sent to every camera</source>
        <translation>HENTIKAN SEMUA dikirim ke semua kamera</translation>
    </message>
</context>
<context>
    <name>OplogDocks</name>
    <message>
        <location filename="../../ui/oplog/docks.py" line="120"/>
        <source>Operator</source>
        <translation>Petugas</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/docks.py" line="121"/>
        <location filename="../../ui/oplog/docks.py" line="153"/>
        <source>Shift</source>
        <translation>Shift</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/docks.py" line="122"/>
        <location filename="../../ui/oplog/docks.py" line="154"/>
        <source>Event schedule</source>
        <translation>Jadwal acara</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/docks.py" line="123"/>
        <location filename="../../ui/oplog/docks.py" line="155"/>
        <source>Faults</source>
        <translation>Gangguan</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/docks.py" line="127"/>
        <source>Operations log: opening…</source>
        <translation>Log operasional: membuka…</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/docks.py" line="143"/>
        <source>The audit trail is written again.</source>
        <translation>Jejak audit kembali tercatat.</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/docks.py" line="151"/>
        <source>&amp;Operations</source>
        <translation>&amp;Operasional</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/docks.py" line="152"/>
        <source>Log in / out</source>
        <translation>Masuk / keluar</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/docks.py" line="157"/>
        <source>Quick log entry (%1)</source>
        <translation>Catatan cepat (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/docks.py" line="160"/>
        <source>Handover…</source>
        <translation>Serah terima…</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/docks.py" line="161"/>
        <source>Monthly statistics…</source>
        <translation>Statistik bulanan…</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/docks.py" line="166"/>
        <source>Staff…</source>
        <translation>Petugas…</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/docks.py" line="167"/>
        <source>Devices…</source>
        <translation>Perangkat…</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/docks.py" line="168"/>
        <source>Locations…</source>
        <translation>Lokasi…</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/docks.py" line="212"/>
        <source>Log in first (Operations → Log in / out)</source>
        <translation>Masuk dulu (Operasional → Masuk / keluar)</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/docks.py" line="230"/>
        <source>%1: carried from the configuration into the operations log, running</source>
        <translation>%1: dipindahkan dari konfigurasi ke log operasional, sedang berjalan</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/docks.py" line="232"/>
        <source>%1: carried from the configuration into the operations log</source>
        <translation>%1: dipindahkan dari konfigurasi ke log operasional</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/docks.py" line="263"/>
        <source>Not logged in</source>
        <translation>Belum masuk</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/docks.py" line="272"/>
        <source>Operations log: %1</source>
        <translation>Log operasional: %1</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/docks.py" line="279"/>
        <source>Operations log: PROBLEM (see the log)</source>
        <translation>Log operasional: BERMASALAH (lihat catatan)</translation>
    </message>
</context>
<context>
    <name>OplogState</name>
    <message>
        <location filename="../../ui/oplog/state.py" line="63"/>
        <source>The account of %1 was switched off: logged out.</source>
        <translation>Akun %1 dinonaktifkan: Anda telah keluar.</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/state.py" line="68"/>
        <source>%1 now has the role %2.</source>
        <translation>%1 sekarang berperan sebagai %2.</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/state.py" line="93"/>
        <source>Log in first (Operations → Log in / out)</source>
        <translation>Masuk dulu (Operasional → Masuk / keluar)</translation>
    </message>
</context>
<context>
    <name>OutputPanel</name>
    <message>
        <location filename="../../ui/broadcast/output_panel.py" line="80"/>
        <source>Start stream</source>
        <translation>Mulai siaran</translation>
    </message>
    <message>
        <location filename="../../ui/broadcast/output_panel.py" line="81"/>
        <location filename="../../ui/broadcast/output_panel.py" line="148"/>
        <source>Stop stream</source>
        <translation>Hentikan siaran</translation>
    </message>
    <message>
        <location filename="../../ui/broadcast/output_panel.py" line="82"/>
        <source>Start record</source>
        <translation>Mulai rekam</translation>
    </message>
    <message>
        <location filename="../../ui/broadcast/output_panel.py" line="83"/>
        <source>Stop record</source>
        <translation>Hentikan rekam</translation>
    </message>
    <message>
        <location filename="../../ui/broadcast/output_panel.py" line="88"/>
        <location filename="../../ui/broadcast/output_panel.py" line="135"/>
        <source>Press again to stop the stream</source>
        <translation>Tekan lagi untuk menghentikan siaran</translation>
    </message>
    <message>
        <location filename="../../ui/broadcast/output_panel.py" line="89"/>
        <source>Take over</source>
        <translation>Ambil alih</translation>
    </message>
    <message>
        <location filename="../../ui/broadcast/output_panel.py" line="90"/>
        <source>Scenes (click or Enter cuts):</source>
        <translation>Adegan (klik atau Enter untuk pindah):</translation>
    </message>
    <message>
        <location filename="../../ui/broadcast/output_panel.py" line="122"/>
        <source>Streams for: %1</source>
        <translation>Siaran untuk: %1</translation>
    </message>
    <message>
        <location filename="../../ui/broadcast/output_panel.py" line="124"/>
        <source>No running event streams here</source>
        <translation>Tidak ada acara berjalan yang disiarkan di sini</translation>
    </message>
    <message>
        <location filename="../../ui/broadcast/output_panel.py" line="126"/>
        <source>OBS: %1</source>
        <translation>OBS: %1</translation>
    </message>
    <message>
        <location filename="../../ui/broadcast/output_panel.py" line="138"/>
        <source>%1 is live: press Stop stream again within %2 s to stop it</source>
        <translation>%1 sedang mengudara: tekan Hentikan siaran lagi dalam %2 detik untuk menghentikannya</translation>
    </message>
</context>
<context>
    <name>Ownership</name>
    <message>
        <location filename="../../models/desk/ownership.py" line="129"/>
        <source>choose the event you are working for before taking over a device</source>
        <translation>pilih acara tempat Anda bertugas sebelum mengambil alih perangkat</translation>
    </message>
    <message>
        <location filename="../../models/oplog/takeovers.py" line="54"/>
        <source>{device} was just taken by {desk} for {event} ({staff})</source>
        <translation>{device} baru saja diambil alih oleh {desk} untuk {event} ({staff})</translation>
    </message>
    <message>
        <location filename="../../models/oplog/takeovers.py" line="57"/>
        <source>{device} was just taken by {desk} for {event}</source>
        <translation>{device} baru saja diambil alih oleh {desk} untuk {event}</translation>
    </message>
    <message>
        <location filename="../../models/oplog/takeovers.py" line="94"/>
        <source>{event} is not running, so it cannot take {device} over</source>
        <translation>{event} tidak sedang berjalan, jadi tidak dapat mengambil alih {device}</translation>
    </message>
</context>
<context>
    <name>Permissions</name>
    <message>
        <location filename="../../models/oplog/handover.py" line="61"/>
        <source>hand over the shift</source>
        <translation>menyerahkan shift</translation>
    </message>
    <message>
        <location filename="../../models/oplog/handover.py" line="85"/>
        <source>write the handover notes</source>
        <translation>menulis catatan serah terima</translation>
    </message>
    <message>
        <location filename="../../models/oplog/handover.py" line="94"/>
        <source>sign the handover</source>
        <translation>menandatangani serah terima</translation>
    </message>
    <message>
        <location filename="../../models/oplog/handover.py" line="110"/>
        <source>accept a handover</source>
        <translation>menerima serah terima</translation>
    </message>
    <message>
        <location filename="../../models/oplog/handover_additions.py" line="35"/>
        <source>reopen a handover</source>
        <translation>membuka kembali serah terima</translation>
    </message>
    <message>
        <location filename="../../models/oplog/handover_additions.py" line="52"/>
        <source>add to a handover</source>
        <translation>menambahkan ke serah terima</translation>
    </message>
    <message>
        <location filename="../../models/oplog/handover_additions.py" line="66"/>
        <source>lock a handover again</source>
        <translation>mengunci kembali serah terima</translation>
    </message>
    <message>
        <location filename="../../models/oplog/logbook.py" line="37"/>
        <source>write in the log</source>
        <translation>menulis di log</translation>
    </message>
    <message>
        <location filename="../../models/oplog/logbook.py" line="83"/>
        <source>open a fault</source>
        <translation>membuka gangguan</translation>
    </message>
    <message>
        <location filename="../../models/oplog/logbook.py" line="100"/>
        <source>assign a fault</source>
        <translation>menugaskan gangguan</translation>
    </message>
    <message>
        <location filename="../../models/oplog/logbook.py" line="106"/>
        <source>close a fault</source>
        <translation>menutup gangguan</translation>
    </message>
    <message>
        <location filename="../../models/oplog/schedule.py" line="93"/>
        <source>schedule an event</source>
        <translation>menjadwalkan acara</translation>
    </message>
    <message>
        <location filename="../../models/oplog/schedule.py" line="250"/>
        <source>start an event</source>
        <translation>memulai acara</translation>
    </message>
    <message>
        <location filename="../../models/oplog/schedule.py" line="264"/>
        <source>end an event</source>
        <translation>mengakhiri acara</translation>
    </message>
    <message>
        <location filename="../../models/oplog/schedule.py" line="279"/>
        <source>cancel an event</source>
        <translation>membatalkan acara</translation>
    </message>
    <message>
        <location filename="../../models/oplog/shifts.py" line="74"/>
        <source>start a shift</source>
        <translation>memulai shift</translation>
    </message>
    <message>
        <location filename="../../models/oplog/shifts.py" line="94"/>
        <source>end a shift</source>
        <translation>mengakhiri shift</translation>
    </message>
    <message>
        <location filename="../../models/oplog/staff.py" line="28"/>
        <source>admin</source>
        <translation>admin</translation>
    </message>
    <message>
        <location filename="../../models/oplog/staff.py" line="29"/>
        <source>operator</source>
        <translation>operator</translation>
    </message>
    <message>
        <location filename="../../models/oplog/staff.py" line="30"/>
        <source>viewer</source>
        <translation>pemantau</translation>
    </message>
    <message>
        <location filename="../../models/oplog/staff.py" line="85"/>
        <source>{name} ({role}) may not {action}: it needs the {needed} role.</source>
        <translation>{name} ({role}) tidak boleh {action}: diperlukan peran {needed}.</translation>
    </message>
    <message>
        <location filename="../../models/oplog/staff.py" line="151"/>
        <source>do this</source>
        <translation>melakukan ini</translation>
    </message>
    <message>
        <location filename="../../models/oplog/staff_admin.py" line="47"/>
        <source>add staff</source>
        <translation>menambah petugas</translation>
    </message>
    <message>
        <location filename="../../models/oplog/staff_admin.py" line="84"/>
        <source>change names, roles and PINs</source>
        <translation>mengubah nama, peran, dan PIN</translation>
    </message>
    <message>
        <location filename="../../models/oplog/staff_admin.py" line="102"/>
        <source>switch accounts on or off</source>
        <translation>mengaktifkan atau menonaktifkan akun</translation>
    </message>
    <message>
        <location filename="../../models/oplog/staff_admin.py" line="114"/>
        <source>unlock accounts</source>
        <translation>membuka kunci akun</translation>
    </message>
    <message>
        <location filename="../../models/oplog/inventory.py" line="67"/>
        <source>add devices</source>
        <translation>menambah perangkat</translation>
    </message>
    <message>
        <location filename="../../models/oplog/inventory.py" line="91"/>
        <source>take devices out of service</source>
        <translation>menonaktifkan perangkat dari layanan</translation>
    </message>
    <message>
        <location filename="../../models/oplog/jobs/shifts.py" line="40"/>
        <source>change the team of a shift</source>
        <translation>mengubah tim shift</translation>
    </message>
    <message>
        <location filename="../../models/oplog/jobs/shifts.py" line="55"/>
        <source>plan a shift</source>
        <translation>merencanakan shift</translation>
    </message>
    <message>
        <location filename="../../models/oplog/inventory.py" line="24"/>
        <source>add locations</source>
        <translation>menambah lokasi</translation>
    </message>
    <message>
        <location filename="../../models/config/audit.py" line="55"/>
        <source>change the configuration</source>
        <translation>mengubah konfigurasi</translation>
    </message>
    <message>
        <location filename="../../models/oplog/remote_access.py" line="26"/>
        <source>create or revoke remote access tokens</source>
        <translation>membuat atau mencabut token akses jarak jauh</translation>
    </message>
</context>
<context>
    <name>PinPage</name>
    <message>
        <location filename="../../ui/oplog/handover_pages.py" line="55"/>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/handover_pages.py" line="56"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/handover_pages.py" line="79"/>
        <source>Checking the PIN…</source>
        <translation>Memeriksa PIN…</translation>
    </message>
</context>
<context>
    <name>PortCheck</name>
    <message>
        <location filename="../../devices/port_check.py" line="56"/>
        <source>port {port} is the usual port of {other}:// devices; {scheme}:// devices usually listen on {usual}: check the port or the kind of URL</source>
        <translation>port {port} adalah port biasa perangkat {other}://; perangkat {scheme}:// biasanya mendengarkan di {usual}: periksa port-nya atau jenis URL-nya</translation>
    </message>
    <message>
        <location filename="../../devices/port_check.py" line="80"/>
        <source>serial port {port} is not on this computer (it has: {ports})</source>
        <translation>port serial {port} tidak ada di komputer ini (yang ada: {ports})</translation>
    </message>
    <message>
        <location filename="../../devices/port_check.py" line="81"/>
        <source>none</source>
        <translation>tidak ada</translation>
    </message>
</context>
<context>
    <name>PresetDelegate</name>
    <message>
        <location filename="../../ui/desk/preset_model.py" line="157"/>
        <source>empty</source>
        <translation>kosong</translation>
    </message>
    <message>
        <location filename="../../ui/desk/preset_model.py" line="161"/>
        <source>no picture</source>
        <translation>tidak ada gambar</translation>
    </message>
</context>
<context>
    <name>PresetGrid</name>
    <message>
        <location filename="../../ui/desk/preset_grid.py" line="93"/>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/desk/preset_grid.py" line="95"/>
        <source>Type a preset number: its slot is chosen; Enter recalls it, Esc leaves</source>
        <translation>Ketik nomor preset: slotnya terpilih; Enter memanggilnya, Esc keluar</translation>
    </message>
    <message>
        <location filename="../../ui/desk/preset_grid.py" line="98"/>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <location filename="../../ui/desk/preset_grid.py" line="99"/>
        <source>Save to next free</source>
        <translation>Simpan ke slot kosong</translation>
    </message>
    <message>
        <location filename="../../ui/desk/preset_grid.py" line="100"/>
        <source>Rename</source>
        <translation>Ganti nama</translation>
    </message>
    <message>
        <location filename="../../ui/desk/preset_grid.py" line="101"/>
        <source>Clear…</source>
        <translation>Hapus…</translation>
    </message>
    <message>
        <location filename="../../ui/desk/preset_grid.py" line="177"/>
        <source>This camera has no preset %1</source>
        <translation>Kamera ini tidak punya preset %1</translation>
    </message>
    <message>
        <location filename="../../ui/desk/preset_grid.py" line="181"/>
        <source>Choose a preset first: click its slot or type its number.</source>
        <translation>Pilih preset dulu: klik slotnya atau ketik nomornya.</translation>
    </message>
    <message>
        <location filename="../../ui/desk/preset_grid.py" line="193"/>
        <source>Choose a slot to save to (click it), or use “Save to next free”.</source>
        <translation>Pilih slot tujuan penyimpanan (klik slotnya), atau gunakan “Simpan ke slot kosong”.</translation>
    </message>
    <message>
        <location filename="../../ui/desk/preset_grid.py" line="199"/>
        <source>Preset %1 %2 is in use: press Save again within 5 s to overwrite it.</source>
        <translation>Preset %1 %2 sudah terpakai: tekan Simpan lagi dalam 5 detik untuk menimpanya.</translation>
    </message>
    <message>
        <location filename="../../ui/desk/preset_grid.py" line="203"/>
        <source>Saved as preset %1.</source>
        <translation>Disimpan sebagai preset %1.</translation>
    </message>
    <message>
        <location filename="../../ui/desk/preset_grid.py" line="209"/>
        <source>Every preset slot of this camera is used: choose one to overwrite.</source>
        <translation>Semua slot preset kamera ini terpakai: pilih satu untuk ditimpa.</translation>
    </message>
    <message>
        <location filename="../../ui/desk/preset_grid.py" line="213"/>
        <source>Saved as preset %1 (the next free slot).</source>
        <translation>Disimpan sebagai preset %1 (slot kosong berikutnya).</translation>
    </message>
    <message>
        <location filename="../../ui/desk/preset_grid.py" line="218"/>
        <source>Choose the preset to rename first (click its slot).</source>
        <translation>Pilih dulu preset yang akan diganti namanya (klik slotnya).</translation>
    </message>
    <message>
        <location filename="../../ui/desk/preset_grid.py" line="225"/>
        <source>Choose the preset to clear first (click its slot).</source>
        <translation>Pilih dulu preset yang akan dihapus (klik slotnya).</translation>
    </message>
    <message>
        <location filename="../../ui/desk/preset_grid.py" line="228"/>
        <source>Press Clear again within 5 s to clear preset %1 %2.</source>
        <translation>Tekan Hapus sekali lagi dalam 5 detik untuk menghapus preset %1 %2.</translation>
    </message>
    <message>
        <location filename="../../ui/desk/preset_grid.py" line="231"/>
        <source>Preset %1 cleared.</source>
        <translation>Preset %1 dihapus.</translation>
    </message>
    <message>
        <location filename="../../ui/desk/preset_grid.py" line="246"/>
        <source>Undo: 10 s.</source>
        <translation>Bisa dibatalkan 10 detik.</translation>
    </message>
    <message>
        <location filename="../../ui/desk/preset_grid.py" line="248"/>
        <source>No undo (its old position is not known).</source>
        <translation>Tak bisa dibatalkan (posisi lamanya tidak diketahui).</translation>
    </message>
</context>
<context>
    <name>PresetKeeper</name>
    <message>
        <location filename="../../ui/desk/preset_keeper.py" line="91"/>
        <source>Undo overwrite of preset %1</source>
        <translation>Batalkan penimpaan preset %1</translation>
    </message>
    <message>
        <location filename="../../ui/desk/preset_keeper.py" line="99"/>
        <source>Undo clear of preset %1</source>
        <translation>Batalkan penghapusan preset %1</translation>
    </message>
    <message>
        <location filename="../../ui/desk/preset_keeper.py" line="112"/>
        <source>Restoring preset %1 of %2: the camera goes to its old position</source>
        <translation>Memulihkan preset %1 %2: kamera menuju posisi lamanya</translation>
    </message>
    <message>
        <location filename="../../ui/desk/preset_keeper.py" line="125"/>
        <source>Preset %1 of %2 was not restored: %3</source>
        <translation>Preset %1 %2 tidak dipulihkan: %3</translation>
    </message>
    <message>
        <location filename="../../ui/desk/preset_keeper.py" line="131"/>
        <source>Preset %1 of %2 is back as it was</source>
        <translation>Preset %1 %2 kembali seperti semula</translation>
    </message>
</context>
<context>
    <name>PresetModel</name>
    <message>
        <location filename="../../ui/desk/preset_model.py" line="123"/>
        <source>moving</source>
        <translation>bergerak</translation>
    </message>
    <message>
        <location filename="../../ui/desk/preset_model.py" line="123"/>
        <source>arrived</source>
        <translation>tiba</translation>
    </message>
</context>
<context>
    <name>PreviewHub</name>
    <message>
        <location filename="../../ui/preview/hub.py" line="280"/>
        <source>connecting to {source}…</source>
        <translation>menghubungkan ke {source}…</translation>
    </message>
    <message>
        <location filename="../../ui/preview/hub.py" line="284"/>
        <source>the stream stopped sending pictures</source>
        <translation>aliran video berhenti mengirim gambar</translation>
    </message>
    <message>
        <location filename="../../ui/preview/hub.py" line="287"/>
        <source>no signal – reconnecting in {seconds} s: {reason}</source>
        <translation>tidak ada sinyal – menghubungkan ulang dalam {seconds} detik: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/preview/hub.py" line="290"/>
        <source>no signal – reconnecting now: {reason}</source>
        <translation>tidak ada sinyal – menghubungkan ulang sekarang: {reason}</translation>
    </message>
</context>
<context>
    <name>PreviewSource</name>
    <message>
        <location filename="../../devices/video/base.py" line="19"/>
        <source>{source} is not open</source>
        <translation>{source} belum dibuka</translation>
    </message>
    <message>
        <location filename="../../devices/video/base.py" line="21"/>
        <source>software</source>
        <translation>perangkat lunak</translation>
    </message>
    <message>
        <location filename="../../devices/video/factory.py" line="35"/>
        <source>preview source &apos;demo&apos; needs a simulated camera</source>
        <translation>sumber pratinjau &apos;demo&apos; memerlukan kamera simulasi</translation>
    </message>
    <message>
        <location filename="../../devices/video/opencv_source.py" line="50"/>
        <source>{source} is not played through OpenCV</source>
        <translation>{source} tidak diputar melalui OpenCV</translation>
    </message>
    <message>
        <location filename="../../devices/video/opencv_source.py" line="64"/>
        <source>capture device {number}</source>
        <translation>perangkat tangkap {number}</translation>
    </message>
    <message>
        <location filename="../../devices/video/opencv_source.py" line="68"/>
        <source>file {path}</source>
        <translation>berkas {path}</translation>
    </message>
    <message>
        <location filename="../../devices/video/opencv_source.py" line="75"/>
        <source>file not found: {path}</source>
        <translation>berkas tidak ditemukan: {path}</translation>
    </message>
    <message>
        <location filename="../../devices/video/opencv_source.py" line="146"/>
        <source>{source} is not available</source>
        <translation>{source} tidak tersedia</translation>
    </message>
    <message>
        <location filename="../../devices/video/opencv_source.py" line="148"/>
        <source>cannot play {source} (not a video OpenCV can read?)</source>
        <translation>{source} tidak dapat diputar (bukan video yang dapat dibaca OpenCV?)</translation>
    </message>
    <message>
        <location filename="../../devices/video/base.py" line="20"/>
        <source>cannot connect to {source}</source>
        <translation>tidak dapat terhubung ke {source}</translation>
    </message>
    <message>
        <location filename="../../devices/video/opencv_source.py" line="161"/>
        <source>{source} sent a frame that is not JPEG; reopening with full decoding</source>
        <translation>{source} mengirim bingkai yang bukan JPEG; dibuka ulang dengan dekode penuh</translation>
    </message>
    <message>
        <location filename="../../devices/video/spec.py" line="44"/>
        <source>preview source is empty</source>
        <translation>sumber pratinjau kosong</translation>
    </message>
    <message>
        <location filename="../../devices/video/spec.py" line="51"/>
        <source>preview source {source}: a device number is 0 or more</source>
        <translation>sumber pratinjau {source}: nomor perangkat harus 0 atau lebih</translation>
    </message>
    <message>
        <location filename="../../devices/video/spec.py" line="70"/>
        <source>preview source {source} is not RTSP, HTTP, a file or a device number</source>
        <translation>sumber pratinjau {source} bukan RTSP, HTTP, berkas, atau nomor perangkat</translation>
    </message>
    <message>
        <location filename="../../devices/video/spec.py" line="76"/>
        <source>preview source {source} has no host name</source>
        <translation>sumber pratinjau {source} tidak memiliki nama host</translation>
    </message>
    <message>
        <location filename="../../devices/video/synthetic.py" line="71"/>
        <source>simulated camera {name}</source>
        <translation>kamera simulasi {name}</translation>
    </message>
    <message>
        <location filename="../../devices/video/synthetic.py" line="74"/>
        <source>none: a synthetic picture</source>
        <translation>tidak ada: gambar sintetis</translation>
    </message>
    <message>
        <location filename="../../devices/video/synthetic.py" line="162"/>
        <source>demo panorama missing or unreadable: {path}</source>
        <translation>panorama demo tidak ada atau tidak dapat dibaca: {path}</translation>
    </message>
    <message>
        <location filename="../../devices/video/rtsp_check.py" line="45"/>
        <source>the camera&apos;s host name {host} is not known — check the address</source>
        <translation>nama host kamera {host} tidak dikenal — periksa alamatnya</translation>
    </message>
    <message>
        <location filename="../../devices/video/rtsp_check.py" line="49"/>
        <source>nothing answers at {host}:{port} (connection refused) — is the camera on, and is its RTSP port right?</source>
        <translation>tidak ada yang menjawab di {host}:{port} (koneksi ditolak) — apakah kamera menyala dan port RTSP-nya benar?</translation>
    </message>
    <message>
        <location filename="../../devices/video/rtsp_check.py" line="55"/>
        <source>the camera at {host}:{port} does not answer — check the address and the network</source>
        <translation>kamera di {host}:{port} tidak menjawab — periksa alamat dan jaringannya</translation>
    </message>
    <message>
        <location filename="../../devices/video/rtsp_check.py" line="60"/>
        <source>cannot talk to the camera at {host}:{port}: {error}</source>
        <translation>tidak dapat berkomunikasi dengan kamera di {host}:{port}: {error}</translation>
    </message>
    <message>
        <location filename="../../devices/video/rtsp_check.py" line="66"/>
        <source>the camera&apos;s stream was not found (404) — check the path</source>
        <translation>stream kamera tidak ditemukan (404) — periksa path-nya</translation>
    </message>
    <message>
        <location filename="../../devices/video/rtsp_check.py" line="68"/>
        <source>the camera asks for a user name and password (401) — add them to the address: rtsp://user:password@host/…</source>
        <translation>kamera meminta nama pengguna dan kata sandi (401) — tambahkan ke alamat: rtsp://user:password@host/…</translation>
    </message>
    <message>
        <location filename="../../devices/video/rtsp_check.py" line="74"/>
        <source>the camera refused the user name or password (401) — check them</source>
        <translation>kamera menolak nama pengguna atau kata sandi (401) — periksa keduanya</translation>
    </message>
    <message>
        <location filename="../../devices/video/rtsp_check.py" line="78"/>
        <source>the camera does not let this user see the stream (403)</source>
        <translation>kamera tidak mengizinkan pengguna ini melihat stream (403)</translation>
    </message>
    <message>
        <location filename="../../devices/video/rtsp_check.py" line="79"/>
        <source>the camera answered {status} to the request for its stream</source>
        <translation>kamera menjawab {status} atas permintaan stream-nya</translation>
    </message>
    <message>
        <location filename="../../devices/video/decoding.py" line="27"/>
        <source>hardware ({device})</source>
        <translation>perangkat keras ({device})</translation>
    </message>
    <message>
        <location filename="../../devices/video/decoding.py" line="28"/>
        <source>software — no hardware decoder: {reason}</source>
        <translation>perangkat lunak — tanpa dekoder perangkat keras: {reason}</translation>
    </message>
    <message>
        <location filename="../../devices/video/decoding.py" line="29"/>
        <source>none for this PC in the decoding library</source>
        <translation>pustaka dekode tidak punya dekoder untuk PC ini</translation>
    </message>
    <message>
        <location filename="../../devices/video/decoding.py" line="30"/>
        <source>{device}: {error}</source>
        <translation>{device}: {error}</translation>
    </message>
    <message>
        <location filename="../../devices/video/decoding.py" line="31"/>
        <source>{device} cannot decode {codec} here</source>
        <translation>{device} tidak dapat mendekode {codec} di sini</translation>
    </message>
    <message>
        <location filename="../../devices/video/decoding.py" line="32"/>
        <source>{reasons}; {reason}</source>
        <translation>{reasons}; {reason}</translation>
    </message>
    <message>
        <location filename="../../devices/video/pyav_source.py" line="45"/>
        <source>{source} sends no video</source>
        <translation>{source} tidak mengirim video</translation>
    </message>
    <message>
        <location filename="../../devices/video/pyav_source.py" line="65"/>
        <source>{source} is not an RTSP stream</source>
        <translation>{source} bukan aliran RTSP</translation>
    </message>
</context>
<context>
    <name>PreviewSources</name>
    <message>
        <location filename="../../ui/shell/preview_sources.py" line="66"/>
        <source>no preview configured</source>
        <translation>pratinjau belum diatur</translation>
    </message>
</context>
<context>
    <name>QKeySequenceEdit</name>
    <message>
        <location filename="../../ui/hotkeys/key_filter.py" line="75"/>
        <source>Press shortcut</source>
        <translation>Tekan tombolnya</translation>
    </message>
</context>
<context>
    <name>QShortcut</name>
    <message>
        <location filename="../../ui/hotkeys/key_filter.py" line="68"/>
        <source>Up</source>
        <translation>Atas</translation>
    </message>
    <message>
        <location filename="../../ui/hotkeys/key_filter.py" line="69"/>
        <source>Down</source>
        <translation>Bawah</translation>
    </message>
    <message>
        <location filename="../../ui/hotkeys/key_filter.py" line="70"/>
        <source>Left</source>
        <translation>Kiri</translation>
    </message>
    <message>
        <location filename="../../ui/hotkeys/key_filter.py" line="71"/>
        <source>Right</source>
        <translation>Kanan</translation>
    </message>
    <message>
        <location filename="../../ui/hotkeys/key_filter.py" line="72"/>
        <source>Space</source>
        <translation>Spasi</translation>
    </message>
    <message>
        <location filename="../../ui/hotkeys/key_filter.py" line="73"/>
        <source>Return</source>
        <translation>Enter</translation>
    </message>
    <message>
        <location filename="../../ui/hotkeys/key_filter.py" line="74"/>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
</context>
<context>
    <name>QuickLogBox</name>
    <message>
        <location filename="../../ui/oplog/logbook.py" line="170"/>
        <source>Quick log entry</source>
        <translation>Catatan cepat</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/logbook.py" line="175"/>
        <source>What happened? Enter saves, the console carries on.</source>
        <translation>Apa yang terjadi? Enter menyimpan, konsol tetap berjalan.</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/logbook.py" line="179"/>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/logbook.py" line="181"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/logbook.py" line="188"/>
        <source>Log entry (written under your name, now):</source>
        <translation>Catatan (atas nama Anda, waktu sekarang):</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/logbook.py" line="202"/>
        <source>Log in first (Operations → Log in / out)</source>
        <translation>Masuk dulu (Operasional → Masuk / keluar)</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/logbook.py" line="208"/>
        <source>About %1</source>
        <translation>Tentang %1</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/logbook.py" line="226"/>
        <source>Log entry saved: %1</source>
        <translation>Catatan tersimpan: %1</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/logbook.py" line="229"/>
        <source>Log entry NOT saved (%1): %2</source>
        <translation>Catatan TIDAK tersimpan (%1): %2</translation>
    </message>
</context>
<context>
    <name>RecordPage</name>
    <message>
        <location filename="../../ui/oplog/handover_pages.py" line="114"/>
        <source>Why is the record reopened?</source>
        <translation>Mengapa berita acara dibuka kembali?</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/handover_pages.py" line="116"/>
        <source>Text of the addition (marked as such in the report)</source>
        <translation>Teks tambahan (ditandai sebagai tambahan di laporan)</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/handover_pages.py" line="117"/>
        <source>Reopen (admin)</source>
        <translation>Buka kembali (admin)</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/handover_pages.py" line="118"/>
        <source>Add</source>
        <translation>Tambahkan</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/handover_pages.py" line="119"/>
        <source>Lock again (admin)</source>
        <translation>Kunci lagi (admin)</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/handover_pages.py" line="121"/>
        <source>Check the hash again</source>
        <translation>Periksa hash lagi</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/handover_pages.py" line="122"/>
        <source>Save PDF…</source>
        <translation>Simpan PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/handover_pages.py" line="123"/>
        <source>Save CSV…</source>
        <translation>Simpan CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/handover_pages.py" line="128"/>
        <source>Changes after the lock</source>
        <translation>Perubahan setelah dikunci</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/handover_pages.py" line="142"/>
        <source>Additions after the lock:</source>
        <translation>Tambahan setelah dikunci:</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/handover_pages.py" line="149"/>
        <source>SHA-256 of the locked record: %1</source>
        <translation>SHA-256 berita acara terkunci: %1</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/handover_pages.py" line="152"/>
        <source>Verified: the record is exactly as it was accepted and signed.</source>
        <translation>Terverifikasi: berita acara persis sama seperti saat diterima dan ditandatangani.</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/handover_pages.py" line="157"/>
        <source>TAMPERED: the stored record no longer matches its signature. What does not fit: %1. Tell an admin.</source>
        <translation>DIUBAH: berita acara yang tersimpan tidak lagi cocok dengan tanda tangannya. Yang tidak cocok: %1. Beri tahu admin.</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/handover_pages.py" line="163"/>
        <source>Not locked yet.</source>
        <translation>Belum dikunci.</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/handover_pages.py" line="167"/>
        <source>Time</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/handover_pages.py" line="167"/>
        <source>Author</source>
        <translation>Penulis</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/handover_pages.py" line="167"/>
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/handover_pages.py" line="167"/>
        <source>Text</source>
        <translation>Teks</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/handover_pages.py" line="174"/>
        <source>None.</source>
        <translation>Tidak ada.</translation>
    </message>
</context>
<context>
    <name>RemoteAccess</name>
    <message>
        <location filename="../../ui/shell/control_api.py" line="89"/>
        <source>Remote access…</source>
        <translation>Akses jarak jauh…</translation>
    </message>
    <message>
        <location filename="../../ui/shell/control_api.py" line="100"/>
        <source>Only an admin can hand out remote access: log in as one (Operations → Log in / out)</source>
        <translation>Hanya admin yang boleh memberi akses jarak jauh: masuk sebagai admin (Operasional → Masuk / keluar)</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/tablet_link.py" line="55"/>
        <source>The Control API is off: turn it on above to get a link for a tablet.</source>
        <translation>API Kendali mati: aktifkan di atas untuk mendapat tautan bagi tablet.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/tablet_link.py" line="59"/>
        <source>This PC has no network address now: connect it to the venue&apos;s network.</source>
        <translation>PC ini sekarang tidak punya alamat jaringan: sambungkan ke jaringan lokasi acara.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/tablet_link.py" line="62"/>
        <source>The Control API listens on %1 only, which a tablet cannot reach: choose this PC&apos;s address (or 0.0.0.0) above and Apply, then create the tablet&apos;s token.</source>
        <translation>API Kendali hanya mendengarkan di %1, yang tidak terjangkau tablet: pilih alamat PC ini (atau 0.0.0.0) di atas lalu Terapkan, kemudian buat token tablet.</translation>
    </message>
</context>
<context>
    <name>RemoteAccessWindow</name>
    <message>
        <location filename="../../ui/controllers/remote_access.py" line="51"/>
        <source>Remote access</source>
        <translation>Akses jarak jauh</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/remote_access.py" line="54"/>
        <source>Control API (Companion, Stream Deck, scripts)</source>
        <translation>API Kendali (Companion, Stream Deck, skrip)</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/remote_access.py" line="55"/>
        <source>Serve the Control API</source>
        <translation>Aktifkan API Kendali</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/remote_access.py" line="59"/>
        <source>Programs on this computer need no token (address 127.0.0.1 only)</source>
        <translation>Program di komputer ini tidak memerlukan token (hanya alamat 127.0.0.1)</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/remote_access.py" line="61"/>
        <source>Apply</source>
        <translation>Terapkan</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/remote_access.py" line="65"/>
        <source>Address</source>
        <translation>Alamat</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/remote_access.py" line="66"/>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/remote_access.py" line="70"/>
        <source>Tokens</source>
        <translation>Token</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/remote_access.py" line="72"/>
        <source>Client</source>
        <translation>Klien</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/remote_access.py" line="72"/>
        <source>Created</source>
        <translation>Dibuat</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/remote_access.py" line="72"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/remote_access.py" line="76"/>
        <source>Client name, e.g. Companion desk 1</source>
        <translation>Nama klien, mis. Companion meja 1</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/remote_access.py" line="77"/>
        <source>Create token</source>
        <translation>Buat token</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/remote_access.py" line="79"/>
        <source>Revoke</source>
        <translation>Cabut</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/remote_access.py" line="82"/>
        <source>Copy</source>
        <translation>Salin</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/remote_access.py" line="87"/>
        <source>Copy link</source>
        <translation>Salin tautan</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/remote_access.py" line="213"/>
        <source>The new token is shown only now: copy it into the client.</source>
        <translation>Token baru hanya ditampilkan sekarang: salin ke klien.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/remote_access.py" line="224"/>
        <source>For a tablet: scan the code, or open this link once:</source>
        <translation>Untuk tablet: pindai kode ini, atau buka tautan ini sekali:</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/remote_access.py" line="143"/>
        <source>Listening on http://%1:%2/api/</source>
        <translation>Mendengarkan di http://%1:%2/api/</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/remote_access.py" line="145"/>
        <source>Every client needs a token.</source>
        <translation>Setiap klien memerlukan token.</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/remote_access.py" line="147"/>
        <source>(--api for this run)</source>
        <translation>(--api untuk sesi ini)</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/remote_access.py" line="149"/>
        <source>Not served: %1</source>
        <translation>Tidak aktif: %1</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/remote_access.py" line="151"/>
        <source>Starting…</source>
        <translation>Memulai…</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/remote_access.py" line="153"/>
        <source>Off</source>
        <translation>Mati</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/remote_access.py" line="162"/>
        <source>active</source>
        <translation>aktif</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/remote_access.py" line="164"/>
        <source>revoked %1</source>
        <translation>dicabut %1</translation>
    </message>
</context>
<context>
    <name>ReportFiles</name>
    <message>
        <location filename="../../ui/reports/pdf_parts.py" line="125"/>
        <source>the PDF writer could not finish the file</source>
        <translation>berkas PDF tidak dapat diselesaikan</translation>
    </message>
    <message>
        <location filename="../../ui/reports/handover_pdf.py" line="234"/>
        <source>{path}: a handover report is written as .pdf or .csv</source>
        <translation>{path}: laporan serah terima disimpan sebagai .pdf atau .csv</translation>
    </message>
    <message>
        <location filename="../../ui/reports/monthly_pdf.py" line="267"/>
        <source>{path}: monthly statistics are written as .pdf or .csv</source>
        <translation>{path}: statistik bulanan disimpan sebagai .pdf atau .csv</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <location filename="../../models/oplog/reports/handover.py" line="94"/>
        <source>there is no shift number {id}</source>
        <translation>tidak ada shift dengan nomor {id}</translation>
    </message>
</context>
<context>
    <name>SceneListModel</name>
    <message>
        <location filename="../../ui/broadcast/scenes.py" line="48"/>
        <source>%1 — PROGRAM</source>
        <translation>%1 — PROGRAM</translation>
    </message>
    <message>
        <location filename="../../ui/broadcast/scenes.py" line="49"/>
        <source>%1 — preview</source>
        <translation>%1 — pratinjau</translation>
    </message>
</context>
<context>
    <name>Schedule</name>
    <message>
        <location filename="../../models/oplog/schedule.py" line="23"/>
        <source>scheduled</source>
        <translation>terjadwal</translation>
    </message>
    <message>
        <location filename="../../models/oplog/schedule.py" line="24"/>
        <source>running</source>
        <translation>berlangsung</translation>
    </message>
    <message>
        <location filename="../../models/oplog/schedule.py" line="25"/>
        <source>finished</source>
        <translation>selesai</translation>
    </message>
    <message>
        <location filename="../../models/oplog/schedule.py" line="26"/>
        <source>cancelled</source>
        <translation>dibatalkan</translation>
    </message>
    <message>
        <location filename="../../models/oplog/schedule.py" line="55"/>
        <source>there is no location named {name}</source>
        <translation>tidak ada lokasi bernama {name}</translation>
    </message>
    <message>
        <location filename="../../models/oplog/schedule.py" line="67"/>
        <source>there is no device with the asset number or name {key}</source>
        <translation>tidak ada perangkat dengan nomor aset atau nama {key}</translation>
    </message>
    <message>
        <location filename="../../models/oplog/schedule.py" line="145"/>
        <source>an event needs a title and an organiser (OPD)</source>
        <translation>acara harus memiliki judul dan penyelenggara (OPD)</translation>
    </message>
    <message>
        <location filename="../../models/oplog/schedule.py" line="148"/>
        <source>{title}: the event must end after it starts</source>
        <translation>{title}: acara harus berakhir setelah dimulai</translation>
    </message>
    <message>
        <location filename="../../models/oplog/schedule.py" line="152"/>
        <source>{title}: an event needs at least one location (the studio for an online event)</source>
        <translation>{title}: acara memerlukan sedikitnya satu lokasi (studio untuk acara daring)</translation>
    </message>
    <message>
        <location filename="../../models/oplog/schedule.py" line="158"/>
        <source>{title}: {output} is not an OBS output&apos;s id (lower-case letters, digits, &apos;-&apos; and &apos;_&apos;)</source>
        <translation>{title}: {output} bukan id keluaran OBS (huruf kecil, angka, &apos;-&apos; dan &apos;_&apos;)</translation>
    </message>
    <message>
        <location filename="../../models/oplog/schedule.py" line="189"/>
        <source>{title}: participant numbers cannot be negative</source>
        <translation>{title}: jumlah peserta tidak boleh negatif</translation>
    </message>
    <message>
        <location filename="../../models/oplog/schedule.py" line="206"/>
        <source>{title}: {device} ({asset}) is out of service</source>
        <translation>{title}: {device} ({asset}) sedang tidak beroperasi</translation>
    </message>
    <message>
        <location filename="../../models/oplog/schedule.py" line="220"/>
        <source>{title}: the stream URL must start with https:// (or rtmp://)</source>
        <translation>{title}: URL siaran harus diawali https:// (atau rtmp://)</translation>
    </message>
    <message>
        <location filename="../../models/oplog/schedule.py" line="231"/>
        <source>a participant count cannot be negative</source>
        <translation>jumlah peserta tidak boleh negatif</translation>
    </message>
    <message>
        <location filename="../../models/oplog/schedule.py" line="238"/>
        <source>{title} does not take place at {location}</source>
        <translation>{title} tidak berlangsung di {location}</translation>
    </message>
    <message>
        <location filename="../../models/oplog/schedule.py" line="254"/>
        <source>{title} cannot start: it is {status}</source>
        <translation>{title} tidak dapat dimulai: statusnya {status}</translation>
    </message>
    <message>
        <location filename="../../models/oplog/schedule.py" line="268"/>
        <source>{title} cannot end: it is {status}</source>
        <translation>{title} tidak dapat diakhiri: statusnya {status}</translation>
    </message>
    <message>
        <location filename="../../models/oplog/schedule.py" line="283"/>
        <source>{title} cannot be cancelled: it is {status}</source>
        <translation>{title} tidak dapat dibatalkan: statusnya {status}</translation>
    </message>
    <message>
        <location filename="../../models/config/events.py" line="105"/>
        <source>{title}: the configuration names no location, so it is not in the operations log; schedule it there</source>
        <translation>{title}: konfigurasi tidak menyebut lokasi, jadi acara ini tidak ada di log operasional; jadwalkan di sana</translation>
    </message>
    <message>
        <location filename="../../models/config/events.py" line="113"/>
        <source>{title}: the operations log has no location {location}, so the event is not in it; an admin adds the location (Tools → Locations)</source>
        <translation>{title}: log operasional tidak punya lokasi {location}, jadi acara ini tidak ada di dalamnya; admin menambahkan lokasinya (Alat → Lokasi)</translation>
    </message>
</context>
<context>
    <name>Secrets</name>
    <message>
        <location filename="../../models/config/secrets.py" line="38"/>
        <source>cannot be read ({problem})</source>
        <translation>tidak dapat dibaca ({problem})</translation>
    </message>
    <message>
        <location filename="../../models/config/secrets.py" line="47"/>
        <source>line {line} is not valid YAML</source>
        <translation>baris {line} bukan YAML yang sah</translation>
    </message>
    <message>
        <location filename="../../models/config/secrets.py" line="55"/>
        <source>the file holds only a &apos;broadcast:&apos; list of passwords by output id</source>
        <translation>berkas ini hanya berisi daftar &apos;broadcast:&apos; berupa kata sandi per id keluaran</translation>
    </message>
    <message>
        <location filename="../../models/config/secrets.py" line="65"/>
        <source>&apos;broadcast:&apos; must map output ids to passwords</source>
        <translation>&apos;broadcast:&apos; harus memetakan id keluaran ke kata sandi</translation>
    </message>
    <message>
        <location filename="../../models/config/secrets.py" line="74"/>
        <source>the password of &apos;{output}&apos; is not text</source>
        <translation>kata sandi &apos;{output}&apos; bukan teks</translation>
    </message>
    <message>
        <location filename="../../models/config/secrets.py" line="83"/>
        <source>{file}: {problem}</source>
        <translation>{file}: {problem}</translation>
    </message>
</context>
<context>
    <name>Seed</name>
    <message>
        <location filename="../../models/oplog/seed/bulk.py" line="61"/>
        <source>{db} already has staff; bulk data only goes into an empty database</source>
        <translation>{db} sudah berisi data petugas; data massal hanya dapat dimasukkan ke basis data yang kosong</translation>
    </message>
    <message>
        <location filename="../../models/oplog/seed/demo.py" line="87"/>
        <source>{db} already has staff; demo data only goes into an empty database</source>
        <translation>{db} sudah berisi data petugas; data demo hanya dapat dimasukkan ke basis data yang kosong</translation>
    </message>
</context>
<context>
    <name>ShiftPanel</name>
    <message>
        <location filename="../../ui/oplog/shift.py" line="45"/>
        <source>Save team</source>
        <translation>Simpan tim</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/shift.py" line="46"/>
        <source>Start shift</source>
        <translation>Mulai shift</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/shift.py" line="47"/>
        <source>End shift</source>
        <translation>Akhiri shift</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/shift.py" line="60"/>
        <source>Plan shift</source>
        <translation>Rencanakan shift</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/shift.py" line="65"/>
        <source>Lead</source>
        <translation>Kepala shift</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/shift.py" line="66"/>
        <source>Team on duty</source>
        <translation>Tim yang bertugas</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/shift.py" line="70"/>
        <source>Plan a shift (lead and team from above)</source>
        <translation>Rencanakan shift (kepala shift dan tim dari atas)</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/shift.py" line="72"/>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/shift.py" line="73"/>
        <source>From (WIB)</source>
        <translation>Dari (WIB)</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/shift.py" line="74"/>
        <source>To (WIB)</source>
        <translation>Sampai (WIB)</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/shift.py" line="111"/>
        <source>No shift is running or planned; plan one below.</source>
        <translation>Tidak ada shift yang berjalan atau direncanakan; rencanakan di bawah.</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/shift.py" line="114"/>
        <source>planned, not started</source>
        <translation>direncanakan, belum dimulai</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/shift.py" line="116"/>
        <source>started at %1</source>
        <translation>dimulai pukul %1</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/shift.py" line="118"/>
        <source>Shift %1, %2 — %3. Lead: %4; team: %5.</source>
        <translation>Shift %1, %2 — %3. Kepala shift: %4; tim: %5.</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/shift.py" line="145"/>
        <source>Shift started.</source>
        <translation>Shift dimulai.</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/shift.py" line="161"/>
        <source>Shift ended. Hand it over: Operations → Handover.</source>
        <translation>Shift diakhiri. Serahterimakan: Operasional → Serah terima.</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/shift.py" line="163"/>
        <source>Shift ended. Finish and sign the handover: Operations → Handover.</source>
        <translation>Shift diakhiri. Selesaikan dan tandatangani serah terima: Operasional → Serah terima.</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/shift.py" line="165"/>
        <source>Shift ended. The handover waits for the incoming lead to accept it.</source>
        <translation>Shift diakhiri. Serah terima menunggu diterima oleh kepala shift yang menerima.</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/shift.py" line="166"/>
        <source>Shift ended.</source>
        <translation>Shift diakhiri.</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/shift.py" line="172"/>
        <source>Team saved.</source>
        <translation>Tim disimpan.</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/shift.py" line="179"/>
        <source>Choose the lead of the shift.</source>
        <translation>Pilih kepala shift.</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/shift.py" line="181"/>
        <source>Shift planned.</source>
        <translation>Shift direncanakan.</translation>
    </message>
</context>
<context>
    <name>Shifts</name>
    <message>
        <location filename="../../models/oplog/shifts.py" line="43"/>
        <source>a shift needs a name, e.g. Pagi, Siang or Malam</source>
        <translation>shift harus diberi nama, misalnya Pagi, Siang, atau Malam</translation>
    </message>
    <message>
        <location filename="../../models/oplog/shifts.py" line="45"/>
        <source>a shift must end after it starts</source>
        <translation>shift harus berakhir setelah dimulai</translation>
    </message>
    <message>
        <location filename="../../models/oplog/shifts.py" line="59"/>
        <source>the handover of shift {shift} is signed; its team can no longer change</source>
        <translation>serah terima shift {shift} sudah ditandatangani; timnya tidak dapat diubah lagi</translation>
    </message>
    <message>
        <location filename="../../models/oplog/shifts.py" line="78"/>
        <source>shift {shift} already started at {time} WIB</source>
        <translation>shift {shift} sudah dimulai pukul {time} WIB</translation>
    </message>
    <message>
        <location filename="../../models/oplog/shifts.py" line="85"/>
        <source>shift {shift} has already been handed over; it cannot start now</source>
        <translation>shift {shift} sudah diserahterimakan; shift itu tidak dapat dimulai sekarang</translation>
    </message>
    <message>
        <location filename="../../models/oplog/shifts.py" line="98"/>
        <source>shift {shift} has not started</source>
        <translation>shift {shift} belum dimulai</translation>
    </message>
    <message>
        <location filename="../../models/oplog/shifts.py" line="102"/>
        <source>shift {shift} already ended at {time} WIB</source>
        <translation>shift {shift} sudah berakhir pukul {time} WIB</translation>
    </message>
    <message>
        <location filename="../../models/oplog/shifts.py" line="108"/>
        <source>shift {shift} cannot end before it started</source>
        <translation>shift {shift} tidak dapat berakhir sebelum dimulai</translation>
    </message>
</context>
<context>
    <name>ShotCuts</name>
    <message>
        <location filename="../../ui/broadcast/shot_cuts.py" line="50"/>
        <source>%1 streams on no OBS output here: no cut</source>
        <translation>%1 tidak disiarkan lewat keluaran OBS di sini: tidak berpindah adegan</translation>
    </message>
</context>
<context>
    <name>Simulator</name>
    <message>
        <location filename="../../devices/visca/sim/memory.py" line="31"/>
        <source>The saved presets of a simulated camera cannot be used ({path}): {reason}. The file is ignored.</source>
        <translation>Preset tersimpan kamera simulasi tidak dapat dipakai ({path}): {reason}. Berkas ini diabaikan.</translation>
    </message>
    <message>
        <location filename="../../devices/visca/sim/memory.py" line="35"/>
        <source>it is not valid JSON</source>
        <translation>isinya bukan JSON yang sah</translation>
    </message>
    <message>
        <location filename="../../devices/visca/sim/memory.py" line="36"/>
        <source>it is not the state of a simulated camera</source>
        <translation>isinya bukan status kamera simulasi</translation>
    </message>
</context>
<context>
    <name>Staff</name>
    <message>
        <location filename="../../models/oplog/staff.py" line="97"/>
        <source>a PIN is 4 to 8 digits</source>
        <translation>PIN terdiri atas 4 sampai 8 angka</translation>
    </message>
    <message>
        <location filename="../../models/oplog/staff_admin.py" line="25"/>
        <source>there is already a staff member called {name}; give the new name something that tells them apart</source>
        <translation>sudah ada petugas bernama {name}; beri nama baru itu sesuatu yang membedakan keduanya</translation>
    </message>
    <message>
        <location filename="../../models/oplog/staff_admin.py" line="49"/>
        <source>the first staff member must be an admin</source>
        <translation>petugas pertama harus seorang admin</translation>
    </message>
    <message>
        <location filename="../../models/oplog/staff_admin.py" line="125"/>
        <source>only an admin can add staff once the first account exists</source>
        <translation>setelah akun pertama ada, hanya admin yang dapat menambah petugas</translation>
    </message>
    <message>
        <location filename="../../models/oplog/staff_admin.py" line="134"/>
        <source>a staff member needs a name</source>
        <translation>petugas harus diberi nama</translation>
    </message>
    <message>
        <location filename="../../models/oplog/staff_admin.py" line="137"/>
        <source>a staff member&apos;s name has at most {limit} characters</source>
        <translation>nama petugas paling banyak {limit} karakter</translation>
    </message>
    <message>
        <location filename="../../models/oplog/staff_admin.py" line="52"/>
        <source>NIP {nip} must be 18 digits</source>
        <translation>NIP {nip} harus terdiri atas 18 angka</translation>
    </message>
</context>
<context>
    <name>StaffAdmin</name>
    <message>
        <location filename="../../ui/oplog/admin.py" line="101"/>
        <source>Staff</source>
        <translation>Petugas</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/admin.py" line="103"/>
        <location filename="../../ui/oplog/admin.py" line="119"/>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/admin.py" line="104"/>
        <source>NIP</source>
        <translation>NIP</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/admin.py" line="105"/>
        <location filename="../../ui/oplog/admin.py" line="121"/>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/admin.py" line="106"/>
        <location filename="../../ui/oplog/admin.py" line="122"/>
        <source>Role</source>
        <translation>Peran</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/admin.py" line="107"/>
        <source>Account</source>
        <translation>Akun</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/admin.py" line="108"/>
        <source>Locked until</source>
        <translation>Terkunci sampai</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/admin.py" line="120"/>
        <source>NIP (PNS/CPNS, 18 digits)</source>
        <translation>NIP (PNS/CPNS, 18 angka)</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/admin.py" line="123"/>
        <source>PIN (4–8 digits)</source>
        <translation>PIN (4–8 angka)</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/admin.py" line="124"/>
        <source>Add staff member</source>
        <translation>Tambah petugas</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/admin.py" line="125"/>
        <source>Switch the selected account on/off</source>
        <translation>Aktifkan/nonaktifkan akun terpilih</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/admin.py" line="127"/>
        <source>Give the selected account the name, role and PIN above</source>
        <translation>Beri akun yang dipilih nama, peran, dan PIN di atas</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/admin.py" line="129"/>
        <source>Unlock the selected account</source>
        <translation>Buka kunci akun yang dipilih</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/admin.py" line="139"/>
        <source>on</source>
        <translation>aktif</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/admin.py" line="139"/>
        <source>off</source>
        <translation>nonaktif</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/admin.py" line="149"/>
        <source>Staff member added.</source>
        <translation>Petugas ditambahkan.</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/admin.py" line="169"/>
        <source>Account unlocked.</source>
        <translation>Kunci akun dibuka.</translation>
    </message>
    <message>
        <location filename="../../models/oplog/staff_admin.py" line="104"/>
        <source>you cannot switch off your own account</source>
        <translation>Anda tidak dapat menonaktifkan akun Anda sendiri</translation>
    </message>
    <message>
        <location filename="../../ui/oplog/admin.py" line="154"/>
        <location filename="../../ui/oplog/admin.py" line="163"/>
        <source>Account changed.</source>
        <translation>Akun diubah.</translation>
    </message>
</context>
<context>
    <name>StickFile</name>
    <message>
        <location filename="../../ui/controllers/stick_file.py" line="38"/>
        <source>%1: cannot be written (%2)</source>
        <translation>%1: tidak dapat ditulis (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/stick_file.py" line="46"/>
        <source>%1: %2 — the joystick uses its default mapping</source>
        <translation>%1: %2 — joystick memakai pemetaan bawaan</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/stick_file.py" line="57"/>
        <source>the joystick settings must be one JSON object</source>
        <translation>pengaturan joystick harus berupa satu objek JSON</translation>
    </message>
</context>
<context>
    <name>StickListModel</name>
    <message>
        <location filename="../../ui/controllers/live_models.py" line="50"/>
        <source>gamepad</source>
        <translation>gamepad</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/live_models.py" line="50"/>
        <source>joystick</source>
        <translation>joystick</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/live_models.py" line="51"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/live_models.py" line="51"/>
        <source>unnamed</source>
        <translation>tanpa nama</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/live_models.py" line="53"/>
        <source>drives the selected camera</source>
        <translation>menggerakkan kamera terpilih</translation>
    </message>
</context>
<context>
    <name>StickWords</name>
    <message>
        <location filename="../../ui/controllers/stick_words.py" line="42"/>
        <source>Nothing</source>
        <translation>Tidak ada</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/stick_words.py" line="44"/>
        <source>Previous camera</source>
        <translation>Kamera sebelumnya</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/stick_words.py" line="44"/>
        <source>Next camera</source>
        <translation>Kamera berikutnya</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/stick_words.py" line="55"/>
        <source>Left stick across</source>
        <translation>Stik kiri mendatar</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/stick_words.py" line="56"/>
        <source>Left stick up/down</source>
        <translation>Stik kiri naik/turun</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/stick_words.py" line="57"/>
        <source>Right stick across</source>
        <translation>Stik kanan mendatar</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/stick_words.py" line="58"/>
        <source>Right stick up/down</source>
        <translation>Stik kanan naik/turun</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/stick_words.py" line="59"/>
        <source>Left trigger</source>
        <translation>Pemicu kiri</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/stick_words.py" line="60"/>
        <source>Right trigger</source>
        <translation>Pemicu kanan</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/stick_words.py" line="64"/>
        <source>Axis %1</source>
        <translation>Sumbu %1</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/stick_words.py" line="72"/>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/stick_words.py" line="73"/>
        <source>Guide</source>
        <translation>Guide</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/stick_words.py" line="74"/>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/stick_words.py" line="75"/>
        <source>Left stick press</source>
        <translation>Stik kiri ditekan</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/stick_words.py" line="76"/>
        <source>Right stick press</source>
        <translation>Stik kanan ditekan</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/stick_words.py" line="77"/>
        <source>Left shoulder</source>
        <translation>Bahu kiri</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/stick_words.py" line="78"/>
        <source>Right shoulder</source>
        <translation>Bahu kanan</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/stick_words.py" line="79"/>
        <source>D-pad up</source>
        <translation>D-pad atas</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/stick_words.py" line="80"/>
        <source>D-pad down</source>
        <translation>D-pad bawah</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/stick_words.py" line="81"/>
        <source>D-pad left</source>
        <translation>D-pad kiri</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/stick_words.py" line="82"/>
        <source>D-pad right</source>
        <translation>D-pad kanan</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/stick_words.py" line="85"/>
        <source>%1 (button %2)</source>
        <translation>%1 (tombol %2)</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/stick_words.py" line="86"/>
        <source>Button %1</source>
        <translation>Tombol %1</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/stick_words.py" line="89"/>
        <source>D-pad</source>
        <translation>D-pad</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/stick_words.py" line="89"/>
        <source>Hat %1</source>
        <translation>Hat %1</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/stick_words.py" line="94"/>
        <source>centred</source>
        <translation>di tengah</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/stick_words.py" line="95"/>
        <source>up</source>
        <translation>atas</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/stick_words.py" line="95"/>
        <source>down</source>
        <translation>bawah</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/stick_words.py" line="96"/>
        <source>right</source>
        <translation>kanan</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/stick_words.py" line="96"/>
        <source>left</source>
        <translation>kiri</translation>
    </message>
</context>
<context>
    <name>StreamsSection</name>
    <message>
        <location filename="../../ui/reports/handover_streams.py" line="26"/>
        <source>Output</source>
        <translation>Keluaran</translation>
    </message>
    <message>
        <location filename="../../ui/reports/handover_streams.py" line="27"/>
        <source>Event</source>
        <translation>Acara</translation>
    </message>
    <message>
        <location filename="../../ui/reports/handover_streams.py" line="28"/>
        <source>On air</source>
        <translation>Siaran</translation>
    </message>
    <message>
        <location filename="../../ui/reports/handover_streams.py" line="29"/>
        <source>Duration</source>
        <translation>Durasi</translation>
    </message>
    <message>
        <location filename="../../ui/reports/handover_streams.py" line="30"/>
        <source>Problems</source>
        <translation>Masalah</translation>
    </message>
    <message>
        <location filename="../../ui/reports/handover_streams.py" line="39"/>
        <source>still on air</source>
        <translation>masih siaran</translation>
    </message>
    <message>
        <location filename="../../ui/reports/handover_streams.py" line="49"/>
        <source>%1 frames dropped</source>
        <translation>%1 frame hilang</translation>
    </message>
    <message>
        <location filename="../../ui/reports/handover_streams.py" line="51"/>
        <source>dropped and did not come back</source>
        <translation>terputus dan tidak kembali</translation>
    </message>
    <message>
        <location filename="../../ui/reports/handover_streams.py" line="53"/>
        <source>OBS closed while on air</source>
        <translation>OBS tertutup saat siaran</translation>
    </message>
    <message>
        <location filename="../../ui/reports/handover_streams.py" line="58"/>
        <source>dropped at %1</source>
        <translation>terputus pukul %1</translation>
    </message>
    <message>
        <location filename="../../ui/reports/handover_streams.py" line="59"/>
        <source>dropped at %1 for %2 s</source>
        <translation>terputus pukul %1 selama %2 detik</translation>
    </message>
    <message>
        <location filename="../../ui/reports/handover_streams.py" line="62"/>
        <source>(%1 frames lost)</source>
        <translation>(%1 frame hilang)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/handover_streams.py" line="67"/>
        <source>console lost contact at %1</source>
        <translation>konsol kehilangan kontak pukul %1</translation>
    </message>
    <message>
        <location filename="../../ui/reports/handover_streams.py" line="68"/>
        <source>console lost contact %1–%2</source>
        <translation>konsol kehilangan kontak %1–%2</translation>
    </message>
</context>
<context>
    <name>Transport</name>
    <message>
        <location filename="../../devices/transport/serialport.py" line="114"/>
        <source>cannot open {port}: {reason}</source>
        <translation>{port} tidak dapat dibuka: {reason}</translation>
    </message>
    <message>
        <location filename="../../devices/transport/serialport.py" line="127"/>
        <source>{port} lost: {reason}</source>
        <translation>{port} terputus: {reason}</translation>
    </message>
    <message>
        <location filename="../../devices/transport/tcp.py" line="50"/>
        <source>timed out</source>
        <translation>waktu habis</translation>
    </message>
    <message>
        <location filename="../../devices/transport/tcp.py" line="51"/>
        <source>cannot connect: {reason}</source>
        <translation>tidak dapat terhubung: {reason}</translation>
    </message>
    <message>
        <location filename="../../devices/transport/tcp.py" line="100"/>
        <source>closed by the device</source>
        <translation>ditutup oleh perangkat</translation>
    </message>
    <message>
        <location filename="../../devices/transport/udp.py" line="62"/>
        <source>two devices configured at {host}:{port}</source>
        <translation>dua perangkat dikonfigurasi pada {host}:{port}</translation>
    </message>
    <message>
        <location filename="../../devices/transport/udp.py" line="97"/>
        <source>cannot use UDP port {port} on this PC: {reason}; another program (vMix, Companion, OBS) may hold it</source>
        <translation>port UDP {port} tidak dapat dipakai di PC ini: {reason}; mungkin sedang dipakai program lain (vMix, Companion, OBS)</translation>
    </message>
    <message>
        <location filename="../../devices/transport/udp.py" line="181"/>
        <source>cannot resolve {host}: {reason}; trying again</source>
        <translation>{host} tidak dapat ditemukan alamatnya: {reason}; mencoba lagi</translation>
    </message>
    <message>
        <location filename="../../devices/transport/udp.py" line="183"/>
        <source>no IPv4 address</source>
        <translation>tidak ada alamat IPv4</translation>
    </message>
    <message>
        <location filename="../../devices/transport/noise.py" line="25"/>
        <source>garbage on the line — check baud rate / protocol</source>
        <translation>data kacau di jalur — periksa baud rate / protokol</translation>
    </message>
</context>
<context>
    <name>Wall</name>
    <message>
        <location filename="../../devices/wall/capabilities.py" line="24"/>
        <source>route inputs to outputs</source>
        <extracomment>What each capability lets an operator do, worded for &quot;… cannot &lt;doing&gt;&quot; messages.</extracomment>
        <translation>merutekan input ke output</translation>
    </message>
    <message>
        <location filename="../../devices/wall/capabilities.py" line="25"/>
        <location filename="../../devices/wall/generic.py" line="38"/>
        <source>report its routes</source>
        <translation>melaporkan rutenya</translation>
    </message>
    <message>
        <location filename="../../devices/wall/capabilities.py" line="26"/>
        <source>recall or save presets</source>
        <translation>memanggil atau menyimpan preset</translation>
    </message>
    <message>
        <location filename="../../devices/wall/capabilities.py" line="27"/>
        <location filename="../../devices/wall/generic.py" line="39"/>
        <source>put sources into windows</source>
        <translation>menempatkan sumber ke jendela</translation>
    </message>
    <message>
        <location filename="../../devices/wall/capabilities.py" line="28"/>
        <location filename="../../devices/wall/generic.py" line="40"/>
        <source>recall window layouts</source>
        <translation>memanggil tata letak jendela</translation>
    </message>
    <message>
        <location filename="../../devices/wall/capabilities.py" line="29"/>
        <source>report its status</source>
        <translation>melaporkan statusnya</translation>
    </message>
    <message>
        <location filename="../../devices/wall/capabilities.py" line="30"/>
        <source>switch display power</source>
        <translation>menyalakan atau mematikan layar</translation>
    </message>
    <message>
        <location filename="../../devices/wall/capabilities.py" line="31"/>
        <location filename="../../devices/wall/generic.py" line="43"/>
        <source>select a display input</source>
        <translation>memilih input layar</translation>
    </message>
    <message>
        <location filename="../../devices/wall/capabilities.py" line="32"/>
        <location filename="../../devices/wall/generic.py" line="44"/>
        <source>set a tile mode</source>
        <translation>mengatur mode tile</translation>
    </message>
    <message>
        <location filename="../../devices/wall/capabilities.py" line="45"/>
        <source>{device} cannot {doing}</source>
        <translation>{device} tidak dapat {doing}</translation>
    </message>
    <message>
        <location filename="../../devices/wall/controller.py" line="30"/>
        <source>input</source>
        <translation>input</translation>
    </message>
    <message>
        <location filename="../../devices/wall/controller.py" line="31"/>
        <source>output</source>
        <translation>output</translation>
    </message>
    <message>
        <location filename="../../devices/wall/controller.py" line="32"/>
        <source>preset</source>
        <translation>preset</translation>
    </message>
    <message>
        <location filename="../../devices/wall/controller.py" line="33"/>
        <source>canvas</source>
        <translation>kanvas</translation>
    </message>
    <message>
        <location filename="../../devices/wall/controller.py" line="34"/>
        <source>window</source>
        <translation>jendela</translation>
    </message>
    <message>
        <location filename="../../devices/wall/controller.py" line="35"/>
        <source>layout</source>
        <translation>tata letak</translation>
    </message>
    <message>
        <location filename="../../devices/wall/controller.py" line="36"/>
        <source>rows</source>
        <translation>baris</translation>
    </message>
    <message>
        <location filename="../../devices/wall/controller.py" line="37"/>
        <source>columns</source>
        <translation>kolom</translation>
    </message>
    <message>
        <location filename="../../devices/wall/controller.py" line="40"/>
        <source>inputs</source>
        <translation>input</translation>
    </message>
    <message>
        <location filename="../../devices/wall/controller.py" line="41"/>
        <source>outputs</source>
        <translation>output</translation>
    </message>
    <message>
        <location filename="../../devices/wall/controller.py" line="42"/>
        <source>presets</source>
        <translation>preset</translation>
    </message>
    <message>
        <location filename="../../devices/wall/controller.py" line="121"/>
        <source>{device} cannot route {layer}; it routes {layers}</source>
        <translation>{device} tidak dapat merutekan {layer}; yang dapat dirutekan: {layers}</translation>
    </message>
    <message>
        <location filename="../../devices/wall/controller.py" line="186"/>
        <source>{what} must be a whole number, not {value}</source>
        <translation>{what} harus berupa bilangan bulat, bukan {value}</translation>
    </message>
    <message>
        <location filename="../../devices/wall/controller.py" line="196"/>
        <source>{what} {value} is out of range {lowest}–{highest}</source>
        <translation>{what} {value} di luar rentang {lowest}–{highest}</translation>
    </message>
    <message>
        <location filename="../../devices/wall/controller.py" line="201"/>
        <source>{what} {value} is out of range {lowest}–{highest}; {device} has {count} {things}</source>
        <translation>{what} {value} di luar rentang {lowest}–{highest}; {device} memiliki {count} {things}</translation>
    </message>
    <message>
        <location filename="../../devices/wall/extron.py" line="252"/>
        <source>the number of outputs is not known yet; add outputs=N to the URL</source>
        <translation>jumlah output belum diketahui; tambahkan outputs=N pada URL</translation>
    </message>
    <message>
        <location filename="../../devices/wall/lg.py" line="94"/>
        <source>an LG input code is two hex digits such as 90 (HDMI1 on many models), not {code}</source>
        <translation>kode input LG terdiri atas dua digit heksadesimal seperti 90 (HDMI1 pada banyak model), bukan {code}</translation>
    </message>
    <message>
        <location filename="../../devices/wall/lg.py" line="148"/>
        <source>tile rows must be 1–{highest}, not {value}</source>
        <translation>baris tile harus 1–{highest}, bukan {value}</translation>
    </message>
    <message>
        <location filename="../../devices/wall/lg.py" line="149"/>
        <source>tile columns must be 1–{highest}, not {value}</source>
        <translation>kolom tile harus 1–{highest}, bukan {value}</translation>
    </message>
    <message>
        <location filename="../../devices/wall/lg.py" line="155"/>
        <source>15×15 cannot be set: LG displays read the tile mode on data FF</source>
        <translation>15×15 tidak dapat diatur: layar LG membaca mode tile pada data FF</translation>
    </message>
    <message>
        <location filename="../../devices/wall/generic.py" line="33"/>
        <source>route audio and video</source>
        <translation>merutekan audio dan video</translation>
    </message>
    <message>
        <location filename="../../devices/wall/generic.py" line="34"/>
        <source>route video</source>
        <translation>merutekan video</translation>
    </message>
    <message>
        <location filename="../../devices/wall/generic.py" line="35"/>
        <source>route audio</source>
        <translation>merutekan audio</translation>
    </message>
    <message>
        <location filename="../../devices/wall/generic.py" line="36"/>
        <source>recall presets</source>
        <translation>memanggil preset</translation>
    </message>
    <message>
        <location filename="../../devices/wall/generic.py" line="37"/>
        <source>save presets</source>
        <translation>menyimpan preset</translation>
    </message>
    <message>
        <location filename="../../devices/wall/generic.py" line="41"/>
        <source>switch power on</source>
        <translation>menyalakan daya</translation>
    </message>
    <message>
        <location filename="../../devices/wall/generic.py" line="42"/>
        <source>switch power off</source>
        <translation>mematikan daya</translation>
    </message>
    <message>
        <location filename="../../devices/wall/generic.py" line="81"/>
        <source>the generic driver needs profile=FILE (a YAML or JSON file)</source>
        <translation>driver generik memerlukan profile=FILE (berkas YAML atau JSON)</translation>
    </message>
    <message>
        <location filename="../../devices/wall/generic.py" line="138"/>
        <source>{device} cannot {doing}: its profile has no {command} command</source>
        <translation>{device} tidak dapat {doing}: profilnya tidak memiliki perintah {command}</translation>
    </message>
    <message>
        <location filename="../../devices/wall/generic.py" line="145"/>
        <source>{device}: command {command} cannot be built from {values}: {problem}</source>
        <translation>{device}: perintah {command} tidak dapat disusun dari {values}: {problem}</translation>
    </message>
    <message>
        <location filename="../../devices/wall/generic.py" line="184"/>
        <source>the number of outputs is not known; add outputs=N to the URL or the profile</source>
        <translation>jumlah output tidak diketahui; tambahkan outputs=N pada URL atau profil</translation>
    </message>
    <message>
        <location filename="../../devices/wall/generic.py" line="226"/>
        <source>an input code is letters and digits, not {code}</source>
        <translation>kode input terdiri atas huruf dan angka, bukan {code}</translation>
    </message>
    <message>
        <location filename="../../devices/wall/link.py" line="81"/>
        <source>connection lost</source>
        <translation>koneksi terputus</translation>
    </message>
    <message>
        <location filename="../../devices/wall/link.py" line="109"/>
        <source>the device asks for a password; add password=… to the URL</source>
        <translation>perangkat meminta kata sandi; tambahkan password=… pada URL</translation>
    </message>
    <message>
        <location filename="../../devices/wall/link.py" line="112"/>
        <source>the device refused the password</source>
        <translation>perangkat menolak kata sandi</translation>
    </message>
    <message>
        <location filename="../../devices/wall/link.py" line="115"/>
        <source>the device asks for the password again</source>
        <translation>perangkat meminta kata sandi lagi</translation>
    </message>
    <message>
        <location filename="../../devices/wall/link.py" line="123"/>
        <source>the device refused the password ({reason})</source>
        <translation>perangkat menolak kata sandi ({reason})</translation>
    </message>
    <message>
        <location filename="../../devices/wall/exchange.py" line="30"/>
        <source>not connected</source>
        <translation>belum terhubung</translation>
    </message>
    <message>
        <location filename="../../devices/wall/queue.py" line="93"/>
        <source>not connected within {seconds} s</source>
        <translation>belum terhubung dalam {seconds} detik</translation>
    </message>
    <message>
        <location filename="../../devices/wall/queue.py" line="100"/>
        <source>no connection to {link}</source>
        <translation>tidak ada koneksi ke {link}</translation>
    </message>
    <message>
        <location filename="../../devices/wall/queue.py" line="128"/>
        <source>{device}: {problem}</source>
        <translation>{device}: {problem}</translation>
    </message>
    <message>
        <location filename="../../devices/wall/exchange.py" line="69"/>
        <source>the device reported: {problem}</source>
        <translation>perangkat melaporkan: {problem}</translation>
    </message>
    <message>
        <location filename="../../devices/wall/queue.py" line="164"/>
        <source>the device does not answer</source>
        <translation>perangkat tidak menjawab</translation>
    </message>
    <message>
        <location filename="../../devices/wall/exchange.py" line="131"/>
        <source>no answer within {seconds} s</source>
        <translation>tidak ada jawaban dalam {seconds} detik</translation>
    </message>
    <message>
        <location filename="../../devices/wall/exchange.py" line="145"/>
        <source>{action}: {problem}</source>
        <translation>{action}: {problem}</translation>
    </message>
    <message>
        <location filename="../../devices/wall/exchange.py" line="178"/>
        <source>offline: {reason}</source>
        <translation>terputus: {reason}</translation>
    </message>
    <message>
        <location filename="../../devices/wall/state.py" line="95"/>
        <source>{device}: {action}: {problem}</source>
        <translation>{device}: {action}: {problem}</translation>
    </message>
</context>
<context>
    <name>WallCanvas</name>
    <message>
        <location filename="../../ui/wall/canvas.py" line="162"/>
        <source>Take over %1</source>
        <translation>Ambil alih %1</translation>
    </message>
    <message>
        <location filename="../../ui/wall/canvas.py" line="194"/>
        <source>no event</source>
        <translation>tanpa acara</translation>
    </message>
</context>
<context>
    <name>WallDesk</name>
    <message>
        <location filename="../../ui/wall/wall_desk.py" line="150"/>
        <source>take over {output} ({device}) from {owners} for {event}</source>
        <translation>ambil alih {output} ({device}) dari {owners} untuk {event}</translation>
    </message>
    <message>
        <location filename="../../ui/wall/wall_desk.py" line="166"/>
        <source>%1 belongs to %2 — take it over first</source>
        <translation>%1 milik %2 — ambil alih dulu</translation>
    </message>
    <message>
        <location filename="../../ui/wall/wall_desk.py" line="199"/>
        <source>Layout %1 would change %2, owned by %3: press its key or button again, or click “Take over and recall”</source>
        <translation>Tata letak %1 akan mengubah %2, milik %3: tekan tombolnya sekali lagi, atau klik “Ambil alih dan panggil”</translation>
    </message>
    <message>
        <location filename="../../ui/wall/wall_desk.py" line="250"/>
        <source>%1 has no layout %2</source>
        <translation>%1 tidak punya tata letak %2</translation>
    </message>
</context>
<context>
    <name>WallErrors</name>
    <message>
        <location filename="../../devices/wall/extron.py" line="34"/>
        <source>invalid input number</source>
        <translation>nomor input tidak valid</translation>
    </message>
    <message>
        <location filename="../../devices/wall/extron.py" line="35"/>
        <source>invalid input during auto-switch</source>
        <translation>input tidak valid selama peralihan otomatis</translation>
    </message>
    <message>
        <location filename="../../devices/wall/extron.py" line="36"/>
        <source>invalid command</source>
        <translation>perintah tidak valid</translation>
    </message>
    <message>
        <location filename="../../devices/wall/extron.py" line="37"/>
        <source>invalid preset number</source>
        <translation>nomor preset tidak valid</translation>
    </message>
    <message>
        <location filename="../../devices/wall/extron.py" line="38"/>
        <source>invalid output number</source>
        <translation>nomor output tidak valid</translation>
    </message>
    <message>
        <location filename="../../devices/wall/extron.py" line="39"/>
        <source>invalid value</source>
        <translation>nilai tidak valid</translation>
    </message>
    <message>
        <location filename="../../devices/wall/extron.py" line="40"/>
        <source>not valid for this configuration</source>
        <translation>tidak valid untuk konfigurasi ini</translation>
    </message>
    <message>
        <location filename="../../devices/wall/extron.py" line="41"/>
        <source>invalid command for this signal type, or timeout</source>
        <translation>perintah tidak valid untuk jenis sinyal ini, atau waktu habis</translation>
    </message>
    <message>
        <location filename="../../devices/wall/extron.py" line="42"/>
        <source>system timed out</source>
        <translation>waktu sistem habis</translation>
    </message>
    <message>
        <location filename="../../devices/wall/extron.py" line="43"/>
        <source>room does not exist</source>
        <translation>ruang tidak ada</translation>
    </message>
    <message>
        <location filename="../../devices/wall/extron.py" line="44"/>
        <source>busy</source>
        <translation>sibuk</translation>
    </message>
    <message>
        <location filename="../../devices/wall/extron.py" line="45"/>
        <source>privilege violation</source>
        <translation>pelanggaran hak akses</translation>
    </message>
    <message>
        <location filename="../../devices/wall/extron.py" line="46"/>
        <source>device not present</source>
        <translation>perangkat tidak ada</translation>
    </message>
    <message>
        <location filename="../../devices/wall/extron.py" line="47"/>
        <source>maximum connections exceeded</source>
        <translation>jumlah koneksi maksimum terlampaui</translation>
    </message>
    <message>
        <location filename="../../devices/wall/extron.py" line="48"/>
        <source>invalid event number</source>
        <translation>nomor event tidak valid</translation>
    </message>
    <message>
        <location filename="../../devices/wall/extron.py" line="49"/>
        <source>bad file name or file not found</source>
        <translation>nama berkas salah atau berkas tidak ditemukan</translation>
    </message>
    <message>
        <location filename="../../devices/wall/extron.py" line="50"/>
        <source>hardware failure</source>
        <translation>kerusakan perangkat keras</translation>
    </message>
    <message>
        <location filename="../../devices/wall/extron.py" line="51"/>
        <source>attempt to break a port pass-through that was not set</source>
        <translation>mencoba memutus pass-through port yang belum dipasang</translation>
    </message>
    <message>
        <location filename="../../devices/wall/extron.py" line="52"/>
        <source>bad file type for logo</source>
        <translation>jenis berkas logo salah</translation>
    </message>
    <message>
        <location filename="../../devices/wall/extron.py" line="53"/>
        <source>user account does not exist</source>
        <translation>akun pengguna tidak ada</translation>
    </message>
    <message>
        <location filename="../../devices/wall/extron.py" line="137"/>
        <source>{meaning} (E{code})</source>
        <translation>{meaning} (E{code})</translation>
    </message>
    <message>
        <location filename="../../devices/wall/extron.py" line="175"/>
        <source>the password was refused</source>
        <translation>kata sandi ditolak</translation>
    </message>
    <message>
        <location filename="../../devices/wall/kramer.py" line="35"/>
        <source>syntax error</source>
        <translation>kesalahan sintaks</translation>
    </message>
    <message>
        <location filename="../../devices/wall/kramer.py" line="36"/>
        <source>command not available on this device</source>
        <translation>perintah tidak tersedia pada perangkat ini</translation>
    </message>
    <message>
        <location filename="../../devices/wall/kramer.py" line="37"/>
        <source>parameter out of range</source>
        <translation>parameter di luar rentang</translation>
    </message>
    <message>
        <location filename="../../devices/wall/kramer.py" line="38"/>
        <source>unauthorized access</source>
        <translation>akses tidak sah</translation>
    </message>
    <message>
        <location filename="../../devices/wall/kramer.py" line="39"/>
        <source>internal firmware error</source>
        <translation>kesalahan internal firmware</translation>
    </message>
    <message>
        <location filename="../../devices/wall/kramer.py" line="40"/>
        <source>protocol busy</source>
        <translation>protokol sibuk</translation>
    </message>
    <message>
        <location filename="../../devices/wall/kramer.py" line="41"/>
        <source>wrong CRC</source>
        <translation>CRC salah</translation>
    </message>
    <message>
        <location filename="../../devices/wall/kramer.py" line="42"/>
        <source>timeout</source>
        <translation>waktu habis</translation>
    </message>
    <message>
        <location filename="../../devices/wall/kramer.py" line="107"/>
        <source>{meaning} (ERR {code})</source>
        <translation>{meaning} (ERR {code})</translation>
    </message>
    <message>
        <location filename="../../devices/wall/lg.py" line="21"/>
        <source>illegal code</source>
        <translation>kode tidak sah</translation>
    </message>
    <message>
        <location filename="../../devices/wall/lg.py" line="22"/>
        <source>the display refused the command</source>
        <translation>layar menolak perintah</translation>
    </message>
    <message>
        <location filename="../../devices/wall/lg.py" line="64"/>
        <source>{meaning} (NG {code})</source>
        <translation>{meaning} (NG {code})</translation>
    </message>
    <message>
        <location filename="../../devices/wall/protocol.py" line="23"/>
        <source>device error</source>
        <translation>kesalahan perangkat</translation>
    </message>
    <message>
        <location filename="../../devices/wall/generic.py" line="108"/>
        <source>{meaning} (error {code})</source>
        <translation>{meaning} (kesalahan {code})</translation>
    </message>
</context>
<context>
    <name>WallOutputsModel</name>
    <message>
        <location filename="../../ui/wall/outputs_model.py" line="113"/>
        <source>unknown</source>
        <translation>tidak diketahui</translation>
    </message>
    <message>
        <location filename="../../ui/wall/outputs_model.py" line="115"/>
        <source>(nothing)</source>
        <translation>(kosong)</translation>
    </message>
    <message>
        <location filename="../../ui/wall/outputs_model.py" line="116"/>
        <source>Input %1</source>
        <translation>Input %1</translation>
    </message>
    <message>
        <location filename="../../ui/wall/outputs_model.py" line="121"/>
        <source>offline: %1</source>
        <translation>terputus: %1</translation>
    </message>
    <message>
        <location filename="../../ui/wall/outputs_model.py" line="122"/>
        <source>no connection</source>
        <translation>tidak ada koneksi</translation>
    </message>
    <message>
        <location filename="../../ui/wall/outputs_model.py" line="156"/>
        <source>no event</source>
        <translation>tanpa acara</translation>
    </message>
</context>
<context>
    <name>WallPage</name>
    <message>
        <location filename="../../ui/wall/wall_page.py" line="108"/>
        <source>Drag a source onto a screen of the wall</source>
        <translation>Seret sumber ke salah satu layar video wall</translation>
    </message>
    <message>
        <location filename="../../ui/wall/wall_page.py" line="110"/>
        <source>Sources</source>
        <translation>Sumber</translation>
    </message>
    <message>
        <location filename="../../ui/wall/wall_page.py" line="136"/>
        <source>Take over and recall</source>
        <translation>Ambil alih dan panggil</translation>
    </message>
    <message>
        <location filename="../../ui/wall/wall_page.py" line="137"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <location filename="../../ui/wall/wall_page.py" line="149"/>
        <source>Power on</source>
        <translation>Nyalakan</translation>
    </message>
    <message>
        <location filename="../../ui/wall/wall_page.py" line="150"/>
        <source>Standby</source>
        <translation>Siaga</translation>
    </message>
    <message>
        <location filename="../../ui/wall/wall_page.py" line="175"/>
        <source>Recall layout %1 on %2</source>
        <translation>Panggil tata letak %1 di %2</translation>
    </message>
    <message>
        <location filename="../../ui/wall/wall_page.py" line="180"/>
        <source>online</source>
        <translation>terhubung</translation>
    </message>
    <message>
        <location filename="../../ui/wall/wall_page.py" line="181"/>
        <source>connecting</source>
        <translation>menghubungkan</translation>
    </message>
    <message>
        <location filename="../../ui/wall/wall_page.py" line="182"/>
        <source>offline</source>
        <translation>terputus</translation>
    </message>
    <message>
        <location filename="../../ui/wall/wall_page.py" line="188"/>
        <source>layout &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>tata letak &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/wall/wall_page.py" line="204"/>
        <source>Model: %1</source>
        <translation>Model: %1</translation>
    </message>
    <message>
        <location filename="../../ui/wall/wall_page.py" line="206"/>
        <source>Firmware: %1</source>
        <translation>Firmware: %1</translation>
    </message>
    <message>
        <location filename="../../ui/wall/wall_page.py" line="209"/>
        <source>%1 inputs × %2 outputs</source>
        <translation>%1 input × %2 output</translation>
    </message>
    <message>
        <location filename="../../ui/wall/wall_page.py" line="214"/>
        <source>%1 presets</source>
        <translation>%1 preset</translation>
    </message>
    <message>
        <location filename="../../ui/wall/wall_page.py" line="216"/>
        <source>Layers: %1</source>
        <translation>Lapisan: %1</translation>
    </message>
    <message>
        <location filename="../../ui/wall/wall_page.py" line="219"/>
        <source>Not supported by the device: %1</source>
        <translation>Tidak didukung perangkat: %1</translation>
    </message>
    <message>
        <location filename="../../ui/wall/wall_page.py" line="242"/>
        <source>%1 would change %2, which %3 uses.</source>
        <translation>%1 akan mengubah %2, yang dipakai %3.</translation>
    </message>
    <message>
        <location filename="../../ui/wall/wall_page.py" line="263"/>
        <source>Take over %1</source>
        <translation>Ambil alih %1</translation>
    </message>
</context>
<context>
    <name>WallProfile</name>
    <message>
        <location filename="../../devices/wall/generic_profile.py" line="98"/>
        <source>{text} has characters outside Latin-1; write them as %hh bytes</source>
        <translation>{text} berisi karakter di luar Latin-1; tuliskan sebagai byte %hh</translation>
    </message>
    <message>
        <location filename="../../devices/wall/generic_profile_loader.py" line="43"/>
        <source>{path} is not a device profile: expected settings with a commands: section</source>
        <translation>{path} bukan profil perangkat: diharapkan pengaturan dengan bagian commands:</translation>
    </message>
    <message>
        <location filename="../../devices/wall/generic_profile_loader.py" line="59"/>
        <source>cannot read the device profile {path} within {seconds} s</source>
        <translation>profil perangkat {path} tidak dapat dibaca dalam {seconds} detik</translation>
    </message>
    <message>
        <location filename="../../devices/wall/generic_profile_loader.py" line="79"/>
        <source>the device profile {path} is not a regular file</source>
        <translation>profil perangkat {path} bukan berkas biasa</translation>
    </message>
    <message>
        <location filename="../../devices/wall/generic_profile_loader.py" line="86"/>
        <source>cannot read the device profile {path}: {reason}</source>
        <translation>profil perangkat {path} tidak dapat dibaca: {reason}</translation>
    </message>
    <message>
        <location filename="../../devices/wall/generic_profile_loader.py" line="37"/>
        <source>{path} is not valid {format}: {problem}</source>
        <translation>{path} bukan {format} yang valid: {problem}</translation>
    </message>
    <message>
        <location filename="../../devices/wall/generic_profile_loader.py" line="92"/>
        <source>the device profile {path} is larger than {size} KiB</source>
        <translation>profil perangkat {path} lebih besar dari {size} KiB</translation>
    </message>
    <message>
        <location filename="../../devices/wall/generic_profile_loader.py" line="100"/>
        <source>the device profile {path} is not UTF-8 text (byte {offset})</source>
        <translation>profil perangkat {path} bukan teks UTF-8 (bita {offset})</translation>
    </message>
    <message>
        <location filename="../../devices/wall/generic_profile_loader.py" line="121"/>
        <source>{path}: {where}: {problem}</source>
        <translation>{path}: {where}: {problem}</translation>
    </message>
    <message>
        <location filename="../../devices/wall/generic_profile_loader.py" line="131"/>
        <source>unknown setting; known: {known}</source>
        <translation>pengaturan tidak dikenal; yang dikenal: {known}</translation>
    </message>
    <message>
        <location filename="../../devices/wall/generic_profile_loader.py" line="138"/>
        <source>needs at least one command template</source>
        <translation>memerlukan setidaknya satu templat perintah</translation>
    </message>
    <message>
        <location filename="../../devices/wall/generic_profile_loader.py" line="146"/>
        <source>must be one of {choices}, not {value}</source>
        <translation>harus salah satu dari {choices}, bukan {value}</translation>
    </message>
    <message>
        <location filename="../../devices/wall/generic_profile_loader.py" line="154"/>
        <source>must be hex or byte, not {value}</source>
        <translation>harus hex atau byte, bukan {value}</translation>
    </message>
    <message>
        <location filename="../../devices/wall/generic_profile_loader.py" line="160"/>
        <source>must be a line speed: one of {speeds}</source>
        <translation>harus berupa kecepatan jalur: salah satu dari {speeds}</translation>
    </message>
    <message>
        <location filename="../../devices/wall/generic_profile_loader.py" line="168"/>
        <source>needs a group named input, e.g. (?P&lt;input&gt;\d+)</source>
        <translation>memerlukan grup bernama input, mis. (?P&lt;input&gt;\d+)</translation>
    </message>
    <message>
        <location filename="../../devices/wall/generic_profile_loader.py" line="194"/>
        <source>unknown command; known: {known}</source>
        <translation>perintah tidak dikenal; yang dikenal: {known}</translation>
    </message>
    <message>
        <location filename="../../devices/wall/generic_profile_loader.py" line="199"/>
        <source>must be a text template</source>
        <translation>harus berupa templat teks</translation>
    </message>
    <message>
        <location filename="../../devices/wall/generic_profile_loader.py" line="203"/>
        <source>none</source>
        <translation>tidak ada</translation>
    </message>
    <message>
        <location filename="../../devices/wall/generic_profile_loader.py" line="204"/>
        <source>unknown placeholder {placeholder}; this command has: {known}</source>
        <translation>placeholder {placeholder} tidak dikenal; perintah ini memiliki: {known}</translation>
    </message>
    <message>
        <location filename="../../devices/wall/generic_profile_loader.py" line="211"/>
        <source>bad template: {problem}</source>
        <translation>templat salah: {problem}</translation>
    </message>
    <message>
        <location filename="../../devices/wall/generic_profile_loader.py" line="229"/>
        <source>not a valid regular expression: {problem}</source>
        <translation>bukan ekspresi reguler yang valid: {problem}</translation>
    </message>
    <message>
        <location filename="../../devices/wall/generic_profile_loader.py" line="241"/>
        <source>must be a number ≥ 0, not {value}</source>
        <translation>harus berupa angka ≥ 0, bukan {value}</translation>
    </message>
</context>
<context>
    <name>WallSourcesModel</name>
    <message>
        <location filename="../../ui/wall/outputs_model.py" line="179"/>
        <source>Input %1 — drag it onto a screen of the wall</source>
        <translation>Input %1 — seret ke salah satu layar video wall</translation>
    </message>
</context>
<context>
    <name>WallView</name>
    <message>
        <location filename="../../ui/wall/view.py" line="31"/>
        <source>No video wall is configured (the walls: section of the configuration).</source>
        <translation>Belum ada video wall yang diatur (bagian walls: di konfigurasi).</translation>
    </message>
</context>
</TS>
