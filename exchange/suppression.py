"""Cell suppression for published tables, so no cell can be worked out by subtraction.

A table has interior cells (row, column) and its margins: the row totals (row, TOTAL), the
column totals (TOTAL, column) and the grand total (TOTAL, TOTAL). Each cell carries an
additive count (bookings, slots) and the number of distinct workers it describes.

1. Primary: a cell describing fewer distinct workers than rule 5 allows (`may_show`) is
   suppressed.
2. Complementary: think of the table as a bipartite graph with one node per row (the total
   row included) and one per column (the total column included); each suppressed cell is an
   edge. Every row and every column is an equation (its cells sum to its total), so once the
   published cells are subtracted, each node's suppressed edges have a known sum. A suppressed
   cell can then be worked out exactly if and only if its edge is a bridge of that graph (it
   lies on no cycle): around a cycle one can add and take away the same amount alternately
   without changing any sum. So while a bridge remains, the cheapest path of published cells
   (fewest bookings) that closes a cycle through it is suppressed too. Adding edges never
   makes a bridge, so each round removes at least one and the loop ends.

Linked tables (a table whose grand total is another table's row total) are protected by
suppressing each shared cell in every table that holds it, until they agree; for tables linked
in a tree by single shared cells this is enough (see docs/public-data.md).

What is not promised: bounds. A suppressed count is never determined, but counts cannot be
negative, so a reader may narrow it to a range.
"""

import heapq
from collections.abc import Collection, Mapping
from dataclasses import dataclass

TOTAL = "*"
# Rule 5: no figure shown to anyone, published or on a screen, describes fewer distinct workers.
SMALLEST_CELL = 5

Key = tuple[str, str]
Node = tuple[str, str]  # ("r", row) or ("c", column)


def may_show(workers: int) -> bool:
    """Whether a figure describing this many distinct workers may be shown to anyone (rule 5)."""
    return workers >= SMALLEST_CELL


@dataclass(frozen=True)
class Count:
    """What suppression needs to know of one cell."""

    bookings: int
    workers: int


def suppress(cells: Mapping[Key, Count], forced: Collection[Key] = ()) -> set[Key]:
    """The cells to withhold: those rule 5 does not let show, `forced` ones, and enough others.

    `cells` holds every published cell, margins included; a (row, column) pair that is absent
    is a known zero and is never suppressed (nor needed).
    """
    hidden = {key for key, count in cells.items() if not may_show(count.workers)}
    hidden |= {key for key in forced if key in cells}
    while True:
        bridge = _first_bridge(hidden)
        if bridge is None:
            return hidden
        hidden |= _cheapest_cycle(bridge, hidden, cells)


def _nodes(key: Key) -> tuple[Node, Node]:
    return ("r", key[0]), ("c", key[1])


def _first_bridge(edges: set[Key]) -> Key | None:
    """A suppressed cell on no cycle (Tarjan's bridge search, iterative), or None."""
    graph: dict[Node, list[tuple[Node, Key]]] = {}
    for key in sorted(edges):
        a, b = _nodes(key)
        graph.setdefault(a, []).append((b, key))
        graph.setdefault(b, []).append((a, key))
    order: dict[Node, int] = {}
    low: dict[Node, int] = {}
    for root in sorted(graph):
        if root in order:
            continue
        order[root] = low[root] = len(order)
        stack: list[tuple[Node, Key | None, int]] = [(root, None, 0)]
        while stack:
            node, via, index = stack[-1]
            if index < len(graph[node]):
                stack[-1] = (node, via, index + 1)
                nxt, key = graph[node][index]
                if key == via:
                    continue
                if nxt in order:
                    low[node] = min(low[node], order[nxt])
                else:
                    order[nxt] = low[nxt] = len(order)
                    stack.append((nxt, key, 0))
                continue
            stack.pop()
            if stack:
                parent = stack[-1][0]
                low[parent] = min(low[parent], low[node])
                if low[node] > order[parent]:
                    return via
    return None


def _cheapest_cycle(bridge: Key, hidden: set[Key], cells: Mapping[Key, Count]) -> set[Key]:
    """Published cells that, suppressed, put `bridge` on a cycle: a cheapest path between its
    two ends that does not use it (suppressed cells cost nothing, published ones their bookings)."""
    graph: dict[Node, list[tuple[Node, Key]]] = {}
    for key in cells:
        if key == bridge:
            continue
        a, b = _nodes(key)
        graph.setdefault(a, []).append((b, key))
        graph.setdefault(b, []).append((a, key))
    start, goal = _nodes(bridge)
    best: dict[Node, int] = {start: 0}
    came: dict[Node, tuple[Node, Key]] = {}
    queue: list[tuple[int, Node]] = [(0, start)]
    while queue:
        cost, node = heapq.heappop(queue)
        if node == goal:
            break
        if cost > best[node]:
            continue
        for nxt, key in graph.get(node, ()):
            step = 0 if key in hidden else cells[key].bookings + 1
            if cost + step < best.get(nxt, cost + step + 1):
                best[nxt] = cost + step
                came[nxt] = (node, key)
                heapq.heappush(queue, (cost + step, nxt))
    if goal not in came:
        # Only a table without margins can get here; withholding all of it is the safe answer.
        return set(cells)
    path: set[Key] = set()
    node = goal
    while node != start:
        node, key = came[node]
        path.add(key)
    return path


def protect_linked(
    hub: Mapping[Key, Count],
    spokes: Mapping[str, Mapping[Key, Count]],
) -> tuple[set[Key], dict[str, set[Key]]]:
    """Suppress a hub table and spoke tables whose grand totals are the hub's row totals.

    Spoke `row`'s (TOTAL, TOTAL) cell is the hub's (row, TOTAL) cell: it is withheld in both
    or in neither.
    """
    forced_hub: set[Key] = set()
    while True:
        hub_hidden = suppress(hub, forced_hub)
        spoke_hidden: dict[str, set[Key]] = {}
        grew = False
        for row, spoke in spokes.items():
            shared = (row, TOTAL) in hub_hidden
            hidden = suppress(spoke, [(TOTAL, TOTAL)] if shared else [])
            spoke_hidden[row] = hidden
            if (TOTAL, TOTAL) in hidden and not shared:
                forced_hub.add((row, TOTAL))
                grew = True
        if not grew:
            return hub_hidden, spoke_hidden
