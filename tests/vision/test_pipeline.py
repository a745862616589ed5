"""The real backends on real photos: SCRFD + MobileFaceNet (the offline pair), MTCNN when no
SCRFD file is present, the dlib descriptor, and FaceNet's loading path."""
import numpy as np
import pytest

from kiosk.app.settings import load_settings
from kiosk.vision.image_io import load_image
from kiosk.vision.pipeline import choose_embedder, load_pipeline
from kiosk.vision.types import best_face
from tests.conftest import FACES, MODELS, photos_of, require


def _unit(v):
    return np.allclose(np.linalg.norm(v, axis=-1), 1.0, atol=1e-4)


def test_offline_pair_is_chosen_from_the_models_folder(pipeline):
    assert pipeline.detector.name == "scrfd:det_2.5g.onnx"
    assert pipeline.embedder.name == "mobilefacenet-arcface"
    assert any("det_10g.onnx not found" in n for n in pipeline.detector_choice.notes)


def test_one_face_with_landmarks_inside_the_box(pipeline):
    image = load_image(photos_of("obama")[0])
    faces = pipeline.analyze(image)
    assert len(faces) == 1
    face = faces[0]
    x1, y1, x2, y2 = face.box
    assert face.score > 0.5 and face.landmarks.shape == (5, 2)
    assert np.all((face.landmarks[:, 0] > x1) & (face.landmarks[:, 0] < x2))
    assert np.all((face.landmarks[:, 1] > y1) & (face.landmarks[:, 1] < y2))
    left_eye, right_eye = face.landmarks[0], face.landmarks[1]
    assert left_eye[0] < right_eye[0]
    assert face.embedding.shape == (128,) and _unit(face.embedding)


def test_same_person_is_closer_than_another(pipeline):
    a1, a2 = (pipeline.analyze(load_image(p))[0].embedding for p in photos_of("df01")[:2])
    b = pipeline.analyze(load_image(photos_of("df02")[0]))[0].embedding
    assert a1 @ a2 > a1 @ b + 0.2


@pytest.mark.parametrize("scene, expected", [
    ("two_people.jpg", 2), ("couple.jpg", 2), ("32bit.png", 1), ("obama-240p.jpg", 1),
])
def test_scenes(pipeline, scene, expected):
    faces = pipeline.analyze(load_image(require(FACES / "scenes" / scene)))
    assert len(faces) == expected
    assert all(_unit(f.embedding) for f in faces)


def test_many_faces_and_best_face(pipeline):
    faces = pipeline.analyze(load_image(require(FACES / "scenes" / "selfie-many-people.jpg")))
    assert len(faces) >= 4
    best = best_face(faces)
    assert best.score == max(f.score for f in faces)


def test_tight_crop_is_found_after_padding(pipeline):
    crop = sorted((require(FACES / "masked" / "rmfrd")).glob("*/*_unmasked*"))[0]
    image = load_image(crop)
    assert pipeline.detect(image), "a tight 160x160 face crop must be detected (padded retry)"


def test_mtcnn_when_no_scrfd_file(monkeypatch, tmp_path):
    monkeypatch.setenv("KIOSK_MODELS_DIR", str(tmp_path))
    monkeypatch.setenv("HOME", str(tmp_path))
    mtcnn = load_pipeline(load_settings(tmp_path), embedder="dlib")
    assert mtcnn.detector.name.startswith("mtcnn")
    assert "no SCRFD file" in mtcnn.detector_choice.reason
    faces = mtcnn.analyze(load_image(photos_of("obama")[0]))
    assert len(faces) == 1 and faces[0].landmarks.shape == (5, 2)
    assert faces[0].embedding.shape == (128,) and _unit(faces[0].embedding)


def test_dlib_descriptor_separates_people(pipeline):
    from kiosk.vision.embed import DlibEmbedder, embed_faces

    dlib_embedder = DlibEmbedder()
    vectors = []
    for path in photos_of("df01")[:2] + photos_of("df02")[:1]:
        image = load_image(path)
        vectors.append(embed_faces(dlib_embedder, image, pipeline.detect(image)[:1])[0])
    a1, a2, b = vectors
    assert _unit(np.stack(vectors))
    assert a1 @ a2 > a1 @ b


def test_facenet_missing_file_falls_back_with_a_clear_note(monkeypatch, tmp_path):
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("KIOSK_MODELS_DIR", str(require(MODELS)))
    embedder, choice = choose_embedder("auto")
    assert embedder.name == "mobilefacenet-arcface"
    assert any("vggface2.pt not found" in n and "models fetch" in n for n in choice.notes)
    with pytest.raises(FileNotFoundError, match="FaceNet"):
        choose_embedder("facenet")


def test_facenet_corrupt_file_falls_back(monkeypatch, tmp_path):
    (tmp_path / "20180402-114759-vggface2.pt").write_bytes(b"truncated download")
    monkeypatch.setenv("KIOSK_MODELS_DIR", str(tmp_path))
    embedder, choice = choose_embedder("auto", own_dir=MODELS)
    assert embedder.name != "facenet-vggface2"
    assert any("could not be loaded" in n for n in choice.notes)


def test_facenet_loading_path_with_a_dropped_in_file(monkeypatch, tmp_path, pipeline):
    """The real loading code, fed a file of the official format (an InceptionResnetV1
    state dict with the VGGFace2 logits layer), as `models fetch` would leave it."""
    import torch
    from facenet_pytorch import InceptionResnetV1

    torch.manual_seed(0)
    torch.save(InceptionResnetV1(classify=False, num_classes=8631).state_dict(),
               tmp_path / "20180402-114759-vggface2.pt")
    monkeypatch.setenv("KIOSK_MODELS_DIR", str(tmp_path))
    embedder, choice = choose_embedder("auto")
    assert embedder.name == "facenet-vggface2" and embedder.default_threshold == 0.65
    image = load_image(photos_of("obama")[0])
    from kiosk.vision.embed import embed_faces

    vectors = embed_faces(embedder, image, pipeline.detect(image))
    assert vectors.shape == (1, 512) and _unit(vectors)


def test_mobilefacenet_runs_side_by_side_give_each_face_its_own_vector(pipeline):
    """Several faces' runs (each crop and its flip) go to two threads: every face must still get
    exactly the vector of its own crop, in order, as if run one after another, also when two
    callers embed at once."""
    from concurrent.futures import ThreadPoolExecutor

    embedder = pipeline.embedder
    crops = []
    for person in ("obama", "biden", "obama"):
        image = load_image(photos_of(person)[1])
        crops.append(embedder.align(image, best_face(pipeline.analyze(image))))
    crops[2] = crops[2][:, ::-1].copy()  # a third, different crop
    one_by_one = []
    for crop in crops:
        rgb = crop[:, :, ::-1]
        vector = embedder._run(rgb) + embedder._run(rgb[:, ::-1])
        one_by_one.append(vector / np.linalg.norm(vector))
    together = embedder.embed_crops(crops)
    assert together.shape == (3, embedder.dim) and _unit(together)
    np.testing.assert_allclose(together, np.stack(one_by_one), atol=1e-6)
    assert float(together[0] @ together[1]) < 0.5  # two people: the rows were not mixed up
    with ThreadPoolExecutor(2) as callers:
        runs = list(callers.map(embedder.embed_crops, [crops, crops[::-1], crops[1:2]]))
    np.testing.assert_allclose(runs[0], together, atol=1e-6)
    np.testing.assert_allclose(runs[1], together[::-1], atol=1e-6)
    np.testing.assert_allclose(runs[2], together[1:2], atol=1e-6)
