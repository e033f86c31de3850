"""What the test's complaints and photos look like: the API's values and realistic bodies."""

import random
import struct
import zlib
from typing import Any

API = "/api/v1/complaints"
HOSTELS = ["block-a", "block-b", "block-c", "block-d"]
CATEGORIES = ["plumbing", "electrical", "carpentry", "pest", "metalworks", "other"]
SEVERITIES = ["low", "medium", "high"]
# Every status the API has. Which moves are allowed is the server's to say (`allowed_transitions`).
STATUSES = ["reported", "in_progress", "on_hold", "resolved", "closed"]
# The order a complaint lives through; it only tells a move forward from a move back. `on_hold`
# is a side step (it needs a reason), never taken as progress.
LIFE = ["reported", "in_progress", "resolved", "closed"]
PROBLEMS = {
    "plumbing": ["Tap leaking since Monday", "Shower drain blocked",
                 "No hot water in the bathroom"],
    "electrical": ["Ceiling light flickers", "Socket by the desk sparks", "Fan stopped working"],
    "carpentry": ["Wardrobe door hinge broken", "Bed frame slat cracked",
                  "Window frame will not close"],
    "pest": ["Cockroaches in the kitchenette", "Bed bugs in the mattress",
             "Mice behind the cupboard"],
    "metalworks": ["Window grille loose", "Bunk ladder rail bent", "Door latch rusted shut"],
    "other": ["Corridor smells of damp", "Noticeboard fell off the wall",
              "Water stain on the ceiling"],
}
SEARCH_WORDS = ["leak", "light", "door", "window", "water", "broken", "socket", "bugs"]
BOUNDARY = "complaints-load-test-boundary"


def is_forward(current: str, target: str) -> bool:
    """Whether `target` lies later in a complaint's life than `current`."""
    if target not in LIFE:
        return False  # on_hold pauses work: never a step forward
    if current == "on_hold":
        return LIFE.index(target) >= LIFE.index("in_progress")  # released, or finished
    return current in LIFE and LIFE.index(target) > LIFE.index(current)


def first_step_forward(current: str, moves: list[str]) -> str | None:
    """The nearest of `moves` that lies later in a complaint's life, if any."""
    forward = [m for m in moves if is_forward(current, m)]
    return min(forward, key=LIFE.index) if forward else None


def room_number(wing: str) -> str:
    return f"{wing}{random.randint(1, 4)}{random.randint(0, 2)}{random.randint(0, 9)}"


def complaint_body(telegram_user_id: str, marker: str = "") -> dict[str, Any]:
    category = random.choice(CATEGORIES)
    wing = random.choice("ABCDEFGH")
    text = random.choice(PROBLEMS[category])
    extra = random.choice(["", " Please come soon.", " It is getting worse.",
                           " Second time this month."])
    return {
        "telegram_user_id": telegram_user_id,
        "hostel": random.choice(HOSTELS),
        "room_number": room_number(wing),
        "category": category,
        "description": f"{text}.{extra} {marker}".strip(),
        "severity": random.choices(SEVERITIES, weights=[3, 5, 2])[0],
    }


def png(width: int, height: int) -> bytes:
    """A noisy RGB PNG, incompressible like a phone photo, built without an imaging library."""
    rnd = random.Random(7)
    raw = b"".join(b"\x00" + rnd.randbytes(width * 3) for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        crc = zlib.crc32(body) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + body + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 1))
        + chunk(b"IEND", b"")
    )


def multipart(data: bytes) -> bytes:
    head = (f"--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; "
            "filename=\"room.png\"\r\nContent-Type: image/png\r\n\r\n").encode()
    return head + data + f"\r\n--{BOUNDARY}--\r\n".encode()
