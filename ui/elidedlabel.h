#pragma once

#include <QLabel>

namespace spectag::ui {

// A one-line label that elides its plain text to the width it is given (the whole text in its
// tool tip), for lines whose length depends on data, such as a model's description. A word-wrapped
// QLabel would do, but a dock's layout ignores height-for-width: squeezed, the wrapped lines ran
// over the widgets below them.
class ElidedLabel : public QLabel {
    Q_OBJECT
public:
    explicit ElidedLabel(QWidget *parent = nullptr);

    void setFullText(const QString &text, const QString &toolTip = {});
    QString fullText() const { return m_full; }
    bool isElided() const { return text() != m_full; }

    QSize minimumSizeHint() const override;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void elide();

    QString m_full;
};

} // namespace spectag::ui
