"""An SVM over the gallery's embeddings (the MTCNN + FaceNet + SVM habit of the original project),
as an alternative to max-cosine matching, with an explicit rule for unknown people.

scikit-learn's SVC (linear or RBF kernel, class_weight="balanced", probability=True) is trained
on every template of every enrolled person (3 originals + 18 masked renderings each). An SVM
alone always names someone, so a query is accepted only when the winning class's probability
reaches `threshold`; the evaluation (`kiosk evaluate --matcher svm`) sweeps it like a cosine."""
from __future__ import annotations

import warnings

import numpy as np

from kiosk.gallery.store import PersonRecord
from kiosk.recognition.matcher import UNKNOWN, Candidate, MatchResult

KERNELS = ("linear", "rbf")


class SvmMatcher:
    """Same `person_scores` / `match` interface as Matcher; scores are class probabilities."""

    def __init__(self, records: list[PersonRecord], embedder: str | None = None, threshold: float = 0.5,
                 kernel: str = "linear", C: float = 1.0, originals_only: bool = False, seed: int = 0):
        from sklearn.svm import SVC

        if kernel not in KERNELS:
            raise ValueError(f"unknown SVM kernel {kernel!r}; choose from {', '.join(KERNELS)}")
        usable = [r for r in records if embedder is None or r.embedder == embedder]
        if len(usable) < 2:
            raise ValueError(f"an SVM needs at least 2 enrolled people, {len(usable)} given")
        rows, labels, masked = [], [], []
        for i, record in enumerate(usable):
            matrix, flags, _ = record.templates()
            if originals_only:
                matrix, flags = matrix[~flags], flags[~flags]
            rows.append(matrix)
            labels.extend([i] * len(matrix))
            masked.append(flags)
        x, y = np.concatenate(rows), np.asarray(labels)
        self.people = [(r.user_id, r.name) for r in usable]
        self.embedder = embedder or (usable[0].embedder if usable else "")
        self.threshold = self.masked_threshold = float(threshold)
        self.kernel = kernel
        # Platt scaling needs an internal cross-validation: every class needs a few samples.
        self._svc = SVC(kernel=kernel, C=C, gamma="scale", probability=True, class_weight="balanced",
                        random_state=seed)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # small classes: sklearn warns about the CV folds
            self._svc.fit(x, y)
        self.dim = x.shape[1]

    def __len__(self) -> int:
        return len(self.people)

    def person_scores(self, queries: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(Q, P) probability per person (columns in enrolment order) and a dummy template index."""
        queries = np.atleast_2d(np.asarray(queries, np.float32))
        proba = np.zeros((len(queries), len(self.people)), np.float32)
        proba[:, self._svc.classes_] = self._svc.predict_proba(queries)
        return proba, np.zeros(proba.shape, np.int64)

    def match(self, queries: np.ndarray, top_k: int = 3) -> list[MatchResult]:
        proba, _ = self.person_scores(queries)
        results = []
        for row in proba:
            order = np.argsort(-row)[:top_k]
            candidates = [Candidate(self.people[p][0], self.people[p][1], float(row[p]), False, "svm")
                          for p in order]
            top = candidates[0]
            accepted = top.score >= self.threshold
            results.append(MatchResult(top.user_id if accepted else None, top.name if accepted else UNKNOWN,
                                       top.score, accepted, False, self.threshold, candidates))
        return results
