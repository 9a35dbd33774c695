using System.Collections;

namespace Jichitai.Platform.Logging;

/// <summary>
/// What a logger provider receives instead of a log state (or a scope state) that held personal data: the scrubbed message and the
/// scrubbed key/value pairs, <c>{OriginalFormat}</c> included when the original had one.
/// </summary>
internal sealed class RedactedLogState : IReadOnlyList<KeyValuePair<string, object?>>
{
    public const string WithheldMessage = "(log message withheld: personal-data scrubbing failed)";

    public static readonly Func<RedactedLogState, Exception?, string> Formatter = static (state, _) => state.Message;

    private readonly KeyValuePair<string, object?>[] _tags;

    private RedactedLogState(string message, KeyValuePair<string, object?>[] tags)
    {
        Message = message;
        _tags = tags;
    }

    public string Message { get; }

    public int Count => _tags.Length;

    public KeyValuePair<string, object?> this[int index] => _tags[index];

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)_tags).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => Message;

    /// <summary>A scrubbed copy of <paramref name="state"/>, or null when nothing in it had to be masked (log the original then).</summary>
    public static RedactedLogState? TryCreate<TState>(TState state, Exception? exception, Func<TState, Exception?, string>? formatter)
    {
        try
        {
            return state is IReadOnlyList<KeyValuePair<string, object?>> list
                ? FromList(list, () => Format(state, exception, formatter))
                : FromMessage(Format(state, exception, formatter));
        }
        catch (Exception)
        {
            // Never let a failure here log the unscrubbed message.
            return new RedactedLogState(WithheldMessage, []);
        }
    }

    private static string Format<TState>(TState state, Exception? exception, Func<TState, Exception?, string>? formatter) =>
        formatter is not null ? formatter(state, exception) : state?.ToString() ?? string.Empty;

    private static RedactedLogState? FromMessage(string message)
    {
        string scrubbed = PersonalDataPatterns.Scrub(message);
        return ReferenceEquals(scrubbed, message) ? null : new RedactedLogState(scrubbed, []);
    }

    private static RedactedLogState? FromList(IReadOnlyList<KeyValuePair<string, object?>> list, Func<string> format)
    {
        int count = list.Count;
        var tags = new KeyValuePair<string, object?>[count];
        bool changed = false;
        for (int i = 0; i < count; i++)
        {
            KeyValuePair<string, object?> item = list[i];
            object? value = PersonalDataPatterns.ScrubValue(item.Key, item.Value);
            changed |= !ReferenceEquals(value, item.Value);
            tags[i] = new(item.Key, value);
        }

        string message;
        string? template = count > 0 && list[count - 1].Key == PersonalDataPatterns.OriginalFormatKey ? list[count - 1].Value as string : null;
        LogTemplate? parsed = template is null ? null : LogTemplate.Get(template);
        if (template is not null && parsed!.MatchesPositionally(tags, count - 1))
        {
            // Render from the template rather than from the original message, so that values under personal-data keys are left out
            // however they were formatted ({Birth:yyyy/MM/dd}).
            string rendered = parsed.Render(tags, count - 1);
            message = PersonalDataPatterns.Scrub(rendered);
            changed |= !ReferenceEquals(message, rendered);
        }
        else
        {
            string original = format();
            message = original;
            for (int i = 0; i < count; i++)
            {
                KeyValuePair<string, object?> item = list[i];
                if (!ReferenceEquals(tags[i].Value, item.Value) && item.Value is not null)
                {
                    string text = PersonalDataPatterns.FormatInvariant(item.Value);
                    if (text.Length > 0)
                    {
                        message = message.Replace(text, PersonalDataPatterns.FormatInvariant(tags[i].Value), StringComparison.Ordinal);
                    }
                }
            }

            message = PersonalDataPatterns.Scrub(message);
            changed |= !ReferenceEquals(message, original);
        }

        return changed ? new RedactedLogState(message, tags) : null;
    }
}
