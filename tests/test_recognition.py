"""The issue's end-to-end check: five people enrolled from three photos each, their held-out
photos recognised, strangers reported as "Not in Database", scenes handled, CSV matches the DB."""
import csv
from datetime import date

import pytest

from kiosk.app.service import KioskService
from kiosk.app.settings import load_settings
from kiosk.attendance.export import export_attendance_csv
from kiosk.recognition.matcher import UNKNOWN
from kiosk.vision.image_io import load_image
from tests.conftest import ENROLL_PEOPLE, FACES, STRANGERS, enrollment_split, photos_of, require


@pytest.fixture
def gallery_service(enrolled, pipeline, tmp_path):
    import shutil

    data = tmp_path / "data"
    shutil.copytree(enrolled, data)
    return KioskService(load_settings(data), pipeline=pipeline)


def test_held_out_photos_are_recognised(gallery_service):
    ids = {person: f"E{i:03d}" for i, person in enumerate(ENROLL_PEOPLE, start=1)}
    outcomes = []
    for person in ENROLL_PEOPLE:
        for path in enrollment_split(person)[1]:
            result = gallery_service.recognize(load_image(path), record=False)
            top = max(result, key=lambda r: r.face.area)
            outcomes.append((path.name, top.match.user_id == ids[person], round(top.match.score, 3)))
    wrong = [o for o in outcomes if not o[1]]
    assert len(outcomes) >= 10
    assert not wrong, f"held-out photos not recognised: {wrong}"


def test_strangers_are_not_in_database(gallery_service):
    for person in STRANGERS:
        for path in photos_of(person)[:2]:
            for result in gallery_service.recognize(load_image(path), record=False):
                assert not result.match.accepted, (path, result.match.name, result.match.score)
                assert result.match.name == UNKNOWN and result.match.status == UNKNOWN


def test_scene_with_an_enrolled_and_an_unknown_person(gallery_service):
    results = gallery_service.recognize(load_image(require(FACES / "scenes" / "obama_and_biden.jpg")), record=False)
    names = sorted(r.match.name for r in results)
    assert "Barack Obama" in names and UNKNOWN in names


def test_attendance_is_recorded_once_per_cooldown_and_exported(gallery_service, tmp_path):
    image = load_image(enrollment_split("obama")[1][0])
    first = gallery_service.recognize(image, source="cli")[0]
    second = gallery_service.recognize(image, source="cli")[0]
    assert first.checkin.recorded and first.checkin.outcome == "checked_in"
    assert not second.checkin.recorded and second.checkin.outcome == "cooldown"
    gallery_service.recognize(load_image(enrollment_split("df01")[1][0]), source="cli")
    gallery_service.recognize(load_image(photos_of("kit_harington")[0]), source="cli")
    today = date.today()
    out = tmp_path / "attendance.csv"
    count = export_attendance_csv(gallery_service.db, out, today, today)
    with open(out, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    events = gallery_service.db.attendance(today, today)
    assert count == len(rows) == len(events) == 2
    assert [r["employee_id"] for r in rows] == [e["employee_id"] for e in events]
    assert {r["name"] for r in rows} == {"Barack Obama", "Ada Lovelace"}
    log = gallery_service.db.access_log(today, today)
    assert [e["outcome"] for e in log].count("unknown") == 1 and len(log) == 4


def test_masked_rendering_of_a_held_out_photo_matches_a_masked_template(gallery_service):
    """A held-out photo with a synthetic mask in a colour not used at enrollment: its own person
    ranks first, it is never named as anyone else (the strict masked rule may refuse it), it is
    labelled masked by the gate, and its most similar template is one of the masked ones (what
    the 18 masked embeddings are for; with mask gating they are lowered by the gate offset, so the
    decision may rest on an original, docs/evaluation/README.md)."""
    from kiosk.vision.masks import MaskRenderer

    renderer = MaskRenderer()
    hits = []
    for person, user_id in (("df01", "E001"), ("obama", "E005")):
        image = load_image(enrollment_split(person)[1][0])
        face = gallery_service.pipeline.detect(image)[0]
        masked = renderer.render(image, face.box, "surgical_blue", seed=99, random_style=True).image
        result = max(gallery_service.recognize(masked, record=False), key=lambda r: r.face.area)
        raw = gallery_service.matcher.match(result.face.embedding)[0]  # ungated: the most similar template
        hits.append((person, result.match.candidates[0].user_id, result.match.probe_masked, raw.masked_template,
                     round(result.match.score, 3), result.match.user_id))
    assert all(h[1] == user and h[5] in (user, None) for h, user in zip(hits, ("E001", "E005"))), hits
    assert all(h[2] is not False for h in hits), f"masked probes labelled unmasked: {hits}"
    assert all(h[3] for h in hits), f"most similar template should be masked: {hits}"


def test_unmasked_probe_is_matched_against_original_templates_only(gallery_service):
    """Mask gating in the default path: an unmasked held-out photo is labelled unmasked and
    compared with the 3 originals only (the synthetic masked templates never decide it)."""

    image = load_image(enrollment_split("obama")[1][0])
    result = max(gallery_service.recognize(image, record=False), key=lambda r: r.face.area)
    match = result.match
    assert match.probe_masked is False and match.user_id == "E005"
    assert not match.masked_template and all(not c.masked_template for c in match.candidates)
    assert match.threshold == gallery_service.threshold
    matcher = gallery_service.matcher
    originals = matcher.person_scores(result.face.embedding, allowed=~matcher.masked)[0][0]
    person = [uid for uid, _ in matcher.people].index("E005")
    assert match.score == pytest.approx(float(originals[person]), abs=1e-5)
