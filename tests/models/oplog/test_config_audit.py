"""Saving the configuration: only an admin may, and the audit trail says which cameras, walls and events
changed — never the file itself, never a password."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from devices.visca.url_check import check_camera
from models.config.audit import config_changes, save_config
from models.config.store import ConfigError, ConfigStore
from models.oplog.staff import PermissionDenied
from models.oplog.tables import AuditEntry
from tests.support.sample_config import GOOD

CHANGED = (
    GOOD.replace("rtsp://192.168.10.21/stream1", "rtsp://admin:s3cret@192.168.10.21/stream1")
    .replace(
        "  - id: cam2\n    name: Kamera Lebar\n    url: visca+tcp://192.168.10.22?quirks=any-address\n"
        "    preview: 0\n",
        "  - id: cam3\n    name: Kamera Lobi\n    url: visca+udp://192.168.10.23\n",
    )
    .replace("cameras: [cam1, cam2]", "cameras: [cam1]")
    + "  - id: upacara\n    title: Upacara Hari Jadi\n    cameras: [cam1]\n"
)


@pytest.fixture
def store(tmp_path) -> ConfigStore:
    store = ConfigStore(tmp_path / "config.yaml", camera_check=check_camera)
    assert store.save(GOOD) == []
    return store


def actions(database) -> list[tuple[int, str]]:
    with database.transaction() as session:
        return [(row.staff_id, row.action) for row in session.scalars(select(AuditEntry))]


def test_an_admins_save_writes_the_file_and_a_row_naming_what_changed(database, world, store):
    with database.transaction() as session:
        config = save_config(session, world.staff(session, world.admin), store, CHANGED)
    assert store.path.read_text(encoding="utf-8") == CHANGED
    assert [c.id for c in config.cameras] == [
        "cam1",
        "cam3",
    ]
    assert actions(database) == [
        (
            world.admin,
            "save the configuration config.yaml: cameras added: cam3; cameras "
            "removed: cam2; cameras changed: cam1; events added: upacara; "
            "events changed: rakor-bupati",
        )
    ]
    assert "s3cret" not in actions(database)[0][1]


@pytest.mark.parametrize("who", ["budi", "viewer"])
def test_anyone_but_an_admin_is_refused_and_the_file_stays_as_it_was(database, world, store, who):
    with (
        pytest.raises(PermissionDenied, match="may not change the configuration: it needs the admin role"),
        database.transaction() as session,
    ):
        save_config(session, world.staff(session, getattr(world, who)), store, CHANGED)
    assert store.path.read_text(encoding="utf-8") == GOOD
    assert actions(database) == []


def test_a_configuration_with_problems_writes_neither_file_nor_row(database, world, store):
    with pytest.raises(ConfigError), database.transaction() as session:
        save_config(
            session,
            world.staff(session, world.admin),
            store,
            GOOD.replace("cameras: [cam1, cam2]", "cameras: [cam9]"),
        )
    assert store.path.read_text(encoding="utf-8") == GOOD
    assert actions(database) == []


def test_a_save_that_changes_no_device_says_so(store):
    config = store.parse(GOOD)
    assert config_changes(config, store.parse("# comment\n" + GOOD)) == "no camera, wall or event changed"
    assert config_changes(None, config) == (
        "the previous file could not be read; now 2 camera(s), 0 wall(s), 1 event(s)"
    )
