using System.Globalization;
using System.Text;

namespace SplitBrain;

/// <summary>
/// The small part of EDN (Clojure's data notation) that Jepsen histories use: <c>nil</c>, <c>true</c>/<c>false</c>,
/// integers, strings, keywords, vectors <c>[…]</c> and maps <c>{…}</c>. Commas are whitespace.
/// </summary>
public static class Edn
{
    /// <summary>Reads one value from <paramref name="text"/>.</summary>
    /// <param name="text">Like <c>[3 0]</c>, <c>nil</c>, <c>"x 0 1 y"</c> or <c>{:process 0, :type :ok}</c>.</param>
    /// <returns>null, <see cref="bool"/>, <see cref="long"/>, <see cref="string"/>, <see cref="Keyword"/>, a list of values, or a dictionary keyed by <see cref="Keyword"/> (or other values).</returns>
    /// <exception cref="FormatException">The text is not one EDN value of those kinds; the message says where.</exception>
    public static object? Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int at = 0;
        object? value = ReadValue(text, ref at);
        SkipSpace(text, ref at);
        if (at < text.Length)
        {
            throw new FormatException($"unexpected \"{Clip(text, at)}\" after the value at column {at + 1}");
        }

        return value;
    }

    /// <summary>Writes <paramref name="value"/> as EDN: <c>nil</c>, <c>60</c>, <c>"x"</c>, <c>:ok</c>, <c>[3 0]</c>.</summary>
    /// <param name="value">A value of the kinds <see cref="Read"/> returns.</param>
    public static string Write(object? value)
    {
        var text = new StringBuilder();
        Write(value, text);
        return text.ToString();
    }

    /// <summary>Writes <paramref name="value"/> as EDN onto <paramref name="text"/>.</summary>
    /// <param name="value">A value of the kinds <see cref="Read"/> returns.</param>
    /// <param name="text">Where to write.</param>
    public static void Write(object? value, StringBuilder text)
    {
        ArgumentNullException.ThrowIfNull(text);
        switch (value)
        {
            case null:
                text.Append("nil");
                break;
            case bool flag:
                text.Append(flag ? "true" : "false");
                break;
            case long or int:
                text.Append(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
            case string s:
                text.Append('"');
                foreach (char c in s)
                {
                    text.Append(c switch
                    {
                        '"' => "\\\"",
                        '\\' => "\\\\",
                        '\n' => "\\n",
                        '\t' => "\\t",
                        '\r' => "\\r",
                        _ => c.ToString(),
                    });
                }

                text.Append('"');
                break;
            case Keyword keyword:
                text.Append(':').Append(keyword.Name);
                break;
            case IReadOnlyDictionary<object, object?> map:
                text.Append('{');
                bool firstPair = true;
                foreach (var (key, item) in map)
                {
                    if (!firstPair)
                    {
                        text.Append(", ");
                    }

                    firstPair = false;
                    Write(key, text);
                    text.Append(' ');
                    Write(item, text);
                }

                text.Append('}');
                break;
            case System.Collections.IEnumerable items:
                text.Append('[');
                bool first = true;
                foreach (object? item in items)
                {
                    if (!first)
                    {
                        text.Append(' ');
                    }

                    first = false;
                    Write(item, text);
                }

                text.Append(']');
                break;
            default:
                throw new ArgumentException($"EDN has no form for a {value.GetType().Name}; use nil, a boolean, an integer, a string, a keyword or a list.", nameof(value));
        }
    }

    private static object? ReadValue(string text, ref int at)
    {
        SkipSpace(text, ref at);
        if (at >= text.Length)
        {
            throw new FormatException("a value was expected but the text ended");
        }

        char c = text[at];
        if (c == '"')
        {
            return ReadString(text, ref at);
        }

        if (c == '[' || c == '(')
        {
            char close = c == '[' ? ']' : ')';
            at++;
            var items = new List<object?>();
            while (true)
            {
                SkipSpace(text, ref at);
                if (at >= text.Length)
                {
                    throw new FormatException($"a vector is not closed with '{close}'");
                }

                if (text[at] == close)
                {
                    at++;
                    return items;
                }

                items.Add(ReadValue(text, ref at));
            }
        }

        if (c == '{')
        {
            at++;
            var map = new Dictionary<object, object?>();
            while (true)
            {
                SkipSpace(text, ref at);
                if (at >= text.Length)
                {
                    throw new FormatException("a map is not closed with '}'");
                }

                if (text[at] == '}')
                {
                    at++;
                    return map;
                }

                object key = ReadValue(text, ref at) ?? throw new FormatException($"a map key cannot be nil (column {at})");
                SkipSpace(text, ref at);
                if (at >= text.Length || text[at] == '}')
                {
                    throw new FormatException($"the key {Write(key)} has no value");
                }

                map[key] = ReadValue(text, ref at);
            }
        }

        int start = at;
        while (at < text.Length && !char.IsWhiteSpace(text[at]) && text[at] != ',' && "[](){}\"".IndexOf(text[at]) < 0)
        {
            at++;
        }

        string token = text[start..at];
        if (token.Length == 0)
        {
            throw new FormatException($"unexpected '{text[at]}' at column {at + 1}");
        }

        if (token[0] == ':' && token.Length > 1)
        {
            return new Keyword(string.Intern(token[1..]));
        }

        if (token == "nil")
        {
            return null;
        }

        if (token is "true" or "false")
        {
            return token == "true";
        }

        if (long.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long number))
        {
            return number;
        }

        throw new FormatException($"\"{token}\" is not nil, a boolean, an integer, a string, a keyword, a vector or a map");
    }

    private static string ReadString(string text, ref int at)
    {
        var value = new StringBuilder();
        at++;
        while (at < text.Length)
        {
            char c = text[at++];
            if (c == '"')
            {
                return value.ToString();
            }

            if (c == '\\' && at < text.Length)
            {
                char escaped = text[at++];
                value.Append(escaped switch { 'n' => '\n', 't' => '\t', 'r' => '\r', _ => escaped });
            }
            else
            {
                value.Append(c);
            }
        }

        throw new FormatException("a string is not closed with '\"'");
    }

    private static void SkipSpace(string text, ref int at)
    {
        while (at < text.Length && (char.IsWhiteSpace(text[at]) || text[at] == ','))
        {
            at++;
        }
    }

    private static string Clip(string text, int at) => text.Length - at > 20 ? text.Substring(at, 20) + "…" : text[at..];
}
