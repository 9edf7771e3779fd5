"""Pydantic models of pressroom's records and the JSON Schema generated from them."""

from schemas.press_release import CONTENT_FIELDS, SCHEMA_VERSION, PressRelease, Quote, Speaker, json_schema

__all__ = ["CONTENT_FIELDS", "SCHEMA_VERSION", "PressRelease", "Quote", "Speaker", "json_schema"]
