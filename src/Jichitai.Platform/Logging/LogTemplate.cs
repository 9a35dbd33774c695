using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace Jichitai.Platform.Logging;

/// <summary>
/// A message template (<c>"resident {ResidentName} at {Address}"</c>) turned into a composite format string, so that a message can be
/// rendered again from scrubbed values the way Microsoft.Extensions.Logging renders it: holes are filled by position, with the
/// invariant culture, <c>(null)</c> for null and comma-joined items for sequences.
/// </summary>
internal sealed class LogTemplate
{
    private const int MaxCachedTemplates = 1024;
    private static readonly ConcurrentDictionary<string, LogTemplate> s_cache = new(StringComparer.Ordinal);

    private readonly string _template;
    private readonly string? _compositeFormat;

    private LogTemplate(string template, string? compositeFormat, string[] holeNames)
    {
        _template = template;
        _compositeFormat = compositeFormat;
        HoleNames = holeNames;
    }

    public IReadOnlyList<string> HoleNames { get; }

    public static LogTemplate Get(string template)
    {
        if (s_cache.TryGetValue(template, out LogTemplate? cached))
        {
            return cached;
        }

        LogTemplate parsed = Parse(template);
        if (s_cache.Count < MaxCachedTemplates)
        {
            s_cache.TryAdd(template, parsed);
        }

        return parsed;
    }

    /// <summary>Whether the state's values (in order, <c>{OriginalFormat}</c> excluded) are exactly this template's holes.</summary>
    public bool MatchesPositionally(KeyValuePair<string, object?>[] values, int count)
    {
        if (count == 0)
        {
            return true;
        }

        if (HoleNames.Count != count)
        {
            return false;
        }

        for (int i = 0; i < count; i++)
        {
            if (!string.Equals(HoleNames[i], values[i].Key, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    public string Render(KeyValuePair<string, object?>[] values, int count)
    {
        // Like FormattedLogValues: with no values the template is the message, braces and all.
        if (count == 0 || _compositeFormat is null)
        {
            return _template;
        }

        var arguments = new object?[count];
        for (int i = 0; i < count; i++)
        {
            arguments[i] = values[i].Value switch
            {
                null => "(null)",
                string s => s,
                IEnumerable items => PersonalDataPatterns.FormatInvariant(items),
                object other => other,
            };
        }

        return string.Format(CultureInfo.InvariantCulture, _compositeFormat, arguments);
    }

    private static LogTemplate Parse(string template)
    {
        var format = new StringBuilder(template.Length);
        var names = new List<string>();
        int scan = 0;
        int end = template.Length;
        while (scan < end)
        {
            int open = FindBrace(template, '{', scan, end);
            if (scan == 0 && open == end)
            {
                return new LogTemplate(template, null, []);
            }

            int close = FindBrace(template, '}', open, end);
            if (close == end)
            {
                format.Append(template, scan, end - scan);
                break;
            }

            ReadOnlySpan<char> hole = template.AsSpan(open + 1, close - open - 1);
            int delimiter = hole.IndexOfAny(',', ':');
            format.Append(template, scan, open - scan + 1);
            format.Append(names.Count.ToString(CultureInfo.InvariantCulture));
            names.Add((delimiter < 0 ? hole : hole[..delimiter]).ToString());
            if (delimiter >= 0)
            {
                format.Append(hole[delimiter..]);
            }

            format.Append('}');
            scan = close + 1;
        }

        return new LogTemplate(template, format.ToString(), [.. names]);
    }

    /// <summary>
    /// The index of the first unescaped <paramref name="brace"/> at or after <paramref name="start"/>, or <paramref name="end"/>.
    /// Doubled braces are text; in an odd run of '{' the last one opens a hole, in an odd run of '}' the first one closes it.
    /// </summary>
    private static int FindBrace(string template, char brace, int start, int end)
    {
        int found = end;
        int run = 0;
        for (int i = start; i < end; i++)
        {
            char c = template[i];
            if (run > 0 && c != brace)
            {
                if (run % 2 == 0)
                {
                    run = 0;
                    found = end;
                }
                else
                {
                    break;
                }
            }
            else if (c == brace)
            {
                if (brace == '{' || run == 0)
                {
                    found = i;
                }

                run++;
            }
        }

        return found;
    }
}
