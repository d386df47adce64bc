"""Pictures from an RTSP camera through PyAV: FFmpeg's demuxer and decoder, driven packet by packet.

Why PyAV rather than OpenCV for RTSP (numbers in docs/benchmarks.md): a paused preview keeps its
link but must not decode. OpenCV's ``grab()`` decodes H.264 (only ``retrieve()`` skips the colour
conversion), while PyAV hands over the packets: ``drop`` reads one off the link and throws it away
undecoded, and decoding starts again at the next key frame, so no grey or smeared picture shows
after a pause. The same holds for the first picture after opening. PyAV also lets the decoder run
on a GPU (``[preview] decode``, devices/video/decoding.py) and tells whether it did.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator

import av
import numpy as np

from common.wording import QT_TRANSLATE_NOOP, Phrase
from devices.video.base import CANNOT_CONNECT, NOT_OPEN, FrameSource, SourceError
from devices.video.decoding import (
    CANNOT_DECODE,
    CANNOT_OPEN,
    HARDWARE,
    DecodeMode,
    accelerator,
    hardware_failed,
    next_hardware,
    software_because,
)
from devices.video.rtsp_check import why_rtsp_fails
from devices.video.spec import PreviewSourceError, SourceKind, SourceSpec, parse_spec, redact

log = logging.getLogger(__name__)

# FFmpeg would watch a new stream for about a second to guess its frame rate; the SDP of an RTSP
# session already names the codec and its parameter sets (docs/video.md). TCP: no lost packets.
RTSP_QUICK_START = {"rtsp_transport": "tcp", "analyzeduration": "0", "probesize": "32"}
# IT staff's own FFmpeg options replace them, as "name;value|name;value" (the variable OpenCV reads).
FFMPEG_OPTIONS = "OPENCV_FFMPEG_CAPTURE_OPTIONS"
# Up to this many pixels a stream is decoded on the worker's own thread: for a substream FFmpeg's
# decoding threads cost more CPU than they save (docs/benchmarks.md). Larger ones use them.
ONE_THREAD_PIXELS = 1280 * 720
NO_VIDEO = QT_TRANSLATE_NOOP("PreviewSource", "{source} sends no video")


class PyAvSource(FrameSource):
    """An RTSP stream; ``decoded`` and ``decoded_key_frames`` count the frames decoded since creation."""

    live = True

    def __init__(
        self,
        spec: SourceSpec | str,
        *,
        decode: DecodeMode = DecodeMode.AUTO,
        open_timeout: float = 5.0,
        read_timeout: float = 5.0,
    ) -> None:
        super().__init__()
        self.spec = spec if isinstance(spec, SourceSpec) else parse_spec(spec)
        if self.spec.kind is not SourceKind.RTSP:
            raise PreviewSourceError(
                QT_TRANSLATE_NOOP("PreviewSource", "{source} is not an RTSP stream").format(
                    source=self.describe()
                )
            )
        self.decode_mode = decode
        self.timeouts = (open_timeout, read_timeout)
        self.decoded = self.decoded_key_frames = self.packets = 0
        self._container: av.container.InputContainer | None = None
        self._stream: av.VideoStream | None = None
        self._packets: Iterator[av.Packet] = iter(())
        self._key_frame_needed = True
        self._hardware: str | None = None  # the device asked for at this open
        self._decoder_known = False  # whether this open's decoder has been looked at
        self._warned = False
        self._decoding = ""

    def describe(self) -> str:
        return redact(str(self.spec.target))

    def decoding(self) -> str:
        return self._decoding

    def open(self) -> None:
        self.close()
        self._hardware = next_hardware(self.decode_mode)
        try:
            container = self._connect(self._hardware)
        except av.FFmpegError as exc:
            reason = why_rtsp_fails(str(self.spec.target))
            if reason is not None or self._hardware is None:
                raise SourceError(reason or CANNOT_CONNECT.format(source=self.describe())) from exc
            # The camera offers the stream: the hardware decoder was what failed.
            self._fall_back(
                self._hardware, CANNOT_OPEN.format(device=self._hardware, error=exc.strerror or str(exc))
            )
            try:
                container = self._connect(None)
            except av.FFmpegError as again:
                raise SourceError(
                    why_rtsp_fails(str(self.spec.target)) or CANNOT_CONNECT.format(source=self.describe())
                ) from again
        if not container.streams.video:
            container.close()
            raise SourceError(NO_VIDEO.format(source=self.describe()))
        stream = container.streams.video[0]
        context = stream.codec_context
        if context.width * context.height <= ONE_THREAD_PIXELS:
            context.thread_count = 1
        else:
            context.thread_type = "AUTO"
        self._container, self._stream = container, stream
        self._packets = container.demux(stream)
        self._key_frame_needed = True
        self._decoder_known = False
        log.debug(
            "opened %s (%s %dx%d, hardware decoder %s)",
            self.describe(),
            context.name,
            context.width,
            context.height,
            self._hardware or "none",
        )

    def read(self) -> np.ndarray | None:
        frame = self._decode_next()
        return None if frame is None else frame.to_ndarray(format="bgr24")

    def skip(self) -> bool:
        """Decoded but not converted to BGR: for a substream the conversion costs more than the decoding."""
        return self._decode_next() is not None

    def _decode_next(self) -> av.VideoFrame | None:
        """Decode up to the next picture; after an open or a drop, from the next key frame on."""
        stream = self._video()
        while True:
            packet = self._next_packet()
            if packet is None:
                return None
            if self._key_frame_needed:
                if not packet.is_keyframe:
                    continue
                stream.codec_context.flush_buffers()  # nothing decoded before the pause comes out
                self._key_frame_needed = False
            try:
                frames = stream.decode(packet)
            except av.InvalidDataError:
                log.debug("%s: undecodable packet; waiting for a key frame", self.describe())
                self._key_frame_needed = True
                continue
            if frames:
                self.decoded += len(frames)
                self.decoded_key_frames += sum(frame.key_frame for frame in frames)
                if not self._decoder_known:
                    self._note_decoder()
                return frames[-1]

    def drop(self) -> bool:
        """One packet off the link, not decoded; the next ``read`` starts at a key frame."""
        self._key_frame_needed = True
        return self._next_packet() is not None

    def close(self) -> None:
        container, self._container, self._stream = self._container, None, None
        self._packets = iter(())
        if container is not None:
            container.close()

    def _connect(self, hardware: str | None) -> av.container.InputContainer:
        accel = None if hardware is None else accelerator(hardware)
        return av.open(str(self.spec.target), options=ffmpeg_options(), timeout=self.timeouts, hwaccel=accel)

    def _next_packet(self) -> av.Packet | None:
        """The next packet of the stream; None when it ended or stalled and the camera still offers it."""
        if self._container is None:
            raise SourceError(NOT_OPEN.format(source=self.describe()))
        try:
            packet = next(self._packets, None)
        except av.FFmpegError as exc:
            log.debug("%s stopped: %s", self.describe(), exc)
            packet = None
        if packet is None or packet.size == 0:  # None or the empty packet: the stream ended
            reason = why_rtsp_fails(str(self.spec.target))
            if reason is not None:
                raise SourceError(reason)
            return None
        self.packets += 1
        return packet

    def _note_decoder(self) -> None:
        """After the first frame: say what decoded it; a hardware decoder that fell back is not tried
        again."""
        self._decoder_known = True
        context = self._video().codec_context
        if self._hardware is not None and _on_device(context):
            self._decoding = HARDWARE.format(device=self._hardware)
            return
        if self._hardware is not None:
            self._fall_back(self._hardware, CANNOT_DECODE.format(device=self._hardware, codec=context.name))
        self._decoding = software_because(self.decode_mode)
        if self.decode_mode is DecodeMode.HARDWARE and not self._warned:
            self._warned = True
            log.warning("%s: hardware decoding was asked for; %s", self.describe(), self._decoding)

    def _video(self) -> av.VideoStream:
        if self._stream is None:
            raise SourceError(NOT_OPEN.format(source=self.describe()))
        return self._stream

    def _fall_back(self, device: str, reason: Phrase) -> None:
        hardware_failed(device, reason)
        self._hardware = None


def _on_device(context: av.CodecContext) -> bool:
    """Whether the decoder runs on the hardware device (not fallen back to software)."""
    return context.is_hwaccel


def ffmpeg_options() -> dict[str, str]:
    """RTSP_QUICK_START, or the options IT staff set in FFMPEG_OPTIONS."""
    own = os.environ.get(FFMPEG_OPTIONS)
    if not own:
        return dict(RTSP_QUICK_START)
    pairs = (item.split(";", 1) for item in own.split("|") if item.strip())
    return {name.strip(): value.strip() for name, value in (pair for pair in pairs if len(pair) == 2)}
