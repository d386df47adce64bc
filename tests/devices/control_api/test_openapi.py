"""The OpenAPI description at /api/openapi.json is built from the route table: every route the server
serves is in it, and nothing else is."""

from __future__ import annotations


def test_every_served_route_is_described_and_every_description_is_served(serve, http):
    api, base = serve()
    document = http.get(base + "/api/openapi.json").json()
    described = {(method.upper(), path) for path, methods in document["paths"].items() for method in methods}
    served = set(api.served_routes())
    assert described == served
    assert ("POST", "/api/cameras/{camera}/move") in served
    assert ("GET", "/api/ws") in served
    move = document["paths"]["/api/cameras/{camera}/move"]["post"]["requestBody"]["content"]
    schema = move["application/json"]["schema"]
    assert schema["required"] == ["for"]
    assert schema["properties"]["for"]["maximum"] == 10_000
