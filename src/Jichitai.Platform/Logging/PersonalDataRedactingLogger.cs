using System.Reflection;
using Microsoft.Extensions.Logging;

namespace Jichitai.Platform.Logging;

/// <summary>
/// Sits in front of the logger of Microsoft's redacting <c>ExtendedLoggerFactory</c>, i.e. in front of every provider: masks
/// personal-data patterns and personal-data keys in log states, scope states and exceptions before they go any further.
/// Allocation-free for a template-based state whose template and values have no digit and whose keys name no personal data.
/// </summary>
internal sealed class PersonalDataRedactingLogger(ILogger inner) : ILogger
{
    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull
    {
        if (typeof(TState) == typeof(string)
                ? !PersonalDataPatterns.ContainsDigit((string)(object)state)
                : StateInspector<TState>.IsClean(state))
        {
            return inner.BeginScope(state);
        }

        RedactedLogState? redacted = RedactedLogState.TryCreate(state, null, static (s, _) => s.ToString() ?? string.Empty);
        return redacted is null ? inner.BeginScope(state) : inner.BeginScope(redacted);
    }

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (typeof(TState) == typeof(LoggerMessageState))
        {
            // [LoggerMessage] methods compiled by the Microsoft.Extensions.Telemetry generator. Classified parameters ([PersonalData])
            // are in ClassifiedTagArray and are erased by the inner logger; the other tags are scrubbed here, in place, because the
            // generated formatter reads them from TagArray.
            var messageState = (LoggerMessageState)(object)state!;
            if (exception is null && IsClean(messageState))
            {
                inner.Log(logLevel, eventId, state, exception, formatter);
                return;
            }

            if (!inner.IsEnabled(logLevel))
            {
                return;
            }

            ScrubInPlace(messageState);
            inner.Log(logLevel, eventId, state, RedactedException.Scrub(exception), formatter);
            return;
        }

        if (exception is null && StateInspector<TState>.IsClean(state))
        {
            inner.Log(logLevel, eventId, state, exception, formatter);
            return;
        }

        if (!inner.IsEnabled(logLevel))
        {
            return;
        }

        Exception? safeException = RedactedException.Scrub(exception);
        RedactedLogState? redacted = StateInspector<TState>.IsClean(state) ? null : RedactedLogState.TryCreate(state, safeException, formatter);
        if (redacted is null)
        {
            inner.Log(logLevel, eventId, state, safeException, formatter);
        }
        else
        {
            inner.Log(logLevel, eventId, redacted, safeException, RedactedLogState.Formatter);
        }
    }

    private static bool IsClean(LoggerMessageState state)
    {
        KeyValuePair<string, object?>[] tags = state.TagArray;
        for (int i = 0; i < state.TagsCount; i++)
        {
            if (PersonalDataPatterns.NeedsScrubbing(tags[i].Key, tags[i].Value))
            {
                return false;
            }
        }

        return true;
    }

    private static void ScrubInPlace(LoggerMessageState state)
    {
        KeyValuePair<string, object?>[] tags = state.TagArray;
        for (int i = 0; i < state.TagsCount; i++)
        {
            KeyValuePair<string, object?> tag = tags[i];
            object? value = PersonalDataPatterns.ScrubValue(tag.Key, tag.Value);
            if (!ReferenceEquals(value, tag.Value))
            {
                tags[i] = new(tag.Key, value);
            }
        }
    }
}

/// <summary>
/// The allocation-free check for one state type. Interface calls on a struct state (FormattedLogValues is one) would box it, so the
/// check runs through a delegate bound to <see cref="PersonalDataPatterns.ListIsClean{TList}"/> closed over the state type.
/// </summary>
internal static class StateInspector<TState>
{
    private static readonly Func<TState, bool>? s_listIsClean = CreateListInspector();

    /// <summary>Whether the state can go to the providers untouched; false for any state this class cannot vouch for.</summary>
    public static bool IsClean(TState state) => state is null || (s_listIsClean is not null && s_listIsClean(state));

    private static Func<TState, bool>? CreateListInspector()
    {
        if (!typeof(IReadOnlyList<KeyValuePair<string, object?>>).IsAssignableFrom(typeof(TState)))
        {
            return null;
        }

        MethodInfo method = typeof(PersonalDataPatterns).GetMethod(nameof(PersonalDataPatterns.ListIsClean), BindingFlags.Public | BindingFlags.Static)!;
        return method.MakeGenericMethod(typeof(TState)).CreateDelegate<Func<TState, bool>>();
    }
}
