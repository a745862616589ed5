"""The worker-ID rule (kiosk.common.worker_id) as properties: what it accepts and refuses, that IDs are
one regardless of case, and that a gallery folder and a PIN check-in frame name give back exactly
their own ID even when IDs hold underscores and differ only in case."""
from __future__ import annotations

import re
import string

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.common import worker_id
from kiosk.gallery.folders import folder_identity
from kiosk.gallery.store import GalleryStore, PersonRecord
from kiosk.recognition.pin_checkin import renamed_frame, review_frames

ALNUM = string.ascii_letters + string.digits
valid_ids = st.builds(lambda first, rest: first + rest, st.sampled_from(ALNUM),
                      st.text(ALNUM + "-_", max_size=worker_id.MAX_LENGTH - 1)).filter(
    lambda uid: not re.match(r"img(_|$)", uid, re.IGNORECASE))


@given(st.text(max_size=40))
def test_any_text_is_valid_exactly_when_it_follows_the_rule(text):
    expected = (1 <= len(text) <= 32 and text[0] in ALNUM and all(c in ALNUM + "-_" for c in text)
                and not re.match(r"img(_|$)", text, re.IGNORECASE))
    assert worker_id.is_valid(text) == expected
    assert (worker_id.problem(text) is None) == expected


@given(valid_ids)
def test_every_id_of_the_rule_is_valid_and_its_keypad_has_every_key(uid):
    assert worker_id.is_valid(uid)
    assert set(uid.upper()) <= set(worker_id.KEYS)
    assert re.fullmatch(worker_id.PATTERN, uid)  # the wizard's validator takes the same pattern


@pytest.mark.parametrize("bad", ["", " E1", "E1 ", "-E1", "_E1", "E 1", "E.1", "É1", "E1\n", "a" * 33, "img",
                                 "IMG_3", "E/1", "E1;DROP"])
def test_what_is_refused(bad):
    assert worker_id.problem(bad)


@given(valid_ids, st.data())
def test_an_id_is_found_in_any_case_and_the_exact_one_wins(uid, data):
    variant = "".join(data.draw(st.sampled_from([c.lower(), c.upper()])) for c in uid)
    assert worker_id.same(uid, variant)
    assert worker_id.find(variant, ["Z9", uid]) == uid
    assert worker_id.find(f"  {variant} ", [uid]) == uid
    if variant != uid:  # a pre-change database with both: each is found exactly
        assert worker_id.find(variant, [uid, variant]) == variant
        assert worker_id.case_duplicates([uid, variant, "Z9"]) == [sorted([uid, variant])]
        third = uid.swapcase() if uid.swapcase() not in (uid, variant) else None
        if third:
            with pytest.raises(worker_id.AmbiguousWorkerId, match="differ only in case"):
                worker_id.find(third, [uid, variant])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(a=valid_ids, b=valid_ids)
def test_folders_and_frames_give_back_their_own_id(tmp_path_factory, a, b):
    """`a` and `b` may be prefixes of each other across an underscore (E and E_1): the folder of
    one is never taken for the other's, nor are its PIN check-in frames."""
    root = tmp_path_factory.mktemp("gallery")
    store = GalleryStore(root / "embeddings")
    vectors = np.eye(3, 8, dtype=np.float32)
    store.save(PersonRecord(a, "Ann Example", "test", vectors))
    if worker_id.same(a, b):
        with pytest.raises(Exception, match="taken|already enrolled"):
            store.save(PersonRecord(b, "Bob Example", "test", vectors))
        assert store.folder_of(b) == store.folder_of(a)
        return
    store.save(PersonRecord(b, "Bob Example", "test", vectors))
    assert folder_identity(store.folder_of(a)) == (a, "Ann Example")
    assert folder_identity(store.folder_of(b.swapcase())) == (b, "Bob Example")
    assert {r.user_id for r in store.load_all()[0]} == {a, b}
    day = root / "review" / "2026-01-05"
    day.mkdir(parents=True)
    for uid in (a, b):
        (day / f"081500_{uid}_pin.jpg").write_bytes(b"frame")
    assert [p.name for p in review_frames(root, a)] == [f"081500_{a}_pin.jpg"]
    renamed = renamed_frame(str(day / f"081500_{a}_pin.jpg"), a, "NEW-1")
    assert renamed == str(day / "081500_NEW-1_pin.jpg")
    assert renamed_frame(str(day / f"081500_{b}_pin.jpg"), a, "NEW-1") == str(day / f"081500_{b}_pin.jpg")
