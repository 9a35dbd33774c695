using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Jichitai.Platform.Tests.Logging;

/// <summary>One log record as a provider saw it: the formatted message, the state's key/value pairs, the exception text and the scopes.</summary>
public sealed record CapturedLog(
    string Category,
    LogLevel Level,
    string Message,
    IReadOnlyList<KeyValuePair<string, object?>> State,
    Exception? Exception,
    IReadOnlyList<string> Scopes,
    IReadOnlyList<KeyValuePair<string, object?>> ScopeValues)
{
    public object? Value(string key) => State.Single(p => p.Key == key).Value;

    /// <summary>Everything a provider could write out for this record.</summary>
    public string AllText() => string.Join("\n",
        new[] { Message, Exception?.ToString() ?? "", Exception?.Message ?? "", Exception?.StackTrace ?? "" }
            .Concat(State.Select(Format))
            .Concat(Scopes)
            .Concat(ScopeValues.Select(Format)));

    private static string Format(KeyValuePair<string, object?> pair) =>
        pair.Key + "=" + Convert.ToString(pair.Value, CultureInfo.InvariantCulture);
}

/// <summary>An in-memory logger provider that records what providers receive, scopes included (it takes the factory's scope provider).</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<CapturedLog> _logs = new();
    private IExternalScopeProvider? _scopes;

    public IReadOnlyList<CapturedLog> Logs => [.. _logs];

    public CapturedLog Single() => Assert.Single(Logs);

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(CapturingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => provider._scopes?.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopes = new List<string>();
            var scopeValues = new List<KeyValuePair<string, object?>>();
            provider._scopes?.ForEachScope(
                (scope, _) =>
                {
                    scopes.Add(scope?.ToString() ?? "");
                    if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                    {
                        scopeValues.AddRange(pairs.Select(Snapshot));
                    }
                },
                (object?)null);
            var values = state is IEnumerable<KeyValuePair<string, object?>> statePairs ? statePairs.Select(Snapshot).ToList() : [];
            provider._logs.Enqueue(new CapturedLog(category, logLevel, formatter(state, exception), values, exception, scopes, scopeValues));
        }

        /// <summary>
        /// Values are only valid during the Log call (Microsoft's redacted values are pooled), as for any real provider: keep strings and
        /// value types, format everything else now.
        /// </summary>
        private static KeyValuePair<string, object?> Snapshot(KeyValuePair<string, object?> pair) =>
            pair.Value is null or string or ValueType ? pair : new(pair.Key, Convert.ToString(pair.Value, CultureInfo.InvariantCulture));
    }
}
