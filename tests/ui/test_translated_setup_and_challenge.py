"""The screens the tour does not walk (the first-run set-up, the recovery code, the liveness
challenge's card) under the same pseudo-language as tests/ui/test_translations.py: every visible
word went through Qt's translation; and in French the challenge is shown and spoken in French."""
from __future__ import annotations

import time

from PySide6.QtCore import QTranslator

from kiosk.app.challenge_gate import ASK, RETRY, USE_PIN, ChallengePrompt
from kiosk.ui import i18n
from kiosk.ui.first_run import CodeDialog, FirstRunDialog, RecoveryDialog
from kiosk.ui.pin import PinGuard
from kiosk.ui.widgets.challenge_prompt import ChallengePromptView, prompt_text
from tests.ui.test_translations import PseudoLanguage, data_words, untranslated, visible_texts

CODE = "12345-67890-12345-67890"  # digits: a code is data, never a word to translate
CODE_PATTERN = "xxxxx-xxxxx-xxxxx-xxxxx"  # the recovery code box's placeholder: its shape, not words


def prompts() -> list[ChallengePrompt]:
    return [ChallengePrompt(1, ASK, "turn_right", "Turn your head to your right", "right", 1, 2, 3.4, 0, 2),
            ChallengePrompt(1, ASK, "blink", "Blink your eyes", "blink", 1, 1, 2.0, 0, 2),
            ChallengePrompt(1, RETRY, None, "Not quite - let's try again", None, 0, 0, 1.0, 1, 2),
            ChallengePrompt(1, USE_PIN, None, "Please check in with your worker ID", None, 0, 0, 0.0, 2, 2)]


def test_set_up_recovery_and_challenge_screens_go_through_translation(qapp, qtbot, make_service):
    service = make_service(liveness=False)
    reference = QTranslator(qapp)
    assert reference.load(str(i18n.build("fr")))
    pseudo = PseudoLanguage(reference, qapp)
    qapp.installTranslator(pseudo)
    problems: list[str] = []
    try:
        known = data_words(service) | {CODE_PATTERN}

        def visit(name, window) -> None:
            window.show()
            qtbot.waitExposed(window)
            for where, text in visible_texts(window):
                words = untranslated(text, known)
                if words:
                    problems.append(f"{name} {where}: {text!r} ({', '.join(words)})")

        setup = FirstRunDialog(service)
        qtbot.addWidget(setup)
        visit("set-up: PIN", setup)
        setup.pin_page.submit("4821")
        visit("set-up: PIN again", setup)
        setup.stack.setCurrentIndex(setup.SETTINGS)
        visit("set-up: settings", setup)
        setup.code_page.show_code(CODE)
        setup.stack.setCurrentIndex(setup.CODE)
        visit("set-up: code", setup)
        recovery = RecoveryDialog(PinGuard(service.settings))
        qtbot.addWidget(recovery)
        visit("recovery: code", recovery)
        recovery.stack.setCurrentIndex(recovery.NEW_PIN)
        visit("recovery: new PIN", recovery)
        code = CodeDialog(CODE)
        qtbot.addWidget(code)
        visit("new recovery code", code)
        card = ChallengePromptView()
        qtbot.addWidget(card)
        for prompt in prompts():
            card.show_prompt(prompt)
            visit(f"challenge {prompt.state} {prompt.instruction}", card)
    finally:
        qapp.removeTranslator(pseudo)
    assert not problems, "visible text that Qt's translation never saw:\n" + "\n".join(problems)


def test_the_challenge_is_shown_and_spoken_in_the_screens_language(qapp, qtbot, make_service):
    from kiosk.ui.pages.live import LivePage

    prompt = prompts()[0]
    assert prompt_text(prompt) == "Turn your head to your right"  # English as the engine says it
    try:
        i18n.install(qapp, "fr")
        assert prompt_text(prompt) == "Tournez la tête vers votre droite"
        page = LivePage(make_service(liveness=False))
        qtbot.addWidget(page)
        said: list[str] = []
        speak = page.speaker.say
        page.speaker.say = lambda text: said.append(text) or speak(text)  # the real speaker, listened to

        class Face:
            challenge = prompt

        class Decision:
            faces = [Face()]

        class Result:
            decision = Decision()

        page.show_challenge(Result(), time.monotonic())
        assert page.challenge_prompt.text.text() == "Tournez la tête vers votre droite"
        assert said == ["Tournez la tête vers votre droite"]
        assert "Étape 1 sur 2" in page.challenge_prompt.detail.text()
    finally:
        i18n.install(qapp, "en")
