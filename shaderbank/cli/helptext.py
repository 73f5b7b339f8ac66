"""What both command lines (`shaderbank`, `pretrain`) show in --help: each option's
default after its help, unless there is no default worth showing (None, off, empty) or
the help already says it."""

from __future__ import annotations

import argparse


def shows_default(action: argparse.Action) -> bool:
    """Whether --help should add "(default: ...)" to this option's help."""
    if action.help == argparse.SUPPRESS or "default" in str(action.help or ""):
        return False
    # By identity: 0 is a default worth showing, though 0 == False.
    if action.default is None or action.default is False or action.default == argparse.SUPPRESS:
        return False
    if isinstance(action.default, (list, tuple)) and not action.default:
        return False
    # Positionals other than optional ones have no default a user could rely on.
    return bool(action.option_strings) or action.nargs in (argparse.OPTIONAL, "*")


def help_with_default(action: argparse.Action) -> str:
    """The option's help text (with %-placeholders), its default appended when shown."""
    text = str(action.help or "")
    return f"{text} (default: %(default)s)".lstrip() if shows_default(action) else text


class HelpFormatter(argparse.HelpFormatter):
    """argparse's formatter with defaults shown as help_with_default says."""

    def _get_help_string(self, action: argparse.Action) -> str:
        return help_with_default(action)
