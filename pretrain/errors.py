"""ConfigError and the checks every config section runs on itself. A module of its own
because each component keeps its own section (pretrain.config, pretrain.methods.config)
and all of them raise the same error without importing one another."""

from __future__ import annotations


class ConfigError(ValueError):
    """A bad config; the message is one line that names the key."""


def check_positive(section: str, config: object, *names: str) -> None:
    """A ConfigError naming `section.name` for the first of `names` below 1."""
    for name in names:
        value = getattr(config, name)
        if value < 1:
            raise ConfigError(f"{section}.{name}: must be positive, got {value}")
