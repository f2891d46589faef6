"""Converters: read → profile → locate → parse → resolve → map → validate, one module per step."""
