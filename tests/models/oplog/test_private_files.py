"""The console's files are this user's only (POSIX): 0600 files in 0700 folders, older ones tightened."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from common.user_files import private_folder
from models.config.store import ConfigStore
from models.oplog.database import default_url, open_database
from tests.support.oplog_world import build_world

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX modes; Windows keeps the profile's ACLs")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_database_its_wal_and_shm_are_readable_by_this_user_only(tmp_path):
    database = open_database(f"sqlite:///{tmp_path / 'new' / 'oplog.sqlite'}")
    build_world(database)  # writes: the -wal and -shm exist while it is open
    files = sorted((tmp_path / "new").iterdir())
    assert [path.name for path in files] == ["oplog.sqlite", "oplog.sqlite-shm", "oplog.sqlite-wal"]
    assert [mode(path) for path in files] == [0o600] * 3
    assert mode(tmp_path / "new") == 0o700
    database.close()


def test_an_old_world_readable_database_is_tightened_when_opened(tmp_path):
    folder = tmp_path / "shared"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    open_database(f"sqlite:///{folder / 'oplog.sqlite'}").close()
    names = ("oplog.sqlite", "oplog.sqlite-wal", "oplog.sqlite-shm")
    for name in names:
        (folder / name).touch()
        (folder / name).chmod(0o644)
    database = open_database(f"sqlite:///{folder / 'oplog.sqlite'}")
    assert [mode(folder / name) for name in names] == [0o600] * 3
    assert mode(folder) == 0o755, "a folder chosen with --db that exists is not the console's to change"
    database.close()


def test_the_default_data_folder_and_everything_in_it_are_tightened(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    monkeypatch.delenv("SMARTCENTRE_DB", raising=False)
    folder = tmp_path / "share" / "smartcentre-console"
    (folder / "backups").mkdir(parents=True, mode=0o755)
    folder.chmod(0o755)
    (folder / "backups" / "daily.sqlite").write_bytes(b"x")
    (folder / "backups" / "daily.sqlite").chmod(0o644)
    outside = tmp_path / "outside.txt"
    outside.write_text("not the console's")
    outside.chmod(0o644)
    (folder / "link").symlink_to(outside)
    open_database(default_url()).close()
    assert (mode(folder), mode(folder / "backups")) == (0o700, 0o700)
    assert (mode(folder / "oplog.sqlite"), mode(folder / "backups" / "daily.sqlite")) == (0o600, 0o600)
    assert mode(outside) == 0o644


def test_the_configuration_is_tightened_when_read_and_written_private(tmp_path):
    folder = private_folder(tmp_path / "config")
    assert mode(folder) == 0o700
    store = ConfigStore(folder / "config.yaml")
    (folder / "config.yaml").write_text("cameras: []\n")
    (folder / "config.yaml").chmod(0o644)
    config, errors = store.load()
    assert errors == []
    assert mode(folder / "config.yaml") == 0o600
    assert mode(folder / "config.last-good.yaml") == 0o600
    assert store.save("cameras: []\nevents: []\n") == []
    assert mode(folder / "config.yaml") == 0o600
