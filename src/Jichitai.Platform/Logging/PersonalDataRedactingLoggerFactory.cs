using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Jichitai.Platform.Logging;

/// <summary>
/// The application's <see cref="ILoggerFactory"/>: wraps Microsoft's redacting factory (which erases [PersonalData] values and fans
/// out to the providers) so that every logger it hands out scrubs first. Providers registered in DI before or after
/// <see cref="PersonalDataLoggingBuilderExtensions.AddPersonalDataRedaction"/>, and providers added later through
/// <see cref="AddProvider"/>, all sit behind it; their own filter rules are untouched.
/// </summary>
internal sealed class PersonalDataRedactingLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    private readonly ConcurrentDictionary<string, PersonalDataRedactingLogger> _loggers = new(StringComparer.Ordinal);

    public ILogger CreateLogger(string categoryName) =>
        _loggers.GetOrAdd(categoryName, static (category, factory) => new PersonalDataRedactingLogger(factory.CreateLogger(category)), inner);

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose() => inner.Dispose();
}
