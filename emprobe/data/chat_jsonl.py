"""Chat JSONL, the format of the public EM datasets: one ``{"messages": [...]}`` conversation per line."""
from __future__ import annotations

import json
from pathlib import Path

from ..errors import EmprobeError
from .jsonl import read_objects

Message = dict[str, str]
ROLES = ("system", "user", "assistant")


def validate_messages(messages: object, where: str) -> list[Message]:
    """Check one conversation: optional system turn, then alternating user/assistant turns ending with the assistant."""
    if not isinstance(messages, list) or not messages:
        raise EmprobeError(f"{where}: 'messages' must be a non-empty list of {{role, content}} objects")
    for i, msg in enumerate(messages):
        if not isinstance(msg, dict) or not isinstance(msg.get("content"), str):
            raise EmprobeError(f"{where}: message {i} must be an object with a string 'content'")
        role = msg.get("role")
        if role not in ROLES:
            raise EmprobeError(f"{where}: message {i} has role {role!r}; valid roles are {', '.join(ROLES)}")
        if role == "system" and i != 0:
            raise EmprobeError(f"{where}: message {i}: a system turn is only allowed first")
    turns = [m["role"] for m in messages if m["role"] != "system"]
    expected = ["user", "assistant"] * (len(turns) // 2 + 1)
    if turns != expected[: len(turns)]:
        raise EmprobeError(f"{where}: turns must alternate user, assistant (got {', '.join(turns)})")
    if not turns or turns[-1] != "assistant":
        raise EmprobeError(f"{where}: the conversation has no final assistant turn to train on")
    return [{"role": m["role"], "content": m["content"]} for m in messages]


def load_chat_jsonl(path: str | Path) -> list[list[Message]]:
    """Read a chat JSONL file; malformed JSON, bad roles, missing assistant turns and non-UTF-8 bytes name the line."""
    path = Path(path)
    if not path.is_file():
        raise EmprobeError(f"dataset file {path} not found")
    conversations = []
    for where, record in read_objects(path, "an object with a 'messages' list"):
        if "messages" not in record:
            raise EmprobeError(f"{where}: expected an object with a 'messages' list")
        conversations.append(validate_messages(record["messages"], where))
    if not conversations:
        raise EmprobeError(f"dataset file {path} is empty: expected one {{\"messages\": [...]}} object per line")
    return conversations


def dump_chat_jsonl(conversations: list[list[Message]]) -> str:
    """Serialise conversations as chat JSONL text."""
    return "".join(json.dumps({"messages": c}, ensure_ascii=False) + "\n" for c in conversations)
