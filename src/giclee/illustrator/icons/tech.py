"""Tech icons."""

from __future__ import annotations
