#include "inference/tagsuggestion.h"

#include "model/moodspace.h"

#include <algorithm>

namespace spectag {

namespace {

int headIndex(const ModelSpec &spec, const QString &name, HeadSpec::Kind kind)
{
    for (size_t h = 0; h < spec.heads.size(); ++h)
        if (spec.heads[h].name == name && spec.heads[h].kind == kind)
            return int(h);
    return -1;
}

// Labels with their scores, most probable first (stable for ties: the model's label order).
QList<QPair<QString, double>> ranked(const HeadSpec &head, const std::vector<float> &scores)
{
    QList<QPair<QString, double>> out;
    for (qsizetype i = 0; i < head.labels.size() && size_t(i) < scores.size(); ++i)
        out.append({head.labels[i], double(scores[size_t(i)])});
    std::stable_sort(out.begin(), out.end(), [](const auto &a, const auto &b) { return a.second > b.second; });
    return out;
}

} // namespace

TagSuggestion suggestTags(const ModelSpec &spec, const std::vector<std::vector<float>> &heads,
                          const TagSuggestionOptions &options)
{
    TagSuggestion s;
    auto scoresOf = [&](int h) -> const std::vector<float> * {
        return h >= 0 && size_t(h) < heads.size() && heads[size_t(h)].size() == size_t(spec.heads[size_t(h)].labels.size())
                   ? &heads[size_t(h)] : nullptr;
    };
    const int g = headIndex(spec, QStringLiteral("genre"), HeadSpec::Kind::SingleLabel);
    if (const auto *sc = scoresOf(g)) {
        const auto r = ranked(spec.heads[size_t(g)], *sc);
        if (!r.isEmpty() && r.first().second >= options.minConfidence)
            s.genre << r.first().first;
        if (options.scores)
            s.genreScores = r;
    }
    QStringList everyday, gems;
    QList<QPair<QString, double>> everydayScores, gemsScores;
    const int q = headIndex(spec, QStringLiteral("quadrant"), HeadSpec::Kind::SingleLabel);
    if (const auto *sc = scoresOf(q)) {
        for (const auto &[quadrant, p] : ranked(spec.heads[size_t(q)], *sc)) {
            const QString word = options.everydayWords.value(quadrant, everydayMood(quadrant));
            if (word.isEmpty())
                continue;
            everydayScores.append({word, p});
            if (everyday.isEmpty() && p >= options.minConfidence)
                everyday << word;  // quadrants exclude each other: one word at most
        }
    }
    const int m = headIndex(spec, QStringLiteral("mood"), HeadSpec::Kind::MultiLabel);
    if (const auto *sc = scoresOf(m)) {
        const HeadSpec &head = spec.heads[size_t(m)];
        gemsScores = ranked(head, *sc);
        for (const auto &[label, p] : gemsScores)
            if (p >= options.minConfidence && p >= head.threshold(int(head.labels.indexOf(label))))
                gems << label;
    }
    switch (options.vocabulary) {
    case MoodVocabulary::Everyday:
        s.mood = q >= 0 ? everyday : gems;
        s.moodScores = q >= 0 ? everydayScores : gemsScores;
        break;
    case MoodVocabulary::Gems:
        s.mood = gems;
        s.moodScores = gemsScores;
        break;
    case MoodVocabulary::Both:
        s.mood = everyday + gems;
        s.moodScores = everydayScores + gemsScores;
        break;
    }
    if (!options.scores)
        s.moodScores.clear();
    return s;
}

TagValueMap toTagValues(const TagSuggestion &t)
{
    auto scoreText = [](const QList<QPair<QString, double>> &scores) {
        std::vector<std::pair<QString, double>> v;
        for (const auto &[label, p] : scores)
            v.emplace_back(label, p);
        return QStringList{formatScores(v)};
    };
    TagValueMap values;
    if (!t.genre.isEmpty())
        values.insert(TagField::Genre, t.genre);
    if (!t.mood.isEmpty())
        values.insert(TagField::Mood, t.mood);
    if (!t.genreScores.isEmpty())
        values.insert(TagField::GenreScores, scoreText(t.genreScores));
    if (!t.moodScores.isEmpty())
        values.insert(TagField::MoodScores, scoreText(t.moodScores));
    return values;
}

MoodVocabulary parseMoodVocabulary(const QString &name, bool *ok)
{
    *ok = true;
    if (name == QLatin1String("everyday"))
        return MoodVocabulary::Everyday;
    if (name == QLatin1String("gems"))
        return MoodVocabulary::Gems;
    if (name == QLatin1String("both"))
        return MoodVocabulary::Both;
    *ok = false;
    return MoodVocabulary::Everyday;
}

} // namespace spectag
