#pragma once

#include <QObject>
#include <QPointer>

class QAction;
class QWidget;

namespace spectag::ui {

// The keyboard annotation mode: while it is on, 1 to 9 toggle the moods (moodToggled(0..8)),
// J and K go to the next and previous track, Space plays the segment under the playhead and Esc
// leaves the mode. Off, every key does what it did before.
//
// The keys themselves are turned into signals by handleKey(), which tests call directly; the
// event filter (installed on the application by setWindow) feeds it the key presses that reach
// that window, and takes their ShortcutOverride too, so Space plays the segment instead of
// triggering the Play/Pause shortcut. Keys typed into a text field stay the field's.
class AnnotationMode : public QObject {
    Q_OBJECT
public:
    explicit AnnotationMode(QObject *parent = nullptr);
    ~AnnotationMode() override;

    QAction *action() const { return m_action; }  // checkable, F8
    bool isActive() const;
    // Starts filtering the key presses of `window` (and its children); nullptr stops.
    void setWindow(QWidget *window);

    // True when the key was the mode's (and its signal was emitted).
    bool handleKey(int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier);

public Q_SLOTS:
    void setActive(bool active);

Q_SIGNALS:
    void activeChanged(bool active);
    void moodToggled(int index);  // 0-based: key 1 is index 0
    void nextTrack();
    void previousTrack();
    void playSegment();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    bool isModeKey(int key, Qt::KeyboardModifiers modifiers) const;

    QAction *m_action;
    QPointer<QWidget> m_window;
};

} // namespace spectag::ui
