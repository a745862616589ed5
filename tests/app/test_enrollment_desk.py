"""The HR screens' enrolment steps (service.enrollment): each rule is judged once, the photo
check and the duplicate check HR saw are the ones the save goes by."""
import pytest

import kiosk.enrollment.templates as templates
from kiosk.app.service import KioskService
from kiosk.app.settings import load_settings
from kiosk.enrollment.templates import DuplicatePersonError
from kiosk.vision.image_io import load_image
from tests.conftest import enrollment_split


@pytest.fixture
def service(tmp_path, pipeline):
    return KioskService(load_settings(tmp_path), pipeline=pipeline)


def checked_photos(service, person):
    enroll, held_out = enrollment_split(person)
    photos = [service.enrollment.check_photo(load_image(p), f"photo {i} ({p.name})")
              for i, p in enumerate(enroll, start=1)]
    return photos, held_out


def test_checked_photos_are_not_graded_again(service, monkeypatch):
    photos, _ = checked_photos(service, "df04")
    calls = []
    real = templates.check_photo
    monkeypatch.setattr(templates, "check_photo", lambda *a, **k: calls.append(a) or real(*a, **k))
    check = service.enrollment.duplicate_check(photos)
    assert check.best is None and check.agreement > 0
    record = service.enroll("H1", "Hana", "+447700900100", photos, masks=False, checked=check)
    assert calls == []  # the wizard's check stands
    assert record.metadata["quality"][0]["label"] == "photo 1"  # labelled as `kiosk enroll` labels them
    assert [p[0] for p in service.matcher.people] == ["H1"]


def test_the_duplicate_verdict_hr_saw_is_the_one_enroll_keeps(service, monkeypatch):
    photos, held_out = checked_photos(service, "df04")
    service.enroll("H1", "Hana", "+447700900100", photos, masks=False)
    again = [service.enrollment.check_photo(load_image(p)) for p in held_out[:1]] + photos[1:]
    check = service.enrollment.duplicate_check(again)
    assert check.best is not None and check.best.user_id == "H1"
    monkeypatch.setattr(templates, "find_duplicate", lambda *a, **k: pytest.fail("judged twice"))
    with pytest.raises(DuplicatePersonError, match="looks like Hana"):
        service.enroll("H2", "Other", "+447700900101", again, masks=False, checked=check)
    record = service.enroll("H2", "Other", "+447700900101", again, masks=False, checked=check,
                            allow_duplicate=True)
    assert record.user_id == "H2"


def test_a_gallery_changed_since_the_check_is_checked_again(service, monkeypatch):
    photos, _ = checked_photos(service, "df04")
    check = service.enrollment.duplicate_check(photos)  # an empty gallery: nobody alike
    service.enroll("H1", "Hana", "+447700900100", photos, masks=False)  # then someone enrols them
    with pytest.raises(DuplicatePersonError):
        service.enroll("H2", "Other", "+447700900101", photos, masks=False, checked=check)


def test_details_problems(service):
    assert service.enrollment.details_problems("W1", "Sam", "+15550199") == []
    problems = service.enrollment.details_problems("W1", "Sam", "12ab", "12")
    assert any(p.startswith("mobile") for p in problems) and any(p.startswith("check-in PIN") for p in problems)
