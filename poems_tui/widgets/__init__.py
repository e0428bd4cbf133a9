"""Widgets, grouped by the area of the console they serve."""
