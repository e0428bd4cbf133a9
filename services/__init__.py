"""The console's reads and writes: plain functions over a Database that return plain rows.

Screens call these from thread workers; only ids and frozen dataclasses cross threads.
"""
