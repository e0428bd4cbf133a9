"""The processes of one `poems serve` take turns writing one SQLite file at a gate. A process
killed while it holds its turn (SIGKILL, the kernel out of memory) must not stop the others."""

import multiprocessing
import os
import signal
import threading
import time

from store.db import WriteGate


def hold_the_turn(gate: WriteGate, holding) -> None:
    with gate.after_first():
        holding.set()
        time.sleep(600)


def spin_until_killed(gate: WriteGate, started) -> None:
    started.set()
    while True:
        with gate.after_first():
            pass


def test_a_writer_killed_while_it_holds_the_turn_leaves_it_to_the_others():
    context = multiprocessing.get_context("spawn")
    gate = WriteGate(context)
    holding = context.Event()
    holder = context.Process(target=hold_the_turn, args=(gate, holding), daemon=True)
    holder.start()
    assert holding.wait(30)
    os.kill(holder.pid, signal.SIGKILL)
    holder.join(10)

    took = threading.Event()

    def webhook() -> None:
        with gate.first():
            took.set()

    threading.Thread(target=webhook, daemon=True).start()
    assert took.wait(10), "the webhook never had its turn after the holder was killed"


def test_a_writer_killed_while_it_takes_turns_leaves_the_webhook_its_turn():
    context = multiprocessing.get_context("spawn")
    gate = WriteGate(context)
    for _ in range(3):
        started = context.Event()
        writer = context.Process(target=spin_until_killed, args=(gate, started), daemon=True)
        writer.start()
        assert started.wait(30)
        time.sleep(0.05)
        os.kill(writer.pid, signal.SIGKILL)
        writer.join(10)
        took = threading.Event()

        def webhook(done=took) -> None:
            with gate.first():
                done.set()

        threading.Thread(target=webhook, daemon=True).start()
        assert took.wait(10), "the webhook never had its turn after a writer was killed"
