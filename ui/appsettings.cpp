#include "appsettings.h"

#include <QSettings>

namespace spectag::ui {

const char *const AppSettings::kModelPath = "analysis/model";
const char *const AppSettings::kDevice = "analysis/device";
const char *const AppSettings::kThreads = "analysis/threads";
const char *const AppSettings::kMinConfidence = "tags/minConfidence";
const char *const AppSettings::kVocabulary = "tags/vocabulary";
const char *const AppSettings::kWriteScores = "tags/writeScores";
const char *const AppSettings::kId3Version = "tags/id3Version";
const char *const AppSettings::kAnnotator = "annotation/annotator";
const char *const AppSettings::kDropRecordsMood = "playlists/dropRecordsMood";

namespace {

QString key(const char *k)
{
    return QString::fromLatin1(k);
}

// Stored as words, not enum numbers, so a settings file stays readable and survives reordering.
QString deviceWord(Model::Device d)
{
    return d == Model::Device::Cpu ? QStringLiteral("cpu") : d == Model::Device::Cuda ? QStringLiteral("cuda") : QStringLiteral("auto");
}

QString vocabularyWord(MoodVocabulary v)
{
    return v == MoodVocabulary::Gems ? QStringLiteral("gems") : v == MoodVocabulary::Both ? QStringLiteral("both") : QStringLiteral("everyday");
}

} // namespace

QString AppSettings::defaultAnnotator()
{
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("USERNAME");
    return user;
}

AppSettings AppSettings::load()
{
    QSettings s;
    AppSettings a;
    a.modelPath = s.value(key(kModelPath)).toString();
    const QString dev = s.value(key(kDevice)).toString();
    a.device = dev == QLatin1String("cpu") ? Model::Device::Cpu : dev == QLatin1String("cuda") ? Model::Device::Cuda : Model::Device::Auto;
    a.analysisThreads = std::max(0, s.value(key(kThreads), 0).toInt());
    a.minConfidence = std::clamp(s.value(key(kMinConfidence), 0.5).toDouble(), 0.0, 1.0);
    const QString voc = s.value(key(kVocabulary)).toString();
    a.vocabulary = voc == QLatin1String("gems") ? MoodVocabulary::Gems : voc == QLatin1String("both") ? MoodVocabulary::Both : MoodVocabulary::Everyday;
    a.writeScores = s.value(key(kWriteScores), true).toBool();
    const int id3 = s.value(key(kId3Version), 0).toInt();
    a.id3v2 = id3 == 3 ? Id3v2Version::V3 : id3 == 4 ? Id3v2Version::V4 : Id3v2Version::Keep;
    a.annotator = s.value(key(kAnnotator), defaultAnnotator()).toString();
    a.dropRecordsMood = s.value(key(kDropRecordsMood), true).toBool();
    return a;
}

void AppSettings::save() const
{
    QSettings s;
    s.setValue(key(kModelPath), modelPath);
    s.setValue(key(kDevice), deviceWord(device));
    s.setValue(key(kThreads), analysisThreads);
    s.setValue(key(kMinConfidence), minConfidence);
    s.setValue(key(kVocabulary), vocabularyWord(vocabulary));
    s.setValue(key(kWriteScores), writeScores);
    s.setValue(key(kId3Version), id3v2 == Id3v2Version::V3 ? 3 : id3v2 == Id3v2Version::V4 ? 4 : 0);
    s.setValue(key(kAnnotator), annotator);
    s.setValue(key(kDropRecordsMood), dropRecordsMood);
}

} // namespace spectag::ui
