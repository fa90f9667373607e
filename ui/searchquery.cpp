#include "searchquery.h"

#include <QHash>
#include <QRegularExpression>

#include <optional>

namespace spectag::ui {

namespace {

// Splits on white space outside double quotes; the quotes themselves are removed.
QStringList tokenize(const QString &query)
{
    QStringList tokens;
    QString current;
    bool quoted = false, any = false;
    for (const QChar c : query) {
        if (c == u'"') {
            quoted = !quoted;
            any = true;
        } else if (c.isSpace() && !quoted) {
            if (any)
                tokens.append(current);
            current.clear();
            any = false;
        } else {
            current.append(c);
            any = true;
        }
    }
    if (any && !current.isEmpty())
        tokens.append(current);
    return tokens;
}

std::optional<SearchQuery::Field> fieldFromName(const QString &name)
{
    using F = SearchQuery::Field;
    static const QHash<QString, F> names = {
        {QStringLiteral("title"), F::Title},   {QStringLiteral("artist"), F::Artist},
        {QStringLiteral("album"), F::Album},   {QStringLiteral("genre"), F::Genre},
        {QStringLiteral("mood"), F::Mood},     {QStringLiteral("conf"), F::Confidence},
        {QStringLiteral("confidence"), F::Confidence}, {QStringLiteral("duration"), F::Duration},
        {QStringLiteral("len"), F::Duration},  {QStringLiteral("state"), F::State},
        {QStringLiteral("path"), F::Path},
    };
    const auto it = names.constFind(name.toLower());
    if (it == names.constEnd())
        return std::nullopt;
    return *it;
}

// "0.7", "70%", "3:05" (durations) -> number; nullopt when it is not one.
std::optional<double> parseNumber(const QString &text, SearchQuery::Field field)
{
    bool ok = false;
    if (field == SearchQuery::Field::Duration && text.contains(u':')) {
        const QStringList parts = text.split(u':');
        double seconds = 0;
        for (const QString &p : parts) {
            const double v = p.toDouble(&ok);
            if (!ok)
                return std::nullopt;
            seconds = seconds * 60 + v;
        }
        return seconds;
    }
    if (field == SearchQuery::Field::Confidence && text.endsWith(u'%')) {
        const double v = text.chopped(1).toDouble(&ok);
        return ok ? std::optional<double>(v / 100.0) : std::nullopt;
    }
    const double v = text.toDouble(&ok);
    return ok ? std::optional<double>(v) : std::nullopt;
}

bool isNumeric(SearchQuery::Field f)
{
    return f == SearchQuery::Field::Confidence || f == SearchQuery::Field::Duration;
}

} // namespace

SearchQuery SearchQuery::parse(const QString &query)
{
    static const QRegularExpression fieldTerm(QStringLiteral("^([A-Za-z]+)(:|>=|<=|=|>|<)(.*)$"));
    SearchQuery q;
    for (QString token : tokenize(query)) {
        Term t;
        if (token.size() > 1 && token.startsWith(u'-')) {
            t.negated = true;
            token.remove(0, 1);
        }
        const QRegularExpressionMatch m = fieldTerm.match(token);
        const auto field = m.hasMatch() ? fieldFromName(m.captured(1)) : std::nullopt;
        if (!field) {
            t.text = token.toCaseFolded();
            q.m_terms.append(t);
            continue;
        }
        const QString op = m.captured(2);
        const QString value = m.captured(3);
        if (value.isEmpty())
            continue;  // "mood:" while typing: no constraint yet
        t.field = *field;
        if (isNumeric(t.field)) {
            const auto number = parseNumber(value, t.field);
            if (!number)
                continue;  // "conf>abc": ignore rather than hide every row
            t.number = *number;
            t.op = op == u">" ? Op::Greater : op == u">=" ? Op::GreaterEqual : op == u"<" ? Op::Less
                 : op == u"<=" ? Op::LessEqual : Op::Equals;  // ':' on a number means '='
        } else {
            if (op != u":" && op != u"=") {
                t.field = Field::Any;  // "title>x" is nonsense: search the whole token as text
                t.text = token.toCaseFolded();
                q.m_terms.append(t);
                continue;
            }
            t.op = op == u"=" ? Op::Equals : Op::Contains;
            t.text = value.toCaseFolded();
        }
        q.m_terms.append(t);
    }
    return q;
}

bool SearchQuery::matches(const Getter &get) const
{
    static constexpr Field kTextFields[] = {Field::Title, Field::Artist, Field::Album, Field::Genre, Field::Mood};
    for (const Term &t : m_terms) {
        bool hit = false;
        if (t.field == Field::Any) {
            for (Field f : kTextFields)
                if (get(f).toString().toCaseFolded().contains(t.text)) {
                    hit = true;
                    break;
                }
        } else if (isNumeric(t.field)) {
            const QVariant v = get(t.field);
            bool ok = false;
            const double x = v.toDouble(&ok);
            if (v.isValid() && ok) {
                switch (t.op) {
                case Op::Greater: hit = x > t.number; break;
                case Op::GreaterEqual: hit = x >= t.number; break;
                case Op::Less: hit = x < t.number; break;
                case Op::LessEqual: hit = x <= t.number; break;
                default: hit = qAbs(x - t.number) < 1e-9 + (t.field == Field::Duration ? 0.5 : 0.005); break;
                }
            }
        } else {
            const QString value = get(t.field).toString().toCaseFolded();
            hit = t.op == Op::Equals ? value == t.text : value.contains(t.text);
        }
        if (hit == t.negated)
            return false;
    }
    return true;
}

QString SearchQuery::fieldName(Field f)
{
    switch (f) {
    case Field::Any: return QStringLiteral("any");
    case Field::Title: return QStringLiteral("title");
    case Field::Artist: return QStringLiteral("artist");
    case Field::Album: return QStringLiteral("album");
    case Field::Genre: return QStringLiteral("genre");
    case Field::Mood: return QStringLiteral("mood");
    case Field::Confidence: return QStringLiteral("conf");
    case Field::Duration: return QStringLiteral("duration");
    case Field::State: return QStringLiteral("state");
    case Field::Path: return QStringLiteral("path");
    }
    return {};
}

} // namespace spectag::ui
