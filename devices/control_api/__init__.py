"""The Control API (docs/control-api.md): HTTP and WebSocket for Bitfocus Companion, Stream Deck and
scripts, served on the device runtime's asyncio loop (aiohttp). Qt-free: it drives the console through
the ``ConsoleActions`` Protocol (actions.py), which ui/controllers/api_bridge.py implements."""
