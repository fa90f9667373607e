#pragma once

// Reference readers for the tag tests: kid3-cli and mutagen (tagprobe.py), both independent of
// Spectag's TagLib code, plus fixture generation with foreign fields.

#include "common/testutil.h"
#include "tags/tagfile.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace tagtest {

// What Spectag's own reader gets from a field; the open error as the only value when it fails.
inline QStringList valuesOf(const QString &path, spectag::TagField field)
{
    QString error;
    std::unique_ptr<spectag::TagFile> tf = spectag::TagFile::open(path, &error);
    return tf ? tf->values(field) : QStringList{error};
}

inline QString probeScript()
{
    return QStringLiteral(SPECTAG_TESTS_DIR "/tags/tagprobe.py");
}

inline bool haveMutagen()
{
    static const bool have = testutil::havePythonModule(QStringLiteral("mutagen"));
    return have;
}

inline bool haveKid3()
{
    static const bool have = testutil::haveProgram(QStringLiteral("kid3-cli"));
    return have;
}

inline testutil::ProcResult probe(const QString &command, const QString &path, const QStringList &extra = {})
{
    return testutil::run(testutil::python(), QStringList{probeScript(), command, path} + extra, 60000);
}

// mutagen's view: {"mood": [...], "genre": [...], "mood_scores": [...], "genre_scores": [...]}
inline QJsonObject mutagenRead(const QString &path)
{
    const testutil::ProcResult r = probe(QStringLiteral("read"), path);
    return r.ok() ? QJsonDocument::fromJson(r.out).object() : QJsonObject{{QStringLiteral("error"), QString::fromUtf8(r.err)}};
}

inline QStringList jsonList(const QJsonValue &v)
{
    QStringList out;
    for (const QJsonValue &x : v.toArray())
        out << x.toString();
    return out;
}

// kid3-cli's listing: every "Name   value" line of every tag; multi-values appear as "a|b".
inline QStringList kid3Values(const QString &path, const QString &frameName)
{
    const testutil::ProcResult r = testutil::run(QStringLiteral("kid3-cli"), {QStringLiteral("-c"), QStringLiteral("get"), path}, 60000);
    QStringList out;
    static const QRegularExpression line(QStringLiteral("^  (\\S.*?)\\s{2,}(.*)$"));
    for (const QString &l : QString::fromUtf8(r.out).split(QLatin1Char('\n'))) {
        const QRegularExpressionMatch m = line.match(l);
        if (m.hasMatch() && m.captured(1).compare(frameName, Qt::CaseInsensitive) == 0)
            out << m.captured(2).split(QLatin1Char('|'));
    }
    return out;
}

// An APEv2 tag with text items, footer only, as other taggers append it; items are written as
// given, so two keys that differ only in case can be made (TagLib keeps one of them).
inline QByteArray rawApeTag(const QList<std::pair<QByteArray, QByteArray>> &items)
{
    const auto le32 = [](quint32 v) -> QByteArray {
        const char raw[4] = {char(v), char(v >> 8), char(v >> 16), char(v >> 24)};
        return QByteArray(raw, 4);
    };
    QByteArray body;
    for (const auto &[key, value] : items)
        body += le32(quint32(value.size())) + le32(0) + key + '\0' + value;
    return body + "APETAGEX" + le32(2000) + le32(quint32(body.size() + 32)) + le32(quint32(items.size())) + le32(0)
           + QByteArray(8, '\0');
}

inline QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace tagtest
