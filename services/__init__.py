"""The service layer: one named use case per thing a person does, called by every door.

The console, the `poems` command, the scheduler and a worker's texts all call these. A use case
is told who is acting (an operator's `Who`, or the worker a text came from), decides what they may
see and do, runs in one transaction (its own, or the text's: services.unit), leaves its audit
entry and notices, and returns ids and frozen dataclasses, which may cross threads. The market's
rules themselves live in exchange/; no face opens a write transaction of its own.
"""
