"""Operators' passwords: Argon2id at its recommended cost, unless the suite asks for the cheapest."""

from exchange.operators import hash_password, password_matches


def test_a_real_exchange_hashes_at_argon2s_recommended_cost(monkeypatch):
    monkeypatch.delenv("POEMS_PASSWORD_HASH", raising=False)
    stored = hash_password("correct horse")
    assert stored.startswith("$argon2id$v=19$m=65536,t=3,p=4$")
    assert password_matches(stored, "correct horse") and not password_matches(stored, "wrong")


def test_the_suite_s_cheap_hashes_still_check_only_the_right_password(monkeypatch):
    monkeypatch.setenv("POEMS_PASSWORD_HASH", "test")
    stored = hash_password("correct horse")
    assert stored.startswith("$argon2id$v=19$m=8,t=1,p=1$")
    assert password_matches(stored, "correct horse") and not password_matches(stored, "wrong")
