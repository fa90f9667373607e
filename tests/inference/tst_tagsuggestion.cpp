// Which tags a track's predictions suggest: confidence gate, vocabularies, custom everyday words,
// tuned thresholds, fallbacks when a head is missing.
#include "inference/tagsuggestion.h"

#include <QTest>

using namespace spectag;

namespace {

ModelSpec threeHeads()
{
    ModelSpec s;
    s.heads.push_back(HeadSpec{QStringLiteral("genre"), HeadSpec::Kind::SingleLabel,
                               {QStringLiteral("classical"), QStringLiteral("rock"), QStringLiteral("pop")}, {}, 0.0});
    s.heads.push_back(HeadSpec{QStringLiteral("mood"), HeadSpec::Kind::MultiLabel,
                               {QStringLiteral("calmness"), QStringLiteral("power"), QStringLiteral("sadness")}, {0.3f, 0.6f, 0.5f}, 0.0});
    s.heads.push_back(HeadSpec{QStringLiteral("quadrant"), HeadSpec::Kind::SingleLabel,
                               {QStringLiteral("Q1"), QStringLiteral("Q2"), QStringLiteral("Q3"), QStringLiteral("Q4")}, {}, 0.0});
    return s;
}

const std::vector<std::vector<float>> kScores{{0.7f, 0.2f, 0.1f}, {0.55f, 0.58f, 0.1f}, {0.05f, 0.05f, 0.2f, 0.7f}};

} // namespace

class TestTagSuggestion : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everydayByDefault()
    {
        const TagSuggestion t = suggestTags(threeHeads(), kScores, {});
        QCOMPARE(t.genre, QStringList{QStringLiteral("classical")});
        QCOMPARE(t.mood, QStringList{QStringLiteral("relaxed")});
        QCOMPARE(t.moodScores.first().first, QStringLiteral("relaxed"));
        QCOMPARE(t.moodScores.size(), 4);
        QCOMPARE(t.genreScores.first(), (QPair<QString, double>{QStringLiteral("classical"), double(0.7f)}));
    }

    void gemsUseTunedThresholds()
    {
        TagSuggestionOptions o;
        o.vocabulary = MoodVocabulary::Gems;
        // power 0.58 is above 0.5 but below its own tuned threshold 0.6; calmness passes both.
        QCOMPARE(suggestTags(threeHeads(), kScores, o).mood, QStringList{QStringLiteral("calmness")});
        o.vocabulary = MoodVocabulary::Both;
        QCOMPARE(suggestTags(threeHeads(), kScores, o).mood, (QStringList{QStringLiteral("relaxed"), QStringLiteral("calmness")}));
    }

    void confidenceGate()
    {
        TagSuggestionOptions o;
        o.minConfidence = 0.75;
        const TagSuggestion t = suggestTags(threeHeads(), kScores, o);
        QVERIFY(t.genre.isEmpty());  // 0.7 < 0.75: leave the field alone
        QVERIFY(t.mood.isEmpty());
        QCOMPARE(t.genreScores.size(), 3);  // scores are still written: they are not claims
        o.scores = false;
        QVERIFY(suggestTags(threeHeads(), kScores, o).genreScores.isEmpty());
        QVERIFY(suggestTags(threeHeads(), kScores, o).moodScores.isEmpty());
    }

    void customWords()
    {
        TagSuggestionOptions o;
        o.everydayWords.insert(QStringLiteral("Q4"), QStringLiteral("chill"));
        const TagSuggestion t = suggestTags(threeHeads(), kScores, o);
        QCOMPARE(t.mood, QStringList{QStringLiteral("chill")});
        QCOMPARE(t.moodScores.first().first, QStringLiteral("chill"));
        QCOMPARE(t.moodScores.at(1).first, QStringLiteral("sad"));  // the others keep their defaults
    }

    void withoutQuadrantHeadEverydayFallsBackToMood()
    {
        ModelSpec s = threeHeads();
        s.heads.pop_back();
        const TagSuggestion t = suggestTags(s, {kScores[0], kScores[1]}, {});
        QCOMPARE(t.mood, QStringList{QStringLiteral("calmness")});
    }

    void mismatchedScoresAreIgnored()
    {
        const TagSuggestion t = suggestTags(threeHeads(), {{0.9f}, {}, {1, 0}}, {});
        QVERIFY(t.genre.isEmpty() && t.mood.isEmpty() && t.genreScores.isEmpty() && t.moodScores.isEmpty());
    }

    void tagValues()
    {
        TagValueMap v = toTagValues(suggestTags(threeHeads(), kScores, {}));
        QCOMPARE(v.value(TagField::Genre), QStringList{QStringLiteral("classical")});
        QCOMPARE(v.value(TagField::Mood), QStringList{QStringLiteral("relaxed")});
        QCOMPARE(v.value(TagField::MoodScores).size(), 1);
        QVERIFY(v.value(TagField::MoodScores).first().startsWith(QLatin1String("relaxed=0.7")));
        TagSuggestionOptions o;
        o.minConfidence = 0.99;
        o.scores = false;
        v = toTagValues(suggestTags(threeHeads(), kScores, o));
        QVERIFY2(v.isEmpty(), "fields without a confident value must not be in the write (that would clear them)");
    }

    void vocabularyNames()
    {
        bool ok = false;
        QCOMPARE(parseMoodVocabulary(QStringLiteral("gems"), &ok), MoodVocabulary::Gems);
        QVERIFY(ok);
        parseMoodVocabulary(QStringLiteral("emoji"), &ok);
        QVERIFY(!ok);
    }
};

QTEST_APPLESS_MAIN(TestTagSuggestion)
#include "tst_tagsuggestion.moc"
