#pragma once
// Who the program says it is (QSettings scope, --version), shared by spectag and spectag-app.
#include <QCoreApplication>

namespace spectag::app {

inline void setIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Spectag"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("spectag.invalid"));
    QCoreApplication::setApplicationName(QStringLiteral("spectag"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SPECTAG_VERSION));
}

} // namespace spectag::app
