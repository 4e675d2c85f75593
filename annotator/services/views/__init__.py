"""What the windows show, read by the core: one value per window, Qt-free and tested without Qt.

Each reader runs on the window's task runner (never on the GUI thread) and
returns a frozen value the window draws from; see docs/architecture.md
("Read models").
"""
