"""Planning models."""

__all__: list[str] = []
