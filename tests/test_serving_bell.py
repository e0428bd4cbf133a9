"""The doorbells between the processes of `poems serve`: a ring reaches a process the bell was
handed to, every time, and clearing it never blocks."""

import multiprocessing
import queue

from poems.serving import Bell


def answer_rings(bell: Bell, answers, rings: int) -> None:
    for _ in range(rings):
        if not bell.wait(10):
            return
        bell.clear()
        answers.put("rung")


def test_every_ring_reaches_the_other_process_and_clearing_never_blocks():
    context = multiprocessing.get_context("spawn")
    bell, answers = Bell(context), context.Queue()
    listener = context.Process(target=answer_rings, args=(bell, answers, 3), daemon=True)
    listener.start()
    try:
        for n in range(3):
            bell.set()
            try:
                assert answers.get(timeout=10) == "rung"
            except queue.Empty:
                raise AssertionError(f"ring {n + 1} was not heard") from None
    finally:
        listener.join(10)
        if listener.is_alive():
            listener.kill()


def test_a_bell_rung_many_times_unheard_never_blocks_the_ringer():
    bell = Bell(multiprocessing.get_context("spawn"))
    for _ in range(200_000):  # more than a pipe holds
        bell.set()
    assert bell.is_set()
    bell.clear()
    assert not bell.is_set()
