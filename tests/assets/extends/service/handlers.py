def handle(event: dict[str, str]) -> str:
    return event.get("detail-type", "unknown event type")
