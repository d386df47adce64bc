"""A real RTSP server for the preview tests and benchmarks: GStreamer's gst-rtsp-server.

Run by the system's python3 (Debian's python3-gi and gir1.2-gst-rtsp-server-1.0 are built for
it, not for the project's interpreter), one process per server, so a test stops the "camera"
by ending the process and starts it again with the same arguments:

    python3 rtsp_server.py PORT /main=clip.h264 /sub=sub.h264 /hevc=clip.h265 \\
        [--user U --password P [--digest]]

Each clip is an Annex-B elementary stream with an access unit delimiter before every frame
(``clips.encode_clip``). The server sends it frame by frame, looping forever, without
re-encoding: the timestamps keep growing across the loop, so clients see one endless live
stream at the clip's frame rate. Unknown paths get 404, wrong credentials 401, as from a camera.
"""

from __future__ import annotations

import argparse
import sys

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstRtsp", "1.0")
gi.require_version("GstRtspServer", "1.0")
from gi.repository import GLib, Gst, GstRtsp, GstRtspServer  # noqa: E402

AUD = {"h264": b"\x00\x00\x01\x09", "h265": b"\x00\x00\x01\x46\x01"}
CAPS = {
    "h264": "video/x-h264,stream-format=byte-stream,alignment=au",
    "h265": "video/x-h265,stream-format=byte-stream,alignment=au",
}
PAYLOADER = {"h264": "rtph264pay", "h265": "rtph265pay"}


def access_units(data: bytes, codec: str) -> list[bytes]:
    marker = AUD[codec]
    starts = []
    at = data.find(marker)
    while at >= 0:
        starts.append(at - 1 if at > 0 and data[at - 1] == 0 else at)  # keep 4-byte start codes whole
        at = data.find(marker, at + len(marker))
    if not starts:
        raise SystemExit(f"no access unit delimiters in the {codec} clip")
    return [data[a:b] for a, b in zip(starts, starts[1:] + [len(data)], strict=True)]


class LoopingClip(GstRtspServer.RTSPMediaFactory):
    def __init__(self, path: str, fps: int) -> None:
        super().__init__()
        codec = "h265" if path.endswith((".h265", ".hevc")) else "h264"
        with open(path, "rb") as clip:
            self.frames = access_units(clip.read(), codec)
        self.duration = Gst.SECOND // fps
        self.set_launch(
            f"( appsrc name=src format=time caps={CAPS[codec]} "
            f"! {PAYLOADER[codec]} name=pay0 pt=96 config-interval=1 )"
        )
        self.set_shared(True)
        self.connect("media-configure", self._configure)

    def _configure(self, _factory: GstRtspServer.RTSPMediaFactory, media: GstRtspServer.RTSPMedia) -> None:
        source = media.get_element().get_by_name_recurse_up("src")
        state = {"sent": 0}
        source.connect("need-data", self._push, state)

    def _push(self, source: Gst.Element, _length: int, state: dict[str, int]) -> None:
        sent = state["sent"]
        buffer = Gst.Buffer.new_wrapped(self.frames[sent % len(self.frames)])
        buffer.pts = buffer.dts = sent * self.duration
        buffer.duration = self.duration
        state["sent"] = sent + 1
        source.emit("push-buffer", buffer)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("port", type=int)
    parser.add_argument("mounts", nargs="+", help="/path=clip.h264 or /path=clip.h265")
    parser.add_argument("--fps", type=int, default=30)
    parser.add_argument("--user")
    parser.add_argument("--password")
    parser.add_argument("--digest", action="store_true", help="ask for Digest credentials, not Basic")
    args = parser.parse_args()
    Gst.init(None)
    server = GstRtspServer.RTSPServer()
    server.set_address("127.0.0.1")
    server.set_service(str(args.port))
    permissions = None
    if args.user:
        auth = GstRtspServer.RTSPAuth()
        token = GstRtspServer.RTSPToken()
        token.set_string("media.factory.role", "viewer")
        if args.digest:
            auth.set_supported_methods(GstRtsp.RTSPAuthMethod.DIGEST)
            auth.add_digest(args.user, args.password or "", token)
        else:
            auth.add_basic(GstRtspServer.RTSPAuth.make_basic(args.user, args.password or ""), token)
        server.set_auth(auth)
        permissions = GstRtspServer.RTSPPermissions()
        permissions.add_permission_for_role("viewer", "media.factory.access", True)
        permissions.add_permission_for_role("viewer", "media.factory.construct", True)
    mounts = server.get_mount_points()
    for mount in args.mounts:
        path, clip = mount.split("=", 1)
        factory = LoopingClip(clip, args.fps)
        if permissions is not None:
            factory.set_permissions(permissions)
        mounts.add_factory(path, factory)
    if server.attach(None) == 0:
        sys.exit(f"cannot listen on port {args.port}")
    print("ready", flush=True)
    GLib.MainLoop().run()


if __name__ == "__main__":
    main()
