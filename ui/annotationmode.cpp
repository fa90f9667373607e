#include "annotationmode.h"

#include <QAbstractSpinBox>
#include <QAction>
#include <QApplication>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTextEdit>
#include <QWidget>

namespace spectag::ui {

namespace {
bool isTextInput(const QObject *o)
{
    return qobject_cast<const QLineEdit *>(o) || qobject_cast<const QTextEdit *>(o)
        || qobject_cast<const QPlainTextEdit *>(o) || qobject_cast<const QAbstractSpinBox *>(o);
}
} // namespace

AnnotationMode::AnnotationMode(QObject *parent)
    : QObject(parent)
    , m_action(new QAction(tr("Annotation &Mode"), this))
{
    m_action->setObjectName(QStringLiteral("annotationMode"));
    m_action->setCheckable(true);
    m_action->setShortcut(Qt::Key_F8);
    m_action->setToolTip(tr("Annotate with the keyboard: 1\u2013" "9 toggle the moods, J/K next/previous track, "
                            "Space plays the current segment, Esc leaves"));
    connect(m_action, &QAction::toggled, this, &AnnotationMode::activeChanged);
}

AnnotationMode::~AnnotationMode()
{
    setWindow(nullptr);
}

bool AnnotationMode::isActive() const
{
    return m_action->isChecked();
}

void AnnotationMode::setActive(bool active)
{
    m_action->setChecked(active);
}

void AnnotationMode::setWindow(QWidget *window)
{
    if (m_window == window)
        return;
    // Application-wide: key events go to the focus widget, which may be any child of the window.
    if (m_window && qApp)
        qApp->removeEventFilter(this);
    m_window = window;
    if (m_window && qApp)
        qApp->installEventFilter(this);
}

bool AnnotationMode::isModeKey(int key, Qt::KeyboardModifiers modifiers) const
{
    // Ctrl/Alt/Meta combinations stay the menus'; Shift and the keypad flag do not matter.
    if (modifiers & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier))
        return false;
    return (key >= Qt::Key_1 && key <= Qt::Key_9) || key == Qt::Key_J || key == Qt::Key_K
        || key == Qt::Key_Space || key == Qt::Key_Escape;
}

bool AnnotationMode::handleKey(int key, Qt::KeyboardModifiers modifiers)
{
    if (!isActive() || !isModeKey(key, modifiers))
        return false;
    if (key >= Qt::Key_1 && key <= Qt::Key_9)
        Q_EMIT moodToggled(key - Qt::Key_1);
    else if (key == Qt::Key_J)
        Q_EMIT nextTrack();
    else if (key == Qt::Key_K)
        Q_EMIT previousTrack();
    else if (key == Qt::Key_Space)
        Q_EMIT playSegment();
    else if (key == Qt::Key_Escape)
        setActive(false);
    return true;
}

bool AnnotationMode::eventFilter(QObject *watched, QEvent *event)
{
    const QEvent::Type type = event->type();
    if ((type != QEvent::KeyPress && type != QEvent::ShortcutOverride) || !isActive() || !m_window)
        return false;
    auto *widget = qobject_cast<QWidget *>(watched);
    if (!widget || widget->window() != m_window || isTextInput(widget))
        return false;
    auto *ke = static_cast<QKeyEvent *>(event);
    if (!isModeKey(ke->key(), ke->modifiers()))
        return false;
    if (type == QEvent::ShortcutOverride) {
        // Accepted: no shortcut fires and the key press comes to us below.
        event->accept();
        return true;
    }
    handleKey(ke->key(), ke->modifiers());
    return true;
}

} // namespace spectag::ui
