"""`python app.py probe TARGET` — what answers at a host or on a serial port, and the URL to configure.

Only inquiries and handshakes are sent: nothing moves, switches, routes or stores (docs/probe.md).
Exit codes: 0 something was found (its URL is printed); 2 a bad target or option, nothing sent;
3 nothing answered in a protocol the console speaks.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import json
import sys
import time

from common.command_line import EXIT_OK, EXIT_TIMEOUT, EXIT_USAGE
from devices.cli import capture_option
from devices.probe.core import probe
from devices.probe.findings import Finding
from devices.probe.target import (
    DEFAULT_TIMEOUT,
    NETWORK_PORTS,
    Settings,
    Target,
    TargetError,
    parse_families,
    parse_ports,
    parse_target,
)
from devices.runtime import DeviceRuntime

SAFETY_LIMIT = 120.0  # seconds; every exchange has its own timeout, this only guards against a hang
TIMEOUT_RANGE = (0.05, 10.0)
EXAMPLES = f"""examples:
  probe 192.168.1.50
  probe /dev/ttyUSB0 --only visca
  probe COM3 --json
  probe 127.0.0.1 --ports kramer=5001,visca+tcp=15678
usual ports: {", ".join(f"{scheme} {port}" for scheme, port in NETWORK_PORTS.items())}"""
COLUMNS = ("protocol", "where", "result", "model", "firmware", "round trip", "unsupported")
NAMES = {"cameras": "Camera", "walls": "Wall device"}


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "probe",
        help="find out what answers at a host or serial port, and its URL",
        description="Ask a new device, with inquiries only, which protocol it speaks; print what answered "
        "and the URL line for the configuration.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("target", help="a host (192.168.1.50) or a serial port (/dev/ttyUSB0, COM3)")
    p.add_argument(
        "--ports",
        metavar="KIND=PORT,…",
        help="other network ports, e.g. kramer=5001,visca+udp=52380 (the rest stay usual)",
    )
    p.add_argument("--only", metavar="FAMILY,…", help="try only these: visca, kramer, extron, lg")
    p.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT,
        help=f"seconds to wait for each answer (default {DEFAULT_TIMEOUT:g})",
    )
    p.add_argument("--json", action="store_true", help="print one JSON object instead of the table")
    capture_option.add(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        settings = _settings(args)
        target = parse_target(args.target)
        recorder = capture_option.recorder_for(args, args.target, "probe")
    except (TargetError, capture_option.CaptureFileError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if not args.json:
        print(_plan(target, settings), flush=True)
    started = time.monotonic()
    with DeviceRuntime("cli-probe") as runtime:
        try:
            findings = runtime.submit(probe(target, settings, recorder)).result(SAFETY_LIMIT)
        except concurrent.futures.TimeoutError:
            error = f"the probe did not finish within {SAFETY_LIMIT:g} s"
            print(f"error: {error}", file=sys.stderr)
            capture_option.finish(recorder, EXIT_TIMEOUT, None, error)
            return EXIT_TIMEOUT
    seconds = time.monotonic() - started
    result = report(target, findings, seconds)
    print(json.dumps(result, indent=2) if args.json else render(findings, seconds))
    code = EXIT_OK if any(finding.found for finding in findings) else EXIT_TIMEOUT
    capture_option.finish(recorder, code, result)
    return code


def _settings(args: argparse.Namespace) -> Settings:
    low, high = TIMEOUT_RANGE
    if not low <= args.timeout <= high:
        raise TargetError(f"--timeout {args.timeout:g} is out of range {low:g}–{high:g} s")
    settings = Settings(timeout=args.timeout)
    if args.ports:
        settings = Settings(parse_ports(args.ports), settings.families, settings.timeout)
    if args.only:
        settings = Settings(settings.ports, parse_families(args.only), settings.timeout)
    return settings


def _plan(target: Target, settings: Settings) -> str:
    if target.is_serial:
        tries = ", ".join(f"{family} {baud}" for family, baud in settings.serial())
        return f"probing serial port {target.device}, one at a time until one answers: {tries}"
    tries = ", ".join(f"{scheme} {port}" for scheme, port in settings.network())
    return f"probing {target.host}, all at once: {tries}"


def report(target: Target, findings: list[Finding], seconds: float) -> dict:
    """The ``--json`` object."""
    return {
        "target": target.text,
        "wiring": "serial" if target.is_serial else "network",
        "seconds": round(seconds, 2),
        "found": sum(finding.found for finding in findings),
        "findings": [finding.to_json() for finding in findings],
        "urls": [finding.url for finding in findings if finding.found],
    }


def render(findings: list[Finding], seconds: float) -> str:
    """The table, the details under it and the lines for the configuration file."""
    rows = [COLUMNS] + [_row(finding) for finding in findings]
    widths = [max(len(row[column]) for row in rows) for column in range(len(COLUMNS))]
    lines = [""] + [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip() for row in rows
    ]
    details = [
        f"  {finding.protocol} {finding.where}: {text}" for finding in findings if (text := _details(finding))
    ]
    if details:
        lines += ["", "details:", *details]
    found = [finding for finding in findings if finding.found]
    lines += ["", f"{len(found)} found in {seconds:.1f} s."]
    if found:
        lines += [
            "",
            "For the configuration file (choose an id and a name for each):",
            *_configuration(found),
        ]
    return "\n".join(lines)


def _row(finding: Finding) -> tuple[str, ...]:
    rtt = "-" if finding.rtt_ms is None else f"{finding.rtt_ms:.1f} ms"
    unsupported = [*finding.unsupported, *(f"{name} (no answer)" for name in finding.unanswered)]
    return (
        finding.protocol,
        finding.where,
        finding.result.value,
        finding.model or "-",
        finding.firmware or "-",
        rtt,
        ", ".join(unsupported) or "-",
    )


def _details(finding: Finding) -> str:
    parts = [f"{name.replace('_', ' ')} {_value(value)}" for name, value in finding.facts.items()]
    if finding.heard:
        parts.append(f"heard {finding.heard!r}")
    if finding.note:
        parts.append(finding.note)
    return ", ".join(parts)


def _value(value: object) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (tuple, list)):
        return "x".join(map(str, value))
    return str(value)


def _configuration(found: list[Finding]) -> list[str]:
    lines = []
    for section in ("cameras", "walls"):
        entries = [finding for finding in found if finding.section == section]
        if entries:
            lines.append(f"{section}:")
        for number, finding in enumerate(entries, start=1):
            ident = f"{NAMES[section].split()[0].lower()}-{number}"
            name, url = (
                json.dumps(text, ensure_ascii=False) for text in (f"{NAMES[section]} {number}", finding.url)
            )
            comment = f"  # {finding.model}" if finding.model else ""
            lines.append(f"  - {{id: {ident}, name: {name}, url: {url}}}{comment}")
    return lines
