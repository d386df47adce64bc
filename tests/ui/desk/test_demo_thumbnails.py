"""Demo mode: the preset grid shows real pictures from the first start, drawn from the synthetic panorama."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtGui import QColor, QImage

from devices.video.synthetic import crop, load_panorama, view_of
from tests.support.demo_console import make_console, rig  # noqa: F401 - rig is the fixture make_console uses
from ui.desk.preset_grid import PresetGrid
from ui.desk.preset_model import THUMB, Role

pytestmark = pytest.mark.gui


def pixels(image: QImage) -> np.ndarray:
    """RGB pixels of ``image`` (a copy)."""
    assert not image.isNull(), "no picture"
    image = image.convertToFormat(QImage.Format.Format_RGB888)
    rows = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine())
    return rows[:, : image.width() * 3].reshape(image.height(), image.width(), 3).copy()


def painted(picture: np.ndarray) -> QImage:
    image = QImage(THUMB, QImage.Format.Format_RGB888)
    image.fill(QColor(*picture))
    return image


def test_the_preset_grid_shows_the_demo_presets_as_the_camera_frames_them_at_first_start(rig, qtbot):  # noqa: F811
    demo, _devices, folder = rig
    assert not (folder / "presets").exists()  # a first start
    console = make_console(rig, qtbot)
    panorama = load_panorama()
    size = (panorama.shape[1], panorama.shape[0])
    for camera, sim in zip(console.config.cameras, demo, strict=True):
        for number in camera.presets:
            path = console.library.thumbnail_path(camera.id, number)
            expected = crop(
                panorama,
                view_of(sim.state()["presets"][number], sim.profile, size),
                (THUMB.width(), THUMB.height()),
            )[:, :, ::-1]
            assert np.array_equal(pixels(QImage(str(path))), expected), f"{camera.id} preset {number}"

    grid = console.window.findChild(PresetGrid)
    console.desk.select("cam1")
    model = grid.model
    for number, other in ((1, 2), (2, 3)):
        icons = [model.index(model.row(n)).data(Role.THUMBNAIL).toImage() for n in (number, other)]
        shown = [pixels(icon) for icon in icons]
        assert shown[0].std() > 20
        assert not np.array_equal(shown[0], shown[1])  # a picture, each its own
    console.shutdown()


def test_a_thumbnail_is_kept_for_a_stored_preset_and_removed_where_the_camera_has_none(rig, qtbot):  # noqa: F811
    _demo, _devices, folder = rig
    thumbnails = folder / "presets" / "thumbnails" / "cam1"
    thumbnails.mkdir(parents=True)
    assert painted((200, 30, 30)).save(str(thumbnails / "1.png"))  # saved from the live preview earlier
    assert painted((30, 200, 30)).save(str(thumbnails / "9.png"))  # the camera has no preset 9
    console = make_console(rig, qtbot)
    kept = pixels(QImage(str(console.library.thumbnail_path("cam1", 1))))
    assert (kept == (200, 30, 30)).all()
    assert not (thumbnails / "9.png").exists()
    assert console.library.thumbnail_path("cam1", 2).exists()
    console.shutdown()
