#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QVariant>

#include <functional>

namespace spectag::ui {

// The library search box's little language, parsed once per edit and matched per row:
//
//   calm piano                 free text: every word must occur in title, artist, album, genre or mood
//   mood:calm genre:"film score"  field contains value (case-insensitive; quotes keep spaces)
//   mood=calm                  field equals value exactly (case-insensitive)
//   conf>0.7 duration<=180     numeric comparison (> >= < <= =) on conf/confidence or duration (s;
//                              also m:ss)
//   -genre:rock  -live         a leading '-' negates the term
//
// Unknown fields (e.g. "foo:bar") are taken as free text so that a colon in a title still finds
// it; errors are never fatal, a half-typed query just matches what it can.
class SearchQuery {
    Q_DECLARE_TR_FUNCTIONS(SearchQuery)
public:
    enum class Field { Any, Title, Artist, Album, Genre, Mood, Confidence, Duration, State, Path };
    enum class Op { Contains, Equals, Less, LessEqual, Greater, GreaterEqual };

    struct Term {
        Field field = Field::Any;
        Op op = Op::Contains;
        QString text;        // case-folded for text ops
        double number = 0;   // for numeric ops
        bool negated = false;
        bool operator==(const Term &) const = default;
    };

    SearchQuery() = default;
    static SearchQuery parse(const QString &query);

    const QList<Term> &terms() const { return m_terms; }
    bool isEmpty() const { return m_terms.isEmpty(); }

    // The row's value for a field: text for text fields, a number for Confidence (0..1, or an
    // invalid QVariant when unanalysed) and Duration (seconds). Field::Any is never asked.
    using Getter = std::function<QVariant(Field)>;
    bool matches(const Getter &get) const;

    static QString fieldName(Field f);

private:
    QList<Term> m_terms;
};

} // namespace spectag::ui
