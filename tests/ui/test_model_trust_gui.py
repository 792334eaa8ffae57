"""The GUI's Load Model: a hostile file is refused with a question whose default is No;
a trusted one opens through its converted copy, and trust can be revoked from the list."""

from __future__ import annotations

from pathlib import Path

from PyQt6.QtCore import Qt

from tests.hostile_models import custom_checkpoint


def test_gui_load_model_refuses_and_asks_with_no_as_default(window, qtbot, hostile) -> None:
    path, marker = hostile
    with qtbot.waitSignal(window.models.refused, timeout=60_000):
        window.models.load(path)
    box = window.model_trust.question
    assert box is not None and box.isVisible()
    assert "모델.pt contains code outside the Ultralytics checkpoint format" in box.text()
    assert box.defaultButton().text() == "Don't Open"
    assert "carries code" in window.model_label.text()
    qtbot.keyClick(box, Qt.Key.Key_Return)  # the default answer
    qtbot.waitUntil(lambda: window.model_trust.question is None)
    window.models.wait()
    assert window.models.model is None and not marker.exists()
    assert window.model_trust.trust_list.entries() == []


def test_gui_trust_and_open_then_revoke(window, qtbot, harmless_module, tmp_path: Path) -> None:
    custom = custom_checkpoint(tmp_path / "colleague.pt")
    with qtbot.waitSignal(window.models.refused, timeout=60_000):
        window.models.load(custom)
    box = window.model_trust.question
    trust_button = next(b for b in box.buttons() if b.text() == "Trust and Open")
    with qtbot.waitSignal(window.models.loaded, timeout=120_000):
        qtbot.mouseClick(trust_button, Qt.MouseButton.LeftButton)
    assert window.models.info.path == custom and window.models.info.source is not None
    assert "colleague.pt" in window.model_label.text()
    dialog = window.model_trust.show_trusted()
    assert dialog.tree.topLevelItem(0).text(0) == "colleague.pt"
    dialog.tree.topLevelItem(0).setSelected(True)
    qtbot.mouseClick(dialog.revoke_button, Qt.MouseButton.LeftButton)
    assert window.model_trust.trust_list.entries() == []
    assert dialog.tree.topLevelItem(0).text(0) == "No trusted model files"
    dialog.close()
