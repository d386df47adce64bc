"""The configuration's secrets file: passwords kept out of the configuration itself.

``secrets.yaml`` beside the configuration file holds the OBS Studio passwords by output id::

    broadcast:
      obs-rapat: the-password-set-in-OBS

An output whose URL names ``password_env=`` takes that variable instead. The file is made private
to the user on POSIX when read (like the console's own files); its passwords are never put in a
message: a problem names the file, the line and the entry, never a value (docs/broadcast.md).
"""

from __future__ import annotations

from pathlib import Path

import yaml

from common.user_files import keep_private
from common.wording import QT_TRANSLATE_NOOP, Phrase

SECRETS_FILE = "secrets.yaml"
SECTIONS = ("broadcast",)


def load_secrets(folder: Path) -> tuple[dict[str, str], list[Phrase]]:
    """The passwords of ``folder / SECRETS_FILE`` by output id, and its problems in plain words. A
    missing file is no problem (there are no secrets); a broken one gives none and says why."""
    path = folder / SECRETS_FILE
    try:
        keep_private(path)
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}, []
    except (OSError, UnicodeDecodeError) as exc:
        problem = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        return {}, [
            _said(path, QT_TRANSLATE_NOOP("Secrets", "cannot be read ({problem})").format(problem=problem))
        ]
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else "?"
        # the YAML error quotes the text around the mistake, which may be a password: only its line
        return {}, [
            _said(path, QT_TRANSLATE_NOOP("Secrets", "line {line} is not valid YAML").format(line=line))
        ]
    if data is None:
        return {}, []
    if not isinstance(data, dict) or set(data) - set(SECTIONS):
        return {}, [
            _said(
                path,
                QT_TRANSLATE_NOOP(
                    "Secrets", "the file holds only a 'broadcast:' list of passwords by output id"
                ),
            )
        ]
    secrets: dict[str, str] = {}
    problems: list[Phrase] = []
    section = data.get("broadcast") or {}
    if not isinstance(section, dict):
        return {}, [
            _said(path, QT_TRANSLATE_NOOP("Secrets", "'broadcast:' must map output ids to passwords"))
        ]
    for output, password in section.items():
        if isinstance(password, str | int) and not isinstance(password, bool) and str(password):
            secrets[str(output)] = str(password)
        else:
            problems.append(
                _said(
                    path,
                    QT_TRANSLATE_NOOP("Secrets", "the password of '{output}' is not text").format(
                        output=output
                    ),
                )
            )
    return secrets, problems


def _said(path: Path, problem: Phrase) -> Phrase:
    return QT_TRANSLATE_NOOP("Secrets", "{file}: {problem}").format(file=path, problem=problem)
